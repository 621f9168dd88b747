"""Member roster import (.xlsx / .csv with Chinese headers): preview first, then apply.

Nothing is written until the user confirms; the apply is one transaction (all rows or none).
Importing the same file again adds no one: members are matched by ID number.
"""

from __future__ import annotations

import csv
import io
import zipfile
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
    "职工类别": "job_group",
    "职业类别": "job_group",
    "人员类别": "job_group",
    "工种": "job_group",
    "新就业形态": "job_group",
    "就业形态": "job_group",
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
MAX_WARNED = 2000  # rows with notes listed one by one; beyond that only counted
# the words rosters use for the job groups, beside the labels the app itself shows
JOB_WORDS = {
    "卡车司机": "truck_driver",
    "货运司机": "truck_driver",
    "快递": "courier",
    "快递小哥": "courier",
    "快递员": "courier",
    "外卖员": "food_delivery",
    "外卖": "food_delivery",
    "外卖送餐员": "food_delivery",
    "送餐员": "food_delivery",
    "网约车": "ride_hailing",
    "网约车驾驶员": "ride_hailing",
    "家政": "domestic",
    "家政员": "domestic",
    "家政工": "domestic",
    "环卫": "sanitation",
    "环卫工": "sanitation",
    "保安": "security",
    "其它": "other",
}


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
    warnings: list[str] = field(default_factory=list)  # about the file as a whole
    warned: list[BadRow] = field(default_factory=list)  # rows imported, with something to check
    warned_count: int = 0  # rows with notes, including those past MAX_WARNED

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
        yield from _xlsx_rows(path)
    elif suffix in (".csv", ".txt"):
        yield from csv.reader(io.StringIO(_csv_text(path)))
    else:
        raise UserFacingError(f"不支持的文件类型“{path.suffix}”，请使用 .xlsx 或 .csv")


def _xlsx_rows(path: Path) -> Iterator[list[Any]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, EOFError):
        raise UserFacingError(_not_xlsx(path)) from None
    try:
        yield from (list(r) for r in workbook.active.iter_rows(values_only=True))  # type: ignore[union-attr]
    finally:
        workbook.close()


def _not_xlsx(path: Path) -> str:
    """Say what the file seems to be instead: old .xls, CSV text, or something else."""
    with path.open("rb") as fh:
        head = fh.read(4096)
    what = "不是 Excel 表格（.xlsx），可能是改了扩展名的其他文件或已损坏"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        what = "是旧版 Excel（.xls）格式"
    elif head and b"\x00" not in head and _decodes(head[:-4] if len(head) == 4096 else head):
        what = "是文本（CSV）文件，只是扩展名写成了 .xlsx"
    return f"文件“{path.name}”{what}。请在 Excel 或 WPS 中打开后另存为 .xlsx 或 .csv 再导入"


def _decodes(raw: bytes) -> bool:
    for encoding in ("utf-8", "gb18030"):
        try:
            raw.decode(encoding)
            return True
        except UnicodeDecodeError:
            continue
    return False


def _csv_text(path: Path) -> str:
    raw = path.read_bytes()
    if raw.startswith(b"PK\x03\x04"):
        raise UserFacingError(
            f"文件“{path.name}”是 Excel 表格（.xlsx），不是 CSV 文本：请把扩展名改为 .xlsx 再导入"
        )
    if b"\x00" in raw[:4096]:
        raise UserFacingError(f"文件“{path.name}”不是文本（CSV）文件，请另存为 .xlsx 或 .csv")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UserFacingError("无法识别 CSV 文件的编码（请保存为 UTF-8 或 GBK）")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel turns long digit runs into numbers
    return str(value).strip()


def _columns(header: list[Any] | None) -> dict[int, str]:
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
    return columns


def preview_import(ctx: Ctx, path: str | Path) -> ImportPreview:
    """Read and check every row; report bad rows, and rows to look at, by row number.

    Writes nothing. Rows to look at are imported: an unknown region code in the ID number,
    values with spaces around them (imported without the spaces).
    """
    path = Path(path)
    if not path.exists():
        raise UserFacingError(f"文件不存在：{path}")
    rows = _rows(path)
    columns = _columns(next(rows, None))
    with ctx.read() as session:
        existing = {m.id_number: m for m in session.exec(select(Member))}
    preview = ImportPreview(str(path))
    seen: dict[str, int] = {}
    width = max(columns) + 1
    for row_no, values in enumerate(rows, start=2):
        if len(values) < width:
            values = list(values) + [None] * (width - len(values))
        record = {key: _cell(values[i]) for i, key in columns.items()}
        if not any(record.values()):
            continue
        notes = [  # text cells with spaces around them (imported without)
            f"{FIELD_LABELS[k]}前后有空格，已去掉空格"
            for i, k in columns.items()
            if record[k] and type(values[i]) is str and values[i] != record[k]
        ]
        cleaned = _check_row(preview, row_no, record, seen, notes)
        if cleaned is None:
            continue
        _sort_row(preview, cleaned, existing.get(cleaned["id_number"]), record)
        if notes:
            preview.warned_count += 1
            if len(preview.warned) < MAX_WARNED:
                preview.warned.append(BadRow(row_no, "；".join(notes), cleaned["name"]))
    if preview.warned_count:
        preview.warnings.append(f"有 {preview.warned_count} 行需要核对（仍会导入），见下方“提示”")
    return preview


def _check_row(
    preview: ImportPreview,
    row_no: int,
    record: dict[str, str],
    seen: dict[str, int],
    notes: list[str],
) -> dict[str, Any] | None:
    """The row's cleaned values, or None after recording why it cannot be imported."""
    gender = record.pop("gender", "")
    if record.get("job_group"):
        record["job_group"] = JOB_WORDS.get(record["job_group"], record["job_group"])
    data = MemberInput(**record)  # type: ignore[arg-type]
    try:
        cleaned = clean(data)
    except UserFacingError as exc:
        preview.bad.append(BadRow(row_no, _reason(exc), record.get("name", "")))
        return None
    if gender and {"男": "male", "女": "female"}.get(gender, gender) != cleaned["gender"]:
        preview.bad.append(BadRow(row_no, f"性别“{gender}”与身份证号不符", cleaned["name"]))
        return None
    number = cleaned["id_number"]
    if number in seen:
        preview.bad.append(BadRow(row_no, f"身份证号与第 {seen[number]} 行重复", cleaned["name"]))
        return None
    seen[number] = row_no
    notes[:0] = data.warnings  # an unknown region code first
    return cleaned


def _sort_row(
    preview: ImportPreview, cleaned: dict[str, Any], member: Member | None, record: dict[str, str]
) -> None:
    """New member, update of the fields the file gives, or unchanged."""
    if member is None:
        preview.new.append(cleaned)
        return
    given = {k: v for k, v in cleaned.items() if k in record or k in ("id_number", "name")}
    changed = {k: v for k, v in given.items() if getattr(member, k) != v and v not in ("", None)}
    if changed:
        preview.updates.append((member.id, changed))
    else:
        preview.unchanged += 1


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
