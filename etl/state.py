"""The ETL's private incremental state (a DuckDB file only the ETL opens).

Articles, their interactions, feed caches, skipped inputs and runs live here
between runs; publish.py turns them into the public file. Each batch of
articles is one transaction, so a run killed at any moment loses at most the
batch in flight and never leaves an article without its interactions.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import polars as pl

SCHEMA = Path(__file__).with_name("state.sql")


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


@dataclass
class RunCounts:
    articles_seen: int = 0
    articles_added: int = 0
    articles_updated: int = 0
    articles_skipped: int = 0
    duplicates: int = 0
    interactions_added: int = 0
    errors: int = 0
    messages: list[str] = field(default_factory=list)


class WorkState:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.con = duckdb.connect(str(path))
        self.con.execute(SCHEMA.read_text())

    # --- reference data -------------------------------------------------
    def replace_table(self, table: str, frame: pl.DataFrame) -> None:
        """Swap a reference table's rows for `frame` (columns matched by name)."""
        cols = [r[0] for r in self.con.sql(f"DESCRIBE {table}").fetchall()]
        if frame.height == 0:
            frame = pl.DataFrame(schema={c: pl.String for c in cols})
        frame = frame.select([pl.col(c) if c in frame.columns else pl.lit(None).alias(c) for c in cols])
        self.con.register("_incoming", frame.to_arrow())
        try:
            self.con.execute("BEGIN")
            self.con.execute(f"DELETE FROM {table}")
            self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _incoming")
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        finally:
            self.con.unregister("_incoming")

    # --- articles --------------------------------------------------------
    def known_articles(self) -> dict[str, dict]:
        """article_id -> content hash and metadata, to tell unchanged input from new."""
        rows = self.con.sql("SELECT article_id, content_hash, source, title, outlet, url, published_at, date_source "
                            "FROM articles").pl().to_dicts()
        return {r.pop("article_id"): r for r in rows}

    def content_hashes(self) -> dict[str, str]:
        """content_hash -> article_id of canonical articles, for exact-copy detection."""
        rows = self.con.sql("SELECT content_hash, article_id FROM articles WHERE duplicate_of IS NULL "
                            "ORDER BY ingested_at, article_id").fetchall()
        out: dict[str, str] = {}
        for h, a in rows:
            out.setdefault(h, a)
        return out

    def signatures(self) -> list[tuple[str, list[int]]]:
        return self.con.sql("SELECT article_id, signature FROM articles "
                            "WHERE duplicate_of IS NULL AND signature IS NOT NULL").fetchall()

    def articles_to_reextract(self, version: str) -> list[dict]:
        rows = self.con.sql(
            "SELECT article_id, key, source, title, outlet, url, published_at, date_source, text FROM articles "
            "WHERE duplicate_of IS NULL AND extractor_version IS DISTINCT FROM $v ORDER BY ingested_at, article_id",
            params={"v": version}).pl()
        return rows.to_dicts()

    def save_batch(self, articles: list[dict], interactions: dict[str, list[dict]]) -> None:
        """Upsert articles and replace the interactions of each extracted one,
        all in one transaction."""
        if not articles and not interactions:
            return
        self.con.execute("BEGIN")
        try:
            if articles:
                ids = [a["article_id"] for a in articles]
                old = dict(self.con.sql("SELECT article_id, ingested_at FROM articles WHERE list_contains($ids, article_id)",
                                        params={"ids": ids}).fetchall())
                for a in articles:
                    a["ingested_at"] = old.get(a["article_id"], a["ingested_at"])
                frame = pl.DataFrame(articles, schema_overrides={"signature": pl.List(pl.UInt32)},
                                     infer_schema_length=None)
                self.con.register("_articles", frame.to_arrow())
                self.con.execute("DELETE FROM articles WHERE list_contains($ids, article_id)", {"ids": ids})
                self.con.execute("INSERT INTO articles BY NAME SELECT * FROM _articles")
                self.con.unregister("_articles")
            if interactions:
                ids = list(interactions)
                self.con.execute("DELETE FROM interactions WHERE list_contains($ids, article_id)", {"ids": ids})
                rows = [r for rs in interactions.values() for r in rs]
                if rows:
                    frame = pl.DataFrame(rows, infer_schema_length=None)
                    self.con.register("_interactions", frame.to_arrow())
                    self.con.execute("INSERT INTO interactions BY NAME SELECT * FROM _interactions")
                    self.con.unregister("_interactions")
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def update_metadata(self, article_id: str, doc_fields: dict) -> None:
        sets = ", ".join(f"{k} = ${k}" for k in doc_fields)
        self.con.execute(f"UPDATE articles SET {sets}, updated_at = $now WHERE article_id = $id",
                         {**doc_fields, "now": utcnow(), "id": article_id})

    # --- feeds (etl refresh) ----------------------------------------------
    def feed_states(self) -> dict[str, dict]:
        """feed_url -> cache validators, with `run_ok`: whether the run that
        stored them finished (only then may they be sent: a 304 skips the feed's items)."""
        rows = self.con.sql(
            "SELECT f.feed_url, f.etag, f.last_modified, f.fetched_at, f.status, f.items, f.run_id, "
            "coalesce(r.status = 'ok', false) AS run_ok "
            "FROM feed_state f LEFT JOIN runs r USING (run_id)").pl().to_dicts()
        return {r.pop("feed_url"): r for r in rows}

    def save_feed_state(self, feed_url: str, etag: str | None, last_modified: str | None, status: str,
                        items: int | None, run_id: str | None) -> None:
        self.con.execute("BEGIN")
        try:
            self.con.execute("DELETE FROM feed_state WHERE feed_url = $u", {"u": feed_url})
            self.con.execute("INSERT INTO feed_state (feed_url, etag, last_modified, fetched_at, status, items, run_id) "
                             "VALUES ($u, $e, $m, $t, $s, $n, $r)",
                             {"u": feed_url, "e": etag, "m": last_modified, "t": utcnow(), "s": status,
                              "n": items, "r": run_id})
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def feed_item_index(self) -> dict[str, dict]:
        """Canonical item URL -> outcome, article_id, entry stamp, attempts, and
        `present`: whether its article is committed (a run killed between
        recording an item and committing its batch leaves it absent: fetch again)."""
        rows = self.con.sql(
            "SELECT f.url, f.feed_url, f.outcome, f.article_id, f.reason, f.updated, "
            "coalesce(f.attempts, 1) AS attempts, a.article_id IS NOT NULL AS present "
            "FROM feed_items f LEFT JOIN (SELECT DISTINCT article_id FROM articles) a "
            "ON a.article_id = f.article_id").pl().to_dicts()
        return {r.pop("url"): r for r in rows}

    def record_feed_item(self, url: str, feed_url: str, outcome: str, article_id: str | None,
                         reason: str | None, updated: str | None) -> None:
        """One row per canonical item URL: its latest outcome."""
        now = utcnow()
        self.con.execute("BEGIN")
        try:
            old = self.con.execute("SELECT min(first_seen), max(coalesce(attempts, 1)), arg_max(outcome, first_seen) "
                                   "FROM feed_items WHERE url = $u", {"u": url}).fetchone()
            first_seen = old[0] or now
            attempts = (old[1] or 0) + 1 if old[2] == "failed" and outcome == "failed" else 1
            self.con.execute("DELETE FROM feed_items WHERE url = $u", {"u": url})
            self.con.execute("INSERT INTO feed_items (url, feed_url, first_seen, outcome, article_id, reason, updated, "
                             "last_seen, attempts) VALUES ($u, $f, $fs, $o, $a, $r, $up, $n, $at)",
                             {"u": url, "f": feed_url, "fs": first_seen, "o": outcome, "a": article_id, "r": reason,
                              "up": updated, "n": now, "at": attempts})
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    # --- errors and runs --------------------------------------------------
    def record_error(self, source: str, reason: str, run_id: str) -> None:
        now = utcnow()
        hit = self.con.sql("SELECT count(*) FROM ingest_errors WHERE source = $s AND reason = $r",
                           params={"s": source, "r": reason}).fetchall()[0][0]
        if hit:
            self.con.execute("UPDATE ingest_errors SET last_seen = $n, times = times + 1, last_run = $run "
                             "WHERE source = $s AND reason = $r", {"n": now, "run": run_id, "s": source, "r": reason})
        else:
            self.con.execute("INSERT INTO ingest_errors VALUES ($s, $r, $n, $n, 1, $run)",
                             {"s": source, "r": reason, "n": now, "run": run_id})

    def start_run(self, command: str) -> str:
        run_id = utcnow().strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
        # A run that never finished was killed: say so instead of leaving it "running".
        self.con.execute("UPDATE runs SET status = 'interrupted', message = coalesce(message, 'process ended before the run finished') "
                         "WHERE status = 'running'")
        self.con.execute("INSERT INTO runs (run_id, command, started_at, status) VALUES ($id, $c, $t, 'running')",
                         {"id": run_id, "c": command, "t": utcnow()})
        return run_id

    def finish_run(self, run_id: str, counts: RunCounts, status: str) -> None:
        """Record how the run ended; `published` stays false until mark_published."""
        self.con.execute(
            "UPDATE runs SET finished_at = $t, status = $s, articles_seen = $seen, articles_added = $added, "
            "articles_updated = $updated, articles_skipped = $skipped, duplicates = $dups, "
            "interactions_added = $inter, errors = $errors, published = false, message = $msg WHERE run_id = $id",
            {"t": utcnow(), "s": status, "seen": counts.articles_seen, "added": counts.articles_added,
             "updated": counts.articles_updated, "skipped": counts.articles_skipped, "dups": counts.duplicates,
             "inter": counts.interactions_added, "errors": counts.errors,
             "msg": "; ".join(counts.messages)[:4000] or None, "id": run_id})

    def mark_published(self, run_id: str) -> None:
        """After the publish: the copy of this row inside the published file
        still says false (it was copied before the rename), the state knows better."""
        self.con.execute("UPDATE runs SET published = true WHERE run_id = $id", {"id": run_id})

    def close(self) -> None:
        try:
            self.con.execute("CHECKPOINT")
        finally:
            self.con.close()
