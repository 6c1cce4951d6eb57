"""The portal registry: the one list that spiders, tests and the README's portal table read.

Every module in this package that defines a :class:`Portal` subclass with an ``id`` is a portal; adding a
portal is adding its module. ``base``, ``generic`` and ``table`` are infrastructure, not portals.
"""

from __future__ import annotations

import importlib
import pkgutil
from urllib.parse import urlsplit

from newscrawl.hosts import registrable_domain
from newscrawl.portals.base import Portal

_NOT_PORTALS = {"base", "generic", "table"}


def _discover() -> dict[str, Portal]:
    found: dict[str, Portal] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name in _NOT_PORTALS:
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for value in vars(module).values():
            is_portal = isinstance(value, type) and issubclass(value, Portal) and not value.generic
            if is_portal and value.__module__ == module.__name__ and value.id:
                if value.id in found:
                    raise ValueError(f"two portals with id {value.id!r}")
                found[value.id] = value()
    return dict(sorted(found.items()))


PORTALS: dict[str, Portal] = _discover()
_BY_DOMAIN: dict[str, Portal] = {domain: portal for portal in PORTALS.values() for domain in portal.domains}


def get_portal(portal_id: str) -> Portal:
    try:
        return PORTALS[portal_id]
    except KeyError:
        raise KeyError(f"unknown portal {portal_id!r}; known: {', '.join(sorted(PORTALS))}") from None


def portal_for_url(url: str) -> Portal | None:
    """The registered portal whose registrable domain is the URL's (any host: regional, ``m.``, bare)."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    return _BY_DOMAIN.get(registrable_domain(host)) if host else None
