"""The station's own program dialog (a station not enrolled) keeps the file requirement of
issue 16: the head ticks the hardship categories a member's file must have, by clicks, and
the relief check uses them."""

from __future__ import annotations

from desktop.services import programs
from desktop.services import relief as relief_service
from desktop.services.members import MemberInput, add_member

from .drive import click, click_row, type_into
from .test_setup_in_window import open_tab, settings_page


def test_head_ticks_the_file_categories_a_program_requires(qtbot, head_state, head_ctx):
    page = settings_page(qtbot, head_state)
    open_tab(page.tabs, "帮扶项目")
    card = page.programs
    click(card.new_button)
    dialog = card.dialog
    type_into(dialog.code, "SHJZ")
    type_into(dialog.name, "生活救助")
    assert [box.text() for box in dialog.file_boxes.values()] == [
        "深度困难",
        "相对困难",
        "意外致困",
    ]
    click(dialog.file_boxes["deep"])
    click(dialog.file_boxes["relative"])
    click(dialog.save_button)
    (program,) = programs.list_programs(head_ctx)
    assert program.requires_file == ["deep", "relative"]
    assert "限深度困难、相对困难建档职工" in card.list.topLevelItem(0).text(3)

    member = add_member(head_ctx, MemberInput(name="周丽", id_number="11010519491231002X"))
    check = relief_service.preview(
        head_ctx, relief_service.ReliefInput(member.id, program.id, cash_fen=50000)
    )
    assert "“生活救助”只发给深度困难、相对困难的建档职工，周丽没有在册的困难职工档案" in (
        check.reasons
    )

    # corrected: the dialog shows the boxes as saved; untick 深度困难, tick 意外致困
    click_row(card.list, 0)
    click(card.edit_button)
    dialog = card.dialog
    assert [b.isChecked() for b in dialog.file_boxes.values()] == [True, True, False]
    click(dialog.file_boxes["deep"])
    click(dialog.file_boxes["accident"])
    click(dialog.save_button)
    (program,) = programs.list_programs(head_ctx)
    assert program.requires_file == ["relative", "accident"]
    # every box cleared: no file needed any more
    click_row(card.list, 0)
    click(card.edit_button)
    dialog = card.dialog
    click(dialog.file_boxes["relative"])
    click(dialog.file_boxes["accident"])
    click(dialog.save_button)
    (program,) = programs.list_programs(head_ctx)
    assert program.requires_file == []
    assert "建档职工" not in card.list.topLevelItem(0).text(3)
    check = relief_service.preview(
        head_ctx, relief_service.ReliefInput(member.id, program.id, cash_fen=50000)
    )
    assert not [r for r in check.reasons if "建档职工" in r]
