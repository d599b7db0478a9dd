#!/usr/bin/env bash
# Regenerate the hashed locks from requirements*.in (needs network access to PyPI).
set -euo pipefail
cd "$(dirname "$0")/.."
uv=${UV:-uv}
"$uv" pip compile -q --python-version 3.11 --generate-hashes requirements.in -o requirements.lock
"$uv" pip compile -q --python-version 3.11 --generate-hashes requirements-dev.in -o requirements-dev.lock
"$uv" pip compile -q --python-version 3.11 --generate-hashes requirements-spark.in -o requirements-spark.lock
