"""Preview and print PDFs made by desktop.receipts / desktop.reports.

Pages are rendered in-process by PDFium (pypdfium2, inside the bundle on every OS): small for
the preview, at print resolution for printing (never the vector PDF: some CUPS filter chains
lose its font metrics), on paper of the PDF's own size (A4, A5, 241 x 93 mm continuous). A print counts (a receipt's print_count) only once the operating
system's spooler has taken the job (spooler.py); a failed or cancelled print changes nothing
and says why.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from . import spooler
from .service_text import translate

PREVIEW_DPI = 100
PREVIEW_PAGES = 20  # a campaign's 300 receipts are printed whole but previewed in part
MAX_PRINT_DPI = 600  # beyond this an A4 page is over 100 MB of pixels for no visible gain


class PrintFailed(Exception):
    """The print did not reach the spooler; the message (Chinese) says why."""


def _document(pdf: bytes):  # -> pypdfium2.PdfDocument
    import pypdfium2

    return pypdfium2.PdfDocument(pdf)


def page_count(pdf: bytes) -> int:
    return len(_document(pdf))


def pdf_pages(pdf: bytes, dpi: int = PREVIEW_DPI, *, limit: int | None = None) -> list[QImage]:
    """The pages as images (the first `limit` of them)."""
    return list(_render(pdf, dpi, limit=limit, grey=False))


def _render(pdf: bytes, dpi: int, *, limit: int | None, grey: bool) -> Iterator[QImage]:
    document = _document(pdf)
    fmt = QImage.Format.Format_Grayscale8 if grey else QImage.Format.Format_RGB888
    for index in range(min(len(document), limit or len(document))):
        bitmap = document[index].render(scale=dpi / 72, grayscale=grey, rev_byteorder=True)
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, fmt)
        yield image.copy()  # own the pixels: the bitmap's buffer goes with it


def _paper(pdf: bytes) -> QPageLayout:
    """The first page's size as the printer's paper (standard sizes recognised as such)."""
    width, height = _document(pdf)[0].get_size()
    size = QPageSize(
        QSizeF(min(width, height), max(width, height)),
        QPageSize.Unit.Point,
        "",
        QPageSize.SizeMatchPolicy.FuzzyMatch,
    )
    orientation = (
        QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0))


def choose_printer(parent: QWidget | None) -> QPrinter | None:
    """The print dialog, the printer chosen in Settings preselected; None when cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    chosen = default_printer()
    if chosen:
        printer.setPrinterName(chosen)
    dialog = QPrintDialog(printer, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()  # not brought back by an idle lock that cancelled it
    return printer if accepted else None


def send_to_printer(printer: QPrinter, pdf: bytes, title: str) -> bool:
    """Print every page. True when a spooler took the job, False when it went to a file (the
    dialog's 打印到文件); PrintFailed when it did not get through."""
    to_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
    if not to_file and spooler.available():
        return _spool(printer, pdf, title)
    _draw(printer, pdf, title)
    return not to_file


def _spool(printer: QPrinter, pdf: bytes, title: str) -> bool:
    """CUPS: the pages as PDFium draws them (receipts.printcopy: the same on every filter
    chain), on paper of the document's page size."""
    from desktop.receipts.printcopy import PRINT_DPI, print_copy

    name = printer.printerName()
    width, height = _document(pdf)[0].get_size()
    options = {"media": spooler.media(width, height), "copies": str(printer.copyCount())}
    copy = print_copy(pdf, dpi=min(printer.resolution(), PRINT_DPI))
    try:
        spooler.print_pdf(name, copy, f"StationDesk {title}", options)
    except spooler.Refused as exc:
        why = str(exc) or QCoreApplication.translate("printing", "没有收到打印任务")
        text = QCoreApplication.translate(
            "printing", "打印系统没有接受这份打印（打印机“%1”：%2）。未计入打印。"
        )
        raise PrintFailed(text.replace("%1", name).replace("%2", why)) from None
    return True


def _draw(printer: QPrinter, pdf: bytes, title: str) -> None:
    """Windows (no CUPS) and print-to-file: pages rendered at the printer's resolution and
    drawn on paper of the PDF's size; Qt's answer (QPainter.end) says whether it went through."""
    name = printer.printerName()
    printer.setDocName(f"StationDesk {title}")
    printer.setPageLayout(_paper(pdf))
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        text = QCoreApplication.translate(
            "printing", "打印机“%1”无法开始打印，请检查打印机是否连接、是否开机。"
        )
        raise PrintFailed(text.replace("%1", name))
    page = printer.paperRect(QPrinter.Unit.DevicePixel)
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    for index, image in enumerate(_render(pdf, dpi, limit=None, grey=True)):
        if index:
            printer.newPage()
        painter.drawImage(QRectF(0, 0, page.width(), page.height()), image)
    if not painter.end() or printer.printerState() == QPrinter.PrinterState.Error:
        text = QCoreApplication.translate("printing", "打印机“%1”出错，打印没有完成。")
        raise PrintFailed(text.replace("%1", name))


def default_printer() -> str:
    """The printer chosen in Settings (empty: the system's default), if it is still there."""
    from .app import settings

    name = str(settings().value("printer", "") or "")
    return name if name in QPrinterInfo.availablePrinterNames() else ""


def open_externally(pdf: bytes, name: str = "document.pdf") -> Path:
    folder = Path(tempfile.mkdtemp(prefix="stationdesk-"))
    path = folder / name
    path.write_bytes(pdf)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    return path


class PdfPreview(QDialog):
    """Shows the pages; 打印 prints `print_copy()` (default: the pages shown) and, once the
    spooler has taken it, calls `printed()` (a receipt's print is counted there)."""

    def __init__(
        self,
        pdf: bytes,
        title: str,
        *,
        parent: QWidget | None = None,
        print_copy: Callable[[], bytes] | None = None,
        printed: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.pdf, self.print_copy, self.printed = pdf, print_copy, printed
        self.setWindowTitle(title)
        self.resize(900, 700)
        layout = QVBoxLayout(self)
        layout.addWidget(self._pages(pdf), 1)
        row = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        save = QPushButton(self.tr("另存为 PDF…"))
        save.clicked.connect(self.save_as)
        external = QPushButton(self.tr("用其他程序打开"))
        external.clicked.connect(lambda: open_externally(self.pdf))
        self.print_button = QPushButton(self.tr("打印"))
        self.print_button.setObjectName("Primary")
        self.print_button.clicked.connect(self.print_clicked)
        row.addWidget(self.status, 1)
        for button in (save, external, self.print_button):
            row.addWidget(button)
        layout.addLayout(row)

    def _pages(self, pdf: bytes) -> QScrollArea:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        holder = QWidget()
        pages = QVBoxLayout(holder)
        self.images = pdf_pages(pdf, limit=PREVIEW_PAGES)
        for image in self.images:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            pages.addWidget(label)
        total = page_count(pdf)
        if total > len(self.images):
            more = self.tr("共 %1 页，这里显示前 %2 页；打印时全部打印。")
            pages.addWidget(
                QLabel(more.replace("%1", str(total)).replace("%2", str(len(self.images))))
            )
        scroll.setWidget(holder)
        return scroll

    def save_as(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存 PDF"), "", "PDF (*.pdf)")
        if path:
            Path(path).write_bytes(self.pdf)

    def show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setObjectName("Refusal" if error else "")
        self.status.style().polish(self.status)
        self.status.setText(text)

    def print_clicked(self) -> None:
        """Ask for the printer, print, and count the print only if the spooler took it."""
        from desktop.services.errors import UserFacingError

        printer = choose_printer(self)
        if printer is None:
            self.show_status(self.tr("已取消打印，未计入打印次数。"))
            return
        try:
            pdf = self.print_copy() if self.print_copy else self.pdf
            spooled = send_to_printer(printer, pdf, self.windowTitle())
        except (PrintFailed, UserFacingError) as exc:
            self.show_status(translate(str(exc)), error=True)
            return
        if not spooled:
            self.show_status(self.tr("已打印到文件，不计入打印次数。"))
            return
        if self.printed is not None:
            self.printed()
        text = self.tr("打印机“%1”已接受打印任务。").replace("%1", printer.printerName())
        self.show_status(text)
