"""`stationdesk case …` and `stationdesk intake …`: rights cases and membership intake from the
command line, through the same services as the window. Phones and ID numbers print masked."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from contract.enums import CaseSource, CaseStatus, DisputeType, IntakeKind, JobGroup
from contract.money import fen_to_yuan_text

from ..services import case_queries, cases, intake
from ..services.errors import UserFacingError
from .commands import _ctx, _member_ref


def _workers(ctx: Any, args: argparse.Namespace) -> list[cases.WorkerInput]:
    out = [cases.WorkerInput(member_id=_member_ref(ctx, ref)) for ref in args.member or []]
    for text in args.worker or []:
        name, _sep, phone = text.partition(":")
        out.append(cases.WorkerInput(name=name.strip(), phone=phone.strip()))
    return out


def cmd_case_open(args: argparse.Namespace) -> dict[str, Any]:
    ctx = _ctx(args)
    data = cases.CaseInput(
        source=args.source,
        employer=args.employer,
        dispute_type=args.type,
        workers=_workers(ctx, args),
        worker_count=args.count,
        claimed=args.claimed or "",
        matter=args.matter or "",
        ticket_no=args.ticket or "",
        received_on=args.date,
    )
    case = cases.open_case(ctx, data)
    due = case_queries.case_detail(ctx, case.id).due
    text = f"已登记维权个案 {case.case_no}，请于 {due} 前决定是否受理"
    return {"text": text, "id": case.id, "case_no": case.case_no, "accept_by": str(due)}


def _line(row: case_queries.CaseRow) -> str:
    c = row.case
    flag = {"overdue": "【已超期】", "due": "【将到期】"}.get(row.urgency, "")
    return (
        f"{c.case_no}  {CaseStatus(c.status).label}  {DisputeType(c.dispute_type).label}  "
        f"{c.employer}  {row.workers_text}  追回 {fen_to_yuan_text(c.recovered_fen)}"
        f"{'  期限 ' + str(row.due) if row.due else ''}{flag}"
    )


def _item(row: case_queries.CaseRow) -> dict[str, Any]:
    c = row.case
    return {
        "id": c.id,
        "case_no": c.case_no,
        "status": c.status,
        "source": c.source,
        "dispute_type": c.dispute_type,
        "employer": c.employer,
        "workers": [{"name": n, "phone": p} for n, p in case_queries.masked_workers(row)],
        "worker_count": c.worker_count,
        "claimed_fen": c.claimed_fen,
        "recovered_fen": c.recovered_fen,
        "due": str(row.due) if row.due else None,
        "urgency": row.urgency,
    }


def cmd_case_list(args: argparse.Namespace) -> dict[str, Any]:
    ctx = _ctx(args)
    status = args.status
    if status and status != "open":
        try:
            status = CaseStatus.from_text(status).value
        except ValueError:
            raise UserFacingError(f"案件状态“{args.status}”不是可选项") from None
    rows = case_queries.list_cases(ctx, status=status)
    lines = [f"维权个案 {len(rows)} 件"] + [_line(r) for r in rows]
    return {"text": "\n".join(lines), "cases": [_item(r) for r in rows]}


def cmd_case_show(args: argparse.Namespace) -> dict[str, Any]:
    ctx = _ctx(args)
    row = case_queries.case_detail(ctx, case_queries.find_case(ctx, args.case).id)
    c = row.case
    lines = [_line(row), f"来源：{CaseSource(c.source).label} {c.ticket_no}".rstrip()]
    lines += [f"职工：{n} {p}".rstrip() for n, p in case_queries.masked_workers(row)]
    lines.append(f"请求金额：{fen_to_yuan_text(c.claimed_fen)}")
    for item in case_queries.timeline(c):
        lines.append(f"{item.on}  {case_queries.step_text(item)}  （{item.by_name}）")
    return {"text": "\n".join(lines), "case": _item(row), "history": c.history, "notes": c.notes}


def cmd_case_status(args: argparse.Namespace) -> dict[str, Any]:
    ctx = _ctx(args)
    case = case_queries.find_case(ctx, args.case)
    case = cases.move(
        ctx, case.id, args.status, on=args.date, note=args.note or "", terms=args.terms or ""
    )
    return {"text": f"{case.case_no} 已改为“{CaseStatus(case.status).label}”", "id": case.id}


def cmd_case_note(args: argparse.Namespace) -> dict[str, Any]:
    ctx = _ctx(args)
    case = cases.add_note(ctx, case_queries.find_case(ctx, args.case).id, args.text, on=args.date)
    return {"text": f"{case.case_no} 已记录联系情况", "id": case.id}


def cmd_case_extend(args: argparse.Namespace) -> dict[str, Any]:
    ctx = _ctx(args)
    case = cases.extend(ctx, case_queries.find_case(ctx, args.case).id, args.days, args.reason)
    due = case_queries.case_detail(ctx, case.id).due
    return {"text": f"{case.case_no} 调解期限延至 {due}", "id": case.id, "due": str(due)}


def cmd_case_recover(args: argparse.Namespace) -> dict[str, Any]:
    ctx = _ctx(args)
    case = cases.record_recovered(ctx, case_queries.find_case(ctx, args.case).id, args.amount)
    text = f"{case.case_no} 追回金额：{fen_to_yuan_text(case.recovered_fen)}"
    return {"text": text, "id": case.id, "recovered_fen": case.recovered_fen}


def cmd_case_print(args: argparse.Namespace) -> dict[str, Any]:
    from ..reports import case_docs

    ctx = _ctx(args)
    case = case_queries.find_case(ctx, args.case)
    make = case_docs.agreement_pdf if args.what == "agreement" else case_docs.record_sheet_pdf
    data = make(ctx, case.id)
    out = Path(args.out)
    out.write_bytes(data)
    title = "调解协议书" if args.what == "agreement" else "案件登记表"
    return {"text": f"已生成{title}：{out}", "path": str(out)}


def _intake_input(args: argparse.Namespace) -> intake.IntakeInput:
    return intake.IntakeInput(
        name=args.name,
        id_number=args.id_number,
        phone=args.phone or "",
        ethnicity=args.ethnicity,
        education=args.education or "",
        political_status=args.political or "",
        hukou=args.hukou or "",
        employer=args.employer or "",
        joint_union=args.joint_union or "",
        job_group=args.job or "",
        on_date=args.date,
        card_no=args.card or "",
        other_union=getattr(args, "from_union", None) or "",
    )


def cmd_intake_add(args: argparse.Namespace) -> dict[str, Any]:
    ctx = _ctx(args)
    kind = "transfer_in" if args.intake_action == "transfer-in" else "join"
    record = intake.register(ctx, _intake_input(args), kind=kind)
    what = IntakeKind(kind).label
    job = JobGroup(record.job_group).label
    text = f"已登记{what}：{args.name}（{job}，{record.on_date}）"
    return {"text": text, "id": record.id, "member_id": record.member_id}


def cmd_intake_out(args: argparse.Namespace) -> dict[str, Any]:
    ctx = _ctx(args)
    record = intake.transfer_out(ctx, _member_ref(ctx, args.member), args.to, on=args.date)
    return {"text": f"已登记会籍转出，转至 {record.other_union}", "id": record.id}


def cmd_intake_void(args: argparse.Namespace) -> dict[str, Any]:
    record = intake.void_intake(_ctx(args), args.record, args.reason)
    return {"text": f"已作废入会登记记录（{record.on_date}）", "id": record.id}


def cmd_intake_list(args: argparse.Namespace) -> dict[str, Any]:
    ctx = _ctx(args)
    rows = intake.list_intakes(ctx, period=args.month)
    items = [
        {
            "id": r.intake.id,
            "kind": r.intake.kind,
            "on_date": str(r.intake.on_date),
            "name": r.name,
            "id_number": r.id_masked,
            "phone": r.phone_masked,
            "job_group": r.intake.job_group,
            "other_union": r.intake.other_union,
        }
        for r in rows
    ]
    lines = [f"入会与接转记录 {len(items)} 条"] + [
        f"{i['on_date']}  {IntakeKind(i['kind']).label}  {i['name']}  {i['id_number']}  "
        f"{JobGroup(i['job_group']).label if i['job_group'] else ''}  {i['other_union']}".rstrip()
        for i in items
    ]
    return {"text": "\n".join(lines), "intakes": items}


def _register_case(sub: Any) -> None:
    case = sub.add_parser("case", help="维权个案（劳动争议调解）").add_subparsers(
        dest="case_action", required=True
    )
    p = case.add_parser("open", help="登记维权个案")
    p.add_argument("--source", required=True, help="来访、电话、12351 工单、法院委派、企业走访")
    p.add_argument("--ticket", help="12351 工单号")
    p.add_argument("--employer", required=True, help="用人单位")
    p.add_argument("--type", required=True, help="欠薪、劳动合同、工伤、社会保险、经济补偿、其他")
    p.add_argument("--member", action="append", help="会员职工（身份证号或会员编号，可重复）")
    p.add_argument("--worker", action="append", help="非会员职工“姓名:手机号”（可重复）")
    p.add_argument("--count", help="涉及人数（默认：所列职工数）")
    p.add_argument("--claimed", help="请求金额（元）")
    p.add_argument("--matter", help="申请事项")
    p.add_argument("--date", help="登记日期（默认今天）")
    p.set_defaults(handler=cmd_case_open)
    p = case.add_parser("list", help="列出维权个案")
    p.add_argument("--status", help="open（未办结）或状态名，如 受理、调解中")
    p.set_defaults(handler=cmd_case_list)
    for name, handler, helptext in (
        ("show", cmd_case_show, "查看案件及办理经过"),
        ("note", cmd_case_note, "记录一次联系"),
        ("status", cmd_case_status, "改变案件状态"),
        ("extend", cmd_case_extend, "延长调解期限"),
        ("recover", cmd_case_recover, "登记追回金额"),
        ("print", cmd_case_print, "生成调解协议书或案件登记表 PDF"),
    ):
        p = case.add_parser(name, help=helptext)
        p.add_argument("case", help="案件编号")
        p.set_defaults(handler=handler)
        if name == "note":
            p.add_argument("text", help="联系情况")
            p.add_argument("--date")
        elif name == "status":
            p.add_argument(
                "status", help="受理、调解中、达成协议、调解不成转仲裁、撤回、不予受理、结案"
            )
            p.add_argument("--date")
            p.add_argument("--note", help="说明（不予受理、撤回时必填）")
            p.add_argument("--terms", help="协议内容（达成协议时必填）")
        elif name == "extend":
            p.add_argument("days", help="延长天数")
            p.add_argument("--reason", required=True)
        elif name == "recover":
            p.add_argument("amount", help="累计追回金额（元）")
        elif name == "print":
            p.add_argument("what", choices=["agreement", "record"])
            p.add_argument("--out", required=True, help="PDF 文件")


def _intake_fields(p: Any) -> None:
    p.add_argument("--name", required=True)
    p.add_argument("--id-number", required=True)
    p.add_argument("--phone")
    p.add_argument("--ethnicity", default="汉族")
    p.add_argument("--education", help="小学及以下、初中、高中/中专、大专、本科、研究生")
    p.add_argument("--political", help="中共党员、中共预备党员、共青团员、民主党派、群众")
    p.add_argument("--hukou", help="城镇户籍、农村户籍")
    p.add_argument("--employer", help="工作单位")
    p.add_argument("--joint-union", help="单位未建会时加入的联合工会")
    p.add_argument("--job", required=True, help="职业群体，如 外卖骑手、快递员、货车司机")
    p.add_argument("--date", help="日期（默认今天）")
    p.add_argument("--card", help="会员证号")


def _register_intake(sub: Any) -> None:
    actions = sub.add_parser("intake", help="入会登记与会籍接转").add_subparsers(
        dest="intake_action", required=True
    )
    p = actions.add_parser("add", help="入会登记")
    _intake_fields(p)
    p.set_defaults(handler=cmd_intake_add)
    p = actions.add_parser("transfer-in", help="会籍转入")
    _intake_fields(p)
    p.add_argument("--from", dest="from_union", required=True, help="原所在工会")
    p.set_defaults(handler=cmd_intake_add)
    p = actions.add_parser("transfer-out", help="会籍转出")
    p.add_argument("member", help="身份证号或会员编号")
    p.add_argument("--to", required=True, help="转入的工会")
    p.add_argument("--date")
    p.set_defaults(handler=cmd_intake_out)
    p = actions.add_parser("void", help="作废一条入会或接转记录（需说明原因）")
    p.add_argument("record", help="记录编号（intake list --json 中的 id）")
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=cmd_intake_void)
    p = actions.add_parser("list", help="列出入会与接转记录")
    p.add_argument("--month", help="月份，如 2026-11")
    p.set_defaults(handler=cmd_intake_list)


def register(sub: Any) -> None:
    _register_case(sub)
    _register_intake(sub)
