"""Ledgers (台账) as .xlsx: members, visits, relief and station log of a period.

Why write-only openpyxl and typed cells: a district asks for 10,000-row ledgers, and finance
re-adds the amounts, so amounts are numbers in yuan with format 0.00 (not text), dates are
dates. Sensitive columns (ID number, phone, bank account, hardship) are masked unless the caller
passes unmasked=True, which the service layer audits (个人信息保护法: export only what is needed).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from contract.idnumber import mask

from ..services.search import mask_phone

# kinds: text, int, date, money (int fen in, yuan number out), and the sensitive ones
SENSITIVE = {"id_number", "phone", "bank", "hardship"}


@dataclass(frozen=True)
class Column:
    header: str
    key: str
    width: float
    kind: str = "text"


LEDGERS: dict[str, tuple[str, list[Column]]] = {
    "members": ("会员台账", [
        Column("姓名", "name", 10), Column("性别", "gender", 6), Column("出生日期", "birth_date", 12, "date"),
        Column("身份证号", "id_number", 21, "id_number"), Column("手机号", "phone", 14, "phone"),
        Column("工作单位", "employer", 28), Column("职业群体", "job_group", 12),
        Column("会员状态", "membership_status", 10), Column("困难类别", "hardship", 11, "hardship"),
        Column("困难档案号", "hardship_file_no", 14, "hardship"),
        Column("银行账号", "bank_account", 24, "bank"), Column("敏感信息同意日期", "consent_sensitive_on", 16, "date"),
        Column("公示同意日期", "consent_disclosure_on", 14, "date"), Column("登记日期", "created_on", 12, "date"),
    ]),
    "visits": ("走访台账", [
        Column("走访日期", "visited_on", 12, "date"), Column("走访类型", "type", 13),
        Column("走访对象", "members", 24), Column("人数", "people", 6, "int"), Column("经办人", "staff", 10),
        Column("走访目的", "purpose", 28), Column("走访情况", "findings", 40),
        Column("需回访", "followup", 8), Column("回访期限", "followup_due", 12, "date"),
        Column("回访完成", "followup_done_on", 12, "date"),
    ]),
    "relief": ("帮扶发放台账", [
        Column("发放日期", "issued_on", 12, "date"), Column("收据号", "receipt", 24),
        Column("姓名", "name", 10), Column("身份证号", "id_number", 21, "id_number"),
        Column("帮扶项目", "program", 22), Column("现金（元）", "cash_fen", 12, "money"),
        Column("物资折价（元）", "goods_value_fen", 14, "money"), Column("合计（元）", "total_fen", 12, "money"),
        Column("物资明细", "goods", 28), Column("经办人", "handler", 10), Column("审核人", "reviewer", 10),
        Column("状态", "status", 8), Column("作废原因", "void_reason", 20),
    ]),
    "logs": ("工作日志台账", [
        Column("日期", "log_date", 12, "date"), Column("记录人", "staff", 10), Column("类别", "category", 12),
        Column("咨询主题", "topic", 10), Column("接待人次", "visitors", 9, "int"),
        Column("咨询次数", "consultations", 9, "int"), Column("调解件数", "mediations", 9, "int"),
        Column("涉及职工", "workers_involved", 9, "int"),
        Column("追回金额（元）", "amount_recovered_fen", 14, "money"),
        Column("新发展会员", "new_members", 10, "int"), Column("职业群体", "job_group", 10),
        Column("驿站服务", "services", 9, "int"), Column("内容", "text", 40),
    ]),
}  # fmt: skip


def mask_bank(account: str) -> str:
    account = "".join((account or "").split())
    return "" if not account else "*" * max(len(account) - 4, 0) + account[-4:]


def _value(column: Column, raw: Any, unmasked: bool) -> Any:
    if raw is None or raw == "":
        return None
    kind = column.kind
    if kind in SENSITIVE and not unmasked:
        if kind == "id_number":
            return mask(str(raw))
        if kind == "bank":
            return mask_bank(str(raw))
        if kind == "phone":
            return mask_phone(str(raw))  # as the member list shows it: 138****8000
        return "***"  # hardship: the category itself is sensitive
    if kind == "money":
        # a float in yuan: Excel holds doubles anyway, and 0.00 shows the exact fen
        return int(raw) / 100
    if kind == "date" and isinstance(raw, str):
        return dt.date.fromisoformat(raw[:10])
    if kind == "date" and isinstance(raw, dt.datetime):
        return raw.date()
    return raw


def write_ledger(
    kind: str,
    rows: Iterable[dict[str, Any]],
    out_path: str | os.PathLike[str],
    *,
    unmasked: bool = False,
    subtitle: str = "",
    progress: Callable[[int], None] | None = None,
) -> Path:
    """Write one ledger sheet to out_path (.xlsx); rows are dicts keyed by the columns' keys."""
    title, columns = LEDGERS[kind]
    wb = Workbook(write_only=True)
    ws: WriteOnlyWorksheet = wb.create_sheet(title)
    ws.freeze_panes = "A2"
    for index, column in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(index)].width = column.width
    header_font = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="DDDDDD")
    header = []
    for column in columns:
        cell = WriteOnlyCell(ws, value=column.header)
        cell.font = header_font
        cell.fill = header_fill
        cell.alignment = Alignment(horizontal="center", vertical="center")
        header.append(cell)
    ws.append(header)
    money_cols = {i for i, c in enumerate(columns) if c.kind == "money"}
    date_cols = {i for i, c in enumerate(columns) if c.kind == "date"}
    for count, row in enumerate(rows, start=1):
        out: list[Any] = []
        for i, column in enumerate(columns):
            value = _value(column, row.get(column.key), unmasked)
            if value is not None and (i in money_cols or i in date_cols):
                cell = WriteOnlyCell(ws, value=value)
                cell.number_format = "0.00" if i in money_cols else "yyyy-mm-dd"
                value = cell
            out.append(value)
        ws.append(out)
        if progress is not None and count % 1000 == 0:
            progress(count)
    if subtitle:
        wb.properties.title = f"{title} {subtitle}"
    out_file = Path(out_path)
    out_file.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out_file)
    return out_file
