"""Figure functions on small Polars frames: encoding, hover text, empty states."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest
from plotly.colors import hex_to_rgb, unlabel_rgb

from dashboard import figures

ORDER = [("USA", "United States"), ("JPN", "Japan"), ("CHN", "China")]
COORDS = {"USA": (39.83, -98.58), "JPN": (36.65, 137.99), "CHN": (36.62, 103.8)}


def rgb(color: str) -> tuple[float, ...]:
    return tuple(hex_to_rgb(color)) if color.startswith("#") else tuple(unlabel_rgb(color))


def cells(*rows) -> pl.DataFrame:
    """Matrix/edge rows: (source, target, cooperation, proposal, rejection, threat)."""
    weights = {"cooperation": 1.0, "proposal": 0.5, "rejection": -0.5, "threat": -1.0}
    out = []
    for src, tgt, co, pr, re, th in rows:
        counts = {"cooperation": co, "proposal": pr, "rejection": re, "threat": th}
        total = sum(counts.values())
        net = round(sum(weights[t] * n for t, n in counts.items()) / total, 4)
        out.append({"source_iso3": src, "target_iso3": tgt, "source_name": dict(ORDER)[src],
                    "target_name": dict(ORDER)[tgt], "source_lat": COORDS[src][0], "source_lon": COORDS[src][1],
                    "target_lat": COORDS[tgt][0], "target_lon": COORDS[tgt][1], **counts, "total": total,
                    "net_stance": net, "mentions": total * 2, "events": total, "articles": 1,
                    "latest_date": date(2024, 4, 4)})
    return pl.DataFrame(out)


def nodes() -> pl.DataFrame:
    return pl.DataFrame([{"iso3": k, "name": dict(ORDER)[k], "lat": v[0], "lon": v[1]} for k, v in COORDS.items()])


def edge_traces(fig):
    return [t for t in fig.data if (t.meta or {}).get("kind") == "edge"]


def lightness(color: str) -> float:
    """CIELAB L* of an sRGB colour (how light it looks, 0-100)."""
    def linear(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(float(c)) for c in rgb(color))
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return 116 * (y ** (1 / 3) if y > 0.008856 else 7.787 * y + 16 / 116) - 16


def test_stance_colours_are_centred_on_zero():
    mid, pos, neg = figures.stance_color(0.0), figures.stance_color(1.0), figures.stance_color(-1.0)
    assert rgb(mid) == rgb(figures.STANCE_SCALE[2][1])  # the neutral middle of the scale
    assert rgb(pos) == rgb(figures.STANCE_SCALE[-1][1]) and rgb(neg) == rgb(figures.STANCE_SCALE[0][1])
    # diverging around zero: lightest in the middle, equally light at equal distances either side
    previous = lightness(mid)
    for x in (0.25, 0.5, 0.75, 1.0):
        up, down = lightness(figures.stance_color(x)), lightness(figures.stance_color(-x))
        assert abs(up - down) < 6, x
        assert up < previous and down < previous + 6
        previous = up
    # and told apart by hue: blue for cooperative, red for hostile
    r, _, b = rgb(pos)
    assert b > r
    r, _, b = rgb(neg)
    assert r > b
    assert figures.stance_color(5) == pos and figures.stance_color(None) == mid


def test_matrix_colour_scale_is_diverging_around_zero():
    fig = figures.stance_matrix(cells(("USA", "JPN", 3, 0, 0, 0), ("CHN", "USA", 0, 0, 1, 2)), ORDER)
    heat = fig.data[0]
    assert (heat.zmin, heat.zmid, heat.zmax) == (-1, 0, 1)
    assert heat.z[0][1] == 1.0 and heat.z[2][0] == pytest.approx(-0.8333, abs=1e-3)
    assert heat.z[1][0] is None  # no data is not neutral
    assert heat.text[0][1] == "3" and heat.text[2][0] == "3"


def test_edge_width_grows_with_volume():
    widths = [figures.edge_width(n, 40) for n in (1, 2, 5, 10, 40)]
    assert widths == sorted(widths) and len(set(widths)) == len(widths)
    assert widths[0] >= figures.MIN_WIDTH and widths[-1] == figures.MAX_WIDTH
    fig = figures.network_map(cells(("USA", "JPN", 1, 0, 0, 0), ("JPN", "USA", 9, 0, 0, 0),
                                    ("CHN", "JPN", 0, 0, 0, 4)), nodes())
    by_pair = {(t.meta["source"], t.meta["target"]): t for t in edge_traces(fig)}
    assert len(by_pair) == 3
    assert by_pair[("USA", "JPN")].line.width < by_pair[("CHN", "JPN")].line.width < by_pair[("JPN", "USA")].line.width


def test_map_encodes_stance_in_colour_and_line_style_and_direction():
    fig = figures.network_map(cells(("USA", "JPN", 2, 0, 0, 0), ("CHN", "JPN", 0, 0, 1, 3),
                                    ("JPN", "CHN", 1, 0, 0, 1)), nodes())
    by_pair = {(t.meta["source"], t.meta["target"]): t for t in edge_traces(fig)}
    coop, hostile, neutral = by_pair[("USA", "JPN")], by_pair[("CHN", "JPN")], by_pair[("JPN", "CHN")]
    assert (coop.line.dash, hostile.line.dash, neutral.line.dash) == ("solid", "dash", "dot")
    assert coop.line.color == figures.stance_color(1.0) and hostile.line.color == figures.stance_color(-0.875)
    # one arrowhead per edge, pointing along the line, between the two ends
    sizes = list(coop.marker.size)
    assert sum(1 for s in sizes if s > 0) == 1 and 0 < sizes.index(max(sizes)) < len(sizes) - 1
    assert coop.marker.angleref == "previous"
    # the line starts at the source and ends at the target
    assert (coop.lat[0], coop.lon[0]) == pytest.approx(COORDS["USA"], abs=1e-3)
    assert (coop.lat[-1], coop.lon[-1]) == pytest.approx(COORDS["JPN"], abs=1e-3)
    # clicking anywhere on a line selects its pair
    assert all(list(c) == ["CHN", "JPN"] for c in hostile.customdata)
    assert fig.layout.geo.projection.type and fig.layout.geo.showland


def test_hover_text_has_counts_per_type():
    data = cells(("CHN", "JPN", 1, 2, 3, 4))
    fig = figures.network_map(data, nodes())
    text = edge_traces(fig)[0].hovertext[0]
    for expected in ("China → Japan", "cooperation: 1", "proposal: 2", "rejection: 3", "threat: 4",
                     "10 events", "20 mentions"):
        assert expected in text
    heat = figures.stance_matrix(data, ORDER).data[0]
    assert "threat: 4" in heat.hovertext[2][1] and "cooperation: 1" in heat.hovertext[2][1]
    assert heat.hovertext[0][1] == ""  # no data, no claims


def test_opposite_directions_are_separate_lines_and_cross_the_pacific():
    a = figures.edge_path(-98.58, 39.83, 137.99, 36.65)
    b = figures.edge_path(137.99, 36.65, -98.58, 39.83)
    mid = len(a[0]) // 2
    assert (a[0][mid], a[1][mid]) != pytest.approx((b[0][mid], b[1][mid]), abs=0.5)
    # the short way: over the Pacific, never over the Atlantic or Europe
    assert all(lon > 90 or lon < -90 for lon in a[0] + b[0])


def test_map_frames_the_countries_shown():
    view = figures.map_view([(lon, lat) for lat, lon in COORDS.values()])
    lo, hi = view["lonaxis"]["range"]
    unwrapped = [lon % 360 for _, lon in COORDS.values()]  # Pacific-centred: 103.8 .. 261.4
    assert lo <= min(unwrapped) and hi >= max(unwrapped) and hi - lo < 240
    lat_lo, lat_hi = view["lataxis"]["range"]
    assert lat_lo < 36 and lat_hi > 40


def test_selected_pair_is_highlighted():
    data = cells(("USA", "JPN", 2, 0, 0, 0), ("CHN", "JPN", 0, 0, 0, 1))
    fig = figures.stance_matrix(data, ORDER, selected=("CHN", "JPN"))
    (shape,) = fig.layout.shapes
    assert (shape.x0, shape.y0) == (0.5, 1.5)
    edges = {(t.meta["source"], t.meta["target"]): t for t in
             edge_traces(figures.network_map(data, nodes(), selected=("CHN", "JPN")))}
    assert edges[("CHN", "JPN")].line.width > edges[("USA", "JPN")].line.width or \
        edges[("CHN", "JPN")].line.color == "#111111"


def test_empty_data_gives_a_clear_empty_state():
    empty = cells(("USA", "JPN", 1, 0, 0, 0)).clear()
    fig = figures.network_map(empty, nodes())
    assert not edge_traces(fig)
    assert any("No interactions" in a.text for a in fig.layout.annotations)
    assert fig.layout.geo.showland  # the base map still draws
    fig = figures.stance_matrix(empty, ORDER)
    assert any("No interactions" in a.text for a in fig.layout.annotations)
    fig = figures.timeline(pl.DataFrame(schema={"week": pl.Date, "total": pl.Int64}), "China → Japan")
    assert fig.layout.meta == {"empty": True} and "China → Japan" in fig.layout.annotations[0].text
    assert figures.stance_matrix(empty, []).layout.meta == {"empty": True}


def test_timeline_stacks_types_and_plots_net_stance():
    weekly = pl.DataFrame({"week": [date(2024, 1, 1), date(2024, 1, 15), None],
                           "cooperation": [2, 0, 1], "proposal": [0, 1, 0], "rejection": [0, 0, 0],
                           "threat": [1, 3, 0], "total": [3, 4, 1], "net_stance": [0.3333, -0.625, 1.0]})
    fig = figures.timeline(weekly, "USA → JPN")
    bars = [t for t in fig.data if t.type == "bar"]
    assert [b.name for b in bars] == ["cooperation", "proposal", "rejection", "threat"]
    assert fig.layout.barmode == "stack" and list(bars[0].y) == [2, 0]  # the undated unit is not on the axis
    assert [b.marker.color for b in bars] == [figures.TYPE_COLORS[b.name] for b in bars]
    (line,) = [t for t in fig.data if t.type == "scatter"]
    assert list(line.y) == [0.3333, -0.625]
    assert line.yaxis != bars[0].yaxis and line.xaxis != bars[0].xaxis  # own panel, shared time axis
    assert list(line.marker.color) == [figures.stance_color(0.3333), figures.stance_color(-0.625)]
    assert any("1 undated" in a.text for a in fig.layout.annotations)
