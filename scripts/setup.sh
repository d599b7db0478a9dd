#!/usr/bin/env bash
# Set up (or refresh) the virtual environment at .venv from the hashed locks.
# Usage: scripts/setup.sh [--dev]     (--dev adds the test and lint tools, and the Spark
# engine's extra: PySpark from requirements-spark.lock, plus a headless Java 17 runtime from
# the system's packages when no java is on the PATH)
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
locks=(requirements.lock)
if [[ "${1:-}" == "--dev" ]]; then
  locks+=(requirements-dev.lock requirements-spark.lock)
  if ! command -v java >/dev/null 2>&1 && [[ -z "${JAVA_HOME:-}" ]] && command -v apt-get >/dev/null; then
    # PySpark 4 runs on Java 17 or 21; Debian 12 packages 17. Root (as CI is) or sudo.
    sudo=""; if [[ $(id -u) -ne 0 ]] && command -v sudo >/dev/null; then sudo=sudo; fi
    $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null \
      || echo "setup: no Java installed: the Spark engine's tests will be skipped" >&2
  fi
fi
if [[ ! -x .venv/bin/python ]]; then
  "$python" -m venv .venv
fi
# Reinstall only when a lock or the package metadata changed.
stamp=".venv/.parley-$(cat "${locks[@]}" pyproject.toml | sha256sum | cut -c1-16)"
if [[ ! -f "$stamp" ]]; then
  args=()
  for lock in "${locks[@]}"; do args+=(-r "$lock"); done
  # --no-deps: the lock is complete and hashed; pip must not resolve anything on its own.
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps \
    --require-hashes "${args[@]}"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps \
    --no-build-isolation --editable .
  touch "$stamp"
fi
# The dashboard's browser tests drive Debian's chromium (Playwright's own browser download is
# not reachable here): install it with the test tools when it is missing. Without it (no root,
# no apt) those tests skip and say why.
if [[ "${1:-}" == "--dev" && ! -x /usr/bin/chromium ]]; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
      >/dev/null || echo "setup: chromium could not be installed: browser tests will skip" >&2
  else
    echo "setup: /usr/bin/chromium is missing (apt-get install chromium): browser tests will skip" >&2
  fi
fi
