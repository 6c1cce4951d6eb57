"""Syndication notes: which other outlet an article comes from, read from the body before the note goes.

Indonesian portals republish each other's and the wire's copy and say so inside the body, in a few shapes
of note: "Artikel ini telah tayang di <outlet> dengan judul ...", "Artikel ini telah naik di <outlet>.",
"Sumber: <outlet>", "Baca artikel <outlet>, ... selengkapnya ..." or "Baca artikel ... di <outlet>", and a
wire credit in parentheses at the end of a paragraph ("(ant)",
"(Antara)", "(Reuters)"). :func:`take_notes` reads those lines, removes them from the body (every form it
knows, whoever it names) and gives the outlet, normalised: the registry's display name for the portals
newscrawl crawls (any desk of the network: ``detikSumut`` is ``detikcom``, ``TribunSolo.com`` is
``Tribunnews.com``), the agency's usual name for the wires, else the name as written when it looks like a
site (``Grid.id``). A dateline naming another outlet ("Jakarta (ANTARA) - ") counts as well but stays in
the body: it is part of the first paragraph. The portal's own name is never a source outlet, and neither
is a photo credit ("Sumber: Antara Foto"; "(merdeka.com/Ardi Wibowo)" credits a photographer as often as a
reporter, so that shape is left to the shared noise rules).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newscrawl.portals.base import Portal

# How each portal of the registry is named in other outlets' notes: brand, domain, regional desks.
_PORTAL_BRANDS: dict[str, str] = {
    "antaranews": r"antara(?:news)?(?:\.com)?|(?:lkbn|kantor\s+berita)\s+antara|ant",
    "bisnis": r"bisnis\.com|bisnis\s+indonesia",
    "cnbcindonesia": r"cnbc\s*indonesia(?:\.com)?",
    "cnnindonesia": r"cnn\s*indonesia(?:\.com)?",
    "detik": r"detik[a-z]*(?:\.com)?",
    "idntimes": r"idn\s*times(?:\.com)?",
    "inews": r"inews(?:\.id)?",
    "jpnn": r"jpnn(?:\.com)?",
    "kompas": r"kompas(?:\.com)?",
    "kontan": r"kontan(?:\.co\.id)?",
    "kumparan": r"kumparan(?:\.com)?",
    "liputan6": r"liputan\s*6(?:\.com)?",
    "mediaindonesia": r"media\s*indonesia(?:\.com)?",
    "merdeka": r"merdeka\.com",
    "okezone": r"okezone(?:\.com)?",
    "republika": r"republika(?:\.co\.id)?",
    "sindonews": r"sindo(?:news)?(?:\.com)?",
    "suara": r"suara\.com",
    "tempo": r"tempo(?:\.co)?",
    "tirto": r"tirto(?:\.id)?",
    "tribunnews": r"tribun[a-z]*(?:\.com)?",
    "viva": r"viva(?:\.co\.id)?",
}
# Outlets outside the registry that Indonesian portals credit most: the wires and a few newsrooms.
_OTHER_OUTLETS: dict[str, str] = {
    "Kompas.id": r"kompas\.id|harian\s+kompas",
    "KompasTV": r"kompas\s*tv",
    "Reuters": r"reuters",
    "AFP": r"afp|agence\s+france[-\s]presse",
    "AP": r"ap|associated\s+press",
    "Xinhua": r"xinhua",
    "Bernama": r"bernama",
    "Kyodo": r"kyodo(?:\s+news)?",
    "Anadolu": r"anadolu(?:\s+agency)?",
    "Yonhap": r"yonhap",
    "BBC News Indonesia": r"bbc(?:\s+news)?(?:\s+indonesia)?",
    "VOA Indonesia": r"voa(?:\s+indonesia)?",
    "DW Indonesia": r"dw(?:\s+indonesia)?",
}
# A name that is written like a site: "Grid.id", "Bolasport.com", "TribunSolo.com".
_SITE_NAME = re.compile(
    r"(?:www\.)?[a-z0-9][\w-]*(?:\.[a-z0-9][\w-]*)*\.(?:com|co\.id|id|net|org|tv|news)", re.I
)
_PHOTO_CREDIT = re.compile(r"\b(?:foto|photo|photos|file|dok|dokumentasi|grafis|video)\b", re.I)

# Wire credits in parentheses: full agency names, Antara's "ant", and "AP" only in capitals (lower-case
# two- to five-letter codes are desk initials, "(ap)" among them).
_WIRE_CREDIT = r"(?i:antara(?:news)?|ant|reuters|afp|xinhua|bernama|kyodo|anadolu|yonhap)|AP"
_CREDIT_INITIALS = r"(?:\s*/\s*[A-Za-z]{2,5})*"
_DASH = r"(?:-|–|—|--)"

_NOTE_FORMS: tuple[re.Pattern[str], ...] = (
    *(
        re.compile(p, re.I)
        for p in (
            # "Artikel ini telah tayang di Kompas.com dengan judul "...". Klik untuk baca: https://..."
            r"^artikel\s+ini\s+(?:telah|sudah)\s+(?:tayang|naik|terbit|dimuat|diterbitkan|ditayangkan)\s+"
            r"(?:di|pada)\s+(?P<outlet>.+?)(?:\s+dengan\s+judul\b.*|\s*[,;:]\s.*|\.\s.*|\s*\.?)$",
            # "Sumber: Kompas.com", "sumber : ANTARA"; "Sumber: Antara Foto" is removed but names no outlet
            r"^sumber\s*:\s*(?P<outlet>[^|:]{1,60}?)\s*\.?$",
            # 'Baca artikel detiknews, "..." selengkapnya https://...'
            r"^baca\s+(?:artikel|berita)\s+(?P<outlet>[\w.-]+),\s.*$",
            # "Baca artikel selengkapnya di Kompas.com", "Baca berita lainnya di TribunJatim.com"
            r"^baca\s+(?:artikel|berita)\b.{0,200}?\bdi\s+(?P<outlet>[\w.-]+(?:\s+[\w.-]+)?)\W*$",
        )
    ),
    # "(ant)", "(Antara)", "(Reuters/dru)" alone on a line (case as in _WIRE_CREDIT)
    re.compile(rf"^\(\s*(?P<outlet>{_WIRE_CREDIT}){_CREDIT_INITIALS}\s*\)\.?$"),
)
# A wire credit closing a paragraph: '... kata dia. (ant)'.
_TRAILING_CREDIT = re.compile(
    rf"(?<=[.!?\"”'])\s*\(\s*(?P<outlet>{_WIRE_CREDIT}){_CREDIT_INITIALS}\s*\)\s*$",
)
# The first paragraph's dateline: "Jakarta (ANTARA) - ", "JAKARTA, KOMPAS.com - ", "TRIBUNNEWS.COM - ".
_DATELINE = re.compile(
    rf"^(?:[A-Z][\w.'’ ]{{0,40}}?\s*(?:,\s*|\(\s*))?(?P<outlet>[\w.]+(?:\s[\w.]+)?)\)?\s*{_DASH}\s"
)
_NOTE_LINE_WORDS = 60
"""A note is a short line; prose that happens to start like one is longer than this."""


@cache
def _outlets() -> tuple[tuple[re.Pattern[str], str, str | None], ...]:
    """(full-match regex, normalised name, registry portal id or None), other outlets first."""
    from newscrawl.portals import PORTALS

    rows = [(re.compile(rf"(?:{p})", re.I), name, None) for name, p in _OTHER_OUTLETS.items()]
    rows += [(re.compile(rf"(?:{p})", re.I), PORTALS[pid].name, pid) for pid, p in _PORTAL_BRANDS.items()]
    return tuple(rows)


def outlet_name(raw: str, *, known_only: bool = False) -> tuple[str, str | None] | None:
    """The normalised name of the outlet a note names, with its registry portal id; None when the text
    does not name an outlet (a person, an institution, a photo credit, "di sini")."""
    name = " ".join(raw.strip(" \t\"'“”‘’.,:;()[]").split())
    name = re.sub(r"^www\.", "", name, flags=re.I)
    if not name or len(name) > 60 or _PHOTO_CREDIT.search(name):
        return None
    for pattern, normalised, portal_id in _outlets():
        if pattern.fullmatch(name):
            return normalised, portal_id
    if not known_only and _SITE_NAME.fullmatch(name):
        return name, None
    return None


def _is_own(outlet: tuple[str, str | None], portal: Portal) -> bool:
    name, portal_id = outlet
    return (portal_id is not None and portal_id == portal.id) or name.casefold() == portal.name.casefold()


def _other(raw: str, portal: Portal, *, known_only: bool = False) -> str | None:
    outlet = outlet_name(raw, known_only=known_only)
    return None if outlet is None or _is_own(outlet, portal) else outlet[0]


def take_notes(blocks: Sequence[str], portal: Portal) -> tuple[list[str], str | None]:
    """The blocks without syndication notes, and the outlet the first note (else the dateline) names."""
    kept: list[str] = []
    named: str | None = None
    for block in blocks:
        line = " ".join(block.split())
        match = _note(line)
        if match is not None:
            named = named or _other(match, portal)
            continue
        trailing = _TRAILING_CREDIT.search(line)
        if trailing is not None:
            named = named or _other(trailing.group("outlet"), portal)
            block = block[: trailing.start()].rstrip()
        kept.append(block)
    if named is None and kept:
        dateline = _DATELINE.match(" ".join(kept[0].split()))
        if dateline is not None:
            named = _other(dateline.group("outlet"), portal, known_only=True)
    return kept, named


def _note(line: str) -> str | None:
    """The outlet text of a note line, or None when the line is not a note."""
    if len(line.split()) > _NOTE_LINE_WORDS:
        return None
    for form in _NOTE_FORMS:
        match = form.match(line)
        if match is not None:
            return match.group("outlet")
    return None
