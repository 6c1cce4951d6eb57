"""From a body element to clean paragraphs: block walking, furniture removal, dedupe."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator

import lxml.html

from newscrawl.extraction.noise import (
    INLINE_RELATED,
    TEASER_HEADLINE_WORDS,
    TEASER_LABEL,
    TRAILING_SIGNOFF,
    is_noise_line,
)
from newscrawl.extraction.page import clean_text

BLOCK_TAGS = frozenset(
    (
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "table",
        "tbody",
        "thead",
        "tr",
        "td",
        "th",
        "center",
        "hr",
        "address",
        "details",
        "summary",
    )
)
# A dateline standing alone before the first paragraph: "Jakarta -", "JAKARTA, KOMPAS.com -".
DATELINE = re.compile(r"^[A-Z][\w.,'’() /]{1,60}?\s*(-|–|—|--)$")
_DEDUPE_KEY = re.compile(r"[\W_]+")
_MIN_DEDUPE_CHARS = 25


def iter_blocks(root: lxml.html.HtmlElement) -> Iterator[str]:
    """Text of each block in document order; ``<br>`` and block elements end a block."""
    buffer: list[str] = []

    def flush() -> Iterator[str]:
        text = clean_text("".join(buffer))
        buffer.clear()
        if text:
            yield text

    def walk(el: lxml.html.HtmlElement) -> Iterator[str]:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "br" or tag in BLOCK_TAGS:
            yield from flush()
        if tag and el.text:
            buffer.append(el.text)
        for child in el:
            yield from walk(child)
            if child.tail:
                buffer.append(child.tail)
        if tag in BLOCK_TAGS:
            yield from flush()

    yield from walk(root)
    yield from flush()


def dedupe_key(text: str) -> str:
    """A paragraph as compared for repeats: case-folded, punctuation and underscores as single spaces."""
    return _DEDUPE_KEY.sub(" ", text.casefold()).strip()


def clean_blocks(blocks: Iterable[str], extra_noise: tuple[re.Pattern[str], ...] = ()) -> list[str]:
    """Drop furniture lines, join a lone dateline to its paragraph, collapse repeated paragraphs."""
    kept: list[str] = []
    seen: set[str] = set()
    pending_dateline = ""
    after_teaser_label = False
    for block in blocks:
        block = INLINE_RELATED.sub("", block).strip()
        if after_teaser_label and len(block.split()) <= TEASER_HEADLINE_WORDS:
            after_teaser_label = False
            continue  # the headline a "Berita selanjutnya" label announces
        after_teaser_label = bool(TEASER_LABEL.match(block))
        if not block or is_noise_line(block, extra_noise):
            continue
        if not kept and not pending_dateline and DATELINE.match(block):
            pending_dateline = block
            continue
        if pending_dateline:
            block, pending_dateline = f"{pending_dateline} {block}", ""
        key = dedupe_key(block)
        if not key:
            continue
        if key in seen and (len(key) >= _MIN_DEDUPE_CHARS or (kept and dedupe_key(kept[-1]) == key)):
            continue
        seen.add(key)
        kept.append(block)
    if kept:
        last = TRAILING_SIGNOFF.sub("", kept[-1]).strip()
        if last:
            kept[-1] = last
        else:
            kept.pop()
    return kept


def join_paragraphs(paragraphs: Iterable[str]) -> str:
    return "\n\n".join(paragraphs)


def word_count(text: str) -> int:
    return len(text.split())


def content_hash(body: str) -> str:
    """sha256 of the body case-folded with whitespace collapsed, so re-wrapping does not change it."""
    normalised = " ".join(body.casefold().split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()
