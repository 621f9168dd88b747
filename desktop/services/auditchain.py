"""The audit chain's head, kept where deleting the last rows cannot silently rewind it.

The chain itself (services.uow) catches an edited or removed row in the middle: every event's
hash covers the one before. Deleting the *last* rows leaves a shorter chain that still holds,
so after each committed action the head (sequence, hash) is also written beside the database,
``<db>.audit-head.json``, MACed (HMAC-SHA256) under a key derived from the data key. The head
only moves forward and only when the new chain still holds the old head.

Limits: anyone who can open the database can also recompute the MAC (they hold the data key),
and restoring both the file and its head file from an older copy rewinds both. Only a head kept
off this PC catches that: audit_head() is what each sync sends to the district, which keeps
the heads it has seen.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text

from .. import keys
from .context import Ctx
from .uow import verify_audit_chain

HEAD_SUFFIX = ".audit-head.json"


def head_path(db_path: Path | str) -> Path:
    db = Path(db_path)
    return db.with_name(db.name + HEAD_SUFFIX)


def _head_of(engine: Engine) -> tuple[int, str]:
    with engine.connect() as conn:
        row = conn.execute(
            text("SELECT seq, hash FROM auditevent ORDER BY seq DESC LIMIT 1")
        ).first()
    return (int(row[0]), str(row[1])) if row else (0, "")


def audit_head(ctx: Ctx) -> tuple[int, str]:
    """The chain's last (sequence, hash) in the database: (0, "") when there is none yet."""
    return _head_of(ctx.engine)


def _hash_at(engine: Engine, seq: int) -> str | None:
    with engine.connect() as conn:
        row = conn.execute(text("SELECT hash FROM auditevent WHERE seq = :s"), {"s": seq}).first()
    return str(row[0]) if row else None


def _mac(data_key: bytes, seq: int, digest: str) -> str:
    mac_key = hashlib.sha256(b"stationdesk audit head\x00" + data_key).digest()
    return hmac.new(mac_key, f"{seq}:{digest}".encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Anchor:
    seq: int
    hash: str
    genuine: bool  # the MAC matches


def _signature(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def read_anchor(ring: keys.Keyring) -> Anchor | None:
    path = head_path(ring.db_path)
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
        seq, digest, mac = int(data["seq"]), str(data["hash"]), str(data["mac"])
    except (ValueError, KeyError, TypeError):
        return Anchor(0, "", False)
    return Anchor(seq, digest, hmac.compare_digest(mac, _mac(ring.data_key, seq, digest)))


RECORD_BYTES = 256  # one fixed-size write in place: no rename per action


def _write_anchor(ring: keys.Keyring, seq: int, digest: str) -> None:
    body = {"seq": seq, "hash": digest, "mac": _mac(ring.data_key, seq, digest)}
    data = json.dumps(body).encode().ljust(RECORD_BYTES)
    path = head_path(ring.db_path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
    try:
        os.write(fd, data)
        os.ftruncate(fd, len(data))
    finally:
        os.close(fd)
    ring.anchor_cache = (_signature(path), Anchor(seq, digest, True))


def _current_anchor(ring: keys.Keyring) -> Anchor | None:
    """The stored head; what this process last wrote when the file has not changed since."""
    cached = ring.anchor_cache
    if cached is not None and cached[0] == _signature(head_path(ring.db_path)):
        return cached[1]  # type: ignore[no-any-return]
    return read_anchor(ring)


Tail = tuple[int, str, int, str]  # an action's first seq, the hash before it, last seq, hash


def record_head(engine: Engine, tail: Tail | None = None) -> None:
    """After a committed action: move the stored head forward to the chain's new head, unless
    the stored one is no longer in the chain (then it stays, for verify to report). With the
    action's tail (services.uow) this costs no query when the action extends the stored head."""
    ring = keys.ring_of(engine)
    if ring is None:
        return
    with ring.lock:
        anchor = _current_anchor(ring)
        if tail is None:
            seq, digest = _head_of(engine)
            extends = anchor is not None and _hash_at(engine, anchor.seq) == anchor.hash
        else:
            seq, digest = tail[2], tail[3]
            extends = anchor is not None and (
                (anchor.seq, anchor.hash) == (tail[0] - 1, tail[1])
                or _hash_at(engine, anchor.seq) == anchor.hash
            )
        stays = anchor is not None and (
            not anchor.genuine or seq <= anchor.seq or (anchor.seq > 0 and not extends)
        )
        if seq and not stays:
            _write_anchor(ring, seq, digest)


def anchor_restored(db_path: Path, key: bytes) -> None:
    """After a restore (a deliberate rewind): the stored head becomes the restored chain's.
    Locally that is indistinguishable from a rewind; the district still sees the head go back."""
    from .. import store

    ring = keys.ring_for_path(db_path) or keys.Keyring(Path(db_path).resolve(), key)
    con = store._connect(db_path, key)
    try:
        row = con.execute("SELECT seq, hash FROM auditevent ORDER BY seq DESC LIMIT 1").fetchone()
    finally:
        con.close()
    with ring.lock:
        if row:
            _write_anchor(ring, int(row[0]), str(row[1]))
        else:
            head_path(ring.db_path).unlink(missing_ok=True)


@dataclass
class ChainReport:
    """What `stationdesk audit verify` prints."""

    rows: int
    head: tuple[int, str]
    anchor: tuple[int, str] | None
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "rows": self.rows,
            "head": {"seq": self.head[0], "hash": self.head[1]},
            "anchor": {"seq": self.anchor[0], "hash": self.anchor[1]} if self.anchor else None,
            "problems": self.problems,
        }


def _count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM auditevent")).scalar() or 0)


def verify(ctx: Ctx) -> ChainReport:
    """Check every link of the chain, then that the chain still reaches the stored head."""
    head = audit_head(ctx)
    report = ChainReport(_count(ctx.engine), head, None)
    bad = verify_audit_chain(ctx)
    if bad is not None:
        report.problems.append(f"审计记录第 {bad} 条被修改或其前面的记录被删除（哈希链断开）")
    ring = keys.ring_of(ctx.engine)
    if ring is None:
        report.problems.append("数据库未加密，没有可核对的链头记录")
        return report
    anchor = read_anchor(ring)
    if anchor is None:
        if report.rows:
            report.problems.append(f"链头记录文件 {head_path(ring.db_path).name} 缺失")
        return report
    report.anchor = (anchor.seq, anchor.hash)
    if not anchor.genuine:
        report.problems.append("链头记录文件的校验码不符（文件被改动）")
    elif anchor.seq > head[0]:
        report.problems.append(
            f"最后的审计记录被删除：链头记录到第 {anchor.seq} 条，数据库只到第 {head[0]} 条"
        )
    elif anchor.seq and _hash_at(ctx.engine, anchor.seq) != anchor.hash:
        report.problems.append(f"第 {anchor.seq} 条审计记录与链头记录不符（记录被删除后重写）")
    return report
