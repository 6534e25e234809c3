"""Reading one value of a portfolio file as core-banking exports and spreadsheets write it.

Amounts with thousands separators, full-width digits and currency marks; dates as 2026-01-05,
2026/1/5, 2026年1月5日, 20260105 or an Excel serial number; timestamps; loan references, ID and
phone numbers, coordinates; and column headers reduced to a key for matching aliases. Pure: a cell
value in, a value out, or a `ValueProblem` with a stable code and an English reason. No files, no
database.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from app.domain import money

# What a reader hands over: text from a CSV, or what openpyxl gives for an XLSX cell.
CellValue = str | int | float | Decimal | dt.date | dt.datetime | dt.time | bool | None

# Dates outside these years are typing or format errors in a loan book, never real due dates.
EARLIEST_YEAR = 1950
LATEST_YEAR = 2100
# Excel's 1900 date system: serial 61 is 1900-03-01, so day 0 is 1899-12-30 from there on
# (Excel keeps Lotus 1-2-3's fictitious 1900-02-29 as serial 60).
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_FIRST_RELIABLE_SERIAL = 61
# A spreadsheet keeps numbers as doubles: 15 significant digits survive, the rest are lost.
_EXACT_DIGITS = 15
# A date without a time of day (a payment file that gives only the day) is taken at the end of
# that day in the file's zone: it then counts for a promise made earlier that same day.
END_OF_DAY = dt.time(23, 59, 59)
# Float noise that a spreadsheet leaves on an amount (1234.5000000001) is not a third decimal.
_FLOAT_NOISE = Decimal("0.000001")

MAX_LOAN_REF_LENGTH = 64
MAX_ID_NUMBER_LENGTH = 32

_LOAN_REF = re.compile(r"^[0-9A-Za-z][0-9A-Za-z\-_/.#:]*$")
_SHORTENED_NUMBER = re.compile(r"^\d(?:\.\d+)?E\+?\d+$", re.IGNORECASE)
_ID_NUMBER = re.compile(r"^[0-9A-Z]+$")
_PHONE = re.compile(r"^\+?\d{5,20}$")
_PHONE_SEPARATORS = re.compile(r"[;,/、|]+")
_PHONE_PUNCTUATION = re.compile(r"[\s\-()]")
_DECIMALS = re.compile(r"\.(\d+)")
_PLAIN_AMOUNT = re.compile(r"^\d{1,15}(?:\.\d{1,2})?$")
_SERIAL = re.compile(r"^\d{1,5}(?:\.\d+)?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_YEAR_FIRST = re.compile(r"^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$")
_CHINESE_DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$")
_DAY_OR_MONTH_FIRST = re.compile(r"^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$")
_TIME = re.compile(
    r"^(\d{1,2})\s*[:时]\s*(\d{1,2})(?:\s*[:分]\s*(\d{1,2})(?:\.(\d{1,6}))?\s*秒?)?\s*分?$"
)
_OFFSET = re.compile(r"(Z|[+-]\d{2}:?\d{2})$")
_HEADER_UNIT = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_HEADER_NOISE = re.compile(r"[\s_\-.·:*]+")


class ValueProblem(ValueError):
    """A value that cannot be read; `code` is stable, the message says why in English.

    Attributes:
        code: one of "missing", "bad_amount", "negative_amount", "zero_amount",
            "too_many_decimals", "bad_date", "ambiguous_date", "date_out_of_range",
            "bad_timestamp", "bad_loan_ref", "number_lost_digits", "bad_id_number", "bad_phone",
            "bad_coordinate", "too_long".
        params: the values the reason mentions.
    """

    def __init__(self, code: str, reason: str, **params: object) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason
        self.params = params


def _text(value: CellValue) -> str:
    """The cell as trimmed NFKC text: full-width digits and punctuation become ASCII."""
    text = str(value)
    if text.isascii():  # most cells: NFKC changes nothing there, and it is the costly part
        return text.strip()
    return unicodedata.normalize("NFKC", text).strip()


def is_blank(value: CellValue) -> bool:
    """True for an empty cell (nothing, or only spaces, the ideographic space included)."""
    return value is None or (isinstance(value, str) and not value.strip())


def _required(value: CellValue, what: str) -> None:
    if is_blank(value):
        raise ValueProblem("missing", f"{what} is missing")


# Amounts ---------------------------------------------------------------------------------------


def parse_amount(value: CellValue, *, positive: bool = False) -> Decimal:
    """An amount in yuan with two decimals, never negative (and above zero when `positive`).

    Reads "1,234.50", "１，２３４．５０", "¥1 234.5", "1234.50元" and spreadsheet numbers; refuses
    a third decimal rather than round money away.
    """
    _required(value, "the amount")
    if isinstance(value, bool | dt.date | dt.time):
        raise ValueProblem("bad_amount", f"not an amount: {value!r}", value=value)
    if isinstance(value, float):
        amount = _float_amount(value)
    elif isinstance(value, int | Decimal):
        amount = _exact_amount(Decimal(value), value)
    else:
        amount = _text_amount(str(value))
    if amount < 0:
        raise ValueProblem("negative_amount", f"the amount is negative: {value!r}", value=value)
    if positive and amount == 0:
        raise ValueProblem("zero_amount", f"the amount must be above zero: {value!r}", value=value)
    return amount


def _float_amount(value: float) -> Decimal:
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueProblem("bad_amount", f"not an amount: {value!r}", value=value)
    # repr gives the shortest decimal that reads back as the same double: what the sheet shows.
    exact = Decimal(repr(value))
    rounded = exact.quantize(money.CENT, rounding=ROUND_HALF_UP)
    if abs(exact - rounded) > _FLOAT_NOISE:
        raise ValueProblem("too_many_decimals", f"more than two decimals: {value!r}", value=value)
    return rounded


def _exact_amount(amount: Decimal, shown: object) -> Decimal:
    if not amount.is_finite():
        raise ValueProblem("bad_amount", f"not an amount: {shown!r}", value=shown)
    if amount != amount.quantize(money.CENT, rounding=ROUND_HALF_UP):
        raise ValueProblem("too_many_decimals", f"more than two decimals: {shown!r}", value=shown)
    return amount.quantize(money.CENT)


def _text_amount(text: str) -> Decimal:
    plain = text.strip()
    if _PLAIN_AMOUNT.match(plain):  # the common case, read without the general parser
        return Decimal(plain).quantize(money.CENT)
    try:
        amount = money.parse_money(text)
    except (money.MoneyError, InvalidOperation) as exc:
        raise ValueProblem("bad_amount", f"not an amount: {text!r}", value=text) from exc
    decimals = _DECIMALS.search(unicodedata.normalize("NFKC", text))
    if decimals and decimals.group(1)[2:].strip("0"):
        raise ValueProblem("too_many_decimals", f"more than two decimals: {text!r}", value=text)
    return amount


# Dates and timestamps --------------------------------------------------------------------------


def _checked(day: dt.date, shown: object) -> dt.date:
    if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        raise ValueProblem(
            "date_out_of_range",
            f"the date {day.isoformat()} (from {shown!r}) is not between "
            f"{EARLIEST_YEAR} and {LATEST_YEAR}",
            value=shown,
        )
    return day


def _make_date(year: str, month: str, day: str, shown: object) -> dt.date:
    try:
        return _checked(dt.date(int(year), int(month), int(day)), shown)
    except ValueError as exc:
        if isinstance(exc, ValueProblem):
            raise
        raise ValueProblem("bad_date", f"no such date: {shown!r}", value=shown) from exc


def excel_serial_to_datetime(serial: float | int | Decimal) -> dt.datetime:
    """The moment an Excel serial number stands for (1900 date system), without a zone."""
    number = Decimal(str(serial)) if isinstance(serial, float) else Decimal(serial)
    if not number.is_finite() or number < _FIRST_RELIABLE_SERIAL:
        raise ValueProblem("bad_date", f"not a date: {serial!r}", value=serial)
    days = int(number)
    # Whole seconds: a sheet's times are minutes, and the double's last bits are noise.
    seconds = int(((number - days) * 86400).to_integral_value(rounding=ROUND_HALF_UP))
    try:
        start = dt.datetime.combine(_EXCEL_EPOCH + dt.timedelta(days=days), dt.time())
    except OverflowError as exc:
        raise ValueProblem("bad_date", f"not a date: {serial!r}", value=serial) from exc
    return start + dt.timedelta(seconds=seconds)


def parse_date(value: CellValue) -> dt.date:
    """A calendar date from a date cell, an Excel serial number or text.

    Text may be 2026-01-05, 2026/1/5, 2026.1.5, 2026年1月5日, 20260105 or a serial number such as
    46027 (a date column saved as a number); a time of day after it is ignored. Day-first and
    month-first forms (05/01/2026) are refused: nobody can tell which one was meant.
    """
    _required(value, "the date")
    if isinstance(value, bool | dt.time):
        raise ValueProblem("bad_date", f"not a date: {value!r}", value=value)
    if isinstance(value, dt.datetime):
        return _checked(value.date(), value)
    if isinstance(value, dt.date):
        return _checked(value, value)
    if isinstance(value, int | float | Decimal):
        return _checked(excel_serial_to_datetime(value).date(), value)
    day, _time = _split_date_time(str(value))
    return day


def _date_from_text(text: str, shown: object) -> dt.date:
    for pattern in (_YEAR_FIRST, _CHINESE_DATE, _COMPACT_DATE):
        found = pattern.match(text)
        if found:
            return _make_date(*found.groups(), shown=shown)
    if _SERIAL.match(text):
        return _checked(excel_serial_to_datetime(Decimal(text)).date(), shown)
    if _DAY_OR_MONTH_FIRST.match(text):
        raise ValueProblem(
            "ambiguous_date",
            f"day and month cannot be told apart in {shown!r}; write the year first (2026-01-05)",
            value=shown,
        )
    raise ValueProblem("bad_date", f"not a date: {shown!r}", value=shown)


def _time_from_text(text: str, shown: object) -> dt.time:
    found = _TIME.match(text)
    if not found:
        raise ValueProblem("bad_timestamp", f"not a time of day in {shown!r}", value=shown)
    hour, minute, second, fraction = found.groups()
    try:
        return dt.time(
            int(hour), int(minute), int(second or 0), int((fraction or "0").ljust(6, "0"))
        )
    except ValueError as exc:
        raise ValueProblem("bad_timestamp", f"no such time: {shown!r}", value=shown) from exc


def _split_date_time(raw: str) -> tuple[dt.date, tuple[dt.time, dt.tzinfo | None] | None]:
    """Date and (time, offset) of a text timestamp; the time is None when only a day is given."""
    text = _text(raw)
    offset: dt.tzinfo | None = None
    found_offset = _OFFSET.search(text) if re.search(r"\d[T ]\d", text) else None
    if found_offset:
        text = text[: found_offset.start()].strip()
        offset = _parse_offset(found_offset.group(1), raw)
    parts = re.split(r"(?<=[\d日号])\s*[T ]\s*(?=\d)", text, maxsplit=1)
    day = _date_from_text(parts[0].strip(), raw)
    if len(parts) == 1:
        if offset is not None:
            raise ValueProblem("bad_timestamp", f"not a timestamp: {raw!r}", value=raw)
        return day, None
    return day, (_time_from_text(parts[1].strip(), raw), offset)


def _parse_offset(text: str, shown: object) -> dt.tzinfo:
    if text == "Z":
        return dt.UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 23 or minutes > 59:
        raise ValueProblem("bad_timestamp", f"not a UTC offset in {shown!r}", value=shown)
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def parse_timestamp(value: CellValue, zone: dt.tzinfo) -> dt.datetime:
    """A moment in UTC from a date-time cell, an Excel serial number or text.

    Times without a zone are read in `zone` (the team's). A day without a time of day (or with
    00:00:00, as spreadsheets write a date cell) is taken at `END_OF_DAY`. Text is a date as
    `parse_date` reads it, then optionally a time (14:30, 14:30:05, 14时30分) and a UTC offset
    (+08:00, Z).
    """
    _required(value, "the time")
    if isinstance(value, bool | dt.time):
        raise ValueProblem("bad_timestamp", f"not a timestamp: {value!r}", value=value)
    if isinstance(value, dt.datetime):
        local = value
    elif isinstance(value, dt.date):
        local = dt.datetime.combine(value, dt.time())
    elif isinstance(value, int | float | Decimal):
        local = excel_serial_to_datetime(value)
    else:
        day, clock = _split_date_time(str(value))
        local = dt.datetime.combine(day, *clock) if clock else dt.datetime.combine(day, dt.time())
    _checked(local.date(), value)
    # A date cell, "2026-01-05" and "2026-01-05 00:00:00" all mean the day only: the same
    # payment exported as XLSX or as CSV must read as the same moment.
    if local.tzinfo is None and local.time() == dt.time():
        local = dt.datetime.combine(local.date(), END_OF_DAY)
    if local.tzinfo is None:
        local = local.replace(tzinfo=zone)
    return local.astimezone(dt.UTC)


# Identifiers -----------------------------------------------------------------------------------


def _integral_text(value: int | float | Decimal, what: str) -> str:
    """A number cell that holds an identifier, as its digits; refused when digits were lost."""
    name = what.replace("_", " ")
    if isinstance(value, float | Decimal) and value != int(value):
        raise ValueProblem("bad_" + what, f"a {name} is not a fraction")
    number = int(value)
    if isinstance(value, float) and len(str(abs(number))) > _EXACT_DIGITS:
        raise ValueProblem(
            "number_lost_digits",
            f"the {name} was stored as a number and lost its last digits;"
            " format the column as text",
        )
    return str(number)


def _identifier_text(value: CellValue, what: str) -> str:
    if isinstance(value, bool | dt.date | dt.time):
        raise ValueProblem("bad_" + what, f"not a {what.replace('_', ' ')}: {value!r}")
    if isinstance(value, int | float | Decimal):
        return _integral_text(value, what)
    text = _text(value)
    if _SHORTENED_NUMBER.match(text):
        raise ValueProblem(
            "number_lost_digits",
            f"the {what.replace('_', ' ')} {text!r} was shortened by a spreadsheet;"
            " format the column as text",
            value=text,
        )
    return text


def parse_loan_ref(value: CellValue) -> str:
    """A loan reference: letters, digits and - _ / . # :, at most 64 characters, case kept."""
    _required(value, "the loan ref")
    text = _identifier_text(value, "loan_ref")
    if len(text) > MAX_LOAN_REF_LENGTH:
        raise ValueProblem(
            "too_long",
            f"the loan ref is longer than {MAX_LOAN_REF_LENGTH} characters",
            limit=MAX_LOAN_REF_LENGTH,
        )
    if not _LOAN_REF.match(text):
        raise ValueProblem("bad_loan_ref", f"not a loan ref: {text!r}", value=text)
    return text


def parse_id_number(value: CellValue) -> str:
    """An identity document number, upper case without spaces (the value is never quoted back).

    Its shape is not checked beyond letters and digits: old 15-digit and foreign numbers occur.
    """
    _required(value, "the ID number")
    text = _identifier_text(value, "id_number").upper().replace(" ", "")
    if len(text) > MAX_ID_NUMBER_LENGTH:
        raise ValueProblem(
            "too_long",
            f"the ID number is longer than {MAX_ID_NUMBER_LENGTH} characters",
            limit=MAX_ID_NUMBER_LENGTH,
        )
    if not _ID_NUMBER.match(text):
        raise ValueProblem("bad_id_number", "the ID number may hold only letters and digits")
    return text


def parse_phones(value: CellValue) -> tuple[str, ...]:
    """Phone numbers of a cell (several split by ; , / 、 |), digits only, a leading + kept."""
    if is_blank(value):
        return ()
    text = _identifier_text(value, "phone")
    phones: list[str] = []
    for part in _PHONE_SEPARATORS.split(text):
        number = _PHONE_PUNCTUATION.sub("", part)
        if not number:
            continue
        if not _PHONE.match(number):
            raise ValueProblem("bad_phone", f"not a phone number: {part.strip()!r}")
        if number not in phones:
            phones.append(number)
    return tuple(phones)


def parse_coordinate(value: CellValue, axis: str) -> float | None:
    """A latitude (`axis` "lat", ±90) or longitude ("lon", ±180) in degrees; None when blank."""
    if is_blank(value):
        return None
    limit = 90.0 if axis == "lat" else 180.0
    name = "latitude" if axis == "lat" else "longitude"
    if isinstance(value, bool | dt.date | dt.time):
        raise ValueProblem("bad_coordinate", f"not a {name}: {value!r}", value=value)
    try:
        degrees = float(value if isinstance(value, int | float | Decimal) else _text(value))
    except ValueError as exc:
        raise ValueProblem("bad_coordinate", f"not a {name}: {value!r}", value=value) from exc
    if not -limit <= degrees <= limit:
        raise ValueProblem(
            "bad_coordinate", f"a {name} lies between -{limit:g} and {limit:g}: {value!r}"
        )
    return degrees


def parse_text(value: CellValue, limit: int, what: str) -> str | None:
    """A free text cell, trimmed; None when blank; refused when longer than `limit`."""
    if is_blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if len(text) > limit:
        raise ValueProblem("too_long", f"the {what} is longer than {limit} characters", limit=limit)
    return text


def header_key(header: Any) -> str:
    """A column header reduced for matching: NFKC, case-folded, units in brackets and spaces,
    underscores, hyphens and dots dropped ("Loan_Ref" → "loanref", "本金（元）" → "本金")."""
    text = unicodedata.normalize("NFKC", "" if header is None else str(header)).casefold()
    text = _HEADER_UNIT.sub("", text)
    return _HEADER_NOISE.sub("", text)


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column index (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters
