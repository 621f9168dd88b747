"""The monthly report counts hardship files by category and status at the month's end, new
files, 脱困, 注销 and 返困 of the month, and the month's 金秋助学 grants (issue 16); a later
step does not move a past month's figures."""

from __future__ import annotations

import datetime as dt
import subprocess

from sqlmodel import Session

from desktop.reports.monthly import build_month_summary, render_monthly
from desktop.services import hardship, programs, students
from desktop.services.hardship_rule import FileInput, Person
from desktop.services.members import MemberInput, add_member
from desktop.services.visits import VisitInput, add_visit


def _on(ctx, day):
    ctx.today_fn = lambda: day


def _file(ctx, name, id_number, monthly_fen):
    member = add_member(ctx, MemberInput(name=name, id_number=id_number))
    people = [Person("本人", name, id_number, monthly_fen), Person("子女", "孩子", "", 0)]
    file = hardship.apply(ctx, FileInput(member.id, people, cause_main="疾病"))
    hardship.verify(
        ctx, file.id, add_visit(ctx, VisitInput([member.id], "home", purpose="核实")).id
    )
    hardship.publish(ctx, file.id)
    return member, hardship.establish(ctx, file.id)


def test_month_figures_follow_the_steps(ctx, head_ctx, engine, tmp_path):
    hardship.set_standard(head_ctx, 98000)
    _on(ctx, dt.date(2026, 10, 12))
    deep_member, deep = _file(ctx, "陈建国", "11010519491231002X", 50000)
    _on(ctx, dt.date(2026, 11, 3))
    _member, relative = _file(ctx, "周丽", "440524188001010014", 300000)
    program = programs.add_program(
        head_ctx, programs.ProgramInput("JQ", 2026, "金秋助学", "education",
                                        amount_rules={"high_school": 300000})
    )  # fmt: skip
    child = students.add_student(
        ctx, students.StudentInput(deep_member.id, "陈小明", "高中", 2025, 2028)
    )
    students.grant(ctx, child.id, program.id)
    _on(ctx, dt.date(2026, 11, 18))
    hardship.close(ctx, deep.id, "recover", "再就业")
    _on(ctx, dt.date(2026, 11, 19))
    hardship.reopen(ctx, deep.id)
    _on(ctx, dt.date(2026, 11, 20))
    hardship.close(ctx, relative.id, "cancel", "moved")
    with Session(engine) as session:
        october = build_month_summary(session, ctx.station_id, "2026-10")["hardship"]
        november = build_month_summary(session, ctx.station_id, "2026-11")
    assert october["by_category"] == {"deep": 1} and october["new"] == 1
    assert october["by_status"] == {"established": 1}
    h = november["hardship"]
    assert (h["new"], h["recovered"], h["reopened"], h["cancelled"]) == (1, 1, 1, 1)
    assert h["by_status"] == {"established": 1, "cancelled": 1}
    assert h["by_category"] == {"deep": 1} and h["in_force"] == 1
    assert (h["grants"], h["grants_fen"], h["studying"]) == (1, 300000, 1)
    path = tmp_path / "month.pdf"
    path.write_bytes(render_monthly(november, prepared_on=dt.date(2026, 11, 30)))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "本月新建档 1 户，年审 0 户，脱困 1 户，注销 1 户，返困 1 户" in text.replace("\n", "")
    assert "金秋助学：本月发放 1 人次，¥3,000.00" in text.replace("\n", "")
