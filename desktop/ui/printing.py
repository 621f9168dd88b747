"""Preview and print PDFs made by desktop.receipts / desktop.reports.

QtPdf is not in PySide6-Essentials, so pages are rasterised with poppler's pdftoppm (Debian
poppler-utils; bundled beside the app on Windows) and drawn on a QPrinter with QPainter.
Without pdftoppm the PDF is opened in the system viewer instead.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRect, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPainter, QPixmap
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


def pdf_pages(pdf: bytes, dpi: int = 100) -> list[QImage]:
    """Rasterise every page (empty list when pdftoppm is missing)."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        return []
    with tempfile.TemporaryDirectory(prefix="stationdesk-print-") as folder:
        source = Path(folder) / "doc.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            [tool, "-r", str(dpi), "-png", str(source), str(Path(folder) / "p")],
            check=True,
            capture_output=True,
            timeout=120,
        )
        return [QImage(str(p)) for p in sorted(Path(folder).glob("p*.png"))]


def print_images(printer: QPrinter, images: list[QImage]) -> None:
    painter = QPainter(printer)
    for index, image in enumerate(images):
        if index:
            printer.newPage()
        area = painter.viewport()
        size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
        painter.setViewport(QRect(area.x(), area.y(), size.width(), size.height()))
        painter.setWindow(image.rect())
        painter.drawImage(0, 0, image)
        painter.setViewport(area)
    painter.end()


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
    """Shows the pages; "打印" may first ask for the bytes to print (a counted print, 补打)."""

    def __init__(
        self,
        pdf: bytes,
        title: str,
        *,
        parent: QWidget | None = None,
        on_print: Callable[[], bytes | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.pdf, self.on_print = pdf, on_print
        self.setWindowTitle(title)
        self.resize(900, 700)
        layout = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        holder = QWidget()
        pages = QVBoxLayout(holder)
        self.images = pdf_pages(pdf)
        for image in self.images:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            pages.addWidget(label)
        if not self.images:
            pages.addWidget(
                QLabel(
                    self.tr(
                        "本机无法在程序内预览。请点“用其他程序打开”，在打开的程序里查看和打印。"
                    )
                )
            )
        scroll.setWidget(holder)
        layout.addWidget(scroll, 1)
        row = QHBoxLayout()
        self.status = QLabel()
        save = QPushButton(self.tr("另存为 PDF…"))
        save.clicked.connect(self.save_as)
        external = QPushButton(self.tr("用其他程序打开"))
        external.clicked.connect(lambda: open_externally(self.pdf))
        self.print_button = QPushButton(self.tr("打印"))
        self.print_button.setObjectName("Primary")
        self.print_button.clicked.connect(self.print_)
        row.addWidget(self.status, 1)
        for button in (save, external, self.print_button):
            row.addWidget(button)
        layout.addLayout(row)

    def save_as(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存 PDF"), "", "PDF (*.pdf)")
        if path:
            Path(path).write_bytes(self.pdf)

    def print_(self, printer: QPrinter | None = None) -> bool:
        """Ask for the printer first: a cancelled print dialog records no print."""
        if printer is None and shutil.which("pdftoppm"):
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            chosen = default_printer()
            if chosen:
                printer.setPrinterName(chosen)
            dialog = QPrintDialog(printer, self)
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            dialog.deleteLater()  # not brought back by an idle lock that cancelled it
            if not accepted:
                return False
        pdf = self.on_print() if self.on_print else self.pdf
        if pdf is None:
            return False
        images = pdf_pages(pdf, dpi=200)
        if not images or printer is None:
            open_externally(pdf)
            return True
        print_images(printer, images)
        self.status.setText(self.tr("已发送到打印机"))
        return True
