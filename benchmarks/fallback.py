"""The generic path (a portal's body container missing) against plain trafilatura, page by page.

    python benchmarks/fallback.py            # every golden article page + ../shared/realpages
    python benchmarks/fallback.py --quick    # smoke mode for CI: three golden pages

Golden pages are extracted with their portal's body container renamed (what an older template in an
archive, or a redesign, looks like to the portal rules); real pages both as saved (the portal rules) and
with the container renamed. ``trafilatura.bare_extraction(with_metadata=True)`` reads the same HTML.
Reference: the golden expected record, or the reviewed truth of the real-page tests. Body F1 is the
word-bag F1 of ``tests/support/measure.py``; title is exact; the date is our publication minute (WIB) and
trafilatura's day (it gives no time); the byline is the exact author list for us, any author for it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from newscrawl.extraction.core import FetchedPage, NotAnArticle, extract_article  # noqa: E402
from newscrawl.portals import get_portal  # noqa: E402
from tests.golden.regenerate import find_cases  # noqa: E402
from tests.support.measure import bag_f1, rename_containers  # noqa: E402
from tests.support.realpages import real_pages  # noqa: E402


@dataclass
class Row:
    page: str
    mode: str
    ours_f1: float
    theirs_f1: float
    ours: tuple[bool, bool, bool]
    """title, date, byline right"""
    theirs: tuple[bool, bool, bool]


def measure(page, mode, portal_id, url, html, body, title, minute, authors) -> Row:
    try:
        item = extract_article([FetchedPage(url, html)], get_portal(portal_id))
        ours = (bag_f1(body, item.body), item.title == title, (item.published_at or "")[:16] == minute,
                item.authors == list(authors))  # fmt: skip
    except NotAnArticle:
        ours = (0.0, False, False, False)
    doc = trafilatura.bare_extraction(html.decode("utf-8", "replace"), url=url, with_metadata=True)
    theirs = (bag_f1(body, doc.text or ""), doc.title == title, (doc.date or "")[:10] == minute[:10],
              bool(doc.author) or not authors)  # fmt: skip
    return Row(page, mode, ours[0], theirs[0], ours[1:], theirs[1:])


def golden_rows(quick: bool) -> list[Row]:
    rows = []
    cases = [c for c in find_cases() if len(c.pages) == 1]
    for case in cases:
        expected = json.loads(case.expected_path.read_text(encoding="utf-8"))
        if "rejected" in expected:
            continue
        html = rename_containers(case.pages[0].read_bytes(), case.portal)
        rows.append(measure(case.id, "container renamed", case.portal, case.fetched_url(), html,
                            expected["body"], expected["title"], (expected["published_at"] or "")[:16],
                            expected["authors"]))  # fmt: skip
        if quick and len(rows) == 3:
            break
    return rows


def real_rows() -> list[Row]:
    rows = []
    for page in real_pages():
        html, truth = page.html(), " ".join(page.truth())
        for mode, data in (("as saved", html), ("container renamed", rename_containers(html, page.portal))):
            rows.append(measure(page.name, mode, page.portal, page.url, data, truth, page.title,
                                page.published_minute, page.authors))  # fmt: skip
    return rows


def _mark(ok: bool) -> str:
    return "yes" if ok else "**no**"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="three golden pages, no real pages (CI smoke)")
    args = parser.parse_args()
    rows = golden_rows(args.quick) + ([] if args.quick else real_rows())
    print("| page | mode | body F1 ours | body F1 trafilatura | title ours / traf. "
          "| date ours (minute) / traf. (day) | byline ours / traf. |")  # fmt: skip
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        worse = " (lower)" if r.ours_f1 < r.theirs_f1 - 0.005 else ""
        print(f"| {r.page} | {r.mode} | {r.ours_f1:.3f}{worse} | {r.theirs_f1:.3f} | "
              f"{_mark(r.ours[0])} / {_mark(r.theirs[0])} | {_mark(r.ours[1])} / {_mark(r.theirs[1])} | "
              f"{_mark(r.ours[2])} / {_mark(r.theirs[2])} |")  # fmt: skip
    right = [f"{what} right {sum(r.ours[i] for r in rows)} / {sum(r.theirs[i] for r in rows)}"
             for i, what in enumerate(("titles", "dates", "bylines"))]  # fmt: skip
    lower = sum(r.ours_f1 < r.theirs_f1 - 0.005 for r in rows)
    ours, theirs = statistics.mean(r.ours_f1 for r in rows), statistics.mean(r.theirs_f1 for r in rows)
    print(f"\n{len(rows)} pages: body F1 mean ours {ours:.3f}, trafilatura {theirs:.3f}; "
          f"lower than trafilatura on {lower}; " + "; ".join(right))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
