"""inews.id (MNC Media): www.inews.id and its channels (news, finance, regional, lifestyle, sport, otomotif).

Dossier section 22. Article URLs are ``www.inews.id/{kanal}/{sub}/{slug}``. A long article is split into
pages given as a ``/{n}`` path suffix; the ``/all`` path suffix serves every page at once. Both suffixes
are stripped by canonicalisation. The crawl asks for the ``/all`` view (``single_page_suffix``) and still
follows any numbered page links it shows. The page-link markup is not documented: links inside any
element whose class names a pagination are followed, and only those leading to another page of the same
article are kept.

The visible date (``.createdAt``, or inside ``.timeAndShare``) carries seconds: "Kamis, 04 Juli 2024 -
06:14:00 WIB". Reporter ``.author``; section from the breadcrumb. Body ``.content`` (a weak class name, so it
is looked for inside ``<article>`` first); ``baca-juga*``, ``related*`` and ad ``div``s inside it are
furniture. Discovery: the site feed (public feed configurations, not in the dossier); the dossier lists
only tag pages and the homepage, which give no dated backfill.
"""

from newscrawl.portals.base import Portal


class INews(Portal):
    id = "inews"
    name = "iNews.id"
    domains = ("inews.id",)
    hosts = ("www.inews.id",)
    site_names = ("inews.id", "inews")

    feeds = ("https://www.inews.id/feed",)

    article_url = (
        r"^https?://www\.inews\.id/(?:finance|news|regional|lifestyle|sport|otomotif)/"
        r"[\w-]+/[a-z0-9]+(?:-[a-z0-9]+)+"
    )
    page_suffix = r"/(?:\d{1,2}|all)"
    single_page_suffix = "/all"
    next_page_selector = "[class*='pagination'] a[href]"

    body_selectors = ("article div.content", "div.content")
    noise_selectors = ("div[class*='ads']",)
    title_selectors = ("article h1", "h1")
    author_selectors = (".author a", ".author")
    date_selectors = (".createdAt", ".timeAndShare")
    section_selectors = (".breadcrumb a",)
