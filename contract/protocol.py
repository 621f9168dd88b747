"""The wire contract between a station and the district server: both sides import this module.

Keeping one definition means a field added on one side cannot silently go missing on the
other. Every request names PROTOCOL and SCHEMA; the server accepts the previous protocol too,
so stations can be upgraded one by one after the server (migrations are additive).
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

PROTOCOL = 3
MIN_PROTOCOL = 1  # the previous protocols are still served
# From protocol 3 a new member whose ID number the district already holds is linked to the
# district's member (status "linked", with that member's id and record) instead of refused.
LINK_PROTOCOL = 3
SCHEMA = 1  # schema version of the synced records

MAX_BATCH = 5000
MAX_PAGE = 10000
MAX_BODY = 64 * 1024 * 1024  # decompressed request limit: a zip bomb gets a 413
MAX_SMALL_BODY = 64 * 1024  # enrol and pull: a few fields each
MAX_DEPTH = 16  # JSON nesting a request may hold (a record's goods list is 4 deep)
CLOCK_WARN_SECONDS = 300
VERSION_HEADER = "X-StationDesk-Version"  # the station app's version, on every request
STATION_TIME_HEADER = "X-Station-Time"  # the station's clock (ISO, with offset) at sending
# on a sync's first pull: the station's outbox rows not yet accepted (pending or refused)
STATION_WAITING_HEADER = "X-Station-Waiting"


# Who may write and who may read each entity (see sync.md principle 3 and 5).
SHARED = frozenset({"member"})  # any station of the district edits; merged field by field
OWNED = frozenset({"station", "staff", "relief", "receipt", "visit", "station_log", "month_close"})
OWNED |= {"rights_case", "member_intake"}  # issue 17
OWNED |= {"hardship_file", "student"}  # issue 16: the station's own, never read by others
DISTRICT_ONLY = frozenset({"fund_program", "program_budget"})  # written by the district admin
DISTRICT_ONLY |= {"dibao_standard"}  # issue 16: the local 低保 standard, read by every station
FACTS = frozenset({"relief", "receipt", "visit", "station_log", "month_close"})
FACTS |= {"member_intake"}  # a rights case is owned but edited as it moves on
READ_BY_ALL = frozenset({"member", "fund_program", "station", "relief"})  # others own station only
READ_BY_ALL |= {"dibao_standard"}
SERVER_MADE = frozenset({"conflict", "dup_flag"})  # raised by the server, synced down
# A station may push one server-made kind: the resolution of its own conflict (protocol 3)
RESOLVABLE = frozenset({"conflict"})
ENTITIES = SHARED | OWNED | DISTRICT_ONLY | SERVER_MADE

# Member columns derived locally for search: carried in payloads but never data.
DERIVED_FIELDS = frozenset({"pinyin_full", "pinyin_initials", "id_rev", "phone_rev"})
# A station's own bookkeeping columns (desktop/models/base.py LOCAL_COLUMNS): accepted in a
# pushed record and dropped, never stored.
LOCAL_FIELDS = frozenset({"sync_state", "sync_error", "server_version"})
# Relief fields another station may see (enough to warn about duplicate aid, nothing more).
RELIEF_PUBLIC_FIELDS = (
    "id",
    "station_id",
    "member_id",
    "program_id",
    "cash_fen",
    "goods_value_fen",
    "issued_on",
    "period",
    "status",
    "created_at",
    "updated_at",
    "version",
    "deleted",
)

Status = Literal["applied", "duplicate", "conflict", "rejected", "linked"]


class Wire(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Versioned(Wire):
    protocol: int = Field(PROTOCOL, ge=1, le=1000)
    schema_version: int = Field(SCHEMA, ge=1, le=1000)


class Payload(BaseModel):
    """The outbox payload as the client stored it: the full record and, for edits, the
    previous values of the changed fields (the base of the field-level merge)."""

    model_config = ConfigDict(extra="ignore")
    record: dict[str, Any]
    base: dict[str, Any] | None = None


class Mutation(Wire):
    mutation_id: str = Field(min_length=1, max_length=64)
    entity: str = Field(min_length=1, max_length=32)
    row_id: str = Field(min_length=1, max_length=64)
    op: Literal["upsert", "delete"]
    base_version: int = Field(0, ge=0)
    payload: Payload


class PushRequest(Versioned):
    mutations: list[Mutation] = Field(max_length=MAX_BATCH)


class MutationResult(Wire):
    mutation_id: str
    status: Status
    server_version: int = 0
    error: str | None = None
    fields: list[str] = Field(default_factory=list)  # conflicting fields
    # "linked" only (protocol 3): the district's member this station's new row is, as stored
    member_id: str | None = None
    record: dict[str, Any] | None = None


class PushResponse(Wire):
    results: list[MutationResult]
    server_time: dt.datetime


class PullRequest(Versioned):
    cursor: int = Field(0, ge=0, le=2**62)
    limit: int = Field(5000, ge=1, le=MAX_PAGE)
    include_own: bool = False  # a fresh or restored install also needs what it pushed itself


class Change(Wire):
    """One row as the server holds it; version is the server's version of the row."""

    entity: str
    id: str
    station_id: str
    version: int
    deleted: bool
    data: dict[str, Any]


class PullResponse(Wire):
    changes: list[Change]
    next_cursor: int
    has_more: bool
    server_time: dt.datetime


class EnrolRequest(Versioned):
    code: str = Field(min_length=4, max_length=64)
    station_code: str = Field(min_length=1, max_length=32)
    station_id: str = Field(min_length=1, max_length=36, pattern=r"^[0-9A-Za-z_.:-]+$")
    receipt_key: str = Field("", max_length=128, pattern=r"^[0-9a-fA-F]*$")


class EnrolResponse(Wire):
    token: str
    station_id: str
    station_code: str
    district_code: str
    server_time: dt.datetime


class ServerInfo(Wire):
    protocol: int
    min_protocol: int
    schema_version: int
    server_time: dt.datetime


class ErrorBody(Wire):
    detail: str


class TooDeep(ValueError):
    """A request nested deeper than the contract needs (refused before it is parsed)."""


def body_cap(path: str) -> int:
    """The largest body a route reads, compressed or not: only a push carries records."""
    return MAX_BODY if path.endswith("/push") else MAX_SMALL_BODY


def gzip_bytes(data: bytes) -> bytes:
    """Level 1: on a station's link the size matters, the last few percent do not."""
    return gzip.compress(data, compresslevel=1)


def gunzip_limited(data: bytes, limit: int = MAX_BODY) -> bytes:
    """Decompress at most limit bytes; raise ValueError beyond it (zip bombs)."""
    import zlib

    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = inflater.decompress(data, limit + 1)
    if len(out) > limit or inflater.unconsumed_tail:
        raise ValueError("body too large")
    return out


_NOT_STRUCTURE = bytes(i for i in range(256) if i not in b'[]{}"')
_EMPTY_PAIR = re.compile(rb"\[\]|\{\}")
_STRING = re.compile(rb'"[^"]*"')


def too_deep(body: bytes, limit: int = MAX_DEPTH) -> bool:
    """Whether a JSON text nests arrays and objects deeper than limit, found without parsing
    it into objects (a parser recurses once per level: 990 levels took the server down).

    Escaped backslashes and quotes are dropped, then everything but brackets and quotes; what
    is between two quotes was a string and goes too. Each pass then removes the innermost
    empty pairs: what is left after limit passes is nested deeper (or not JSON at all)."""
    text = body.replace(b"\\\\", b"").replace(b'\\"', b"").translate(None, _NOT_STRUCTURE)
    if b'"' in text:
        text = _STRING.sub(b"", text)
    for _ in range(limit):
        if not text:
            return False
        text = _EMPTY_PAIR.sub(b"", text)
    if not text:
        return False
    # something is left: nesting beyond limit if pairs are still being closed or more than
    # limit brackets stay open; a few unbalanced ones are left to the parser to name
    opened = text.count(b"[") + text.count(b"{")
    return _EMPTY_PAIR.search(text) is not None or opened > limit


def period_of(entity: str, data: dict[str, Any]) -> str | None:
    """The YYYY-MM a fact belongs to, for month-close locking."""
    key = {
        "relief": "issued_on",
        "receipt": "issued_on",
        "visit": "visited_on",
        "station_log": "log_date",
        "month_close": None,
        "member_intake": "on_date",
    }.get(entity)
    if entity == "month_close":
        value = data.get("period")
        return value if isinstance(value, str) else None
    if key is None:
        return None
    value = data.get(key)
    return value[:7] if isinstance(value, str) and len(value) >= 7 else None
