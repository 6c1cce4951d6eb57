"""``newscrawl reextract ARCHIVE... -o out.jsonl``: every article in web archives, extracted again.

No Scrapy scheduler: archives are scanned (one task per file), article pages grouped
(:mod:`newscrawl.archive.articles`), and the groups extracted in a process pool
(:mod:`newscrawl.archive.worker`), in chunks and in archive order, so the output does not depend on
``--workers``. Records go through the crawl's own normalise,
validate and dedupe stages (:mod:`newscrawl.archive.stages`) and are written as ``out.jsonl.part``, renamed
to ``out.jsonl`` at the end. The seen-store is untouched unless ``--skip-seen`` or ``--update-state``.
"""

from __future__ import annotations

import argparse
import json
import logging
import multiprocessing
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tqdm import tqdm

from newscrawl.archive.articles import Plan, plan
from newscrawl.archive.reader import find_sources
from newscrawl.archive.stages import RecordStages
from newscrawl.archive.warc import RecordRef, scan
from newscrawl.archive.worker import Unextracted, extract_and_check, init_worker
from newscrawl.pipelines.jsonl import KEY_FIELDS
from newscrawl.records import new_run_id
from newscrawl.state import open_store

logger = logging.getLogger("newscrawl.reextract")
EXIT_OK, EXIT_OUTPUT_FAILED, EXIT_BAD_INPUT = 0, 1, 2
LOG_EVERY = 10.0  # seconds between progress lines when stderr is not a terminal
Mapper = Callable[..., Iterator[Any]]


@contextmanager
def _mapper(workers: int, run_id: str) -> Iterator[Mapper]:
    """An ordered, lazy map: a process pool's ``imap``, or plain ``map`` in this process for one worker."""
    # Set up once here first: a failing set-up then raises, where in a pool's initializer it would make
    # multiprocessing.Pool replace dying workers forever and the run hang.
    init_worker(run_id)
    if workers <= 1:
        yield lambda func, items, chunksize=1: map(func, items)
        return
    with multiprocessing.Pool(workers, initializer=init_worker, initargs=(run_id,)) as pool:
        yield pool.imap


class _Progress:
    """A tqdm bar on a terminal, else a log line every LOG_EVERY seconds."""

    def __init__(self, total: int) -> None:
        self.bar = tqdm(total=total, unit="article", file=sys.stderr) if sys.stderr.isatty() else None
        self.total, self.done, self.started = total, 0, time.monotonic()
        self.last = self.started

    def update(self) -> None:
        self.done += 1
        if self.bar is not None:
            self.bar.update()
        elif (now := time.monotonic()) - self.last >= LOG_EVERY:
            self.last = now
            rate = self.done / (now - self.started)
            logger.info("reextract: %d/%d articles (%.1f/s)", self.done, self.total, rate)

    def close(self) -> float:
        if self.bar is not None:
            self.bar.close()
        return time.monotonic() - self.started


def reason_key(reason: str) -> str:
    """A drop reason without its particulars (URLs, counts, schema messages), for the summary."""
    reason = re.sub(r":?\s*https?://\S+", "", reason)
    reason = re.sub(r"\s*\([^)]*\)", "", reason)
    return ": ".join(reason.split(": ")[:2]) if reason.startswith("schema:") else reason.strip()


def run(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    logging.getLogger("newscrawl.pipelines").setLevel(logging.WARNING)  # drops are counted in the summary
    sources, damages = find_sources(args.archives)
    if not sources and not damages:
        print(f"newscrawl reextract: no archive file in {' '.join(args.archives)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    output = Path(args.output)
    workers = max(1, args.workers or os.cpu_count() or 1)
    run_id = args.run_id or new_run_id()
    with _mapper(workers, run_id) as imap:
        refs: list[RecordRef] = []
        for source_refs, damage in imap(scan, sources):
            refs += source_refs
            damages += [damage] if damage else []
        for damage in damages:
            logger.warning("%s; the records before it are used", damage)
        work = plan(refs)
        del refs
        store = open_store(args.state_dir) if args.skip_seen or args.update_state else None
        stages = RecordStages(run_id, store, stories_dir=args.state_dir if args.update_state else None)
        chunksize = max(1, min(16, len(work.articles) // (workers * 4)))
        results = imap(extract_and_check, work.articles, chunksize)
        try:
            keys, drops, elapsed = _write(output, results, work, stages)
        except OSError as exc:
            where = exc.filename or output
            print(f"newscrawl reextract: cannot write {where}: {exc.strerror}", file=sys.stderr)
            stages.close()
            return EXIT_OUTPUT_FAILED
    if args.update_state:
        stages.commit(keys)  # closes the stages
    else:
        stages.close()
    pages = sum(len(group) for group in work.articles)
    print(
        f"newscrawl reextract: {len(sources)} archive files, {work.responses} responses, "
        f"{pages} article pages in {len(work.articles)} articles, {elapsed:.1f} s "
        f"({pages / max(elapsed, 1e-9):.1f} pages/s, {workers} workers)\n"
        f"  written: {len(keys)} records to {output}",
        file=sys.stderr,
    )
    _counts("dropped", drops)
    _counts("skipped responses", work.skipped)
    for damage in damages:
        print(f"  damaged: {damage}", file=sys.stderr)
    return EXIT_OK


def _write(
    output: Path, results: Iterable[Any], work: Plan, stages: RecordStages
) -> tuple[list[dict[str, Any]], Counter[str], float]:
    """Write ``<output>.part`` record by record, then rename it to ``output``."""
    keys: list[dict[str, Any]] = []
    drops: Counter[str] = Counter()
    progress = _Progress(len(work.articles))
    output.parent.mkdir(parents=True, exist_ok=True)
    part = output.with_name(output.name + ".part")
    with part.open("wb") as fh:
        for result in results:
            progress.update()
            if isinstance(result, Unextracted):
                logger.warning("Not extracted: %s", result.reason)
                result = result.reason
            record = result if isinstance(result, str) else stages.unique(result)
            if isinstance(record, str):
                drops[reason_key(record)] += 1
                continue
            fh.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n")
            keys.append({key: record.get(key) for key in KEY_FIELDS})
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(part, output)
    return keys, drops, progress.close()


def _counts(title: str, counts: Counter[str]) -> None:
    for reason, count in counts.most_common():
        print(f"  {title}: {count} {reason}", file=sys.stderr)
