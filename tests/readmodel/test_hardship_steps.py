"""Issue 16 follow-up: the district's hardship figures at each month's end equal the station's
own monthly report (desktop/reports/hardship_month.py) for that month, from the files' dated
steps (rm_hardship_step, migration s0010). A file established in September 2025, recovering in
October, falling back (返困) in November and recovering again in December counts in each of
those months at the district as at the station; a closed month does not move when the file
moves on; the projection equals a rebuild and the migration's backfill."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import select
from sqlmodel import Session
from sync.harness import DISTRICT, District, StationHandle, add_member

import server.db
from desktop.reports.hardship_month import hardship_figures
from desktop.services import hardship
from desktop.services.hardship_rule import FileInput, Person
from desktop.services.visits import VisitInput, add_visit
from server import admin
from server.db import database_url
from server.db import district as district_table
from server.readmodel.hardship_steps import hardship_step
from server.readmodel.project import rebuild
from server.readmodel.queries import monthly

PERIODS = ["2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01"]
FIELDS = ("by_status", "by_category", "new", "recovered", "cancelled", "reopened")
SEPTEMBER = ["2025-09-02", "2025-09-03", "2025-09-05", "2025-09-10"]  # 申请 … 建档
OCTOBER = ["2025-10-01", "2025-10-02", "2025-10-08", "2025-10-20"]
NOVEMBER = ["2025-11-01", "2025-11-02", "2025-11-03", "2025-11-25"]


def _on(st: StationHandle, day: str) -> None:
    st.ctx.today_fn = lambda: dt.date.fromisoformat(day)


def _household(member, monthly_fen: int) -> FileInput:
    people = [
        Person("本人", member.name, member.id_number, monthly_fen),
        Person("子女", "孩子", "", 0),
    ]
    return FileInput(member.id, people, cause_main="疾病")


def _established(st: StationHandle, n: int, monthly_fen: int, days: list[str]):
    """A file taken from 申请 to 建档 on the four given days."""
    _on(st, days[0])
    member = add_member(st, n, name=f"户主{n}")
    file = hardship.apply(st.ctx, _household(member, monthly_fen))
    _on(st, days[1])
    visit = add_visit(st.ctx, VisitInput([member.id], "home", purpose="核实"))
    hardship.verify(st.ctx, file.id, visit.id)
    _on(st, days[2])
    hardship.publish(st.ctx, file.id)
    _on(st, days[3])
    return member, hardship.establish(st.ctx, file.id)


def _station_month(st: StationHandle, period: str) -> dict:
    start = dt.date.fromisoformat(f"{period}-01")
    end = (start + dt.timedelta(days=32)).replace(day=1)
    with Session(st.engine) as session:
        figures = hardship_figures(session, st.ctx.station_id, start, end)
    return {name: figures[name] for name in FIELDS}


def _district_months(district: District) -> dict[tuple[str, str], dict]:
    out = {}
    with district.engine.connect() as conn:
        district_id = conn.execute(select(district_table.c.id)).scalar_one()
        for period in PERIODS:
            got = monthly(conn, district_id, period)
            for m in got.stations:
                out[m.code, period] = {name: getattr(m.figures.hardship, name) for name in FIELDS}
            out["合计", period] = {name: getattr(got.total.hardship, name) for name in FIELDS}
    return out


def _steps(district: District) -> list[tuple]:
    with district.engine.connect() as conn:
        return sorted(tuple(r) for r in conn.execute(select(hardship_step)))


def _sync(*stations: StationHandle) -> None:
    for st in stations:
        assert "rejected" not in st.sync().statuses


def _months_of_the_year(a: StationHandle, b: StationHandle, district: District) -> list[dict]:
    """The year's steps, pushed month by month; the district's figures after each push."""
    seen = []
    member, first = _established(a, 1, 50000, SEPTEMBER)
    _sync(a)
    seen.append(_district_months(district))
    _m, second = _established(a, 2, 300000, OCTOBER)
    _on(a, "2025-10-15")
    hardship.close(a.ctx, first.id, "recover", "再就业")
    _sync(a)
    seen.append(_district_months(district))
    _on(a, "2025-11-03")  # 返困 with a lower income: 相对困难 now
    hardship.reopen(a.ctx, first.id, _household(member, 300000))
    _on(a, "2025-11-18")  # the second file's review finds it 深度困难
    hardship.review(a.ctx, second.id, _household(_m, 50000))
    _established(b, 3, 50000, NOVEMBER)
    _sync(a, b)
    seen.append(_district_months(district))
    _on(a, "2025-12-20")
    hardship.close(a.ctx, first.id, "recover", "收入恢复")
    _on(a, "2025-12-05")
    hardship.close(a.ctx, second.id, "cancel", "moved")
    _sync(a)
    seen.append(_district_months(district))
    return seen


def test_district_replays_the_files_to_each_months_end(district: District):
    admin.set_dibao_standard(district.engine, DISTRICT, 98000, "2025-01-01")
    a, b = district.station(1), district.station(2)
    _on(a, "2025-09-01")
    _on(b, "2025-09-01")
    _sync(a, b)  # the district's 低保 standard comes down
    seen = _months_of_the_year(a, b, district)
    final = seen[-1]
    for period in PERIODS:
        for st in (a, b):
            assert final[st.code, period] == _station_month(st, period), (st.code, period)
    # a month, once its steps are pushed, does not move when the files move on
    for pushed, month in zip(seen, ["2025-09", "2025-10", "2025-11", "2025-12"], strict=True):
        assert pushed[a.code, month] == final[a.code, month], month
    want = {
        "2025-08": ({}, {}, 0, 0, 0, 0),
        "2025-09": ({"established": 1}, {"deep": 1}, 1, 0, 0, 0),
        "2025-10": ({"recovered": 1, "established": 1}, {"relative": 1}, 1, 1, 0, 0),
        "2025-11": ({"established": 2}, {"relative": 1, "deep": 1}, 0, 0, 0, 1),
        "2025-12": ({"recovered": 1, "cancelled": 1}, {}, 0, 1, 1, 0),
        "2026-01": ({"recovered": 1, "cancelled": 1}, {}, 0, 0, 0, 0),
    }
    for period, expected in want.items():
        assert tuple(final[a.code, period].values()) == expected, period
    total = final["合计", "2025-11"]
    assert total["by_category"] == {"relative": 1, "deep": 2} and total["new"] == 1
    assert final["合计", "2025-12"]["by_status"] == {
        "recovered": 1,
        "cancelled": 1,
        "established": 1,
    }


def test_step_rows_equal_a_rebuild_and_the_backfill(district: District):
    admin.set_dibao_standard(district.engine, DISTRICT, 98000, "2025-01-01")
    a, b = district.station(1), district.station(2)
    _on(a, "2025-09-01")
    _on(b, "2025-09-01")
    _sync(a, b)
    _months_of_the_year(a, b, district)
    pushed = _steps(district)
    kinds = [r[5:] for r in pushed if r[3] == a.ctx.station_id]
    assert ("2025-09-10", "establish", "established", "deep") in kinds
    assert ("2025-10-15", "recover", "recovered", "") in kinds
    assert "户主1" not in str(pushed)
    with district.engine.begin() as conn:
        rebuild(conn)
    assert _steps(district) == pushed
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(server.db.__file__).parent / "migrations"))
    cfg.set_main_option("sqlalchemy.url", database_url(district.url).replace("%", "%%"))
    command.downgrade(cfg, "s0009")  # as the database was before rm_hardship_step
    with district.engine.connect() as conn:
        assert not conn.dialect.has_table(conn, "rm_hardship_step")
    command.upgrade(cfg, "head")
    assert _steps(district) == pushed
