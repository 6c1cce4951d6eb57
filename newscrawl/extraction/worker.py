"""An extraction worker process: ``python -m newscrawl.extraction.worker``.

The crawl process (:mod:`newscrawl.spiders.offload`) writes tasks to the worker's stdin and reads results
from its stdout. Every message is one frame: an 8-byte big-endian length, then a pickle. A task is
``(task_id, pages, portal)``; the answer is ``(task_id, True, item)`` or ``(task_id, False, exception)``,
in the order the tasks came.

The worker lives exactly as long as the crawl holds the pipe: end of input (the crawl closed it, or the
crawl died, even by SIGKILL) makes it exit at once, and so does a closed output. It ignores SIGINT and
SIGTERM: Ctrl-C, or a service manager stopping the whole process group, also reaches the worker, and the
crawl decides how to stop (it finishes what it holds, then closes the pipe). Anything written to
stdout by library code is sent to stderr so that it cannot corrupt the frames.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import struct
import sys
from typing import BinaryIO

HEADER = struct.Struct("!Q")


def read_frame(stream: BinaryIO) -> bytes | None:
    """The next frame's payload, or None at a clean end of input."""
    header = stream.read(HEADER.size)
    if len(header) < HEADER.size:
        return None
    (size,) = HEADER.unpack(header)
    payload = stream.read(size)
    if len(payload) < size:
        return None  # the writer died mid-frame: there is nobody left to answer
    return payload


def frame(message: object) -> bytes:
    payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return HEADER.pack(len(payload)) + payload


def answer(task: bytes) -> bytes:
    """Run one task; an exception travels back as the answer, never ends the worker."""
    from newscrawl.extraction.core import extract_article

    task_id, pages, portal = pickle.loads(task)
    try:
        return frame((task_id, True, extract_article(pages, portal)))
    except Exception as exc:
        try:
            return frame((task_id, False, exc))
        except Exception:
            return frame((task_id, False, RuntimeError(f"{type(exc).__name__}: {exc}")))


def serve(tasks: BinaryIO, results: BinaryIO) -> None:
    while (task := read_frame(tasks)) is not None:
        results.write(answer(task))
        results.flush()


def main() -> int:
    for stop in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stop, signal.SIG_IGN)
    results = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # stray prints go to the crawl's log, not the frames
    import newscrawl.extraction.core  # noqa: F401 - import before the first task, while the crawl starts

    with contextlib.suppress(BrokenPipeError):  # the crawl is gone
        serve(sys.stdin.buffer, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
