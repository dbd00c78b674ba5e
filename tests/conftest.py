"""Shared fixtures: real files in, real DuckDB files out."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from etl.settings import ROOT, Settings, load_settings

SEED_ARTICLES = ROOT / "seeds" / "articles"
SEED_GOLD = ROOT / "seeds" / "gold.jsonl"  # a copy of ../shared/seeds/gold.jsonl: tests need nothing outside the repo


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


# --- dashboard fixtures -------------------------------------------------------------------------
# A small synthetic corpus spread over 2024, so dates, trends, filters and the
# "what changed" windows have something to show. Each entry: (name, published,
# outlet, title, text, url). Built once per session by the real ETL.

DASHBOARD_ARTICLES = [
    ("a00", "2024-01-08", "Yonhap", "North Korea fires missiles",
     "North Korea fired ballistic missiles toward Japan on Monday, and Tokyo condemned Pyongyang for the launch. "
     "Japan protested to North Korea through diplomatic channels.", "https://example.org/news/a00.html"),
    ("a00copy", "2024-01-08", "Korea Herald", "North Korea fires missiles",
     "North Korea fired ballistic missiles toward Japan on Monday, and Tokyo condemned Pyongyang for the launch. "
     "Japan protested to North Korea through diplomatic channels.", "https://example.com/world/a00copy"),
    ("a01", "2024-01-22", "Kyodo", "Japan and South Korea hold talks",
     "Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Seoul. "
     "Japan and South Korea signed an agreement on defense cooperation.", "https://example.org/news/a01.html"),
    ("a02", "2024-02-05", "Reuters", "China warns Philippines",
     "China warned the Philippines over the South China Sea. Chinese coast guard vessels fired water cannon at "
     "Philippine boats, and Manila summoned the Chinese ambassador.", "https://example.org/news/a02.html"),
    ("a03", "2024-02-19", "AP", "US and Philippines drills",
     "The United States and the Philippines held joint military exercises. Washington pledged support to Manila.",
     "https://example.org/news/a03.html"),
    ("a04", "2024-03-04", "Reuters", "North Korea rejects talks",
     "North Korea rejected a proposal from South Korea for talks. Seoul proposed talks with Pyongyang on family "
     "reunions.", "https://example.org/news/a04.html"),
    ("a05", "2024-03-18", "NHK", "US-Japan summit",
     "President Joe Biden met Japanese Prime Minister Fumio Kishida at the White House. The United States and "
     "Japan agreed to deepen their alliance.", "https://example.org/news/a05.html"),
    ("a06", "2024-04-01", "Xinhua", "China criticises US",
     "China criticized the United States for its arms sales. Beijing accused Washington of interference.",
     "javascript:alert('not a link')"),
    ("a07", "2024-04-15", "Yonhap", "South Korea and US exercises",
     "South Korea and the United States held joint drills. North Korea threatened South Korea with nuclear "
     "retaliation.", "https://example.org/news/a07.html"),
    ("a08", "2024-05-06", "Kyodo", "Japan invites China",
     "Japan invited China to a trilateral summit with South Korea. China accepted the invitation from Japan.",
     "https://example.org/news/a08.html"),
    ("a09", "2024-05-20", "Reuters", "Philippines protests China",
     "The Philippines protested to China after Chinese vessels blocked a resupply mission. China threatened the "
     "Philippines with countermeasures.", "https://example.org/news/a09.html"),
    ("a10", "2024-06-03", "AP", "US sanctions North Korea",
     "The United States imposed sanctions on North Korea. Washington warned Pyongyang against further launches.",
     "https://example.org/news/a10.html"),
    ("a11", "2024-06-17", "NHK", "Japan Philippines pact",
     "Japan and the Philippines signed a reciprocal access agreement. Tokyo pledged patrol vessels to Manila.",
     "https://example.org/news/a11.html"),
    ("a12", "2024-07-08", "Rappler", "China and Philippines clash <again>",
     "China threatened the Philippines near Second Thomas Shoal <b>again</b>. The Philippines condemned China "
     "for the <script>alert(1)</script> attack.", None),
    ("a13", "2024-07-22", "Kyodo", "Japan to hold talks with China",
     "Japan will hold talks with China next month. Japan proposed a hotline with China.",
     "https://example.org/news/a13.html"),
    ("a14", "2024-08-05", "Yonhap", "Seoul and Tokyo drills",
     "South Korea and Japan held joint naval drills. North Korea warned Japan against the exercises.",
     "https://example.org/news/a14.html"),
    ("a15", "2024-08-19", "AP", "US and China talks",
     "The United States and China held talks in Beijing. Washington praised Beijing for the agreement.",
     "https://example.org/news/a15.html"),
]


def write_dashboard_corpus(directory: Path) -> Path:
    """The synthetic articles as .txt files with .meta.json sidecars."""
    import json

    directory.mkdir(parents=True, exist_ok=True)
    for name, published, outlet, title, text, url in DASHBOARD_ARTICLES:
        (directory / f"{name}.txt").write_text(f"{title}\n\n{text}\n", encoding="utf-8")
        meta = {"published": published, "outlet": outlet, "title": title}
        if url:
            meta["url"] = url
        (directory / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return directory


def run_etl(settings: Settings, *paths: Path) -> None:
    """The real ETL run, in this process (as the `seed_db` fixture does)."""
    from etl.documents import iter_paths, read_path
    from etl.runner import Run

    items = (doc for path in iter_paths(list(paths)) for doc in read_path(path, 10**7, 10**6))
    Run(settings, "run " + " ".join(map(str, paths))).execute(items)


@pytest.fixture(scope="session")
def dashboard_corpus(tmp_path_factory) -> Path:
    return write_dashboard_corpus(tmp_path_factory.mktemp("dashboard-corpus") / "articles")


@pytest.fixture(scope="session")
def dashboard_db(tmp_path_factory, dashboard_corpus) -> Settings:
    """The synthetic corpus published by the real ETL. Do not modify (copy it)."""
    settings = make_settings(tmp_path_factory.mktemp("dashboard") / "data")
    run_etl(settings, dashboard_corpus)
    return settings


@pytest.fixture
def dashboard_db_copy(dashboard_db, tmp_path) -> Settings:
    """A private copy of dashboard_db and its ETL state (for corrections and re-runs)."""
    target = make_settings(tmp_path / "data")
    for src, dst in ((dashboard_db.db, target.db), (dashboard_db.work_db, target.work_db)):
        shutil.copy(src, dst)
    return target


@pytest.fixture
def live_dashboard():
    """Start the real dashboard (threaded werkzeug server) on a free 127.0.0.1
    port: live_dashboard(db_path) -> base URL. Stopped after the test."""
    from dashboard.app import Server, create_app

    servers = []

    def start(db_path) -> str:
        server = Server(create_app(db_path), "127.0.0.1", 0).start()
        servers.append(server)
        return server.url

    yield start
    for server in servers:
        server.app.server.extensions["relations_republisher"].wait(60)
        server.stop()
