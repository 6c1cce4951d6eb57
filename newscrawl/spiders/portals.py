"""One spider class per registered portal: ``scrapy list`` shows them, ``scrapy crawl detik`` runs one."""

from newscrawl.portals import PORTALS
from newscrawl.spiders.base import PortalSpider


def _spider_class(portal_id: str) -> type[PortalSpider]:
    portal = PORTALS[portal_id]
    attrs = {
        "name": portal.id,
        "portal": portal,
        "allowed_domains": list(portal.domains),
        "custom_settings": dict(portal.spider_settings),
        "__module__": __name__,
        "__doc__": f"Crawl {portal.name}.",
    }
    return type(f"{type(portal).__name__}Spider", (PortalSpider,), attrs)


for _portal_id in PORTALS:
    _cls = _spider_class(_portal_id)
    globals()[_cls.__name__] = _cls

del _portal_id, _cls  # the loop variables would make the spider loader see the last class twice
