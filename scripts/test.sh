#!/usr/bin/env bash
# Set up (first time) and run every check: ruff (lint and format), mypy, the whole pytest suite.
# Any failure, including pytest collecting no tests (exit 5), fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
echo "== ruff"
.venv/bin/ruff check contract desktop server tests scripts
.venv/bin/ruff format --check contract desktop server tests scripts
echo "== mypy"
.venv/bin/mypy contract desktop server
echo "== pytest"
.venv/bin/python -m pytest "$@"
