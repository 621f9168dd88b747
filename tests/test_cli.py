"""The stationdesk command: real processes, real files, one-line Chinese errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


def run(tmp_path, *args, check=True):
    env = dict(os.environ, STATIONDESK_HOME=str(tmp_path / "home"))
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--db", str(tmp_path / "s.sqlite3"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


@pytest.fixture
def station(tmp_path):
    run(
        tmp_path,
        "init",
        "--code",
        "4401060001",
        "--name",
        "测试服务站",
        "--head-user",
        "head",
        "--head-password",
        "secret123",
    )
    run(
        tmp_path,
        "program",
        "add",
        "--code",
        "LIV",
        "--year",
        "2026",
        "--name",
        "生活救助",
        "--type",
        "生活救助",
        "--max-times",
        "1",
    )
    return tmp_path


def test_member_visit_relief_void_month_flow(station):
    out = run(
        station,
        "--json",
        "member",
        "add",
        "--name",
        "张三",
        "--id-number",
        "440524188001010014",
        "--employer",
        "顺丰速运",
    )
    member_id = json.loads(out.stdout)["id"]
    found = json.loads(run(station, "--json", "search", "zs").stdout)
    assert [m["id"] for m in found["members"]] == [member_id]
    run(
        station,
        "visit",
        "add",
        "--member",
        "440524188001010014",
        "--type",
        "入户走访",
        "--date",
        "2026-11-02",
        "--purpose",
        "了解情况",
    )
    issued = json.loads(
        run(
            station,
            "--json",
            "relief",
            "issue",
            "--member",
            member_id,
            "--program",
            "LIV",
            "--cash",
            "1,234.50",
            "--goods",
            "大米,2,袋,100",
            "--date",
            "2026-11-03",
        ).stdout
    )
    assert issued["receipt"] == "4401060001-2026-000001" and issued["total_fen"] == 133450
    again = run(
        station,
        "relief",
        "issue",
        "--member",
        member_id,
        "--program",
        "LIV",
        "--cash",
        "10",
        "--date",
        "2026-11-04",
        check=False,
    )
    assert again.returncode == 1
    assert again.stderr.startswith("错误：") and "上限" in again.stderr
    assert "Traceback" not in again.stderr and len(again.stderr.strip().splitlines()) == 1
    run(station, "relief", "void", issued["receipt"], "--reason", "金额有误")
    month = json.loads(run(station, "--json", "month", "check", "2026-11").stdout)
    assert month["summary"]["receipts"]["voided"] == [issued["receipt"]]


def test_bad_input_exits_non_zero_with_chinese_line(tmp_path, station):
    bad = run(
        station, "member", "add", "--name", "李四", "--id-number", "440524188001010015", check=False
    )
    assert bad.returncode == 1 and "校验位" in bad.stderr and "Traceback" not in bad.stderr
    missing = run(tmp_path / "other", "search", "x", check=False)
    assert missing.returncode == 1 and "尚未设置服务站" in missing.stderr


def test_export_is_masked_by_default(station, tmp_path):
    run(
        station,
        "member",
        "add",
        "--name",
        "张三",
        "--id-number",
        "440524188001010014",
        "--phone",
        "13800138000",
    )
    out = tmp_path / "m.csv"
    run(station, "export", "members", "--out", str(out))
    text = out.read_text(encoding="utf-8-sig")
    assert "440524********0014" in text and "440524188001010014" not in text
    assert "138****8000" in text


def test_documents_from_the_command_line(station, tmp_path):
    out = run(
        station, "--json", "member", "add", "--name", "张三", "--id-number", "440524188001010014"
    )
    member_id = json.loads(out.stdout)["id"]
    issued = json.loads(
        run(
            station,
            "--json",
            "relief",
            "issue",
            "--member",
            member_id,
            "--program",
            "LIV",
            "--cash",
            "1409.50",
            "--date",
            "2026-11-03",
        ).stdout
    )
    first = tmp_path / "r1.pdf"
    run(station, "receipt", "pdf", issued["receipt"], "--out", str(first))
    second = run(station, "receipt", "pdf", issued["receipt"], "--out", str(tmp_path / "r2.pdf"))
    assert "补打" in second.stdout
    text = subprocess.run(["pdftotext", str(first), "-"], capture_output=True, text=True).stdout
    assert issued["receipt"] in text and "人民币壹仟肆佰零玖元伍角整" in text
    assert "440524********0014" in text and "440524188001010014" not in text
    run(station, "report", "month", "2026-11", "--out", str(tmp_path / "m.pdf"))
    run(station, "report", "signoff", "2026-11", "--out", str(tmp_path / "s.pdf"))
    ledger = tmp_path / "relief.xlsx"
    run(station, "export", "ledger", "relief", "2026-11", "--out", str(ledger))
    assert ledger.stat().st_size > 0 and (tmp_path / "m.pdf").read_bytes().startswith(b"%PDF")
