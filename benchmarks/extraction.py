"""Per-page extraction CPU: newscrawl against trafilatura on the same pages, side by side in one process.

    python benchmarks/extraction.py            # all golden fixture pages + ../shared/realpages
    python benchmarks/extraction.py --quick    # smoke mode for CI: one round, a few pages

Pages: every golden fixture page of every tuned portal, plus the real saved pages under
../shared/realpages/ when that folder is present. Each page is extracted by newscrawl (the crawl's own
``extract_article``, parsing included) and by ``trafilatura.bare_extraction(with_metadata=True)`` and
``trafilatura.extract``, in alternation, ``--rounds`` times; CPU time is ``time.process_time``.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from newscrawl.extraction.core import FetchedPage, NotAnArticle, extract_article  # noqa: E402
from newscrawl.extraction.page import UnreadablePage, parse_page  # noqa: E402
from newscrawl.portals import get_portal, portal_for_url  # noqa: E402
from newscrawl.portals.base import Portal  # noqa: E402
from newscrawl.portals.generic import GenericPortal  # noqa: E402
from tests.golden.regenerate import find_cases  # noqa: E402

REAL_PAGES = ROOT.parent / "shared" / "realpages"
REAL_URLS = {  # the articles' URLs, from each folder's sources.md
    "detik": "https://health.detik.com/true-story/d-7016153/curhat-wanita-kena-stroke-di-umur-26-ketahuan-saat-terkapar-di-kamar-mandi",
    "kompas": "https://money.kompas.com/read/2023/11/02/213419026/menhub-bocorkan-penyebab-harga-tiket-pesawat-masih-mahal",
}


def load_pages(quick: bool) -> list[tuple[str, str, bytes]]:
    """(portal id, url, html bytes) for every page to measure."""
    pages = []
    for case in find_cases():
        url = case.fetched_url()
        pages += [(case.portal, url, path.read_bytes()) for path in case.pages]
    if REAL_PAGES.exists():
        for path in sorted(REAL_PAGES.glob("*/*.htm*")):
            data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
            url = REAL_URLS.get(path.parent.name) or parse_page(data, "http://localhost/").canonical
            pages.append((path.parent.name, url or f"https://www.{path.parent.name}.com/", data))
    articles = [page for page in pages if is_article(*page)]
    return articles[:6] if quick else articles


def is_article(portal_id: str, url: str, html: bytes) -> bool:
    """Only pages that are articles are timed: a rejected page costs newscrawl almost nothing."""
    try:
        extract_article([FetchedPage(url, html)], _portal(portal_id, url))
    except (NotAnArticle, UnreadablePage):
        return False
    return True


def _portal(portal_id: str, url: str) -> Portal:
    try:
        return get_portal(portal_id)
    except KeyError:
        return portal_for_url(url) or GenericPortal.for_url(url)


def ours(portal_id: str, url: str, html: bytes) -> None:
    extract_article([FetchedPage(url, html)], _portal(portal_id, url))


def traf_bare(_portal: str, url: str, html: bytes) -> None:
    trafilatura.bare_extraction(html.decode("utf-8", "replace"), url=url, with_metadata=True)


def traf_extract(_portal: str, url: str, html: bytes) -> None:
    trafilatura.extract(html.decode("utf-8", "replace"), url=url)


def measure(fn: Callable[[str, str, bytes], None], pages: list, rounds: int) -> list[float]:
    """CPU ms per page, one value per round."""
    per_round = []
    for _ in range(rounds):
        start = time.process_time()
        for page in pages:
            fn(*page)
        per_round.append((time.process_time() - start) * 1000 / len(pages))
    return per_round


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="smoke mode: one round on a few pages")
    args = parser.parse_args()
    rounds = 1 if args.quick else args.rounds
    pages = load_pages(args.quick)
    for fn in (ours, traf_bare, traf_extract):  # warm-up: imports, caches, compiled selectors
        measure(fn, pages[:3], 1)
    results = {fn.__name__: [] for fn in (ours, traf_bare, traf_extract)}
    for _ in range(rounds):  # alternate, so machine noise hits all three alike
        for fn in (ours, traf_bare, traf_extract):
            results[fn.__name__] += measure(fn, pages, 1)
    base = statistics.median(results["traf_bare"])
    print(f"{len(pages)} article pages, {rounds} rounds, median CPU ms per page")
    print("| extractor | ms/page | ratio to bare_extraction(with_metadata=True) |")
    print("| --- | --- | --- |")
    labels = {
        "ours": "newscrawl extract_article",
        "traf_bare": "trafilatura.bare_extraction(with_metadata=True)",
        "traf_extract": "trafilatura.extract",
    }
    for name, values in results.items():
        median = statistics.median(values)
        print(f"| {labels[name]} | {median:.2f} | {median / base:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
