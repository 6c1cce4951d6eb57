"""One article's work in a ``newscrawl reextract`` worker process: read, decode, extract, normalise, validate.

Bodies are decoded by Scrapy's own HttpCompressionMiddleware, as in a crawl, and extraction is the crawl's
:func:`~newscrawl.extraction.core.extract_article`; the record's ``crawled_at`` is the time page 1 was
fetched (its ``WARC-Date``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from scrapy import Request
from scrapy.downloadermiddlewares.httpcompression import HttpCompressionMiddleware
from scrapy.http import Response
from warcio.timeutils import iso_date_to_datetime

from newscrawl.archive.articles import Group
from newscrawl.archive.reader import OpenSources
from newscrawl.archive.stages import RecordStages
from newscrawl.archive.warc import RecordRef, load
from newscrawl.extraction.core import FetchedPage, NotAnArticle, extract_article
from newscrawl.extraction.page import UnreadablePage
from newscrawl.items import ArticleItem, RejectedPage
from newscrawl.portals import portal_for_url


@dataclass(frozen=True)
class Unextracted:
    """The article's pages could not be read from the archive, or extraction crashed."""

    reason: str


@dataclass
class _Worker:
    stages: RecordStages
    decoder: HttpCompressionMiddleware
    files: OpenSources


_worker: _Worker | None = None


def init_worker(run_id: str) -> None:
    """Set up a worker process (the pool's initializer; called in-process for ``--workers 1``)."""
    global _worker
    stages = RecordStages(run_id)
    _worker = _Worker(stages, HttpCompressionMiddleware(crawler=stages.crawler), OpenSources())


def extract_and_check(group: Group) -> dict[str, Any] | str | Unextracted:
    """The article's record, normalised and validated; or (a string) why the stages dropped it."""
    assert _worker is not None, "init_worker() runs first in every worker"
    result = extract_group(group, _worker)
    return result if isinstance(result, Unextracted) else _worker.stages.check(result)


def _body(ref: RecordRef, worker: _Worker) -> bytes:
    loaded = load(worker.files.get(ref.source), ref.offset)
    request = Request(ref.url)
    response = Response(ref.url, status=loaded.status, headers=loaded.scrapy_headers(), body=loaded.body)
    return worker.decoder.process_response(request, response).body  # type: ignore[union-attr]


def extract_group(group: Group, worker: _Worker) -> ArticleItem | RejectedPage | Unextracted:
    first = group[0]
    portal = portal_for_url(first.url)
    assert portal is not None, "plan() keeps only pages of a portal"
    try:
        pages = [FetchedPage(ref.url, _body(ref, worker), ref.content_type) for ref in group]
    except Exception as exc:  # a damaged record or an oversized body must not stop the run
        return Unextracted(f"unreadable archive record ({type(exc).__name__}): {first.url}")
    try:
        return extract_article(pages, portal, crawled_at=_crawled_at(first.date))
    except NotAnArticle as exc:
        return RejectedPage(url=first.url, portal=portal.id, reason=str(exc))
    except UnreadablePage as exc:
        return RejectedPage(url=first.url, portal=portal.id, reason=f"unreadable page: {exc}")
    except Exception as exc:  # as in a crawl, one article's failure does not stop the others
        return Unextracted(f"extraction failed ({type(exc).__name__}: {exc}): {first.url}")


def _crawled_at(warc_date: str) -> datetime | None:
    try:
        return iso_date_to_datetime(warc_date, tz_aware=True)
    except (ValueError, TypeError):
        return None
