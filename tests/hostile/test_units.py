"""The hostile-condition rules one by one, without a crawl: charset decoding, the DOCTYPE removal, address
checks (including DNS, which the crawl tests never reach), download fault kinds and the future-date rule."""

from __future__ import annotations

import asyncio
import socket
import time
from datetime import UTC, datetime, timedelta

import pytest
import scrapy
from scrapy.exceptions import (
    DownloadCancelledError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.utils.test import get_crawler

from newscrawl import settings as project_settings
from newscrawl.discovery.entries import parse_feed
from newscrawl.discovery.xml import strip_doctype
from newscrawl.extraction.page import decode_html
from newscrawl.items import ArticleItem
from newscrawl.middlewares.safety import (
    DownloadFaultMiddleware,
    SafeAddressMiddleware,
    fault_kind,
    literal_address,
)
from newscrawl.pipelines.normalise import NormalisePipeline

TEXT = "Kafé “Sederhana” – naïve … ‘enak’ Rp 25.000"


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (TEXT.encode("cp1252"), "text/html; charset=utf-8"),  # windows-1252 labelled UTF-8
        (TEXT.encode("cp1252"), None),  # no label at all, not UTF-8
        (b'<meta charset="windows-1252">' + TEXT.encode("cp1252"), "text/html; charset=UTF-8"),
        (TEXT.encode("utf-8"), "text/html; charset=windows-1252"),  # UTF-8 labelled windows-1252
        (TEXT.encode("utf-8"), "text/html; charset=iso-8859-1"),
        (b'<meta charset="iso-8859-1">' + TEXT.encode("utf-8"), None),
        (TEXT.encode("utf-8"), "text/html; charset=utf-8"),
        (TEXT.encode("cp1252"), "text/html; charset=windows-1252"),
    ],
)
def test_decode_html_trusts_the_bytes_over_a_wrong_label(body: bytes, content_type: str | None) -> None:
    assert TEXT in decode_html(body, content_type)


def test_decode_html_keeps_utf8_with_a_stray_bad_byte() -> None:
    text = decode_html(TEXT.encode("utf-8") + b"\xff", "text/html; charset=utf-8")
    assert text.startswith(TEXT) and text.endswith("\ufffd")


def test_decode_html_honours_a_byte_order_mark() -> None:
    assert decode_html(b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "text/html; charset=windows-1252").endswith(
        TEXT
    )


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "]>"><!-- ]> -->]><x>&a;</x>',
            b'<?xml version="1.0"?><x>&a;</x>',
        ),
        (b'<!DOCTYPE rss PUBLIC "-//Netscape//DTD RSS 0.91//EN" "http://x/rss.dtd"><rss/>', b"<rss/>"),
        (b"<!-- c --><!doctype x><x/>", b"<!-- c --><x/>"),
        (b"<x><!DOCTYPE y></x>", b"<x><!DOCTYPE y></x>"),  # not in the prolog: text, left alone
        (b'<!DOCTYPE x [<!ENTITY a "b">', b""),  # unterminated: nothing after it is trusted
        (b"<rss/>", b"<rss/>"),
    ],
)
def test_strip_doctype(data: bytes, expected: bytes) -> None:
    assert strip_doctype(data) == expected


def test_a_feed_with_an_entity_bomb_keeps_its_entries() -> None:
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    feed = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">{laughs}]><rss><channel>'
        "<item><title>&l9;</title><link>https://news.detik.com/berita/d-1/a</link></item>"
        "<item><link>https://news.detik.com/berita/d-2/b</link></item></channel></rss>"
    ).encode()
    started = time.monotonic()
    entries = parse_feed(feed, "https://news.detik.com/rss")
    assert [e.url for e in entries] == [
        "https://news.detik.com/berita/d-1/a",
        "https://news.detik.com/berita/d-2/b",
    ]
    assert time.monotonic() - started < 1


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("127.0.0.1", "127.0.0.1"),
        ("127.1", "127.0.0.1"),
        ("2130706433", "127.0.0.1"),
        ("0x7f000001", "127.0.0.1"),
        ("[::1]", "::1"),
        ("news.detik.com", None),
        ("1.example", None),
    ],
)
def test_literal_address(host: str, expected: str | None) -> None:
    address = literal_address(host)
    assert (str(address) if address else None) == expected


def middleware(**settings: object) -> SafeAddressMiddleware:
    return SafeAddressMiddleware.from_crawler(get_crawler(scrapy.Spider, settings))


def refused(mw: SafeAddressMiddleware, url: str) -> bool:
    try:
        asyncio.run(mw.process_request(scrapy.Request(url)))
    except IgnoreRequest:
        return True
    return False


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080/admin",
        "http://10.0.0.5/",
        "http://172.16.0.1/",
        "http://172.31.255.254/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[fe80::1]/",
        "http://[fc00::1]/",
        "http://0.0.0.0/",
        "http://100.64.0.1/",
        "http://224.0.0.1/",
        "http://localhost/",
        "http://api.localhost/",
        "http://127.1/",
        "http://0x7f000001/",
    ],
)
def test_private_addresses_are_refused_by_default(url: str) -> None:
    assert refused(middleware(), url)


def test_public_addresses_pass() -> None:
    mw = middleware(NEWSCRAWL_ORIGIN_MAP={"*": "http://127.0.0.1:1"})  # no DNS lookups in tests
    assert not refused(mw, "http://8.8.8.8/")
    assert not refused(mw, "https://news.detik.com/berita/d-1/x")
    assert not refused(mw, "http://172.32.0.1/")  # just outside 172.16/12


def test_loopback_is_allowed_only_for_the_listed_host_and_port() -> None:
    assert project_settings.NEWSCRAWL_ALLOW_PRIVATE_HOSTS == []  # production allows none
    mw = middleware(NEWSCRAWL_ALLOW_PRIVATE_HOSTS=["127.0.0.1:8123"])
    assert not refused(mw, "http://127.0.0.1:8123/news.detik.com/rss")
    assert refused(mw, "http://127.0.0.1:8124/")
    assert refused(mw, "http://localhost:8123/")
    assert refused(mw, "http://127.0.0.1/")
    assert mw.crawler.stats.get_value("newscrawl/refused/private_address") == 3


def test_names_that_resolve_to_private_addresses_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    answers = {
        "intranet.example": "10.1.2.3",
        "rebind.example": "127.0.0.1",
        "public.example": "93.184.216.34",
    }
    asked: list[str] = []

    def getaddrinfo(host: str, port: object, *args: object, **kw: object) -> list:
        asked.append(host)
        if host == "slow.example":
            time.sleep(1.5)
        if host not in answers:
            raise socket.gaierror(socket.EAI_NONAME, "not known")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (answers[host], 443))]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    mw = middleware()
    mw.resolve_timeout = 0.3
    assert refused(mw, "https://intranet.example/berita/d-1/x")
    assert refused(mw, "https://rebind.example/")
    assert not refused(mw, "https://public.example/")
    assert not refused(mw, "https://unknown.example/")  # fails to resolve: the download fails by itself

    async def slow() -> float:  # a slow resolver does not hold the request past the timeout
        started = time.monotonic()
        await mw.process_request(scrapy.Request("https://slow.example/"))
        return time.monotonic() - started

    assert asyncio.run(slow()) < 1.0
    assert refused(mw, "https://intranet.example/other")  # cached: asked once
    assert asked.count("intranet.example") == 1
    mapped = middleware(NEWSCRAWL_ORIGIN_MAP={"intranet.example": "http://127.0.0.1:1"})
    assert not refused(mapped, "https://intranet.example/")  # the mirror answers, not the name


@pytest.mark.parametrize(
    ("exception", "kind"),
    [
        (DownloadTimeoutError("took longer"), "timeout"),
        (DownloadCancelledError("max size"), "too_large"),
        (ResponseDataLossError("lost"), "truncated"),
        (DownloadFailedError("reset"), "connection_lost"),
        (IgnoreRequest("refused"), None),
        (ValueError("?"), "other"),
    ],
)
def test_fault_kind(exception: Exception, kind: str | None) -> None:
    assert fault_kind(exception) == kind


def test_normalise_nulls_a_date_more_than_a_day_ahead() -> None:
    crawler = get_crawler(scrapy.Spider, {"NEWSCRAWL_RUN_ID": "20260101T000000Z-abc123"})
    pipeline = NormalisePipeline.from_crawler(crawler)
    ahead = (datetime.now(UTC) + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%S+00:00")
    soon = (datetime.now(UTC) + timedelta(hours=20)).strftime("%Y-%m-%dT%H:%M:%S+00:00")
    item = ArticleItem(
        url="https://news.detik.com/berita/d-1/a",
        portal="detik",
        title="t",
        body="b",
        published_at=ahead,
        published_at_raw=ahead,
        modified_at=ahead,
    )
    pipeline.process_item(item)
    assert (item.published_at, item.modified_at, item.published_at_raw) == (None, None, ahead)
    kept = ArticleItem(url="https://news.detik.com/berita/d-2/b", portal="detik", title="t", body="b")
    kept.published_at = soon
    pipeline.process_item(kept)
    assert kept.published_at == soon
    assert crawler.stats.get_value("newscrawl/dates/future") == 1


def test_a_download_failure_without_a_reason_is_given_one() -> None:
    crawler = get_crawler(scrapy.Spider, {"DOWNLOAD_MAXSIZE": 1000})
    mw = DownloadFaultMiddleware.from_crawler(crawler)
    request = scrapy.Request("https://news.detik.com/berita/d-1/a")
    with pytest.raises(DownloadCancelledError, match=r"larger than DOWNLOAD_MAXSIZE \(1000 bytes\)"):
        mw.process_exception(request, DownloadCancelledError())
    with pytest.raises(ResponseDataLossError, match="shorter than its Content-Length"):
        mw.process_exception(request, ResponseDataLossError())
    assert mw.process_exception(request, DownloadTimeoutError("took longer than 2 s")) is None
    assert mw.process_exception(request, IgnoreRequest()) is None
    assert crawler.stats.get_value("newscrawl/download_errors/too_large") == 1
    assert crawler.stats.get_value("newscrawl/download_errors/timeout") == 1
