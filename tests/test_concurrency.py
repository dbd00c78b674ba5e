"""Readers in other processes while refreshes publish: nobody fails, blocks
or sees a half-written state (SPEC: readers never block a run and are never
blocked by one)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from conftest import make_settings
from etl.refresh import Refresher
from news_site import write_articles

HERE = Path(__file__).parent
BASE, STEP, RUNS = 10, 5, 5


def attached_counts(db: Path) -> tuple[int, int]:
    """What a new dashboard-style connection sees now."""
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH '{db}' AS rel (READ_ONLY)")
        return con.execute("SELECT (SELECT count(*) FROM rel.runs), (SELECT count(*) FROM rel.articles)").fetchone()
    finally:
        con.close()


def test_readers_during_refreshes(tmp_path):
    settings = make_settings(tmp_path / "data")
    folder = tmp_path / "news"
    write_articles(folder, range(BASE))
    refresher = Refresher(settings, {}, [str(folder)])
    assert refresher.run().published
    stop = tmp_path / "stop"
    readers = {}
    for mode in ("fresh", "held"):
        out = tmp_path / f"{mode}.json"
        proc = subprocess.Popen([sys.executable, str(HERE / "db_reader.py"), str(settings.db), str(out), str(stop),
                                 mode, str(BASE), str(STEP)], stderr=subprocess.PIPE, text=True)
        readers[mode] = (proc, out)
    time.sleep(1.0)  # let both readers open the file and loop
    durations = []
    try:
        for k in range(1, RUNS):
            write_articles(folder, range(BASE + STEP * (k - 1), BASE + STEP * k))
            t = time.monotonic()
            report = refresher.run()  # raises if the publish failed
            durations.append((time.monotonic() - t, report.publish_seconds))
            assert report.published and report.counts.articles_added == STEP
            # a new connection sees the new file at once
            assert attached_counts(settings.db) == (k + 1, BASE + STEP * k)
            time.sleep(0.3)
    finally:
        stop.touch()
        results = {}
        for mode, (proc, out) in readers.items():
            _, err = proc.communicate(timeout=30)
            assert proc.returncode == 0, err
            results[mode] = json.loads(out.read_text())
    fresh, held = results["fresh"], results["held"]
    assert fresh["errors"] == [] and held["errors"] == []
    assert fresh["problems"] == [] and held["problems"] == []
    assert fresh["iterations"] > 20 and held["iterations"] > 20
    # new connections saw every published version, in order; held ones kept their snapshot
    assert fresh["versions"] == list(range(1, RUNS + 1)), fresh["versions"]
    assert held["versions"] == [1]
    # readers never blocked a refresh: each publish took well under a second or two
    print("run, publish seconds:", durations, "reader iterations:", fresh["iterations"], held["iterations"])
    assert all(publish < 5 for _, publish in durations), durations
