"""Several workers on one Redis: throughput with 1 and 2 worker processes, Redis round trips per article,
Redis memory per 100,000 queued requests and per 1,000,000 seen URLs.

    python benchmarks/cluster.py               # the table of benchmarks/README.md (about 12 minutes)
    python benchmarks/cluster.py --runs 3      # the median of 3 runs per row
    python benchmarks/cluster.py --quick       # smoke mode for CI: 60 articles, small memory samples

A server process serves N detik replica articles (``benchmarks/crawl.py``'s pages and sitemap index) with a
fixed response latency. For each row a fresh redis-server (``tests/support/redis_server.py``) is started and
1 or 2 ``newscrawl run detik`` workers (each its own output and state folder: two machines) crawl it through
that Redis. Reported per row: articles written per second (first worker start to last worker exit), and the
CPU the workers used (seconds per article and cores busy, their extraction processes included).

The rows differ in what bounds a worker. ``polite`` keeps the shipped politeness (0.25 s download delay,
AutoThrottle): a worker takes a few articles per second from one portal and a second worker doubles that.
``no delay`` turns politeness off: a worker fetches 4 pages of one host at a time, bound by the server's
latency (100 ms) or, at 0 ms, by CPU; two workers on this 2-core machine then share its cores, which a
second machine would not.

Round trips are counted by a TCP proxy between one worker and Redis (a separate run: the proxy costs time):
each burst of commands the client sends after a reply counts once, so a pipeline is one round trip.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import resource
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import redis  # noqa: E402

from benchmarks.crawl import serve  # noqa: E402
from tests.support.redis_server import start, stop  # noqa: E402


class RoundTripProxy:
    """A TCP proxy in front of Redis that counts round trips: a burst of bytes from a client after Redis
    answered it (or at the start of a connection) is one request-and-wait."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.round_trips = 0
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
            waiting = {"answered": True}  # the client's next bytes start a round trip
            threading.Thread(target=self._pipe, args=(client, upstream, waiting, True), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, waiting, False), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket, waiting: dict, from_client: bool) -> None:
        try:
            while data := source.recv(65536):
                with self._lock:
                    if from_client and waiting["answered"]:
                        self.round_trips += 1
                    waiting["answered"] = not from_client
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        self._listener.close()


NO_DELAY = {"AUTOTHROTTLE_ENABLED": "False", "DOWNLOAD_DELAY": "0"}


def run(count: int, workers: int, latency: float, polite: bool, count_trips: bool = False) -> dict:
    """One cluster crawl: articles/s, the workers' CPU seconds, Redis commands and (``count_trips``)
    round trips per article written."""
    ports: multiprocessing.Queue = multiprocessing.Queue()
    server = multiprocessing.Process(target=serve, args=(count, ports, latency), daemon=True)
    server.start()
    origin = json.dumps({"*": f"http://127.0.0.1:{ports.get(timeout=30)}"})
    with tempfile.TemporaryDirectory() as tmp:
        port, pid = start(Path(tmp) / "redis")
        proxy = RoundTripProxy(port) if count_trips else None
        url = f"redis://127.0.0.1:{proxy.port if proxy else port}/0"
        try:
            client = redis.Redis(port=port)
            before = client.info("stats")["total_commands_processed"]
            cpu_before = _children_cpu()
            started = time.perf_counter()
            procs = []
            for n in range(workers):
                settings = {
                    "NEWSCRAWL_ORIGIN_MAP": origin,
                    "NEWSCRAWL_OUTPUT_DIR": f"{tmp}/w{n}/out",
                    "NEWSCRAWL_STATE_DIR": f"{tmp}/w{n}/state",
                    "NEWSCRAWL_REDIS_URL": url,
                    "NEWSCRAWL_WORKER_ID": f"w{n}",
                    "NEWSCRAWL_DECLARED_DISCOVERY": "False",
                    "LOG_LEVEL": "WARNING",
                    **({} if polite else NO_DELAY),
                }
                options = [a for k, v in settings.items() for a in ("-s", f"{k}={v}")]
                command = [sys.executable, "-m", "newscrawl.cli", "run", "detik", *options]
                procs.append(
                    subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                )
            for proc in procs:
                _, err = proc.communicate(timeout=3600)
                if proc.returncode != 0:
                    reasons = [
                        json.loads(p.read_text())["portals"]["detik"]["reasons"]
                        for p in Path(tmp).glob("w*/out/_runs/*.json")
                    ]
                    raise SystemExit(f"a worker failed: {reasons}\n{err.decode()[-2000:]}")
            seconds = time.perf_counter() - started
            cpu = _children_cpu() - cpu_before
            commands = client.info("stats")["total_commands_processed"] - before
            written = sum(len(p.read_text().splitlines()) for p in Path(tmp).glob("w*/out/*/*/*.jsonl"))
        finally:
            if proxy:
                proxy.close()
            stop(pid)
    server.terminate()
    server.join()
    per = max(written, 1)
    return {
        "rate": written / seconds,
        "written": written,
        "cpu_per_article_ms": cpu / per * 1000,
        "cores": cpu / seconds,
        "commands": commands / per,
        "round_trips": (proxy.round_trips / per) if proxy else None,
    }


def _children_cpu() -> float:
    """CPU seconds of this process's waited-for children: the workers and their extraction processes."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def memory(queued: int, seen: int) -> tuple[float, float]:
    """Redis used_memory growth (MiB) per 100,000 queued article requests and per 1,000,000 seen URLs."""
    from scrapy.settings import Settings

    from newscrawl.cluster import keys
    from newscrawl.cluster.queue import LeasedQueue
    from newscrawl.discovery.entries import Entry
    from newscrawl.spiders.portals import DetikSpider
    from newscrawl.state import SeenEntry
    from newscrawl.state.redis import RedisSeenStore

    with tempfile.TemporaryDirectory() as tmp:
        port, pid = start(Path(tmp) / "redis")
        url = f"redis://127.0.0.1:{port}/0"
        try:
            client = redis.Redis.from_url(url)
            spider = DetikSpider()
            spider.settings = Settings({"NEWSCRAWL_SINGLE_PAGE": True})
            queue = LeasedQueue(client, spider, keys.SCHEDULER_QUEUE_KEY)
            base = client.info("memory")["used_memory"]
            for n in range(queued):  # the requests a sitemap's entries become (the spider's own builder)
                url_n = (
                    f"https://news.detik.com/berita/d-{9_000_000 + n}/banjir-rendam-12-rt-di-jakarta-timur"
                )
                request = spider.article_request(url_n, Entry(url_n))
                queue.push(request)
            per_queued = (client.info("memory")["used_memory"] - base) / queued * 100_000 / 2**20
            client.flushall()
            store = RedisSeenStore(url)
            base = client.info("memory")["used_memory"]
            batch = []
            for n in range(seen):
                batch.append(SeenEntry(f"https://news.detik.com/berita/d-{n}/banjir-rendam-12-rt-di-jakarta-timur",
                                       f"{n:064x}", 1, None, "2026-12-01T00:00:00Z"))  # fmt: skip
                if len(batch) == 5_000:
                    store.add_many(batch)
                    batch.clear()
            store.add_many(batch)
            per_seen = (client.info("memory")["used_memory"] - base) / seen * 1_000_000 / 2**20
            store.close()
        finally:
            stop(pid)
    return per_queued, per_seen


ROWS = (  # (label, server latency s, politeness kept, articles)
    ("polite, 100 ms", 0.1, True, 150),
    ("no delay, 100 ms", 0.1, False, 2000),
    ("no delay, 0 ms", 0.0, False, 2000),
)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    rows = [("no delay, 50 ms", 0.05, False, 60)] if args.quick else ROWS
    print("| worker bound by | workers | articles | articles/s | speed-up | CPU ms/article | cores busy |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for label, latency, polite, count in rows:
        rates = {}
        for workers in (1, 2):
            runs = sorted(
                (run(count, workers, latency, polite) for _ in range(args.runs)), key=lambda r: r["rate"]
            )
            row = runs[len(runs) // 2]
            rates[workers] = row["rate"]
            speed = f"{row['rate'] / rates[1]:.2f}x" if workers > 1 else "1x"
            print(
                f"| {label} | {workers} | {row['written']} | {row['rate']:.1f} | {speed} | "
                f"{row['cpu_per_article_ms']:.1f} | {row['cores']:.2f} |"
            )
    trips = run(60 if args.quick else 1000, 1, 0.0, False, count_trips=True)
    print(
        f"\n| Redis, one worker | per article |\n| --- | --- |\n| round trips | {trips['round_trips']:.1f} |"
    )
    print(f"| commands | {trips['commands']:.1f} |")
    queued, seen = (2_000, 20_000) if args.quick else (100_000, 1_000_000)
    per_queued, per_seen = memory(queued, seen)
    print(
        f"\n| Redis memory | MiB |\n| --- | --- |\n| per 100,000 queued article requests | {per_queued:.1f} |"
    )
    print(f"| per 1,000,000 seen URLs | {per_seen:.1f} |")
    print(
        f"\n(measured with {queued:,} queued requests and {seen:,} seen URLs; median of {args.runs} run(s))"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
