"""Input by the rules (issue 14, item 5 and 6): the amount parser, capitals up to the absolute
limit and ID numbers, as properties against independent references (cn2an, python-stdnum,
Python's Decimal) and as the examples the issue names."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import cn2an
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from stdnum.cn import ric
from stdnum.exceptions import ValidationError as StdnumError

from contract import idnumber as idn
from contract.money import MAX_FEN, MoneyError, capitals, fen_to_yuan_text, parse_yuan

FIELD = "现金金额"
FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


# ---- amounts: examples from the issue ----


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1.005", "现金金额最多两位小数：1.005"),
        ("9.999", "现金金额最多两位小数：9.999"),
        ("12元", "现金金额不要带单位"),
        ("1e3", "现金金额不能用科学计数法"),
        ("-1.00", "现金金额不能为负数"),
        ("+1.00", "现金金额不能带正负号"),
        ("NaN", "现金金额不是有效的数字"),
        ("Infinity", "现金金额不是有效的数字"),
        ("12,34", "现金金额的千位分隔符位置不对"),
        ("1,2345.00", "现金金额的千位分隔符位置不对"),
        ("12 34", "现金金额中间不能有空格"),
        ("１２", "现金金额含全角字符"),
        ("10000000000000", "现金金额超过金额上限 ¥9,999,999,999,999.99"),
        ("10000000000000.00", "现金金额超过金额上限"),
        ("", "现金金额不能为空"),
        (".5", "现金金额的小数点前后都应有数字"),
        ("十元", "现金金额不是有效的金额"),
    ],
)
def test_refusals_name_the_field_and_the_reason(text, reason):
    with pytest.raises(MoneyError) as caught:
        parse_yuan(text, field=FIELD)
    assert str(caught.value).startswith(reason)


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("1,234.50", 123450),
        ("1234.5", 123450),
        ("¥10", 1000),
        ("￥1,000.05", 100005),
        (" 12.30 ", 1230),
        ("0", 0),
        ("9,999,999,999,999.99", MAX_FEN),
    ],
)
def test_accepted_forms(text, fen):
    assert parse_yuan(text, field=FIELD) == fen


def test_very_long_digit_runs_are_refused_as_too_large():
    for digits in ("9" * 14, "1" + "0" * 5000, "0" * 5000 + "1.00"):
        if digits.startswith("0"):
            assert parse_yuan(digits) == 100
            continue
        with pytest.raises(MoneyError, match="超过金额上限"):
            parse_yuan(digits)


def test_non_text_inputs():
    assert parse_yuan(12) == 1200
    assert parse_yuan(Decimal("2.50")) == 250
    for bad in (1.5, True, Decimal("1.005"), Decimal("NaN"), -1):
        with pytest.raises(MoneyError, match="金额"):
            parse_yuan(bad)  # type: ignore[arg-type]


# ---- amounts: properties ----

fens = st.integers(min_value=0, max_value=MAX_FEN)


@settings(max_examples=400, deadline=None)
@given(fens, st.booleans(), st.booleans())
def test_printed_figures_round_trip(fen, symbol, grouping):
    text = fen_to_yuan_text(fen, symbol=symbol, grouping=grouping)
    assert parse_yuan(text, field=FIELD) == fen


@settings(max_examples=400, deadline=None)
@given(fens)
def test_one_decimal_and_no_decimal_forms(fen):
    whole, cents = divmod(fen, 100)
    assert parse_yuan(str(whole)) == whole * 100
    if cents % 10 == 0:
        assert parse_yuan(f"{whole}.{cents // 10}") == fen


@settings(max_examples=300, deadline=None)
@given(fens, st.integers(min_value=0, max_value=9), st.integers(min_value=1, max_value=4))
def test_more_than_two_decimals_is_refused_never_rounded(fen, extra, more):
    text = fen_to_yuan_text(fen, symbol=False) + str(extra) * more
    with pytest.raises(MoneyError, match=f"^{FIELD}最多两位小数"):
        parse_yuan(text, field=FIELD)


@settings(max_examples=300, deadline=None)
@given(
    fens.map(lambda f: fen_to_yuan_text(f, symbol=False)),
    st.sampled_from(["元", "圆", "块", "万", "RMB", " 元"]),
)
def test_units_are_refused(amount, unit):
    with pytest.raises(MoneyError, match="单位"):
        parse_yuan(amount + unit, field=FIELD)


@settings(max_examples=300, deadline=None)
@given(fens.filter(bool).map(lambda f: fen_to_yuan_text(f, symbol=False)), st.sampled_from("-+"))
def test_signs_are_refused(amount, sign):
    with pytest.raises(MoneyError, match="负数|正负号"):
        parse_yuan(sign + amount, field=FIELD)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=MAX_FEN + 1, max_value=10**20))
def test_above_the_absolute_limit_is_refused(fen):
    with pytest.raises(MoneyError, match="上限"):
        parse_yuan(fen_to_yuan_text(fen), field=FIELD)


GROUPED = re.compile(r"[¥￥]?([0-9]+|[0-9]{1,3}(,[0-9]{3})+)(\.[0-9]{1,2})?", re.ASCII)


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet="0123456789,.¥￥ -+eE元１nafiNI", max_size=16))
def test_any_text_is_an_exact_amount_or_a_named_refusal(text):
    """Against Decimal as the reference: what is accepted is exactly the typed value."""
    try:
        fen = parse_yuan(text, field=FIELD)
    except MoneyError as exc:
        assert str(exc).startswith(FIELD)
        return
    body = text.strip()
    assert GROUPED.fullmatch(body), body
    assert Decimal(body.lstrip("¥￥").replace(",", "")) * 100 == fen
    assert 0 <= fen <= MAX_FEN


# ---- capitals ----

OFFICIAL = {
    140950: "人民币壹仟肆佰零玖元伍角整",
    600714: "人民币陆仟零柒元壹角肆分",
    1640902: "人民币壹万陆仟肆佰零玖元零贰分",
    32504: "人民币叁佰贰拾伍元零肆分",
    168032: "人民币壹仟陆佰捌拾元叁角贰分",
    10700053: "人民币壹拾万零柒仟元伍角叁分",
    1000: "人民币壹拾元整",
    # beyond 1万亿: the 万 of 亿 is written once (issue 14)
    100010000000000: "人民币壹万零壹亿元整",
    100000000000000: "人民币壹万亿元整",
    100000001000000: "人民币壹万亿零壹万元整",
    100000000000001: "人民币壹万亿元零壹分",
    MAX_FEN: "人民币玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
}


@pytest.mark.parametrize(("fen", "text"), OFFICIAL.items())
def test_capital_examples(fen, text):
    assert capitals(fen) == text


def test_capitals_refuse_above_the_limit():
    with pytest.raises(MoneyError, match="上限"):
        capitals(MAX_FEN + 1)


@st.composite
def zero_heavy_fens(draw):
    """Amounts up to the limit with many zeros, so every 万/亿 boundary case comes up."""
    digits = draw(st.lists(st.sampled_from([0, 0, 0, 0, 1, 2, 5, 9]), min_size=1, max_size=15))
    return int("".join(map(str, digits))) % (MAX_FEN + 1)


def _optional_zeros(yuan: int) -> int:
    """Where the payment rules make 零 optional and cn2an leaves it out (tech-notes.md): the
    万位 or 亿位 digit is 0 and the digit below it (千位) is not; we always write it."""
    return sum(
        1
        for power in (4, 8, 12)
        if yuan >= 10**power and yuan // 10**power % 10 == 0 and yuan // 10 ** (power - 1) % 10
    )


@settings(max_examples=1500, deadline=None)
@given(st.one_of(zero_heavy_fens(), st.integers(min_value=0, max_value=MAX_FEN)))
def test_capitals_agree_with_cn2an_within_its_known_differences(fen):
    ours = capitals(fen)
    theirs = cn2an.an2cn(f"{fen // 100}.{fen % 100:02d}", "rmb")
    assert ours.startswith("人民币")
    mine = ours.removeprefix("人民币")
    if mine.endswith("角整"):
        mine = mine.removesuffix("整")  # cn2an omits 整 after 角
    drop_boundary_zero = lambda s: re.sub("(?<=[万亿])零", "", s)  # noqa: E731
    assert drop_boundary_zero(mine) == drop_boundary_zero(theirs)
    assert mine.count("零") - theirs.count("零") == _optional_zeros(fen // 100)


def _inner_zero_runs(number: int) -> int:
    return len(re.findall("(?<=[1-9])0+(?=[1-9])", str(number)))


@settings(max_examples=1500, deadline=None)
@given(st.one_of(zero_heavy_fens(), st.integers(min_value=100, max_value=MAX_FEN)))
def test_integer_capitals_read_back_and_write_one_zero_per_run(fen):
    """The yuan part reads back to its value (cn2an's reader) and has one 零 per zero run."""
    yuan = fen // 100
    assume(yuan > 0)
    ours = capitals(fen)
    integer = ours.removeprefix("人民币").partition("元")[0]
    assert cn2an.cn2an(integer, "normal") == yuan
    assert integer.count("零") == _inner_zero_runs(yuan)
    assert "零零" not in ours and not re.search("零[元万亿角分整]", ours)
    assert ours.endswith("分") != ours.endswith("整")


# ---- ID numbers ----

REGIONS = ["110105", "440524", "440106", "120105", "650102", "810000", "830000", "990105", "440199"]


@st.composite
def id_candidates(draw):
    """18-character numbers: real and unknown regions, dates possible or not, and a check
    character that is right about half the time."""
    region = draw(st.sampled_from(REGIONS))
    if draw(st.booleans()):
        birth = draw(st.dates(min_value=dt.date(1790, 1, 1), max_value=dt.date(2035, 12, 31)))
        date = f"{birth:%Y%m%d}"
    else:
        date = draw(st.from_regex(r"(19|20)[0-9]{2}[01][0-9][0-3][0-9]", fullmatch=True))
    first17 = region + date + f"{draw(st.integers(min_value=0, max_value=999)):03d}"
    if draw(st.booleans()):
        return first17 + ric.calc_check_digit(first17 + "0")
    return first17 + draw(st.sampled_from("0123456789X"))


def _stdnum_failure(number: str) -> type[StdnumError] | None:
    try:
        ric.validate(number)
    except StdnumError as exc:
        return type(exc)
    except KeyError:  # stdnum 2.2 on a city-level code with no county (e.g. 440199)
        return StdnumError
    return None


@settings(max_examples=1500, deadline=None)
@given(id_candidates())
def test_ids_agree_with_stdnum(number):
    today = dt.date(2026, 11, 29)
    theirs = _stdnum_failure(number)
    try:
        info = idn.parse(number.lower(), today=today)
    except idn.IdNumberError as exc:
        # refused: stdnum refuses too, or the date is one ours calls implausible
        implausible = "不合理" in str(exc)
        assert theirs is not None or implausible, (number, str(exc))
        if "校验位" in str(exc):
            assert ric.calc_check_digit(number) != number[17]
        return
    assert ric.calc_check_digit(number) == number[17]
    assert ric.get_birth_date(number) == info.birth_date
    assert info.gender == ("male" if int(number[16]) % 2 else "female")
    if theirs is not None:  # only stdnum's county list can disagree (it knows every county)
        with pytest.raises((StdnumError, KeyError)):
            ric.get_birth_place(number)
    if number[:2] not in ("81", "82", "83") and number[:2] not in idn.PROVINCES:
        assert info.warnings and number[:6] in info.warnings[0]
    else:
        assert not info.warnings


@settings(max_examples=300, deadline=None)
@given(id_candidates(), st.integers(min_value=1, max_value=17), st.sampled_from([" ", "  ", "\t"]))
def test_inner_spaces_are_refused(number, at, space):
    spaced = number[:at] + space + number[at:]
    with pytest.raises(idn.IdNumberError, match="中间不能有空格"):
        idn.parse(spaced)
    assert not idn.is_valid(spaced)


@settings(max_examples=300, deadline=None)
@given(id_candidates(), st.integers(min_value=0, max_value=17))
def test_full_width_digits_are_named_as_such(number, at):
    wide = number[:at] + number[at].translate(FULL_WIDTH) + number[at + 1 :]
    with pytest.raises(idn.IdNumberError, match="全角"):
        idn.parse(wide)


def test_id_examples_from_the_issue():
    with pytest.raises(idn.IdNumberError, match="中间不能有空格"):
        idn.parse("120105 19861222 9385")
    with pytest.raises(idn.IdNumberError, match="全角"):
        idn.parse("120105198612229385".translate(FULL_WIDTH))
    assert idn.parse("  11010519491231002x ").number == "11010519491231002X"
    unknown = "99010519491231002" + idn.check_char("99010519491231002")
    assert idn.parse(unknown).warnings == ("身份证号码的地区码 990105 未知，请核对号码",)
    arabic_indic = "١١٠١٠٥١٩٤٩١٢٣١٠٠٢X"  # digits that str.isdigit() accepts
    with pytest.raises(idn.IdNumberError, match="前 17 位应为数字"):
        idn.parse(arabic_indic)


# ---- phone numbers in ledgers are masked as the member list masks them ----


def test_members_ledger_masks_phone_numbers(ctx, tmp_path):
    from openpyxl import load_workbook
    from sqlmodel import Session

    from desktop.reports.ledger_queries import export_ledger
    from desktop.services import members

    members.add_member(
        ctx, members.MemberInput(name="张三", id_number="440524188001010014", phone="13800138000")
    )
    with Session(ctx.engine) as session:
        masked = export_ledger(session, ctx.station_id, "members", "2026-11", tmp_path / "m.xlsx")
        full = export_ledger(
            session, ctx.station_id, "members", "2026-11", tmp_path / "u.xlsx", unmasked=True
        )

    def phones(path):
        sheet = load_workbook(path).active
        column = [c.value for c in sheet[1]].index("手机号")
        return [row[column].value for row in sheet.iter_rows(min_row=2)]

    assert phones(masked) == ["138****8000"]
    assert phones(full) == ["13800138000"]


# ---- the command line: the same rules, the warnings printed, the hand-out's year ----


def _cli(home, *args, ok=True):
    """stationdesk as a process, logged in as the station head (init needs no login)."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, STATIONDESK_HOME=str(home / "home"), STATIONDESK_PASSWORD="secret123")
    login = [] if args[0] == "init" else ["--user", "head"]
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--db", str(home / "s.sqlite3"), *login, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert (result.returncode == 0) == ok, result.stdout + result.stderr
    return result


def test_command_line_follows_the_input_rules(tmp_path):
    import json

    from openpyxl import load_workbook

    this_year = dt.date.today().year
    _cli(tmp_path, "init", "--code", "4401060001", "--name", "测试站", "--head-user", "head")
    for year, limit in ((this_year, "500"), (this_year + 1, "9,000")):
        _cli(
            tmp_path, "program", "add", "--code", "LIV", "--year", str(year),
            "--name", f"{year}年生活救助", "--type", "生活救助", "--max-amount", limit,
        )  # fmt: skip
    unknown = "990105194912310023"
    added = _cli(tmp_path, "member", "add", "--name", "李四", "--id-number", unknown)
    assert "提示：身份证号码的地区码 990105 未知，请核对号码" in added.stdout
    spaced = _cli(
        tmp_path, "member", "add", "--name", "王五", "--id-number", "120105 19861222 9385", ok=False
    )
    assert "身份证号码中间不能有空格" in spaced.stderr
    roster = tmp_path / "r.csv"
    roster.write_text("姓名,身份证号,工作单位\n张三,11010519491231002X, 美团 \n", encoding="utf-8")
    preview = _cli(tmp_path, "import-members", str(roster)).stdout
    assert "提示 第 2 行 张三：工作单位前后有空格，已去掉空格" in preview
    assert "未写入任何数据" in preview
    issue = ("relief", "issue", "--member", unknown, "--program", "LIV")
    for cash, reason in (
        ("1.005", "现金金额最多两位小数：1.005"),
        ("12元", "现金金额不要带单位"),
        ("1e3", "现金金额不能用科学计数法"),
        ("500.01", f"超过“{this_year}年生活救助”单次发放上限 ¥500.00"),
    ):
        refused = _cli(tmp_path, *issue, "--cash", cash, ok=False)
        assert reason in refused.stderr and len(refused.stderr.strip().splitlines()) == 1
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    future = _cli(tmp_path, *issue, "--cash", "100", "--date", tomorrow.isoformat(), ok=False)
    assert "晚于今天" in future.stderr
    assert (
        json.loads(_cli(tmp_path, "--json", *issue, "--cash", "500").stdout)["total_fen"] == 50000
    )
    ledger = tmp_path / "relief.xlsx"
    _cli(tmp_path, "export", "ledger", "relief", str(this_year), "--out", str(ledger))
    sheet = load_workbook(ledger).active
    column = [c.value for c in sheet[1]].index("帮扶项目")
    assert [row[column].value for row in sheet.iter_rows(min_row=2)] == [f"{this_year}年生活救助"]


# ---- a program's largest hand-out comes down from the district like its other rules ----


def test_a_pulled_program_brings_its_largest_hand_out(ctx):
    from contract.ids import new_id
    from contract.wire import Change, PullResponse
    from desktop.services import members, programs, relief
    from desktop.services.errors import ValidationError
    from desktop.sync import local

    stamp = "2026-11-01T08:00:00+00:00"
    record = {
        "id": new_id(),
        "station_id": "district-440106",
        "created_at": stamp,
        "updated_at": stamp,
        "version": 1,
        "deleted": False,
        "code": "WEN",
        "year": 2026,
        "name": "2026年慰问金",
        "program_type": "condolence",
        "funding_source": "",
        "receipt_title": "",
        "amount_rules": {},
        "max_times_per_year": None,
        "annual_cap_fen": None,
        "max_amount_fen": 80000,
        "excludes": [],
        "active": True,
    }
    change = Change(
        entity="fund_program", id=record["id"], station_id=record["station_id"], version=1,
        deleted=False, data=record,
    )  # fmt: skip
    page = PullResponse(
        changes=[change], next_cursor=1, has_more=False, server_time=dt.datetime.now(dt.UTC)
    )
    local.apply_page(ctx.engine, page)
    program = programs.find_program(ctx, "WEN", year=2026)
    assert program.max_amount_fen == 80000
    member = members.add_member(
        ctx, members.MemberInput(name="张三", id_number="440524188001010014")
    )
    with pytest.raises(ValidationError, match="单次发放上限 ¥800.00"):
        relief.issue(ctx, relief.ReliefInput(member.id, program.id, cash_fen=80001))
