"""The crawl's own normalise -> validate -> dedupe pipelines, run on re-extracted items without a crawl.

The pipeline classes only need ``settings``, ``stats`` and ``signals`` of a crawler, so a small stand-in
gives them those. Normalise and validate run in the worker processes, beside extraction, so the main process
is left with dedupe, which must see every record: within the run (URL and content hash) against an empty
seen-store, unless a real one is passed (``--skip-seen``, ``--update-state``). Stories come after dedupe, in
archive order: against a throwaway index, or the state folder's story index with ``--update-state``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from scrapy.exceptions import DropItem
from scrapy.settings import Settings
from scrapy.signalmanager import SignalManager

from newscrawl.pipelines.dedupe import DedupePipeline
from newscrawl.pipelines.jsonl import KEY_FIELDS
from newscrawl.pipelines.normalise import NormalisePipeline
from newscrawl.pipelines.stories import StoriesPipeline
from newscrawl.pipelines.validate import ValidatePipeline
from newscrawl.records import record_dict
from newscrawl.state import ListedLastmod, SeenEntry, SeenStore
from newscrawl.stories.index import open_index
from newscrawl.stories.store import MemoryStoryStore


class EmptyStore(SeenStore):
    """A seen-store that has seen nothing and keeps nothing: dedupe within the run only."""

    def has_url(self, url: str) -> bool:
        return False

    def has_hash(self, content_hash: str) -> bool:
        return False

    def get(self, url: str) -> SeenEntry | None:
        return None

    def add_many(
        self, entries: Iterable[SeenEntry], files: Iterable[str] = (), lastmods: Iterable[ListedLastmod] = ()
    ) -> None:
        return None

    def has_file(self, path: str) -> bool:
        return False

    def newest_file_day(self) -> str | None:
        return None

    def count(self) -> int:
        return 0

    def close(self) -> None:
        return None


class _Stats(Counter[str]):
    def inc_value(self, key: str, count: int = 1, start: int = 0) -> None:
        self[key] += count


class RecordStages:
    def __init__(self, run_id: str, store: SeenStore | None = None, stories_dir: str | None = None) -> None:
        """``stories_dir``: the state folder whose story index learns the records (``--update-state``);
        None: a throwaway index, so the user's state is untouched."""
        settings = Settings()
        settings.setmodule("newscrawl.settings")  # the crawl's own (DOWNLOAD_MAXSIZE for decoding, ...)
        settings.setdict({"NEWSCRAWL_RUN_ID": run_id, "NEWSCRAWL_DEDUPE": True}, priority="cmdline")
        self.crawler: Any = SimpleNamespace(settings=settings, stats=_Stats(), signals=SignalManager())
        self.normalise, self.validate = NormalisePipeline(self.crawler), ValidatePipeline(self.crawler)
        self.dedupe = DedupePipeline(self.crawler)
        self.dedupe.store = store or EmptyStore()
        if stories_dir and Path(stories_dir).is_file():  # --state-dir may name the seen-store file itself
            stories_dir = str(Path(stories_dir).parent)
        index = open_index({"NEWSCRAWL_STATE_DIR": stories_dir}) if stories_dir else None
        self.stories = StoriesPipeline(self.crawler, index or open_index({}, MemoryStoryStore()))

    def check(self, item: Any) -> dict[str, Any] | str:
        """Normalise and validate (in a worker): the record, or why it is dropped."""
        try:
            return record_dict(self.validate.process_item(self.normalise.process_item(item)))
        except DropItem as exc:
            return str(exc)

    def unique(self, record: dict[str, Any]) -> dict[str, Any] | str:
        """Dedupe and stories (in the main process, which sees every record): the record, or why it is
        dropped."""
        try:
            return self.stories.process_item(self.dedupe.process_item(record))
        except DropItem as exc:
            return str(exc)

    def commit(self, records: list[dict[str, Any]]) -> None:
        """Tell the seen-store about records now durably written, as the crawl's writer does."""
        keys = [{key: r.get(key) for key in KEY_FIELDS} for r in records]
        self.dedupe.commit(keys)
        self.stories.commit(keys)
        self.dedupe.close_store()
        self.close()

    def close(self) -> None:
        """Close the story index (the seen-store is closed by :meth:`commit`)."""
        if self.stories.index is not None:
            self.stories.index.close()
            self.stories.index = None
