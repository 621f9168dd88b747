"""Issue 17, done when: a three-worker wage case reaches 达成协议 and a delivery rider joins at a
station; both sync to the district through the live server; the station's monthly report and
the district's 月度汇总 take their mediation and new-member figures from these records, the
work log's typed counts kept apart."""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session
from sync.harness import District, add_member, make_id_number

from desktop.reports.monthly import build_month_summary
from desktop.services import cases, intake, logs
from server.readmodel.cases import member_intake, rights_case
from server.readmodel.project import rebuild
from server.readmodel.queries import monthly


def _wage_case(st, member_id: str) -> str:
    case = cases.open_case(
        st.ctx,
        cases.CaseInput(
            source="12351 工单", ticket_no="GD2026110001", employer="某某物流有限公司",
            dispute_type="欠薪", received_on="2026-11-16",
            workers=[cases.WorkerInput(member_id=member_id), cases.WorkerInput(name="李娜"),
                     cases.WorkerInput(name="王芳")],
        ),
    )  # fmt: skip
    cases.move(st.ctx, case.id, "受理", on="2026-11-17")
    cases.move(st.ctx, case.id, "调解中", on="2026-11-18")
    cases.record_recovered(st.ctx, case.id, "36000")
    cases.move(st.ctx, case.id, "达成协议", on="2026-11-19", terms="一次付清")
    return case.id


def _rider(st) -> None:
    intake.register(
        st.ctx,
        intake.IntakeInput(
            name="陈小明", id_number=make_id_number(40), joint_union="快递物流行业联合工会",
            job_group="外卖骑手", on_date="2026-11-18",
        ),
    )  # fmt: skip


def _rows(conn, table) -> dict[str, tuple]:
    return {r.id: tuple(r) for r in conn.execute(select(table))}


def test_case_and_intake_figures_reach_the_district(district: District):
    a, b = district.station(1), district.station(2)
    case_id = _wage_case(a, add_member(a, 3, name="张伟").id)
    _rider(a)
    open_case = cases.open_case(
        b.ctx,
        cases.CaseInput(source="来访", employer="某餐饮公司", dispute_type="工伤",
                        workers=[cases.WorkerInput(name="赵六")], received_on="2026-11-10"),
    )  # fmt: skip
    cases.move(b.ctx, open_case.id, "受理", on="2026-11-12")
    logs.add_log(
        a.ctx,
        logs.LogInput(category="劳资纠纷调解", log_date="2026-11-10", mediations=1,
                      workers_involved=4, amount_recovered_fen=120000),
    )  # fmt: skip
    for st in (a, b):
        assert "rejected" not in st.sync().statuses
    with Session(a.engine) as s:
        summary = build_month_summary(s, a.ctx.station_id, "2026-11")
    assert (summary["cases"]["concluded"], summary["cases"]["workers"]) == (1, 3)
    assert summary["cases"]["recovered_fen"] == 3_600_000
    assert summary["intake"]["rows"][0]["label"] == "外卖骑手"
    assert summary["mediations"]["cases"] == 1  # the log's own count, shown apart
    with district.engine.connect() as conn:
        got = monthly(conn, a_district(district, conn), "2026-11")
        typed = _rows(conn, rights_case)
    by_code = {m.code: m.figures for m in got.stations}
    fa, fb = by_code[a.code], by_code[b.code]
    assert (fa.cases.accepted, fa.cases.concluded, fa.cases.agreed) == (1, 1, 1)
    assert (fa.cases.workers, fa.cases.recovered_fen) == (3, 3_600_000)
    assert fa.intake == {"food_delivery": 1}
    assert fa.mediation.cases == 1 and fa.mediation.workers == 4  # the work log, apart
    assert (fb.cases.accepted, fb.cases.concluded) == (1, 0)
    assert got.total.cases.accepted == 2 and got.total.cases.recovered_fen == 3_600_000
    assert got.total.intake == {"food_delivery": 1}
    assert typed[case_id][4:] == (
        "agreed",
        "hotline",
        "wages",
        "2026-11",
        "2026-11",
        "agreed",
        3,
        0,
        3_600_000,
    )
    with district.engine.begin() as conn:  # the projection equals a rebuild from the records
        before = (_rows(conn, rights_case), _rows(conn, member_intake))
        rebuild(conn)
        assert (_rows(conn, rights_case), _rows(conn, member_intake)) == before


def a_district(district: District, conn) -> str:
    from server.db import district as district_table

    return conn.execute(select(district_table.c.id)).scalar_one()
