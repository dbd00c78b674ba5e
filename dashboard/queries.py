"""Read the published DuckDB file into Polars frames.

Every function opens its own short-lived connection (see `connect`) and
reads the SQL macros in sql/ (`evidence_filtered`, `stance_matrix_for`, ...)
so the numbers in the figures are the same SQL a user runs in the DuckDB CLI,
and the same rows the drill-down lists. Filters are always bound parameters.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path, PurePosixPath
from urllib.parse import urlparse

import duckdb
import polars as pl

FOCUS = ("USA", "JPN", "KOR", "PRK", "CHN", "PHL")
TYPES = ("cooperation", "proposal", "rejection", "threat")
MODALITIES = ("asserted", "planned", "conditional")
UNITS = ("events", "mentions")
QUERY_TIMEOUT = 20.0  # seconds; a query running longer is interrupted
DEFAULT_CHANGE_DAYS = 90  # "what changed" window when no date range is set


class DatabaseMissing(FileNotFoundError):
    """The published file does not exist (yet): `python -m etl run` builds it."""


class QueryTimeout(RuntimeError):
    pass


@dataclass(frozen=True)
class Filters:
    """What the dashboard shows. None means "no filter" (as in the SQL macros);
    an empty tuple means "nothing selected", which matches no rows."""

    date_from: str | None = None
    date_to: str | None = None
    types: tuple[str, ...] | None = None
    modalities: tuple[str, ...] | None = None
    countries: tuple[str, ...] | None = FOCUS
    min_confidence: float = 0.0
    min_sources: int = 1
    unit: str = "events"

    def params(self) -> dict:
        """Bound parameters of the *_for macros (lists, not tuples, for DuckDB)."""
        as_list = lambda v: None if v is None else list(v)  # noqa: E731
        return {"date_from": self.date_from, "date_to": self.date_to, "types": as_list(self.types),
                "modalities": as_list(self.modalities), "countries": as_list(self.countries),
                "min_confidence": float(self.min_confidence), "min_sources": int(self.min_sources)}

    def to_dict(self) -> dict:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}

    @classmethod
    def from_dict(cls, data: dict | None) -> "Filters":
        if not data:
            return cls()
        tup = lambda v: None if v is None else tuple(v)  # noqa: E731
        return cls(date_from=data.get("date_from"), date_to=data.get("date_to"), types=tup(data.get("types")),
                   modalities=tup(data.get("modalities")),
                   countries=tup(data["countries"]) if "countries" in data else FOCUS,
                   min_confidence=float(data.get("min_confidence") or 0.0),
                   min_sources=int(data.get("min_sources") or 1), unit=data.get("unit") or "events")


_FILTER_ARGS = ("date_from := $date_from, date_to := $date_to, types := $types, modalities := $modalities, "
                "countries := $countries, min_confidence := $min_confidence, min_sources := $min_sources")
_STANCE_ARGS = _FILTER_ARGS + ", unit := $unit"


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


@contextlib.contextmanager
def connect(db: Path | str) -> Iterator[duckdb.DuckDBPyConnection]:
    """A fresh in-memory DuckDB that attaches the published file read-only.

    Why not duckdb.connect(path): DuckDB caches one instance per path per
    process, so after the ETL renames a new file over the path a new connect
    could hand back the stale one. ATTACH opens whatever file the path names
    now, and closing releases it, so no lock is held between requests. External
    access is then switched off and locked, so no SQL run here (user-supplied
    included) can read or write any other file.
    """
    path = Path(db)
    if not path.is_file():
        raise DatabaseMissing(f"no published database at {path}: build it with `python -m etl run --db {path}`")
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH {_literal(path)} AS rel (READ_ONLY)")
        con.execute("USE rel")
        con.execute("SET enable_external_access=false")
        con.execute("SET lock_configuration=true")
        yield con
    finally:
        con.close()


def query(db: Path | str, sql: str, params: dict | None = None, timeout: float = QUERY_TIMEOUT) -> pl.DataFrame:
    """Run one query on the current published file, interrupted after `timeout` s."""
    with connect(db) as con:
        timer = threading.Timer(timeout, con.interrupt)
        timer.daemon = True
        timer.start()
        try:
            return con.sql(sql, params=params or {}).pl()
        except duckdb.InterruptException as e:
            raise QueryTimeout(f"query took longer than {timeout:.0f}s and was stopped") from e
        finally:
            timer.cancel()


def version(db: Path | str) -> str:
    """Changes whenever a new file is published (os.replace gives a new inode)."""
    try:
        st = Path(db).stat()
    except FileNotFoundError:
        return "missing"
    return f"{st.st_ino}-{st.st_mtime_ns}"


# --- reference data -------------------------------------------------------------------------

def countries(db) -> pl.DataFrame:
    """Every country with `in_data`: whether any corrected interaction involves it."""
    return query(db, """
        SELECT c.iso3, c.name, c.lat, c.lon, c.focus,
               c.iso3 IN (SELECT source_iso3 FROM interactions_corrected
                          UNION SELECT target_iso3 FROM interactions_corrected) AS in_data
        FROM countries c ORDER BY c.name""")


def country_names(db) -> dict[str, str]:
    """iso3 -> name, for labels."""
    return dict(query(db, "SELECT iso3, name FROM countries").iter_rows())


def overview(db) -> dict:
    """Headline facts for the page header: what the published file holds."""
    row = query(db, """
        SELECT (SELECT count(*) FROM articles) AS articles,
               (SELECT count(*) FROM interactions_corrected) AS interactions,
               (SELECT min(date) FROM evidence) AS first_date,
               (SELECT max(date) FROM evidence) AS last_date,
               (SELECT max(finished_at) FROM runs WHERE status = 'ok') AS last_run""").row(0, named=True)
    return row


# --- the figures and their evidence -----------------------------------------------------------

def matrix(db, f: Filters) -> pl.DataFrame:
    """stance_matrix_for: per directed pair, units per type, total, net stance."""
    return query(db, f"SELECT * FROM stance_matrix_for({_STANCE_ARGS}) ORDER BY source_iso3, target_iso3",
                 {**f.params(), "unit": f.unit})


def edges(db, f: Filters) -> pl.DataFrame:
    """network_edges_for: the matrix with names and coordinates of both ends."""
    return query(db, f"SELECT * FROM network_edges_for({_STANCE_ARGS}) ORDER BY total DESC, source_iso3, target_iso3",
                 {**f.params(), "unit": f.unit})


EVIDENCE_COLUMNS = (
    "interaction_id", "event_id", "article_id", "source_iso3", "source_name", "target_iso3", "target_name",
    "type", "modality", "reciprocal", "date", "event_date", "confidence", "sentence", "sentence_start",
    "sentence_end", "source_text", "source_start", "source_end", "target_text", "target_start", "target_end",
    "trigger_text", "trigger_start", "trigger_end", "negated", "correction", "correction_note", "title", "outlet",
    "url", "article_source", "published_at", "event_sources", "event_mentions",
)


def evidence(db, f: Filters, source: str | None = None, target: str | None = None,
             limit: int | None = None) -> pl.DataFrame:
    """evidence_filtered rows (one per mention), optionally for one directed pair:
    the rows behind a matrix cell or map edge, newest event first."""
    sql = (f"SELECT {', '.join(EVIDENCE_COLUMNS)} FROM ("
           f"SELECT *, max(date) OVER (PARTITION BY event_id) AS event_last FROM evidence_filtered({_FILTER_ARGS}) "
           "WHERE ($source IS NULL OR source_iso3 = $source) AND ($target IS NULL OR target_iso3 = $target)) "
           "ORDER BY event_last DESC NULLS LAST, event_id, date DESC NULLS LAST, confidence DESC, interaction_id")
    params = {**f.params(), "source": source, "target": target}
    if limit is not None:
        sql += " LIMIT $limit"
        params["limit"] = int(limit)
    return query(db, sql, params)


def weekly(db, f: Filters, source: str, target: str) -> pl.DataFrame:
    """weekly_stance_for one pair: its weeks add up to the pair's matrix cell."""
    return query(db, f"SELECT * FROM weekly_stance_for({_STANCE_ARGS}) "
                     "WHERE source_iso3 = $source AND target_iso3 = $target ORDER BY week NULLS LAST",
                 {**f.params(), "unit": f.unit, "source": source, "target": target})


def change_window(db, f: Filters) -> tuple[str, str] | None:
    """The "now" window of the what-changed panel: the filter's date range, or,
    where it is open, the last DEFAULT_CHANGE_DAYS days up to the newest date."""
    if f.date_from and f.date_to:
        return f.date_from, f.date_to
    last = query(db, "SELECT max(date) AS d FROM evidence").item()
    end = date.fromisoformat(f.date_to) if f.date_to else last
    if end is None:
        return None
    start = date.fromisoformat(f.date_from) if f.date_from else end - timedelta(days=DEFAULT_CHANGE_DAYS - 1)
    if start > end:
        return None
    return start.isoformat(), end.isoformat()


def changes(db, f: Filters, limit: int = 10) -> pl.DataFrame:
    """stance_change_for: pairs whose net stance moved most between the window
    and the window of equal length before it (ties: pairs seen in both windows
    first, then new ones, then more volume)."""
    window = change_window(db, f)
    if window is None:
        return pl.DataFrame()
    params = {**f.params(), "unit": f.unit, "limit": int(limit)}
    params["date_from"], params["date_to"] = window
    args = _STANCE_ARGS.replace("date_from := $date_from, date_to := $date_to, ", "")
    return query(db, f"SELECT * FROM stance_change_for($date_from, $date_to, {args}) WHERE delta <> 0 "
                     "ORDER BY abs(delta) DESC, list_position(['moved', 'new', 'quiet'], status), "
                     "total_now + total_before DESC, source_iso3, target_iso3 LIMIT $limit",
                 params)


def pair_events(db, f: Filters, source: str, target: str, date_from: str | None, date_to: str | None) -> pl.DataFrame:
    """pair_events_for: the events of one pair in one window, newest first."""
    params = {**f.params(), "source": source, "target": target, "date_from": date_from, "date_to": date_to}
    return query(db, f"SELECT * FROM pair_events_for($source, $target, {_FILTER_ARGS}) "
                     "ORDER BY first_date DESC NULLS LAST, event_id", params)


def export_frame(db, f: Filters) -> pl.DataFrame:
    """Every mention behind the current view, for CSV/Parquet download."""
    return evidence(db, f)


# --- corrections ------------------------------------------------------------------------------

def interaction(db, interaction_id: str) -> dict | None:
    """One interaction as it stands now (corrections applied), for CorrectionStore.add."""
    frame = query(db, "SELECT * EXCLUDE (correction, correction_note) FROM interactions_corrected "
                      "WHERE interaction_id = $id", {"id": interaction_id})
    return frame.row(0, named=True) if frame.height else None


def published_correction_ids(db) -> set[str]:
    """Corrections already applied in the published file."""
    return set(query(db, "SELECT correction_id FROM corrections")["correction_id"].to_list())


def article_name(source: str | None, url: str | None, article_id: str) -> str:
    """The `article` of a gold line: the file name of the source path, or the
    last segment of its URL."""
    for candidate in (source, url):
        if not candidate:
            continue
        parsed = urlparse(candidate)
        name = PurePosixPath(parsed.path).name if parsed.scheme in ("http", "https", "file") else Path(candidate).name
        if name:
            return name
    return article_id


def gold_inputs(db) -> tuple[list[dict], dict[str, str]]:
    """The extracted interactions and article names export_gold needs."""
    inter = query(db, "SELECT interaction_id, article_id, source_iso3, target_iso3, type, sentence "
                      "FROM interactions ORDER BY interaction_id")
    arts = query(db, "SELECT article_id, source, url FROM articles")
    names = {r["article_id"]: article_name(r["source"], r["url"], r["article_id"]) for r in arts.iter_rows(named=True)}
    return inter.to_dicts(), names


def spreadsheet_safe(frame: pl.DataFrame) -> pl.DataFrame:
    """Text cells a spreadsheet would run as formulas ("=HYPERLINK(…)" in an
    article sentence) get a leading apostrophe in CSV exports (OWASP CSV
    injection advice); Parquet keeps the text exactly."""
    text_cols = [c for c, t in frame.schema.items() if t == pl.String]
    return frame.with_columns([
        pl.when(pl.col(c).str.contains(r"^[=+\-@\t\r]"))
        .then(pl.lit("'") + pl.col(c)).otherwise(pl.col(c)).alias(c)
        for c in text_cols
    ])
