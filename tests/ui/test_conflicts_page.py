"""冲突处理 page: the choices go to services.conflicts.resolve_conflicts."""

from __future__ import annotations

from sqlmodel import Session

from desktop.models import Conflict
from desktop.services import members
from desktop.ui.conflicts import ConflictsPage

from .drive import click


def _conflict(engine, member_id: str, field: str, local: str, server: str) -> str:
    row = Conflict(
        entity="member", row_id=member_id, field=field, local_value=local, server_value=server
    )
    with Session(engine) as session:
        session.add(row)
        session.commit()
        return row.id


def test_save_choices_resolves_through_the_service(qtbot, state, ctx):
    data = members.MemberInput(name="张三", id_number="11010519491231002X", employer="甲厂")
    member = members.add_member(ctx, data)
    employer = _conflict(ctx.engine, member.id, "employer", "甲厂", "乙公司")
    address = _conflict(ctx.engine, member.id, "address", "西路", "东路")
    page = ConflictsPage(state)
    qtbot.addWidget(page)
    page.show()
    assert set(page.groups) == {employer, address}
    assert page.apply_button.isEnabled()
    keep = page.groups[employer].button(0)  # keep this station's employer
    page.scroll_area.ensureWidgetVisible(keep)
    click(keep)
    assert page.choices() == {employer: "local", address: "server"}
    click(page.apply_button)
    stored = members.get_member(ctx, member.id)
    assert (stored.employer, stored.address) == ("甲厂", "东路")
    assert page.groups == {}
    assert not page.apply_button.isEnabled()
    assert "已保存 2 项选择" in page.status.text()


def test_refused_choice_is_shown_and_nothing_resolved(qtbot, state, ctx):
    data = members.MemberInput(name="李四", id_number="440524188001010014")
    member = members.add_member(ctx, data)
    cid = _conflict(ctx.engine, member.id, "phone", "12345", "13900000002")
    page = ConflictsPage(state)
    qtbot.addWidget(page)
    page.show()
    keep = page.groups[cid].button(0)
    page.scroll_area.ensureWidgetVisible(keep)
    click(keep)
    click(page.apply_button)
    assert "手机号" in page.status.text(), page.status.text()
    assert set(page.groups) == {cid}
    assert page.apply_button.isEnabled()
