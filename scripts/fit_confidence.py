"""Fit the confidence model and write seeds/lexicon/confidence.csv.

    .venv/bin/python scripts/fit_confidence.py [--l2 6] [--rows FILE ...] [--pool-tuning]

The model is fitted on first-look mentions (devset/calibration/*.jsonl, saved
by scripts/first_look.py: what an extractor found on a split before anyone
developed on it, each labelled right or wrong). Those are the only mentions
that behave like text the rules were not fitted to; on the tuning splits
themselves the extractor is right more often, and a model fitted there is
overconfident and ranks its errors badly. Each first-look file is also held
out in turn and the fit tested on it, so the report says what a 0.5 filter
does on a split the weights did not see.

--pool-tuning restores the older method: fit on devset/tune and tune2 plus
the first-look mentions, then refit the bias on the first-look mentions alone.
"""

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from etl.confidence import FEATURES, ConfidenceModel, features, fit  # noqa: E402
from etl.evaluate import extract_documents, gold_documents, gold_keys, read_jsonl  # noqa: E402
from etl.pipeline import Extractor  # noqa: E402
from etl.reference import load_reference  # noqa: E402
from etl.settings import load_settings  # noqa: E402


def labelled_mentions(extractor, gold_path: Path) -> list[tuple[dict, bool]]:
    gold = read_jsonl(gold_path)
    required, optional = gold_keys(gold)
    samples = []
    for name, rows in extract_documents(extractor, gold_documents(gold_path, gold)).items():
        for r in rows:
            key = (name, r["source_iso3"], r["target_iso3"], r["type"])
            if key not in optional:
                samples.append((r["features"], key in required))
    return samples


def fit_bias(samples: list[tuple[dict, bool]], weights: dict[str, float]) -> float:
    """The bias that maximises the likelihood of `samples`, other weights fixed (Newton, one dimension)."""
    import numpy as np

    rest = np.array([sum(weights[n] * f[n] for n in FEATURES if n != "bias") for f, _ in samples])
    y = np.array([1.0 if ok else 0.0 for _, ok in samples])
    b = weights["bias"]
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-np.clip(rest + b, -30, 30)))
        step = (p - y).sum() / max((p * (1 - p)).sum(), 1e-9)
        b -= step
        if abs(step) < 1e-9:
            break
    return round(float(b), 4)


def cross_validate(by_file: dict[Path, list[tuple[dict, bool]]], l2: float) -> str:
    """Hold out each first-look file in turn: what a 0.5 filter removes there."""
    removed_right = removed_wrong = 0
    for held in by_file:
        model = ConfidenceModel(fit([x for p in by_file if p != held for x in by_file[p]], l2=l2))
        for feats, ok in by_file[held]:
            if model.score(feats) < 0.5:
                removed_right += ok
                removed_wrong += not ok
    return (f"held out one first-look file at a time ({len(by_file)}): a 0.5 filter removed "
            f"{removed_wrong} wrong and {removed_right} right mentions")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--l2", type=float, default=6.0)
    parser.add_argument("--rows", action="append", type=Path,
                        help="first-look mentions to fit on (default: devset/calibration/*.jsonl)")
    parser.add_argument("--pool-tuning", action="store_true",
                        help="also fit on devset/tune and tune2 (the method before 2026-11-23)")
    args = parser.parse_args()
    settings = load_settings()
    out = settings.seeds_dir / "lexicon" / "confidence.csv"
    row_files = args.rows if args.rows is not None else sorted((ROOT / "devset" / "calibration").glob("*.jsonl"))
    by_file = {p: [(features(r, r["support"]), r["right"]) for r in read_jsonl(p)] for p in row_files}
    first_look = [x for p in row_files for x in by_file[p]]
    if not first_look:
        sys.exit("no first-look mentions: run scripts/first_look.py on a new split first")
    names = ", ".join(p.name for p in row_files)
    note = {}
    if args.pool_tuning:
        out.unlink(missing_ok=True)  # extract with the feature set only, not with old weights
        extractor = Extractor(settings.spacy_model, load_reference(settings.seeds_dir), settings.seeds_dir)
        samples = []
        for name in ("tune", "tune2"):
            samples += labelled_mentions(extractor, ROOT / "devset" / name / "gold.jsonl")
        weights = fit(samples + first_look, l2=args.l2)
        pooled = weights["bias"]
        weights["bias"] = fit_bias(first_look, weights)
        note["bias"] = f"refitted on first-look mentions ({names}; {len(first_look)}); {pooled:+.3f} pooled"
    else:
        weights = fit(first_look, l2=args.l2)
        note["bias"] = f"fitted on {len(first_look)} first-look mentions ({names}), L2 {args.l2:g}"
        print(cross_validate(by_file, args.l2))
    with out.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["feature", "weight", "notes"])
        for name in FEATURES:
            w.writerow([name, weights[name], note.get(name, "")])
    right = sum(ok for _, ok in first_look)
    print(f"{len(first_look)} first-look mentions ({right} right, {len(first_look) - right} wrong) -> {out}")
    for name in FEATURES:
        print(f"  {name:18} {weights[name]:+.3f}")


if __name__ == "__main__":
    main()
