"""A real district server on 127.0.0.1 (port 0) and real station databases, for sync tests."""

from __future__ import annotations

import datetime as dt
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import uvicorn
from sqlalchemy import Engine, select, text
from sqlmodel import Session

from contract.enums import Role
from desktop.models import Member, ReliefDistribution, Synced
from desktop.services import members as member_service
from desktop.services import staff as staff_service
from desktop.services.context import Actor, Ctx
from desktop.services.uow import transaction
from desktop.store import open_store
from desktop.sync import commands
from server import admin
from server.app import create_app
from server.db import make_engine, migrate

from .procs import ServerProcess

PG_BASE = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
DISTRICT = "440106"


def postgres_answers() -> bool:
    try:
        import psycopg

        with psycopg.connect(
            "host=127.0.0.1 port=5432 user=postgres dbname=test", connect_timeout=2
        ):
            return True
    except Exception:  # noqa: BLE001 - any failure means "no PostgreSQL here"
        return False


def fresh_pg_url() -> tuple[str, str]:
    """A new schema per test: returns (url, schema)."""
    import psycopg

    schema = "sd_" + uuid.uuid4().hex[:12]
    with psycopg.connect(
        "host=127.0.0.1 port=5432 user=postgres dbname=test", autocommit=True
    ) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    return f"{PG_BASE}?options=-csearch_path%3D{schema}", schema


def drop_pg_schema(schema: str) -> None:
    import psycopg

    with psycopg.connect(
        "host=127.0.0.1 port=5432 user=postgres dbname=test", autocommit=True
    ) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


class LiveServer:
    """uvicorn in a thread; stop() ends it."""

    def __init__(self, app: Any) -> None:
        config = uvicorn.Config(
            app, host="127.0.0.1", port=0, log_level="warning", lifespan="off", access_log=False
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.time() + 10
        while not self.server.started:
            if time.time() > deadline:
                raise RuntimeError("server did not start")
            time.sleep(0.01)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(5)


@dataclass
class StationHandle:
    code: str
    engine: Engine
    ctx: Ctx  # acting as the station head

    def sync(self, **kwargs: Any) -> commands.SyncResult:
        kwargs.setdefault("sleep", lambda _s: None)
        return commands.sync_now(self.engine, **kwargs)

    def rows(self, cls: type[Synced]) -> list[Any]:
        with Session(self.engine) as session:
            return list(session.exec(select(cls).order_by(cls.id)).scalars())  # type: ignore[call-overload]

    def snapshot(self, cls: type[Synced], station_id: str | None = None) -> dict[str, dict]:
        """Synced content of every row (optionally one station's) for comparisons."""
        from desktop.services.uow import record_payload

        out = {}
        for row in self.rows(cls):
            if station_id is None or row.station_id == station_id:
                data = record_payload(row)
                for key in ("pinyin_full", "pinyin_initials", "id_rev", "phone_rev"):
                    data.pop(key, None)
                out[row.id] = data
        return out

    def outbox_states(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return dict(
                conn.execute(text("SELECT state, count(*) FROM outbox GROUP BY state")).all()
            )


class District:
    """A server database, a live server on it, and stations enrolled into it.

    process=True serves it from a real `uvicorn --factory server.app:app_from_env` process
    (as a district runs it) instead of a thread of this process; the benchmark uses that."""

    def __init__(self, url: str, root: Path, *, process: bool = False) -> None:
        migrate(url)
        self.url = url
        self.root = root
        self.engine = make_engine(url)
        admin.create_district(self.engine, DISTRICT, "天河区")
        self.live: LiveServer | ServerProcess = (
            ServerProcess(url) if process else LiveServer(create_app(engine=self.engine))
        )

    def station(self, number: int, **kwargs: Any) -> StationHandle:
        code = f"{DISTRICT}{number:04d}"
        _sid, enrol_code = admin.create_station(self.engine, DISTRICT, code, f"第{number}服务站")
        path = self.root / code / "station.sqlite3"
        path.parent.mkdir(parents=True)
        engine = open_store(path, bytes(range(32)))  # encrypted, as tests/conftest.TEST_KEY
        ctx = staff_service.init_station(
            engine,
            code=code,
            name=f"第{number}服务站",
            district_code=DISTRICT,
            district_name="天河区",
        )
        head = staff_service.add_staff(
            ctx,
            username=f"head{number}",
            display_name="李站长",
            role=Role.STATION_HEAD,
            password="secret123",
        )
        ctx = ctx.as_actor(Actor.of(head))
        ctx.today_fn = lambda: dt.date(2026, 11, 20)
        commands.enrol(engine, self.live.url, enrol_code, **kwargs)
        return StationHandle(code, engine, ctx)

    def close(self) -> None:
        self.live.stop()
        self.engine.dispose()

    @property
    def server_pid(self) -> int | None:
        """The server process id (None when the server runs in this process)."""
        proc = getattr(self.live, "proc", None)
        return proc.pid if proc is not None else None


ID_NUMBERS = ["11010519491231002X", "440524188001010014"]


def make_id_number(n: int) -> str:
    """A valid resident ID number, distinct for each n."""
    body = f"440106{1960 + n % 40:04d}{1 + n % 12:02d}{1 + n % 28:02d}{n % 1000:03d}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(d) * w for d, w in zip(body, weights, strict=True))
    return body + "10X98765432"[total % 11]


def add_member(st: StationHandle, n: int, name: str = "张三") -> Member:
    data = member_service.MemberInput(
        name=name, id_number=make_id_number(n), phone=f"1380000{n % 10000:04d}"
    )
    return member_service.add_member(st.ctx, data)


def add_relief(
    st: StationHandle,
    member_id: str,
    program_id: str,
    *,
    cash_fen: int = 50000,
    issued_on: dt.date = dt.date(2026, 11, 5),
) -> ReliefDistribution:
    """A distribution inserted through the unit of work (until the relief service lands)."""
    with transaction(st.ctx) as unit:
        row = ReliefDistribution(
            station_id=st.ctx.station_id,
            member_id=member_id,
            program_id=program_id,
            cash_fen=cash_fen,
            issued_on=issued_on,
            period=issued_on.strftime("%Y-%m"),
            handler_id=st.ctx.actor.staff_id or "",
        )
        unit.save(row)
    return row
