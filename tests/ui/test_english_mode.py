"""English mode is English (issue 12, item 7): every screen of the main window, with the
domain's own messages (field errors, rule refusals, month-end blockers) brought up by clicks and
typing, shows no Chinese character. The station's data is fake and written in pinyin, so any
Chinese left on screen is the program's own text. Receipts and printed documents are excepted
(the receipt preview is not walked)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)
from sqlmodel import Session

from contract.enums import Role
from desktop.models import Conflict
from desktop.services import logs, members, programs, relief, visits
from desktop.services import staff as staff_service
from desktop.services.context import Actor
from desktop.ui.main_window import PAGES, MainWindow
from desktop.ui.member_form import MemberForm
from desktop.ui.printing import PdfPreview
from desktop.ui.service_text import translate
from desktop.ui.theme import install_language

from .conftest import make_state
from .drive import Answers, choose, click, type_into, when_modal

# Chinese characters, CJK punctuation and full-width forms (：，（）).
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
TODAY = dt.date(2026, 11, 20)


def _id_number(body: str) -> str:
    """A well-formed (fake) ID number: 17 digits and their check character."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(d) * w for d, w in zip(body, weights, strict=True))
    return body + "10X98765432"[total % 11]


ZHANG_ID = _id_number("44010619800101001")


@pytest.fixture
def english(qapp):
    install_language(qapp, "en")
    yield qapp
    install_language(qapp, "zh_CN")


@pytest.fixture
def pinyin_station(engine):
    """A station whose names are all pinyin: a head, a social worker, two members, a program
    with a once-a-year cap, October's hand-out not printed (a month-end blocker), a visit with
    a follow-up and a log entry."""
    system = staff_service.init_station(
        engine,
        code="4401060001",
        name="Shipai Street Union Station",
        district_code="440106",
        district_name="Tianhe District",
        union_name="Shipai Street Union",
    )
    system.today_fn = lambda: TODAY
    head = staff_service.add_staff(
        system, username="head", display_name="Li Ming", role=Role.STATION_HEAD, password="x" * 8
    )
    head_ctx = system.as_actor(Actor.of(head))
    staff_service.add_staff(
        head_ctx,
        username="worker",
        display_name="Wang Fang",
        role=Role.SOCIAL_WORKER,
        password="x" * 8,
    )
    program = programs.add_program(
        head_ctx,
        programs.ProgramInput(
            code="LIV",
            year=2026,
            name="Living aid 2026",
            program_type="living",
            max_times_per_year=1,
            budget_fen=1_000_000,
        ),
    )
    zhang = members.add_member(
        head_ctx,
        members.MemberInput(name="Zhang San", id_number=ZHANG_ID, hardship_category="deep"),
    )
    li = members.add_member(
        head_ctx, members.MemberInput(name="Li Si", id_number=_id_number("44010619850202002"))
    )
    relief.issue(
        head_ctx,
        relief.ReliefInput(
            member_id=zhang.id,
            program_id=program.id,
            cash_fen=30_000,
            issued_on=dt.date(2026, 10, 15),
        ),
    )
    _, printed = relief.issue(  # this month's list has a row to void; printed: no blocker
        head_ctx, relief.ReliefInput(member_id=li.id, program_id=program.id, cash_fen=20_000)
    )
    relief.record_print(head_ctx, printed.id)
    visits.add_visit(
        head_ctx,
        visits.VisitInput(
            member_ids=[li.id],
            visit_type="home",
            purpose="Checking in",
            followup_needed=True,
            followup_due=dt.date(2026, 11, 25),
        ),
    )
    with Session(engine) as session:  # the district changed Zhang San too (sync left these)
        for field, local, server in (
            ("job_group", "courier", "food_delivery"),
            ("phone", "12345", "13900000002"),
        ):
            session.add(
                Conflict(
                    entity="member",
                    row_id=zhang.id,
                    field=field,
                    local_value=local,
                    server_value=server,
                )
            )
        session.commit()
    logs.add_log(
        head_ctx, logs.LogInput(category="consultation", text="Phone advice", consultations=1)
    )
    return head_ctx


@pytest.fixture
def window(qtbot, english, pinyin_station, db_path):
    from desktop.ui.labels import enum_label

    state = make_state(pinyin_station, db_path)
    state.extra.update(
        station_name="Shipai Street Union Station", role_label=enum_label(Role.STATION_HEAD)
    )
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_state(state)
    window.show()
    yield window
    state.bridge.detach()


def _tree_items(tree: QTreeWidget) -> Iterator[QTreeWidgetItem]:
    stack = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        item = stack.pop()
        yield item
        stack.extend(item.child(i) for i in range(item.childCount()))


def _view_texts(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    for column in range(model.columnCount()):
        yield str(model.headerData(column, Qt.Orientation.Horizontal) or "")
    for row in range(min(model.rowCount(), 200)):
        for column in range(model.columnCount()):
            yield str(model.index(row, column).data() or "")


def _texts(widget: QWidget) -> Iterator[str]:
    """Every text a person can read on the widget (shown now or on hover, in a list or a tab)."""
    yield widget.toolTip()
    if widget.isWindow():
        yield widget.windowTitle()
    if isinstance(widget, QLabel | QAbstractButton):
        yield widget.text()
    if isinstance(widget, QLineEdit):
        yield from (widget.text(), widget.placeholderText())
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        yield from (widget.toPlainText(), widget.placeholderText())
    if isinstance(widget, QAbstractSpinBox):
        yield widget.text()
    if isinstance(widget, QGroupBox):
        yield widget.title()
    if isinstance(widget, QTabWidget):
        yield from (widget.tabText(i) for i in range(widget.count()))
    if isinstance(widget, QComboBox) and widget.objectName() != "LanguageChoice":
        yield from (widget.itemText(i) for i in range(widget.count()))
    if isinstance(widget, QTreeWidget):
        header = widget.headerItem()
        yield from (header.text(c) for c in range(header.columnCount()))
        for item in _tree_items(widget):
            yield from (item.text(c) for c in range(widget.columnCount()))
            yield from (item.toolTip(c) for c in range(widget.columnCount()))
    elif isinstance(widget, QListWidget):
        yield from (widget.item(i).text() for i in range(widget.count()))
    elif isinstance(widget, QAbstractItemView) and not _in_combo(widget):
        yield from _view_texts(widget)


def _in_combo(view: QWidget) -> bool:
    """A combo box's pop-up list (its items are read from the combo box itself)."""
    container = view.parentWidget()
    return container is not None and isinstance(container.parentWidget(), QComboBox)


def chinese_on(root: QWidget) -> list[tuple[str, str]]:
    """(widget, text) for every text of root and its children holding a Chinese character
    (hidden ones too: a tab not chosen, an error not shown yet), except in dialogs of root that
    are closed (a question answered earlier is no longer on screen)."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.objectName() == "LanguageChoice" or _in_closed_dialog(widget, root):
            continue
        for text in _texts(widget):
            if text and CJK.search(text):
                name = widget.objectName() or type(widget).__name__
                found.append((f"{type(root).__name__}/{name}", text))
    return found


def _in_closed_dialog(widget: QWidget, root: QWidget) -> bool:
    current: QWidget | None = widget
    while current is not None and current is not root:
        if current.isWindow() and not current.isVisible():
            return True
        current = current.parentWidget()
    return False


def _go(window: MainWindow, key: str) -> Any:
    """Open a screen as a person does: a click on its entry in the navigation list."""
    nav = window.nav
    item = nav.item([page_key for page_key, *_rest in PAGES].index(key))
    nav.scrollToItem(item)
    QTest.mouseClick(
        nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(item).center()
    )
    QApplication.processEvents()
    page = window.pages[key]
    assert window.stack.currentWidget() is page, key
    return page


def _close_previews() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, PdfPreview):
            widget.close()


def test_service_messages_read_in_english(english):
    """The template matcher: values are filled in, fragments and joined lists translated."""
    assert translate("现金最多两位小数：12.345") == "Cash can have at most two decimals: 12.345"
    assert translate("物资价值的小数点前后都应有数字：1.") == (
        "Goods value needs digits on both sides of the decimal point: 1."
    )
    assert translate("Zhang San 今年已领取“Living aid”1 次，超过每年 1 次的上限") == (
        'Zhang San has already received "Living aid" 1 time(s) this year; the limit is 1 time(s) a year'
    )
    assert translate("超出规则的发放需要站长批准；不能月结：2026-10 已经月结") == (
        "A hand-out outside the rules needs the station head's approval; "
        "Cannot close the month: 2026-10 is already closed"
    )
    assert translate("有 7 张收据尚未打印：R1、R2、R3、R4、R5等") == (
        "7 receipts are not printed yet: R1, R2, R3, R4, R5 and more"
    )
    assert translate("帮扶发放 字段 cash_fen：不能为负数") == (
        "Relief hand-out, field cash_fen: cannot be negative"
    )
    assert translate("身份证号：身份证号码中间不能有空格；姓名：姓名不能为空") == (
        "ID number: The ID number cannot contain spaces; Name: Name is required"
    )
    # the district server's notices and refusals come back to the station and read in English
    assert translate("区总工会提示：同一会员同月在多个服务站领取同一项目") == (
        "District union notice: The same member received the same program at several stations "
        "in one month"
    )
    # data has no translation and stays; Chinese mode is untouched
    assert translate("张三不能为空") == "张三 is required"
    install_language(english, "zh_CN")
    assert translate("现金最多两位小数：12.345") == "现金最多两位小数：12.345"


def test_a_long_message_no_template_covers_is_quick(english):
    """The search for a cut is bounded: Chinese data full of colons takes well under a second
    (it once took minutes), and comes back with its own words."""
    import time

    message = "：".join(["某某"] * 60)
    started = time.perf_counter()
    shown = translate(message)
    assert time.perf_counter() - started < 1.0
    assert shown.replace(": ", "：") == message


def test_every_service_template_reads_back_in_english(english):
    """Each template of the shipped list, filled with plain values, comes out as its own English
    (no other template takes it), with every value in its place."""
    import json

    from PySide6.QtCore import QCoreApplication

    from desktop.paths import resource_path
    from desktop.ui.service_text import PLACEHOLDER

    templates = json.loads(resource_path("translations", "service_templates.json").read_text())
    wrong = []
    for template in templates:
        if "}{" in template:
            continue  # two values side by side cannot be told apart when both are plain
        english = QCoreApplication.translate("service", template)
        assert english != template and not CJK.search(english), template
        message = PLACEHOLDER.sub(lambda m: f"v{m.group(1)}x", template)
        expected = PLACEHOLDER.sub(lambda m: f"v{m.group(1)}x", english)
        if translate(message) != expected:
            wrong.append((message, translate(message), expected))
    assert not wrong, wrong


def test_every_screen_in_english_has_no_chinese(qtbot, window):
    seen: dict[tuple[str, str], str] = {}  # (widget, text) -> the screen it was first seen on
    for key, *_rest in PAGES:
        _go(window, key)
        for found in chinese_on(window):
            seen.setdefault(found, key)
    _bring_up_domain_messages(window)
    for found in chinese_on(window):
        seen.setdefault(found, "after input")
    report = "\n".join(f"{key}: {widget}: {text!r}" for (widget, text), key in seen.items())
    assert not seen, "Chinese on screen in English mode:\n" + report


def _bring_up_domain_messages(window: MainWindow) -> None:
    """Field errors, a rule refusal and month-end blockers, by clicks and typing; each is
    checked to be on screen (so the walk above really saw the domain's text)."""
    page = _go(window, "relief")
    type_into(page.picker.edit, ZHANG_ID, enter=True)  # pinyin names have no pinyin keys
    type_into(page.cash, "12.345")
    click(page.issue_button)
    assert "at most two decimals" in page.form.error_labels["cash_fen"].text()
    type_into(page.cash, "500")
    assert page.refusal.isVisible() and "limit is 1 time(s) a year" in page.refusal.text()
    _close_previews()

    visits_page = _go(window, "visits")
    click(visits_page.save_button)
    assert visits_page.form.error_labels["member_ids"].isVisible()

    log_page = _go(window, "log")
    type_into(log_page.amount, "1.5.0")
    click(log_page.save_button)
    assert "Amount recovered" in log_page.form.error_labels["amount_recovered_fen"].text()

    month = _go(window, "month")
    choose(month.period, "2026-10")
    QApplication.processEvents()
    assert "receipts are not printed yet" in month.blockers.text()

    conflicts = _go(window, "conflicts")
    QApplication.processEvents()
    assert len(conflicts.groups) == 2
    choices = {b.text() for g in conflicts.groups.values() for b in g.buttons()}
    assert {"Courier", "Food delivery rider"} <= choices, choices  # labels, not stored values
    for group in conflicts.groups.values():  # keep this station's values: its phone is refused
        keep = group.button(0)
        conflicts.scroll_area.ensureWidgetVisible(keep)
        click(keep)
    click(conflicts.apply_button)
    assert 'Mobile number "12345" is not in the right format' in conflicts.status.text()

    campaign = _go(window, "campaign")
    click(campaign.load_button)
    type_into(campaign.amount, "12.345")
    click(campaign.start_button)  # refused before the question is asked
    error = campaign.form.error_labels["cash_fen"].text()
    assert error == "Amount per person can have at most two decimals: 12.345", error


# The amount in Chinese capitals (人民币伍佰元整) is receipt text: the confirmations quote what
# the receipt and the month report will print, so it is the one Chinese allowed on screen.
CAPITALS = re.compile(r"人民币[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元圆角分整负]+")


def _walk_dialog(seen: list[tuple[str, str]]):
    """Handler for when_modal: note the dialog's Chinese, then close it without acting."""

    def handler(dialog: QWidget) -> None:
        seen.extend((w, CAPITALS.sub("", t)) for w, t in chinese_on(dialog))
        assert isinstance(dialog, QDialog)
        dialog.reject()

    return handler


def test_dialogs_in_english_have_no_chinese(qtbot, window, tmp_path):
    """The member form with refused input, the questions asked before a void, a campaign and a
    month close, the program dialog's refusals, a roster preview's problems and notes, and a
    refused login."""
    seen: list[tuple[str, str]] = []
    members_page = _go(window, "members")
    click(members_page.add_button)
    form = _shown(MemberForm)
    type_into(form.widgets["name"], "Wu Qi")
    type_into(form.widgets["id_number"], "440106198001010010")  # wrong check digit
    type_into(form.widgets["phone"], "12345")
    click(form.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save))
    shown = [label.text() for label in form.form.error_labels.values() if label.isVisible()]
    assert any("check digit" in text for text in shown), shown
    type_into(form.widgets["id_number"], _id_number("99010619800101001"))  # unknown region
    assert "region code 990106 of the ID number is unknown" in form.id_warning.text()
    seen.extend(chinese_on(form))
    form.reject()
    seen.extend(_member_page(members_page))

    from .drive import click_row

    relief_page = _go(window, "relief")
    click_row(relief_page.list, 0)
    answers = Answers()
    when_modal(answers, _walk_dialog(seen), kind=QInputDialog)
    click(relief_page.void_button)
    answers.check()
    assert answers.seen, "no void question"
    click(relief_page.preview_button)  # the receipt itself is Chinese; its window is not
    preview = _shown(PdfPreview)
    assert preview.images
    seen.extend(chinese_on(preview))
    preview.close()

    campaign = _go(window, "campaign")
    click(campaign.load_button)
    when_modal(answers, _walk_dialog(seen), kind=QMessageBox)
    click(campaign.start_button)
    answers.check()
    assert "Nothing was handed out" in campaign.status.text()

    month = _go(window, "month")
    choose(month.period, "2026-11")
    when_modal(answers, _walk_dialog(seen), kind=QMessageBox)
    click(month.close_button)
    answers.check()
    assert len(answers.seen) == 3
    seen.extend(_program_dialog(window))
    seen.extend(_about_box(window))
    seen.extend(_roster_preview(window, tmp_path))
    seen.extend(_sync_file_refused(window, tmp_path))
    seen.extend(_login_refused(window))
    seen = [(widget, text) for widget, text in seen if CJK.search(text)]
    assert not seen, seen


def _shown(kind: type) -> Any:
    QApplication.processEvents()
    (dialog,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    return dialog


def _open_tab(page: QWidget, title: str) -> None:
    tabs = page.findChild(QTabWidget)
    assert tabs is not None
    bar = tabs.tabBar()
    (index,) = [i for i in range(tabs.count()) if tabs.tabText(i) == title]
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index


def _program_dialog(window: MainWindow) -> list[tuple[str, str]]:
    """The station head's program dialog: amounts refused by the parser, then by the service."""
    settings = _go(window, "settings")
    _open_tab(settings, "Fund programs")
    click(settings.programs.new_button)
    dialog = settings.programs.dialog
    type_into(dialog.money["annual_cap_fen"], "1.234")
    click(dialog.save_button)
    error = dialog.form.error_labels["annual_cap_fen"].text()
    assert error == "Yearly total limit can have at most two decimals: 1.234", error
    type_into(dialog.money["annual_cap_fen"], "1000")
    click(dialog.save_button)
    assert dialog.form.error_labels["code"].text() == "Program code is required"
    found = chinese_on(dialog)
    dialog.reject()
    return found


def _login_refused(window: MainWindow) -> list[tuple[str, str]]:
    from desktop.ui.login import LoginDialog

    state = window.state
    assert state is not None
    login = LoginDialog(state.ops, state.ctx, "Shipai Street Union Station", ["head"])
    login.show()
    type_into(login.password, "not-the-password")
    click(login.ok)
    assert "Wrong login name or password" in login.error.text()
    found = chinese_on(login)
    login.deleteLater()
    return found


def _roster_preview(window: MainWindow, tmp_path) -> list[tuple[str, str]]:
    """A roster with a refused row (an ID number with spaces) and a noted one (spaces around
    the employer): the reasons come from the domain, field name and message."""
    from desktop.ui.roster_import import ImportDialog

    from .drive import file_name

    path = tmp_path / "roster.csv"
    rows = [
        "姓名,身份证号,工作单位",  # the file's own header: data, never shown
        f"Zhou Ba,{_id_number('44010619900303003')}, Sunrise Couriers ",
        "Zheng Jiu,440106 19900404 0041,",
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    members_page = _go(window, "members")
    click(members_page.import_button)
    dialog = _shown(ImportDialog)
    answers = Answers()
    when_modal(answers, file_name(str(path)), kind=QFileDialog)
    click(next(b for b in dialog.findChildren(QPushButton) if b.text() == "Choose file…"))
    answers.check()
    reasons = [dialog.bad.topLevelItem(i).text(2) for i in range(dialog.bad.topLevelItemCount())]
    assert reasons == [
        "ID number: The ID number cannot contain spaces",
        "[Notice] Employer had spaces around it; they were removed",
    ], reasons
    assert "1 rows need checking" in dialog.summary.text()
    found = chinese_on(dialog)
    dialog.reject()
    return found


def test_setup_wizard_in_english_has_no_chinese(qtbot, english, engine, db_path):
    """The first-start wizard: its pages, and the service's refusal of a station with no name."""
    from desktop.ui.ops import Ops
    from desktop.ui.wizard import SetupWizard

    wizard = SetupWizard(Ops(synchronous=True), engine, db_path)
    qtbot.addWidget(wizard)
    wizard.show()
    click(next(b for b in wizard.findChildren(QPushButton) if b.text().startswith("Start offline")))
    page = wizard.stack.currentWidget()
    (next_button,) = [b for b in page.findChildren(QPushButton) if b.text() == "Next"]
    click(next_button)
    assert wizard.station_form.error_labels["name"].text() == "Station name is required"
    found = chinese_on(wizard)
    assert not found, found


def _member_page(members_page: QWidget) -> list[tuple[str, str]]:
    """A member's page (details, hand-outs, visits), opened from the list with Enter."""
    from desktop.ui.member_page import MemberDialog

    table = members_page.table
    QApplication.processEvents()
    assert table.model().rowCount() >= 2
    rect = table.visualRect(table.model().index(0, 0))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.keyClick(table, Qt.Key.Key_Return)
    dialog = _shown(MemberDialog)
    QApplication.processEvents()
    found = chinese_on(dialog)
    dialog.reject()
    return found


def _about_box(window: MainWindow) -> list[tuple[str, str]]:
    from desktop.ui.about import AboutDialog

    settings = _go(window, "settings")
    _open_tab(settings, "This computer and data")
    click(settings.about_button)
    dialog = _shown(AboutDialog)
    assert dialog.product.text().startswith("StationDesk")
    found = chinese_on(dialog)
    dialog.reject()
    return found


def _sync_file_refused(window: MainWindow, tmp_path) -> list[tuple[str, str]]:
    """A file that is not a reply file, imported on the sync page: refused, said in English on
    the card and in the page's history."""
    from .drive import file_name

    junk = tmp_path / "not-a-reply.sdsync"
    junk.write_bytes(b"PK\x03\x04 something else")
    sync = _go(window, "sync")
    answers = Answers()
    when_modal(answers, file_name(str(junk)), kind=QFileDialog)
    click(sync.files.import_button)
    answers.check()
    QApplication.processEvents()
    assert sync.files.error.isVisible(), sync.files.status.text()
    assert "nothing was imported" in sync.files.error.text(), sync.files.error.text()
    assert "nothing was imported" in sync.history.item(0).text()
    return chinese_on(window)
