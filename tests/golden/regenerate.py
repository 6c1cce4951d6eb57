"""Write the expected record next to every golden fixture page. Review the diff before committing!

    python tests/golden/regenerate.py            # every portal
    python tests/golden/regenerate.py detik      # one portal

A case is ``tests/golden/<portal>/<name>.html`` (page 1), optional ``<name>.p2.html``, ``<name>.p3.html``...
for further pages, and optional ``<name>.url`` holding the fetched URL (default: the page's canonical URL).
The expected file ``<name>.expected.json`` holds the record (without ``crawled_at``) or, for a page that is
not an article, ``{"rejected": "<reason>"}``.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from newscrawl.extraction.core import FetchedPage, NotAnArticle, extract_article
from newscrawl.extraction.page import parse_page
from newscrawl.portals import get_portal
from newscrawl.records import record_dict

GOLDEN_DIR = Path(__file__).resolve().parent
VOLATILE_FIELDS = ("crawled_at",)


@dataclass(frozen=True)
class GoldenCase:
    portal: str
    name: str
    pages: tuple[Path, ...]

    @property
    def expected_path(self) -> Path:
        return self.pages[0].with_name(f"{self.name}.expected.json")

    @property
    def id(self) -> str:
        return f"{self.portal}/{self.name}"

    def fetched_url(self) -> str:
        url_file = self.pages[0].with_name(f"{self.name}.url")
        if url_file.exists():
            return url_file.read_text(encoding="utf-8").strip()
        canonical = parse_page(self.pages[0].read_bytes(), "http://localhost/").canonical
        if not canonical:
            raise ValueError(f"{self.pages[0]}: no canonical URL; add {url_file.name}")
        return canonical


def find_cases(portals: list[str] | None = None) -> list[GoldenCase]:
    cases = []
    for portal_dir in sorted(p for p in GOLDEN_DIR.iterdir() if p.is_dir() and not p.name.startswith("_")):
        if portals and portal_dir.name not in portals:
            continue
        for first in sorted(portal_dir.glob("*.html")):
            if ".p" in first.stem and first.stem.rsplit(".p", 1)[1].isdigit():
                continue
            more = sorted(
                portal_dir.glob(f"{first.stem}.p*.html"), key=lambda p: int(p.stem.rsplit(".p", 1)[1])
            )
            cases.append(GoldenCase(portal_dir.name, first.stem, (first, *more)))
    return cases


def run_case(case: GoldenCase) -> dict:
    """The expected-file content for a case, computed by the crawl's extraction path."""
    url = case.fetched_url()
    pages = [
        FetchedPage(url if i == 0 else f"{url}#p{i + 1}", p.read_bytes()) for i, p in enumerate(case.pages)
    ]
    try:
        item = extract_article(pages, get_portal(case.portal))
    except NotAnArticle as exc:
        return {"rejected": str(exc)}
    record = record_dict(item)
    for name in VOLATILE_FIELDS:
        record.pop(name, None)
    return record


def main(argv: list[str]) -> int:
    for case in find_cases(argv or None):
        result = run_case(case)
        case.expected_path.write_text(
            json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        print(f"wrote {case.expected_path.relative_to(GOLDEN_DIR.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
