"""The member list as a person uses it: Enter in the search goes to the results (Enter again
opens the member); a member just added is listed and selected; no hardship column."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.services import members

from .drive import click, type_into


def _add(ctx, name, id_number, **kw):
    return members.add_member(ctx, members.MemberInput(name=name, id_number=id_number, **kw))


def _page(qtbot, state):
    from desktop.ui.members import MembersPage

    page = MembersPage(state)
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    return page


def test_enter_in_search_moves_to_results_and_enter_opens(qtbot, state):
    from desktop.ui.member_page import MemberDialog

    _add(state.ctx, "张三", "11010519491231002X", hardship_category="deep")
    _add(state.ctx, "李四", "440524188001010014")
    page = _page(qtbot, state)
    headers = [
        page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())
    ]
    assert "困难类别" not in headers  # sensitive: shown on the member page after a reveal
    type_into(page.search, "zs", enter=True)
    assert page.table.hasFocus()
    assert page.table.selectionModel().selectedRows()[0].row() == 0
    assert page.model.row_at(0).name == "张三"
    QTest.keyClick(page.table, Qt.Key.Key_Return)
    dialogs = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MemberDialog) and w.isVisible()
    ]
    assert dialogs and dialogs[0].member_id == page.model.row_at(0).id
    dialogs[0].close()


def test_member_just_added_is_shown_and_selected(qtbot, state):
    from desktop.ui.member_form import MemberForm

    for i, number in enumerate(("11010519491231002X", "440524188001010014")):
        _add(state.ctx, f"会员{i}", number)
    page = _page(qtbot, state)
    click(page.add_button)
    (form,) = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MemberForm) and w.isVisible()
    ]
    type_into(form.widgets["name"], "王小五")
    type_into(form.widgets["id_number"], "110101199003074477", enter=True)  # Enter saves
    assert form.saved is not None
    selected = page.table.selectionModel().selectedRows()
    assert len(selected) == 1
    assert page.model.row_at(selected[0].row()).id == form.saved.id
    assert page.search.text() == "王小五"


def test_enter_typed_before_the_search_answers_still_picks(qtbot, state):
    """A fast typist (or a card reader) sends Enter before the search on the worker thread has
    answered: the member is picked when the results land, not lost."""
    import dataclasses

    from desktop.ui.member_picker import MemberPicker
    from desktop.ui.ops import Ops

    member = _add(state.ctx, "张三", "11010519491231002X")
    threaded = dataclasses.replace(state, ops=Ops())
    picker = MemberPicker(threaded, multiple=False)
    qtbot.addWidget(picker)
    picker.show()
    QTest.keyClicks(picker.edit, "zs")
    QTest.keyClick(picker.edit, Qt.Key.Key_Return)  # at once: the search is still in flight
    qtbot.waitUntil(lambda: picker.member_ids() == [member.id], timeout=5000)
    assert picker.edit.text() == ""
    threaded.ops.wait(3000)
