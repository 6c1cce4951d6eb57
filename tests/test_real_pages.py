"""The extraction path against REAL saved portal pages, which live beside the repository in ../shared.

The pages are never copied into the repository, and neither is their text. What is pinned here is, per page,
a short sha1 of every paragraph of the true article text (whitespace collapsed) and the truth's token count.
The test re-derives those paragraphs from the real HTML with a small hand-written XPath, independent of the
extractor's selectors and noise rules, checks them against the pinned digests (so the reference is the one
that was read and reviewed), then scores the extracted body against it with a token-level bag-of-words F1.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import lxml.html
import pytest

from newscrawl.extraction.core import FetchedPage, extract_article
from newscrawl.items import ArticleItem
from newscrawl.portals import get_portal
from tests.conftest import shared_path
from tests.support.measure import bag_f1, digest, tokens

MIN_F1 = 0.98
# Furniture that must never reach the body of these pages, compared case-insensitively.
FURNITURE = (
    "ADVERTISEMENT",
    "SCROLL TO CONTINUE",
    "Baca juga",
    "Simak Video",
    "[Gambas",
    "(vyp/kna)",
    "Grup Telegram",
    "t.me/",
    "Dapatkan update berita",
    "Foto:",
    "Lihat Foto",
)


def _class_xpath(name: str) -> str:
    return f'contains(concat(" ", normalize-space(@class), " "), " {name} ")'


def _text(el: lxml.html.HtmlElement) -> str:
    return " ".join(el.text_content().split())


def _detik_reference(doc: lxml.html.HtmlElement) -> list[str]:
    """Dateline ``<strong>`` before the first ``<p>``, then every class-less ``p`` of the body text that is
    neither in a "Baca juga" table nor in the parallax ad block. The trailing ``Simak Video`` line, the
    ``[Gambas:...]`` embed and the ``(vyp/kna)`` sign-off are bare ``strong``/``a`` elements: never picked."""
    (body,) = doc.xpath(f"//div[{_class_xpath('detail__body-text')}]")
    paragraphs = [
        _text(p)
        for p in body.xpath(
            f".//p[not(@class)][not(ancestor::table[{_class_xpath('linksisip')}])]"
            f"[not(ancestor::*[{_class_xpath('parallaxindetail')}])]"
        )
    ]
    dateline = body.xpath("./strong[following-sibling::p]")[0]
    paragraphs[0] = " ".join(f"{dateline.text_content()}{dateline.tail or ''} {paragraphs[0]}".split())
    return [p for p in paragraphs if p]


def _kompas_reference(doc: lxml.html.HtmlElement) -> list[str]:
    """Every non-empty ``p`` of ``div.read__content`` except the "Baca juga" links (page 1 of the article: the
    saved page is page 1 of 2). The dateline "JAKARTA, KOMPAS.com -" is inside the first paragraph."""
    (body,) = doc.xpath(f"//div[{_class_xpath('read__content')}]")
    paragraphs = body.xpath(f".//p[not(.//a[{_class_xpath('inner-link-baca-juga')}])]")
    return [t for t in (_text(p) for p in paragraphs) if t]


@dataclass(frozen=True)
class RealCase:
    portal: str
    file: tuple[str, ...]
    url: str
    title: str
    published_minute: str
    authors: tuple[str, ...]
    editors: tuple[str, ...]
    reference: Callable[[lxml.html.HtmlElement], list[str]]
    truth_digests: tuple[str, ...]
    """sha1 (first 12 hex) of each true paragraph, whitespace collapsed, in order."""
    truth_tokens: int

    @property
    def id(self) -> str:
        return self.portal


CASES = (
    RealCase(
        portal="detik",
        file=("realpages", "detik", "htmldate_health.detik.com-Stroke.html"),
        url="https://health.detik.com/true-story/d-7016153/"
        "curhat-wanita-kena-stroke-di-umur-26-ketahuan-saat-terkapar-di-kamar-mandi",
        title="Curhat Wanita Kena Stroke di Umur 26, Ketahuan saat Terkapar di Kamar Mandi",
        published_minute="2023-11-02T20:59",
        authors=("Vidya Pinandhita",),
        editors=(),
        reference=_detik_reference,
        truth_digests=(
            "40f620adc045",
            "4dfa7859bf1d",
            "b80a65290e37",
            "7b87d84ec8fb",
            "bc48f3bdb1dc",
            "731de15af421",
            "e89de86cb5ad",
            "95d9e6dd07e2",
            "c7a787854af4",
            "f8ecc92bf066",
        ),
        truth_tokens=364,
    ),
    RealCase(
        portal="kompas",
        file=("realpages", "kompas", "htmldate_money.kompas.com-Menhub.html"),
        url="https://money.kompas.com/read/2023/11/02/213419026/menhub-bocorkan-penyebab-harga-tiket-pesawat-masih-mahal",
        title="Menhub Bocorkan Penyebab Harga Tiket Pesawat Masih Mahal",
        published_minute="2023-11-02T21:34",
        authors=("Isna Rifka Sri Rahayu",),
        editors=("Yoga Sukmana",),
        reference=_kompas_reference,
        truth_digests=(
            "a938d683516c",
            "90a92270535b",
            "98a7a04cc0e6",
            "a6ab45e544c6",
            "58f15813074e",
            "d3ab4ffc3f7a",
            "660abe3400f1",
            "a740952f7cb9",
            "d0f0ea0c7d93",
            "117c482ee471",
        ),
        truth_tokens=236,
    ),
)


@cache
def _html(case: RealCase) -> bytes:
    return shared_path(*case.file).read_bytes()


def _extract(case: RealCase, html: bytes | None = None) -> ArticleItem:
    return extract_article([FetchedPage(case.url, html or _html(case))], get_portal(case.portal))


def _reference(case: RealCase) -> list[str]:
    return case.reference(lxml.html.document_fromstring(_html(case)))


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_reference_is_the_reviewed_truth(case: RealCase) -> None:
    paragraphs = _reference(case)
    assert tuple(digest(p) for p in paragraphs) == case.truth_digests
    assert len(tokens(" ".join(paragraphs))) == case.truth_tokens


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_metadata(case: RealCase) -> None:
    item = _extract(case)
    assert item.title == case.title
    published = item.published_at
    assert published[:16] == case.published_minute and published.endswith("+07:00"), published
    assert item.authors == list(case.authors)
    assert item.editors == list(case.editors)
    assert item.extraction == "rules"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_body_has_no_furniture(case: RealCase) -> None:
    body = _extract(case).body.casefold()
    for marker in FURNITURE:
        assert marker.casefold() not in body, f"furniture {marker!r} in body"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_body_matches_the_truth(case: RealCase) -> None:
    reference = _reference(case)
    body = _extract(case).body
    score = bag_f1(" ".join(reference), body)
    assert score >= MIN_F1, f"{case.id}: body F1 {score:.4f} < {MIN_F1}"
    assert body.startswith(reference[0][:40]), "the dateline paragraph does not open the body"


def test_kompas_credit_modal_names_reporters_and_editor() -> None:
    """Without the content_author/content_editor meta tags, the labelled credit modal still tells the
    reporter ("Penulis") from the editor; the short credit line above it lists both without labels."""
    (case,) = (c for c in CASES if c.portal == "kompas")
    html = re.sub(rb'<meta name="content_(author|editor)" [^>]*>', b"", _html(case))
    assert b'name="content_author"' not in html
    item = _extract(case, html)
    assert item.authors == list(case.authors)
    assert item.editors == list(case.editors)
