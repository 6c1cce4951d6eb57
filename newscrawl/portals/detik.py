"""detik.com and its channels (news, finance, health, sport, inet, hot, travel, oto, ...).

Dossier section 1. Body ``div.detail__body-text``; the dateline is a bare ``<strong>`` before the first
``<p>``; all pages of a multi-page article come with ``?single=1`` (page n is ``/{n}``).

URL shapes (public URLs, ``tests/data/real_article_urls.tsv``: 54 rows):

* ``{kanal}.detik.com/{section}/d-{id}/{slug}``: the subdomain channels news, finance, health, sport, inet,
  hot, travel, oto, food and wolipop. The ``d-{id}`` number is unique site-wide.
* ``www.detik.com/{kanal}/{section}/d-{id}/{slug}``: channels carried in the path of ``www`` (edu, hikmah,
  pop, properti) and the regional newsrooms detikJabar, detikJatim, detikJateng, detikJogja, detikBali,
  detikSulsel, detikSumut, detikSumbagsel (``www.detik.com/jabar/berita/d-...``; their news sitemaps are
  ``www.detik.com/{region}/.../sitemap_news.xml`` in public code). They are not hosts: the path keeps them.
  The bare domain ``detik.com`` is an alias of ``www``.
* ``m.detik.com/{kanal}/...``, the mobile site, puts the channel in the path: for a subdomain channel the
  article is ``{kanal}.detik.com/...`` (``m.detik.com/oto/catatan-pengendara-motor/d-4924465/...``, a real
  URL from an AdBlockID issue, is ``oto.detik.com/catatan-pengendara-motor/d-4924465/...``; public code
  (BenarID) maps ``m.detik.com/{category}/...`` to ``{category}.detik.com/...`` the same way); for a path
  channel or a region it is ``www.detik.com/{kanal}/...``. No public source shows detik AMP pages, so none
  is declared (a ``/amp`` suffix or prefix would be dropped by the shared rule anyway).
* Older formats, kept as they are (no public source shows where they redirect): ``/read/YYYY/MM/DD/
  HHMMSS/{id}/{sectionId}/{slug}`` (2015-2018), section paths with the bare id and no ``d-``
  (``finance.detik.com/berita-ekonomi-bisnis/5064934/...``, 2020), and detikX long reads
  ``news.detik.com/x/detail/{rubrik}/YYYYMMDD/{Slug}/``. A page 2..n is ``.../d-{id}/{slug}/{n}``.
* Not articles: photo sections ``/foto-news/``, ``/fotohealth/``, ``/fototravel/``, ``/foto-hijab/``,
  ``/{region}/foto/`` (every ``foto*`` section before a ``d-`` id), ``/detiktv/``, ``/live/``, the
  ``20.``/``video.``/``foto.`` hosts (video and galleries), and the shared tag, search, indeks and
  infografis pages.
"""

from newscrawl.portals.base import Portal

# Channels that are hosts of their own (the corpus and public code show {kanal}.detik.com/... articles).
_SUBDOMAIN_CHANNELS = "news|finance|health|sport|inet|hot|travel|oto|food|wolipop"


class Detik(Portal):
    id = "detik"
    name = "detikcom"
    domains = ("detik.com",)
    # Channel hosts seen in the public URL corpus (wolipop too); food.detik.com from public code (likely).
    hosts = (
        "news.detik.com",
        "finance.detik.com",
        "health.detik.com",
        "sport.detik.com",
        "inet.detik.com",
        "hot.detik.com",
        "travel.detik.com",
        "oto.detik.com",
        "wolipop.detik.com",
        "food.detik.com",
        "www.detik.com",
    )
    site_names = ("detikcom", "detik.com", "detiknews", "detikhealth", "detikfinance", "detik")

    # How firm each URL is (none verified live here; robots.txt, which public copies show declaring
    # www.detik.com/sitemap.xml, and the home page's feed links are read too).
    feeds = (
        "https://rss.detik.com/index.php/detikcom",  # likely: dossier; many public feed lists 2024-2026
        "https://news.detik.com/rss",  # likely: dossier; public feed lists 2025-2026
        "https://finance.detik.com/rss",  # likely: dossier; public feed lists 2025-2026
        "https://health.detik.com/rss",  # weak: public feed lists only (not in the dossier)
        "https://sport.detik.com/rss",  # likely: dossier; public feed lists
        "https://inet.detik.com/rss",  # weak: public feed lists only (not in the dossier)
        "https://hot.detik.com/rss",  # likely: dossier; public feed lists
        "https://travel.detik.com/rss",  # likely: dossier; public feed lists
        "https://oto.detik.com/rss",  # likely: dossier; public feed lists
    )
    news_sitemaps = (
        "https://news.detik.com/berita/sitemap_news.xml",  # likely: dossier (news-watch); public scrapers 2025
        "https://finance.detik.com/sitemap_news.xml",  # likely: dossier (news-watch); public scrapers 2025
    )

    index_pages = (
        "https://news.detik.com/indeks?page={page}&date={date:%m/%d/%Y}",
        "https://finance.detik.com/indeks?page={page}&date={date:%m/%d/%Y}",
    )
    index_link_selector = "article a.media__link, h3.media__title a"

    # m.detik.com/{kanal}/... (www after the shared host mapping) is {kanal}.detik.com/... for a subdomain channel.
    url_rewrites = ((rf"^https://www\.detik\.com/({_SUBDOMAIN_CHANNELS})/", r"https://\1.detik.com/"),)
    article_url = (
        r"^https?://[\w-]+\.detik\.com/(?:[\w-]+/)*(?:d-\d+|\d{6,})/[\w-]+"  # d-{id}; old /read/... and bare ids
        r"|^https?://news\.detik\.com/x/detail/[\w-]+/\d{8}/[\w-]+"  # detikX
    )
    not_article_url = (
        r"//(?:20|foto|video)\.detik\.com/|/(?:detiktv|live)/"
        r"|detik\.com/(?:[\w-]+/)*foto[\w-]*/(?:[\w-]+/)*d-\d+"  # foto-news, fotohealth, jatim/foto, foto-hijab
    )
    url_examples = {
        "https://news.detik.com/berita/d-6920277/manajer-wo-tersangka-kebakaran-gunung-bromo-terancam-5-tahun-bui?utm_source=copy_url&utm_campaign=detikcomsocmed&utm_medium=btn&utm_content=news": "https://news.detik.com/berita/d-6920277/manajer-wo-tersangka-kebakaran-gunung-bromo-terancam-5-tahun-bui",
        "https://sport.detik.com/sepakbola/liga-inggris/d-5263870/musim-lalu-tottenham-bungkam-man-city-gimana-peluangnya-kali-ini": "https://sport.detik.com/sepakbola/liga-inggris/d-5263870/musim-lalu-tottenham-bungkam-man-city-gimana-peluangnya-kali-ini",
        "https://www.detik.com/jabar/berita/d-7484060/suasana-sekolah-di-gaza-usai-diserang-israel-ratusan-orang-tewas": "https://www.detik.com/jabar/berita/d-7484060/suasana-sekolah-di-gaza-usai-diserang-israel-ratusan-orang-tewas",
        "https://www.detik.com/hikmah/khazanah/d-7485610/ekstremis-israel-serukan-penyerbuan-besar-besaran-di-masjid-al-aqsa": "https://www.detik.com/hikmah/khazanah/d-7485610/ekstremis-israel-serukan-penyerbuan-besar-besaran-di-masjid-al-aqsa",
        "https://detik.com/sumut/berita/d-7485488/nyaris-40-ribu-warga-palestina-tewas-di-gaza": "https://www.detik.com/sumut/berita/d-7485488/nyaris-40-ribu-warga-palestina-tewas-di-gaza",
        "https://m.detik.com/oto/catatan-pengendara-motor/d-4924465/mahal-juga-segini-harga-masker-anti-nuklir-yang-dipakai-driver-ojol?tag_from=wpm_cb_lifestyle_1&utm_source=detik.com&utm_medium=referral": "https://oto.detik.com/catatan-pengendara-motor/d-4924465/mahal-juga-segini-harga-masker-anti-nuklir-yang-dipakai-driver-ojol",
        "https://m.detik.com/edu/detikpedia/d-7611752/studi-oxford-tufts-desak-penekan-hukum-di-perang-gaza-dan-setop-bantuan-ke-israel": "https://www.detik.com/edu/detikpedia/d-7611752/studi-oxford-tufts-desak-penekan-hukum-di-perang-gaza-dan-setop-bantuan-ke-israel",
        "https://finance.detik.com/moneter/d-5073479/dapat-rp-30-t-bank-bumn-harus-genjot-kredit-3-kali-lipat?single=1": "https://finance.detik.com/moneter/d-5073479/dapat-rp-30-t-bank-bumn-harus-genjot-kredit-3-kali-lipat",
        "https://travel.detik.com/cerita-perjalanan/d-5393134/percaya-nggak-ada-hutan-mangrove-cantik-di-bekasi/1": "https://travel.detik.com/cerita-perjalanan/d-5393134/percaya-nggak-ada-hutan-mangrove-cantik-di-bekasi",
        "https://news.detik.com/read/2018/07/06/155032/4101853/10/spesialis-pembobol-rumah-di-riau-ditembak-polisi": "https://news.detik.com/read/2018/07/06/155032/4101853/10/spesialis-pembobol-rumah-di-riau-ditembak-polisi",
        "http://inet.detik.com/read/2015/11/05/100026/3062623/323/google-umbar-kelemahan-galaxy-s6-edge": "https://inet.detik.com/read/2015/11/05/100026/3062623/323/google-umbar-kelemahan-galaxy-s6-edge",
        "https://finance.detik.com/berita-ekonomi-bisnis/5064934/ada-42-juta-pns-di-ri-kebanyakan-cuma-jadi-admin": "https://finance.detik.com/berita-ekonomi-bisnis/5064934/ada-42-juta-pns-di-ri-kebanyakan-cuma-jadi-admin",
        "https://news.detik.com/x/detail/investigasi/20220221/Derasnya-Penindasan-Hak-Digital-di-Wadas/": "https://news.detik.com/x/detail/investigasi/20220221/Derasnya-Penindasan-Hak-Digital-di-Wadas/",
    }
    non_article_examples = (
        "https://news.detik.com/foto-news/d-7808120/suasana-pasar-takjil-di-benhil-jelang-berbuka-puasa",
        "https://travel.detik.com/fototravel/d-7339867/melihat-wisata-edukasi-peternakan-kambing-di-wonosobo-jawa-tengah",
        "https://www.detik.com/jatim/foto/d-7476201/aksi-bela-palestina-di-depan-gedung-grahadi",
        "https://wolipop.detik.com/foto-hijab/d-7479612/gaya-hijab-nuansa-pastel-untuk-acara-halalbihalal",
        "https://20.detik.com/detikupdate/20260301-260301001/video-banjir",
        "https://www.detik.com/tag/banjir-jakarta",
        "https://www.detik.com/search/searchall?query=banjir&siteid=2",
        "https://news.detik.com/indeks",
        "https://www.detik.com/jabar/indeks",
    )
    page_suffix = r"/\d{1,3}"
    single_page_params = {"single": "1"}
    next_page_selector = "div.detail__long-nav a.detail__anchor-numb"

    body_selectors = ("div.detail__body-text", "div.itp_bodycontent", "div.detail__body")
    noise_selectors = (
        "div.detail__body-tag",
        "div.detail__long-nav",
        "div.parallaxindetail",
        "table.linksisip",
        "div.lihatjg",
        ".noncontent",
        "a.embed",
        "div.sisip_embed_sosmed",
        "div.detail__multiple",
    )
    title_selectors = ("h1.detail__title", "h1")
    author_selectors = ("div.detail__author",)
    date_selectors = ("div.detail__date",)
    published_meta = ("dtk:publishdate", "publishdate", "dtk:publishdateunix")
    caption_selectors = ("figcaption.detail__media-caption", "div.detail__media figcaption")
    section_selectors = ("div.page__breadcrumb a",)
    tag_selectors = ("div.detail__body-tag a.nav__item", "div.detail__body-tag a")
    noise_lines = (r"artikel ini telah naik di detik\w+\.?", r"saksikan live detik\w+\s*:?.*")
