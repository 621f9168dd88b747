"""The checks of a pushed record that need the district's rows (contract/rules.py checks its
values alone): references that exist, receipt numbers unique and whole, issued content never
changed, members' ownership, and the month lock for every record and both its months.

One Judge serves one push: everything it needs is fetched in a few queries up front, so a
batch of records without references (members) costs nothing more than before.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, select

from contract import cases, hardship, rules
from contract.protocol import FACTS, period_of
from contract.sqlbind import placeholder
from contract.wire import Mutation

from .db import RECEIPT_KEY, station
from .derived import stable_id
from .rows import Row, load, now, select_in

# (field, entity it names) per entity; "*" after a field: a list of ids; "list[].key": the
# key of each entry of a list
REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
    "relief": (
        ("member_id", "member"),
        ("program_id", "fund_program"),
        ("handler_id", "staff"),
        ("reviewer_id", "staff"),
        ("voided_by", "staff"),
        ("visit_id", "visit"),
        ("adjusts_id", "relief"),
        ("hardship_file_id", "hardship_file"),
        ("student_id", "student"),
    ),
    "hardship_file": (("member_id", "member"), ("visit_id", "visit")),
    "student": (("member_id", "member"), ("hardship_file_id", "hardship_file")),
    "receipt": (("distribution_id", "relief"),),
    "visit": (("staff_id", "staff"), ("member_ids*", "member")),
    "station_log": (("staff_id", "staff"),),
    "member_intake": (("member_id", "member"), ("staff_id", "staff")),
    "rights_case": (("workers[].member_id", "member"),),  # the workers who are members
}
# the district's clock (Beijing time, as the console's): the day an undated change is made
DISTRICT_CLOCK = dt.timezone(dt.timedelta(hours=8))
# fields a receipt keeps for ever once stored (voided, void_reason and print_count may change)
FROZEN = ("number", "year", "serial", "distribution_id", "issued_on", "content", "content_hash")


def _referenced(entity: str, data: dict[str, Any]) -> Iterable[tuple[str, str, str]]:
    """(field, entity, id) of every id the record names."""
    for name, target in REFERENCES.get(entity, ()):
        if "[]." in name:
            listed, key = name.split("[].")
            for entry in data.get(listed) or ():
                value = entry.get(key) if isinstance(entry, dict) else None
                if isinstance(value, str) and value:
                    yield listed, target, value
        elif name.endswith("*"):
            for value in data.get(name[:-1]) or ():
                yield name[:-1], target, value
        else:
            value = data.get(name)
            if isinstance(value, str) and value:
                yield name, target, value


class Judge:
    """The district's rows one push is judged against."""

    def __init__(
        self,
        conn: Connection,
        auth: Any,
        work: list[tuple[Mutation, dict[str, Any]]],
        rows: dict[tuple[str, str], Row],
        closed: set[str],
    ) -> None:
        self.auth = auth
        self.rows = rows
        self.closed = closed
        self.flags: list[Row] = []
        self.pushed = {(m.entity, m.row_id) for m, _data in work}
        wanted = {
            (target, value)
            for m, data in work
            for _name, target, value in _referenced(m.entity, data)
        }
        self.stored = _existing(conn, auth.district_id, wanted - set(rows))
        handed = [
            ("relief", str(d.get("distribution_id"))) for m, d in work if m.entity == "receipt"
        ]
        self.hand_outs = load(conn, [k for k in handed if k not in rows]) if handed else {}
        numbers = [data.get("number") for m, data in work if m.entity == "receipt"]
        self.numbers = _receipt_numbers(conn, auth.district_id, numbers)
        deleting = [
            m.row_id
            for m, data in work
            if m.entity == "member" and (data.get("deleted") or m.op == "delete")
        ]
        self.with_relief = _members_with_relief(conn, deleting)
        self.receipt_key = _receipt_key(conn, auth.station_id) if numbers else ""
        self._hardship_rows(conn, work)  # issue 16: programs that require a file
        years = {data.get("year") for m, data in work if m.entity == "receipt"}
        self.last_serial = {
            year: _last_serial(conn, auth.district_id, f"{auth.code}-{year}-")
            for year in years
            if isinstance(year, int)
        }

    def check(self, m: Mutation, data: dict[str, Any], current: Row | None) -> None:
        """Raise RecordError where the record may not be stored as it is."""
        entity = m.entity
        if entity == "member":  # most of a push: no references, no month
            if current is not None:
                self._member(data, current)
            return
        if entity in FACTS:
            self._month_lock(entity, data, current)
        if entity == "rights_case":
            self._case_lock(data, current)
        if entity in REFERENCES:
            self._references(entity, data)
        if entity == "receipt":
            self._receipt(m, data, current)
        if entity == "relief" and current is None:
            self._file_rule(data)

    def _hardship_rows(self, conn: Connection, work: list[tuple[Mutation, dict[str, Any]]]) -> None:
        """The programs of the pushed hand-outs, and the files they name (pushed or held)."""
        self.files = {m.row_id: d for m, d in work if m.entity == "hardship_file"}
        relief = [d for m, d in work if m.entity == "relief"]
        if not relief:
            self.programs: dict[str, dict[str, Any]] = {}
            return
        wanted = {("fund_program", str(d.get("program_id"))) for d in relief}
        wanted |= {
            ("hardship_file", str(d["hardship_file_id"]))
            for d in relief
            if d.get("hardship_file_id") and d["hardship_file_id"] not in self.files
        }
        held = load(conn, wanted)
        self.programs = {k[1]: r.data for k, r in held.items() if k[0] == "fund_program"}
        for (entity, row_id), row in held.items():
            if entity == "hardship_file" and row.district_id == self.auth.district_id:
                self.files.setdefault(row_id, row.data)

    def _file_rule(self, data: dict[str, Any]) -> None:
        """A program that requires an active file of given categories: re-checked here (the
        station checks it offline); a station head's recorded override passes, as at the
        station."""
        program = self.programs.get(str(data.get("program_id")))
        if program is None or data.get("status") != "issued" or data.get("override_reason"):
            return
        file = self.files.get(str(data.get("hardship_file_id") or ""))
        refusal = hardship.file_refusal(program, file, data)
        if refusal:
            raise rules.refuse("relief", "hardship_file_id", refusal)

    def _month_lock(self, entity: str, data: dict[str, Any], current: Row | None) -> None:
        periods = {period_of(entity, data)}
        if current is not None:
            periods.add(period_of(entity, current.data))
        for period in sorted(p for p in periods if p in self.closed):
            field = "period" if entity == "month_close" else _DATE_FIELD.get(entity, "period")
            raise rules.refuse(entity, field, f"{period} 已月结并经区里确认，不能再修改")

    def _case_lock(self, data: dict[str, Any], current: Row | None) -> None:
        """A case's part dated in a confirmed month may not be added, changed or removed (the
        station's services refuse the same step: desktop/services/cases.py)."""
        old = current.data if current is not None and not current.deleted else None
        today = dt.datetime.now(DISTRICT_CLOCK).date()  # the station's day, not UTC's
        for name, day in cases.changed_days(old, data, today):
            if day[:7] in self.closed:
                raise rules.refuse("rights_case", name, f"{day[:7]} 已月结并经区里确认，不能再修改")

    def _exists(self, entity: str, row_id: str) -> Row | bool:
        row = self.rows.get((entity, row_id))
        if row is not None and row.district_id == self.auth.district_id:
            return row
        return (entity, row_id) in self.stored

    def _references(self, entity: str, data: dict[str, Any]) -> None:
        for name, target, value in _referenced(entity, data):
            if name == "receipt_id" and (target, value) in self.pushed:
                continue  # a hand-out names its receipt, pushed right after it
            if not self._exists(target, value):
                raise rules.refuse(entity, name, f"引用的{rules.ENTITY_LABELS[target]}不存在")
            owner = self._owner(target, value)
            if target == "relief" and owner != self.auth.station_id:
                raise rules.refuse(entity, name, "只能引用本服务站的发放记录")

    def _owner(self, entity: str, row_id: str) -> str | None:
        row = self.rows.get((entity, row_id))
        return row.owner if row is not None else self.stored.get((entity, row_id))

    def _receipt(self, m: Mutation, data: dict[str, Any], current: Row | None) -> None:
        if current is not None and current.data.get("content_hash") is not None:
            changed = [k for k in FROZEN if data.get(k) != current.data.get(k)]
            if changed:
                self._integrity_flag(current, changed[0], data)
                raise rules.refuse("receipt", changed[0], "收据开具后内容不能更改，已报告区总工会")
            return
        rules.check_receipt_content(data)
        rules.check_receipt_owner(data, self.auth.code, self.receipt_key)
        holder = self.numbers.get(str(data.get("number")))
        if holder is not None and holder != m.row_id:
            raise rules.refuse("receipt", "number", f"收据号 {data.get('number')} 已被使用")
        year, serial = int(data["year"]), int(data["serial"])
        last = self.last_serial.get(year, 0)
        if serial > last + 1:
            raise rules.refuse(
                "receipt",
                "serial",
                f"流水号 {serial} 不连续：区里本站 {year} 年的收据只到 {last} 号",
            )
        key = ("relief", str(data.get("distribution_id")))
        relief = self.rows.get(key) or self.hand_outs.get(key)
        if relief is not None:
            total = int(relief.data.get("cash_fen") or 0) + int(
                relief.data.get("goods_value_fen") or 0
            )
            if (data.get("content") or {}).get("total_fen") != total:
                raise rules.refuse("receipt", "content", "收据合计金额与发放金额不符")
        self.numbers[str(data.get("number"))] = m.row_id
        self.last_serial[year] = max(last, serial)

    def _member(self, data: dict[str, Any], current: Row) -> None:
        if data.get("station_id") != current.owner:
            raise rules.refuse("member", "station_id", "不能更改会员的登记服务站")
        if data.get("deleted") and not current.deleted:
            if current.owner != self.auth.station_id:
                raise rules.refuse("member", "deleted", "不能删除其他服务站登记的会员")
            if current.id in self.with_relief or any(
                key[0] == "relief" and row.data.get("member_id") == current.id
                for key, row in self.rows.items()
            ):
                raise rules.refuse("member", "deleted", "该会员有帮扶发放记录，不能删除")

    def _integrity_flag(self, row: Row, name: str, pushed: dict[str, Any]) -> None:
        """A changed receipt, raised for the district (never pulled by a station)."""
        fid = stable_id("integrity", row.id, str(pushed.get("content_hash")))
        data = {
            "id": fid,
            "station_id": row.owner,
            "entity": row.entity,
            "row_id": row.id,
            "field": name,
            "reason": "收据开具后内容被更改（已拒绝）",
            "stored_hash": row.data.get("content_hash"),
            "pushed_hash": pushed.get("content_hash"),
            "created_at": now().isoformat(),
        }
        self.flags.append(
            Row(
                entity="integrity_flag",
                id=fid,
                district_id=self.auth.district_id,
                owner=self.auth.district_id,
                version=1,
                deleted=False,
                data=data,
                dirty=True,
            )
        )


_DATE_FIELD = {
    "relief": "issued_on",
    "receipt": "issued_on",
    "visit": "visited_on",
    "station_log": "log_date",
    "member_intake": "on_date",
}


def _existing(
    conn: Connection, district_id: str, keys: set[tuple[str, str]]
) -> dict[tuple[str, str], str]:
    """(entity, id) -> owner of the given records stored in the district."""
    by_entity: dict[str, list[str]] = {}
    for entity, row_id in sorted(keys):
        by_entity.setdefault(entity, []).append(row_id)
    out: dict[tuple[str, str], str] = {}
    sql = "SELECT id, owner FROM record WHERE entity = {m} AND district_id = {m} AND id IN ({in})"
    for entity, ids in by_entity.items():
        for row_id, owner in select_in(conn, sql, (entity, district_id), ids):
            out[(entity, row_id)] = owner
    return out


def _receipt_numbers(conn: Connection, district_id: str, numbers: list[Any]) -> dict[str, str]:
    """Receipt number -> the receipt holding it in the district."""
    wanted = sorted({n for n in numbers if isinstance(n, str)})
    sql = (
        f"SELECT natural_key, id FROM record WHERE district_id = {{m}} AND {RECEIPT_KEY} "
        "AND natural_key IN ({in})"
    )
    return dict(select_in(conn, sql, (district_id,), wanted))


def _last_serial(conn: Connection, district_id: str, prefix: str) -> int:
    """The highest serial of a station-year the district holds (numbers are zero-padded, so
    the greatest number is the greatest serial), within the district's receipt numbers
    (ix_record_receipt_number)."""
    sql = (
        f"SELECT max(natural_key) FROM record WHERE district_id = {{m}} AND {RECEIPT_KEY} "
        "AND natural_key LIKE {m}"
    ).replace("{m}", placeholder(conn.dialect))
    top = conn.exec_driver_sql(sql, (district_id, prefix.replace("_", "") + "%")).scalar()
    try:
        return int(str(top).rsplit("-", 1)[1]) if top else 0
    except (IndexError, ValueError):
        return 0


def _members_with_relief(conn: Connection, member_ids: list[str]) -> set[str]:
    sql = "SELECT DISTINCT member_id FROM record WHERE member_id IN ({in})"
    return {row[0] for row in select_in(conn, sql, (), sorted(set(member_ids)))}


def _receipt_key(conn: Connection, station_id: str) -> str:
    value = conn.execute(select(station.c.receipt_key).where(station.c.id == station_id)).scalar()
    return str(value or "")
