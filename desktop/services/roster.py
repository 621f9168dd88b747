"""Member roster import (.xlsx / .csv with Chinese headers): preview first, then apply.

Nothing is written until the user confirms; the apply is one transaction (all rows or none).
Importing the same file again adds no one: members are matched by ID number.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlmodel import col, select

from ..models import Member
from .context import Ctx
from .errors import Cancelled, UserFacingError
from .members import FIELD_LABELS, MemberInput, clean, fill_search_fields
from .uow import transaction

HEADERS = {
    "姓名": "name",
    "身份证号": "id_number",
    "身份证号码": "id_number",
    "证件号码": "id_number",
    "公民身份号码": "id_number",
    "性别": "gender",
    "手机号": "phone",
    "手机号码": "phone",
    "手机": "phone",
    "联系电话": "phone",
    "电话": "phone",
    "工作单位": "employer",
    "单位": "employer",
    "职业群体": "job_group",
    "职业": "job_group",
    "会籍状态": "membership_status",
    "困难类别": "hardship_category",
    "困难档案号": "hardship_file_no",
    "银行账号": "bank_account",
    "住址": "address",
    "地址": "address",
    "家庭住址": "address",
    "备注": "notes",
}
REQUIRED = ("name", "id_number")
CHUNK = 2000


@dataclass(frozen=True)
class BadRow:
    row: int  # as numbered in the spreadsheet (header is row 1)
    reason: str
    name: str = ""


@dataclass
class ImportPreview:
    path: str
    new: list[dict[str, Any]] = field(default_factory=list)  # cleaned values
    updates: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (member id, values)
    unchanged: int = 0
    bad: list[BadRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def good_count(self) -> int:
        return len(self.new) + len(self.updates) + self.unchanged


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    unchanged: int
    bad: int


def _rows(path: Path) -> Iterator[list[Any]]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        workbook = load_workbook(path, read_only=True, data_only=True)
        try:
            yield from (list(r) for r in workbook.active.iter_rows(values_only=True))  # type: ignore[union-attr]
        finally:
            workbook.close()
    elif suffix in (".csv", ".txt"):
        raw = path.read_bytes()
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise UserFacingError("无法识别 CSV 文件的编码（请保存为 UTF-8 或 GBK）")
        yield from csv.reader(io.StringIO(text))
    else:
        raise UserFacingError(f"不支持的文件类型“{path.suffix}”，请使用 .xlsx 或 .csv")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel turns long digit runs into numbers
    return str(value).strip()


def preview_import(ctx: Ctx, path: str | Path) -> ImportPreview:
    """Read and check every row; report bad rows by row number. Writes nothing."""
    path = Path(path)
    if not path.exists():
        raise UserFacingError(f"文件不存在：{path}")
    rows = _rows(path)
    header = next(rows, None)
    if header is None:
        raise UserFacingError("文件是空的")
    columns: dict[int, str] = {}
    for index, title in enumerate(header):
        key = HEADERS.get(_cell(title).replace(" ", "").replace("*", ""))
        if key and key not in columns.values():
            columns[index] = key
    missing = [FIELD_LABELS[k] for k in REQUIRED if k not in columns.values()]
    if missing:
        raise UserFacingError("表头缺少必填列：" + "、".join(missing) + "（第 1 行应为列名）")
    with ctx.read() as session:
        existing = {m.id_number: m for m in session.exec(select(Member))}
    preview = ImportPreview(str(path))
    seen: dict[str, int] = {}
    for row_no, values in enumerate(rows, start=2):
        record = {key: _cell(values[i]) if i < len(values) else "" for i, key in columns.items()}
        if not any(record.values()):
            continue
        gender = record.pop("gender", "")
        try:
            cleaned = clean(MemberInput(**record))  # type: ignore[arg-type]
        except UserFacingError as exc:
            preview.bad.append(BadRow(row_no, _reason(exc), record.get("name", "")))
            continue
        if gender and {"男": "male", "女": "female"}.get(gender, gender) != cleaned["gender"]:
            preview.bad.append(BadRow(row_no, f"性别“{gender}”与身份证号不符", cleaned["name"]))
            continue
        number = cleaned["id_number"]
        if number in seen:
            preview.bad.append(
                BadRow(row_no, f"身份证号与第 {seen[number]} 行重复", cleaned["name"])
            )
            continue
        seen[number] = row_no
        member = existing.get(number)
        if member is None:
            preview.new.append(cleaned)
            continue
        given = {k: v for k, v in cleaned.items() if k in record or k in ("id_number", "name")}
        changed = {
            k: v for k, v in given.items() if getattr(member, k) != v and v not in ("", None)
        }
        if changed:
            preview.updates.append((member.id, changed))
        else:
            preview.unchanged += 1
    return preview


def _reason(exc: UserFacingError) -> str:
    errors = getattr(exc, "errors", None)
    if errors:
        return "；".join(f"{FIELD_LABELS.get(k, k)}：{v}" for k, v in errors.items())
    return exc.message


def apply_import(
    ctx: Ctx,
    preview: ImportPreview,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    """Write the good rows of a preview in one transaction; a cancel leaves nothing written."""
    from .bulk import insert_members, member_rows

    ctx.require_write()
    total = len(preview.new) + len(preview.updates)
    done = 0
    with transaction(ctx) as unit:
        for start in range(0, len(preview.new), CHUNK):
            if cancelled and cancelled():
                raise Cancelled()
            chunk = preview.new[start : start + CHUNK]
            numbers = [v["id_number"] for v in chunk]
            clash = unit.session.exec(
                select(Member.name).where(col(Member.id_number).in_(numbers))
            ).first()
            if clash:
                raise UserFacingError(f"导入期间会员“{clash}”已被登记，请重新预览后再导入")
            insert_members(unit, member_rows(ctx.station_id, chunk))
            done += len(chunk)
            if progress:
                progress(done, total)
        for member_id, changed in preview.updates:
            if cancelled and cancelled():
                raise Cancelled()
            member = unit.session.get(Member, member_id)
            if member is None:
                continue
            base = {k: getattr(member, k) for k in changed}
            for key, value in changed.items():
                setattr(member, key, value)
            fill_search_fields(member)
            unit.save(member, base=base)
            done += 1
        if progress:
            progress(done, total)
        unit.audit(
            "member.import",
            "member",
            "",
            added=len(preview.new),
            updated=len(preview.updates),
            file=Path(preview.path).name,
        )
    return ImportResult(len(preview.new), len(preview.updates), preview.unchanged, len(preview.bad))
