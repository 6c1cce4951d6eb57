"""Unit tests of the shared extraction core: furniture lines, paragraph assembly, canonical URLs, titles."""

from __future__ import annotations

import lxml.html
import pytest

from newscrawl.extraction.metadata import person_names, strip_site_suffix
from newscrawl.extraction.noise import is_noise_line
from newscrawl.extraction.text import clean_blocks, content_hash, iter_blocks
from newscrawl.portals import get_portal
from newscrawl.urls import _canonical_url, canonical_url

FURNITURE = [
    "Baca juga: Harga Emas Hari Ini Naik Lagi",
    "Baca Juga",
    "BACA JUGA: Ikuti Serial Sejarah di Islam Digest, Klik di Sini",
    "Baca juga : Judul lain",
    "Baca: Kronologi Lengkap Kejadian",
    "Lihat Juga :",
    "Lihat juga video lainnya",
    "ADVERTISEMENT",
    "Advertisement",
    "SCROLL TO CONTINUE WITH CONTENT",
    "SCROLL TO RESUME CONTENT",
    "loading...",
    "Loading...",
    "A",
    "A A A",
    "A- A+",
    "Foto/AP",
    "Foto: Dok SINDOnews",
    "(Foto: Getty Images/iStockphoto/peterschreiber.media)",
    "Presiden berbicara di depan wartawan di Moskow. Foto/AP",
    'Simak Video "Penyakit Jantung Penyakit Orang Tua?"',
    "Simak juga Video 'Cek Harga Beras di Pasar':",
    "[Gambas:Video 20detik]",
    "[Gambas:Instagram]",
    "(vyp/kna)",
    "(agt)",
    "(boy/jpnn)",
    "(E-2)",
    "Ikuti Whatsapp Channel Republika",
    "Follow Berita Okezone di Google News",
    "Follow WhatsApp Channel Okezone untuk update berita terbaru setiap hari",
    "Simak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran andalanmu akses berita "
    "Kompas.com WhatsApp Channel : https://www.whatsapp.com/channel/0029VaFPbedBPzjZrk13HO3D",
    "Dapatkan update berita pilihan dan breaking news setiap hari dari Kompas.com. Mari bergabung di Grup "
    'Telegram "Kompas.com News Update", caranya klik link https://t.me/kompascomupdate, kemudian join.',
    'Artikel ini telah tayang di Kompas.com dengan judul "Bos Besar Tolak PSBB"',
    "Artikel ini telah naik di detikSumut.",
    "Baca selengkapnya di sini.",
    "--------",
    "Penulis: Muhammad Renald Shiftanto | Editor: Sri Juliati",
    "Pewarta: Luthfia Miranda Putri",
    "Copyright © ANTARA 2025",
    "Pilihan Editor: Harga Cabai Turun Jelang Akhir Pekan",
    "Scroll ke bawah untuk melanjutkan membaca",
    "Ringkasan Berita:",
    "Oleh: Ayu Lestari",
    "Oleh Ayu Lestari",
    "Kamis, 02 Nov 2023 20:59 WIB",
    "Tags: banjir, jakarta timur",
    "Halaman 2/3",
    "Halaman Selanjutnya",
    "Selanjutnya »",
    "Tulis Komentar",
    "(Arief Setyadi )",
    "KOMPAS.com/ADITYO Motor baru dipamerkan di arena pameran",
]

PROSE = [
    "Lihat saja bagaimana warga bergotong royong membersihkan saluran air setelah banjir surut.",
    "Baca Al-Quran bersama menjadi kegiatan rutin warga setiap malam Jumat di masjid itu.",
    "Foto-foto kegiatan itu kemudian diunggah ke media sosial dan ramai dibagikan warganet.",
    "A. Pembentukan panitia seleksi dilakukan secara terbuka oleh pemerintah daerah.",
    "WhatsApp meluncurkan fitur baru yang memungkinkan pengguna mengedit pesan hingga 15 menit setelah "
    "dikirim, kata perusahaan dalam pernyataan resminya pada Selasa malam.",
    "Sumber daya manusia menjadi fokus utama program pemerintah tahun depan, ujar menteri.",
    "4.Diperkuat Aliansi Rusia",
    "(1) Setiap warga negara berhak atas pendidikan.",
    "Oleh karena itu, pemerintah menambah anggaran untuk perbaikan jalan desa.",
    "Halaman rumah warga terendam air setinggi lutut orang dewasa sejak pagi.",
    "Selanjutnya, petugas mengevakuasi warga lanjut usia ke posko pengungsian.",
    "(Baca berita lengkapnya nanti malam di edisi cetak)",
    "Detik.com/data menunjukkan kenaikan kunjungan pada Juni.",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_lines_are_noise(line: str) -> None:
    assert is_noise_line(line)


@pytest.mark.parametrize("line", PROSE)
def test_article_lines_are_kept(line: str) -> None:
    assert not is_noise_line(line)


def blocks(html: str) -> list[str]:
    return list(iter_blocks(lxml.html.fragment_fromstring(html, create_parent="div")))


def test_blocks_split_on_br_and_block_elements_and_keep_inline_words() -> None:
    html = (
        "Satu dua<br>tiga <a href='#'>empat</a> lima<br><br><p>enam <em>tujuh</em></p>"
        "<ul><li>a1</li><li>a2</li></ul>"
    )
    assert blocks(html) == ["Satu dua", "tiga empat lima", "enam tujuh", "a1", "a2"]


def test_dateline_before_first_paragraph_joins_it() -> None:
    assert clean_blocks(["Jakarta -", "Harga cabai naik tajam di pasar induk pekan ini."]) == [
        "Jakarta - Harga cabai naik tajam di pasar induk pekan ini."
    ]


def test_repeated_paragraphs_collapse_to_the_first_in_order() -> None:
    long_a = "Paragraf pertama yang cukup panjang untuk dikenali sebagai paragraf utuh."
    long_b = "Paragraf kedua juga cukup panjang sehingga pengulangannya harus dibuang."
    # Long paragraphs are dropped wherever they repeat; a short line only when it repeats the line before
    # (a one-word answer may legitimately appear twice in an interview).
    result = clean_blocks([long_a, "Ya.", long_b, "Ya.", "Ya.", long_a, long_b.upper()])
    assert result == [long_a, "Ya.", long_b, "Ya."]


def test_trailing_signoff_is_cut_from_the_last_paragraph() -> None:
    assert clean_blocks(["Polisi masih menyelidiki kasus tersebut. (vyp/kna)"]) == [
        "Polisi masih menyelidiki kasus tersebut."
    ]


def test_content_hash_ignores_case_and_whitespace() -> None:
    assert content_hash("Satu  dua\n\ntiga") == content_hash("satu dua tiga")
    assert content_hash("satu dua") != content_hash("satu tiga")


URLS = [
    (
        "detik",
        "https://news.detik.com/berita/d-7805512/banjir-rendam?utm_source=rss&utm_medium=x#comments",
        "https://news.detik.com/berita/d-7805512/banjir-rendam",
    ),
    (
        "detik",
        "https://news.detik.com/berita/d-7805512/banjir-rendam/2?single=1",
        "https://news.detik.com/berita/d-7805512/banjir-rendam",
    ),
    (
        "detik",
        "https://news.detik.com/berita/d-7805512/banjir-rendam/amp",
        "https://news.detik.com/berita/d-7805512/banjir-rendam",
    ),
    (
        "kompas",
        "https://amp.kompas.com/read/2023/11/02/213419026/menhub-bocorkan?page=all#page2",
        "https://www.kompas.com/read/2023/11/02/213419026/menhub-bocorkan",
    ),
    (
        "kompas",
        "http://money.kompas.com/read/2023/11/02/213419026/menhub-bocorkan?page=2",
        "https://money.kompas.com/read/2023/11/02/213419026/menhub-bocorkan",
    ),
    (
        "sindonews",
        "https://nasional.sindonews.com/read/1731775/12/judul-berita-1784873276/2",
        "https://nasional.sindonews.com/read/1731775/12/judul-berita-1784873276",
    ),
    (
        "sindonews",
        "https://nasional.sindonews.com/read/1731775/12/judul-berita-1784873276?showpage=all",
        "https://nasional.sindonews.com/read/1731775/12/judul-berita-1784873276",
    ),
]


@pytest.mark.parametrize(("portal", "url", "expected"), URLS)
def test_canonical_url(portal: str, url: str, expected: str) -> None:
    assert canonical_url(url, get_portal(portal)) == expected
    # canonical_url remembers its answers and takes every answer as its own canonical form: check that
    # the uncached computation agrees that canonical URLs are fixed points.
    assert _canonical_url(expected, get_portal(portal)) == expected


def test_canonical_url_of_an_unknown_site_keeps_its_id_parameter() -> None:
    assert canonical_url("https://contoh.id/?p=123&utm_source=x&fbclid=y") == "https://contoh.id/?p=123"


def test_site_suffix_is_stripped_but_a_headline_dash_is_kept() -> None:
    kompas = get_portal("kompas")
    assert (
        strip_site_suffix("Menhub Bocorkan Harga Tiket - Kompas.com", kompas) == "Menhub Bocorkan Harga Tiket"
    )
    assert strip_site_suffix("Harga Tiket |Kompas.com", kompas) == "Harga Tiket"
    assert strip_site_suffix("Timnas Menang 2-1 - Laga Sengit", kompas) == "Timnas Menang 2-1 - Laga Sengit"


def test_person_names_drop_brands_labels_and_desk_codes() -> None:
    detik = get_portal("detik")
    assert person_names(["Vidya Pinandhita - detikHealth"], detik) == ["Vidya Pinandhita"]
    assert person_names(["Penulis: Ayu Lestari, Budi Santoso dan Citra Dewi"], detik) == [
        "Ayu Lestari",
        "Budi Santoso",
        "Citra Dewi",
    ]
    assert person_names(["Tim Redaksi", "detikcom", "vyp"], detik) == []


def test_a_wayback_capture_url_becomes_the_original_article_url() -> None:
    capture = "https://web.archive.org/web/20220721083011/https://www.jpnn.com/news/judul-berita?utm_source=x"
    assert canonical_url(capture, get_portal("jpnn")) == "https://www.jpnn.com/news/judul-berita"


def test_names_missing_on_page_one_are_read_from_a_later_page() -> None:
    from newscrawl.extraction.core import FetchedPage, extract_article

    url = "https://news.detik.com/berita/d-7000001/judul-berita"
    text = " ".join(["Kalimat berita yang cukup panjang untuk menjadi paragraf artikel."] * 6)

    def page(byline: str) -> bytes:
        return (
            f"<html><head><title>Judul Berita</title><link rel='canonical' href='{url}'></head><body>"
            f"<h1 class='detail__title'>Judul Berita</h1>{byline}"
            f"<div class='detail__body-text'><p>{text}</p></div></body></html>"
        ).encode()

    record = extract_article(
        [
            FetchedPage(url, page("")),
            FetchedPage(url + "/2", page("<div class='detail__author'>Ayu Lestari</div>")),
        ],
        get_portal("detik"),
    )
    assert record.authors == ["Ayu Lestari"]
