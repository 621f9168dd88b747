"""The receipt's QR code, encoded with reportlab's own QR encoder and drawn as one path.

Why not QrCodeWidget as it is: its make() tries all eight mask patterns and scores each
(about 6 ms per code in pure Python), which alone would take 3 s for 500 receipts. Any mask
pattern is valid QR (ISO/IEC 18004 lets the encoder choose; the score only avoids patterns
that could confuse a poor reader), so we fix one and encode in about 1 ms. Dark modules are
merged into horizontal runs and drawn as a single filled path instead of a Group of Rects.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.graphics.barcode import qrencoder
from reportlab.pdfgen.canvas import Canvas

MASK_PATTERN = 2  # vertical stripes every third column: never forms finder-like runs alone
QUIET_ZONE = 2  # modules; the spec asks 4, the white margin around the cell gives the rest


@lru_cache(maxsize=8)
def matrix(text: str) -> tuple[tuple[bool, ...], ...]:
    """Dark modules row by row (level M: survives a smudged dot-matrix print)."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(text)
    code.version = code.calculate_version()
    code.makeImpl(False, MASK_PATTERN)
    return tuple(tuple(bool(cell) for cell in row) for row in code.modules)


@lru_cache(maxsize=8)
def _operators(text: str) -> tuple[int, str]:
    """(modules per side, PDF path operators in module units) of the code of text."""
    rows = matrix(text)
    ops: list[str] = []
    height = len(rows)
    for r, row in enumerate(rows):
        row_y = height - r - 1
        start = -1
        for col, dark in enumerate((*row, False)):
            if dark and start < 0:
                start = col
            elif not dark and start >= 0:
                ops.append(f"{start} {row_y} {col - start} 1 re")
                start = -1
    ops.append("f")
    return height, "\n".join(ops)


def draw_qr(c: Canvas, text: str, x: float, y: float, size: float) -> None:
    """Draw the code in a size x size square with its bottom-left corner at (x, y).

    The runs are written as integer module coordinates under a scaling transform with
    addLiteral: formatting hundreds of float rectangles through the path object cost more
    than the rest of the receipt together.
    """
    count, ops = _operators(text)
    module = size / (count + 2 * QUIET_ZONE)
    c.saveState()
    c.setFillColorRGB(0, 0, 0)
    c.translate(x + QUIET_ZONE * module, y + QUIET_ZONE * module)
    c.scale(module, module)
    c.addLiteral(ops)
    c.restoreState()
