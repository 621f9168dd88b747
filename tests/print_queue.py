"""A real print spooler for the tests: CUPS with a cups-pdf queue.

Debian's cups and printer-driver-cups-pdf (scripts/setup.sh installs them when run as root).
The scheduler is started here when it is not running; a job sent to the queue comes out as a
PDF in the submitting user's ~/PDF. Where CUPS cannot run, the tests that need it skip and say
why.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

QUEUE = "StationDeskPDF"
PPD = "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd"
# cups-pdf is a PostScript printer: CUPS turns the PDF into PostScript first. Its default
# renderer for that (ghostscript) drops the fonts' Unicode map, so the printed PDF's text could
# not be read back; pdftocairo keeps it. The pages look the same either way.
RENDERER = "pdftops-renderer-default=pdftocairo"


@dataclass
class CupsPdf:
    queue: str
    out: Path

    def files(self) -> set[Path]:
        return set(self.out.glob("*.pdf")) if self.out.exists() else set()

    def wait_for_new(self, before: set[Path], timeout: float = 30) -> Path:
        """The PDF the queue wrote since `before` (complete: its size has settled)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            fresh = sorted(self.files() - before, key=lambda p: p.stat().st_mtime)
            if fresh:
                size = fresh[-1].stat().st_size
                time.sleep(0.3)
                if size and fresh[-1].stat().st_size == size:
                    return fresh[-1]
            time.sleep(0.2)
        raise AssertionError(f"no PDF came out of the {self.queue} queue in {timeout} s")


def _scheduler_running() -> bool:
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        return False
    answer = subprocess.run([lpstat, "-r"], capture_output=True, text=True, timeout=10)
    return "is running" in answer.stdout and "not" not in answer.stdout


def _start_scheduler() -> None:
    cupsd = shutil.which("cupsd") or "/usr/sbin/cupsd"
    if not Path(cupsd).exists():
        pytest.skip("CUPS is not installed (Debian: cups printer-driver-cups-pdf)")
    if os.geteuid() != 0:
        pytest.skip("the CUPS scheduler is not running and only root can start it here")
    subprocess.run([cupsd], check=True, timeout=30)
    deadline = time.monotonic() + 15
    while not _scheduler_running():
        if time.monotonic() > deadline:
            pytest.skip("the CUPS scheduler did not start")
        time.sleep(0.2)


def _ensure_queue() -> None:
    listed = subprocess.run(["lpstat", "-v", QUEUE], capture_output=True, text=True, timeout=10)
    if listed.returncode == 0 and QUEUE in listed.stdout:
        subprocess.run(["lpadmin", "-p", QUEUE, "-o", RENDERER], timeout=30)
        subprocess.run(["cupsenable", QUEUE], timeout=10)
        subprocess.run(["cupsaccept", QUEUE], timeout=10)
        return
    added = subprocess.run(
        ["lpadmin", "-p", QUEUE, "-v", "cups-pdf:/", "-E", "-m", PPD, "-o", RENDERER],
        capture_output=True,
        text=True,
        timeout=30,
    )
    if added.returncode != 0:
        pytest.skip(f"the cups-pdf queue could not be added: {added.stderr.strip()}")


def cups_pdf_queue() -> CupsPdf:
    if not _scheduler_running():
        _start_scheduler()
    _ensure_queue()
    home = Path(pwd.getpwuid(os.getuid()).pw_dir)
    return CupsPdf(QUEUE, home / "PDF")


def pdf_text(path: Path) -> str:
    """The printed PDF's text, read back with PDFium. Printing sends page images with the text
    beneath them (desktop/receipts/printcopy.py): that text, and only if every page is such an
    image (drawn by PDFium, the same on every filter chain)."""
    import pypdfium2
    import pypdfium2.raw as pdfium_c

    document = pypdfium2.PdfDocument(str(path))
    for page in document:
        kinds = [obj.type for obj in page.get_objects()]
        assert pdfium_c.FPDF_PAGEOBJ_IMAGE in kinds, f"{path.name}: a page without its image"
    return "\n".join(page.get_textpage().get_text_range() for page in document)
