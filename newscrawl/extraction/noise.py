"""Furniture that Indonesian portals put inside article bodies, shared by every portal.

Two kinds of rule: CSS selectors for elements that are furniture wherever they appear, and full-line
regexes for furniture that arrives as plain text. Both are patterns of furniture (their shape and wording
across portals), never sentences copied from one page. A portal adds its own in its module.
"""

from __future__ import annotations

import re

NOISE_SELECTORS: tuple[str, ...] = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "video",
    "audio",
    "svg",
    "canvas",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "ins",
    "figure",
    "figcaption",
    "[id^='div-gpt-ad']",
    "[id^='gpt-']",
    "[class*='adsbygoogle']",
    "[class^='ads-']",
    "[class*=' ads-']",
    "[class*='-ads ']",
    "[class$='-ads']",
    "[class*='advert']",
    "[id*='advert']",
    "[class*='baca-juga']",
    "[class*='bacajuga']",
    "[id*='baca-juga']",
    "[id*='bacajuga']",
    "[class*='lihat-juga']",
    "[class*='related']",
    "[class*='recommend']",
    "[class*='share']",
    "[class*='social']",
    "[class*='newsletter']",
    "[class*='parallax']",
    "[class*='scrollpage']",
    "[class*='caption']",
    "[class*='credit']",
    "[class*='breadcrumb']",
    "[class*='video']",
    "[class*='gallery']",
    "[class*='paging']",
    "[class*='pagination']",
    "[class*='font-size']",
    "[class*='fontsize']",
    "[class*='tag-list']",
    "[class*='tags']",
    "[aria-hidden='true']",
    "[style*='display:none']",
    "[style*='display: none']",
    "table.linksisip",
    ".linksisip",
    ".lihatjg",
    ".noncontent",
    ".para_caption",
    # next-article teasers and subscription promos set around the body
    "[class*='next-article']",
    "[class*='nextarticle']",
    "[id*='next-article']",
    "[class*='read-next']",
    "[class*='artikel-selanjutnya']",
    "[class*='berita-selanjutnya']",
    "[class*='subscribe']",
    "[class*='paywall-promo']",
    # AMP pages: components that are ads, embeds, widgets or media, never article text
    "amp-ad",
    "amp-embed",
    "amp-sticky-ad",
    "amp-iframe",
    "amp-video",
    "amp-youtube",
    "amp-twitter",
    "amp-instagram",
    "amp-facebook",
    "amp-social-share",
    "amp-carousel",
    "amp-analytics",
    "amp-list",
    "amp-img",
)

# Each regex must match a whole line (after whitespace is collapsed); case is ignored.
_LINE_PATTERNS: tuple[str, ...] = (
    # related links and boxes, in every spelling
    r"(baca|lihat|simak)\s+(juga|pula)\b.*",
    r"(baca|lihat)\s*(juga)?\s*:.*",
    r"(berita|artikel)\s+(terkait|lainnya|pilihan)(\s*:.*)?",
    r"(topik|tag)\s+terkait\s*:?",
    r"pilihan\s+editor\s*:.*",
    r"read more\W*",
    # ads and scroll prompts
    r"advertisement",
    r"iklan",
    r"scroll\s+to\s+(continue|resume)(\s+with)?\s+content",
    r"scroll\s+ke\s+bawah\s+untuk\s+(melanjutkan|lanjut)\s+membaca\W*",
    r"loading\s*(\.{2,}|…)?",
    # font-size buttons
    r"(a\s*[-+]?\s*){1,4}",
    # photo credits and captions
    r"\(?\s*foto\s*[:/].{0,120}",
    # a caption left as a text run, ending in its credit: "... di Moskow. Foto/AP", "... (Foto: Dok X)"
    r".{0,300}\s\(?(?-i:Foto)\s*(?::\s*(?:Dok\.?\s*)?|/)[\w.&-]+(?:\s*/\s*[\w.&-]+)?(?:\s+[\w.&-]+){0,2}\.?\)?",
    r"\(?\s*(dok|dokumentasi|ilustrasi|sumber foto|image|photo)\s*[.:/].{0,80}\)?",
    r"©.{0,80}",
    # a credit opening a caption: "KOMPAS.com/NAMA ..."; a desk editor's name alone: "(Arief Setyadi)"
    r"[\w.-]+\.(com|id|co\.id|net)\s*/\s*(?-i:[A-Z]).{0,150}",
    r"\(\s*(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,3})\s*\)",
    # video embeds and prompts
    r"\[gambas:[^\]]*\]",
    r"(simak|saksikan|tonton|yuk,?\s*simak)(\s+juga)?\s+(video|live|berita\s+video).*",
    r"(related\s+videos?|video\s+terkait|video\s+pilihan)\W*",
    # editor initials and desk sign-offs
    r"\(\s*[a-z]{2,5}(\s*/\s*[a-z0-9]{2,6}){0,3}\s*\)",
    r"\(\s*[a-z]{1,4}\d{1,3}(\s*/\s*[a-z0-9]{2,6}){1,3}\s*\)",  # a desk code with digits: (mcr23/jpnn)
    r"\(\s*[a-z]{1,3}\s*-\s*\d{1,3}\s*\)",
    # bylines repeated in the body
    r"(penulis|editor|reporter|pewarta|redaktur|kontributor|penyunting)(\s*(&|dan)\s*\w+)?\s*:.{0,120}",
    r"rep\s*:.{0,80}/\s*red\s*:.{0,80}",
    # chat-channel and Google News promos
    r".{0,120}\b(ikuti|follow|gabung|bergabung|simak|cek|klik|unduh|download)\b.{0,160}"
    r"\b(whatsapp|telegram|google news|instagram|tiktok|youtube|line today)\b.{0,200}",
    r".*whatsapp\.com/channel/.*",
    r".*t\.me/\S+.*",
    r"dapatkan\s+(update|informasi|berita).{0,160}(setiap hari|terkini|terbaru).{0,200}",
    r"download\s+(aplikasi|apps?)\b.{0,160}",
    # syndication notes and cross-post lines
    r"artikel\s+ini\s+(telah|sudah)\s+(tayang|naik|terbit|dimuat|diterbitkan)\s+di\b.*",
    r"(baca|lihat)\s+(selengkapnya|berita\s+lengkapnya).{0,120}",
    r"sumber\s*:\s*\S.{0,60}",
    r"[-–—_=*]{3,}",
    r"copyright\s*©?.{0,120}",
    r"hak\s+cipta.{0,120}",
    r"dilarang\s+keras\s+mengambil\s+konten.*",
    # paywall teasers
    r"(ini\s+artikel\s+spesial|sudah\s+berlangganan\?.*|berlangganan\s+untuk\s+(membaca|melanjutkan).*)",
    r"agar\s+bisa\s+lanjut\s+membaca.*berlangganan.*",
    # bylines, datelines of the page header, tag lists and pagers that landed inside the container
    r"oleh\s*:\s*.{2,60}",
    r"(?-i:Oleh\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,4})",
    r"(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu),?\s+\d{1,2}[\s/-]+\w+[\s/-]+\d{4}.{0,25}",
    r"\d{1,2}\s+[a-z]{3,9}\s+\d{4}\s*[,|–-]?\s*\d{1,2}[:.]\d{2}(\s*(wib|wita|wit))?.{0,40}",
    r".{0,40}\b(waktu\s+baca|lama\s+baca|\d+\s+menit\s+(membaca|baca)|\d+\s+min(ute)?s?\s+read)\b.{0,40}",
    r"(tags?|topik|kata\s+kunci)\s*:.{0,200}",
    r"halaman\s*(selanjutnya|berikutnya|sebelumnya)?\s*:?[\d\s/]*",
    r"(halaman\s+)?(selanjutnya|sebelumnya|next|prev(ious)?)\s*[»›>]*",
    r"(tulis\s+|lihat\s+)?komentar\W*",
    # share widgets printed as text
    r"(bagikan|share)(\s+artikel\s+ini)?\s*:?",
    r"(cari\s+berita\s+lain\s+di\s+sini|berita\s+terkait|ikuti\s+kami\s+di)\W*",
    r"ringkasan\s+berita\s*:?",
    # subscription promos: "Baca berita tanpa iklan. Gabung Kompas.com+", "Langganan <portal>+ ..."
    r".{0,80}\b(tanpa|bebas)\s+iklan\b.{0,120}",
    r".{0,60}\b(gabung|bergabung|langganan|berlangganan|subscribe|upgrade|daftar)\b.{0,40}"
    r"(\+|\bplus\b|\bpremium\b).{0,80}",
    # next-article teasers: "Artikel selanjutnya: ...", "Baca berita berikutnya", "Read next"
    r"(baca\s+)?(artikel|berita|tulisan)\s+(selanjutnya|berikutnya)\b.{0,160}",
    r"(read\s+next|up\s+next|next\s+(article|story))\b.{0,160}",
    # reporter lines (AMP variants put them atop the body): "Laporan Wartawan Tribunnews.com, Reza Deni"
    r"laporan\s+(wartawan|reporter|kontributor|jurnalis)\b.{0,100}",
)
LINE_NOISE: tuple[re.Pattern[str], ...] = tuple(re.compile(rf"^(?:{p})$", re.I) for p in _LINE_PATTERNS)
# The same rules as one alternation: one regex call per line instead of one per rule.
_ANY_LINE_NOISE = re.compile("|".join(f"(?:^(?:{p})$)" for p in _LINE_PATTERNS), re.I)

# A desk sign-off glued to the end of the last paragraph: "... kata dia. (vyp/kna)".
TRAILING_SIGNOFF = re.compile(
    r"(?<=[.!?\"”'])\s*\((?:\s*[a-z]{2,5}(?:\s*/\s*[a-z0-9]{2,6}){0,3}|[A-Z]{1,3}-\d{1,3}|"
    r"\s*[A-Za-z]{1,4}\d{1,3}(?:\s*/\s*[a-z0-9]{2,6}){1,3})\s*\)\s*$"
)
# Related-link prompts glued inside a paragraph by the CMS ("... kejutan.Baca Juga:JakPro ...").
INLINE_RELATED = re.compile(r"(?<=[.!?\"”])\s*baca\s+juga\s*:?\s*.*$", re.I)

# A next-article label alone on its line: the line after it is the teased headline, furniture too.
TEASER_LABEL = re.compile(
    r"^(baca\s+)?(artikel|berita|tulisan)\s+(selanjutnya|berikutnya)\W*$|^(read\s+next|up\s+next|next\s+(article|story))\W*$",
    re.I,
)
TEASER_HEADLINE_WORDS = 25

# Long lines are prose, even when they mention a noise word; only the promo patterns may be long.
_LONG_LINE_WORDS = 40


def is_noise_line(line: str, extra: tuple[re.Pattern[str], ...] = ()) -> bool:
    """True when a whole line is furniture rather than article text."""
    if len(line.split()) > _LONG_LINE_WORDS:
        return False
    return bool(_ANY_LINE_NOISE.match(line)) or any(p.match(line) for p in extra)
