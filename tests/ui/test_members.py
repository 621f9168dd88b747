"""Members: list, search, filters, add with errors at the field, member page, import preview."""

from __future__ import annotations

from desktop.services import members


def _add(ctx, name, id_number, **kw):
    return members.add_member(ctx, members.MemberInput(name=name, id_number=id_number, **kw))


def test_list_search_and_filter(qtbot, state):
    from desktop.ui.members import MembersPage

    _add(state.ctx, "张三", "11010519491231002X", hardship_category="deep")
    _add(state.ctx, "李四", "440524188001010014")
    page = MembersPage(state)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 2
    assert "2" in page.count.text()
    page.search.setText("zs")
    page.run_query()
    assert [r.name for r in page.model.rows] == ["张三"]
    assert page.model.data(page.model.index(0, 2)) == "110105********002X"
    page.search.setText("")
    page.hardship.setCurrentIndex(page.hardship.findData("any"))
    assert [r.name for r in page.model.rows] == ["张三"]


def test_typing_searches_at_once_and_merges_keys_typed_meanwhile(qtbot, state, monkeypatch):
    """No fixed delay per key: the first key searches at once; keys typed while that search
    runs become one search of the latest text."""
    import dataclasses
    import time

    from desktop.services import search
    from desktop.ui.members import MembersPage
    from desktop.ui.ops import Ops

    _add(state.ctx, "张三", "11010519491231002X")
    _add(state.ctx, "李四", "440524188001010014")
    seen: list[str] = []
    real = search.search_members

    def slow(ctx, text, **kw):
        seen.append(text)
        time.sleep(0.05)
        return real(ctx, text, **kw)

    monkeypatch.setattr(search, "search_members", slow)
    threaded = dataclasses.replace(state, ops=Ops())
    page = MembersPage(threaded)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.model.loading, timeout=3000)
    page.search.setText("z")
    assert page.model.querying and not page.timer.isActive()  # sent at once, no delay
    for text in ("zs", "zsa", "zs"):
        page.search.setText(text)
    assert page.pending
    qtbot.waitUntil(lambda: not page.model.querying and not page.pending, timeout=3000)
    assert seen == ["z", "zs"]  # the three keys typed meanwhile: one search, the latest text
    assert [r.name for r in page.model.rows] == ["张三"]
    threaded.ops.wait(3000)


def test_browse_list_pages_before_its_count_arrives(qtbot, state):
    """The first page shows before the count; scrolling must not stop at the total of the
    search typed before (the count of the new list is not known yet)."""
    from desktop.ui.member_model import PAGE, MemberTableModel

    model = MemberTableModel(state.ops, state.ctx)
    model.generation, model.total, model.total_known = 1, 7, True  # a search found 7
    model._replace(1, ["row"] * PAGE, None)
    assert model.canFetchMore()
    model._append(1, ["row"] * PAGE)
    assert model.canFetchMore()  # 400 rows: not "all 7"
    model._set_total(1, 1000)
    assert model.canFetchMore() and model.total == 1000
    model._set_total(1, 2 * PAGE)
    assert not model.canFetchMore()


def test_stale_results_are_dropped(qtbot, state):
    from desktop.ui.member_model import MemberTableModel

    model = MemberTableModel(state.ops, state.ctx)
    model.generation = 5
    model._replace(4, ["stale"], 1)
    assert model.rows == []


def test_add_member_shows_errors_at_field_then_lists(qtbot, state):
    from desktop.ui.member_form import MemberForm
    from desktop.ui.members import MembersPage

    page = MembersPage(state)
    qtbot.addWidget(page)
    page.show()
    form = MemberForm(state, None)
    qtbot.addWidget(form)
    form.widgets["name"].setText("王五")
    form.widgets["id_number"].setText("110105194912310021")
    form.save()
    error = form.form.error_labels["id_number"]
    assert error.isVisibleTo(form) and "校验" in error.text() or error.text()
    form.widgets["id_number"].setText("11010519491231002X")
    form.save()
    assert form.saved is not None
    assert [r.name for r in page.model.rows] == ["王五"]  # refreshed through the bridge


def test_member_page_masks_and_reveal_is_audited(qtbot, state):
    from desktop.models import AuditEvent
    from desktop.ui.member_page import MemberDialog

    member = _add(state.ctx, "张三", "11010519491231002X", bank_account="6222020200112233445")
    dialog = MemberDialog(state, member.id)
    qtbot.addWidget(dialog)
    assert dialog.values["bank_account"].text() == "6222***********3445"
    dialog.reveal("bank_account")
    assert dialog.values["bank_account"].text() == "6222020200112233445"
    from sqlmodel import select

    with state.ctx.read() as session:
        actions = list(session.exec(select(AuditEvent.action)))
    assert "member.reveal" in actions


def test_roster_import_preview_and_apply(qtbot, state, tmp_path):
    from desktop.ui.roster_import import ImportDialog

    path = tmp_path / "roster.csv"
    path.write_text(
        "姓名,身份证号,手机号\n张三,11010519491231002X,13800138000\n坏人,123,\n", encoding="utf-8"
    )
    dialog = ImportDialog(state)
    qtbot.addWidget(dialog)
    dialog.load(str(path))
    assert dialog.bad.topLevelItemCount() == 1
    assert dialog.apply_button.isEnabled()
    dialog.apply()
    assert "新增 1 人" in dialog.summary.text()
