"""Pull: everything in a station's scope after its cursor, one indexed range scan per page.

The page is capped at the committed high-water mark of the cursor counter (see rows.py), and
the JSON is assembled from the stored text so a 5,000-row page costs one query and a join.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Engine, false, or_, select, true

from contract.protocol import READ_BY_ALL, RELIEF_PUBLIC_FIELDS, PullRequest

from .db import counter, reader, record
from .push import StationAuth
from .rows import now


def _trim_relief(text: str) -> str:
    """Another station's relief: only what a duplicate warning needs (no notes, no goods)."""
    data = json.loads(text)
    out: dict[str, Any] = {k: data[k] for k in RELIEF_PUBLIC_FIELDS if k in data}
    out["handler_id"] = ""
    return json.dumps(out, ensure_ascii=False, separators=(",", ":"))


def pull_page(engine: Engine, auth: StationAuth, req: PullRequest) -> bytes:
    """The JSON bytes of a PullResponse."""
    me = auth.station_id
    with reader(engine).connect() as conn:
        high = int(
            conn.execute(select(counter.c.value).where(counter.c.name == "seq")).scalar_one()
        )
        # our own pushes come back only to a fresh install (cursor 0); NULL-safe comparison
        not_echo = (
            or_(record.c.origin.is_(None), record.c.origin != me)
            if req.cursor > 0 and not req.include_own
            else true()
        )
        query = (
            select(
                record.c.entity,
                record.c.id,
                record.c.owner,
                record.c.version,
                record.c.deleted,
                record.c.data,
                record.c.seq,
            )
            .where(
                record.c.district_id == auth.district_id,
                record.c.seq > req.cursor,
                record.c.seq <= high,
                or_(record.c.owner == me, record.c.entity.in_(sorted(READ_BY_ALL))),
                not_echo,
            )
            .order_by(record.c.seq)
            .limit(req.limit + 1)
        )
        if req.cursor == 0:  # a fresh station does not need tombstones
            query = query.where(record.c.deleted == false())
        rows = conn.execute(query).all()
    has_more = len(rows) > req.limit
    rows = rows[: req.limit]
    next_cursor = rows[-1].seq if has_more else max(high, req.cursor)
    parts = []
    for r in rows:
        data = r.data if r.entity != "relief" or r.owner == me else _trim_relief(r.data)
        deleted = "true" if r.deleted else "false"
        parts.append(
            f'{{"entity":{json.dumps(r.entity)},"id":{json.dumps(r.id)},'
            f'"station_id":{json.dumps(r.owner)},"version":{int(r.version)},'
            f'"deleted":{deleted},"data":{data}}}'
        )
    more = "true" if has_more else "false"
    head = (
        f'{{"next_cursor":{next_cursor},"has_more":{more},'
        f'"server_time":"{now().isoformat()}","changes":['
    )
    return (head + ",".join(parts) + "]}").encode()
