"""`python -m dashboard`: serve the dashboard for one published DuckDB file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_FAILURE = 1


def parser() -> argparse.ArgumentParser:
    from etl.settings import load_settings

    p = argparse.ArgumentParser(
        prog="python -m dashboard",
        description="Serve the relations dashboard (network map, stance matrix, evidence) for a DuckDB file "
                    "published by `python -m etl run`. Works offline: every asset is served locally.")
    p.add_argument("--db", type=Path, default=load_settings().db,
                   help="published DuckDB file (default: %(default)s, or $RELATIONS_DB)")
    p.add_argument("--host", default="127.0.0.1", help="interface to bind (default: %(default)s)")
    p.add_argument("--port", type=int, default=8050, help="port to bind (default: %(default)s)")
    p.add_argument("--debug", action="store_true", help="Dash debug mode: dev tools and tracebacks in the page")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    db = args.db.expanduser()
    if not db.is_file():
        print(f"dashboard: no database at {db}: build it first with `python -m etl run --db {db}`",
              file=sys.stderr)
        return EXIT_FAILURE
    if not 0 < args.port < 65536:
        print(f"dashboard: invalid port {args.port}", file=sys.stderr)
        return EXIT_FAILURE
    from .app import Server, create_app

    app = create_app(db)
    if args.debug:
        print(f"dashboard: http://{args.host}:{args.port} (debug) reading {db.resolve()}", file=sys.stderr)
        app.run(host=args.host, port=args.port, debug=True, use_reloader=False)
        return 0
    try:
        server = Server(app, args.host, args.port)
    except OSError as e:
        print(f"dashboard: cannot listen on {args.host}:{args.port}: {e.strerror or e}", file=sys.stderr)
        return EXIT_FAILURE
    print(f"dashboard: serving {server.url} reading {db.resolve()} (Ctrl-C to stop)", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0
