"""Any news site without a portal module: generic trafilatura plus the shared Indonesian noise filters."""

from __future__ import annotations

from urllib.parse import urlsplit

from newscrawl.portals.base import Portal


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
