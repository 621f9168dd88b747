"""Make tests/fixtures/release-rev0001.sqlite3: a station file as the previous release left it.

    .venv/bin/python scripts/make_release_fixture.py [OUT]

The schema is Alembic revision 0001 only (the first release's schema); the rows are written
with plain SQL in the on-disk form that release wrote (dates as text, datetimes in UTC, JSON as
text, booleans as 0/1), never through today's services, so the file keeps describing the old
release when the code moves on. The values are fake (valid-looking ID numbers with correct
check characters from desktop.services.fakedata); the receipts carry their frozen content,
content hash and signed verification code, and the audit log is a valid hash chain.

tests/test_upgrade.py opens a copy with today's store and checks nothing was lost. The EXPECTED
dict at the bottom is what the tests compare against; regenerate the file only on purpose.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from contract import idnumber  # noqa: E402
from contract.money import capitals  # noqa: E402
from contract.receipt_code import make as receipt_code  # noqa: E402
from desktop.paths import package_path  # noqa: E402
from desktop.services.fakedata import fake_members  # noqa: E402
from desktop.services.members import pinyin_keys  # noqa: E402
from desktop.services.staff import hash_password  # noqa: E402
from desktop.services.uow import canonical_hash  # noqa: E402

OUT = ROOT / "tests" / "fixtures" / "release-rev0001.sqlite3"
REVISION = "0001"
PASSWORD = "release01"  # every staff account of the fixture
STATION_ID = "0192a000-0000-7000-8000-000000000001"
STATION_CODE = "4401060001"
RECEIPT_KEY = "5d" * 32
UTC = dt.UTC


def uid(kind: int, n: int) -> str:
    """A fixed UUIDv7-shaped id: kind (table) and number, so the file is reproducible."""
    return f"0192a000-{kind:04x}-7000-8000-{n:012x}"


def stamp(day: dt.date, hour: int, n: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, 7, 11, 123456 + n, tzinfo=UTC)


def sql_time(value: dt.datetime | None) -> str | None:
    """How SQLAlchemy writes a UTC datetime into SQLite."""
    return None if value is None else value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def synced(row_id: str, created: dt.datetime, **values: Any) -> dict[str, Any]:
    """The Synced columns every record has, as the previous release wrote them."""
    return {
        "id": row_id,
        "station_id": STATION_ID,
        "created_at": sql_time(created),
        "updated_at": sql_time(created),
        "version": 1,
        "deleted": 0,
        "server_version": 0,
        "sync_state": "pending",
        "sync_error": None,
        **values,
    }


def insert(con: sqlite3.Connection, table: str, row: dict[str, Any]) -> None:
    names = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    values = [
        json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v for v in row.values()
    ]
    con.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", values)


class Audit:
    """Hash-chained audit events, computed as desktop.services.uow.Unit.audit does."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self.last = ""

    def add(
        self,
        at: dt.datetime,
        staff_id: str | None,
        action: str,
        entity: str,
        row_id: str,
        **detail: Any,
    ) -> None:
        body = {
            "at": at.isoformat(),
            "staff_id": staff_id,
            "action": action,
            "entity": entity,
            "row_id": row_id,
            "detail": detail,
        }
        digest = canonical_hash([self.last, body])
        insert(
            self.con,
            "auditevent",
            {
                "at": sql_time(at),
                "staff_id": staff_id,
                "action": action,
                "entity": entity,
                "row_id": row_id,
                "detail": detail,
                "prev_hash": self.last,
                "hash": digest,
            },
        )
        self.last = digest


def migrate_to_first_release(path: Path) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(package_path("migrations")))
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    command.upgrade(cfg, REVISION)


def fill(con: sqlite3.Connection) -> dict[str, Any]:
    audit = Audit(con)
    day0 = dt.date(2025, 10, 9)
    t0 = stamp(day0, 1)
    con.execute("INSERT INTO setting (key, value) VALUES ('station_id', ?)", (STATION_ID,))
    con.execute("INSERT INTO setting (key, value) VALUES ('receipt_key', ?)", (RECEIPT_KEY,))
    station = synced(
        STATION_ID,
        t0,
        code=STATION_CODE,
        name="石牌街工会服务站",
        district_code="440106",
        district_name="天河区",
        union_name="石牌街道总工会",
        address="天河区石牌街 1 号",
        phone="020-85200000",
    )
    insert(con, "station", station)
    audit.add(t0, None, "station.init", "station", STATION_ID, code=STATION_CODE)

    people = [
        ("head", "李站长", "station_head"),
        ("worker", "王社工", "social_worker"),
        ("reviewer", "赵审核", "reviewer"),
    ]
    staff_ids = {}
    for n, (username, name, role) in enumerate(people, start=1):
        staff_ids[username] = uid(1, n)
        insert(
            con,
            "staff",
            synced(
                uid(1, n),
                stamp(day0, 2, n),
                username=username,
                display_name=name,
                role=role,
                password_hash=hash_password(PASSWORD),
                active=1,
                failed_logins=0,
                locked_until=None,
            ),
        )
        audit.add(
            stamp(day0, 2, n),
            None if n == 1 else staff_ids["head"],
            "staff.add",
            "staff",
            uid(1, n),
            role=role,
        )
    worker, head, reviewer = staff_ids["worker"], staff_ids["head"], staff_ids["reviewer"]

    shjz, ljswn = uid(2, 1), uid(2, 2)
    insert(
        con,
        "fundprogram",
        synced(
            shjz,
            stamp(day0, 3),
            code="SHJZ",
            year=2025,
            name="2025年困难职工生活救助",
            program_type="living",
            funding_source="区总工会帮扶资金",
            receipt_title="困难职工生活救助金发放收据",
            amount_rules={},
            max_times_per_year=4,
            annual_cap_fen=2000000,
            excludes=[],
            active=1,
        ),
    )
    insert(
        con,
        "fundprogram",
        synced(
            ljswn,
            stamp(day0, 3, 1),
            code="LJSWN",
            year=2025,
            name="2025年两节送温暖",
            program_type="festival",
            funding_source="市总工会",
            receipt_title="两节送温暖慰问金（物资）发放收据",
            amount_rules={},
            max_times_per_year=1,
            annual_cap_fen=None,
            excludes=[],
            active=1,
        ),
    )
    insert(
        con,
        "programbudget",
        synced(
            uid(3, 1),
            stamp(day0, 3, 2),
            program_id=shjz,
            budget_station_id=STATION_ID,
            budget_fen=30000000,
        ),
    )

    members = []
    for n, person in enumerate(fake_members(12, seed=20251009, today=day0), start=1):
        full, initials = pinyin_keys(person["name"])
        row = synced(
            uid(4, n),
            stamp(day0, 4, n),
            name=person["name"],
            id_type="resident",
            id_number=person["id_number"],
            gender=person["gender"],
            birth_date=person["birth_date"].isoformat(),
            phone=person["phone"],
            employer=person["employer"],
            job_group=person["job_group"],
            membership_status="active",
            hardship_category=person["hardship_category"],
            hardship_file_no=person["hardship_file_no"],
            hardship_review_date=person["hardship_review_date"].isoformat()
            if person["hardship_review_date"]
            else None,
            bank_account="6222020200112233" if n == 1 else "",
            address="天河区石牌街" if n <= 3 else "",
            consent_sensitive_on=None,
            consent_disclosure_on=day0.isoformat() if n % 2 else None,
            notes="上一版本录入" if n == 1 else "",
            pinyin_full=full,
            pinyin_initials=initials,
            id_rev=person["id_number"][::-1],
            phone_rev=person["phone"][::-1],
        )
        insert(con, "member", row)
        audit.add(stamp(day0, 4, n), worker, "member.add", "member", row["id"])
        members.append(row)

    visits = []
    for n, (member_ids, kind, due) in enumerate(
        [
            ([0], "home", dt.date(2025, 10, 30)),
            ([1, 2], "enterprise", None),
            ([3], "hospital", None),
        ],
        start=1,
    ):
        day = dt.date(2025, 10, 10 + n)
        ids = [members[i]["id"] for i in member_ids]
        row = synced(
            uid(5, n),
            stamp(day, 5),
            visit_type=kind,
            visited_on=day.isoformat(),
            staff_id=worker,
            purpose="了解家庭生活情况",
            findings="家庭收入较低，需持续关注。",
            followup_needed=1 if due else 0,
            followup_due=due.isoformat() if due else None,
            followup_done_on=None,
            member_ids=ids,
        )
        insert(con, "visit", row)
        for member_id in ids:
            insert(con, "visitmember", {"visit_id": row["id"], "member_id": member_id})
        audit.add(stamp(day, 5), worker, "visit.add", "visit", row["id"], members=len(ids))
        visits.append(row)

    issues = [  # member index, program, cash, goods, day
        (0, shjz, 100000, [], dt.date(2025, 10, 15)),
        (
            1,
            shjz,
            80000,
            [{"item": "大米", "quantity": 1, "unit": "袋", "value_fen": 12000}],
            dt.date(2025, 10, 15),
        ),
        (
            2,
            ljswn,
            50000,
            [{"item": "食用油", "quantity": 2, "unit": "桶", "value_fen": 9000}],
            dt.date(2025, 10, 20),
        ),
        (3, shjz, 200000, [], dt.date(2025, 10, 21)),
        (4, ljswn, 50000, [], dt.date(2025, 10, 22)),
    ]
    names = {
        shjz: ("2025年困难职工生活救助", "困难职工生活救助金发放收据", "生活救助"),
        ljswn: ("2025年两节送温暖", "两节送温暖慰问金（物资）发放收据", "两节送温暖"),
    }
    receipts = []
    for n, (index, program, cash, goods, day) in enumerate(issues, start=1):
        member = members[index]
        goods_value = sum(g["value_fen"] for g in goods)
        total = cash + goods_value
        number = f"{STATION_CODE}-{day.year}-{n:06d}"
        relief_id, receipt_id = uid(6, n), uid(7, n)
        voided = n == 4
        content = {
            "schema": 1,
            "number": number,
            "title": names[program][1],
            "issued_on": day.isoformat(),
            "union_name": "石牌街道总工会",
            "station_name": "石牌街工会服务站",
            "station_code": STATION_CODE,
            "recipient_name": member["name"],
            "recipient_id_masked": idnumber.mask(member["id_number"]),
            "recipient_employer": member["employer"],
            "program_name": names[program][0],
            "program_type_label": names[program][2],
            "cash_fen": cash,
            "goods": goods,
            "goods_value_fen": goods_value,
            "total_fen": total,
            "amount_capitals": capitals(total),
            "handler": "王社工",
            "reviewer": "赵审核",
            "note": "",
            "verify": receipt_code(
                RECEIPT_KEY,
                number=number,
                station_code=STATION_CODE,
                total_fen=total,
                issued_on=day.isoformat(),
            ),
        }
        at = stamp(day, 6, n)
        insert(
            con,
            "reliefdistribution",
            synced(
                relief_id,
                at,
                member_id=member["id"],
                program_id=program,
                cash_fen=cash,
                goods=goods,
                goods_value_fen=goods_value,
                issued_on=day.isoformat(),
                period=day.strftime("%Y-%m"),
                handler_id=worker,
                reviewer_id=reviewer,
                receipt_id=receipt_id,
                status="void" if voided else "issued",
                void_reason="金额有误" if voided else "",
                voided_at=sql_time(stamp(day, 7)) if voided else None,
                voided_by=head if voided else None,
                override_reason="",
                campaign="2025两节" if program == ljswn else "",
                visit_id=visits[0]["id"] if n == 1 else None,
                adjusts_id=None,
                note="",
            ),
        )
        receipt = synced(
            receipt_id,
            at,
            number=number,
            year=day.year,
            serial=n,
            distribution_id=relief_id,
            issued_on=day.isoformat(),
            content=content,
            content_hash=canonical_hash(content),
            print_count=2 if n == 2 else 1,
            voided=1 if voided else 0,
            void_reason="金额有误" if voided else "",
        )
        insert(con, "receipt", receipt)
        audit.add(at, worker, "relief.issue", "relief", relief_id, receipt=number, total_fen=total)
        audit.add(stamp(day, 6, n + 50), worker, "receipt.print", "receipt", receipt_id, count=1)
        if voided:
            audit.add(stamp(day, 7), head, "relief.void", "relief", relief_id, reason="金额有误")
        receipts.append(receipt)
    con.execute(
        "INSERT INTO receiptcounter (station_id, year, last_serial) VALUES (?, 2025, ?)",
        (STATION_ID, len(issues)),
    )

    for n, (category, day, extra) in enumerate(
        [
            ("reception", dt.date(2025, 10, 15), {"visitors": 8}),
            ("consultation", dt.date(2025, 10, 16), {"topic": "wage_arrears", "consultations": 3}),
        ],
        start=1,
    ):
        row = synced(
            uid(8, n),
            stamp(day, 9),
            log_date=day.isoformat(),
            staff_id=worker,
            category=category,
            topic=extra.get("topic", ""),
            job_group="",
            visitors=extra.get("visitors", 0),
            consultations=extra.get("consultations", 0),
            mediations=0,
            workers_involved=0,
            amount_recovered_fen=0,
            new_members=0,
            services=0,
            text="接待来访职工" if n == 1 else "政策咨询",
        )
        insert(con, "stationlog", row)
        audit.add(stamp(day, 9), worker, "log.add", "station_log", row["id"])

    insert(
        con,
        "monthclose",
        synced(
            uid(9, 1),
            stamp(dt.date(2025, 10, 1), 8),
            period="2025-09",
            totals={"relief_count": 0, "relief_fen": 0},
            receipt_first="",
            receipt_last="",
            voided_numbers=[],
            closed_by=head,
            closed_at=sql_time(stamp(dt.date(2025, 10, 1), 8)),
            server_status="confirmed",
            server_message="",
        ),
    )

    # The sync queue: everything before the last two receipts was pushed; those two were not.
    for n, receipt in enumerate(receipts, start=1):
        record = {
            k: v
            for k, v in receipt.items()
            if k not in ("sync_state", "sync_error", "server_version")
        }
        insert(
            con,
            "outbox",
            {
                "mutation_id": uid(10, n),
                "entity": "receipt",
                "row_id": receipt["id"],
                "op": "upsert",
                "base_version": 0,
                "payload": {"record": record},
                "created_at": receipt["created_at"],
                "state": "pending" if n > 3 else "done",
                "attempts": 0,
                "last_error": None,
            },
        )
    con.execute("UPDATE receipt SET sync_state = 'synced', server_version = 1 WHERE serial <= 3")
    con.execute(
        "INSERT INTO conflict (id, entity, row_id, field, local_value, server_value, server_version, created_at, resolved_at) VALUES (?, 'member', ?, 'phone', ?, ?, 2, ?, NULL)",
        (
            uid(11, 1),
            members[5]["id"],
            members[5]["phone"],
            "13900000000",
            sql_time(stamp(day0, 10)),
        ),
    )
    return {
        "members": len(members),
        "relief": len(issues),
        "receipts": len(receipts),
        "visits": len(visits),
        "audit": con.execute("SELECT count(*) FROM auditevent").fetchone()[0],
        "outbox_pending": 2,
        "first_member": {
            "id": members[0]["id"],
            "name": members[0]["name"],
            "id_number": members[0]["id_number"],
        },
    }


def main(out: Path = OUT) -> dict[str, Any]:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    migrate_to_first_release(out)
    con = sqlite3.connect(out)
    try:
        with con:
            facts = fill(con)
        con.execute("PRAGMA journal_mode=DELETE")
        con.execute("PRAGMA page_size=1024")  # 73 tables and indexes: small pages keep it small
        con.execute("VACUUM")
    finally:
        con.close()
    return facts


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    facts = main(target)
    print(f"{target}: {target.stat().st_size} bytes, revision {REVISION}")
    print(json.dumps(facts, ensure_ascii=False, indent=2))
