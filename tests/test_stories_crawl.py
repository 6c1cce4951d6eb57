"""One wire story on three portals, crawled for real (``scrapy crawl`` / ``newscrawl run`` subprocesses
against a local replica): one story, the later copies marked ``duplicate_of`` the first, or dropped."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import lxml.html

from newscrawl.portals import get_portal
from tests.conftest import ROOT
from tests.golden.regenerate import GOLDEN_DIR
from tests.support.replica import ReplicaSite, Route, crawl_options, index_page, news_sitemap, rss, serve
from tests.test_crawl_e2e import run_crawl

WIRE = [
    "Arus peti kemas di Pelabuhan Tanjung Perak, Surabaya, Jawa Timur, naik tujuh persen pada semester I "
    "2025 dibanding periode yang sama tahun lalu, seiring meningkatnya perdagangan antarpulau ke wilayah "
    "timur Indonesia.",
    "General Manager pelabuhan mengatakan sepanjang Januari hingga Juni 2025 tercatat 1,9 juta TEUs peti "
    "kemas yang dibongkar dan dimuat, terdiri atas peti kemas domestik dan internasional.",
    "Menurut dia, kenaikan terbesar datang dari rute ke Makassar, Banjarmasin dan Sorong, yang membawa "
    "bahan pokok, semen serta material bangunan untuk proyek infrastruktur daerah.",
    "Pihak pelabuhan juga menambah dua unit container crane dan memperpanjang jam layanan dermaga agar "
    "waktu tunggu kapal tidak bertambah ketika arus barang memuncak menjelang akhir tahun.",
    "Ia menambahkan digitalisasi layanan melalui sistem pemesanan daring membuat proses administrasi "
    "pengapalan kini rata-rata selesai kurang dari satu jam.",
]
CASES = {  # portal -> its golden page used as the template, and the wire copy as that portal runs it
    "antaranews": (
        "antaranews/ekonomi_pelabuhan-tanjung-perak_2025_07_22.html",
        ["Surabaya (ANTARA) - " + WIRE[0], *WIRE[1:]],
    ),
    "kompas": (
        "kompas/money_beras_2025_06_03.html",
        ["SURABAYA, KOMPAS.com - " + WIRE[0], *WIRE[1:], "Sumber: ANTARA"],
    ),
    "tribunnews": (
        "tribunnews/nasional_bantuan-pangan-beras_2026_07_24.html",
        [
            "TRIBUNNEWS.COM - " + WIRE[0],
            *WIRE[1:4],
            'Artikel ini telah tayang di Kompas.com dengan judul "Arus Peti Kemas Tanjung Perak Naik"',
        ],
    ),
}
ORDER = ("antaranews", "kompas", "tribunnews")


def wire_page(template: Path, paragraphs: list[str], selector: str) -> bytes:
    """The portal's golden page with its article text replaced by ``paragraphs``."""
    doc = lxml.html.fromstring(template.read_bytes())
    container = doc.cssselect(selector)[0]
    for child in list(container):
        container.remove(child)
    container.text = None
    for text in paragraphs:
        p = lxml.html.Element("p")
        p.text = text
        container.append(p)
    return lxml.html.tostring(doc, encoding="utf-8", doctype="<!DOCTYPE html>")


def wire_site() -> tuple[ReplicaSite, dict[str, str], tuple[str, str]]:
    """The replica, each portal's article URL, and the crawl window (since, until)."""
    site, urls, days = ReplicaSite(), {}, []
    for portal_id, (name, paragraphs) in CASES.items():
        portal = get_portal(portal_id)
        expected = json.loads((GOLDEN_DIR / name.replace(".html", ".expected.json")).read_text("utf-8"))
        url, when = expected["fetched_url"], datetime.fromisoformat(expected["published_at"])
        site.add(url, Route(wire_page(GOLDEN_DIR / name, paragraphs, portal.body_selectors[0])))
        if portal.feeds:
            announce = portal.feeds[0]
            site.add(announce, Route(rss([(url, expected["title"], when)]), "application/rss+xml"))
        else:
            announce = portal.news_sitemaps[0]
            site.add(announce, Route(news_sitemap([(url, when)]), "application/xml"))
        for template in portal.index_pages:  # a window (-a since) also walks the dated index pages
            site.add(template.split("?", 1)[0], Route(index_page([url])))
        for host in {url.split("/")[2], announce.split("/")[2]}:
            site.add(f"https://{host}/robots.txt", Route(b"User-agent: *\nAllow: /\n", "text/plain"))
        urls[portal_id] = expected["url"]
        days.append(expected["published_at"][:10])
    return site, urls, (min(days), max(days))


def records(output: Path) -> dict[str, dict]:
    found = {}
    for path in sorted(output.glob("*/*/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            found[record["portal"]] = record
    return found


def crawl_in_order(tmp: Path, *settings: str) -> tuple[dict[str, str], list[subprocess.CompletedProcess]]:
    site, urls, (since, until) = wire_site()
    results = []
    with serve(site) as origin:
        for portal in ORDER:  # one process each, one after the other: the index persists between them
            window = ("-a", f"since={since}", "-a", f"until={until}")
            results.append(run_crawl(portal, origin, tmp, *window, *settings))
    for result in results:
        assert result.returncode == 0, result.stderr[-3000:]
    return urls, results


def test_three_portals_one_wire_story_share_one_story(tmp_path: Path) -> None:
    urls, _ = crawl_in_order(tmp_path)
    got = records(tmp_path / "output")
    assert set(got) == set(ORDER)
    assert len({r["story_id"] for r in got.values()}) == 1
    assert got["antaranews"]["duplicate_of"] is None
    assert got["kompas"]["duplicate_of"] == urls["antaranews"]
    assert got["tribunnews"]["duplicate_of"] == urls["antaranews"]
    assert got["antaranews"]["source_outlet"] is None  # its own wire
    assert got["kompas"]["source_outlet"] == "ANTARA News"
    assert got["tribunnews"]["source_outlet"] == "Kompas.com"
    assert not any("telah tayang" in r["body"] or "Sumber:" in r["body"] for r in got.values())
    with sqlite3.connect(tmp_path / "state" / "stories.sqlite3") as db:
        assert db.execute("SELECT COUNT(*), COUNT(DISTINCT story_id) FROM entries").fetchone() == (3, 1)


def test_drop_mode_writes_the_first_copy_only(tmp_path: Path) -> None:
    urls, results = crawl_in_order(tmp_path, "-s", "NEWSCRAWL_NEAR_DUPLICATES=drop")
    got = records(tmp_path / "output")
    assert set(got) == {"antaranews"}
    assert got["antaranews"]["story_id"] and got["antaranews"]["duplicate_of"] is None
    for result in results[1:]:
        assert "'newscrawl/dropped/near_duplicate': 1," in result.stderr
        assert f"near duplicate of {urls['antaranews']}" in result.stderr


def test_one_newscrawl_run_clusters_the_copies_of_its_own_crawls(tmp_path: Path) -> None:
    """Three portals side by side in one process share one index: which copy comes first is up to the
    crawl, but there is one story and the others point to the first."""
    site, _urls, (since, until) = wire_site()
    with serve(site) as origin:
        command = [sys.executable, "-m", "newscrawl.cli", "run", *ORDER, "--since", since, "--until", until]
        command += crawl_options(origin, tmp_path)
        env = {**os.environ, "PYTHONWARNINGS": "error::DeprecationWarning:scrapy"}
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    got = records(tmp_path / "output")
    assert set(got) == set(ORDER)
    assert len({r["story_id"] for r in got.values()}) == 1
    firsts = [r for r in got.values() if r["duplicate_of"] is None]
    assert len(firsts) == 1
    assert all(r["duplicate_of"] == firsts[0]["url"] for r in got.values() if r is not firsts[0])


def test_a_corrupt_story_index_stops_the_crawl_with_the_way_out(tmp_path: Path) -> None:
    site, _, (since, until) = wire_site()
    (tmp_path / "state").mkdir()
    (tmp_path / "state" / "stories.sqlite3").write_bytes(b"this is not a database" * 500)
    with serve(site) as origin:
        result = run_crawl("antaranews", origin, tmp_path, "-a", f"since={since}", "-a", f"until={until}")
    assert result.returncode != 0
    assert "story store" in result.stderr and "newscrawl stories --rebuild" in result.stderr
    assert not list((tmp_path / "output").glob("antaranews/*/*.jsonl"))
