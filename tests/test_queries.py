"""Queries against real files published by the real ETL: filters, counts that
match the drill-down, the trends and what-changed SQL, the connection rules,
and the URL state."""

from __future__ import annotations

import shutil
from datetime import date

import duckdb
import polars as pl
import pytest

from conftest import run_etl
from dashboard import queries, urlstate
from dashboard.queries import FOCUS, Filters
from etl.corrections import CorrectionStore, export_gold
from etl.settings import ROOT

FILTER_CASES = [
    Filters(),
    Filters(countries=None),
    Filters(types=("threat", "rejection")),
    Filters(date_from="2024-02-01", date_to="2024-05-31"),
    Filters(modalities=("planned",)),
    Filters(min_confidence=0.75, countries=None),
    Filters(min_sources=2),
]


def cell_counts(db, f: Filters) -> dict[tuple[str, str], int]:
    m = queries.matrix(db, f)
    return {(r["source_iso3"], r["target_iso3"]): r["total"] for r in m.iter_rows(named=True)}


@pytest.mark.parametrize("unit", ["events", "mentions"])
@pytest.mark.parametrize("f", FILTER_CASES, ids=lambda f: urlstate.render(urlstate.ViewState(f)) or "default")
def test_matrix_counts_equal_drilldown_rows(dashboard_db, f, unit):
    """Every cell's number is exactly what clicking it lists: its mentions, or
    the distinct events among them; and the weekly trend adds up to it."""
    db = dashboard_db.db
    f = Filters(**{**f.__dict__, "unit": unit})
    counts = cell_counts(db, f)
    everything = queries.evidence(db, f)
    pairs = set(zip(everything["source_iso3"], everything["target_iso3"]))
    assert pairs == set(counts)
    for (src, tgt), n in counts.items():
        rows = queries.evidence(db, f, src, tgt)
        listed = rows.height if unit == "mentions" else rows["event_id"].n_unique()
        assert listed == n, (src, tgt)
        assert int(queries.weekly(db, f, src, tgt)["total"].sum()) == n
    edges = queries.edges(db, f)
    assert dict(zip(zip(edges["source_iso3"], edges["target_iso3"]), edges["total"])) == counts


def test_default_view_is_the_focus_countries(seed_db):
    everywhere = queries.evidence(seed_db.db, Filters(countries=None))
    focus = queries.evidence(seed_db.db, Filters())
    assert set(everywhere["source_iso3"]) - set(FOCUS)  # the seed articles mention Russia and Ukraine
    assert set(focus["source_iso3"]) | set(focus["target_iso3"]) <= set(FOCUS)
    assert 0 < focus.height < everywhere.height
    m = queries.matrix(seed_db.db, Filters())
    assert m.height and set(m["source_iso3"]) <= set(FOCUS)


def test_filters_change_results(dashboard_db):
    db = dashboard_db.db
    base = queries.evidence(db, Filters(countries=None))
    threats = queries.evidence(db, Filters(countries=None, types=("threat",)))
    assert 0 < threats.height < base.height and set(threats["type"]) == {"threat"}
    spring = queries.evidence(db, Filters(countries=None, date_from="2024-03-01", date_to="2024-04-30"))
    assert spring.height and spring["date"].min() >= date(2024, 3, 1) and spring["date"].max() <= date(2024, 4, 30)
    planned = queries.evidence(db, Filters(countries=None, modalities=("planned",)))
    assert planned.height and set(planned["modality"]) == {"planned"}
    values = sorted(set(base["confidence"].to_list()))  # whatever the extractor's scale: a value in the middle
    assert len(values) > 1
    threshold = values[len(values) // 2]
    confident = queries.evidence(db, Filters(countries=None, min_confidence=threshold))
    assert 0 < confident.height < base.height and confident["confidence"].min() >= threshold
    # only the missile story was reported by two outlets (a syndicated copy)
    syndicated = queries.evidence(db, Filters(countries=None, min_sources=2))
    assert syndicated.height and set(syndicated["event_sources"]) == {2}
    assert set(syndicated["date"]) == {date(2024, 1, 8)}
    two = queries.evidence(db, Filters(countries=("CHN", "PHL")))
    assert set(two["source_iso3"]) | set(two["target_iso3"]) == {"CHN", "PHL"}
    assert queries.evidence(db, Filters(types=())).height == 0  # nothing chosen, nothing shown
    # events count each event once, mentions every report
    ev, me = queries.matrix(db, Filters()), queries.matrix(db, Filters(unit="mentions"))
    assert ev["total"].sum() < me["total"].sum() == base.filter(
        pl.col("source_iso3").is_in(FOCUS) & pl.col("target_iso3").is_in(FOCUS)).height


def test_weekly_timeline_buckets_by_week(dashboard_db):
    w = queries.weekly(dashboard_db.db, Filters(unit="mentions"), "CHN", "PHL")
    assert w["week"].to_list() == [date(2024, 2, 5), date(2024, 5, 20), date(2024, 7, 8)]
    assert all(d.weekday() == 0 for d in w["week"])
    assert w["threat"].to_list() == [3, 1, 1] and w["net_stance"].to_list() == [-1.0, -1.0, -1.0]


def test_what_changed_compares_equal_windows(dashboard_db):
    db = dashboard_db.db
    f = Filters(date_from="2024-07-01", date_to="2024-08-31")
    moved = queries.changes(db, f, limit=50)
    assert set(moved["before_from"].cast(str)) == {"2024-04-30"} and set(moved["before_to"].cast(str)) == {"2024-06-30"}
    deltas = moved["delta"].abs().to_list()
    assert deltas == sorted(deltas, reverse=True)
    by_pair = {(r["source_iso3"], r["target_iso3"]): r for r in moved.iter_rows(named=True)}
    # USA->CHN: nothing before, cooperation in August
    assert by_pair[("USA", "CHN")]["net_before"] is None and by_pair[("USA", "CHN")]["delta"] == 1.0
    assert by_pair[("USA", "CHN")]["status"] == "new"
    assert {r["status"] for r in by_pair.values()} <= {"new", "quiet", "moved"}
    for r in by_pair.values():
        assert r["status"] != "quiet" or (r["total_now"] == 0 and r["delta"] == -r["net_before"])
    # the numbers are the matrix's numbers for each window
    now = cell_counts(db, f)
    before = cell_counts(db, Filters(date_from="2024-04-30", date_to="2024-06-30"))
    for (src, tgt), r in by_pair.items():
        assert r["total_now"] == now.get((src, tgt), 0) and r["total_before"] == before.get((src, tgt), 0)
        events = queries.pair_events(db, f, src, tgt, "2024-07-01", "2024-08-31")
        assert events.height == r["total_now"]
    # with no date filter the window is the last 90 days up to the newest date
    assert queries.change_window(db, Filters()) == ("2024-05-25", "2024-08-22")


def test_sql_checks_pass_and_can_fail(dashboard_db, tmp_path):
    checks = sorted((ROOT / "sql" / "checks").glob("1*.sql"))
    assert [c.name for c in checks] == ["100_evidence_complete.sql", "110_weekly_adds_up.sql",
                                        "120_previous_window.sql"]
    for check in checks:
        assert queries.query(dashboard_db.db, check.read_text()).height == 0, check.name
    broken = tmp_path / "broken.duckdb"
    shutil.copy(dashboard_db.db, broken)
    con = duckdb.connect(str(broken))
    try:
        con.execute("CREATE OR REPLACE MACRO previous_window(date_from, date_to) AS "
                    "{'date_from': CAST(date_from AS DATE) - 30, 'date_to': CAST(date_from AS DATE)}")
        assert con.sql(checks[2].read_text()).fetchall()
        con.execute("CREATE OR REPLACE VIEW stance_matrix AS "
                    "SELECT * REPLACE (total + 1 AS total) FROM stance_matrix_for()")
        assert con.sql(checks[1].read_text()).fetchall()
        con.execute("INSERT INTO event_mentions SELECT * FROM event_mentions LIMIT 1")  # a mention listed twice
        assert con.sql(checks[0].read_text()).fetchall()
    finally:
        con.close()


def test_each_call_sees_the_newest_published_file(dashboard_db_copy, tmp_path):
    db = dashboard_db_copy.db
    before = queries.evidence(db, Filters(countries=None)).height
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "x.txt").write_text("Talks\n\nThe Philippines proposed talks with South Korea on maritime security.\n")
    run_etl(dashboard_db_copy, extra)
    after = queries.evidence(db, Filters(countries=None))
    assert after.height > before
    assert ("PHL", "KOR") in set(zip(after["source_iso3"], after["target_iso3"]))
    assert queries.version(db) != "missing"


def test_sql_cannot_touch_files_and_is_time_limited(dashboard_db, tmp_path):
    with pytest.raises(duckdb.PermissionException):
        queries.query(dashboard_db.db, "SELECT * FROM read_csv('/etc/passwd')")
    with pytest.raises(duckdb.PermissionException):
        queries.query(dashboard_db.db, f"COPY articles TO '{tmp_path / 'leak.csv'}'")
    with pytest.raises(duckdb.Error):
        queries.query(dashboard_db.db, "SET enable_external_access = true")
    assert not (tmp_path / "leak.csv").exists()
    with pytest.raises(queries.QueryTimeout):
        queries.query(dashboard_db.db, "SELECT count(*) FROM range(100000000) a, range(100000000) b", timeout=0.3)
    with pytest.raises(queries.DatabaseMissing, match="python -m etl run"):
        queries.query(tmp_path / "nope.duckdb", "SELECT 1")
    # the path is quoted, not pasted
    odd = tmp_path / "it's here.duckdb"
    shutil.copy(dashboard_db.db, odd)
    assert queries.query(odd, "SELECT count(*) AS n FROM articles").item() > 0


def test_gold_export_names_articles_by_file(dashboard_db_copy):
    db = dashboard_db_copy.db
    row = queries.evidence(db, Filters(types=("threat",)), "CHN", "PHL").row(0, named=True)
    store = CorrectionStore(dashboard_db_copy.corrections_db)
    store.add(queries.interaction(db, row["interaction_id"]), "wrong", note="test")
    interactions, names = queries.gold_inputs(db)
    gold = export_gold(store.all(), interactions, names)
    assert gold and {g["article"] for g in gold} <= {f"a{i:02d}.txt" for i in range(16)}
    assert queries.article_name("https://example.org/news/a01.html?x=1", None, "id") == "a01.html"
    assert queries.article_name(None, None, "id") == "id"


# --- URL state ---------------------------------------------------------------------------------

STATES = [
    urlstate.ViewState(),
    urlstate.ViewState(Filters(date_from="2024-01-01", date_to="2024-03-31", types=("threat",),
                               modalities=("asserted", "planned"), countries=("CHN", "PHL", "USA"),
                               min_confidence=0.65, min_sources=2, unit="mentions"), ("CHN", "PHL")),
    urlstate.ViewState(Filters(countries=None, types=())),
    urlstate.ViewState(Filters(date_to="2024-06-30"), ("USA", "JPN")),
]


@pytest.mark.parametrize("state", STATES)
def test_url_state_round_trips(state):
    search = urlstate.render(state)
    assert urlstate.parse(search) == state
    assert urlstate.render(urlstate.parse(search)) == search
    assert Filters.from_dict(state.filters.to_dict()) == state.filters


def test_url_state_defaults_and_junk():
    assert urlstate.render(urlstate.ViewState()) == ""
    assert urlstate.parse("") == urlstate.parse("?") == urlstate.ViewState()
    junk = urlstate.parse("?from=yesterday&to=2024-13-40&types=bombs,threat&conf=NaN&sources=-4"
                          "&unit=tweets&countries=usa,XX,chn,usa&pair=USA-USA")
    assert junk.filters == Filters(types=("threat",), countries=("USA", "CHN"))
    assert junk.pair is None
    swapped = urlstate.parse("?from=2024-05-01&to=2024-01-01&conf=7")
    assert (swapped.filters.date_from, swapped.filters.date_to) == ("2024-01-01", "2024-05-01")
    assert swapped.filters.min_confidence == 1.0
    # every type listed is the same as no type filter
    assert urlstate.parse("?types=threat,cooperation,proposal,rejection").filters.types is None


def test_csv_export_defuses_spreadsheet_formulas():
    import polars as pl

    from dashboard.queries import spreadsheet_safe

    frame = pl.DataFrame({"sentence": ["=HYPERLINK(\"http://x\")", "@SUM(A1)", "Seoul protested.", None],
                          "confidence": [0.9, 0.8, 0.7, 0.6]})
    safe = spreadsheet_safe(frame)
    assert safe["sentence"].to_list() == ["'=HYPERLINK(\"http://x\")", "'@SUM(A1)", "Seoul protested.", None]
    assert safe["confidence"].to_list() == frame["confidence"].to_list()
