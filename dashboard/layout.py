"""The page: controls, figure panels, drill-down and the pieces callbacks fill in.

All article text is rendered as Dash text children (escaped by React), never
as HTML or Markdown: a sentence is untrusted input from the web.
"""

from __future__ import annotations

from urllib.parse import urlparse

import polars as pl
from dash import dcc, html

from .figures import TYPE_COLORS, stance_word
from .queries import FOCUS, MODALITIES, TYPES, Filters

ALL_COUNTRIES = "ALL"
MAX_EVIDENCE_ROWS = 1000
ROLE_LABEL = {"source": "source actor", "target": "target actor", "trigger": "trigger words"}


def graph_config(topojson_url: str, filename: str) -> dict:
    """Offline plotly: base map from our own assets, image export in the browser."""
    return {
        "topojsonURL": topojson_url,
        "displaylogo": False,
        "scrollZoom": False,
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
        "modeBarButtonsToRemove": ["lasso2d", "select2d", "sendDataToCloud"],
    }


def country_options(countries: pl.DataFrame) -> list[dict]:
    """Focus countries first, then every other country that occurs in the data."""
    rows = countries.to_dicts() if countries.height else []
    focus = sorted((r for r in rows if r["iso3"] in FOCUS), key=lambda r: FOCUS.index(r["iso3"]))
    others = sorted((r for r in rows if r["in_data"] and r["iso3"] not in FOCUS), key=lambda r: r["name"])
    return ([{"label": "All countries in the data", "value": ALL_COUNTRIES}]
            + [{"label": f"{r['name']} ({r['iso3']})", "value": r["iso3"]} for r in focus + others])


def _field(label: str, control, control_id: str, hint: str | None = None, group: bool = False):
    """A labelled control. Groups of checkboxes get a fieldset/legend instead of a label."""
    if group:
        return html.Fieldset([html.Legend(label), control] + ([html.Small(hint)] if hint else []),
                             className="field")
    # the group's name reaches controls that name themselves (dropdown button, slider thumb, date inputs)
    return html.Div([html.Label(label, htmlFor=control_id, id=f"{control_id}-label"), control]
                    + ([html.Small(hint)] if hint else []),
                    className="field", role="group", **{"aria-labelledby": f"{control_id}-label"})


def filter_panel(options: list[dict], first_date, last_date, f: Filters) -> html.Section:
    type_options = [{"label": html.Span([html.Span(className="swatch", style={"background": TYPE_COLORS[t]}), t]),
                     "value": t} for t in TYPES]
    return html.Section(id="filters", className="card filters", **{"aria-label": "Filters"}, children=[
        html.H2("Filters"),
        html.Div(className="filter-grid", children=[
            _field("Dates (event date)", dcc.DatePickerRange(
                id="f-dates", start_date=f.date_from, end_date=f.date_to, clearable=True,
                display_format="YYYY-MM-DD", start_date_id="f-date-from", end_date_id="f-date-to",
                start_date_placeholder_text="from", end_date_placeholder_text="to",
                min_date_allowed=str(first_date) if first_date else None,
                max_date_allowed=str(last_date) if last_date else None,
                initial_visible_month=str(last_date) if last_date else None,
                number_of_months_shown=1, first_day_of_week=1, updatemode="bothdates"),
                "f-date-from", hint=f"data: {first_date or '—'} to {last_date or '—'}"),
            _field("Types", dcc.Checklist(id="f-types", options=type_options, value=list(f.types or TYPES),
                                          inline=True, className="checks"), "f-types", group=True),
            _field("Modality", dcc.Checklist(id="f-modalities", options=list(MODALITIES),
                                             value=list(f.modalities or MODALITIES), inline=True,
                                             className="checks"), "f-modalities", group=True),
            _field("Countries", dcc.Dropdown(id="f-countries", options=options, multi=True,
                                             value=list(f.countries) if f.countries is not None else [ALL_COUNTRIES],
                                             placeholder="choose countries", clearable=True),
                   "f-countries", hint="a pair shows when both ends are chosen"),
            _field("Minimum confidence", dcc.Slider(id="f-confidence", min=0, max=1, step=0.05,
                                                    value=f.min_confidence,
                                                    marks={0: "0", 0.25: "0.25", 0.5: "0.5", 0.75: "0.75", 1: "1"},
                                                    tooltip={"placement": "bottom"}), "f-confidence"),
            _field("Minimum sources", dcc.Input(id="f-sources", type="number", min=1, step=1, value=f.min_sources,
                                                debounce=True, className="number"),
                   "f-sources", hint="outlets that reported the event"),
            _field("Count", dcc.RadioItems(id="f-unit", value=f.unit, inline=True, className="checks", options=[
                {"label": "events (each once)", "value": "events"},
                {"label": "mentions (every report)", "value": "mentions"}]), "f-unit", group=True),
        ]),
        html.Div(className="actions", children=[
            html.Button("Reset view", id="reset", className="secondary", n_clicks=0),
            html.Span("Export the rows behind this view:", className="muted"),
            html.Button("CSV", id="export-csv", n_clicks=0, title="interactions behind the current view as CSV",
                        **{"aria-label": "Export the interactions behind this view as CSV"}),
            html.Button("Parquet", id="export-parquet", n_clicks=0,
                        title="interactions behind the current view as Parquet",
                        **{"aria-label": "Export the interactions behind this view as Parquet"}),
            html.Span("The address bar holds this view: bookmark or share it.", className="muted hint-url"),
        ]),
    ])


def figure_panels(topojson_url: str) -> html.Div:
    return html.Div(className="figures", children=[
        html.Section(className="card map-card", **{"aria-labelledby": "map-title"}, children=[
            html.Div(className="card-head", children=[
                html.H2("Network map", id="map-title"),
                html.Button("SVG", id="map-svg", className="small secondary", n_clicks=0,
                            title="download the map as SVG (PNG: camera icon on the chart)"),
            ]),
            html.P("Lines run from the country that acts to the one acted upon (arrowhead); colour and line "
                   "style give the net stance, width the volume. Click a line for its evidence.",
                   className="muted help"),
            dcc.Graph(id="map", config=graph_config(topojson_url, "relations-map"), className="graph map-graph"),
        ]),
        html.Section(className="card matrix-card", **{"aria-labelledby": "matrix-title"}, children=[
            html.Div(className="card-head", children=[
                html.H2("Stance matrix", id="matrix-title"),
                html.Button("SVG", id="matrix-svg", className="small secondary", n_clicks=0,
                            title="download the matrix as SVG (PNG: camera icon on the chart)"),
            ]),
            html.P("Rows act on columns. The number is how many were counted; colour is the net stance. "
                   "Click a cell for its evidence.", className="muted help"),
            dcc.Graph(id="matrix", config=graph_config(topojson_url, "relations-matrix"),
                      className="graph matrix-graph"),
            html.Details(className="matrix-table", children=[
                html.Summary("Show the matrix as a table"),
                html.Div(id="matrix-table"),
            ]),
        ]),
    ])


def matrix_table(cells: pl.DataFrame, order: list[tuple[str, str]], unit: str):
    """The stance matrix as an HTML table (for screen readers and copying)."""
    if not order:
        return html.P("No countries selected.")
    by_pair = {(r["source_iso3"], r["target_iso3"]): r for r in cells.to_dicts()} if cells.height else {}
    head = html.Tr([html.Th("source \\ target", scope="col")] + [html.Th(name, scope="col") for _, name in order])
    body = []
    for src, src_name in order:
        tds = [html.Th(src_name, scope="row")]
        for tgt, _ in order:
            r = by_pair.get((src, tgt))
            if src == tgt:
                tds.append(html.Td("—", className="self"))
            elif r is None:
                tds.append(html.Td("none", className="none"))
            else:
                tds.append(html.Td(
                    f"{r['net_stance']:+.2f} ({stance_word(r['net_stance'])}), {r['total']} {unit}: "
                    + ", ".join(f"{t} {r[t]}" for t in TYPES if r[t])))
        body.append(html.Tr(tds))
    return html.Table(className="data-table", children=[
        html.Caption(f"Net stance (−1 hostile to +1 cooperative) and {unit} per type, source rows acting on "
                     "target columns"),
        html.Thead(head), html.Tbody(body)])


def drilldown_section() -> html.Section:
    return html.Section(id="pair-section", className="card pair-card", **{"aria-labelledby": "pair-title"},
                        children=[
        html.Div(className="card-head", children=[
            html.H2("Evidence", id="pair-title"),
            html.Button("Close", id="clear-pair", className="small secondary", n_clicks=0),
        ]),
        html.P(id="pair-summary", className="pair-summary",
               children="Click a line on the map or a cell of the matrix to see the sentences behind it."),
        html.Div(id="timeline-wrap", hidden=True, children=[
            dcc.Graph(id="timeline", config=graph_config("", "relations-timeline"), className="graph"),
        ]),
        html.Div(id="evidence", className="evidence", **{"aria-live": "polite"}),
    ])


def changes_section() -> html.Section:
    return html.Section(id="changes-section", className="card", **{"aria-labelledby": "changes-title"}, children=[
        html.H2("What changed", id="changes-title"),
        html.P(id="changes-window", className="muted"),
        html.Div(id="changes"),
    ])


def corrections_section() -> html.Section:
    return html.Section(id="corrections-section", className="card", **{"aria-labelledby": "corrections-title"},
                        children=[
        html.Div(className="card-head", children=[
            html.H2("Corrections", id="corrections-title"),
            html.Button("Export gold JSONL", id="export-gold", className="small", n_clicks=0,
                        title="reviewed articles as a gold file for `python -m etl evaluate`"),
        ]),
        html.P("Mark an interaction wrong, change its type or direction from the evidence list. Corrections "
               "are kept beside the database and applied at every publish.", className="muted"),
        html.Div(id="corrections-list", **{"aria-live": "polite"}),
    ])


def correction_dialog() -> html.Div:
    """One dialog for every evidence row; the row's id is in store-fix."""
    return html.Div(id="fix-dialog", className="dialog-backdrop", hidden=True, children=[
        html.Div(className="dialog", role="dialog", **{"aria-modal": "true", "aria-labelledby": "fix-title"},
                 children=[
            html.H2("Correct this interaction", id="fix-title"),
            html.Div(id="fix-target", className="fix-target"),
            html.Fieldset(className="field", children=[
                html.Legend("What is wrong?"),
                dcc.RadioItems(id="fix-action", value="wrong", className="checks stacked", options=[
                    {"label": "Not an interaction (mark wrong)", "value": "wrong"},
                    {"label": "Wrong type and/or direction (change)", "value": "change"},
                    {"label": "Nothing: it is right (confirm)", "value": "confirm"},
                ]),
            ]),
            html.Div(id="fix-change-fields", className="field-row", children=[
                html.Div(className="field", children=[
                    html.Label("Type", htmlFor="fix-type"),
                    dcc.Dropdown(id="fix-type", options=list(TYPES), clearable=False, searchable=False),
                ]),
                dcc.Checklist(id="fix-reverse", className="checks", value=[], options=[
                    {"label": "Reverse the direction (the target acted on the source)", "value": "reverse"}]),
            ]),
            html.Div(className="field", children=[
                html.Label("Note", htmlFor="fix-note"),
                dcc.Textarea(id="fix-note", value="", maxLength=2000, className="note",
                             placeholder="why (shown to other analysts)"),
            ]),
            html.Div(className="field", children=[
                html.Label("Your name (optional)", htmlFor="fix-author"),
                dcc.Input(id="fix-author", type="text", value="", maxLength=100),
            ]),
            html.Div(className="actions", children=[
                html.Button("Save correction", id="fix-save", n_clicks=0),
                html.Button("Cancel", id="fix-cancel", className="secondary", n_clicks=0),
            ]),
        ]),
    ])


def page(options: list[dict], facts: dict, version: str, topojson_url: str) -> html.Div:
    f = Filters()
    return html.Div(className="app", children=[
        dcc.Location(id="url", refresh=False),
        dcc.Store(id="store-filters"),
        dcc.Store(id="store-pair"),
        dcc.Store(id="store-version", data=version),
        dcc.Store(id="store-fix"),
        dcc.Interval(id="tick", interval=3000),
        dcc.Download(id="download"),
        html.Header(className="top", children=[
            html.H1("East Asia relations"),
            html.P("Who cooperates with, threatens, proposes to or rejects whom — from the news, with the "
                   "sentence behind every number.", className="tagline"),
            html.P(id="data-status", className="muted", children=data_status(facts)),
            html.P(id="fix-status", className="status", role="status", **{"aria-live": "polite"}),
        ]),
        html.Main(children=[
            filter_panel(options, facts.get("first_date"), facts.get("last_date"), f),
            html.P(id="view-summary", className="view-summary", role="status"),
            figure_panels(topojson_url),
            drilldown_section(),
            changes_section(),
            corrections_section(),
        ]),
        correction_dialog(),
    ])


def missing_page(message: str) -> html.Div:
    return html.Div(className="app", children=[
        html.Header(className="top", children=[html.H1("East Asia relations")]),
        html.Main([html.Section(className="card", children=[html.H2("No data yet"), html.P(message)])]),
    ])


def data_status(facts: dict) -> str:
    if not facts:
        return ""
    last_run = facts.get("last_run")
    return (f"{facts.get('articles', 0)} articles, {facts.get('interactions', 0)} interactions, "
            f"dated {facts.get('first_date') or '—'} to {facts.get('last_date') or '—'}"
            + (f"; published {last_run:%Y-%m-%d %H:%M} UTC" if last_run else ""))


# --- evidence ---------------------------------------------------------------------------------

def highlight_segments(sentence: str, sentence_start: int,
                       spans: dict[str, tuple[int | None, int | None]]) -> list[tuple[str, tuple[str, ...]]]:
    """Cut a sentence into (text, roles) pieces using the article offsets of
    the source, target and trigger spans (relative to sentence_start).
    Overlapping spans give pieces with several roles; spans outside the
    sentence are clipped or dropped."""
    n = len(sentence)
    rel: dict[str, tuple[int, int]] = {}
    for role, (start, end) in spans.items():
        if start is None or end is None:
            continue
        s, e = max(0, start - sentence_start), min(n, end - sentence_start)
        if s < e:
            rel[role] = (s, e)
    cuts = sorted({0, n, *(x for se in rel.values() for x in se)})
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        roles = tuple(r for r, (s, e) in rel.items() if s <= a and b <= e)
        pieces.append((sentence[a:b], roles))
    return pieces


def sentence_view(row: dict) -> html.Blockquote:
    pieces = highlight_segments(row["sentence"], row["sentence_start"], {
        "source": (row["source_start"], row["source_end"]),
        "target": (row["target_start"], row["target_end"]),
        "trigger": (row["trigger_start"], row["trigger_end"]),
    })
    children = []
    for text, roles in pieces:
        if roles:
            children.append(html.Mark(text, className=" ".join(f"hl-{r}" for r in roles),
                                      title=", ".join(ROLE_LABEL[r] for r in roles)))
        else:
            children.append(text)
    return html.Blockquote(children, className="sentence")


def safe_link(url: str | None) -> str | None:
    """Only http(s) URLs become links (never javascript: or data:)."""
    if not url:
        return None
    try:
        scheme = urlparse(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None


def evidence_row(row: dict, pending: bool) -> html.Li:
    link = safe_link(row.get("url"))
    title = row.get("title") or row.get("article_source") or row["article_id"]
    meta = [
        html.Span(row["type"], className=f"badge type-{row['type']}"),
        html.Span(row["modality"], className="badge"),
        html.Span(f"confidence {row['confidence']:.2f}"),
        html.Span(str(row["date"]) if row.get("date") else "undated"),
        (html.A(title, href=link, target="_blank", rel="noopener noreferrer nofollow") if link
         else html.Span(title, className="title")),
        html.Span(row.get("outlet") or "unknown outlet"),
    ]
    if row.get("correction"):
        note = f": {row['correction_note']}" if row.get("correction_note") else ""
        meta.append(html.Span(f"corrected ({row['correction']}){note}", className="badge corrected"))
    if pending:
        meta.append(html.Span("correction pending", className="badge pending"))
    return html.Li(className="ev-row", **{"data-interaction": row["interaction_id"]}, children=[
        sentence_view(row),
        html.Div(className="ev-meta", children=meta + [
            html.Button("Correct…", id={"role": "fix-open", "iid": row["interaction_id"]}, n_clicks=0,
                        className="small secondary fix-open",
                        **{"aria-label": f"correct this {row['type']} from {row['source_name']} "
                                         f"to {row['target_name']}"}),
        ]),
    ])


def evidence_list(rows: pl.DataFrame, unit: str, pending_ids: set[str]) -> list:
    """Mentions grouped by event (what 'events' counts), newest event first."""
    if not rows.height:
        return [html.P("No evidence under these filters.", className="muted")]
    shown = rows.head(MAX_EVIDENCE_ROWS)
    groups: dict[str, list[dict]] = {}
    for r in shown.iter_rows(named=True):
        groups.setdefault(r["event_id"], []).append(r)
    out = [html.P(className="legend", children=[
        html.Mark("source actor", className="hl-source"), " ", html.Mark("target actor", className="hl-target"),
        " ", html.Mark("trigger words", className="hl-trigger")])]
    if rows.height > MAX_EVIDENCE_ROWS:
        out.append(html.P(f"Showing the first {MAX_EVIDENCE_ROWS} of {rows.height} mentions; export for all.",
                          className="muted"))
    for event_id, items in groups.items():
        first = items[0]
        dates = sorted(str(r["date"]) for r in items if r["date"])
        span = (dates[0] if dates[0] == dates[-1] else f"{dates[0]} – {dates[-1]}") if dates else "undated"
        out.append(html.Section(className="event", children=[
            html.H3(f"Event: {first['type']}, {span} · {len(items)} mention{'s' if len(items) != 1 else ''} · "
                    f"{first['event_sources']} source{'s' if first['event_sources'] != 1 else ''}",
                    className="event-head"),
            html.Ol([evidence_row(r, r["interaction_id"] in pending_ids) for r in items], className="ev-list"),
        ]))
    return out


def pair_summary(source_name: str, target_name: str, cell: dict | None, unit: str, n_rows: int, n_events: int):
    if cell is None:
        return f"Nothing from {source_name} to {target_name} under these filters."
    counted = (f"{cell['total']} events ({n_rows} mentions listed below)" if unit == "events"
               else f"{cell['total']} mentions (in {n_events} events, listed below)")
    return (f"{counted}; net stance "
            f"{cell['net_stance']:+.2f} ({stance_word(cell['net_stance'])}): "
            + ", ".join(f"{t} {cell[t]}" for t in TYPES) + ".")


# --- what changed -----------------------------------------------------------------------------

def _net(v) -> str:
    return "—" if v is None else f"{v:+.2f}"


def change_item(row: dict, unit: str, before_events: pl.DataFrame, now_events: pl.DataFrame) -> html.Li:
    delta = row["delta"]
    arrow = "▲" if delta > 0 else "▼"
    status = {"new": "new in this window", "quiet": "quiet in this window (absent counts as neutral)"}.get(
        row.get("status"), "")

    def events(frame: pl.DataFrame, label: str):
        if not frame.height:
            return html.Div([html.H4(label), html.P("no events", className="muted")], className="change-events")
        return html.Div(className="change-events", children=[
            html.H4(label),
            html.Ul([html.Li([html.Span(str(e["first_date"] or "undated"), className="date"), " ",
                              html.Span(e["type"], className=f"badge type-{e['type']}"), " ",
                              html.Span(e["sentence"], className="quote"),
                              html.Span(f" ({e['mentions']} mention{'s' if e['mentions'] != 1 else ''}, "
                                        f"{e['outlet'] or 'unknown outlet'})", className="muted")])
                     for e in frame.head(6).iter_rows(named=True)]),
        ] + ([html.P(f"and {frame.height - 6} more", className="muted")] if frame.height > 6 else []))

    return html.Li(className="change", children=[
        html.Div(className="change-head", children=[
            html.Span(f"{arrow} {delta:+.2f}", className="delta " + ("up" if delta > 0 else "down")),
            html.Strong(f"{row['source_name']} → {row['target_name']}"),
            html.Span(f"net {_net(row['net_before'])} → {_net(row['net_now'])}; "
                      f"{row['total_before']} → {row['total_now']} {unit}", className="muted"),
            html.Span(status, className=f"badge status-{row.get('status')}") if status else None,
            html.Button("Evidence", id={"role": "pick-pair", "pair": f"{row['source_iso3']}-{row['target_iso3']}"},
                        n_clicks=0, className="small secondary",
                        **{"aria-label": f"show evidence for {row['source_name']} to {row['target_name']}"}),
        ]),
        html.Div(className="change-body", children=[events(before_events, "before"), events(now_events, "now")]),
    ])
