"""Document commands: receipt PDFs, sign-off sheets, disclosure lists, the monthly report and
ledgers. Rendering lives in desktop.receipts / desktop.reports; this only reads arguments,
counts prints and audits exports."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from ..services import relief
from ..services.errors import UserFacingError
from ..services.uow import transaction
from ..services.validate import parse_date, parse_period
from .commands import _ctx


def _period(text: str) -> str:
    try:
        return parse_period(text)
    except ValueError as exc:
        raise UserFacingError(str(exc)) from None


def cmd_receipt_pdf(args: argparse.Namespace) -> dict[str, Any]:
    from ..receipts import render_receipt

    ctx = _ctx(args)
    receipt = relief.get_receipt(ctx, args.number)
    job = relief.record_print(ctx, receipt.id)
    data = render_receipt(
        job.content, fmt=args.format, copy_label=job.copy_label, void_reason=job.void_reason
    )
    Path(args.out).write_bytes(data)
    label = f"（{job.copy_label}）" if job.copy_label else ""
    return {"text": f"已生成收据 {job.number}{label}：{args.out}", "out": str(args.out)}


def cmd_report_month(args: argparse.Namespace) -> dict[str, Any]:
    from ..reports.monthly import monthly_pdf

    ctx = _ctx(args)
    period = _period(args.period)
    with ctx.read() as session:
        data = monthly_pdf(session, ctx.station_id, period)
    Path(args.out).write_bytes(data)
    return {"text": f"已生成 {period} 月报：{args.out}", "out": str(args.out)}


def cmd_report_signoff(args: argparse.Namespace) -> dict[str, Any]:
    from ..reports.signoff import signoff_pdf

    ctx = _ctx(args)
    period = _period(args.period)
    filters: dict[str, Any] = {}
    if args.campaign:
        filters["campaign"] = args.campaign
    with ctx.read() as session:
        data = signoff_pdf(session, ctx.station_id, period, **filters)
    Path(args.out).write_bytes(data)
    return {"text": f"已生成 {period} 签收表：{args.out}", "out": str(args.out)}


def cmd_report_disclosure(args: argparse.Namespace) -> dict[str, Any]:
    from ..reports.disclosure import disclosure_pdf

    ctx = _ctx(args)
    period = _period(args.period)
    try:
        start = parse_date(args.start, field="公示开始日期") or ctx.today
        end = parse_date(args.end, field="公示结束日期")
    except ValueError as exc:
        raise UserFacingError(str(exc)) from None
    with ctx.read() as session:
        try:
            data = disclosure_pdf(session, ctx.station_id, period, start=start, end=end)
        except ValueError as exc:
            raise UserFacingError(str(exc)) from None
    Path(args.out).write_bytes(data)
    return {"text": f"已生成 {period} 公示名单：{args.out}", "out": str(args.out)}


def cmd_export_ledger(args: argparse.Namespace) -> dict[str, Any]:
    from ..reports.ledger_queries import export_ledger

    ctx = _ctx(args)
    period: str | tuple[dt.date, dt.date] = args.period
    if args.period and len(args.period) > 4:
        period = _period(args.period)
    with ctx.read() as session:
        path = export_ledger(
            session, ctx.station_id, args.kind, period, Path(args.out), unmasked=args.unmasked
        )
    with transaction(ctx) as unit:
        unit.audit("export.ledger", args.kind, "", period=str(period), unmasked=bool(args.unmasked))
    masked = "（含完整敏感信息，已记入审计）" if args.unmasked else "（敏感信息已脱敏）"
    return {"text": f"已导出{args.kind}台账{masked}：{path}", "out": str(path)}


def register(sub: Any, export: Any) -> None:
    receipt = sub.add_parser("receipt", help="收据").add_subparsers(dest="action", required=True)
    p = receipt.add_parser("pdf", help="生成收据 PDF（计入打印次数，再次生成为补打）")
    p.add_argument("number")
    p.add_argument("--out", required=True)
    p.add_argument("--format", default="a4", choices=["a4", "a5", "continuous"])
    p.set_defaults(handler=cmd_receipt_pdf)

    report = sub.add_parser("report", help="报表").add_subparsers(dest="what", required=True)
    p = report.add_parser("month", help="月报 PDF")
    p.add_argument("period", help="如 2026-11")
    p.add_argument("--out", required=True)
    p.set_defaults(handler=cmd_report_month)
    p = report.add_parser("signoff", help="发放签收表（花名册）PDF")
    p.add_argument("period")
    p.add_argument("--campaign", help="只列某次集中发放")
    p.add_argument("--out", required=True)
    p.set_defaults(handler=cmd_report_signoff)
    p = report.add_parser("disclosure", help="公示名单 PDF（姓名脱敏，仅同意公示者）")
    p.add_argument("period")
    p.add_argument("--start", help="公示开始日期（默认今天）")
    p.add_argument("--end", help="公示结束日期（默认 5 个工作日）")
    p.add_argument("--out", required=True)
    p.set_defaults(handler=cmd_report_disclosure)

    ledger_parser = export.add_parser("ledger", help="台账 .xlsx（默认脱敏）")
    ledger_parser.add_argument("kind", choices=["members", "visits", "relief", "logs"])
    ledger_parser.add_argument("period", help="如 2026-11 或 2026")
    ledger_parser.add_argument("--out", required=True)
    ledger_parser.add_argument("--unmasked", action="store_true", help="不脱敏（记入审计）")
    ledger_parser.set_defaults(handler=cmd_export_ledger)
