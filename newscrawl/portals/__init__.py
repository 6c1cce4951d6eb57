"""The portal registry: the one list that spiders, tests and the README's portal table read."""

from __future__ import annotations

from newscrawl.portals.base import Portal
from newscrawl.portals.detik import Detik
from newscrawl.portals.kompas import Kompas
from newscrawl.portals.sindonews import Sindonews

PORTAL_CLASSES: tuple[type[Portal], ...] = (Detik, Kompas, Sindonews)

PORTALS: dict[str, Portal] = {cls.id: cls() for cls in PORTAL_CLASSES}


def get_portal(portal_id: str) -> Portal:
    try:
        return PORTALS[portal_id]
    except KeyError:
        raise KeyError(f"unknown portal {portal_id!r}; known: {', '.join(sorted(PORTALS))}") from None


def portal_for_url(url: str) -> Portal | None:
    """The registered portal whose domains include the URL's host."""
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname or ""
    for portal in PORTALS.values():
        if portal.owns_host(host):
            return portal
    return None
