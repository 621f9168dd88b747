"""Timings of the documents beside a floor measured in the same run (`stationdesk bench`).

Why a floor: absolute seconds depend on the machine; the floor is bare reportlab (a canvas
drawing the same strings with the same embedded font, one page per receipt) or bare openpyxl
(write-only, the same cell values, no styles), so "within 2x of the floor" says our layout
code costs little beyond what the libraries must do anyway.
"""

from __future__ import annotations

import io
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from contract.money import capitals, fen_to_yuan_text

from ..receipts import ReceiptJob, render_receipt, render_receipts
from ..receipts.fonts import register
from .ledgers import LEDGERS, write_ledger
from .monthly import render_monthly


def sample_receipt(serial: int = 123) -> dict[str, Any]:
    number = f"4401060001-2026-{serial:06d}"
    return {
        "schema": 1, "number": number, "title": "困难职工帮扶资金发放收据",
        "issued_on": "2026-11-20", "union_name": "测试街道总工会",
        "station_name": "测试街道工会服务站", "station_code": "4401060001",
        "recipient_name": "张三", "recipient_id_masked": "440524********0014",
        "recipient_employer": "顺丰速运", "program_name": "2026年生活救助",
        "program_type_label": "生活救助", "cash_fen": 123450,
        "goods": [{"item": "大米", "quantity": 2, "unit": "袋", "value_fen": 10000}],
        "goods_value_fen": 10000, "total_fen": 133450,
        "amount_capitals": capitals(133450), "handler": "王社工", "reviewer": "赵审核",
        "note": "", "verify": f"SD1|{number}|4401060001|133450|2026-11-20|ABCDEFGHIJKLMNOP",
    }  # fmt: skip


def receipt_strings(content: dict[str, Any]) -> list[str]:
    """The strings one copy of a receipt shows (the floor draws these)."""
    return [
        content["title"], f"No. {content['number']}",
        f"开具单位：{content['union_name']}　{content['station_name']}", "开具日期：2026年11月20日",
        "领款人", content["recipient_name"], "身份证号", content["recipient_id_masked"],
        "工作单位", content["recipient_employer"], "帮扶项目", content["program_name"],
        "金额（小写）", fen_to_yuan_text(content["total_fen"]), "金额（大写）",
        content["amount_capitals"], "物资明细", "大米 2袋 ¥100.00", "扫码核验真伪",
        f"经办人：{content['handler']}", f"审核人：{content['reviewer']}", "领款人签名：", "指印",
        "（盖章）",
    ]  # fmt: skip


def _floor_pdf(pages: list[list[str]], target: Any) -> None:
    font = register()
    c = Canvas(target, pagesize=A4, pageCompression=1, initialFontName=font)
    for strings in pages:
        c.setFont(font, 10)
        for i, text in enumerate(strings):
            c.drawString(40 + (i % 2) * 260, 800 - (i // 2) * 14, text)
        c.showPage()
    c.save()


def _time(fn: Callable[[], object], repeat: int = 1) -> float:
    best = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best.append(time.perf_counter() - start)
    return min(best)


def _monthly_summary() -> dict[str, Any]:
    rows = [
        ("home", "入户走访"),
        ("festival", "节日慰问走访"),
        ("hospital", "医院探视"),
        ("phone", "电话咨询"),
    ]
    return {
        "schema": 1, "period": "2026-11",
        "station": {"name": "测试街道工会服务站", "code": "4401060001", "union_name": "测试街道总工会"},
        "visits": {"rows": [{"type": t, "label": label, "times": 10 + i, "households": 8 + i}
                            for i, (t, label) in enumerate(rows)], "times": 46, "households": 38},
        "relief": {"rows": [{"program_id": "p", "program": "2026年生活救助", "type_label": "生活救助",
                             "count": 12, "cash_fen": 1200000, "goods_value_fen": 0}],
                   "count": 12, "cash_fen": 1200000, "goods_value_fen": 0},
        "consultations": {"rows": [{"topic": "wage_arrears", "label": "欠薪", "count": 9}], "total": 9},
        "mediations": {"cases": 3, "workers": 17, "recovered_fen": 8650000},
        "new_members": {"rows": [{"job_group": "courier", "label": "快递员", "count": 8}], "total": 8},
        "services": {"visitors": 45, "rest_station": 320},
        "receipts": {"count": 12, "first": "4401060001-2026-000101", "last": "4401060001-2026-000112",
                     "voided": []},
    }  # fmt: skip


def _monthly_strings(summary: dict[str, Any]) -> list[str]:
    out: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        else:
            out.append(str(value))

    walk(summary)
    return out


def _ledger_rows(n: int) -> list[dict[str, Any]]:
    import datetime as dt

    day = dt.date(2026, 11, 20)
    return [{
        "issued_on": day, "receipt": f"4401060001-2026-{i:06d}", "name": "张三",
        "id_number": "440524188001010014", "program": "2026年生活救助", "cash_fen": 123450 + i,
        "goods_value_fen": 10000, "total_fen": 133450 + i, "goods": "大米2袋（¥100.00）",
        "handler": "王社工", "reviewer": "赵审核", "status": "已发放", "void_reason": "",
    } for i in range(n)]  # fmt: skip


def bench_documents(
    receipts: int = 500, ledger_rows: int = 10_000
) -> list[tuple[str, float, float]]:
    """[(name, seconds, floor_seconds)] for one receipt, a batch, the monthly report, a ledger."""
    register()
    results: list[tuple[str, float, float]] = []
    content = sample_receipt()
    strings = receipt_strings(content)
    render_receipt(content)  # warm-up: font subset tables, caches
    _floor_pdf([strings * 2], io.BytesIO())
    one = [_time(lambda: render_receipt(content)) for _ in range(15)]
    one_floor = [_time(lambda: _floor_pdf([strings * 2], io.BytesIO())) for _ in range(15)]
    results.append(("收据 1 张（A4 两联）", statistics.median(one), statistics.median(one_floor)))

    jobs = [ReceiptJob(sample_receipt(i)) for i in range(1, receipts + 1)]
    pages = [receipt_strings(job.content) * 2 for job in jobs]
    with tempfile.TemporaryDirectory() as tmp:
        batch = _time(lambda: render_receipts(jobs, Path(tmp) / "batch.pdf", fmt="a4"), 2)
        floor = _time(lambda: _floor_pdf(pages, str(Path(tmp) / "floor.pdf")), 2)
        results.append((f"收据 {receipts} 张一个 PDF（A4 两联）", batch, floor))

        summary = _monthly_summary()
        render_monthly(summary)
        month = _time(lambda: render_monthly(summary), 3)
        month_floor = _time(lambda: _floor_pdf([_monthly_strings(summary)], io.BytesIO()), 3)
        results.append(("月报 PDF", month, month_floor))

        rows = _ledger_rows(ledger_rows)
        keys = [c.key for c in LEDGERS["relief"][1]]

        def bare() -> None:
            wb = Workbook(write_only=True)
            ws = wb.create_sheet("floor")
            ws.append([c.header for c in LEDGERS["relief"][1]])
            for row in rows:
                ws.append([row[k] for k in keys])
            wb.save(Path(tmp) / "floor.xlsx")

        ledger = _time(lambda: write_ledger("relief", rows, Path(tmp) / "ledger.xlsx"), 2)
        results.append((f"台账 {ledger_rows} 行 .xlsx", ledger, _time(bare, 2)))
    return results


def format_results(results: list[tuple[str, float, float]]) -> str:
    lines = []
    for name, seconds, floor in results:
        ratio = seconds / floor if floor else float("inf")
        unit = (f"{seconds * 1000:.1f} ms", f"{floor * 1000:.1f} ms") if seconds < 0.1 else (
            f"{seconds:.2f} s", f"{floor:.2f} s")  # fmt: skip
        lines.append(f"{name}: {unit[0]}（基线 {unit[1]}，{ratio:.1f} 倍）")
    return "\n".join(lines)


if __name__ == "__main__":
    print(format_results(bench_documents()))
