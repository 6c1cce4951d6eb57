"""Archive files: which files a path names (folder, file, glob; WARC inside .wacz), and open handles.

A source is a ``.warc.gz`` or ``.warc`` file (also ``.warc.gz.open``, a file a killed crawl left behind)
or a WARC file inside a ``.wacz`` (a zip whose ``archive/`` folder holds them).
"""

from __future__ import annotations

import glob
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

SUFFIXES = (".warc.gz", ".warc", ".wacz", ".warc.gz.open")


@dataclass(frozen=True)
class Source:
    path: str
    member: str | None = None
    """The WARC file inside a ``.wacz``, else None."""

    def __str__(self) -> str:
        return f"{self.path}!{self.member}" if self.member else self.path


@dataclass(frozen=True)
class Damage:
    source: Source
    offset: int
    error: str

    def __str__(self) -> str:
        return f"{self.source}: damaged at byte {self.offset}: {self.error}"


def find_sources(specs: Iterable[str]) -> tuple[list[Source], list[Damage]]:
    """Every WARC source named by folders (searched recursively), files or globs, in a stable order."""
    paths: list[Path] = []
    for spec in specs:
        path = Path(spec)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.name.endswith(SUFFIXES))
        elif path.is_file():
            found = [path]
        else:
            found = sorted(Path(p) for p in glob.glob(spec, recursive=True) if Path(p).is_file())
        paths += [p for p in found if p not in paths]
    sources: list[Source] = []
    damages: list[Damage] = []
    for path in paths:
        if not path.name.endswith(".wacz"):
            sources.append(Source(str(path)))
            continue
        try:
            with zipfile.ZipFile(path) as wacz:
                names = sorted(n for n in wacz.namelist() if n.startswith("archive/") and _is_warc(n))
        except (OSError, zipfile.BadZipFile) as exc:
            damages.append(Damage(Source(str(path)), 0, f"not a readable .wacz: {exc}"))
            continue
        sources += [Source(str(path), name) for name in names]
    return sources, damages


def _is_warc(name: str) -> bool:
    return name.endswith((".warc.gz", ".warc"))


@contextmanager
def opened(source: Source) -> Iterator[BinaryIO]:
    """The source as a seekable binary file."""
    if source.member is None:
        with open(source.path, "rb") as fh:
            yield fh
    else:
        with zipfile.ZipFile(source.path) as wacz, wacz.open(source.member) as fh:
            yield fh


class OpenSources:
    """One open handle per source, kept for reading many records (replay, re-extraction workers)."""

    def __init__(self) -> None:
        self._stack = ExitStack()
        self._files: dict[Source, BinaryIO] = {}

    def get(self, source: Source) -> BinaryIO:
        if source not in self._files:
            self._files[source] = self._stack.enter_context(opened(source))
        return self._files[source]

    def close(self) -> None:
        self._files.clear()
        self._stack.close()
