"""cnnindonesia against the REAL body fragment in ../shared (the live ``div.detail-text`` of a 2025 article,
pasted with its title ``h1``, date line and "TOPIK TERKAIT" box; no ``<head>``, no URL).

The fragment is wrapped in a minimal page at test time; it is never copied into the repository, and neither
is its text. Pinned here are a short sha1 of every true paragraph and the truth's token count. The true
paragraphs come from a hand-written XPath, independent of the portal's selectors and the shared noise
rules: the bare dateline ``<strong>`` before the first ``<p>``, then every class-less ``p`` and ``h4``
outside the "Lihat Juga" tables and the parallax ad.
"""

from __future__ import annotations

from functools import cache

import lxml.html

from newscrawl.extraction.core import FetchedPage, extract_article
from newscrawl.items import ArticleItem
from newscrawl.portals import get_portal
from tests.conftest import shared_path
from tests.support.measure import digest, tokens

FILE = ("realpages", "cnnindonesia", "indoscraping_cnn_detail_fragment_2025-07-29.html")
# The source gives no URL; a URL of the article shape is needed for the page to count as an article.
URL = "https://www.cnnindonesia.com/ekonomi/20250729070500-532-1256000/real-fragment"
TITLE = "Kwik Kian Gie, Penentang Penerbitan SKL BLBI yang Kini Telah Pergi"
TRUTH_DIGESTS = (
    "fdffd2d2b6e2",
    "fc91f1cf3efa",
    "16bf5388c415",
    "8a4d5448ebac",
    "582b5a451f50",
    "c1b25775b947",
    "f48bb70ba6ba",
    "bcbe8a30a003",
    "c663cd37e0ed",
    "abc1ef50568c",
    "0684d2b046d3",
    "63b2f618b14a",
    "8f086844d633",
    "340f697d0f9b",
    "ff3d5afd1423",
    "c75093dd25cc",
    "db640da95ace",
    "253a02b39ad7",
    "cec5f50355d7",
    "632b226ce342",
    "f2f030dc3aca",
    "812836098fe2",
    "87064eb26bac",
    "ba25e7c1515c",
)
TRUTH_TOKENS = 785
# Furniture inside this body container that must never reach the record, compared case-insensitively.
FURNITURE = (
    "ADVERTISEMENT",
    "SCROLL TO CONTINUE",
    "Lihat Juga",
    "(agt)",
    "TOPIK TERKAIT",
    "static_detail",
    "embed/video",
)


def _class(name: str) -> str:
    return f'contains(concat(" ", normalize-space(@class), " "), " {name} ")'


@cache
def _page() -> bytes:
    fragment = shared_path(*FILE).read_bytes()
    head = b"<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'></head><body>"
    return head + fragment + b"</body></html>"


def _extract() -> ArticleItem:
    return extract_article([FetchedPage(URL, _page())], get_portal("cnnindonesia"))


def _reference() -> list[str]:
    doc = lxml.html.document_fromstring(_page())
    (body,) = doc.xpath(f"//div[{_class('detail-text')}]")
    blocks = body.xpath(
        f"(.//p[not(@class)] | .//h4)[not(ancestor::table[{_class('linksisip')}])]"
        f"[not(ancestor::*[{_class('paradetail')}])]"
    )
    paragraphs = [p for p in (" ".join(b.text_content().split()) for b in blocks) if p]
    dateline = body.xpath("./strong[following-sibling::p]")[0]
    paragraphs[0] = " ".join(f"{dateline.text_content()}{dateline.tail or ''} {paragraphs[0]}".split())
    return paragraphs


def test_reference_is_the_reviewed_truth() -> None:
    paragraphs = _reference()
    assert tuple(digest(p) for p in paragraphs) == TRUTH_DIGESTS
    assert len(tokens(" ".join(paragraphs))) == TRUTH_TOKENS


def test_body_is_exactly_the_article_paragraphs() -> None:
    item = _extract()
    paragraphs = item.body.split("\n\n")
    assert len(paragraphs) == len(TRUTH_DIGESTS)
    assert tuple(digest(p) for p in paragraphs) == TRUTH_DIGESTS
    assert paragraphs[0].startswith("Jakarta, CNN Indonesia -- "), "the dateline does not open the body"
    assert item.extraction == "rules"


def test_body_has_no_furniture() -> None:
    body = _extract().body.casefold()
    for marker in FURNITURE:
        assert marker.casefold() not in body, f"furniture {marker!r} in body"


def test_title_date_and_tags_from_the_visible_page() -> None:
    """Without structured data, the visible date line "Selasa, 29 Jul 2025 07:05 WIB" gives the time."""
    item = _extract()
    assert item.title == TITLE
    assert item.published_at[:16] == "2025-07-29T07:05" and item.published_at.endswith("+07:00")
    assert item.authors == []
    assert len(item.tags) == 4
