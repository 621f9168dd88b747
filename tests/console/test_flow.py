"""The console against real stations: each station is a real station database syncing with
a live district server (tests/sync/harness.py); the console acts through its HTTP forms on
the same district database, and the stations see the outcome after their next sync."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sync.harness import DISTRICT, District, add_member, add_relief, drop_pg_schema, make_id_number

from desktop.models import Conflict, DuplicateFlag, FundProgram, Member, ProgramBudget
from desktop.services import members as member_service
from desktop.services import relief as relief_service
from desktop.services import staff as staff_service
from desktop.services.errors import UserFacingError
from server import admin
from server.app import create_app
from server.console.accounts import create_user

from .conftest import CSRF, DATABASES, PASSWORD, Console, database


@pytest.fixture(params=DATABASES)
def district(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[District]:
    url, schema = database(request, tmp_path)
    d = District(url, tmp_path)
    create_user(d.engine, DISTRICT, "admin", PASSWORD, role="admin")
    create_user(d.engine, DISTRICT, "reviewer", PASSWORD, role="reviewer")
    yield d
    d.close()
    if schema:
        drop_pg_schema(schema)


def console(d: District, username: str = "admin") -> Console:
    client = TestClient(create_app(engine=d.engine), base_url="http://127.0.0.1")
    token = CSRF.search(client.get("/console/login").text)
    assert token
    done = client.post(
        "/console/login",
        data={
            "district": DISTRICT,
            "username": username,
            "password": PASSWORD,
            "csrf": token.group(1),
        },
        follow_redirects=False,
    )
    assert done.status_code == 303
    c = Console(client)
    c.get("/console/")
    return c


def _program(d: District, **rules: object) -> str:
    return admin.create_program(
        d.engine,
        DISTRICT,
        code="SWN",
        year=2026,
        name="两节送温暖",
        program_type="festival",
        **rules,  # type: ignore[arg-type]
    )


def test_staff_deactivated_in_the_console_cannot_log_in_at_the_station(district: District) -> None:
    a = district.station(1)
    staff_service.add_staff(
        a.ctx,
        username="worker1",
        display_name="王社工",
        role="social_worker",
        password="secret123",
    )
    a.sync()
    c = console(district)
    page = c.get(f"/console/stations/{a.code}").text
    assert "worker1" in page and "王社工" in page
    staff_id = re.search(
        r'/staff/([^/]+)/deactivate"[^>]*>\s*<input[^>]*>\s*<button[^>]*data-user="worker1"', page
    )
    assert staff_id, page
    done = c.post(f"/console/stations/{a.code}/staff/{staff_id.group(1)}/deactivate")
    assert done.status_code == 303 and "ok=" in done.headers["location"]
    # before the pull the station still lets the account in (offline it cannot know)
    staff_service.login(a.ctx, "worker1", "secret123", sleep=False)
    a.sync()
    with pytest.raises(UserFacingError, match="登录名或密码错误"):
        staff_service.login(a.ctx, "worker1", "secret123", sleep=False)
    # an account the district adds logs in at the station after its next sync
    c.post(
        f"/console/stations/{a.code}/staff",
        {
            "username": "worker2",
            "display_name": "赵社工",
            "role": "social_worker",
            "password": "district-set-1",
        },
    )
    a.sync()
    assert staff_service.login(a.ctx, "worker2", "district-set-1", sleep=False)
    # a password the district resets works at the station after its pull, the old one not
    page = c.get(f"/console/stations/{a.code}").text
    worker2 = re.search(
        r'/staff/([^/]+)/deactivate"[^>]*>\s*<input[^>]*>\s*<button[^>]*data-user="worker2"', page
    )
    assert worker2
    short = c.post(
        f"/console/stations/{a.code}/staff/{worker2.group(1)}/password", {"password": "x"}
    )
    assert "err=" in short.headers["location"]
    c.post(
        f"/console/stations/{a.code}/staff/{worker2.group(1)}/password",
        {"password": "district-reset-2"},
    )
    a.sync()
    assert staff_service.login(a.ctx, "worker2", "district-reset-2", sleep=False)
    with pytest.raises(UserFacingError):
        staff_service.login(a.ctx, "worker2", "district-set-1", sleep=False)
    # the station's later edits of its own staff still go up (their version is newer)
    assert a.sync().statuses in ({}, {"applied": 1}, {"applied": 2})


def test_flag_decision_reaches_both_stations(district: District) -> None:
    program = _program(district, max_times_per_year=1)
    a, b = district.station(1), district.station(2)
    m = add_member(a, 9)
    a.sync()
    b.sync()
    add_relief(a, m.id, program)
    add_relief(b, m.id, program)
    a.sync()
    b.sync()
    a.sync()
    reviewer = console(district, "reviewer")
    page = reviewer.get("/console/flags").text
    assert "待裁定" in page and "两节送温暖" in page and "张*" in page
    assert m.id_number not in page  # masked
    flags = re.findall(r"/console/flags/([^/]+)/decide", page)
    assert len(flags) == 2  # same month at two stations; more times than the program allows
    empty = reviewer.post(f"/console/flags/{flags[0]}/decide", {"decision": "confirmed"})
    assert "err=" in empty.headers["location"]
    for flag in flags:
        done = reviewer.post(
            f"/console/flags/{flag}/decide",
            {"decision": "confirmed", "reason": "核实为同一人两站领取"},
        )
        assert "ok=" in done.headers["location"]
    after = reviewer.get("/console/flags").text
    assert "待裁定" not in after and after.count("裁定：确认违规") == 2
    for st in (a, b):
        st.sync()
        reasons = [f.reason for f in st.rows(DuplicateFlag)]
        assert reasons and all("确认违规" in r and "核实为同一人两站领取" in r for r in reasons)
        # where the station shows flags: the warnings of the relief form for this person
        check = relief_service.preview(
            st.ctx, relief_service.ReliefInput(member_id=m.id, program_id=program, cash_fen=100)
        )
        assert any("区总工会裁定：确认违规" in w for w in check.warnings), check.warnings


def test_station_created_in_the_console_enrols_syncs_and_is_revoked(
    district: District, tmp_path: Path
) -> None:
    from desktop.store import open_store
    from desktop.sync import commands
    from desktop.sync.client import SyncError

    c = console(district)
    page = c.post("/console/stations", {"code": "4401060042", "name": "员村街服务站"}).text
    code = re.search(r'id="enrol-code">([A-Z0-9]{12})<', page)
    assert code, page
    engine = open_store(tmp_path / "new.sqlite3", bytes(range(32)))
    ctx = staff_service.init_station(
        engine,
        code="4401060042",
        name="员村街服务站",
        district_code=DISTRICT,
        district_name="天河区",
    )
    staff_service.add_staff(
        ctx, username="head42", display_name="周站长", role="station_head", password="secret123"
    )
    commands.enrol(engine, district.live.url, code.group(1))
    commands.sync_now(engine, sleep=lambda _s: None)
    page = c.get("/console/stations").text
    assert "员村街服务站" in page and "已登记" in page
    assert "head42" in c.get("/console/stations/4401060042").text  # its staff arrived
    reused = c.post("/console/stations", {"code": "4401060042", "name": "重复"})
    assert "err=" in reused.headers["location"]
    c.post("/console/stations/4401060042/revoke")
    assert "已停用" in c.get("/console/stations").text
    with pytest.raises(SyncError, match="访问令牌无效|停用"):  # token gone
        commands.sync_now(engine, sleep=lambda _s: None)


def test_receipt_verification(district: District) -> None:
    program = _program(district)
    a = district.station(1)
    admin.create_budget(district.engine, program, a.code, 10_000_000)
    a.sync()
    m = add_member(a, 3)
    relief, receipt = relief_service.issue(
        a.ctx,
        relief_service.ReliefInput(
            member_id=m.id, program_id=program, cash_fen=30000, issued_on=dt.date(2026, 11, 8)
        ),
    )
    a.sync()
    c = console(district)

    def verdict(query: str) -> str:
        page = c.post("/console/receipts", {"query": query}).text
        found = re.search(r'id="verdict">([^<]+)<', page)
        assert found, page
        return found.group(1)

    qr = str(receipt.content["verify"])
    assert verdict(receipt.number) == "有效"
    assert verdict(qr) == "有效"
    assert verdict(qr.replace("|30000|", "|80000|")) == "内容被改动"
    assert verdict(f"{a.code}-2026-999999") == "查无此票"
    assert "¥300.00" in c.post("/console/receipts", {"query": receipt.number}).text
    relief_service.void(a.ctx, relief.id, "金额填错")
    a.sync()
    assert verdict(receipt.number) == "已作废"


def test_conflict_resolved_in_the_console_reaches_the_stations(district: District) -> None:
    a, b = district.station(1), district.station(2)
    m = add_member(a, 7)
    a.sync()
    b.sync()
    for st, phone in ((a, "13900000001"), (b, "13900000002")):
        data = member_service.MemberInput.from_member(member_service.get_member(st.ctx, m.id))
        data.phone = phone
        member_service.update_member(st.ctx, m.id, data)
    a.sync()
    b.sync()
    a.sync()
    c = console(district, "reviewer")
    page = c.get("/console/conflicts").text
    assert "13900000001" in page and "13900000002" in page and "手机号" in page
    target = re.search(r"/console/conflicts/([^/]+)/resolve", page)
    assert target
    bad = c.post(f"/console/conflicts/{target.group(1)}/resolve", {"value": "1390000"})
    assert "err=" in bad.headers["location"]  # back to the page with the reason shown
    assert "手机号" in c.get(bad.headers["location"]).text
    assert "13900000001" in c.get("/console/conflicts").text  # still open: nothing written
    done = c.post(f"/console/conflicts/{target.group(1)}/resolve", {"value": "13900000002"})
    assert "ok=" in done.headers["location"]
    assert "没有待处理的冲突" in c.get("/console/conflicts").text
    for st in (a, b):
        st.sync()
        assert {r.phone for r in st.rows(Member)} == {"13900000002"}
        assert all(x.resolved_at is not None for x in st.rows(Conflict))


def test_programs_and_budgets_flow_down(district: District) -> None:
    a = district.station(1)
    c = console(district)
    done = c.post(
        "/console/programs",
        {
            "code": "JQZX",
            "year": "2026",
            "name": "金秋助学",
            "program_type": "education",
            "max_times": "1",
            "annual_cap": "5000",
            "amount_rules": "高中=3000，大学=5000",
            "active": "1",
        },
    )
    assert "ok=" in done.headers["location"], done.headers["location"]
    bad = c.post(
        "/console/programs",
        {
            "code": "X",
            "year": "2026",
            "name": "坏金额",
            "program_type": "living",
            "annual_cap": "12.345",
        },
    )
    assert "err=" in bad.headers["location"]
    page = c.get("/console/programs").text
    assert "金秋助学" in page and "坏金额" not in page
    pid = re.search(r'/console/programs/([^/"]+)/budgets', page)
    assert pid
    c.post(f"/console/programs/{pid.group(1)}/budgets", {"station": a.code, "budget": "20000"})
    c.post(
        f"/console/programs/{pid.group(1)}",
        {
            "name": "金秋助学（2026）",
            "max_times": "2",
            "annual_cap": "6000",
            "amount_rules": "高中=3000",
            "active": "on",
        },
    )
    a.sync()
    programs = {p.code: p for p in a.rows(FundProgram)}
    assert programs["JQZX"].name == "金秋助学（2026）" and programs["JQZX"].max_times_per_year == 2
    assert programs["JQZX"].annual_cap_fen == 600000
    assert programs["JQZX"].amount_rules == {"高中": 300000}
    assert [b.budget_fen for b in a.rows(ProgramBudget)] == [2000000]
    assert "¥20,000.00" in c.get("/console/programs").text


def test_overview_and_monthly_show_what_stations_synced(district: District) -> None:
    program = _program(district)
    a = district.station(1)
    m = add_member(a, 4)
    add_relief(a, m.id, program, cash_fen=12345, issued_on=dt.date(2026, 11, 5))
    a.sync()
    c = console(district)
    page = c.get("/console/").text
    assert a.code in page and "从未同步" not in page
    month = c.get("/console/monthly?period=2026-11").text
    assert "¥123.45" in month and "两节送温暖" in month
    one = c.get(f"/console/monthly?period=2026-11&station={a.code}").text
    assert "¥123.45" in one
    assert c.get("/console/monthly?period=2026-13").status_code == 422


def test_monthly_page_counts_cases_and_intakes_from_the_records(district: District) -> None:
    """Issue 17 on the district's page: mediation and new members come from the stations' case
    and intake records; the work log's typed counts are shown apart, never added in."""
    from sync.test_casework_sync import _rider, _wage_case

    from desktop.services import intake

    a = district.station(1)
    worker = add_member(a, 5)
    _wage_case(a, worker.id)  # three workers, ¥45,000 recovered, 达成协议 in 2026-11
    intake.register(a.ctx, _rider(make_id_number(6)))
    a.sync()
    month = console(district).get("/console/monthly?period=2026-11").text
    cases = re.search(r'id="card-cases".*?</section>', month, re.S)
    joined = re.search(r'id="card-intake".*?</section>', month, re.S)
    assert cases and joined
    text = re.sub(r"<[^>]+>", "", cases.group(0))
    assert "受理 1 件 · 结案 1 件" in text and "达成协议 1 件" in text
    assert "涉及职工 3 人，追回金额 ¥45,000.00" in text
    assert "工作日志另记（无个案的来访咨询）：调解 0 件" in text
    assert "外卖骑手 1" in joined.group(0) and '<p class="stat">1 人</p>' in joined.group(0)
