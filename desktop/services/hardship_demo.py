"""Demo hardship files and 金秋助学 children (issue 16): fake households only (fakedata.py),
taken through their steps by the services, so the demo shows every status and the due lists."""

from __future__ import annotations

import datetime as dt
import random

from .context import Ctx
from .fakedata import fake_id
from .hardship import apply, close, establish, publish, reopen, set_standard, verify
from .hardship_rule import FileInput, Person
from .members import get_member
from .programs import FundProgram
from .students import StudentInput, add_student, grant
from .visits import VisitInput, add_visit

STANDARD_FEN = 118000  # a city's 低保 of ¥1,180.00 per person per month (demo figure)
SPOUSES = ("刘秀英", "王桂芳", "张丽", "陈梅", "李娟", "赵敏", "黄霞", "周燕")
CHILDREN = ("小明", "小红", "小军", "小雨", "小杰", "小慧", "小宇", "小婷")
CAUSES = ("疾病", "残疾", "子女就学", "失业下岗", "意外事故", "疾病", "灾害", "其他")
SCHOOLS = {"high_school": "市第二中学", "higher_education": "华南某大学"}


def _household(rng: random.Random, head_name: str, head_id: str, n: int) -> list[Person]:
    income = rng.choice((0, 80000, 150000, 220000, 320000, 450000))
    people = [Person("本人", head_name, head_id, income, rng.choice(("慢性病", "健康")), "在岗")]
    birth = dt.date(1980 + n % 10, 1 + n % 12, 1 + n % 27)
    people.append(
        Person("配偶", SPOUSES[n % 8], fake_id(rng, birth, False, set()), rng.choice((0, 60000)),
               rng.choice(("残疾", "健康", "重病")), rng.choice(("无业", "灵活就业")))
    )  # fmt: skip
    people.append(Person("子女", head_name[0] + CHILDREN[n % 8], "", 0, "健康", "在校"))
    return people


def demo_hardship(
    head: Ctx, worker: Ctx, member_ids: list[str], program: FundProgram, seed: int
) -> None:
    """member_ids: fake members heading the households; program: the year's 金秋助学."""
    rng = random.Random(seed)
    members = [(m.id, m.name, m.id_number) for m in (get_member(worker, i) for i in member_ids)]
    set_standard(head, STANDARD_FEN)
    files = []
    for n, (member_id, name, id_number) in enumerate(members[:8]):
        data = FileInput(
            member_id,
            _household(rng, name, id_number, n),
            medical_fen=rng.choice((0, 300000, 1200000)),
            schooling_fen=rng.choice((0, 200000)),
            loss_fen=3000000 if CAUSES[n] in ("意外事故", "灾害") else 0,
            accident=CAUSES[n] in ("意外事故", "灾害"),
            cause_main=CAUSES[n],
            cause_secondary="子女就学" if n % 3 == 0 else "",
        )
        file = apply(worker, data)
        files.append(file)
        if n >= 6 or file.category == "none":
            continue  # left at 申请 (or not qualifying): the list shows that status too
        visit = add_visit(worker, VisitInput([member_id], "home", purpose="入户核实家庭经济状况"))
        verify(worker, file.id, visit.id)
        if n == 5:
            continue
        publish(worker, file.id)
        establish(worker, file.id)
    if len(files) > 2 and files[1].category != "none":
        close(worker, files[1].id, "recover", "配偶再就业，家庭收入稳定")
        reopen(worker, files[1].id)  # fell back: 返困, history kept
    if len(files) > 3 and files[3].category != "none":
        close(worker, files[3].id, "recover", "子女毕业就业")
    year = worker.today.year
    for n, (member_id, name, _id) in enumerate(members[:4]):
        stage = "higher_education" if n % 2 else "high_school"
        entry = year - 1 - n % 2
        child = add_student(
            worker,
            StudentInput(
                member_id, name[0] + CHILDREN[n % 8], stage, entry,
                entry + (4 if stage == "higher_education" else 3),
                fake_id(rng, dt.date(2007 - n % 3, 3, 9), n % 2 == 0, set()), SCHOOLS[stage],
            ),
        )  # fmt: skip
        if n < 2:  # two grants given this school year, two still on the due list
            try:
                grant(worker, child.id, program.id)
            except Exception:  # noqa: BLE001 - a demo skips a grant its own caps refuse
                continue
