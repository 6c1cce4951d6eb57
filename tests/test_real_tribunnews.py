"""tribunnews against the REAL saved 2020 page in ../shared (page 1 of a 4-page article, old template).

The page is read at test time and never copied into the repository; neither is its text. Pinned here are a
short sha1 of every true paragraph and the truth's token count. The true paragraphs come from a small
hand-written XPath (every ``p`` of ``div.side-article.txt-article`` except the ``p.baca`` "Baca:" links),
independent of the portal's selectors and the shared noise rules.
"""

from __future__ import annotations

from functools import cache

import lxml.html
from scrapy.http import HtmlResponse

from newscrawl.extraction.core import FetchedPage, extract_article
from newscrawl.items import ArticleItem
from newscrawl.portals import get_portal
from newscrawl.urls import canonical_url
from tests.conftest import shared_path
from tests.support.measure import bag_f1, digest, tokens

FILE = ("realpages", "tribunnews", "htmldate_1595907782.html")
URL = (
    "https://www.tribunnews.com/pendidikan/2020/05/04/"
    "jawaban-soal-apa-dampak-negatif-jika-menunda-pekerjaan-belajar-dari-rumah-sma-di-tvri"
)
TITLE = "Jawaban Soal Apa Dampak Negatif Jika Menunda Pekerjaan, Belajar dari Rumah SMA di TVRI"
TRUTH_DIGESTS = (
    "d6e964f510f8",
    "074c74bc0e90",
    "fe7f191d792d",
    "3a7f9be731d2",
    "37be3dbaa60a",
    "ffab231add3c",
    "36c4ac47d5b2",
    "180483bc8840",
    "b26700eb0d9a",
    "f85c93726c18",
)
TRUTH_TOKENS = 120
MIN_F1 = 0.98
# Furniture of this page that must never reach the body, compared case-insensitively.
FURNITURE = (
    "Baca:",
    "Baca Juga",
    "Penulis:",
    "Editor:",
    "Sumber:",
    "Ikuti kami di",
    "Halaman selanjutnya",
    "Berita Rekomendasi",
    "Video Pilihan",
    "lihat foto",
    "Tags",
)


def _class(name: str) -> str:
    return f'contains(concat(" ", normalize-space(@class), " "), " {name} ")'


@cache
def _html() -> bytes:
    return shared_path(*FILE).read_bytes()


def _extract() -> ArticleItem:
    return extract_article([FetchedPage(URL, _html())], get_portal("tribunnews"))


def _reference() -> list[str]:
    doc = lxml.html.document_fromstring(_html())
    (body,) = doc.xpath(f"//div[{_class('side-article')}][{_class('txt-article')}]")
    paragraphs = (" ".join(p.text_content().split()) for p in body.xpath(f".//p[not({_class('baca')})]"))
    return [p for p in paragraphs if p]


def test_reference_is_the_reviewed_truth() -> None:
    paragraphs = _reference()
    assert tuple(digest(p) for p in paragraphs) == TRUTH_DIGESTS
    assert len(tokens(" ".join(paragraphs))) == TRUTH_TOKENS


def test_metadata() -> None:
    item = _extract()
    assert item.title == TITLE
    assert item.published_at[:16] == "2020-05-04T04:25" and item.published_at.endswith("+07:00")
    assert item.authors == ["Muhammad Renald Shiftanto"]
    assert item.editors == ["Sri Juliati"]
    assert item.section == "Pendidikan"
    assert item.extraction == "rules"
    assert item.url == URL


def test_body_has_no_furniture() -> None:
    body = _extract().body.casefold()
    for marker in FURNITURE:
        assert marker.casefold() not in body, f"furniture {marker!r} in body"


def test_body_matches_the_truth() -> None:
    reference = _reference()
    body = _extract().body
    assert bag_f1(" ".join(reference), body) >= MIN_F1
    assert body.split("\n\n") == reference
    assert body.startswith("TRIBUNNEWS.COM - "), "the dateline does not open the body"


def test_other_pages_are_found_on_page_one() -> None:
    """Page 1 of 4 links ``?page=2..4`` (plus a "Halaman selanjutnya" duplicate): exactly three to follow."""
    from newscrawl.spiders.portals import TribunnewsSpider

    response = HtmlResponse(URL, body=_html(), encoding="utf-8")
    pages = TribunnewsSpider()._other_pages(response)
    assert pages == [f"{URL}?page={n}" for n in (2, 3, 4)]


def test_mobile_amp_and_page_urls_are_one_article() -> None:
    portal = get_portal("tribunnews")
    mobile = URL.replace("www.tribunnews.com/", "m.tribunnews.com/amp/") + "?page=3"
    assert canonical_url(mobile, portal) == URL
    assert portal.is_article_url(URL)


def test_browser_user_agent_that_names_the_crawler_and_obeys_robots() -> None:
    settings = get_portal("tribunnews").spider_settings
    user_agent = str(settings["USER_AGENT"])
    assert user_agent.startswith("Mozilla/5.0") and "newscrawl" in user_agent and "+https://" in user_agent
    assert settings.get("ROBOTSTXT_OBEY", True) is True
