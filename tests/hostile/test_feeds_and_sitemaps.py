"""Hostile feeds and sitemaps: gzip and entity bombs, external entities, 50,000 URLs, an index that points
at itself, and feeds with garbage dates, missing, relative and duplicate links."""

from __future__ import annotations

import gzip
from pathlib import Path

from tests.hostile.faultserver import gzip_bomb
from tests.hostile.pages import DETIK, RSS, Article, HostileSite, rss_document, rss_item
from tests.support.replica import news_sitemap

GB = 1024 * 1024 * 1024
URLSET = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
INDEX = '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'


def sitemap_index(locs: list[str]) -> bytes:
    entries = "".join(f"<sitemap><loc>{loc}</loc></sitemap>" for loc in locs)
    return f'<?xml version="1.0" encoding="UTF-8"?>{INDEX}{entries}</sitemapindex>'.encode()


def sitemap_of(articles: list[Article]) -> bytes:
    return news_sitemap([(a.url, a.when) for a in articles])


def test_gzip_sitemap_bomb_is_bounded_by_the_maximum_size(site: HostileSite, crawl) -> None:
    listed = [site.article(n, announce=False) for n in (1, 2)]
    site.articles(1, start=3)
    good, bomb = "https://news.detik.com/sitemap-1.xml.gz", "https://news.detik.com/sitemap-bom.xml.gz"
    site.document(DETIK.news_sitemaps[0], sitemap_index([good, bomb]))
    site.document(good, gzip.compress(sitemap_of(listed)), "application/x-gzip")
    site.document(bomb, gzip_bomb(GB, f'<?xml version="1.0"?>{URLSET}'.encode()), "application/x-gzip")

    result = crawl()

    result.assert_finished()
    result.assert_written(site)  # the good .xml.gz sitemap is read
    assert result.stat("newscrawl/sitemap_gzip_error") == 1
    assert result.maxrss_mb < 350, f"peak memory {result.maxrss_mb:.0f} MB (1 GB inflated)"
    result.assert_named_once(bomb, "cannot gunzip")


def hostile_prolog(root: str, secret: Path) -> str:
    """A DOCTYPE declaring a billion laughs, a local file, a remote file and an external DTD."""
    laughs = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    return (
        f'<!DOCTYPE {root} [<!ENTITY lol0 "lol">{laughs}'
        f'<!ENTITY xxe SYSTEM "file://{secret}">'
        '<!ENTITY remote SYSTEM "https://news.detik.com/xxe.txt">'
        '<!ENTITY % dtd SYSTEM "https://news.detik.com/evil.dtd"> %dtd;]>'
    )


def test_entity_bomb_and_external_entities_are_never_expanded(
    site: HostileSite, crawl, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOKEN-4f7c1d-RAHASIA", encoding="utf-8")
    in_feed = [site.article(n, announce=False) for n in (1, 2)]
    items = "".join(
        f"<item><title>&lol9; &remote; &xxe;</title><link>{a.url}</link>"
        "<pubDate>Tue, 04 Mar 2025 07:15:00 +0700</pubDate></item>"
        for a in in_feed
    )
    items += "<item><title>&lol9;</title><link>&xxe;</link></item>"
    site.document(DETIK.feeds[0], rss_document(items, prolog=hostile_prolog("rss", secret)), RSS)
    in_sitemap = site.article(3, announce=False)
    urls = f"<url><loc>{in_sitemap.url}</loc><lastmod>2025-03-04</lastmod></url><url><loc>&xxe;</loc></url>"
    sitemap = f'<?xml version="1.0"?>{hostile_prolog("urlset", secret)}{URLSET}{urls}</urlset>'
    site.document(DETIK.news_sitemaps[0], sitemap.encode())
    external = '<!DOCTYPE urlset SYSTEM "https://news.detik.com/evil.dtd">'  # no declarations: not named
    site.document(DETIK.news_sitemaps[1], f"{external}{URLSET}</urlset>".encode())

    result = crawl()

    result.assert_finished()
    result.assert_written(site)
    assert "TOKEN-4f7c1d" not in result.log + "".join(p.read_text() for p in result.files())
    assert not site.server.requested("evil.dtd") and not site.server.requested("xxe.txt"), "fetched"
    assert result.maxrss_mb < 350
    assert result.stat("newscrawl/skipped/not_article_url") == 2  # the "&xxe;" links, never resolved
    result.assert_named_once(f"Entity declarations in {DETIK.feeds[0]}")
    result.assert_named_once(f"Entity declarations in {DETIK.news_sitemaps[0]}")
    assert not result.named(DETIK.news_sitemaps[1])


def test_sitemap_with_50000_urls(site: HostileSite, crawl) -> None:
    fresh = [site.article(n, announce=False) for n in (1, 2, 3)]
    old = "".join(
        f"<url><loc>https://news.detik.com/berita/d-{8000000 + n}/arsip-{n}</loc>"
        f"<lastmod>2024-01-01T00:00:00+07:00</lastmod></url>"
        for n in range(50_000 - len(fresh))
    )
    new = "".join(f"<url><loc>{a.url}</loc><lastmod>{a.when.isoformat()}</lastmod></url>" for a in fresh)
    site.document(DETIK.news_sitemaps[0], f'<?xml version="1.0"?>{URLSET}{old}{new}</urlset>'.encode())

    result = crawl()

    result.assert_finished()
    result.assert_written(site)
    assert result.stat("newscrawl/sitemap_entries") == 50_000
    assert result.stat("newscrawl/skipped/outside_window") == 50_000 - len(fresh)
    assert len(result.log_records()) < 150, "the skipped entries were logged one by one"
    assert result.maxrss_mb < 350 and result.seconds < 40


def test_sitemap_index_that_points_back_to_itself(site: HostileSite, crawl) -> None:
    listed = [site.article(n, announce=False) for n in (1, 2)]
    index, child, leaf = (
        DETIK.news_sitemaps[0],
        "https://news.detik.com/sitemap-anak.xml",
        ("https://news.detik.com/sitemap-berita.xml"),
    )
    site.document(index, sitemap_index([index, child]))
    site.document(child, sitemap_index([index, child, leaf]))
    site.document(leaf, sitemap_of(listed))

    result = crawl()

    result.assert_finished()
    result.assert_written(site)
    assert result.stat("newscrawl/sitemap_skipped_loop_or_depth") == 3
    assert [len(site.server.times(u)) for u in (index, child, leaf)] == [1, 1, 1]


def test_feed_with_garbage_dates_missing_relative_and_duplicate_links(site: HostileSite, crawl) -> None:
    undated = site.article(1, announce=False)
    relative = site.article(2, announce=False)
    twice = site.article(3)  # in the first feed too
    stale = Article(4, published="2024-01-05T10:00:00+07:00", visible_date="Jumat, 05 Jan 2024 10:00 WIB")
    site.page(stale.url, stale.body(), announce=False)
    items = [
        rss_item(undated.url, when="kemarin sore"),
        rss_item(stale.url, when="Tue, 99 Foo 2025 25:61:00 +0700"),  # the page's own date decides
        rss_item(None),  # no link at all
        rss_item(""),
        rss_item("javascript:alert(1)"),
        rss_item(relative.url.removeprefix("https://news.detik.com")),
        rss_item(twice.url),
        rss_item(twice.url),
        rss_item(twice.url + "?utm_source=rss&utm_medium=feed#komentar"),
    ]
    site.document(DETIK.feeds[1], rss_document("".join(items)), RSS)  # https://news.detik.com/rss

    result = crawl()

    result.assert_finished()
    result.assert_written(site)  # undated, relative and duplicated articles once each; the stale page not
    assert result.stat("newscrawl/feed_entries") == 1 + 6
    assert result.stat("newscrawl/skipped/listed_again") == 3  # one URL four times: one request
    assert result.stat("newscrawl/dropped/not_article") == 1
    assert len(site.server.times(twice.url)) == 1
    result.assert_named_once(f"Dropped {stale.url}")


def test_a_feed_link_that_is_no_valid_url_costs_only_itself(site: HostileSite, crawl) -> None:
    for link in ("http://[::1]/berita/d-1/x", "https://news.detik.com:berita/d-2/x", "http://[::1/d-3/x"):
        site.announce(link)
    site.articles(2)

    result = crawl()

    result.assert_finished()
    result.assert_written(site)
