"""`stationdesk sync enrol` and `stationdesk sync` as processes against a live server."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from server import admin

from .harness import DISTRICT


def _cli(tmp_path, db, *args):
    env = dict(
        os.environ, STATIONDESK_HOME=str(tmp_path / "home"), STATIONDESK_PASSWORD="secret123"
    )
    login = [] if args[0] == "init" else ["--user", "head"]
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--db", str(db), *login, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.mark.parametrize("district", ["sqlite"], indirect=True)
def test_enrol_and_sync_from_the_command_line(district, tmp_path):
    code = f"{DISTRICT}0042"
    _sid, enrol_code = admin.create_station(district.engine, DISTRICT, code, "命令行服务站")
    db = tmp_path / "cli.sqlite3"
    assert (
        _cli(
            tmp_path, db, "init", "--code", code, "--name", "命令行服务站", "--head-user", "head"
        ).returncode
        == 0
    )
    added = _cli(
        tmp_path, db, "member", "add", "--name", "张三", "--id-number", "440524188001010014"
    )
    assert added.returncode == 0, added.stderr
    wrong = _cli(tmp_path, db, "sync", "enrol", district.live.url, "WRONG-CODE-123")
    assert wrong.returncode == 1 and wrong.stderr.startswith("错误：")
    enrolled = _cli(tmp_path, db, "sync", "enrol", district.live.url, enrol_code)
    assert enrolled.returncode == 0, enrolled.stderr
    synced = _cli(tmp_path, db, "--json", "sync")
    assert synced.returncode == 0, synced.stderr
    result = json.loads(synced.stdout)
    assert result["pushed"] >= 2 and result["statuses"].get("applied", 0) >= 2
    again = json.loads(_cli(tmp_path, db, "--json", "sync").stdout)
    assert again["pushed"] == 0
