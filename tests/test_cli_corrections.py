"""`stationdesk visit|log list/edit/void`: the window's 修改 and 作废 on the command line, as
real processes against a real (encrypted) station file."""

from __future__ import annotations

import json

from test_cli import run, station  # noqa: F401 - the fixture, reused


def _json(tmp_path, *args):
    return json.loads(run(tmp_path, "--json", *args).stdout)


def test_visit_edit_then_void_then_refused(tmp_path, station):  # noqa: F811
    run(tmp_path, "member", "add", "--name", "张三", "--id-number", "11010519491231002X")
    added = run(
        tmp_path,
        "visit",
        "add",
        "--member",
        "11010519491231002X",
        "--type",
        "入户走访",
        check=False,
    )
    assert added.returncode == 1 and "事由" in added.stderr  # a visit needs 事由
    run(
        tmp_path,
        "visit",
        "add",
        "--member",
        "11010519491231002X",
        "--type",
        "入户走访",
        "--purpose",
        "了解情况",
    )
    (visit_id,) = _json(tmp_path, "visit", "list")["ids"]
    run(tmp_path, "visit", "edit", visit_id, "--purpose", "复查医疗费用")
    assert "复查医疗费用" in run(tmp_path, "visit", "list").stdout
    run(tmp_path, "visit", "void", visit_id, "--reason", "重复登记")
    assert "【已作废：重复登记】" in run(tmp_path, "visit", "list").stdout
    again = run(tmp_path, "visit", "edit", visit_id, "--purpose", "x", check=False)
    assert again.returncode == 1 and "已作废" in again.stderr


def test_log_edit_keeps_what_is_not_given_then_void(tmp_path, station):  # noqa: F811
    run(tmp_path, "log", "add", "--category", "reception", "--visitors", "3", "--text", "接待")
    (log_id,) = _json(tmp_path, "log", "list")["ids"]
    run(tmp_path, "log", "edit", log_id, "--visitors", "5")
    listed = run(tmp_path, "log", "list").stdout
    assert "接待 5" in listed and "接待" in listed
    missing_reason = run(tmp_path, "log", "void", log_id, check=False)
    assert missing_reason.returncode != 0
    run(tmp_path, "log", "void", log_id, "--reason", "写错日期")
    assert "【已作废：写错日期】" in run(tmp_path, "log", "list").stdout
