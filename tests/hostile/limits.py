"""Run a command with a file-size limit, as a full disk would stop it: ``python -m tests.hostile.limits
BYTES command...``. SIGXFSZ is ignored, so a write past the limit fails with EFBIG instead of killing
the process (the ignored disposition survives ``exec``)."""

from __future__ import annotations

import os
import resource
import signal
import sys


def main() -> None:
    limit, command = int(sys.argv[1]), sys.argv[2:]
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    os.execv(command[0], command)


if __name__ == "__main__":
    main()
