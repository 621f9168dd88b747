"""The server process dies in the middle of a push (sync.md: "a retry after the server
committed but before the client heard back must not duplicate"; "an interrupted run").

A real uvicorn process is started with STATIONDESK_CRASH_AT_PUSH so that it calls os._exit
at its Nth push: before COMMIT (the batch must vanish whole) or after COMMIT but before the
reply (the batch is stored and the station does not know). The server is started again on
the same database and port, the station syncs again, and both sides must then hold exactly
the same records: nothing lost, nothing doubled, every mutation applied once.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections import Counter

import pytest
from sqlalchemy import select, text

from desktop.models import Member, Receipt, ReliefDistribution
from desktop.services import members as member_service
from desktop.services import relief as relief_service
from desktop.sync import commands, local
from server import admin
from server.db import mutation, record

from .harness import DISTRICT, StationHandle, add_member
from .procs import ServerProcess

pytestmark = pytest.mark.slow

MEMBERS = 100  # + 100 relief + 100 receipts + 30 edits = 330 changes after the first sync
EDITS = 30
BATCH = 50
CRASH_AT = 3  # the third push request of the server process


def _outbox(st: StationHandle) -> list[tuple[str, str, str, str]]:
    with st.engine.connect() as conn:
        return [
            tuple(r)
            for r in conn.execute(
                text("SELECT mutation_id, entity, row_id, state FROM outbox ORDER BY seq")
            )
        ]


def _server(district, station_id: str):
    with district.engine.connect() as conn:
        rows = {
            (r.entity, r.id): (r.version, json.loads(r.data))
            for r in conn.execute(
                select(record.c.entity, record.c.id, record.c.version, record.c.data).where(
                    record.c.owner == station_id
                )
            )
        }
        muts = dict(
            conn.execute(
                select(mutation.c.mutation_id, mutation.c.status).where(
                    mutation.c.station_id == station_id
                )
            ).all()
        )
    return rows, muts


def _prepare(district) -> StationHandle:
    program = admin.create_program(
        district.engine, DISTRICT, code="SH", year=2026, name="生活救助", program_type="living"
    )
    a = district.station(1)
    a.sync()  # station + staff up, the program down (through the in-thread server)
    members = [add_member(a, n, name=f"会员{n}") for n in range(MEMBERS)]
    for m in members:
        relief_service.issue(
            a.ctx,
            relief_service.ReliefInput(
                member_id=m.id, program_id=program, cash_fen=20000, issued_on=dt.date(2026, 11, 5)
            ),
        )
    for m in members[:EDITS]:
        data = member_service.MemberInput.from_member(member_service.get_member(a.ctx, m.id))
        data.phone = f"1391234{int(m.id_number[-4:-1]):04d}"
        data.employer = "改过的单位"
        member_service.update_member(a.ctx, m.id, data)
    assert a.outbox_states() == {"done": 2, "pending": 3 * MEMBERS + EDITS}
    return a


@pytest.mark.parametrize(
    "when,restart",
    [("before", "manual"), ("after", "manual"), ("after", "supervised")],
)
def test_server_killed_mid_batch_loses_and_doubles_nothing(district, tmp_path, when, restart):
    a = _prepare(district)
    me = a.ctx.station_id
    _rows0, muts0 = _server(district, me)
    assert len(muts0) == 2
    proc = ServerProcess(
        district.url,
        env={"STATIONDESK_CRASH_AT_PUSH": f"{CRASH_AT}:{when}"},
        log=tmp_path / "server.log",
    )
    try:
        with a.engine.begin() as conn:
            local.write_setting(conn, local.SERVER_URL, proc.url)

        if restart == "manual":
            with pytest.raises(commands.SyncError):
                a.sync(batch_size=BATCH)  # no back-off: the dead server is given up on
            assert proc.wait_dead() == 17
            # the batch in flight is stored whole (after COMMIT) or not at all (before)
            committed = CRASH_AT if when == "after" else CRASH_AT - 1
            _rows, muts = _server(district, me)
            assert len(muts) == 2 + committed * BATCH
            assert a.outbox_states() == {
                "done": 2 + (CRASH_AT - 1) * BATCH,
                "pending": 3 * MEMBERS + EDITS - (CRASH_AT - 1) * BATCH,
            }
            proc.start()  # same database, same port, no crash hook
            result = a.sync(batch_size=BATCH)
        else:
            # a supervisor (systemd) restarts the server while the client is backing off;
            # one sync call rides through the crash
            codes: list[int] = []

            def supervise() -> None:
                codes.append(proc.wait_dead())
                proc.start()

            watcher = threading.Thread(target=supervise, daemon=True)
            watcher.start()
            result = commands.sync_now(a.engine, batch_size=BATCH, backoff=0.25, retries=8)
            watcher.join(60)
            assert not watcher.is_alive() and proc.alive() and codes == [17]

        expected = {"applied": 3 * MEMBERS + EDITS - (BATCH if when == "after" else 0)}
        if when == "after":
            expected["duplicate"] = BATCH  # the batch stored before the crash, re-sent
        if restart == "manual":
            expected["applied"] -= (CRASH_AT - 1) * BATCH  # pushed before the crash
        assert result.statuses == expected

        outbox = _outbox(a)
        assert {state for *_x, state in outbox} == {"done"}  # the outbox is empty
        rows, muts = _server(district, me)
        # each mutation recorded exactly once, and applied (never as a second copy)
        assert set(muts) == {mid for mid, *_x in outbox} and len(muts) == len(outbox)
        assert set(muts.values()) == {"applied"}
        per_row = Counter((entity, row_id) for _mid, entity, row_id, _s in outbox)
        assert {key: version for key, (version, _d) in rows.items()} == dict(per_row)
        # both sides hold the same records with the same content
        for cls, entity in (
            (Member, "member"),
            (ReliefDistribution, "relief"),
            (Receipt, "receipt"),
        ):
            mine = a.snapshot(cls, me)
            theirs = {row_id: data for (e, row_id), (_v, data) in rows.items() if e == entity}
            assert set(mine) == set(theirs), entity
            assert len(mine) == MEMBERS
            for row_id, data in mine.items():
                for key in ("version", "station_id", "phone", "employer", "cash_fen", "number"):
                    if key in data:
                        assert theirs[row_id][key] == data[key], (entity, key)
        numbers = [data["number"] for (e, _i), (_v, data) in rows.items() if e == "receipt"]
        assert len(set(numbers)) == len(numbers) == MEMBERS
        assert {r.number for r in a.rows(Receipt)} == set(numbers)
        edited = [d for (e, _i), (v, d) in rows.items() if e == "member" and v == 2]
        assert len(edited) == EDITS and {d["employer"] for d in edited} == {"改过的单位"}
        again = a.sync()
        assert again.pushed == 0 and again.pulled == 0
    finally:
        proc.stop()
