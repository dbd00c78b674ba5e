#!/bin/sh
# Install the product and its test tools (Chromium included), then run the
# test suite. Extra arguments go to pytest (e.g. -m "not browser", --run-slow).
set -eu
cd "$(dirname "$0")/.."
./scripts/bootstrap.sh --test
exec .venv/bin/python -m pytest "$@"
