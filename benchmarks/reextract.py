"""``newscrawl reextract`` on both cores against one worker, on an archive of N articles.

    python benchmarks/reextract.py              # 5,000 articles
    python benchmarks/reextract.py --quick      # smoke mode for CI: 100 articles

The archive is written with warcio (request + response records, gzip per record) from the crawl
benchmark's replica articles: a golden detik page with a distinct id and text per article. Each worker
count runs ``--runs`` times, alternating; the table gives the median wall time and articles per second.
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

sys.path.insert(0, str(Path(__file__).resolve().parent))

from crawl import article_html, article_url

BIN = Path(sys.executable).parent


def write_archive(path: Path, count: int) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for n in range(count):
            url, body = article_url(n), article_html(n)
            headers = StatusAndHeaders(
                "200 OK",
                [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)


def run(archive: Path, out: Path, workers: int) -> float:
    start = time.perf_counter()
    subprocess.run(
        [BIN / "newscrawl", "reextract", str(archive), "-o", str(out), "--workers", str(workers)],
        check=True,
        capture_output=True,
        timeout=3600,
    )
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    count, runs = (100, 1) if args.quick else (args.articles, args.runs)
    times: dict[int, list[float]] = {1: [], 2: []}
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "replica.warc.gz"
        write_archive(archive, count)
        for _ in range(runs):
            for workers in times:
                out = Path(tmp) / f"out-{workers}.jsonl"
                times[workers].append(run(archive, out, workers))
                written = len(out.read_text(encoding="utf-8").splitlines())
                assert written == count, f"{written} of {count} articles written"
    print(f"{count:,} articles, {runs} runs per worker count, median wall seconds (start-up included)")
    print("| workers | seconds | articles/s | speed-up |")
    print("| --- | --- | --- | --- |")
    one = statistics.median(times[1])
    for workers, values in times.items():
        median = statistics.median(values)
        print(f"| {workers} | {median:.1f} | {count / median:.0f} | {one / median:.2f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
