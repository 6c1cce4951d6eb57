"""The seen-store at scale: batched inserts and lookups on a million URLs, and whether memory grows.

    python benchmarks/seen_store.py                 # 1,000,000 URLs
    python benchmarks/seen_store.py --quick         # smoke mode for CI: 20,000 URLs

Inserts go through ``SqliteSeenStore.add_many`` in batches (as the writer's commits do); lookups are
``has_url`` on a random mix of present and absent URLs. RSS is read from /proc after each tenth of the load:
a store that kept URLs in memory would grow with them.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newscrawl.state import SeenEntry
from newscrawl.state.sqlite import SqliteSeenStore


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def url(n: int) -> str:
    return f"https://news.example.co.id/berita/d-{n:08d}/judul-berita-nomor-{n}"


def entry(n: int) -> SeenEntry:
    return SeenEntry(
        url=url(n), content_hash=f"{n:064x}", version=1, modified_at=None, written_at="2026-01-01T00:00:00Z"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--urls", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=5_000)
    parser.add_argument("--lookups", type=int, default=200_000)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    total = 20_000 if args.quick else args.urls
    lookups = 5_000 if args.quick else args.lookups
    with tempfile.TemporaryDirectory() as tmp:
        store = SqliteSeenStore(Path(tmp) / "seen.sqlite3")
        rss_points = [(0, rss_mib())]
        start = time.perf_counter()
        for first in range(0, total, args.batch):
            store.add_many(entry(n) for n in range(first, min(first + args.batch, total)))
            if (first // args.batch) % max(1, (total // args.batch) // 10) == 0:
                rss_points.append((first + args.batch, rss_mib()))
        insert_s = time.perf_counter() - start
        rss_points.append((total, rss_mib()))
        rng = random.Random(7)
        probes = [url(rng.randrange(total * 2)) for _ in range(lookups)]
        start = time.perf_counter()
        hits = sum(store.has_url(u) for u in probes)
        lookup_s = time.perf_counter() - start
        store.close()
    print(f"{total:,} URLs in batches of {args.batch:,}; {lookups:,} lookups ({hits:,} present)")
    print("| measure | value | target |")
    print("| --- | --- | --- |")
    print(f"| inserts per second (batched) | {total / insert_s:,.0f} | >= 20,000 |")
    print(f"| lookups per second | {lookups / lookup_s:,.0f} | >= 50,000 |")
    first_rss, last_rss = rss_points[1][1], rss_points[-1][1]
    print(f"| RSS after first batch / at {total:,} URLs (MiB) | {first_rss:.1f} / {last_rss:.1f} | flat |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
