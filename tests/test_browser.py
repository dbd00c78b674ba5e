"""The real page in headless Chromium: it renders offline, drills down,
keeps its state in the URL, exports, and takes corrections that survive an
ETL run."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import polars as pl
import pytest

from conftest import make_settings
from dashboard import queries
from dashboard.queries import Filters
from etl.settings import ROOT

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="browser tests need Debian's chromium at /usr/bin/chromium "
                                                     "(./scripts/bootstrap.sh --test installs it)"),
]
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="module")
def env(dashboard_db, dashboard_corpus, tmp_path_factory):
    """One server on a private copy of the synthetic database, one browser."""
    from playwright.sync_api import sync_playwright

    from dashboard.app import Server, create_app

    settings = make_settings(tmp_path_factory.mktemp("browser") / "data")
    for src, dst in ((dashboard_db.db, settings.db), (dashboard_db.work_db, settings.work_db)):
        shutil.copy(src, dst)
    server = Server(create_app(settings.db), "127.0.0.1", 0).start()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield {"url": server.url, "settings": settings, "browser": browser, "corpus": dashboard_corpus,
               "tmp": tmp_path_factory.mktemp("downloads")}
        browser.close()
    server.app.server.extensions["relations_republisher"].wait(60)
    server.stop()


@pytest.fixture
def page(env):
    """A fresh page that records every request and page error; after the test
    nothing may have left 127.0.0.1 and no script may have failed."""
    context = env["browser"].new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (errors.append(f"dialog: {d.message}"), d.dismiss()))
    page.set_default_timeout(20000)
    yield page
    context.close()
    hosts = {urlparse(u).hostname for u in requests if not u.startswith(("data:", "blob:"))}
    assert hosts <= {"127.0.0.1"}, sorted(u for u in requests if urlparse(u).hostname != "127.0.0.1")[:5]
    assert requests, "no requests recorded"
    assert not errors, errors


def open_view(page, env, search: str = ""):
    page.goto(env["url"] + "/" + search)
    page.wait_for_selector("#map .layer.land path")
    page.wait_for_selector("#matrix .hm image")
    page.wait_for_function("document.querySelector('#view-summary').textContent.length > 0")


def click_cell(page, order: list[str], source: str, target: str):
    """Click the centre of a matrix cell (rows: sources top-down, columns: targets)."""
    box = page.locator("#matrix .nsewdrag").first.bounding_box()
    n = len(order)
    x = box["x"] + (order.index(target) + 0.5) * box["width"] / n
    y = box["y"] + (order.index(source) + 0.5) * box["height"] / n
    page.mouse.move(x, y)  # plotly clicks what it hovers
    page.wait_for_selector("#matrix .hoverlayer .hovertext")
    page.mouse.click(x, y)


def test_map_and_matrix_render_offline(page, env):
    open_view(page, env)
    assert page.locator("#map .layer.countries path").count() >= 1  # the vendored base map drew
    assert page.locator("#map .layer.land path").count() >= 1
    cells = queries.matrix(env["settings"].db, Filters())
    assert page.locator("#map g.trace.scattergeo path.js-line").count() >= cells.height
    labels = page.locator("#matrix .heatmap-label")
    assert labels.count() == cells.height
    assert sorted(int(t) for t in labels.all_text_contents()) == sorted(cells["total"].to_list())
    assert page.locator("#matrix-table table caption").count() == 1  # the screen-reader table
    assert "directed pairs" in page.locator("#view-summary").text_content()


def test_cell_click_shows_timeline_and_evidence(page, env):
    open_view(page, env)
    click_cell(page, list(queries.FOCUS), "CHN", "PHL")
    page.wait_for_function("document.querySelector('#pair-title').textContent === 'China → Philippines'")
    assert "pair=CHN-PHL" in page.url
    page.wait_for_selector("#timeline .barlayer .point", state="attached")
    cell = queries.matrix(env["settings"].db, Filters()).filter(
        (pl.col("source_iso3") == "CHN") & (pl.col("target_iso3") == "PHL")).row(0, named=True)
    page.wait_for_selector("#evidence .ev-row")
    assert page.locator("#evidence .event").count() == cell["total"]  # events mode: one group per event
    assert page.locator("#evidence .ev-row").count() == cell["mentions"]
    first = page.locator("#evidence .ev-row").first
    assert first.locator("mark.hl-source").count() and first.locator("mark.hl-trigger").count()
    assert page.locator("#evidence a[href^='https://example.org/'][rel*='noopener']").count() >= 1
    no_url = page.locator("#evidence .ev-row").filter(has_text="Second Thomas Shoal")
    assert no_url.locator("a").count() == 0 and "Rappler" in no_url.text_content()
    # article text is text, never HTML: the <script> in a sentence is shown, not run
    page.goto(env["url"] + "/?pair=PHL-CHN")
    page.wait_for_selector("#evidence .ev-row")
    sentences = " ".join(page.locator("#evidence .sentence").all_text_contents())
    assert "<script>alert(1)</script>" in sentences
    assert page.locator("#evidence script, #evidence b").count() == 0
    # a javascript: URL never becomes a link
    page.goto(env["url"] + "/?pair=CHN-USA")
    page.wait_for_selector("#evidence .ev-row")
    assert page.locator("#evidence a[href^='javascript']").count() == 0
    assert "China criticises US" in page.locator("#evidence").text_content()


def test_map_edge_click_selects_the_pair(page, env):
    open_view(page, env)
    point = page.evaluate("""() => {
        const gd = document.querySelector('#map .js-plotly-plot');
        const i = gd.data.findIndex(t => t.meta && t.meta.source === 'USA' && t.meta.target === 'PHL');
        const trace = gd.querySelectorAll('g.trace.scattergeo')[i];
        const arrow = [...trace.querySelectorAll('path.point')]
            .map(p => p.getBoundingClientRect()).sort((a, b) => b.width - a.width)[0];
        return {x: arrow.left + arrow.width / 2, y: arrow.top + arrow.height / 2};
    }""")
    page.mouse.move(point["x"], point["y"])
    page.wait_for_selector("#map .hoverlayer .hovertext")
    page.mouse.click(point["x"], point["y"])
    page.wait_for_function("document.querySelector('#pair-title').textContent === 'United States → Philippines'")
    assert "pair=USA-PHL" in page.url


def test_filters_live_in_the_url(page, env):
    open_view(page, env)
    before = page.locator("#matrix .heatmap-label").count()
    page.locator("#f-types label", has_text="threat").click()
    page.wait_for_function("location.search.includes('types=')")
    page.wait_for_function(f"document.querySelectorAll('#matrix .heatmap-label').length < {before}")
    search = urlparse(page.url).query
    assert "threat" not in search.split("types=")[1].split("&")[0]
    after = page.locator("#matrix .heatmap-label").count()
    page.reload()
    open_view(page, env, "?" + search)
    assert urlparse(page.url).query == search
    assert not page.locator("#f-types input[value='threat']").is_checked()
    assert page.locator("#f-types input[value='cooperation']").is_checked()
    assert page.locator("#matrix .heatmap-label").count() == after
    assert "types: cooperation, proposal, rejection" in page.locator("#view-summary").text_content()
    # a shared link with other filters restores them too
    open_view(page, env, "?unit=mentions&countries=CHN,PHL,USA&conf=0.7")
    assert page.locator("#f-unit input[value='mentions']").is_checked()
    assert "confidence ≥ 0.7" in page.locator("#view-summary").text_content()
    assert "among 3 countries" in page.locator("#view-summary").text_content()
    page.locator("#reset").click()
    page.wait_for_function("location.search === ''")
    assert page.locator("#f-unit input[value='events']").is_checked()


def download(page, env, button: str) -> Path:
    with page.expect_download() as info:
        page.locator(button).click()
    target = env["tmp"] / info.value.suggested_filename
    info.value.save_as(target)
    return target


def test_exports(page, env):
    open_view(page, env, "?types=threat,rejection")
    expected = queries.evidence(env["settings"].db, Filters(types=("rejection", "threat")))
    csv = pl.read_csv(download(page, env, "#export-csv"))
    parquet = pl.read_parquet(download(page, env, "#export-parquet"))
    assert csv.height == parquet.height == expected.height > 0
    assert set(parquet["interaction_id"]) == set(expected["interaction_id"]) == set(csv["interaction_id"])
    assert set(parquet["type"]) == {"threat", "rejection"}
    assert {"sentence", "title", "outlet", "url", "confidence", "event_id"} <= set(parquet.columns)
    svg = download(page, env, "#matrix-svg").read_text()
    assert svg.lstrip().startswith("<svg") and "heatmap" not in svg[:20]
    # the modebar's camera button is configured for a PNG, made in the browser
    config = page.evaluate("document.querySelector('#map .js-plotly-plot')._context.toImageButtonOptions")
    assert config["format"] == "png"


def test_correction_survives_an_etl_run(page, env):
    settings = env["settings"]
    open_view(page, env, "?pair=USA-PHL")
    row = page.locator("#evidence .ev-row").filter(has_text="Washington pledged support to Manila").first
    iid = row.get_attribute("data-interaction")
    row.locator("button.fix-open").click()
    page.wait_for_selector("#fix-dialog:not([hidden])")
    assert "Washington pledged support" in page.locator("#fix-target").text_content()
    page.locator("#fix-action label", has_text="change").click()
    page.locator("#fix-type").click()
    page.locator("#fix-change-fields [role=option]", has_text="proposal").click()
    page.locator("#fix-note").fill("a pledge, not yet delivered")
    page.locator("#fix-save").click()
    page.wait_for_function("document.querySelector('#fix-status').textContent.includes('saved')")
    page.wait_for_selector("#fix-dialog", state="hidden")
    page.wait_for_selector("#corrections-list li.correction.applied", timeout=60000)
    run = subprocess.run([sys.executable, "-m", "etl", "run", str(env["corpus"]), "--db", str(settings.db)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300,
                         env={**os.environ, "RELATIONS_CONFIG": str(env["tmp"] / "none.toml")})
    assert run.returncode == 0, run.stderr
    open_view(page, env, "?pair=USA-PHL&types=proposal")
    fixed = page.locator(f"#evidence .ev-row[data-interaction='{iid}']")
    assert "corrected (change): a pledge, not yet delivered" in fixed.text_content()
    assert "proposal" in fixed.locator(".badge").first.text_content()
    assert page.locator("#corrections-list li.correction.applied").count() == 1
    gold = [json.loads(line) for line in download(page, env, "#export-gold").read_text().splitlines()]
    assert {"article": "a03.txt", "source": "USA", "target": "PHL", "type": "proposal"}.items() <= next(
        g for g in gold if not g["optional"]).items()


def test_tablet_width_has_no_horizontal_scroll(page, env):
    page.set_viewport_size({"width": 768, "height": 1024})
    open_view(page, env, "?pair=CHN-PHL")
    page.wait_for_selector("#evidence .ev-row")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    map_box = page.locator("#map").bounding_box()
    matrix_box = page.locator("#matrix").bounding_box()
    assert matrix_box["y"] >= map_box["y"] + map_box["height"] - 1  # stacked, not squeezed
    for control in ("f-types", "f-modalities", "f-countries", "f-confidence", "f-sources", "f-unit"):
        assert page.locator(f"#{control}").count() == 1
    assert page.locator("label[for='f-countries']").count() == 1
