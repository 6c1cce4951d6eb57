"""tirto.id: one host, flat article URLs.

Dossier section 21. Article URLs are ``tirto.id/{slug-words}-{4-char code}`` with no channel segment, so
channel roots (``/bisnis-tirto``, ``/indeks``, ``/pikir-dua-kali``) look alike: the 4-character code and at
least two slug words tell them apart, and the one root of that shape is excluded by name. ``www.tirto.id``
301-redirects to the bare host.

There is **no NewsArticle JSON-LD** (only BreadcrumbList and Organization) and no published-time meta: the
publication time is the visible ``.byline div`` "Terbit 2 Sep 2025 17:00 WIB", with ENGLISH month
abbreviations (Aug, Oct, Dec, ...). ``article:modified_time`` has no zone (WIB). Reporter from
``meta[property=article:author]``, then ``.byline a.reporter-name``; an institutional byline ("Tim Riset
Tirto") names no person. Tags are ``news_keywords``, which mixes topics with rubric labels. Body
``.content-text-editor``; the dateline is a link, "tirto.id - ". In-body furniture: ``.baca-holder``
("Baca juga:" lists), Revive ``ins`` and ``gpt-`` ad slots, inline ``img.img-content`` with a
``figcaption``. No multi-page articles.

Discovery: ``/indeks`` is one server-rendered page whose "load more" uses ``?next=``, which robots.txt
disallows, so it gives no backfill; the Google Discover feed ``/sitemap/r/google-discover`` (used as an RSS
feed by many public feed configurations, not in the dossier) is the fresh-article source. The project's own
product User-Agent is kept: a crawler UA got 200 where only a bare "Mozilla/5.0" drew 403s (dossier
section 0); robots.txt is obeyed as everywhere.
"""

from newscrawl.portals.base import Portal


class Tirto(Portal):
    id = "tirto"
    name = "tirto.id"
    domains = ("tirto.id",)
    home_host = "tirto.id"
    hosts = ("tirto.id",)
    site_names = ("tirto.id", "tirto")

    feeds = ("https://tirto.id/sitemap/r/google-discover",)

    article_url = r"^https?://(?:www\.)?tirto\.id/[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+-[A-Za-z0-9]{4}/?(?:[?#]|$)"
    not_article_url = r"^https?://(?:www\.)?tirto\.id/pikir-dua-kali/?(?:[?#]|$)"

    body_selectors = (".content-text-editor",)
    noise_selectors = (".baca-holder", "ins[data-revive-zoneid]", "img.img-content")
    title_selectors = ("h1.article-title", "h1")
    author_meta = ("article:author",)
    author_selectors = (".byline a.reporter-name",)
    date_selectors = (".byline div", ".byline")
    section_selectors = (".breadcrumbs-wrapper a",)
