"""Members: list, search, filters, add with errors at the field, member page, import preview."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QPushButton
from sqlmodel import select

from desktop.services import members

from .drive import Answers, choose, click, file_name, type_into, when_modal


def _add(ctx, name, id_number, **kw):
    return members.add_member(ctx, members.MemberInput(name=name, id_number=id_number, **kw))


def test_list_search_and_filter(qtbot, state):
    from desktop.ui.members import MembersPage

    _add(state.ctx, "张三", "11010519491231002X", hardship_category="deep")
    _add(state.ctx, "李四", "440524188001010014")
    page = MembersPage(state)
    qtbot.addWidget(page)
    page.show()
    assert page.model.rowCount() == 2
    assert "2" in page.count.text()
    type_into(page.search, "zs")
    assert [r.name for r in page.model.rows] == ["张三"]
    assert page.model.data(page.model.index(0, 2)) == "110105********002X"
    type_into(page.search, "")
    choose(page.hardship, "困难职工（全部类别）")
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
    form.show()
    save = form.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    type_into(form.widgets["name"], "王五")
    type_into(form.widgets["id_number"], "110105194912310021")
    click(save)
    error = form.form.error_labels["id_number"]
    assert error.isVisibleTo(form) and "校验" in error.text()
    assert form.saved is None
    type_into(form.widgets["id_number"], "11010519491231002X")
    click(save)
    assert form.saved is not None
    assert [r.name for r in page.model.rows] == ["王五"]  # refreshed through the bridge


def test_member_page_masks_and_reveal_is_audited(qtbot, state):
    from desktop.models import AuditEvent
    from desktop.ui.member_page import MemberDialog

    member = _add(state.ctx, "张三", "11010519491231002X", bank_account="6222020200112233445")
    dialog = MemberDialog(state, member.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.values["bank_account"].text() == "6222***********3445"
    click(dialog.reveal_buttons["bank_account"])
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
    dialog.show()
    answers = Answers()
    when_modal(answers, file_name(str(path)), kind=QFileDialog)
    click(next(b for b in dialog.findChildren(QPushButton) if b.text() == "选择文件…"))
    answers.check()
    assert dialog.bad.topLevelItemCount() == 1
    assert dialog.apply_button.isEnabled()
    click(dialog.apply_button)
    assert "新增 1 人" in dialog.summary.text()


UNKNOWN_REGION = "990105194912310023"  # a right check character, a region code that is not


def _click(qtbot, widget):
    assert widget.isVisible() and widget.isEnabled()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _type(qtbot, widget, text):
    """Keys for ASCII; other text as an input method commits it (no key carries 王 or １)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    for run in re.findall(r"[ -~]+|[^ -~]+", text):
        if run.isascii():
            qtbot.keyClicks(widget, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)


def test_member_form_shows_the_region_warning_and_refuses_inner_spaces(qtbot, state):
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop.models import Member
    from desktop.ui.member_form import MemberForm

    form = MemberForm(state, None)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    save = form.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    id_field = form.widgets["id_number"]
    _click(qtbot, form.widgets["name"])
    _type(qtbot, form.widgets["name"], "王五")
    _click(qtbot, id_field)
    _type(qtbot, id_field, "120105 19861222 9385")
    assert not form.id_warning.isVisible()
    _click(qtbot, save)
    error = form.form.error_labels["id_number"]
    assert error.isVisible() and error.text() == "身份证号码中间不能有空格"
    assert form.saved is None
    qtbot.keyClick(id_field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    _type(qtbot, id_field, UNKNOWN_REGION[:17])
    assert not form.id_warning.isVisible()  # not whole yet
    _type(qtbot, id_field, UNKNOWN_REGION[17:])
    assert form.id_warning.isVisible()
    assert form.id_warning.text() == "身份证号码的地区码 990105 未知，请核对号码"
    _click(qtbot, save)  # a warning, not a block
    assert form.saved is not None
    with state.ctx.read() as session:
        assert session.get(Member, form.saved.id).id_number == UNKNOWN_REGION


def test_member_form_names_full_width_digits(qtbot, state):
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop.ui.member_form import MemberForm

    form = MemberForm(state, None)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    _click(qtbot, form.widgets["name"])
    _type(qtbot, form.widgets["name"], "赵六")
    _click(qtbot, form.widgets["id_number"])
    _type(qtbot, form.widgets["id_number"], "１２０１０５１９８６１２２２９３８５")
    _click(qtbot, form.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save))
    assert "全角" in form.form.error_labels["id_number"].text()
    assert form.saved is None


def _choose_file_when_asked(qtbot, path):
    """Answer the file dialog the way a person does: type the path, press Enter. The dialog is
    looked for among the shown windows (a dialog an earlier test left behind may still count as
    the active modal one); after 15 s it is closed, so the test fails instead of hanging."""
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

    deadline = time.monotonic() + 15

    def answer():
        shown = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QFileDialog) and w.isVisible()
        ]
        if not shown:
            if time.monotonic() < deadline:
                QTimer.singleShot(20, answer)
            return
        dialog = shown[-1]
        if time.monotonic() >= deadline:
            dialog.reject()
            return
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        _type(qtbot, name, str(path))
        qtbot.keyClick(name, Qt.Key.Key_Return)

    QTimer.singleShot(20, answer)


def test_roster_import_preview_shows_warnings_then_imports(qtbot, state, tmp_path):
    from PySide6.QtWidgets import QPushButton

    from desktop.models import Member
    from desktop.ui.roster_import import ImportDialog

    path = tmp_path / "roster.csv"
    path.write_text(
        "姓名,身份证号,工作单位,职工类别\n"
        "张三,11010519491231002X, 顺丰速运 ,快递员\n"
        f"李四,{UNKNOWN_REGION},美团,外卖员\n"
        "王五,120105 19861222 9385,,\n",
        encoding="utf-8",
    )
    dialog = ImportDialog(state)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    buttons = {b.text(): b for b in dialog.findChildren(QPushButton)}
    _choose_file_when_asked(qtbot, path)
    _click(qtbot, buttons["选择文件…"])
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=5000)
    rows = [
        [dialog.bad.topLevelItem(i).text(c) for c in range(3)]
        for i in range(dialog.bad.topLevelItemCount())
    ]
    assert rows == [
        ["4", "王五", "身份证号：身份证号码中间不能有空格"],
        ["2", "张三", "[提示] 工作单位前后有空格，已去掉空格"],
        ["3", "李四", "[提示] 身份证号码的地区码 990105 未知，请核对号码"],
    ]
    assert "有 2 行需要核对（仍会导入）" in dialog.summary.text()
    _click(qtbot, dialog.apply_button)
    qtbot.waitUntil(lambda: "已导入" in dialog.summary.text(), timeout=5000)
    with state.ctx.read() as session:
        imported = {m.name: (m.employer, m.job_group) for m in session.exec(select(Member))}
    assert imported == {"张三": ("顺丰速运", "courier"), "李四": ("美团", "food_delivery")}


def test_conflicts_page_masks_phone_numbers_and_keeps_the_choice(qtbot, state):
    from sqlmodel import Session

    from desktop.models import Conflict
    from desktop.ui.conflicts import ConflictsPage

    member = _add(state.ctx, "李四", "440524188001010014", phone="13800138000")
    conflict = Conflict(
        entity="member",
        row_id=member.id,
        field="phone",
        local_value="13800138000",
        server_value="13900139001",
    )
    with Session(state.ctx.engine) as session:
        session.add(conflict)
        session.commit()
        cid = conflict.id
    page = ConflictsPage(state)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    local, server = page.groups[cid].button(0), page.groups[cid].button(1)
    assert (local.text(), server.text()) == ("138****8000", "139****9001")
    texts = [w.text() for w in page.findChildren(QLabel)] + [local.text(), server.text()]
    assert not any("13800138000" in t or "13900139001" in t for t in texts)
    page.scroll_area.ensureWidgetVisible(local)
    _click(qtbot, local)
    assert local.isChecked()
    _click(qtbot, page.apply_button)
    assert "已保存 1 项选择" in page.status.text()
    with Session(state.ctx.engine) as session:
        assert session.get(Conflict, cid).resolved_at is not None
    assert members.get_member(state.ctx, member.id).phone == "13800138000"  # this station's
