"""Demo rights cases and intake records (fake people only), for desktop/services/demo.py."""

from __future__ import annotations

import datetime as dt
import random

from ..models import RightsCase
from . import cases, intake
from .context import Ctx
from .fakedata import GIVEN, SURNAMES, fake_members

PLATFORM_JOBS = ("外卖骑手", "快递员", "网约车司机", "货车司机")
JOINT_UNION = "石牌街道新就业形态劳动者联合工会（演示）"


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _phone(rng: random.Random) -> str:
    return f"1{rng.choice('3589')}{rng.randrange(10**9):09d}"


def demo_casework(ctx: Ctx, member_ids: list[str], *, seed: int, today: dt.date) -> None:
    """A few cases at every stage this month and a dozen platform workers joining."""
    rng = random.Random(seed)
    start = today.replace(day=1)
    days = [start + dt.timedelta(days=i) for i in range((today - start).days + 1)]
    plans = (
        ("12351 工单", "欠薪", 3, ("受理", "调解中", "达成协议")),
        ("来访", "欠薪", 12, ("受理", "调解中")),
        ("法院委派", "经济补偿", 1, ("受理", "调解不成转仲裁")),
        ("电话", "社会保险", 2, ("受理",)),
        ("企业走访", "劳动合同", 5, ()),
        ("来访", "工伤", 1, ("受理", "撤回")),
    )
    for number, (source, dispute, count, steps) in enumerate(plans):
        received = days[min(len(days) - 1, number * len(days) // len(plans))]
        workers = [cases.WorkerInput(member_id=m) for m in member_ids[number : number + 1]]
        named = min(count, 3) - len(workers)  # a group names up to 3 of its workers
        workers += [cases.WorkerInput(name=_name(rng), phone=_phone(rng)) for _ in range(named)]
        case = cases.open_case(
            ctx,
            cases.CaseInput(
                source=source,
                ticket_no=f"GD{today:%Y%m}{rng.randrange(10**4):04d}" if "12351" in source else "",
                employer=rng.choice(("某某物流有限公司", "某某餐饮管理有限公司", "某建筑劳务公司")),
                dispute_type=dispute,
                workers=workers,
                worker_count=count,
                claimed=str(rng.randint(3, 60) * 1000),
                matter="（演示）职工反映的诉求",
                received_on=received,
            ),
        )
        _walk(ctx, case, steps, days[days.index(received) :])
    for person in fake_members(12, seed=seed + 17, today=today):
        intake.register(
            ctx,
            intake.IntakeInput(
                name=person["name"],
                id_number=person["id_number"],
                phone=person["phone"],
                hukou=rng.choice(("农村户籍", "城镇户籍")),
                political_status="群众",
                education=rng.choice(("初中", "高中/中专", "大专")),
                joint_union=JOINT_UNION,
                job_group=rng.choice(PLATFORM_JOBS),
                on_date=rng.choice(days),
            ),
        )


def _walk(ctx: Ctx, case: RightsCase, steps: tuple[str, ...], days: list[dt.date]) -> None:
    """Take a case through its steps on days after it was received (in order)."""
    for index, step in enumerate(steps):
        day = days[min(len(days) - 1, index)]
        if step == "调解中":
            cases.add_note(ctx, case.id, "（演示）电话联系用人单位，约定调解时间", on=day)
        if step == "达成协议":
            cases.record_recovered(ctx, case.id, str(case.claimed_fen // 100))
        cases.move(
            ctx,
            case.id,
            step,
            on=day,
            note="（演示）职工自愿撤回" if step == "撤回" else "",
            terms="（演示）用人单位于约定日期前一次性支付拖欠工资。" if step == "达成协议" else "",
        )
