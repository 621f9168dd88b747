"""Listing and correcting visits and work-log entries from the command line: the same services
as the window's 修改 and 作废 (desktop/services/corrections.py), in an open month only."""

from __future__ import annotations

import argparse
from dataclasses import fields
from typing import Any

from ..services import corrections, logs, visits
from ..services.validate import period_of
from .commands import _ctx, _member_ref, _money


def cmd_visit_list(args: argparse.Namespace) -> dict[str, Any]:
    ctx = _ctx(args)
    rows = visits.list_visits(ctx, period=args.period or period_of(ctx.today))
    lines = [
        f"{v.id}  {v.visited_on}  {v.visit_type}  {len(v.member_ids)} 人  {v.purpose}"
        + (f"  【已作废：{v.void_reason}】" if v.deleted else "")
        for v in rows
    ]
    return {"text": "\n".join(lines) or "没有走访记录", "ids": [v.id for v in rows]}


def cmd_visit_edit(args: argparse.Namespace) -> dict[str, Any]:
    ctx = _ctx(args)
    visit = visits.get_visit(ctx, args.id)
    data = visits.VisitInput(
        [_member_ref(ctx, ref) for ref in args.member] if args.member else list(visit.member_ids),
        args.type or visit.visit_type,
        visited_on=args.date or visit.visited_on,
        purpose=visit.purpose if args.purpose is None else args.purpose,
        findings=visit.findings if args.findings is None else args.findings,
        followup_needed=visit.followup_needed,
        followup_due=visit.followup_due,
    )
    edited = corrections.edit_visit(ctx, args.id, data)
    return {"text": f"已修改走访 {edited.id}（{edited.visited_on}）", "id": edited.id}


def cmd_visit_void(args: argparse.Namespace) -> dict[str, Any]:
    voided = corrections.void_visit(_ctx(args), args.id, args.reason)
    return {"text": f"已作废走访 {voided.id}：{voided.void_reason}", "id": voided.id}


def cmd_log_list(args: argparse.Namespace) -> dict[str, Any]:
    ctx = _ctx(args)
    rows = logs.list_logs(ctx, period=args.period or period_of(ctx.today))
    lines = [
        f"{e.id}  {e.log_date}  {e.category}  接待 {e.visitors} 咨询 {e.consultations}  {e.text}"
        + (f"  【已作废：{e.void_reason}】" if e.deleted else "")
        for e in rows
    ]
    return {"text": "\n".join(lines) or "没有工作日志", "ids": [e.id for e in rows]}


COUNTS = ("visitors", "consultations", "mediations", "workers_involved", "new_members", "services")


def cmd_log_edit(args: argparse.Namespace) -> dict[str, Any]:
    ctx = _ctx(args)
    entry = next((e for e in logs.list_logs(ctx) if e.id == args.id), None)
    if entry is None:
        from ..services.errors import NotFound

        raise NotFound("工作日志不存在")
    current = {f.name: getattr(entry, f.name) for f in fields(logs.LogInput)}
    current["log_date"] = args.date or entry.log_date
    for name in COUNTS:
        if getattr(args, name) is not None:
            current[name] = getattr(args, name)
    if args.recovered is not None:
        current["amount_recovered_fen"] = _money(args.recovered, "追回金额")
    if args.text is not None:
        current["text"] = args.text
    edited = corrections.edit_log(ctx, args.id, logs.LogInput(**current))
    return {"text": f"已修改日志 {edited.id}（{edited.log_date}）", "id": edited.id}


def cmd_log_void(args: argparse.Namespace) -> dict[str, Any]:
    voided = corrections.void_log(_ctx(args), args.id, args.reason)
    return {"text": f"已作废日志 {voided.id}：{voided.void_reason}", "id": voided.id}


def register(visit: Any, log: Any) -> None:
    """Under `stationdesk visit` and `stationdesk log`: list, edit, void."""
    p = visit.add_parser("list", help="列出走访（默认本月），含编号")
    p.add_argument("--period", help="月份 YYYY-MM")
    p.set_defaults(handler=cmd_visit_list)
    p = visit.add_parser("edit", help="修改走访（未月结的月份，记入审计）")
    p.add_argument("id")
    p.add_argument("--member", action="append", help="走访对象（可多次；不填不变）")
    p.add_argument("--type")
    p.add_argument("--date")
    p.add_argument("--purpose")
    p.add_argument("--findings")
    p.set_defaults(handler=cmd_visit_edit)
    p = visit.add_parser("void", help="作废走访（需说明原因）")
    p.add_argument("id")
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=cmd_visit_void)
    p = log.add_parser("list", help="列出工作日志（默认本月），含编号")
    p.add_argument("--period", help="月份 YYYY-MM")
    p.set_defaults(handler=cmd_log_list)
    p = log.add_parser("edit", help="修改工作日志（未月结的月份，记入审计）")
    p.add_argument("id")
    p.add_argument("--date")
    for name in COUNTS:
        p.add_argument(f"--{name.replace('_', '-')}", dest=name, type=int)
    p.add_argument("--recovered", help="追回金额（元）")
    p.add_argument("--text")
    p.set_defaults(handler=cmd_log_edit)
    p = log.add_parser("void", help="作废工作日志（需说明原因）")
    p.add_argument("id")
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=cmd_log_void)
