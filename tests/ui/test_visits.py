"""Visits: the keyboard path (type, Enter picks, Ctrl+S saves), errors at the field, follow-ups."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.services import members


def test_visit_from_keyboard_then_listed_and_followup(qtbot, state):
    from desktop.ui.visits import VisitsPage

    members.add_member(state.ctx, members.MemberInput(name="张三", id_number="11010519491231002X"))
    page = VisitsPage(state)
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitActive(page)
    page.save()  # nobody chosen
    assert page.form.error_labels["member_ids"].text() == "请至少选择一名走访对象"
    qtbot.keyClicks(page.picker.edit, "zs")
    qtbot.keyClick(page.picker.edit, Qt.Key.Key_Return)
    assert page.picker.member_ids()
    page.purpose.setText("了解生活情况")
    page.followup.setChecked(True)
    assert page.save_shortcut.key().toString() == "Ctrl+S"
    page.save_shortcut.activated.emit()
    assert "已保存" in page.saved_label.text()
    assert page.recent.topLevelItemCount() == 1
    assert page.followups.topLevelItemCount() == 1
    page.followups.setCurrentItem(page.followups.topLevelItem(0))
    page.complete()
    assert page.followups.topLevelItemCount() == 0
