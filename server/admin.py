"""District administration: the functions behind `stationdesk-server` (and test set-up).

Reference data written here (programs, budgets, staff) becomes records like any other, owned
by the district or the station that needs them, and reaches stations through pull.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, Engine, select

from contract import rules
from contract.enums import ProgramType, Role
from contract.ids import new_id
from contract.passwords import hash_password
from contract.records import RecordError
from contract.summary import period_summary

from . import auth
from .db import district, reader, record, station
from .rows import Row, flush, now, query_rows


def _district_id(conn: Connection, code: str) -> str:
    row = conn.execute(select(district.c.id).where(district.c.code == code)).first()
    if row is None:
        raise SystemExit(f"区 {code} 不存在")
    return str(row[0])


def station_by_code(conn: Connection, code: str) -> Any:
    row = conn.execute(select(station).where(station.c.code == code)).first()
    if row is None:
        raise SystemExit(f"服务站 {code} 不存在")
    return row


def create_district(engine: Engine, code: str, name: str) -> str:
    with engine.begin() as conn:
        return auth.create_district(conn, code, name)


def create_station(engine: Engine, district_code: str, code: str, name: str) -> tuple[str, str]:
    """Returns (station id, one-time enrolment code)."""
    with engine.begin() as conn:
        did = _district_id(conn, district_code)
        sid = auth.create_station(conn, did, code, name)
        return sid, auth.new_enrol_code(conn, sid)


def enrol_code(engine: Engine, station_code: str) -> str:
    with engine.begin() as conn:
        return auth.new_enrol_code(conn, station_by_code(conn, station_code).id)


def revoke(engine: Engine, station_code: str) -> None:
    with engine.begin() as conn:
        auth.revoke(conn, station_by_code(conn, station_code).id)


def _write(
    conn: Connection, entity: str, owner: str, district_id: str, data: dict[str, Any]
) -> str:
    stamp = now().isoformat()
    data = {
        "id": new_id(),
        "station_id": owner,
        "created_at": stamp,
        "updated_at": stamp,
        "version": 1,
        "deleted": False,
        **data,
    }
    flush(
        conn,
        [
            Row(
                entity=entity,
                id=data["id"],
                district_id=district_id,
                owner=owner,
                version=1,
                deleted=False,
                data=data,
                dirty=True,
            )
        ],
    )
    return str(data["id"])


def _checked(entity: str, data: dict[str, Any]) -> dict[str, Any]:
    """District input is judged by the rules a station's push is judged by."""
    try:
        rules.check(entity, {"id": "-", "station_id": "-", "version": 1, **data})
    except RecordError as exc:
        raise SystemExit(str(exc)) from None
    return data


def _enum(kind: type[ProgramType] | type[Role], text: str, what: str) -> str:
    """The stored value of an enumeration typed as its value or its Chinese label."""
    try:
        return kind.from_text(text).value
    except ValueError:
        allowed = "、".join(f"{item.value}（{item.label}）" for item in kind)
        raise SystemExit(f"{what}“{text}”不正确，可选：{allowed}") from None


def create_program(
    engine: Engine,
    district_code: str,
    *,
    code: str,
    year: int,
    name: str,
    program_type: str,
    amount_rules: dict[str, int] | None = None,
    max_times_per_year: int | None = None,
    annual_cap_fen: int | None = None,
    excludes: list[str] | None = None,
    funding_source: str = "",
    requires_file: list[str] | None = None,  # hardship categories (issue 16)
) -> str:
    if not code.strip() or len(code) > 64 or not name.strip():
        raise SystemExit("帮扶项目 字段 code/name：项目代码和名称不能为空（代码最多 64 个字符）")
    if max_times_per_year is not None and max_times_per_year < 1:
        raise SystemExit("帮扶项目 字段 max_times_per_year：每年次数上限应为正整数")
    data = _checked(
        "fund_program",
        {
            "code": code.strip(),
            "year": year,
            "name": name.strip(),
            "program_type": _enum(ProgramType, program_type, "项目类型"),
            "funding_source": funding_source,
            "receipt_title": "",
            "amount_rules": amount_rules or {},
            "max_times_per_year": max_times_per_year,
            "annual_cap_fen": annual_cap_fen,
            "excludes": excludes or [],
            "active": True,
            "requires_file": requires_file or [],
        },
    )
    with engine.begin() as conn:
        did = _district_id(conn, district_code)
        return _write(conn, "fund_program", did, did, data)


def set_dibao_standard(
    engine: Engine, district_code: str, standard_fen: int, effective_on: str, note: str = ""
) -> str:
    """The district's local minimum living standard (低保, fen per person per month) from a
    day on: synced down to every station, which computes hardship categories against it."""
    with engine.begin() as conn:
        did = _district_id(conn, district_code)
        try:
            return add_dibao_standard(conn, did, standard_fen, effective_on, note)
        except RecordError as exc:
            raise SystemExit(str(exc)) from None


def add_dibao_standard(
    conn: Connection, district_id: str, standard_fen: int, effective_on: str, note: str = ""
) -> str:
    """The write behind `stationdesk-server dibao-standard` and the console's 低保标准 form:
    a new record (a later one for the same day supersedes it); RecordError if the rules refuse."""
    data = {"standard_fen": standard_fen, "effective_on": effective_on, "note": note}
    rules.check("dibao_standard", {"id": "-", "station_id": "-", "version": 1, **data})
    return _write(conn, "dibao_standard", district_id, district_id, data)


def create_budget(engine: Engine, program_id: str, station_code: str, budget_fen: int) -> str:
    if not 0 <= budget_fen <= rules.MAX_RECOVERED_FEN:
        raise SystemExit(f"项目预算 字段 budget_fen：应为 0 至 {rules.MAX_RECOVERED_FEN} 分")
    with engine.begin() as conn:
        st = station_by_code(conn, station_code)
        found = conn.execute(
            select(record.c.district_id).where(
                record.c.entity == "fund_program", record.c.id == program_id
            )
        ).scalar()
        if found != st.district_id:
            raise SystemExit(f"项目预算 字段 program_id：本区没有帮扶项目 {program_id}")
        return _write(
            conn,
            "program_budget",
            st.id,
            st.district_id,
            {"program_id": program_id, "budget_station_id": st.id, "budget_fen": budget_fen},
        )


def create_staff(
    engine: Engine, station_code: str, *, username: str, display_name: str, role: str, password: str
) -> str:
    role = _enum(Role, role, "角色")
    if not username.strip() or not display_name.strip() or len(password) < 8:
        raise SystemExit("工作人员：用户名、姓名不能为空，密码至少 8 位")
    with engine.begin() as conn:
        st = station_by_code(conn, station_code)
        return _write(
            conn,
            "staff",
            st.id,
            st.district_id,
            {
                "username": username,
                "display_name": display_name,
                "role": role,
                "password_hash": hash_password(password),
                "active": True,
                "failed_logins": 0,
                "locked_until": None,
            },
        )


def list_findings(engine: Engine, entity: str) -> list[dict[str, Any]]:
    """Duplicate flags ("dup_flag"), conflicts ("conflict"), one per finding and station, or
    integrity flags ("integrity_flag": changed receipts, withdrawn records)."""
    with reader(engine).connect() as conn:
        codes = dict(conn.execute(select(station.c.id, station.c.code)).all())
        rows = query_rows(conn, record.c.entity == entity, record.c.deleted.is_(False))
    # district-owned findings (integrity flags) name their station in the data
    return [
        {**r.data, "station": codes.get(r.data.get("station_id"), codes.get(r.owner, r.owner))}
        for r in rows
    ]


def monthly_figures(engine: Engine, period: str) -> dict[str, Any]:
    """Consolidated month: the month-close summary per station and summed for the district."""
    with reader(engine).connect() as conn:
        codes = dict(conn.execute(select(station.c.id, station.c.code)).all())
        rows = query_rows(
            conn,
            record.c.period == period,
            record.c.deleted.is_(False),
            record.c.entity.in_(["relief", "receipt", "visit", "station_log"]),
        )
        programs = {
            r.id: str(r.data.get("code"))
            for r in query_rows(conn, record.c.entity == "fund_program")
        }
    grouped: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        grouped[codes.get(r.owner, r.owner)][r.entity].append(r.data)
    out = {
        code: period_summary(
            period,
            g["relief"],
            g["receipt"],
            visits=len(g["visit"]),
            log_entries=len(g["station_log"]),
            program_codes=programs,
        )
        for code, g in sorted(grouped.items())
    }
    total = {"count": 0, "cash_fen": 0, "goods_value_fen": 0}
    for summary in out.values():
        for key in total:
            total[key] += summary["relief"][key]
    return {"period": period, "stations": out, "district": total}


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, default=str)


def withdraw(engine: Engine, entity: str, row_id: str, reason: str) -> dict[str, Any]:
    """Withdraw a stored record the district judges bad: it becomes a tombstone with a new
    cursor, so every station deletes it (or sets it aside) on its next pull, and the
    withdrawal is kept as an integrity flag naming who did what."""
    if not reason.strip():
        raise SystemExit("撤回记录须写明原因")
    with engine.begin() as conn:
        rows = query_rows(conn, record.c.entity == entity, record.c.id == row_id)
        if not rows:
            raise SystemExit(f"没有 {entity} 记录 {row_id}")
        row = rows[0]
        row.deleted = True
        row.version += 1
        row.origin = None  # its owner must pull the tombstone too
        row.dirty = True
        flag = {
            "entity": entity,
            "row_id": row_id,
            "field": "",
            "reason": f"区总工会撤回：{reason.strip()}",
            "station_id": row.owner,
        }
        flag_id = _write(conn, "integrity_flag", row.district_id, row.district_id, flag)
        flush(conn, [row])
    return {"withdrawn": f"{entity}/{row_id}", "flag": flag_id}
