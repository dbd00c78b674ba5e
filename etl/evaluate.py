"""Score the extractor against gold data.

Article gold (SPEC.md): the set of distinct (article, source, target, type)
predicted versus gold; optional gold items are neither credited nor
penalised. Peer gold (devset/peer/README.md): each record is a
one-sentence article; a prediction is a true positive when the record lists
its (source, target) with that type, each gold pair matched once; also
scored on (source, target) alone.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .documents import Document, Skipped, iter_paths, read_path

TYPES = ("cooperation", "proposal", "rejection", "threat")
CALIBRATION_BINS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01))


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, label: str) -> str:
        return (f"{label:<14} P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}   "
                f"(tp {self.tp}, fp {self.fp}, fn {self.fn})")

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Report:
    micro: Score
    per_type: dict[str, Score]
    misses: list[tuple] = field(default_factory=list)
    false_hits: list[tuple] = field(default_factory=list)
    pair: Score | None = None
    confidence: dict[str, Score] = field(default_factory=dict)
    modality: tuple[int, int] | None = None  # (right, compared)
    calibration: dict | None = None  # confidence bin -> Score (tp = right, fp = wrong)

    def as_dict(self) -> dict:
        out = {"micro": self.micro.as_dict(), "per_type": {t: s.as_dict() for t, s in self.per_type.items()}}
        if self.pair is not None:
            out["pair"] = self.pair.as_dict()
        if self.confidence:
            out["confidence"] = {k: v.as_dict() for k, v in self.confidence.items()}
        if self.calibration:
            out["calibration"] = {f"{lo}-{min(hi, 1.0)}": {"hits": s.tp + s.fp, "right": s.tp}
                                  for (lo, hi), s in self.calibration.items()}
        if self.modality:
            out["modality_accuracy"] = round(self.modality[0] / self.modality[1], 4) if self.modality[1] else None
        return out


def extract_documents(extractor, docs: list[Document]) -> dict[str, list[dict]]:
    """Rows per article name."""
    out: dict[str, list[dict]] = defaultdict(list)
    for doc, rows in extractor.extract(docs):
        out[doc.name].extend(rows)
    return out


def load_documents(paths: list[Path], max_bytes: int = 50_000_000, max_chars: int = 2_000_000) -> list[Document]:
    docs = []
    for item in iter_paths(paths):
        if isinstance(item, Skipped):
            continue
        for doc in read_path(item, max_bytes, max_chars):
            if isinstance(doc, Document):
                docs.append(doc)
    return docs


def gold_keys(gold_rows: list[dict]) -> tuple[dict[tuple, dict], set[tuple]]:
    """Required gold by (article, source, target, type), and the optional keys
    (neither credited nor penalised)."""
    required = {(g["article"], g["source"], g["target"], g["type"]): g for g in gold_rows if not g.get("optional")}
    optional = {(g["article"], g["source"], g["target"], g["type"]) for g in gold_rows if g.get("optional")}
    return required, optional


def gold_documents(gold_path: Path, gold_rows: list[dict], paths: list[Path] | None = None) -> list[Document]:
    """The articles a gold file annotates, read from `paths` (default: its articles/ folder, else its own)."""
    if not paths:
        default = gold_path.parent / "articles"
        paths = [default if default.is_dir() else gold_path.parent]
    names = {g["article"] for g in gold_rows}
    return [d for d in load_documents(paths) if d.name in names]


def score_articles(gold_rows: list[dict], predicted: dict[str, list[dict]], min_confidence: float = 0.0,
                   countries: frozenset[str] | None = None) -> Report:
    """`countries`: score only pairs of these (for gold annotated on the focus countries alone)."""
    if countries:
        gold_rows = [g for g in gold_rows if g["source"] in countries and g["target"] in countries]
        predicted = {name: [r for r in rows if r["source_iso3"] in countries and r["target_iso3"] in countries]
                     for name, rows in predicted.items()}
    required, optional = gold_keys(gold_rows)
    articles = {g["article"] for g in gold_rows} | set(predicted)
    best: dict[tuple, dict] = {}
    for name, rows in predicted.items():
        for r in rows:
            if r["confidence"] < min_confidence:
                continue
            key = (name, r["source_iso3"], r["target_iso3"], r["type"])
            if key not in best or r["confidence"] > best[key]["confidence"]:
                best[key] = r
    micro, per_type = Score(), {t: Score() for t in TYPES}
    confidence = {"conf>=0.5": Score(), "conf<0.5": Score()}
    report = Report(micro, per_type, confidence=confidence)
    bins = {b: Score() for b in CALIBRATION_BINS}
    report.calibration = bins
    modality_right = modality_total = 0
    for key, row in best.items():
        if key[0] not in articles:
            continue
        bucket = confidence["conf>=0.5" if row["confidence"] >= 0.5 else "conf<0.5"]
        calib = bins[next(b for b in CALIBRATION_BINS if b[0] <= row["confidence"] < b[1])]
        if key in required:
            micro.tp += 1
            per_type[key[3]].tp += 1
            bucket.tp += 1
            calib.tp += 1
            gold_modality = required[key].get("modality")
            if gold_modality:
                modality_total += 1
                modality_right += gold_modality == row["modality"]
        elif key not in optional:
            micro.fp += 1
            per_type[key[3]].fp += 1
            bucket.fp += 1
            calib.fp += 1
            report.false_hits.append((key, row["sentence"], row["confidence"], row["rule"]))
    for key, g in required.items():
        if key not in best:
            micro.fn += 1
            per_type[key[3]].fn += 1
            report.misses.append((key, g.get("evidence", "")))
    report.modality = (modality_right, modality_total)
    return report


def score_peer(records: list[dict], predicted: dict[str, list[dict]]) -> Report:
    typed, pair = Score(), Score()
    per_type = {t: Score() for t in TYPES}
    confidence = {"conf>=0.5": Score(), "conf<0.5": Score()}
    report = Report(typed, per_type, pair=pair, confidence=confidence)
    for rec in records:
        gold = {(g["source"], g["target"]): set(g["types"]) for g in rec["gold"]}
        rows = predicted.get(rec["id"], [])
        best: dict[tuple, float] = {}
        for r in rows:
            key = (r["source_iso3"], r["target_iso3"], r["type"])
            best[key] = max(best.get(key, 0.0), r["confidence"])
        preds = sorted(best)
        sentence = rec["text"]
        matched: set[tuple[str, str]] = set()
        for s, t, typ in preds:
            bucket = confidence["conf>=0.5" if best[(s, t, typ)] >= 0.5 else "conf<0.5"]
            if (s, t) in gold and typ in gold[(s, t)] and (s, t) not in matched:
                matched.add((s, t))
                typed.tp += 1
                per_type[typ].tp += 1
                bucket.tp += 1
            else:
                typed.fp += 1
                per_type[typ].fp += 1
                bucket.fp += 1
                report.false_hits.append(((rec["id"], s, t, typ), sentence, best[(s, t, typ)], ""))
        for (s, t), types in gold.items():
            if (s, t) not in matched:
                typed.fn += 1
                for typ in types:
                    if typ in per_type and len(types) == 1:
                        per_type[typ].fn += 1
                report.misses.append(((rec["id"], s, t, "/".join(sorted(types))), sentence))
        pred_pairs = {(s, t) for s, t, _ in preds}
        pair.tp += len(pred_pairs & set(gold))
        pair.fp += len(pred_pairs - set(gold))
        pair.fn += len(set(gold) - pred_pairs)
    return report


def read_jsonl(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}:{n}: invalid JSON ({e.msg})") from e
    return rows


def is_peer_format(rows: list[dict]) -> bool:
    return bool(rows) and "text" in rows[0] and isinstance(rows[0].get("gold"), list)


def evaluate(extractor, gold_path: Path, paths: list[Path], min_confidence: float = 0.0,
             countries: frozenset[str] | None = None) -> Report:
    rows = read_jsonl(gold_path)
    if is_peer_format(rows):
        docs = [Document(key=f"peer:{r['id']}", source=r["id"], text=r["text"]) for r in rows]
        predicted: dict[str, list[dict]] = defaultdict(list)
        for doc, found in extractor.extract(docs):
            predicted[doc.source].extend(f for f in found if f["confidence"] >= min_confidence)
        return score_peer(rows, predicted)
    predicted = extract_documents(extractor, gold_documents(gold_path, rows, paths))
    return score_articles(rows, predicted, min_confidence, countries)


def format_report(report: Report, title: str, show: int = 50) -> str:
    lines = [f"== {title}"]
    if report.pair is not None:
        lines.append(report.micro.line("typed (micro)"))
        lines.append(report.pair.line("pair"))
    else:
        lines.append(report.micro.line("micro"))
    for typ, score in report.per_type.items():
        lines.append("  " + score.line(typ))
    if report.confidence:
        hi, lo = report.confidence["conf>=0.5"], report.confidence["conf<0.5"]
        lines.append(f"confidence >= 0.5: {hi.tp} right, {hi.fp} wrong; < 0.5: {lo.tp} right, {lo.fp} wrong"
                     f" (filtering at 0.5 removes {lo.fp} wrong and {lo.tp} right)")
    if report.calibration:
        cells = []
        for (lo, hi), sc in report.calibration.items():
            n = sc.tp + sc.fp
            share = f"{sc.tp / n:.2f}" if n else "-"
            cells.append(f"[{lo:.1f},{min(hi, 1.0):.1f}): {n} hits, {share} right")
        lines.append("calibration: " + "; ".join(cells))
    if report.modality and report.modality[1]:
        lines.append(f"modality agrees with gold on {report.modality[0]} of {report.modality[1]} true positives")
    if show:
        lines.append(f"-- misses ({len(report.misses)})")
        for key, evidence in report.misses[:show]:
            lines.append(f"  MISS {' '.join(key)}\n       {evidence.strip()[:300]}")
        lines.append(f"-- false hits ({len(report.false_hits)})")
        for key, sentence, conf, rule in report.false_hits[:show]:
            extra = f" conf {conf:.2f} {rule}" if rule else ""
            lines.append(f"  FALSE {' '.join(key)}{extra}\n       {sentence.strip()[:300]}")
    return "\n".join(lines)
