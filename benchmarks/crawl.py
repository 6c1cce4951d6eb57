"""End-to-end crawl throughput and memory against a local server serving N replica articles.

    python benchmarks/crawl.py                  # 1,000 and 5,000 articles, the shipped settings
    python benchmarks/crawl.py --runs 3         # the median of 3 crawls per size
    python benchmarks/crawl.py --processes 0    # extraction in the crawl process
    python benchmarks/crawl.py --quick          # smoke mode for CI: 100 articles

A server process serves a detik replica: a news sitemap index whose news sitemaps (1,000 URLs each, the
Google News limit) list N distinct articles made from a golden fixture page, each with its own id and
text. A real ``scrapy crawl detik`` subprocess crawls it with the shipped settings except politeness
(AutoThrottle off, no download delay, 16 requests per domain), writing JSONL and the seen-store as usual.

Reported per size: articles written per second (wall, start-up included); this process's extraction-only
rate on the same pages (``extract_article`` in a loop on one core, measured right after each crawl);
their ratio; CPU per article of the crawl process itself and of its extraction workers; the crawl
process's peak RSS (VmHWM). With ``--runs N`` each row is the run with the median ratio.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
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


NEWS_SITEMAP_MAX = 1000
"""URLs per news sitemap: Google News sitemaps take at most 1,000, so portals split larger sets."""


def sitemap_index(count: int) -> bytes:
    """The portal's news sitemap as an index of ``/part-<k>.xml`` news sitemaps of up to 1,000 URLs."""
    parts = "".join(
        f"<sitemap><loc>https://news.detik.com/berita/sitemap_news.xml/part-{k}.xml</loc></sitemap>"
        for k in range((count + NEWS_SITEMAP_MAX - 1) // NEWS_SITEMAP_MAX)
    )
    return (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{parts}</sitemapindex>"
    ).encode()


def sitemap(numbers: range) -> bytes:
    when = datetime.now(UTC).isoformat()  # fresh entries: the default window, no backfill
    urls = "".join(
        f"<url><loc>{article_url(n)}</loc><news:news><news:publication_date>{when}</news:publication_date>"
        "</news:news></url>"
        for n in numbers
    )
    return (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>'
    ).encode()


def serve(count: int, port_out: multiprocessing.Queue, latency: float = 0.0) -> None:
    """Serve the replica on a free port (put on ``port_out``); each article answer waits ``latency`` s."""
    index = sitemap_index(count)
    parts = {
        f"news.detik.com/berita/sitemap_news.xml/part-{k}.xml": sitemap(
            range(k * NEWS_SITEMAP_MAX, min(count, (k + 1) * NEWS_SITEMAP_MAX))
        )
        for k in range((count + NEWS_SITEMAP_MAX - 1) // NEWS_SITEMAP_MAX)
    }

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            path = self.path.lstrip("/").split("?", 1)[0]
            body, status = b"", 404
            if path == "news.detik.com/berita/sitemap_news.xml":
                body, status = index, 200
            elif path in parts:
                body, status = parts[path], 200
            elif path.startswith("news.detik.com/berita/d-"):
                time.sleep(latency)
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


PROCESSES: str | None = None  # --processes; None: the shipped NEWSCRAWL_EXTRACT_PROCESSES
EXTRA_SETTINGS: dict[str, str] = {}  # set by --set KEY=VALUE


@dataclass
class CrawlRun:
    seconds: float
    written: int
    crawl_cpu: float
    """CPU seconds of the crawl process itself."""
    worker_cpu: float
    """CPU seconds of its extraction workers."""
    peak_rss_mib: float


def _cpu_and_peak(pid: int) -> tuple[float, float]:
    """(CPU seconds, peak RSS MiB) of a live process, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    status = Path(f"/proc/{pid}/status").read_text()
    peak_kib = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:"))
    return cpu, peak_kib / 1024


def crawl(count: int) -> CrawlRun:
    ports: multiprocessing.Queue = multiprocessing.Queue()
    server = multiprocessing.Process(target=serve, args=(count, ports), daemon=True)
    server.start()
    origin = json.dumps({"*": f"http://127.0.0.1:{ports.get(timeout=30)}"})
    with tempfile.TemporaryDirectory() as tmp:
        settings = {
            "NEWSCRAWL_ORIGIN_MAP": origin,
            "NEWSCRAWL_OUTPUT_DIR": f"{tmp}/out",
            "NEWSCRAWL_STATE_DIR": f"{tmp}/state",
            "AUTOTHROTTLE_ENABLED": "False",
            "DOWNLOAD_DELAY": "0",
            "CONCURRENT_REQUESTS": "16",
            "CONCURRENT_REQUESTS_PER_DOMAIN": "16",
            "LOG_LEVEL": "WARNING",
            **({"NEWSCRAWL_EXTRACT_PROCESSES": PROCESSES} if PROCESSES is not None else {}),
            **EXTRA_SETTINGS,
        }
        options = [a for k, v in settings.items() for a in ("-s", f"{k}={v}")]
        command = [BIN / "scrapy", "crawl", "detik", *options]
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        crawl_cpu = peak = 0.0
        while child.poll() is None:  # the crawl's own figures, read until it exits (workers excluded)
            with contextlib.suppress(OSError, StopIteration, IndexError):
                crawl_cpu, peak = _cpu_and_peak(child.pid)
            time.sleep(0.02)
        seconds = time.perf_counter() - start
        assert child.returncode == 0, f"the crawl exited with status {child.returncode}"
        # The workers were reaped by the crawl, so their CPU is in the crawl's children's rusage, which
        # reaping the crawl added to ours: what the crawl and its workers used, less the crawl itself.
        worker_cpu = _children_cpu() - crawl_cpu
        written = sum(
            len(p.read_text(encoding="utf-8").splitlines()) for p in Path(tmp).glob("out/*/*/*.jsonl")
        )
    server.terminate()
    server.join()
    _children_cpu()  # the server's share, not counted
    return CrawlRun(seconds, written, crawl_cpu, worker_cpu, peak)


def _children_cpu() -> float:
    """CPU seconds of reaped children since the previous call."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = usage.ru_utime + usage.ru_stime
    spent, _children_cpu.before = total - _children_cpu.before, total  # type: ignore[attr-defined]
    return spent


_children_cpu.before = 0.0  # type: ignore[attr-defined]


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
    parser.add_argument("--runs", type=int, default=1, help="crawls per size; the median row is shown")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--processes", help="NEWSCRAWL_EXTRACT_PROCESSES of the crawl (default: as shipped)")
    parser.add_argument(
        "--set", action="append", default=[], metavar="KEY=VALUE", help="another Scrapy setting of the crawl"
    )
    args = parser.parse_args()
    global PROCESSES
    PROCESSES = args.processes
    EXTRA_SETTINGS.update(item.split("=", 1) for item in args.set)
    sizes = [100] if args.quick else args.sizes
    shown = PROCESSES if PROCESSES is not None else "(shipped default)"
    print(f"NEWSCRAWL_EXTRACT_PROCESSES={shown}", *(f"{k}={v}" for k, v in EXTRA_SETTINGS.items()))
    print(
        "| articles | written | crawl s | written/s | extraction-only/s | ratio "
        "| crawl process CPU ms/article | workers CPU ms/article | crawl peak RSS MiB |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for size in sizes:
        rows = []
        for _ in range(args.runs):
            run = crawl(size)
            rate = extraction_rate(min(size, 1000))
            rows.append((run.written / run.seconds / rate, run, rate))
        ratio, run, rate = sorted(rows, key=lambda row: row[0])[len(rows) // 2]
        per_article = 1000 / max(run.written, 1)
        print(
            f"| {size:,} | {run.written:,} | {run.seconds:.1f} | {run.written / run.seconds:.0f} "
            f"| {rate:.0f} | {ratio:.2f} | {run.crawl_cpu * per_article:.1f} "
            f"| {run.worker_cpu * per_article:.1f} | {run.peak_rss_mib:.0f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
