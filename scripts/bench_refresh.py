"""Measure `etl refresh` over a local news site: a full run over N articles,
a refresh with nothing new (same process and a fresh `python -m etl refresh`),
publish time, readers in another process during refreshes, and how the
syndicated test story scores for near-duplicate detection.

    .venv/bin/python scripts/bench_refresh.py [--articles 200] [--feeds 4]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import duckdb  # noqa: E402

from etl.refresh import Refresher  # noqa: E402
from etl.settings import load_settings  # noqa: E402
from news_site import NewsSite, article_page, serve_generated, syndicated_versions  # noqa: E402


def counts(db: Path) -> tuple[int, int, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM interactions), "
                           "(SELECT count(*) FROM runs)").fetchone()
    finally:
        con.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--feeds", type=int, default=4)
    ap.add_argument("--extra-runs", type=int, default=3, help="refreshes (10 new articles each) under readers")
    args = ap.parse_args()
    n, extra = args.articles, 10

    with tempfile.TemporaryDirectory() as tmp, NewsSite() as site:
        tmp = Path(tmp)
        settings = load_settings(environ={}, db=str(tmp / "relations.duckdb"), config=str(tmp / "none.toml"))
        feeds = serve_generated(site, n + extra * args.extra_runs, feeds=args.feeds)
        site.generated_limit = n
        print(f"local news site: {n} generated articles in {args.feeds} RSS feeds, "
              f"{os.cpu_count()} CPUs, spaCy {settings.spacy_model}")

        refresher = Refresher(settings, {}, feeds)
        t = time.monotonic()
        full = refresher.run()
        full_s = time.monotonic() - t
        a, i, _ = counts(settings.db)
        print(f"full run (incl. spaCy load): {full_s:.2f} s for {full.counts.articles_added} articles "
              f"({full.counts.interactions_added} interactions), publish {full.publish_seconds:.2f} s; "
              f"published {a} articles, {i} interactions; {len(site.log)} HTTP requests")

        before = len(site.log)
        t = time.monotonic()
        again = refresher.run()
        again_s = time.monotonic() - t
        print(f"refresh with nothing new (same process): {again_s:.2f} s, publish {again.publish_seconds:.2f} s, "
              f"{again.feeds.not_modified}/{args.feeds} feeds 304, {len(site.log) - before} HTTP requests, "
              f"{again.counts.articles_added} added")

        env = {**os.environ, "RELATIONS_CONFIG": str(tmp / "none.toml"), "RELATIONS_DB": str(settings.db)}
        cmd = [sys.executable, "-m", "etl", "refresh", "-q"] + [x for f in feeds for x in ("--source", f)]
        t = time.monotonic()
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
        cli_s = time.monotonic() - t
        print(f"refresh with nothing new (`python -m etl refresh`, new process): {cli_s:.2f} s wall, exit {proc.returncode}")

        stop, out = tmp / "stop", tmp / "reader.json"
        a0, _, r0 = counts(settings.db)
        reader = subprocess.Popen([sys.executable, str(ROOT / "tests" / "db_reader.py"), str(settings.db), str(out),
                                   str(stop), "fresh", str(a0 - extra * (r0 - 1)), str(extra)])
        time.sleep(1.0)
        publishes = []
        for k in range(1, args.extra_runs + 1):
            site.generated_limit = n + extra * k
            rep = refresher.run()
            publishes.append(rep.publish_seconds)
        time.sleep(0.5)
        stop.touch()
        reader.wait(timeout=60)
        r = json.loads(out.read_text())
        print(f"concurrent reader (new read-only connection per query, user and dashboard style) during "
              f"{args.extra_runs} refreshes of {extra} new articles: {r['iterations']} queries, "
              f"{len(r['errors'])} errors, {len(r['problems'])} inconsistent snapshots, versions seen {r['versions']}; "
              f"publish times {', '.join(f'{p:.2f}' for p in publishes)} s")

    from etl.dedupe import signature, similarity
    from etl.documents import document_from_html
    docs = {o: document_from_html(o, o, article_page(o, t, p), {}) for o, (t, p) in syndicated_versions().items()}
    sims = ", ".join(f"{a} ~ {b}: {similarity(signature(docs[a].text), signature(docs[b].text)):.2f}"
                     for a, b in itertools.combinations(docs, 2))
    print(f"syndicated story, MinHash similarity after page extraction: {sims} "
          f"(threshold {settings.near_duplicate_threshold})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
