"""Save how an extractor did on a split before anyone developed on it.

    .venv/bin/python scripts/first_look.py --gold devset/NAME/gold.jsonl --out devset/calibration/NAME.jsonl \
        [--checkout DIR]

Writes one line per extracted mention: the fields the confidence features
are computed from, and whether the mention is right (required gold) or
wrong (not in gold; optional gold is left out). Run it on a new split before
its misses are read, or on an old checkout (`git worktree add DIR COMMIT`,
`--checkout DIR`) from before a split was developed on: these rows show how
the extractor's methods fare on text they were not fitted to, which is what
scripts/fit_confidence.py calibrates the confidence level on.
"""

import argparse
import json
import os
import sys
from pathlib import Path

FIELDS = ("rule", "source_how", "target_how", "headline", "negated", "modality", "sentence_tokens", "quoted",
          "distance", "type", "source_iso3", "target_iso3", "sentence_start", "pairs_in_sentence",
          "actor_sentences", "types_in_sentence")


def this_checkouts_confidence():
    """etl/confidence.py of this checkout (not of --checkout): the article-context
    counts are computed the same way for old extractors as for the current one."""
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "etl" / "confidence.py"
    spec = importlib.util.spec_from_file_location("current_confidence", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", required=True, type=Path)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--checkout", type=Path, default=Path(__file__).resolve().parent.parent,
                        help="the project checkout whose extractor to run (default: this one)")
    args = parser.parse_args()
    gold_path, out = args.gold.resolve(), args.out.resolve()
    annotate_context = this_checkouts_confidence().annotate_context
    sys.path.insert(0, str(args.checkout.resolve()))
    os.chdir(args.checkout)
    from etl.evaluate import extract_documents, load_documents, read_jsonl
    from etl.pipeline import Extractor
    from etl.reference import load_reference
    from etl.settings import load_settings

    settings = load_settings()
    extractor = Extractor(settings.spacy_model, load_reference(settings.seeds_dir), settings.seeds_dir)
    found_by_doc: dict[str, list[dict]] = {}
    rows = Extractor.rows

    def keep_found(self, document, found):  # the raw mentions, before rows() drops the fields
        found_by_doc[document.name] = found
        return rows(self, document, found)

    Extractor.rows = keep_found
    gold = read_jsonl(gold_path)
    # not etl.evaluate.gold_keys/gold_documents: an old checkout has neither
    required = {(g["article"], g["source"], g["target"], g["type"]) for g in gold if not g.get("optional")}
    optional = {(g["article"], g["source"], g["target"], g["type"]) for g in gold if g.get("optional")}
    names = {g["article"] for g in gold}
    extract_documents(extractor, [d for d in load_documents([gold_path.parent / "articles"]) if d.name in names])
    n = right = 0
    with out.open("w") as f:
        for name, found in sorted(found_by_doc.items()):
            found = [dict(r) for r in found]
            annotate_context(found)  # from every mention, optional gold included
            seen = set()
            for r in found:
                key = (name, r["source_iso3"], r["target_iso3"], r["type"])
                mention = (r["sentence_start"], *key[1:])
                if key in optional or mention in seen:
                    continue
                seen.add(mention)
                row = {k: r.get(k) for k in FIELDS}
                row.update(article=name, support=r["support"], right=key in required)
                f.write(json.dumps(row) + "\n")
                n += 1
                right += row["right"]
    print(f"{n} mentions ({right} right, {n - right} wrong) from {args.checkout} -> {out}")


if __name__ == "__main__":
    main()
