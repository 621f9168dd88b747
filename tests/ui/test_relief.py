"""Relief: issue with rules shown, refusal, head override, receipt preview and print, void."""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from desktop.services import members, programs


def _setup(head_ctx):
    programs.add_program(
        head_ctx,
        programs.ProgramInput(
            code="LIV",
            year=2026,
            name="困难职工生活救助",
            program_type="living",
            max_times_per_year=1,
            budget_fen=1_000_000,
        ),
    )
    return members.add_member(
        head_ctx, members.MemberInput(name="张三", id_number="11010519491231002X")
    )


def _fill(page, member, cash="500"):
    page.picker.add(member.id, member.name)
    page.cash.setText(cash)
    page.check()


def _previews():
    from desktop.ui.printing import PdfPreview

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, PdfPreview)]


def test_issue_print_refuse_void(qtbot, state, head_ctx, tmp_path):
    from desktop.ui.relief import ReliefPage

    member = _setup(head_ctx)
    page = ReliefPage(state)
    qtbot.addWidget(page)
    page.show()
    page.issue()
    assert page.form.error_labels["member_id"].text() == "请选择领取人"
    _fill(page, member)
    assert "今年已领取本项目 0 次" in page.rules.text()
    page.issue()
    assert "已发放" in page.rules.text()
    assert page.list.topLevelItemCount() == 1
    assert "未打印" in page.list.topLevelItem(0).text(5)
    preview = _previews()[-1]
    assert preview.images  # rendered pages
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "out.pdf"))
    assert preview.print_(printer)
    assert (tmp_path / "out.pdf").stat().st_size > 1000
    assert "未打印" not in page.list.topLevelItem(0).text(5)
    # a second hand-out breaks the once-a-year cap: a social worker is refused
    _fill(page, member)
    assert page.refusal.isVisibleTo(page) and "上限" in page.refusal.text()
    assert not page.issue_button.isEnabled()
    page.list.setCurrentItem(page.list.topLevelItem(0))
    page.void_selected("金额填错")
    assert page.list.topLevelItem(0).text(5) == "已作废"


def test_head_override_with_reason(qtbot, head_state, head_ctx):
    from desktop.ui.relief import ReliefPage

    member = _setup(head_ctx)
    page = ReliefPage(head_state)
    qtbot.addWidget(page)
    page.show()
    _fill(page, member)
    page.issue()
    _fill(page, member)
    assert page.override.isVisibleTo(page)
    page.issue()  # no reason: refused again
    assert page.refusal.isVisibleTo(page)
    _fill(page, member)
    page.override.setText("重病住院，经站务会研究同意")
    page.issue()
    assert page.list.topLevelItemCount() == 2
