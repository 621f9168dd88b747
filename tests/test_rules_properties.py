"""Property tests for ID numbers, money and capitals (the references cn2an and python-stdnum
are compared in tests/test_input_rules.py)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.cn import ric

from contract import idnumber as idn
from contract.money import capitals, fen_to_yuan_text, parse_yuan

OFFICIAL = {
    140950: "人民币壹仟肆佰零玖元伍角整",
    600714: "人民币陆仟零柒元壹角肆分",
    1640902: "人民币壹万陆仟肆佰零玖元零贰分",
    32504: "人民币叁佰贰拾伍元零肆分",
    168032: "人民币壹仟陆佰捌拾元叁角贰分",
    10700053: "人民币壹拾万零柒仟元伍角叁分",
    1000: "人民币壹拾元整",
}


@pytest.mark.parametrize(("fen", "text"), OFFICIAL.items())
def test_official_capital_examples(fen, text):
    assert capitals(fen) == text


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=10**12))
def test_capitals_structure(fen):
    text = capitals(fen)
    assert "零零" not in text
    assert not re.search("零[元万亿]", text)
    digits_in_text = re.sub("[^零壹贰叁肆伍陆柒捌玖]", "", text)
    assert digits_in_text or fen == 0


def test_negative_figures_print_but_are_never_typed():
    """Printed figures may be negative (an adjustment); typing one is refused (test_input_rules)."""
    assert fen_to_yuan_text(-123450) == "-¥1,234.50"
    with pytest.raises(ValueError, match="金额不能为负数"):
        parse_yuan(fen_to_yuan_text(-123450))


@st.composite
def id_numbers(draw):
    region = draw(st.sampled_from(["110105", "440524", "440106", "810000", "830000"]))
    birth = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2020, 12, 31)))
    seq = draw(st.integers(min_value=0, max_value=999))
    first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    return first17 + idn.check_char(first17)


@settings(max_examples=300, deadline=None)
@given(id_numbers())
def test_valid_ids_agree_with_stdnum(number):
    info = idn.parse(number.lower())
    assert info.number == number
    assert ric.calc_check_digit(number) == number[17]  # stdnum's independent check digit
    assert info.gender == ("male" if int(number[16]) % 2 else "female")


@settings(max_examples=300, deadline=None)
@given(id_numbers(), st.integers(min_value=0, max_value=17), st.integers(min_value=1, max_value=9))
def test_any_single_digit_change_is_caught(number, position, delta):
    chars = list(number)
    if chars[position] == "X":
        chars[position] = "0"
    else:
        chars[position] = str((int(chars[position]) + delta) % 10)
    changed = "".join(chars)
    same_date = changed[6:14] == number[6:14]
    if same_date:  # stdnum also rejects regions it does not know; compare the checksum only
        assert ric.calc_check_digit(changed) != changed[17]
        assert not idn.is_valid(changed)  # GB 11643 catches every single-digit error


def test_id_examples_and_messages():
    assert idn.parse("11010519491231002X").birth_date == dt.date(1949, 12, 31)
    assert idn.parse("440524188001010014").gender == "male"
    assert idn.upgrade15("110105491231002") == "11010519491231002X"
    assert (
        idn.parse(
            "810000199001010016"
            if idn.is_valid("810000199001010016")
            else "81000019900101001" + idn.check_char("81000019900101001")
        ).id_type
        == "permit_hk"
    )
    with pytest.raises(idn.IdNumberError, match="出生日期"):
        idn.parse("11010519490231" + "0011")
    with pytest.raises(idn.IdNumberError, match="校验位"):
        idn.parse("11010519491231002Y"[:17] + "1")
    warn = idn.parse("99010519491231" + "002" + idn.check_char("99010519491231002"))
    assert warn.warnings
    assert idn.mask("11010519491231002X") == "110105********002X"


def _member_record(phone: str) -> dict:
    return {
        "id": "m1",
        "station_id": "s1",
        "version": 1,
        "name": "测试",
        "id_type": "resident",
        "id_number": "11010519491231002X",
        "gender": "female",
        "job_group": "other",
        "membership_status": "active",
        "hardship_category": "none",
        "phone": phone,
    }


PHONE_TEXT = st.one_of(
    st.text(alphabet="0123456789-+ －", max_size=16),
    st.from_regex(r"1[0-9]{10}", fullmatch=True),
    st.from_regex(r"0[0-9]{2,3}-?[0-9]{6,9}", fullmatch=True),
)


@settings(max_examples=400, deadline=None)
@given(PHONE_TEXT)
def test_the_server_accepts_exactly_the_phones_the_station_forms_accept(raw):
    """A phone the window refuses is refused from a pushed record or a console resolution
    too, and every phone the window stores passes the server (contract/phone.py)."""
    from contract import rules
    from contract.records import RecordError
    from desktop.services.validate import normalise_phone, phone_error

    stored = normalise_phone(raw)
    try:
        rules.check("member", _member_record(stored), today=dt.date(2026, 11, 29))
        accepted = True
    except RecordError as exc:
        assert "phone" in str(exc) or "手机号" in str(exc)
        accepted = False
    assert accepted == (phone_error(raw) is None)
