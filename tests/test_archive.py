"""Web archives: a crawl writes WARC, a crawl replays WARC, ``newscrawl reextract`` reads WARC. All offline.

The crawl is a real ``scrapy crawl`` of the local portal replica (tests/support/replica.py) with archiving
on and a small file size, so that it rotates; the other tests replay or re-extract what it archived.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import re
import signal
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from pathlib import Path

import brotli
import pytest
from scrapy import Request
from scrapy.http import HtmlResponse, Response
from scrapy.utils.test import get_crawler
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newscrawl.archive.articles import plan
from newscrawl.archive.middleware import ArchiveMiddleware, response_record
from newscrawl.archive.reader import Source
from newscrawl.archive.warc import RecordRef, load, scan
from newscrawl.downloader.replay import ReplayIndex
from newscrawl.portals import get_portal
from newscrawl.portals.base import Portal
from newscrawl.records import validate_record
from newscrawl.urls import canonical_url
from tests.conftest import ROOT
from tests.golden.regenerate import GoldenCase, find_cases, run_case
from tests.support.replica import (
    ReplicaSite,
    Route,
    crawl_options,
    expected_record,
    portal_replica,
    rss,
    serve,
)
from tests.test_crawl_e2e import run_crawl, written_records

PORTAL = "sindonews" if (ROOT / "tests" / "golden" / "sindonews").is_dir() else "detik"
VOLATILE = {"crawled_at", "run_id", "story_id", "duplicate_of"}
NO_NETWORK = "http://127.0.0.1:9"  # a closed port: a replay that touched the network would fail loudly
SHIPPED = ROOT / "tests" / "data" / "sindonews-replica.warc.gz"


def article_cases(portal: str = PORTAL) -> list[GoldenCase]:
    return [c for c in find_cases([portal]) if "rejected" not in expected_record(c)]


def window(cases: list[GoldenCase]) -> tuple[str, ...]:
    dates = sorted(expected_record(c)["published_at"][:10] for c in cases)
    return ("-a", f"since={dates[0]}", "-a", f"until={dates[-1]}")


def comparable(records: list[dict]) -> dict[str, dict]:
    return {r["url"]: {k: v for k, v in r.items() if k not in VOLATILE} for r in records}


def crawl_stats(stderr: str) -> dict[str, int]:
    return {k: int(v) for k, v in re.findall(r"'(newscrawl/[^']+)': (\d+)", stderr)}


def warcio_cli(*args: str) -> subprocess.CompletedProcess:
    code = "import sys; from warcio.cli import main; sys.exit(main())"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60)


def reextract(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "newscrawl.cli", "reextract", *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=180)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@dataclass
class Crawl:
    tmp: Path
    archive: Path
    records: list[dict]
    stderr: str


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Crawl:
    tmp = tmp_path_factory.mktemp("crawl")
    site, cases = portal_replica(PORTAL)
    archive = tmp / "archive"
    with serve(site) as origin:
        result = run_crawl(
            PORTAL,
            origin,
            tmp,
            *window(cases),
            "-s",
            f"NEWSCRAWL_ARCHIVE_DIR={archive}",
            "-s",
            "NEWSCRAWL_ARCHIVE_MAX_BYTES=8000",
        )
    assert result.returncode == 0, result.stderr[-3000:]
    return Crawl(tmp, archive, written_records(tmp / "output", PORTAL), result.stderr)


def archive_files(crawl: Crawl) -> list[Path]:
    return sorted(crawl.archive.glob("*.warc.gz"))


def whole_archive(crawl: Crawl, path: Path) -> Path:
    """The crawl's files joined into one (valid: every record is its own gzip member)."""
    path.write_bytes(b"".join(f.read_bytes() for f in archive_files(crawl)))
    return path


# --- writing ------------------------------------------------------------------------------------------------
def test_every_file_passes_warcio_check_and_index(crawl: Crawl) -> None:
    files = archive_files(crawl)
    for path in files:
        check = warcio_cli("check", "-v", str(path))
        assert check.returncode == 0, check.stdout + check.stderr
        index = warcio_cli("index", "-f", "warc-type,warc-target-uri,http:status", str(path))
        assert index.returncode == 0, index.stderr
    urls = {
        json.loads(line).get("warc-target-uri")
        for line in warcio_cli("index", *map(str, files)).stdout.split("\n")
        if line
    }
    portal = get_portal(PORTAL)
    assert any(u.endswith("/robots.txt") for u in urls)
    assert {portal.feeds[0], portal.news_sitemaps[0]} <= urls
    assert {r["fetched_url"] for r in crawl.records} <= urls
    assert sum(r["pages"] for r in crawl.records) > len(crawl.records), "a multi-page article is archived"


def test_rotation_gives_several_complete_files(crawl: Crawl) -> None:
    files = archive_files(crawl)
    assert len(files) >= 3
    assert not list(crawl.archive.glob("*.open"))
    names = [f.name for f in files]
    assert len({re.sub(r"-\d{5}\.warc\.gz$", "", n) for n in names}) == 1, "one run, one process: one prefix"
    assert [int(n[-13:-8]) for n in names] == list(range(1, len(names) + 1))
    for path in files:
        with path.open("rb") as fh:
            first = next(iter(ArchiveIterator(fh)))
        assert first.rec_type == "warcinfo"
        assert first.rec_headers.get_header("WARC-Filename") == path.name


def test_records_hold_what_was_received_with_their_requests(crawl: Crawl) -> None:
    cases = article_cases()
    served = {case.fetched_url(): case.pages[0].read_bytes() for case in cases}
    responses, requests = {}, {}
    for path in archive_files(crawl):
        with path.open("rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type == "response":
                    body = record.content_stream().read()
                    headers = record.http_headers
                    assert headers.get_header("Content-Length") == str(len(body))
                    assert headers.get_header("Transfer-Encoding") is None
                    responses[record.rec_headers.get_header("WARC-Record-ID")] = (
                        record.rec_headers.get_header("WARC-Target-URI"),
                        body,
                    )
                elif record.rec_type == "request":
                    requests[record.rec_headers.get_header("WARC-Concurrent-To")] = record
    assert set(requests) == set(responses), "every response has its request"
    bodies = dict(responses.values())
    for url, body in served.items():
        archived = bodies.get(url) or bodies.get(get_portal(PORTAL).all_pages_url(url) or url)
        assert archived == body, url


def test_stored_headers_agree_with_the_stored_body(tmp_path: Path) -> None:
    """The body is kept as received (still gzip-encoded); Transfer-Encoding and a wrong Content-Length go."""
    body = gzip.compress(b"<html><body>" + b"kata " * 500 + b"</body></html>")
    headers = {"Content-Encoding": "gzip", "Transfer-Encoding": "chunked", "Content-Type": "text/html"}
    request = Request("https://news.detik.com/berita/d-1/x")
    response = HtmlResponse(request.url, status=200, headers=headers, body=body, request=request)
    http = response_record(response).http_headers
    assert http.statusline == "200 OK"
    assert http.get_header("Content-Encoding") == "gzip"
    assert http.get_header("Transfer-Encoding") is None
    assert http.get_header("X-Archive-Orig-Transfer-Encoding") == "chunked"
    assert http.get_header("Content-Length") == str(len(body))

    crawler = get_crawler(settings_dict={"NEWSCRAWL_ARCHIVE_DIR": str(tmp_path / "a")})
    middleware = ArchiveMiddleware(crawler)
    assert middleware.process_response(request, response) is response
    middleware.close()
    (path,) = (tmp_path / "a").glob("*.warc.gz")
    assert warcio_cli("check", str(path)).returncode == 0
    refs, damage = scan(Source(str(path)))
    assert damage is None and [r.url for r in refs] == [request.url]
    with path.open("rb") as fh:
        assert load(fh, refs[0].offset).body == body


def test_reextract_decodes_every_content_encoding_scrapy_asks_for(tmp_path: Path) -> None:
    try:
        from compression import zstd  # type: ignore[import-not-found]
    except ImportError:
        from backports import zstd  # type: ignore[no-redef]

    case = next(c for c in article_cases("sindonews") if len(c.pages) == 1)
    page = case.pages[0].read_bytes()
    encoded = {"gzip": gzip.compress(page), "br": brotli.compress(page), "zstd": zstd.compress(page)}
    path = tmp_path / "enc.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for n, (name, body) in enumerate(encoded.items()):
            url = re.sub(r"-\d{10}\b", f"-170000000{n}", case.fetched_url())  # three article URLs
            extra = (("Content-Encoding", name),)
            writer.write_record(_warc_response(writer, url, body, "text/html", extra=extra))
    refs, damage = scan(Source(str(path)))
    assert damage is None and len(refs) == 3
    with path.open("rb") as fh:
        assert [load(fh, r.offset).body for r in refs] == list(encoded.values()), "stored as received"
    result = reextract(str(path), "-o", str(tmp_path / "o.jsonl"), "--workers", "1")
    assert result.returncode == 0, result.stderr
    assert "written: 1 records" in result.stderr
    assert "dropped: 2 duplicate url" in result.stderr, "all three decoded into the same article"


def test_archive_write_failure_is_counted_not_ignored(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    crawler = get_crawler(settings_dict={"NEWSCRAWL_ARCHIVE_DIR": str(blocker)})
    middleware = ArchiveMiddleware(crawler)
    request = Request("https://news.detik.com/rss")
    response = Response(request.url, body=b"<rss/>", request=request)
    assert middleware.process_response(request, response) is response
    assert middleware.failed
    assert crawler.stats.get_value("newscrawl/archive/write_errors") == 1


# --- replay -------------------------------------------------------------------------------------------------
def test_replay_writes_the_same_records_as_the_crawl(crawl: Crawl, tmp_path: Path) -> None:
    again = tmp_path / "rearchive"
    result = run_crawl(
        PORTAL,
        NO_NETWORK,
        tmp_path,
        *window(article_cases()),
        "-s",
        f"NEWSCRAWL_REPLAY={crawl.archive}",
        "-s",
        f"NEWSCRAWL_ARCHIVE_DIR={again}",
    )
    assert result.returncode == 0, result.stderr[-3000:]
    replayed = written_records(tmp_path / "output", PORTAL)
    assert comparable(replayed) == comparable(crawl.records)
    stats = crawl_stats(result.stderr)
    assert stats["newscrawl/replay/responses"] >= len(crawl.records)
    assert "newscrawl/replay/missing" not in stats
    assert not again.exists() or not list(again.iterdir()), "a replay is never archived again"


def _warc_response(
    writer: WARCWriter,
    url: str,
    body: bytes,
    content_type: str,
    status: str = "200 OK",
    extra: tuple[tuple[str, str], ...] = (),
) -> object:
    headers = [("Content-Type", content_type), *extra, ("Content-Length", str(len(body)))]
    http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=http)


def index_urls(portal: Portal, cases: list[GoldenCase]) -> list[str]:
    """The first dated index page of every day of the cases' window (what a backfill requests)."""
    dates = sorted(dt.date.fromisoformat(expected_record(c)["published_at"][:10]) for c in cases)
    days = [dates[0] + dt.timedelta(days=n) for n in range((dates[-1] - dates[0]).days + 1)]
    return [t.format(date=day, page=1, offset=0) for day in days for t in portal.index_pages]


def build_foreign_archive(path: Path, with_requests: bool) -> tuple[list[GoldenCase], str]:
    """A WARC made with warcio's own writer: a feed of three articles, two of them archived.

    One is stored under http:// with a fragment, gzip-encoded, and followed by a later 503 (the 200 must win);
    a revisit record is present too. Returns the archived cases and the URL missing on purpose."""
    portal = get_portal("sindonews")
    cases = [c for c in article_cases("sindonews") if len(c.pages) == 1][:2]
    absent = next(c for c in article_cases("sindonews") if c not in cases)
    fetch = {c: portal.all_pages_url(canonical_url(c.fetched_url(), portal)) for c in [*cases, absent]}
    feed = rss(
        [
            (
                fetch[c],
                expected_record(c)["title"],
                datetime.fromisoformat(expected_record(c)["published_at"]),
            )
            for c in [*cases, absent]
        ]
    )
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "warcio test"}))

        def put(record: object, url: str) -> None:
            if with_requests:
                line = StatusAndHeaders(
                    f"GET {url.split('/', 3)[-1]} HTTP/1.1", [("Host", "x")], is_http_request=True
                )
                request = writer.create_warc_record(url, "request", http_headers=line)
                writer.write_request_response_pair(request, record)
            else:
                writer.write_record(record)

        put(_warc_response(writer, portal.feeds[0], feed, "application/rss+xml"), portal.feeds[0])
        for url in index_urls(portal, article_cases("sindonews")):  # the backfill's index pages: no links
            put(_warc_response(writer, url, b"<html><body></body></html>", "text/html"), url)
        revisit = writer.create_revisit_record(
            portal.feeds[0], "sha1:AAAA", portal.feeds[0], "2025-07-24T00:00:00Z"
        )
        writer.write_record(revisit)
        first, second = cases
        body = gzip.compress(first.pages[0].read_bytes())
        odd_url = fetch[first].replace("https://", "http://", 1) + "#top"
        put(
            _warc_response(writer, odd_url, body, "text/html", extra=(("Content-Encoding", "gzip"),)), odd_url
        )
        put(
            _warc_response(writer, fetch[second], second.pages[0].read_bytes(), "text/html; charset=utf-8"),
            fetch[second],
        )
        put(_warc_response(writer, odd_url, b"busy", "text/plain", "503 Service Unavailable"), odd_url)
    return cases, fetch[absent]


@pytest.mark.parametrize("with_requests", [True, False], ids=["with-requests", "responses-only"])
def test_replay_of_an_archive_made_by_warcio(tmp_path: Path, with_requests: bool) -> None:
    cases, absent = build_foreign_archive(tmp_path / "foreign.warc.gz", with_requests)
    result = run_crawl(
        "sindonews",
        NO_NETWORK,
        tmp_path,
        *window(article_cases("sindonews")),
        "-s",
        f"NEWSCRAWL_REPLAY={tmp_path / 'foreign.warc.gz'}",
    )
    assert result.returncode == 0, result.stderr[-3000:]
    records = {r["url"]: r for r in written_records(tmp_path / "output", "sindonews")}
    for case in cases:
        want = run_case(case)
        got = records.pop(want["url"])
        assert validate_record(got) is None
        assert {k: got[k] for k in want if k not in VOLATILE | {"fetched_url"}} == {
            k: v for k, v in want.items() if k not in VOLATILE | {"fetched_url"}
        }
    assert not records
    missing = re.findall(r"Replay: not in the archive: (\S+)", result.stderr)
    assert absent in missing
    assert crawl_stats(result.stderr)["newscrawl/replay/missing"] == len(missing)


def test_replay_of_the_shipped_archive_matches_reextract(tmp_path: Path) -> None:
    """The README's offline main job: the shipped archive replays into the records reextract finds in it."""
    assert SHIPPED.stat().st_size < 200_000
    assert "NEWSCRAWL_REPLAY=tests/data/sindonews-replica.warc.gz" in (ROOT / "README.md").read_text("utf-8")
    result = run_crawl(
        "sindonews",
        NO_NETWORK,
        tmp_path,
        *window(article_cases("sindonews")),
        "-s",
        f"NEWSCRAWL_REPLAY={SHIPPED}",
    )
    assert result.returncode == 0, result.stderr[-3000:]
    replayed = written_records(tmp_path / "output", "sindonews")
    done = reextract(str(SHIPPED), "-o", str(tmp_path / "re.jsonl"), "--workers", "1")
    assert done.returncode == 0, done.stderr
    assert comparable(replayed) == comparable(read_jsonl(tmp_path / "re.jsonl"))
    assert max(r["pages"] for r in replayed) == 2


def test_replay_index_prefers_a_200_then_the_later_fetch(tmp_path: Path) -> None:
    url = "https://news.detik.com/berita/d-1/x"
    fetches = [("a", "2025-07-24T10:00:00Z", "200 OK"), ("b", "2025-07-20T10:00:00Z", "200 OK")]
    fetches.append(("c", "2025-07-25T10:00:00Z", "404 Not Found"))
    for name, date, status in fetches:
        with (tmp_path / f"{name}.warc.gz").open("wb") as fh:
            writer = WARCWriter(fh, gzip=True)
            http = StatusAndHeaders(status, [("Content-Type", "text/html")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url,
                "response",
                payload=BytesIO(name.encode()),
                http_headers=http,
                warc_headers_dict={"WARC-Date": date},
            )
            writer.write_record(record)
    index = ReplayIndex([str(tmp_path)])
    assert Path(index.get(url + "#x").source.path).name == "a.warc.gz"
    assert index.get(url.replace("https", "http")) == index.get(url)
    assert index.get(url + "?page=2") is None


# --- reextract ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("workers", ["1", "2"])
def test_reextract_gives_the_records_the_crawl_gave(crawl: Crawl, tmp_path: Path, workers: str) -> None:
    out = tmp_path / "sub" / "out.jsonl"
    result = reextract(str(crawl.archive), "-o", str(out), "--workers", workers)
    assert result.returncode == 0, result.stderr
    assert comparable(read_jsonl(out)) == comparable(crawl.records)
    assert not out.with_name("out.jsonl.part").exists()
    assert f"written: {len(crawl.records)} records" in result.stderr
    assert "skipped responses:" in result.stderr and "not HTML" in result.stderr
    assert not (tmp_path / "state").exists()


def test_reextract_drops_duplicates_within_the_run(crawl: Crawl, tmp_path: Path) -> None:
    whole = whole_archive(crawl, tmp_path / "a.warc.gz")
    (tmp_path / "b.warc.gz").write_bytes(whole.read_bytes())  # every article archived twice
    result = reextract(
        str(tmp_path / "a.warc.gz"), str(tmp_path / "b.warc.gz"), "-o", str(tmp_path / "o.jsonl")
    )
    assert result.returncode == 0, result.stderr
    assert len(read_jsonl(tmp_path / "o.jsonl")) == len(crawl.records)
    assert "an earlier copy of the same URL" in result.stderr


def test_reextract_uses_the_seen_store_only_when_asked(crawl: Crawl, tmp_path: Path) -> None:
    state = tmp_path / "state"
    first = reextract(
        str(crawl.archive), "-o", str(tmp_path / "1.jsonl"), "--update-state", "--state-dir", str(state)
    )
    assert first.returncode == 0, first.stderr
    assert len(read_jsonl(tmp_path / "1.jsonl")) == len(crawl.records)
    second = reextract(
        str(crawl.archive), "-o", str(tmp_path / "2.jsonl"), "--skip-seen", "--state-dir", str(state)
    )
    assert second.returncode == 0, second.stderr
    assert read_jsonl(tmp_path / "2.jsonl") == []
    assert f"dropped: {len(crawl.records)} duplicate url" in second.stderr
    third = reextract(str(crawl.archive), "-o", str(tmp_path / "3.jsonl"), "--state-dir", str(state))
    assert len(read_jsonl(tmp_path / "3.jsonl")) == len(crawl.records), third.stderr


def test_reextract_without_an_archive_is_an_error(tmp_path: Path) -> None:
    result = reextract(str(tmp_path / "nothing"), "-o", str(tmp_path / "o.jsonl"))
    assert result.returncode == 2 and "no archive file" in result.stderr
    assert not (tmp_path / "o.jsonl").exists()


def test_reextract_reads_wacz(crawl: Crawl, tmp_path: Path) -> None:
    wacz = tmp_path / "crawl.wacz"
    with zipfile.ZipFile(wacz, "w") as z:
        z.writestr("datapackage.json", "{}")
        for path in archive_files(crawl):
            z.write(path, f"archive/{path.name}")
    assert len(ReplayIndex([str(wacz)]).entries) > len(crawl.records)
    result = reextract(str(wacz), "-o", str(tmp_path / "o.jsonl"))
    assert result.returncode == 0, result.stderr
    assert comparable(read_jsonl(tmp_path / "o.jsonl")) == comparable(crawl.records)


def test_plan_groups_the_pages_of_an_article_in_order() -> None:
    source = Source("x.warc.gz")
    base = "https://nasional.kompas.com/read/2025/07/21/09150441/kemenkes-perluas-skrining"

    def ref(url: str, status: int = 200, kind: str = "text/html") -> RecordRef:
        ref.n += 1  # type: ignore[attr-defined]
        return RecordRef(source, ref.n, url, status, kind, "2025-07-21T02:00:00Z")  # type: ignore[attr-defined]

    ref.n = 0  # type: ignore[attr-defined]
    refs = [
        ref(f"{base}?page=3"),
        ref(f"{base}?page=all"),
        ref(base),
        ref(f"{base}?page=2"),
        ref(f"{base}?page=2", status=503),
        ref("https://www.kompas.com/robots.txt", kind="text/plain"),
        ref("https://indeks.kompas.com/?site=news"),
        ref("https://example.com/read/1"),
        ref(f"{base.replace('09150441', '1')}?page=2"),
    ]
    result = plan(refs)
    (group,) = result.articles
    assert [r.url for r in group] == [f"{base}?page=all", f"{base}?page=2", f"{base}?page=3"]
    assert result.responses == len(refs)
    assert result.skipped == {
        "status 503": 1,
        "page 1 beside its all-pages view": 1,
        "not HTML": 1,
        "a non-article URL (gallery, video, tag, index, ...)": 1,
        "host of no portal": 1,
        "a later page without page 1": 1,
    }


# --- damage -------------------------------------------------------------------------------------------------
def _last_article_ref(path: Path) -> RecordRef:
    refs, damage = scan(Source(str(path)))
    assert damage is None
    return max((r for r in refs if r.status == 200 and "/read/" in r.url), key=lambda r: r.offset)


@pytest.mark.parametrize("damage", ["truncated", "corrupt"])
def test_damaged_file_is_reported_and_the_rest_is_read(
    crawl: Crawl, tmp_path: Path, damage: str, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "archives"
    folder.mkdir()
    whole = whole_archive(crawl, tmp_path / "whole.warc.gz")
    victim = _last_article_ref(whole)
    data = bytearray(whole.read_bytes())
    if damage == "truncated":
        data = data[: victim.offset + 300]
    else:
        middle = victim.offset + 600
        data[middle : middle + 40] = bytes(b ^ 0x5A for b in data[middle : middle + 40])
    broken = folder / f"a-{damage}.warc.gz"
    broken.write_bytes(bytes(data))
    cases, _ = build_foreign_archive(folder / "b-other.warc.gz", with_requests=False)

    before, _ = scan(Source(str(whole)))
    intact = [r for r in before if r.offset < victim.offset]
    with caplog.at_level("WARNING"):
        index = ReplayIndex([str(folder)])
    assert f"{broken}: damaged at byte {victim.offset}" in caplog.text
    assert all(index.get(r.url) is not None for r in intact)
    assert index.get(victim.url) is None or index.get(victim.url).source.path != str(broken)
    assert all(
        index.get(get_portal("sindonews").all_pages_url(canonical_url(c.fetched_url())) or "") for c in cases
    )

    result = reextract(str(folder), "-o", str(tmp_path / "o.jsonl"))
    assert result.returncode == 0, result.stderr
    assert f"{broken}: damaged at byte {victim.offset}" in result.stderr
    sindonews = get_portal("sindonews")
    expected = {canonical_url(group[0].url, get_portal(PORTAL)) for group in plan(intact).articles}
    expected |= {canonical_url(c.fetched_url(), sindonews) for c in cases}
    assert {r["url"] for r in read_jsonl(tmp_path / "o.jsonl")} == expected


# --- crash safety -------------------------------------------------------------------------------------------
class SlowSite(ReplicaSite):
    def lookup(self, key: str) -> Route | None:
        time.sleep(0.3)
        return super().lookup(key)


def test_killed_crawl_leaves_readable_files(tmp_path: Path) -> None:
    site, cases = portal_replica(PORTAL)
    slow = SlowSite()
    slow.routes = site.routes
    archive = tmp_path / "archive"
    with serve(slow) as origin:
        args = [
            sys.executable,
            "-m",
            "scrapy",
            "crawl",
            PORTAL,
            *window(cases),
            *crawl_options(origin, tmp_path, NEWSCRAWL_ARCHIVE_DIR=archive),
        ]
        process = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                files = list(archive.glob("*.warc.gz.open"))
                if files and files[0].stat().st_size > 3000:
                    break
                time.sleep(0.05)
            else:
                pytest.fail("the crawl archived nothing in time")
            os.kill(process.pid, signal.SIGKILL)
        finally:
            process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    (left,) = archive.glob("*.warc.gz.open")
    refs, damage = scan(Source(str(left)))
    assert len(refs) >= 2
    readable = left.read_bytes()[: damage.offset] if damage else left.read_bytes()
    (tmp_path / "readable.warc.gz").write_bytes(readable)
    assert warcio_cli("check", str(tmp_path / "readable.warc.gz")).returncode == 0
    assert len(readable) >= len(left.read_bytes()) - 25_000, "at most the last record is lost"


def test_a_failing_worker_set_up_raises_instead_of_hanging(monkeypatch) -> None:
    """multiprocessing.Pool replaces workers whose initializer fails, forever: set-up is tried here first."""
    from newscrawl.archive import reextract

    def broken(run_id: str) -> None:
        raise RuntimeError("set-up failed")

    monkeypatch.setattr(reextract, "init_worker", broken)
    with pytest.raises(RuntimeError, match="set-up failed"), reextract._mapper(2, "20260101T000000Z-abc123"):
        pass
