"""Build resources/fonts/stationdesk-cjk.ttf: a TrueType subset of WenQuanYi Micro Hei.

Why a subset: the full .ttc is 4.9 MB and holds two faces; the app needs one face that both Qt
(UI) and reportlab (PDF) can embed. reportlab embeds TrueType outlines only, so a CFF font or
the built-in CID font STSong-Light (which embeds nothing) will not do. We keep all of
U+4E00-9FFF rather than GB2312 only, so rare name characters (堃, 玥) still print.

Source: Debian's fonts-wqy-microhei (Apache-2.0), subfont 0. Run:
    .venv/bin/python scripts/make_font.py [--source PATH]
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
LICENCE_SOURCE = Path("/usr/share/doc/fonts-wqy-microhei/copyright")
OUT = ROOT / "resources" / "fonts" / "stationdesk-cjk.ttf"
LICENCE_OUT = ROOT / "resources" / "fonts" / "LICENSE-wqy-microhei.txt"

RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 supplement (¥, ×, ·)
    (0x2000, 0x206F),  # general punctuation (“ ” — …)
    (0x2100, 0x214F),  # letterlike symbols (№, ℃)
    (0x2190, 0x21FF),  # arrows
    (0x2460, 0x24FF),  # enclosed numbers ①
    (0x2500, 0x257F),  # box drawing
    (0x25A0, 0x25FF),  # geometric shapes (□ ○ ■)
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0xFF00, 0xFFEF),  # full-width forms (（ ）， ￥)
    (0x4E00, 0x9FFF),  # CJK unified ideographs
]


def build(source: Path = SOURCE, out: Path = OUT) -> Path:
    """Subset face 0 of the collection and write a plain .ttf with the licence beside it."""
    collection = TTCollection(str(source))
    font = collection.fonts[0]
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    options.hinting = False  # hints double the size and matter little at print resolution
    subsetter = subset.Subsetter(options=options)
    unicodes = [cp for start, end in RANGES for cp in range(start, end + 1)]
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    out.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(out))
    if LICENCE_SOURCE.exists():
        shutil.copyfile(LICENCE_SOURCE, LICENCE_OUT)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    path = build(args.source, args.out)
    print(f"{path} {path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
