"""Issue 11, crawl side: every article a portal announces is kept, whatever its URL shape, discovery heals
itself through what the portal declares, and nothing is skipped in silence.

Real ``scrapy crawl`` subprocesses against a local replica of detik (``tests/support/replica.py``).
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from newscrawl.portals import get_portal
from tests.conftest import ROOT
from tests.golden.regenerate import GOLDEN_DIR
from tests.support.replica import ReplicaSite, Route, crawl_options, news_sitemap, portal_replica, rss, serve
from tests.test_unattended import ENV, final_records

DETIK = get_portal("detik")
PAGE = GOLDEN_DIR / "detik" / "news_banjir_2025_03_04.html"
OLD_URL = (
    "https://news.detik.com/berita/d-7805512/banjir-rendam-12-rt-di-jakarta-timur-warga-mengungsi-ke-masjid"
)
# A shape no rule of the module knows: a new regional host and a new path scheme.
UNFAMILIAR = "https://sumbagsel.detik.com/kabar-daerah/2026/banjir-rendam-permukiman-di-palembang-771201"


def crawl(tmp: Path, origin: str, *args: str) -> tuple[subprocess.CompletedProcess, dict]:
    """``scrapy crawl detik`` against the replica; its result and its run-summary entry."""
    command = [sys.executable, "-m", "scrapy", "crawl", "detik", *args, *crawl_options(origin, tmp)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=180, env=ENV)
    (path,) = (tmp / "output" / "_runs").glob("*.json")
    return result, json.loads(path.read_text(encoding="utf-8"))["portals"]["detik"]


def unfamiliar_article() -> bytes:
    """The banjir golden page re-published at the unfamiliar URL (its canonical link names it)."""
    html = PAGE.read_text(encoding="utf-8").replace(OLD_URL, UNFAMILIAR)
    return html.replace("Jakarta Timur", "Palembang").encode()


def test_a_feed_entry_of_an_unfamiliar_shape_is_fetched_and_written(tmp_path: Path) -> None:
    """On the portal's domains, an announced URL is an article until its page says otherwise; off the
    domains or a declared non-article, it is skipped, counted and sampled in the run summary."""
    site, _ = portal_replica("detik", announced=datetime.now(UTC))
    now = datetime.now(UTC)
    site.add(UNFAMILIAR, Route(unfamiliar_article()))
    site.add("https://sumbagsel.detik.com/robots.txt", Route(b"User-agent: *\nAllow: /\n", "text/plain"))
    skipped = {
        "off_domain": ["https://www.kompas.tv/article/512345/banjir-palembang-meluas"],
        "not_article_url": [
            "https://www.detik.com/tag/banjir-palembang",
            "https://20.detik.com/detikupdate/20260301-260301001/video-banjir",
        ],
    }
    announced = [u for urls in skipped.values() for u in urls]
    items = [(UNFAMILIAR, "Banjir di Palembang", now), *((u, "x", now) for u in announced)]
    site.add(DETIK.feeds[1], Route(rss(items), "application/rss+xml"))
    with serve(site) as origin:
        result, entry = crawl(tmp_path, origin)
    assert result.returncode == 0, result.stderr[-3000:]
    records = {r["url"]: r for r in final_records(tmp_path / "output")}
    assert UNFAMILIAR in records and "Palembang" in records[UNFAMILIAR]["body"]
    for reason, urls in skipped.items():
        assert entry["skipped"][reason] == len(urls)
        assert entry["skipped_samples"][reason] == urls
    line = next(line for line in result.stderr.splitlines() if "Run summary" in line)
    assert "3 for their URL" in line, line  # the end-of-run line names the count
    assert all(site.fetched(u) == 0 for u in announced), "a skipped URL was fetched"


def test_dead_registered_feeds_robots_txt_sitemap_carries_the_run(tmp_path: Path) -> None:
    """Every registered feed and sitemap is gone (404); the sitemap robots.txt declares lists the
    articles, the home page's feed link another one, and the run succeeds with all of them written."""
    site, cases = portal_replica("detik", announced=datetime.now(UTC))
    alive = ReplicaSite()
    for key, route in site.routes.items():
        if route.content_type.startswith("text/html") or key.endswith("robots.txt"):
            alive.routes[key] = route  # articles and robots.txt stay; the registered feed and sitemap die
    now = datetime.now(UTC)
    declared_sitemap = "https://www.detik.com/sitemap-terbaru.xml"
    home_feed = "https://www.detik.com/rss-terkini"
    urls = [c.fetched_url() for c in cases]
    alive.add(
        "https://www.detik.com/robots.txt",
        Route(f"User-agent: *\nAllow: /\nSitemap: {declared_sitemap}\n".encode(), "text/plain"),
    )
    alive.add(declared_sitemap, Route(news_sitemap([(u, now) for u in urls[1:]]), "application/xml"))
    home = f'<html><head><link rel="alternate" type="application/rss+xml" href="{home_feed}"></head></html>'
    alive.add("https://www.detik.com/", Route(home.encode()))
    alive.add(home_feed, Route(rss([(urls[0], "x", now)]), "application/rss+xml"))
    with serve(alive) as origin:
        result, entry = crawl(tmp_path, origin)
    assert result.returncode == 0, result.stderr[-3000:]
    assert entry["status"] == "ok" and entry["written"] == len(cases)
    sources = entry["sources"]
    assert all(sources[u]["failed"] and sources[u]["origin"] == "registered" for u in DETIK.feeds)
    assert sources[declared_sitemap]["origin"] == "robots.txt"
    assert sources[declared_sitemap]["articles"] == len(urls) - 1 and not sources[declared_sitemap]["failed"]
    assert sources[home_feed]["origin"] == "home page" and sources[home_feed]["articles"] == 1
