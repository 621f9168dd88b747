"""Fund programs (帮扶项目) and their per-station budgets.

Programs normally come down from the district by sync; a station working alone (or a demo)
can define its own. Rules (caps, exclusions, standard amounts) are data on the program.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from contract.enums import ProgramType
from contract.money import MAX_FEN, MAX_TEXT

from ..models import FundProgram, ProgramBudget, ReliefDistribution, Setting
from .context import Ctx
from .errors import NotFound, UserFacingError, ValidationError
from .uow import Unit, transaction

DEFAULT_TITLES = {
    "living": "困难职工生活救助金发放收据",
    "medical": "困难职工医疗救助金发放收据",
    "education": "金秋助学金发放收据",
    "festival": "两节送温暖慰问金（物资）发放收据",
    "condolence": "职工慰问金发放收据",
    "mutual_aid": "职工互助保障金发放收据",
}


@dataclass
class ProgramInput:
    code: str
    year: int
    name: str
    program_type: str
    funding_source: str = ""
    receipt_title: str = ""
    amount_rules: dict[str, int] = field(default_factory=dict)
    max_times_per_year: int | None = None
    annual_cap_fen: int | None = None
    excludes: list[str] = field(default_factory=list)
    budget_fen: int | None = None
    max_amount_fen: int | None = None  # largest single hand-out (cash plus goods)
    requires_file: list[str] = field(default_factory=list)  # hardship categories (issue 16)


# Set once the station is enrolled with a district server (desktop/sync/local.SERVER_URL):
# from then on programs are the district's, synced down, read-only here.
ENROLLED_KEY = "sync.server_url"


def is_enrolled(ctx: Ctx) -> bool:
    with ctx.read() as session:
        row = session.get(Setting, ENROLLED_KEY)
    return bool(row and row.value)


def _require_local_setup(ctx: Ctx, what: str) -> None:
    ctx.require_head(what)
    if is_enrolled(ctx):
        raise UserFacingError("本站已登记到区服务器：帮扶项目由区总工会设置，同步后在本站只读")


def _check(data: ProgramInput) -> str:
    """The program's type value; ValidationError naming each bad field."""
    errors: dict[str, str] = {}
    if not data.code.strip():
        errors["code"] = "项目编码不能为空"
    if not data.name.strip():
        errors["name"] = "项目名称不能为空"
    try:
        ptype = ProgramType.from_text(data.program_type).value
    except ValueError:
        errors["program_type"] = f"项目类型“{data.program_type}”不是可选项"
        ptype = ""
    if not 2000 <= data.year <= 2100:
        errors["year"] = "年度不正确"
    for key, label, value in (
        ("max_times_per_year", "每年次数上限", data.max_times_per_year),
        ("annual_cap_fen", "年度金额上限", data.annual_cap_fen),
        ("budget_fen", "本站预算", data.budget_fen),
        ("max_amount_fen", "单次发放上限", data.max_amount_fen),
    ):
        if value is not None and value < 0:
            errors[key] = f"{label}不能为负数"
        elif value is not None and key != "max_times_per_year" and value > MAX_FEN:
            errors[key] = f"{label}超过金额上限 {MAX_TEXT}"
    if errors:
        raise ValidationError(errors)
    return ptype


def add_program(ctx: Ctx, data: ProgramInput) -> FundProgram:
    _require_local_setup(ctx, "新建帮扶项目")
    ptype = _check(data)
    with transaction(ctx) as unit:
        clash = unit.session.exec(
            select(FundProgram).where(
                FundProgram.code == data.code.strip(), FundProgram.year == data.year
            )
        ).first()
        if clash:
            raise ValidationError({"code": f"{data.year} 年已有项目编码“{data.code}”"})
        program = FundProgram(
            station_id=ctx.station_id,
            code=data.code.strip(),
            year=data.year,
            name=data.name.strip(),
            program_type=ptype,
            funding_source=data.funding_source,
            receipt_title=data.receipt_title or DEFAULT_TITLES.get(ptype, "帮扶资金发放收据"),
            amount_rules=dict(data.amount_rules),
            max_times_per_year=data.max_times_per_year,
            annual_cap_fen=data.annual_cap_fen,
            max_amount_fen=data.max_amount_fen,
            excludes=list(data.excludes),
            requires_file=list(data.requires_file),
        )
        unit.save(program)
        if data.budget_fen is not None:
            unit.save(
                ProgramBudget(
                    station_id=ctx.station_id,
                    program_id=program.id,
                    budget_station_id=ctx.station_id,
                    budget_fen=data.budget_fen,
                )
            )
        unit.audit("program.add", "fund_program", program.id, code=program.code)
    return program


def list_programs(
    ctx: Ctx, *, year: int | None = None, active_only: bool = True
) -> list[FundProgram]:
    with ctx.read() as session:
        query = select(FundProgram).where(FundProgram.deleted == False)  # noqa: E712
        if year is not None:
            query = query.where(FundProgram.year == year)
        if active_only:
            query = query.where(FundProgram.active == True)  # noqa: E712
        return list(session.exec(query.order_by(FundProgram.year.desc(), FundProgram.code)))  # type: ignore[attr-defined]


def get_program(ctx: Ctx, program_id: str) -> FundProgram:
    with ctx.read() as session:
        program = session.get(FundProgram, program_id)
    if program is None:
        raise NotFound("帮扶项目不存在")
    return program


def find_program(ctx: Ctx, code_or_name: str, year: int | None = None) -> FundProgram:
    """Look a program up by code, name or id (command line).

    Codes repeat from year to year (SHJZ 2026, SHJZ 2027): given a year, only that year's
    program answers, so a hand-out dated this year never picks next year's program.
    """
    found = [
        p for p in list_programs(ctx, active_only=False) if code_or_name in (p.code, p.name, p.id)
    ]
    chosen = [p for p in found if year is None or p.year == year or p.id == code_or_name]
    if chosen:
        return chosen[0]
    if found:
        years = "、".join(sorted({str(p.year) for p in found}))
        raise NotFound(f"找不到 {year} 年的帮扶项目“{code_or_name}”（只有 {years} 年的）")
    raise NotFound(f"找不到帮扶项目“{code_or_name}”")


@dataclass(frozen=True)
class BudgetStatus:
    program: FundProgram
    budget_fen: int | None
    used_fen: int

    @property
    def remaining_fen(self) -> int | None:
        return None if self.budget_fen is None else self.budget_fen - self.used_fen


def used_fen(session: Session, program_id: str, station_id: str) -> int:
    """Cash plus goods value issued by this station under the program, net of voids."""
    total = session.exec(
        select(
            func.coalesce(
                func.sum(ReliefDistribution.cash_fen + ReliefDistribution.goods_value_fen), 0
            )
        ).where(
            ReliefDistribution.program_id == program_id,
            ReliefDistribution.station_id == station_id,
            col(ReliefDistribution.status).in_(("issued", "adjustment")),
        )
    ).one()
    return int(total)


def budget_of(session: Session, program_id: str, station_id: str) -> int | None:
    row = session.exec(
        select(ProgramBudget).where(
            ProgramBudget.program_id == program_id,
            ProgramBudget.budget_station_id == station_id,
            ProgramBudget.deleted == False,  # noqa: E712
        )
    ).first()
    return row.budget_fen if row else None


def budget_status(ctx: Ctx, *, year: int | None = None) -> list[BudgetStatus]:
    year = year or ctx.today.year
    programs = list_programs(ctx, year=year)
    with ctx.read() as session:
        return [
            BudgetStatus(
                p, budget_of(session, p.id, ctx.station_id), used_fen(session, p.id, ctx.station_id)
            )
            for p in programs
        ]


def update_program(ctx: Ctx, program_id: str, data: ProgramInput) -> FundProgram:
    """The station head corrects a program of the station's own (not enrolled); audited with
    the fields that changed. Hand-outs already issued keep their frozen receipts."""
    _require_local_setup(ctx, "修改帮扶项目")
    ptype = _check(data)
    with transaction(ctx) as unit:
        program = unit.session.get(FundProgram, program_id)
        if program is None or program.deleted:
            raise NotFound("帮扶项目不存在")
        clash = unit.session.exec(
            select(FundProgram.id).where(
                FundProgram.code == data.code.strip(),
                FundProgram.year == data.year,
                FundProgram.id != program_id,
            )
        ).first()
        if clash:
            raise ValidationError({"code": f"{data.year} 年已有项目编码“{data.code}”"})
        values = {
            "code": data.code.strip(),
            "year": data.year,
            "name": data.name.strip(),
            "program_type": ptype,
            "funding_source": data.funding_source,
            "amount_rules": dict(data.amount_rules),
            "max_times_per_year": data.max_times_per_year,
            "annual_cap_fen": data.annual_cap_fen,
            "max_amount_fen": data.max_amount_fen,
            "excludes": list(data.excludes),
            "requires_file": list(data.requires_file),
        }
        base = {k: getattr(program, k) for k in values if getattr(program, k) != values[k]}
        for key in base:
            setattr(program, key, values[key])
        if base:
            unit.save(program, base=base)
        _set_budget(unit, ctx, program, data.budget_fen)
        unit.audit("program.edit", "fund_program", program.id, changed=sorted(base))
    return program


def _set_budget(unit: Unit, ctx: Ctx, program: FundProgram, budget_fen: int | None) -> None:
    row = unit.session.exec(
        select(ProgramBudget).where(
            ProgramBudget.program_id == program.id,
            ProgramBudget.budget_station_id == ctx.station_id,
        )
    ).first()
    if row is None:
        if budget_fen is not None:
            unit.save(
                ProgramBudget(
                    station_id=ctx.station_id,
                    program_id=program.id,
                    budget_station_id=ctx.station_id,
                    budget_fen=budget_fen,
                )
            )
        return
    base: dict[str, Any] = {"deleted": row.deleted, "budget_fen": row.budget_fen}
    if budget_fen is None:  # no budget any more: the row goes
        row.deleted = True
    else:
        row.deleted, row.budget_fen = False, budget_fen
    if (row.deleted, row.budget_fen) != (base["deleted"], base["budget_fen"]):
        unit.save(row, base=base)
