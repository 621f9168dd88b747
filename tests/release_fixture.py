"""The previous release's station file (tests/fixtures, made by scripts/make_release_fixture.py)
and what it holds, shared by tests/test_upgrade.py and tests/test_bundle.py."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

FIXTURE = Path(__file__).parent / "fixtures" / "release-rev0001.sqlite3"
REVISION = "0001"
PASSWORD = "release01"
RECEIPT_KEY = "5d" * 32

# Row counts written by scripts/make_release_fixture.py.
COUNTS = {
    "station": 1,
    "staff": 3,
    "member": 12,
    "fundprogram": 2,
    "programbudget": 1,
    "visit": 3,
    "visitmember": 4,
    "reliefdistribution": 5,
    "receipt": 5,
    "receiptcounter": 1,
    "stationlog": 2,
    "monthclose": 1,
    "outbox": 5,
    "auditevent": 32,
    "conflict": 1,
    "setting": 2,
}
FIRST_MEMBER = {
    "id": "0192a000-0004-7000-8000-000000000001",
    "name": "廖洋明",
    "id_number": "440111196603277329",
}


def copy_fixture(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "stationdesk.sqlite3"
    shutil.copyfile(FIXTURE, target)
    return target


def dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but alembic_version, in a stable order."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            row[0]
            for row in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name != 'alembic_version' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {
            table: sorted(con.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
            for table in tables
        }
    finally:
        con.close()


# Columns later migrations add at the end of a table, and the value they give old rows.
ADDED_COLUMNS = {
    "fundprogram": [None, None],  # 0003: max_amount_fen (no limit); 0005: requires_file
    # 0005: hardship_file_id, student_id, school_year (not tied to a file or a student)
    "reliefdistribution": [None, None, None],
    "visit": [None],  # 0004: void_reason (not voided)
    "stationlog": [None],  # 0004: void_reason (not voided)
}

# Tables later migrations create (empty after the upgrade).
ADDED_TABLES = {"hardshipfile", "student", "dibaostandard"}  # 0005
ADDED_TABLES |= {"rightscase", "memberintake"}  # 0006


def dump_upgraded(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """dump() of a migrated file with the columns added since the release taken off again,
    after checking that old rows hold what the migration gave them."""
    rows = dump(path)
    for table in ADDED_TABLES & set(rows):
        assert rows.pop(table) == [], table
    for table, added in ADDED_COLUMNS.items():
        width = len(added)
        assert all(list(row[-width:]) == added for row in rows[table]), table
        rows[table] = sorted((row[:-width] for row in rows[table]), key=repr)
    return rows
