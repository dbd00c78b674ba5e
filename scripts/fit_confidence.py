"""Fit the confidence model on the tuning splits and write seeds/lexicon/confidence.csv.

    .venv/bin/python scripts/fit_confidence.py [--gold FILE ...] [--l2 1.0]

Each extracted mention is labelled right when its (article, source, target,
type) is required gold, wrong when it is not in gold at all (optional gold
is left out).

On text the rules were developed on, the extractor is right more often than
on new text, so a model fitted there alone is overconfident. The mentions
saved by scripts/first_look.py (devset/calibration/*.jsonl: an extractor on
a split before it was developed on) join the fit, and the bias is then
refitted on them alone: the level matches unseen text, while the other
weights still rank mentions by how they were found.
"""

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from etl.confidence import FEATURES, features, fit  # noqa: E402
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", action="append", help="gold file(s) to fit on (default: devset/tune and tune2)")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--rows", action="append", type=Path,
                        help="first-look mentions to calibrate on (default: devset/calibration/*.jsonl)")
    args = parser.parse_args()
    settings = load_settings()
    out = settings.seeds_dir / "lexicon" / "confidence.csv"
    out.unlink(missing_ok=True)  # extract with the feature set only, not with old weights
    reference = load_reference(settings.seeds_dir)
    extractor = Extractor(settings.spacy_model, reference, settings.seeds_dir)
    samples = []
    for gold_file in args.gold or [str(ROOT / "devset" / "tune" / "gold.jsonl"), str(ROOT / "devset" / "tune2" / "gold.jsonl")]:
        samples += labelled_mentions(extractor, Path(gold_file))
    note = {}
    row_files = args.rows if args.rows is not None else sorted((ROOT / "devset" / "calibration").glob("*.jsonl"))
    first_look = [(features(r, r["support"]), r["right"]) for path in row_files for r in read_jsonl(path)]
    weights = fit(samples + first_look, l2=args.l2)
    if first_look:
        pooled = weights["bias"]
        weights["bias"] = fit_bias(first_look, weights)
        names = ", ".join(p.name for p in row_files)
        note["bias"] = f"refitted on first-look mentions ({names}; {len(first_look)}); {pooled:+.3f} pooled"
        print(f"bias {pooled:+.3f} -> {weights['bias']:+.3f} on {len(first_look)} first-look mentions")
    with out.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["feature", "weight", "notes"])
        for name in FEATURES:
            w.writerow([name, weights[name], note.get(name, "")])
    right = sum(ok for _, ok in samples)
    print(f"fitted on {len(samples)} mentions ({right} right, {len(samples) - right} wrong) -> {out}")
    for name in FEATURES:
        print(f"  {name:18} {weights[name]:+.3f}")


if __name__ == "__main__":
    main()
