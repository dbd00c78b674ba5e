"""The product's main job end to end: `python -m etl run` on the seed
articles into a temporary file, checked against the seed gold."""

import json
import os
import subprocess
import sys

import duckdb

from conftest import ROOT, SEED_ARTICLES, SEED_GOLD


def run_etl(*args, env_extra=None):
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "etl", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)


def published_tuples(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.sql("SELECT a.source, i.source_iso3, i.target_iso3, i.type FROM interactions i "
                       "JOIN articles a USING (article_id)").fetchall()
    finally:
        con.close()
    return {(os.path.basename(src), s, t, typ) for src, s, t, typ in rows}


def test_run_on_seeds_matches_gold(tmp_path):
    db = tmp_path / "relations.duckdb"
    result = run_etl("run", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "published" in result.stdout
    predicted = published_tuples(db)
    gold = [json.loads(line) for line in SEED_GOLD.read_text().splitlines() if line.strip()]
    required = {(g["article"], g["source"], g["target"], g["type"]) for g in gold if not g["optional"]}
    optional = {(g["article"], g["source"], g["target"], g["type"]) for g in gold if g["optional"]}
    missed = required - predicted
    false = predicted - required - optional
    assert not missed, f"missed required gold interactions: {sorted(missed)}"
    assert not false, f"interactions not in gold: {sorted(false)}"


def test_rerun_leaves_content_unchanged(tmp_path):
    db = tmp_path / "relations.duckdb"
    assert run_etl("run", "--db", str(db)).returncode == 0

    def snapshot():
        con = duckdb.connect(str(db), read_only=True)
        try:
            return {t: con.sql(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
                    for t in ("articles", "interactions", "events", "countries", "stance_matrix")}
        finally:
            con.close()

    first = snapshot()
    second_run = run_etl("run", "--db", str(db))
    assert second_run.returncode == 0
    assert "0 added" in second_run.stdout and "2 unchanged" in second_run.stdout
    assert snapshot() == first


def test_published_rows_keep_their_evidence(seed_db):
    con = duckdb.connect(str(seed_db.db), read_only=True)
    try:
        rows = con.sql("SELECT i.*, a.text FROM interactions i JOIN articles a USING (article_id)").pl().to_dicts()
        versions = con.sql("SELECT DISTINCT extractor_version FROM interactions").fetchall()
    finally:
        con.close()
    assert rows and len(versions) == 1
    for r in rows:
        assert r["text"][r["sentence_start"]:r["sentence_end"]] == r["sentence"]
        assert r["sentence"] and r["source_text"] and r["target_text"] and r["trigger_text"]
        assert r["modality"] in ("asserted", "planned", "conditional")
        assert 0 < r["confidence"] <= 1
        # relative dates are resolved against the articles' date (2024-04-04)
        if r["date_text"] == "last month":
            assert str(r["event_date"]) == "2024-03-04"
        elif r["date_text"] == "next week":
            assert str(r["event_date"]) == "2024-04-11"
        else:
            assert "2024-03-01" <= str(r["event_date"]) <= "2024-04-30"
    assert {r["date_text"] for r in rows} >= {"last month", "next week"}


def test_bad_input_is_recorded_and_the_run_goes_on(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.txt").write_text("Japan protests\n\nJapan lodged a protest with China on Monday.\n")
    (corpus / "latin1.txt").write_bytes("Caf\xe9 diplomacy".encode("latin-1"))
    (corpus / "empty.json").write_text("")
    (corpus / "broken.jsonl").write_text('{"text": "Seoul thanked Manila for its support."}\n{oops\n')
    db = tmp_path / "relations.duckdb"
    result = run_etl("run", str(corpus), "--db", str(db))
    assert result.returncode == 0, result.stderr
    con = duckdb.connect(str(db), read_only=True)
    try:
        errors = dict(con.sql("SELECT source, reason FROM ingest_errors").fetchall())
        pairs = set(con.sql("SELECT source_iso3, target_iso3 FROM interactions").fetchall())
        runs = con.sql("SELECT status, errors, articles_added FROM runs").fetchall()
    finally:
        con.close()
    assert any(k.endswith("latin1.txt") and v.startswith("not UTF-8") for k, v in errors.items())
    assert any(k.endswith("empty.json") and v == "empty file" for k, v in errors.items())
    assert any(k.endswith("broken.jsonl:2") for k in errors)
    assert ("JPN", "CHN") in pairs and ("KOR", "PHL") in pairs
    assert runs == [("ok", 3, 2)]


def test_missing_model_is_a_one_line_failure(tmp_path):
    result = run_etl("run", "--db", str(tmp_path / "r.duckdb"), "--model", "no_such_model_xx")
    assert result.returncode == 1
    reason = result.stderr.strip().splitlines()[-1]  # progress lines may come first
    assert reason.startswith("etl run: ") and "no_such_model_xx" in reason and "bootstrap" in reason
    assert not (tmp_path / "r.duckdb").exists()


def test_published_file_survives_a_failed_run(seed_db_copy):
    before = published_tuples(seed_db_copy.db)
    # another model means re-extracting every article; without it the run fails…
    result = run_etl("run", str(SEED_ARTICLES), "--db", str(seed_db_copy.db), "--model", "no_such_model_xx")
    assert result.returncode == 1
    # …and the published file is untouched and still readable
    assert published_tuples(seed_db_copy.db) == before
    con = duckdb.connect(str(seed_db_copy.work_db), read_only=True)
    try:
        assert con.sql("SELECT status FROM runs ORDER BY started_at DESC LIMIT 1").fetchall() == [("failed",)]
    finally:
        con.close()
