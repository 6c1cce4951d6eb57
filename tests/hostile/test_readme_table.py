"""The README's "Hostile conditions" table stays true: every row names tests that exist in tests/hostile/
and are expected to pass."""

from __future__ import annotations

import ast
import re

from tests.conftest import ROOT

HOSTILE = ROOT / "tests" / "hostile"
README = (ROOT / "README.md").read_text(encoding="utf-8")


def table_rows() -> list[list[str]]:
    section = README.split("## Hostile conditions", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("|")]
    header, rule, *rows = lines
    assert [c.strip() for c in header.strip("|").split("|")] == [
        "condition",
        "what newscrawl does",
        "stat",
        "test",
    ]
    assert set(rule) <= set("|- ")
    return [[c.strip() for c in re.split(r"(?<!\\)\|", row.strip().strip("|"))] for row in rows]


def hostile_tests() -> dict[str, bool]:
    """Every test function in tests/hostile/test_*.py, and whether it is marked xfail."""
    found: dict[str, bool] = {}
    for path in HOSTILE.glob("test_*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                found[node.name] = any("xfail" in ast.unparse(d) for d in node.decorator_list)
    return found


def test_every_row_of_the_readme_table_names_existing_passing_tests() -> None:
    rows = table_rows()
    tests = hostile_tests()
    assert len(rows) >= 25
    for condition, does, stat, named in rows:
        assert condition and does and stat, f"incomplete row: {condition!r}"
        names = re.findall(r"`(test_\w+)`", named)
        assert names, f"row {condition!r} names no test"
        for name in names:
            assert name in tests, f"row {condition!r}: no test function {name} in tests/hostile/"
            assert not tests[name], f"row {condition!r}: {name} is expected to fail"
