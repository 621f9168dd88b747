"""Sync with no network at all (sync.md principle 9): the same push and pull, as a file.

`stationdesk sync export FILE` writes the station's pending outbox (the very PushRequest
batches the HTTP client would send, from `local.pending_batch`) and its pull cursor.
`stationdesk-server sync import FILE --out REPLY` applies them with the server's own
`apply_push` and answers with the push results and the pull pages after that cursor
(`pull_page`). `stationdesk sync import REPLY` applies the reply with the HTTP client's own
`local.record_results` and `local.apply_page`. There is no second apply path.

File layout: a magic line, one JSON header line (kind, protocol and schema version, station
id and code, nonce, file id), then AES-256-GCM ciphertext of the gzipped JSON body. The
magic and header lines are the GCM associated data, so any change to either, or to one byte
of the body, fails authentication before anything is applied.

Key: HKDF-SHA256 over sha256(token), per station and per direction. The server stores only
sha256(token) (`server.auth.digest`), so this is the one per-station secret both sides hold
without a schema change. Holding that hash lets a party read and forge this station's files,
but only the district server holds it (and it already holds all of the station's data and
decides what to accept); the hash still cannot be used as a bearer token over HTTP, a station
cannot read or forge another station's files, and re-enrolling or revoking a station (both
replace the hash) makes its old files unreadable.

Importing twice is safe both ways: the server answers already-seen mutation ids as
`duplicate` (same as a retried HTTP push); the station applies push results only to outbox
entries still pending and a pull page only when its cursor is exactly where the page starts,
so a second, late or out-of-order reply never moves data or the cursor backwards.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError as PydanticError
from sqlalchemy import Engine, select

from contract import syncfile, wire
from contract.protocol import PROTOCOL, SCHEMA, MutationResult, PullResponse
from contract.syncfile import (
    FILE_BATCH,
    FILE_PAGE,
    KIND_DOWN,
    KIND_UP,
    MAGIC,
    Header,
    SyncFileError,
    token_secret,
    write_atomically,
)

from .. import __version__
from ..services.errors import UserFacingError


class FileTransferError(UserFacingError, SyncFileError):
    """A sync file was refused at the station; nothing was applied."""


def seal(
    kind: str,
    station_id: str,
    station_code: str,
    secret: str,
    body: dict[str, Any],
    *,
    reply_to: str = "",
) -> bytes:
    """The bytes of a signed, encrypted sync file, naming this release as its writer."""
    return syncfile.seal(
        kind, station_id, station_code, secret, body, reply_to=reply_to, app_version=__version__
    )


def read_header(data: bytes) -> Header:
    try:
        return syncfile.read_header(data)
    except SyncFileError as exc:
        raise FileTransferError(str(exc)) from None


def open_sealed(data: bytes, header: Header, secret: str) -> dict[str, Any]:
    try:
        return syncfile.open_sealed(data, header, secret)
    except SyncFileError as exc:
        raise FileTransferError(str(exc)) from None


def read_file(path: Path) -> bytes:
    try:
        return syncfile.read_file(path)
    except SyncFileError as exc:
        raise FileTransferError(str(exc)) from None


# -- the station side ----------------------------------------------------------------------


def _identity(engine: Engine) -> tuple[str, str, str]:
    """(station id, station code, file secret) of this enrolled station."""
    from . import local
    from .commands import load_token

    token = load_token(engine)
    station_id = local.read_setting(engine, "station_id")
    if not station_id or token.get("station_id") != station_id:
        raise FileTransferError("本机服务站与登记信息不符，请重新登记本服务站")
    table = local.table_of("station")
    with engine.connect() as conn:
        code = conn.execute(select(table.c.code).where(table.c.id == station_id)).scalar()
    return station_id, str(code or ""), token_secret(token["token"])


@dataclass
class ExportResult:
    path: Path
    mutations: int
    batches: int
    cursor: int
    file_id: str

    def summary(self) -> str:
        return (
            f"已导出 {self.mutations} 条待上传变更（{self.batches} 批）到 {self.path}；"
            "请带到区总工会导入，再把回执文件带回本站导入"
        )


def export_file(engine: Engine, path: Path | str) -> ExportResult:
    """Write the pending outbox and the pull cursor; the outbox stays pending until a reply
    (or an HTTP sync) confirms it, so exporting again or syncing online later is harmless."""
    from . import local

    station_id, code, secret = _identity(engine)
    _seqs, raw = local.pending_batch(engine, 2**62)
    mutations = json.loads(raw)["mutations"]
    batches = [
        {"protocol": PROTOCOL, "schema_version": SCHEMA, "mutations": mutations[i : i + FILE_BATCH]}
        for i in range(0, len(mutations), FILE_BATCH)
    ]
    cursor = int(local.read_setting(engine, local.CURSOR, "0") or 0)
    full = cursor == 0 or local.read_setting(engine, local.FULL_PULL) == "1"
    body = {
        "station_id": station_id,
        "batches": batches,
        "cursor": cursor,
        "include_own": full,
        "page_size": FILE_PAGE,
    }
    data = seal(KIND_UP, station_id, code, secret, body)
    write_atomically(Path(path), data)
    return ExportResult(Path(path), len(mutations), len(batches), cursor, read_header(data).file_id)


@dataclass
class ImportResult:
    statuses: dict[str, int] = field(default_factory=dict)
    results_skipped: int = 0  # results for entries already confirmed (a second import)
    pages_applied: int = 0
    pages_skipped: int = 0  # pages that no longer start at this station's cursor
    pulled: int = 0
    pulled_by_entity: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        confirmed = sum(self.statuses.values())
        parts = [f"确认上传 {confirmed} 条", f"下载 {self.pulled} 条"]
        labels = {"conflict": "冲突", "rejected": "被拒绝", "duplicate": "重复"}
        parts += [f"{labels[k]} {v} 条" for k, v in self.statuses.items() if k in labels and v]
        text = "，".join(parts)
        if self.results_skipped or self.pages_skipped:
            text += (
                f"\n注意：回执中有 {self.results_skipped} 条结果和 {self.pages_skipped} 页下载"
                "已导入过或已过期，已跳过（重复导入不会产生重复数据）"
            )
        return text


def import_reply(engine: Engine, path: Path | str) -> ImportResult:
    """Apply a district reply through the HTTP client's own local functions."""
    from . import local

    data = read_file(Path(path))
    header = read_header(data)
    if header.kind != KIND_DOWN:
        raise FileTransferError("这是服务站导出的上传文件，应在区服务器上导入，未导入任何数据")
    station_id, code, secret = _identity(engine)
    if header.station_id != station_id:
        raise FileTransferError(
            f"此回执文件属于服务站 {header.station_code}，不是本站（{code}）的，未导入任何数据"
        )
    body = open_sealed(data, header, secret)
    try:
        results = [MutationResult.model_validate(r) for r in body["results"]]
        pages = [
            (int(p["cursor"]), wire.page_from_model(PullResponse.model_validate(p["page"])))
            for p in body["pages"]
        ]
        full = bool(body["include_own"])
    except (PydanticError, KeyError, TypeError, ValueError):
        raise FileTransferError("回执文件内容格式不正确，未导入任何数据") from None

    out = ImportResult()
    pending: list[int] = []
    mids = [r.mutation_id for r in results]
    with engine.connect() as conn:
        for start in range(0, len(mids), 900):
            pending += conn.execute(
                select(local.OUTBOX.c.seq).where(
                    local.OUTBOX.c.state == "pending",
                    local.OUTBOX.c.mutation_id.in_(mids[start : start + 900]),
                )
            ).scalars()
    if pending:
        out.statuses = local.record_results(engine, sorted(pending), results)
    out.results_skipped = len(results) - sum(out.statuses.values())
    for start_cursor, page in pages:
        cursor = int(local.read_setting(engine, local.CURSOR, "0") or 0)
        if cursor != start_cursor:
            out.pages_skipped += 1
            continue
        counts = local.apply_page(engine, page, full=full)
        out.pages_applied += 1
        out.pulled += len(page.changes)
        for entity, n in counts.items():
            out.pulled_by_entity[entity] = out.pulled_by_entity.get(entity, 0) + n
    if out.statuses or out.pages_applied:
        with engine.begin() as conn:
            stamp = pages[-1][1].server_time if pages else dt.datetime.now(dt.UTC)
            local.write_setting(conn, local.LAST_SYNC, stamp.isoformat())
    return out


__all__ = [
    "MAGIC",
    "ExportResult",
    "FileTransferError",
    "Header",
    "ImportResult",
    "export_file",
    "import_reply",
    "open_sealed",
    "read_header",
    "seal",
    "token_secret",
]
