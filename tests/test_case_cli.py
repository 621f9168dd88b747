"""`stationdesk case …` and `stationdesk intake …` as real processes; the printed papers read
back with pdftotext."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from test_cli import run


@pytest.fixture
def station(tmp_path):
    run(
        tmp_path, "init", "--code", "4401060001", "--name", "测试服务站",
        "--head-user", "head", "--head-password", "secret123",
    )  # fmt: skip
    return tmp_path


def _json(station, *args):
    return json.loads(run(station, "--json", *args).stdout)


def _pdf_text(path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_a_wage_case_from_application_to_printed_agreement(station):
    member = _json(station, "member", "add", "--name", "张伟", "--id-number", "11010519491231002X")
    opened = _json(
        station, "case", "open", "--source", "12351 工单", "--ticket", "GD2026110001",
        "--employer", "某某物流有限公司", "--type", "欠薪", "--member", member["id"],
        "--worker", "李娜:13800138000", "--worker", "王芳", "--claimed", "36000",
    )  # fmt: skip
    number = opened["case_no"]
    assert number.endswith("-T0001")
    listed = _json(station, "case", "list", "--status", "open")["cases"]
    assert [c["case_no"] for c in listed] == [number]
    assert listed[0]["workers"][1] == {"name": "李娜", "phone": "138****8000"}
    run(station, "case", "status", number, "受理")
    run(station, "case", "note", number, "电话联系用人单位，约定调解时间")
    run(station, "case", "status", number, "调解中")
    extended = _json(station, "case", "extend", number, "5", "--reason", "双方同意延期")
    assert extended["due"]
    run(station, "case", "recover", number, "36000.00")
    refused = run(station, "case", "status", number, "达成协议", check=False)
    assert refused.returncode == 1 and "协议内容" in refused.stderr
    run(station, "case", "status", number, "达成协议", "--terms", "11 月 30 日前一次付清")
    shown = run(station, "case", "show", number).stdout
    assert "达成协议" in shown and "联系记录" in shown and "延长调解期限 5 天" in shown
    out = station / "agreement.pdf"
    run(station, "case", "print", number, "agreement", "--out", str(out))
    text = _pdf_text(out)
    assert "劳动争议调解协议书" in text and number in text
    assert "人民币叁万陆仟元整" in text and "110105********002X" in text
    assert "11010519491231002X" not in text and "13800138000" not in text
    sheet = station / "record.pdf"
    run(station, "case", "print", number, "record", "--out", str(sheet))
    assert "维权个案登记表" in _pdf_text(sheet)


def test_bad_case_input_is_one_line_naming_the_field(station):
    bad = run(
        station, "case", "open", "--source", "传真", "--employer", "某公司", "--type", "欠薪",
        "--worker", "李娜", "--claimed", "12.345", check=False,
    )  # fmt: skip
    assert bad.returncode == 1
    assert "案件来源" in bad.stderr and "请求金额" in bad.stderr
    assert _json(station, "case", "list")["cases"] == []


def test_intake_add_transfer_and_list(station):
    added = _json(
        station, "intake", "add", "--name", "陈小明", "--id-number", "440524188001010014",
        "--phone", "13712345678", "--hukou", "农村户籍", "--joint-union", "快递物流行业联合工会",
        "--job", "外卖骑手", "--card", "HY2026000123",
    )  # fmt: skip
    run(station, "intake", "transfer-out", "440524188001010014", "--to", "某市总工会")
    listed = _json(station, "intake", "list")["intakes"]
    assert sorted(i["kind"] for i in listed) == ["join", "transfer_out"]
    assert {i["id_number"] for i in listed} == {"440524********0014"}
    assert {i["phone"] for i in listed} == {"137****5678"}
    found = _json(station, "search", "陈小明")["members"]
    assert [(m["id"], m["job_group"]) for m in found] == [(added["member_id"], "food_delivery")]
    again = run(station, "intake", "transfer-out", "440524188001010014", "--to", "某市总工会",
                check=False)  # fmt: skip
    assert again.returncode == 1 and "会籍已转出" in again.stderr  # the member's status moved
    run(station, "intake", "void", added["id"], "--reason", "登记错人")
    assert [i["kind"] for i in _json(station, "intake", "list")["intakes"]] == ["transfer_out"]
