"""Analysts' corrections: stored in SQLite beside the published file.

They live outside the DuckDB file so that saving one never waits for, or
blocks, a reader or a refresh. Every publish copies them in (table
`corrections`) and the view `interactions_corrected` applies them, so they
survive refreshes and re-extraction: they are keyed by `interaction_id`,
which is stable for the same sentence, pair and type.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from datetime import datetime, timezone
from pathlib import Path

ACTIONS = ("wrong", "change", "confirm")
TYPES = ("cooperation", "proposal", "rejection", "threat")
COLUMNS = ("correction_id", "interaction_id", "action", "new_type", "new_source_iso3", "new_target_iso3",
           "note", "author", "created_at", "article_id", "source_iso3", "target_iso3", "type", "sentence")

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS corrections (
    correction_id   TEXT PRIMARY KEY,
    interaction_id  TEXT NOT NULL,
    action          TEXT NOT NULL CHECK (action IN {ACTIONS}),
    new_type        TEXT CHECK (new_type IS NULL OR new_type IN {TYPES}),
    new_source_iso3 TEXT,
    new_target_iso3 TEXT,
    note            TEXT NOT NULL DEFAULT '',
    author          TEXT,
    created_at      TEXT NOT NULL,
    article_id      TEXT,
    source_iso3     TEXT,
    target_iso3     TEXT,
    type            TEXT,
    sentence        TEXT
);
CREATE INDEX IF NOT EXISTS corrections_interaction ON corrections (interaction_id, created_at);
"""


class CorrectionError(ValueError):
    pass


class CorrectionStore:
    def __init__(self, path: Path):
        self.path = Path(path)

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA busy_timeout=30000")
        con.executescript(_SCHEMA)
        return con

    def add(self, interaction: dict, action: str, *, new_type: str | None = None,
            reverse: bool = False, note: str = "", author: str | None = None) -> dict:
        """Record one correction of `interaction` (a row of the published
        interactions) and return it."""
        if action not in ACTIONS:
            raise CorrectionError(f"unknown action {action!r}: expected one of {', '.join(ACTIONS)}")
        if new_type is not None and new_type not in TYPES:
            raise CorrectionError(f"unknown type {new_type!r}: expected one of {', '.join(TYPES)}")
        if action == "change" and new_type in (None, interaction["type"]) and not reverse:
            raise CorrectionError("a change needs a new type or a reversed direction")
        src, tgt = interaction["source_iso3"], interaction["target_iso3"]
        row = {
            "correction_id": uuid.uuid4().hex[:16],
            "interaction_id": interaction["interaction_id"],
            "action": action,
            "new_type": (new_type or interaction["type"]) if action == "change" else None,
            "new_source_iso3": (tgt if reverse else src) if action == "change" else None,
            "new_target_iso3": (src if reverse else tgt) if action == "change" else None,
            "note": (note or "").strip()[:2000],
            "author": (author or "").strip()[:100] or None,
            "created_at": datetime.now(timezone.utc).replace(tzinfo=None).isoformat(timespec="microseconds"),
            "article_id": interaction.get("article_id"),
            "source_iso3": src,
            "target_iso3": tgt,
            "type": interaction["type"],
            "sentence": interaction.get("sentence"),
        }
        with self._connect() as con:
            con.execute(f"INSERT INTO corrections ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})",
                        [row[c] for c in COLUMNS])
        return row

    def all(self) -> list[dict]:
        """Every correction, oldest first (the newest per interaction wins)."""
        if not self.path.exists():
            return []
        with self._connect() as con:
            cur = con.execute(f"SELECT {', '.join(COLUMNS)} FROM corrections ORDER BY created_at, correction_id")
            return [dict(zip(COLUMNS, r)) for r in cur.fetchall()]


def export_gold(corrections: list[dict], interactions: list[dict], article_names: dict[str, str]) -> list[dict]:
    """Gold lines (ANNOTATION.md format) for every article an analyst reviewed.

    Confirmed and changed interactions are gold; ones marked wrong are left
    out; interactions nobody reviewed in those articles are optional (neither
    credited nor penalised), because nobody vouched for them either way.
    """
    latest: dict[str, dict] = {}
    for c in corrections:
        latest[c["interaction_id"]] = c
    reviewed = {c["article_id"] for c in latest.values() if c.get("article_id")}
    gold: dict[tuple, dict] = {}
    for it in interactions:
        if it["article_id"] not in reviewed:
            continue
        c = latest.get(it["interaction_id"])
        if c and c["action"] == "wrong":
            continue
        if c and c["action"] == "change":
            src, tgt, typ = c["new_source_iso3"], c["new_target_iso3"], c["new_type"]
        else:
            src, tgt, typ = it["source_iso3"], it["target_iso3"], it["type"]
        key = (article_names.get(it["article_id"], it["article_id"]), src, tgt, typ)
        optional = c is None
        if key in gold and not gold[key]["optional"]:
            continue
        gold[key] = {"article": key[0], "source": src, "target": tgt, "type": typ,
                     "optional": optional, "evidence": it.get("sentence", "")}
    return sorted(gold.values(), key=lambda g: (g["article"], g["source"], g["target"], g["type"]))


def dumps_jsonl(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
