"""Reports from the tables: sign-off sheet, disclosure list, monthly report, ledgers."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlmodel import Session

from contract.money import capitals
from desktop.models import FundProgram, Member, Receipt, ReliefDistribution, StationLog, Visit
from desktop.reports.common import mask_name
from desktop.reports.disclosure import (
    DisclosureRow,
    disclosure_end,
    disclosure_pdf,
    disclosure_rows,
    render_disclosure,
    working_days,
)  # fmt: skip
from desktop.reports.ledger_queries import export_ledger
from desktop.reports.monthly import build_month_summary, monthly_pdf
from desktop.reports.signoff import SignoffRow, render_signoff, signoff_pdf, signoff_rows

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")

IDS = ["440524188001010014", "11010519491231002X"]
DAY = dt.date(2026, 11, 20)


def text_of(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True)  # fmt: skip
    return out.stdout


def pages_of(pdf: bytes, tmp_path: Path) -> int:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def seed(ctx: Any) -> dict[str, Any]:
    """Two members (one consenting to disclosure), a program, three hand-outs (one void)."""
    sid, staff = ctx.station_id, ctx.actor.staff_id
    with Session(ctx.engine) as s:
        zhang = Member(station_id=sid, name="张三丰", id_number=IDS[0], employer="顺丰速运",
                       consent_disclosure_on=DAY, hardship_category="deep",
                       bank_account="6222020200112233445", job_group="courier")  # fmt: skip
        li = Member(station_id=sid, name="李四", id_number=IDS[1], employer="美团")
        program = FundProgram(station_id=sid, code="LIV", year=2026, name="2026年生活救助",
                              program_type="living")  # fmt: skip
        s.add_all([zhang, li, program])
        s.flush()
        reliefs = []
        for n, (member, cash, status) in enumerate(
            [(zhang, 123450, "issued"), (li, 50000, "issued"), (li, 7000, "void")], start=1
        ):
            r = ReliefDistribution(station_id=sid, member_id=member.id, program_id=program.id,
                                   cash_fen=cash, issued_on=DAY, period="2026-11",
                                   handler_id=staff or "", status=status,
                                   goods=[{"item": "大米", "quantity": 2, "unit": "袋", "value_fen": 10000}]
                                   if n == 1 else [], goods_value_fen=10000 if n == 1 else 0,
                                   void_reason="录错" if status == "void" else "")  # fmt: skip
            s.add(r)
            s.flush()
            receipt = Receipt(station_id=sid, number=f"4401060001-2026-{n:06d}", year=2026,
                              serial=n, distribution_id=r.id, issued_on=DAY, content={},
                              content_hash="x", voided=status == "void",
                              void_reason=r.void_reason)  # fmt: skip
            s.add(receipt)
            r.receipt_id = receipt.id
            reliefs.append(r)
        s.add(Visit(station_id=sid, visit_type="home", visited_on=DAY, staff_id=staff or "",
                    member_ids=[zhang.id, li.id], purpose="入户了解情况"))  # fmt: skip
        s.add(Visit(station_id=sid, visit_type="hospital", visited_on=DAY, staff_id=staff or "",
                    member_ids=[li.id]))  # fmt: skip
        s.add(StationLog(station_id=sid, log_date=DAY, staff_id=staff or "", category="mediation",
                         mediations=2, workers_involved=9, amount_recovered_fen=4560000))  # fmt: skip
        s.add(StationLog(station_id=sid, log_date=DAY, staff_id=staff or "",
                         category="consultation", topic="wage_arrears", consultations=3))  # fmt: skip
        s.add(StationLog(station_id=sid, log_date=DAY, staff_id=staff or "",
                         category="recruitment", job_group="food_delivery", new_members=7))  # fmt: skip
        s.commit()
        return {"program_id": program.id}


@pytest.mark.parametrize("which", ["signoff", "disclosure", "monthly"])
def test_reports_embed_only_the_shipped_font(ctx: Any, tmp_path: Path, which: str) -> None:
    seed(ctx)
    with Session(ctx.engine) as s:
        if which == "signoff":
            pdf = signoff_pdf(s, ctx.station_id, "2026-11")
        elif which == "disclosure":
            pdf = disclosure_pdf(s, ctx.station_id, "2026-11", start=dt.date(2026, 11, 23))
        else:
            pdf = monthly_pdf(s, ctx.station_id, "2026-11")
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = [line.split() for line in out.stdout.splitlines()[2:]]
    assert rows and all("TrueType" in r and r[-5] == "yes" for r in rows), out.stdout
    assert "STSong" not in out.stdout and "Helvetica" not in out.stdout


def test_mask_name() -> None:
    assert mask_name("张三丰") == "张*丰"
    assert mask_name("张三") == "张*"
    assert mask_name("欧阳娜娜") == "欧**娜"
    assert mask_name("张") == "张"


def test_signoff_from_tables(ctx: Any, tmp_path: Path) -> None:
    seed(ctx)
    with Session(ctx.engine) as s:
        rows = signoff_rows(s, ctx.station_id, "2026-11")
        pdf = signoff_pdf(s, ctx.station_id, "2026-11")
    assert [r.amount_fen for r in rows] == [133450, 50000]  # the void one is left out
    text = text_of(pdf, tmp_path)
    assert "440524********0014" in text and IDS[0] not in text and IDS[1] not in text
    assert "1,834.50" in text and capitals(183450) in text
    assert "领取人签名" in text and "本页小计" in text


def test_signoff_many_pages_repeat_header_and_subtotals(tmp_path: Path) -> None:
    rows = [SignoffRow(f"职工{i}", "440524********0014", "2026年两节送温暖", 10000 + i)
            for i in range(70)]  # fmt: skip
    pdf = render_signoff(rows, station_name="测试街道工会服务站", period_text="2026年11月")
    pages = pages_of(pdf, tmp_path)
    assert pages >= 3
    text = text_of(pdf, tmp_path)
    assert text.count("领取人签名") == pages
    assert text.count("本页小计") == pages
    total = sum(r.amount_fen for r in rows)
    assert capitals(total) in text
    assert f"第{pages}页共{pages}页" in "".join(text.split())


def test_disclosure_only_consenting_and_masked(ctx: Any, tmp_path: Path) -> None:
    seed(ctx)
    start = dt.date(2026, 11, 23)
    with Session(ctx.engine) as s:
        rows = disclosure_rows(s, ctx.station_id, "2026-11")
        pdf = disclosure_pdf(s, ctx.station_id, "2026-11", start=start)
    assert [r.name for r in rows] == ["张三丰"]
    text = text_of(pdf, tmp_path)
    assert "张*丰" in text and "张三丰" not in text and "李" not in text
    assert "440524" not in text
    assert "2026年11月23日至2026年11月27日（5个工作日）" in "".join(text.split())


def test_disclosure_period_at_least_five_working_days() -> None:
    friday = dt.date(2026, 11, 20)
    assert disclosure_end(friday) == dt.date(2026, 11, 26)
    assert working_days(friday, dt.date(2026, 11, 26)) == 5
    with pytest.raises(ValueError):
        render_disclosure(
            [DisclosureRow("张三", "x", 100)], start=friday, end=dt.date(2026, 11, 25)
        )


def test_month_summary_and_pdf(ctx: Any, tmp_path: Path) -> None:
    seed(ctx)
    with Session(ctx.engine) as s:
        summary = build_month_summary(s, ctx.station_id, "2026-11")
        pdf = monthly_pdf(s, ctx.station_id, "2026-11")
    assert summary["visits"]["households"] == 2 and summary["visits"]["times"] == 3
    assert summary["relief"]["count"] == 2
    assert summary["relief"]["cash_fen"] == 173450
    assert summary["relief"]["goods_value_fen"] == 10000
    assert summary["mediations"] == {"cases": 2, "workers": 9, "recovered_fen": 4560000}
    assert summary["consultations"]["total"] == 3
    assert summary["new_members"]["rows"][0]["label"] == "外卖骑手"
    assert summary["receipts"]["first"].endswith("000001")
    assert summary["receipts"]["last"].endswith("000003")
    assert summary["receipts"]["voided"] == [{"number": "4401060001-2026-000003", "reason": "录错"}]
    text = text_of(pdf, tmp_path)
    for needle in (
        "工作月报",
        "入户走访",
        "45,600.00",
        "外卖骑手",
        "4401060001-2026-000003",
        "欠薪",
    ):
        assert needle in text, needle


def test_ledgers_masked_by_default(ctx: Any, tmp_path: Path) -> None:
    seed(ctx)
    with Session(ctx.engine) as s:
        members = export_ledger(s, ctx.station_id, "members", "2026-11", tmp_path / "m.xlsx")
        unmasked = export_ledger(s, ctx.station_id, "members", "2026-11", tmp_path / "u.xlsx",
                                 unmasked=True)  # fmt: skip
        relief = export_ledger(s, ctx.station_id, "relief", "2026-11", tmp_path / "r.xlsx")
        for kind in ("visits", "logs"):
            export_ledger(s, ctx.station_id, kind, "2026-11", tmp_path / f"{kind}.xlsx")
    ws = load_workbook(members).active
    assert ws.freeze_panes == "A2"
    header = [c.value for c in ws[1]]
    assert header[0] == "姓名" and "身份证号" in header
    values = [str(c.value) for row in ws.iter_rows(min_row=2) for c in row if c.value is not None]
    assert IDS[0] not in values and "440524********0014" in values
    assert "6222020200112233445" not in values and "深度困难" not in values
    assert ws.column_dimensions["F"].width >= 20
    ws_u = load_workbook(unmasked).active
    values_u = [str(c.value) for row in ws_u.iter_rows(min_row=2) for c in row]
    assert IDS[0] in values_u and "深度困难" in values_u
    ws_r = load_workbook(relief).active
    header = [c.value for c in ws_r[1]]
    cash_col = header.index("现金（元）")
    cash_cells = [row[cash_col] for row in ws_r.iter_rows(min_row=2)]
    assert cash_cells[0].value == pytest.approx(1234.50)
    assert cash_cells[0].number_format == "0.00"
    assert isinstance(cash_cells[0].value, float | int)


def test_ledger_unknown_kind(ctx: Any, tmp_path: Path) -> None:
    with Session(ctx.engine) as s, pytest.raises(ValueError):
        export_ledger(s, ctx.station_id, "nope", "2026-11", tmp_path / "x.xlsx")
