"""Durable file replacement, shared by every writer (JSONL output, WARC files, summaries, the state)."""

from __future__ import annotations

import os
from pathlib import Path


def fsync_dir(directory: Path) -> None:
    """Make a rename in ``directory`` itself durable (POSIX only: other systems cannot open a directory)."""
    if os.name == "posix":
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def durable_replace(source: Path, target: Path) -> None:
    """Rename ``source`` (already written and fsync'ed) over ``target`` and sync the directory."""
    os.replace(source, target)
    fsync_dir(target.parent)
