"""Shared test helpers: the repository root, the shared reference material, the record schema."""

from __future__ import annotations

import os
from collections.abc import Iterator
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


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    """A throwaway redis-server on a free port in the test's folder (``tests/support/redis_server.py``).

    Skipped where ``redis-server`` is not installed, except in CI (``CI=true``), where ``.ci/run`` installs
    it: there a missing server is a failure, so the Redis tests can never silently not run."""
    from tests.support.redis_server import MISSING_REASON, REDIS_SERVER, redis_server

    if REDIS_SERVER is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"{MISSING_REASON}; .ci/run installs it in CI")
        pytest.skip(MISSING_REASON)
    with redis_server(tmp_path / "redis") as url:
        yield url
