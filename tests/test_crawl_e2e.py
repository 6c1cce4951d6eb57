"""A real ``scrapy crawl`` subprocess against a local portal replica; the JSONL it wrote is read back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newscrawl.portals import get_portal
from newscrawl.records import validate_record
from tests.conftest import ROOT
from tests.golden.regenerate import GOLDEN_DIR
from tests.support.replica import (
    ReplicaSite,
    Route,
    crawl_options,
    expected_record,
    news_sitemap,
    portal_replica,
    serve,
)

# What differs between a crawl and the golden run by design.
CRAWL_ONLY_FIELDS = {"crawled_at", "run_id", "fetched_url", "story_id", "duplicate_of"}


def run_crawl(portal: str, origin: str, tmp: Path, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "scrapy", "crawl", portal, *crawl_options(origin, tmp), *args]
    env = {**os.environ, "PYTHONWARNINGS": "error::DeprecationWarning:scrapy"}
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=180, env=env)


def written_records(output_dir: Path, portal: str) -> list[dict]:
    files = sorted((output_dir / portal).glob("*/*.jsonl"))
    assert files, f"no JSONL written under {output_dir / portal}"
    assert not list(output_dir.rglob("*.part")), "a temporary file was left behind"
    records = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert text.endswith("\n")
        records += [json.loads(line) for line in text.splitlines()]
    return records


@pytest.mark.parametrize("portal", ["detik"])
def test_crawl_writes_every_golden_article(portal: str, tmp_path: Path) -> None:
    site, cases = portal_replica(portal)
    dates = sorted(expected_record(c)["published_at"][:10] for c in cases)
    with serve(site) as origin:
        result = run_crawl(portal, origin, tmp_path, "-a", f"since={dates[0]}", "-a", f"until={dates[-1]}")
    assert result.returncode == 0, result.stderr[-3000:]
    records = {r["url"]: r for r in written_records(tmp_path / "output", portal)}
    expected = {expected_record(c)["url"]: expected_record(c) for c in cases}
    assert set(records) == set(expected)
    for url, want in expected.items():
        got = records[url]
        assert validate_record(got) is None
        for field in sorted(set(want) - CRAWL_ONLY_FIELDS):
            assert got[field] == want[field], f"{url}: {field}"
    assert "newscrawl/fallback" not in result.stderr


SLUG = "banjir-rendam-12-rt-di-jakarta-timur-warga-mengungsi-ke-masjid"  # as the page's canonical URL


def test_articles_parked_behind_a_full_queue_are_all_crawled(tmp_path: Path) -> None:
    """With room for two queued article requests, the other articles of a sitemap wait as bare URLs and
    none is lost. One callback admits all six; the downloader takes requests only on a later turn of the
    event loop, so exactly four must wait."""
    page = (GOLDEN_DIR / "detik" / "news_banjir_2025_03_04.html").read_text(encoding="utf-8")
    site, now, urls = ReplicaSite(), datetime.now(UTC), []
    for n in range(6):  # six distinct articles: own id, own text (content dedupe must not merge them)
        url = f"https://news.detik.com/berita/d-{9_000_000 + n}/{SLUG}"
        body = page.replace("7805512", str(9_000_000 + n)).replace("12 rukun tetangga", f"{n} rukun tetangga")
        site.add(url, Route(body.encode()))
        urls.append(url)
    portal = get_portal("detik")
    site.add(portal.news_sitemaps[0], Route(news_sitemap([(u, now) for u in urls]), "application/xml"))
    with serve(site) as origin:
        # Without the declared discovery requests (robots.txt, home page), only articles wait in the queue.
        options = ("-s", "NEWSCRAWL_QUEUED_ARTICLES=2", "-s", "NEWSCRAWL_DECLARED_DISCOVERY=False")
        result = run_crawl("detik", origin, tmp_path, *options)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "'newscrawl/parked': 4," in result.stderr
    assert {r["url"] for r in written_records(tmp_path / "output", "detik")} == set(urls)


def test_output_is_utf8_with_real_characters(tmp_path: Path) -> None:
    site, cases = portal_replica("detik")
    dates = sorted(expected_record(c)["published_at"][:10] for c in cases)
    with serve(site) as origin:
        result = run_crawl(
            "detik",
            origin,
            tmp_path,
            "-a",
            f"since={dates[0]}",
            "-a",
            f"until={dates[-1]}",
            "-O",
            str(tmp_path / "x.jsonl"),
        )
    assert result.returncode == 0, result.stderr[-3000:]
    exported = (tmp_path / "x.jsonl").read_text(encoding="utf-8")
    assert "\\u" not in exported and '"' in exported
    assert len(exported.splitlines()) == len(cases)


def test_an_article_url_over_the_length_limit_is_not_requested(tmp_path: Path) -> None:
    """Scrapy's URLLENGTH_LIMIT (2,083) holds for article requests too, though they skip the spider
    middlewares on their way to the scheduler."""
    page = (GOLDEN_DIR / "detik" / "news_banjir_2025_03_04.html").read_bytes()
    short = f"https://news.detik.com/berita/d-7805512/{SLUG}"
    too_long = f"https://news.detik.com/berita/d-7805513/{'panjang-' * 300}"
    site, now = ReplicaSite(), datetime.now(UTC)
    site.add(short, Route(page))
    site.add(get_portal("detik").news_sitemaps[0], Route(news_sitemap([(short, now), (too_long, now)])))
    with serve(site) as origin:
        result = run_crawl("detik", origin, tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "'newscrawl/skipped/url_too_long': 1," in result.stderr
    assert not any("d-7805513" in key for key in site.requests)
    assert [r["url"] for r in written_records(tmp_path / "output", "detik")] == [short]
