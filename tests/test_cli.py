"""The stationdesk command: real processes, real files, one-line Chinese errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


def run(tmp_path, *args, check=True, user="head", password="secret123"):
    """The command as a process, logged in as user (None: no --user, no password)."""
    env = dict(os.environ, STATIONDESK_HOME=str(tmp_path / "home"))
    env.pop("STATIONDESK_PASSWORD", None)
    login = []
    if user and args[0] not in ("init", "demo"):
        login = ["--user", user]
        env["STATIONDESK_PASSWORD"] = password
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--db", str(tmp_path / "s.sqlite3"), *login, *args],
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
    assert missing.returncode == 1 and "请先初始化" in missing.stderr


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


def _audit_rows(station, password="secret123"):
    """The audit table, read as the window would: unlocked by head's login."""
    from sqlalchemy import text

    from desktop.services import unlock

    opened = unlock.open_with_login(station / "s.sqlite3", "head", password, sleep=False)
    try:
        with opened.engine.connect() as conn:
            return conn.execute(
                text("SELECT seq, staff_id, action FROM auditevent ORDER BY seq")
            ).all(), opened.ctx.actor.staff_id
    finally:
        opened.engine.dispose()


def test_commands_need_a_login_and_the_audit_names_the_member(station):
    anonymous = run(station, "search", "张", check=False, user=None)
    assert (
        anonymous.returncode == 1
        and "需要登录" in anonymous.stderr
        and "--user" in anonymous.stderr
    )
    wrong = run(station, "search", "张", check=False, password="guess1234")
    assert wrong.returncode == 1 and "登录名或密码错误" in wrong.stderr
    nobody = run(station, "search", "张", check=False, user="nobody")
    assert nobody.returncode == 1 and "登录名或密码错误" in nobody.stderr
    run(station, "member", "add", "--name", "张三", "--id-number", "440524188001010014")
    rows, head_id = _audit_rows(station)
    # init (no login yet): the station, its head, the recovery code; then everything is named
    assert [r.action for r in rows[:3]] == ["station.init", "staff.add", "keys.recovery_code"]
    added = [r for r in rows if r.action == "member.add"]
    assert len(added) == 1 and added[0].staff_id == head_id
    assert all(r.staff_id is not None for r in rows[3:])


def test_worker_acts_with_a_workers_rights(station):
    run(station, "staff", "add", "--username", "w1", "--name", "王社工", "--role", "社工",
        "--password", "worker123")  # fmt: skip
    ok = run(station, "member", "add", "--name", "李四", "--id-number", "11010519491231002X",
             user="w1", password="worker123")  # fmt: skip
    assert ok.returncode == 0
    refused = run(station, "staff", "deactivate", "head", check=False, user="w1",
                  password="worker123")  # fmt: skip
    assert refused.returncode == 1 and "需要站长权限" in refused.stderr


def test_head_deactivates_and_resets_from_the_command_line(station):
    keyfile = station / "s.sqlite3.keys.json"
    run(station, "staff", "add", "--username", "w1", "--name", "王社工", "--role", "社工",
        "--password", "worker123")  # fmt: skip
    assert '"w1"' in keyfile.read_text()
    reset = run(station, "staff", "reset-password", "w1", "--password", "newpass99")
    assert "已重置" in reset.stdout
    old = run(station, "search", "x", check=False, user="w1", password="worker123")
    assert old.returncode == 1 and "登录名或密码错误" in old.stderr
    assert run(station, "search", "x", user="w1", password="newpass99").returncode == 0
    run(station, "staff", "deactivate", "w1")
    assert '"w1"' not in keyfile.read_text()  # its wrap is gone
    gone = run(station, "search", "x", check=False, user="w1", password="newpass99")
    assert gone.returncode == 1 and "登录名或密码错误" in gone.stderr
    listed = json.loads(run(station, "--json", "staff", "list").stdout)["staff"]
    assert {s["username"]: s["active"] for s in listed} == {"head": True, "w1": False}
    self_stop = run(station, "staff", "deactivate", "head", check=False)
    assert self_stop.returncode == 1 and "不能停用自己" in self_stop.stderr


def test_the_recovery_code_resets_the_head_password(tmp_path):
    init = run(tmp_path, "init", "--code", "4401060001", "--name", "测试服务站",
               "--head-user", "head", "--head-password", "secret123")  # fmt: skip
    code = init.stderr.split("恢复码", 1)[1].split()[-1]
    assert (
        len(code.replace("-", "")) == 24
        and code not in (tmp_path / "s.sqlite3.keys.json").read_text()
    )
    wrong = run(tmp_path, "staff", "reset-password", "head", "--password", "fresh1234",
                "--recovery-code", "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF", check=False, user=None)  # fmt: skip
    assert wrong.returncode == 1 and "恢复码不正确" in wrong.stderr
    run(tmp_path, "staff", "reset-password", "head", "--password", "fresh1234",
        "--recovery-code", code.lower().replace("-", " "), user=None)  # fmt: skip
    assert run(tmp_path, "search", "x", check=False).returncode == 1  # the old password
    assert run(tmp_path, "search", "x", password="fresh1234").returncode == 0


def test_audit_verify_catches_edited_and_deleted_last_rows(station):
    from sqlalchemy import text

    from desktop.services import unlock

    for n in range(3):
        run(station, "staff", "add", "--username", f"w{n}", "--name", f"社工{n}",
            "--role", "社工", "--password", "worker123")  # fmt: skip
    good = json.loads(run(station, "--json", "audit", "verify").stdout)
    assert good["ok"] and good["anchor"]["seq"] >= good["head"]["seq"] - 1
    opened = unlock.open_with_login(station / "s.sqlite3", "head", "secret123", sleep=False)
    with opened.engine.begin() as conn:  # someone with the key deletes the last five rows
        last = conn.execute(text("SELECT max(seq) FROM auditevent")).scalar()
        conn.execute(text("DELETE FROM auditevent WHERE seq > :s"), {"s": last - 5})
    opened.engine.dispose()
    deleted = run(station, "audit", "verify", check=False)
    assert deleted.returncode == 1 and "最后的审计记录被删除" in deleted.stderr
