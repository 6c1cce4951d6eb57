"""idntimes.com (IDN Times), the national site www.idntimes.com.

Dossier section 15. Articles are ``/{category}/{subcategory}/{slug}-{5-char author code}-{6-char code}``
(the code pair is the id: the 6-char code alone collides). The regional sites (bali., jatim., ...) use a
different template and are not claimed. JSON-LD ``NewsArticle`` carries ``datePublished`` with +07:00 and
an ``author`` array; its ``keywords`` can hold the junk entry "Update me" and its ``description`` can be
"", so tags come from the visible ``#tag-list`` and the description falls back to the meta tags. Body
``#article-description`` (paragraphs ``p.article-text``, sub-headings between them in listicles; internal
``<a data-x-link-type=internal>`` tag links stay as text); title ``h1[data-testid=title-article]``; the
visible date "24 Jul 2026, 11:00 WIB" uses English month abbreviations. Single page: no page links seen.

Discovery: ``/sitemap.xml`` (announced in robots.txt). ``/indeks`` answers 404 and the category hubs are
neither dated nor paged, so there is no index walk. robots.txt forbids ``/?*``, ``/*?utm*``, ``/search?*``,
``/ajax/`` and ``/v1``: the spider never builds such URLs.
"""

from newscrawl.portals.base import Portal


class IdnTimes(Portal):
    id = "idntimes"
    name = "IDN Times"
    domains = ("idntimes.com",)
    hosts = ("www.idntimes.com",)
    site_names = ("idn times", "idntimes.com", "idntimes")

    news_sitemaps = ("https://www.idntimes.com/sitemap.xml",)

    article_url = r"^https?://www\.idntimes\.com/[\w-]+/[\w-]+/[\w-]+-[a-z0-9]{5}-[a-z0-9]{6}(?:[/?#]|$)"
    not_article_url = r"idntimes\.com/(?:tag|author|search|ajax|v1|tag-manager)(?:/|$)"

    body_selectors = ("#article-description",)
    title_selectors = ("h1[data-testid='title-article']", "h1")
    author_selectors = ("[data-testid^='author-article']",)
    date_selectors = ("[data-testid='publish-date-article'] time", "[data-testid='publish-date-article']")
    section_selectors = ("[data-testid^='breadcrumbs-']",)
    tag_selectors = ("#tag-list a",)
