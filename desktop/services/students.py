"""Student aid (金秋助学) followed to graduation: a child of a member, one grant per school
year at the amount the year's program sets for the child's stage, a due list, graduation.

Each grant is an ordinary relief hand-out (receipt, caps, month lock) that names the student
and the school year; one student gets one grant per school year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import col, select

from contract import hardship as hr
from contract import idnumber as idn
from contract.enums import ProgramType

from ..models import FundProgram, Member, Receipt, ReliefDistribution
from ..models.hardship import Student
from . import relief as relief_service
from .context import Ctx
from .errors import NotFound, UserFacingError, ValidationError
from .hardship_queries import file_of_member
from .uow import transaction


@dataclass
class StudentInput:
    member_id: str
    name: str
    stage: str
    entry_year: int
    expected_graduation: int
    id_number: str = ""
    school: str = ""


def _stage(text: str) -> str | None:
    for code, label in hr.STAGES.items():
        if (text or "").strip() in (code, label):
            return code
    return None


def _clean(data: StudentInput, today: dt.date) -> dict[str, object]:
    errors: dict[str, str] = {}
    values: dict[str, object] = {"name": data.name.strip(), "school": data.school.strip()}
    if not values["name"]:
        errors["name"] = "学生姓名不能为空"
    stage = _stage(data.stage)
    if stage is None:
        errors["stage"] = f"学段“{data.stage}”不是可选项（{'、'.join(hr.STAGES.values())}）"
    values["stage"] = stage
    values["id_number"] = ""
    if data.id_number.strip():
        try:
            values["id_number"] = idn.parse(data.id_number, today=today).number
        except idn.IdNumberError as exc:
            errors["id_number"] = f"学生身份证号：{exc}"
    if not 1990 <= data.entry_year <= today.year:
        errors["entry_year"] = f"入学年份应在 1990 至 {today.year} 之间"
    if not data.entry_year <= data.expected_graduation <= data.entry_year + 10:
        errors["expected_graduation"] = "预计毕业年份应不早于入学年份，且不超过入学后 10 年"
    if errors:
        raise ValidationError(errors)
    values.update(entry_year=data.entry_year, expected_graduation=data.expected_graduation)
    return values


def add_student(ctx: Ctx, data: StudentInput) -> Student:
    ctx.require_write()
    values = _clean(data, ctx.today)
    file = file_of_member(ctx, data.member_id)
    with transaction(ctx) as unit:
        member = unit.session.get(Member, data.member_id)
        if member is None or member.deleted:
            raise NotFound("会员不存在")
        student = Student(
            station_id=ctx.station_id,
            member_id=member.id,
            hardship_file_id=file.id if file else None,
            **values,  # type: ignore[arg-type]
        )
        unit.save(student)
        unit.audit("student.add", "student", student.id, stage=student.stage)
    return student


def _student(ctx: Ctx, student_id: str) -> Student:
    with ctx.read() as session:
        student = session.get(Student, student_id)
    if student is None or student.deleted or student.station_id != ctx.station_id:
        raise NotFound("学生记录不存在或不属于本站")
    return student


def amount_for(program: FundProgram, stage: str) -> int:
    """The program's standard amount for a stage (amount_rules keyed by stage)."""
    amount = (program.amount_rules or {}).get(stage)
    if not amount:
        raise UserFacingError(f"“{program.name}”没有设定{hr.STAGES.get(stage, stage)}的资助标准")
    return int(amount)


def grant(
    ctx: Ctx,
    student_id: str,
    program_id: str,
    *,
    school_year: str | None = None,
    issued_on: dt.date | None = None,
    override_reason: str = "",
) -> tuple[ReliefDistribution, Receipt]:
    """This school year's grant: a hand-out to the parent member, naming the student."""
    student = _student(ctx, student_id)
    if student.status != "studying":
        raise UserFacingError(f"{student.name} 已毕业，不再发放助学金")
    day = issued_on or ctx.today
    year = school_year or hr.school_year_of(day)
    with ctx.read() as session:
        program = session.get(FundProgram, program_id)
        given = session.exec(
            select(ReliefDistribution.id).where(
                ReliefDistribution.student_id == student.id,
                ReliefDistribution.school_year == year,
                ReliefDistribution.status == "issued",
            )
        ).first()
    if program is None or program.deleted:
        raise NotFound("帮扶项目不存在")
    if program.program_type != ProgramType.EDUCATION.value:
        raise ValidationError({"program_id": f"“{program.name}”不是助学项目"})
    if given:
        raise UserFacingError(f"{student.name} {year} 学年的助学金已发放")
    data = relief_service.ReliefInput(
        member_id=student.member_id,
        program_id=program.id,
        cash_fen=amount_for(program, student.stage),
        issued_on=day,
        note=f"{student.name} {hr.STAGES[student.stage]} {year} 学年",
        override_reason=override_reason,
        student_id=student.id,
        school_year=year,
    )
    return relief_service.issue(ctx, data)


def graduate(ctx: Ctx, student_id: str, on: dt.date | None = None) -> Student:
    """Graduation closes the child's record: no more grants, off the due list."""
    ctx.require_write()
    with transaction(ctx) as unit:
        student = unit.session.get(Student, student_id)
        if student is None or student.deleted or student.station_id != ctx.station_id:
            raise NotFound("学生记录不存在或不属于本站")
        if student.status != "studying":
            raise UserFacingError(f"{student.name} 已毕业")
        student.status, student.graduated_on = "graduated", on or ctx.today
        unit.save(student, base={"status": "studying", "graduated_on": None})
        unit.audit("student.graduate", "student", student.id)
    return student


@dataclass(frozen=True)
class StudentRow:
    id: str
    name: str
    parent: str
    id_masked: str
    school: str
    stage: str
    expected_graduation: int
    status: str
    granted_years: tuple[str, ...]

    @property
    def stage_label(self) -> str:
        return hr.STAGES.get(self.stage, self.stage)


def list_students(ctx: Ctx, *, studying_only: bool = False) -> list[StudentRow]:
    with ctx.read() as session:
        query = (
            select(Student, Member.name)
            .join(Member, col(Member.id) == Student.member_id)
            .where(Student.station_id == ctx.station_id, col(Student.deleted).is_(False))
        )
        if studying_only:
            query = query.where(Student.status == "studying")
        rows = session.exec(query.order_by(col(Student.name))).all()
        grants = session.exec(
            select(ReliefDistribution.student_id, ReliefDistribution.school_year).where(
                col(ReliefDistribution.student_id).is_not(None),
                ReliefDistribution.status == "issued",
            )
        ).all()
    years: dict[str, list[str]] = {}
    for sid, year in grants:
        years.setdefault(str(sid), []).append(year or "")
    return [
        StudentRow(
            s.id,
            s.name,
            parent,
            idn.mask(s.id_number),
            s.school,
            s.stage,
            s.expected_graduation,
            s.status,
            tuple(sorted(years.get(s.id, []))),
        )
        for s, parent in rows
    ]


def grants_due(ctx: Ctx, school_year: str | None = None) -> list[StudentRow]:
    """Children still studying whose grant for the school year has not been given."""
    year = school_year or hr.school_year_of(ctx.today)
    return [r for r in list_students(ctx, studying_only=True) if year not in r.granted_years]
