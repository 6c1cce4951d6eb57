"""A throwaway redis-server for tests and benchmarks: its own port, folder and pid file, no persistence.

    with redis_server(tmp_path) as url:      # "redis://127.0.0.1:<port>/0"
        ...

Tests that need it use the ``redis_url`` fixture of ``tests/test_stories_redis.py``, which skips with the
reason when ``redis-server`` is not installed (``apt-get install -y redis-server``).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REDIS_SERVER = shutil.which("redis-server")
MISSING_REASON = "redis-server is not installed (apt-get install -y redis-server)"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def start(
    folder: Path, port: int | None = None, persist: bool = False, timeout: float = 10.0
) -> tuple[int, int]:
    """Start ``redis-server`` daemonised in ``folder`` (with an append-only file when ``persist``, so a
    restart in the same folder finds its data); (port, pid)."""
    if REDIS_SERVER is None:
        raise RuntimeError(MISSING_REASON)
    folder.mkdir(parents=True, exist_ok=True)
    port, pidfile = port or _free_port(), folder / "redis.pid"
    pidfile.unlink(missing_ok=True)
    command = [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
    command += ["--appendonly", "yes" if persist else "no", "--appendfsync", "always"]
    command += ["--daemonize", "yes", "--pidfile", str(pidfile), "--dir", str(folder)]
    subprocess.run(command, check=True, capture_output=True, timeout=timeout)
    deadline = time.monotonic() + timeout
    while not (pidfile.exists() and _answers(port)):
        if time.monotonic() > deadline:
            raise RuntimeError(f"redis-server on port {port} did not answer within {timeout} s")
        time.sleep(0.05)
    return port, int(pidfile.read_text().strip())


def stop(pid: int, timeout: float = 10.0) -> None:
    """Stop a server by its pid (SIGTERM: an append-only file is flushed) and wait until it is gone."""
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)


@contextmanager
def redis_server(folder: Path, timeout: float = 10.0) -> Iterator[str]:
    """Start ``redis-server`` daemonised in ``folder``; yield its URL; stop it by its pid."""
    port, pid = start(folder, timeout=timeout)
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        stop(pid, timeout)
