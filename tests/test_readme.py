"""The README stays true: its portal table is the registry's, its commands are the ones CI runs."""

from __future__ import annotations

from newscrawl.portals.table import BEGIN, END, render
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_portal_table_matches_registry() -> None:
    start, end = README.index(BEGIN), README.index(END) + len(END)
    assert README[start:end] == render(), (
        "run `python -m newscrawl.portals.table` and paste it into the README"
    )


def test_ci_runs_the_readme_commands() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install -e ".[test]"' in README and 'pip install --quiet -e ".[test]"' in ci
    assert ".venv/bin/python -m pytest" in README and ".venv/bin/python -m pytest" in ci


def test_every_newscrawl_setting_is_documented() -> None:
    import re

    used = set()
    for path in (ROOT / "newscrawl").rglob("*.py"):
        used |= set(re.findall(r"\bNEWSCRAWL_[A-Z_]+\b", path.read_text(encoding="utf-8")))
    missing = sorted(name for name in used if f"`{name}`" not in README)
    assert not missing, f"settings missing from the README: {missing}"
