"""The sync file's format (sync.md principle 9): both the station and the district read and
write it. Layout, keys and why: desktop/sync/filetransfer.py.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .protocol import MIN_PROTOCOL, PROTOCOL, SCHEMA, gunzip_limited, gzip_bytes

MAGIC = b"STATIONDESK-SYNC-FILE 1\n"
KIND_UP = "station-push"  # station -> district
KIND_DOWN = "district-reply"  # district -> station
FILE_BATCH = 2000  # mutations per PushRequest inside a file, as the HTTP client sends them
FILE_PAGE = 5000
MAX_HEADER = 4096
MAX_FILE_BODY = 1024 * 1024 * 1024  # decompressed; only reached after authentication
SALT = b"stationdesk sync file v1"


class SyncFileError(ValueError):
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
    app_version: str = "",
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
        "app_version": app_version,  # which release wrote the file (read by people, not code)
    }
    head = MAGIC + json.dumps(header, sort_keys=True, separators=(",", ":")).encode() + b"\n"
    plain = gzip_bytes(json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode())
    return head + AESGCM(file_key(secret, kind, station_id)).encrypt(nonce, plain, head)


def _split(data: bytes) -> tuple[bytes, bytes]:
    if not data.startswith(MAGIC):
        raise SyncFileError("这不是工作台同步文件（文件头不符），未导入任何数据")
    end = data.find(b"\n", len(MAGIC), len(MAGIC) + MAX_HEADER)
    if end < 0:
        raise SyncFileError("同步文件的文件头已损坏，未导入任何数据")
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
        raise SyncFileError("同步文件的文件头已损坏，未导入任何数据") from None
    if header.kind not in (KIND_UP, KIND_DOWN):
        raise SyncFileError("无法识别的同步文件类型，未导入任何数据")
    if not MIN_PROTOCOL <= int(header.protocol) <= PROTOCOL:
        raise SyncFileError(
            f"同步文件的协议版本 {header.protocol} 不受支持（本程序支持 {MIN_PROTOCOL}-{PROTOCOL}），"
            "请先升级程序"
        )
    if int(header.schema_version) > SCHEMA:
        raise SyncFileError(
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
        raise SyncFileError(
            "同步文件校验失败：文件可能已被改动或损坏，或不是用该服务站当前的登记令牌生成的"
            "（重新登记或停用后旧文件失效），未导入任何数据"
        ) from None
    try:
        body = json.loads(gunzip_limited(plain, MAX_FILE_BODY))
    except ValueError:
        raise SyncFileError("同步文件内容无法读取，未导入任何数据") from None
    if not isinstance(body, dict) or body.get("station_id") != header.station_id:
        raise SyncFileError("同步文件内容与文件头不符，未导入任何数据")
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
        raise SyncFileError(f"无法读取同步文件 {path}：{exc.strerror or exc}") from None
