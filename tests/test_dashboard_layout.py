"""Evidence rendering: highlights from offsets, text never HTML, safe links,
and the state logic behind the controls."""

from __future__ import annotations

import json
from datetime import date

import plotly
import polars as pl

from dashboard import callbacks, layout
from dashboard.queries import FOCUS, Filters


def test_highlight_segments_follow_the_offsets():
    sentence = "China warned the Philippines over the sea."
    start = 100  # sentence_start: offsets are article offsets
    pieces = layout.highlight_segments(sentence, start, {
        "source": (100, 105), "trigger": (106, 112), "target": (117, 128)})
    assert "".join(t for t, _ in pieces) == sentence
    marked = {t: roles for t, roles in pieces if roles}
    assert marked == {"China": ("source",), "warned": ("trigger",), "Philippines": ("target",)}


def test_highlight_segments_overlap_and_clip():
    sentence = "North Korean missile launch"
    pieces = layout.highlight_segments(sentence, 0, {
        "source": (0, 20), "trigger": (13, 27), "target": (500, 510)})  # target outside the sentence
    assert "".join(t for t, _ in pieces) == sentence
    assert ("missile", ("source", "trigger")) in pieces
    assert all("target" not in roles for _, roles in pieces)
    assert layout.highlight_segments("abc", 10, {"source": (None, None)}) == [("abc", ())]


def evidence_row(**changes) -> dict:
    row = {"interaction_id": "i1", "event_id": "e1", "article_id": "a1", "source_iso3": "PHL",
           "source_name": "Philippines", "target_iso3": "CHN", "target_name": "China", "type": "rejection",
           "modality": "asserted", "date": date(2024, 7, 8), "confidence": 0.9,
           "sentence": "The Philippines condemned China for the <script>alert(1)</script> attack.",
           "sentence_start": 0, "source_start": 4, "source_end": 15, "target_start": 26, "target_end": 31,
           "trigger_start": 16, "trigger_end": 25, "correction": None, "correction_note": None,
           "title": "<b>clash</b>", "outlet": "Rappler", "url": None, "article_source": "/x/a12.txt",
           "event_sources": 1}
    row.update(changes)
    return row


def test_article_text_is_rendered_as_text_never_html():
    component = layout.evidence_row(evidence_row(), pending=False)
    payload = json.dumps(component, cls=plotly.utils.PlotlyJSONEncoder)
    # the markup arrives as a string child (React escapes it), not as a component or raw-HTML prop
    assert "<script>alert(1)</script> attack." in payload
    assert "dangerouslySetInnerHTML" not in payload and '"Markdown"' not in payload
    types = set()

    def walk(c):
        if hasattr(c, "_type"):
            types.add(c._type)
            walk(getattr(c, "children", None))
        elif isinstance(c, (list, tuple)):
            for x in c:
                walk(x)
    walk(component)
    assert types <= {"Li", "Blockquote", "Mark", "Div", "Span", "A", "Button"}


def test_only_http_links():
    assert layout.safe_link("https://example.org/a") == "https://example.org/a"
    assert layout.safe_link("HTTP://example.org/a") == "HTTP://example.org/a"
    for bad in ("javascript:alert(1)", " javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "", None):
        assert layout.safe_link(bad) is None
    row = layout.evidence_row(evidence_row(url="javascript:alert(1)"), pending=True)
    payload = json.dumps(row, cls=plotly.utils.PlotlyJSONEncoder)
    assert "javascript:" not in payload and "correction pending" in payload


def test_evidence_list_groups_mentions_by_event():
    rows = pl.DataFrame([evidence_row(interaction_id="i1", event_id="e1"),
                         evidence_row(interaction_id="i2", event_id="e1", date=date(2024, 7, 9)),
                         evidence_row(interaction_id="i3", event_id="e2")])
    out = layout.evidence_list(rows, "events", set())
    events = [c for c in out if getattr(c, "className", "") == "event"]
    assert len(events) == 2
    assert "2024-07-08 – 2024-07-09 · 2 mentions" in events[0].children[0].children


def test_controls_to_filters():
    values = [None, None, ["threat", "cooperation"], ["asserted", "planned", "conditional"], list(FOCUS), 0.5,
              "3", "mentions"]
    f, fixed = callbacks.filters_of(values, Filters())
    assert f == Filters(types=("cooperation", "threat"), min_confidence=0.5, min_sources=3, unit="mentions")
    assert fixed is None
    assert callbacks.filters_of(callbacks.controls_of(f), Filters())[0] == f
    # "All countries" and specific countries: the newer choice wins
    f, fixed = callbacks.filters_of([None, None, None, None, ["USA", "ALL"], 0, 1, "events"], Filters())
    assert f.countries is None and fixed == ["ALL"]
    f, fixed = callbacks.filters_of([None, None, None, None, ["ALL", "RUS"], 0, None, "x"], Filters(countries=None))
    assert f.countries == ("RUS",) and fixed == ["RUS"] and f.min_sources == 1 and f.unit == "events"
    assert callbacks._pair_from_click({"points": [{"x": "PHL", "y": "CHN"}]}) == ("CHN", "PHL")
    assert callbacks._pair_from_click({"points": [{"customdata": ["USA", "JPN"], "x": 1}]}) == ("USA", "JPN")
    assert callbacks._pair_from_click({"points": [{"x": "CHN", "y": "CHN"}]}) is None
    assert callbacks._pair_from_click(None) is None
