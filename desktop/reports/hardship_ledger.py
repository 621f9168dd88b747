"""The .xlsx ledger of hardship files (困难职工档案台账), written by reports/ledgers.py's writer:
amounts as numbers in yuan, dates as dates, ID numbers masked unless the caller asks otherwise."""

from __future__ import annotations

import os
from pathlib import Path

from ..services import hardship_queries as hq
from ..services.context import Ctx
from .ledgers import LEDGERS, Column, write_ledger

KIND = "hardship_files"
# registered beside the station's other ledgers (members, visits, relief, logs)
LEDGERS[KIND] = ("困难职工档案台账", [
    Column("档案编号", "file_no", 22), Column("户主", "name", 10),
    Column("身份证号", "id_number", 21, "id_number"), Column("困难类别", "category", 10),
    Column("状态", "status", 10), Column("家庭人口", "size", 9, "int"),
    Column("家庭年收入（元）", "income_fen", 16, "money"),
    Column("刚性支出（元/年）", "rigid_fen", 16, "money"), Column("致困原因", "causes", 18),
    Column("申请日期", "applied_on", 12, "date"), Column("建档日期", "established_on", 12, "date"),
    Column("下次年审", "review_due", 12, "date"), Column("脱困/注销日期", "closed_on", 14, "date"),
    Column("原因", "close_reason", 18), Column("帮扶发放合计（元）", "paid_fen", 18, "money"),
])  # fmt: skip


def write_hardship_ledger(ctx: Ctx, out_path: str | os.PathLike[str]) -> Path:
    """Every file of the station, ID numbers masked."""
    return write_ledger(KIND, hq.ledger_rows(ctx), out_path)
