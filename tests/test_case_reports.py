"""The monthly report's mediation and new-member lines come from the case and intake records;
the work log's typed counts are shown apart (issue 17)."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from sqlmodel import Session

from desktop.reports.monthly import build_month_summary, render_monthly
from desktop.services import cases, intake, logs


def _case(ctx, received: str, workers: int) -> str:
    case = cases.open_case(
        ctx,
        cases.CaseInput(
            source="来访",
            employer="某某物流有限公司",
            dispute_type="欠薪",
            workers=[cases.WorkerInput(name=f"职工{i}") for i in range(workers)],
            received_on=received,
        ),
    )
    return case.id


def _seed(ctx) -> None:
    ctx.today_fn = lambda: dt.date(2026, 10, 30)
    early = _case(ctx, "2026-10-20", 2)
    cases.move(ctx, early, "受理", on="2026-10-21")
    ctx.today_fn = lambda: dt.date(2026, 11, 20)
    wage = _case(ctx, "2026-11-16", 3)
    cases.move(ctx, wage, "受理", on="2026-11-17")
    cases.record_recovered(ctx, wage, "36000")
    cases.move(ctx, wage, "达成协议", on="2026-11-19", terms="一次付清")
    cases.move(ctx, wage, "结案", on="2026-11-20")  # closing later does not count it again
    cases.move(ctx, early, "调解不成转仲裁", on="2026-11-05")
    intake.register(
        ctx,
        intake.IntakeInput(
            name="陈小明", id_number="440524188001010014", joint_union="快递物流行业联合工会",
            job_group="外卖骑手", on_date="2026-11-18",
        ),
    )  # fmt: skip
    logs.add_log(
        ctx,
        logs.LogInput(category="劳资纠纷调解", log_date="2026-11-10", mediations=1,
                      workers_involved=4, amount_recovered_fen=120000, new_members=2,
                      job_group="快递员"),
    )  # fmt: skip


def test_month_lines_from_records_and_log_counts_apart(ctx, tmp_path: Path):
    _seed(ctx)
    with Session(ctx.engine) as s:
        october = build_month_summary(s, ctx.station_id, "2026-10")
        summary = build_month_summary(s, ctx.station_id, "2026-11")
    assert october["cases"]["accepted"] == 1 and october["cases"]["concluded"] == 0
    c = summary["cases"]
    assert (c["accepted"], c["concluded"], c["agreed"], c["arbitration"]) == (1, 2, 1, 1)
    assert (c["workers"], c["recovered_fen"]) == (5, 3_600_000)
    assert summary["intake"]["rows"] == [
        {"job_group": "food_delivery", "label": "外卖骑手", "count": 1}
    ]
    assert summary["mediations"] == {"cases": 1, "workers": 4, "recovered_fen": 120000}
    path = tmp_path / "m.pdf"
    path.write_bytes(render_monthly(summary, prepared_on=dt.date(2026, 11, 30)))
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "36,000.00" in text and "外卖骑手" in text
    assert "工作日志登记的来访调解（未立个案）1 件" in text
    assert "工作日志登记的新发展会员 2 人（快递员 2 人）" in text
