"""`stationdesk hardship …` and `stationdesk student …`: hardship files (困难职工档案) through
their life, and 金秋助学 children to graduation, from the command line (issue 16).

A household member is given as "关系,姓名,身份证号,月收入,健康,就业" (ID number may be empty;
income in yuan); an income source as "来源,年收入". Lists mask ID numbers.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from contract import hardship as hr
from contract.money import fen_to_yuan_text

from ..services import hardship, programs, students
from ..services import hardship_queries as hq
from ..services.errors import UserFacingError
from ..services.hardship_rule import FileInput, Person
from .commands import _ctx, _member_ref, _money


def _person(text: str, n: int) -> Person:
    parts = [p.strip() for p in text.replace("，", ",").split(",")]
    if len(parts) < 2:
        raise UserFacingError(f"家庭成员第 {n} 项应写作“关系,姓名,身份证号,月收入,健康,就业”")
    parts += [""] * (6 - len(parts))
    income = _money(parts[3], f"家庭成员第 {n} 项月收入")
    return Person(parts[0], parts[1], parts[2], income, parts[4], parts[5])


def _source(text: str, n: int) -> dict[str, Any]:
    name, _sep, amount = text.replace("，", ",").partition(",")
    return {"source": name.strip(), "annual_fen": _money(amount.strip(), f"收入来源第 {n} 项")}


def _input(ctx: Any, args: argparse.Namespace, member_id: str) -> FileInput | None:
    if not args.person:
        return None
    return FileInput(
        member_id,
        [_person(t, n) for n, t in enumerate(args.person, start=1)],
        [_source(t, n) for n, t in enumerate(args.income or [], start=1)],
        medical_fen=_money(args.medical, "医疗支出"),
        schooling_fen=_money(args.schooling, "就学支出"),
        loss_fen=_money(args.loss, "事故或灾害损失"),
        accident=args.accident,
        cause_main=args.cause or "other",
        cause_secondary=args.cause2 or "",
    )


def _file_ref(ctx: Any, ref: str) -> str:
    """A file by record id, file number, or its head (a member reference)."""
    for row in hq.list_files(ctx):
        if ref in (row.id, row.file_no):
            return row.id
    file = hq.file_of_member(ctx, _member_ref(ctx, ref))
    if file is None:
        raise UserFacingError(f"找不到困难职工档案“{ref}”（可用档案编号或户主身份证号）")
    return file.id


def _done(file: Any, what: str) -> dict[str, Any]:
    label = hr.CATEGORY_LABELS.get(file.category, file.category)
    status = hr.STATUS_LABELS.get(file.status, file.status)
    text = f"{what}：档案 {file.file_no or file.id}，{status}，{label}"
    return {"text": text, "id": file.id, "status": file.status, "category": file.category}


def cmd_standard(args: argparse.Namespace) -> dict[str, Any]:
    ctx = _ctx(args)
    fen = _money(args.amount, "低保标准")
    hardship.set_standard(ctx, fen)
    return {"text": f"当地低保标准已设为 {fen_to_yuan_text(fen)}/人·月", "fen": fen}


def cmd_apply(args: argparse.Namespace) -> dict[str, Any]:
    ctx = _ctx(args)
    member_id = _member_ref(ctx, args.member)
    data = _input(ctx, args, member_id)
    if data is None:
        raise UserFacingError("请用 --person 列出家庭成员（含本人）")
    file = hardship.apply(ctx, data)
    out = _done(file, "已登记申请")
    out["text"] += "\n" + "\n".join(hq.get_file(ctx, file.id).arithmetic)
    return out


def cmd_step(args: argparse.Namespace) -> dict[str, Any]:
    ctx = _ctx(args)
    file_id = _file_ref(ctx, args.file)
    step = args.step
    if step == "verify":
        return _done(hardship.verify(ctx, file_id, args.visit), "已入户核实")
    if step == "publish":
        return _done(hardship.publish(ctx, file_id), "已公示")
    if step == "establish":
        file = hardship.establish(ctx, file_id, category=args.category, reason=args.reason or "")
        return _done(file, "已建档")
    if step == "close":
        return _done(hardship.close(ctx, file_id, args.how, args.reason or ""), "已办结")
    member_id = hq.get_file(ctx, file_id).member.id
    data = _input(ctx, args, member_id)
    run = hardship.review if step == "review" else hardship.reopen
    file = run(ctx, file_id, data, category=args.category, reason=args.reason or "")
    out = _done(file, "年审完成" if step == "review" else "已返困")
    if file.computed_category == hr.NONE:
        out["text"] += "\n按规则已不符合困难条件，请办理脱困"
    return out


def _row_text(row: hq.FileRow) -> str:
    due = row.review_due.isoformat() if row.review_due else "—"
    return (
        f"{row.file_no or '（未建档）'}  {row.name}  {row.id_masked}  {row.category_label}  "
        f"{row.status_label}  {row.size} 人  年审 {due}"
    )


def cmd_list(args: argparse.Namespace) -> dict[str, Any]:
    ctx = _ctx(args)
    rows = (
        hq.reviews_due(ctx)
        if args.due
        else hq.list_files(ctx, category=args.category, status=args.status)
    )
    head = f"年审到期 {len(rows)} 户" if args.due else f"困难职工档案 {len(rows)} 户"
    return {"text": "\n".join([head, *map(_row_text, rows)]), "ids": [r.id for r in rows]}


def cmd_show(args: argparse.Namespace) -> dict[str, Any]:
    ctx = _ctx(args)
    view = hq.get_file(ctx, _file_ref(ctx, args.file))
    file = view.file
    lines = [
        f"档案 {file.file_no or '（未建档）'}  户主 {view.member.name}  "
        f"{hr.STATUS_LABELS[file.status]}  {hr.CATEGORY_LABELS[file.category]}",
        *view.arithmetic,
        "办理记录：",
        *(
            f"  {s['on']} {hr.STEP_LABELS.get(s['step'], s['step'])} "
            f"{view.staff.get(s.get('by', ''), '')} {s.get('reason', '')}".rstrip()
            for s in file.steps
        ),
        f"帮扶发放 {len(view.handouts)} 笔：",
        *(
            f"  {r.issued_on} {name} {fen_to_yuan_text(r.cash_fen + r.goods_value_fen)}"
            for r, name in view.handouts
        ),
    ]
    return {"text": "\n".join(lines), "id": file.id, "handouts": [r.id for r, _ in view.handouts]}


def cmd_ledger(args: argparse.Namespace) -> dict[str, Any]:
    from ..reports.hardship_ledger import write_hardship_ledger

    ctx = _ctx(args)
    path = write_hardship_ledger(ctx, args.out)
    return {"text": f"已导出困难职工档案台账（身份证号已遮蔽）：{path}", "path": str(path)}


def cmd_print(args: argparse.Namespace) -> dict[str, Any]:
    from pathlib import Path

    from ..reports.hardship_docs import application_pdf, file_pdf

    ctx = _ctx(args)
    make = file_pdf if args.what == "file" else application_pdf
    out = Path(args.out)
    out.write_bytes(make(ctx, _file_ref(ctx, args.file)))
    return {"text": f"已生成 {out}", "path": str(out)}


def cmd_notice(args: argparse.Namespace) -> dict[str, Any]:
    from pathlib import Path

    from ..reports.hardship_notice import notice_pdf
    from ..services.validate import parse_date

    ctx = _ctx(args)
    try:
        start = parse_date(args.start, field="公示开始日期") or ctx.today
    except ValueError as exc:
        raise UserFacingError(str(exc)) from None
    out = Path(args.out)
    out.write_bytes(notice_pdf(ctx, args.period, start=start))
    return {"text": f"已生成建档公示名单（姓名脱敏，仅同意公示者）：{out}", "path": str(out)}


def _student_ref(ctx: Any, ref: str) -> str:
    rows = students.list_students(ctx)
    hits = [r for r in rows if ref in (r.id, r.name)]
    if len(hits) != 1:
        raise UserFacingError(f"找不到唯一的学生“{ref}”（可用 student list 中的编号）")
    return hits[0].id


def cmd_student_add(args: argparse.Namespace) -> dict[str, Any]:
    ctx = _ctx(args)
    data = students.StudentInput(
        _member_ref(ctx, args.member),
        args.name,
        args.stage,
        args.entry,
        args.graduate,
        args.id_number or "",
        args.school or "",
    )
    student = students.add_student(ctx, data)
    return {"text": f"已登记学生 {student.name}（{hr.STAGES[student.stage]}）", "id": student.id}


def cmd_student_list(args: argparse.Namespace) -> dict[str, Any]:
    ctx = _ctx(args)
    rows = students.grants_due(ctx, args.school_year) if args.due else students.list_students(ctx)
    head = f"待发本学年助学金 {len(rows)} 人" if args.due else f"助学学生 {len(rows)} 人"
    lines = [
        f"{r.id}  {r.name}  {r.id_masked}  {r.stage_label}  {r.school}  家长 {r.parent}  "
        f"{hr.STUDENT_STATUSES.get(r.status, r.status)}  已发 {'、'.join(r.granted_years) or '—'}"
        for r in rows
    ]
    return {"text": "\n".join([head, *lines]), "ids": [r.id for r in rows]}


def cmd_student_grant(args: argparse.Namespace) -> dict[str, Any]:
    ctx = _ctx(args)
    student_id = _student_ref(ctx, args.student)
    day = dt.date.fromisoformat(args.date) if args.date else ctx.today
    program = programs.find_program(ctx, args.program, year=day.year)
    relief, receipt = students.grant(
        ctx, student_id, program.id, school_year=args.school_year, issued_on=day
    )
    text = (
        f"已发放 {relief.school_year} 学年助学金 {fen_to_yuan_text(relief.cash_fen)}，"
        f"收据 {receipt.number}"
    )
    return {"text": text, "id": relief.id, "receipt": receipt.number}


def cmd_student_graduate(args: argparse.Namespace) -> dict[str, Any]:
    ctx = _ctx(args)
    student = students.graduate(ctx, _student_ref(ctx, args.student))
    return {"text": f"{student.name} 已毕业，助学档案关闭", "id": student.id}


def _household_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--person", action="append", help="关系,姓名,身份证号,月收入,健康,就业（可多次）"
    )
    p.add_argument("--income", action="append", help="其他收入：来源,年收入（可多次）")
    p.add_argument("--medical", help="年医疗支出（元）")
    p.add_argument("--schooling", help="年就学支出（元）")
    p.add_argument("--loss", help="年事故或灾害损失（元）")
    p.add_argument("--accident", action="store_true", help="有意外事故或灾害记录")
    p.add_argument("--cause", help="主要致困原因：" + "、".join(hr.CAUSES.values()))
    p.add_argument("--cause2", help="次要致困原因")


def _category_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--category", choices=list(hr.CATEGORIES), help="与计算不同的类别（站长）")
    p.add_argument("--reason", help="理由")


def register(sub: Any) -> None:
    hs = sub.add_parser("hardship", help="困难职工档案").add_subparsers(
        dest="action", required=True
    )
    p = hs.add_parser("standard", help="设置当地低保标准（元/人·月，站长）")
    p.add_argument("amount")
    p.set_defaults(handler=cmd_standard)
    p = hs.add_parser("list", help="档案列表（身份证号已遮蔽）")
    p.add_argument("--category", choices=list(hr.CATEGORY_LABELS))
    p.add_argument("--status", choices=list(hr.STATUSES))
    p.add_argument("--due", action="store_true", help="只列 30 天内年审到期的档案")
    p.set_defaults(handler=cmd_list)
    p = hs.add_parser("show", help="档案详情：计算过程、办理记录、帮扶发放")
    p.add_argument("file", help="档案编号、记录编号或户主身份证号")
    p.set_defaults(handler=cmd_show)
    p = hs.add_parser("apply", help="登记申请（按规则计算困难类别）")
    p.add_argument("--member", required=True, help="户主：身份证号或会员编号")
    _household_options(p)
    p.set_defaults(handler=cmd_apply)
    for step, text in (
        ("verify", "入户核实（关联走访记录）"),
        ("publish", "公示"),
        ("establish", "建档（编档案号）"),
        ("review", "年审（重新计算类别）"),
        ("close", "脱困或注销"),
        ("reopen", "返困（重新启用）"),
    ):
        p = hs.add_parser(step, help=text)
        p.add_argument("file", help="档案编号、记录编号或户主身份证号")
        p.set_defaults(handler=cmd_step, step=step)
        if step == "verify":
            p.add_argument("--visit", required=True, help="入户走访记录编号")
        if step in ("establish", "review", "reopen"):
            _category_options(p)
        if step in ("review", "reopen"):
            _household_options(p)
        if step == "close":
            p.add_argument("--how", choices=["recover", "cancel"], required=True)
            p.add_argument("--reason", required=True, help="原因（注销：退休、迁出、去世…）")
    p = hs.add_parser("ledger", help="导出困难职工档案台账 .xlsx（身份证号遮蔽）")
    p.add_argument("out", help="输出文件 .xlsx")
    p.set_defaults(handler=cmd_ledger)
    p = hs.add_parser("notice", help="建档公示名单 PDF（姓名脱敏，仅同意公示者）")
    p.add_argument("period", help="公示月份 YYYY-MM")
    p.add_argument("out", help="输出文件 .pdf")
    p.add_argument("--start", help="公示开始日期（默认今天），公示 5 个工作日")
    p.set_defaults(handler=cmd_notice)
    p = hs.add_parser("print", help="生成档案表（file）或帮扶申请书（application）PDF")
    p.add_argument("file", help="档案编号、记录编号或户主身份证号")
    p.add_argument("what", choices=["file", "application"])
    p.add_argument("out", help="输出文件 .pdf")
    p.set_defaults(handler=cmd_print)
    st = sub.add_parser("student", help="金秋助学学生").add_subparsers(dest="action", required=True)
    p = st.add_parser("add", help="登记学生")
    p.add_argument("--member", required=True, help="家长：身份证号或会员编号")
    p.add_argument("--name", required=True)
    p.add_argument("--stage", required=True, help="、".join(hr.STAGES.values()))
    p.add_argument("--entry", type=int, required=True, help="入学年份")
    p.add_argument("--graduate", type=int, required=True, help="预计毕业年份")
    p.add_argument("--id-number")
    p.add_argument("--school")
    p.set_defaults(handler=cmd_student_add)
    p = st.add_parser("list", help="学生列表")
    p.add_argument("--due", action="store_true", help="只列本学年尚未发放的在读学生")
    p.add_argument("--school-year", help="学年，如 2026-2027")
    p.set_defaults(handler=cmd_student_list)
    p = st.add_parser("grant", help="发放本学年助学金（按学段标准）")
    p.add_argument("student")
    p.add_argument("--program", required=True, help="项目编码或名称")
    p.add_argument("--school-year")
    p.add_argument("--date", help="发放日期 YYYY-MM-DD（默认今天）")
    p.set_defaults(handler=cmd_student_grant)
    p = st.add_parser("graduate", help="毕业，关闭助学档案")
    p.add_argument("student")
    p.set_defaults(handler=cmd_student_graduate)
