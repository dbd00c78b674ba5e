"""Reference data from seeds/: countries, institutions, people, lexicons.

Loaded once per run and handed to the pipeline components as plain data
(never read from globals), so worker processes get the same tables.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import polars as pl

FOCUS = ("USA", "JPN", "KOR", "PRK", "CHN", "PHL")


def split_list(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _date(value: str | None) -> date | None:
    value = (value or "").strip()
    return date.fromisoformat(value) if value else None


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    aliases: tuple[str, ...]
    capital: str
    capital_aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    lat: float | None
    lon: float | None
    focus: bool


@dataclass(frozen=True)
class Person:
    name: str
    aliases: tuple[str, ...]
    iso3: str
    role: str
    term_start: date | None
    term_end: date | None


@dataclass(frozen=True)
class Institution:
    iso3: str
    name: str
    aliases: tuple[str, ...]
    kind: str


@dataclass
class Reference:
    countries: dict[str, Country]
    people: list[Person]
    institutions: list[Institution]
    lexicon: dict[str, list[dict]]  # file stem -> rows of seeds/lexicon/<stem>.csv
    type_weights: list[dict]
    digest: str  # hash of every seed file: part of the extractor version
    files: dict[str, Path] = field(default_factory=dict)

    def frames(self) -> dict[str, pl.DataFrame]:
        """Rows for the ref_* tables of the work state."""
        countries = pl.DataFrame([{
            "iso3": c.iso3, "iso2": None, "name": c.name, "aliases": "|".join(c.aliases), "capital": c.capital,
            "capital_aliases": "|".join(c.capital_aliases), "demonyms": "|".join(c.demonyms),
            "lat": c.lat, "lon": c.lon, "focus": c.focus, "un_member": None} for c in self.countries.values()],
            infer_schema_length=None)
        raw = {r["iso3"]: r for r in _read_csv(self.files["countries"])}
        countries = countries.with_columns(
            pl.col("iso3").map_elements(lambda i: raw[i].get("iso2"), return_dtype=pl.String).alias("iso2"),
            pl.col("iso3").map_elements(lambda i: _bool(raw[i].get("un_member")), return_dtype=pl.Boolean).alias("un_member"))
        people = pl.DataFrame([{
            "name": p.name, "aliases": "|".join(p.aliases), "iso3": p.iso3, "role": p.role,
            "term_start": p.term_start, "term_end": p.term_end} for p in self.people],
            schema={"name": pl.String, "aliases": pl.String, "iso3": pl.String, "role": pl.String,
                    "term_start": pl.Date, "term_end": pl.Date})
        institutions = pl.DataFrame([{"iso3": i.iso3, "name": i.name, "aliases": "|".join(i.aliases), "kind": i.kind}
                                     for i in self.institutions],
                                    schema={"iso3": pl.String, "name": pl.String, "aliases": pl.String, "kind": pl.String})
        weights = pl.DataFrame(self.type_weights).with_columns(pl.col("weight").cast(pl.Float64))
        return {"ref_countries": countries, "ref_actors": people, "ref_institutions": institutions,
                "ref_type_weights": weights}


def _bool(value) -> bool:
    return str(value).strip().lower() in {"true", "1", "yes", "t"}


def _read_csv(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as f:
        return [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(f)]


def _float(value: str) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


class ReferenceError(ValueError):
    pass


def load_reference(seeds_dir: Path) -> Reference:
    """Read and validate the seed tables; raise ReferenceError naming the file
    and row when one is malformed."""
    files = {
        "countries": seeds_dir / "countries.csv",
        "actors": seeds_dir / "actors.csv",
        "institutions": seeds_dir / "institutions.csv",
        "type_weights": seeds_dir / "type_weights.csv",
    }
    for name, path in files.items():
        if not path.is_file():
            raise ReferenceError(f"missing reference table {path}")
    lexicon_files = sorted((seeds_dir / "lexicon").glob("*.csv"))
    digest = hashlib.sha256()
    for path in [*files.values(), *lexicon_files]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())

    countries: dict[str, Country] = {}
    for n, row in enumerate(_read_csv(files["countries"]), start=2):
        iso3 = row.get("iso3", "").upper()
        if len(iso3) != 3 or not row.get("name"):
            raise ReferenceError(f"{files['countries']}:{n}: needs iso3 and name")
        countries[iso3] = Country(
            iso3=iso3, name=row["name"], aliases=tuple(split_list(row.get("aliases"))),
            capital=row.get("capital", ""), capital_aliases=tuple(split_list(row.get("capital_aliases"))),
            demonyms=tuple(split_list(row.get("demonyms"))), lat=_float(row.get("lat")), lon=_float(row.get("lon")),
            focus=_bool(row.get("focus")))
    missing = [c for c in FOCUS if c not in countries]
    if missing:
        raise ReferenceError(f"{files['countries']}: focus countries missing: {', '.join(missing)}")

    people = []
    for n, row in enumerate(_read_csv(files["actors"]), start=2):
        if row.get("iso3", "").upper() not in countries:
            raise ReferenceError(f"{files['actors']}:{n}: unknown country {row.get('iso3')!r}")
        try:
            start, end = _date(row.get("term_start")), _date(row.get("term_end"))
        except ValueError as e:
            raise ReferenceError(f"{files['actors']}:{n}: {e}") from e
        people.append(Person(name=row["name"], aliases=tuple(split_list(row.get("aliases"))),
                             iso3=row["iso3"].upper(), role=row.get("role", ""), term_start=start, term_end=end))

    institutions = []
    for n, row in enumerate(_read_csv(files["institutions"]), start=2):
        if row.get("iso3", "").upper() not in countries:
            raise ReferenceError(f"{files['institutions']}:{n}: unknown country {row.get('iso3')!r}")
        institutions.append(Institution(iso3=row["iso3"].upper(), name=row["name"],
                                        aliases=tuple(split_list(row.get("aliases"))), kind=row.get("kind", "")))

    weights = _read_csv(files["type_weights"])
    lexicon = {p.stem: _read_csv(p) for p in lexicon_files}
    return Reference(countries=countries, people=people, institutions=institutions, lexicon=lexicon,
                     type_weights=weights, digest=digest.hexdigest()[:12],
                     files={**files, **{f"lexicon/{p.stem}": p for p in lexicon_files}})
