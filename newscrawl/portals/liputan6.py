"""liputan6.com: every channel under ``www.liputan6.com/{channel}/read/{id}/{slug}``.

Dossier section 4. A multi-page article comes whole in ONE response: each page is a
``div.article-content-body__item-page[data-page=N]`` block (page 2 and later open with an ``h2``
sub-heading) inside ``div.article-content-body``, so the whole container is read and nothing is followed.
There is no ``<link rel=canonical>``; ``og:url`` is the canonical URL. Dates: JSON-LD ``datePublished`` /
``article:published_time`` (+07:00). The visible box shows "Diperbarui ..." (updated) and/or
"Diterbitkan ..." (published) under one class, so it is not used: the update time must never override
the publication time. In-body furniture: standalone "Advertisement" lines (``.article-ad`` slots between
pages), the "Baca Juga" box (``.baca-juga-collections``), infographic prompts and image credits.

Discovery: the per-channel RSS feeds on ``feed.liputan6.com``. The ``/indeks`` pages are client-side only
(no server-rendered list), so there is no dated index for backfill. ``photo`` / ``foto`` / ``video`` channels
have no article text; ``enamplus.`` and ``berita.`` use other templates and are left out of the URL rule.
``opera.liputan6.com`` serves the same articles (same byline and date lines).
"""

from newscrawl.portals.base import Portal

_CHANNELS = (
    "news",
    "bisnis",
    "bola",
    "tv",
    "showbiz",
    "tekno",
    "hot",
    "cek-fakta",
    "citizen6",
    "crypto",
    "disabilitas",
    "global",
    "health",
    "islami",
    "lifestyle",
    "on-off",
    "opini",
    "otomotif",
    "regional",
    "saham",
    "surabaya",
)


class Liputan6(Portal):
    id = "liputan6"
    name = "Liputan6.com"
    domains = ("liputan6.com",)
    hosts = ("www.liputan6.com", "opera.liputan6.com")
    site_names = ("liputan6.com", "liputan6")

    feeds = tuple(f"https://feed.liputan6.com/rss/{channel}" for channel in _CHANNELS)

    article_url = r"^https?://(?:www|opera)\.liputan6\.com/[\w-]+/read/\d+/[\w-]+"
    not_article_url = r"liputan6\.com/(?:photo|foto|video)/"

    body_selectors = ("div.article-content-body",)
    noise_selectors = (
        ".article-ad",
        ".baca-juga-collections",
    )
    title_selectors = ("h1.read-page--header--title", "h1.entry-title", "h1")
    author_selectors = ("a.read-page-box__author__name", "span.read-page--header--author__name")
    # No visible cross-check: the box prints "Diperbarui ..." (updated) and "Diterbitkan ..." (published)
    # under the same class, and an update time a whole number of hours after publication would override
    # the structured time. The rule would be span.read-page-box__author__updated:contains('Diterbitkan');
    # it waits for the shared css() cache to handle :contains() (see the portal report).
    date_selectors = ()
    section_meta = ("article:section",)
    noise_lines = (
        r"simak\s+selengkapnya\b.{0,80}\binfografis\b.*",
        # image credit left as its own line: "(merdeka.com/Nama Fotografer)"
        r"\(\s*(?:[\w-]+\.)+(?:com|co\.id|id|net)\s*/\s*[^()]{2,80}\)",
    )
