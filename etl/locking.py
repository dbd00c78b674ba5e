"""One ETL writer at a time, across processes (cron, schedule, dashboard)."""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path


class Busy(RuntimeError):
    """Another process holds the run lock."""


class RunLock:
    """An exclusive flock on <db>.lock; released by the kernel if the holder dies,
    so a kill -9 never leaves a stale lock behind."""

    def __init__(self, path: Path, wait: float = 0.0):
        self.path = path
        self.wait = wait
        self._fd: int | None = None

    def __enter__(self) -> "RunLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "unknown"
                    os.close(fd)
                    raise Busy(f"another ETL run holds {self.path} (pid {holder})") from None
                time.sleep(0.2)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self._fd = fd
        return self

    def __exit__(self, *exc) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
