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

import base64
import datetime as dt
import hashlib
import json
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from pydantic import ValidationError as PydanticError
from sqlalchemy import Engine, select

from .. import __version__
from ..services.errors import UserFacingError
from . import wire
from .protocol import (
    MIN_PROTOCOL,
    PROTOCOL,
    SCHEMA,
    MutationResult,
    PullResponse,
    gunzip_limited,
    gzip_bytes,
)

MAGIC = b"STATIONDESK-SYNC-FILE 1\n"
KIND_UP = "station-push"  # station -> district
KIND_DOWN = "district-reply"  # district -> station
FILE_BATCH = 2000  # mutations per PushRequest inside a file, as the HTTP client sends them
FILE_PAGE = 5000
MAX_HEADER = 4096
MAX_FILE_BODY = 1024 * 1024 * 1024  # decompressed; only reached after authentication
SALT = b"stationdesk sync file v1"


class FileTransferError(UserFacingError):
    """A sync file was refused; nothing was applied. The message (Chinese) says why."""


@dataclass(frozen=True)
class Header:
    kind: str
    protocol: int
    schema_version: int
    station_id: str
    station_code: str
    nonce: str  # base64, 12 bytes
    file_id: str
    created_at: str
    reply_to: str = ""

    def describe(self) -> str:
        return "服务站上传文件" if self.kind == KIND_UP else "区服务器回执文件"


def token_secret(token: str) -> str:
    """What the server stores for a token (server.auth.digest): the file key's input."""
    return hashlib.sha256(token.encode()).hexdigest()


def file_key(secret: str, kind: str, station_id: str) -> bytes:
    info = f"{kind}|{station_id}".encode()
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=SALT, info=info)
    return hkdf.derive(secret.encode())


def seal(
    kind: str,
    station_id: str,
    station_code: str,
    secret: str,
    body: dict[str, Any],
    *,
    reply_to: str = "",
) -> bytes:
    """The bytes of a signed, encrypted sync file holding body."""
    nonce = os.urandom(12)
    header = {
        "kind": kind,
        "protocol": PROTOCOL,
        "schema_version": SCHEMA,
        "station_id": station_id,
        "station_code": station_code,
        "nonce": base64.b64encode(nonce).decode(),
        "file_id": uuid.uuid4().hex,
        "created_at": dt.datetime.now(dt.UTC).isoformat(),
        "reply_to": reply_to,
        "app_version": __version__,  # which release wrote the file (read by people, not code)
    }
    head = MAGIC + json.dumps(header, sort_keys=True, separators=(",", ":")).encode() + b"\n"
    plain = gzip_bytes(json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode())
    return head + AESGCM(file_key(secret, kind, station_id)).encrypt(nonce, plain, head)


def _split(data: bytes) -> tuple[bytes, bytes]:
    if not data.startswith(MAGIC):
        raise FileTransferError("这不是工作台同步文件（文件头不符），未导入任何数据")
    end = data.find(b"\n", len(MAGIC), len(MAGIC) + MAX_HEADER)
    if end < 0:
        raise FileTransferError("同步文件的文件头已损坏，未导入任何数据")
    return data[: end + 1], data[end + 1 :]


def read_header(data: bytes) -> Header:
    """The plain header (not yet authenticated: only use it to find the key)."""
    head, _ = _split(data)
    try:
        raw = json.loads(head[len(MAGIC) :])
        header = Header(**{k: raw[k] for k in Header.__dataclass_fields__ if k in raw})
        for name in ("kind", "station_id", "station_code", "nonce", "file_id"):
            if not isinstance(getattr(header, name), str):
                raise TypeError(name)
        int(header.protocol), int(header.schema_version)
    except (ValueError, TypeError, KeyError):
        raise FileTransferError("同步文件的文件头已损坏，未导入任何数据") from None
    if header.kind not in (KIND_UP, KIND_DOWN):
        raise FileTransferError("无法识别的同步文件类型，未导入任何数据")
    if not MIN_PROTOCOL <= int(header.protocol) <= PROTOCOL:
        raise FileTransferError(
            f"同步文件的协议版本 {header.protocol} 不受支持（本程序支持 {MIN_PROTOCOL}-{PROTOCOL}），"
            "请先升级程序"
        )
    if int(header.schema_version) > SCHEMA:
        raise FileTransferError(
            f"同步文件的数据结构版本 {header.schema_version} 比本程序新，请先升级程序"
        )
    return header


def open_sealed(data: bytes, header: Header, secret: str) -> dict[str, Any]:
    """Authenticate and decrypt; the body must name the same station as the header."""
    head, cipher = _split(data)
    try:
        nonce = base64.b64decode(header.nonce, validate=True)
        plain = AESGCM(file_key(secret, header.kind, header.station_id)).decrypt(
            nonce, cipher, head
        )
    except (InvalidTag, ValueError):
        raise FileTransferError(
            "同步文件校验失败：文件可能已被改动或损坏，或不是用该服务站当前的登记令牌生成的"
            "（重新登记或停用后旧文件失效），未导入任何数据"
        ) from None
    try:
        body = json.loads(gunzip_limited(plain, MAX_FILE_BODY))
    except ValueError:
        raise FileTransferError("同步文件内容无法读取，未导入任何数据") from None
    if not isinstance(body, dict) or body.get("station_id") != header.station_id:
        raise FileTransferError("同步文件内容与文件头不符，未导入任何数据")
    return body


def write_atomically(path: Path, data: bytes) -> None:
    """A half-written file on a USB stick must never look like a whole one."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def read_file(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise FileTransferError(f"无法读取同步文件 {path}：{exc.strerror or exc}") from None


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
