"""Skip building log records that no handler would emit.

Scrapy sets the root logger to NOTSET and filters at its handler (``LOG_LEVEL``), so every DEBUG message
("Crawled (200)", "Scraped from") is built as a LogRecord and then thrown away: about 13 microseconds
each, two or three per article. Once the crawl starts, the root logger's level is raised to the lowest
level among the root handlers, so what is emitted does not change. A logger with its own handler that
wants DEBUG needs its own level set (``logging.getLogger("x").setLevel(logging.DEBUG)``).
"""

from __future__ import annotations

import logging

from scrapy import signals
from scrapy.crawler import Crawler


class RootLevelFromHandlers:
    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RootLevelFromHandlers:
        extension = cls()
        crawler.signals.connect(extension.engine_started, signal=signals.engine_started)
        return extension

    def engine_started(self) -> None:
        root = logging.getLogger()
        levels = [handler.level for handler in root.handlers]
        if levels and all(level > logging.NOTSET for level in levels) and root.level < min(levels):
            root.setLevel(min(levels))
