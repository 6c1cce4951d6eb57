"""Record fields other than the body, read structured data first and the visible page second."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from newscrawl.extraction.dates import format_wib, parse_iso, parse_visible_with_precision, reconcile, to_wib
from newscrawl.extraction.page import ParsedPage, clean_text
from newscrawl.extraction.rules import MetadataRules

GENERIC_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "publishdate",
    "pubdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "parsely-pub-date",
    "sailthru.date",
)
GENERIC_MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "lastmod")
_TITLE_SUFFIX = re.compile(r"\s+(?:::|[-|–—:•»])\s*[^-|–—:•»]{2,40}$")
_LOCAL_OFFSET = re.compile(r"[+-](?!00:?00)\d{2}:?\d{2}\s*$")
_TRAILING_HASHTAGS = re.compile(r"(\s+#\w+)+\s*$")
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\||/|\bdan\b|\band\b)\s*", re.I)
_BYLINE_LABEL = re.compile(
    r"^(oleh|penulis|reporter|editor|pewarta|redaktur|laporan wartawan|kontributor|penyunting|rep|red|by)"
    r"\b[\s:.-]*",
    re.I,
)
_NOT_A_NAME = re.compile(
    r"(\.com|\.co\.id|\.id\b|https?:|www\.|\bdetik\w*|\bkompas\b|cnn indonesia|cnbc indonesia|\bredaksi\b|"
    r"\btim\b|\badmin\b|\bnewsroom\b|\bwartawan\b|\bmedia\b|\bnews\b|\bonline\b|\bcyber\b|\bfoto\b|\bvideo\b)",
    re.I,
)
_MAX_NAME_WORDS = 6
# A day name glued after a byline by the page header ("Siti Nurhaliza Jumat, 11 Juli 2025").
_TRAILING_DAY = re.compile(r"\s+(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu)\s*$", re.I)


def strip_site_suffix(title: str, portal: MetadataRules | None, brands: tuple[str, ...] = ()) -> str:
    """Remove a trailing " - Site.com" / " | Portal" / " :: Portal News" that names the site (a brand of the
    portal, ``brands`` such as the page's ``og:site_name``, or a domain), never a part of the headline."""
    match = _TITLE_SUFFIX.search(title)
    if not match:
        return title
    tail = match.group(0).lower()
    names = [b.lower() for b in (*(portal.site_names if portal else ()), *brands) if b]
    if any(b in tail for b in names) or re.search(r"\.(com|id|co\.id|net)\b|halaman\s+\w+", tail):
        return title[: match.start()].strip()
    return title


def _site_brands(page: ParsedPage) -> tuple[str, ...]:
    """The site's own names as its meta tags give them (og:site_name, application-name)."""
    return tuple(v for v in (page.meta_first("og:site_name"), page.meta_first("application-name")) if v)


def title(page: ParsedPage, portal: MetadataRules | None) -> str | None:
    """The visible headline, cross-checked against the structured ones (JSON-LD ``headline``, ``og:title``,
    ``<title>``): a visible ``h1`` that is only a section or site label ("Nasional", "News") gives way to the
    structured headline. Site suffixes are removed from whichever is chosen."""
    brands = _site_brands(page)
    selectors = portal.title_selectors if portal else ("h1",)
    visible = next(iter(page.texts(selectors)), "")
    structured = [
        clean_text(str(page.article_ld.get("headline") or "")),
        page.meta_first("og:title", "twitter:title") or "",
        clean_text(page.doc.findtext(".//title")),
    ]
    structured = [strip_site_suffix(t, portal, brands) for t in structured if t]
    if visible and not _is_label(
        visible, structured, page, (*(portal.site_names if portal else ()), *brands)
    ):
        return strip_site_suffix(visible, portal, brands)
    return structured[0] if structured else (strip_site_suffix(visible, portal, brands) or None)


_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


_LABEL_WORDS = 4
"""A section or site label is a few words; a headline is longer."""


def _is_label(visible: str, headlines: list[str], page: ParsedPage, brands: tuple[str, ...]) -> bool:
    """A visible heading that is a section, channel or site label rather than the headline: a few words
    that name the section or the site, or share nothing with a structured headline twice as long."""
    words = _words(visible)
    if len(words) > _LABEL_WORDS:
        return False
    labels = {" ".join(_words(v)) for v in (*brands, section(page, None) or "")} - {""}
    if " ".join(words) in labels:
        return True
    longer = [h for h in headlines if len(_words(h)) >= 2 * len(words)]
    return bool(longer) and not any(set(words) & set(_words(h)) - {"news"} for h in longer)


def description(page: ParsedPage) -> str | None:
    value = page.meta_first("description", "og:description", "twitter:description")
    value = value or clean_text(str(page.article_ld.get("description") or ""))
    return _TRAILING_HASHTAGS.sub("", value) or None  # kumparan appends "#news #update" to shares


def person_names(raw: list[str], portal: MetadataRules | None) -> list[str]:
    """Split bylines into names; drop labels, brands, desk codes and duplicates."""
    brands = tuple(b.lower() for b in (portal.site_names if portal else ()))
    names: list[str] = []
    for text in raw:
        text = re.sub(r"\s+-\s*\S*$", "", clean_text(text))  # "Vidya Pinandhita - detikHealth"
        for part in _NAME_SPLIT.split(text):
            name = _TRAILING_DAY.sub("", _BYLINE_LABEL.sub("", part)).strip(" .,:-–()[]")
            if (
                re.search(r"\d", name)
                or not name
                or len(name.split()) > _MAX_NAME_WORDS
                or _NOT_A_NAME.search(name)
                or any(b in name.lower() for b in brands)
                or not re.search(r"[A-Za-z]{2}", name)
                or re.fullmatch(r"[a-z]{1,5}", name)
            ):
                continue
            if name.lower() not in (n.lower() for n in names):
                names.append(name)
    return names


def _ld_person_names(value: object) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, dict):
            names.append(str(item.get("name") or ""))
        elif isinstance(item, str):
            names.append(item)
    return [n for n in names if n.strip()]


def _meta_names(page: ParsedPage, names: tuple[str, ...], portal: MetadataRules | None) -> list[str]:
    return person_names([v for name in names for v in page.meta.get(name.lower(), [])], portal)


def authors(page: ParsedPage, portal: MetadataRules | None) -> list[str]:
    if portal and (found := _meta_names(page, portal.author_meta, portal)):
        return found
    if portal and portal.author_selectors:
        found = person_names(page.texts(portal.author_selectors), portal)
        if found:
            return found
    if portal is None or portal.author_from_jsonld:
        found = person_names(_ld_person_names(page.article_ld.get("author")), portal)
        if found:
            return found
        found = person_names([page.meta_first("author", "dtk:author", "parsely-author") or ""], portal)
        if found:
            return found
    if portal is None or not _has_any(page, portal):  # no rule of the portal matched this page at all
        return person_names(byline_texts(page)[:_BYLINE_CANDIDATES], portal)
    return []


def _has_any(page: ParsedPage, portal: MetadataRules) -> bool:
    """Whether any of the portal's byline rules matches the page at all (then an empty byline is real)."""
    return bool(page.select(portal.author_selectors)) or any(
        page.meta.get(n.lower()) for n in portal.author_meta
    )


_BYLINE_HINT = re.compile(r"author|penulis|reporter|byline|writer|wartawan|pewarta|kontributor", re.I)
_EDITOR_HINT = re.compile(r"editor|redaktur|penyunting", re.I)
_PHOTO_HINT = re.compile(r"photo|foto|caption|image|gambar", re.I)
_AUTHOR_LINK = re.compile(r"/(?:penulis|author|reporter|profile/penulis)/[\w-]+", re.I)
_BYLINE_TEXT = re.compile(r"^(oleh|penulis|reporter|pewarta|laporan wartawan|kontributor)\b\s*:?\s*\S", re.I)
_MAX_BYLINE_TEXT = 120
_BYLINE_CANDIDATES = 3


def byline_texts(page: ParsedPage) -> list[str]:
    """Where a page no rule knows names its writers: elements whose class, id, ``itemprop`` or ``rel``
    speaks of an author, then labelled lines ("Penulis: ...", "Oleh ...") right after the headline."""
    found = []
    for el in page.doc.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "meta", "link", "html", "body"):
            continue
        hint = " ".join(v for k, v in el.attrib.items() if k not in ("href", "src", "content", "style"))
        is_author_link = el.tag == "a" and _AUTHOR_LINK.search(el.get("href") or "")
        if not (is_author_link or _BYLINE_HINT.search(hint)) or _EDITOR_HINT.search(hint):
            continue
        if _PHOTO_HINT.search(hint) or any(a.tag in ("figure", "figcaption") for a in el.iterancestors()):
            continue  # a photographer's credit, not the byline
        text = clean_text(el.text_content())
        if len(text) <= _MAX_BYLINE_TEXT and not _EDITOR_HINT.match(text):
            found.append(text)
    headline = next(page.doc.iter("h1"), None)
    if headline is not None:
        texts = (clean_text(t) for t in headline.xpath("following::text()[normalize-space()]"))
        found += [t for t, _ in zip(texts, range(_HEADER_TEXTS), strict=False) if _BYLINE_TEXT.match(t)]
    return [t for t in found if t]


def editors(page: ParsedPage, portal: MetadataRules | None) -> list[str]:
    if portal and (found := _meta_names(page, portal.editor_meta, portal)):
        return found
    if portal and portal.editor_selectors:
        return person_names(page.texts(portal.editor_selectors), portal)
    return []


def _first_parsed(page: ParsedPage, names: tuple[str, ...]) -> tuple[str | None, object]:
    for name in names:
        raw = page.meta_first(name)
        if raw and (value := parse_iso(raw)):
            return raw, value
    return None, None


def published(page: ParsedPage, portal: MetadataRules | None) -> tuple[str | None, str | None]:
    """(ISO time in WIB, the raw string chosen).

    JSON-LD first, then meta tags; the visible date is the cross-check (see ``dates.reconcile``).
    """
    raw_structured, structured = None, None
    ld_value = page.article_ld.get("datePublished")
    if isinstance(ld_value, str) and (value := parse_iso(ld_value)):
        raw_structured, structured = ld_value, value
    if structured is None:
        names = (*(portal.published_meta if portal else ()), *GENERIC_PUBLISHED_META)
        raw_structured, structured = _first_parsed(page, names)
    if structured is None:  # HTML5 <time datetime="..."> is structured data too
        for time_el in page.doc.iter("time"):
            if (value := (time_el.get("datetime") or "").strip()) and (parsed := parse_iso(value)):
                raw_structured, structured = value, parsed
                break
    visible, visible_raw, has_time = None, None, False
    texts = page.texts(portal.date_selectors if portal else ())
    if not texts and structured is None:
        texts = _dateline_texts(page)  # no rule, no structured date: read the page header as a person would
    for text in texts:
        visible, has_time = parse_visible_with_precision(text)
        if visible:
            visible_raw = text
            break
    chosen = reconcile(structured, visible, has_time)  # type: ignore[arg-type]
    if chosen is visible and structured is not None and _LOCAL_OFFSET.search(raw_structured or ""):
        # A whole-hour gap proves a mislabelled zone only when the structured time claims UTC or no zone;
        # against a time with its own local offset, the visible date is more likely an "updated" line.
        chosen = structured
    if chosen is None:
        return None, None
    raw = visible_raw if chosen is visible and chosen is not structured else raw_structured
    return format_wib(chosen), raw


_DATE_HINT = re.compile(r"date|time|tanggal|tgl|publish|posted|waktu", re.I)
_HEADER_TEXTS = 40
"""Text nodes read after the headline when looking for a visible date on a page no rule knows."""
_MAX_DATE_TEXT = 120


def _dateline_texts(page: ParsedPage) -> list[str]:
    """Where a page no rule knows shows its date: ``<time>`` elements, elements whose class or id speaks of a
    date, then the text right after the headline; short texts only, in that order."""
    found = [clean_text(t.text_content()) for t in page.doc.iter("time")]
    for el in page.doc.iter():
        if isinstance(el.tag, str) and el.tag not in ("script", "style", "meta", "time", "html", "body"):
            hint = f"{el.get('class') or ''} {el.get('id') or ''} {el.get('itemprop') or ''}"
            if _DATE_HINT.search(hint):
                found.append(clean_text(el.text_content()))
    headline = next(page.doc.iter("h1"), None)
    if headline is not None:
        texts = (clean_text(t) for t in headline.xpath("following::text()[normalize-space()]"))
        found += [t for t, _ in zip(texts, range(_HEADER_TEXTS), strict=False)]
    texts = [_published_part(t) for t in found if t and len(t) <= _MAX_DATE_TEXT]
    return sorted(texts, key=lambda t: bool(_UPDATED.search(t)))  # "Diperbarui ..." after the rest


_PUBLISHED_LABEL = re.compile(r"\b(diterbitkan|terbit|dipublikasikan|published|tayang)\b", re.I)
_UPDATED = re.compile(r"\b(diperbarui|updated?|pembaruan)\b", re.I)


def _published_part(text: str) -> str:
    """From a header line naming both times, the part after the publication label."""
    match = _PUBLISHED_LABEL.search(text)
    return text[match.start() :] if match and _UPDATED.search(text) else text


def modified(page: ParsedPage, portal: MetadataRules | None, published_iso: str | None) -> str | None:
    value = None
    ld_value = page.article_ld.get("dateModified")
    if isinstance(ld_value, str):
        value = parse_iso(ld_value)
    if value is None:
        _raw, value = _first_parsed(page, (*(portal.modified_meta if portal else ()), *GENERIC_MODIFIED_META))
    if value is None:
        return None
    iso = format_wib(to_wib(value))  # type: ignore[arg-type]
    # A page cannot be modified before it was published (Media Indonesia writes such pairs).
    if published_iso and iso and iso < published_iso:
        return published_iso
    return iso


def section(page: ParsedPage, portal: MetadataRules | None) -> str | None:
    if portal and (value := page.meta_first(*portal.section_meta)):
        return value
    if portal:
        found = page.texts(portal.section_selectors)
        if found:
            return found[-1]
    value = page.article_ld.get("articleSection")
    if isinstance(value, list):
        value = value[0] if value else None
    if value:
        return clean_text(str(value)) or None
    return page.meta_first("article:section") or _breadcrumb_section(page) or _visible_breadcrumb(page)


def _visible_breadcrumb(page: ParsedPage) -> str | None:
    """The last link of a visible breadcrumb trail after the home link (a page no rule or data covers)."""
    for trail in page.doc.xpath("//*[contains(@class, 'breadcrumb')][.//a]"):
        names = [clean_text(a.text_content()) for a in trail.iter("a")][1:]
        if names and names[-1] and len(names[-1].split()) <= _LABEL_WORDS:
            return names[-1]
    return None


def _breadcrumb_section(page: ParsedPage) -> str | None:
    """The deepest JSON-LD BreadcrumbList item that is neither the home page nor the article itself."""
    for obj in page.jsonld:
        if obj.get("@type") != "BreadcrumbList" or not isinstance(obj.get("itemListElement"), list):
            continue
        items = [i for i in obj["itemListElement"] if isinstance(i, dict)]
        items.sort(key=lambda i: i.get("position") if isinstance(i.get("position"), int) else 0)
        headline = clean_text(str(page.article_ld.get("headline") or "")).lower()
        names = [
            clean_text(
                str(
                    i.get("name") or (i.get("item") or {}).get("name", "")
                    if isinstance(i.get("item"), dict)
                    else i.get("name") or ""
                )
            )
            for i in items
        ]
        names = [n for n in names[1:] if n and n.lower() != headline]
        if names:
            return names[-1]
    return None


def _split_keywords(value: object) -> list[str]:
    if isinstance(value, list):
        return [clean_text(str(v)) for v in value]
    return [clean_text(v) for v in str(value or "").split(",")]


def tags(page: ParsedPage, portal: MetadataRules | None) -> list[str]:
    found = page.texts(portal.tag_selectors) if portal else []
    if not found:
        found = [clean_text(t) for t in page.meta.get("article:tag", [])]
    if not found:
        found = _split_keywords(
            page.meta_first("news_keywords", "keywords") or page.article_ld.get("keywords")
        )
    unique: list[str] = []
    for tag in (t.lstrip("#").strip() for t in found):
        if tag and tag.lower() not in (t.lower() for t in unique):
            unique.append(tag)
    return unique


def image_url(page: ParsedPage) -> str | None:
    value = page.meta_first("og:image", "og:image:url", "twitter:image")
    if not value:
        image = page.article_ld.get("image")
        image = image[0] if isinstance(image, list) and image else image
        value = image.get("url") if isinstance(image, dict) else image
    if isinstance(value, str) and value.strip():
        absolute = urljoin(page.url, value.strip())
        return absolute if absolute.startswith(("http://", "https://")) else None
    return None


def image_caption(page: ParsedPage, portal: MetadataRules | None) -> str | None:
    found = page.texts(portal.caption_selectors) if portal else []
    if found:
        return found[0]
    image = page.article_ld.get("image")
    if isinstance(image, dict) and image.get("caption"):
        return clean_text(str(image["caption"])) or None
    return None
