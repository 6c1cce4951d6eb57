"""Cheap repeats: a written article is fetched again only when its sitemap gives it another lastmod than the
one remembered, and a sitemap that rewrites nearly every lastmod on every run is detected and ignored.

The crawls are real ``scrapy crawl detik`` subprocesses against a local replica whose news sitemap gives
lastmods an hour after the pages' own dateModified (a sitemap's generation time, not the page's).
"""

from __future__ import annotations

import logging
import pickle
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from scrapy.utils.test import get_crawler

from newscrawl.discovery.entries import Entry, parse_sitemap
from newscrawl.state import SeenEntry, SqliteSeenStore
from newscrawl.state.listings import UNRELIABLE_MIN_KNOWN, ListingLastmods, unreliable_now
from newscrawl.state.written import WrittenFilter
from tests.support import many
from tests.support.replica import ReplicaSite, Route, news_sitemap, serve
from tests.test_archive import crawl_stats
from tests.test_crawl_e2e import run_crawl, written_records

SITEMAP = many.DETIK.news_sitemaps[0]
PAGE_MODIFIED = datetime.fromisoformat("2025-03-04T08:02:11+07:00")  # the template page's dateModified
ARTICLES = 38


# --- units ----------------------------------------------------------------------------------------------
def urls(count: int) -> list[str]:
    return [many.article_url(n) for n in range(count)]


def sitemap_entries(lastmods: dict[str, datetime]) -> list[Entry]:
    items = [(url, datetime.now(UTC)) for url in lastmods]
    return parse_sitemap(news_sitemap(items, lastmods), SITEMAP).entries


class Run:
    """One crawl's already-written check and its commits, on the seen-store in ``state``."""

    def __init__(self, state: Path) -> None:
        self.crawler = get_crawler(settings_dict={"NEWSCRAWL_STATE_DIR": str(state)})
        self.check = WrittenFilter(self.crawler)
        self.state = state

    def fetched(self, entries: list[Entry]) -> list[str]:
        return [e.url for e in entries if not self.check.already_written(e.url, e)]

    def written(self, fetched: list[str], when: str = "2026-01-01T00:00:00Z") -> None:
        """The fetched articles were written, as new records, and their chunk committed."""
        lastmods = ListingLastmods.for_crawler(self.crawler)
        with SqliteSeenStore(self.state / "seen.sqlite3") as store:
            entries = [
                SeenEntry(url, f"{i:064x}", 1, PAGE_MODIFIED.isoformat(), when)
                for i, url in enumerate(fetched)
            ]
            store.add_many(entries, files=["detik/x.jsonl"], lastmods=lastmods.to_record(fetched))

    def close(self) -> None:
        self.check.close()


def test_a_written_article_is_fetched_again_only_when_its_lastmod_changes(tmp_path: Path) -> None:
    hour_later = {url: PAGE_MODIFIED + timedelta(hours=1) for url in urls(3)}
    first = Run(tmp_path)
    assert first.fetched(sitemap_entries(hour_later)) == urls(3)
    first.written(urls(3))
    first.close()

    second = Run(tmp_path)
    assert second.fetched(sitemap_entries(hour_later)) == [], "the same lastmods: nothing to fetch"
    second.close()

    changed = {**hour_later, urls(3)[1]: PAGE_MODIFIED + timedelta(hours=2)}
    third = Run(tmp_path)
    assert third.fetched(sitemap_entries(changed)) == [urls(3)[1]]
    assert third.crawler.stats.get_value("newscrawl/refetched/lastmod") == 1
    third.close()  # killed before its record was committed or found unchanged: nothing recorded

    fourth = Run(tmp_path)
    assert fourth.fetched(sitemap_entries(changed)) == [urls(3)[1]], "a killed run's change stays unseen"
    ListingLastmods.for_crawler(fourth.crawler).found_unchanged(urls(3)[1])  # dedupe: the text is the same
    with SqliteSeenStore(tmp_path / "seen.sqlite3") as store:
        store.add_many([], lastmods=ListingLastmods.for_crawler(fourth.crawler).to_record([]))
    fourth.close()

    fifth = Run(tmp_path)
    assert fifth.fetched(sitemap_entries(changed)) == []
    fifth.close()


def test_a_listing_that_rewrites_every_lastmod_is_detected_and_ignored(tmp_path: Path, caplog) -> None:
    count = UNRELIABLE_MIN_KNOWN + 5
    now = datetime(2026, 1, 1, 12, tzinfo=UTC)
    first = Run(tmp_path)
    assert len(first.fetched(sitemap_entries(dict.fromkeys(urls(count), now)))) == count
    first.written(urls(count))
    first.close()

    for later in (1, 2):  # every run, every lastmod is the sitemap's generation time
        rewritten = dict.fromkeys([*urls(count), many.article_url(999)], now + timedelta(minutes=15 * later))
        run = Run(tmp_path)
        with caplog.at_level(logging.INFO, logger="newscrawl.state.listings"):
            new = [many.article_url(999)] if later == 1 else []  # written by the first of these runs
            assert run.fetched(sitemap_entries(rewritten)) == new, "only a new article is fetched"
        assert run.crawler.stats.get_value("newscrawl/listings/unreliable_lastmod") == 1
        run.written(new)
        run.close()
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and SITEMAP in warnings[0].getMessage(), "warned once, when it became so"
    with SqliteSeenStore(tmp_path / "seen.sqlite3") as store:
        assert store.listing_memory(SITEMAP).unreliable is True

    steady = Run(tmp_path)  # the sitemap mends its lastmods: trusted again, judged on what it gave last run
    steady.fetched(sitemap_entries(dict.fromkeys(urls(count), now + timedelta(minutes=30))))
    assert steady.crawler.stats.get_value("newscrawl/listings/unreliable_lastmod") is None
    steady.close()
    with SqliteSeenStore(tmp_path / "seen.sqlite3") as store:
        assert store.listing_memory(SITEMAP).unreliable is False


def test_the_verdict_needs_enough_known_urls() -> None:
    assert unreliable_now(UNRELIABLE_MIN_KNOWN - 1, UNRELIABLE_MIN_KNOWN - 1, None) is None
    assert unreliable_now(UNRELIABLE_MIN_KNOWN - 1, 0, True) is True  # too few to change the verdict
    assert unreliable_now(20, 18, None) is True and unreliable_now(20, 17, None) is False


def test_a_listing_pickles_as_its_url_only() -> None:
    """A JOBDIR queue pickles every parked entry: the sitemap's lastmods must not ride along."""
    entries = sitemap_entries(dict.fromkeys(urls(500), PAGE_MODIFIED))
    entry = pickle.loads(pickle.dumps(entries[0]))
    assert entry == entries[0] and entry.listing is not None and entry.listing.url == SITEMAP
    assert entry.listing.take_lastmods() == {}
    assert len(pickle.dumps(entries[0])) < 1000
    assert len(entries[0].listing.take_lastmods()) == 500 and entries[1].listing.take_lastmods() == {}


# --- crawls ---------------------------------------------------------------------------------------------
def article_fetches(site: ReplicaSite, count: int) -> int:
    return sum(site.fetched(many.fetch_url(n)) for n in range(count))


def set_lastmods(site: ReplicaSite, count: int, announced: datetime, lastmod: datetime) -> None:
    items = [(many.article_url(n), announced) for n in range(count)]
    lastmods = {many.article_url(n): lastmod for n in range(count)}
    site.add(SITEMAP, Route(news_sitemap(items, lastmods), "application/xml"))


@pytest.mark.parametrize("rewritten", [False, True], ids=["unchanged-sitemap", "sitemap-rewrites-lastmods"])
def test_a_second_run_over_the_same_sitemap_fetches_no_article(tmp_path: Path, rewritten: bool) -> None:
    announced = datetime.now(UTC)
    site = many.replica(ARTICLES, announced)
    set_lastmods(site, ARTICLES, announced, PAGE_MODIFIED + timedelta(hours=1))
    with serve(site) as origin:
        first = run_crawl("detik", origin, tmp_path)
        assert first.returncode == 0, first.stderr[-3000:]
        assert article_fetches(site, ARTICLES) == ARTICLES
        assert len(written_records(tmp_path / "output", "detik")) == ARTICLES
        for later in (1, 2):
            if rewritten:  # every lastmod is now the sitemap's generation time, new on every run
                set_lastmods(site, ARTICLES, announced, announced + timedelta(minutes=15 * later))
            again = run_crawl("detik", origin, tmp_path)
            assert again.returncode == 0, again.stderr[-3000:]
            assert article_fetches(site, ARTICLES) == ARTICLES, "an unchanged article was fetched again"
            stats = crawl_stats(again.stderr)
            assert stats["newscrawl/skipped/already_written"] == ARTICLES
            assert stats.get("newscrawl/listings/unreliable_lastmod", 0) == int(rewritten)
    if rewritten:
        assert f"Listing {SITEMAP} rewrote the lastmod of {ARTICLES} of {ARTICLES} URLs" in again.stderr
