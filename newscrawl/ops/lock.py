"""One run at a time per state folder: ``fcntl.flock`` on ``<NEWSCRAWL_STATE_DIR>/newscrawl.lock``.

The kernel holds the lock for the open file and drops it when the process ends, however it ends
(SIGKILL, power loss), so a lock is never stale and there is nothing to clean up. The file itself stays;
its content (pid, start time, command) only tells a refused run who holds it. A refused run opens the
file without writing to it and touches nothing else.
"""

from __future__ import annotations

import fcntl
import json
import os
import sys
from pathlib import Path
from types import TracebackType

from newscrawl.records import utc_now

LOCK_FILENAME = "newscrawl.lock"


class Busy(RuntimeError):
    """Another process holds the lock."""


class RunLock:
    def __init__(self, state_dir: Path) -> None:
        self.path = Path(state_dir) / LOCK_FILENAME
        self._fd: int | None = None

    def acquire(self) -> RunLock:
        """Take the lock at once or raise :class:`Busy` naming the holder; never waits."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            os.close(fd)
            raise Busy(f"another newscrawl run holds {self.path} ({holder}); nothing done") from None
        os.ftruncate(fd, 0)
        info = {"pid": os.getpid(), "started_at": utc_now(), "command": sys.argv}
        os.write(fd, json.dumps(info).encode() + b"\n")
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the only descriptor releases the flock
            self._fd = None

    def __enter__(self) -> RunLock:
        return self.acquire() if self._fd is None else self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()


def _holder(fd: int) -> str:
    try:
        info = json.loads(os.pread(fd, 4096, 0) or b"{}")
        return f"pid {info['pid']}, started {info['started_at']}"
    except (OSError, ValueError, KeyError, TypeError):
        return "holder unknown"
