"""Shared fixtures: real files in, real DuckDB files out."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from etl.settings import ROOT, Settings, load_settings

SHARED = ROOT.parent / "shared"
SEED_ARTICLES = ROOT / "seeds" / "articles"
SEED_GOLD = SHARED / "seeds" / "gold.jsonl"


def pytest_addoption(parser):
    parser.addoption("--run-slow", action="store_true", help="also run long benchmarks")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--run-slow"):
        return
    skip = pytest.mark.skip(reason="long benchmark: pass --run-slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


def make_settings(directory: Path, **overrides) -> Settings:
    """Settings whose files all live in `directory` (nothing touches data/)."""
    directory.mkdir(parents=True, exist_ok=True)
    return load_settings(environ={}, db=str(directory / "relations.duckdb"),
                         config=str(directory / "relations.toml"), **overrides)


@pytest.fixture
def settings(tmp_path) -> Settings:
    return make_settings(tmp_path / "data")


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory) -> Settings:
    """The product's main job: the ETL over seeds/articles, published once
    per test session. Tests must not modify it (copy it first)."""
    from etl.documents import iter_paths, read_path
    from etl.runner import Run

    settings = make_settings(tmp_path_factory.mktemp("seed") / "data")
    items = (doc for path in iter_paths([SEED_ARTICLES]) for doc in read_path(path, 10**7, 10**6))
    Run(settings, "run seeds").execute(items)
    return settings


@pytest.fixture
def seed_db_copy(seed_db, tmp_path) -> Settings:
    """A private copy of the seed database and its ETL state."""
    target = make_settings(tmp_path / "data")
    for src, dst in ((seed_db.db, target.db), (seed_db.work_db, target.work_db)):
        shutil.copy(src, dst)
    return target


@pytest.fixture(scope="session")
def extractor():
    """The real pipeline (model + registered components), loaded once."""
    from etl.pipeline import Extractor
    from etl.reference import load_reference

    settings = load_settings(environ={})
    return Extractor(settings.spacy_model, load_reference(settings.seeds_dir), settings.seeds_dir)


@pytest.fixture(scope="session")
def extract(extractor):
    """text -> set of (source, target, type, modality) found in it."""
    from etl.documents import Document

    def run(text: str, published: str | None = None, full: bool = False):
        from datetime import datetime

        doc = Document(key=f"test:{hash(text)}", source="test", text=text,
                       published=datetime.fromisoformat(published) if published else None)
        [(_, rows)] = list(extractor.extract([doc]))
        if full:
            return rows
        return {(r["source_iso3"], r["target_iso3"], r["type"], r["modality"]) for r in rows}
    return run
