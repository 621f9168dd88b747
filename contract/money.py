"""Money: integer fen everywhere; yuan text and Chinese capitals (大写金额) for printing.

One parsing rule for every place an amount is typed (window, command line, server checks):
plain digits, at most two decimals, thousands separators only in groups of three, an optional
leading ¥ (the app prints figures that way, so a copied figure is accepted); no unit, sign,
exponent, NaN or infinity, never rounded. The capitals follow 支付结算办法 附件一 and
会计基础工作规范 第52条 (see domain.md).
"""

from __future__ import annotations

import re
from decimal import Decimal

DIGITS = "零壹贰叁肆伍陆柒捌玖"
SMALL_UNITS = ("", "拾", "佰", "仟")
MAX_FEN = 999_999_999_999_999  # the absolute limit: 9,999,999,999,999.99 yuan
MAX_TEXT = "¥9,999,999,999,999.99"

_PLAIN = re.compile(r"[0-9]+(?:\.[0-9]+)?", re.ASCII)
_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?", re.ASCII)
_FULL_WIDTH = re.compile("[\uff10-\uff19\uff0c\uff0e\uff0b\uff0d\u3002]")
_UNITS = ("元", "圆", "块", "角", "分", "万", "亿", "rmb", "cny", "yuan")
_SIGNS = ("-", "+", "−", "－", "＋")  # noqa: RUF001 (the full-width signs are refused by name)
_NOT_NUMBERS = ("nan", "inf", "infinity", "snan")


class MoneyError(ValueError):
    """A bad amount; the message is Chinese and names the field."""


def parse_yuan(text: str | int | Decimal, *, field: str = "金额") -> int:
    """Parse a yuan amount as typed ("1,234.50", "¥10") into fen, or refuse with the reason.

    An int is whole yuan and a Decimal is checked like text; a float (or bool) is refused:
    money never passes through binary floating point.
    """
    if isinstance(text, bool) or not isinstance(text, str | int | Decimal):
        raise MoneyError(f"{field}格式不正确，请输入数字金额")
    if isinstance(text, int):
        return _checked(text * 100, field, str(text))
    if isinstance(text, Decimal):
        return _from_decimal(text, field)
    return _from_text(text, field)


def _from_decimal(value: Decimal, field: str) -> int:
    if not value.is_finite():
        raise MoneyError(f"{field}不是有效的数字：{value}")
    if value < 0:
        raise MoneyError(f"{field}不能为负数：{value}")
    if value * 100 > MAX_FEN:
        raise MoneyError(f"{field}超过金额上限 {MAX_TEXT}：{value}")
    if value * 100 != int(value * 100):
        raise MoneyError(f"{field}最多两位小数：{value}")
    return int(value * 100)


def _from_text(raw: str, field: str) -> int:
    text = raw.strip()
    if not text:
        raise MoneyError(f"{field}不能为空")
    problem = _shape_problem(text)
    if problem:
        raise MoneyError(f"{field}{problem}：{_shown(text)}")
    if text[0] in "¥￥":
        text = text[1:]
    whole, _, decimals = text.replace(",", "").partition(".")
    if len(whole.lstrip("0")) > len(str(MAX_FEN // 100)):  # before int(): any length is typed
        raise MoneyError(f"{field}超过金额上限 {MAX_TEXT}：{_shown(text)}")
    return _checked(
        int(whole.lstrip("0") or "0") * 100 + int(decimals.ljust(2, "0") or 0), field, raw.strip()
    )


def _shown(text: str) -> str:
    """The typed text as a message quotes it: long pastes cut short."""
    return text if len(text) <= 30 else text[:30] + "…"


def _shape_problem(text: str) -> str:
    """Why the text is not an amount ("" when it is one); the most specific reason first."""
    lowered = text.lower()
    body = text[1:] if text[0] in "¥￥" else text
    if _FULL_WIDTH.search(text):
        return "含全角字符，请用半角数字、逗号和小数点"
    if body.startswith(("-", "−", "－")):  # noqa: RUF001
        return "不能为负数"
    if body.startswith(_SIGNS):
        return "不能带正负号"
    if lowered.lstrip("¥￥").strip() in _NOT_NUMBERS:
        return "不是有效的数字"
    has_digits = re.search("[0-9]", body, re.ASCII) is not None
    if has_digits and (lowered.endswith(_UNITS) or body.endswith(("¥", "￥"))):
        return "不要带单位，只填数字（单位是元）"
    if "e" in lowered and re.fullmatch(r"[0-9.,]+e[+-]?[0-9]+", lowered.lstrip("¥￥"), re.ASCII):
        return "不能用科学计数法"
    if any(ch.isspace() for ch in body):
        return "中间不能有空格"
    if _PLAIN.fullmatch(body) or _GROUPED.fullmatch(body):
        decimals = body.partition(".")[2]
        return "最多两位小数" if len(decimals) > 2 else ""
    if re.fullmatch(r"[0-9]*\.[0-9]*", body, re.ASCII):
        return "的小数点前后都应有数字"
    if "," in body and re.fullmatch(r"[0-9,]+(?:\.[0-9]*)?", body, re.ASCII):
        return "的千位分隔符位置不对（应每三位一个逗号）"
    return "不是有效的金额"


def _checked(fen: int, field: str, shown: str) -> int:
    if fen < 0:
        raise MoneyError(f"{field}不能为负数：{shown}")
    if fen > MAX_FEN:
        raise MoneyError(f"{field}超过金额上限 {MAX_TEXT}：{shown}")
    return fen


def fen_to_yuan_text(fen: int, *, symbol: bool = True, grouping: bool = True) -> str:
    """¥1,234.50: always two decimals."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    body = f"{whole:,}" if grouping else str(whole)
    return f"{sign}{'¥' if symbol else ''}{body}.{cents:02d}"


def fen_to_decimal(fen: int) -> Decimal:
    return (Decimal(fen) / 100).quantize(Decimal("0.01"))


def _four_digits(group: int) -> str:
    """Write 1..9999 with 拾佰仟, a single 零 for inner zero runs, no leading or trailing 零."""
    out: list[str] = []
    zero_pending = False
    for pos in range(3, -1, -1):
        digit = group // 10**pos % 10
        if digit == 0:
            zero_pending = bool(out)
            continue
        if zero_pending:
            out.append("零")
            zero_pending = False
        out.append(DIGITS[digit] + SMALL_UNITS[pos])
    return "".join(out)


def _section(number: int, width: int, unit: str) -> str:
    """number = high x 10**width + low, written as high, the unit, then low.

    One 零 stands for the zeros between high's last non-zero digit and low's first: written
    when low is not zero and high ends in zero or low has fewer than `width` digits. The
    high part (万 within 亿) is written whole before the unit, so 10001亿 is 壹万零壹亿.
    """
    high, low = divmod(number, 10**width)
    text = _integer(high) + unit
    if low == 0:
        return text
    if high % 10 == 0 or low < 10 ** (width - 1):
        text += "零"
    return text + _integer(low)


def _integer(yuan: int) -> str:
    """Capitals of a whole number of yuan (0 gives ""); sections of 亿, then 万, then four digits."""
    if yuan >= 10**8:
        return _section(yuan, 8, "亿")
    if yuan >= 10**4:
        return _section(yuan, 4, "万")
    return _four_digits(yuan) if yuan else ""


def capitals(fen: int, *, prefix: str = "人民币") -> str:
    """人民币壹仟肆佰零玖元伍角整 for 140950 fen; any amount up to MAX_FEN."""
    if fen < 0:
        return prefix + "负" + capitals(-fen, prefix="")
    if fen > MAX_FEN:
        raise MoneyError(f"金额超过上限 {MAX_TEXT}，无法写成大写")
    yuan, rest = divmod(fen, 100)
    jiao, fen_digit = divmod(rest, 10)
    integer = _integer(yuan)
    if yuan == 0 and rest == 0:
        return prefix + "零元整"
    text = integer + "元" if integer else ""
    if jiao == 0 and fen_digit == 0:
        return prefix + text + "整"
    if jiao:
        text += DIGITS[jiao] + "角"
    elif integer:
        text += "零"  # 零 after 元 when 角 is 0 and 分 is not
    if fen_digit:
        text += DIGITS[fen_digit] + "分"
    else:
        text += "整"
    return prefix + text
