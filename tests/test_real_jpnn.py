"""jpnn.com against the one REAL page in ../shared: a 2022 Wayback capture of a 2021 article (mediacloud
metadata-lib test fixture), the 2021/22 jpnn template.

Nothing from the page is copied here. The expected title is read at test time from ``sources.md`` (it is
the title mediacloud's own test expects); the true body is re-derived from the HTML with a hand-written
walk independent of our selectors and noise rules, and checked against pinned sha1 digests of its
paragraphs, so the reference compared against is the one that was reviewed.

The capture rewrites every URL to ``web.archive.org/web/20220721150811/...`` (the canonical link too), so
the article is extracted under its original URL, as the crawler would have fetched it.
"""

from __future__ import annotations

import re
from functools import cache

import lxml.html

from newscrawl.extraction.core import FetchedPage, extract_article
from newscrawl.items import ArticleItem
from newscrawl.portals import get_portal
from tests.conftest import shared_path
from tests.support.measure import bag_f1, digest, tokens

FOLDER = ("realpages", "jpnn")
PAGE = "mcmetadata_jpnn_kamrussamad_wayback20220721.html"
# The visible date "Minggu, 18 Juli 2021 – 18:52 WIB" (span.date-publish) and JSON-LD datePublished agree.
PUBLISHED_MINUTE = "2021-07-18T18:52"
# "Redaktur & Reporter : Boy" (p.waktu): one person is both the reporter and the editor.
CREDITED = ["Boy"]
MIN_F1 = 0.98
TRUTH_DIGESTS = (
    "a5d10b30ceeb",
    "4d415c6be688",
    "b0ee68c3392c",
    "a3e0ec4be4ae",
    "15116057cca6",
    "92baecc94abb",
    "766f9836d89b",
    "7f562e16fe39",
)
TRUTH_TOKENS = 235
# Furniture jpnn puts in or right after the body (dossier section 18), compared case-insensitively.
FURNITURE = (
    "Baca Juga",
    "Simak Juga Video",
    "/jpnn)",
    "Redaktur",
    "Reporter :",
    "Google News",
    "youtube",
    "googletag",
)


@cache
def _html() -> bytes:
    return shared_path(*FOLDER, PAGE).read_bytes()


@cache
def _sources() -> str:
    return shared_path(*FOLDER, "sources.md").read_text(encoding="utf-8")


def _url() -> str:
    """The article URL, from the sources table."""
    (url,) = set(re.findall(r"\|\s*(https://www\.jpnn\.com/news/[\w-]+)\s*\|", _sources()))
    return url


@cache
def _extract() -> ArticleItem:
    return extract_article([FetchedPage(_url(), _html())], get_portal("jpnn"))


def _doc() -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(_html())


def _expected_title() -> str:
    (title,) = re.findall(
        r'title ==\s*"([^"]+)"', shared_path(*FOLDER, "sources.md").read_text(encoding="utf-8")
    )
    return title


def _reference() -> list[str]:
    """Every ``p`` directly in the articleBody div, read up to its first ``<br>`` and without its ``strong``
    children: the last paragraph carries the sign-off in a ``strong`` and, after ``<br>``, the video prompt
    and its iframe. The "Baca Juga" boxes and ad slots are divs, never picked."""
    (body,) = _doc().xpath("//div[@itemprop='articleBody']")
    paragraphs = []
    for p in body.xpath("./p"):
        parts = [p.text or ""]
        for child in p:
            if child.tag == "br":
                break
            if child.tag != "strong":
                parts.append(child.text_content())
            parts.append(child.tail or "")
        text = " ".join("".join(parts).split())
        if text:
            paragraphs.append(text)
    return paragraphs


def test_reference_is_the_reviewed_truth() -> None:
    paragraphs = _reference()
    assert tuple(digest(p) for p in paragraphs) == TRUTH_DIGESTS
    assert len(tokens(" ".join(paragraphs))) == TRUTH_TOKENS


def test_metadata() -> None:
    item = _extract()
    assert item.url == _url(), "the Wayback canonical link must not replace the article URL"
    assert item.title == _expected_title()
    assert item.published_at[:16] == PUBLISHED_MINUTE and item.published_at.endswith("+07:00")
    assert item.authors == CREDITED
    assert item.editors == CREDITED
    assert item.extraction == "rules"


def test_caption_is_not_body() -> None:
    item = _extract()
    (caption,) = _doc().xpath("//div[@class='page-content']/div[@class='caption']")
    caption_text = " ".join(caption.text_content().split())
    assert item.image_caption == caption_text
    assert caption_text not in item.body


def test_body_has_no_furniture() -> None:
    body = _extract().body.casefold()
    for marker in FURNITURE:
        assert marker.casefold() not in body, f"furniture {marker!r} in body"


def test_body_matches_the_truth() -> None:
    reference, body = _reference(), _extract().body
    assert bag_f1(" ".join(reference), body) >= MIN_F1
    assert body.split("\n\n") == reference
    assert body.startswith("jpnn.com, JAKARTA - "), "the dateline opens the first paragraph"
