"""The district's own value for a conflict passes the rules a station's push would:
`stationdesk-server conflicts resolve --value` refuses a malformed phone (naming the field) and
leaves the conflict open; a good value closes it at both stations."""

from __future__ import annotations

import pytest

from desktop.models import Conflict, Member
from desktop.services import members as member_service
from server import cli as server_cli
from server import conflicts

from .harness import add_member


def _edit(st, member_id, phone):
    data = member_service.MemberInput.from_member(member_service.get_member(st.ctx, member_id))
    data.phone = phone
    member_service.update_member(st.ctx, member_id, data)


@pytest.mark.parametrize("district", ["sqlite"], indirect=True)
def test_a_malformed_value_from_the_district_is_refused_and_the_conflict_stays_open(district):
    a, b = district.station(1), district.station(2)
    m = add_member(a, 12)
    a.sync()
    b.sync()
    _edit(a, m.id, "13900000001")
    _edit(b, m.id, "13900000002")
    for st in (a, b, a):
        st.sync()
    (conflict,) = [c for c in a.rows(Conflict) if c.resolved_at is None]
    args = ["--db", district.url, "conflicts", "resolve", conflict.id]
    with pytest.raises(SystemExit, match="手机号"):
        server_cli.main([*args, "--value", "1390000"])
    open_ = conflicts.listing(district.engine)  # still open, the member unchanged
    assert len(open_) == 1 and open_[0]["current"] in ("13900000001", "13900000002")
    assert server_cli.main([*args, "--value", "13900000003"]) == 0
    for st in (a, b):
        st.sync()
        assert {x.phone for x in st.rows(Member)} == {"13900000003"}
        assert all(c.resolved_at is not None for c in st.rows(Conflict))
