"""Republish the DuckDB file after a correction, off the request thread.

`etl.runner.republish` waits for the ETL run lock (a refresh may be running)
and rebuilds the published file, which takes seconds: a request must not wait
for it. Requests made while a republish runs are coalesced into one more
republish, because each one applies every correction saved so far.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from etl.settings import Settings

log = logging.getLogger(__name__)


class Republisher:
    def __init__(self, settings: Settings, publish: Callable[[Settings], float] | None = None):
        if publish is None:
            from etl.runner import republish as publish
        self.settings = settings
        self._publish = publish
        self._lock = threading.Lock()
        self._wanted = False
        self._thread: threading.Thread | None = None
        self.last_error: str | None = None
        self.last_finished: float | None = None

    @property
    def busy(self) -> bool:
        with self._lock:
            return self._thread is not None

    def request(self) -> None:
        """Ask for a republish soon; returns at once."""
        with self._lock:
            self._wanted = True
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="republish", daemon=True)
                self._thread.start()

    def _loop(self) -> None:
        while True:
            with self._lock:
                if not self._wanted:
                    self._thread = None
                    return
                self._wanted = False
            try:
                self._publish(self.settings)
                self.last_error = None
            except Exception as e:  # shown in the corrections panel; the next correction retries
                log.exception("republish failed")
                self.last_error = f"{type(e).__name__}: {e}"
            self.last_finished = time.time()

    def wait(self, timeout: float = 60.0) -> bool:
        """Block until idle (for tests and shutdown); True if it became idle."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.busy:
                return True
            time.sleep(0.05)
        return False
