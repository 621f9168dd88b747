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


UNKNOWN_REGION = "990105194912310023"  # a valid check character, a region code that is not


def test_files_that_are_not_what_their_extension_says(ctx, tmp_path):
    cases = {
        "text.xlsx": ("姓名,身份证号\n张三,440524188001010014\n".encode(), "是文本（CSV）文件"),
        "old.xlsx": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "旧版 Excel（.xls）"),
        "junk.xlsx": (bytes(range(256)) * 4, "不是 Excel 表格（.xlsx）"),
        "empty.xlsx": (b"", "不是 Excel 表格（.xlsx）"),
        "image.csv": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "不是文本（CSV）文件"),
    }
    for name, (content, reason) in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(UserFacingError) as err:
            roster.preview_import(ctx, path)
        assert reason in err.value.message and name in err.value.message
    zipped = _xlsx(tmp_path / "real.xlsx", GOOD)
    renamed = tmp_path / "really-xlsx.csv"
    renamed.write_bytes(zipped.read_bytes())
    with pytest.raises(UserFacingError, match="请把扩展名改为 .xlsx"):
        roster.preview_import(ctx, renamed)


@pytest.mark.parametrize("title", ["职工类别", "职业群体", "工种", "新就业形态", "职业类别"])
def test_job_group_column_is_read_by_its_usual_names(ctx, tmp_path, title):
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "身份证号", title])
    ws.append(["张三", "440524188001010014", "外卖员"])
    ws.append(["李四", "11010519491231002X", "网约车司机"])
    ws.append(["王五", "110105491231003", "环卫"])
    ws.append(["赵六", "120105198612229385", "家政服务员"])
    wb.save(tmp_path / "r.xlsx")
    roster.apply_import(ctx, roster.preview_import(ctx, tmp_path / "r.xlsx"))
    with ctx.read() as s:
        groups = {m.name: m.job_group for m in s.exec(select(Member))}
    assert groups == {
        "张三": "food_delivery",
        "李四": "ride_hailing",
        "王五": "sanitation",
        "赵六": "domestic",
    }


def test_preview_warns_of_spaces_and_unknown_regions_and_still_imports(ctx, tmp_path):
    rows = [
        [1, " 张三", "男", "440524188001010014 ", "13800138000", "顺丰速运\u3000", "快递员"],
        [2, "李四", "女", UNKNOWN_REGION, "", "美团", "外卖骑手"],
        [3, "王五", "男", "110105491231003", "", "环卫所", "环卫工人"],
        [4, "赵六", "女", "120105 19861222 9385", "", "", ""],  # inner spaces: refused
    ]
    preview = roster.preview_import(ctx, _xlsx(tmp_path / "r.xlsx", rows))
    assert len(preview.new) == 3 and preview.warned_count == 2
    notes = {w.row: w.reason for w in preview.warned}
    assert set(notes) == {2, 3}
    assert "姓名前后有空格" in notes[2] and "身份证号前后有空格" in notes[2]
    assert "工作单位前后有空格" in notes[2] and "手机号" not in notes[2]
    assert notes[3] == "身份证号码的地区码 990105 未知，请核对号码"
    assert [b.row for b in preview.bad] == [5] and "中间不能有空格" in preview.bad[0].reason
    assert preview.warnings == ["有 2 行需要核对（仍会导入），见下方“提示”"]
    roster.apply_import(ctx, preview)
    with ctx.read() as s:
        members = {m.name: m for m in s.exec(select(Member))}
    assert members["张三"].employer == "顺丰速运" and set(members) == {"张三", "李四", "王五"}
    assert members["李四"].id_number == UNKNOWN_REGION
