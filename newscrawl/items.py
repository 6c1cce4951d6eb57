"""The two things a page can become: an article record, or a page rejected with a reason.

The record's contract (formats, time zones, what is trimmed) is the JSON Schema in
``newscrawl/schema/article.schema.json``; the docstrings here summarise it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ArticleItem:
    url: str
    """Canonical desktop article URL: no tracking or page parameters, no AMP or mobile host."""
    portal: str
    """Portal id from the registry (``detik``, ``kompas``, ...) or a domain for the generic spider."""
    title: str
    """Headline without the site suffix."""
    body: str
    """Article text: paragraphs in page order, each once, separated by one blank line."""
    description: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    published_at: str | None = None
    """ISO 8601 in Jakarta time (+07:00), to the second the page gives."""
    published_at_raw: str | None = None
    modified_at: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    image_url: str | None = None
    image_caption: str | None = None
    language: str = "id"
    word_count: int = 0
    pages: int = 1
    """How many fetched HTML pages were stitched into ``body``."""
    extraction: str = "rules"
    """``rules`` when the portal's body container matched, ``fallback`` for generic trafilatura."""
    fetched_url: str | None = None
    crawled_at: str | None = None
    content_hash: str | None = None
    version: int = 1
    run_id: str | None = None
    source_outlet: str | None = None
    """The outlet a syndication note in the body names (``ANTARA News``, ``Kompas.com``, ``Reuters``)."""
    story_id: str | None = None
    """The near-duplicate cluster (story) of the record; set by the stories pipeline."""
    duplicate_of: str | None = None
    """URL of the story's first record when this record is a later copy of it; set by the stories pipeline."""


@dataclass
class RejectedPage:
    """A fetched page that is not an article; the validate stage drops it with ``reason``."""

    url: str
    portal: str
    reason: str
