"""`stationdesk member edit` and `stationdesk conflicts list|resolve`: what the member form and
the conflicts page do, from the command line (logged in as the staff member who acts)."""

from __future__ import annotations

import argparse
from typing import Any

from contract import idnumber as idn

from ..services import conflicts, members
from ..services.errors import NotFound, UserFacingError
from .commands import _ctx, _member_ref

# option -> MemberInput field; only what a person edits on the form
EDITS = {
    "phone": "phone",
    "employer": "employer",
    "address": "address",
    "job_group": "job_group",
    "hardship": "hardship_category",
    "notes": "notes",
}


def cmd_member_edit(args: argparse.Namespace) -> dict[str, Any]:
    ctx = _ctx(args)
    member_id = _member_ref(ctx, args.member)
    data = members.MemberInput.from_member(members.get_member(ctx, member_id))
    changed = {field: getattr(args, opt) for opt, field in EDITS.items() if getattr(args, opt)}
    if not changed:
        raise UserFacingError("没有要修改的字段：请用 --phone、--employer、--address 等指定新值")
    for field, value in changed.items():
        setattr(data, field, value)
    member = members.update_member(ctx, member_id, data)
    labels = "、".join(members.FIELD_LABELS.get(f, f) for f in changed)
    text = f"已修改会员 {member.name}（{idn.mask(member.id_number)}）的{labels}，同步后生效"
    return {"text": text, "id": member.id, "fields": sorted(changed)}


def _open_conflicts(ctx: Any) -> list[Any]:
    from sqlmodel import col, select

    from ..models import Conflict

    with ctx.read() as session:
        query = select(Conflict).where(col(Conflict.resolved_at).is_(None))
        return list(session.exec(query.order_by(col(Conflict.created_at))).all())


def _who(ctx: Any, member_id: str) -> str:
    try:
        member = members.get_member(ctx, member_id)
    except NotFound:
        return "（本机没有该会员）"
    return f"{member.name}（{idn.mask(member.id_number)}）"


def cmd_conflicts_list(args: argparse.Namespace) -> dict[str, Any]:
    ctx = _ctx(args)
    rows = _open_conflicts(ctx)
    items = [
        {
            "id": c.id,
            "member": _who(ctx, c.row_id),
            "field": members.FIELD_LABELS.get(c.field, c.field),
            "mine": c.local_value,
            "theirs": c.server_value,
        }
        for c in rows
    ]
    lines = [f"未处理冲突 {len(items)} 条"] + [
        f"{i['id']}  {i['member']}  {i['field']}：本站 {i['mine'] or '（空）'} / "
        f"区里 {i['theirs'] or '（空）'}"
        for i in items
    ]
    return {"text": "\n".join(lines), "conflicts": items}


def cmd_conflicts_resolve(args: argparse.Namespace) -> dict[str, Any]:
    ctx = _ctx(args)
    if (args.take is None) == (args.value is None):
        raise UserFacingError("请用 --take mine|theirs 或 --value 文本 选定一个值（二选一）")
    found = [c for c in _open_conflicts(ctx) if c.id == args.conflict]
    if not found:
        raise UserFacingError(f"没有未处理的冲突“{args.conflict}”（可用 conflicts list 查看）")
    choice = {"mine": "local", "theirs": "server"}.get(args.take or "", "value")
    custom = {args.conflict: args.value} if args.value is not None else None
    conflicts.resolve_conflicts(ctx, {args.conflict: choice}, custom)
    label = members.FIELD_LABELS.get(found[0].field, found[0].field)
    return {"text": f"已处理冲突：{label}，同步后各服务站一并关闭", "id": args.conflict}


def register_member_edit(member: Any) -> None:
    """`member edit`, beside `member add` (commands.register passes its subparsers)."""
    p = member.add_parser("edit", help="修改会员资料（按身份证号或会员编号）")
    p.add_argument("member", help="身份证号或会员编号")
    for opt in EDITS:
        p.add_argument(f"--{opt.replace('_', '-')}", dest=opt)
    p.set_defaults(handler=cmd_member_edit)


def register(sub: Any) -> None:
    cf = sub.add_parser("conflicts", help="同步冲突").add_subparsers(dest="action", required=True)
    p = cf.add_parser("list", help="列出未处理的冲突")
    p.set_defaults(handler=cmd_conflicts_list)
    p = cf.add_parser("resolve", help="处理冲突：保留本站值、区里的值或填写新值")
    p.add_argument("conflict", help="冲突编号（conflicts list 中的第一列）")
    p.add_argument("--take", choices=["mine", "theirs"])
    p.add_argument("--value")
    p.set_defaults(handler=cmd_conflicts_resolve)
