"""What the ``newscrawl`` operation commands share: exit codes, project settings with ``-s``, folders."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from scrapy.settings import Settings
from scrapy.utils.project import get_project_settings

EXIT_OK = 0
EXIT_FAILED = 1
"""``run``: a portal failed; ``health``: a portal is failing."""
EXIT_USAGE = 2
EXIT_STATE = 3
"""The seen-store is missing (while output exists) or unreadable: see ``newscrawl state rebuild``."""
EXIT_LOCKED = 75
"""EX_TEMPFAIL: another run holds the lock; nothing was touched, try again later."""


def add_settings_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-s",
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a Scrapy setting, as with `scrapy crawl -s` (repeatable)",
    )


def project_settings(pairs: list[str] | None = None) -> Settings:
    """The project's settings (``newscrawl/settings.py``) with ``-s NAME=VALUE`` pairs on top."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "newscrawl.settings")
    settings = get_project_settings()
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise ValueError(f"-s wants NAME=VALUE, got {pair!r}")
        settings.set(name.strip(), value, priority="cmdline")
    return settings


def output_dir(settings: Settings) -> Path:
    return Path(settings.get("NEWSCRAWL_OUTPUT_DIR") or "output")


def state_dir(settings: Settings) -> Path:
    return Path(settings.get("NEWSCRAWL_STATE_DIR") or "state")
