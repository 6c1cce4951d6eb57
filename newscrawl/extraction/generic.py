"""The body container of a page no portal rule knows: where its prose paragraphs are densest.

Used when a portal's container selector misses (an older template in an archive, a redesign). The element
with the most paragraph text directly inside it is the article's core; from there the walk climbs while a
parent adds substantially more prose (paragraphs split over sibling blocks, ads between them) or holds more
blocks of the same kind (pages of an article as sibling elements). The container then goes through the same
furniture pruning and line rules as a portal's own container. Measured against plain trafilatura on every
golden page with its container renamed and on the real pages (``benchmarks/fallback.py``).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import lxml.html

from newscrawl.extraction.page import clean_text

CANDIDATE_TAGS = ("div", "article", "section", "main", "td")
_OUTSIDE_PROSE = frozenset(
    {"nav", "header", "footer", "aside", "form", "figure", "a", "li", "h1", "h2", "h3"}
)
_PAGE_FURNITURE = frozenset({"nav", "header", "footer", "aside"})
MIN_PARAGRAPH_CHARS = 60
"""Shorter text runs are captions, labels and links, not prose."""
MIN_CORE_CHARS = 200
"""Below this much paragraph text no container is trusted and trafilatura reads the page."""
CLIMB_GAIN = 1.25
"""An ancestor is taken when it holds at least this many times the prose of the current container."""
CLIMB_LEVELS = 3
"""How far up one climbing step looks (a page block may wrap its text in two more elements)."""


def _direct_prose(el: lxml.html.HtmlElement) -> int:
    """Characters of prose directly in the element: its ``<p>`` children and its ``<br>``-separated runs."""
    total = 0
    for child in el:
        if child.tag == "p" and len(text := clean_text(child.text_content())) >= MIN_PARAGRAPH_CHARS:
            total += len(text)
    runs = [el.text or "", *(child.tail or "" for child in el)]
    return total + sum(len(r) for r in (run.strip() for run in runs) if len(r) >= MIN_PARAGRAPH_CHARS)


def _prose_under(el: lxml.html.HtmlElement) -> int:
    """Characters of prose paragraphs anywhere under the element, outside links, lists and page furniture."""
    total = 0
    for p in el.iter("p"):
        if any(a.tag in _OUTSIDE_PROSE for a in p.iterancestors()):
            continue
        if len(text := clean_text(p.text_content())) >= MIN_PARAGRAPH_CHARS:
            total += len(text)
    return total


def _in_page_furniture(el: lxml.html.HtmlElement) -> bool:
    return any(a.tag in _PAGE_FURNITURE for a in el.iterancestors())


def _kind(el: lxml.html.HtmlElement) -> tuple[str, str]:
    return el.tag, el.get("class") or ""


def _has_sibling_pages(el: lxml.html.HtmlElement, parent: lxml.html.HtmlElement) -> bool:
    """Another child of the parent is the same kind of block and holds prose too (page 2 of the article)."""
    kind = _kind(el)
    siblings = (s for s in parent if s is not el and isinstance(s.tag, str))
    return any(_kind(s) == kind and _direct_prose(s) for s in siblings)


def densest_container(doc: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    best, score = None, 0
    for el in doc.iter(*CANDIDATE_TAGS):
        if (prose := _direct_prose(el)) > score and not _in_page_furniture(el):
            best, score = el, prose
    if best is None or score < MIN_CORE_CHARS:
        return None
    mass = _prose_under(best) or score
    while (found := _richer_ancestor(best, mass)) is not None:
        best, mass = found
    return best


def _richer_ancestor(el: lxml.html.HtmlElement, mass: int) -> tuple[lxml.html.HtmlElement, int] | None:
    """The nearest of the next ``CLIMB_LEVELS`` ancestors that holds ``CLIMB_GAIN`` times the prose, or whose
    child on the way up has siblings of its own kind with prose (the article's other pages)."""
    child = el
    for ancestor in list(el.iterancestors())[:CLIMB_LEVELS]:
        if ancestor.tag in ("body", "html"):
            return None
        ancestor_mass = _prose_under(ancestor)
        if ancestor_mass >= mass * CLIMB_GAIN or _has_sibling_pages(child, ancestor):
            return ancestor, max(ancestor_mass, mass)
        child = ancestor
    return None


def drop_link_blocks(container: lxml.html.HtmlElement) -> None:
    """Remove blocks that are nothing but one link: related-article headlines set between paragraphs."""
    for el in list(container.iter("p", "div", "li", "h2", "h3", "h4")):
        links = el.findall(".//a")
        if len(links) != 1 or el.getparent() is None:
            continue
        text = clean_text(el.text_content())
        if text and text == clean_text(links[0].text_content()):
            el.drop_tree()


HEADLINE_LINK_WORDS = 4
"""A link whose text has this many words or more reads as a headline (inline links name a tag or a name)."""
LISTING_MIN_HEADLINES = 5


def is_listing(container: lxml.html.HtmlElement) -> bool:
    """Whether the container is a list of stories (a tag, index or search page) rather than one story: it
    links at least ``LISTING_MIN_HEADLINES`` distinct headlines, and has no more prose paragraphs than
    headlines (a teaser under each)."""
    headlines = {
        urlsplit(a.get("href", "")).path.rstrip("/")
        for a in container.iter("a")
        if a.get("href") and len(clean_text(a.text_content()).split()) >= HEADLINE_LINK_WORDS
    } - {""}
    if len(headlines) < LISTING_MIN_HEADLINES:
        return False
    paragraphs = sum(
        1 for p in container.iter("p") if len(clean_text(p.text_content())) >= MIN_PARAGRAPH_CHARS
    )
    return paragraphs <= len(headlines)
