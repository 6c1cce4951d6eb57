"""A hardened XML parser for feeds and sitemaps from the open web.

No entity is expanded (billion laughs, external entities), no DTD or network access, no huge trees;
broken markup is recovered as far as possible instead of failing the whole document.
"""

from __future__ import annotations

from lxml import etree

_PARSER_OPTIONS = dict(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    huge_tree=False,
    recover=True,
    remove_comments=True,
    remove_pis=True,
)


def parse_xml(data: bytes) -> etree._Element | None:
    """Root element of ``data``, or None when nothing usable could be parsed."""
    if not data or not data.strip():
        return None
    parser = etree.XMLParser(**_PARSER_OPTIONS)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError:
        return None
    return root


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
