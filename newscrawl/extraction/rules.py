"""What the metadata readers need of a portal: its declared rules, as a Protocol.

``extraction.metadata`` reads these attributes and nothing else, so it depends on this shape, not on
``portals.base.Portal`` (which imports metadata for its default hooks): no import cycle.
"""

from __future__ import annotations

from typing import Protocol


class MetadataRules(Protocol):
    site_names: tuple[str, ...]
    title_selectors: tuple[str, ...]
    author_meta: tuple[str, ...]
    author_selectors: tuple[str, ...]
    author_from_jsonld: bool
    editor_meta: tuple[str, ...]
    editor_selectors: tuple[str, ...]
    date_selectors: tuple[str, ...]
    published_meta: tuple[str, ...]
    modified_meta: tuple[str, ...]
    caption_selectors: tuple[str, ...]
    section_meta: tuple[str, ...]
    section_selectors: tuple[str, ...]
    tag_selectors: tuple[str, ...]
