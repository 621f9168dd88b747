"""Issue 16's district rules set in the console and used offline at a real station after its
sync: the 低保 standard the hardship category is computed against, and a program's file
requirement (requires_file) the relief preview checks."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import unquote

from sync.harness import District, add_member

from desktop.models import FundProgram
from desktop.services import hardship, hardship_queries
from desktop.services import relief as relief_service
from desktop.services.hardship_rule import FileInput, Person
from desktop.services.visits import VisitInput, add_visit
from server.console.web import beijing_today

from .test_flow import console, district  # noqa: F401 - the live district and its sign-in


def _outcome(response: object) -> str:
    location = unquote(response.headers["location"])  # type: ignore[attr-defined]
    assert location.startswith("/console/"), location
    return location


def _establish(st: object, member: object) -> str:
    """A one-person household earning ¥1,500.00 a month, filed up to 建档."""
    ctx = st.ctx  # type: ignore[attr-defined]
    people = [Person("本人", member.name, member.id_number, 150000)]  # type: ignore[attr-defined]
    file = hardship.apply(ctx, FileInput(member.id, people, cause_main="疾病"))  # type: ignore[attr-defined]
    visit = add_visit(ctx, VisitInput([member.id], "home", purpose="入户核实"))  # type: ignore[attr-defined]
    hardship.verify(ctx, file.id, visit.id)
    hardship.publish(ctx, file.id)
    return hardship.establish(ctx, file.id).id


def test_dibao_standard_set_in_the_console_drives_the_stations_category(
    district: District,  # noqa: F811
) -> None:
    a = district.station(1)
    c = console(district)
    assert "尚未设定低保标准" in c.get("/console/dibao").text
    refused = {
        ("980.005", "2026-01-01"): "低保标准（元/人·月）最多两位小数",
        ("0", "2026-01-01"): "低保标准（元/人·月）：应大于 0",
        ("九百", "2026-01-01"): "低保标准（元/人·月）",
        ("980", "2026-13-01"): "起始日期：应写作 YYYY-MM-DD",
        ("980", "2099-01-01"): "起始日期",  # beyond a year ahead: the shared rule's range
    }
    for (amount, day), reason in refused.items():
        bad = c.post("/console/dibao", {"standard": amount, "effective_on": day})
        assert reason in _outcome(bad), (amount, day, _outcome(bad))
    assert "尚未设定低保标准" in c.get("/console/dibao").text  # nothing half-written
    reviewer = console(district, "reviewer")
    reviewer.get("/console/dibao")
    denied = reviewer.post("/console/dibao", {"standard": "980", "effective_on": "2026-01-01"})
    assert denied.status_code == 403 and "无权" in denied.text
    no_token = c.post(
        "/console/dibao", {"standard": "980", "effective_on": "2026-01-01"}, csrf=False
    )
    assert no_token.status_code == 403

    done = c.post(
        "/console/dibao", {"standard": "980", "effective_on": "2026-01-01", "note": "市标准"}
    )
    assert "ok=" in done.headers["location"]
    a.sync()
    assert hardship.standard(a.ctx) == 98000
    member = add_member(a, 21, "陈建国")
    file_id = _establish(a, member)
    # ¥1,500.00 a head is below twice ¥980.00: 相对困难
    assert hardship_queries.get_file(a.ctx, file_id).file.category == "relative"

    ahead = (beijing_today() + dt.timedelta(days=60)).isoformat()
    c.post("/console/dibao", {"standard": "1600", "effective_on": "2026-07-01"})
    c.post("/console/dibao", {"standard": "3,000.00", "effective_on": ahead, "note": "明年"})
    page = c.get("/console/dibao").text
    rows = re.findall(r"<tr>\s*<td>([\d-]+)</td>\s*<td[^>]*>([^<]+)</td>\s*<td>(.*?)</td>", page)
    assert [(day, amount, re.sub(r"<[^>]+>", "", state)) for day, amount, state in rows] == [
        (ahead, "¥3,000.00", "待生效"),
        ("2026-07-01", "¥1,600.00", "现行"),
        ("2026-01-01", "¥980.00", "已过期"),
    ]
    a.sync()
    assert hardship.standard(a.ctx) == 160000  # the station's day (2026-11-20) picks the July one
    # the annual review re-runs the rule: ¥1,500.00 is now below the standard itself
    reviewed = hardship.review(a.ctx, file_id)
    assert (reviewed.standard_fen, reviewed.category) == (160000, "deep")
    audit = c.get("/console/audit").text
    assert audit.count("设定低保标准") == 3 and "¥1,600.00/人·月" in audit


def _program_id(page: str, name: str) -> str:
    """The id in the budget form of the program card headed by `name`."""
    cards = [c for c in page.split('<section class="card program">')[1:] if f"· {name}（" in c]
    assert len(cards) == 1, name
    found = re.search(r"/console/programs/([^/\"]+)/budgets", cards[0])
    assert found
    return found.group(1)


def test_a_programs_file_requirement_set_in_the_console_refuses_at_the_station(
    district: District,  # noqa: F811
) -> None:
    a = district.station(1)
    c = console(district)
    c.post("/console/dibao", {"standard": "980", "effective_on": "2026-01-01"})
    base = {"year": "2026", "program_type": "living", "active": "1"}
    forged = c.post(
        "/console/programs",
        {**base, "code": "X1", "name": "伪造类别", "requires_file": "rich"},
    )
    assert "须有困难职工档案" in _outcome(forged)
    form = {**base, "code": "SHJZ", "name": "生活救助"}
    made = c.client.post(
        "/console/programs",
        data={**form, "csrf": c.csrf, "requires_file": ["deep", "relative"]},
        follow_redirects=False,
    )
    assert "ok=" in made.headers["location"]
    c.post("/console/programs", {**base, "code": "YWJZ", "name": "意外救助"})
    page = c.get("/console/programs").text
    assert "伪造类别" not in page
    assert "须有困难职工档案：深度困难、相对困难" in page and "须有困难职工档案：不限" in page
    accident = _program_id(page, "意外救助")
    edited = c.post(
        f"/console/programs/{accident}",
        {"name": "意外救助", "active": "on", "requires_file": "accident"},
    )
    assert "ok=" in edited.headers["location"]
    assert "须有困难职工档案：意外致困" in c.get("/console/programs").text

    a.sync()
    programs = {p.code: p for p in a.rows(FundProgram)}
    assert programs["SHJZ"].requires_file == ["deep", "relative"]
    filed, bare = add_member(a, 31, "陈建国"), add_member(a, 32, "周丽")
    _establish(a, filed)  # 相对困难 against ¥980.00

    def refusals(member_id: str, code: str) -> list[str]:
        check = relief_service.preview(
            a.ctx,
            relief_service.ReliefInput(member_id, programs[code].id, cash_fen=50000),
        )
        return [r for r in check.reasons if "建档职工" in r]

    assert refusals(bare.id, "SHJZ") == [
        "“生活救助”只发给深度困难、相对困难的建档职工，周丽没有在册的困难职工档案"
    ]
    assert refusals(filed.id, "SHJZ") == []
    assert refusals(filed.id, "YWJZ") == [
        "“意外救助”只发给意外致困的建档职工，陈建国其档案类别为相对困难"
    ]
    # the requirement lifted in the console (no box ticked) is lifted at the next sync
    living = _program_id(c.get("/console/programs").text, "生活救助")
    c.post(f"/console/programs/{living}", {"name": "生活救助", "active": "on"})
    a.sync()
    assert refusals(bare.id, "SHJZ") == []
