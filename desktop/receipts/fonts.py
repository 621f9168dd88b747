"""The one Chinese font of every PDF: contract/fonts.py, shared with the district server
(which must not import the desktop package)."""

from __future__ import annotations

from contract.fonts import FONT, FONT_FILE, font_path, register

__all__ = ["FONT", "FONT_FILE", "font_path", "register"]
