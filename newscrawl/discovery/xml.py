"""A hardened XML parser for feeds and sitemaps from the open web.

No entity is expanded (billion laughs, external entities), no DTD or network access, no huge trees;
broken markup is recovered as far as possible instead of failing the whole document. The document type
declaration is removed before parsing: feeds and sitemaps need none, and libxml2 gives up on the whole
document (every good entry with it) when an entity bomb declared there is referenced.
"""

from __future__ import annotations

import logging
import re

from lxml import etree

logger = logging.getLogger(__name__)
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.I)

_PARSER_OPTIONS = dict(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    huge_tree=False,
    recover=True,
    remove_comments=True,
    remove_pis=True,
)


def parse_xml(data: bytes, source: str = "") -> etree._Element | None:
    """Root element of ``data``, or None when nothing usable could be parsed.

    Entity declarations (removed with the document type declaration) are named in the log, with
    ``source`` (the document's URL): a feed or sitemap has no use for them.
    """
    if not data or not data.strip():
        return None
    span = doctype_span(data)
    if span is not None:
        if _ENTITY_DECLARATION.search(data, *span):
            logger.warning("Entity declarations in %s removed, none expanded", source or "an XML document")
        data = data[: span[0]] + data[span[1] :]
    parser = etree.XMLParser(**_PARSER_OPTIONS)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError:
        return None
    return root


def strip_doctype(data: bytes) -> bytes:
    """``data`` without its ``<!DOCTYPE ...>`` declaration and internal subset (entity declarations)."""
    span = doctype_span(data)
    return data if span is None else data[: span[0]] + data[span[1] :]


def doctype_span(data: bytes) -> tuple[int, int] | None:
    """Where the document type declaration is (start, end), or None.

    Only the prolog is looked at (before the root element); quoted strings and comments in the internal
    subset cannot end it early. An unterminated declaration runs to the end of the document.
    """
    pos = 0
    while (start := data.find(b"<", pos)) != -1:
        if data.startswith(b"<?", start):
            pos = _after(data, b"?>", start)
        elif data.startswith(b"<!--", start):
            pos = _after(data, b"-->", start)
        elif data[start : start + 9].upper() == b"<!DOCTYPE":
            return start, _doctype_end(data, start + 9)
        else:
            break  # the root element: no declaration
    return None


def _after(data: bytes, token: bytes, start: int) -> int:
    end = data.find(token, start)
    return len(data) if end == -1 else end + len(token)


def _doctype_end(data: bytes, pos: int) -> int:
    """Index just past the ``>`` closing a declaration whose body starts at ``pos``."""
    quote, subset = 0, False
    while pos < len(data):
        byte = data[pos]
        if quote:
            quote = 0 if byte == quote else quote
        elif byte in b"\"'":
            quote = byte
        elif subset and data.startswith(b"<!--", pos):
            pos = _after(data, b"-->", pos)
            continue
        elif byte == ord("["):
            subset = True
        elif byte == ord("]"):
            subset = False
        elif byte == ord(">") and not subset:
            return pos + 1
        pos += 1
    return len(data)


def local_name(el: etree._Element) -> str:
    tag = el.tag
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def child_text(el: etree._Element, *names: str) -> str | None:
    """Text of the first direct child with one of these local names (namespace ignored)."""
    wanted = set(names)
    for child in el:
        if local_name(child) in wanted:
            text = "".join(child.itertext()).strip()
            if text:
                return text
    return None
