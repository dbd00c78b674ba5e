"""Fit the confidence model on the tuning splits and write seeds/lexicon/confidence.csv.

    .venv/bin/python scripts/fit_confidence.py [--gold FILE ...] [--l2 1.0]

Each extracted mention is labelled right when its (article, source, target,
type) is required gold, wrong when it is not in gold at all (optional gold
is left out). Only the tuning splits are used (devset/tune and devset/tune2): the
held-out split and the peer suite stay unseen, so the calibration figures
measured on them are honest.
"""

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from etl.confidence import FEATURES, fit  # noqa: E402
from etl.evaluate import extract_documents, load_documents, read_jsonl  # noqa: E402
from etl.pipeline import Extractor  # noqa: E402
from etl.reference import load_reference  # noqa: E402
from etl.settings import load_settings  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", action="append", help="gold file(s) to fit on (default: devset/tune and tune2)")
    parser.add_argument("--l2", type=float, default=1.0)
    args = parser.parse_args()
    settings = load_settings()
    out = settings.seeds_dir / "lexicon" / "confidence.csv"
    out.unlink(missing_ok=True)  # extract with the feature set only, not with old weights
    reference = load_reference(settings.seeds_dir)
    extractor = Extractor(settings.spacy_model, reference, settings.seeds_dir)
    samples = []
    for gold_file in args.gold or [str(ROOT / "devset" / "tune" / "gold.jsonl"), str(ROOT / "devset" / "tune2" / "gold.jsonl")]:
        gold_path = Path(gold_file)
        gold = read_jsonl(gold_path)
        required = {(g["article"], g["source"], g["target"], g["type"]) for g in gold if not g.get("optional")}
        optional = {(g["article"], g["source"], g["target"], g["type"]) for g in gold if g.get("optional")}
        names = {g["article"] for g in gold}
        docs = [d for d in load_documents([gold_path.parent / "articles"]) if d.name in names]
        for name, rows in extract_documents(extractor, docs).items():
            for r in rows:
                key = (name, r["source_iso3"], r["target_iso3"], r["type"])
                if key in optional:
                    continue
                samples.append((r["features"], key in required))
    weights = fit(samples, l2=args.l2)
    with out.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["feature", "weight", "notes"])
        for name in FEATURES:
            w.writerow([name, weights[name], ""])
    right = sum(ok for _, ok in samples)
    print(f"fitted on {len(samples)} mentions ({right} right, {len(samples) - right} wrong) -> {out}")
    for name in FEATURES:
        print(f"  {name:18} {weights[name]:+.3f}")


if __name__ == "__main__":
    main()
