"""The sync page shows pulled records the station set aside, with the reason."""

from __future__ import annotations

import datetime as dt
import uuid

from contract.wire import Change, PullResponse
from desktop.sync import local


def test_a_set_aside_record_is_listed_with_its_reason(qtbot, state):
    from desktop.ui.sync_page import SyncPage

    poison = str(uuid.uuid4())
    page_of_one = PullResponse(
        changes=[
            Change(
                entity="relief",
                id=poison,
                station_id="another-station",
                version=1,
                deleted=False,
                data={"id": poison, "station_id": "another-station"},
            )
        ],
        next_cursor=7,
        has_more=False,
        server_time=dt.datetime.now(dt.UTC),
    )
    local.apply_page(state.engine, page_of_one)  # as a pull applies it: no exception
    assert local.read_setting(state.engine, local.CURSOR) == "7"  # the cursor moved on
    page = SyncPage(state)
    qtbot.addWidget(page)
    page.show()
    rows = [
        [page.records.topLevelItem(i).text(c) for c in range(6)]
        for i in range(page.records.topLevelItemCount())
    ]
    shown = [row for row in rows if row[2] == poison[-8:]]
    assert len(shown) == 1, rows
    assert "搁置" in shown[0][3] and "无法" in shown[0][5]
