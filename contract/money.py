"""Money: integer fen everywhere; yuan text and Chinese capitals (大写金额) for printing.

The capitals follow 支付结算办法 附件一 and 会计基础工作规范 第52条 (see domain.md).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

DIGITS = "零壹贰叁肆伍陆柒捌玖"
SMALL_UNITS = ("", "拾", "佰", "仟")
BIG_UNITS = ("", "万", "亿", "万亿")
MAX_FEN = 10**16 - 1  # below 1,000,000,000,000,000 yuan: far beyond any relief


class MoneyError(ValueError):
    """A bad amount; the message is Chinese."""


def parse_yuan(text: str | int | float | Decimal, *, field: str = "金额") -> int:
    """Parse a yuan amount as typed ("1,234.5", "¥10", "10元") into fen, rounding half up."""
    if isinstance(text, bool):
        raise MoneyError(f"{field}格式不正确")
    if isinstance(text, int):
        value = Decimal(text)
    elif isinstance(text, float):
        value = Decimal(repr(text))
    elif isinstance(text, Decimal):
        value = text
    else:
        cleaned = text.strip().replace(",", "").replace("，", "").replace("¥", "").replace("￥", "")
        cleaned = cleaned.removesuffix("元").strip()
        if not cleaned:
            raise MoneyError(f"{field}不能为空")
        try:
            value = Decimal(cleaned)
        except InvalidOperation:
            raise MoneyError(f"{field}“{text}”不是有效的金额") from None
    if not value.is_finite():
        raise MoneyError(f"{field}不是有效的金额")
    fen = int((value * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if abs(fen) > MAX_FEN:
        raise MoneyError(f"{field}过大")
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
    """Write 0..9999 with 拾佰仟, a single 零 for inner zero runs, no leading or trailing 零."""
    out: list[str] = []
    zero_pending = False
    for pos in range(3, -1, -1):
        digit = group // 10**pos % 10
        if digit == 0:
            if out:
                zero_pending = True
            continue
        if zero_pending:
            out.append("零")
            zero_pending = False
        out.append(DIGITS[digit] + SMALL_UNITS[pos])
    return "".join(out)


def _integer_capitals(yuan: int) -> str:
    if yuan == 0:
        return ""
    groups: list[int] = []
    while yuan:
        groups.append(yuan % 10000)
        yuan //= 10000
    out: list[str] = []
    zero_pending = False
    previous = 0
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            if out:
                zero_pending = True
            continue
        # one 零 for any zero digits between the last digit written and this group's first
        if out and (zero_pending or group < 1000 or previous % 10 == 0):
            out.append("零")
        zero_pending = False
        previous = group
        out.append(_four_digits(group) + BIG_UNITS[index])
    return "".join(out)


def capitals(fen: int, *, prefix: str = "人民币") -> str:
    """人民币壹仟肆佰零玖元伍角整 for 140950 fen."""
    if fen < 0:
        return prefix + "负" + capitals(-fen, prefix="")
    if fen > MAX_FEN:
        raise MoneyError("金额过大，无法写成大写")
    yuan, rest = divmod(fen, 100)
    jiao, fen_digit = divmod(rest, 10)
    integer = _integer_capitals(yuan)
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
