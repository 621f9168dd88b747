"""Issue 16 at the district: a station's hardship files and 金秋助学 children, synced through
the live server, are projected into typed tables (no personal field) and counted in the
district's 月度汇总: files in force by category, by status, the month's new files, 脱困,
注销 and 返困, children studying; the projection equals a rebuild from the records."""

from __future__ import annotations

from sqlalchemy import select
from sync.harness import District, add_member, make_id_number

from desktop.services import hardship, students
from desktop.services.hardship_rule import FileInput, Person
from desktop.services.visits import VisitInput, add_visit
from server.readmodel.hardship import hardship_file, student
from server.readmodel.project import rebuild
from server.readmodel.queries import monthly


def _established(st, n: int, monthly_fen: int):
    member = add_member(st, n, name=f"户主{n}")
    people = [
        Person("本人", f"户主{n}", member.id_number, monthly_fen),
        Person("子女", "孩子", "", 0),
    ]
    file = hardship.apply(st.ctx, FileInput(member.id, people, cause_main="疾病"))
    visit = add_visit(st.ctx, VisitInput([member.id], "home", purpose="核实"))
    hardship.verify(st.ctx, file.id, visit.id)
    hardship.publish(st.ctx, file.id)
    return member, hardship.establish(st.ctx, file.id)


def _rows(conn, table) -> dict[str, tuple]:
    return {r.id: tuple(r) for r in conn.execute(select(table))}


def test_hardship_figures_reach_the_district(district: District):
    from sync.harness import DISTRICT

    from server import admin

    admin.set_dibao_standard(district.engine, DISTRICT, 98000, "2026-01-01")
    a, b = district.station(1), district.station(2)
    for st in (a, b):
        st.sync()  # the district's 低保 standard comes down
    deep_member, deep = _established(a, 1, 50000)  # 250.00 per head: 深度困难
    _m, relative = _established(a, 2, 300000)  # 1,500.00 per head: 相对困难
    _m, other = _established(b, 3, 50000)
    hardship.close(a.ctx, relative.id, "recover", "再就业")
    hardship.close(b.ctx, other.id, "cancel", "moved")
    hardship.reopen(b.ctx, other.id)
    students.add_student(
        a.ctx,
        students.StudentInput(deep_member.id, "孩子", "高中", 2025, 2028, make_id_number(60)),
    )
    for st in (a, b):
        assert "rejected" not in st.sync().statuses
    with district.engine.connect() as conn:
        from server.db import district as district_table

        district_id = conn.execute(select(district_table.c.id)).scalar_one()
        got = monthly(conn, district_id, "2026-11")
        typed = _rows(conn, hardship_file)
        children = _rows(conn, student)
    by_code = {m.code: m.figures.hardship for m in got.stations}
    ha, hb = by_code[a.code], by_code[b.code]
    assert ha.by_category == {"deep": 1} and ha.by_status == {"established": 1, "recovered": 1}
    assert (ha.new, ha.recovered, ha.reopened, ha.studying) == (2, 1, 0, 1)
    assert (hb.new, hb.cancelled, hb.reopened) == (1, 1, 1)
    total = got.total.hardship
    assert total.by_category == {"deep": 2} and total.new == 3 and total.recovered == 1
    assert typed[deep.id][4:] == ("established", "deep", 2, "2026-11", "", "", "")
    assert "户主1" not in str(typed) and deep_member.id_number not in str(typed)
    assert list(children.values())[0][4:] == ("studying", "high_school")
    with district.engine.begin() as conn:  # the projection equals a rebuild from the records
        before = (_rows(conn, hardship_file), _rows(conn, student))
        rebuild(conn)
        assert (_rows(conn, hardship_file), _rows(conn, student)) == before
