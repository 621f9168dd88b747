"""Helpers of the browser tests: Debian's chromium driven headless by Playwright against a
real uvicorn process (tests/sync/procs.py) at 1366x768, signing in through the login form."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = os.environ.get("STATIONDESK_CONSOLE_SCREENSHOTS")  # a folder: keep every page's shot
VIEWPORT = {"width": 1366, "height": 768}


def chromium_present() -> bool:
    return Path(CHROMIUM).exists()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not chromium_present():
        pytest.skip("chromium is not installed (scripts/setup.sh installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield b
        b.close()


def new_page(browser: object, base_url: str) -> object:
    context = browser.new_context(  # type: ignore[attr-defined]
        base_url=base_url, viewport=VIEWPORT, locale="zh-CN"
    )
    return context.new_page()


def sign_in(page: object, district: str, username: str, password: str) -> None:
    page.goto("/console/login")  # type: ignore[attr-defined]
    page.get_by_label("区代码").fill(district)  # type: ignore[attr-defined]
    page.get_by_label("用户名").fill(username)  # type: ignore[attr-defined]
    page.get_by_label("密码").fill(password)  # type: ignore[attr-defined]
    page.get_by_role("button", name="登录").click()  # type: ignore[attr-defined]
    page.wait_for_url("**/console/")  # type: ignore[attr-defined]


def shot(page: object, name: str, tmp: Path) -> Path:
    """A full-window screenshot, kept in STATIONDESK_CONSOLE_SCREENSHOTS when that is set."""
    folder = Path(SHOTS) if SHOTS else tmp
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path))  # type: ignore[attr-defined]
    assert path.stat().st_size > 5000
    return path
