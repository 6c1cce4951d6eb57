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

URL shapes (public URLs, ``tests/data/real_article_urls.tsv``): ``www.merdeka.com/{section}/read/{id}/{slug}``
(2023 on) and the older ``www.merdeka.com/{section}/{slug}.html`` (also ``{id}-{slug}.html`` and the
``-kln.html`` pieces of 2023), which the site still serves; regional desks are sections on ``www``
(``/jateng/``, ``/jatim/``, ...), not hosts. The bare domain and the mobile site ``m.merdeka.com`` are
aliases of ``www`` (a stored page at ``merdeka.com/peristiwa/...html``, ``m.merdeka.com/peristiwa/...html``
in public code): both map to ``www``. No AMP page is known (an ``/amp`` path prefix would be dropped all the
same). The 2016 mobile-API form ``m.merdeka.com/tag/p/{tag}/{section}/{slug}.html`` named an article, but
the shared non-article rule refuses every ``/tag/`` path, so it is not admitted (no mapping to the section
URL is evidenced either). Not articles: ``/foto/``, ``/video/``, ``/slideshow/``, ``/tag/``, ``/search/``.
"""

from newscrawl.portals.base import Portal


class Merdeka(Portal):
    id = "merdeka"
    name = "merdeka.com"
    domains = ("merdeka.com",)
    hosts = ("www.merdeka.com",)
    site_names = ("merdeka.com", "merdeka")

    # likely: news-watch reads /rss/ (dossier [CODE]); a public 2026 source seed lists /feed/ (unverified).
    feeds = ("https://www.merdeka.com/rss/",)
    # firm: the sitemap index leads to ~35 per-section Google-News sitemaps (dossier, verified live 2026-07).
    news_sitemaps = ("https://www.merdeka.com/sitemap.xml",)

    article_url = (
        r"^https?://(?:www\.)?merdeka\.com/[\w-]+/(?:read/\d+/[\w-]+|[a-z0-9]+(?:-[a-z0-9]+){2,}\.html)"
    )
    not_article_url = r"merdeka\.com/(?:foto|video|slideshow|tag|search)/"
    url_examples = {
        "https://www.merdeka.com/peristiwa/read/8253998/perintah-dirjen-imigrasi-soal-event-lari": "https://www.merdeka.com/peristiwa/read/8253998/perintah-dirjen-imigrasi-soal-event-lari",
        "https://www.merdeka.com/uang/umkm-sumbang-61-persen-ke-pdb-tapi-nilai-ekspor-umkm-masih-rendah.html": "https://www.merdeka.com/uang/umkm-sumbang-61-persen-ke-pdb-tapi-nilai-ekspor-umkm-masih-rendah.html",
        "https://www.merdeka.com/uang/360818-wajib-pajak-telah-disetujui-permohonan-insentif-pajaknya.html": "https://www.merdeka.com/uang/360818-wajib-pajak-telah-disetujui-permohonan-insentif-pajaknya.html",
        "https://www.merdeka.com/jateng/6-ciri-ciri-orang-beriman-dalam-islam-perlu-diketahui-kln.html": "https://www.merdeka.com/jateng/6-ciri-ciri-orang-beriman-dalam-islam-perlu-diketahui-kln.html",
        "http://merdeka.com/peristiwa/heboh-tanya-presiden-dan-kapolri-jokowi-bilang-saya-tanya-siapa.html": "https://www.merdeka.com/peristiwa/heboh-tanya-presiden-dan-kapolri-jokowi-bilang-saya-tanya-siapa.html",
        "https://m.merdeka.com/peristiwa/kbri-protes-wni-dipukuli-suporter-malaysia-di-bukit-jalil.html": "https://www.merdeka.com/peristiwa/kbri-protes-wni-dipukuli-suporter-malaysia-di-bukit-jalil.html",
        "https://m.merdeka.com/trending/tata-cara-menguburkan-jenazah-sesuai-syariat-islam-kln.html": "https://www.merdeka.com/trending/tata-cara-menguburkan-jenazah-sesuai-syariat-islam-kln.html",
    }
    non_article_examples = (
        "https://www.merdeka.com/foto/read/8254140/foto-banjir-rendam-permukiman-warga-bekasi-utara",
        "https://www.merdeka.com/tag/banjir-bekasi",
        "https://m.merdeka.com/tag/p/pilgub-jabar/",
        "https://www.merdeka.com/peristiwa",
    )

    body_selectors = ("div.articles-content__body", "div.mdk-body-paragraph")
    noise_selectors = ("div.bg-primary-50", "div.page-break", "[data-info='ad']")
    title_selectors = ("h1.articles-content__title", "div.mdk-dt-headline h1", "h1")
    author_meta = ("author",)
    author_selectors = ("a[data-tracking='author_name']",)
    caption_selectors = ("figure.articles-content__image figcaption",)
    section_selectors = ("nav.breadcrumb-navigation li",)
    tag_selectors = (".tags-articles__list a",)
