"""How the real-page tests compare extracted text with a reference without storing the reference's text, and
how the generic path is put to the test (a page with its portal's body container renamed)."""

from __future__ import annotations

import hashlib
import re
from collections import Counter


def digest(paragraph: str) -> str:
    """A short hash of a paragraph with its whitespace collapsed: what the tests pin instead of the text."""
    return hashlib.sha1(" ".join(paragraph.split()).encode("utf-8")).hexdigest()[:12]


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def bag_f1(reference: str, extracted: str) -> float:
    """F1 of the two texts' word multisets (order-free, case-free)."""
    ref, got = Counter(tokens(reference)), Counter(tokens(extracted))
    overlap = sum((ref & got).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(got.values()), overlap / sum(ref.values())
    return 2 * precision * recall / (precision + recall)


def rename_containers(html: bytes, portal_id: str) -> bytes:
    """The page as a redesign or an older template would serve it: the portal's body container unknown."""
    import lxml.html

    from newscrawl.extraction.page import css
    from newscrawl.portals import get_portal

    portal = get_portal(portal_id)
    doc = lxml.html.document_fromstring(html)
    for selector in portal.body_selectors:
        for el in css(selector)(doc):
            for name in ("class", "id", "itemprop", "data-qa-id"):
                if el.get(name):
                    el.set(name, "lama-" + "-".join(el.get(name).split()))
    return lxml.html.tostring(doc, encoding="utf-8")
