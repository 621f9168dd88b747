#!/usr/bin/env bash
# Set up StationDesk in ./.venv on a fresh Debian/Ubuntu machine that has only Python 3.11+.
# Installs the system libraries Qt needs, poppler, zbar and CUPS with cups-pdf for the tests,
# binutils for the
# bundle's trimmed locale data (when run as root, or says the command to run), then
# the project with its development and build (PyInstaller) extras. Safe to run again: it only
# adds what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

QT_LIBS="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 \
libxcb-randr0 libxcb-xinerama0 libcups2 poppler-utils zbar-tools binutils"
# the tests print through a real spooler: CUPS with a cups-pdf queue (tests/print_queue.py)
QT_LIBS="$QT_LIBS cups printer-driver-cups-pdf"
# the district console's browser tests drive Debian's chromium headless (tests/console)
QT_LIBS="$QT_LIBS chromium"

if command -v dpkg-query >/dev/null 2>&1; then
  missing=""
  for pkg in $QT_LIBS; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
  done
  if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "setup: installing system libraries for Qt:$missing"
      apt-get update -qq >/dev/null || true
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
    else
      echo "setup: Qt needs these system libraries; install them with:"
      echo "  sudo apt-get install -y$missing"
    fi
  fi
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.stationdesk-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] \
  || ! .venv/bin/python -c "import PyInstaller" 2>/dev/null; then
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
  .venv/bin/python -m pip install -q -e ".[dev,build]" 2>&1 | grep -v -E "^WARNING: Location" || true
  .venv/bin/python -c "import desktop, server, PySide6, sqlmodel, reportlab" 
  touch "$stamp"
fi
