"""The station's own administration from the command line: staff accounts, fund programs,
backup and restore, and the audit chain's check."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from ..services import programs, staff
from ..services.errors import UserFacingError
from ..store import backup, restore
from . import login
from .commands import _ctx, _money


def cmd_staff_add(args: argparse.Namespace) -> dict[str, Any]:
    account = staff.add_staff(
        _ctx(args),
        username=args.username,
        display_name=args.name,
        role=args.role,
        password=args.password,
    )
    return {
        "text": f"已添加工作人员 {account.display_name}（{account.username}）",
        "id": account.id,
    }


def cmd_program_add(args: argparse.Namespace) -> dict[str, Any]:
    program = programs.add_program(
        _ctx(args),
        programs.ProgramInput(
            code=args.code,
            year=args.year,
            name=args.name,
            program_type=args.type,
            max_times_per_year=args.max_times,
            annual_cap_fen=_money(args.annual_cap, "年度上限") or None,
            max_amount_fen=_money(args.max_amount, "单次发放上限") if args.max_amount else None,
            budget_fen=_money(args.budget, "预算") if args.budget else None,
            excludes=args.excludes or [],
            amount_rules=_amount_rules(args.amount_rule or []),
            requires_file=args.requires_file or [],
        ),
    )
    return {"text": f"已新建帮扶项目 {program.name}", "id": program.id}


def _amount_rules(items: list[str]) -> dict[str, int]:
    """--amount-rule 高中=3000 (a stage by name or code, an amount in yuan), issue 16."""
    from contract.hardship import STAGES

    out = {}
    for item in items:
        name, _sep, amount = item.partition("=")
        code = next((c for c, label in STAGES.items() if name.strip() in (c, label)), name.strip())
        out[code] = _money(amount, f"标准金额“{name}”")
    return out


def cmd_backup(args: argparse.Namespace) -> dict[str, Any]:
    from ..services.uow import transaction

    ctx = _ctx(args)  # a backup holds everyone's data: only after a login (and audited)
    if args.restore:
        ctx.require_head("恢复备份")
        with transaction(ctx) as unit:
            unit.audit("store.restore", "station", ctx.station_id)
        ctx.engine.dispose()
        restore(Path(args.restore), Path(args.db))
        return {"text": f"已从 {args.restore} 恢复（原数据库已先备份）"}
    with transaction(ctx) as unit:
        unit.audit("store.backup", "station", ctx.station_id)
    path = backup(Path(args.db), reason="manual")
    return {"text": f"已备份到 {path}（已加密）", "path": str(path)}


def cmd_staff_list(args: argparse.Namespace) -> dict[str, Any]:
    accounts = staff.list_staff(_ctx(args))
    rows = [
        {"username": a.username, "name": a.display_name, "role": a.role, "active": a.active}
        for a in accounts
    ]
    text = "\n".join(
        f"{a.username}\t{a.display_name}\t{a.role}\t{'在用' if a.active else '已停用'}"
        for a in accounts
    )
    return {"text": text or "没有工作人员", "staff": rows}


def cmd_staff_deactivate(args: argparse.Namespace) -> dict[str, Any]:
    ctx = _ctx(args)
    account = staff.deactivate(ctx, staff.find_staff(ctx, args.username).id)
    return {"text": f"已停用 {account.display_name}（{account.username}）", "id": account.id}


def cmd_staff_reset(args: argparse.Namespace) -> dict[str, Any]:
    """By a logged-in station head, or with the recovery code when every password is lost."""
    from ..services.unlock import open_with_recovery

    new = args.password or login.ask_password(
        f"{args.username} 的新密码：", env="STATIONDESK_NEW_PASSWORD"
    )
    if args.recovery_code:
        opened = open_with_recovery(Path(args.db), args.recovery_code, args.username, new)
        args._opened = opened
        login.say_recovery_code(opened.recovery_code or "")
        return {"text": f"已凭恢复码重置 {args.username} 的密码；旧恢复码已作废，新恢复码见上"}
    ctx = _ctx(args)
    account = staff.reset_password(ctx, staff.find_staff(ctx, args.username).id, new)
    return {"text": f"已重置 {account.display_name}（{account.username}）的密码", "id": account.id}


def cmd_audit_verify(args: argparse.Namespace) -> dict[str, Any]:
    from ..services import auditchain

    report = auditchain.verify(_ctx(args))
    seq, digest = report.head
    lines = [f"审计记录 {report.rows} 条，链头第 {seq} 条（{digest[:16] or '-'}）"]
    lines += [f"问题：{p}" for p in report.problems] or ["哈希链完整，链头与记录一致"]
    if not report.ok:
        raise UserFacingError("审计链核验未通过：" + "；".join(report.problems))
    return {"text": "\n".join(lines), **report.as_dict()}


def register(sub: Any) -> None:
    st = sub.add_parser("staff", help="工作人员").add_subparsers(dest="action", required=True)
    p = st.add_parser("add")
    p.add_argument("--username", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--role", required=True, help="社工/站长/审核/审计（只读）")
    p.add_argument("--password", required=True)
    p.set_defaults(handler=cmd_staff_add)
    p = st.add_parser("list", help="列出工作人员")
    p.set_defaults(handler=cmd_staff_list)
    p = st.add_parser("deactivate", help="停用账号（站长）：不能再登录，其密钥封装随之删除")
    p.add_argument("username")
    p.set_defaults(handler=cmd_staff_deactivate)
    p = st.add_parser("reset-password", help="重置密码（站长；或凭恢复码重置站长密码）")
    p.add_argument("username")
    p.add_argument("--password", help="新密码（不填则提示输入，或 STATIONDESK_NEW_PASSWORD）")
    p.add_argument("--recovery-code", help="忘记所有密码时：站长保管的恢复码（无需 --user）")
    p.set_defaults(handler=cmd_staff_reset)

    audit = sub.add_parser("audit", help="审计").add_subparsers(dest="action", required=True)
    p = audit.add_parser("verify", help="核验审计哈希链及链头（发现篡改或删除）")
    p.set_defaults(handler=cmd_audit_verify)

    pg = sub.add_parser("program", help="帮扶项目").add_subparsers(dest="action", required=True)
    p = pg.add_parser("add")
    p.add_argument("--code", required=True)
    p.add_argument("--year", type=int, default=dt.date.today().year)
    p.add_argument("--name", required=True)
    p.add_argument(
        "--type", required=True, help="生活救助/医疗救助/金秋助学/两节送温暖/慰问金/互助保障"
    )
    p.add_argument("--max-times", type=int)
    p.add_argument("--annual-cap", help="每人年度上限（元）")
    p.add_argument("--max-amount", help="单次发放上限（元，现金加物资）")
    p.add_argument("--budget", help="本站预算（元）")
    p.add_argument("--excludes", action="append", help="互斥项目编码")
    p.add_argument("--amount-rule", action="append", help="标准金额：学段=元，如 高中=3000")
    p.add_argument(
        "--requires-file",
        action="append",
        choices=["deep", "relative", "accident"],
        help="只发给该类别的建档困难职工（可多次）",
    )
    p.set_defaults(handler=cmd_program_add)

    p = sub.add_parser("backup", help="备份数据库（或 --restore 文件 恢复）")
    p.add_argument("--restore")
    p.set_defaults(handler=cmd_backup)
