"""The real saved portal pages in ../shared/realpages with their reviewed truth, in one shape.

Each real-page test module derives its truth from the HTML with a hand-written rule and pins it by digests;
this gathers those truths (body paragraphs, title, publication minute, authors) so the fallback comparison
(``tests/test_page_decides.py``, ``benchmarks/fallback.py``) reads every real page the same way. Nothing of
the pages is stored in the repository: everything is read from ../shared at run time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

import lxml.html

from newscrawl.extraction.dates import WIB
from tests import test_real_jpnn as jpnn
from tests import test_real_mediaindonesia as mediaindonesia
from tests import test_real_pages as pages
from tests import test_real_tribunnews as tribunnews
from tests.conftest import SHARED


@dataclass(frozen=True)
class RealPage:
    name: str
    portal: str
    url: str
    html: Callable[[], bytes]
    truth: Callable[[], list[str]]
    title: str
    published_minute: str
    authors: tuple[str, ...]


def real_pages() -> Iterator[RealPage]:
    """Every real page with a reviewed truth; nothing when ../shared is absent."""
    if not SHARED.exists():
        return
    for case in pages.CASES:
        yield RealPage(
            f"{case.portal} (real, {case.published_minute[:4]})",
            case.portal,
            case.url,
            lambda case=case: pages._html(case),
            lambda case=case: case.reference(lxml.html.document_fromstring(pages._html(case))),
            case.title,
            case.published_minute,
            case.authors,
        )
    yield RealPage(
        "tribunnews (real, 2020)",
        "tribunnews",
        tribunnews.URL,
        tribunnews._html,
        tribunnews._reference,
        tribunnews.TITLE,
        "2020-05-04T04:25",
        ("Muhammad Renald Shiftanto",),
    )
    yield RealPage(
        "jpnn (real Wayback capture, 2021)",
        "jpnn",
        jpnn._url(),
        jpnn._html,
        jpnn._reference,
        jpnn._expected_title(),
        jpnn.PUBLISHED_MINUTE,
        tuple(jpnn.CREDITED),
    )
    page = mediaindonesia.FUNDUS_PAGE
    fundus = mediaindonesia._fundus()
    yield RealPage(
        "mediaindonesia (real, 2026)",
        "mediaindonesia",
        mediaindonesia._urls()[page],
        lambda: mediaindonesia._html(page),
        mediaindonesia._fundus_body,
        fundus["title"],
        datetime.fromisoformat(fundus["publishing_date"]).astimezone(WIB).isoformat()[:16],
        tuple(fundus["authors"]),
    )
