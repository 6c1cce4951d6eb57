"""Start-up: `newscrawl extract` on one page (wall, imports included) and a crawl's first request.

    python benchmarks/startup.py            # 5 runs each
    python benchmarks/startup.py --quick    # smoke mode for CI: 1 run each

The crawl is a real ``scrapy crawl detik`` subprocess pointed at a local server (NEWSCRAWL_ORIGIN_MAP);
the time to first request is from process start to the server receiving its first request.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "tests" / "golden" / "detik" / "news_banjir_2025_03_04.html"
BIN = Path(sys.executable).parent


def time_extract() -> float:
    start = time.perf_counter()
    subprocess.run([BIN / "newscrawl", "extract", str(PAGE)], check=True, capture_output=True)
    return time.perf_counter() - start


def time_first_request() -> float:
    first: list[float] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            first.append(time.perf_counter())
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = json.dumps({"*": f"http://127.0.0.1:{server.server_address[1]}"})
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        result = subprocess.run(
            [
                BIN / "scrapy",
                "crawl",
                "detik",
                "-s",
                f"NEWSCRAWL_ORIGIN_MAP={origin}",
                "-s",
                f"NEWSCRAWL_OUTPUT_DIR={tmp}/out",
                "-s",
                f"NEWSCRAWL_STATE_DIR={tmp}/state",
                "-s",
                "LOG_LEVEL=WARNING",
            ],
            cwd=ROOT,
            capture_output=True,
            timeout=120,
        )
    server.shutdown()
    # Every request 404s, so the crawl fails (exit 1) by design: only the time to its first request counts.
    if result.returncode not in (0, 1):
        raise subprocess.CalledProcessError(result.returncode, result.args, result.stdout, result.stderr)
    return first[0] - start


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    runs = 1 if args.quick else args.runs
    extract = [time_extract() for _ in range(runs)]
    crawl = [time_first_request() for _ in range(runs)]
    print(f"{runs} runs each, median seconds")
    print("| measure | seconds | target |")
    print("| --- | --- | --- |")
    print(f"| `newscrawl extract` one page, wall with imports | {statistics.median(extract):.2f} | < 1.5 |")
    print(f"| `scrapy crawl detik` process start to first request | {statistics.median(crawl):.2f} | < 2.0 |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
