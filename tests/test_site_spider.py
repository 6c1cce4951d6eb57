"""``scrapy crawl site -a url=...``: a site with no portal module, found through robots.txt and its feed."""

from __future__ import annotations

import json
from pathlib import Path

from newscrawl.records import validate_record
from tests.support.replica import ReplicaSite, Route, news_sitemap, rss, serve
from tests.test_crawl_e2e import run_crawl, written_records

SITE = "https://www.berita-contoh.example"
PARAGRAPHS = [
    "SEMARANG - Pemerintah kota meresmikan taman baca baru di kawasan Kota Lama pada Sabtu pagi. Taman itu "
    "menyediakan lebih dari dua ribu buku untuk anak-anak dan remaja.",
    "Wali kota mengatakan taman baca dibuka setiap hari mulai pukul 08.00 hingga 20.00 WIB. Pengunjung tidak "
    "dipungut biaya dan boleh membawa pulang buku dengan sistem pinjam.",
    "Pengelola juga menyiapkan kelas mendongeng setiap akhir pekan. Relawan dari komunitas literasi setempat "
    "bergantian menjadi pendongeng.",
]


def paragraphs_of(slug: str) -> list[str]:
    """Each article its own body (the same body twice would be dropped as duplicate content)."""
    return PARAGRAPHS if "taman" in slug else PARAGRAPHS[::-1]


def article_page(slug: str, title: str, published: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs_of(slug))
    return f"""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<title>{title} | Berita Contoh</title>
<meta property="og:type" content="article"><meta property="og:title" content="{title}">
<meta property="article:published_time" content="{published}">
<meta name="author" content="Ayu Lestari">
<link rel="canonical" href="{SITE}/{slug}">
</head><body><header><nav><a href="/">Beranda</a> <a href="/kategori/daerah">Daerah</a></nav></header>
<main><article><h1>{title}</h1><div class="byline">Oleh Ayu Lestari</div>
<div class="entry-content">{body}
<p><strong>Baca juga:</strong> <a href="{SITE}/lain">Berita lain yang tidak terkait</a></p>
<p>Ikuti berita terkini kami di Google News, klik di sini.</p></div></article></main>
<aside><h3>Terpopuler</h3><ul><li><a href="/a">Satu</a></li><li><a href="/b">Dua</a></li></ul></aside>
<footer>Hak cipta 2025 Berita Contoh</footer></body></html>""".encode()


def build_site() -> tuple[ReplicaSite, list[str]]:
    site = ReplicaSite()
    slugs = [
        (
            "2025/03/04/taman-baca-baru-dibuka-di-kota-lama",
            "Taman Baca Baru Dibuka di Kota Lama",
            "2025-03-04T08:00:00+07:00",
        ),
        (
            "2025/03/05/kelas-mendongeng-tiap-akhir-pekan",
            "Kelas Mendongeng Tiap Akhir Pekan",
            "2025-03-05T01:30:00Z",
        ),
    ]
    urls = []
    for slug, title, published in slugs:
        site.add(f"{SITE}/{slug}", Route(article_page(slug, title, published)))
        urls.append(f"{SITE}/{slug}")
    from datetime import datetime

    when = [datetime.fromisoformat(p.replace("Z", "+00:00")) for _s, _t, p in slugs]
    site.add(
        f"{SITE}/robots.txt",
        Route(f"User-agent: *\nAllow: /\nSitemap: {SITE}/news.xml\n".encode(), "text/plain"),
    )
    site.add(f"{SITE}/news.xml", Route(news_sitemap([(urls[0], when[0])]), "application/xml"))
    home = f'<html><head><link rel="alternate" type="application/rss+xml" href="{SITE}/feed/"></head></html>'
    site.add(f"{SITE}/", Route(home.encode()))
    site.add(f"{SITE}/feed/", Route(rss([(urls[1], "x", when[1])]), "application/rss+xml"))
    return site, urls


def test_site_spider_crawls_any_news_site(tmp_path: Path) -> None:
    site, urls = build_site()
    with serve(site) as origin:
        result = run_crawl(
            "site", origin, tmp_path, "-a", f"url={SITE}/", "-a", "since=2025-03-04", "-a", "until=2025-03-05"
        )
    assert result.returncode == 0, result.stderr[-3000:]
    records = {r["url"]: r for r in written_records(tmp_path / "output", "berita-contoh.example")}
    assert sorted(records) == sorted(urls)
    for url, record in records.items():
        assert validate_record(record) is None
        assert record["portal"] == "berita-contoh.example"
        assert record["extraction"] == "generic"
        assert record["body"].split("\n\n") == paragraphs_of(url), json.dumps(record, ensure_ascii=False)[
            :2000
        ]
        assert record["authors"] == ["Ayu Lestari"]
    assert records[urls[1]]["published_at"] == "2025-03-05T08:30:00+07:00"
    assert records[urls[0]]["title"] == "Taman Baca Baru Dibuka di Kota Lama"
