"""A real bad sindonews scrape, rebuilt as the two pages sindonews serves, must give a clean record.

``../shared/examples/sindonews-bad-scrape.txt`` is what a naive scraper wrote for a multi-page listicle:
the headline, a "loading..." placeholder, three font-size buttons, photo credits, an empty "Baca Juga" box
and paragraphs repeated where page 2 overlaps page 1. The text is read at test time (the repository does
not copy it); the test turns its lines back into sindonews markup and checks what ``extract_article``
keeps: every distinct paragraph and numbered sub-heading once, in order, and none of the furniture.
"""

from __future__ import annotations

import html
import json
import re
from datetime import UTC, datetime

import pytest

from newscrawl.extraction.core import FetchedPage, extract_article
from newscrawl.items import ArticleItem
from newscrawl.portals import get_portal
from tests.conftest import shared_path

URL = "https://international.sindonews.com/read/1400001/45/contoh-artikel-daftar-bernomor-1720000000"
AUTHOR = "Nadia Kusuma Wardhani"
IMAGE = "https://pict.sindonews.net/dyn/620/pena/sindo-article/original/2024/07/03/contoh.jpg"
CRAWLED_AT = datetime(2026, 1, 1, tzinfo=UTC)

_LOADING = re.compile(r"loading\s*(\.{2,}|…)?", re.I)
_PHOTO_CREDIT = re.compile(r"foto\s*[/:].*", re.I)
_RELATED = re.compile(r"baca\s+juga\s*:?", re.I)
_NUMBERED_HEADING = re.compile(r"\d{1,2}\.\s*\S.*")


def _kind(line: str) -> str:
    """What a line of the bad scrape was on the page: furniture of some kind, or article text."""
    if _LOADING.fullmatch(line):
        return "loading"
    if line == "A":
        return "font-size"
    if _PHOTO_CREDIT.fullmatch(line):
        return "photo"
    if _RELATED.fullmatch(line):
        return "related"
    if _NUMBERED_HEADING.fullmatch(line) and len(line.split()) <= 8:
        return "heading"
    return "text"


def _example_lines() -> list[str]:
    path = shared_path("examples", "sindonews-bad-scrape.txt")
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _split_pages(lines: list[str]) -> tuple[list[str], list[str]]:
    """Page 1 ends where a paragraph already seen comes back: page 2 starts with the overlap."""
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if _kind(line) == "text":
            if line in seen:
                return lines[:i], lines[i:]
            seen.add(line)
    raise AssertionError("the example has no repeated paragraphs: it no longer shows bad stitching")


def _article_lines(lines: list[str]) -> list[str]:
    """The distinct paragraphs and sub-headings in the order of their first appearance."""
    kept: list[str] = []
    for line in lines:
        if _kind(line) in ("text", "heading") and line not in kept:
            kept.append(line)
    return kept


def _as_elements(lines: list[str]) -> str:
    """Body runs with each furniture line rendered as the element it really is on sindonews."""
    out: list[str] = []
    font_buttons: list[str] = []
    for line in lines:
        kind, text = _kind(line), html.escape(line)
        if kind == "font-size":
            font_buttons.append(f'<a href="javascript:void(0)" class="font-{len(font_buttons)}">{text}</a>')
            continue
        if font_buttons:
            out.append(f'<div class="detail-font-size">{"".join(font_buttons)}</div>')
            font_buttons = []
        if kind == "loading":
            out.append(f'<span class="lazy-loading">{text}</span><br>')
        elif kind == "photo":
            out.append(
                f'<div class="detail-img-inline"><img src="{IMAGE}" alt="" width="620" height="413">'
                f'<div class="caption-inline">{text}</div></div>'
            )
        elif kind == "related":
            out.append(
                f'<div class="baca-juga-box"><div class="baca-juga-title">{text}</div>'
                '<ul class="baca-juga-list"></ul></div>'
            )
        elif kind == "heading":
            out.append(f"<strong>{text}</strong><br>")
        else:
            out.append(f"{text}<br><br>")
    if font_buttons:
        out.append(f'<div class="detail-font-size">{"".join(font_buttons)}</div>')
    return "\n".join(out)


def _as_plain_runs(lines: list[str]) -> str:
    """A naive CMS dump: every line, furniture included, a bare ``<br>``-separated text run."""
    return "\n".join(f"{html.escape(line)}<br>" for line in lines)


def _page(title: str, runs: str, *, number: int, total: int) -> str:
    """A sindonews article page: JSON-LD and the paging links on page 1, no JSON-LD on later pages."""
    page_url = URL if number == 1 else f"{URL}/{number}"
    ld = ""
    if number == 1:
        article = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "mainEntityOfPage": {"@type": "WebPage", "@id": URL},
            "headline": title,
            "datePublished": "2024-07-03T20:30:00+07:00",
            "dateModified": "2024-07-03T20:30:00+07:00",
            "author": {"@type": "Person", "name": AUTHOR},
            "publisher": {"@type": "Organization", "name": "SINDOnews.com"},
        }
        crumbs = {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {"@type": "ListItem", "position": 1, "name": "Home", "item": "https://www.sindonews.com"},
                {
                    "@type": "ListItem",
                    "position": 2,
                    "name": "International",
                    "item": "https://international.sindonews.com",
                },
            ],
        }
        ld = "".join(
            f'<script type="application/ld+json">{json.dumps(obj, ensure_ascii=False)}</script>\n'
            for obj in (article, crumbs)
        )
    paging = " ".join(
        f'<a href="{URL if n == 1 else f"{URL}/{n}"}"{" class=active" if n == number else ""}>{n}</a>'
        for n in range(1, total + 1)
    )
    safe_title = html.escape(title)
    return f"""<!DOCTYPE html>
<html lang="id"><head>
<meta charset="utf-8"><title>{safe_title}</title>
<meta property="og:type" content="article">
<meta property="og:title" content="{safe_title}">
<meta property="og:url" content="{page_url}">
<link rel="canonical" href="{URL}">
{ld}<script>var dataLayer = [{{"total_page": "{total}", "current_page": "{number}"}}];</script>
</head><body>
<header><nav class="menu-kanal"><a href="https://nasional.sindonews.com">Nasional</a>
<a href="https://international.sindonews.com">International</a></nav></header>
<article class="detail-article">
<h1 class="detail-title">{safe_title}</h1>
<div class="detail-nama-redaksi"><a rel="author" href="https://index.sindonews.com/blog/1/nadia">{AUTHOR}</a></div>
<div class="detail-date-artikel">Rabu, 03 Juli 2024 - 20:30 WIB</div>
<section class="article"><div class="detail-desc" id="detail-desc">
{runs}
<div class="paging-artikel"><span>Halaman :</span> {paging}</div>
<div class="paging-all"><a href="{URL}?showpage=all">Baca Selengkapnya</a></div>
</div></section>
</article>
<footer><div class="copyright">Copyright © 2024 SINDOnews.com</div></footer>
</body></html>"""


def _extract(lines: list[str], render) -> ArticleItem:
    title, rest = lines[0], lines[1:]
    page1, page2 = _split_pages(rest)
    pages = [
        FetchedPage(URL, _page(title, render(page1), number=1, total=2)),
        FetchedPage(f"{URL}/2", _page(title, render(page2), number=2, total=2)),
    ]
    return extract_article(pages, get_portal("sindonews"), crawled_at=CRAWLED_AT)


@pytest.mark.parametrize("render", [_as_elements, _as_plain_runs], ids=["furniture-elements", "plain-runs"])
def test_bad_scrape_rebuilt_gives_a_clean_record(render) -> None:
    lines = _example_lines()
    item = _extract(lines, render)
    paragraphs = item.body.split("\n\n")
    expected = _article_lines(lines[1:])

    assert item.title == lines[0]
    assert item.pages == 2
    assert item.authors == [AUTHOR]
    assert item.published_at == "2024-07-03T20:30:00+07:00"

    for line in expected:
        assert paragraphs.count(line) == 1, f"not exactly once in the body: {line!r}"
    assert [p for p in paragraphs if p in expected] == expected, "paragraphs out of order"
    headings = [line for line in expected if _kind(line) == "heading"]
    assert headings, "the example's numbered listicle sub-heading was not recognised"
    assert all(h in paragraphs for h in headings)

    body = item.body.casefold()
    assert "loading" not in body
    assert "foto/" not in body
    assert "baca juga" not in body
    assert "A" not in paragraphs
    assert len(paragraphs) == len(set(paragraphs)), "a paragraph repeats"
    assert paragraphs == expected


def test_pruned_box_between_runs_keeps_them_apart() -> None:
    """A furniture box between two text runs of a <p>-less body must not glue them into one paragraph."""
    runs = (
        "JAKARTA - Pemerintah daerah menambah jumlah armada bus sekolah gratis mulai tahun ajaran baru."
        '<div class="baca-juga-box"><div class="baca-juga-title">Baca Juga</div><ul></ul></div>'
        "Tambahan armada itu diharapkan mengurangi kepadatan lalu lintas pada jam berangkat sekolah.<br><br>"
        "Dinas Perhubungan mencatat ada 42 rute baru yang akan dilayani bus sekolah hingga akhir tahun ini."
    )
    page = _page("Pemda Tambah Armada Bus Sekolah Gratis", runs, number=1, total=1)
    item = extract_article([FetchedPage(URL, page)], get_portal("sindonews"), crawled_at=CRAWLED_AT)
    assert item.body.split("\n\n")[:2] == [
        "JAKARTA - Pemerintah daerah menambah jumlah armada bus sekolah gratis mulai tahun ajaran baru.",
        "Tambahan armada itu diharapkan mengurangi kepadatan lalu lintas pada jam berangkat sekolah.",
    ]
