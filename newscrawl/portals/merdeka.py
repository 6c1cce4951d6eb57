"""merdeka.com: ``www.merdeka.com/{section}/read/{id}/{slug}`` (old: ``/{section}/{slug}.html``).

Dossier section 14. Body ``div.articles-content__body`` (old ``div.mdk-body-paragraph``). The bare URL
already holds every page of a multi-page article, separated by ``div.page-break[data-page=N]`` markers, so
nothing is followed; ``?page=all`` is not used because robots.txt disallows every URL with a query string.
JSON-LD ``NewsArticle`` (in ``#rich-card``) has ``author.name = null``: the reporter comes from
``meta[name=author]`` (then the DOM byline). Its ``BreadcrumbList`` ends with the article title, so the
section is the last item of the visible ``nav.breadcrumb-navigation``. Dates: JSON-LD, then
``article:published_time`` (+07:00); no visible date element is known, so there is no visible
cross-check. In-body furniture: the ``.advertisement-placeholder`` slot (``<p>Advertisement</p>``) and the
"Baca Juga" box ``div.bg-primary-50``. Tags ``.tags-articles__list a``.

Discovery: the sitemap index ``/sitemap.xml`` (about 35 per-section Google-News sitemaps) and the RSS feed.
There is no global index, and section hub pagination (``?page=N``) is robots-disallowed, so there is no
backfill index. ``foto`` / ``video`` / ``slideshow`` share the URL shape but not the template.
"""

from newscrawl.portals.base import Portal


class Merdeka(Portal):
    id = "merdeka"
    name = "merdeka.com"
    domains = ("merdeka.com",)
    hosts = ("www.merdeka.com",)
    site_names = ("merdeka.com", "merdeka")

    feeds = ("https://www.merdeka.com/rss/",)
    news_sitemaps = ("https://www.merdeka.com/sitemap.xml",)

    article_url = r"^https?://www\.merdeka\.com/[\w-]+/(?:read/\d+/[\w-]+|[a-z0-9]+(?:-[a-z0-9]+){2,}\.html)"
    not_article_url = r"merdeka\.com/(?:foto|video|slideshow|tag|search)/"

    body_selectors = ("div.articles-content__body", "div.mdk-body-paragraph")
    noise_selectors = ("div.bg-primary-50", "div.page-break", "[data-info='ad']")
    title_selectors = ("h1.articles-content__title", "div.mdk-dt-headline h1", "h1")
    author_meta = ("author",)
    author_selectors = ("a[data-tracking='author_name']",)
    caption_selectors = ("figure.articles-content__image figcaption",)
    section_selectors = ("nav.breadcrumb-navigation li",)
    tag_selectors = (".tags-articles__list a",)
