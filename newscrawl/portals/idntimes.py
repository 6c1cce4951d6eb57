"""idntimes.com (IDN Times), the national site www.idntimes.com.

Dossier section 15. Articles are ``/{category}/{subcategory}/{slug}-{5-char author code}-{6-char code}`` (the
code pair is the id: the 6-char code alone collides). The regional sites (bali., jatim., ...) are said to use
a different template and are not claimed in ``hosts`` (see "URL shapes"). JSON-LD ``NewsArticle`` carries
``datePublished`` with +07:00 and an ``author`` array; its ``keywords`` can hold the junk entry "Update me"
and its ``description`` can be "", so tags come from the visible ``#tag-list`` and the description falls back
to the meta tags (where ``#tag-list`` is missing, as on the AMP page, the keywords are used and the junk entry
would pass: the shared ``metadata.tags`` has no per-portal filter). Body ``#article-description`` (paragraphs
``p.article-text``, sub-headings between them in listicles; internal ``<a data-x-link-type=internal>`` tag
links stay as text); title ``h1[data-testid=title-article]``; the visible date "24 Jul 2026, 11:00 WIB" uses
English month abbreviations. Single page: no page links seen.

Discovery: ``/sitemap.xml`` (announced in robots.txt). ``/indeks`` answers 404 and the category hubs are
neither dated nor paged, so there is no index walk. robots.txt forbids ``/?*``, ``/*?utm*``, ``/search?*``,
``/ajax/`` and ``/v1``: the spider never builds such URLs.

URL shapes (public URLs, ``tests/data/real_article_urls.tsv`` and public code): ``www.idntimes.com/{category}/
{subcategory}/{slug}-{5-char}-{6-char}``, often with a marker before the pair (``-00-``, ``-c1c2-01-``). The
AMP page appends ``/amp`` (a stored page of 2020; regional pages too), dropped by canonicalisation; the bare
domain maps to ``www`` (bare-domain links occur in public documents). Regional sites ``{region}.idntimes.com``
(jatim, jabar, jateng, bali, ... ; ``jatim.idntimes.com/news/jawa-timur/{slug}-00-w15v1-ch3dn4`` in public
code) are newsrooms of their own and keep their host; the dossier says they use another template, of which
there is no public evidence, so they are not listed in ``hosts`` and their pages are read by the generic
path when ``#article-description`` is missing. Older links (2019-2024) have no code pair:
``/{category}/{subcategory}/{slug}`` (AutoAllPage notes) or with the author's slug before it,
``/{category}/{subcategory}/{author}/{slug}`` (AutoAllPage #10, 2022; also on regional hosts, 2020 and
2024). They redirect to the current URL; no mapping can be computed (the code pair is not in them), so
they stay as they are and the fetched page's canonical link names the article. Not articles: ``/tag/``,
``/author/``, ``/search``, ``/ajax``, ``/v1``, ``/tag-manager``, and the category hubs (two segments).
"""

from newscrawl.portals.base import Portal


class IdnTimes(Portal):
    id = "idntimes"
    name = "IDN Times"
    domains = ("idntimes.com",)
    hosts = ("www.idntimes.com",)
    site_names = ("idn times", "idntimes.com", "idntimes")

    # firm: announced in robots.txt (dossier, verified live 2026-07). No feed is known in public sources.
    news_sitemaps = ("https://www.idntimes.com/sitemap.xml",)

    article_url = (
        r"^https?://(?:[\w-]+\.)?idntimes\.com/[\w-]+/[\w-]+/"
        r"(?:[\w-]+-[a-z0-9]{5}-[a-z0-9]{6}|(?:[\w-]+/)?[a-z0-9]+(?:-[a-z0-9]+){2,})/?(?:[?#]|$)"
    )
    not_article_url = r"idntimes\.com/(?:tag|author|search|ajax|v1|tag-manager)(?:/|$)"
    url_examples = {
        "https://www.idntimes.com/news/indonesia/10-mahasiswa-pengkritik-jokowi-ditangkap-hingga-fakta-baru-formula-e-00-pqs2z-bgv571": "https://www.idntimes.com/news/indonesia/10-mahasiswa-pengkritik-jokowi-ditangkap-hingga-fakta-baru-formula-e-00-pqs2z-bgv571",
        "https://www.idntimes.com/news/indonesia/kementerian-kesehatan-jadi-klaster-covid-19-total-ada-252-kasus-00-gg3v5-bhskpw/amp": "https://www.idntimes.com/news/indonesia/kementerian-kesehatan-jadi-klaster-covid-19-total-ada-252-kasus-00-gg3v5-bhskpw",
        "https://jatim.idntimes.com/news/jawa-timur/siswa-abk-di-surabaya-jadi-korban-bullying-berujung-penganiayaan-00-w15v1-ch3dn4": "https://jatim.idntimes.com/news/jawa-timur/siswa-abk-di-surabaya-jadi-korban-bullying-berujung-penganiayaan-00-w15v1-ch3dn4",
        "https://jatim.idntimes.com/news/jawa-timur/51-orang-tewas-dalam-laka-lantas-di-surabaya-selama-2024-00-w15v1-tr21kf/amp": "https://jatim.idntimes.com/news/jawa-timur/51-orang-tewas-dalam-laka-lantas-di-surabaya-selama-2024-00-w15v1-tr21kf",
        "https://www.idntimes.com/sport/soccer/pemilik-chelsea-kena-damprat-usai-pecat-thomas-tuchel": "https://www.idntimes.com/sport/soccer/pemilik-chelsea-kena-damprat-usai-pecat-thomas-tuchel",
        "https://www.idntimes.com/news/indonesia/melani-hermalia-putri/hacker-bjorka-buka-suara-soal-retas-data-pribadi-pemerintah-indonesia": "https://www.idntimes.com/news/indonesia/melani-hermalia-putri/hacker-bjorka-buka-suara-soal-retas-data-pribadi-pemerintah-indonesia",
        "https://jabar.idntimes.com/news/jabar/azzis-zilkhairil/band-metal-asal-garut-vob-unjuk-gigi-di-glastonbury-2024": "https://jabar.idntimes.com/news/jabar/azzis-zilkhairil/band-metal-asal-garut-vob-unjuk-gigi-di-glastonbury-2024",
        "https://idntimes.com/life/education/annisa-nur-fitriani-1/tulisan-terindikasi-ai-padahal-ditulis-manual-c1c2": "https://www.idntimes.com/life/education/annisa-nur-fitriani-1/tulisan-terindikasi-ai-padahal-ditulis-manual-c1c2",
    }
    non_article_examples = (
        "https://www.idntimes.com/tag/krl-commuter-line",
        "https://www.idntimes.com/author/lia-hutasoit-k7rmd",
        "https://www.idntimes.com/news/indonesia",
        "https://www.idntimes.com/search?q=banjir",
        "https://jatim.idntimes.com/news",
    )

    body_selectors = ("#article-description",)
    title_selectors = ("h1[data-testid='title-article']", "h1")
    author_selectors = ("[data-testid^='author-article']",)
    date_selectors = ("[data-testid='publish-date-article'] time", "[data-testid='publish-date-article']")
    section_selectors = ("[data-testid^='breadcrumbs-']",)
    tag_selectors = ("#tag-list a",)
