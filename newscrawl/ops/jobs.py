"""Resumable backfills: one Scrapy ``JOBDIR`` per portal and date range, under the state folder.

``newscrawl run detik --since 2024-01-01 --until 2024-01-31`` crawls with
``JOBDIR=<NEWSCRAWL_STATE_DIR>/jobs/detik-2024-01-01-2024-01-31``. Scrapy keeps the pending requests and
the fingerprints of requests already made there, so running the same command again after an interruption
continues the walk rather than restarting it. When the portal's crawl succeeds the folder is removed:
the range is done, and a later backfill of it starts afresh (skipping articles already written).

Scrapy writes the job's queue and fingerprints only when a crawl closes cleanly (Ctrl-C once, SIGTERM,
a failure). ``run`` marks the folder while a crawl uses it and unmarks it once the crawl has closed; a
folder found still marked was left by a run that was killed outright (SIGKILL, power loss), and cannot be
trusted: it is discarded, and the range is walked again from its index pages, with every article already
written skipped by the seen-store.
"""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

logger = logging.getLogger(__name__)
MARKER = "newscrawl-running"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def job_dir(state_dir: Path, portal: str, since: str, until: str | None) -> Path:
    key = _UNSAFE.sub("_", f"{portal}-{since}-{until or 'open'}")
    return Path(state_dir) / "jobs" / key


def begin(path: Path) -> bool:
    """Prepare the job folder and mark it in use; True when an earlier job is resumed."""
    if (path / MARKER).exists():
        logger.warning("Job %s was left by a killed run; its queue cannot be trusted: starting over", path)
        shutil.rmtree(path)
    resumed = path.is_dir() and any(path.iterdir())
    path.mkdir(parents=True, exist_ok=True)
    (path / MARKER).touch()
    if resumed:
        logger.info("Resuming the backfill job in %s", path)
    return resumed


def end(path: Path, closed: bool, interrupted: bool) -> None:
    """After the crawl: keep a job interrupted by a signal (Scrapy saved it), drop every other one.

    A crawl that ended on its own but failed (a write error, say) must not be resumed: its request
    queue and dupefilter remember articles whose records were never written, so a resumed run would
    skip them for good. Walking the range again is safe; the seen-store skips what was written.
    """
    if closed and not interrupted:
        shutil.rmtree(path, ignore_errors=True)
    elif closed:
        (path / MARKER).unlink(missing_ok=True)
        logger.info("Backfill job kept in %s: run the same command again to continue", path)
