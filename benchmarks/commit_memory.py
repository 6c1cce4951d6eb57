"""What the writer and the dedupe stage hold for a run: output committed in chunks against one file per run.

    python benchmarks/commit_memory.py            # 5,000 records
    python benchmarks/commit_memory.py --quick    # smoke mode for CI: 500 records

The dedupe and JSONL writer pipelines run on their own (no crawl, no network) over N distinct records,
with the seen-store in a temporary folder. Reported per mode: under tracemalloc, the memory still held by the
run after the last record, before the crawl closes (what grows with a long run), and the peak; then records
per second without tracemalloc, median of 3 (each chunk's fsync, rename and seen-store transaction
included).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scrapy.utils.test import get_crawler

from newscrawl.items import ArticleItem
from newscrawl.pipelines.dedupe import DedupePipeline
from newscrawl.pipelines.jsonl import JsonlWriterPipeline

BODY = "Jakarta - Banjir merendam permukiman warga di Jakarta Timur sejak Selasa pagi. " * 12
MODES = {
    "chunks of 500 (shipped default)": {"NEWSCRAWL_COMMIT_RECORDS": 500, "NEWSCRAWL_COMMIT_SECONDS": 0},
    "one file per run (no chunks)": {"NEWSCRAWL_COMMIT_RECORDS": 0, "NEWSCRAWL_COMMIT_SECONDS": 0},
}


def record(n: int) -> ArticleItem:
    body = f"{BODY} Nomor {n}."
    return ArticleItem(
        url=f"https://news.detik.com/berita/d-{9_000_000 + n}/banjir-rendam-permukiman-warga",
        portal="detik",
        title=f"Banjir rendam permukiman warga {n}",
        body=body,
        published_at="2026-01-01T07:00:00+07:00",
        word_count=len(body.split()),
        crawled_at="2026-01-01T00:00:00Z",
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
        run_id="20260101T000000Z-abc123",
    )


def run(count: int, settings: dict, traced: bool) -> tuple[float, float, float]:
    """(MiB held after the last record, peak MiB, seconds); memory only when ``traced``."""
    items = [record(n) for n in range(count)]
    with tempfile.TemporaryDirectory() as tmp:
        crawler = get_crawler(
            settings_dict={
                "NEWSCRAWL_RUN_ID": "20260101T000000Z-abc123",
                "NEWSCRAWL_OUTPUT_DIR": f"{tmp}/output",
                "NEWSCRAWL_STATE_DIR": f"{tmp}/state",
                **settings,
            }
        )
        dedupe, writer = DedupePipeline.from_crawler(crawler), JsonlWriterPipeline.from_crawler(crawler)
        dedupe.open_spider()
        gc.collect()
        if traced:
            tracemalloc.start()
        baseline = tracemalloc.get_traced_memory()[0] if traced else 0
        started = time.perf_counter()
        for n in range(count):
            writer.process_item(dedupe.process_item(items[n]))
            items[n] = None  # type: ignore[call-overload]  # what the run holds, not the input list
        gc.collect()
        held, peak = tracemalloc.get_traced_memory() if traced else (0, 0)
        tracemalloc.stop()
        writer.close_spider()  # the last chunk's commit counts in the time
        elapsed = time.perf_counter() - started
        dedupe.close_store()
    mib = 1024 * 1024
    return (held - baseline) / mib, (peak - baseline) / mib, elapsed


def measure(count: int, settings: dict, runs: int = 3) -> tuple[float, float, float]:
    """(MiB held, peak MiB, records/s: median of ``runs`` untraced runs)."""
    held, peak, _ = run(count, settings, traced=True)
    times = sorted(run(count, settings, traced=False)[2] for _ in range(runs))
    return held, peak, count / times[len(times) // 2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=5_000)
    parser.add_argument("--quick", action="store_true", help="smoke mode: 500 records")
    args = parser.parse_args()
    count = 500 if args.quick else args.records
    print(f"| {count:,} records | held by the run (MiB) | peak (MiB) | records/s |")
    print("| --- | --- | --- | --- |")
    for name, settings in MODES.items():
        held, peak, rate = measure(count, settings)
        print(f"| {name} | {held:.2f} | {peak:.2f} | {rate:,.0f} |")


if __name__ == "__main__":
    main()
