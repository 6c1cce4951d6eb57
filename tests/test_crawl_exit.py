"""``scrapy crawl`` as cron runs it: a failed crawl exits non-zero, and a network failure is one log line.

The offline case is real: a ``scrapy crawl detik`` subprocess whose every request goes to a closed port.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest
from scrapy import Request
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
)
from scrapy.utils.test import get_crawler
from twisted.internet.error import ConnectionLost

from newscrawl.commands.crawl import crawl_failures
from newscrawl.middlewares.safety import DownloadFaultMiddleware, describe_failure, is_network_failure
from newscrawl.portals import get_portal
from tests.conftest import ROOT
from tests.support.replica import crawl_options
from tests.test_unattended import ENV

CLOSED_PORT = "http://127.0.0.1:9"  # nothing listens: every connection is refused, as with no network


def test_offline_scrapy_crawl_exits_1_with_one_line_per_failed_request_and_no_traceback(
    tmp_path: Path,
) -> None:
    command = [sys.executable, "-m", "scrapy", "crawl", "detik", *crawl_options(CLOSED_PORT, tmp_path)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=180, env=ENV)

    assert result.returncode == 1, result.stderr[-3000:]
    assert "Traceback" not in result.stderr, result.stderr[-5000:]
    assert "scrapy crawl detik: failed: every feed/sitemap request failed" in result.stderr
    assert "Gave up retrying" not in result.stderr  # the request's own line says it once
    lines = [line for line in result.stderr.splitlines() if " failed: " in line]
    portal = get_portal("detik")
    for url in (*portal.feeds, *portal.news_sitemaps):
        named = [line for line in lines if f" {url} failed: " in line]
        assert len(named) == 1, (url, named)
        assert "Connection refused" in named[0] or "connection refused" in named[0]
    robots = [line for line in lines if "robots.txt https://news.detik.com/robots.txt failed" in line]
    assert robots == [robots[0]] and robots[0].endswith(
        "connection refused; news.detik.com is crawled without it"
    )


@pytest.mark.parametrize(
    ("exception", "reason"),
    [
        (DownloadConnectionRefusedError("Connection was refused by other side: 111"), "connection refused"),
        (CannotResolveHostError("no results for hostname lookup: news.detik.com"), "DNS lookup failed"),
        (DownloadTimeoutError("Getting https://x took longer than 30.0 seconds."), "timeout"),
        (ConnectionLost("Connection to the other side was lost"), "connection lost"),
        (OSError("Not a gzipped file"), "Not a gzipped file"),
    ],
)
def test_a_network_failure_has_a_short_reason_and_no_traceback(exception: Exception, reason: str) -> None:
    assert is_network_failure(exception)
    assert describe_failure(exception) == reason


def test_an_error_in_the_code_is_not_taken_for_a_network_failure(caplog) -> None:
    bug = TypeError("unsupported operand type(s) for +: 'int' and 'str'")
    assert not is_network_failure(bug)
    assert is_network_failure(IgnoreRequest("Forbidden by robots.txt"))
    middleware = DownloadFaultMiddleware(get_crawler())
    with caplog.at_level(logging.ERROR):
        try:
            raise bug
        except TypeError as exc:
            middleware.process_exception(Request("https://news.detik.com/rss"), exc)
    [record] = caplog.records
    assert "https://news.detik.com/rss" in record.getMessage() and record.exc_info is not None
    middleware.process_exception(Request("https://news.detik.com/rss"), DownloadTimeoutError("slow"))
    assert len(caplog.records) == 1, "a network failure is the errback's one line, not an error here"


def test_the_exit_status_follows_the_run_summary_verdict() -> None:
    crawler = get_crawler()
    assert crawl_failures(crawler, "finished") == []
    assert crawl_failures(crawler, "write_error") == ["crawl closed: write_error"]  # no summary: the reason
    crawler.newscrawl_summary = {"reasons": ["every feed/sitemap request failed (11)"]}  # type: ignore[attr-defined]
    assert crawl_failures(crawler, "finished") == ["every feed/sitemap request failed (11)"]
    crawler.newscrawl_summary = {"reasons": []}  # type: ignore[attr-defined]
    assert crawl_failures(crawler, "finished") == []
