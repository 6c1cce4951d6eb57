"""A fetched HTML page parsed once: the lxml tree, its meta tags and its JSON-LD objects."""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from urllib.parse import urljoin

import lxml.html
from lxml.cssselect import CSSSelector
from lxml.etree import ParserError
from w3lib.encoding import html_body_declared_encoding, html_to_unicode

ARTICLE_TYPES = frozenset(
    {
        "NewsArticle",
        "Article",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "BlogPosting",
        "ReviewNewsArticle",
        "Report",
        "LiveBlogPosting",
    }
)
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_WS = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def _cached_css(selector: str) -> CSSSelector:
    return CSSSelector(selector)


def css(selector: str) -> CSSSelector:
    """A compiled CSS selector; compiling costs far more than matching, so each is compiled once.

    Except ``:contains()``: lxml evaluates it through an extension function that breaks when a compiled
    selector outlives the first document it matched, so those are compiled per use.
    """
    return CSSSelector(selector) if ":contains(" in selector else _cached_css(selector)


class UnreadablePage(Exception):
    """The input cannot be decoded or parsed as HTML."""


def clean_text(text: str | None) -> str:
    """Collapse whitespace (including NBSP and zero-width characters) to single spaces."""
    if not text:
        return ""
    text = text.replace("\u200b", "").replace("\u200c", "").replace("\ufeff", "")
    return _WS.sub(" ", _CONTROL_CHARS.sub("", text)).strip()


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Bytes to text using the BOM, the HTTP header, then the page's own meta charset, unless the bytes
    contradict the label: a page labelled UTF-8 that is mostly not UTF-8 is read in its meta charset (or
    windows-1252), and a page labelled with a single-byte charset whose bytes are UTF-8 is read as UTF-8.
    """
    encoding, text = html_to_unicode(content_type, body)
    if body.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return text
    name = codecs.lookup(encoding).name
    if name == "utf-8" and "\ufffd" in text:
        return text if _mostly_utf8(text, body) else _decode_legacy(body)
    if name.startswith(_SINGLE_BYTE) and not body.isascii():
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            return text
    return text


_SINGLE_BYTE = ("cp125", "iso8859", "latin", "ascii", "windows-125")


def _mostly_utf8(text: str, body: bytes) -> bool:
    """More valid non-ASCII UTF-8 characters than invalid sequences: a UTF-8 page with a few bad bytes."""
    invalid = text.count("\ufffd") - body.count(b"\xef\xbf\xbd")  # U+FFFD the page itself contains
    valid = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    return valid > invalid


def _decode_legacy(body: bytes) -> str:
    declared = html_body_declared_encoding(body)
    if not declared or codecs.lookup(declared).name == "utf-8":
        declared = "cp1252"
    return body.decode(declared, errors="replace")


@dataclass
class ParsedPage:
    url: str
    doc: lxml.html.HtmlElement
    meta: dict[str, list[str]] = field(default_factory=dict)
    jsonld: list[dict] = field(default_factory=list)

    def meta_first(self, *names: str) -> str | None:
        for name in names:
            for value in self.meta.get(name.lower(), ()):
                value = clean_text(value)
                if value:
                    return value
        return None

    @cached_property
    def article_ld(self) -> dict:
        """The first JSON-LD object typed as an article, or an empty dict."""
        for obj in self.jsonld:
            types = obj.get("@type")
            types = types if isinstance(types, list) else [types]
            if any(t in ARTICLE_TYPES for t in types if isinstance(t, str)):
                return obj
        return {}

    @cached_property
    def ld_types(self) -> set[str]:
        found: set[str] = set()
        for obj in self.jsonld:
            types = obj.get("@type")
            for t in types if isinstance(types, list) else [types]:
                if isinstance(t, str):
                    found.add(t)
        return found

    @cached_property
    def canonical(self) -> str | None:
        for href in self.doc.xpath("//link[@rel='canonical']/@href"):
            if href.strip():
                return urljoin(self.url, href.strip())
        og_url = self.meta_first("og:url")
        return urljoin(self.url, og_url) if og_url else None

    def select(self, selectors: tuple[str, ...], root: lxml.html.HtmlElement | None = None) -> list:
        """Elements matched by the first selector (CSS) that matches anything."""
        root = self.doc if root is None else root
        for selector in selectors:
            found = css(selector)(root)
            if found:
                return found
        return []

    def texts(self, selectors: tuple[str, ...]) -> list[str]:
        return [t for t in (clean_text(e.text_content()) for e in self.select(selectors)) if t]


def _collect_meta(doc: lxml.html.HtmlElement) -> dict[str, list[str]]:
    meta: dict[str, list[str]] = {}
    for el in doc.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop")
        content = el.get("content")
        if key and content is not None:
            meta.setdefault(key.strip().lower(), []).append(content)
    return meta


def _flatten_ld(value: object, out: list[dict]) -> None:
    if isinstance(value, list):
        for v in value:
            _flatten_ld(v, out)
    elif isinstance(value, dict):
        out.append(value)
        if "@graph" in value:
            _flatten_ld(value["@graph"], out)


def _collect_jsonld(doc: lxml.html.HtmlElement) -> list[dict]:
    objects: list[dict] = []
    for script in doc.xpath("//script[@type='application/ld+json']"):
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            try:  # portals leave raw newlines and trailing commas in JSON-LD
                data = json.loads(re.sub(r",\s*([}\]])", r"\1", _CONTROL_CHARS.sub(" ", raw)), strict=False)
            except ValueError:
                continue
        _flatten_ld(data, objects)
    return objects


def parse_page(html: str | bytes, url: str, content_type: str | None = None) -> ParsedPage:
    """Parse one HTML page; raises :class:`UnreadablePage` when it is not HTML at all."""
    if isinstance(html, bytes):
        html = decode_html(html, content_type)
    html = html.lstrip("\ufeff")
    if not html.strip():
        raise UnreadablePage("empty document")
    if "\x00" in html[:1024]:
        raise UnreadablePage("binary data, not HTML")
    try:
        doc = lxml.html.document_fromstring(html)
    except (ParserError, ValueError) as exc:
        raise UnreadablePage(f"cannot parse HTML: {exc}") from exc
    return ParsedPage(url=url, doc=doc, meta=_collect_meta(doc), jsonld=_collect_jsonld(doc))
