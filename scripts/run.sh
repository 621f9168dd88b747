#!/usr/bin/env bash
# Set up (first time) and start the StationDesk window. Extra arguments go to the app,
# e.g. `bash scripts/run.sh --demo` opens a demo station with fake data.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m desktop "$@"
