"""`etl schedule`: intervals, runs on fixed boundaries, clean stop on
SIGINT/SIGTERM, a failed run does not end the schedule, and the run lock
keeps a concurrent cron refresh out (exit 75)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from conftest import make_settings
from etl.locking import RunLock
from etl.refresh import Refresher
from etl.schedule import next_start, parse_interval, run_schedule
from etl.settings import ROOT
from news_site import write_articles


@pytest.mark.parametrize("text, seconds", [("15m", 900), ("1h", 3600), ("90s", 90), ("2h30m", 9000),
                                           ("1h 30m", 5400), ("1.5h", 5400), (" 2s ", 2), ("1h0m30s", 3630)])
def test_parse_interval(text, seconds):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "15", "m", "15x", "30m2h", "1h1h", "-5m", "0s", "0.5s", "15 minutes", "h1"])
def test_parse_interval_rejects(text):
    with pytest.raises(ValueError, match="interval"):
        parse_interval(text)


def test_next_start_keeps_boundaries_and_skips_missed_slots():
    assert next_start(0, 10, last_start=0, now=3) == 10  # the slot after the run's start, not now + 10
    assert next_start(0, 10, last_start=20.4, now=21) == 30  # a late start does not shift the grid
    assert next_start(0, 10, last_start=20, now=35) == 40  # overran slot 30: skipped, no back-to-back catch-up


def _env(tmp_path: Path, db: Path) -> dict:
    return {**os.environ, "RELATIONS_CONFIG": str(tmp_path / "no-config.toml"), "RELATIONS_DB": str(db)}


def test_schedule_process_runs_and_stops_cleanly_on_sigterm(tmp_path):
    folder = tmp_path / "news"
    write_articles(folder, range(5))
    db = tmp_path / "data" / "relations.duckdb"
    proc = subprocess.Popen([sys.executable, "-m", "etl", "schedule", "--every", "2s", "--source", str(folder)],
                            cwd=ROOT, env=_env(tmp_path, db), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(proc.stdout.readline, "")), daemon=True)
    reader.start()
    deadline = time.monotonic() + 60
    while sum(" run " in ln for ln in lines) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert sum(" run " in ln for ln in lines) >= 2, (lines, proc.poll())
    time.sleep(0.3)  # now waiting for the next slot
    sent = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert time.monotonic() - sent < 2.0  # the wait is abandoned at once
    assert "SIGTERM received" in err and "stopped after" in err
    con = duckdb.connect(str(db), read_only=True)
    try:
        runs = con.execute("SELECT status, articles_added, epoch(started_at) FROM runs ORDER BY started_at").fetchall()
    finally:
        con.close()
    assert [r[0] for r in runs][:2] == ["ok", "ok"] and runs[0][1] == 5 and runs[1][1] == 0
    # run 2 starts on a 2 s boundary of the schedule (the first run's start), however long run 1 took
    gap = runs[1][2] - runs[0][2]
    assert abs(gap / 2 - round(gap / 2)) < 0.15, gap


def test_concurrent_refresh_is_busy_exit_75(tmp_path):
    settings = make_settings(tmp_path / "data")
    folder = tmp_path / "news"
    write_articles(folder, range(2))
    with RunLock(settings.lock_path):  # as a scheduled run holds it
        proc = subprocess.run([sys.executable, "-m", "etl", "refresh", "--source", str(folder)], cwd=ROOT,
                              env=_env(tmp_path, settings.db), capture_output=True, text=True, timeout=60)
    assert proc.returncode == 75, proc.stderr
    assert "another ETL run holds" in proc.stderr
    assert not settings.db.exists()


def _bad_only_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "scan.txt").write_bytes(b"\x00\x01binary")  # recorded as skipped; no spaCy needed
    return folder


def test_failed_and_busy_runs_are_logged_and_the_schedule_goes_on(tmp_path, monkeypatch, capsys):
    settings = make_settings(tmp_path / "data")
    folder = _bad_only_folder(tmp_path)
    original = Refresher.run
    starts: list[float] = []

    def flaky_run(self, lock_wait=0.0):
        starts.append(time.monotonic())
        if len(starts) == 1:
            raise RuntimeError("boom")
        if len(starts) == 2:
            with RunLock(settings.lock_path):  # another process's run holds the lock
                return original(self, lock_wait)
        return original(self, lock_wait)

    monkeypatch.setattr(Refresher, "run", flaky_run)
    assert run_schedule(settings, {}, 1.0, sources=[str(folder)], max_runs=4) == 0
    out, err = capsys.readouterr()
    assert "run failed: RuntimeError: boom" in err
    assert "run skipped: another ETL run holds" in err
    assert sum(" run " in ln for ln in out.splitlines()) == 2  # runs 3 and 4 printed their summary
    offsets = [s - starts[0] for s in starts]
    assert all(abs(o - k) < 0.25 for k, o in enumerate(offsets)), offsets  # on the 1 s grid, no drift


def test_sigint_during_wait_returns_zero_promptly(tmp_path):
    settings = make_settings(tmp_path / "data")
    folder = _bad_only_folder(tmp_path)
    before = signal.getsignal(signal.SIGINT)  # SIG_IGN when the suite runs in a background job
    timer = threading.Timer(1.5, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    started = time.monotonic()
    try:
        assert run_schedule(settings, {}, 3600.0, sources=[str(folder)]) == 0
    finally:
        timer.cancel()
    assert time.monotonic() - started < 3.5
    assert signal.getsignal(signal.SIGINT) == before  # handlers restored
