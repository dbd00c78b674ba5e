"""The real app on a real port, driven with plain HTTP: pages, assets, Dash
callbacks (as the browser calls them), corrections, and an ETL run while
the app serves."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import polars as pl

from dashboard import queries
from dashboard.queries import Filters
from etl.corrections import CorrectionStore
from etl.settings import ROOT


def get(url: str, timeout: float = 30) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


class DashClient:
    """Calls callbacks through /_dash-update-component the way dash-renderer does."""

    def __init__(self, base: str):
        self.base = base
        self.deps = json.loads(get(base + "/_dash-dependencies")[1])

    def dependency(self, output: str) -> dict:
        (dep,) = [d for d in self.deps if output in d["output"].split("...") or d["output"] == output
                  or f"..{output}.." in d["output"] or d["output"].startswith(f"..{output}...")
                  or d["output"].endswith(f"...{output}..")]
        return dep

    @staticmethod
    def _values(items: list[dict], values: dict) -> list:
        out = []
        for it in items:
            key = f"{it['id']}.{it['property']}"
            if it["id"].startswith("{"):  # a pattern-matching ALL input: the list of matches
                out.append(values.get(key, []))
            else:
                out.append({"id": it["id"], "property": it["property"], "value": values.get(key)})
        return out

    def call(self, output: str, inputs: dict | None = None, state: dict | None = None,
             changed: list[str] | None = None) -> dict:
        dep = self.dependency(output)
        out = dep["output"]
        parts = out[2:-2].split("...") if out.startswith("..") else [out]
        outputs = [{"id": p.rsplit(".", 1)[0], "property": p.rsplit(".", 1)[1]} for p in parts]
        body = {
            "output": out,
            "outputs": outputs if out.startswith("..") else outputs[0],
            "inputs": self._values(dep["inputs"], inputs or {}),
            "state": self._values(dep["state"], state or {}),
            "changedPropIds": changed or [],
        }
        req = urllib.request.Request(self.base + "/_dash-update-component", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                status, raw = r.status, r.read()
        except urllib.error.HTTPError as e:
            status, raw = e.code, e.read()
        if status == 204:
            return {}
        assert status == 200, raw[:500]
        return json.loads(raw)["response"]


def texts(component) -> list[str]:
    """Every string in a serialised Dash component tree."""
    if isinstance(component, str):
        return [component]
    if isinstance(component, list):
        return [t for c in component for t in texts(c)]
    if isinstance(component, dict):
        return texts(component.get("props", {}).get("children")) if "props" in component else \
            [t for v in component.values() for t in texts(v)]
    return []


def find(component, class_name: str) -> list[dict]:
    found = []
    if isinstance(component, list):
        for c in component:
            found += find(c, class_name)
    elif isinstance(component, dict) and "props" in component:
        if class_name in (component["props"].get("className") or "").split():
            found.append(component)
        found += find(component["props"].get("children"), class_name)
    return found


def test_page_layout_and_offline_assets(dashboard_db, live_dashboard):
    base = live_dashboard(dashboard_db.db)
    status, html = get(base + "/")
    assert status == 200 and b"East Asia relations" in html
    # nothing on the page points off this machine
    assert b"https://" not in html and b"cdn" not in html.lower()
    status, raw = get(base + "/_dash-layout")
    layout = json.loads(raw)
    ids = set()

    def walk(c):
        if isinstance(c, dict) and "props" in c:
            ids.add(c["props"].get("id"))
            walk(c["props"].get("children"))
        elif isinstance(c, list):
            for x in c:
                walk(x)
    walk(layout)
    assert {"map", "matrix", "f-dates", "f-types", "f-countries", "f-confidence", "f-sources", "f-unit",
            "evidence", "timeline", "changes", "url"} <= ids
    assert '"topojsonURL": "/assets/topojson/"' in json.dumps(layout)
    for name in ("world_50m.json", "world_110m.json"):
        status, raw = get(f"{base}/assets/topojson/{name}")
        assert status == 200 and "countries" in json.loads(raw)["objects"]
    assert get(base + "/assets/style.css")[0] == 200


def test_cell_click_callback_returns_the_evidence(dashboard_db, live_dashboard):
    client = DashClient(live_dashboard(dashboard_db.db))
    f = Filters()
    click = {"points": [{"x": "PHL", "y": "CHN", "z": -1, "curveNumber": 0}]}  # what a heatmap click sends
    resp = client.call("store-pair.data", inputs={"matrix.clickData": click, "url.search": ""},
                       state={"store-filters.data": f.to_dict()}, changed=["matrix.clickData"])
    assert resp["store-pair"]["data"] == ["CHN", "PHL"]
    assert resp["url"]["search"] == "?pair=CHN-PHL"
    # a map click carries the pair on every point of the line; clicking a country node selects nothing
    edge = {"points": [{"lon": 150.0, "lat": 30.0, "customdata": ["USA", "JPN"], "curveNumber": 3}]}
    resp = client.call("store-pair.data", inputs={"map.clickData": edge, "url.search": "?pair=CHN-PHL"},
                       state={"store-filters.data": f.to_dict(), "store-pair.data": ["CHN", "PHL"]},
                       changed=["map.clickData"])
    assert resp["store-pair"]["data"] == ["USA", "JPN"] and resp["url"]["search"] == "?pair=USA-JPN"
    node = {"points": [{"lon": 137.99, "lat": 36.65, "curveNumber": 30, "text": "Japan"}]}
    assert client.call("store-pair.data", inputs={"map.clickData": node}, changed=["map.clickData"]) == {}
    for unit in ("events", "mentions"):
        fu = Filters(unit=unit)
        resp = client.call("evidence.children", inputs={"store-filters.data": fu.to_dict(),
                                                        "store-pair.data": ["CHN", "PHL"]})
        rows = find(resp["evidence"]["children"], "ev-row")
        events = find(resp["evidence"]["children"], "event")
        cell = queries.matrix(dashboard_db.db, fu).filter(
            (pl.col("source_iso3") == "CHN") & (pl.col("target_iso3") == "PHL")).row(0, named=True)
        assert (len(events) if unit == "events" else len(rows)) == cell["total"]
        assert len(rows) == cell["mentions"]
        assert resp["pair-title"]["children"] == "China → Philippines"
        assert "China threatened the Philippines" in "".join(texts(resp["evidence"]["children"]))
        assert resp["timeline"]["figure"]["data"]
    # the overview: map and matrix figures with data
    resp = client.call("map.figure", inputs={"store-filters.data": Filters().to_dict()})
    heat = resp["matrix"]["figure"]["data"][0]
    assert heat["type"] == "heatmap" and any(v is not None for row in heat["z"] for v in row)
    assert any((t.get("meta") or {}).get("kind") == "edge" for t in resp["map"]["figure"]["data"])


def wait_for(predicate, timeout: float = 90, interval: float = 0.25):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError("timed out waiting")


def test_correction_persists_and_is_republished(dashboard_db_copy, live_dashboard):
    settings = dashboard_db_copy
    client = DashClient(live_dashboard(settings.db))
    target = queries.evidence(settings.db, Filters(types=("cooperation",)), "USA", "PHL").row(0, named=True)
    iid = target["interaction_id"]
    opened = client.call("store-fix.data", inputs={'{"iid":["ALL"],"role":"fix-open"}.n_clicks':
                                                   [{"id": {"role": "fix-open", "iid": iid}, "property": "n_clicks",
                                                     "value": 1}]},
                         changed=[json.dumps({"iid": iid, "role": "fix-open"}, separators=(",", ":")) + ".n_clicks"])
    assert opened["store-fix"]["data"] == iid
    resp = client.call("fix-status.children", inputs={"fix-save.n_clicks": 1},
                       state={"store-fix.data": iid, "fix-action.value": "change", "fix-type.value": "threat",
                              "fix-reverse.value": ["reverse"], "fix-note.value": "it was PHL warning the US",
                              "fix-author.value": "tester"}, changed=["fix-save.n_clicks"])
    assert "saved" in resp["fix-status"]["children"]
    (saved,) = CorrectionStore(settings.corrections_db).all()
    assert (saved["interaction_id"], saved["action"], saved["new_type"]) == (iid, "change", "threat")
    assert (saved["new_source_iso3"], saved["new_target_iso3"], saved["author"]) == ("PHL", "USA", "tester")
    # republished in the background: the public file now carries and applies it
    wait_for(lambda: saved["correction_id"] in queries.published_correction_ids(settings.db))
    now = queries.query(settings.db, "SELECT source_iso3, target_iso3, type, correction, correction_note "
                                     "FROM interactions_corrected WHERE interaction_id = $i", {"i": iid}).row(0)
    assert now == ("PHL", "USA", "threat", "change", "it was PHL warning the US")
    # a "wrong" correction removes it from every count
    client.call("fix-status.children", inputs={"fix-save.n_clicks": 2},
                state={"store-fix.data": iid, "fix-action.value": "wrong", "fix-note.value": "not an act"},
                changed=["fix-save.n_clicks"])
    wait_for(lambda: len(queries.published_correction_ids(settings.db)) == 2)
    assert queries.interaction(settings.db, iid) is None
    assert iid not in queries.evidence(settings.db, Filters(countries=None))["interaction_id"].to_list()
    # the poll shows both as applied
    resp = client.call("corrections-list.children", inputs={"tick.n_intervals": 5}, state={"store-version.data": ""})
    listed = " ".join(texts(resp["corrections-list"]["children"]))
    assert "2 saved, 0 pending" in listed
    # an invalid change is refused with a reason, nothing stored
    resp = client.call("fix-status.children", inputs={"fix-save.n_clicks": 3},
                       state={"store-fix.data": target["interaction_id"], "fix-action.value": "change",
                              "fix-type.value": None, "fix-reverse.value": []}, changed=["fix-save.n_clicks"])
    assert "Not saved" in resp["fix-status"]["children"] or "no longer" in resp["fix-status"]["children"]
    assert len(CorrectionStore(settings.corrections_db).all()) == 2


def test_etl_run_while_serving(dashboard_db_copy, live_dashboard, tmp_path):
    settings = dashboard_db_copy
    base = live_dashboard(settings.db)
    client = DashClient(base)
    f = Filters().to_dict()
    before = client.call("map.figure", inputs={"store-filters.data": f})["view-summary"]["children"]
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "talks.txt").write_text("Talks\n\nThe Philippines proposed talks with South Korea on maritime "
                                     "security.\n")
    errors: list[str] = []
    stop = threading.Event()

    def hammer():
        while not stop.is_set():
            try:
                client.call("map.figure", inputs={"store-filters.data": f})
                assert get(base + "/_dash-layout")[0] == 200
            except Exception as e:  # noqa: BLE001 - any failure is the finding
                errors.append(repr(e))

    threads = [threading.Thread(target=hammer) for _ in range(4)]
    for t in threads:
        t.start()
    try:
        run = subprocess.run([sys.executable, "-m", "etl", "run", str(extra), "--db", str(settings.db)],
                             cwd=ROOT, capture_output=True, text=True, timeout=300,
                             env={**os.environ, "RELATIONS_CONFIG": str(tmp_path / "none.toml")})
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert run.returncode == 0, run.stderr
    assert not errors, errors[:3]
    after = client.call("map.figure", inputs={"store-filters.data": f})
    assert after["view-summary"]["children"] != before
    pairs = [(t["meta"]["source"], t["meta"]["target"]) for t in after["map"]["figure"]["data"]
             if (t.get("meta") or {}).get("kind") == "edge"]
    assert ("PHL", "KOR") in pairs
    # the page polls the file version: a new publish means a new version
    resp = client.call("store-version.data", inputs={"tick.n_intervals": 1}, state={"store-version.data": "old"})
    assert resp["store-version"]["data"] == queries.version(settings.db)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_cli(dashboard_db, tmp_path):
    py = [sys.executable, "-m", "dashboard"]
    helped = subprocess.run(py + ["--help"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert helped.returncode == 0 and "--db" in helped.stdout and "--port" in helped.stdout
    missing = subprocess.run(py + ["--db", str(tmp_path / "none.duckdb")], cwd=ROOT, capture_output=True,
                             text=True, timeout=60)
    assert missing.returncode != 0
    assert missing.stderr.count("\n") == 1 and "python -m etl run" in missing.stderr
    port = free_port()
    proc = subprocess.Popen(py + ["--db", str(dashboard_db.db), "--port", str(port)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        status = wait_for(lambda: _status(f"http://127.0.0.1:{port}/"), timeout=60)
        assert status == 200
        busy = subprocess.run(py + ["--db", str(dashboard_db.db), "--port", str(port)], cwd=ROOT,
                              capture_output=True, text=True, timeout=60)
        assert busy.returncode != 0 and "cannot listen" in busy.stderr
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _status(url: str):
    try:
        return get(url, timeout=2)[0]
    except OSError:
        return None


def test_missing_database_is_explained(dashboard_db_copy, live_dashboard):
    base = live_dashboard(dashboard_db_copy.db)
    client = DashClient(base)
    dashboard_db_copy.db.unlink()
    resp = client.call("map.figure", inputs={"store-filters.data": Filters().to_dict()})
    message = resp["view-summary"]["children"]
    assert "python -m etl run" in message
    assert resp["map"]["figure"]["layout"]["meta"] == {"empty": True}
    layout = get(base + "/_dash-layout")[1].decode()
    assert "No data yet" in layout and "python -m etl run" in layout
