"""Issue 16's district rules in a real browser (chromium headless against a real uvicorn
process): the admin types the 低保 standard and ticks a program's file requirement; a real
station syncs and computes and refuses with them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sync.harness import DISTRICT, District, add_member

from desktop.models import FundProgram
from desktop.services import hardship
from desktop.services import relief as relief_service
from desktop.services.hardship_rule import FileInput, Person
from server.console.accounts import create_user

from .browser import new_page, shot, sign_in
from .conftest import PASSWORD

pytestmark = pytest.mark.slow


@pytest.fixture
def district(tmp_path: Path) -> Iterator[District]:
    d = District(f"sqlite:///{tmp_path / 'server.sqlite3'}", tmp_path, process=True)
    create_user(d.engine, DISTRICT, "admin", PASSWORD, role="admin", display_name="区管理员")
    yield d
    d.close()


def test_standard_and_file_requirement_typed_in_the_browser_reach_the_station(
    browser: object, district: District, tmp_path: Path
) -> None:
    a = district.station(1)
    page = new_page(browser, district.live.url)
    sign_in(page, DISTRICT, "admin", PASSWORD)
    page.get_by_role("link", name="低保标准", exact=True).click()  # type: ignore[attr-defined]
    form = page.locator("form[action='/console/dibao']")  # type: ignore[attr-defined]
    form.get_by_label("低保标准（元/人·月）").fill("980.005")
    form.get_by_role("button", name="设定").click()
    assert "低保标准（元/人·月）最多两位小数" in page.locator("p.error").inner_text()  # type: ignore[attr-defined]
    form.get_by_label("低保标准（元/人·月）").fill("980")
    form.get_by_label("起始日期").fill("2026-01-01")
    form.get_by_label("说明").fill("市民政局公布")
    form.get_by_role("button", name="设定").click()
    assert "已设定自 2026-01-01 起的低保标准 ¥980.00/人·月" in page.locator("p.notice").inner_text()  # type: ignore[attr-defined]
    row = page.locator("#standards tbody tr").first  # type: ignore[attr-defined]
    assert "¥980.00" in row.inner_text() and "现行" in row.inner_text()
    shot(page, "dibao", tmp_path)

    page.get_by_role("link", name="帮扶项目与预算").click()  # type: ignore[attr-defined]
    new = page.locator("section.card", has_text="新建帮扶项目")  # type: ignore[attr-defined]
    new.get_by_label("项目代码", exact=True).fill("SHJZ")
    new.get_by_label("名称", exact=True).fill("生活救助")
    new.locator("select[name=program_type]").select_option("living")
    new.get_by_label("深度困难").check()
    new.get_by_label("相对困难").check()
    new.get_by_role("button", name="新建").click()
    card = page.locator("section.program", has_text="生活救助")  # type: ignore[attr-defined]
    assert "须有困难职工档案：深度困难、相对困难" in card.inner_text()
    card.locator("summary").click()
    edit = card.locator("details form")
    assert edit.get_by_label("深度困难").is_checked() and edit.get_by_label("相对困难").is_checked()
    assert not edit.get_by_label("意外致困").is_checked()
    shot(page, "programs-file-rule", tmp_path)

    a.sync()
    assert hardship.standard(a.ctx) == 98000
    program = next(p for p in a.rows(FundProgram) if p.code == "SHJZ")
    bare = add_member(a, 41, "周丽")
    check = relief_service.preview(a.ctx, relief_service.ReliefInput(bare.id, program.id, 50000))
    assert "“生活救助”只发给深度困难、相对困难的建档职工，周丽没有在册的困难职工档案" in (
        check.reasons
    )
    member = add_member(a, 42, "陈建国")
    file = hardship.apply(
        a.ctx, FileInput(member.id, [Person("本人", "陈建国", member.id_number, 150000)])
    )
    assert (file.standard_fen, file.category) == (98000, "relative")
