"""A replay talks to no server: AutoThrottle, DOWNLOAD_DELAY, Crawl-delay and backoff are off unless set.

Checked through the crawl's delay stats (``newscrawl/delays/*``: seconds of delay scheduled), never the
wall clock.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from scrapy.settings import Settings

from newscrawl.downloader.replay import REPLAY_SETTINGS, ReplayPoliteness
from newscrawl.ops.common import project_settings
from tests.conftest import ROOT
from tests.test_archive import NO_NETWORK, SHIPPED, article_cases, window
from tests.test_crawl_e2e import written_records
from tests.test_politeness import stat
from tests.test_unattended import ENV


def settings_of(project: dict, cmdline: dict | None = None, spider: dict | None = None) -> Settings:
    """The settings a crawl would run with: the project's, a spider's ``custom_settings``, ``-s``, add-ons."""
    settings = Settings()
    settings.setmodule("newscrawl.settings", priority="project")
    settings.setdict(project, priority="project")
    settings.setdict(cmdline or {}, priority="cmdline")
    settings.setdict(spider or {}, priority="spider")
    ReplayPoliteness().update_settings(settings)
    return settings


def test_replay_turns_the_project_politeness_delays_off() -> None:
    settings = settings_of({"NEWSCRAWL_REPLAY": "archive/"})
    assert not settings.getbool("AUTOTHROTTLE_ENABLED")
    for name, value in REPLAY_SETTINGS.items():
        assert settings.getfloat(name) == float(value), name


def test_delays_set_explicitly_are_kept_under_replay() -> None:
    settings = settings_of(
        {"NEWSCRAWL_REPLAY": "archive/"},
        cmdline={"DOWNLOAD_DELAY": "2"},
        spider={"AUTOTHROTTLE_ENABLED": True},
    )
    assert settings.getfloat("DOWNLOAD_DELAY") == 2
    assert settings.getbool("AUTOTHROTTLE_ENABLED")
    assert settings.getfloat("NEWSCRAWL_MAX_CRAWL_DELAY") == 0


def test_a_network_crawl_keeps_its_politeness() -> None:
    settings = settings_of({})
    assert settings.getbool("AUTOTHROTTLE_ENABLED")
    assert settings.getfloat("DOWNLOAD_DELAY") == 0.25
    assert settings.getfloat("NEWSCRAWL_MAX_CRAWL_DELAY") == 60


def test_the_add_on_is_enabled_in_the_project() -> None:
    assert "newscrawl.downloader.replay.ReplayPoliteness" in project_settings().getdict("ADDONS")


@pytest.mark.parametrize("delay", [None, "0.2"], ids=["shipped", "download-delay-set"])
def test_a_replay_of_the_demo_archive_schedules_no_delay(tmp_path: Path, delay: str | None) -> None:
    """The README's offline demo with the project's politeness settings: every delay stat is 0; with
    ``-s DOWNLOAD_DELAY`` the download slots wait as asked."""
    settings = {
        "NEWSCRAWL_REPLAY": SHIPPED,
        "NEWSCRAWL_ORIGIN_MAP": json.dumps({"*": NO_NETWORK}),  # were the network touched, it would fail
        "NEWSCRAWL_OUTPUT_DIR": tmp_path / "output",
        "NEWSCRAWL_STATE_DIR": tmp_path / "state",
        **({"DOWNLOAD_DELAY": delay} if delay else {}),
    }
    options = [option for name, value in settings.items() for option in ("-s", f"{name}={value}")]
    command = [sys.executable, "-m", "scrapy", "crawl", "sindonews", *window(article_cases("sindonews"))]
    result = subprocess.run(
        [*command, *options], cwd=ROOT, capture_output=True, text=True, timeout=180, env=ENV
    )

    assert result.returncode == 0, result.stderr[-3000:]
    assert len(written_records(tmp_path / "output", "sindonews")) == 3
    assert stat(result.stderr, "newscrawl/delays/crawl_delay") == 0
    assert stat(result.stderr, "newscrawl/delays/backoff") == 0
    slot_delays = stat(result.stderr, "newscrawl/delays/download_slot")
    if delay:
        assert slot_delays is not None and slot_delays >= 0.2, "an explicit DOWNLOAD_DELAY applies to replays"
    else:
        assert slot_delays == 0
