"""月度汇总 exported: the workbook opens with openpyxl and holds the figures; the PDF's text
(pdftotext) shows them in the embedded font."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.services import cases
from server.db import make_engine, migrate
from server.readmodel.bench_data import generate
from server.readmodel.charts import bar_chart
from server.readmodel.export import monthly_pdf, monthly_xlsx, voided_text
from server.readmodel.queries import Figures, Monthly, StationMonth, monthly

from .scenario import build


def test_xlsx_and_pdf_hold_the_month(sqlite_district, tmp_path: Path) -> None:
    built = build(sqlite_district)
    _agreed_case(built.a, built.ids["m1"])
    built.a.sync()
    with sqlite_district.engine.connect() as conn:
        month = monthly(conn, built.district_id, "2026-11")
    book = load_workbook(BytesIO(monthly_xlsx(month)))
    assert book.sheetnames == ["服务站", "帮扶项目", "走访", "新会员", "维权个案", "困难职工档案"]
    hardship = list(book["困难职工档案"].iter_rows(min_row=2, values_only=True))
    assert hardship[0][:3] == ("服务站", "在档户数", "深度困难")
    assert hardship[-1] == ("合计", 0, 0, 0, 0, 0, 0, 0, 0, 0)  # no file in this month
    cases_sheet = list(book["维权个案"].iter_rows(min_row=3, values_only=True))
    assert cases_sheet[0] == ("第1服务站", 1, 1, 1, 0, 2, 360.0)
    assert cases_sheet[-1] == ("合计", 1, 1, 1, 0, 2, 360.0)
    rows = [list(r) for r in book["服务站"].iter_rows(min_row=3, values_only=True)]
    a = next(r for r in rows if r[0] == built.a.code)
    total = rows[-1]
    assert a[3:8] == [1, 1, 123.45, 0, 1]  # visits, 人次, cash, goods, voids
    assert a[8:11] == [2, 7, 12345]  # mediation from the work log
    assert total[1] == "合计" and total[4] == 2 and total[5] == 203.45
    programs = list(book["帮扶项目"].iter_rows(min_row=3, values_only=True))
    assert programs[0][:4] == ("SWN", "两节送温暖", 2, 203.45)
    assert list(book["走访"].iter_rows(min_row=3, values_only=True)) == [("入户走访", 1)]

    pdf = monthly_pdf(month)
    assert pdf.startswith(b"%PDF")
    out = tmp_path / "monthly.pdf"
    out.write_bytes(pdf)
    if os.environ.get("STATIONDESK_KEEP_PDF"):  # to look at it: pdftoppm -png
        shutil.copy(out, os.environ["STATIONDESK_KEEP_PDF"])
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "天河区 2026年11月 工作月度汇总" in text
    assert "维权个案" in text and "360.00" in text and "困难职工档案" in text
    for figure in ("123.45", "203.45", "12,345.00", "两节送温暖", "入户走访", built.a.code):
        assert figure in text, figure
    assert a[14] in text and a[15] in text  # the first and last receipt numbers


def _agreed_case(st, member_id: str) -> None:
    """A two-worker wage case mediated to an agreement with 360 yuan recovered (issue 17)."""
    case = cases.open_case(
        st.ctx,
        cases.CaseInput(
            source="来访",
            employer="某某物流有限公司",
            dispute_type="欠薪",
            received_on="2026-11-04",
            workers=[cases.WorkerInput(member_id=member_id), cases.WorkerInput(name="李娜")],
        ),
    )
    cases.move(st.ctx, case.id, "受理", on="2026-11-05")
    cases.move(st.ctx, case.id, "调解中", on="2026-11-06")
    cases.record_recovered(st.ctx, case.id, "360")
    cases.move(st.ctx, case.id, "达成协议", on="2026-11-07", terms="一次付清")


def test_bar_chart_is_escaped_svg() -> None:
    svg = bar_chart([("入户<走访>", 3), ("电话咨询", 1)], title="走访 & 类型")
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert "入户&lt;走访&gt;" in svg and "走访 &amp; 类型" in svg
    assert svg.count("<rect") == 2
    assert "（本月无数据）" in bar_chart([])
    many = bar_chart([(f"S{i:04d}", i) for i in range(1600)], most=40)
    assert many.count("<rect") == 40 and "S1599" in many and "S1559" not in many
    assert "另有 1560 项较小" in many


def test_a_large_district_lays_out_on_many_pages(tmp_path: Path) -> None:
    """Sixty stations: the tables run over pages with their heads repeated, and the district's
    voided receipts are counted, not listed (one row listing them all outgrew a page)."""
    url = f"sqlite:///{tmp_path / 'big.sqlite3'}"
    migrate(url)
    engine = make_engine(url)
    with engine.begin() as conn:
        made = generate(conn, stations=60, months=1, today=dt.date(2026, 11, 20))
    with engine.connect() as conn:
        month = monthly(conn, made.district_id, "2026-11")
    voids = made.expected.voided["2026-11"]
    assert month.total.receipts.voided and len(month.total.receipts.voided) == voids
    out = tmp_path / "big.pdf"
    out.write_bytes(monthly_pdf(month))
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = "".join(text.split())
    assert "第2页" in flat and flat.count("服务站编码") >= 2
    assert f"共{voids}张" in flat
    assert voided_text([f"N{i}" for i in range(50)]).endswith("N39等共 50 张")


def test_hardship_figures_are_exported_per_station_and_summed() -> None:
    """The 困难职工档案 columns follow the figures (issue 16's, filled here by hand)."""
    a = StationMonth("s1", "4401060001", "第1服务站", "open")
    a.figures.hardship.by_category.update(deep=2, relative=1)
    a.figures.hardship.new, a.figures.hardship.studying = 3, 1
    b = StationMonth("s2", "4401060002", "第2服务站", "closed")
    b.figures.hardship.by_category.update(accident=1)
    b.figures.hardship.recovered = 1
    total = Figures()
    for s in (a, b):
        total.hardship.add(s.figures.hardship)
    month = Monthly("d", "2026-11", None, total, [a, b], {}, "天河区")
    book = load_workbook(BytesIO(monthly_xlsx(month)))
    rows = list(book["困难职工档案"].iter_rows(min_row=3, values_only=True))
    assert rows == [
        ("第1服务站", 3, 2, 1, 0, 3, 0, 0, 0, 1),
        ("第2服务站", 1, 0, 0, 1, 0, 1, 0, 0, 0),
        ("合计", 4, 2, 1, 1, 3, 1, 0, 0, 1),
    ]
    assert monthly_pdf(month).startswith(b"%PDF")
