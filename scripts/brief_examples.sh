#!/usr/bin/env bash
# Write the brief outputs of examples/ again: the example reports', the seed article's and the
# KCNA DPRK-US stories' (issue 13, part 5). The KCNA store is made by
#   .venv/bin/parley ingest ../shared/data/corpus/kcna-marquez/kcna-stories-2011-10-to-2012-06.jsonl --db KCNA_DB
# Usage: scripts/brief_examples.sh KCNA_DB      ($PARLEY_SHARED: the shared folder, default ../shared)
set -euo pipefail
cd "$(dirname "$0")/.."
kcna=${1:?give the KCNA store: scripts/brief_examples.sh KCNA_DB}
seed=${PARLEY_SHARED:-../shared}/seed/hankyoreh-2018-11-12-nk-us-deadlock.txt
parley=${PARLEY:-.venv/bin/parley}
period=(--dyad USA:PRK --since 2011-10-01 --until 2012-06-30)
for format in md html; do
  "$parley" brief --db "$kcna" "${period[@]}" -f "$format" -o "examples/kcna-usa-prk-brief.$format"
  "$parley" brief "$seed" -f "$format" -o "examples/seed-brief.$format"
done
store=$(mktemp -d)/example.duckdb
"$parley" ingest examples --glob '*.txt' --db "$store" --quiet
for format in md html; do
  "$parley" brief --db "$store" --dyad KOR:JPN -f "$format" -o "examples/example-brief.$format"
done
rm -r "$(dirname "$store")"
