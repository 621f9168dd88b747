"""The receipt's QR code, encoded with reportlab's own QR encoder and drawn as one path.

Why not QrCodeWidget as it is: its make() tries all eight mask patterns and scores each
(about 6 ms per code in pure Python), which alone would take 3 s for 500 receipts. Any mask
pattern is valid QR (ISO/IEC 18004 lets the encoder choose; the score only avoids patterns
that could confuse a poor reader), so we fix one and encode in about 1 ms. Dark modules are
merged into horizontal runs and drawn as a single filled path instead of a Group of Rects.
"""

from __future__ import annotations

from functools import lru_cache
from operator import itemgetter
from typing import Any

from reportlab.graphics.barcode import qrencoder
from reportlab.pdfgen.canvas import Canvas

MASK_PATTERN = 2  # vertical stripes every third column: never forms finder-like runs alone
QUIET_ZONE = 2  # modules; the spec asks 4, the white margin around the cell gives the rest


@lru_cache(maxsize=64)
def _products(ec_count: int) -> tuple[tuple[int, ...], ...]:
    """For each byte value f: f times the RS generator's coefficients (after the leading 1)."""
    poly = qrencoder.QRUtil.getErrorCorrectPolynomial(ec_count).num
    exp, log = qrencoder.EXP_TABLE, qrencoder.LOG_TABLE
    gen = [log[c] for c in poly[1:]]
    rows = [tuple([0] * ec_count)]
    rows += [tuple(exp[(g + log[f]) % 255] for g in gen) for f in range(1, 256)]
    return tuple(rows)


def _remainder(data: list[int], ec_count: int) -> list[int]:
    """RS error-correction codewords by polynomial division as a shift register.

    reportlab's createBytes rebuilds the generator and divides with polynomial objects,
    about 4 ms a code; this is the same arithmetic over the same GF(256) tables.
    """
    products = _products(ec_count)
    rem = [0] * ec_count
    for byte in data:
        factor = byte ^ rem[0]
        rem.append(0)
        rem = [r ^ p for r, p in zip(rem[1:], products[factor], strict=True)]
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


_BYTE_BITS = tuple(f"{b:08b}" for b in range(256))


@lru_cache(maxsize=16)
def _layout(version: int, level: int) -> tuple[int, int, int, str, Any]:
    """Per version: what differs between codes is only the data, so precompute the rest.

    Returns the side, the number of data positions, the mask over them as an integer, the
    function-pattern modules as a '0'/'1' string, and a getter that picks, for each module in
    row-major order, either a data bit (index < positions) or a fixed module (after them).
    """
    code = qrencoder.QRCode(version, level)
    blocks = qrencoder.QRRSBlock.getRSBlocks(version, level)
    code.dataCache = [0] * sum(b.totalCount for b in blocks)
    code.makeImpl(False, MASK_PATTERN)
    positions = list(code.dataPosIterator())
    mask = qrencoder.QRUtil.getMask(MASK_PATTERN)
    mask_bits = "".join("1" if mask(r, c) else "0" for c, r in positions)
    side = code.moduleCount
    where = {(r, c): k for k, (c, r) in enumerate(positions)}
    fixed: list[str] = []
    picks: list[int] = []
    for r in range(side):
        for c in range(side):
            if (r, c) in where:
                picks.append(where[(r, c)])
            else:
                picks.append(len(positions) + len(fixed))
                fixed.append("1" if code.modules[r][c] else "0")
    return side, len(positions), int(mask_bits, 2), "".join(fixed), itemgetter(*picks)


@lru_cache(maxsize=8)
def matrix(text: str) -> tuple[str, ...]:
    """The code as rows of '1' (dark) and '0', level M (survives a smudged dot-matrix print)."""
    level = qrencoder.QRErrorCorrectLevel.M
    code = qrencoder.QRCode(None, level)
    code.addData(text)
    version = code.calculate_version()
    side, count, mask, fixed, pick = _layout(version, level)
    data = "".join(_BYTE_BITS[b] for b in codewords(version, level, code.dataList))
    data = (data + "0" * count)[:count]  # remainder bits are 0 before masking
    modules = "".join(pick(f"{int(data, 2) ^ mask:0{count}b}" + fixed))
    return tuple(modules[i : i + side] for i in range(0, side * side, side))


@lru_cache(maxsize=8)
def _image(text: str) -> tuple[int, str]:
    """(modules per side, the code as a 1-bit image mask in hex, one module a sample)."""
    rows = matrix(text)
    side = len(rows)
    pad = "0" * (-side % 8)
    digits = (side + len(pad)) // 4
    return side, "".join(f"{int(row + pad, 2):0{digits}x}" for row in rows)


def draw_qr(c: Canvas, text: str, x: float, y: float, size: float) -> None:
    """Draw the code in a size x size square with its bottom-left corner at (x, y).

    The code is an inline image mask (BI ... EI), one sample a module, filled with black:
    a few hundred bytes, sharp at any scale (image masks are not interpolated), and far cheaper
    than formatting hundreds of rectangles through reportlab's path object.
    """
    side, data = _image(text)
    module = size / (side + 2 * QUIET_ZONE)
    inner = module * side
    ox, oy = x + QUIET_ZONE * module, y + QUIET_ZONE * module
    c.saveState()
    c.setFillColorRGB(0, 0, 0)
    c.addLiteral(
        f"{inner:.3f} 0 0 {inner:.3f} {ox:.3f} {oy:.3f} cm\n"
        f"BI /W {side} /H {side} /BPC 1 /IM true /D [1 0] /F /AHx ID\n{data}>\nEI"
    )
    c.restoreState()
