"""Fixtures: a hostile detik replica on a fault server, and a crawl of it in a real subprocess."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.hostile.crawl import CrawlResult, run_crawl
from tests.hostile.pages import HostileSite


@pytest.fixture
def site() -> Iterator[HostileSite]:
    """A detik replica being served; add articles and faults, then call ``crawl()``."""
    site = HostileSite()
    with site.server.serve():
        yield site


@pytest.fixture
def crawl(site: HostileSite, tmp_path: Path) -> Callable[..., CrawlResult]:
    """Publish the site's feeds and crawl it to the end: ``crawl(*scrapy_args, settings={...})``."""

    def run(*args: str, **kw: object) -> CrawlResult:
        site.publish()
        return run_crawl(site, tmp_path, *args, **kw)

    return run
