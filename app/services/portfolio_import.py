"""Bring the overdue portfolio and the payments of the core banking system into the central DB.

A file (CSV in UTF-8, UTF-8 with BOM or GBK, or XLSX) is read whole, its columns are matched to
fields (by the names of DESIGN.md "Portfolio import columns", Chinese aliases or a saved mapping),
and every row is checked before anything is written; then all of it is written in one
transaction, or nothing when any row is wrong. Importing the same file again changes nothing.
Values are read by `app.domain.import_values`; this module never talks to a person: problems come
back as `ImportProblem`s (file, row, column, reason) inside `ImportRejectedError`.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import datetime as dt
import enum
import functools
import hashlib
import io
import itertools
import json
import logging
import operator
import os
import time
import types
import uuid
import zipfile
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import openpyxl
import psycopg
from openpyxl.utils.exceptions import InvalidFileException
from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Table,
    any_,
    bindparam,
    func,
    insert,
    select,
    true,
    update,
)
from sqlalchemy import text as sql_text
from sqlalchemy.dialects import postgresql
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session

from app import bulk_work, errors
from app.domain import aging, privacy, risk, vocabulary
from app.domain import import_values as values
from app.domain.import_values import CellValue
from app.services import case_summary
from app.store import models, schema_upgrade

logger = logging.getLogger(__name__)

_T = TypeVar("_T")

DEFAULT_TIMEZONE = "Asia/Shanghai"
# Rows shown in a preview.
PREVIEW_ROWS = 20
# Problems spelled out in the error's message (all of them stay in `problems`).
MESSAGE_PROBLEMS = 50
# Keys per IN (...) query: SQLite caps the number of bound parameters.
_KEYS_PER_QUERY = 500
# Above this many ID numbers to look up, one scan of the borrowers beats many IN lists
# (borrower.id_number has no index).
_BORROWER_SCAN_THRESHOLD = 2000
# The channel a payment gets when the file has no channel column.
DEFAULT_PAYMENT_CHANNEL = "core_system"
MAX_CHANNEL_LENGTH = 32
MAX_EXTERNAL_REF_LENGTH = 64
MAX_USERNAME_LENGTH = 63
_HASHED_REF_PREFIX = "sha256:"
_CLOSED_STATUSES = frozenset({vocabulary.CaseStatus.SETTLED, vocabulary.CaseStatus.CLOSED})
_UNPAID_INSTALMENTS = (
    vocabulary.InstalmentStatus.DUE,
    vocabulary.InstalmentStatus.PARTIALLY_PAID,
    vocabulary.InstalmentStatus.MISSED,
)
ZERO = Decimal("0.00")


class ImportKind(enum.StrEnum):
    CASES = "cases"
    PAYMENTS = "payments"


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """A field a file's column can fill.

    Attributes:
        name: the field, also the English column name of DESIGN.md.
        required: a file without this column is refused.
        aliases: other headers accepted for it (compared by `import_values.header_key`).
    """

    name: str
    required: bool
    aliases: tuple[str, ...] = ()


# DESIGN.md "Portfolio import columns", with the headers core systems in China commonly export.
CASE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("loan_ref", True, (
        "贷款编号", "借据号", "借据编号", "合同号", "合同编号", "贷款账号", "案件编号",
        "loan no", "loan id", "loan number",
    )),
    FieldSpec("borrower_name", True, (
        "借款人", "借款人姓名", "客户姓名", "客户名称", "姓名", "borrower", "name",
    )),
    FieldSpec("id_number", True, (
        "身份证号", "身份证号码", "证件号码", "证件号", "id no", "id card",
    )),
    FieldSpec("phone", False, (
        "电话", "手机", "手机号", "手机号码", "联系电话", "mobile", "phone number",
    )),
    FieldSpec("address", False, ("地址", "住址", "家庭住址", "居住地址", "联系地址")),
    FieldSpec("lat", False, ("纬度", "latitude")),
    FieldSpec("lon", False, ("经度", "lng", "longitude")),
    FieldSpec("product", False, ("产品", "产品名称", "贷款产品")),
    FieldSpec("principal", True, ("本金", "剩余本金", "逾期本金", "未还本金")),
    FieldSpec("interest", False, ("利息", "逾期利息", "未还利息")),
    FieldSpec("penalty", False, ("罚息", "逾期罚息", "未还罚息")),
    FieldSpec("due_date", True, ("到期日", "应还日期", "应还款日", "最早逾期日", "逾期起始日")),
    FieldSpec("assigned_to", False, ("催收员", "分配催收员", "催收人员", "负责人", "collector")),
)  # fmt: skip
PAYMENT_FIELDS: tuple[FieldSpec, ...] = (
    CASE_FIELDS[0],
    FieldSpec("paid_at", True, (
        "还款时间", "还款日期", "实还日期", "入账时间", "入账日期", "交易时间",
        "paid on", "payment date",
    )),
    FieldSpec("amount", True, ("还款金额", "实还金额", "入账金额", "金额")),
    FieldSpec("channel", False, ("还款渠道", "渠道", "还款方式")),
    FieldSpec("external_ref", False, (
        "流水号", "交易流水号", "还款流水号", "交易编号", "payment ref", "reference",
        "transaction id",
    )),
)  # fmt: skip
FIELDS: Mapping[ImportKind, tuple[FieldSpec, ...]] = {
    ImportKind.CASES: CASE_FIELDS,
    ImportKind.PAYMENTS: PAYMENT_FIELDS,
}
# Channel names of Chinese exports, stored as the codes the demo and the collectors use.
_CHANNEL_CODES = {
    "银行转账": "bank_transfer",
    "转账": "bank_transfer",
    "网银": "bank_transfer",
    "支付宝": "alipay",
    "微信": "wechat_pay",
    "微信支付": "wechat_pay",
    "柜台": "counter",
    "柜面": "counter",
    "代扣": "auto_debit",
    "自动扣款": "auto_debit",
    "现场": "on_site",
}


# Values handed out -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """One thing wrong with a file, where the user finds it in his spreadsheet.

    Attributes:
        file: the file as given.
        row: the row number as a spreadsheet shows it (the header is row 1).
        column: the column's header as in the file (the field name for a missing column).
        letter: the column's spreadsheet letter (A, B, …), None for a missing column.
        field: the field the column fills.
        code: a stable code: "missing_column", "duplicate_column", "duplicate_loan_ref",
            "duplicate_payment_ref", "unknown_collector", "inactive_collector",
            "unknown_loan_ref", "other_borrower", "other_name", "coordinates_incomplete",
            "coordinates_without_address", or a code of `import_values.ValueProblem`.
        reason: what is wrong, in English.
        params: the values the reason mentions, for the UI to put the code into words.
    """

    file: str
    row: int
    column: str
    letter: str | None
    field: str | None
    code: str
    reason: str
    params: Mapping[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", types.MappingProxyType(dict(self.params)))

    def __str__(self) -> str:
        if self.letter:
            where = f', column {self.letter} "{self.column}"'
        elif self.column:
            where = f', column "{self.column}"'
        else:
            where = ""
        return f"{self.file}, row {self.row}{where}: {self.reason}"


class ImportRejectedError(errors.InputFileError):
    """A file with problems: nothing of it was written.

    Attributes:
        file: the file as given.
        problems: every problem found, in row order.
    """

    def __init__(self, file: str, problems: Sequence[ImportProblem]) -> None:
        self.file = file
        self.problems = tuple(problems)
        count = len(self.problems)
        lines = [f"{file}: {count} problem{'s' if count != 1 else ''}; nothing was imported"]
        lines += [str(problem) for problem in self.problems[:MESSAGE_PROBLEMS]]
        if count > MESSAGE_PROBLEMS:
            lines.append(f"… and {count - MESSAGE_PROBLEMS} more")
        super().__init__("\n".join(lines))


class ImportConflictError(errors.KnownError):
    """The central database changed under the import (another import at the same time)."""


class HiddenCasesError(errors.KnownError):
    """The file names loan refs that exist centrally among cases the importer may not see."""


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """A column of the file and the field it fills.

    Attributes:
        position: 0-based position in the row.
        letter: spreadsheet letter (A, B, …).
        header: the header as written in the file.
        field: the field it fills, None when the column is ignored.
    """

    position: int
    letter: str
    header: str
    field: str | None


@dataclass(frozen=True, slots=True)
class PreviewRow:
    """A data row as it will be read (ID numbers masked; unreadable values as written).

    Attributes:
        row: row number as the spreadsheet shows it.
        values: field → value as text.
    """

    row: int
    values: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class ImportCounts:
    """What an import does to the rows of a file.

    Attributes:
        created: rows that add a case (or a payment).
        updated: rows that change a case, its assignment or its borrower's details.
        unchanged: rows already in the central database as they are in the file.
    """

    created: int
    updated: int
    unchanged: int


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """A file read and checked, nothing written.

    Attributes:
        file: the file.
        kind: cases or payments.
        encoding: "utf-8", "utf-8-sig" (UTF-8 with BOM), "gbk", "gb18030", "utf-16" or "xlsx".
        columns: every column of the file and the field it fills.
        missing_fields: required fields no column fills.
        rows: data rows in the file.
        sample: the first rows, read.
        problems: every problem (empty when the file can be imported).
        planned: what an import would do; None while there are problems.
    """

    file: Path
    kind: ImportKind
    encoding: str
    columns: tuple[ColumnMapping, ...]
    missing_fields: tuple[str, ...]
    rows: int
    sample: tuple[PreviewRow, ...]
    problems: tuple[ImportProblem, ...]
    planned: ImportCounts | None

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True, slots=True)
class ImportResult:
    """A file imported.

    Attributes:
        file: the file.
        kind: cases or payments.
        encoding: as in `ImportPreview`.
        rows: data rows in the file.
        created: cases (or payments) added.
        updated: cases changed (balances, due date, product, assignment or borrower details).
        unchanged: rows that changed nothing.
        promises_kept: promises settled as kept by the imported payments.
        instalments_paid: plan instalments paid in full by them.
        cases_settled: cases settled by them.
        seconds: time taken.
    """

    file: Path
    kind: ImportKind
    encoding: str
    rows: int
    created: int
    updated: int
    unchanged: int
    promises_kept: int = 0
    instalments_paid: int = 0
    cases_settled: int = 0
    seconds: float = 0.0


# Saved mappings --------------------------------------------------------------------------------


def field_names(kind: ImportKind | str) -> tuple[str, ...]:
    """The fields a file of `kind` can fill, in DESIGN.md's order."""
    return tuple(spec.name for spec in FIELDS[ImportKind(kind)])


def load_mapping(path: Path | str, kind: ImportKind | str = ImportKind.CASES) -> dict[str, str]:
    """A saved mapping: a JSON object {"column in file": "field"} (null or "" ignores a column)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise errors.InputFileError(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise errors.InputFileError(f"{path}: not a JSON column mapping: {exc}") from exc
    if not isinstance(data, dict):
        raise errors.InputFileError(
            f'{path}: a column mapping is a JSON object {{"column in file": "field"}}'
        )
    return _checked_mapping(data, ImportKind(kind), str(path))


def save_mapping(path: Path | str, mapping: Mapping[str, str | None]) -> None:
    """Write a mapping as `load_mapping` reads it (UTF-8, Chinese headers kept readable)."""
    text = json.dumps(dict(mapping), ensure_ascii=False, indent=2, sort_keys=True)
    Path(path).write_text(text + "\n", encoding="utf-8")


def _checked_mapping(data: Mapping[Any, Any], kind: ImportKind, where: str) -> dict[str, str]:
    known = field_names(kind)
    mapping: dict[str, str] = {}
    for column, target in data.items():
        if target is None or target == "":
            continue
        if not isinstance(column, str) or not isinstance(target, str) or target not in known:
            raise errors.InputFileError(
                f"{where}: column {column!r} is mapped to {target!r}, which is not a field of "
                f"a {kind.value} file ({', '.join(known)})"
            )
        mapping[column] = target
    return mapping


# Reading files ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Table:
    """A file's cells: the header and the non-empty data rows with their spreadsheet numbers."""

    encoding: str
    header_row: int
    header: tuple[str, ...]
    records: list[tuple[int, tuple[CellValue, ...]]]


_XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DELIMITERS = (",", "\t", ";")


def _read_table(path: Path) -> _Table:
    try:
        with path.open("rb") as stream:
            start = stream.read(8)
    except OSError as exc:
        raise errors.InputFileError(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    if start.startswith(_OLE_MAGIC) or path.suffix.lower() == ".xls":
        raise errors.InputFileError(
            f"{path}: an old Excel (.xls) workbook; save it as .xlsx or as CSV and import that"
        )
    if start.startswith(_ZIP_MAGIC) or path.suffix.lower() in _XLSX_SUFFIXES:
        return _header_and_rows("xlsx", _xlsx_rows(path), path)
    text, encoding = _decode(path.read_bytes(), path)
    return _header_and_rows(encoding, _csv_rows(text, path), path)


def _decode(raw: bytes, path: Path) -> tuple[str, str]:
    """The file's text and its encoding: UTF-8 (with or without BOM), else GBK (or GB18030)."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        attempts = ("utf-16",)
    elif raw.startswith(codecs.BOM_UTF8):
        attempts = ("utf-8-sig",)
    else:
        attempts = ("utf-8", "gbk", "gb18030")
    first_error: UnicodeDecodeError | None = None
    for encoding in attempts:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError as exc:
            first_error = first_error or exc
            continue
        if "\x00" in text:
            break
        return text, encoding
    where = f" (byte {first_error.start})" if first_error else ""
    raise errors.InputFileError(
        f"{path}: not a CSV file in UTF-8 or GBK{where}; save it as CSV UTF-8 or as .xlsx"
    )


def _csv_rows(text: str, path: Path) -> Iterator[tuple[CellValue, ...]]:
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(_DELIMITERS, key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        for record in reader:
            yield tuple(record)
    except csv.Error as exc:
        raise errors.InputFileError(
            f"{path}, line {reader.line_num}: not valid CSV: {exc}"
        ) from exc


def _xlsx_rows(path: Path) -> Iterator[tuple[CellValue, ...]]:
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise errors.InputFileError(
            f"{path}: not an XLSX workbook that can be read: {exc}"
        ) from exc
    try:
        sheet = workbook.worksheets[0]
        # Some writers store a wrong sheet size; read what is there.
        sheet.reset_dimensions()
        for cells in sheet.iter_rows(values_only=True):
            yield tuple(cells)
    finally:
        workbook.close()


def _header_and_rows(encoding: str, rows: Iterable[tuple[CellValue, ...]], path: Path) -> _Table:
    """The first non-empty row is the header; empty rows are skipped but keep their numbers."""
    header: tuple[str, ...] | None = None
    header_row = 0
    records: list[tuple[int, tuple[CellValue, ...]]] = []
    for number, cells in enumerate(rows, start=1):
        if all(values.is_blank(cell) for cell in cells):
            continue
        if header is None:
            header = tuple("" if cell is None else str(cell).strip() for cell in cells)
            header_row = number
        else:
            records.append((number, cells))
    if header is None:
        raise errors.InputFileError(f"{path}: the file is empty")
    return _Table(encoding, header_row, header, records)


# Columns ---------------------------------------------------------------------------------------


def _map_columns(
    header: Sequence[str],
    kind: ImportKind,
    mapping: Mapping[str, str],
    file: str,
    header_row: int,
) -> tuple[tuple[ColumnMapping, ...], list[ImportProblem]]:
    specs = FIELDS[kind]
    by_key: dict[str, str] = {}
    for spec in specs:
        for name in (spec.name, *spec.aliases):
            by_key.setdefault(values.header_key(name), spec.name)
    mapped_keys = {values.header_key(column): target for column, target in mapping.items()}
    chosen: list[str | None] = []
    for text in header:
        if text in mapping:
            chosen.append(mapping[text])
        elif values.header_key(text) in mapped_keys:
            chosen.append(mapped_keys[values.header_key(text)])
        else:
            chosen.append(None)
    # A saved mapping wins over an alias: a column the mapping fills is taken from it only.
    from_mapping = {target for target in chosen if target is not None}
    for position, text in enumerate(header):
        if chosen[position] is None:
            guess = by_key.get(values.header_key(text))
            if guess is not None and guess not in from_mapping:
                chosen[position] = guess
    columns = tuple(
        ColumnMapping(position, values.column_letter(position), text, chosen[position])
        for position, text in enumerate(header)
    )
    problems: list[ImportProblem] = []
    seen: dict[str, ColumnMapping] = {}
    for column in columns:
        if column.field is None:
            continue
        if column.field in seen:
            first = seen[column.field]
            problems.append(
                ImportProblem(
                    file,
                    header_row,
                    column.header,
                    column.letter,
                    column.field,
                    "duplicate_column",
                    f"a second column for {column.field} (the first is column {first.letter} "
                    f'"{first.header}")',
                    {"field": column.field, "first_column": first.header},
                )
            )
        else:
            seen[column.field] = column
    for spec in specs:
        if spec.required and spec.name not in seen:
            accepted = ", ".join((spec.name, *spec.aliases[:4]))
            problems.append(
                ImportProblem(
                    file,
                    header_row,
                    spec.name,
                    None,
                    spec.name,
                    "missing_column",
                    f"required column {spec.name} is missing (headers accepted: {accepted}, …)",
                    {"field": spec.name, "accepted": (spec.name, *spec.aliases)},
                )
            )
    return columns, problems


# Parsed rows -----------------------------------------------------------------------------------


@dataclass(slots=True)
class _CaseRow:
    row: int
    loan_ref: str
    borrower_name: str
    id_number: str
    phones: tuple[str, ...]
    address: str | None
    lat: float | None
    lon: float | None
    product: str | None
    principal: Decimal
    interest: Decimal
    penalty: Decimal
    due_date: dt.date
    assigned_to: str | None


@dataclass(slots=True)
class _PaymentRow:
    row: int
    loan_ref: str
    paid_at: dt.datetime
    amount: Decimal
    channel: str
    external_ref: str


def _layout(columns: Sequence[ColumnMapping]) -> dict[str, ColumnMapping]:
    """Each field's column (the first one, when a file has two for a field)."""
    layout: dict[str, ColumnMapping] = {}
    for column in columns:
        if column.field is not None and column.field not in layout:
            layout[column.field] = column
    return layout


# Fields whose cells repeat often enough for remembering parsed values to pay.
_REPEATING_FIELDS = frozenset(
    {"product", "interest", "penalty", "due_date", "assigned_to", "channel", "paid_at"}
)


class _Columns:
    """Reads a file's cells field by field, each field's column top to bottom, collecting a
    problem (file, row, column, reason) for each cell that cannot be read.

    Column by column rather than row by row: the parser, the column's position and its cache
    stay put for 100,000 cells, with no per-row reader to build. A field's repeated cells
    (dates, products, usernames) are parsed once: a parser's answer depends on the cell alone,
    and only successes are kept, so a bad cell is reported on every row it appears.
    """

    def __init__(
        self,
        file: str,
        layout: Mapping[str, ColumnMapping],
        records: Sequence[tuple[int, tuple[CellValue, ...]]],
        problems: list[ImportProblem],
    ) -> None:
        self.file = file
        self.layout = layout
        self.records = records
        self.problems = problems
        self.numbers = [number for number, _cells in records]
        self.failed = [False] * len(records)

    def read(self, name: str, parse: Callable[[CellValue], _T], default: _T) -> list[_T]:
        """Field `name` of every row: its parsed cell, or `default` (a problem when unreadable)."""
        column = self.layout.get(name)
        if column is None:
            return [default] * len(self.records)
        position = column.position
        known: dict[tuple[type, CellValue], _T] | None = {} if name in _REPEATING_FIELDS else None
        read: list[_T] = []
        for index, (_number, cells) in enumerate(self.records):
            cell = cells[position] if position < len(cells) else None
            # By type too: 1, 1.0 and True are equal keys, but not the same cell to a parser.
            key = (type(cell), cell)
            if known is not None:
                try:
                    read.append(known[key])
                    continue
                except KeyError:  # not seen yet
                    pass
                except TypeError:  # a cell that cannot be a key
                    key = None  # type: ignore[assignment]
            try:
                value = parse(cell)
            except values.ValueProblem as exc:
                self.problem(index, name, exc.code, exc.reason, **exc.params)
                read.append(default)
                continue
            if known is not None and key is not None:
                known[key] = value
            read.append(value)
        return read

    def problem(self, index: int, name: str, code: str, reason: str, **params: object) -> None:
        self.failed[index] = True
        column = self.layout.get(name)
        self.problems.append(
            ImportProblem(
                self.file,
                self.numbers[index],
                column.header if column else name,
                column.letter if column else None,
                name,
                code,
                reason,
                params,
            )
        )


def _required_text(limit: int, what: str) -> Callable[[CellValue], str]:
    def parse(cell: CellValue) -> str:
        text = values.parse_text(cell, limit, what)
        if text is None:
            raise values.ValueProblem("missing", f"the {what} is missing")
        return text

    return parse


def _optional_text(limit: int, what: str) -> Callable[[CellValue], str | None]:
    return lambda cell: values.parse_text(cell, limit, what)


_FAR_DATE = dt.date(2000, 1, 1)
_FAR_MOMENT = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def _latitude(cell: CellValue) -> float | None:
    return values.parse_coordinate(cell, "lat")


def _longitude(cell: CellValue) -> float | None:
    return values.parse_coordinate(cell, "lon")


def _optional_amount(cell: CellValue) -> Decimal:
    return ZERO if values.is_blank(cell) else values.parse_amount(cell)


_address_text = _optional_text(10_000, "address")
_borrower_name = _required_text(100, "borrower's name")
_product = _optional_text(64, "product")
_username = _optional_text(MAX_USERNAME_LENGTH, "collector's username")


def _read_cases(
    columns: _Columns, meter: _Progress
) -> tuple[list[_CaseRow | None], list[tuple[int, str]]]:
    """Each row as a case, or None when any of its cells cannot be read; and the rows naming a
    collector, with his username (checked against the users even on a row that failed)."""
    assigned = columns.read("assigned_to", _username, None)
    lat = columns.read("lat", _latitude, None)
    lon = columns.read("lon", _longitude, None)
    address = columns.read("address", _address_text, None)
    fields = zip(
        columns.numbers,
        columns.read("loan_ref", values.parse_loan_ref, ""),
        columns.read("borrower_name", _borrower_name, ""),
        columns.read("id_number", values.parse_id_number, ""),
        columns.read("phone", values.parse_phones, ()),
        address,
        lat,
        lon,
        columns.read("product", _product, None),
        columns.read("principal", values.parse_amount, ZERO),
        columns.read("interest", _optional_amount, ZERO),
        columns.read("penalty", _optional_amount, ZERO),
        columns.read("due_date", values.parse_date, _FAR_DATE),
        assigned,
        strict=True,
    )
    failed = columns.failed
    rows: list[_CaseRow | None] = []
    places = zip(address, lat, lon, strict=True)
    for index, (row_fields, (place, latitude, longitude)) in enumerate(
        zip(fields, places, strict=True)
    ):
        if (latitude is None) != (longitude is None) and not failed[index]:
            missing = "lat" if latitude is None else "lon"
            columns.problem(
                index,
                missing,
                "coordinates_incomplete",
                "a place needs both latitude and longitude",
            )
        if latitude is not None and longitude is not None and place is None:
            columns.problem(
                index, "address", "coordinates_without_address", "coordinates without an address"
            )
        rows.append(None if failed[index] else _CaseRow(*row_fields))
        meter.advance()
    assignees = [
        (number, username)
        for number, username in zip(columns.numbers, assigned, strict=True)
        if username is not None
    ]
    return rows, assignees


def _channel(cell: CellValue) -> str:
    text = values.parse_text(cell, MAX_CHANNEL_LENGTH, "channel")
    if text is None:
        return DEFAULT_PAYMENT_CHANNEL
    return _CHANNEL_CODES.get(text, text)


def _external_ref(cell: CellValue) -> str | None:
    return values.parse_text(cell, MAX_EXTERNAL_REF_LENGTH, "payment reference")


def payment_ref(
    loan_ref: str, paid_at: dt.datetime, amount: Decimal, channel: str, nth: int
) -> str:
    """The stable reference of a payment whose file gives none.

    A hash of what identifies it, so that importing the file (or another export holding the same
    payments) again finds it. `nth` counts identical payments within one file from 1, so two
    equal transfers on one day stay two payments.
    """
    key = "|".join(
        (
            loan_ref,
            paid_at.astimezone(dt.UTC).isoformat(),
            f"{amount:.2f}",
            channel.casefold(),
            str(nth),
        )
    )
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
    return (_HASHED_REF_PREFIX + digest)[:MAX_EXTERNAL_REF_LENGTH]


def _read_payments(
    columns: _Columns, zone: dt.tzinfo, meter: _Progress
) -> list[_PaymentRow | None]:
    """Each row as a payment, or None when any of its cells cannot be read."""
    fields = zip(
        columns.numbers,
        columns.read("loan_ref", values.parse_loan_ref, ""),
        columns.read("paid_at", lambda cell: values.parse_timestamp(cell, zone), _FAR_MOMENT),
        columns.read("amount", lambda cell: values.parse_amount(cell, positive=True), ZERO),
        columns.read("channel", _channel, DEFAULT_PAYMENT_CHANNEL),
        columns.read("external_ref", _external_ref, None),
        strict=True,
    )
    rows: list[_PaymentRow | None] = []
    for failed, (number, loan_ref, paid_at, amount, channel, external_ref) in zip(
        columns.failed, fields, strict=True
    ):
        rows.append(
            None
            if failed
            else _PaymentRow(number, loan_ref, paid_at, amount, channel, external_ref or "")
        )
        meter.advance()
    return rows


def _display(
    number: int,
    layout: Mapping[str, ColumnMapping],
    cells: Sequence[CellValue],
    parsed: _CaseRow | _PaymentRow | None,
) -> PreviewRow:
    shown: dict[str, str] = {}
    for name, column in layout.items():
        cell = cells[column.position] if column.position < len(cells) else None
        shown[name] = "" if cell is None else str(cell).strip()
    if isinstance(parsed, _CaseRow):
        shown.update(
            loan_ref=parsed.loan_ref,
            borrower_name=parsed.borrower_name,
            id_number=privacy.mask_id_number(parsed.id_number),
            principal=f"{parsed.principal:.2f}",
            interest=f"{parsed.interest:.2f}",
            penalty=f"{parsed.penalty:.2f}",
            due_date=parsed.due_date.isoformat(),
        )
        if "phone" in layout:
            shown["phone"] = "; ".join(parsed.phones)
    elif isinstance(parsed, _PaymentRow):
        shown.update(
            loan_ref=parsed.loan_ref,
            paid_at=parsed.paid_at.isoformat(),
            amount=f"{parsed.amount:.2f}",
            channel=parsed.channel,
        )
    elif "id_number" in shown:
        shown["id_number"] = privacy.mask_id_number(shown["id_number"])
    return PreviewRow(number, shown)


# The work --------------------------------------------------------------------------------------


class _Progress:
    """Reports (done, total) to a callback: each row once when read, once when written."""

    def __init__(self, callback: Callable[[int, int], None] | None, rows: int) -> None:
        self.callback = callback
        self.total = max(1, 2 * rows)
        self.done = 0
        self._step = max(1, self.total // 100)
        self._reported = -1

    def advance(self, count: int = 1) -> None:
        self.done = min(self.total, self.done + count)
        if self.callback and (self.done - self._reported >= self._step or self.done == self.total):
            self._reported = self.done
            self.callback(self.done, self.total)

    def passing(self, rows: Iterable[_T]) -> Iterator[_T]:
        """`rows` as they are consumed, each counted once."""
        for row in rows:
            yield row
            self.advance()

    def finish(self) -> None:
        if self.done < self.total:
            self.advance(self.total - self.done)


@dataclass(slots=True)
class _Prepared:
    """A file read and checked against the central database, and what writing it will do."""

    file: str
    kind: ImportKind
    encoding: str
    columns: tuple[ColumnMapping, ...]
    rows: int
    sample: list[PreviewRow]
    problems: list[ImportProblem]
    case_rows: list[_CaseRow] = field(default_factory=list)
    # (row, username) of every row naming a collector, its other cells readable or not.
    assignees: list[tuple[int, str]] = field(default_factory=list)
    payment_rows: list[_PaymentRow] = field(default_factory=list)
    present: frozenset[str] = frozenset()
    counts: ImportCounts | None = None
    writes: Callable[[Session, _Progress, _Context], ImportResult] | None = None


@dataclass(frozen=True, slots=True)
class _Context:
    """What writing needs beyond the file: the day, who imports, the time of the writes."""

    as_of: dt.date
    by_user_id: uuid.UUID | None
    now: dt.datetime
    # A lead's import puts the cases it leaves unassigned in his team, where he sees them.
    by_team_id: uuid.UUID | None = None


def _chunks(items: Sequence[_T], size: int = _KEYS_PER_QUERY) -> Iterator[Sequence[_T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@functools.cache
def _central_head() -> str:
    # Reading the migration scripts takes tens of milliseconds; they do not change in a process.
    return schema_upgrade.head_revision(schema_upgrade.SchemaKind.CENTRAL)


def check_central(engine: Engine) -> None:
    """Refuse a database that cannot be reached or is not a central database at this version."""
    where = engine.url.render_as_string(hide_password=True)
    try:
        with engine.connect() as connection:
            revision = schema_upgrade.current_revision(connection)
    except OperationalError as exc:
        raise errors.StoreError(f"cannot reach the central database {where}: {exc.orig}") from exc
    if revision == _central_head():
        return
    if revision is None:
        raise errors.StoreError(
            f"{where} is not a FieldCollect central database; create it with admin init-central"
        )
    schema_upgrade.check_not_newer(schema_upgrade.SchemaKind.CENTRAL, revision, where)
    raise errors.StoreError(
        f"{where} is at schema {revision}, this version needs {_central_head()}; "
        "upgrade it with admin init-central"
    )


class ImportService:
    """Imports portfolio and payment files into a central database (PostgreSQL or SQLite).

    Attributes:
        engine: the central database.
        zone: the zone of times written without one in payment files.
    """

    def __init__(
        self,
        central_engine: Engine,
        *,
        timezone: str = DEFAULT_TIMEZONE,
        clock: Callable[[], dt.datetime] = models.utc_now,
    ) -> None:
        self.engine = central_engine
        self.zone = ZoneInfo(timezone)
        self._clock = clock

    # Public use cases ----------------------------------------------------------------------

    def preview(
        self,
        path: Path | str,
        kind: ImportKind | str = ImportKind.CASES,
        mapping: Mapping[str, str] | Path | str | None = None,
    ) -> ImportPreview:
        """Read and check `path` as an import would, and say what it would do; writes nothing."""
        path = Path(path)
        kind = ImportKind(kind)
        with bulk_work.cycle_collector_paused():
            table = _read_table(path)
            check_central(self.engine)
            with Session(self.engine) as session:
                prepared = self._prepare(session, path, table, kind, mapping, _Progress(None, 0))
                session.rollback()
        mapped = {column.field for column in prepared.columns if column.field}
        return ImportPreview(
            file=path,
            kind=kind,
            encoding=prepared.encoding,
            columns=prepared.columns,
            missing_fields=tuple(
                spec.name for spec in FIELDS[kind] if spec.required and spec.name not in mapped
            ),
            rows=prepared.rows,
            sample=tuple(prepared.sample),
            problems=tuple(prepared.problems),
            planned=prepared.counts if not prepared.problems else None,
        )

    def run(
        self,
        path: Path | str,
        kind: ImportKind | str = ImportKind.CASES,
        mapping: Mapping[str, str] | Path | str | None = None,
        progress: Callable[[int, int], None] | None = None,
        as_of: dt.date | None = None,
        *,
        by_username: str | None = None,
    ) -> ImportResult:
        """Import `path` whole, or nothing: any problem raises `ImportRejectedError`.

        `as_of` is the day promises are judged on and risk is computed for (default: today in
        the team's zone). `by_username` is recorded as who assigned the cases the file assigns.
        `progress(done, total)` is called as rows are checked and written; an exception raised
        from it cancels the import and nothing is written.
        """
        started = time.perf_counter()
        path = Path(path)
        kind = ImportKind(kind)
        as_of = as_of or dt.datetime.now(self.zone).date()
        with bulk_work.cycle_collector_paused():
            table = _read_table(path)
            check_central(self.engine)
            meter = _Progress(progress, len(table.records))
            try:
                with Session(self.engine) as session, session.begin():
                    by_user_id, by_team_id = self._importer(session, by_username)
                    prepared = self._prepare(session, path, table, kind, mapping, meter)
                    if prepared.problems:
                        raise ImportRejectedError(prepared.file, prepared.problems)
                    assert prepared.writes is not None
                    context = _Context(as_of, by_user_id, self._now(), by_team_id)
                    result = prepared.writes(session, meter, context)
            except IntegrityError as exc:
                constraint = getattr(getattr(exc.orig, "diag", None), "constraint_name", None)
                if constraint == _LOAN_REF_UNIQUE and not session.info.get("bypasses_rls", True):
                    # Row-level security hid those cases from the check: they are not his.
                    raise HiddenCasesError(
                        f"{path}: a loan ref of this file already belongs to a case you may not"
                        " see (another team's); nothing was imported. Leave it out, or ask an"
                        " administrator to import it or to move the case to your team"
                    ) from exc
                raise ImportConflictError(
                    f"{path}: the central database changed while importing (another import?); "
                    f"nothing was imported, run it again ({exc.orig})"
                ) from exc
        meter.finish()
        seconds = time.perf_counter() - started
        logger.info(
            "imported %s %s: %d created, %d updated, %d unchanged in %.2f s",
            kind.value,
            path.name,
            result.created,
            result.updated,
            result.unchanged,
            seconds,
        )
        return dataclasses.replace(result, seconds=round(seconds, 3))

    # Reading and checking ------------------------------------------------------------------

    def _prepare(
        self,
        session: Session,
        path: Path,
        table: _Table,
        kind: ImportKind,
        mapping: Mapping[str, str] | Path | str | None,
        meter: _Progress,
    ) -> _Prepared:
        file = str(path)
        if mapping is None:
            chosen: Mapping[str, str] = {}
        elif isinstance(mapping, Path | str):
            chosen = load_mapping(mapping, kind)
        else:
            chosen = _checked_mapping(mapping, kind, "the column mapping")
        columns, problems = _map_columns(table.header, kind, chosen, file, table.header_row)
        prepared = _Prepared(file, kind, table.encoding, columns, len(table.records), [], problems)
        prepared.present = frozenset(column.field for column in columns if column.field)
        header_ok = not problems
        layout = _layout(columns)
        reading = _Columns(file, layout, table.records, problems)
        parsed: Sequence[_CaseRow | _PaymentRow | None]
        if kind is ImportKind.CASES:
            parsed, prepared.assignees = _read_cases(reading, meter)
            prepared.case_rows = [row for row in parsed if row is not None]
        else:
            parsed = _read_payments(reading, self.zone, meter)
            prepared.payment_rows = [row for row in parsed if row is not None]
        prepared.sample = [
            _display(number, layout, cells, row)
            for (number, cells), row in zip(table.records[:PREVIEW_ROWS], parsed, strict=False)
        ]
        # Rows are compared with each other and with the central database only once every
        # field has its column: a missing column would make every row look alike.
        if kind is ImportKind.CASES and header_ok:
            _CasesImport(self, session, prepared).check()
        elif header_ok:
            _PaymentsImport(self, session, prepared).check()
        # Row by row, left to right (A…Z, then AA…), as the user reads his spreadsheet.
        problems.sort(key=lambda p: (p.row, len(p.letter or ""), p.letter or ""))
        return prepared

    def _now(self) -> dt.datetime:
        return self._clock().astimezone(dt.UTC)

    @staticmethod
    def _importer(
        session: Session, username: str | None
    ) -> tuple[uuid.UUID | None, uuid.UUID | None]:
        """Who imports: his user id, and his team when he is its lead (else None)."""
        if username is None:
            return None, None
        user = session.execute(
            select(models.AppUser.id, models.AppUser.role, models.AppUser.team_id).where(
                models.AppUser.username == username
            )
        ).one_or_none()
        if user is None:
            raise errors.KnownError(f"unknown user {username!r}: no user has this username")
        lead = user.role == vocabulary.UserRole.LEAD.value
        return user.id, user.team_id if lead else None


def _problem_at(
    prepared: _Prepared, row: int, name: str, code: str, reason: str, **params: object
) -> ImportProblem:
    column = next((c for c in prepared.columns if c.field == name), None)
    return ImportProblem(
        prepared.file,
        row,
        column.header if column else name,
        column.letter if column else None,
        name,
        code,
        reason,
        params,
    )


def _core(session: Session) -> Connection:
    """The session's connection: bulk reads and writes of plain columns skip the ORM's row
    handling, which would cost more than the query."""
    return session.connection()


@dataclass(frozen=True, slots=True)
class _RowUpdate:
    """An UPDATE of some columns of rows found by id: each row given as a dict holding the id
    under `key` and each column's new value under "new_<column>"."""

    table: Table
    key: str
    columns: tuple[str, ...]

    def statement(self) -> Any:
        return (
            update(self.table)
            .where(self.table.c.id == bindparam(self.key))
            .values({name: bindparam(f"new_{name}") for name in self.columns})
        )


def _update_rows(session: Session, change: _RowUpdate, rows: Sequence[dict[str, Any]]) -> None:
    """Apply `change` to each row (a row given twice gets its last values, as if one after the
    other).

    On PostgreSQL each column goes as one array parameter (binary: `%b`, see `_insert_rows`) of
    an `UPDATE … FROM unnest(…)` of many rows: one statement instead of one per row, and, under
    row-level security, the policies checked with one hash of what the importer may see instead
    of one per row. Elsewhere, executemany.
    """
    if not rows:
        return
    latest = list({row[change.key]: row for row in rows}.values())
    if not _on_postgresql(session):
        _core(session).execute(change.statement(), latest)
        return
    types = _column_types(session, change.table)
    names = ("id", *change.columns)
    arrays = ", ".join(f"CAST(%b AS {types[name][1]}[])" for name in names)
    assignments = ", ".join(f'"{name}" = v."{name}"' for name in change.columns)
    listed = ", ".join(f'"{name}"' for name in names)
    statement = (
        f'UPDATE "{change.table.name}" AS t SET {assignments}'
        f" FROM unnest({arrays}) AS v({listed}) WHERE t.id = v.id"
    )
    keys = (change.key, *(f"new_{name}" for name in change.columns))
    for start in range(0, len(latest), _ARRAY_INSERT_ROWS):
        batch = latest[start : start + _ARRAY_INSERT_ROWS]
        _core(session).exec_driver_sql(
            statement, tuple([row[key] for row in batch] for key in keys)
        )


class _NewIds:
    """Ids for new rows: time-ordered UUIDs (version 7, RFC 9562), increasing within an import.

    The database keeps its primary keys, and the foreign keys that point at new rows (a case's
    borrower, a phone's borrower), in B-tree indexes. Random (version 4) ids land all over such
    an index, so a 100,000-row import touches nearly every page of each one and checks every
    foreign key on a cold page; ids that increase append at the index's right edge. Each id is
    the import's start in milliseconds, the version, then a 74-bit counter that starts at a
    random value with room to count, with the variant bits in place (RFC 9562's "fixed-length
    dedicated counter" method): unique across imports by the time and the random start,
    ordered within one.
    """

    _COUNTER_BITS = 74
    _LOW_BITS = 62  # the counter's bits after the variant

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        milliseconds = int(clock() * 1000) & ((1 << 48) - 1)
        self._prefix = (milliseconds << 80) | (0x7 << 76)
        # The top bit clear: more than 2**73 ids can follow before the counter would run over.
        self._counter = int.from_bytes(os.urandom(10), "big") >> (80 - self._COUNTER_BITS + 1)

    def __call__(self) -> uuid.UUID:
        counter = self._counter
        self._counter = counter + 1
        low_mask = (1 << self._LOW_BITS) - 1
        return uuid.UUID(
            int=self._prefix
            | ((counter >> self._LOW_BITS) << 64)
            | (0b10 << 62)
            | (counter & low_mask)
        )


def _on_postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _among(
    session: Session, column: Any, keys: Sequence[Any], *, may_scan: bool = False
) -> Iterator[ColumnElement[bool]]:
    """Conditions that together select the rows whose `column` is one of `keys`.

    With `may_scan`, past `_BORROWER_SCAN_THRESHOLD` keys, one condition that is always true:
    reading the whole table once costs less than looking up that many keys (the caller keeps
    only the rows it asked for). Otherwise PostgreSQL gets one `= ANY(array)` with a single
    parameter: a short statement, parsed once (psycopg does not cache statements over 4 kB, and
    an IN list of 500 keys is one, parsed again for every chunk); SQLite gets IN lists of 500
    keys, under its bound-parameter cap.
    """
    if not keys:
        return
    if may_scan and len(keys) > _BORROWER_SCAN_THRESHOLD:
        yield true()
        return
    if _on_postgresql(session):
        yield column == any_(bindparam(None, list(keys), type_=postgresql.ARRAY(column.type)))
        return
    for chunk in _chunks(keys):
        yield column.in_(chunk)


def _bypasses_row_security(session: Session) -> bool:
    """Whether the connected role is exempt from row-level security (superuser or BYPASSRLS):
    the policies are forced on every other role, the tables' owner included."""
    if "bypasses_rls" not in session.info:
        session.info["bypasses_rls"] = bool(
            _core(session)
            .execute(
                sql_text(
                    "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user"
                )
            )
            .scalar()
        )
    return bool(session.info["bypasses_rls"])


_TEXT_OID = 25
_LOAN_REF_UNIQUE = "uq_loan_case_loan_ref"
# json (jsonb's binary form starts with a version byte: it keeps psycopg's dumper).
_JSON_TYPES = frozenset({114})


def _json_text(value: Any) -> str | None:
    if value is None:
        return None
    return "[]" if value == [] else json.dumps(value, ensure_ascii=False)


def _column_types(session: Session, table: Table) -> dict[str, tuple[int, str]]:
    """Each of `table`'s columns' PostgreSQL type, as the central database has it: its oid and
    its name without length or scale (`numeric`, `character varying`, …), so that a value cast to
    it meets the column's own limits as an INSERT's value does (an explicit cast to
    `varchar(64)` would cut a longer text instead of refusing it)."""
    key = f"column_types:{table.name}"
    if key not in session.info:
        session.info[key] = {
            name: (oid, shown)
            for name, oid, shown in _core(session).execute(
                sql_text(
                    "SELECT attname, atttypid::int, format_type(atttypid, NULL)"
                    " FROM pg_attribute"
                    " WHERE attrelid = CAST(:table AS regclass) AND attnum > 0"
                    " AND NOT attisdropped"
                ),
                {"table": table.name},
            )
        }
    return session.info[key]  # type: ignore[no-any-return]


def _refresh_case_statistics(session: Session) -> None:
    """Under row-level security on PostgreSQL: bring the planner's statistics of loan_case up to
    date, the import's own new cases included. The policies of the rows written next (phones,
    addresses, payments) look their case up; with the statistics of a smaller table PostgreSQL
    probes it through the wrong index, a thousand times slower."""
    if _on_postgresql(session) and not _bypasses_row_security(session):
        _core(session).execute(sql_text("SELECT fc_sync.analyze_cases()"))


# Rows per INSERT … SELECT FROM unnest(…) under row-level security: each statement checks its
# rows' policies with one hash of what the importer may see, and holds this many rows' arrays.
_ARRAY_INSERT_ROWS = 20_000


def _insert_rows(session: Session, table: Table, rows: Iterable[dict[str, Any]]) -> None:
    """Insert new rows (dicts with the same keys) in bulk.

    PostgreSQL, for a role that bypasses row-level security: COPY in the binary format, which
    streams the rows without a statement per row or batch and without the server parsing ids,
    numbers and times from text; `rows` may be a generator, and building the rows overlaps with
    the server storing them. PostgreSQL refuses COPY into a table under row-level security (a
    lead importing as himself): there each column goes as one array parameter of an
    `INSERT … SELECT FROM unnest(…)` of many rows, whose policy checks PostgreSQL plans for many
    rows (a multi-row VALUES would check each row on its own). The arrays travel in the binary
    format (`%b`): as text, psycopg quoted every element and the server parsed it back, which
    took 60 % of a lead's 100,000-case import. SQLite: executemany. Triggers
    fire as for any INSERT; a violated constraint raises IntegrityError.
    """
    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        return
    every_row = itertools.chain((first,), rows)
    if not _on_postgresql(session):
        _core(session).execute(insert(table), list(every_row))
        return
    given = list(first)
    # What an INSERT would take from the model's Python-side defaults for the columns not given.
    defaults = tuple(
        (
            column.name,
            column.default.arg(None) if column.default.is_callable else column.default.arg,
        )
        for column in table.columns
        if column.name not in first
        and column.default is not None
        and not column.default.is_sequence
        and not column.default.is_clause_element
    )
    names = given + [name for name, _value in defaults]
    types = _column_types(session, table)
    # JSON travels as its text, which is also its binary form: sent as text, it skips psycopg's
    # json.dumps of every `[]` (a third of an import's Python time in COPY).
    as_json = [position for position, name in enumerate(given) if types[name][0] in _JSON_TYPES]
    default_values = tuple(
        _json_text(value) if types[name][0] in _JSON_TYPES else value for name, value in defaults
    )
    pick = operator.itemgetter(*given)
    single = len(given) == 1

    def records() -> Iterator[tuple[Any, ...]]:
        for row in every_row:
            record = (pick(row),) if single else pick(row)
            if as_json:
                listed = list(record)
                for position in as_json:
                    listed[position] = _json_text(listed[position])
                record = tuple(listed)
            yield record + default_values if default_values else record

    quoted = ", ".join(f'"{name}"' for name in names)
    if not _bypasses_row_security(session):
        arrays = ", ".join(f"CAST(%b AS {types[name][1]}[])" for name in names)
        statement = f'INSERT INTO "{table.name}" ({quoted}) SELECT * FROM unnest({arrays})'
        made = records()
        while batch := list(itertools.islice(made, _ARRAY_INSERT_ROWS)):
            _core(session).exec_driver_sql(
                statement, tuple(list(column) for column in zip(*batch, strict=True))
            )
        return
    oids = [_TEXT_OID if types[name][0] in _JSON_TYPES else types[name][0] for name in names]
    copy_statement = f'COPY "{table.name}" ({quoted}) FROM STDIN (FORMAT BINARY)'
    raw = _core(session).connection.driver_connection
    try:
        with raw.cursor() as cursor, cursor.copy(copy_statement) as copy:
            copy.set_types(oids)
            for record in records():
                copy.write_row(record)
    except psycopg.Error as exc:
        # As SQLAlchemy reports a failed statement: IntegrityError for a violated constraint.
        raise DBAPIError.instance(copy_statement, None, exc, psycopg.Error) from exc


# Cases -----------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Collector:
    user_id: uuid.UUID
    username: str
    team_id: uuid.UUID | None
    active: bool


@dataclass(slots=True)
class _StoredCase:
    case_id: uuid.UUID
    borrower_id: uuid.UUID
    id_number: str
    borrower_name: str
    product: str | None
    principal: Decimal
    interest: Decimal
    penalty: Decimal
    due_date: dt.date | None
    assigned_to_id: uuid.UUID | None
    team_id: uuid.UUID | None


@dataclass(slots=True)
class _StoredBorrower:
    borrower_id: uuid.UUID
    full_name: str
    phones: set[str] = field(default_factory=set)
    # address text → (address id, lat, lon)
    addresses: dict[str, tuple[uuid.UUID, float | None, float | None]] = field(default_factory=dict)
    has_primary_phone: bool = False
    has_primary_address: bool = False
    new: bool = False


def _same_place(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) < 1e-7


_CASE_UPDATE = _RowUpdate(
    models.LoanCase.__table__,
    "case_id",
    (
        "product",
        "principal",
        "interest",
        "penalty",
        "due_date",
        "assigned_to_id",
        "team_id",
        "updated_at",
    ),
)
_BORROWER_UPDATE = _RowUpdate(models.Borrower.__table__, "borrower_id", ("full_name", "updated_at"))
_ADDRESS_UPDATE = _RowUpdate(
    models.BorrowerAddress.__table__, "address_id", ("lat", "lon", "updated_at")
)


def _with_risk(case_row: dict[str, Any], as_of: dt.date) -> dict[str, Any]:
    """A new case with its risk: it has no payments, contacts or promises yet, so its summary
    is what `case_summary` would compute from its balances and due date alone (and writing it
    now spares a second write of every new row)."""
    assessment = risk.assess_risk(
        risk.RiskInputs(
            days_past_due=aging.days_past_due(case_row["due_date"], as_of),
            outstanding=case_row["principal"] + case_row["interest"] + case_row["penalty"],
            broken_promises=0,
            days_since_last_payment=None,
            contact_attempts=0,
            successful_contacts=0,
        )
    )
    return {**case_row, "risk_score": assessment.score, "risk_tier": assessment.tier.value}


class _CasesImport:
    """Checks a cases file against the central database, then upserts cases by loan ref."""

    def __init__(self, service: ImportService, session: Session, prepared: _Prepared) -> None:
        self.service = service
        self.session = session
        self.prepared = prepared
        self.rows = prepared.case_rows
        self.collectors: dict[str, _Collector] = {}
        self.stored_cases: dict[str, _StoredCase] = {}
        self.borrowers: dict[str, _StoredBorrower] = {}
        self.borrowers_by_id: dict[uuid.UUID, _StoredBorrower] = {}
        self.new_id = _NewIds()
        self.handover_reason = f"import: {Path(prepared.file).name}"

    def problem(self, row: int, name: str, code: str, reason: str, **params: object) -> None:
        self.prepared.problems.append(_problem_at(self.prepared, row, name, code, reason, **params))

    def check(self) -> None:
        first_row: dict[str, int] = {}
        names: dict[str, tuple[str, int]] = {}
        kept: list[_CaseRow] = []
        for case_row in self.rows:
            if case_row.loan_ref in first_row:
                self.problem(
                    case_row.row,
                    "loan_ref",
                    "duplicate_loan_ref",
                    f"loan ref {case_row.loan_ref} is also on row {first_row[case_row.loan_ref]}",
                    loan_ref=case_row.loan_ref,
                    first_row=first_row[case_row.loan_ref],
                )
                continue
            first_row[case_row.loan_ref] = case_row.row
            name, row = names.setdefault(case_row.id_number, (case_row.borrower_name, case_row.row))
            if name != case_row.borrower_name:
                self.problem(
                    case_row.row,
                    "borrower_name",
                    "other_name",
                    f"this ID number has another borrower's name on row {row}",
                    first_row=row,
                )
                continue
            kept.append(case_row)
        # Every row naming a collector has him checked, a row left out above or one with a cell
        # that could not be read included: every problem of the file is told at once.
        self._load_collectors()
        unknown = {
            row for row, name in self.prepared.assignees if not self._collector_ok(row, name)
        }
        self.rows = kept
        self._load_cases()
        self._load_borrowers()
        valid: list[_CaseRow] = []
        for case_row in self.rows:
            ok = case_row.row not in unknown
            stored = self.stored_cases.get(case_row.loan_ref)
            if stored is not None and stored.id_number != case_row.id_number:
                self.problem(
                    case_row.row,
                    "id_number",
                    "other_borrower",
                    f"loan ref {case_row.loan_ref} belongs to a borrower with another ID number "
                    "in the central database",
                    loan_ref=case_row.loan_ref,
                )
                ok = False
            if ok:
                valid.append(case_row)
        self.rows = valid
        if not self.prepared.problems:
            self._plan()

    def _collector_ok(self, row: int, name: str) -> bool:
        """Whether row `row`'s collector `name` is a known, active user; else a problem."""
        collector = self._collector(name)
        if collector is None:
            self.problem(
                row,
                "assigned_to",
                "unknown_collector",
                f"unknown collector {name!r}: no user has this username",
                username=name,
            )
            return False
        if not collector.active:
            self.problem(
                row,
                "assigned_to",
                "inactive_collector",
                f"collector {name!r} is no longer active",
                username=name,
            )
            return False
        return True

    def _collector(self, name: str) -> _Collector | None:
        return self.collectors.get(name) or self.collectors.get(name.lower())

    def _load_collectors(self) -> None:
        wanted = sorted({n for _row, name in self.prepared.assignees for n in (name, name.lower())})
        user = models.AppUser
        for among in _among(self.session, user.username, wanted):
            for user_id, username, team_id, active in _core(self.session).execute(
                select(user.id, user.username, user.team_id, user.active).where(among)
            ):
                self.collectors[username] = _Collector(user_id, username, team_id, bool(active))

    def _load_cases(self) -> None:
        case, borrower = models.LoanCase, models.Borrower
        refs = [case_row.loan_ref for case_row in self.rows]
        wanted = set(refs)
        for among in _among(self.session, case.loan_ref, refs, may_scan=True):
            for row in _core(self.session).execute(
                select(
                    case.loan_ref,
                    case.id,
                    case.borrower_id,
                    borrower.id_number,
                    borrower.full_name,
                    case.product,
                    case.principal,
                    case.interest,
                    case.penalty,
                    case.due_date,
                    case.assigned_to_id,
                    case.team_id,
                )
                .join(borrower, borrower.id == case.borrower_id)
                .where(among)
            ):
                if row[0] in wanted:
                    self.stored_cases[row[0]] = _StoredCase(*row[1:])

    def _load_borrowers(self) -> None:
        """The borrowers the rows name: a stored case's own, else the one with the ID number."""
        by_id: dict[uuid.UUID, _StoredBorrower] = {}
        for stored_case in self.stored_cases.values():
            by_id.setdefault(
                stored_case.borrower_id,
                _StoredBorrower(stored_case.borrower_id, stored_case.borrower_name),
            )
            self.borrowers.setdefault(stored_case.id_number, by_id[stored_case.borrower_id])
        wanted = sorted(
            {
                case_row.id_number
                for case_row in self.rows
                if case_row.loan_ref not in self.stored_cases
                and case_row.id_number not in self.borrowers
            }
        )
        borrower = models.Borrower
        query = select(borrower.id, borrower.id_number, borrower.full_name).order_by(borrower.id)
        batches = (
            [query]
            if len(wanted) > _BORROWER_SCAN_THRESHOLD
            else [query.where(among) for among in _among(self.session, borrower.id_number, wanted)]
        )
        wanted_set = set(wanted)
        for batch in batches:
            for borrower_id, id_number, full_name in _core(self.session).execute(batch):
                # Two borrowers with one ID number: the first (by id) is taken, every time.
                if id_number in wanted_set and id_number not in self.borrowers:
                    stored = by_id.setdefault(borrower_id, _StoredBorrower(borrower_id, full_name))
                    self.borrowers[id_number] = stored
        self.borrowers_by_id = by_id
        phone, address = models.BorrowerPhone, models.BorrowerAddress
        ids = sorted(by_id)
        for among in _among(self.session, phone.borrower_id, ids, may_scan=True):
            for borrower_id, number, is_primary in _core(self.session).execute(
                select(phone.borrower_id, phone.number, phone.is_primary).where(among)
            ):
                if borrower_id not in by_id:
                    continue
                by_id[borrower_id].phones.add(number)
                by_id[borrower_id].has_primary_phone |= bool(is_primary)
        for among in _among(self.session, address.borrower_id, ids, may_scan=True):
            for address_id, borrower_id, text, lat, lon, is_primary in _core(self.session).execute(
                select(
                    address.id,
                    address.borrower_id,
                    address.address_text,
                    address.lat,
                    address.lon,
                    address.is_primary,
                )
                .where(among)
                .order_by(address.id)
            ):
                if borrower_id not in by_id:
                    continue
                by_id[borrower_id].addresses.setdefault(text.strip(), (address_id, lat, lon))
                by_id[borrower_id].has_primary_address |= bool(is_primary)

    def _plan(self) -> None:
        now = self.service._now()
        new_borrowers: list[dict[str, Any]] = []
        borrower_updates: list[dict[str, Any]] = []
        new_phones: list[dict[str, Any]] = []
        new_addresses: list[dict[str, Any]] = []
        address_updates: list[dict[str, Any]] = []
        new_cases: list[dict[str, Any]] = []
        case_updates: list[dict[str, Any]] = []
        handovers: list[dict[str, Any]] = []
        renamed: set[uuid.UUID] = set()
        created = updated = unchanged = 0
        present = self.prepared.present
        for case_row in self.rows:
            changed = False
            stored = self.stored_cases.get(case_row.loan_ref)
            stored_borrower = (
                self.borrowers_by_id[stored.borrower_id]
                if stored is not None
                else self.borrowers.get(case_row.id_number)
            )
            if stored_borrower is None:
                stored_borrower = _StoredBorrower(self.new_id(), case_row.borrower_name, new=True)
                self.borrowers[case_row.id_number] = stored_borrower
                new_borrowers.append(
                    {
                        "id": stored_borrower.borrower_id,
                        "row_version": 1,
                        "updated_at": now,
                        "full_name": case_row.borrower_name,
                        "id_number": case_row.id_number,
                        "language": "zh",
                        "safety_flags": [],
                        "notes": None,
                    }
                )
            elif (
                stored_borrower.full_name != case_row.borrower_name
                and stored_borrower.borrower_id not in renamed
            ):
                renamed.add(stored_borrower.borrower_id)
                borrower_updates.append(
                    {
                        "borrower_id": stored_borrower.borrower_id,
                        "new_full_name": case_row.borrower_name,
                        "new_updated_at": now,
                    }
                )
                changed = True
            for number in case_row.phones:
                if number in stored_borrower.phones:
                    continue
                stored_borrower.phones.add(number)
                new_phones.append(
                    {
                        "id": self.new_id(),
                        "row_version": 1,
                        "updated_at": now,
                        "borrower_id": stored_borrower.borrower_id,
                        "number": number,
                        "kind": vocabulary.PhoneKind.MOBILE.value,
                        "owner_name": None,
                        "is_primary": not stored_borrower.has_primary_phone,
                        "invalid": False,
                    }
                )
                stored_borrower.has_primary_phone = True
                changed = True
            if case_row.address is not None:
                changed |= self._address(
                    case_row, stored_borrower, now, new_addresses, address_updates
                )
            collector = self._collector(case_row.assigned_to) if case_row.assigned_to else None
            if stored is None:
                case_id = self.new_id()
                new_cases.append(
                    {
                        "id": case_id,
                        "row_version": 1,
                        "updated_at": now,
                        "loan_ref": case_row.loan_ref,
                        "borrower_id": stored_borrower.borrower_id,
                        "product": case_row.product,
                        "currency": "CNY",
                        "principal": case_row.principal,
                        "interest": case_row.interest,
                        "penalty": case_row.penalty,
                        "due_date": case_row.due_date,
                        "status": vocabulary.CaseStatus.OPEN.value,
                        "assigned_to_id": collector.user_id if collector else None,
                        "team_id": collector.team_id if collector else None,
                    }
                )
                if collector is not None:
                    handovers.append(self._handover(case_id, None, collector, now))
                created += 1
                continue
            new_values = {
                "product": case_row.product if "product" in present else stored.product,
                "principal": case_row.principal,
                "interest": case_row.interest if "interest" in present else stored.interest,
                "penalty": case_row.penalty if "penalty" in present else stored.penalty,
                "due_date": case_row.due_date,
                "assigned_to_id": stored.assigned_to_id,
                "team_id": stored.team_id,
            }
            if collector is not None and collector.user_id != stored.assigned_to_id:
                new_values["assigned_to_id"] = collector.user_id
                new_values["team_id"] = collector.team_id or stored.team_id
                handovers.append(
                    self._handover(stored.case_id, stored.assigned_to_id, collector, now)
                )
            old_values = {
                "product": stored.product,
                "principal": stored.principal,
                "interest": stored.interest,
                "penalty": stored.penalty,
                "due_date": stored.due_date,
                "assigned_to_id": stored.assigned_to_id,
                "team_id": stored.team_id,
            }
            if new_values != old_values:
                case_updates.append(
                    {
                        "case_id": stored.case_id,
                        **{f"new_{name}": value for name, value in new_values.items()},
                        "new_updated_at": now,
                    }
                )
                changed = True
            if changed:
                updated += 1
            else:
                unchanged += 1
        self.prepared.counts = ImportCounts(created, updated, unchanged)

        def write(session: Session, meter: _Progress, context: _Context) -> ImportResult:
            case_table = models.LoanCase.__table__
            for handover in handovers:
                handover["assigned_by_id"] = context.by_user_id
            if context.by_team_id is not None:
                for row in new_cases:
                    if row["team_id"] is None:
                        row["team_id"] = context.by_team_id
            _insert_rows(session, models.Borrower.__table__, new_borrowers)
            _update_rows(session, _BORROWER_UPDATE, borrower_updates)
            # Cases before phones and addresses: under row-level security (a lead importing as
            # himself) a borrower's phone may only be written once a case of his shows the borrower.
            _insert_rows(
                session,
                case_table,
                meter.passing(_with_risk(row, context.as_of) for row in new_cases),
            )
            if new_cases:
                _refresh_case_statistics(session)
            _insert_rows(session, models.BorrowerPhone.__table__, new_phones)
            _insert_rows(session, models.BorrowerAddress.__table__, new_addresses)
            _update_rows(session, _ADDRESS_UPDATE, address_updates)
            _update_rows(session, _CASE_UPDATE, case_updates)
            _insert_rows(session, models.CaseAssignment.__table__, handovers)
            # Balances and due dates move the risk, computed from the case's facts.
            touched = [row["case_id"] for row in case_updates]
            case_summary.refresh_case_summaries(session, context.as_of, touched)
            return ImportResult(
                file=Path(self.prepared.file),
                kind=ImportKind.CASES,
                encoding=self.prepared.encoding,
                rows=self.prepared.rows,
                created=created,
                updated=updated,
                unchanged=unchanged,
            )

        self.prepared.writes = write

    def _address(
        self,
        case_row: _CaseRow,
        stored_borrower: _StoredBorrower,
        now: dt.datetime,
        new_addresses: list[dict[str, Any]],
        address_updates: list[dict[str, Any]],
    ) -> bool:
        assert case_row.address is not None
        text = case_row.address.strip()
        known = stored_borrower.addresses.get(text)
        if known is None:
            address_id = self.new_id()
            stored_borrower.addresses[text] = (address_id, case_row.lat, case_row.lon)
            new_addresses.append(
                {
                    "id": address_id,
                    "row_version": 1,
                    "updated_at": now,
                    "borrower_id": stored_borrower.borrower_id,
                    "kind": vocabulary.AddressKind.HOME.value,
                    "address_text": text,
                    "city": None,
                    "lat": case_row.lat,
                    "lon": case_row.lon,
                    "timezone": str(self.service.zone),
                    "availability": [],
                    "safety_flags": [],
                    "is_primary": not stored_borrower.has_primary_address,
                }
            )
            stored_borrower.has_primary_address = True
            return True
        address_id, lat, lon = known
        if case_row.lat is None or (
            _same_place(lat, case_row.lat) and _same_place(lon, case_row.lon)
        ):
            return False
        stored_borrower.addresses[text] = (address_id, case_row.lat, case_row.lon)
        address_updates.append(
            {
                "address_id": address_id,
                "new_lat": case_row.lat,
                "new_lon": case_row.lon,
                "new_updated_at": now,
            }
        )
        return True

    def _handover(
        self,
        case_id: uuid.UUID,
        from_user_id: uuid.UUID | None,
        collector: _Collector,
        now: dt.datetime,
    ) -> dict[str, Any]:
        return {
            "id": self.new_id(),
            "row_version": 1,
            "updated_at": now,
            "case_id": case_id,
            "from_user_id": from_user_id,
            "to_user_id": collector.user_id,
            "assigned_by_id": None,
            "assigned_at": now,
            "reason": self.handover_reason,
        }


# Payments --------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Balance:
    case_id: uuid.UUID
    principal: Decimal
    interest: Decimal
    penalty: Decimal
    status: str
    closed_at: dt.datetime | None
    changed: bool = False


def _allocate(balance: _Balance, amount: Decimal) -> None:
    """Take a payment off the balances: penalty interest first, then interest, then principal.

    Civil Code of the PRC art. 561: absent another agreement, a payment that does not cover the
    whole debt goes to costs, then interest, then the principal (penalty interest is interest).
    What exceeds the debt is not owed and is left aside.
    """
    for name in ("penalty", "interest", "principal"):
        owed: Decimal = getattr(balance, name)
        taken = min(owed, amount)
        if taken:
            setattr(balance, name, owed - taken)
            amount -= taken
            balance.changed = True


@dataclass(slots=True)
class _Instalment:
    instalment_id: uuid.UUID
    plan_id: uuid.UUID
    amount: Decimal
    paid_amount: Decimal
    status: str
    changed: bool = False


def _pay_instalments(instalments: Sequence[_Instalment], amount: Decimal) -> Decimal:
    """Pay the oldest unpaid instalments first; returns what is left of `amount`."""
    for instalment in instalments:
        if amount <= 0:
            break
        open_amount = instalment.amount - instalment.paid_amount
        if open_amount <= 0:
            continue
        taken = min(open_amount, amount)
        instalment.paid_amount += taken
        amount -= taken
        instalment.changed = True
        if instalment.paid_amount >= instalment.amount:
            instalment.status = vocabulary.InstalmentStatus.PAID.value
        elif instalment.status == vocabulary.InstalmentStatus.DUE:
            # A missed instalment stays missed until it is paid in full.
            instalment.status = vocabulary.InstalmentStatus.PARTIALLY_PAID.value
    return amount


_BALANCE_UPDATE = _RowUpdate(
    models.LoanCase.__table__,
    "case_id",
    ("principal", "interest", "penalty", "status", "closed_at", "updated_at"),
)
_INSTALMENT_UPDATE = _RowUpdate(
    models.Instalment.__table__, "instalment_id", ("paid_amount", "status", "updated_at")
)
_PLAN_UPDATE = _RowUpdate(models.RepaymentPlan.__table__, "plan_id", ("status", "updated_at"))


class _PaymentsImport:
    """Checks a payments file, then adds the new payments and applies them to their cases:
    balances, instalments of active plans, promises (through `case_summary`) and status."""

    def __init__(self, service: ImportService, session: Session, prepared: _Prepared) -> None:
        self.service = service
        self.session = session
        self.prepared = prepared

    def problem(self, row: int, name: str, code: str, reason: str, **params: object) -> None:
        self.prepared.problems.append(_problem_at(self.prepared, row, name, code, reason, **params))

    def check(self) -> None:
        rows = self.prepared.payment_rows
        first_row: dict[str, int] = {}
        occurrences: dict[tuple[str, dt.datetime, Decimal, str], int] = defaultdict(int)
        for payment in rows:
            if payment.external_ref:
                if payment.external_ref in first_row:
                    self.problem(
                        payment.row,
                        "external_ref",
                        "duplicate_payment_ref",
                        f"payment reference {payment.external_ref} is also on row "
                        f"{first_row[payment.external_ref]}",
                        reference=payment.external_ref,
                        first_row=first_row[payment.external_ref],
                    )
                    continue
                first_row[payment.external_ref] = payment.row
            else:
                key = (payment.loan_ref, payment.paid_at, payment.amount, payment.channel)
                occurrences[key] += 1
                payment.external_ref = payment_ref(*key, nth=occurrences[key])
        case = models.LoanCase
        self.cases: dict[str, _Balance] = {}
        refs = sorted({payment.loan_ref for payment in rows})
        wanted = set(refs)
        for among in _among(self.session, case.loan_ref, refs, may_scan=True):
            for loan_ref, *stored in _core(self.session).execute(
                select(
                    case.loan_ref,
                    case.id,
                    case.principal,
                    case.interest,
                    case.penalty,
                    case.status,
                    case.closed_at,
                ).where(among)
            ):
                if loan_ref in wanted:
                    self.cases[loan_ref] = _Balance(*stored)
        for payment in rows:
            if payment.loan_ref not in self.cases:
                self.problem(
                    payment.row,
                    "loan_ref",
                    "unknown_loan_ref",
                    f"no case has loan ref {payment.loan_ref} in the central database",
                    loan_ref=payment.loan_ref,
                )
        if not self.prepared.problems:
            self._plan(rows)

    def _plan(self, rows: list[_PaymentRow]) -> None:
        known: set[str] = set()
        refs = sorted({payment.external_ref for payment in rows})
        for among in _among(self.session, models.Payment.external_ref, refs):
            known.update(
                _core(self.session)
                .execute(select(models.Payment.external_ref).where(among))
                .scalars()
            )
        new = [payment for payment in rows if payment.external_ref not in known]
        self.prepared.counts = ImportCounts(len(new), 0, len(rows) - len(new))

        def write(session: Session, meter: _Progress, context: _Context) -> ImportResult:
            return self._write(session, meter, context, new, len(rows) - len(new))

        self.prepared.writes = write

    def _write(
        self,
        session: Session,
        meter: _Progress,
        context: _Context,
        new: list[_PaymentRow],
        unchanged: int,
    ) -> ImportResult:
        now, as_of = context.now, context.as_of
        new.sort(key=lambda payment: (payment.loan_ref, payment.paid_at, payment.external_ref))
        new_id = _NewIds()
        rows = [
            {
                "id": new_id(),
                "row_version": 1,
                "updated_at": now,
                "case_id": self.cases[payment.loan_ref].case_id,
                "paid_at": payment.paid_at,
                "amount": payment.amount,
                "channel": payment.channel,
                "external_ref": payment.external_ref,
                "recorded_by_id": None,
            }
            for payment in new
        ]
        if rows:
            _refresh_case_statistics(session)
        _insert_rows(session, models.Payment.__table__, meter.passing(rows))
        touched = sorted({self.cases[payment.loan_ref].case_id for payment in new})
        kept_before = self._kept_promises(touched)
        settled = 0
        by_case: dict[uuid.UUID, list[_PaymentRow]] = defaultdict(list)
        for payment in new:
            by_case[self.cases[payment.loan_ref].case_id].append(payment)
        balances = {balance.case_id: balance for balance in self.cases.values()}
        for case_id, payments in by_case.items():
            balance = balances[case_id]
            for payment in payments:
                _allocate(balance, payment.amount)
                if (
                    balance.principal + balance.interest + balance.penalty == 0
                    and balance.status not in _CLOSED_STATUSES
                ):
                    balance.status = vocabulary.CaseStatus.SETTLED.value
                    balance.closed_at = payment.paid_at
                    balance.changed = True
                    settled += 1
        instalments_paid, completed_cases = self._apply_to_plans(session, by_case, now)
        for case_id, paid_off_at in completed_cases.items():
            balance = balances[case_id]
            if balance.status not in _CLOSED_STATUSES:
                # The plan's agreed total is paid: the debt is settled as agreed (waiver included).
                balance.status = vocabulary.CaseStatus.SETTLED.value
                balance.closed_at = paid_off_at
                balance.changed = True
                settled += 1
        _update_rows(
            session,
            _BALANCE_UPDATE,
            [
                {
                    "case_id": balance.case_id,
                    "new_principal": balance.principal,
                    "new_interest": balance.interest,
                    "new_penalty": balance.penalty,
                    "new_status": balance.status,
                    "new_closed_at": balance.closed_at,
                    "new_updated_at": now,
                }
                for balance in balances.values()
                if balance.changed
            ],
        )
        case_summary.refresh_case_summaries(session, as_of, touched)
        kept = self._kept_promises(touched) - kept_before
        return ImportResult(
            file=Path(self.prepared.file),
            kind=ImportKind.PAYMENTS,
            encoding=self.prepared.encoding,
            rows=self.prepared.rows,
            created=len(new),
            updated=0,
            unchanged=unchanged,
            promises_kept=kept,
            instalments_paid=instalments_paid,
            cases_settled=settled,
        )

    def _apply_to_plans(
        self,
        session: Session,
        by_case: Mapping[uuid.UUID, list[_PaymentRow]],
        now: dt.datetime,
    ) -> tuple[int, dict[uuid.UUID, dt.datetime]]:
        """Pay the instalments of the touched cases' active plans, oldest first.

        Only payments made since the plan was agreed count towards it. Returns the number of
        instalments paid in full and, per case whose plan is now paid off, when that happened.
        """
        plan, instalment = models.RepaymentPlan, models.Instalment
        plans: dict[uuid.UUID, tuple[uuid.UUID, dt.datetime]] = {}
        for among in _among(session, plan.case_id, sorted(by_case)):
            for plan_id, case_id, created_at in _core(session).execute(
                select(plan.id, plan.case_id, plan.created_at)
                .where(among, plan.status == vocabulary.PlanStatus.ACTIVE.value)
                .order_by(plan.case_id, plan.created_at, plan.id)
            ):
                plans.setdefault(case_id, (plan_id, created_at))
        if not plans:
            return 0, {}
        schedule: dict[uuid.UUID, list[_Instalment]] = defaultdict(list)
        plan_ids = sorted(plan_id for plan_id, _ in plans.values())
        for among in _among(session, instalment.plan_id, plan_ids):
            for row in _core(session).execute(
                select(
                    instalment.id,
                    instalment.plan_id,
                    instalment.amount,
                    instalment.paid_amount,
                    instalment.status,
                )
                .where(among)
                .order_by(instalment.plan_id, instalment.due_date, instalment.seq)
            ):
                schedule[row.plan_id].append(_Instalment(*row))
        paid_in_full = 0
        completed: dict[uuid.UUID, dt.datetime] = {}
        instalment_updates: list[dict[str, Any]] = []
        plan_updates: list[dict[str, Any]] = []
        for case_id, (plan_id, agreed_at) in plans.items():
            instalments = schedule[plan_id]
            unpaid_before = {
                i.instalment_id for i in instalments if i.status in _UNPAID_INSTALMENTS
            }
            paid_off_at: dt.datetime | None = None
            for payment in by_case[case_id]:
                if payment.paid_at < agreed_at:
                    continue
                _pay_instalments(instalments, payment.amount)
                if paid_off_at is None and all(
                    i.status == vocabulary.InstalmentStatus.PAID for i in instalments
                ):
                    paid_off_at = payment.paid_at
            for item in instalments:
                if item.changed:
                    instalment_updates.append(
                        {
                            "instalment_id": item.instalment_id,
                            "new_paid_amount": item.paid_amount,
                            "new_status": item.status,
                            "new_updated_at": now,
                        }
                    )
                    if (
                        item.instalment_id in unpaid_before
                        and item.status == vocabulary.InstalmentStatus.PAID
                    ):
                        paid_in_full += 1
            if paid_off_at is not None and instalments:
                completed[case_id] = paid_off_at
                plan_updates.append(
                    {
                        "plan_id": plan_id,
                        "new_status": vocabulary.PlanStatus.COMPLETED.value,
                        "new_updated_at": now,
                    }
                )
        _update_rows(session, _INSTALMENT_UPDATE, instalment_updates)
        _update_rows(session, _PLAN_UPDATE, plan_updates)
        return paid_in_full, completed

    def _kept_promises(self, case_ids: Collection[uuid.UUID]) -> int:
        promise = models.PromiseToPay
        kept = 0
        ids = sorted(case_ids)
        for among in _among(self.session, promise.case_id, ids):
            kept += (
                _core(self.session)
                .execute(
                    select(func.count())
                    .select_from(promise)
                    .where(
                        among,
                        promise.status == vocabulary.PromiseStatus.KEPT.value,
                    )
                )
                .scalar_one()
            )
        return kept
