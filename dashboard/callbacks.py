"""Callbacks: wire controls to queries, figures and layout pieces.

Kept thin on purpose: state logic is in urlstate, SQL in queries, drawing in
figures and layout. Nothing here keeps per-user state on the server; the
browser holds it (URL and dcc.Store), so any worker can answer any request.
"""

from __future__ import annotations

import functools
import io
from datetime import datetime
from pathlib import Path

import duckdb
import polars as pl
from dash import ALL, Dash, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from etl.corrections import CorrectionError, CorrectionStore, dumps_jsonl, export_gold
from etl.settings import Settings

from . import figures, layout, queries, urlstate
from .queries import FOCUS, MODALITIES, TYPES, Filters
from .republisher import Republisher

CONTROLS = ("f-dates.start_date", "f-dates.end_date", "f-types.value", "f-modalities.value", "f-countries.value",
            "f-confidence.value", "f-sources.value", "f-unit.value")


def _prop(spec: str, cls):
    cid, prop = spec.split(".")
    return cls(cid, prop)


def controls_of(f: Filters) -> list:
    """Control values that display `f`."""
    return [f.date_from, f.date_to, list(f.types or TYPES), list(f.modalities or MODALITIES),
            list(f.countries) if f.countries is not None else [layout.ALL_COUNTRIES],
            f.min_confidence, f.min_sources, f.unit]


def filters_of(values: list, previous: Filters) -> tuple[Filters, list | None]:
    """Filters from control values, and the country list to show if it had to
    be normalised ("All countries" and specific countries exclude each other:
    the newer choice wins)."""
    start, end, types, modalities, countries, conf, sources, unit = values
    countries = list(countries or [])
    fixed = None
    if layout.ALL_COUNTRIES in countries and len(countries) > 1:
        fixed = [c for c in countries if c != layout.ALL_COUNTRIES] if previous.countries is None \
            else [layout.ALL_COUNTRIES]
        countries = fixed
    picked_types = tuple(t for t in TYPES if t in (types or []))
    picked_mods = tuple(m for m in MODALITIES if m in (modalities or []))
    try:
        sources = max(1, int(sources))
    except (TypeError, ValueError):
        sources = 1
    if start and end and start > end:
        start, end = end, start
    f = Filters(
        date_from=(start or None) and str(start)[:10], date_to=(end or None) and str(end)[:10],
        types=None if picked_types == TYPES else picked_types,
        modalities=None if picked_mods == MODALITIES else picked_mods,
        countries=None if countries == [layout.ALL_COUNTRIES] else tuple(countries),
        min_confidence=round(float(conf or 0.0), 2), min_sources=sources,
        unit=unit if unit in queries.UNITS else "events")
    return f, fixed


def _pair_from_click(click) -> tuple[str, str] | None:
    """A map click carries the pair as customdata; a heatmap click (whose
    clickData has no customdata) as its y (source) and x (target) codes."""
    try:
        point = click["points"][0]
        src, tgt = point["customdata"][:2] if point.get("customdata") else (point["y"], point["x"])
    except (TypeError, KeyError, IndexError, ValueError, AttributeError):
        return None
    if isinstance(src, str) and isinstance(tgt, str) and len(src) == 3 and len(tgt) == 3 and src != tgt:
        return src, tgt
    return None


def axis_order(f: Filters, cells: pl.DataFrame, countries: pl.DataFrame) -> list[tuple[str, str]]:
    """Matrix rows/columns and map nodes: the chosen countries (focus order
    first), or with no country filter every country that has a pair."""
    names = dict(zip(countries["iso3"].to_list(), countries["name"].to_list()))
    if f.countries is not None:
        wanted = [c for c in f.countries if c in names]
    else:
        present = set(cells["source_iso3"].to_list()) | set(cells["target_iso3"].to_list()) if cells.height else set()
        wanted = [c for c in FOCUS if c in present] + sorted((c for c in present if c not in FOCUS),
                                                             key=lambda c: names.get(c, c))
    rank = {c: i for i, c in enumerate(FOCUS)}
    wanted.sort(key=lambda c: (rank.get(c, len(FOCUS)), names.get(c, c)))
    return [(c, names[c]) for c in wanted]


def view_summary(f: Filters, cells: pl.DataFrame, n_countries: int) -> str:
    total = int(cells["total"].sum()) if cells.height else 0
    mentions = int(cells["mentions"].sum()) if cells.height else 0
    when = (f"{f.date_from or 'the start'} to {f.date_to or 'the latest'}"
            if (f.date_from or f.date_to) else "all dates")
    return (f"{cells.height} directed pairs, {total} {f.unit} ({mentions} mentions) among {n_countries} countries; "
            f"{when}; types: {', '.join(f.types) if f.types is not None else 'all'}; "
            f"modality: {', '.join(f.modalities) if f.modalities is not None else 'all'}; "
            f"confidence ≥ {f.min_confidence:g}; sources ≥ {f.min_sources}.")


def correction_rows(store: CorrectionStore, applied: set[str], republisher: Republisher, limit: int = 8):
    rows = store.all()
    if not rows:
        return [html.P("No corrections yet.", className="muted")]
    pending = [r for r in rows if r["correction_id"] not in applied]
    head = f"{len(rows)} saved, {len(pending)} pending"
    if republisher.busy:
        head += " (republishing now)"
    out = [html.P(head, className="corrections-head")]
    if republisher.last_error:
        out.append(html.P(f"Last republish failed: {republisher.last_error}", className="error"))
    items = []
    for r in reversed(rows[-limit:]):
        state = "applied" if r["correction_id"] in applied else "pending"
        what = {"wrong": "marked wrong", "confirm": "confirmed"}.get(r["action"])
        if what is None:
            what = f"changed to {r['new_source_iso3']} → {r['new_target_iso3']} {r['new_type']}"
        items.append(html.Li(className=f"correction {state}", **{"data-correction": r["correction_id"]}, children=[
            html.Span(state, className=f"badge {state}"),
            html.Span(f" {r['source_iso3']} → {r['target_iso3']} {r['type']}: {what}"),
            html.Span(f" — {r['note']}" if r["note"] else "", className="muted"),
            html.Span(f" ({r['author']}, {r['created_at'][:16].replace('T', ' ')} UTC)" if r["author"]
                      else f" ({r['created_at'][:16].replace('T', ' ')} UTC)", className="muted"),
        ]))
    out.append(html.Ul(items, className="corrections"))
    return out


READ_ERRORS = (queries.DatabaseMissing, queries.QueryTimeout, duckdb.Error)


def on_read_error(fallback):
    """Show why a panel is empty (database missing, query too slow) rather
    than failing the request; `fallback(message)` builds the outputs."""
    def wrap(fn):
        @functools.wraps(fn)
        def inner(*args):
            try:
                return fn(*args)
            except READ_ERRORS as e:
                return fallback(f"Could not read the data: {e}")
        return inner
    return wrap


def register(app: Dash, db: Path, settings: Settings, republisher: Republisher) -> None:
    store = CorrectionStore(settings.corrections_db)

    def applied_ids() -> set[str]:
        """Corrections in the published file (none while there is no file)."""
        try:
            return queries.published_correction_ids(db)
        except queries.DatabaseMissing:
            return set()

    def pending_ids() -> set[str]:
        """Interactions with a saved correction that is not published yet."""
        applied = applied_ids()
        return {r["interaction_id"] for r in store.all() if r["correction_id"] not in applied}

    @app.callback(
        Output("url", "search"), *[_prop(c, Output) for c in CONTROLS],
        Output("store-filters", "data"), Output("store-pair", "data"),
        Input("url", "search"), *[_prop(c, Input) for c in CONTROLS],
        Input("map", "clickData"), Input("matrix", "clickData"),
        Input({"role": "pick-pair", "pair": ALL}, "n_clicks"), Input("clear-pair", "n_clicks"),
        Input("reset", "n_clicks"),
        State("store-filters", "data"), State("store-pair", "data"),
    )
    def sync_state(search, *args):
        """The one owner of the view state: URL -> controls on load and on
        back/forward, controls and clicks -> URL and stores otherwise."""
        values = list(args[:len(CONTROLS)])
        map_click, matrix_click, _picks, _clear, _reset, cur_filters, cur_pair = args[len(CONTROLS):]
        trigger = ctx.triggered_id
        keep = [no_update] * len(CONTROLS)
        current = Filters.from_dict(cur_filters) if cur_filters else Filters()
        pair = tuple(cur_pair) if cur_pair else None
        if trigger is None or trigger == "url" or trigger == "reset":
            state = urlstate.parse(search) if trigger != "reset" else urlstate.ViewState()
            new_search = urlstate.render(state) if trigger == "reset" else no_update
            if trigger == "reset" and new_search == (search or ""):
                new_search = no_update
            return (new_search, *controls_of(state.filters), state.filters.to_dict(),
                    list(state.pair) if state.pair else None)
        filters = current
        if trigger == "map" or trigger == "matrix":
            pair = _pair_from_click(map_click if trigger == "map" else matrix_click)
            if pair is None:
                raise PreventUpdate
        elif trigger == "clear-pair":
            pair = None
        elif isinstance(trigger, dict) and trigger.get("role") == "pick-pair":
            if not ctx.triggered[0].get("value"):
                raise PreventUpdate  # a button that just appeared, not a click
            pair = urlstate.parse(f"pair={trigger['pair']}").pair
        else:
            filters, fixed = filters_of(values, current)
            if fixed is not None:
                keep[CONTROLS.index("f-countries.value")] = fixed
        new_search = urlstate.render(urlstate.ViewState(filters, pair))
        return (new_search if new_search != (search or "") else no_update, *keep,
                filters.to_dict() if filters.to_dict() != cur_filters else no_update,
                (list(pair) if pair else None) if (list(pair) if pair else None) != cur_pair else no_update)

    @app.callback(
        Output("map", "figure"), Output("matrix", "figure"), Output("matrix-table", "children"),
        Output("view-summary", "children"),
        Input("store-filters", "data"), Input("store-pair", "data"), Input("store-version", "data"),
    )
    @on_read_error(lambda m: (figures.empty_figure(m), figures.empty_figure(m), [], m))
    def overview(filters_data, pair, _version):
        f = Filters.from_dict(filters_data)
        cells = queries.matrix(db, f)
        edges = queries.edges(db, f)
        countries = queries.countries(db)
        order = axis_order(f, cells, countries)
        keep = {iso for iso, _ in order}
        nodes = countries.filter(pl.col("iso3").is_in(list(keep)) & pl.col("lat").is_not_null())
        edges = edges.filter(pl.col("source_lat").is_not_null() & pl.col("target_lat").is_not_null())
        selected = tuple(pair) if pair else None
        return (figures.network_map(edges, nodes, selected, f.unit),
                figures.stance_matrix(cells, order, selected, f.unit),
                layout.matrix_table(cells, order, f.unit),
                view_summary(f, cells, len(order)))

    @app.callback(
        Output("pair-title", "children"), Output("pair-summary", "children"), Output("timeline-wrap", "hidden"),
        Output("timeline", "figure"), Output("evidence", "children"),
        Input("store-filters", "data"), Input("store-pair", "data"), Input("store-version", "data"),
        Input("fix-status", "children"),
    )
    @on_read_error(lambda m: ("Evidence", m, True, no_update, []))
    def drilldown(filters_data, pair, _version, _saved):
        if not pair:
            return ("Evidence", "Click a line on the map or a cell of the matrix to see the sentences behind it.",
                    True, no_update, [])
        f = Filters.from_dict(filters_data)
        src, tgt = pair
        names = queries.country_names(db)
        src_name, tgt_name = names.get(src, src), names.get(tgt, tgt)
        cells = queries.matrix(db, f).filter((pl.col("source_iso3") == src) & (pl.col("target_iso3") == tgt))
        rows = queries.evidence(db, f, src, tgt)
        weekly = queries.weekly(db, f, src, tgt)
        cell = cells.row(0, named=True) if cells.height else None
        summary = layout.pair_summary(src_name, tgt_name, cell, f.unit, rows.height,
                                      rows["event_id"].n_unique() if rows.height else 0)
        title = f"{src_name} → {tgt_name}"
        fig = figures.timeline(weekly, title, f.unit, f.date_from, f.date_to)
        return title, summary, False, fig, layout.evidence_list(rows, f.unit, pending_ids())

    @app.callback(
        Output("changes-window", "children"), Output("changes", "children"),
        Input("store-filters", "data"), Input("store-version", "data"),
    )
    @on_read_error(lambda m: (m, []))
    def what_changed(filters_data, _version):
        f = Filters.from_dict(filters_data)
        window = queries.change_window(db, f)
        if window is None:
            return "No dated interactions to compare.", []
        moved = queries.changes(db, f)
        if not moved.height:
            first = moved
            before = "the window before"
        else:
            first = moved.row(0, named=True)
            before = f"{first['before_from']} to {first['before_to']}"
        text = (f"Pairs whose net stance moved most in {window[0]} to {window[1]} against {before} "
                f"(same length; a pair absent from a window counts as neutral). Set the date filter to choose "
                f"the window.")
        if not moved.height:
            return text, [html.P("No pair's stance changed between the two windows.", className="muted")]
        items = []
        for r in moved.iter_rows(named=True):
            b = queries.pair_events(db, f, r["source_iso3"], r["target_iso3"], str(r["before_from"]),
                                    str(r["before_to"]))
            n = queries.pair_events(db, f, r["source_iso3"], r["target_iso3"], window[0], window[1])
            items.append(layout.change_item(r, f.unit, b, n))
        return text, html.Ol(items, className="changes")

    @app.callback(Output("store-fix", "data"),
                  Input({"role": "fix-open", "iid": ALL}, "n_clicks"), Input("fix-cancel", "n_clicks"),
                  prevent_initial_call=True)
    def open_fix(_opens, _cancel):
        trigger = ctx.triggered_id
        if trigger == "fix-cancel":
            return None
        if isinstance(trigger, dict) and ctx.triggered[0].get("value"):
            return trigger["iid"]
        raise PreventUpdate

    @app.callback(
        Output("fix-dialog", "hidden"), Output("fix-target", "children"), Output("fix-type", "value"),
        Output("fix-action", "value"), Output("fix-reverse", "value"), Output("fix-note", "value"),
        Input("store-fix", "data"), prevent_initial_call=True,
    )
    def show_fix(iid):
        row = queries.interaction(db, iid) if iid else None
        if row is None:
            return True, [], no_update, no_update, no_update, no_update
        names = queries.country_names(db)
        target = [
            html.P([html.Strong(f"{names.get(row['source_iso3'], row['source_iso3'])} → "
                                f"{names.get(row['target_iso3'], row['target_iso3'])}"),
                    f": {row['type']}, {row['modality']}, confidence {row['confidence']:.2f}"]),
            layout.sentence_view(row),
        ]
        return False, target, row["type"], "wrong", [], ""

    @app.callback(
        Output("fix-status", "children"), Output("store-fix", "data", allow_duplicate=True),
        Input("fix-save", "n_clicks"),
        State("store-fix", "data"), State("fix-action", "value"), State("fix-type", "value"),
        State("fix-reverse", "value"), State("fix-note", "value"), State("fix-author", "value"),
        prevent_initial_call=True,
    )
    def save_fix(n, iid, action, new_type, reverse, note, author):
        if not n or not iid:
            raise PreventUpdate
        row = queries.interaction(db, iid)
        if row is None:
            return "That interaction is no longer in the published data (already corrected?).", None
        try:
            saved = store.add(row, action, new_type=new_type if action == "change" else None,
                              reverse=action == "change" and "reverse" in (reverse or []),
                              note=note or "", author=author or None)
        except CorrectionError as e:
            return f"Not saved: {e}.", no_update
        republisher.request()
        return (f"Correction {saved['correction_id']} saved at {datetime.now():%H:%M:%S}; pending until the "
                "database is republished (a few seconds).", None)

    @app.callback(
        Output("store-version", "data"), Output("corrections-list", "children"), Output("data-status", "children"),
        Input("tick", "n_intervals"), State("store-version", "data"),
    )
    def poll(_n, seen):
        """New published file? -> bump the version every figure depends on."""
        now = queries.version(db)
        corrections = correction_rows(store, applied_ids(), republisher)
        if now == seen:
            return no_update, corrections, no_update
        try:
            facts = queries.overview(db)
        except queries.DatabaseMissing:
            facts = {}
        return now, corrections, layout.data_status(facts)

    @app.callback(
        Output("download", "data"),
        Input("export-csv", "n_clicks"), Input("export-parquet", "n_clicks"), Input("export-gold", "n_clicks"),
        State("store-filters", "data"), prevent_initial_call=True,
    )
    def export(_csv, _parquet, _gold, filters_data):
        trigger = ctx.triggered_id
        if not ctx.triggered[0].get("value"):
            raise PreventUpdate
        if trigger == "export-gold":
            interactions, names = queries.gold_inputs(db)
            return dcc.send_string(dumps_jsonl(export_gold(store.all(), interactions, names)),
                                   "corrections-gold.jsonl")
        frame = queries.export_frame(db, Filters.from_dict(filters_data))
        if trigger == "export-csv":
            return dcc.send_string(queries.spreadsheet_safe(frame).write_csv(), "relations-interactions.csv")
        buf = io.BytesIO()
        frame.write_parquet(buf)
        return dcc.send_bytes(buf.getvalue(), "relations-interactions.parquet")

    # bring the drill-down into view when a pair is picked (map, matrix, "what changed", shared link)
    app.clientside_callback(
        """function(pair) {
            const el = document.getElementById('pair-section');
            if (pair && el) { setTimeout(() => el.scrollIntoView({behavior: 'smooth', block: 'start'}), 50); }
        }""",
        Input("store-pair", "data"), prevent_initial_call=True,
    )

    for graph, button, name in (("map", "map-svg", "relations-map"), ("matrix", "matrix-svg", "relations-matrix")):
        app.clientside_callback(
            f"""function(n) {{
                const el = document.querySelector('#{graph} .js-plotly-plot');
                if (n && el && window.Plotly) {{
                    window.Plotly.downloadImage(el, {{format: 'svg', filename: '{name}'}});
                }}
            }}""",
            Input(button, "n_clicks"), prevent_initial_call=True,
        )
