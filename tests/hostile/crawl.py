"""Run a real ``scrapy crawl`` subprocess against a hostile site and read back what the user gets.

:class:`CrawlResult` holds the exit code, the log, the final stats (written by
:class:`tests.hostile.statsfile.JsonFileStatsCollector`), the peak memory of the crawl process and the
output and state folders, with helpers that check the records are whole and valid.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from newscrawl.records import validate_record
from tests.conftest import ROOT
from tests.hostile.pages import CRAWL_ONLY_FIELDS, SINCE, SPIDER, UNTIL, HostileSite

RUN_ID = "20260101T000000Z-0b5e55"
CRAWL_TIMEOUT = 90.0
SETTINGS = {
    "AUTOTHROTTLE_ENABLED": "False",
    "DOWNLOAD_DELAY": "0",
    "DOWNLOAD_TIMEOUT": "2",
    "NEWSCRAWL_RETRY_BACKOFF_BASE": "0.1",
    "NEWSCRAWL_RUN_ID": RUN_ID,
    "LOG_LEVEL": "INFO",
    "STATS_CLASS": "tests.hostile.statsfile.JsonFileStatsCollector",
}
_LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \[(?P<name>[^\]]+)\] (?P<level>[A-Z]+): ")


@dataclass
class LogRecord:
    name: str
    level: str
    text: str


@dataclass
class CrawlResult:
    returncode: int
    log: str
    stats: dict
    maxrss_mb: float
    seconds: float
    output: Path
    state: Path
    records_cache: list[dict] | None = field(default=None, repr=False)

    def stat(self, key: str) -> int:
        return int(self.stats.get(key) or 0)

    @property
    def finish_reason(self) -> str | None:
        return self.stats.get("finish_reason")

    def files(self) -> list[Path]:
        return sorted((self.output / SPIDER).glob("*/*.jsonl"))

    def parts(self) -> list[Path]:
        return sorted(self.output.rglob("*.part"))

    def records(self) -> list[dict]:
        """Every record in the final files, checked: whole lines, one valid JSON object each."""
        if self.records_cache is None:
            records = []
            for path in self.files():
                data = path.read_bytes()
                assert data.endswith(b"\n"), f"{path} ends in a partial line"
                for line in data.split(b"\n")[:-1]:
                    record = json.loads(line.decode("utf-8"))
                    assert validate_record(record) is None, validate_record(record)
                    records.append(record)
            self.records_cache = records
        return self.records_cache

    def urls(self) -> list[str]:
        return [r["url"] for r in self.records()]

    def seen(self) -> set[str]:
        """URLs the seen-store holds (empty when there is no store)."""
        path = self.state / "seen.sqlite3"
        if not path.exists():
            return set()
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return {row[0] for row in db.execute("SELECT url FROM seen")}
        finally:
            db.close()

    def log_records(self) -> list[LogRecord]:
        records: list[LogRecord] = []
        for line in self.log.splitlines():
            match = _LOG_LINE.match(line)
            if match:
                records.append(LogRecord(match["name"], match["level"], line[match.end() :]))
            elif records:
                records[-1].text += "\n" + line
        return records

    def named(self, needle: str, *, own: bool = True) -> list[str]:
        """INFO and higher messages that contain ``needle``; ``own``: from newscrawl's loggers only
        (the spider and ``newscrawl.*``), not Scrapy's own context lines."""
        return [
            r.text
            for r in self.log_records()
            if r.level in {"INFO", "WARNING", "ERROR", "CRITICAL"}
            and needle in r.text
            and (not own or r.name == SPIDER or r.name.startswith("newscrawl"))
        ]

    def assert_named_once(self, needle: str, *reason: str) -> str:
        """One log message (INFO or higher, newscrawl's own) names ``needle``, and gives ``reason``."""
        found = self.named(needle)
        assert len(found) == 1, f"{needle!r} named {len(found)} times in the log: {found}"
        for words in reason:
            assert words in found[0], f"{words!r} not in {found[0]!r}"
        return found[0]

    def assert_finished(self) -> None:
        assert self.returncode == 0, self.log[-3000:]
        assert self.finish_reason == "finished", (self.finish_reason, self.log[-3000:])
        assert not self.parts(), f"temporary files left: {self.parts()}"
        assert not [r for r in self.log_records() if r.level == "CRITICAL"], self.log[-3000:]

    def assert_written(self, site: HostileSite) -> None:
        """Exactly the site's good articles are written, each once and exactly as extracted cleanly."""
        got = {r["url"]: r for r in self.records()}
        assert len(got) == len(self.records()), "a URL was written twice"
        want = {a.url: a.expected() for a in site.good}
        assert set(got) == set(want), (sorted(set(want) - set(got)), sorted(set(got) - set(want)))
        for url, record in want.items():
            for name in sorted(set(record) - CRAWL_ONLY_FIELDS):
                assert got[url][name] == record[name], f"{url}: {name}"
        assert self.seen() == set(got), "the seen-store and the output disagree"


class Crawl:
    """A running crawl subprocess; :meth:`wait` reaps it and returns its :class:`CrawlResult`."""

    def __init__(self, command: list[str], tmp: Path, env: dict[str, str]) -> None:
        self.tmp = tmp
        (tmp / "stats.json").unlink(missing_ok=True)  # a rerun in the same folder must not read old stats
        self.started = time.monotonic()
        self.proc = subprocess.Popen(  # stdout (newscrawl run's verdict) goes into the log too
            command,
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        self._log: list[bytes] = []
        self._reader = threading.Thread(target=self._read, args=(self.proc.stdout,), daemon=True)
        self._reader.start()

    def _read(self, stream: IO[bytes]) -> None:
        for line in stream:
            self._log.append(line)

    def log_so_far(self) -> str:
        return b"".join(self._log).decode("utf-8", "replace")

    def signal(self, sig: signal.Signals) -> None:
        os.kill(self.proc.pid, sig)

    def wait(self, timeout: float = CRAWL_TIMEOUT) -> CrawlResult:
        """Reap the crawl (killed, by its id, after ``timeout`` seconds) and read what it left."""
        lock, reaped = threading.Lock(), []

        def kill() -> None:
            with lock:
                if not reaped:
                    os.kill(self.proc.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _pid, status, usage = os.wait4(self.proc.pid, 0)  # wait4: the child's own peak memory
            with lock:
                reaped.append(True)
        finally:
            timer.cancel()
        self.proc.returncode = os.waitstatus_to_exitcode(status)
        self._reader.join(timeout=10)
        stats_file = self.tmp / "stats.json"
        stats = json.loads(stats_file.read_text("utf-8")) if stats_file.exists() else {}
        return CrawlResult(
            returncode=self.proc.returncode,
            log=self.log_so_far(),
            stats=stats,
            maxrss_mb=usage.ru_maxrss / 1024,
            seconds=time.monotonic() - self.started,
            output=self.tmp / "output",
            state=self.tmp / "state",
        )


def start_crawl(
    origin: str,
    tmp: Path,
    *args: str,
    settings: dict[str, str] | None = None,
    fsize_limit: int | None = None,
    cron: bool = False,
) -> Crawl:
    """Start ``scrapy crawl detik`` (or, with ``cron``, ``newscrawl run detik``) over the publication
    window of the site, with the test settings; ``fsize_limit`` caps the size of every file it writes."""
    port = origin.rsplit(":", 1)[1]
    values = {
        **SETTINGS,
        "NEWSCRAWL_ORIGIN_MAP": json.dumps({"*": origin}),
        "NEWSCRAWL_ALLOW_PRIVATE_HOSTS": f"127.0.0.1:{port}",
        "NEWSCRAWL_OUTPUT_DIR": str(tmp / "output"),
        "NEWSCRAWL_STATE_DIR": str(tmp / "state"),
        "HOSTILE_STATS_FILE": str(tmp / "stats.json"),
        **(settings or {}),
    }
    if cron:
        command = [sys.executable, "-m", "newscrawl.cli", "run", SPIDER, "--since", SINCE, "--until", UNTIL]
    else:
        command = [
            sys.executable,
            "-m",
            "scrapy",
            "crawl",
            SPIDER,
            "-a",
            f"since={SINCE}",
            "-a",
            f"until={UNTIL}",
        ]
    for name, value in values.items():
        command += ["-s", f"{name}={value}"]
    command += list(args)
    if fsize_limit is not None:
        command = [sys.executable, "-m", "tests.hostile.limits", str(fsize_limit), *command]
    env = {**os.environ, "PYTHONWARNINGS": "error::DeprecationWarning:scrapy"}
    return Crawl(command, tmp, env)


def run_crawl(site: HostileSite, tmp: Path, *args: str, **kw: object) -> CrawlResult:
    """Publish the site, crawl it to the end (the server must be serving) and return the result."""
    return start_crawl(site.server.origin, tmp, *args, **kw).wait()  # type: ignore[arg-type]
