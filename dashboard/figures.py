"""Plotly figures from Polars frames: pure functions, no I/O.

Stance is one diverging, colour-blind-safe scale (ColorBrewer RdBu: red =
hostile, blue = cooperative, equally light at equal distances from zero)
centred on zero, with a light grey middle so a neutral edge stays visible on
the map. Because colour alone is not enough,
the map also encodes the sign of the stance in the line style and every
figure carries the exact counts per type in its hover text.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

import plotly.graph_objects as go
import polars as pl
from plotly.colors import sample_colorscale
from plotly.subplots import make_subplots

from .queries import TYPES

STANCE_SCALE = [[0.0, "#b2182b"], [0.25, "#ef8a62"], [0.5, "#cccccc"], [0.75, "#67a9cf"], [1.0, "#2166ac"]]
TYPE_COLORS = {"cooperation": "#2166ac", "proposal": "#67a9cf", "rejection": "#ef8a62", "threat": "#b2182b"}
STANCE_TICKS = dict(tickvals=[-1, -0.5, 0, 0.5, 1], ticktext=["−1 threat", "−0.5", "0", "+0.5", "+1 cooperation"])
FONT = dict(family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif", size=13)
# Where each focus country's label goes, so the close Korea/Japan/China labels do not collide.
LABEL_POSITION = {"PRK": "top left", "KOR": "bottom left", "JPN": "top right", "CHN": "middle left",
                  "PHL": "bottom center", "USA": "top center", "TWN": "middle right", "RUS": "top center"}
MIN_WIDTH, MAX_WIDTH = 1.5, 9.0


def stance_color(net: float | None) -> str:
    """The colour of a net stance in [-1, 1] (0 is the neutral middle)."""
    if net is None or (isinstance(net, float) and math.isnan(net)):
        net = 0.0
    x = (max(-1.0, min(1.0, float(net))) + 1.0) / 2.0
    return sample_colorscale(STANCE_SCALE, [x])[0]


def stance_dash(net: float | None) -> str:
    """Line style carries the sign too: solid positive, dashed negative, dotted neutral."""
    if net is None or abs(net) < 1e-9:
        return "dot"
    return "solid" if net > 0 else "dash"


def stance_word(net: float | None) -> str:
    if net is None:
        return "no data"
    if net >= 0.5:
        return "cooperative"
    if net > 0:
        return "leaning cooperative"
    if net == 0:
        return "neutral"
    if net > -0.5:
        return "leaning hostile"
    return "hostile"


def edge_width(total: float, max_total: float) -> float:
    """Line width grows with volume (square root, so one busy pair does not
    flatten the others)."""
    if not max_total or total <= 0:
        return MIN_WIDTH
    return round(MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * math.sqrt(min(total, max_total) / max_total), 2)


def type_counts_text(row: dict, sep: str = "<br>") -> str:
    return sep.join(f"{t}: {int(row.get(t) or 0)}" for t in TYPES)


def pair_hover(row: dict, unit: str) -> str:
    """Hover text of an edge or cell: who, net stance, counts per type, volume."""
    net = row.get("net_stance")
    latest = row.get("latest_date")
    return (f"<b>{row.get('source_name') or row['source_iso3']} → {row.get('target_name') or row['target_iso3']}</b><br>"
            f"net stance {net:+.2f} ({stance_word(net)})<br>"
            f"{type_counts_text(row)}<br>"
            f"{int(row.get('events') or 0)} events · {int(row.get('mentions') or 0)} mentions · "
            f"{int(row.get('articles') or 0)} articles<br>"
            f"counted: {unit}{' · latest ' + str(latest) if latest else ''}<br><i>click for the evidence</i>")


def _empty_layout(fig: go.Figure, message: str) -> go.Figure:
    fig.add_annotation(text=message, showarrow=False, xref="paper", yref="paper", x=0.5, y=0.5,
                       font=dict(size=15, color="#444"), bgcolor="rgba(255,255,255,0.85)", name="empty-state")
    return fig


def empty_figure(message: str, height: int = 320) -> go.Figure:
    """A blank figure that says why it is blank (rather than empty axes)."""
    fig = go.Figure()
    fig.update_layout(height=height, font=FONT, margin=dict(l=10, r=10, t=10, b=10),
                      xaxis=dict(visible=False), yaxis=dict(visible=False),
                      plot_bgcolor="white", paper_bgcolor="white", meta={"empty": True})
    return _empty_layout(fig, message)


# --- network map ------------------------------------------------------------------------------

def edge_path(lon1: float, lat1: float, lon2: float, lat2: float, n: int = 24,
              bend: float = 0.12) -> tuple[list[float], list[float]]:
    """Points of a gently curved line from 1 to 2, bowed to the right of the
    direction of travel so that A→B and B→A are two separate lines. Takes the
    short way round (across the Pacific for the US and East Asia)."""
    if lon2 - lon1 > 180:
        lon2 -= 360
    elif lon2 - lon1 < -180:
        lon2 += 360
    k = math.cos(math.radians((lat1 + lat2) / 2)) or 1e-6
    dx, dy = (lon2 - lon1) * k, lat2 - lat1
    length = math.hypot(dx, dy) or 1e-6
    offset = min(max(bend * length, 0.9), 7.0)
    nx, ny = dy / length, -dx / length  # right-hand normal
    lons, lats = [], []
    for i in range(n + 1):
        t = i / n
        s = math.sin(math.pi * t) * offset
        x = lon1 * k + dx * t + nx * s
        y = lat1 + dy * t + ny * s
        lon = x / k
        lons.append(round((lon + 180) % 360 - 180, 4))
        lats.append(round(y, 4))
    return lons, lats


def map_view(points: list[tuple[float, float]]) -> dict:
    """Geo layout that frames the countries shown: a conic projection centred
    on them (for the focus six: the North Pacific, with East Asia on the left
    and the US on the right), longitudes unwrapped so the frame never spans
    the whole world just because it crosses the antimeridian."""
    pts = [(lon, lat) for lon, lat in points if lon is not None and lat is not None]
    if not pts:
        pts = [(100.0, 20.0), (-70.0, 50.0)]
    cx = sum(math.cos(math.radians(lon)) for lon, _ in pts)
    cy = sum(math.sin(math.radians(lon)) for lon, _ in pts)
    center = math.degrees(math.atan2(cy, cx)) if (cx or cy) else 0.0
    lons = [center + ((lon - center + 180) % 360 - 180) for lon, _ in pts]
    lats = [lat for _, lat in pts]
    lon_span, lat_span = max(lons) - min(lons), max(lats) - min(lats)
    lon_pad, lat_pad = max(10.0, 0.08 * lon_span), max(7.0, 0.15 * lat_span)
    # parallels bow on a conic map: far-apart countries need more room above
    lat_lo = max(-85.0, min(lats) - lat_pad)
    lat_hi = min(85.0, max(lats) + lat_pad + 0.1 * lon_span)
    lon_lo, lon_hi = min(lons) - lon_pad, max(lons) + lon_pad
    center = (lon_lo + lon_hi) / 2
    third = (lat_hi - lat_lo) / 3
    return dict(projection=dict(type="conic equidistant", rotation=dict(lon=center),
                                parallels=[lat_lo + third, lat_hi - third]),
                lonaxis=dict(range=[lon_lo, lon_hi]), lataxis=dict(range=[lat_lo, lat_hi]), fitbounds=False)


def network_map(edges: pl.DataFrame, nodes: pl.DataFrame, selected: tuple[str, str] | None = None,
                unit: str = "events", height: int = 390) -> go.Figure:
    """Countries at their coordinates, one curved, directed line per pair:
    colour and line style = net stance, width = volume, an arrowhead two
    thirds along = direction. Every point of a line hovers and clicks as the pair."""
    fig = go.Figure()
    rows = edges.to_dicts() if edges.height else []
    max_total = max((r["total"] for r in rows), default=0)
    arrow_at = 16  # of 24 segments: past the middle, clear of the target's marker
    # widest first so thin lines stay on top and clickable
    for r in sorted(rows, key=lambda r: -r["total"]):
        lons, lats = edge_path(r["source_lon"], r["source_lat"], r["target_lon"], r["target_lat"])
        width = edge_width(r["total"], max_total)
        color = stance_color(r["net_stance"])
        is_selected = selected is not None and (r["source_iso3"], r["target_iso3"]) == tuple(selected)
        sizes = [0] * len(lons)
        sizes[arrow_at] = 9 + 1.6 * width
        hover = pair_hover(r, unit)
        fig.add_trace(go.Scattergeo(
            lon=lons, lat=lats, mode="lines+markers",
            line=dict(color="#111111" if is_selected else color, width=width + (2 if is_selected else 0),
                      dash=stance_dash(r["net_stance"])),
            marker=dict(size=sizes, symbol="triangle-up", angleref="previous", color=color,
                        line=dict(width=1, color="#333333")),
            customdata=[[r["source_iso3"], r["target_iso3"]]] * len(lons),
            hovertext=[hover] * len(lons), hoverinfo="text",
            name=f"{r['source_iso3']}→{r['target_iso3']}", showlegend=False,
            meta={"kind": "edge", "source": r["source_iso3"], "target": r["target_iso3"],
                  "total": r["total"], "net_stance": r["net_stance"], "width": width},
        ))
    # legend entries for the line styles
    for label, dash in (("net cooperative", "solid"), ("net hostile", "dash"), ("neutral", "dot")):
        fig.add_trace(go.Scattergeo(lon=[None], lat=[None], mode="lines", name=label,
                                    line=dict(color="#555555", width=2.5, dash=dash), hoverinfo="skip",
                                    meta={"kind": "legend"}))
    node_rows = nodes.to_dicts() if nodes.height else []
    if node_rows:
        out_deg: dict[str, int] = {}
        in_deg: dict[str, int] = {}
        for r in rows:
            out_deg[r["source_iso3"]] = out_deg.get(r["source_iso3"], 0) + r["total"]
            in_deg[r["target_iso3"]] = in_deg.get(r["target_iso3"], 0) + r["total"]
        fig.add_trace(go.Scattergeo(
            lon=[n["lon"] for n in node_rows], lat=[n["lat"] for n in node_rows],
            mode="markers+text", text=[n["name"] for n in node_rows],
            textposition=[LABEL_POSITION.get(n["iso3"], "top center") for n in node_rows],
            textfont=dict(size=12, color="#111111", weight="bold",
                          shadow="0 0 3px #ffffff, 0 0 3px #ffffff, 0 0 2px #ffffff"),
            marker=dict(size=11, color="#ffffff", line=dict(width=2.5, color="#222222"), symbol="circle"),
            hovertext=[f"<b>{n['name']}</b><br>acts: {out_deg.get(n['iso3'], 0)} {unit}<br>"
                       f"acted upon: {in_deg.get(n['iso3'], 0)} {unit}" for n in node_rows],
            hoverinfo="text", name="countries", showlegend=False, meta={"kind": "nodes"},
        ))
    # an invisible point that carries the colour bar of the stance scale
    fig.add_trace(go.Scattergeo(
        lon=[None], lat=[None], mode="markers", hoverinfo="skip", showlegend=False,
        marker=dict(color=[0], cmin=-1, cmax=1, colorscale=STANCE_SCALE, showscale=True, size=0.1,
                    colorbar=dict(title=dict(text="net stance: hostile ← → cooperative", side="top",
                                             font=dict(size=11)),
                                  orientation="h", thickness=10, len=0.36, x=0.98, xanchor="right", y=0.0,
                                  yanchor="bottom", tickvals=[-1, -0.5, 0, 0.5, 1],
                                  ticktext=["−1", "−0.5", "0", "+0.5", "+1"])),
        meta={"kind": "colorbar"},
    ))
    fig.update_geos(
        **map_view([(n["lon"], n["lat"]) for n in node_rows]), resolution=50,
        showland=True, landcolor="#ecebe6", showocean=True, oceancolor="#f4f8fb",
        showcountries=True, countrycolor="#b8b8b8", countrywidth=0.6,
        showcoastlines=True, coastlinecolor="#9a9a9a", coastlinewidth=0.6,
        showlakes=False, showframe=False, bgcolor="rgba(0,0,0,0)",
    )
    fig.update_layout(
        height=height, font=FONT, margin=dict(l=0, r=0, t=4, b=0), paper_bgcolor="white",
        legend=dict(orientation="h", x=0.0, y=0.0, xanchor="left", yanchor="bottom",
                    bgcolor="rgba(255,255,255,0.8)", font=dict(size=11)),
        hoverlabel=dict(bgcolor="white", font=dict(size=12)),
        clickmode="event", uirevision="network-map", dragmode="pan",
    )
    if not rows:
        _empty_layout(fig, "No interactions match these filters")
    return fig


# --- stance matrix ----------------------------------------------------------------------------

def stance_matrix(cells: pl.DataFrame, order: list[tuple[str, str]], selected: tuple[str, str] | None = None,
                  unit: str = "events", height: int = 470) -> go.Figure:
    """Sources down, targets across (`order`: (iso3, name) for both), colour =
    net stance centred on zero, number in the cell = units counted."""
    if not order:
        return empty_figure("No countries selected", height)
    index = {iso: i for i, (iso, _) in enumerate(order)}
    names = [name for _, name in order]
    n = len(order)
    z: list[list[float | None]] = [[None] * n for _ in range(n)]
    text = [[""] * n for _ in range(n)]
    hover = [[""] * n for _ in range(n)]
    custom = [[[order[i][0], order[j][0]] for j in range(n)] for i in range(n)]
    for r in cells.to_dicts() if cells.height else []:
        i, j = index.get(r["source_iso3"]), index.get(r["target_iso3"])
        if i is None or j is None:
            continue
        r = {**r, "source_name": names[i], "target_name": names[j]}
        z[i][j] = r["net_stance"]
        text[i][j] = str(r["total"])
        hover[i][j] = pair_hover(r, unit)
    codes = [iso for iso, _ in order]  # categories are codes (what a click reports), labels are names
    fig = go.Figure(go.Heatmap(
        z=z, x=codes, y=codes, text=text, texttemplate="%{text}", textfont=dict(size=14),
        customdata=custom, hovertext=hover, hoverinfo="text", hoverongaps=False,
        colorscale=STANCE_SCALE, zmin=-1, zmax=1, zmid=0, xgap=2, ygap=2,
        colorbar=dict(title=dict(text="net stance", side="right"), thickness=12, len=0.9, **STANCE_TICKS),
        name="stance matrix",
    ))
    if selected is not None and selected[0] in index and selected[1] in index:
        i, j = index[selected[0]], index[selected[1]]
        fig.add_shape(type="rect", x0=j - 0.5, x1=j + 0.5, y0=i - 0.5, y1=i + 0.5,
                      line=dict(color="#111111", width=3), name="selected")
    fig.update_layout(
        height=height, font=FONT, margin=dict(l=8, r=8, t=8, b=8), paper_bgcolor="white",
        plot_bgcolor="#f7f7f7",
        xaxis=dict(title=dict(text=f"target (acted upon) · number = {unit}", standoff=6), side="bottom",
                   tickangle=-30, showgrid=False, fixedrange=True, type="category", tickmode="array",
                   tickvals=codes, ticktext=names),
        yaxis=dict(title=dict(text="source (acts)", standoff=6), autorange="reversed", showgrid=False,
                   fixedrange=True, type="category", tickmode="array", tickvals=codes, ticktext=names),
        hoverlabel=dict(bgcolor="white", font=dict(size=12)), clickmode="event",
    )
    if not cells.height:
        _empty_layout(fig, "No interactions match these filters")
    return fig


# --- trends -----------------------------------------------------------------------------------

def timeline(weekly: pl.DataFrame, title: str, unit: str = "events", date_from: str | None = None,
             date_to: str | None = None, height: int = 340) -> go.Figure:
    """Two panels on one time axis: weekly net stance (top) and weekly counts
    stacked per type (bottom). Separate panels, not a second y axis, so the
    -1..+1 stance scale is never read against the count scale."""
    dated = weekly.filter(pl.col("week").is_not_null()) if weekly.height else weekly
    if not dated.height:
        return empty_figure(f"No dated {unit} for {title} under these filters", height)
    weeks = dated["week"].to_list()
    mid = [w + timedelta(days=3) for w in weeks]  # bars centred on their week (Monday to Sunday)
    labels = [w.strftime("%d %b %Y") for w in weeks]
    week_ms = 6 * 24 * 3600 * 1000
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, row_heights=[0.36, 0.64], vertical_spacing=0.06)
    nets = dated["net_stance"].to_list()
    fig.add_trace(go.Scatter(x=mid, y=nets, name="net stance", mode="lines+markers", customdata=labels,
                             line=dict(color="#777777", width=1, dash="dot"),
                             marker=dict(size=10, color=[stance_color(v) for v in nets],
                                         line=dict(width=1.5, color="#111111")),
                             hovertemplate="week of %{customdata}<br>net stance %{y:+.2f}<extra></extra>"),
                  row=1, col=1)
    for t in TYPES:
        fig.add_trace(go.Bar(x=mid, y=dated[t].to_list(), name=t, marker_color=TYPE_COLORS[t],
                             width=[week_ms] * len(mid), customdata=labels,
                             marker_line=dict(width=0.5, color="#333333"),
                             hovertemplate=f"week of %{{customdata}}<br>{t}: %{{y}} {unit}<extra></extra>"),
                      row=2, col=1)
    lo = date.fromisoformat(date_from) if date_from else min(weeks) - timedelta(days=7)
    hi = date.fromisoformat(date_to) if date_to else max(weeks) + timedelta(days=7)
    peak = max(int(dated["total"].max() or 0), 1)
    undated = int(weekly.filter(pl.col("week").is_null())["total"].sum()) if weekly.height else 0
    fig.update_layout(
        barmode="stack", height=height, font=FONT, margin=dict(l=60, r=16, t=34, b=70),
        paper_bgcolor="white", plot_bgcolor="white", bargap=0.15,
        title=dict(text=f"{title}: weekly net stance and {unit} per type", font=dict(size=14), x=0.01, y=0.98),
        legend=dict(orientation="h", x=0, xanchor="left", y=-0.17, yanchor="top", font=dict(size=11),
                    traceorder="normal"),
        hoverlabel=dict(bgcolor="white"),
    )
    fig.update_xaxes(type="date", range=[lo - timedelta(days=4), hi + timedelta(days=4)], showgrid=False)
    fig.update_yaxes(title=dict(text="net stance", font=dict(size=12)), range=[-1.15, 1.15],
                     tickvals=[-1, 0, 1], ticktext=["−1", "0", "+1"], zeroline=True, zerolinecolor="#999999",
                     gridcolor="#f0f0f0", row=1, col=1)
    fig.update_yaxes(title=dict(text=unit, font=dict(size=12)), range=[0, peak * 1.15], tickformat="d",
                     dtick=max(1, math.ceil(peak / 4)), gridcolor="#eeeeee", row=2, col=1)
    if undated:
        fig.add_annotation(text=f"{undated} undated {unit} not shown", showarrow=False, xref="paper",
                           yref="paper", x=1, y=-0.17, xanchor="right", yanchor="top",
                           font=dict(size=11, color="#555"))
    return fig
