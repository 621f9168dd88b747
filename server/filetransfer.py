"""The district side of sync by file: a station's upload in, a reply file out.

The upload is applied batch by batch with the same `apply_push` the HTTP endpoint uses
(idempotent by mutation id, scoped to the station the file's key belongs to), and the reply
holds the push results and the `pull_page` pages after the station's cursor. Format and keys:
contract/syncfile.py. Importing the same file twice answers every mutation as
`duplicate` and changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec
from pydantic import ValidationError as PydanticError
from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError, OperationalError

from contract.protocol import (
    MAX_PAGE,
    MIN_PROTOCOL,
    PROTOCOL,
    SCHEMA,
    PullRequest,
    PushRequest,
)
from contract.syncfile import (
    FILE_PAGE,
    KIND_DOWN,
    KIND_UP,
    SyncFileError,
    open_sealed,
    read_file,
    read_header,
    seal,
    write_atomically,
)

from .db import station
from .pull import pull_page
from .push import Answer, StationAuth, apply_push
from .readmodel.activity import note_file_sync


@dataclass
class ServerImportResult:
    station_code: str
    reply: Path
    statuses: dict[str, int] = field(default_factory=dict)
    pages: int = 0
    changes: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "station": self.station_code,
            "reply": str(self.reply),
            "statuses": self.statuses,
            "pages": self.pages,
            "changes": self.changes,
        }


def _station(engine: Engine, station_id: str, code: str) -> StationAuth:
    with engine.connect() as conn:
        row = conn.execute(select(station).where(station.c.id == station_id)).first()
    if row is None:
        raise SyncFileError(f"本服务器没有服务站 {code}，未导入任何数据")
    if row.code != code:
        raise SyncFileError(f"文件头中的服务站编码 {code} 与登记信息不符，未导入任何数据")
    if row.revoked:
        raise SyncFileError(f"服务站 {code} 已被停用，不接受其同步文件")
    if not row.token_hash:
        raise SyncFileError(f"服务站 {code} 尚未登记，无法校验其同步文件")
    return StationAuth(station_id=row.id, district_id=row.district_id, code=row.code)


def _secret(engine: Engine, station_id: str) -> str:
    with engine.connect() as conn:
        value = conn.execute(
            select(station.c.token_hash).where(station.c.id == station_id)
        ).scalar_one()
    return str(value)


def _push(engine: Engine, auth: StationAuth, req: PushRequest) -> list[Answer]:
    for attempt in range(4):  # the same contention retry as the HTTP endpoint
        try:
            return apply_push(engine, auth, req).results
        except (OperationalError, IntegrityError):
            if attempt == 3:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def import_station_file(engine: Engine, path: Path | str, out: Path | str) -> ServerImportResult:
    """Verify, apply and answer one station upload; nothing is applied if it is refused."""
    data = read_file(Path(path))
    header = read_header(data)
    if header.kind != KIND_UP:
        raise SyncFileError("这是区服务器的回执文件，应在服务站导入，未导入任何数据")
    auth = _station(engine, header.station_id, header.station_code)
    secret = _secret(engine, auth.station_id)
    body = open_sealed(data, header, secret)
    try:
        batches = [PushRequest.model_validate(b) for b in body["batches"]]
        cursor = int(body["cursor"])
        include_own = bool(body["include_own"])
        limit = max(1, min(int(body.get("page_size") or FILE_PAGE), MAX_PAGE))
        first = PullRequest(cursor=cursor, limit=limit, include_own=include_own)
    except (PydanticError, KeyError, TypeError, ValueError):
        raise SyncFileError("同步文件内容格式不正确，未导入任何数据") from None
    for req in batches:
        if not MIN_PROTOCOL <= req.protocol <= PROTOCOL or req.schema_version > SCHEMA:
            raise SyncFileError("同步文件的协议或数据结构版本不受支持，请先升级区服务器")

    result = ServerImportResult(auth.code, Path(out))
    results: list[Answer] = []
    for req in batches:
        results += _push(engine, auth, req)
    for r in results:
        result.statuses[r.status] = result.statuses.get(r.status, 0) + 1
    pages: list[dict[str, Any]] = []
    req_pull = first
    while True:
        page = json.loads(pull_page(engine, auth, req_pull))
        pages.append({"cursor": req_pull.cursor, "page": page})
        result.changes += len(page["changes"])
        if not page["has_more"]:
            break
        req_pull = first.model_copy(update={"cursor": int(page["next_cursor"])})
    result.pages = len(pages)
    reply = {
        "station_id": auth.station_id,
        "results": [msgspec.to_builtins(r) for r in results],
        "pages": pages,
        "include_own": include_own,
    }
    sealed = seal(KIND_DOWN, auth.station_id, auth.code, secret, reply, reply_to=header.file_id)
    write_atomically(Path(out), sealed)
    note_file_sync(engine, auth)  # 总览: the station's last sync
    return result
