"""Issue 11, extraction side: the page decides whether it is an article, and the generic path (a portal's
container missing) is never worse than plain trafilatura on the same page."""

from __future__ import annotations

import json
import re

import lxml.html
import pytest

from newscrawl.extraction.core import FetchedPage, NotAnArticle, extract_article
from newscrawl.extraction.noise import is_noise_line
from newscrawl.extraction.page import parse_page
from newscrawl.extraction.text import clean_blocks
from newscrawl.portals import get_portal
from tests.golden.regenerate import find_cases
from tests.support.measure import bag_f1, rename_containers
from tests.support.realpages import real_pages

CASES = find_cases()


def _expected(case) -> dict:
    return json.loads(case.expected_path.read_text(encoding="utf-8"))


REJECTED = [c for c in CASES if "rejected" in _expected(c)]
ARTICLES = [c for c in CASES if "rejected" not in _expected(c)]
SINGLE_PAGE = [c for c in ARTICLES if len(c.pages) == 1]


def _without_own_url(html: bytes) -> bytes:
    """The page with its canonical link and og:url removed: only its own structure is left to judge."""
    doc = lxml.html.document_fromstring(html)
    for el in doc.xpath("//link[@rel='canonical'] | //meta[@property='og:url' or @name='og:url']"):
        el.drop_tree()
    return lxml.html.tostring(doc, encoding="utf-8")


def _unfamiliar_url(portal_id: str) -> str:
    """An on-domain URL of no shape the portal module knows: a new regional host and a new path scheme."""
    portal = get_portal(portal_id)
    return f"https://baru.{portal.domains[0]}/kanal-baru/2026/halaman-artikel-tanpa-pola-yang-dikenal-998877"


@pytest.mark.parametrize("case", REJECTED, ids=[c.id for c in REJECTED])
def test_a_non_article_page_is_rejected_by_its_own_structure(case) -> None:
    """Index, tag, search, gallery and profile pages are refused even under a URL no rule refuses."""
    html = _without_own_url(case.pages[0].read_bytes())
    with pytest.raises(NotAnArticle) as refused:
        extract_article([FetchedPage(_unfamiliar_url(case.portal), html)], get_portal(case.portal))
    assert "non-article URL" not in str(refused.value), "rejected for its URL, not by the page"


@pytest.mark.parametrize("case", ARTICLES, ids=[c.id for c in ARTICLES])
def test_an_article_under_an_unfamiliar_url_is_extracted_all_the_same(case) -> None:
    expected = _expected(case)
    url = _unfamiliar_url(case.portal)
    pages = [
        FetchedPage(url if i == 0 else f"{url}#p{i + 1}", _without_own_url(p.read_bytes()))
        for i, p in enumerate(case.pages)
    ]
    item = extract_article(pages, get_portal(case.portal))
    assert item.url == url
    assert (item.title, item.body, item.published_at) == (
        expected["title"],
        expected["body"],
        expected["published_at"],
    )


@pytest.mark.parametrize("case", SINGLE_PAGE, ids=[c.id for c in SINGLE_PAGE])
def test_generic_path_is_not_worse_than_plain_trafilatura(case) -> None:
    import trafilatura

    expected = _expected(case)
    html = rename_containers(case.pages[0].read_bytes(), case.portal)
    item = extract_article([FetchedPage(case.fetched_url(), html)], get_portal(case.portal))
    assert item.extraction == "fallback"
    theirs = trafilatura.bare_extraction(html.decode("utf-8"), url=case.fetched_url(), with_metadata=True)
    ours_f1 = bag_f1(expected["body"], item.body)
    assert ours_f1 >= bag_f1(expected["body"], theirs.text or "") - 0.005
    assert ours_f1 >= 0.9, f"body F1 {ours_f1:.3f}"
    assert item.title == expected["title"]
    assert item.published_at == expected["published_at"]


SECTION_LABEL_PAGE = """<html><head><title>Banjir rob rendam pesisir utara Jakarta :: Okezone News</title>
<meta property="og:site_name" content="Okezone"/></head><body><header><h1>News</h1></header>
<div class="meta"><span class="tgl-terbit">Selasa, 22 Juli 2025 - 14:05 WIB</span>
<span class="penulis">Penulis: Rina Kusuma Dewi</span></div>
<div class="isi">{paragraphs}</div></body></html>"""
PROSE = (
    "<p>Banjir rob kembali merendam permukiman warga di pesisir utara Jakarta pada Selasa pagi, "
    "membuat ratusan keluarga harus memindahkan barang berharga ke lantai dua rumah mereka.</p>"
)


def test_older_template_title_date_and_byline_are_read_from_the_page_as_shown() -> None:
    """No structured data, no rule that matches: the section label in the h1 gives way to the document
    title (without its " :: Site News" suffix), the visible date and the labelled byline are read."""
    html = SECTION_LABEL_PAGE.format(paragraphs=PROSE * 4)
    item = extract_article(
        [FetchedPage("https://news.okezone.com/lama/artikel-banjir-rob-123456", html)], get_portal("okezone")
    )
    assert item.title == "Banjir rob rendam pesisir utara Jakarta"
    assert item.published_at == "2025-07-22T14:05:00+07:00"
    assert item.authors == ["Rina Kusuma Dewi"]


def test_a_headline_list_is_not_an_article() -> None:
    """A tag page under an article-like URL: headline links, each with its timestamp and a teaser."""
    item = (
        '<h3><a href="/news/banjir/berita-banjir-nomor-{n}-di-kota">Berita banjir nomor {n} di kota besar '
        "hari ini</a></h3><span>Senin, 0{n} Maret 2025 - 06:14 WIB</span><p>Warga di kawasan rendah nomor "
        "{n} diminta waspada karena hujan deras diperkirakan turun hingga akhir pekan.</p>"
    )
    items = "".join(item.format(n=n) for n in range(1, 9))
    html = f"<html><head><title>Banjir</title></head><body><h1>Banjir</h1><div>{items}</div></body></html>"
    url = "https://www.inews.id/kumpulan/banjir-di-kota-123456"
    with pytest.raises(NotAnArticle, match="list of headlines"):
        extract_article([FetchedPage(url, html)], get_portal("inews"))


def test_a_page_without_any_article_structure_is_not_an_article() -> None:
    html = (
        "<html><head><title>Kontak</title></head><body><h1>Hubungi kami</h1><div><span>Alamat redaksi di "
        "Jakarta Pusat, buka setiap hari kerja mulai pukul delapan pagi sampai pukul lima sore, kecuali hari "
        "libur nasional.</span></div></body></html>"
    )
    with pytest.raises(NotAnArticle, match="no article structure"):
        extract_article(
            [FetchedPage("https://www.inews.id/bantuan/panduan-pembaca-123456", html)], get_portal("inews")
        )


@pytest.mark.parametrize(
    "line",
    [
        "Baca berita tanpa iklan. Gabung Kompas.com+",
        "Nikmati berita bebas iklan, langganan Tempo+ sekarang",
        "Upgrade ke Premium untuk membaca tanpa batas",
        "Artikel Selanjutnya: Harga Beras Naik Lagi di Pasar Induk",
        "Berita berikutnya",
        "Read next: Banjir rob di Jakarta Utara",
        "Laporan Wartawan Tribunnews.com, Reza Deni",
        "Laporan Reporter TribunJateng.com, Iwan Arifianto",
    ],
)
def test_furniture_families_are_noise(line: str) -> None:
    assert is_noise_line(line)


def test_a_next_article_label_takes_its_headline_with_it() -> None:
    blocks = [
        "JAKARTA - Harga beras di pasar induk naik untuk pekan ketiga berturut-turut, kata pedagang.",
        "Kenaikan dipicu panen yang mundur di sentra produksi Jawa Tengah dan Jawa Timur tahun ini.",
        "Berita Selanjutnya",
        "Pemerintah Siapkan Operasi Pasar Beras Medium",
    ]
    assert clean_blocks(blocks) == blocks[:2]


@pytest.mark.parametrize(
    "line",
    [
        "Laporan itu dibacakan wartawan senior di depan para peserta seminar pada Senin malam.",
        "Pemerintah menggabungkan dua program premium menjadi satu layanan yang lebih murah bagi warga.",
    ],
)
def test_prose_mentioning_the_same_words_stays(line: str) -> None:
    assert not is_noise_line(line)


def test_amp_components_never_glue_text_together() -> None:
    html = (
        "<html><head><title>Judul artikel amp yang panjang sekali</title></head><body><h1>Judul artikel amp "
        "yang panjang sekali</h1><article><div class='isi'>"
        + PROSE
        * 3
        + "<p>Kalimat pertama berakhir di sini.<amp-ad width='300' height='250'>Iklan</amp-ad>Kalimat "
        "kedua mulai di sini dan tidak boleh menempel pada kalimat sebelumnya karena iklan dihapus.</p>"
        "</div></article>"
        "</body></html>"
    )
    page = parse_page(html, "https://amp.kompas.com/x")
    assert page is not None
    item = extract_article(
        [FetchedPage("https://amp.kompas.com/nasional/read/2025/07/21/1/x", html)], get_portal("kompas")
    )
    assert "Iklan" not in item.body
    assert re.search(r"sini\.\s+Kalimat kedua", item.body)


REAL = list(real_pages())


@pytest.mark.skipif(not REAL, reason="../shared/realpages is absent: real pages live beside the repository")
@pytest.mark.parametrize("page", REAL, ids=[p.name for p in REAL])
def test_generic_path_on_real_pages_matches_the_truth(page) -> None:
    """The real pages with their container renamed, as an older template or a redesign would show them."""
    import trafilatura

    html, truth = rename_containers(page.html(), page.portal), " ".join(page.truth())
    item = extract_article([FetchedPage(page.url, html)], get_portal(page.portal))
    theirs = trafilatura.bare_extraction(html.decode("utf-8"), url=page.url, with_metadata=True)
    assert bag_f1(truth, item.body) >= max(0.98, bag_f1(truth, theirs.text or ""))
    assert (item.title, item.published_at[:16], item.authors) == (
        page.title,
        page.published_minute,
        list(page.authors),
    )
