"""A demo station with fake data: members, programs, visits, relief, logs (never real people)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine

from contract.enums import LogCategory, Role, Topic, VisitType

from ..keys import new_data_key
from ..store import open_store
from . import logs, programs, relief, search, staff, visits
from .context import Actor, Ctx
from .fakedata import fake_members
from .programs import ProgramInput
from .uow import transaction

DEMO_PASSWORD = "demo1234"


def demo_programs(head: Ctx, year: int) -> list[programs.FundProgram]:
    specs = [
        ProgramInput(
            "SHJZ",
            year,
            f"{year}年困难职工生活救助",
            "living",
            "区总工会帮扶资金",
            max_times_per_year=4,
            annual_cap_fen=2000000,
            budget_fen=30000000,
        ),
        ProgramInput(
            "YLJZ",
            year,
            f"{year}年困难职工医疗救助",
            "medical",
            "区总工会帮扶资金",
            max_times_per_year=2,
            annual_cap_fen=3000000,
            budget_fen=20000000,
        ),
        ProgramInput(
            "JQZX",
            year,
            f"{year}年金秋助学",
            "education",
            "区总工会",
            amount_rules={"higher_education": 500000, "high_school": 300000},
            max_times_per_year=1,
            budget_fen=15000000,
        ),
        ProgramInput(
            "LJSWN",
            year,
            f"{year}年两节送温暖",
            "festival",
            "市总工会",
            max_times_per_year=1,
            budget_fen=25000000,
        ),
        ProgramInput(
            "WWJ",
            year,
            f"{year}年职工慰问金",
            "condolence",
            "街道工会经费",
            annual_cap_fen=500000,
            budget_fen=5000000,
        ),
    ]
    return [programs.add_program(head, spec) for spec in specs]


def create_demo(
    db_path: Path | str,
    *,
    members: int = 2000,
    seed: int = 7,
    engine: Engine | None = None,
    progress: Callable[[str], None] | None = None,
) -> Ctx:
    """Create a demo station in a new database: staff head/worker (password demo1234)."""
    say = progress or (lambda _text: None)
    engine = engine or open_store(db_path, new_data_key())  # encrypted; wrapped per login
    station_ctx = staff.init_station(
        engine,
        code="4401060001",
        name="石牌街工会服务站（演示）",
        district_code="440106",
        district_name="天河区（演示）",
        union_name="石牌街道总工会（演示）",
    )
    head_staff = staff.add_staff(
        station_ctx,
        username="head",
        display_name="李站长",
        role=Role.STATION_HEAD,
        password=DEMO_PASSWORD,
    )
    head = station_ctx.as_actor(Actor.of(head_staff))
    worker_staff = staff.add_staff(
        head,
        username="worker",
        display_name="王社工",
        role=Role.SOCIAL_WORKER,
        password=DEMO_PASSWORD,
    )
    worker = station_ctx.as_actor(Actor.of(worker_staff))
    reviewer = staff.add_staff(
        head, username="reviewer", display_name="赵审核", role=Role.REVIEWER, password=DEMO_PASSWORD
    )
    today = dt.date.today()
    progs = demo_programs(head, today.year)
    say(f"生成 {members} 名演示会员…")
    add_fake_members(worker, members, seed=seed)
    say("生成走访、发放与日志…")
    _activity(worker, progs, reviewer.id, seed, today)
    say("生成维权个案与入会登记…")
    from .casework_demo import demo_casework  # issue 17

    some = [row.id for row in search.list_members(worker, None, limit=6)]
    demo_casework(worker, some, seed=seed, today=today)
    say("生成困难职工档案与金秋助学…")
    from .hardship_demo import demo_hardship  # issue 16

    heads = [row.id for row in search.list_members(worker, None, offset=20, limit=8)]
    demo_hardship(head, worker, heads, progs[2], seed)
    return worker


def add_fake_members(ctx: Ctx, count: int, *, seed: int = 7, chunk: int = 5000) -> int:
    from .bulk import insert_members, member_rows

    generator = fake_members(count, seed=seed, today=ctx.today)
    added = 0
    while added < count:
        batch = [next(generator) for _ in range(min(chunk, count - added))]
        with transaction(ctx) as unit:
            insert_members(unit, member_rows(ctx.station_id, batch))
        added += len(batch)
    return added


def _activity(
    ctx: Ctx, progs: list[programs.FundProgram], reviewer_id: str, seed: int, today: dt.date
) -> None:
    rng = random.Random(seed)
    sample = search.list_members(ctx, search.MemberFilter(hardship="any"), limit=60)
    sample += search.list_members(ctx, None, offset=rng.randrange(50), limit=40)
    start = today.replace(day=1)
    days = [start + dt.timedelta(days=i) for i in range((today - start).days + 1)]
    for index, row in enumerate(sample[:60]):
        day = rng.choice(days)
        due = day + dt.timedelta(days=rng.choice((3, 7, 14, 30)))
        visits.add_visit(
            ctx,
            visits.VisitInput(
                [row.id],
                rng.choice(list(VisitType)).value,
                visited_on=day,
                purpose="了解家庭生活情况",
                findings="家庭收入较低，子女上学，需持续关注。",
                followup_needed=index % 3 == 0,
                followup_due=due if index % 3 == 0 else None,
            ),
        )
    for row in sample[:40]:
        program = rng.choice(progs[:2] + progs[3:])
        try:
            _, receipt = relief.issue(
                ctx,
                relief.ReliefInput(
                    row.id,
                    program.id,
                    cash_fen=rng.choice((50000, 80000, 100000, 200000)),
                    goods=[relief.GoodsLine("大米", 1, "袋", 12000)] if rng.random() < 0.3 else [],
                    issued_on=rng.choice(days),
                    reviewer_id=reviewer_id,
                ),
            )
        except Exception:  # noqa: BLE001 - a demo skips a hand-out its own caps refuse
            continue
        if rng.random() < 0.8:
            relief.record_print(ctx, receipt.id)
    for day in days:
        logs.add_log(
            ctx,
            logs.LogInput(
                LogCategory.RECEPTION.value, day, visitors=rng.randint(2, 12), text="接待来访职工"
            ),
        )
        logs.add_log(
            ctx,
            logs.LogInput(
                LogCategory.CONSULTATION.value,
                day,
                topic=rng.choice(list(Topic)).value,
                consultations=rng.randint(1, 6),
                text="政策咨询",
            ),
        )
        if rng.random() < 0.3:
            logs.add_log(
                ctx,
                logs.LogInput(
                    LogCategory.MEDIATION.value,
                    day,
                    mediations=1,
                    workers_involved=rng.randint(2, 20),
                    amount_recovered_fen=rng.randint(5, 80) * 100000,
                    topic=Topic.WAGE_ARREARS.value,
                    text="调解欠薪纠纷",
                ),
            )
        if rng.random() < 0.4:
            logs.add_log(
                ctx,
                logs.LogInput(
                    LogCategory.RECRUITMENT.value,
                    day,
                    new_members=rng.randint(1, 8),
                    job_group=rng.choice(
                        ("courier", "food_delivery", "ride_hailing", "truck_driver")
                    ),
                    text="新就业形态劳动者入会",
                ),
            )
