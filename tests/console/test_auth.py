"""Console accounts over HTTP: login, cookie flags, throttling, idle timeout, CSRF, roles,
logout, audit, and create-admin."""

from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient
from sqlalchemy import select, update

from server.app import create_app
from server.cli import main
from server.db import console_audit, console_session, login_failure

from .conftest import CSRF, PASSWORD, Site, sign_in


def _attempt(client: TestClient, district: str, username: str, password: str):  # type: ignore[no-untyped-def]
    token = CSRF.search(client.get("/console/login").text)
    assert token
    return client.post(
        "/console/login",
        data={
            "district": district,
            "username": username,
            "password": password,
            "csrf": token.group(1),
        },
        follow_redirects=False,
    )


def test_login_sets_a_strict_httponly_cookie_and_the_pages_need_it(site: Site) -> None:
    client = TestClient(create_app(engine=site.engine), base_url="http://127.0.0.1")
    assert client.get("/console/stations", follow_redirects=False).headers["location"] == (
        "/console/login"
    )
    done = _attempt(client, "440106", "admin", PASSWORD)
    assert done.status_code == 303
    cookie = done.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Secure" not in cookie
    page = client.get("/console/stations")
    assert page.status_code == 200 and "猎德街道服务站" in page.text
    assert "北京街服务站" not in page.text  # another district's station


def test_cookie_is_secure_under_https(site: Site) -> None:
    client = TestClient(create_app(engine=site.engine), base_url="https://127.0.0.1")
    done = _attempt(client, "440106", "admin", PASSWORD)
    assert "Secure" in done.headers["set-cookie"]


def test_wrong_password_is_refused_and_repeated_failures_slow_down(site: Site) -> None:
    client = TestClient(create_app(engine=site.engine), base_url="http://127.0.0.1")
    for _ in range(3):
        bad = _attempt(client, "440106", "admin", "wrong-password")
        assert bad.status_code == 401 and "区代码、用户名或密码错误" in bad.text
    # the right password must now wait
    held = _attempt(client, "440106", "admin", PASSWORD)
    assert held.status_code == 401 and "登录失败次数过多" in held.text
    # another account from the same client is not held by that account's failures
    assert _attempt(client, "440106", "viewer", PASSWORD).status_code == 303
    # once the wait has passed, the right password gets in and the count is cleared
    with site.engine.begin() as conn:
        conn.execute(
            update(login_failure).values(last_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=10))
        )
    assert _attempt(client, "440106", "admin", PASSWORD).status_code == 303
    with site.engine.connect() as conn:
        keys = {r.key for r in conn.execute(select(login_failure))}
    assert "user:440106/admin" not in keys and any(k.startswith("client:") for k in keys)


def test_idle_session_ends(site: Site) -> None:
    console = sign_in(site, "440106", "admin")
    with site.engine.begin() as conn:
        conn.execute(
            update(console_session).values(
                last_seen=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=31)
            )
        )
    again = console.client.get("/console/stations", follow_redirects=False)
    assert again.status_code == 303 and again.headers["location"] == "/console/login"
    with site.engine.connect() as conn:
        assert conn.execute(select(console_session)).first() is None


def test_post_without_or_with_a_wrong_csrf_token_is_refused(site: Site) -> None:
    console = sign_in(site, "440106", "admin")
    form = {"code": "4401060009", "name": "新服务站"}
    refused = console.post("/console/stations", form, csrf=False)
    assert refused.status_code == 403 and "安全令牌" in refused.text
    refused = console.post("/console/stations", {**form, "csrf": "forged"}, csrf=False)
    assert refused.status_code == 403
    assert "4401060009" not in console.get("/console/stations").text
    assert console.post("/console/stations", form).status_code == 200
    assert "4401060009" in console.get("/console/stations").text


def test_login_form_needs_its_token(site: Site) -> None:
    client = TestClient(create_app(engine=site.engine), base_url="http://127.0.0.1")
    client.get("/console/login")
    done = client.post(
        "/console/login",
        data={"district": "440106", "username": "admin", "password": PASSWORD},
        follow_redirects=False,
    )
    assert done.status_code == 403


def test_viewer_and_reviewer_cannot_administer(site: Site) -> None:
    for name in ("viewer", "reviewer"):
        console = sign_in(site, "440106", name)
        refused = console.post("/console/stations", {"code": "4401060010", "name": "x站"})
        assert refused.status_code == 403 and "无权" in refused.text
        sid_page = console.get("/console/stations")
        assert "4401060010" not in sid_page.text and "新建服务站" not in sid_page.text


def test_logout_ends_the_session_and_everything_is_audited(site: Site) -> None:
    console = sign_in(site, "440106", "admin")
    console.post("/console/stations", {"code": "4401060011", "name": "审计站"})
    assert console.post("/console/logout").status_code == 303
    assert console.client.get("/console/stations", follow_redirects=False).status_code == 303
    with site.engine.connect() as conn:
        actions = [
            r.action for r in conn.execute(select(console_audit).order_by(console_audit.c.at))
        ]
    assert actions[-3:] == ["login", "station.create", "logout"]
    later = sign_in(site, "440106", "viewer")
    page = later.get("/console/audit").text
    assert "新建服务站" in page and "4401060011" in page


def test_create_admin_takes_the_password_from_the_environment(
    site: Site,
    monkeypatch,
    capsys,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setenv("STATIONDESK_ADMIN_PASSWORD", "another-secret-1")
    code = main(["--db", site.url, "create-admin", "--district", "440104", "--username", "li"])
    assert code == 0 and "li" in capsys.readouterr().out
    assert (
        sign_in(site, "440104", "li", "another-secret-1").get("/console/stations").status_code
        == 200
    )
    monkeypatch.setenv("STATIONDESK_ADMIN_PASSWORD", "short")
    assert main(["--db", site.url, "create-admin", "--district", "440104", "--username", "wu"]) == 1
    assert "密码至少" in capsys.readouterr().err


def test_pages_forbid_framing_outside_files_and_caching(site: Site) -> None:
    console = sign_in(site, "440106", "admin")
    page = console.get("/console/stations")
    policy = page.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert page.headers["x-frame-options"] == "DENY"
    assert page.headers["cache-control"] == "no-store"
    assert "http" not in page.text.split("<body>")[0]  # no outside style sheet or script
    assert console.get("/console/static/console.css").status_code == 200
