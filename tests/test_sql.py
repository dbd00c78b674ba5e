"""The SQL that users and the dashboard read: views, filter macros, checks,
and corrections applied at publish. Real ETL runs, real DuckDB files."""

import duckdb
import pytest

from etl.corrections import CorrectionStore, export_gold
from etl.publish import PublishError, publish, run_checks
from etl.runner import Run, republish
from etl.settings import ROOT


def query(db, sql, params=None):
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH '{db}' AS rel (READ_ONLY)")
        con.execute("USE rel")
        return con.sql(sql, params=params).pl()
    finally:
        con.close()


def test_stance_matrix_counts_equal_evidence_rows(seed_db):
    matrix = query(seed_db.db, "SELECT * FROM stance_matrix")
    assert matrix.height > 0
    for row in matrix.iter_rows(named=True):
        ev = query(seed_db.db, "SELECT count(DISTINCT event_id) AS e, count(*) AS m FROM evidence "
                               "WHERE source_iso3 = $s AND target_iso3 = $t",
                   {"s": row["source_iso3"], "t": row["target_iso3"]}).row(0)
        assert (row["events"], row["mentions"]) == ev
        assert row["cooperation"] + row["proposal"] + row["rejection"] + row["threat"] == row["total"]
        assert -1 <= row["net_stance"] <= 1


def test_net_stance_uses_the_weights_table(seed_db):
    weights = dict(query(seed_db.db, "SELECT type, weight FROM type_weights").iter_rows())
    assert weights == {"cooperation": 1.0, "proposal": 0.5, "rejection": -0.5, "threat": -1.0}
    row = query(seed_db.db, "SELECT * FROM stance_matrix WHERE source_iso3 = 'PRK' AND target_iso3 = 'JPN'").row(0, named=True)
    expected = (row["proposal"] * 0.5 - row["rejection"] * 0.5 + row["cooperation"] - row["threat"]) / row["total"]
    assert row["net_stance"] == pytest.approx(expected, abs=1e-4)


def test_filter_macros(seed_db):
    db = seed_db.db
    everything = query(db, "SELECT * FROM evidence_filtered()").height
    assert everything == query(db, "SELECT count(*) FROM interactions").item()
    only_proposals = query(db, "SELECT DISTINCT type FROM evidence_filtered(types := ['proposal'])")
    assert only_proposals["type"].to_list() == ["proposal"]
    pair = query(db, "SELECT DISTINCT source_iso3, target_iso3 FROM evidence_filtered(countries := ['USA', 'JPN'])")
    assert set(pair.rows()) == {("USA", "JPN"), ("JPN", "USA")}
    assert query(db, "SELECT * FROM evidence_filtered(date_from := '2030-01-01')").height == 0
    assert query(db, "SELECT * FROM evidence_filtered(min_confidence := 1.01)").height == 0
    mentions = query(db, "SELECT sum(total) FROM stance_matrix_for(unit := 'mentions')").item()
    events = query(db, "SELECT sum(total) FROM stance_matrix_for()").item()
    assert mentions >= events > 0
    edges = query(db, "SELECT * FROM network_edges_for(countries := ['USA', 'JPN', 'KOR', 'PRK', 'CHN', 'PHL'])")
    assert edges.height > 0 and edges["source_lat"].null_count() == 0


def test_events_group_mentions_within_days(seed_db):
    db = seed_db.db
    assert query(db, "SELECT sum(mentions) FROM events").item() == query(db, "SELECT count(*) FROM interactions").item()
    # USA -> JPN cooperation is mentioned many times over two articles on one date: one event per date island
    row = query(db, "SELECT count(*) AS n, sum(mentions) AS m, max(articles) AS a FROM events "
                    "WHERE source_iso3 = 'USA' AND target_iso3 = 'JPN' AND type = 'cooperation'").row(0)
    assert row[1] > row[0] >= 1 and row[2] == 2


def test_checks_catch_bad_rows(seed_db_copy):
    con = duckdb.connect(str(seed_db_copy.db))
    try:
        assert run_checks(con, ROOT / "sql" / "checks") == []
        con.execute("UPDATE interactions SET target_iso3 = source_iso3 WHERE interaction_id IN "
                    "(SELECT interaction_id FROM interactions LIMIT 1)")
        con.execute("UPDATE interactions SET sentence = 'tampered' WHERE interaction_id IN "
                    "(SELECT interaction_id FROM interactions OFFSET 1 LIMIT 1)")
        failed = {f.name for f in run_checks(con, ROOT / "sql" / "checks")}
    finally:
        con.close()
    assert {"010_no_self_interactions", "050_evidence_offsets"} <= failed


def test_failing_check_keeps_the_previous_file(seed_db_copy, tmp_path):
    sql = tmp_path / "sql"
    (sql / "checks").mkdir(parents=True)
    for f in (ROOT / "sql").glob("*.sql"):
        (sql / f.name).write_text(f.read_text())
    (sql / "checks" / "999_always.sql").write_text("-- always fails\nSELECT 1;\n")
    before = seed_db_copy.db.read_bytes()
    with pytest.raises(PublishError, match="999_always"):
        publish(seed_db_copy.db, seed_db_copy.work_db, sql)
    assert seed_db_copy.db.read_bytes() == before
    assert not list(seed_db_copy.db.parent.glob(".*.tmp*"))


def test_corrections_apply_at_publish_and_survive_reruns(seed_db_copy):
    settings = seed_db_copy
    rows = query(settings.db, "SELECT * FROM interactions ORDER BY interaction_id").to_dicts()
    wrong, retyped = rows[0], rows[1]
    store = CorrectionStore(settings.corrections_db)
    store.add(wrong, "wrong", note="not a state act")
    store.add(retyped, "change", new_type="threat", reverse=True, note="reversed")
    republish(settings)
    corrected = query(settings.db, "SELECT * FROM interactions_corrected")
    assert wrong["interaction_id"] not in corrected["interaction_id"].to_list()
    fixed = corrected.filter(corrected["interaction_id"] == retyped["interaction_id"]).row(0, named=True)
    assert (fixed["source_iso3"], fixed["target_iso3"], fixed["type"]) == \
        (retyped["target_iso3"], retyped["source_iso3"], "threat")
    assert fixed["source_text"] == retyped["target_text"] and fixed["correction"] == "change"
    assert query(settings.db, "SELECT count(*) FROM corrections").item() == 2
    assert query(settings.db, "SELECT count(*) FROM evidence").item() == len(rows) - 1
    # a new run (re-reading everything) keeps them
    from etl.documents import iter_paths, read_path
    items = (d for p in iter_paths([ROOT / "seeds" / "articles"]) for d in read_path(p, 10**7, 10**6))
    Run(settings, "run again").execute(items)
    again = query(settings.db, "SELECT interaction_id, type FROM interactions_corrected")
    assert wrong["interaction_id"] not in again["interaction_id"].to_list()
    assert dict(again.iter_rows())[retyped["interaction_id"]] == "threat"
    gold = export_gold(store.all(), rows, {r["article_id"]: "a.txt" for r in rows})
    assert any(not g["optional"] and g["type"] == "threat" for g in gold)
    # the sentence marked wrong vouches for nothing: its tuple is at most optional (other sentences may carry it)
    assert all(g["optional"] for g in gold
               if (g["source"], g["target"], g["type"]) == (wrong["source_iso3"], wrong["target_iso3"], wrong["type"]))


def test_published_file_is_read_only_and_sandboxed(seed_db):
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH '{seed_db.db}' AS rel (READ_ONLY)")
        con.execute("USE rel")
        con.execute("SET enable_external_access = false")
        with pytest.raises(duckdb.Error):
            con.execute("DELETE FROM interactions")
        with pytest.raises(duckdb.Error):
            con.sql("SELECT * FROM read_csv('/etc/passwd')").fetchall()
    finally:
        con.close()
