"""Extraction in worker processes (NEWSCRAWL_EXTRACT_PROCESSES): the records inline extraction gives, no
article lost when a worker dies, no worker left behind when the crawl is killed."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from dataclasses import replace

import pytest

from newscrawl.extraction.core import FetchedPage, NotAnArticle, extract_article
from newscrawl.items import ArticleItem
from newscrawl.portals import get_portal
from newscrawl.spiders import offload
from newscrawl.spiders.offload import MAX_RESTARTS, ExtractionPool
from tests.golden.regenerate import GOLDEN_DIR

ARTICLE = GOLDEN_DIR / "detik" / "news_banjir_2025_03_04.html"
GALLERY = GOLDEN_DIR / "detik" / "foto_galeri_2025_03_05.html"
URL = "https://news.detik.com/berita/d-7805512/banjir-rendam-12-rt-di-jakarta-timur-warga-mengungsi-ke-masjid"


def test_worker_extraction_equals_inline_and_rejections_cross_the_process_boundary() -> None:
    portal = get_portal("detik")
    pool = ExtractionPool(processes=1)

    async def both() -> ArticleItem:
        item = await pool.extract([FetchedPage(URL, ARTICLE.read_bytes())], portal)
        with pytest.raises(NotAnArticle, match="photo gallery"):
            await pool.extract([FetchedPage(URL, GALLERY.read_bytes())], portal)
        return item

    try:
        item = asyncio.run(both())
    finally:
        pool.close()
    inline = extract_article([FetchedPage(URL, ARTICLE.read_bytes())], portal)
    assert replace(item, crawled_at=None) == replace(inline, crawled_at=None)


# Reads one task and exits without answering: a worker that crashes on a page.
DYING_WORKER = (sys.executable, "-c", "import sys; sys.stdin.buffer.read(9); sys.exit(3)")


def test_a_worker_that_dies_costs_no_article_and_is_replaced_then_given_up(caplog) -> None:
    portal = get_portal("detik")
    pool = ExtractionPool(processes=1, command=DYING_WORKER)
    page = [FetchedPage(URL, ARTICLE.read_bytes())]

    async def several() -> list[ArticleItem]:
        held_together = await asyncio.gather(pool.extract(page, portal), pool.extract(page, portal))
        one_by_one = [await pool.extract(page, portal) for _ in range(MAX_RESTARTS + 1)]
        return [*held_together, *one_by_one]

    try:
        items = asyncio.run(several())
    finally:
        pool.close()
    inline = replace(extract_article(page, portal), crawled_at=None)
    assert [replace(i, crawled_at=None) for i in items] == [inline] * (MAX_RESTARTS + 3)
    assert pool.processes == 0, "after MAX_RESTARTS replacements the crawl extracts in its own process"
    assert "exited (status 3); the 2 articles it held" in caplog.text
    assert caplog.text.count("exited (status 3)") == 1 + MAX_RESTARTS
    assert "keep dying" in caplog.text


def test_a_worker_exits_when_the_crawl_holding_its_pipe_is_killed() -> None:
    """A SIGKILL of the crawl closes the worker's input: the worker must not outlive it holding stderr."""
    script = (
        "import asyncio, sys\n"
        "from newscrawl.spiders.offload import ExtractionPool\n"
        "pool = ExtractionPool(1)\n"
        "async def main():\n"
        "    await pool._worker()\n"
        "    print(pool._workers[0].process.pid, flush=True)\n"
        "    await asyncio.sleep(60)\n"
        "asyncio.run(main())\n"
    )
    crawl = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    worker_pid = int(crawl.stdout.readline())
    crawl.kill()
    started = time.monotonic()
    crawl.communicate(timeout=10)  # returns only once every holder of the crawl's stdout/stderr is gone
    assert time.monotonic() - started < 5
    with pytest.raises(ProcessLookupError):
        for _ in range(100):  # reaped by init once it exits; wait for that
            os.kill(worker_pid, 0)
            time.sleep(0.05)


@pytest.mark.parametrize(
    ("setting", "cpus", "expected"), [("auto", 2, 1), ("auto", 1, 0), ("auto", 16, 3), ("0", 2, 0), (2, 2, 2)]
)
def test_worker_count_auto_leaves_one_core_to_the_crawl(monkeypatch, setting, cpus, expected) -> None:
    monkeypatch.setattr(offload, "usable_cpus", lambda: cpus)
    assert offload.worker_count(setting) == expected


def test_worker_count_rejects_nonsense() -> None:
    with pytest.raises(ValueError, match="NEWSCRAWL_EXTRACT_PROCESSES"):
        offload.worker_count("many")


def test_spiders_of_one_process_share_one_pool_until_the_last_closes() -> None:
    """``newscrawl run`` crawls every portal in one process: one set of workers, not one per portal."""
    from scrapy import Spider, signals
    from scrapy.utils.test import get_crawler

    crawlers = [get_crawler(Spider, {"NEWSCRAWL_EXTRACT_PROCESSES": "1"}) for _ in range(3)]
    pools = [ExtractionPool.from_crawler(c) for c in crawlers]
    assert pools[0] is pools[1] is pools[2] and pools[0].users == 3

    async def start_workers() -> None:
        await pools[0]._worker()

    asyncio.run(start_workers())
    process = pools[0]._workers[0].process
    for crawler in crawlers[:2]:
        crawler.signals.send_catch_log(signals.spider_closed, spider=None, reason="finished")
    assert process.poll() is None, "the workers stay while a spider still uses them"
    crawlers[2].signals.send_catch_log(signals.spider_closed, spider=None, reason="finished")
    assert process.poll() is not None and ExtractionPool._shared is None


def test_a_worker_outlasts_a_sigterm_to_the_process_group_until_the_crawl_closes_it() -> None:
    """A service manager stopping the group signals the worker too; the crawl still finishes what it holds."""
    import signal

    portal = get_portal("detik")
    pool = ExtractionPool(processes=1)
    page = [FetchedPage(URL, ARTICLE.read_bytes())]

    async def extract_after_sigterm() -> ArticleItem:
        await pool.extract(page, portal)  # the worker is up and has set its signal handling
        os.kill(pool._workers[0].process.pid, signal.SIGTERM)
        await asyncio.sleep(0.2)
        return await pool.extract(page, portal)

    try:
        item = asyncio.run(extract_after_sigterm())
        process = pool._workers[0].process
        assert process.poll() is None and pool.restarts_left == MAX_RESTARTS, "the worker ignored SIGTERM"
    finally:
        pool.close()
    assert process.returncode == 0, "it exited cleanly once the crawl closed its input"
    assert replace(item, crawled_at=None) == replace(extract_article(page, portal), crawled_at=None)
