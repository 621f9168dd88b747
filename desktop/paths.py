"""Where things are: bundled resources (also inside a PyInstaller bundle) and user data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR = Path(__file__).resolve().parent


def _bundle_root() -> Path:
    meipass = getattr(sys, "_MEIPASS", None)
    return Path(meipass) if meipass else APP_DIR.parent


def resource_path(*parts: str) -> Path:
    """A file under resources/, from a checkout or from the packaged app."""
    return _bundle_root().joinpath("resources", *parts)


def package_path(*parts: str) -> Path:
    """A file inside the desktop package (migrations), from a checkout or the bundle."""
    meipass = getattr(sys, "_MEIPASS", None)
    base = Path(meipass) / "desktop" if meipass else APP_DIR
    return base.joinpath(*parts)


def data_dir() -> Path:
    """The user's data folder (overridable with STATIONDESK_HOME)."""
    override = os.environ.get("STATIONDESK_HOME")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("StationDesk", appauthor=False))


def default_db_path() -> Path:
    return data_dir() / "stationdesk.sqlite3"
