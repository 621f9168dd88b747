"""`stationdesk hardship …` and `stationdesk student …` as real processes against a real
(encrypted) station file: a household from application to 脱困, a child's grant."""

from __future__ import annotations

import datetime as dt
import json

from test_cli import run, station  # noqa: F401 - the fixture, reused

HEAD_ID = "11010519491231002X"
CHILD_ID = "440524201001010018"


def _json(tmp_path, *args):
    return json.loads(run(tmp_path, "--json", *args).stdout)


def test_a_household_from_application_to_recovery(tmp_path, station):  # noqa: F811
    run(tmp_path, "member", "add", "--name", "陈建国", "--id-number", HEAD_ID)
    refused = run(
        tmp_path, "hardship", "apply", "--member", HEAD_ID, "--person", "本人,陈建国", check=False
    )
    assert refused.returncode == 1 and "尚未设置当地低保标准" in refused.stderr
    run(tmp_path, "hardship", "standard", "980")
    bad = run(
        tmp_path, "hardship", "apply", "--member", HEAD_ID, "--person", "本人,陈建国,,abc",
        check=False,
    )  # fmt: skip
    assert bad.returncode == 1 and "家庭成员第 1 项月收入" in bad.stderr
    applied = run(
        tmp_path, "hardship", "apply", "--member", HEAD_ID,
        "--person", f"本人,陈建国,{HEAD_ID},1500,慢性病,在岗",
        "--person", "配偶,刘秀英,,0,残疾,无业",
        "--medical", "6000", "--cause", "疾病",
    )  # fmt: skip
    assert "深度困难" in applied.stdout
    assert "家庭年收入 ¥18,000.00 - 刚性支出 ¥6,000.00）÷ 12 ÷ 2 人 = ¥500.00" in applied.stdout
    run(tmp_path, "visit", "add", "--member", HEAD_ID, "--type", "入户走访", "--purpose", "核实")
    (visit_id,) = _json(tmp_path, "visit", "list")["ids"]
    run(tmp_path, "hardship", "verify", HEAD_ID, "--visit", visit_id)
    run(tmp_path, "hardship", "publish", HEAD_ID)
    established = _json(tmp_path, "hardship", "establish", HEAD_ID)
    assert established["status"] == "established"
    listed = run(tmp_path, "hardship", "list", "--category", "deep").stdout
    assert "4401060001-K" in listed and "110105********002X" in listed and HEAD_ID not in listed
    reviewed = run(
        tmp_path, "hardship", "review", HEAD_ID, "--person", f"本人,陈建国,{HEAD_ID},3000"
    )
    assert "按规则已不符合困难条件，请办理脱困" in reviewed.stdout
    run(tmp_path, "hardship", "close", HEAD_ID, "--how", "recover", "--reason", "再就业")
    shown = run(tmp_path, "hardship", "show", HEAD_ID).stdout
    for step in ("申请", "入户核实", "公示", "建档", "年审", "脱困 head 再就业"):
        assert step in shown
    assert _json(tmp_path, "hardship", "list", "--status", "recovered")["ids"] == [
        established["id"]
    ]


def test_a_child_gets_the_grant_of_the_school_year(tmp_path, station):  # noqa: F811
    year = dt.date.today().year
    run(tmp_path, "member", "add", "--name", "陈建国", "--id-number", HEAD_ID)
    run(
        tmp_path, "program", "add", "--code", "JQ", "--year", str(year), "--name", "金秋助学",
        "--type", "金秋助学", "--amount-rule", "高中=3000", "--amount-rule", "大学=5000",
    )  # fmt: skip
    run(
        tmp_path, "student", "add", "--member", HEAD_ID, "--name", "陈小明", "--stage", "高中",
        "--entry", str(year - 1), "--graduate", str(year + 2), "--id-number", CHILD_ID,
    )  # fmt: skip
    due = _json(tmp_path, "student", "list", "--due")
    assert len(due["ids"]) == 1
    granted = run(tmp_path, "student", "grant", "陈小明", "--program", "JQ").stdout
    assert "助学金 ¥3,000.00" in granted
    assert _json(tmp_path, "student", "list", "--due")["ids"] == []
    again = run(tmp_path, "student", "grant", "陈小明", "--program", "JQ", check=False)
    assert again.returncode == 1 and "已发放" in again.stderr
    listed = run(tmp_path, "student", "list").stdout
    assert "440524********0018" in listed and CHILD_ID not in listed
    run(tmp_path, "student", "graduate", "陈小明")
    assert "已毕业" in run(tmp_path, "student", "list").stdout
