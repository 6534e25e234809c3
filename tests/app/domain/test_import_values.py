"""Reading the cells of a portfolio file: amounts, dates, timestamps, references, headers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import import_values as values

CHINA = ZoneInfo("Asia/Shanghai")
FULL_WIDTH = str.maketrans("0123456789,.", "０１２３４５６７８９，．")


def cell_time(*fields: int) -> dt.datetime:
    """A date-time as a spreadsheet cell holds it: without a zone."""
    return dt.datetime(*fields)  # noqa: DTZ001


# Amounts ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "amount"),
    [
        ("1,234.50", "1234.50"),
        ("１，２３４．５０", "1234.50"),
        ("12,345,678.9", "12345678.90"),
        ("¥1 234.5", "1234.50"),
        ("￥88", "88.00"),
        ("1234.50元", "1234.50"),
        (" 800 ", "800.00"),
        ("0", "0.00"),
        (1234, "1234.00"),
        (1234.5, "1234.50"),
        (0.1 + 0.2, "0.30"),  # a sheet's float noise is not a third decimal
        (Decimal("99.9"), "99.90"),
    ],
)
def test_amounts_are_read_as_people_and_spreadsheets_write_them(cell: object, amount: str) -> None:
    assert values.parse_amount(cell) == Decimal(amount)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("abc", "bad_amount"),
        ("1.234,50", "bad_amount"),
        ("12,34", "bad_amount"),
        ("-5", "negative_amount"),
        (-5, "negative_amount"),
        ("1,234.505", "too_many_decimals"),
        (1234.567, "too_many_decimals"),
        (Decimal("1.001"), "too_many_decimals"),
        ("", "missing"),
        (None, "missing"),
        ("\u3000", "missing"),
        (True, "bad_amount"),
        (dt.date(2026, 1, 5), "bad_amount"),
        (float("nan"), "bad_amount"),
    ],
)
def test_what_is_not_an_amount_says_why(cell: object, code: str) -> None:
    with pytest.raises(values.ValueProblem) as caught:
        values.parse_amount(cell)  # type: ignore[arg-type]
    assert caught.value.code == code


def test_a_payment_of_zero_is_refused_but_a_zero_balance_is_not() -> None:
    assert values.parse_amount("0.00") == Decimal("0.00")
    with pytest.raises(values.ValueProblem, match="above zero"):
        values.parse_amount("0.00", positive=True)


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_any_amount_reads_back_with_separators_and_full_width_digits(cents: int) -> None:
    amount = Decimal(cents).scaleb(-2)
    written = f"{amount:,.2f}"
    assert values.parse_amount(written) == amount
    assert values.parse_amount(written.translate(FULL_WIDTH)) == amount


# Dates -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cell",
    [
        "2026-01-05",
        "2026/1/5",
        "2026.1.5",
        "2026年1月5日",
        "2026年01月05号",
        "２０２６年１月５日",
        "20260105",
        "2026-01-05 00:00:00",
        "2026/1/5 14:30",
        "46027",
        46027,
        46027.0,
        Decimal("46027"),
        dt.date(2026, 1, 5),
        cell_time(2026, 1, 5, 0, 0),
    ],
)
def test_dates_are_read_in_every_form_core_systems_export(cell: object) -> None:
    assert values.parse_date(cell) == dt.date(2026, 1, 5)  # type: ignore[arg-type]


def test_excel_serial_numbers_count_from_the_1900_date_system() -> None:
    assert values.excel_serial_to_datetime(61) == cell_time(1900, 3, 1)
    assert values.excel_serial_to_datetime(45658) == cell_time(2025, 1, 1)
    assert values.excel_serial_to_datetime(45658.75) == cell_time(2025, 1, 1, 18, 0)


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("2026-02-30", "bad_date"),
        ("2026-13-01", "bad_date"),
        ("05/01/2026", "ambiguous_date"),
        ("1/5/26", "ambiguous_date"),
        ("tomorrow", "bad_date"),
        ("1899-12-31", "date_out_of_range"),
        ("100", "date_out_of_range"),
        ("12", "bad_date"),
        (5, "bad_date"),
        ("", "missing"),
        (True, "bad_date"),
    ],
)
def test_what_is_not_a_date_says_why(cell: object, code: str) -> None:
    with pytest.raises(values.ValueProblem) as caught:
        values.parse_date(cell)  # type: ignore[arg-type]
    assert caught.value.code == code


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_every_written_form_of_a_date_reads_back(day: dt.date) -> None:
    for text in (
        day.isoformat(),
        f"{day.year}/{day.month}/{day.day}",
        f"{day.year}年{day.month}月{day.day}日",
        day.strftime("%Y%m%d"),
        str((day - dt.date(1899, 12, 30)).days),
    ):
        assert values.parse_date(text) == day


# Timestamps ------------------------------------------------------------------------------------


def test_a_time_without_a_zone_is_read_in_the_teams_zone() -> None:
    assert values.parse_timestamp("2026-02-10 14:30", CHINA) == dt.datetime(
        2026, 2, 10, 6, 30, tzinfo=dt.UTC
    )
    assert values.parse_timestamp("2026年2月10日 14时30分", CHINA) == dt.datetime(
        2026, 2, 10, 6, 30, tzinfo=dt.UTC
    )
    assert values.parse_timestamp(cell_time(2026, 2, 10, 14, 30), CHINA) == dt.datetime(
        2026, 2, 10, 6, 30, tzinfo=dt.UTC
    )


def test_a_time_with_an_offset_keeps_it() -> None:
    assert values.parse_timestamp("2026-02-10T14:30:00+08:00", CHINA) == dt.datetime(
        2026, 2, 10, 6, 30, tzinfo=dt.UTC
    )
    assert values.parse_timestamp("2026-02-10T06:30Z", CHINA) == dt.datetime(
        2026, 2, 10, 6, 30, tzinfo=dt.UTC
    )


def test_a_day_without_a_time_is_its_end_in_every_form() -> None:
    end_of_day = dt.datetime(2026, 2, 10, 15, 59, 59, tzinfo=dt.UTC)  # 23:59:59 in Chengdu
    for cell in (
        "2026-02-10",
        "2026/2/10",
        "2026-02-10 00:00:00",
        dt.date(2026, 2, 10),
        cell_time(2026, 2, 10),
        46063,
    ):
        assert values.parse_timestamp(cell, CHINA) == end_of_day


def test_an_excel_serial_with_a_fraction_is_a_time_of_day() -> None:
    assert values.parse_timestamp(46063.5, CHINA) == dt.datetime(2026, 2, 10, 4, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize("cell", ["2026-02-10 25:00", "2026-02-10 noon", "2026-02-10+08:00"])
def test_what_is_not_a_timestamp_says_so(cell: str) -> None:
    with pytest.raises(values.ValueProblem) as caught:
        values.parse_timestamp(cell, CHINA)
    assert caught.value.code in {"bad_timestamp", "bad_date"}


# Identifiers -----------------------------------------------------------------------------------


def test_loan_refs_are_normalised_but_keep_their_case() -> None:
    assert values.parse_loan_ref(" CD-2026-0001 ") == "CD-2026-0001"
    assert values.parse_loan_ref("ＣＤ－０００１") == "CD-0001"
    assert values.parse_loan_ref("cd/01.a") == "cd/01.a"
    assert values.parse_loan_ref(123456) == "123456"
    assert values.parse_loan_ref(123456.0) == "123456"


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("", "missing"),
        (None, "missing"),
        ("CD 0001", "bad_loan_ref"),
        ("贷款1", "bad_loan_ref"),
        ("1.23457E+11", "number_lost_digits"),
        ("X" * 65, "too_long"),
        (12.5, "bad_loan_ref"),
    ],
)
def test_what_is_not_a_loan_ref_says_why(cell: object, code: str) -> None:
    with pytest.raises(values.ValueProblem) as caught:
        values.parse_loan_ref(cell)  # type: ignore[arg-type]
    assert caught.value.code == code


def test_id_numbers_are_upper_case_and_never_quoted_back() -> None:
    assert values.parse_id_number(" 51010619920303345x ") == "51010619920303345X"
    assert values.parse_id_number("５１０１０４１９９００１０１１２３４") == "510104199001011234"
    with pytest.raises(values.ValueProblem) as lost:
        values.parse_id_number(5.101041990010112e17)
    assert lost.value.code == "number_lost_digits"
    with pytest.raises(values.ValueProblem) as bad:
        values.parse_id_number("5101-0419")
    assert bad.value.code == "bad_id_number"
    assert "5101" not in str(bad.value)


def test_a_cell_may_hold_several_phone_numbers() -> None:
    assert values.parse_phones("13900139000; 028-87654321") == ("13900139000", "02887654321")
    assert values.parse_phones("138 0013 8000、+86 139 0000 0000") == (
        "13800138000",
        "+8613900000000",
    )
    assert values.parse_phones(13800138000) == ("13800138000",)
    assert values.parse_phones("") == ()
    with pytest.raises(values.ValueProblem, match="not a phone number"):
        values.parse_phones("call me")


def test_coordinates_are_checked_against_their_range() -> None:
    assert values.parse_coordinate("30.657", "lat") == pytest.approx(30.657)
    assert values.parse_coordinate(104.066, "lon") == pytest.approx(104.066)
    assert values.parse_coordinate(" ", "lat") is None
    with pytest.raises(values.ValueProblem, match="latitude lies between -90 and 90"):
        values.parse_coordinate("104.066", "lat")
    with pytest.raises(values.ValueProblem, match="not a longitude"):
        values.parse_coordinate("east", "lon")


def test_headers_match_whatever_their_spelling() -> None:
    assert values.header_key("Loan_Ref") == values.header_key("loan ref") == "loanref"
    assert values.header_key("本金（元）") == values.header_key(" 本金 ") == "本金"
    assert values.header_key(None) == ""


def test_column_letters_go_on_past_z() -> None:
    assert [values.column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]
