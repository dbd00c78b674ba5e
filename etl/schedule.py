"""`etl schedule --every 15m`: refresh at fixed intervals until stopped.

Runs start on the boundaries start + k x interval (a slow run does not push
the later ones back); a run that overran its slot skips the boundaries it
missed instead of starting runs back to back. Runs never overlap: one at a
time in this process, and the run lock makes any other writer (a cron
`etl refresh`, `etl run`) wait its turn or exit 75. A failed run is logged
to stderr and the schedule goes on. SIGINT/SIGTERM end the schedule: a wait
is abandoned at once; a run in progress stops taking new items, commits and
publishes what it has (never interrupted mid-publish), then the process
exits 0.
"""

from __future__ import annotations

import math
import re
import signal
import sys
import threading
import time
import traceback
from datetime import datetime, timezone

from .locking import Busy
from .runner import Progress
from .settings import Settings

_UNITS = {"h": 3600.0, "m": 60.0, "s": 1.0}
_PART = re.compile(r"(\d+(?:\.\d+)?)\s*([hms])")


def parse_interval(text: str) -> float:
    """"90s", "15m", "1h", "2h30m" (units h, m, s, largest first) -> seconds."""
    raw = text
    text = re.sub(r"\s+", "", text or "").lower()
    error = ValueError(f"invalid interval {raw!r}: use a number with a unit h, m or s, largest first, "
                       f"e.g. 90s, 15m, 1h, 2h30m")
    if not text:
        raise error
    pos, total, last_rank = 0, 0.0, -1
    for m in _PART.finditer(text):
        if m.start() != pos:
            raise error
        rank = "hms".index(m.group(2))
        if rank <= last_rank:
            raise error
        last_rank = rank
        total += float(m.group(1)) * _UNITS[m.group(2)]
        pos = m.end()
    if pos != len(text) or pos == 0:
        raise error
    if total < 1:
        raise ValueError(f"invalid interval {raw!r}: must be at least 1s")
    return total


def _stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def next_start(origin: float, interval: float, last_start: float, now: float) -> float:
    """The first boundary origin + k x interval after `last_start`; if that
    has passed already (the run overran), the first one after `now`."""
    k = math.floor((last_start - origin) / interval + 1e-9) + 1
    boundary = origin + k * interval
    if boundary <= now:
        boundary = origin + (math.floor((now - origin) / interval) + 1) * interval
    return boundary


def run_schedule(settings: Settings, config: dict, interval: float, sources=(), progress: Progress | None = None,
                 max_runs: int | None = None, stop: threading.Event | None = None) -> int:
    """Refresh every `interval` seconds until SIGINT/SIGTERM (or `max_runs`
    runs, or `stop` is set); returns the exit code (0)."""
    from .refresh import Refresher

    stop = stop or threading.Event()
    signals = {}

    def on_signal(signum, _frame):
        if not stop.is_set():
            print(f"{_stamp()} etl schedule: {signal.Signals(signum).name} received, stopping "
                  f"(a run in progress finishes what it has and publishes)", file=sys.stderr, flush=True)
        stop.set()

    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGINT, signal.SIGTERM):
            signals[sig] = signal.signal(sig, on_signal)
    try:
        refresher = Refresher(settings, config, sources, progress, should_stop=stop.is_set)
        print(f"{_stamp()} etl schedule: refreshing {len(refresher.sources)} source(s) every {interval:g}s "
              f"into {settings.db}", file=sys.stderr, flush=True)
        origin = time.monotonic()
        runs = 0
        while not stop.is_set():
            started = time.monotonic()
            try:
                report = refresher.run()
                print(f"{_stamp()} {report.summary()}", flush=True)
            except Busy as e:
                print(f"{_stamp()} etl schedule: run skipped: {e}", file=sys.stderr, flush=True)
            except Exception as e:  # logged; the schedule goes on
                print(f"{_stamp()} etl schedule: run failed: {type(e).__name__}: {e}", file=sys.stderr, flush=True)
                if not isinstance(e, (OSError, ValueError)):
                    traceback.print_exc(file=sys.stderr)
            runs += 1
            if max_runs is not None and runs >= max_runs:
                break
            now = time.monotonic()
            start_at = next_start(origin, interval, started, now)
            missed = round((start_at - origin) / interval) - (math.floor((started - origin) / interval + 1e-9) + 1)
            if missed > 0:
                print(f"{_stamp()} etl schedule: the run took {now - started:.0f}s, longer than the interval; "
                      f"{missed} slot(s) skipped", file=sys.stderr, flush=True)
            while not stop.is_set():
                remaining = start_at - time.monotonic()
                if remaining <= 0:
                    break
                stop.wait(min(remaining, 0.5))  # short slices: a signal ends the wait at once
        print(f"{_stamp()} etl schedule: stopped after {runs} run(s)", file=sys.stderr, flush=True)
        return 0
    finally:
        for sig, handler in signals.items():
            signal.signal(sig, handler)
