"""Core commands: init, demo, members, visits, relief, logs, month close, export, bench.

Staff, programs, backup and audit: station_admin.py."""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from contract import idnumber as idn
from contract.money import fen_to_yuan_text, parse_yuan

from ..services import logs, members, monthclose, programs, relief, roster, search, staff, visits
from ..services.context import Ctx
from ..services.errors import NotFound, UserFacingError
from ..store import has_data
from . import login


def _engine(args: argparse.Namespace) -> Engine:
    """The station file, unlocked by the command's login (see cli/login.py)."""
    return login.opened(args).engine  # type: ignore[no-any-return]


def _ctx(args: argparse.Namespace) -> Ctx:
    """Acting as the logged-in staff member, with their role."""
    return login.opened(args).ctx  # type: ignore[no-any-return]


def _money(text: str | None, field: str) -> int:
    from contract.money import MoneyError

    if not text:
        return 0
    try:
        return parse_yuan(text, field=field)
    except MoneyError as exc:
        raise UserFacingError(str(exc)) from None


def _member_ref(ctx: Ctx, ref: str) -> str:
    """A member by record id, full ID number, or a search that finds exactly one."""
    try:
        return members.get_member(ctx, ref).id
    except NotFound:
        pass
    if idn.is_valid(ref):
        found = members.find_by_id_number(ctx, idn.normalise(ref))
        if found:
            return found.id
    hits = search.search_members(ctx, ref, limit=2)
    if len(hits) == 1:
        return hits[0].id
    raise UserFacingError(f"找不到唯一的会员“{ref}”（可用身份证号或会员编号）")


def cmd_init(args: argparse.Namespace) -> dict[str, Any]:
    """A new, encrypted station file with its head's account and a recovery code."""
    from ..services.unlock import new_store

    if has_data(Path(args.db)):
        raise UserFacingError(f"数据库 {args.db} 已存在，不能重复初始化")
    if not args.head_user:
        raise UserFacingError("初始化需要站长账号：请加 --head-user 登录名（数据用其密码加密）")
    password = args.head_password or login.ask_password(f"{args.head_user} 的密码：")
    engine = new_store(Path(args.db))
    ctx = staff.init_station(
        engine,
        code=args.code,
        name=args.name,
        district_code=args.district_code or "",
        district_name=args.district_name or "",
        union_name=args.union_name or "",
    )
    staff.add_staff(
        ctx,
        username=args.head_user,
        display_name=args.head_name or args.head_user,
        role="station_head",
        password=password,
    )
    login.say_recovery_code(staff.new_recovery_code(ctx))
    return {
        "text": f"已初始化服务站 {args.name}（{args.code}），数据库：{args.db}",
        "station_id": ctx.station_id,
        "db": str(args.db),
    }


def cmd_demo(args: argparse.Namespace) -> dict[str, Any]:
    from ..services.demo import DEMO_PASSWORD, create_demo

    if args.members < 0 or args.members > 100_000:
        raise UserFacingError("演示会员数应在 0 到 100000 之间")
    if Path(args.db).exists() and Path(args.db).stat().st_size > 0:
        raise UserFacingError(f"数据库 {args.db} 已存在；演示数据请用新的 --db 文件")
    ctx = create_demo(
        args.db,
        members=args.members,
        progress=None if args.json else lambda t: print(t, file=sys.stderr),
    )
    return {
        "text": f"演示服务站已创建：{args.db}\n会员 {search.count_members(ctx)} 名；"
        f"登录名 head（站长）/ worker（社工），密码 {DEMO_PASSWORD}",
        "members": search.count_members(ctx),
        "db": str(args.db),
    }


def cmd_import(args: argparse.Namespace) -> dict[str, Any]:
    ctx = _ctx(args)
    preview = roster.preview_import(ctx, args.file)
    lines = [
        f"可导入：新增 {len(preview.new)} 人，更新 {len(preview.updates)} 人，"
        f"无变化 {preview.unchanged} 人；有问题的行 {len(preview.bad)} 行"
    ]
    lines += [f"  第 {b.row} 行 {b.name}：{b.reason}" for b in preview.bad[:200]]
    lines += [f"提示：{w}" for w in preview.warnings]
    lines += [f"  提示 第 {w.row} 行 {w.name}：{w.reason}" for w in preview.warned[:200]]
    result: dict[str, Any] = {
        "new": len(preview.new),
        "updates": len(preview.updates),
        "unchanged": preview.unchanged,
        "bad": [{"row": b.row, "reason": b.reason} for b in preview.bad],
        "warnings": [{"row": w.row, "reason": w.reason} for w in preview.warned],
    }
    if not args.yes:
        lines.append("未写入任何数据。确认无误后加 --yes 导入。")
    else:
        roster.apply_import(ctx, preview)
        lines.append("已导入。")
        result["applied"] = True
    result["text"] = "\n".join(lines)
    return result


def cmd_search(args: argparse.Namespace) -> dict[str, Any]:
    rows = search.search_members(_ctx(args), args.text, limit=args.limit)
    text = (
        "\n".join(f"{r.name}\t{r.id_masked}\t{r.phone_masked}\t{r.employer}\t{r.id}" for r in rows)
        or "没有找到会员"
    )
    return {"text": text, "members": [r.__dict__ for r in rows]}


def cmd_member_add(args: argparse.Namespace) -> dict[str, Any]:
    data = members.MemberInput(
        name=args.name,
        id_number=args.id_number,
        phone=args.phone or "",
        employer=args.employer or "",
        job_group=args.job_group or "",
        hardship_category=args.hardship or "",
    )
    member = members.add_member(_ctx(args), data)
    text = f"已登记会员 {member.name}（{idn.mask(member.id_number)}）"
    text += "".join(f"\n提示：{w}" for w in data.warnings)  # e.g. an unknown region code
    return {"text": text, "id": member.id, "warnings": data.warnings}


def cmd_visit_add(args: argparse.Namespace) -> dict[str, Any]:
    ctx = _ctx(args)
    ids = [_member_ref(ctx, ref) for ref in args.member]
    visit = visits.add_visit(
        ctx,
        visits.VisitInput(
            ids,
            args.type,
            visited_on=args.date,
            purpose=args.purpose or "",
            findings=args.findings or "",
            followup_needed=bool(args.followup_due),
            followup_due=args.followup_due,
        ),
    )
    return {"text": f"已登记走访（{len(ids)} 人），编号 {visit.id}", "id": visit.id}


def _goods(specs: list[str]) -> list[relief.GoodsLine]:
    lines = []
    for spec in specs or []:
        parts = [p.strip() for p in spec.replace("，", ",").split(",")]
        if len(parts) != 4:
            raise UserFacingError(f"物资“{spec}”格式应为：名称,数量,单位,价值（元）")
        try:
            quantity = float(parts[1])
        except ValueError:
            raise UserFacingError(f"物资“{spec}”的数量不是数字") from None
        lines.append(relief.GoodsLine(parts[0], quantity, parts[2], _money(parts[3], "物资价值")))
    return lines


def cmd_relief_issue(args: argparse.Namespace) -> dict[str, Any]:
    from ..services.validate import parse_date

    ctx = _ctx(args)
    try:
        day = parse_date(args.date, field="发放日期") or ctx.today
    except ValueError as exc:
        raise UserFacingError(str(exc)) from None
    program = programs.find_program(ctx, args.program, year=day.year)  # the hand-out's year
    data = relief.ReliefInput(
        _member_ref(ctx, args.member),
        program.id,
        cash_fen=_money(args.cash, "现金金额"),
        goods=_goods(args.goods),
        issued_on=day,
        note=args.note or "",
        override_reason=args.override_reason or "",
    )
    warnings = relief.preview(ctx, data).warnings  # what the window shows before confirming
    row, receipt = relief.issue(ctx, data)
    total = receipt.content["total_fen"]
    text = f"已发放 {fen_to_yuan_text(total)}，收据号 {receipt.number}"
    return {
        "text": "\n".join([text, *(f"提示：{w}" for w in warnings)]),
        "id": row.id,
        "receipt": receipt.number,
        "total_fen": total,
        "warnings": warnings,
    }


def cmd_relief_void(args: argparse.Namespace) -> dict[str, Any]:
    ctx = _ctx(args)
    try:
        relief_id = relief.get_receipt(ctx, args.ref).distribution_id
    except NotFound:
        relief_id = args.ref
    row = relief.void(ctx, relief_id, args.reason)
    what = "已在当前月份登记调整" if row.status == "adjustment" else "已作废"
    return {"text": f"{what}（{row.id}）", "id": row.id, "status": row.status}


def cmd_log_add(args: argparse.Namespace) -> dict[str, Any]:
    entry = logs.add_log(
        _ctx(args),
        logs.LogInput(
            args.category,
            args.date,
            topic=args.topic or "",
            visitors=args.visitors,
            consultations=args.consultations,
            mediations=args.mediations,
            workers_involved=args.workers,
            new_members=args.new_members,
            amount_recovered_fen=_money(args.recovered, "追回金额"),
            text=args.text or "",
        ),
    )
    return {"text": f"已记录日志（{entry.log_date}）", "id": entry.id}


def _summary_text(summary: dict[str, Any]) -> str:
    r = summary["relief"]
    rc = summary["receipts"]
    return (
        f"{summary['period']}：发放 {r['count']} 人次，现金 {fen_to_yuan_text(r['cash_fen'])}，"
        f"物资 {fen_to_yuan_text(r['goods_value_fen'])}；走访 {summary['visits']} 次；"
        f"日志 {summary['log_entries']} 条；收据 {rc['count']} 张"
        f"（{rc['first'] or '-'} 至 {rc['last'] or '-'}，作废 {len(rc['voided'])} 张）"
    )


def cmd_month(args: argparse.Namespace) -> dict[str, Any]:
    ctx = _ctx(args)
    result = monthclose.check(ctx, args.period)
    lines = [_summary_text(result.summary)]
    lines += [f"不能月结：{b}" for b in result.blockers] + [f"提示：{w}" for w in result.warnings]
    out: dict[str, Any] = {
        "summary": result.summary,
        "blockers": result.blockers,
        "warnings": result.warnings,
    }
    if args.action == "close":
        monthclose.close(ctx, args.period)
        lines.append(f"{result.period} 已月结")
        out["closed"] = True
    out["text"] = "\n".join(lines)
    return out


EXPORTS = {
    "members": ["姓名", "身份证号", "性别", "手机号", "工作单位", "职业群体", "困难类别"],
}


def cmd_export_members(args: argparse.Namespace) -> dict[str, Any]:
    """Member roster as CSV (masked unless --unmasked, which is audited)."""
    from contract.enums import Hardship, JobGroup

    from ..services.uow import transaction

    ctx = _ctx(args)
    out = Path(args.out)
    with ctx.read() as session:
        from sqlmodel import select

        from ..models import Member

        rows = session.exec(
            select(Member)
            .where(Member.deleted == False)  # noqa: E712
            .order_by(Member.pinyin_full)
        ).all()
    with out.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(EXPORTS["members"])
        for m in rows:
            writer.writerow(
                [
                    m.name,
                    m.id_number if args.unmasked else idn.mask(m.id_number),
                    {"male": "男", "female": "女"}.get(m.gender, ""),
                    m.phone if args.unmasked else search.mask_phone(m.phone),
                    m.employer,
                    JobGroup(m.job_group).label,
                    Hardship(m.hardship_category).label,
                ]
            )
    with transaction(ctx) as unit:
        unit.audit("export.members", "member", "", rows=len(rows), unmasked=bool(args.unmasked))
    return {"text": f"已导出 {len(rows)} 名会员到 {out}", "rows": len(rows), "out": str(out)}


def cmd_bench(args: argparse.Namespace) -> dict[str, Any]:
    from .bench import run_bench

    return run_bench(args)


def register(sub: Any) -> Any:
    """Add the core commands; returns the `export` group so documents can add ledgers."""
    p = sub.add_parser("init", help="初始化本机服务站")
    p.add_argument("--code", required=True, help="服务站编码（区代码+编号）")
    p.add_argument("--name", required=True)
    p.add_argument("--district-code")
    p.add_argument("--district-name")
    p.add_argument("--union-name", help="收据上的开具单位")
    p.add_argument("--head-user")
    p.add_argument("--head-name")
    p.add_argument("--head-password")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("demo", help="创建演示服务站（虚构数据）")
    p.add_argument("--members", type=int, default=2000)
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("import-members", help="导入会员花名册（.xlsx/.csv）")
    p.add_argument("file", type=Path)
    p.add_argument("--yes", action="store_true", help="确认导入（否则只预览）")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("search", help="搜索会员（姓名、拼音、首字母、证件或手机尾号、单位）")
    p.add_argument("text")
    p.add_argument("--limit", type=int, default=20)
    p.set_defaults(handler=cmd_search)

    member = sub.add_parser("member", help="会员").add_subparsers(dest="action", required=True)
    p = member.add_parser("add", help="登记会员")
    p.add_argument("--name", required=True)
    p.add_argument("--id-number", required=True)
    p.add_argument("--phone")
    p.add_argument("--employer")
    p.add_argument("--job-group")
    p.add_argument("--hardship")
    p.set_defaults(handler=cmd_member_add)
    from .member_cmds import register_member_edit

    register_member_edit(member)

    visit = sub.add_parser("visit", help="走访").add_subparsers(dest="action", required=True)
    p = visit.add_parser("add", help="登记走访")
    p.add_argument("--member", action="append", required=True, help="会员（可多次）")
    p.add_argument("--type", required=True, help="走访类型，如 入户走访 / home")
    p.add_argument("--date")
    p.add_argument("--purpose")
    p.add_argument("--findings")
    p.add_argument("--followup-due")
    p.set_defaults(handler=cmd_visit_add)

    rel = sub.add_parser("relief", help="帮扶发放").add_subparsers(dest="action", required=True)
    p = rel.add_parser("issue", help="发放并开具收据")
    p.add_argument("--member", required=True)
    p.add_argument("--program", required=True, help="项目编码或名称")
    p.add_argument("--cash", help="现金（元）")
    p.add_argument("--goods", action="append", help="物资：名称,数量,单位,价值（元）")
    p.add_argument("--date")
    p.add_argument("--note")
    p.add_argument("--override-reason", help="站长超规则发放的理由")
    p.set_defaults(handler=cmd_relief_issue)
    p = rel.add_parser("void", help="作废（需说明原因）")
    p.add_argument("ref", help="收据号或发放编号")
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=cmd_relief_void)

    log = sub.add_parser("log", help="工作日志").add_subparsers(dest="action", required=True)
    p = log.add_parser("add", help="记录日志")
    p.add_argument("--category", required=True)
    p.add_argument("--date")
    p.add_argument("--topic")
    for name in ("visitors", "consultations", "mediations", "workers", "new-members"):
        p.add_argument(f"--{name}", type=int, default=0)
    p.add_argument("--recovered", help="追回金额（元）")
    p.add_argument("--text")
    p.set_defaults(handler=cmd_log_add)
    from .corrections import register as register_corrections

    register_corrections(visit, log)

    p = sub.add_parser("month", help="月结")
    p.add_argument("action", choices=["check", "close"])
    p.add_argument("period", help="如 2026-11")
    p.set_defaults(handler=cmd_month)

    export = sub.add_parser("export", help="导出").add_subparsers(dest="what", required=True)
    p = export.add_parser("members", help="会员名单 CSV（默认脱敏）")
    p.add_argument("--out", required=True)
    p.add_argument("--unmasked", action="store_true", help="导出完整证件号与手机号（记入审计）")
    p.set_defaults(handler=cmd_export_members)

    p = sub.add_parser("bench", help="性能基准")
    p.add_argument(
        "what",
        nargs="?",
        default="core",
        choices=["core", "encryption", "docs", "sync", "ui", "bundle", "all"],
    )
    p.add_argument("--members", type=int, default=100_000)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--anki", metavar="PYTHON", help="sync: also measure Anki's sync server")
    p.set_defaults(handler=cmd_bench)
    return export
