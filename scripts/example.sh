#!/usr/bin/env bash
# Set up and run Parley's main job on the example page shipped in examples/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/parley analyze examples/wire-report.txt --format text "$@"
