"""Each station's last push and pull, the app version it runs and how far off its clock is.

Noted by the sync routes (server/app.py) after the request is answered, in a transaction of
its own. A pull is noted at most once a minute per station and process: a sync pulls page
after page, and on SQLite every note takes the write lock.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.dialects import postgresql, sqlite

from contract.protocol import STATION_TIME_HEADER, STATION_WAITING_HEADER, VERSION_HEADER

from .tables import station_activity

log = logging.getLogger("stationdesk.server")
PULL_EVERY_S = 60.0
_last_pull: dict[str, float] = {}


def clock_offset(headers: Mapping[str, str], server_now: dt.datetime) -> float | None:
    """Station clock minus server clock in seconds, from the time the station sent."""
    text = headers.get(STATION_TIME_HEADER.lower()) or headers.get(STATION_TIME_HEADER)
    if not text:
        return None
    try:
        sent = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if sent.tzinfo is None:
        return None
    return round((sent - server_now).total_seconds(), 1)


def _header(headers: Mapping[str, str], name: str) -> str | None:
    return headers.get(name.lower()) or headers.get(name)


def records_waiting(headers: Mapping[str, str]) -> int | None:
    """What the station says still waits there to be accepted (sent on a sync's first pull)."""
    text = _header(headers, STATION_WAITING_HEADER)
    if text is None or not text.isascii() or not text.isdigit() or len(text) > 9:
        return None
    return int(text)


def note(
    engine: Engine,
    station_id: str,
    district_id: str,
    kind: str,
    headers: Mapping[str, str],
    server_now: dt.datetime,
) -> None:
    """kind: "push" or "pull". Never fails the request it follows (logged by the caller).
    A sync's first pull (it carries the station's waiting count) is always noted."""
    waiting = records_waiting(headers)
    if kind == "pull" and waiting is None:
        last = _last_pull.get(station_id, 0.0)
        if time.monotonic() - last < PULL_EVERY_S:
            return
        _last_pull[station_id] = time.monotonic()
    values: dict[str, Any] = {f"last_{kind}_at": server_now}
    if waiting is not None:
        values["records_waiting"] = waiting
    version = headers.get(VERSION_HEADER.lower()) or headers.get(VERSION_HEADER)
    if version:
        values["app_version"] = version[:64]
    offset = clock_offset(headers, server_now)
    if offset is not None:
        values["clock_offset_s"] = offset
    dialect = postgresql if engine.dialect.name == "postgresql" else sqlite
    query = dialect.insert(station_activity).values(
        station_id=station_id, district_id=district_id, **values
    )
    query = query.on_conflict_do_update(index_elements=["station_id"], set_=values)
    with engine.begin() as conn:
        conn.execute(query)


def note_request(engine: Engine, station: Any, kind: str, headers: Mapping[str, str]) -> None:
    """note() for a sync route's station (its station_id and district_id); a failure to note
    is logged and never turns an answered push or pull into an error."""
    try:
        now = dt.datetime.now(dt.UTC)
        note(engine, station.station_id, station.district_id, kind, headers, now)
    except Exception:  # noqa: BLE001 - the station's data is stored; this is bookkeeping
        log.warning("station activity not noted for %s", station.station_id, exc_info=True)


def note_file_sync(engine: Engine, station: Any) -> None:
    """A sync by file (a USB stick to the district office): pushed and pulled at the import.
    The file tells neither the app's version nor the station's clock at this moment."""
    now = dt.datetime.now(dt.UTC)
    values = {"last_push_at": now, "last_pull_at": now}
    dialect = postgresql if engine.dialect.name == "postgresql" else sqlite
    query = dialect.insert(station_activity).values(
        station_id=station.station_id, district_id=station.district_id, **values
    )
    with engine.begin() as conn:
        conn.execute(query.on_conflict_do_update(index_elements=["station_id"], set_=values))
