"""The month-close summary: one function for both sides.

The station (desktop.services.monthclose.summarise) and the district server
(server.derived) each fetch the month's live rows as plain dicts and call period_summary, so
a mismatch always means a difference in the data, never in the arithmetic.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

SUMMARY_LABELS = {
    "relief": "发放合计",
    "by_program": "分项目合计",
    "visits": "走访次数",
    "log_entries": "工作日志条数",
    "receipts": "收据（张数、首末号、作废号）",
}
COUNTED = ("issued",)


def period_summary(
    period: str,
    relief: Iterable[Mapping[str, Any]],
    receipts: Iterable[Mapping[str, Any]],
    *,
    visits: int,
    log_entries: int,
    program_codes: Mapping[str, str],
) -> dict[str, Any]:
    """Counts and sums of a station's month; voids do not count, adjustments add money only."""
    total = {"count": 0, "cash_fen": 0, "goods_value_fen": 0}
    by_program: dict[str, dict[str, int]] = {}
    for row in relief:
        if row.get("deleted") or row.get("status") == "void":
            continue
        code = program_codes.get(str(row.get("program_id")), str(row.get("program_id")))
        slot = by_program.setdefault(code, {"count": 0, "cash_fen": 0, "goods_value_fen": 0})
        for bucket in (slot, total):
            bucket["count"] += 1 if row.get("status") in COUNTED else 0
            bucket["cash_fen"] += int(row.get("cash_fen") or 0)
            bucket["goods_value_fen"] += int(row.get("goods_value_fen") or 0)
    issued = sorted(
        (r for r in receipts if not r.get("deleted")), key=lambda r: int(r.get("serial") or 0)
    )
    return {
        "period": period,
        "relief": total,
        "by_program": dict(sorted(by_program.items())),
        "visits": visits,
        "log_entries": log_entries,
        "receipts": {
            "count": len(issued),
            "first": str(issued[0].get("number")) if issued else "",
            "last": str(issued[-1].get("number")) if issued else "",
            "voided": [str(r.get("number")) for r in issued if r.get("voided")],
        },
    }


def differences(claimed: Mapping[str, Any], computed: Mapping[str, Any]) -> list[str]:
    """Chinese lines naming each difference between the station's totals and the server's."""
    lines = []
    for key, label in SUMMARY_LABELS.items():
        if claimed.get(key) != computed.get(key):
            lines.append(f"{label}：服务站 {claimed.get(key)}，区里 {computed.get(key)}")
    return lines
