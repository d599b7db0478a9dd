#!/usr/bin/env bash
# An analyst's first run: set up, store the example reports of examples/ in the embedded
# store, and write their brief (Markdown on stdout, an HTML copy beside the store).
# Usage: scripts/example.sh [parley brief options, e.g. --format html]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
store=${PARLEY_EXAMPLE_DB:-build/example.duckdb}
mkdir -p "$(dirname "$store")"
# Four short reports on one South Korea-Japan dispute over a few days (written for Parley);
# a second run finds them stored and skips them.
.venv/bin/parley ingest examples --glob '*.txt' --db "$store" --quiet
.venv/bin/parley brief --db "$store" --dyad KOR:JPN --format html -o "${store%.duckdb}-brief.html"
.venv/bin/parley brief --db "$store" --dyad KOR:JPN "$@"
cat >&2 <<TIP

parley: the brief above is also at ${store%.duckdb}-brief.html (every number links to its passage).
parley: browse the articles, events and quotes behind it: .venv/bin/parley serve --db $store
TIP
