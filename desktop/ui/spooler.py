"""Hand a PDF to the CUPS spooler (Linux, macOS) and learn whether it took the job.

Qt's own print path on CUPS writes a PDF and calls cupsPrintFile without looking at its answer,
so a refused job would still look printed. A receipt counts as printed only when the spooler
took it, so on CUPS the print copy (page images, receipts/printcopy.py) goes to the queue
through libcups directly: the answer is a job id, or 0 and cupsLastErrorString; the paper is
the receipt's size (the `media` option). Where there is no libcups (Windows), printing.py draws
the pages on a QPrinter instead.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import tempfile
from functools import cache
from pathlib import Path


class _Option(ctypes.Structure):  # cups_option_t
    _fields_ = [("name", ctypes.c_char_p), ("value", ctypes.c_char_p)]


@cache
def _libcups() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("cups")
    if not name:
        return None
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        return None
    lib.cupsPrintFile.argtypes = [
        ctypes.c_char_p,
        ctypes.c_char_p,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.POINTER(_Option),
    ]
    lib.cupsPrintFile.restype = ctypes.c_int
    lib.cupsLastErrorString.restype = ctypes.c_char_p
    return lib


def available() -> bool:
    return _libcups() is not None


class Refused(Exception):
    """The spooler did not take the job; the message is what CUPS said."""


def media(width_pt: float, height_pt: float) -> str:
    """The CUPS media name of a page: A4 and A5 by name, anything else as Custom.WxHmm."""
    w, h = (round(v * 25.4 / 72) for v in (width_pt, height_pt))
    named = {(210, 297): "A4", (148, 210): "A5"}
    return named.get((min(w, h), max(w, h)), f"Custom.{w}x{h}mm")


def print_pdf(printer: str, pdf: bytes, title: str, options: dict[str, str]) -> int:
    """Queue the PDF; the job id, or Refused with the spooler's reason."""
    lib = _libcups()
    if lib is None:
        raise Refused("no CUPS")
    pairs = (_Option * len(options))(*(_Option(k.encode(), v.encode()) for k, v in options.items()))
    with tempfile.TemporaryDirectory(prefix="stationdesk-print-") as folder:
        path = Path(folder) / "job.pdf"
        path.write_bytes(pdf)
        job = lib.cupsPrintFile(
            printer.encode(), str(path).encode(), title.encode(), len(options), pairs
        )
    if job <= 0:
        text = lib.cupsLastErrorString()
        raise Refused(text.decode("utf-8", "replace") if text else "")
    return int(job)
