"""Our bisnis rules against the REAL bisnis.com fragment saved beside the repository in ../shared.

The fragment (``realpages/bisnis/``) holds only the title and the author/date markup pasted from a live
article, not a whole page and no article text. The test wraps it, at test time, in the smallest page our
rules read: a ``<head>`` without any structured date and an ``article.detailsContent`` body of invented
text. So the title must come from ``h1.detailsTitleCaption``, the reporter from ``div.authorName`` (without
its " - Bisnis.com" suffix) and the publication time from the visible ``div.detailsAttributeDates``, which
has no zone label and is WIB. Nothing of the fragment is copied into the repository.
"""

from __future__ import annotations

import pytest

from newscrawl.extraction.core import FetchedPage, extract_article
from newscrawl.items import ArticleItem
from newscrawl.portals import get_portal
from tests.conftest import shared_path

FRAGMENT = ("realpages", "bisnis", "indoscraping_bisnis_detail_fragment_2025-07-29.html")
# The fragment names no URL; a stand-in of the article URL shape, so the page is judged an article.
URL = "https://ekonomi.bisnis.com/read/20250729/9/1000001/stand-in-url-for-the-saved-fragment"
# Invented body text, long enough for an article (the fragment has none).
BODY = (
    "<p><strong>Bisnis.com, JAKARTA &ndash;</strong> Paragraf pertama ini hanya pengisi untuk pengujian. "
    "Isinya dikarang agar halaman minimal memiliki teks artikel yang cukup panjang untuk dinilai.</p>"
    "<p>Paragraf kedua juga pengisi. Yang diuji adalah judul, nama penulis, dan waktu terbit yang dibaca "
    "dari potongan halaman asli.</p>"
)
FURNITURE = ("Bisnis.com -", "Selasa, 29 Juli 2025", "18:27", "Ni Luh Anggela", "title", "date")


def _page(fragment: str) -> str:
    return (
        '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>stand-in</title></head><body>'
        f'<div class="detailsHeader">{fragment}</div>'
        f'<article class="detailsContent force-17 mt40">{BODY}</article>'
        "</body></html>"
    )


@pytest.fixture(scope="module")
def item() -> ArticleItem:
    fragment = shared_path(*FRAGMENT).read_text(encoding="utf-8")
    return extract_article([FetchedPage(URL, _page(fragment))], get_portal("bisnis"))


def test_title_from_the_real_heading(item: ArticleItem) -> None:
    assert item.title == "Dana Desa Jadi Jaminan Kopdes Merah Putih, Mendes: Dibatasi 30%"


def test_visible_date_without_zone_label_is_wib(item: ArticleItem) -> None:
    assert item.published_at == "2025-07-29T18:27:00+07:00"
    assert item.published_at_raw == "Selasa, 29 Juli 2025 | 18:27"


def test_reporter_without_the_site_suffix(item: ArticleItem) -> None:
    assert item.authors == ["Ni Luh Anggela"]
    assert item.editors == []


def test_body_is_the_container_only(item: ArticleItem) -> None:
    assert item.extraction == "rules"
    assert item.body.startswith("Bisnis.com, JAKARTA – Paragraf pertama")
    for marker in FURNITURE:
        assert marker not in item.body, f"furniture {marker!r} in body"
