"""Money on `Decimal`: exact yuan amounts, parsing what people type, and Chinese capital numerals.

Floats are never money here: every function refuses them. Capital numerals (人民币…元…角…分) follow
the People's Bank of China rules for writing amounts and are produced through `cn2an`.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

import cn2an

CENT = Decimal("0.01")
MAX_CAPITAL_AMOUNT = Decimal("999999999999.99")


class MoneyError(ValueError):
    """An amount that cannot be money; the message quotes the offending text."""


def to_money(value: Decimal | int | str) -> Decimal:
    """`value` as yuan with exactly two decimals (half up); floats raise TypeError."""
    if isinstance(value, float):
        raise TypeError(f"money must not be a float: {value!r}")
    try:
        amount = Decimal(value)
    except InvalidOperation as exc:
        raise MoneyError(f"not an amount: {value!r}") from exc
    if not amount.is_finite():
        raise MoneyError(f"not a finite amount: {value!r}")
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


_CURRENCY_MARKS = re.compile(r"^(?:RMB|CNY|¥|元)\s*|\s*(?:元|RMB|CNY)$", re.IGNORECASE)
_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")


def parse_money(text: str) -> Decimal:
    """Read an amount as people and core-banking exports write it.

    Accepts thousands separators (commas, spaces, apostrophes), full-width digits and
    punctuation, a currency mark (¥, ￥, RMB, CNY, 元) and a leading minus.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_money reads text, got {text!r}")
    # NFKC turns full-width digits, commas, points and ￥ into their ASCII forms.
    normal = unicodedata.normalize("NFKC", text).strip()
    normal = normal.replace("￥", "¥")
    negative = normal.startswith("-")
    body = normal[1:].strip() if negative else normal
    body = _CURRENCY_MARKS.sub("", body).strip()
    body = re.sub(r"(?<=\d)[,\s'’_](?=\d{3}(?:\D|$))", "", body)
    candidate = f"-{body}" if negative else body
    if not _NUMBER.match(candidate):
        raise MoneyError(f"not an amount: {text!r}")
    return to_money(candidate)


def to_cents(amount: Decimal) -> int:
    """The amount in fen (exact)."""
    return int(to_money(amount) * 100)


def from_cents(cents: int) -> Decimal:
    """Fen back to yuan with two decimals (exact)."""
    if not isinstance(cents, int):
        raise TypeError(f"cents must be an int, got {cents!r}")
    return (Decimal(cents) / 100).quantize(CENT)


def split_evenly(total: Decimal, parts: int) -> list[Decimal]:
    """`total` in `parts` equal amounts of whole fen; the remainder goes on the last part."""
    if parts < 1:
        raise ValueError(f"cannot split into {parts} parts")
    cents = to_cents(total)
    share, remainder = divmod(cents, parts)
    amounts = [share] * parts
    amounts[-1] += remainder
    return [from_cents(amount) for amount in amounts]


def capital_numerals(amount: Decimal) -> str:
    """The amount in capital numerals for contracts: 12345.67 → 人民币壹万贰仟叁佰肆拾伍元陆角柒分.

    Rules (PBoC, 正确填写票据和结算凭证的基本规定): "整" follows an amount that ends at 元 and
    never follows 分; after 角 it may be left out, and we leave it out. An amount below one yuan
    has no "零元" (0.05 → 人民币伍分); a zero 角 before non-zero 分 is written 零
    (100.05 → 壹佰元零伍分). Where the rules allow either form after a zero 元 digit
    (100000.10), we keep the form without 零: 壹拾万元壹角.
    """
    if isinstance(amount, float):
        raise TypeError(f"money must not be a float: {amount!r}")
    value = to_money(amount)
    if value < 0:
        raise MoneyError(f"capital numerals are for amounts of zero or more, got {value}")
    if value > MAX_CAPITAL_AMOUNT:
        raise MoneyError(f"amount too large for capital numerals: {value}")
    if value == 0:
        return "人民币零元整"
    return f"人民币{cn2an.an2cn(f'{value:.2f}', 'rmb')}"
