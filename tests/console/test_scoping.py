"""Every console route, found by walking the mounted app's routes (a new page is covered
without touching this test): another district's admin is refused every page and action on
this district's records, and a viewer is refused every write."""

from __future__ import annotations

import json
from typing import Any

from fastapi.routing import APIRoute
from sqlalchemy import select
from starlette.routing import Mount

from server import admin
from server.app import create_app
from server.db import record, station
from server.rows import Row, flush

from .conftest import Site, sign_in

A_STATION = "4401060001"
SECRET_WORDS = [A_STATION, "天河专属项目", "a-worker", "猎德街道服务站"]
VIEWER_MAY_POST = {"/login", "/logout", "/receipts"}


def console_routes(site: Site) -> list[APIRoute]:
    app = create_app(engine=site.engine)
    mount = next(r for r in app.routes if isinstance(r, Mount) and r.path == "/console")
    return list(_walk(mount.routes))


def _walk(routes: list[Any]) -> Any:
    """APIRoutes, also inside the included routers newer FastAPI keeps as their own objects."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        elif hasattr(route, "original_router"):  # no prefixes: the console includes them bare
            yield from _walk(route.original_router.routes)


def _server_made(site: Site, entity: str, data: dict[str, Any]) -> str:
    with site.engine.begin() as conn:
        did = conn.execute(
            select(station.c.district_id).where(station.c.code == A_STATION)
        ).scalar_one()
        row = Row(
            entity=entity,
            id=f"{entity}-a1",
            district_id=did,
            owner=site.stations[A_STATION],
            version=1,
            deleted=False,
            data={"id": f"{entity}-a1", "created_at": "2026-11-01T00:00:00+00:00", **data},
            dirty=True,
        )
        flush(conn, [row])
    return row.id


def district_a_records(site: Site) -> dict[str, str]:
    """Samples of every path parameter the console's routes take, all in district 440106."""
    program = admin.create_program(
        site.engine, "440106", code="TH1", year=2026, name="天河专属项目", program_type="living"
    )
    staff = admin.create_staff(
        site.engine,
        A_STATION,
        username="a-worker",
        display_name="甲",
        role="social_worker",
        password="secret123",
    )
    flag = _server_made(
        site,
        "dup_flag",
        {
            "member_id": "m1",
            "program_id": program,
            "period": "2026-11",
            "reason": "天河专属项目 重复",
            "distribution_ids": [],
        },
    )
    conflict = _server_made(
        site,
        "conflict",
        {
            "entity": "member",
            "row_id": "m1",
            "field": "phone",
            "local_value": "1",
            "server_value": "2",
            "server_version": 1,
        },
    )
    return {
        "code": A_STATION,
        "staff_id": staff,
        "flag_id": flag,
        "conflict_id": conflict,
        "program_id": program,
    }


FORM = {
    "code": A_STATION,
    "name": "改名",
    "station": A_STATION,
    "budget": "100",
    "decision": "confirmed",
    "reason": "越权",
    "value": "13800000000",
    "username": "intruder",
    "display_name": "入侵",
    "role": "social_worker",
    "password": "long-password-1",
    "query": f"{A_STATION}-2026-000001",
    "program_type": "living",
    "year": "2026",
    "active": "1",
    "district": "440106",
}


def snapshot(site: Site) -> str:
    """District 440106's records and stations."""
    with site.engine.connect() as conn:
        did = conn.execute(
            select(station.c.district_id).where(station.c.code == A_STATION)
        ).scalar_one()
        rows = conn.execute(
            select(record.c.entity, record.c.id, record.c.version, record.c.data)
            .where(record.c.district_id == did)
            .order_by(record.c.entity, record.c.id)
        ).all()
        stations = conn.execute(
            select(station).where(station.c.district_id == did).order_by(station.c.code)
        ).all()
    return json.dumps([list(map(str, r)) for r in [*rows, *stations]])


def test_another_districts_admin_is_refused_everywhere(site: Site) -> None:
    samples = district_a_records(site)
    other = sign_in(site, "440104", "admin")
    before = snapshot(site)
    checked = 0
    for route in console_routes(site):
        params = [p.name for p in route.dependant.path_params]
        missing = [p for p in params if p not in samples]
        assert not missing, f"{route.path}: add a sample for {missing}"
        path = "/console" + route.path.format(**samples)
        for method in sorted(route.methods):
            if route.path in ("/login", "/logout"):
                continue
            if method == "GET":
                other.get("/console/")  # a fresh CSRF token for the posts
                response = other.client.get(path, follow_redirects=False)
            else:
                other.get("/console/")
                response = other.post(path, FORM)
            text = response.text
            if params:
                assert response.status_code == 404, (method, path, response.status_code)
            else:
                assert response.status_code in (200, 303), (method, path, response.status_code)
                sent = " ".join(FORM.values())  # what B typed may come back (audit, echo)
                leaked = [w for w in SECRET_WORDS if w in text and w not in sent]
                assert not leaked, (method, path, leaked)
            checked += 1
    assert checked >= 15
    for path in ("/console/monthly", "/console/monthly.xlsx", "/console/monthly.pdf"):
        asked = other.client.get(f"{path}?period=2026-11&station={A_STATION}")
        assert asked.status_code == 404, path  # a station of district 440106 by query
    assert snapshot(site) == before  # nothing of district 440106 changed
    mine = sign_in(site, "440106", "admin").get(f"/console/stations/{A_STATION}")
    assert mine.status_code == 200 and "a-worker" in mine.text


def test_a_viewer_is_refused_every_write(site: Site) -> None:
    samples = district_a_records(site)
    viewer = sign_in(site, "440106", "viewer")
    before = snapshot(site)
    posts = 0
    for route in console_routes(site):
        if "POST" not in route.methods or route.path in VIEWER_MAY_POST:
            continue
        viewer.get("/console/")
        response = viewer.post("/console" + route.path.format(**samples), FORM)
        assert response.status_code == 403, (route.path, response.status_code)
        assert "无权" in response.text
        posts += 1
    assert posts >= 10
    assert snapshot(site) == before
