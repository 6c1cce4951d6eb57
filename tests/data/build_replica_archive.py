"""Build ``tests/data/<portal>-replica.warc.gz``: newscrawl's own web archive of a crawl of the local replica.

    .venv/bin/python tests/data/build_replica_archive.py            # sindonews
    .venv/bin/python tests/data/build_replica_archive.py detik      # another portal with golden pages

The replica (tests/support/replica.py) serves the portal's golden pages at their real URLs, with a feed, a
news sitemap and robots.txt; a real ``scrapy crawl`` with ``NEWSCRAWL_ARCHIVE_DIR`` archives everything it
received, and the archive's files are joined into one (each record is its own gzip member, so joined
``.warc.gz`` files are one valid ``.warc.gz``). Rebuild it when the golden pages of the portal change.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.support.replica import expected_record, portal_replica, serve  # noqa: E402
from tests.test_crawl_e2e import run_crawl  # noqa: E402

DATA = Path(__file__).resolve().parent
MAX_SIZE = 200_000


def build(portal: str) -> Path:
    site, cases = portal_replica(portal)
    dates = sorted(expected_record(c)["published_at"][:10] for c in cases)
    with tempfile.TemporaryDirectory() as tmp, serve(site) as origin:
        archive = Path(tmp) / "archive"
        window = ("-a", f"since={dates[0]}", "-a", f"until={dates[-1]}")
        result = run_crawl(portal, origin, Path(tmp), *window, "-s", f"NEWSCRAWL_ARCHIVE_DIR={archive}")
        if result.returncode != 0:
            raise SystemExit(f"the crawl failed:\n{result.stderr[-3000:]}")
        files = sorted(archive.glob("*.warc.gz"))
        if not files:
            raise SystemExit(f"the crawl archived nothing:\n{result.stderr[-3000:]}")
        target = DATA / f"{portal}-replica.warc.gz"
        target.write_bytes(b"".join(f.read_bytes() for f in files))
    size = target.stat().st_size
    if size > MAX_SIZE:
        raise SystemExit(f"{target} is {size} bytes, over {MAX_SIZE}: keep the test data small")
    where = target.relative_to(ROOT)
    print(f"{where}: {size} bytes, {len(cases)} articles published {dates[0]} .. {dates[-1]}")
    return target


if __name__ == "__main__":
    build(sys.argv[1] if len(sys.argv) > 1 else "sindonews")
