"""Receipts: read the PDF back (pdftotext), render it (pdftoppm), check the embedded font."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contract.idnumber import mask
from contract.money import capitals, fen_to_yuan_text
from contract.receipt_code import make as make_verify
from desktop.receipts import Cancelled, ReceiptJob, render_receipt, render_receipts

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")

FULL_ID = "440524188001010014"
KEY = "00" * 32


def content(**over: Any) -> dict[str, Any]:
    cash, goods_value = over.pop("cash_fen", 123450), over.pop("goods_value_fen", 10000)
    number = over.pop("number", "4401060001-2026-000123")
    data: dict[str, Any] = {
        "schema": 1, "number": number, "title": "困难职工帮扶资金发放收据",
        "issued_on": "2026-11-20", "union_name": "测试街道总工会",
        "station_name": "测试街道工会服务站", "station_code": "4401060001",
        "recipient_name": "张三", "recipient_id_masked": mask(FULL_ID),
        "recipient_employer": "顺丰速运", "program_name": "2026年生活救助",
        "program_type_label": "生活救助", "cash_fen": cash,
        "goods": [{"item": "大米", "quantity": 2, "unit": "袋", "value_fen": goods_value}]
        if goods_value else [],
        "goods_value_fen": goods_value, "total_fen": cash + goods_value,
        "amount_capitals": capitals(cash + goods_value), "handler": "王社工",
        "reviewer": "赵审核", "note": "",
    }  # fmt: skip
    data.update(over)
    data["verify"] = make_verify(KEY, number=number, station_code="4401060001",
                                 total_fen=data["total_fen"], issued_on=data["issued_on"])  # fmt: skip
    return data


def pdf_text(pdf: bytes | Path, tmp_path: Path, mode: str = "-layout") -> str:
    """The PDF's text; -raw keeps drawing order, so a wrapped cell reads as one run."""
    path = pdf if isinstance(pdf, Path) else tmp_path / "r.pdf"
    if isinstance(pdf, bytes):
        path.write_bytes(pdf)
    return subprocess.run(["pdftotext", mode, str(path), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip


def fonts_of(path: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    return [line.split() for line in out.stdout.splitlines()[2:]]


@pytest.mark.parametrize("fmt", ["a4", "a5", "continuous"])
def test_receipt_text_and_font(fmt: str, tmp_path: Path) -> None:
    pdf = render_receipt(content(), fmt=fmt)
    path = tmp_path / f"{fmt}.pdf"
    path.write_bytes(pdf)
    text = pdf_text(path, tmp_path)
    assert "4401060001-2026-000123" in text
    assert "440524********0014" in text
    assert FULL_ID not in text
    assert "¥1,334.50" in text
    assert "人民币壹仟叁佰叁拾肆元伍角整" in text
    for needle in ("困难职工帮扶资金发放收据", "张三", "顺丰速运", "2026年11月20日", "王社工",
                   "赵审核", "领款人签名", "指印", "盖章", "测试街道总工会", "大米"):  # fmt: skip
        assert needle in text, needle
    copies = text.count("4401060001-2026-000123")
    assert copies == (2 if fmt == "a4" else 1)
    if fmt == "a4":
        assert "存" in text and "剪" in text
    rows = fonts_of(path)
    assert rows, "no fonts"
    assert all("STSong" not in " ".join(r) for r in rows)
    # every font is an embedded TrueType subset (emb column "yes")
    for row in rows:
        assert "TrueType" in row and row[-5] == "yes", row
    png = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(path), str(png)], check=True)
    assert list(tmp_path.glob("page*.png"))


def test_reprint_and_void_marks(tmp_path: Path) -> None:
    text = pdf_text(render_receipt(content(), copy_label="补打（第2次）"), tmp_path)
    assert "补打（第2次）" in text and "作废" not in text
    text = pdf_text(render_receipt(content(), fmt="a5", void_reason="金额录入错误"), tmp_path)
    assert "作废原因：金额录入错误" in text
    assert text.count("作废") >= 2  # label and reason (the rotated stamp extracts char by char)
    assert text.count("废") >= 3


def test_long_fields_keep_every_character(tmp_path: Path) -> None:
    goods = [{"item": f"物资{i}号", "quantity": i, "unit": "件", "value_fen": 1000 * i}
             for i in range(1, 8)]  # fmt: skip
    employer = "广州市天河区某某某某物流供应链管理有限公司第三分拣中心临时外包作业组"
    data = content(recipient_employer=employer, goods=goods, note="家属代领，已核对委托书")
    for fmt in ("a4", "a5", "continuous"):
        text = "".join(pdf_text(render_receipt(data, fmt=fmt), tmp_path, "-raw").split())
        assert employer in text, fmt
        for i in range(1, 8):
            assert f"物资{i}号" in text, (fmt, i)
        assert "家属代领，已核对委托书" in text


def test_batch_progress_and_cancel(tmp_path: Path) -> None:
    jobs = [ReceiptJob(content(number=f"4401060001-2026-{i:06d}")) for i in range(1, 31)]
    seen: list[tuple[int, int]] = []
    out = render_receipts(jobs, tmp_path / "batch.pdf", fmt="continuous",
                          progress=lambda d, t: seen.append((d, t)))  # fmt: skip
    assert seen[-1] == (30, 30) and len(seen) == 30
    text = pdf_text(out, tmp_path)
    assert "4401060001-2026-000001" in text and "4401060001-2026-000030" in text
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert re.search(r"Pages:\s+30\n", info)

    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 10

    target = tmp_path / "cancelled.pdf"
    with pytest.raises(Cancelled):
        render_receipts(jobs, target, cancelled=cancelled)
    assert not target.exists()
    assert list(tmp_path.glob(".receipts-*")) == []


def test_bad_format_and_missing_fields() -> None:
    with pytest.raises(ValueError):
        render_receipt(content(), fmt="letter")
    data = content()
    del data["verify"]
    with pytest.raises(ValueError):
        render_receipt(data)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cash=st.integers(0, 10**9), goods=st.integers(0, 10**7))
def test_capitals_in_pdf_equal_money_capitals(cash: int, goods: int, tmp_path: Path) -> None:
    data = content(cash_fen=cash, goods_value_fen=goods)
    text = pdf_text(render_receipt(data, fmt="continuous"), tmp_path)
    assert capitals(cash + goods) in text
    assert fen_to_yuan_text(cash + goods) in text
