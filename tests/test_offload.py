"""Extraction in worker processes (NEWSCRAWL_EXTRACT_PROCESSES) gives the records inline extraction gives."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest

from newscrawl.extraction.core import FetchedPage, NotAnArticle, extract_article
from newscrawl.portals import get_portal
from newscrawl.spiders.offload import ExtractionPool
from tests.golden.regenerate import GOLDEN_DIR

ARTICLE = GOLDEN_DIR / "detik" / "news_banjir_2025_03_04.html"
GALLERY = GOLDEN_DIR / "detik" / "foto_galeri_2025_03_05.html"
URL = "https://news.detik.com/berita/d-7805512/banjir-rendam-12-rt-di-jakarta-timur-warga-mengungsi-ke-masjid"


def test_worker_extraction_equals_inline_and_rejections_cross_the_process_boundary() -> None:
    portal = get_portal("detik")
    pool = ExtractionPool(processes=1)
    try:
        item = asyncio.run(pool.extract([FetchedPage(URL, ARTICLE.read_bytes())], portal))
        with pytest.raises(NotAnArticle, match="photo gallery"):
            asyncio.run(pool.extract([FetchedPage(URL, GALLERY.read_bytes())], portal))
    finally:
        pool.close()
    inline = extract_article([FetchedPage(URL, ARTICLE.read_bytes())], portal)
    assert replace(item, crawled_at=None) == replace(inline, crawled_at=None)
