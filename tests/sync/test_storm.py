"""Month-end storm at full size: 200 stations push 500 changes each at once to a PostgreSQL
district (see storm.py; the same runner is `python -m tests.sync.storm`)."""

from __future__ import annotations

import pytest

from .harness import drop_pg_schema, fresh_pg_url, postgres_answers
from .storm import run_storm

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

STATIONS, CHANGES = 200, 500


def test_month_end_storm_applies_every_change_exactly_once(tmp_path, capsys):
    if not postgres_answers():
        pytest.skip("PostgreSQL does not answer on 127.0.0.1:5432")
    url, schema = fresh_pg_url()
    try:
        result = run_storm(
            url, stations=STATIONS, changes=CHANGES, concurrency=48, log=tmp_path / "server.log"
        )
    finally:
        drop_pg_schema(schema)
    with capsys.disabled():
        print("\n" + result.report())
    total = STATIONS * CHANGES
    assert result.statuses == {"applied": total}
    assert result.server_mutations == total
    assert result.mutations_per_station == {CHANGES}
    assert result.server_records == {
        "fund_program": 3,
        "member": total // 5,
        "relief": total * 3 // 10,
        "receipt": total * 3 // 10,
        "visit": total // 5,
    }
    assert result.max_version == 1  # nothing was applied twice
    # sending every batch again changes nothing: all duplicates, not one cursor taken
    assert result.resend_statuses == {"duplicate": total}
    assert result.cursor_before_resend == result.cursor_after_resend == total + 3
