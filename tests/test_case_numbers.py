"""A case is found by the number a person reads in the list: the full number, or the short one
without the station's code (2026-T0001), as `stationdesk case status 2026-T0001 受理` takes it."""

from __future__ import annotations

import pytest

from desktop.services import case_queries, cases
from desktop.services.errors import NotFound


def test_a_case_is_found_by_its_full_or_short_number_and_nothing_else(ctx):
    case = cases.open_case(
        ctx,
        cases.CaseInput(
            source="来访", employer="某某物流有限公司", dispute_type="欠薪",
            workers=[cases.WorkerInput(name="李娜", phone="13800138000")],
            received_on="2026-11-16",
        ),
    )  # fmt: skip
    assert case.case_no == "4401060001-2026-T0001"
    for key in ("4401060001-2026-T0001", "2026-T0001", " 2026-T0001 ", case.id):
        assert case_queries.find_case(ctx, key).id == case.id
    for key in ("T0001", "2026-T000", "2026-T00%1", "2026-T0002"):
        with pytest.raises(NotFound):
            case_queries.find_case(ctx, key)
