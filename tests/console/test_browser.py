"""The console in a real browser (issue 15 item 6): chromium headless via Playwright against
a real uvicorn process on 127.0.0.1, with real stations syncing through it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sync.harness import DISTRICT, District, add_member, add_relief

from desktop.models import DuplicateFlag
from desktop.services import relief as relief_service
from server import admin
from server.console.accounts import create_user
from server.console.web import BEIJING

from .browser import new_page, shot, sign_in
from .conftest import PASSWORD

pytestmark = pytest.mark.slow


@pytest.fixture
def district(tmp_path: Path) -> Iterator[District]:
    d = District(f"sqlite:///{tmp_path / 'server.sqlite3'}", tmp_path, process=True)
    admin.create_district(d.engine, "440104", "越秀区")
    for code, name, role in [
        (DISTRICT, "admin", "admin"),
        (DISTRICT, "reviewer", "reviewer"),
        (DISTRICT, "viewer", "viewer"),
        ("440104", "admin", "admin"),
    ]:
        create_user(d.engine, code, name, PASSWORD, role=role, display_name=f"{name}用户")
    yield d
    d.close()


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


def test_sync_arrives_and_a_flag_decision_reaches_the_stations(
    browser: object, district: District, tmp_path: Path
) -> None:
    program = _program(district, max_times_per_year=1)
    a, b = district.station(1), district.station(2)
    page = new_page(browser, district.live.url)
    sign_in(page, DISTRICT, "reviewer", PASSWORD)
    row = page.locator("tr", has_text=a.code).first
    assert "从未同步" in row.inner_text()
    m = add_member(a, 9)
    a.sync()  # a real push and pull through the uvicorn process
    page.reload()
    row = page.locator("tr", has_text=a.code).first
    assert "从未同步" not in row.inner_text()
    # shown in Beijing time: the district's day, not UTC's
    assert dt.datetime.now(BEIJING).strftime("%Y-%m-%d") in row.inner_text()
    b.sync()
    add_relief(a, m.id, program)
    add_relief(b, m.id, program)
    a.sync()
    b.sync()
    a.sync()
    page.get_by_role("link", name="重复救助").click()
    findings = page.locator("section.finding")
    assert findings.count() == 2
    for _ in range(2):
        card = page.locator("section.finding", has_text="待裁定").first
        card.get_by_label("裁定").select_option(label="确认违规")
        card.get_by_label("理由").fill("核实为同一人两站领取")
        card.get_by_role("button", name="提交裁定").click()
        page.wait_for_load_state()
        assert "已裁定为“确认违规”" in page.locator("p.notice").inner_text()
    assert page.locator("section.finding", has_text="待裁定").count() == 0
    shot(page, "flags", tmp_path)
    for st in (a, b):
        st.sync()
        reasons = [f.reason for f in st.rows(DuplicateFlag)]
        assert len(reasons) == 2 and all("区总工会裁定：确认违规" in r for r in reasons)


def test_a_genuine_and_an_altered_receipt(
    browser: object, district: District, tmp_path: Path
) -> None:
    program = _program(district)
    a = district.station(1)
    admin.create_budget(district.engine, program, a.code, 10_000_000)
    a.sync()
    m = add_member(a, 3)
    _relief, receipt = relief_service.issue(
        a.ctx,
        relief_service.ReliefInput(
            member_id=m.id, program_id=program, cash_fen=30000, issued_on=dt.date(2026, 11, 8)
        ),
    )
    a.sync()
    page = new_page(browser, district.live.url)
    sign_in(page, DISTRICT, "viewer", PASSWORD)
    page.get_by_role("link", name="收据核验").click()
    qr = str(receipt.content["verify"])
    page.get_by_label("收据号码").fill(qr)
    page.get_by_role("button", name="核验").click()
    assert page.locator("#verdict").inner_text() == "有效"
    assert "¥300.00" in page.content() and receipt.number in page.content()
    shot(page, "receipts", tmp_path)
    page.get_by_label("收据号码").fill(qr.replace("|30000|", "|90000|"))
    page.get_by_role("button", name="核验").click()
    assert page.locator("#verdict").inner_text() == "内容被改动"


def test_refusals_viewer_other_district_and_missing_csrf(
    browser: object, district: District, tmp_path: Path
) -> None:
    a = district.station(1)
    # a viewer sees no write forms; a form it crafts (with its own valid token) is refused
    viewer = new_page(browser, district.live.url)
    sign_in(viewer, DISTRICT, "viewer", PASSWORD)
    viewer.get_by_role("link", name="服务站与人员").click()
    assert viewer.get_by_role("button", name="新建并签发登记码").count() == 0
    _post_crafted(viewer, "/console/stations", {"code": "4401069999", "name": "越权站"})
    assert "无权执行此操作" in viewer.locator("p.error").inner_text()
    assert viewer.locator("h1").inner_text() == "操作被拒绝"
    # another district's admin: this district's station is not found, nothing of it shows
    other = new_page(browser, district.live.url)
    sign_in(other, "440104", "admin", PASSWORD)
    assert a.code not in other.content()
    response = other.goto(f"/console/stations/{a.code}")
    assert response is not None and response.status == 404
    assert f"本区没有编码为 {a.code} 的服务站" in other.content()
    other.goto("/console/stations")
    _post_crafted(other, f"/console/stations/{a.code}/revoke", {})
    assert "本区没有编码为" in other.content()
    # an admin's real form with its token removed is refused
    page = new_page(browser, district.live.url)
    sign_in(page, DISTRICT, "admin", PASSWORD)
    page.get_by_role("link", name="服务站与人员").click()
    form = page.locator("form[action='/console/stations']")
    form.get_by_label("服务站编码").fill("4401060099")
    form.get_by_label("名称").fill("无令牌站")
    form.locator("input[name=csrf]").evaluate("e => e.remove()")
    form.get_by_role("button", name="新建并签发登记码").click()
    assert "安全校验失败" in page.locator("p.error").inner_text()
    page.goto("/console/stations")
    assert "无令牌站" not in page.content()
    # the same form with its token goes through and shows the one-time code
    form = page.locator("form[action='/console/stations']")
    form.get_by_label("服务站编码").fill("4401060099")
    form.get_by_label("名称").fill("新站")
    form.get_by_role("button", name="新建并签发登记码").click()
    assert len(page.locator("#enrol-code").inner_text().strip()) == 12
    with district.engine.connect() as conn:
        from sqlalchemy import select

        from server.db import station

        revoked = conn.execute(select(station.c.revoked).where(station.c.code == a.code))
        assert revoked.scalar_one() is False
    # revoking asks first: dismissed, nothing happens; accepted, the station is revoked
    page.goto("/console/stations")
    row = page.locator("tr", has_text=a.code)
    page.once("dialog", lambda dialog: dialog.dismiss())
    row.get_by_role("button", name="停用").click()
    assert "已停用" not in row.inner_text()
    page.once("dialog", lambda dialog: dialog.accept())
    row.get_by_role("button", name="停用").click()
    page.wait_for_url("**/console/stations?ok=*")
    assert "已停用" in page.locator("tr", has_text=a.code).inner_text()


def _post_crafted(page: object, action: str, fields: dict[str, str]) -> None:
    """Submit a form built in the page, carrying the session's own CSRF token (copied from
    the logout form): what a person could do by hand with the developer tools."""
    with page.expect_navigation():  # type: ignore[attr-defined]
        page.evaluate(  # type: ignore[attr-defined]
            """([action, fields]) => {
            const f = document.createElement('form');
            f.method = 'post'; f.action = action;
            const all = {...fields, csrf: document.querySelector('input[name=csrf]').value};
            for (const [k, v] of Object.entries(all)) {
                const i = document.createElement('input');
                i.name = k; i.value = v; f.appendChild(i);
            }
            document.body.appendChild(f); f.submit();
        }""",
            [action, fields],
        )


def _busy_district(d: District) -> tuple[object, object]:
    """Two stations with a hand-out each for one person (two flags), a receipt, a member
    conflict, a program with budgets, a visit-free month: something on every page."""
    from desktop.services import members as member_service

    program = _program(d, max_times_per_year=1)
    a, b = d.station(1), d.station(2)
    for st in (a, b):
        admin.create_budget(d.engine, program, st.code, 5_000_000)
    a.sync()
    m = add_member(a, 11, name="陈小红")
    a.sync()
    b.sync()
    relief_service.issue(
        a.ctx,
        relief_service.ReliefInput(
            member_id=m.id, program_id=program, cash_fen=12345, issued_on=dt.date(2026, 11, 8)
        ),
    )
    add_relief(b, m.id, program, cash_fen=20000, issued_on=dt.date(2026, 11, 9))
    for st, phone in ((a, "13900000001"), (b, "13900000002")):
        data = member_service.MemberInput.from_member(member_service.get_member(st.ctx, m.id))
        data.phone = phone
        member_service.update_member(st.ctx, m.id, data)
    a.sync()
    b.sync()
    a.sync()
    return a, b


def test_export_xlsx_and_every_page_at_1366x768(
    browser: object, district: District, tmp_path: Path
) -> None:
    import openpyxl

    a, _b = _busy_district(district)
    page = new_page(browser, district.live.url)
    page.goto("/console/login")
    shot(page, "login", tmp_path)
    sign_in(page, DISTRICT, "admin", PASSWORD)
    shot(page, "overview", tmp_path)
    page.get_by_role("link", name="月度汇总").click()
    page.get_by_label("月份").fill("2026-11")
    page.get_by_role("button", name="查看").click()
    assert "¥323.45" in page.content()  # 123.45 + 200.00
    shot(page, "monthly", tmp_path)
    with page.expect_download() as done:
        page.get_by_role("link", name="导出 Excel").click()
    path = tmp_path / "monthly.xlsx"
    done.value.save_as(path)
    book = openpyxl.load_workbook(path)
    stations = [[c.value for c in row] for row in book["服务站"].iter_rows()]
    assert any(a.code in map(str, row) for row in stations)
    programs = [[c.value for c in row] for row in book["帮扶项目"].iter_rows(min_row=3)]
    swn = next(row for row in programs if row[1] == "两节送温暖")
    assert swn[2] == 2 and float(swn[3]) == 323.45 and float(swn[5]) == 323.45
    with page.expect_download() as pdf:
        page.get_by_role("link", name="导出 PDF").click()
    pdf.value.save_as(tmp_path / "monthly.pdf")
    assert (tmp_path / "monthly.pdf").read_bytes().startswith(b"%PDF")
    page.goto(f"/console/monthly?period=2026-11&station={a.code}")
    shot(page, "monthly-station", tmp_path)
    for link, name in [
        ("重复救助", "flags-open"),
        ("冲突", "conflicts"),
        ("帮扶项目与预算", "programs"),
        ("收据核验", "receipts-empty"),
        ("服务站与人员", "stations"),
        ("操作记录", "audit"),
    ]:
        page.get_by_role("link", name=link, exact=True).click()
        page.wait_for_load_state()
        shot(page, name, tmp_path)
    page.goto(f"/console/stations/{a.code}")
    assert "head1" in page.content()
    shot(page, "station-staff", tmp_path)
    page.goto("/console/stations/0000000000")
    shot(page, "refused", tmp_path)
