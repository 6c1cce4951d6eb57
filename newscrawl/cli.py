"""The ``newscrawl`` command: tools around the crawl (``scrapy crawl <portal>`` is the crawl itself)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_OK, EXIT_NOT_ARTICLE, EXIT_BAD_INPUT = 0, 1, 2


def _portal_for(url: str, portal_id: str | None):
    from newscrawl.portals import get_portal, portal_for_url
    from newscrawl.portals.generic import GenericPortal

    if portal_id:
        return get_portal(portal_id)
    return portal_for_url(url) or GenericPortal.for_url(url)


def cmd_extract(args: argparse.Namespace) -> int:
    """Print the record for saved page(s) of one article, through the crawl's own extraction and checks."""
    from newscrawl.extraction.core import FetchedPage, NotAnArticle, extract_article
    from newscrawl.extraction.page import UnreadablePage, parse_page
    from newscrawl.records import record_dict, validate_record
    from newscrawl.urls import canonical_url, unwrap_archive_url

    try:
        bodies = [Path(p).read_bytes() for p in args.pages]
    except OSError as exc:
        print(f"newscrawl extract: cannot read {exc.filename}: {exc.strerror}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        url = args.url or parse_page(bodies[0], "http://localhost/").canonical
    except UnreadablePage as exc:
        print(f"newscrawl extract: {args.pages[0]}: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not url or url.startswith("http://localhost/"):
        print("newscrawl extract: the page has no canonical URL; pass --url", file=sys.stderr)
        return EXIT_BAD_INPUT
    url = unwrap_archive_url(url)
    try:
        portal = _portal_for(url, args.portal)
    except KeyError as exc:
        print(f"newscrawl extract: {exc.args[0]}", file=sys.stderr)
        return EXIT_BAD_INPUT
    pages = [FetchedPage(url if i == 0 else f"{url}#page{i + 1}", body) for i, body in enumerate(bodies)]
    try:
        item = extract_article(pages, portal)
    except NotAnArticle as exc:
        print(f"not an article: {exc}", file=sys.stderr)
        return EXIT_NOT_ARTICLE
    except UnreadablePage as exc:
        print(f"newscrawl extract: {args.pages[0]}: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    record = record_dict(item)
    record["url"] = canonical_url(record["url"], None if portal.generic else portal)
    if reason := validate_record(record):
        print(f"not an article: {reason}", file=sys.stderr)
        return EXIT_NOT_ARTICLE
    indent = None if args.compact else 2
    print(json.dumps(record, ensure_ascii=False, indent=indent))
    return EXIT_OK


def cmd_reextract(args: argparse.Namespace) -> int:
    """Every article in web archives, through the crawl's extraction, validation and dedupe."""
    from newscrawl.archive.reextract import run

    return run(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newscrawl", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    extract = sub.add_parser("extract", help="print the record for saved page(s) of one article")
    extract.add_argument("pages", nargs="+", help="saved HTML page(s) of one article, page 1 first")
    extract.add_argument("--url", help="the article URL (default: the page's canonical URL)")
    extract.add_argument("--portal", help="portal id (default: from the URL's host; generic otherwise)")
    extract.add_argument("--compact", action="store_true", help="one line of JSON instead of indented")
    extract.set_defaults(func=cmd_extract)
    reextract = sub.add_parser("reextract", help="extract every article in web archives again (no crawl)")
    reextract.add_argument("archives", nargs="+", help=".warc.gz/.warc/.wacz files, folders or globs")
    reextract.add_argument("-o", "--output", required=True, help="JSON Lines file, written atomically")
    reextract.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="processes (default: CPUs)"
    )
    reextract.add_argument("--run-id", help="run id of the records (default: a new one)")
    reextract.add_argument("--skip-seen", action="store_true", help="also drop articles the seen-store has")
    reextract.add_argument(
        "--update-state",
        action="store_true",
        help="record written articles in the seen-store (implies --skip-seen)",
    )
    reextract.add_argument("--state-dir", default="state", help="folder of the seen-store (default: state)")
    reextract.set_defaults(func=cmd_reextract)
    from newscrawl.cluster import status as cluster  # README "Running on several machines"
    from newscrawl.ops import health, run, state_cli  # unattended operation: README "Running unattended"
    from newscrawl.stories import command as stories  # README "Stories"

    for module in (run, health, state_cli, stories, cluster):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
