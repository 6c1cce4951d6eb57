"""End-to-end crawl throughput and memory against a local server serving N replica articles.

    python benchmarks/crawl.py                  # 1,000 and 5,000 articles
    python benchmarks/crawl.py --quick          # smoke mode for CI: 100 articles

A server process serves a detik replica: one news sitemap listing N distinct articles made from a golden
fixture page (each with its own id and text). A real ``scrapy crawl detik`` subprocess crawls it with the
shipped settings except politeness delays (AutoThrottle off, no download delay, 16 requests per domain),
writing JSONL and the seen-store as usual (``--processes N``: extraction in N worker processes).
Reported: articles written per second (wall), this process's extraction-only rate on the same pages
(``extract_article`` in a loop on one core), their ratio, the crawl process's own CPU per article and its
peak RSS (wait4).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TEMPLATE = (ROOT / "tests" / "golden" / "detik" / "news_banjir_2025_03_04.html").read_text(encoding="utf-8")
TEMPLATE_ID = "7805512"
SLUG = "banjir-rendam-12-rt-di-jakarta-timur-warga-mengungsi-ke-masjid"
BIN = Path(sys.executable).parent


def article_url(n: int) -> str:
    return f"https://news.detik.com/berita/d-{9_000_000 + n}/{SLUG}"


def article_html(n: int) -> bytes:
    """The fixture page with its own id, and a body that differs per article (content dedupe sees N)."""
    page = TEMPLATE.replace(TEMPLATE_ID, str(9_000_000 + n))
    return page.replace("sedikitnya 12 rukun tetangga", f"sedikitnya {n} rukun tetangga").encode()


def sitemap(count: int) -> bytes:
    when = datetime.now(UTC).isoformat()  # fresh entries: the default window, no backfill
    urls = "".join(
        f"<url><loc>{article_url(n)}</loc><news:news><news:publication_date>{when}</news:publication_date>"
        "</news:news></url>"
        for n in range(count)
    )
    return (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>'
    ).encode()


def serve(count: int, port_out: multiprocessing.Queue) -> None:
    site_map = sitemap(count)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            path = self.path.lstrip("/").split("?", 1)[0]
            body, status = b"", 404
            if path == "news.detik.com/berita/sitemap_news.xml":
                body, status = site_map, 200
            elif path.startswith("news.detik.com/berita/d-"):
                body, status = article_html(int(path.split("/d-")[1].split("/")[0]) - 9_000_000), 200
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port_out.put(server.server_address[1])
    server.serve_forever()


PROCESSES = 0  # set by --processes
EXTRA_SETTINGS: dict[str, str] = {}  # set by --set KEY=VALUE


def crawl(count: int) -> tuple[float, int, float, float]:
    """(seconds, records written, peak RSS MiB, CPU seconds of the crawl process) for ``count`` articles."""
    ports: multiprocessing.Queue = multiprocessing.Queue()
    server = multiprocessing.Process(target=serve, args=(count, ports), daemon=True)
    server.start()
    origin = json.dumps({"*": f"http://127.0.0.1:{ports.get(timeout=30)}"})
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        settings = {
            "NEWSCRAWL_ORIGIN_MAP": origin,
            "NEWSCRAWL_OUTPUT_DIR": f"{tmp}/out",
            "NEWSCRAWL_STATE_DIR": f"{tmp}/state",
            "AUTOTHROTTLE_ENABLED": "False",
            "DOWNLOAD_DELAY": "0",
            "CONCURRENT_REQUESTS": "16",
            "CONCURRENT_REQUESTS_PER_DOMAIN": "16",
            "LOG_LEVEL": "WARNING",
            "NEWSCRAWL_EXTRACT_PROCESSES": str(PROCESSES),
            **EXTRA_SETTINGS,
        }
        command = [
            BIN / "scrapy",
            "crawl",
            "detik",
            *(a for k, v in settings.items() for a in ("-s", f"{k}={v}")),
        ]
        child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _pid, status, usage = os.wait4(child.pid, 0)  # this crawl's own CPU and peak RSS
        seconds = time.perf_counter() - start
        assert status == 0, f"the crawl exited with status {status}"
        written = sum(
            len(p.read_text(encoding="utf-8").splitlines()) for p in Path(tmp).glob("out/*/*/*.jsonl")
        )
    server.terminate()
    return seconds, written, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def extraction_rate(count: int) -> float:
    """Articles per second of extraction alone on the same pages, in this process."""
    from newscrawl.extraction.core import FetchedPage, extract_article
    from newscrawl.portals import get_portal

    portal = get_portal("detik")
    pages = [(article_url(n), article_html(n)) for n in range(count)]
    start = time.perf_counter()
    for url, html in pages:
        extract_article([FetchedPage(url, html)], portal)
    return count / (time.perf_counter() - start)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--processes", type=int, default=0, help="NEWSCRAWL_EXTRACT_PROCESSES of the crawl")
    parser.add_argument(
        "--set", action="append", default=[], metavar="KEY=VALUE", help="another Scrapy setting of the crawl"
    )
    args = parser.parse_args()
    global PROCESSES
    PROCESSES = args.processes
    EXTRA_SETTINGS.update(item.split("=", 1) for item in args.set)
    sizes = [100] if args.quick else args.sizes
    print(f"NEWSCRAWL_EXTRACT_PROCESSES={PROCESSES}", *(f"{k}={v}" for k, v in EXTRA_SETTINGS.items()))
    print(
        "| articles | written | crawl s | written/s | extraction-only/s | ratio | crawl CPU ms/article "
        "| crawl peak RSS MiB |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for size in sizes:
        seconds, written, peak, cpu = crawl(size)
        rate = extraction_rate(min(size, 1000))
        print(
            f"| {size:,} | {written:,} | {seconds:.1f} | {written / seconds:.0f} | {rate:.0f} | "
            f"{written / seconds / rate:.2f} | {cpu * 1000 / max(written, 1):.1f} | {peak:.0f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
