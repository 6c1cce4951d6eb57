"""The crawl's final stats as JSON, for tests that run ``scrapy crawl`` in a subprocess.

``-s STATS_CLASS=tests.hostile.statsfile.JsonFileStatsCollector -s HOSTILE_STATS_FILE=stats.json``
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from scrapy.statscollectors import MemoryStatsCollector


class JsonFileStatsCollector(MemoryStatsCollector):
    def _persist_stats(self, stats: dict[str, Any]) -> None:
        super()._persist_stats(stats)
        path = self._crawler.settings.get("HOSTILE_STATS_FILE")
        if path:
            Path(path).write_text(json.dumps(stats, default=str, sort_keys=True), encoding="utf-8")
