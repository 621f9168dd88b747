"""Console fixtures: a migrated district database with two districts, their console accounts
and stations, and an HTTP client that signs in through the real login form."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from server import admin
from server.app import create_app
from server.console.accounts import create_user
from server.db import make_engine, migrate

from .browser import browser  # noqa: F401 - the module-wide chromium fixture of the browser tests

PASSWORD = "correct-horse-9"
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@dataclass
class Site:
    engine: Engine
    url: str
    stations: dict[str, str]  # code -> id


def build_site(url: str) -> Site:
    """District 440106 (天河区) with stations 4401060001/2 and an admin, a reviewer and a
    viewer; district 440104 (越秀区) with station 4401040001 and its own admin."""
    migrate(url)
    engine = make_engine(url)
    admin.create_district(engine, "440106", "天河区")
    admin.create_district(engine, "440104", "越秀区")
    stations = {}
    for district, code, name in [
        ("440106", "4401060001", "猎德街道服务站"),
        ("440106", "4401060002", "冼村街道服务站"),
        ("440104", "4401040001", "北京街服务站"),
    ]:
        stations[code] = admin.create_station(engine, district, code, name)[0]
    for district, name, role in [
        ("440106", "admin", "admin"),
        ("440106", "reviewer", "审核"),
        ("440106", "viewer", "只读"),
        ("440104", "admin", "管理员"),
    ]:
        create_user(engine, district, name, PASSWORD, role=role, display_name=f"{name}用户")
    return Site(engine, url, stations)


def database(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, str | None]:
    """(url, PostgreSQL schema to drop) for the fixture's parameter."""
    if request.param == "postgres":
        from sync.harness import fresh_pg_url, postgres_answers

        if not postgres_answers():
            pytest.skip("PostgreSQL does not answer on 127.0.0.1:5432")
        return fresh_pg_url()
    return f"sqlite:///{tmp_path / 'server.sqlite3'}", None


DATABASES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=DATABASES)
def site(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Site]:
    url, schema = database(request, tmp_path)
    s = build_site(url)
    yield s
    s.engine.dispose()
    if schema:
        from sync.harness import drop_pg_schema

        drop_pg_schema(schema)


class Console:
    """A signed-in browser stand-in for HTTP tests: remembers the page's CSRF token."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.csrf = ""

    def get(self, path: str, **kwargs: object):  # type: ignore[no-untyped-def]
        response = self.client.get(path, **kwargs)  # type: ignore[arg-type]
        found = CSRF.search(response.text)
        if found and "/console/login" not in str(response.url):
            self.csrf = found.group(1)
        return response

    def post(self, path: str, data: dict[str, str] | None = None, *, csrf: bool = True):  # type: ignore[no-untyped-def]
        form = dict(data or {})
        if csrf:
            form["csrf"] = self.csrf
        return self.client.post(path, data=form, follow_redirects=False)


def sign_in(site: Site, district: str, username: str, password: str = PASSWORD) -> Console:
    client = TestClient(create_app(engine=site.engine), base_url="http://127.0.0.1")
    page = client.get("/console/login")
    token = CSRF.search(page.text)
    assert token, page.text
    done = client.post(
        "/console/login",
        data={
            "district": district,
            "username": username,
            "password": password,
            "csrf": token.group(1),
        },
        follow_redirects=False,
    )
    assert done.status_code == 303, done.text
    console = Console(client)
    console.get("/console/stations")
    return console
