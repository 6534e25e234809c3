"""Money on Decimal: rounding, parsing what people write, exact splits, capital numerals."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import money

DIGITS = "零壹贰叁肆伍陆柒捌玖"


def _four_digits(number: int) -> str:
    """Capital numerals of 1..9999 (within one 万 group), zeros between digits written once."""
    text, pending_zero = "", False
    for digit, unit in zip(f"{number:04d}", ("仟", "佰", "拾", ""), strict=True):
        if digit == "0":
            pending_zero = bool(text)
            continue
        if pending_zero:
            text += "零"
            pending_zero = False
        text += DIGITS[int(digit)] + unit
    return text


def reference_capital_numerals(amount: Decimal) -> str:
    """An independent reading of the PBoC rules (not cn2an), to check our output against."""
    cents = int(amount * 100)
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    if cents == 0:
        return "人民币零元整"
    words = ""
    if yuan:
        groups = [(yuan // 10**8, "亿"), (yuan // 10**4 % 10**4, "万"), (yuan % 10**4, "")]
        started, need_zero = False, False
        for value, unit in groups:
            if value == 0:
                need_zero = started
                continue
            if started and (need_zero or value < 1000):
                words += "零"
            words += _four_digits(value) + unit
            started, need_zero = True, False
        words += "元"
    if jiao == 0 and fen == 0:
        return f"人民币{words}整"
    if jiao:
        words += DIGITS[jiao] + "角"
    if fen:
        if yuan and jiao == 0:
            words += "零"
        words += DIGITS[fen] + "分"
    return f"人民币{words}"


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("12345.67", "人民币壹万贰仟叁佰肆拾伍元陆角柒分"),
        ("0.05", "人民币伍分"),
        ("10.00", "人民币壹拾元整"),
        ("100000.10", "人民币壹拾万元壹角"),
        ("1000000000.00", "人民币壹拾亿元整"),
        ("0", "人民币零元整"),
        ("101.01", "人民币壹佰零壹元零壹分"),
        ("100.05", "人民币壹佰元零伍分"),
        ("20000000.00", "人民币贰仟万元整"),
        ("1010.10", "人民币壹仟零壹拾元壹角"),
    ],
)
def test_capital_numerals_of_edge_amounts(amount: str, words: str) -> None:
    assert money.capital_numerals(Decimal(amount)) == words
    assert reference_capital_numerals(Decimal(amount)) == words


@given(st.integers(min_value=0, max_value=99_999_999_999_99))
def test_capital_numerals_agree_with_an_independent_reading_of_the_rules(cents: int) -> None:
    amount = money.from_cents(cents)
    assert money.capital_numerals(amount) == reference_capital_numerals(amount)


@pytest.mark.parametrize("amount", ["-0.01", "1000000000000.00"])
def test_capital_numerals_refuse_negative_and_huge_amounts(amount: str) -> None:
    with pytest.raises(money.MoneyError):
        money.capital_numerals(Decimal(amount))


def test_floats_are_never_money() -> None:
    with pytest.raises(TypeError):
        money.to_money(0.1)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        money.capital_numerals(0.1)  # type: ignore[arg-type]


def test_to_money_rounds_half_up_to_the_fen() -> None:
    assert money.to_money("2.675") == Decimal("2.68")
    assert money.to_money("-2.675") == Decimal("-2.68")
    assert money.to_money(7) == Decimal("7.00")
    with pytest.raises(money.MoneyError, match="NaN"):
        money.to_money("NaN")


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("12,345.67", "12345.67"),
        ("12 345.67", "12345.67"),
        ("¥1,000", "1000.00"),
        ("￥1000.5", "1000.50"),
        ("RMB 100", "100.00"),
        ("１２，３４５．６７", "12345.67"),
        ("  -5 ", "-5.00"),
        ("1,000,000.00 元", "1000000.00"),
    ],
)
def test_parse_money_reads_what_people_and_exports_write(text: str, amount: str) -> None:
    assert money.parse_money(text) == Decimal(amount)


@pytest.mark.parametrize("text", ["", "abc", "12.3.4", "1,2345", "5-", "--5", "1e5"])
def test_parse_money_names_text_it_cannot_read(text: str) -> None:
    with pytest.raises(money.MoneyError, match="not an amount"):
        money.parse_money(text)


@given(st.integers(min_value=-(10**14), max_value=10**14))
def test_cents_round_trip_exactly(cents: int) -> None:
    assert money.to_cents(money.from_cents(cents)) == cents


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=1, max_value=120))
def test_split_evenly_sums_exactly_with_the_remainder_last(cents: int, parts: int) -> None:
    total = money.from_cents(cents)
    shares = money.split_evenly(total, parts)
    assert sum(shares, Decimal("0")) == total
    assert len(shares) == parts
    assert len(set(shares[:-1])) <= 1
    assert Decimal("0") <= shares[-1] - shares[0] < money.from_cents(parts)
