from __future__ import annotations

import csv

import pytest
from openpyxl import Workbook
from sqlmodel import select

from contract.protocol import DERIVED_FIELDS
from desktop.models import Member, Outbox
from desktop.services import roster
from desktop.services.errors import Cancelled, UserFacingError
from desktop.services.uow import record_payload

HEADER = ["序号", "姓名", "性别", "身份证号", "手机号", "工作单位", "职业群体"]


def _xlsx(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


GOOD = [
    [1, "张三", "男", "440524188001010014", "13800138000", "顺丰速运", "快递员"],
    [2, "李四", "女", "11010519491231002X", "", "美团", "外卖骑手"],
]


def test_preview_reports_bad_rows_by_number_and_writes_nothing(ctx, tmp_path):
    path = _xlsx(
        tmp_path / "r.xlsx",
        GOOD
        + [
            [3, "王五", "男", "440524188001010015", "", "", ""],  # bad check character
            [4, "赵六", "女", "11010519491231002X", "", "", ""],  # duplicate of row 3 of file
            [5, "", "男", "110105491231003", "", "", ""],  # no name
            [6, "钱七", "女", "440524188001010014", "12345", "", ""],  # bad phone
            [7, "孙八", "女", "110105491231003", "", "", "飞行员"],  # unknown job group
        ],
    )
    preview = roster.preview_import(ctx, path)
    assert len(preview.new) == 2
    reasons = {bad.row: bad.reason for bad in preview.bad}
    assert set(reasons) == {4, 5, 6, 7, 8}
    assert "校验位" in reasons[4]
    assert "第 3 行重复" in reasons[5]
    assert "姓名" in reasons[6]
    assert "手机号" in reasons[7]
    assert "职业群体" in reasons[8]
    with ctx.read() as s:
        assert s.exec(select(Member)).all() == []


def test_apply_then_reimport_adds_no_duplicates(ctx, tmp_path):
    path = _xlsx(tmp_path / "r.xlsx", GOOD)
    result = roster.apply_import(ctx, roster.preview_import(ctx, path))
    assert (result.added, result.updated) == (2, 0)
    again = roster.preview_import(ctx, path)
    assert (len(again.new), len(again.updates), again.unchanged) == (0, 0, 2)
    roster.apply_import(ctx, again)
    with ctx.read() as s:
        members = s.exec(select(Member)).all()
    assert len(members) == 2
    assert {m.pinyin_initials for m in members} == {"zs", "ls"}
    with ctx.read() as s:
        sent = [
            set(o.payload["record"])
            for o in s.exec(select(Outbox).where(Outbox.entity == "member")).all()
        ]
    # an imported member is pushed as one saved by hand is: no derived search keys
    assert len(sent) == 2 and all(
        keys == set(record_payload(members[0])) - DERIVED_FIELDS for keys in sent
    )


def test_csv_in_gbk_and_updates(ctx, tmp_path):
    path = tmp_path / "r.csv"
    with open(path, "w", encoding="gb18030", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(GOOD)
    roster.apply_import(ctx, roster.preview_import(ctx, path))
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerow(
            [1, "张三", "男", "440524188001010014", "13900001111", "顺丰速运", "快递员"]
        )
    preview = roster.preview_import(ctx, path)
    assert len(preview.updates) == 1 and preview.updates[0][1] == {"phone": "13900001111"}


def test_missing_header_and_cancel_leave_nothing(ctx, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("名字,号码\n张三,1\n", encoding="utf-8")
    with pytest.raises(UserFacingError) as err:
        roster.preview_import(ctx, bad)
    assert "姓名" in err.value.message and "身份证号" in err.value.message
    preview = roster.preview_import(ctx, _xlsx(tmp_path / "r.xlsx", GOOD))
    with pytest.raises(Cancelled):
        roster.apply_import(ctx, preview, cancelled=lambda: True)
    with ctx.read() as s:
        assert s.exec(select(Member)).all() == []
