"""bisnis.com and its channels (market, finansial, ekonomi, teknologi, ...).

Dossier section 19, and the real title/date fragment in ``realpages/bisnis/``. Article URLs are
``{kanal}.bisnis.com/read/YYYYMMDD/{categoryId}/{id}/{slug}``; ``?page=all`` serves every page of a long
article (``?page=N`` is page N). Body ``article.detailsContent``; the dateline is "Bisnis.com, JAKARTA –".
The visible date ``div.detailsAttributeDates`` ("Selasa, 29 Juli 2025 | 18:27") carries no zone label: it is
WIB. The byline ``div.authorName`` reads "<strong>Name</strong> - Bisnis.com". The dated index
(``/index?categoryId=all&type=indeks&date=...&page=N``, items ``div.art--row``) is the backfill source.
The epaper, foto, video and infografis subdomains use other templates and are not articles.
In-body furniture: ``div.baca-juga-box*`` and the "Simak berita dan artikel lainnya di Google News dan WA
Channel" promo (both caught by the shared rules), and the "Disclaimer: ..." line closing market stories (not
in the dossier). The article's page links are not documented; they are taken to use the ``pagingList`` /
``pagingLink`` markup of the real index page.

Feeds: ``www.bisnis.com/rss`` is the dossier's; ``rss.bisnis.com`` is where public feed configurations
found the live feed (not in the dossier).
"""

from typing import ClassVar

from newscrawl.portals.base import Portal


class Bisnis(Portal):
    id = "bisnis"
    name = "Bisnis.com"
    domains = ("bisnis.com",)
    hosts = (
        "www.bisnis.com",
        "market.bisnis.com",
        "finansial.bisnis.com",
        "teknologi.bisnis.com",
    )
    site_names = ("bisnis.com", "bisnis indonesia", "bisnis")

    feeds = ("https://www.bisnis.com/rss", "https://rss.bisnis.com/")

    index_pages = (
        "https://www.bisnis.com/index?categoryId=all&type=indeks&date={date:%Y-%m-%d}&page={page}",
    )
    index_link_selector = "div.art--row a.artLink"

    article_url = r"^https?://[\w-]+\.bisnis\.com/read/\d{8}/\d+/\d+/[\w-]+"
    not_article_url = r"//(?:epaper|foto|video|infografis)\.bisnis\.com/"
    page_param = "page"
    single_page_params: ClassVar[dict[str, str]] = {"page": "all"}
    next_page_selector = "ol.pagingList a.pagingLink"

    body_selectors = ("article.detailsContent", ".detailsContent", ".paywall")
    title_selectors = ("h1.detailsTitleCaption", "h1")
    author_selectors = ("div.authorName strong", "div.authorName", ".authorNames")
    date_selectors = ("div.detailsAttributeDates", ".authorTime")
    section_selectors = (".breadcrumb .breadcrumbItem a.breadcrumbLink",)
    # The investment disclaimer closing market stories.
    noise_lines = (r"disclaimer\s*:.{0,400}",)
