"""设置: the station head edits the station and adds staff; others see it read-only; about box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop import __version__
from desktop.services import staff
from desktop.ui.settings import SettingsPage


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _page(qtbot, state) -> SettingsPage:
    page = SettingsPage(state)
    qtbot.addWidget(page)
    page.show()
    return page


def test_head_edits_station_details(qtbot, head_state, head_ctx):
    page = _page(qtbot, head_state)
    card = page.station
    assert card.edits["name"].text() == "测试街道工会服务站"
    assert card.code.text() == "4401060001"
    card.edits["address"].setText("天河路 1 号")
    card.edits["phone"].setText("020-87654321")
    _click(qtbot, card.save_button)
    assert card.status.text() == "已保存。"
    station = head_ctx.station()
    assert (station.address, station.phone) == ("天河路 1 号", "020-87654321")
    page.refresh()  # what is shown comes back from the store
    assert card.edits["address"].text() == "天河路 1 号"


def test_station_bad_input_shows_field_errors(qtbot, head_state, head_ctx):
    page = _page(qtbot, head_state)
    card = page.station
    card.edits["name"].setText("  ")
    card.edits["phone"].setText("12345")
    _click(qtbot, card.save_button)
    assert card.form.error_labels["name"].isVisibleTo(page)
    assert card.form.error_labels["name"].text() == "服务站名称不能为空"
    assert "格式不正确" in card.form.error_labels["phone"].text()
    assert head_ctx.station().name == "测试街道工会服务站"  # nothing saved


def test_head_adds_staff_and_sees_it_listed(qtbot, head_state, head_ctx):
    page = _page(qtbot, head_state)
    card = page.staff
    assert {"head", "worker", "reviewer", "auditor"} <= set(card.usernames())
    card.username.setText("zhou")
    card.display_name.setText("周社工")
    card.role.setCurrentIndex(card.role.findData("reviewer"))
    card.password.setText("pw123456")
    _click(qtbot, card.add_button)
    assert "zhou" in card.usernames()
    row = next(
        card.list.topLevelItem(i)
        for i in range(card.list.topLevelItemCount())
        if card.list.topLevelItem(i).text(0) == "zhou"
    )
    assert (row.text(1), row.text(2)) == ("周社工", "审核")
    assert "已添加 周社工" in card.status.text()
    assert card.username.text() == "" and card.password.text() == ""
    assert staff.login(head_ctx, "zhou", "pw123456", sleep=False).display_name == "周社工"


def test_add_staff_bad_input_shows_field_errors(qtbot, head_state):
    page = _page(qtbot, head_state)
    card = page.staff
    card.username.setText("worker")  # taken
    card.display_name.setText("重名")
    card.password.setText("123")
    _click(qtbot, card.add_button)
    assert card.form.error_labels["password"].text() == "密码至少 6 位"
    card.password.setText("pw123456")
    _click(qtbot, card.add_button)
    assert "已存在" in card.form.error_labels["username"].text()
    assert card.form.error_labels["username"].isVisibleTo(page)
    assert not card.form.error_labels["password"].isVisibleTo(page)
    assert card.usernames().count("worker") == 1


def test_non_head_sees_settings_read_only(qtbot, state, ctx):
    page = _page(qtbot, state)
    assert page.station.edits["name"].isReadOnly()
    assert not page.station.save_button.isEnabled()
    assert not page.staff.add_button.isEnabled()
    assert "head" in page.staff.usernames()  # the list is still shown
    notes = [w.text() for w in page.findChildren(type(page.station.status))]
    assert "只有站长可以修改服务站信息。" in notes
    assert "只有站长可以添加工作人员。" in notes
    page.station.save_button.setEnabled(True)  # even if the button were reached...
    _click(qtbot, page.station.save_button)  # ...the service says no, in Chinese
    assert page.station.form.general.text() == "修改服务站信息需要站长权限"
    page.staff.username.setText("x1")
    page.staff.add_button.setEnabled(True)
    _click(qtbot, page.staff.add_button)
    assert page.staff.form.general.text() == "添加工作人员需要站长权限"


def test_about_box_shows_the_version(qtbot, state):
    page = _page(qtbot, state)
    page.about_button.click()
    dialog = next(w for w in QApplication.topLevelWidgets() if type(w).__name__ == "AboutDialog")
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    assert dialog.product.text() == "工会服务站工作台 StationDesk"
    assert __version__ in dialog.version.text()
    assert dialog.version.text() == f"版本 {__version__}"


def test_default_printer_is_chosen_in_settings_and_used_when_printing(
    qtbot, state, tmp_path, monkeypatch
):
    from PySide6.QtCore import QSettings
    from PySide6.QtPrintSupport import QPrinterInfo

    from desktop.ui import printing

    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr("desktop.ui.app.settings", lambda: store)
    printers = ["HP LaserJet 1020", "Epson LQ-630K"]  # a laser and a dot-matrix (continuous)
    monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", staticmethod(lambda: printers))
    page = _page(qtbot, state)
    combo = page.printer
    assert [combo.itemText(i) for i in range(combo.count())] == ["系统默认打印机", *printers]
    combo.setCurrentIndex(combo.findData("Epson LQ-630K"))
    assert store.value("printer") == "Epson LQ-630K"
    assert printing.default_printer() == "Epson LQ-630K"
    printers.remove("Epson LQ-630K")  # unplugged: printing falls back to the system default
    assert printing.default_printer() == ""
    again = _page(qtbot, state)  # and Settings says so instead of silently switching
    assert again.printer.currentText() == "Epson LQ-630K（未连接）"
