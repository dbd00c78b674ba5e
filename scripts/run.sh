#!/bin/sh
# The main job for a new user: install, build data/relations.duckdb from the
# seed articles, then serve the dashboard on http://127.0.0.1:8050.
set -eu
cd "$(dirname "$0")/.."
./scripts/bootstrap.sh
.venv/bin/python -m etl run
exec .venv/bin/python -m dashboard "$@"
