"""Rows written by a pull are stored exactly as the ORM and SQLAlchemy Core store them.

insert_many (desktop/sync/records.py) bypasses SQLAlchemy's per-row parameter handling and,
for SQLite times and dates, uses faster processors of its own. Here the same rows go in both
ways, into two fresh station databases, and the raw stored text must be identical.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import insert

from desktop.models import Member
from desktop.store import open_store
from desktop.sync.records import insert_many

from .harness import make_id_number

TABLE = Member.__table__  # type: ignore[attr-defined]
TIMES = [
    dt.datetime(2026, 11, 22, 19, 34, 15, 740517, tzinfo=dt.UTC),
    dt.datetime(2026, 11, 22, 19, 34, 15, tzinfo=dt.UTC),  # no microseconds
    dt.datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=dt.timezone(dt.timedelta(hours=8))),  # Beijing
    dt.datetime(999, 12, 31, 23, 59, 59, 999999, tzinfo=dt.UTC),  # a three-digit year
]


def _rows() -> list[dict]:
    rows = []
    for n, when in enumerate(TIMES):
        member = Member(
            station_id="s-1",
            name="张三",
            id_number=make_id_number(n),
            created_at=when,
            updated_at=when,
            birth_date=dt.date(1960 + n, 1 + n, 1 + n),
            hardship_review_date=None if n % 2 else dt.date(2027, 3, 1),
            deleted=bool(n % 2),
        )
        rows.append(member.model_dump())
    return rows


def _stored(path: Path) -> list[tuple]:
    engine = open_store(path)
    with engine.connect() as conn:
        out = list(
            conn.exec_driver_sql(
                "SELECT id, created_at, updated_at, birth_date, hardship_review_date, deleted "
                "FROM member ORDER BY id"
            )
        )
    engine.dispose()
    return out


def test_insert_many_stores_what_sqlalchemy_stores(tmp_path: Path) -> None:
    rows = _rows()
    fast, core = tmp_path / "fast.sqlite3", tmp_path / "core.sqlite3"
    for path, write in ((fast, "fast"), (core, "core")):
        engine = open_store(path)
        with engine.begin() as conn:
            if write == "fast":
                insert_many(conn, TABLE, [dict(r) for r in rows])
            else:
                conn.execute(insert(TABLE), [dict(r) for r in rows])
        engine.dispose()
    stored = _stored(fast)
    assert stored == _stored(core)
    # and the texts are the documented SQLite form: UTC, no offset, always microseconds
    by_id = {r[0]: r for r in stored}
    beijing = by_id[rows[2]["id"]]
    assert beijing[1] == "2026-01-01 19:04:05.000006"
    assert by_id[rows[1]["id"]][1] == "2026-11-22 19:34:15.000000"
    assert by_id[rows[3]["id"]][1] == "0999-12-31 23:59:59.999999"


def test_a_time_without_zone_is_refused(tmp_path: Path) -> None:
    rows = _rows()[:1]
    rows[0]["created_at"] = dt.datetime(2026, 11, 22, 8, 0)  # naive
    engine = open_store(tmp_path / "s.sqlite3")
    with pytest.raises(ValueError), engine.begin() as conn:
        insert_many(conn, TABLE, rows)
    engine.dispose()


def _member_record() -> dict:
    from desktop.services.uow import record_payload

    return record_payload(Member(station_id="s-1", name="张三", id_number=make_id_number(1)))


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", 7, "字段 name 应为文字"),
        ("name", "张" * 20001, "字段 name 应为文字"),
        ("employer", "某\x00公司", "字段 employer 含有非法字符"),
        ("address", "广州\ud800", "字段 address 含有非法字符"),
        ("name", None, "字段 name 不能为空"),
        ("version", "1", "字段 version 应为整数"),
        ("birth_date", "1990-02-30", "字段 birth_date 不是有效的日期"),
    ],
)
def test_a_bad_field_is_named_in_the_refusal(field: str, value: object, message: str) -> None:
    from contract.records import RecordError, clean_record

    record = {**_member_record(), field: value}
    with pytest.raises(RecordError) as refused:
        clean_record("member", record)
    assert str(refused.value) == message


def test_missing_fields_are_left_out_and_id_is_required() -> None:
    from contract.records import RecordError, clean_record

    record = _member_record()
    del record["address"], record["notes"]
    out = clean_record("member", record)
    assert "address" not in out and "notes" not in out and out["name"] == "张三"
    del record["id"]
    with pytest.raises(RecordError, match="缺少字段 id"):
        clean_record("member", record)
