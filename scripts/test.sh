#!/usr/bin/env bash
# Install everything the test suite needs into .venv, then run lint, types and tests.
# Tests run against SQLite and the PostgreSQL server at 127.0.0.1:5432 (user postgres,
# database test; override with PEACETRACK_TEST_PG). Under CI=true a missing server fails.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian's chromium drives the page tests (Playwright never downloads a browser here).
if ! command -v chromium >/dev/null 2>&1; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[dev,kiwi,dask]'

.venv/bin/ruff check src tests bench
.venv/bin/mypy
.venv/bin/pytest "$@"
