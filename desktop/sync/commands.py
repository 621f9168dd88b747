"""What `stationdesk sync ...` runs: plain functions returning result dataclasses.

The token lives in a file beside the database and named after it (`<database>.sync-token.json`),
readable only by this user (0600), never in the database: a copied database file alone cannot
talk to the server, and two station files in one folder never share a token.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import Engine

from . import local
from .client import Progress, SyncClient, SyncError

__all_errors__ = (SyncError,)
from contract.protocol import EnrolRequest, EnrolResponse

from .headers import client_headers

TOKEN_SUFFIX = ".sync-token.json"
LEGACY_TOKEN_FILE = "sync-token.json"  # one per folder, before tokens were kept per database


def token_path(engine: Engine) -> Path:
    database = engine.url.database
    if not database or database == ":memory:":
        raise SyncError("内存数据库不能保存同步令牌")
    path = Path(database)
    return path.with_name(path.name + TOKEN_SUFFIX)


def _adopt_legacy_token(engine: Engine, path: Path) -> None:
    """The folder's old sync-token.json becomes this database's token only if it was issued
    to this database's station (its station id); it is then renamed, so no other station
    file in the folder can use it."""
    legacy = path.parent / LEGACY_TOKEN_FILE
    if not legacy.exists():
        return
    try:
        data = json.loads(legacy.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    mine = local.read_setting(engine, "station_id")
    if isinstance(data, dict) and mine and data.get("station_id") == mine:
        os.replace(legacy, path)
        os.chmod(path, 0o600)


def save_token(engine: Engine, data: dict[str, str]) -> Path:
    path = token_path(engine)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(data, handle)
    os.chmod(path, 0o600)
    return path


def load_token(engine: Engine) -> dict[str, str]:
    path = token_path(engine)
    if not path.exists():
        _adopt_legacy_token(engine, path)
    if not path.exists():
        raise SyncError(
            "本服务站尚未登记到区服务器：请站长在“设置 → 同步”中填写服务器地址和一次性登记码"
        )
    data: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return data


@dataclass
class EnrolResult:
    station_id: str
    station_code: str
    district_code: str
    token_file: Path


def enrol(
    engine: Engine,
    url: str,
    code: str,
    *,
    ca_bundle: str | None = None,
    transport: httpx.BaseTransport | None = None,
) -> EnrolResult:
    """Exchange a one-time code for a token; remember the server address and CA bundle."""
    station_id = local.read_setting(engine, "station_id")
    if not station_id:
        raise SyncError("本机尚未设置服务站，请先初始化")
    with engine.connect() as conn:
        from sqlalchemy import select

        table = local.table_of("station")
        row = conn.execute(select(table.c.code).where(table.c.id == station_id)).one()
    body = EnrolRequest(
        code=code,
        station_code=row.code,
        station_id=station_id,
        receipt_key=local.read_setting(engine, "receipt_key"),
    )
    try:
        with httpx.Client(
            base_url=url.rstrip("/"), verify=ca_bundle or True, transport=transport, timeout=30
        ) as http:
            response = http.post(
                "/v1/enrol",
                content=body.model_dump_json(),
                headers={**client_headers(), "Content-Type": "application/json"},
            )
    except httpx.TransportError as exc:
        raise SyncError(f"无法连接区服务器：{exc}") from exc
    if response.status_code != 200:
        raise SyncError(SyncClient._detail(response))
    reply = EnrolResponse.model_validate_json(response.content)
    path = save_token(engine, {"token": reply.token, "station_id": reply.station_id, "url": url})
    with engine.begin() as conn:
        local.write_setting(conn, local.SERVER_URL, url)
        local.write_setting(conn, local.CA_BUNDLE, ca_bundle or "")
    return EnrolResult(reply.station_id, reply.station_code, reply.district_code, path)


@dataclass
class SyncResult:
    pushed: int
    pulled: int
    requests: int
    statuses: dict[str, int]
    pulled_by_entity: dict[str, int]
    clock_offset_s: float
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """Chinese, one line, for the command line and the status bar."""
        parts = [f"上传 {self.pushed} 条", f"下载 {self.pulled} 条", f"请求 {self.requests} 次"]
        labels = {
            "conflict": "冲突",
            "rejected": "被拒绝",
            "duplicate": "重复",
            "linked": "关联区里已有会员",
        }
        parts += [f"{labels[k]} {v} 条" for k, v in self.statuses.items() if k in labels and v]
        return "，".join(parts) + "".join(f"\n注意：{w}" for w in self.warnings)


def client_for(engine: Engine, **kwargs: Any) -> SyncClient:
    """A SyncClient with the stored address, CA bundle and token."""
    token = load_token(engine)
    url = local.read_setting(engine, local.SERVER_URL) or token["url"]
    ca = local.read_setting(engine, local.CA_BUNDLE)
    kwargs.setdefault("verify", ca or True)
    return SyncClient(engine, url, token["token"], **kwargs)


def sync_now(engine: Engine, *, progress: Any = None, **kwargs: Any) -> SyncResult:
    """Push then pull; safe to run again at any time (interrupted runs resume)."""
    aside_before = len(local.set_aside(engine))
    with client_for(engine, progress=progress, **kwargs) as client:
        stats = client.sync()
        stats.warnings += _anchor_audit(engine, client.http)
    _forget_inactive_wraps(engine)
    aside = len(local.set_aside(engine)) - aside_before
    if aside > 0:
        stats.warnings.append(f"{aside} 条下载的记录本机无法应用，已搁置（原因见同步页）")
    return SyncResult(
        stats.pushed,
        stats.pulled,
        stats.push_requests + stats.pull_requests,
        stats.statuses,
        stats.pulled_by_entity,
        stats.clock_offset_s,
        stats.warnings,
    )


def _forget_inactive_wraps(engine: Engine) -> None:
    """A login the district deactivated no longer unlocks the station file: its key wrap goes
    as soon as the pull brought the change, not only when that person next tries to log in."""
    from sqlalchemy import text

    from ..keys import ring_of

    ring = ring_of(engine)
    if ring is None:
        return
    wrapped = set(ring.keyfile().usernames())
    if not wrapped:
        return
    with engine.connect() as conn:
        gone = {
            name
            for (name,) in conn.execute(
                text("SELECT username FROM staff WHERE active = 0 OR deleted = 1")
            )
        }
    for name in sorted(wrapped & gone):
        ring.remove_wrap(name)


def _anchor_audit(engine: Engine, http: httpx.Client) -> list[str]:
    """Send the audit chain to the district (desktop/sync/audit_upload.py); a warning when it
    found a break, or when it could not be sent (the data sync itself went through)."""
    from . import audit_upload

    try:
        answer = audit_upload.send(engine, http)
    except (httpx.HTTPError, ValueError) as exc:
        return [f"审计记录未能送到区服务器（下次同步再送）：{type(exc).__name__}"]
    if answer is not None and answer.status == "broken":
        return [f"区服务器发现本站审计记录不连续，已报区总工会：{answer.reason}"]
    return []


__all__ = ["EnrolResult", "Progress", "SyncResult", "enrol", "sync_now"]
