"""Issue 13 from the command line: `member edit`, `conflicts list|resolve` at two stations
(processes, against a live server), and `stationdesk-server conflicts` with masked names."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from server import admin
from server import cli as server_cli

from .harness import DISTRICT, make_id_number

NUMBER = make_id_number(7)  # born 1967: the server refuses a birth date before 1900


def _cli(tmp_path, db, *args):
    env = dict(
        os.environ, STATIONDESK_HOME=str(tmp_path / "home"), STATIONDESK_PASSWORD="secret123"
    )
    login = [] if args[0] == "init" else ["--user", "head"]
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--db", str(db), *login, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result


def _station(district, tmp_path, n):
    code = f"{DISTRICT}{n:04d}"
    _sid, enrol_code = admin.create_station(district.engine, DISTRICT, code, f"第{n}站")
    db = tmp_path / f"s{n}.sqlite3"
    _cli(tmp_path, db, "init", "--code", code, "--name", f"第{n}站", "--head-user", "head")
    _cli(tmp_path, db, "sync", "enrol", district.live.url, enrol_code)
    return db


def _open(tmp_path, db):
    return json.loads(_cli(tmp_path, db, "--json", "conflicts", "list").stdout)["conflicts"]


@pytest.mark.parametrize("district", ["sqlite"], indirect=True)
def test_same_field_edits_from_the_command_line_are_one_conflict_closed_at_both(
    district, tmp_path, capsys
):
    a, b = _station(district, tmp_path, 1), _station(district, tmp_path, 2)
    _cli(tmp_path, a, "member", "add", "--name", "张三", "--id-number", NUMBER)
    _cli(tmp_path, a, "sync")
    _cli(tmp_path, b, "sync")
    edited = _cli(tmp_path, a, "member", "edit", NUMBER, "--phone", "13900000001")
    assert "手机号" in edited.stdout and NUMBER not in edited.stdout  # masked
    _cli(tmp_path, b, "member", "edit", NUMBER, "--phone", "13900000002", "--employer", "乙厂")
    _cli(tmp_path, a, "sync")
    synced = _cli(tmp_path, b, "sync")
    assert "冲突 1 条" in synced.stdout
    _cli(tmp_path, a, "sync")
    mine_a, mine_b = _open(tmp_path, a), _open(tmp_path, b)
    assert [(c["mine"], c["theirs"]) for c in mine_a] == [("13900000001", "13900000002")]
    assert [(c["mine"], c["theirs"]) for c in mine_b] == [("13900000002", "13900000001")]
    assert "张三" in mine_a[0]["member"] and NUMBER not in mine_a[0]["member"]

    # the district sees it, names masked
    assert server_cli.main(["--db", district.url, "conflicts"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == 1 and listed[0]["member"].startswith("张*")
    assert NUMBER not in json.dumps(listed, ensure_ascii=False)
    assert sorted(r["value"] for r in listed[0]["records"]) == ["13900000001", "13900000002"]

    done = _cli(tmp_path, b, "conflicts", "resolve", mine_b[0]["id"], "--take", "mine")
    assert "已处理" in done.stdout
    _cli(tmp_path, b, "sync")
    _cli(tmp_path, a, "sync")
    assert _open(tmp_path, a) == [] and _open(tmp_path, b) == []
    found = _cli(tmp_path, a, "--json", "search", "13900000002")
    assert "张" in found.stdout


@pytest.mark.parametrize("district", ["sqlite"], indirect=True)
def test_the_district_resolves_a_conflict_for_every_party(district, tmp_path, capsys):
    a, b = _station(district, tmp_path, 1), _station(district, tmp_path, 2)
    _cli(tmp_path, a, "member", "add", "--name", "李四", "--id-number", NUMBER)
    _cli(tmp_path, a, "sync")
    _cli(tmp_path, b, "sync")
    _cli(tmp_path, a, "member", "edit", NUMBER, "--employer", "甲厂")
    _cli(tmp_path, b, "member", "edit", NUMBER, "--employer", "乙厂")
    _cli(tmp_path, a, "sync")
    _cli(tmp_path, b, "sync")
    assert server_cli.main(["--db", district.url, "conflicts"]) == 0
    (entry,) = json.loads(capsys.readouterr().out)
    some_id = entry["records"][0]["id"]
    code = f"{DISTRICT}0002"
    args = ["--db", district.url, "conflicts", "resolve", some_id, "--take", code]
    assert server_cli.main(args) == 0
    assert json.loads(capsys.readouterr().out)["value"] == "乙厂"
    _cli(tmp_path, a, "sync")
    _cli(tmp_path, b, "sync")
    assert _open(tmp_path, a) == [] and _open(tmp_path, b) == []
    assert server_cli.main(["--db", district.url, "conflicts"]) == 0
    assert json.loads(capsys.readouterr().out) == []
