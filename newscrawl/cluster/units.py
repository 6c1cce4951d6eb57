"""The discovery units a worker reads itself, and when each is read.

A worker that takes a unit's discovery lease (:meth:`~newscrawl.cluster.worker.Worker.take_discovery`)
fetches the unit's feeds, sitemaps and index pages itself, from a queue of its own in the scheduler, rather
than through the shared queue: the requests a sitemap index or an index page leads to belong to the same
unit, the worker's run summary says what each source gave (its verdict and the discovery ledger stay true),
and the lease stays held, renewed by the heartbeat, until the last of them is done. A holder that dies
mid-read stops renewing; its lease expires and another worker reads the unit again.

A request of a unit carries the unit's name and a token in ``request.meta``. The token is counted when the
request is queued (a redirect or a retry keeps it: the same read), and done when its callback's output has
all been seen (:class:`~newscrawl.cluster.middleware.LeaseMiddleware`) or its errback ran; requests that
output adds are counted first, so a unit is read only when nothing of it is left.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from typing import Any

from scrapy import Request

UNIT = "newscrawl_unit"
"""``request.meta`` key: the discovery unit the request reads."""
TOKEN = "newscrawl_unit_token"
READ_KINDS = frozenset({"feed", "sitemap", "index", "robots", "home"})
"""``request.meta["kind"]`` of the requests that read a unit (an article request goes to the shared queue)."""

_tokens = itertools.count(1)


class UnitReads:
    """This worker's units being read: the tokens of each unit's requests not yet done."""

    def __init__(self, on_read: Callable[[str], None]) -> None:
        self.on_read = on_read
        """Called with a unit's name once nothing of it is left."""
        self.pending: dict[str, set[int]] = {}

    def begin(self, unit: str, requests: Iterable[Request]) -> list[Request]:
        """The unit's first requests, marked and counted (a unit with none is read at once)."""
        marked = []
        self.pending.setdefault(unit, set())
        for request in requests:
            request.meta[UNIT] = unit
            request.meta.pop(TOKEN, None)
            self.queued(request)
            marked.append(request)
        self._check(unit)
        return marked

    def adopt(self, parent: Any, output: Any) -> None:
        """A request a unit's response led to joins the unit when it reads too (a sitemap's child, the next
        index page), with a token of its own even if it copied its parent's meta."""
        unit = parent.meta.get(UNIT) if parent is not None else None
        if unit not in self.pending or not isinstance(output, Request):
            return
        if output.meta.get("kind") in READ_KINDS:
            output.meta[UNIT] = unit
            output.meta.pop(TOKEN, None)
            self.queued(output)
        elif output.meta.get(UNIT) == unit:  # an article request that copied a reading request's meta
            del output.meta[UNIT]
            output.meta.pop(TOKEN, None)

    def queued(self, request: Request) -> None:
        unit = request.meta.get(UNIT)
        if unit in self.pending:
            self.pending[unit].add(request.meta.setdefault(TOKEN, next(_tokens)))

    def done(self, request: Request | None) -> None:
        if request is None or (unit := request.meta.get(UNIT)) not in self.pending:
            return
        self.pending[unit].discard(request.meta.get(TOKEN))
        self._check(unit)

    def finish_all(self) -> None:
        """The crawl is idle: whatever a unit still counts was dropped on the way (nothing is in flight)."""
        for unit in list(self.pending):
            self.pending[unit].clear()
            self._check(unit)

    def _check(self, unit: str) -> None:
        if unit in self.pending and not self.pending[unit]:
            del self.pending[unit]
            self.on_read(unit)


def reads_unit(request: Request) -> bool:
    """Whether the request belongs to a unit this worker reads (its own queue, no duplicate filter)."""
    return UNIT in request.meta
