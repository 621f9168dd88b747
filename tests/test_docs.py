"""Documents end to end: service-issued receipts render; the QR decodes; the bench runs."""

from __future__ import annotations

import random
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from reportlab.graphics.barcode import qrencoder

from contract.receipt_code import parse as parse_verify
from desktop.receipts import render_receipt
from desktop.receipts.qr import MASK_PATTERN, matrix

HAS_POPPLER = shutil.which("pdftotext") is not None


def test_qr_matrix_equals_reportlab_encoder() -> None:
    rng = random.Random(7)
    for length in (1, 17, 80, 120, 300):
        text = "".join(rng.choice("SD1|0123456789-ABCZ张") for _ in range(length))
        code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        code.addData(text)
        code.version = code.calculate_version()
        code.makeImpl(False, MASK_PATTERN)
        expected = tuple("".join("1" if m else "0" for m in row) for row in code.modules)
        assert matrix(text) == expected, length


@pytest.mark.skipif(shutil.which("zbarimg") is None or not HAS_POPPLER, reason="zbar-tools missing")
@pytest.mark.parametrize("fmt", ["a4", "a5", "continuous"])
def test_qr_decodes_from_rendered_page(fmt: str, tmp_path: Path) -> None:
    verify = "SD1|4401060001-2026-000123|4401060001|133450|2026-11-20|ABCDEFGHIJKLMNOP"
    from desktop.reports.bench import sample_receipt

    data = sample_receipt()
    data["verify"] = verify
    (tmp_path / "r.pdf").write_bytes(render_receipt(data, fmt=fmt))
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(tmp_path / "r.pdf"), str(tmp_path / "p")],
                   check=True)  # fmt: skip
    png = sorted(tmp_path.glob("p*.png"))[0]
    out = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True)
    assert verify in out.stdout.splitlines()


@pytest.mark.skipif(not HAS_POPPLER, reason="poppler-utils missing")
def test_service_issued_receipt_renders(ctx: Any, head_ctx: Any, tmp_path: Path) -> None:
    """The relief service's frozen content is exactly what the renderer takes."""
    relief = pytest.importorskip("desktop.services.relief")
    programs = pytest.importorskip("desktop.services.programs")
    members = pytest.importorskip("desktop.services.members")
    program = programs.add_program(head_ctx, programs.ProgramInput(
        code="LIV", year=2026, name="2026年生活救助", program_type="living",
        receipt_title="困难职工帮扶资金发放收据"))  # fmt: skip
    member = members.add_member(ctx, members.MemberInput(
        name="张三", id_number="440524188001010014", employer="顺丰速运"))  # fmt: skip
    dist, receipt = relief.issue(ctx, relief.ReliefInput(
        member_id=member.id, program_id=program.id, cash_fen=123450,
        goods=[relief.GoodsLine("大米", 2, "袋", 10000)]))  # fmt: skip
    first = relief.record_print(ctx, receipt.id)
    again = relief.record_print(ctx, receipt.id)
    for job in (first, again):
        pdf = render_receipt(job.content, copy_label=job.copy_label, void_reason=job.void_reason)
        (tmp_path / "r.pdf").write_bytes(pdf)
        text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "r.pdf"), "-"],
                              capture_output=True, text=True, check=True).stdout  # fmt: skip
        assert receipt.number in text and "440524********0014" in text
        assert "440524188001010014" not in text
        assert "¥1,334.50" in text and "人民币壹仟叁佰叁拾肆元伍角整" in text
    assert "补打（第1次）" in text
    assert parse_verify(receipt.content["verify"])["number"] == receipt.number


def test_bench_runs_small() -> None:
    from desktop.reports.bench import bench_documents, format_results

    results = bench_documents(receipts=10, ledger_rows=200)
    assert len(results) == 4
    assert all(seconds > 0 and floor > 0 for _, seconds, floor in results)
    assert "倍" in format_results(results)


def test_shipped_font_is_truetype_with_rare_name_characters() -> None:
    from fontTools.ttLib import TTFont

    from desktop.receipts.fonts import font_path

    path = Path(font_path())
    assert path.exists() and path.stat().st_size < 4_000_000
    assert (path.parent / "LICENSE-wqy-microhei.txt").exists()
    font = TTFont(str(path), lazy=True)
    assert "glyf" in font  # TrueType outlines: reportlab cannot embed CFF
    cmap = font.getBestCmap()
    for ch in "堃玥¥（），。张三丰壹仟佰拾元角分整作废补打":
        assert ord(ch) in cmap, ch
