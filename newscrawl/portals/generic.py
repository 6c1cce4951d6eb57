"""Any news site without a portal module: generic trafilatura plus the shared Indonesian noise filters."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newscrawl.portals.base import Portal

# An article path names the story in one segment: a slug of several words, or a long numeric id.
_STORY_SEGMENT = re.compile(r"[a-z0-9]+(-[a-z0-9]+){2,}|\d{5,}", re.I)


class GenericPortal(Portal):
    generic = True
    name = "generic"

    def __init__(self, domain: str) -> None:
        super().__init__()
        self.id = domain.lower().removeprefix("www.")
        self.domains = (self.id,)  # type: ignore[misc]
        self.site_names = (self.id, self.id.split(".")[0])  # type: ignore[misc]

    @classmethod
    def for_url(cls, url: str) -> GenericPortal:
        return cls(urlsplit(url).hostname or "unknown")

    def is_article_url(self, url: str) -> bool:
        """Same site, and a path that names one story rather than a listing or a media file."""
        parts = urlsplit(url)
        if not self.owns_host(parts.hostname or "") or self.is_non_article_url(url):
            return False
        return any(_STORY_SEGMENT.fullmatch(segment) for segment in parts.path.split("/") if segment)
