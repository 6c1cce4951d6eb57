"""Bad content: malformed HTML, empty and huge pages, lying charsets, gzip bombs, impossible or future
dates, and every field oversized or full of control characters."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from newscrawl.extraction.dates import WIB
from tests.hostile.faultserver import gzip_bomb
from tests.hostile.pages import Article, HostileSite

GB = 1024 * 1024 * 1024
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def page_url(n: int, slug: str) -> str:
    return f"https://news.detik.com/berita/d-{9200000 + n}/{slug}"


def malformed(article: Article) -> bytes:
    """The article's page as a careless CMS might send it: end tags missing, stray and broken markup."""
    head, sep, text = article.html().partition("<article")
    for end in ("</p>", "</div>", "</figure>", "</article>", "</body>", "</html>"):
        text = text.replace(end, "")
    text = head + sep + text
    text = text.replace("<strong>Jakarta</strong>", "<strong>Jakarta</b></i></span>")
    text = text.replace("<figure>", '<figure class="a"" =><img src=x alt="unclosed>')
    return (text + "</td></tr></table><p><p>\n<!-- a comment never closed").encode()


def test_malformed_html_is_read_as_far_as_it_goes(site: HostileSite, crawl) -> None:
    site.articles(2)
    site.article(3, serve=malformed)
    garbage = page_url(1, "bukan-html")
    site.page(garbage, bytes(range(256)) * 64)

    result = crawl()

    result.assert_finished()
    result.assert_written(site)  # the malformed page gives exactly the record of its clean twin
    assert result.stat("newscrawl/dropped/not_article") == 1
    result.assert_named_once(garbage, "not an article")


def test_empty_200_page_is_dropped_not_written(site: HostileSite, crawl) -> None:
    site.articles(2)
    empty, blank = page_url(2, "kosong"), page_url(3, "hanya-spasi")
    site.page(empty, b"")
    site.page(blank, b" \r\n\t \n")

    result = crawl()

    result.assert_finished()
    result.assert_written(site)
    assert result.stat("newscrawl/dropped/not_article") == 2
    result.assert_named_once(empty, "empty document")
    result.assert_named_once(blank)


def test_page_of_20_mb_is_refused_by_the_maximum_size(site: HostileSite, crawl) -> None:
    site.articles(2)
    huge = page_url(4, "dua-puluh-mb")
    paragraph = b"<p>" + b"kata " * 200 + b"</p>\n"
    site.page(huge, b"<html><body>" + paragraph * (20 * 1024 * 1024 // len(paragraph) + 1))

    result = crawl()  # the project's DOWNLOAD_MAXSIZE: 16 MB

    result.assert_finished()
    result.assert_written(site)
    assert result.stat("newscrawl/download_errors/too_large") == 1
    assert result.maxrss_mb < 350, f"peak memory {result.maxrss_mb:.0f} MB"
    result.assert_named_once(huge, "larger than download max size (16777216)")


def test_mislabelled_charsets_come_out_right(site: HostileSite, crawl) -> None:
    words = "Kafé “Sederhana” – menu naïve seharga Rp 25.000 … ‘enak’ kata pengunjung"

    def text(n: int) -> dict:
        return {"title": f"Ulasan {words}", "paragraphs": [f"{words}, {s}" for s in Article(n).paragraphs]}

    site.article(1, encoding="cp1252", meta_charset="windows-1252", **text(1))  # header: utf-8
    site.article(2, encoding="cp1252", meta_charset=None, **text(2))  # header: utf-8, no meta
    site.article(3, content_type="text/html; charset=windows-1252", meta_charset=None, **text(3))  # UTF-8
    site.article(4, content_type="text/html; charset=ISO-8859-1", meta_charset="iso-8859-1", **text(4))

    result = crawl()

    result.assert_finished()
    result.assert_written(site)  # each exactly as its correctly labelled twin
    for record in result.records():
        assert words in record["title"] and words in record["body"]
        assert "\ufffd" not in record["body"] and "Ã" not in record["body"] and "â€" not in record["body"]


def test_gzip_bomb_on_the_wire_is_bounded_by_the_maximum_size(site: HostileSite, crawl) -> None:
    site.articles(2)
    bomb = page_url(5, "bom-gzip")
    site.page(bomb, gzip_bomb(GB, b"<html><body>"), headers={"Content-Encoding": "gzip"})

    result = crawl()

    result.assert_finished()
    result.assert_written(site)
    assert result.stat("newscrawl/download_errors/too_large") == 1
    assert result.maxrss_mb < 350, f"peak memory {result.maxrss_mb:.0f} MB (1 GB inflated)"
    result.assert_named_once(bomb, "exceeded DOWNLOAD_MAXSIZE")


def _visible(moment: datetime) -> str:
    return f"{moment:%d %b %Y %H:%M} WIB"


def test_impossible_visible_date_never_gives_a_wrong_date(site: HostileSite, crawl) -> None:
    site.articles(1)
    structured = site.article(2, visible_date="Senin, 31 Februari 2025 10:00 WIB")
    nothing_else = site.article(3, published=None, visible_date="Senin, 31 Februari 2025 10:00 WIB")

    result = crawl()

    result.assert_finished()
    result.assert_written(site)
    records = {r["url"]: r for r in result.records()}
    assert records[structured.url]["published_at"] == structured.published  # structured data, not 31 Feb
    assert records[structured.url]["published_at_raw"] == structured.published
    assert records[nothing_else.url]["published_at"] is None  # nothing else to go by: null, never a guess
    assert records[nothing_else.url]["published_at_raw"] is None


def test_future_date_is_not_trusted(site: HostileSite, crawl) -> None:
    site.articles(1)
    future = (datetime.now(UTC) + timedelta(days=30)).astimezone(WIB).replace(microsecond=0)
    far = site.article(
        2, published=future.isoformat(), visible_date=_visible(future), expect={"published_at": None}
    )
    soon = (datetime.now(UTC) + timedelta(hours=3)).astimezone(WIB).replace(microsecond=0)
    near = site.article(3, published=soon.isoformat(), visible_date=_visible(soon))

    result = crawl()

    result.assert_finished()
    result.assert_written(site)
    records = {r["url"]: r for r in result.records()}
    assert records[far.url]["published_at"] is None
    assert records[far.url]["published_at_raw"] == future.isoformat()  # what the page said, kept
    assert records[near.url]["published_at"] == soon.isoformat()  # within a day: clocks and time zones
    assert result.stat("newscrawl/dates/future") == 1
    result.assert_named_once(f"Future date on {far.url}")


CONTROLS = "\x01\x02\x08\x0b\x0c\x1b\x7f\x85\u2028\u2029\r"


def _dirty(text: str) -> str:
    """Control and line-separator characters between the words of ``text``."""
    return "".join(f"{word}{CONTROLS[i % len(CONTROLS)]} " for i, word in enumerate(text.split())).strip()


def test_oversized_and_control_character_fields_keep_the_jsonl_valid(site: HostileSite, crawl) -> None:
    long_paragraphs = [_dirty(f"laporan {i} " + "warga melapor jalan rusak " * 400) for i in range(300)]
    site.article(
        1,
        title=_dirty("Judul dengan karakter kendali di antara kata"),
        description=_dirty("ringkasan panjang " * 20000),
        author=_dirty("Rizky Aditya"),
        section=_dirty("Berita Kota"),
        tags=(_dirty("jalan rusak"), "x" * 20000),
        caption=_dirty("keterangan foto " * 5000),
        paragraphs=[_dirty(s) for s in Article(1).paragraphs] + long_paragraphs,  # ~3 MB of body
        expect={},
    )
    # No byline on the page: the JSON-LD author, whose escapes decode to a NUL and a lone surrogate
    site.article(2, author="", ld_extra={"author": {"@type": "Person", "name": "Nama\x00 Penulis\ud800"}})
    long_title = page_url(6, "judul-raksasa")
    site.page(long_title, Article(6, title="Judul " * 600, canonical=long_title).body())
    long_url = "https://news.detik.com/berita/d-9200007/" + "panjang-" * 400
    site.page(page_url(7, "kanonik-raksasa"), Article(7, canonical=long_url).body())

    result = crawl()

    result.assert_finished()
    files = result.files()
    data = b"".join(path.read_bytes() for path in files)
    lines = data.decode("utf-8").split("\n")  # strict UTF-8
    assert (
        lines[-1] == "" and len(lines) - 1 == len(result.records()) == result.stat("newscrawl/written") == 2
    )
    for record in result.records():
        for value in record.values():
            for text in value if isinstance(value, list) else [value]:
                assert not (isinstance(text, str) and UNSAFE.search(text)), repr(text)[:200]
    first = next(r for r in result.records() if r["url"] == Article(1).url)
    assert " ".join(first["title"].split()) == "Judul dengan karakter kendali di antara kata"
    assert len(first["body"]) > 2_000_000 and len(first["description"]) > 300_000
    assert first["authors"] == ["Rizky Aditya"] and first["section"] == "Berita Kota"
    second = next(r for r in result.records() if r["url"] == Article(2).url)
    assert second["authors"] == ["Nama Penulis"]
    # a title over 1000 characters, a URL over 2048: off the record contract, dropped and named
    assert result.stat("newscrawl/dropped/schema_invalid") == 2
    result.assert_named_once(long_title)
    result.assert_named_once(long_url)
