"""The one Chinese font of every PDF, for the station (desktop/receipts) and the district
server (server/readmodel/export.py) alike: found in resources/fonts beside the packages (a
checkout, an installed tree or the PyInstaller bundle) and registered with reportlab once.

Why: a PDF that relies on the reader's fonts prints blank boxes on a machine without a CJK
font, so every document embeds the subset TrueType font shipped in resources/fonts (built by
scripts/make_font.py). Never the CID font STSong-Light: it embeds nothing.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

FONT = "SDSans"
FONT_FILE = "stationdesk-cjk.ttf"

_lock = threading.Lock()


def font_path() -> str:
    meipass = getattr(sys, "_MEIPASS", None)
    root = Path(meipass) if meipass else Path(__file__).resolve().parent.parent
    return str(root / "resources" / "fonts" / FONT_FILE)


def register() -> str:
    """Register the font (50-90 ms the first time, free afterwards) and return its name."""
    from reportlab import rl_config
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT in pdfmetrics.getRegisteredFontNames():
        return FONT
    # binary (Flate-only) streams: ASCII85 on top is pure Python in reportlab 4+ and took a
    # sixth of a 500-receipt batch while making the file 25% larger
    rl_config.useA85 = 0
    with _lock:
        if FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(FONT, font_path()))
            # bold/italic map to the same face, so <b> in a Paragraph never falls back to Helvetica
            from reportlab.lib.fonts import addMapping

            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(FONT, bold, italic, FONT)
    return FONT
