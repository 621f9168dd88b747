"""The days a change of a rights case touches (contract/cases.changed_days), which the district
holds against its confirmed months: each part dated as the station's services date it."""

from __future__ import annotations

import copy
import datetime as dt

from contract import cases

TODAY = dt.date(2026, 12, 1)


def _case() -> dict:
    return {
        "id": "c1",
        "case_no": "4401060001-2026-T0001",
        "source": "visit",
        "received_on": "2026-10-12",
        "accepted_on": "2026-10-13",
        "closed_on": None,
        "employer": "某某建筑劳务有限公司",
        "dispute_type": "wages",
        "workers": [{"member_id": "m1", "name": "", "phone": ""}],
        "worker_count": 1,
        "claimed_fen": 3_000_000,
        "recovered_fen": 0,
        "status": "accepted",
        "history": [
            {"status": "applied", "on": "2026-10-12", "by": "s", "by_name": "李", "note": ""},
            {"status": "accepted", "on": "2026-10-13", "by": "s", "by_name": "李", "note": ""},
        ],
        "notes": [{"on": "2026-10-14", "by": "s", "by_name": "李", "text": "电话联系"}],
        "extensions": [],
        "agreement_terms": "",
        "deleted": False,
    }


def _changed(old: dict | None, new: dict) -> list[tuple[str, str]]:
    return cases.changed_days(old, new, TODAY)


def test_the_next_step_touches_only_its_own_day():
    old = _case()
    new = copy.deepcopy(old)
    new["status"] = "agreed"
    new["closed_on"] = "2026-11-03"
    new["agreement_terms"] = "分两期付清"
    step = {"status": "agreed", "on": "2026-11-03", "by": "s", "by_name": "李", "note": ""}
    new["history"].append(step)
    assert _changed(old, new) == [
        ("history", "2026-11-03"),
        ("closed_on", "2026-11-03"),
        ("status", "2026-11-03"),
    ]


def test_a_new_case_touches_every_day_it_holds_and_a_deleted_one_every_day_it_held():
    case = _case()
    days = {day for _name, day in _changed(None, case)}
    assert days == {"2026-10-12", "2026-10-13", "2026-10-14"}
    gone = {**copy.deepcopy(case), "deleted": True}
    assert {day for _name, day in _changed(case, gone)} == days


def test_registration_is_dated_by_its_received_on_and_the_amount_by_today():
    old = _case()
    assert _changed(old, {**old, "claimed_fen": 1}) == [
        ("received_on", "2026-10-12"),
        ("received_on", "2026-10-12"),
    ]
    assert _changed(old, {**old, "recovered_fen": 150_000}) == [("recovered_fen", "2026-12-01")]
    assert _changed(old, copy.deepcopy(old)) == []


def test_a_status_without_a_step_is_dated_by_the_last_step():
    old = _case()
    assert _changed(old, {**old, "status": "withdrawn"}) == [("status", "2026-10-13")]
