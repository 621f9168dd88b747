"""Hardship files and students reach the district through the real server (issue 16): the
server re-checks the category rule, keeps both as the station's own (another station never
sees them), and the hand-outs carry the file, the student and the school year."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import text

from contract import rules
from contract.records import RecordError
from desktop.models import ReliefDistribution
from desktop.models.hardship import HardshipFile, Student
from desktop.services import hardship, students
from desktop.services.errors import UserFacingError
from desktop.services.hardship_rule import FileInput, Person
from desktop.services.uow import record_payload
from desktop.services.visits import VisitInput, add_visit
from server import admin

from .harness import DISTRICT, add_member, make_id_number


def _district_rows(district, entity: str) -> dict[str, dict]:
    with district.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT id, data FROM record WHERE entity = :e"), {"e": entity}
        ).all()
    return {row[0]: row[1] if isinstance(row[1], dict) else json.loads(row[1]) for row in rows}


def test_files_and_students_sync_to_the_district(district):
    program = admin.create_program(
        district.engine,
        DISTRICT,
        code="JQ",
        year=2026,
        name="2026年金秋助学",
        program_type="education",
        amount_rules={"high_school": 300000},
    )
    admin.set_dibao_standard(district.engine, DISTRICT, 98000, "2026-01-01")
    a, b = district.station(1), district.station(2)
    a.sync()  # the district's 低保 standard comes down with the programs
    assert hardship.standard(a.ctx) == 98000
    head = add_member(a, 1, "陈建国")
    people = [Person("本人", "陈建国", head.id_number, 150000), Person("子女", "陈小明", "", 0)]
    file = hardship.apply(a.ctx, FileInput(head.id, people, medical_fen=600000, cause_main="疾病"))
    visit = add_visit(a.ctx, VisitInput([head.id], "home", purpose="入户核实"))
    hardship.verify(a.ctx, file.id, visit.id)
    hardship.publish(a.ctx, file.id)
    file = hardship.establish(a.ctx, file.id)
    child = students.add_student(
        a.ctx,
        students.StudentInput(head.id, "陈小明", "高中", 2025, 2028, make_id_number(77), "一中"),
    )
    grant, _receipt = students.grant(a.ctx, child.id, program, issued_on=dt.date(2026, 11, 5))
    result = a.sync()
    assert result.statuses.get("rejected", 0) == 0, result
    assert set(a.outbox_states()) == {"done"}
    held = _district_rows(district, "hardship_file")
    assert held[file.id]["file_no"] == file.file_no
    assert held[file.id]["category"] == "deep" and len(held[file.id]["steps"]) == 4
    assert _district_rows(district, "student")[child.id]["stage"] == "high_school"
    relief = _district_rows(district, "relief")[grant.id]
    assert (relief["student_id"], relief["school_year"]) == (child.id, "2026-2027")
    assert relief["hardship_file_id"] == file.id
    # the station's own: another station pulls neither
    b.sync()
    assert b.rows(HardshipFile) == [] and b.rows(Student) == []
    assert [r.id for r in b.rows(ReliefDistribution)] == [grant.id]
    # a later step travels as an edit of the same record
    hardship.close(a.ctx, file.id, "recover", "再就业")
    a.sync()
    assert _district_rows(district, "hardship_file")[file.id]["status"] == "recovered"
    assert a.snapshot(HardshipFile)[file.id]["status"] == "recovered"


def test_the_server_reruns_the_category_rule(ctx, head_ctx):
    from desktop.services.members import MemberInput
    from desktop.services.members import add_member as add

    hardship.set_standard(head_ctx, 98000)
    member = add(ctx, MemberInput(name="周丽", id_number=make_id_number(5)))
    people = [Person("本人", "周丽", "", 150000)]
    file = hardship.apply(ctx, FileInput(member.id, people, cause_main="失业下岗"))
    data = record_payload(file)
    rules.check("hardship_file", data, today=dt.date(2026, 11, 20))
    forged = {**data, "category": "deep", "computed_category": "deep"}
    forged["household"] = [{**people[0].as_dict(), "monthly_income_fen": 900000}]
    with pytest.raises(RecordError, match="computed_category"):
        rules.check("hardship_file", forged, today=dt.date(2026, 11, 20))
    relabelled = {**data, "category": "accident"}
    with pytest.raises(RecordError, match="category_reason"):
        rules.check("hardship_file", relabelled, today=dt.date(2026, 11, 20))
    relabelled["category_reason"] = "火灾"
    rules.check("hardship_file", relabelled, today=dt.date(2026, 11, 20))


def test_the_district_rechecks_a_program_that_requires_a_file(district):
    from desktop.services import relief

    from .harness import add_relief

    living = admin.create_program(
        district.engine,
        DISTRICT,
        code="SHJZ",
        year=2026,
        name="生活救助",
        program_type="living",
        requires_file=["deep", "relative"],
    )
    admin.set_dibao_standard(district.engine, DISTRICT, 98000, "2026-01-01")
    a = district.station(1)
    a.sync()
    filed, bare = add_member(a, 1, "陈建国"), add_member(a, 2, "周丽")
    people = [Person("本人", "陈建国", filed.id_number, 100000)]
    file = hardship.apply(a.ctx, FileInput(filed.id, people, cause_main="疾病"))
    hardship.verify(
        a.ctx, file.id, add_visit(a.ctx, VisitInput([filed.id], "home", purpose="核实")).id
    )
    hardship.publish(a.ctx, file.id)
    hardship.establish(a.ctx, file.id)
    day = dt.date(2026, 11, 20)
    good, _ = relief.issue(
        a.ctx, relief.ReliefInput(filed.id, living, cash_fen=50000, issued_on=day)
    )
    hardship.close(a.ctx, file.id, "recover", "再就业")  # later the same day: still valid then
    forged = add_relief(a, bare.id, living, issued_on=day)  # written past the station's check
    result = a.sync()
    held = _district_rows(district, "relief")
    assert good.id in held and forged.id not in held
    assert result.statuses.get("rejected") == 1
    with a.engine.connect() as conn:
        error = conn.execute(
            text("SELECT sync_error FROM reliefdistribution WHERE id = :i"), {"i": forged.id}
        ).scalar()
    assert "只发给深度困难、相对困难的建档职工" in error


def test_an_enrolled_station_takes_the_districts_standard(district):
    a = district.station(1)
    a.sync()
    assert hardship.standard(a.ctx) is None
    with pytest.raises(UserFacingError, match="低保标准由区总工会设置"):
        hardship.set_standard(a.ctx, 98000)
    member = add_member(a, 1, "陈建国")
    data = FileInput(member.id, [Person("本人", "陈建国", member.id_number, 150000)])
    with pytest.raises(UserFacingError, match="区总工会尚未下发"):
        hardship.apply(a.ctx, data)
    from server import cli as server_cli

    assert (
        server_cli.main(["--db", district.url, "dibao-standard", DISTRICT, "98000", "2026-01-01"])
        == 0
    )
    admin.set_dibao_standard(district.engine, DISTRICT, 200000, "2027-01-01")  # announced ahead
    a.sync()
    assert hardship.standard(a.ctx) == 98000
    file = hardship.apply(a.ctx, data)  # 1,500.00 a head: below twice 980.00
    assert (file.standard_fen, file.category) == (98000, "relative")
    a.ctx.today_fn = lambda: dt.date(2027, 1, 2)
    assert hardship.standard(a.ctx) == 200000
    with pytest.raises(SystemExit, match="standard_fen"):
        admin.set_dibao_standard(district.engine, DISTRICT, 0, "2026-01-01")


def test_a_linked_member_takes_its_file_and_child_along(district):
    """Station d files a household and a child for a person the district already holds from
    station c: at d's push the member is linked, and the file and the child name the
    district's member at d and at the district (nothing left pointing at d's own row)."""
    from desktop.models import Member

    admin.set_dibao_standard(district.engine, DISTRICT, 98000, "2026-01-01")
    c, d = district.station(1), district.station(2)
    c.sync()
    d.sync()
    mc = add_member(c, 58, name="王五")
    c.sync()
    md = add_member(d, 58, name="王五")  # the same person, added at d before d's pull
    people = [Person("本人", "王五", md.id_number, 100000)]
    file = hardship.apply(d.ctx, FileInput(md.id, people, cause_main="疾病"))
    child = students.add_student(
        d.ctx, students.StudentInput(md.id, "王小五", "高中", 2025, 2028, make_id_number(59))
    )
    result = d.sync()
    assert result.statuses.get("linked") == 1 and "rejected" not in result.statuses
    d.sync()
    assert [m.id for m in d.rows(Member)] == [mc.id]
    assert [f.member_id for f in d.rows(HardshipFile)] == [mc.id]
    assert [s.member_id for s in d.rows(Student)] == [mc.id]
    assert _district_rows(district, "hardship_file")[file.id]["member_id"] == mc.id
    assert _district_rows(district, "student")[child.id]["member_id"] == mc.id
