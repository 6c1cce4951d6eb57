"""How the real-page tests compare extracted text with a reference without storing the reference's text."""

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
