"""WARC records through warcio: every response record of a source, and one read back by its offset.

Damage (a truncated or corrupt gzip member, an unparsable record) ends the scan of a source with a
:class:`~newscrawl.archive.reader.Damage` naming the byte offset of the first unreadable record; every
record before it stays usable.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO
from urllib.parse import urlsplit

from scrapy.http import Headers
from w3lib.url import safe_url_string
from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataReader
from warcio.recordloader import ArcWarcRecord

from newscrawl.archive.reader import Damage, Source, opened

_BLOCK = 1 << 16


@dataclass(frozen=True)
class RecordRef:
    """Where one response record is, and what an index needs to know of it without reading it again."""

    source: Source
    offset: int
    url: str
    status: int
    content_type: str | None
    date: str


def supersedes(ref: RecordRef, held: RecordRef) -> bool:
    """Whether ``ref`` is the later fetch of the same URL: by WARC-Date (to the second), else archive order.

    Archives are read in file-name order, which need not be the order in which they were written."""
    return ref.date[:19] >= held.date[:19]


class DamagedRecord(Exception):
    """A record cannot be read in full."""


@dataclass(frozen=True)
class Loaded:
    url: str
    status: int
    protocol: str
    headers: list[tuple[str, str]]
    body: bytes

    def scrapy_headers(self) -> Headers:
        headers = Headers()
        for name, value in self.headers:
            headers.appendlist(name, value)
        return headers


def scan(source: Source) -> tuple[list[RecordRef], Damage | None]:
    """The response records of a source, up to the first damage (reported, never raised)."""
    refs: list[RecordRef] = []
    records: ArchiveIterator | None = None
    try:
        with opened(source) as fh:
            records = ArchiveIterator(fh)
            for record in records:
                if not record.rec_type:  # what warcio makes of a record cut inside its headers
                    raise DamagedRecord("a record cut short in its headers")
                ref = _ref(source, records.offset, record)
                _drain(record)
                if ref is not None:
                    refs.append(ref)
            size = fh.seek(0, 2)
            if records.offset < size:  # a cut gzip member too short to yield anything ends the iteration
                raise DamagedRecord(f"the last {size - records.offset} bytes are not a complete record")
    except Exception as exc:  # every failure of a damaged file is reported the same way
        offset = records.offset if records is not None else 0  # where the unreadable record starts
        error = str(exc) if isinstance(exc, DamagedRecord) else f"{type(exc).__name__}: {exc}"
        return refs, Damage(source, offset, _printable(error))
    return refs, None


def _printable(error: str, limit: int = 160) -> str:
    """An error message fit for one log line (a corrupt record's "first line" is binary junk)."""
    error = error.split(", first line:", 1)[0]  # warcio quotes the unparsable bytes after this
    text = " ".join(error.encode("ascii", "replace").decode().split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _ref(source: Source, offset: int, record: ArcWarcRecord) -> RecordRef | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    url = (record.rec_headers.get_header("WARC-Target-URI") or "").strip().strip("<>")
    try:
        status = int(record.http_headers.get_statuscode())
    except ValueError:
        return None
    date = record.rec_headers.get_header("WARC-Date") or ""
    return RecordRef(source, offset, url, status, record.http_headers.get_header("Content-Type"), date)


def _drain(record: ArcWarcRecord) -> None:
    """Read the rest of the record; a record cut short (a truncated file) is damage."""
    while record.raw_stream.read(_BLOCK):
        pass
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise DamagedRecord(f"record cut short ({record.raw_stream.limit} bytes missing)")


def load(fh: BinaryIO, offset: int) -> Loaded:
    """The response record at ``offset``, its body as stored (de-chunked if its headers say chunked).

    A Content-Encoding is left for Scrapy's HttpCompressionMiddleware, as in a crawl (it knows zstd and the
    current brotli; warcio's own decoding knows neither)."""
    fh.seek(offset)
    record = next(iter(ArchiveIterator(fh)))
    http = record.http_headers
    if record.rec_type != "response" or http is None:
        raise DamagedRecord(f"no response record at byte {offset}")
    chunked = (http.get_header("Transfer-Encoding") or "").lower() == "chunked"
    body = (ChunkedDataReader(record.raw_stream) if chunked else record.raw_stream).read()
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise DamagedRecord(f"record at byte {offset} is cut short")
    headers = [(k, v) for k, v in http.headers if not (chunked and k.lower() == "transfer-encoding")]
    url = (record.rec_headers.get_header("WARC-Target-URI") or "").strip().strip("<>")
    return Loaded(url, int(http.get_statuscode()), http.protocol or "HTTP/1.1", headers, body)


def url_key(url: str) -> str:
    """What two URLs of one resource share: all but scheme, fragment and default port (a lookup key)."""
    parts = urlsplit(safe_url_string(url.strip().strip("<>")))
    host = (parts.hostname or "").lower()
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    return f"{host}{parts.path or '/'}" + (f"?{parts.query}" if parts.query else "")
