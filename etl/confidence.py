"""Confidence: the estimated probability that an interaction is right.

A logistic model over features that say how the extraction was made: how
each actor was resolved
(named, through a modifier, through a pronoun or description, from the
dateline), which rule fired, whether the sentence is a headline or a
quotation, how far apart the words are, how many sentences of the
article report the same interaction, and what the rest of the article says
about the mention (a busy sentence, a country barely in the story, two types
for one pair in one sentence). The weights live in
seeds/lexicon/confidence.csv, fitted by scripts/fit_confidence.py on
first-look mentions (what the extractor found on each development split
before anyone developed on it), the only mentions that behave like unseen
text, and checked by holding each split out in turn. (The trigger words' lexicon
strength was a feature too; fitted, it was confounded with the rule type
and pointed the wrong way, so it was dropped.)
"""

from __future__ import annotations

import math

FEATURES = (
    "bias", "source_coref", "source_context", "source_modifier", "target_coref", "target_context",
    "target_modifier", "rule_governor", "rule_object", "rule_complement", "rule_evaluation", "rule_warning",
    "rule_joint", "rule_reciprocal", "rule_noun", "rule_special", "rule_implied", "headline", "negated", "conditional",
    "planned", "supported", "long_sentence", "quoted", "distance", "type_proposal", "type_rejection",
    "type_threat", "busy_sentence", "minor_actor", "conflicting_types",
)


IMPLIED_RULES = ("implied", "answered", "aggressor", "echo", "response", "treaty", "accusers", "thanked")


def annotate_context(found: list[dict]) -> None:
    """Add what the rest of the article says about each mention, from all
    mentions found in it: how many of its sentences report the same
    interaction (`support`), how many country pairs its sentence holds, in how
    few sentences its rarer country acts or is acted on, and how many types
    its sentence gives the same ordered pair. Busy sentences, countries the
    story hardly mentions and contradictory types are where mistakes sit."""
    reports: dict[tuple, set] = {}
    pairs: dict[int, set] = {}
    sentences: dict[str, set] = {}
    types: dict[tuple, set] = {}
    for r in found:
        start = r["sentence_start"]
        reports.setdefault((r["source_iso3"], r["target_iso3"], r["type"]), set()).add(start)
        pairs.setdefault(start, set()).add(frozenset((r["source_iso3"], r["target_iso3"])))
        for side in ("source_iso3", "target_iso3"):
            sentences.setdefault(r[side], set()).add(start)
        types.setdefault((start, r["source_iso3"], r["target_iso3"]), set()).add(r["type"])
    for r in found:
        start = r["sentence_start"]
        r["support"] = len(reports[(r["source_iso3"], r["target_iso3"], r["type"])])
        r["pairs_in_sentence"] = len(pairs[start])
        r["actor_sentences"] = min(len(sentences[r["source_iso3"]]), len(sentences[r["target_iso3"]]))
        r["types_in_sentence"] = len(types[(start, r["source_iso3"], r["target_iso3"])])


def features(row: dict, support: int) -> dict[str, float]:
    rule = row["rule"]
    f = dict.fromkeys(FEATURES, 0.0)
    f["bias"] = 1.0
    for side in ("source", "target"):
        how = row.get(f"{side}_how", "direct")
        if how in ("coref", "context", "modifier"):
            f[f"{side}_{how}"] = 1.0
    f["rule_governor"] = float("governor" in rule)
    f["rule_object"] = float("object" in rule)
    f["rule_complement"] = float("complement" in rule)
    f["rule_evaluation"] = float(rule.startswith(("evaluation", "characterization")))
    f["rule_warning"] = float(rule.startswith("warning"))
    f["rule_joint"] = float("mutual" in rule or "joint" in rule or rule.startswith("jointly"))
    f["rule_reciprocal"] = float(rule.endswith("-reciprocal"))
    f["rule_noun"] = float(rule.startswith("noun"))
    f["rule_special"] = float(rule.startswith(("easing", "reopening", "received", "adjective", "noun-aimed")))
    # the other party was inferred from the story, not read in the sentence
    f["rule_implied"] = float(any(k in rule for k in IMPLIED_RULES))
    f["headline"] = float(bool(row.get("headline")))
    f["negated"] = float(bool(row.get("negated")))
    f["conditional"] = float(row.get("modality") == "conditional")
    f["planned"] = float(row.get("modality") == "planned")
    f["supported"] = float(support > 1)
    f["long_sentence"] = float(row.get("sentence_tokens", 0) > 45)
    f["quoted"] = float(bool(row.get("quoted")))
    f["distance"] = min(float(row.get("distance", 0)), 30.0) / 10.0
    for typ in ("proposal", "rejection", "threat"):  # cooperation is the base
        f[f"type_{typ}"] = float(row.get("type") == typ)
    # (rows saved before these were recorded read as 0: an ordinary sentence)
    f["busy_sentence"] = float(row.get("pairs_in_sentence", 0) > 2)
    f["minor_actor"] = float(0 < row.get("actor_sentences", 0) <= 1)
    f["conflicting_types"] = float(row.get("types_in_sentence", 0) > 1)
    return f


class ConfidenceModel:
    def __init__(self, weights: dict[str, float]):
        self.weights = weights

    @classmethod
    def from_rows(cls, rows: list[dict]) -> "ConfidenceModel | None":
        if not rows:
            return None
        return cls({r["feature"]: float(r["weight"]) for r in rows})

    def score(self, feats: dict[str, float]) -> float:
        z = sum(self.weights.get(name, 0.0) * value for name, value in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fit(samples: list[tuple[dict[str, float], bool]], l2: float = 1.0, max_steps: int = 50) -> dict[str, float]:
    """L2-regularised logistic regression by Newton's method (small data,
    few features: exact and deterministic)."""
    import numpy as np

    x = np.array([[s[0][name] for name in FEATURES] for s in samples], dtype=float)
    y = np.array([1.0 if s[1] else 0.0 for s in samples])
    w = np.zeros(len(FEATURES))
    reg = np.eye(len(FEATURES)) * l2
    reg[0, 0] = 0.0  # the bias is not shrunk
    for _ in range(max_steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + reg @ w
        hess = x.T @ (x * (p * (1 - p))[:, None]) + reg + np.eye(len(FEATURES)) * 1e-6
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return {name: round(float(v), 4) for name, v in zip(FEATURES, w)}
