"""The print path without CUPS (Windows draws the pages on a QPrinter; print-to-file does too):
pages rendered in-process at the printer's resolution, on paper of the receipt's own size, and
a print to a file is never counted as a receipt print."""

from __future__ import annotations

import pypdfium2
import pytest
from PySide6.QtPrintSupport import QPrinter

from desktop.receipts import render_receipt
from desktop.ui import spooler
from desktop.ui.printing import pdf_pages, send_to_printer

CONTENT = {
    "number": "4401060001-2026-000001",
    "title": "困难职工生活救助金发放收据",
    "issued_on": "2026-11-20",
    "union_name": "测试街道总工会",
    "station_name": "测试街道工会服务站",
    "recipient_name": "张三",
    "recipient_id_masked": "110105********002X",
    "employer": "",
    "program_name": "2026年困难职工生活救助",
    "total_fen": 50000,
    "cash_fen": 50000,
    "amount_capitals": "人民币伍佰元整",
    "goods": [],
    "handler": "王社工",
    "reviewer": "",
    "verify": "x",
}


@pytest.mark.parametrize(
    ("fmt", "size_mm"), [("a4", (210, 297)), ("a5", (210, 148)), ("continuous", (241, 93))]
)
def test_print_to_file_draws_every_page_on_the_receipts_paper(tmp_path, fmt, size_mm):
    pdf = render_receipt(CONTENT, fmt=fmt)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "out.pdf"
    printer.setOutputFileName(str(out))
    assert send_to_printer(printer, pdf, "收据") is False  # a file: not counted as printed
    printed = pypdfium2.PdfDocument(str(out))
    source = pypdfium2.PdfDocument(pdf)
    assert len(printed) == len(source)
    width, height = (round(v * 25.4 / 72) for v in printed[0].get_size())
    assert (width, height) == size_mm
    # the page is the receipt drawn, not a blank sheet: dark pixels where the receipt has ink
    image = pdf_pages(out.read_bytes(), dpi=50)[0]
    dark = sum(
        1
        for y in range(0, image.height(), 4)
        for x in range(0, image.width(), 4)
        if image.pixelColor(x, y).lightness() < 128
    )
    assert dark > 50


def test_cups_media_names():
    assert spooler.media(595.3, 841.9) == "A4"
    assert spooler.media(595.3, 419.5) == "A5"  # A5 landscape is still A5
    assert spooler.media(683.1, 263.6) == "Custom.241x93mm"
