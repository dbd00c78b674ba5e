"""A reader of the published DuckDB file, run as its own process by
test_concurrency.py: queries in a loop until `stop_file` exists, checks every
snapshot for consistency and writes what it saw as JSON.

    python db_reader.py DB OUT.json STOP_FILE fresh|held BASE STEP

fresh: a new connection per query, alternating a user's session
(duckdb.connect(db, read_only=True)) and the dashboard's way (in-memory +
ATTACH ... (READ_ONLY)); new connections must never go back in time.
held: both kinds of connection opened once and kept across every publish.
Consistency: events.mentions add up to interactions_corrected, every
interaction has its article, and the articles count matches the number of
runs (the test adds STEP articles per run after BASE).
"""

import json
import sys
import time
import traceback
from pathlib import Path

import duckdb

SNAPSHOT = """
SELECT (SELECT count(*) FROM {p}runs) AS runs,
       (SELECT count(*) FROM {p}articles) AS articles,
       (SELECT count(*) FROM {p}interactions_corrected) AS mentions,
       (SELECT coalesce(sum(mentions), 0) FROM {p}events) AS event_mentions,
       (SELECT count(*) FROM {p}interactions WHERE article_id NOT IN (SELECT article_id FROM {p}articles)) AS orphans,
       (SELECT count(*) FROM {p}stance_matrix) AS pairs
"""


def check(row, base, step, problems, where):
    runs, articles, mentions, event_mentions, orphans, _pairs = row
    if mentions != event_mentions:
        problems.append(f"{where}: {mentions} mentions but events sum to {event_mentions}")
    if orphans:
        problems.append(f"{where}: {orphans} interactions without article")
    if articles != base + step * (runs - 1):
        problems.append(f"{where}: {articles} articles after {runs} runs")


def main():
    db, out, stop, mode, base, step = sys.argv[1:7]
    base, step = int(base), int(step)
    seen, errors, problems, iterations = set(), [], [], 0
    last_runs = 0
    held = []
    if mode == "held":
        user = duckdb.connect(db, read_only=True)
        dash = duckdb.connect()
        dash.execute(f"ATTACH '{db}' AS rel (READ_ONLY)")
        held = [("user", user, ""), ("dashboard", dash, "rel.")]
    started = time.monotonic()
    while not Path(stop).exists() and time.monotonic() - started < 120:
        iterations += 1
        try:
            if mode == "held":
                for name, con, prefix in held:
                    row = con.execute(SNAPSHOT.format(p=prefix)).fetchone()
                    check(row, base, step, problems, name)
                    seen.add(row[0])
            else:
                if iterations % 2:
                    con, prefix, name = duckdb.connect(db, read_only=True), "", "user"
                else:
                    con, prefix, name = duckdb.connect(), "rel.", "dashboard"
                    con.execute(f"ATTACH '{db}' AS rel (READ_ONLY)")
                try:
                    row = con.execute(SNAPSHOT.format(p=prefix)).fetchone()
                finally:
                    con.close()
                check(row, base, step, problems, name)
                if row[0] < last_runs:
                    problems.append(f"{name}: went back from {last_runs} to {row[0]} runs")
                last_runs = max(last_runs, row[0])
                seen.add(row[0])
        except Exception as e:  # the test asserts there are none
            errors.append(f"{type(e).__name__}: {e}\n{traceback.format_exc(limit=3)}")
            time.sleep(0.01)
    Path(out).write_text(json.dumps({"iterations": iterations, "errors": errors[:20], "problems": problems[:20],
                                     "versions": sorted(seen)}))


if __name__ == "__main__":
    main()
