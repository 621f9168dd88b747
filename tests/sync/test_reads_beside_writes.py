"""A pull or a token check never waits for a push (on SQLite, reads take no write lock), and
never sees a push's rows before it commits (the pull's cursor rule)."""

from __future__ import annotations

import threading
import time

from sqlalchemy import select

from contract.protocol import PullRequest, PushRequest
from desktop.sync import local
from server.auth import station_for_token
from server.db import station
from server.pull import pull_page
from server.push import StationAuth, apply_push

from .harness import District, add_member


def test_pull_runs_beside_a_push_and_does_not_see_it_before_commit(district: District) -> None:
    a, b = district.station(1), district.station(2)
    for n in range(5):
        add_member(a, n)
    _seqs, body = local.pending_batch(a.engine, 100)
    push = PushRequest.model_validate_json(body)
    with district.engine.connect() as conn:
        rows = {r.code: r for r in conn.execute(select(station))}
    auth_a = StationAuth(rows[a.code].id, rows[a.code].district_id, a.code)
    auth_b = StationAuth(rows[b.code].id, rows[b.code].district_id, b.code)

    inside, release = threading.Event(), threading.Event()

    def hold() -> None:
        inside.set()
        assert release.wait(30)

    pusher = threading.Thread(
        target=apply_push, args=(district.engine, auth_a, push), kwargs={"before_commit": hold}
    )
    pusher.start()
    try:
        assert inside.wait(20)
        started = time.monotonic()
        page = pull_page(district.engine, auth_b, PullRequest(cursor=0, limit=1000))
        waited = time.monotonic() - started
        token_ok = True
        try:
            station_for_token(district.engine, "not-a-token")
        except Exception:  # noqa: BLE001 - refused, and answered without waiting: that is the point
            token_ok = time.monotonic() - started < 5
    finally:
        release.set()
        pusher.join(20)
    assert waited < 5, f"the pull waited {waited:.1f} s for the push"
    assert token_ok
    assert b'"entity":"member"' not in page  # the uncommitted members are not in the page
    after = pull_page(district.engine, auth_b, PullRequest(cursor=0, limit=1000))
    assert after.count(b'"entity":"member"') == 5
