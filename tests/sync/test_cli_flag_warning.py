"""The command line warns at a hand-out as the window does (issue 13, item 2): the district's
duplicate-aid flag on the person and program, pulled at the last sync, is printed beside the
receipt number when the station hands out again."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from server import admin

from .harness import DISTRICT, make_id_number
from .test_cli_conflicts import _cli, _station

NUMBER = make_id_number(8)


@pytest.mark.parametrize("district", ["sqlite"], indirect=True)
def test_a_hand_out_to_a_flagged_person_prints_the_districts_warning(district, tmp_path):
    admin.create_program(
        district.engine, DISTRICT, code="SHJZ", year=dt.date.today().year, name="生活救助",
        program_type="living",
    )  # fmt: skip
    a, b = _station(district, tmp_path, 1), _station(district, tmp_path, 2)
    _cli(tmp_path, a, "member", "add", "--name", "王五", "--id-number", NUMBER)
    _cli(tmp_path, a, "sync")
    _cli(tmp_path, b, "sync")
    first = json.loads(
        _cli(tmp_path, a, "--json", "relief", "issue", "--member", NUMBER, "--program", "SHJZ",
             "--cash", "200").stdout
    )  # fmt: skip
    assert first["warnings"] == []  # nothing known against the person yet
    _cli(tmp_path, b, "relief", "issue", "--member", NUMBER, "--program", "SHJZ", "--cash", "300")
    for db in (a, b, a):  # both hand-outs reach the district, which flags the person
        _cli(tmp_path, db, "sync")

    again = _cli(
        tmp_path, a, "relief", "issue", "--member", NUMBER, "--program", "SHJZ", "--cash", "100"
    ).stdout
    assert again.splitlines()[0].startswith("已发放 ¥100.00，收据号 ")
    warning = [line for line in again.splitlines() if line.startswith("提示：区总工会提示：")]
    assert warning == ["提示：区总工会提示：同一会员同月在多个服务站领取同一项目"], again
    assert NUMBER not in again  # the ID number is never printed whole
