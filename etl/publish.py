"""Publish the work state as a new DuckDB file, atomically.

The new file is built beside the published one under a temporary name, by
running sql/*.sql in order against it (with the work state attached
read-only as `work`), checked with sql/checks/*.sql, checkpointed, fsynced,
and renamed over the published path. A reader that has the old file open
keeps reading the old inode until it closes; the next open sees the new
file. Nothing ever writes into the published file, so readers never block a
run and a run never blocks readers. A crash at any point leaves the old file
untouched (a stale temporary file is removed by the next publish).
"""

from __future__ import annotations

import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import duckdb


class PublishError(RuntimeError):
    pass


@dataclass
class CheckFailure:
    name: str
    description: str
    rows: list


def _sql_literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _description(sql_text: str) -> str:
    lines = [ln[2:].strip() for ln in sql_text.splitlines() if ln.startswith("--")]
    return " ".join(lines) or "check"


def run_checks(con: duckdb.DuckDBPyConnection, checks_dir: Path) -> list[CheckFailure]:
    """Each check is a query that must return no rows."""
    failures = []
    for path in sorted(checks_dir.glob("*.sql")):
        sql_text = path.read_text()
        rows = con.sql(sql_text).fetchall()
        if rows:
            failures.append(CheckFailure(path.stem, _description(sql_text), rows[:5]))
    return failures


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temporaries(db: Path) -> None:
    """Temporary files left by a publish that was killed."""
    for tmp in db.parent.glob(f".{db.name}.*.tmp*"):
        try:
            pid = int(tmp.name[len(db.name) + 2:].split(".", 1)[0])
        except ValueError:
            continue
        if pid == os.getpid() or not _pid_alive(pid):
            tmp.unlink(missing_ok=True)


def _fsync(path: Path, directory: bool = False) -> None:
    fd = os.open(path, os.O_RDONLY | (os.O_DIRECTORY if directory else 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(db: Path, work_db: Path, sql_dir: Path) -> float:
    """Build and swap in a new published file; returns seconds taken.

    The caller holds the run lock and has closed its own connection to
    `work_db` (DuckDB allows one configuration per file per process).
    """
    started = time.monotonic()
    db.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(db)
    tmp = db.with_name(f".{db.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        con = duckdb.connect(str(tmp))
        try:
            con.execute(f"ATTACH {_sql_literal(work_db)} AS work (READ_ONLY)")
            for path in sorted(sql_dir.glob("*.sql")):
                try:
                    con.execute(path.read_text())
                except duckdb.Error as e:
                    raise PublishError(f"{path.name}: {e}") from e
            con.execute("DETACH work")
            failures = run_checks(con, sql_dir / "checks")
            if failures:
                detail = "; ".join(f"{f.name} ({f.description}) e.g. {f.rows[0]}" for f in failures)
                raise PublishError(f"checks failed, previous file kept: {detail}")
            con.execute("CHECKPOINT")
        finally:
            con.close()
        _fsync(tmp)
        os.replace(tmp, db)
        _fsync(db.parent, directory=True)
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
            leftover.unlink(missing_ok=True)
    return time.monotonic() - started
