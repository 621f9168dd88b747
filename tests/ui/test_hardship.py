"""Hardship files and student aid through the window (issue 16), with clicks and typing: a
household goes from application to file to hand-out to annual review to 脱困; a child's
grants follow two school years until graduation. The database is checked after each step."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QApplication, QInputDialog
from sqlmodel import Session, select

from desktop.models import ReliefDistribution
from desktop.models.hardship import HardshipFile, Student
from desktop.services import members, programs
from desktop.services.visits import VisitInput, add_visit

from .drive import (
    Answers,
    accept_dialog,
    choose,
    click,
    click_row,
    fill_and_accept,
    type_into,
    when_modal,
)

HEAD_ID = "11010519491231002X"


def _files(state) -> list[HardshipFile]:
    with Session(state.ctx.engine) as s:
        return list(s.exec(select(HardshipFile)).all())


def _grants(state) -> list[ReliefDistribution]:
    with Session(state.ctx.engine) as s:
        query = select(ReliefDistribution).where(ReliefDistribution.student_id.is_not(None))  # type: ignore[union-attr]
        return list(s.exec(query.order_by(ReliefDistribution.issued_on)).all())


def _previews() -> list:
    from desktop.ui.printing import PdfPreview

    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, PdfPreview) and w.isVisible()
    ]


def _close_previews() -> None:
    for widget in _previews():
        widget.close()


@pytest.fixture
def member(head_state):
    return members.add_member(
        head_state.ctx, members.MemberInput(name="陈建国", id_number=HEAD_ID, employer="环卫所")
    )


def _add_person(page, relation, name, income):
    form = page.form
    choose(form.relation, relation)
    type_into(form.person_name, name)
    type_into(form.person_income, income)
    click(form.add_person_button)


def test_a_household_from_application_to_recovery(qtbot, head_state, member):
    from desktop.ui.hardship import HardshipPage
    from desktop.ui.relief import ReliefPage

    state = head_state
    add_visit(state.ctx, VisitInput([member.id], "home", purpose="入户核实家庭情况"))
    programs.add_program(
        state.ctx,
        programs.ProgramInput(
            "LIV", 2026, "生活救助", "living", requires_file=["deep", "relative"]
        ),
    )
    page = HardshipPage(state)
    qtbot.addWidget(page)
    page.resize(800, 790)
    page.show()
    type_into(page.standard, "980")
    click(page.standard_button)
    assert "¥980.00" in page.standard_label.text()
    # the application: nothing written until the form is whole
    click(page.form.submit_button)
    assert page.form.form.error_labels["member_id"].text() == "请选择户主（会员）"
    type_into(page.form.picker.edit, "cjg", enter=True)
    click(page.form.submit_button)
    assert "家庭成员至少 1 人" in page.form.form.error_labels["household"].text()
    assert _files(state) == []
    _add_person(page, "本人", "陈建国", "1500")
    _add_person(page, "配偶", "刘秀英", "0")
    type_into(page.form.medical, "6000")
    choose(page.form.cause_main, "疾病")
    click(page.form.submit_button)
    (file,) = _files(state)
    assert (file.status, file.category, len(file.household)) == ("applied", "deep", 2)
    assert page.list.topLevelItemCount() == 1
    assert page.list.topLevelItem(0).text(2) == "110105********002X"
    detail = page.detail
    assert detail.isVisible() and "¥500.00" in detail.facts.text()
    # 入户核实 picks the home visit; 公示; 建档
    answers = Answers()
    when_modal(answers, accept_dialog, kind=QInputDialog)
    click(detail.buttons["verify"])
    answers.check()
    click(detail.buttons["publish"])
    click(page.notice_button)  # the month's 公示 list, previewed
    assert any(w.windowTitle().startswith("困难职工建档公示") for w in _previews())
    _close_previews()
    click(detail.buttons["establish"])
    (file,) = _files(state)
    assert file.status == "established" and file.file_no == "4401060001-K2026-0001"
    assert file.visit_id and file.publish_period == "2026-11"
    # a hand-out under a program that requires a file, from the relief page
    relief_page = ReliefPage(state)
    qtbot.addWidget(relief_page)
    relief_page.show()
    type_into(relief_page.picker.edit, "cjg", enter=True)
    type_into(relief_page.cash, "500")
    click(relief_page.issue_button)
    _close_previews()
    relief_page.close()
    with Session(state.ctx.engine) as s:
        (handout,) = s.exec(select(ReliefDistribution)).all()
    assert handout.hardship_file_id == file.id
    click_row(page.list, 0)
    assert detail.handouts.topLevelItemCount() == 1
    assert detail.handouts.topLevelItem(0).text(2) == "¥500.00"
    # a year later: the review restates the household and re-runs the rule
    state.ctx.today_fn = lambda: dt.date(2027, 11, 16)
    click(detail.buttons["review"])
    assert page.form.isVisible() and page.form.household.topLevelItemCount() == 2

    assert page.form.relation.currentText() == "子女"  # the next relation offered
    type_into(page.form.person_name, "陈小明")
    click(page.form.add_person_button)
    click(page.form.submit_button)
    (file,) = _files(state)
    assert [s["step"] for s in file.steps][-1] == "review" and len(file.household) == 3
    assert file.review_due == dt.date(2028, 11, 16)
    # 脱困 with a reason
    click_row(page.list, 0)
    answers = Answers()
    when_modal(answers, fill_and_accept("再就业，收入稳定"), kind=QInputDialog)
    click(detail.buttons["recover"])
    answers.check()
    (file,) = _files(state)
    assert (file.status, file.close_reason) == ("recovered", "再就业，收入稳定")
    assert detail.buttons["reopen"].isEnabled() and not detail.buttons["review"].isEnabled()
    assert detail.history.topLevelItemCount() == 6
    assert members.get_member(state.ctx, member.id).hardship_category == "none"


def test_a_child_is_granted_two_school_years_then_graduates(qtbot, head_state, member):
    from desktop.ui.students import StudentsPage

    state = head_state
    rules = {"high_school": 300000, "higher_education": 500000}
    programs.add_program(
        state.ctx,
        programs.ProgramInput("JQ", 2026, "2026年金秋助学", "education", amount_rules=rules),
    )
    page = StudentsPage(state)
    qtbot.addWidget(page)
    page.resize(1400, 800)
    page.show()
    type_into(page.picker.edit, "cjg", enter=True)
    type_into(page.name, "陈小明")
    type_into(page.id_number, "440524201001010018")
    type_into(page.school, "市第一中学")
    choose(page.stage, "高中")
    type_into(page.entry, "2025")
    type_into(page.graduation, "2028")
    click(page.add_button)
    (child,) = _students(state)
    assert (child.stage, child.entry_year, child.expected_graduation) == ("high_school", 2025, 2028)
    assert page.list.topLevelItem(0).text(2) == "440524********0018"
    click(page.due_only)
    assert page.list.topLevelItemCount() == 1
    click_row(page.list, 0)
    click(page.grant_button)
    assert "2026-2027" in page.message.text()
    assert page.list.topLevelItemCount() == 0  # no longer waiting this school year
    state.ctx.today_fn = lambda: dt.date(2027, 9, 8)
    programs.add_program(
        state.ctx,
        programs.ProgramInput("JQ", 2027, "2027年金秋助学", "education", amount_rules=rules),
    )
    assert page.list.topLevelItemCount() == 1  # the new school year: waiting again
    click_row(page.list, 0)
    click(page.grant_button)
    grants = _grants(state)
    assert [(g.school_year, g.cash_fen) for g in grants] == [
        ("2026-2027", 300000),
        ("2027-2028", 300000),
    ]
    click(page.due_only)  # all children again
    click_row(page.list, 0)
    assert page.list.topLevelItem(0).text(7) == "2026-2027、2027-2028"
    click(page.graduate_button)
    assert _students(state)[0].status == "graduated"


def _students(state) -> list[Student]:
    with Session(state.ctx.engine) as s:
        return list(s.exec(select(Student)).all())


def _published(state, member, monthly_fen):
    from desktop.services import hardship
    from desktop.services.hardship_rule import FileInput, Person

    people = [Person("本人", "陈建国", HEAD_ID, monthly_fen), Person("配偶", "刘秀英", "", 0)]
    file = hardship.apply(state.ctx, FileInput(member.id, people, cause_main="疾病"))
    visit = add_visit(state.ctx, VisitInput([member.id], "home", purpose="核实"))
    hardship.verify(state.ctx, file.id, visit.id)
    return hardship.publish(state.ctx, file.id)


def _choose_in_dialog(answers, text, then):
    """Handler for QInputDialog.getItem: pick text in its list, accept; then answer the next."""

    def handler(dialog) -> None:
        from PySide6.QtWidgets import QComboBox

        choose(dialog.findChild(QComboBox), text)
        accept_dialog(dialog)
        when_modal(answers, then, kind=QInputDialog)  # the next dialog, once this one closed

    return handler


def test_the_head_sets_another_category_with_a_reason(qtbot, head_state, member):
    from desktop.models import AuditEvent
    from desktop.services import hardship
    from desktop.ui.hardship import HardshipPage

    hardship.set_standard(head_state.ctx, 98000)
    _published(head_state, member, 300000)  # 1,500.00 a head: 相对困难 by the rule
    page = HardshipPage(head_state)
    qtbot.addWidget(page)
    page.resize(800, 790)
    page.show()
    click_row(page.list, 0)
    answers = Answers()
    when_modal(
        answers,
        _choose_in_dialog(answers, "深度困难", fill_and_accept("配偶新发重病，入不敷出")),
        kind=QInputDialog,
    )
    click(page.detail.category_button)
    answers.check()
    (file,) = _files(head_state)
    assert (file.status, file.category, file.computed_category) == (
        "established",
        "deep",
        "relative",
    )
    assert file.category_reason == "配偶新发重病，入不敷出"
    assert "站长确定类别的理由" in page.detail.facts.text()
    with Session(head_state.ctx.engine) as s:
        override = s.exec(select(AuditEvent).where(AuditEvent.action == "hardship.override")).one()
    assert override.detail == {"computed": "relative", "chosen": "deep"}
