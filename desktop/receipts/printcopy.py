"""The copy a printer gets: each page drawn by PDFium at print resolution, over its text (kept
beneath the opaque page image).

Why not send the document's own PDF: on the way to a printer, CUPS turns it into PostScript
(pdftops, pdftocairo or Ghostscript, as the queue is set up), and some of those paths lose the
embedded font's metrics: characters printed on top of one another (seen on Debian's cups-pdf
queue). A page image is the same on every path and every OS, and looks exactly like the
preview, which PDFium draws too. The text beneath keeps a printed-to-PDF copy searchable and
lets the tests read back what was printed.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from .fonts import register

PRINT_DPI = 300  # crisp on laser and dot-matrix receipt printers; 600 quadruples the job size


def _pages(pdf: bytes) -> Iterator[Any]:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    for index in range(len(document)):
        yield document[index]


def _hidden_text(c: canvas.Canvas, page: Any, font: str) -> None:
    """The page's text runs at their places, drawn first so the opaque page image covers them.
    (Invisible text, render mode 3, is dropped on some CUPS paths; covered text is kept.)"""
    text = page.get_textpage()
    out = c.beginText()
    for index in range(text.count_rects()):
        left, bottom, right, top = text.get_rect(index)
        run = text.get_text_bounded(left, bottom, right, top).strip()
        if not run:
            continue
        out.setFont(font, max(top - bottom, 1.0))
        out.setTextOrigin(left, bottom)
        out.textOut(run)
    c.drawText(out)


def print_copy(pdf: bytes, *, dpi: int = PRINT_DPI) -> bytes:
    """The document as page images at `dpi`, same page sizes, its text kept beneath them."""
    font = register()
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pageCompression=1)
    for page in _pages(pdf):
        width, height = page.get_size()
        c.setPageSize((width, height))
        _hidden_text(c, page, font)
        image = page.render(scale=dpi / 72, grayscale=True).to_pil()
        c.drawImage(ImageReader(image), 0, 0, width, height)
        c.showPage()
    c.save()
    return buffer.getvalue()
