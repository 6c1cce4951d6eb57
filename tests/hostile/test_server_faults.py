"""Server faults: error statuses with Retry-After, resets, stalls, truncated, dripping and endless bodies.

Each test crawls a replica with good articles and one kind of bad server behaviour, and checks what the
user gets: the crawl finishes, every good article is written exactly, the fault is counted under its
own stat and named once in the log, and nothing is written for what could not be fetched whole.
"""

from __future__ import annotations

from itertools import pairwise

from tests.hostile.faultserver import Drip, Endless, Reset, Stall, Status, Truncate
from tests.hostile.pages import Article, HostileSite


def bad_url(n: int, slug: str) -> str:
    """An article-shaped URL that only ever answers badly."""
    return f"https://news.detik.com/berita/d-{9000000 + n}/{slug}"


def gaps(times: list[float]) -> list[float]:
    return [b - a for a, b in pairwise(times)]


def test_500_and_503_are_retried_with_backoff_and_retry_after_is_honoured(site: HostileSite, crawl) -> None:
    site.articles(2)
    flaky = site.article(3)
    site.fault(flaky.url, Status(500, times=2), announce=False)  # two 500s, then the page
    busy = site.article(4)
    site.fault(busy.url, Status(503, {"Retry-After": "1"}, times=1), announce=False)
    down = bad_url(1, "selalu-503")
    site.fault(down, Status(503, {"Retry-After": "1"}))

    result = crawl("-s", "RETRY_TIMES=2")

    result.assert_finished()
    result.assert_written(site)
    assert result.stat("newscrawl/retry/500") == 2
    assert result.stat("newscrawl/retry/503") == 1 + 2
    assert all(gap >= 0.1 for gap in gaps(site.server.times(flaky.url))), "backoff: not at once"
    assert gaps(site.server.times(busy.url))[0] >= 0.9, "Retry-After: 1 was not honoured"
    assert len(site.server.times(down)) == 3  # the first try and RETRY_TIMES retries, no more
    result.assert_named_once(down, "non-200")


def test_429_retry_after_is_honoured_up_to_the_cap(site: HostileSite, crawl) -> None:
    site.articles(2)
    throttled = site.article(3)
    site.fault(throttled.url, Status(429, {"Retry-After": "3600"}, times=1), announce=False)
    refused = bad_url(2, "selalu-429")
    site.fault(refused, Status(429, {"Retry-After": "3600"}))

    result = crawl("-s", "RETRY_TIMES=1", "-s", "NEWSCRAWL_RETRY_BACKOFF_MAX=1.5")

    result.assert_finished()
    result.assert_written(site)
    assert result.stat("newscrawl/retry/429") == 2
    assert result.stat("newscrawl/retry_after_capped") == 2
    [waited] = gaps(site.server.times(throttled.url))
    assert 1.4 <= waited < 10, f"waited {waited:.1f} s: the cap (1.5 s), not the hour asked for"
    assert result.seconds < 30
    result.assert_named_once(refused, "non-200")


def test_connection_reset_is_retried_then_counted(site: HostileSite, crawl) -> None:
    site.articles(2)
    once = site.article(3)
    site.fault(once.url, Reset(times=1), announce=False)
    reset = bad_url(3, "selalu-reset")
    site.fault(reset, Reset())

    result = crawl("-s", "RETRY_TIMES=2")

    result.assert_finished()
    result.assert_written(site)
    assert result.stat("newscrawl/download_errors/connection_lost") == 1
    assert len(site.server.times(reset)) == 3
    result.assert_named_once(reset, "ConnectionLost")


def test_stalled_response_is_bounded_by_the_download_timeout(site: HostileSite, crawl) -> None:
    site.articles(3)
    stalled = bad_url(4, "tidak-menjawab")
    site.fault(stalled, Stall(seconds=15))

    result = crawl("-s", "RETRY_TIMES=1", "-s", "DOWNLOAD_TIMEOUT=2")

    result.assert_finished()
    result.assert_written(site)
    assert result.stat("newscrawl/download_errors/timeout") == 1
    assert len(site.server.times(stalled)) == 2
    assert result.seconds < 14, "the stalled page held the crawl past its timeouts"
    result.assert_named_once(stalled, "took longer than 2.0 seconds")


def test_body_truncated_against_its_content_length_is_never_written(site: HostileSite, crawl) -> None:
    site.articles(2)
    once = site.article(3)
    site.fault(once.url, Truncate(once.body(), sent=len(once.body()) // 2, times=1), announce=False)
    cut = bad_url(5, "terpotong")
    page = Article(5).body()
    site.fault(cut, Truncate(page, sent=len(page) * 2 // 3))

    result = crawl("-s", "RETRY_TIMES=1")

    result.assert_finished()
    result.assert_written(site)  # the article truncated once is written whole, from its second try
    assert result.stat("newscrawl/download_errors/truncated") == 1
    assert cut not in result.urls()
    result.assert_named_once(cut, "shorter than its Content-Length")


def test_slow_drip_is_bounded_by_the_download_timeout(site: HostileSite, crawl) -> None:
    site.articles(2)
    drip = bad_url(6, "menetes")
    site.fault(drip, Drip(Article(6).body(), interval=0.1))

    result = crawl("-s", "RETRY_TIMES=1", "-s", "DOWNLOAD_TIMEOUT=2")

    result.assert_finished()
    result.assert_written(site)
    assert result.stat("newscrawl/download_errors/timeout") == 1
    assert result.seconds < 14
    result.assert_named_once(drip, "took longer than 2.0 seconds")


def test_endless_body_is_bounded_by_the_maximum_size(site: HostileSite, crawl) -> None:
    site.articles(2)
    endless = bad_url(7, "tanpa-akhir")
    site.fault(endless, Endless())

    result = crawl("-s", "DOWNLOAD_TIMEOUT=20")  # the project's DOWNLOAD_MAXSIZE (16 MB) must stop it

    result.assert_finished()
    result.assert_written(site)
    assert result.stat("newscrawl/download_errors/too_large") == 1
    assert len(site.server.times(endless)) == 1, "a body over the maximum size is not retried"
    assert result.maxrss_mb < 350, f"peak memory {result.maxrss_mb:.0f} MB"
    result.assert_named_once(endless, "larger than DOWNLOAD_MAXSIZE (16777216 bytes)")
