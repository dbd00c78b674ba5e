"""The view's state <-> the URL query string.

The query string is the single source of truth a user can bookmark or share:
reloading it restores the same filters and selected pair. Defaults are left
out, so the bare URL is the default view; anything unparseable falls back to
its default instead of failing, because URLs get hand-edited and truncated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import parse_qs, urlencode

from .queries import FOCUS, MODALITIES, TYPES, UNITS, Filters

ALL = "all"
_ISO3 = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class ViewState:
    filters: Filters = Filters()
    pair: tuple[str, str] | None = None  # (source iso3, target iso3) of the drill-down


def _date(value: str | None) -> str | None:
    try:
        return date.fromisoformat(value).isoformat() if value else None
    except ValueError:
        return None


def _choices(value: str | None, allowed: tuple[str, ...]) -> tuple[str, ...] | None:
    """None (key absent): every choice. Present: the listed known ones, in canonical order."""
    if value is None:
        return None
    picked = {v.strip().lower() for v in value.split(",")}
    chosen = tuple(a for a in allowed if a in picked)
    return None if chosen == allowed else chosen


def _countries(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return FOCUS
    if value.strip().lower() == ALL:
        return None
    seen: list[str] = []
    for v in value.split(","):
        v = v.strip().upper()
        if _ISO3.match(v) and v not in seen:
            seen.append(v)
    return tuple(seen)


def _number(value: str | None, cast, default, lo, hi):
    try:
        x = cast(value)
    except (TypeError, ValueError):
        return default
    if x != x:  # NaN
        return default
    return min(max(x, lo), hi)


def parse(search: str | None) -> ViewState:
    """`?from=...&to=...&types=...` (with or without the '?') to a ViewState."""
    q = {k: v[-1] for k, v in parse_qs((search or "").lstrip("?"), keep_blank_values=True).items()}
    date_from, date_to = _date(q.get("from")), _date(q.get("to"))
    if date_from and date_to and date_from > date_to:
        date_from, date_to = date_to, date_from
    unit = q.get("unit", "events")
    filters = Filters(
        date_from=date_from,
        date_to=date_to,
        types=_choices(q.get("types"), TYPES),
        modalities=_choices(q.get("modality"), MODALITIES),
        countries=_countries(q.get("countries")),
        min_confidence=round(_number(q.get("conf"), float, 0.0, 0.0, 1.0), 2),
        min_sources=int(_number(q.get("sources"), int, 1, 1, 1000)),
        unit=unit if unit in UNITS else "events",
    )
    pair = None
    parts = q.get("pair", "").upper().split("-")
    if len(parts) == 2 and all(_ISO3.match(p) for p in parts) and parts[0] != parts[1]:
        pair = (parts[0], parts[1])
    return ViewState(filters, pair)


def render(state: ViewState) -> str:
    """A ViewState to a query string ('' for the default view, else '?...')."""
    f = state.filters
    q: dict[str, str] = {}
    if f.date_from:
        q["from"] = f.date_from
    if f.date_to:
        q["to"] = f.date_to
    if f.types is not None:
        q["types"] = ",".join(f.types)
    if f.modalities is not None:
        q["modality"] = ",".join(f.modalities)
    if f.countries is None:
        q["countries"] = ALL
    elif tuple(f.countries) != FOCUS:
        q["countries"] = ",".join(f.countries)
    if f.min_confidence:
        q["conf"] = f"{f.min_confidence:g}"
    if f.min_sources != 1:
        q["sources"] = str(f.min_sources)
    if f.unit != "events":
        q["unit"] = f.unit
    if state.pair:
        q["pair"] = "-".join(state.pair)
    return "?" + urlencode(q, safe=",") if q else ""
