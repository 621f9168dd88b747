"""What every service call needs: the database, who is acting, and which station this is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlmodel import Session

from contract.enums import Role

from ..models import Staff, Station
from .errors import PermissionDenied


@dataclass(frozen=True)
class Actor:
    """The logged-in staff member (or the system, for demo and sync)."""

    staff_id: str | None
    display_name: str
    role: Role

    @classmethod
    def of(cls, staff: Staff) -> Actor:
        return cls(staff.id, staff.display_name, Role(staff.role))


SYSTEM = Actor(None, "系统", Role.STATION_HEAD)

ROLE_LABEL_NEEDED = {
    "write": "社工、站长或审核",
    "head": "站长",
}


@dataclass
class Ctx:
    """Passed to every service function: engine, acting staff, this station, today."""

    engine: Engine
    station_id: str
    actor: Actor = SYSTEM
    today_fn: Callable[[], dt.date] = field(default=dt.date.today)

    @property
    def today(self) -> dt.date:
        return self.today_fn()

    def as_actor(self, actor: Actor) -> Ctx:
        return Ctx(self.engine, self.station_id, actor, self.today_fn)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self.engine) as session:
            yield session

    def station(self) -> Station:
        with Session(self.engine) as session:
            station = session.get(Station, self.station_id)
            assert station is not None, "station row missing"
            session.expunge(station)
            return station

    def require_write(self) -> None:
        if self.actor.role == Role.AUDITOR:
            raise PermissionDenied("审计账号为只读，不能修改数据")

    def require_head(self, what: str) -> None:
        if self.actor.role != Role.STATION_HEAD:
            raise PermissionDenied(f"{what}需要站长权限")
