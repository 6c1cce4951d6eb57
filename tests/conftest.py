"""Shared test helpers: the repository root, the shared reference material, the record schema."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A file under ../shared/, or skip: that folder holds real reference pages that the repository
    must not copy, and a plain clone does not have it."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the real reference material lives beside the repository, not in it")
    return path
