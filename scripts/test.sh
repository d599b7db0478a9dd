#!/usr/bin/env bash
# Set up and run every check: the tests, then each evaluation against its pinned floor
# (the evaluations run only where the gold data, ../shared/data, is present).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --dev
.venv/bin/python -m pytest "$@"
# Lint and types: ruff (rules in pyproject.toml) and mypy --strict over the package.
.venv/bin/ruff check parley tests bench
.venv/bin/mypy parley
data=${PARLEY_DATA:-../shared/data}
if [[ -d "$data" ]]; then
  # PARLEY_EVAL_JSON=FILE also keeps the figures (the README's tables are made from them).
  .venv/bin/parley evaluate all --data "$data" --check-floors ${PARLEY_EVAL_JSON:+--json "$PARLEY_EVAL_JSON"}
else
  echo "gold data not found at $data: evaluations skipped"
fi
