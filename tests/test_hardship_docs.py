"""Printed hardship papers and the ledger (issue 16): the 档案表 and the 帮扶申请书 read back
with pdftotext (full ID numbers on the signed papers, the consent text, the signature lines,
the arithmetic), and the .xlsx ledger opened with openpyxl (ID numbers masked, exact yuan)."""

from __future__ import annotations

import datetime as dt
import subprocess

import openpyxl

from desktop.reports.hardship_docs import application_pdf, file_pdf
from desktop.reports.hardship_ledger import write_hardship_ledger
from desktop.services import hardship, programs, relief
from desktop.services.hardship_rule import FileInput, Person
from desktop.services.members import MemberInput, add_member
from desktop.services.visits import VisitInput, add_visit

HEAD_ID = "11010519491231002X"
SPOUSE_ID = "440524188001010014"


def _text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _file(ctx, head_ctx):
    hardship.set_standard(head_ctx, 98000)
    member = add_member(ctx, MemberInput(name="陈建国", id_number=HEAD_ID, employer="环卫所"))
    people = [
        Person("本人", "陈建国", HEAD_ID, 150000, "慢性病", "在岗"),
        Person("配偶", "刘秀英", SPOUSE_ID, 0, "残疾", "无业"),
    ]
    data = FileInput(member.id, people, [{"source": "房屋出租", "annual_fen": 240000}],
                     medical_fen=600000, cause_main="疾病")  # fmt: skip
    file = hardship.apply(ctx, data)
    hardship.verify(
        ctx, file.id, add_visit(ctx, VisitInput([member.id], "home", purpose="核实")).id
    )
    hardship.publish(ctx, file.id)
    return member, hardship.establish(ctx, file.id)


def test_file_and_application_papers(ctx, head_ctx, tmp_path):
    member, file = _file(ctx, head_ctx)
    program = programs.add_program(
        head_ctx, programs.ProgramInput("LIV", 2026, "生活救助", "living")
    )
    relief.issue(ctx, relief.ReliefInput(member.id, program.id, cash_fen=80000))
    sheet = _text(file_pdf(ctx, file.id), tmp_path)
    for expected in ("困难职工档案表", file.file_no, HEAD_ID, SPOUSE_ID, "深度困难",
                     "社会工作者（签字）", "服务站站长（签字）", "困难职工（户主）（签字）",
                     "共 1 笔，合计 ¥800.00（人民币捌佰元整）", "第1页 共1页"):  # fmt: skip
        assert expected in sheet, expected
    assert "家庭年收入 ¥20,400.00 - 刚性支出 ¥6,000.00）÷ 12 ÷ 2 人 = ¥600.00" in sheet
    application = _text(application_pdf(ctx, file.id), tmp_path)
    for expected in ("帮扶申请书", "家庭经济状况核对授权", "个人信息保护法", HEAD_ID,
                     "申请人（签字）", "申请日期：2026年11月20日"):  # fmt: skip
        assert expected in application, expected


def test_ledger_masks_id_numbers_and_keeps_exact_yuan(ctx, head_ctx, tmp_path):
    member, file = _file(ctx, head_ctx)
    program = programs.add_program(
        head_ctx, programs.ProgramInput("LIV", 2026, "生活救助", "living")
    )
    relief.issue(ctx, relief.ReliefInput(member.id, program.id, cash_fen=12345))
    path = write_hardship_ledger(ctx, tmp_path / "files.xlsx")
    sheet = openpyxl.load_workbook(path).active
    header = [c.value for c in sheet[1]]
    row = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert row["档案编号"] == file.file_no and row["身份证号"] == "110105********002X"
    assert row["家庭年收入（元）"] == 20400 and row["帮扶发放合计（元）"] == 123.45
    assert row["建档日期"].date() == dt.date(2026, 11, 20)
    assert HEAD_ID not in str([[c.value for c in r] for r in sheet.iter_rows()])


def test_notice_lists_masked_names_of_consenting_heads_only(ctx, head_ctx, tmp_path):
    import datetime as dt

    from desktop.reports.hardship_notice import notice_pdf
    from desktop.services import members

    member, _file_ = _file(ctx, head_ctx)
    data = members.MemberInput.from_member(member)
    data.consent_disclosure_on = dt.date(2026, 11, 1)
    members.update_member(ctx, member.id, data)
    other = add_member(ctx, MemberInput(name="周丽", id_number="440524198001010013"))
    file = hardship.apply(
        ctx, FileInput(other.id, [Person("本人", "周丽", "", 0)], cause_main="疾病")
    )
    hardship.verify(ctx, file.id, add_visit(ctx, VisitInput([other.id], "home", purpose="核实")).id)
    hardship.publish(ctx, file.id)
    text = _text(notice_pdf(ctx, "2026-11", start=dt.date(2026, 11, 23)), tmp_path)
    assert "困难职工建档公示" in text and "陈*国" in text and "环卫所" in text
    assert "周" not in text.split("公示期内")[1] and "陈建国" not in text and HEAD_ID not in text
    assert "2026年11月23日至2026年11月27日（5 个工作日）" in text.replace("\n", "")
