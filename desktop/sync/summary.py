"""The month-close summary, computed the same way by the station and by the district server.

One function on both sides means a mismatch is a difference in the data, never in the
arithmetic. The station's month close should store period_summary(...) in MonthClose.totals;
the server recomputes it from what it holds and names every key that differs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

SUMMARY_LABELS = {
    "relief_count": "发放笔数",
    "cash_fen": "现金合计（分）",
    "goods_value_fen": "物资合计（分）",
    "by_program": "分项目合计",
    "receipt_first": "首张收据号",
    "receipt_last": "末张收据号",
    "voided_numbers": "作废收据号",
}


def period_summary(
    relief: Iterable[Mapping[str, Any]], receipts: Iterable[Mapping[str, Any]]
) -> dict[str, Any]:
    """Counts and sums of a station's month: voided distributions do not count."""
    count = cash = goods = 0
    by_program: dict[str, dict[str, int]] = {}
    for row in relief:
        if row.get("deleted") or row.get("status") == "voided":
            continue
        count += 1
        cash += int(row.get("cash_fen") or 0)
        goods += int(row.get("goods_value_fen") or 0)
        item = by_program.setdefault(
            str(row.get("program_id")), {"count": 0, "cash_fen": 0, "goods_value_fen": 0}
        )
        item["count"] += 1
        item["cash_fen"] += int(row.get("cash_fen") or 0)
        item["goods_value_fen"] += int(row.get("goods_value_fen") or 0)
    numbers = sorted(
        (str(r.get("number")), bool(r.get("voided"))) for r in receipts if not r.get("deleted")
    )
    return {
        "relief_count": count,
        "cash_fen": cash,
        "goods_value_fen": goods,
        "by_program": dict(sorted(by_program.items())),
        "receipt_first": numbers[0][0] if numbers else "",
        "receipt_last": numbers[-1][0] if numbers else "",
        "voided_numbers": [n for n, voided in numbers if voided],
    }


def station_claims(month_close: Mapping[str, Any]) -> dict[str, Any]:
    """What the station says about its month: its totals plus the receipt range fields."""
    claims = dict(month_close.get("totals") or {})
    for key in ("receipt_first", "receipt_last", "voided_numbers"):
        if key in month_close and key not in claims:
            claims[key] = month_close[key]
    return claims


def differences(claimed: Mapping[str, Any], computed: Mapping[str, Any]) -> list[str]:
    """Chinese lines naming each difference; keys the station did not send are not judged."""
    lines = []
    for key, value in computed.items():
        if key in claimed and claimed[key] != value:
            label = SUMMARY_LABELS.get(key, key)
            lines.append(f"{label}：服务站 {claimed[key]}，区里 {value}")
    return lines
