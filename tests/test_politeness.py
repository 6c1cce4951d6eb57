"""Politeness a user relies on: robots.txt Crawl-delay is honoured, and a missed portal rule is counted."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from tests.support.replica import Route, expected_record, portal_replica, serve
from tests.test_crawl_e2e import run_crawl, written_records


def window_args(cases: list) -> list[str]:
    dates = sorted(expected_record(c)["published_at"][:10] for c in cases)
    return ["-a", f"since={dates[0]}", "-a", f"until={dates[-1]}"]


def stat(stderr: str, key: str) -> int | None:
    match = re.search(rf"'{re.escape(key)}': (\d+(?:\.\d+)?)", stderr)
    return float(match.group(1)) if match else None


def test_robots_crawl_delay_spaces_requests_to_that_host(tmp_path: Path) -> None:
    site, cases = portal_replica("detik")
    delay = 1.0
    site.add(
        "https://finance.detik.com/robots.txt",
        Route(f"User-agent: *\nCrawl-delay: {delay}\n".encode(), "text/plain"),
    )
    with serve(site) as origin:
        result = run_crawl("detik", origin, tmp_path, *window_args(cases))
    assert result.returncode == 0, result.stderr[-3000:]
    finance = [
        t
        for key, t in zip(site.requests, site.times, strict=True)
        if key.startswith("finance.detik.com/") and not key.endswith("robots.txt")
    ]
    assert len(finance) >= 3, site.requests  # feed, sitemap, article pages
    gaps = [b - a for a, b in itertools.pairwise(finance)]
    assert min(gaps) >= delay * 0.9, gaps
    assert stat(result.stderr, "newscrawl/crawl_delay/finance.detik.com") == delay
    other = [t for key, t in zip(site.requests, site.times, strict=True) if key.startswith("news.detik.com/")]
    assert len(other) >= 2  # hosts without a Crawl-delay are not slowed down
    assert written_records(tmp_path / "output", "detik")


def test_a_layout_change_falls_back_to_generic_extraction_and_is_counted(tmp_path: Path) -> None:
    site, cases = portal_replica("detik")
    changed = expected_record(cases[0])["url"]
    key = changed.split("://", 1)[1]
    route = site.routes[key]
    for old, new in (
        (b"detail__body-text", b"story-v2"),
        (b"itp_bodycontent", b"story-text"),
        (b"detail__body", b"story"),
    ):
        route.body = route.body.replace(old, new)  # the template changed: no portal selector matches any more
    with serve(site) as origin:
        result = run_crawl("detik", origin, tmp_path, *window_args(cases))
    assert result.returncode == 0, result.stderr[-3000:]
    records = {r["url"]: r for r in written_records(tmp_path / "output", "detik")}
    assert records[changed]["extraction"] == "fallback"
    assert records[changed]["body"], "never an empty body"
    assert (
        "SCROLL TO CONTINUE" not in records[changed]["body"] and "Baca juga" not in records[changed]["body"]
    )
    assert all(r["extraction"] == "rules" for url, r in records.items() if url != changed)
    assert stat(result.stderr, "newscrawl/fallback/detik") == 1
