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


@lru_cache(maxsize=64)
def _generator(ec_count: int) -> tuple[int, ...]:
    """Log-coefficients (after the leading 1) of the Reed-Solomon generator polynomial."""
    poly = qrencoder.QRUtil.getErrorCorrectPolynomial(ec_count).num
    return tuple(qrencoder.LOG_TABLE[c] for c in poly[1:])


def _remainder(data: list[int], ec_count: int) -> list[int]:
    """RS error-correction codewords by polynomial division as a shift register.

    reportlab's createBytes rebuilds the generator and divides with polynomial objects,
    about 4 ms a code; this is the same arithmetic over the same GF(256) tables.
    """
    gen = _generator(ec_count)
    exp, log = qrencoder.EXP_TABLE, qrencoder.LOG_TABLE
    rem = [0] * ec_count
    for byte in data:
        factor = byte ^ rem[0]
        rem = rem[1:]
        rem.append(0)
        if factor:
            lf = log[factor]
            for i, g in enumerate(gen):
                rem[i] ^= exp[(g + lf) % 255]
    return rem


def codewords(version: int, level: int, data_list: list[object]) -> list[int]:
    """Data and error-correction codewords, interleaved, as QRCode.createData returns them."""
    blocks = qrencoder.QRRSBlock.getRSBlocks(version, level)
    buffer = qrencoder.QRBitBuffer()
    for data in data_list:
        data.write(buffer, version)  # type: ignore[attr-defined]
    capacity = sum(b.dataCount for b in blocks) * 8
    if buffer.getLengthInBits() > capacity:
        raise ValueError("二维码内容过长")
    if buffer.getLengthInBits() + 4 <= capacity:
        buffer.put(0, 4)
    while buffer.getLengthInBits() % 8:
        buffer.putBit(False)
    pads = (0xEC, 0x11)
    n = 0
    while buffer.getLengthInBits() < capacity:
        buffer.put(pads[n % 2], 8)
        n += 1
    raw = list(buffer.buffer)
    dc: list[list[int]] = []
    ec: list[list[int]] = []
    offset = 0
    for block in blocks:
        chunk = raw[offset : offset + block.dataCount]
        offset += block.dataCount
        dc.append(chunk)
        ec.append(_remainder(chunk, block.totalCount - block.dataCount))
    out: list[int] = []
    for group in (dc, ec):
        for i in range(max(len(g) for g in group)):
            out.extend(g[i] for g in group if i < len(g))
    return out


@lru_cache(maxsize=16)
def _layout(version: int, level: int) -> tuple[list[list[bool]], list[tuple[int, int]], list[bool]]:
    """Per version: the function patterns (with our mask's format bits), the data positions in
    placement order, and the mask bit at each; all that differs between codes is the data."""
    code = qrencoder.QRCode(version, level)
    blocks = qrencoder.QRRSBlock.getRSBlocks(version, level)
    code.dataCache = [0] * sum(b.totalCount for b in blocks)
    code.makeImpl(False, MASK_PATTERN)
    positions = list(code.dataPosIterator())
    mask = qrencoder.QRUtil.getMask(MASK_PATTERN)
    return [list(row) for row in code.modules], positions, [bool(mask(r, c)) for c, r in positions]


@lru_cache(maxsize=8)
def matrix(text: str) -> tuple[tuple[bool, ...], ...]:
    """Dark modules row by row (level M: survives a smudged dot-matrix print)."""
    level = qrencoder.QRErrorCorrectLevel.M
    code = qrencoder.QRCode(None, level)
    code.addData(text)
    version = code.calculate_version()
    template, positions, mask_bits = _layout(version, level)
    modules = [row[:] for row in template]
    bits = [bool(byte >> shift & 1) for byte in codewords(version, level, code.dataList)
            for shift in range(7, -1, -1)]  # fmt: skip
    bits += [False] * (len(positions) - len(bits))
    for (col, row), bit, masked in zip(positions, bits, mask_bits, strict=False):
        modules[row][col] = bit ^ masked
    return tuple(tuple(row) for row in modules)


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
