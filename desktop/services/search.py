"""Member search as you type: name, full pinyin, pinyin initials, ID or phone tail, employer.

Each kind of match is an index range scan (prefix = range on a B-tree), run as one UNION ALL
statement with a rank per kind; the best rank of each member wins. Reversed ID and phone
columns turn "the last digits" into a prefix. Infix matches on the name (typing the given
name only) scan the table, so they run only when the prefix matches leave room.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from contract import idnumber as idn

from .context import Ctx

HIGH = "\U0010ffff"  # sorts after every character: prefix q is the range [q, q + HIGH)
CJK = re.compile(r"[\u3400-\u9fff]")
COLUMNS = "id, name, id_number, gender, phone, employer, job_group, hardship_category, pinyin_full"


@dataclass(frozen=True)
class MemberFilter:
    job_group: str | None = None
    hardship: str | None = None
    visited_this_year: bool = False


@dataclass(frozen=True)
class MemberRow:
    """What lists show: sensitive values are already masked."""

    id: str
    name: str
    id_masked: str
    gender: str
    phone_masked: str
    employer: str
    job_group: str
    hardship_category: str


def mask_phone(phone: str) -> str:
    if len(phone) == 11 and phone.isdigit():
        return phone[:3] + "****" + phone[-4:]
    return phone[:-4] + "****" if len(phone) > 4 else phone


def _row(values: Any) -> MemberRow:
    return MemberRow(
        values[0],
        values[1],
        idn.mask(values[2]),
        values[3],
        mask_phone(values[4]),
        values[5],
        values[6],
        values[7],
    )


def _filter_sql(filters: MemberFilter | None, params: dict[str, Any], today: dt.date) -> str:
    clauses = ["deleted = 0"]
    if filters is None:
        return " AND ".join(clauses)
    if filters.job_group:
        clauses.append("job_group = :f_job")
        params["f_job"] = filters.job_group
    if filters.hardship:
        if filters.hardship == "any":
            clauses.append("hardship_category != 'none'")
        else:
            clauses.append("hardship_category = :f_hardship")
            params["f_hardship"] = filters.hardship
    if filters.visited_this_year:
        clauses.append(
            "id IN (SELECT vm.member_id FROM visitmember vm JOIN visit v "
            "ON v.id = vm.visit_id WHERE v.visited_on >= :f_year)"
        )
        params["f_year"] = dt.date(today.year, 1, 1).isoformat()
    return " AND ".join(clauses)


def _parts(query: str) -> list[tuple[int, str, str]]:
    """(rank, column, pattern kind) for the query's shape."""
    if query.isdigit() or (query[:-1].isdigit() and query[-1:] in "xX"):
        parts = [(1, "id_rev", "prefix_rev"), (1, "phone_rev", "prefix_rev")]
        if len(query) >= 15:
            parts.insert(0, (0, "id_number", "exact"))
        return parts
    if CJK.search(query):
        return [(0, "name", "exact"), (1, "name", "prefix"), (4, "employer", "prefix")]
    if query.isascii() and query.isalpha():
        return [
            (1, "pinyin_initials", "exact"),
            (2, "pinyin_initials", "prefix"),
            (2, "pinyin_full", "prefix"),
        ]
    return [(4, "employer", "prefix")]


def search_members(
    ctx: Ctx, query: str, *, limit: int = 50, filters: MemberFilter | None = None
) -> list[MemberRow]:
    """Ranked matches for what the user typed; an empty query lists members by pinyin."""
    q = "".join(query.split())
    if not q:
        return list_members(ctx, filters, offset=0, limit=limit)
    if q.isascii():
        q = q.lower()
    params: dict[str, Any] = {"limit": limit}
    where = _filter_sql(filters, params, ctx.today)
    selects = []
    for index, (rank, column, kind) in enumerate(_parts(q)):
        value = q.upper() if column == "id_number" else q
        if kind == "prefix_rev":
            value = q.upper()[::-1]
        params[f"q{index}"] = value
        if kind == "exact":
            cond = f"{column} = :q{index}"
        else:
            params[f"h{index}"] = value + HIGH
            cond = f"{column} >= :q{index} AND {column} < :h{index}"
        selects.append(
            f"SELECT * FROM (SELECT {rank} AS rank, {COLUMNS} FROM member "
            f"WHERE {cond} AND {where} LIMIT :limit)"
        )
    sql = (
        "SELECT min(rank) AS r, "
        + COLUMNS
        + " FROM ("
        + " UNION ALL ".join(selects)
        + ") GROUP BY id ORDER BY r, length(name), pinyin_full LIMIT :limit"
    )
    with ctx.engine.connect() as conn:
        rows = conn.execute(text(sql), params).fetchall()
        found = [_row(r[1:]) for r in rows]
        if len(found) < limit and CJK.search(q):
            found += _infix(conn, q, where, params, limit - len(found), {r.id for r in found})
    return found


def _infix(
    conn: Any, q: str, where: str, params: dict[str, Any], room: int, seen: set[str]
) -> list[MemberRow]:
    """Given names and employer fragments: scan the small covering indexes, then fetch."""
    rowids: list[int] = []
    for column in ("name", "employer"):
        rowids += (
            conn.execute(
                text(f"SELECT rowid FROM member WHERE instr({column}, :q) > 0 LIMIT 500"), {"q": q}
            )
            .scalars()
            .all()
        )
    if not rowids:
        return []
    marks = ",".join(str(int(r)) for r in dict.fromkeys(rowids))
    extra = conn.execute(
        text(
            f"SELECT {COLUMNS} FROM member WHERE rowid IN ({marks}) AND "
            f"{where} ORDER BY instr(name, :q) = 0, length(name), pinyin_full "
            "LIMIT :room"
        ),
        dict(params, q=q, room=room + len(seen)),
    )
    return [_row(v) for v in extra if v[0] not in seen][:room]


def list_members(
    ctx: Ctx, filters: MemberFilter | None, *, offset: int = 0, limit: int = 200
) -> list[MemberRow]:
    """A page of the member list in pinyin order (the list model fetches as it scrolls)."""
    params: dict[str, Any] = {"limit": limit, "offset": offset}
    where = _filter_sql(filters, params, ctx.today)
    sql = (
        f"SELECT {COLUMNS} FROM member WHERE {where} "
        "ORDER BY pinyin_full, id LIMIT :limit OFFSET :offset"
    )
    with ctx.engine.connect() as conn:
        return [_row(values) for values in conn.execute(text(sql), params)]


def count_members(ctx: Ctx, filters: MemberFilter | None = None) -> int:
    params: dict[str, Any] = {}
    where = _filter_sql(filters, params, ctx.today)
    with ctx.engine.connect() as conn:
        return int(
            conn.execute(text(f"SELECT count(*) FROM member WHERE {where}"), params).scalar_one()
        )
