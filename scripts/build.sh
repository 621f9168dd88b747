#!/usr/bin/env bash
# Build the desktop app as a one-dir bundle in dist/stationdesk (PyInstaller, build.spec), then
# check it: start it headless (--smoke) and print its size. Extra arguments go to PyInstaller.
# Windows: install Python 3.11, `pip install .[build]`, `pyinstaller build.spec` (README).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
start=$(date +%s)
.venv/bin/python -m PyInstaller build.spec --noconfirm --log-level WARN \
  --distpath dist --workpath build/pyinstaller "$@"
echo "build: $(( $(date +%s) - start )) s"
QT_QPA_PLATFORM=offscreen dist/stationdesk/stationdesk --smoke 2>/dev/null
du -sb dist/stationdesk | awk '{printf "dist/stationdesk: %.1f MB (%d bytes)\n", $1 / 1e6, $1}'
