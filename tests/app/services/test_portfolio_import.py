"""Importing portfolio and payment files into a real embedded (SQLite) central database."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import shutil
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from app import errors
from app.services import portfolio_import
from app.services.portfolio_import import ImportProblem, ImportRejectedError, ImportService
from app.store import engines, models, schema_upgrade

DATA = Path(__file__).parents[2] / "data" / "import"
AS_OF = dt.date(2026, 3, 1)
CHENGDU = dt.timezone(dt.timedelta(hours=8))
CASE_HEADER = (
    "loan_ref,borrower_name,id_number,phone,address,lat,lon,product,principal,interest,"
    "penalty,due_date,assigned_to"
)


def add_team_and_users(engine: Engine) -> None:
    """A team with its lead, two collectors and one who has left."""
    with Session(engine) as session, session.begin():
        team = models.Team(id=uuid.uuid4(), name="成都外访一组")
        session.add(team)
        for username, name, role, active in (
            ("li.na", "李娜", "lead", True),
            ("zhang.wei", "张伟", "collector", True),
            ("wang.fang", "王芳", "collector", True),
            ("old.hand", "老周", "collector", False),
        ):
            session.add(
                models.AppUser(
                    username=username,
                    display_name=name,
                    role=role,
                    team_id=team.id,
                    active=active,
                )
            )


@pytest.fixture(scope="module")
def central_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("central") / "central.db"
    engine = engines.sqlite_engine(path)
    schema_upgrade.upgrade(engine, schema_upgrade.SchemaKind.CENTRAL)
    add_team_and_users(engine)
    engine.dispose()
    return path


@pytest.fixture
def central(central_template: Path, tmp_path: Path) -> Iterator[Engine]:
    """A private embedded central database with the team and no cases."""
    path = tmp_path / "central.db"
    shutil.copy(central_template, path)
    engine = engines.sqlite_engine(path)
    yield engine
    engine.dispose()


@pytest.fixture
def service(central: Engine) -> ImportService:
    minutes = itertools.count()
    start = dt.datetime(2026, 3, 1, 2, 0, tzinfo=dt.UTC)
    return ImportService(central, clock=lambda: start + dt.timedelta(minutes=next(minutes)))


def snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every synced table, to compare a database before and after."""
    with engine.connect() as connection:
        return {
            model.__tablename__: sorted(
                tuple(row) for row in connection.execute(select(model.__table__)).all()
            )
            for model in models.SYNCED_TABLES
        }


def cases(engine: Engine) -> dict[str, models.LoanCase]:
    with Session(engine) as session:
        return {case.loan_ref: case for case in session.scalars(select(models.LoanCase))}


def user_id(engine: Engine, username: str) -> uuid.UUID:
    with Session(engine) as session:
        return session.execute(
            select(models.AppUser.id).where(models.AppUser.username == username)
        ).scalar_one()


def write_csv(path: Path, *lines: str, encoding: str = "utf-8") -> Path:
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


# Reading files ---------------------------------------------------------------------------------


def test_a_utf8_file_creates_cases_borrowers_phones_and_addresses(
    service: ImportService, central: Engine
) -> None:
    result = service.run(DATA / "cases_utf8.csv", as_of=AS_OF, by_username="li.na")

    assert (result.encoding, result.rows, result.created, result.updated, result.unchanged) == (
        "utf-8",
        4,
        4,
        0,
        0,
    )
    stored = cases(central)
    first = stored["CD-0001"]
    assert (first.principal, first.interest, first.penalty) == (
        Decimal("12000.00"),
        Decimal("350.50"),
        Decimal("120.00"),
    )
    assert first.due_date == dt.date(2026, 1, 5)
    assert stored["CD-0002"].due_date == dt.date(2026, 1, 15)
    assert stored["CD-0003"].due_date == dt.date(2025, 12, 20)
    assert stored["CD-0004"].due_date == dt.date(2026, 1, 5)  # Excel serial 46027
    assert first.status == "open" and first.risk_tier in {"A", "B", "C", "D"}
    assert first.assigned_to_id == user_id(central, "zhang.wei")
    assert stored["CD-0002"].assigned_to_id is None
    # One borrower with two loans: matched by ID number.
    assert stored["CD-0001"].borrower_id == stored["CD-0003"].borrower_id
    with Session(central) as session:
        assert session.scalar(select(func.count()).select_from(models.Borrower)) == 3
        phones = session.execute(
            select(models.BorrowerPhone.number, models.BorrowerPhone.is_primary)
            .where(models.BorrowerPhone.borrower_id == stored["CD-0002"].borrower_id)
            .order_by(models.BorrowerPhone.number)
        ).all()
        assert [tuple(phone) for phone in phones] == [
            ("02887654321", False),
            ("13900139000", True),
        ]
        address = session.scalars(
            select(models.BorrowerAddress).where(
                models.BorrowerAddress.borrower_id == first.borrower_id
            )
        ).one()
        assert (address.address_text, address.lat, address.lon, address.is_primary) == (
            "四川省成都市锦江区春熙路1号",
            pytest.approx(30.655),
            pytest.approx(104.080),
            True,
        )
        history = session.execute(
            select(
                models.CaseAssignment.case_id,
                models.CaseAssignment.from_user_id,
                models.CaseAssignment.to_user_id,
                models.CaseAssignment.assigned_by_id,
                models.CaseAssignment.reason,
            ).order_by(models.CaseAssignment.reason, models.CaseAssignment.case_id)
        ).all()
    assert sorted((row.case_id, row.to_user_id) for row in history) == sorted(
        [
            (first.id, user_id(central, "zhang.wei")),
            (stored["CD-0003"].id, user_id(central, "wang.fang")),
        ]
    )
    assert {(row.from_user_id, row.assigned_by_id, row.reason) for row in history} == {
        (None, user_id(central, "li.na"), "import: cases_utf8.csv")
    }


def test_a_gbk_file_with_chinese_headers_full_width_digits_and_excel_dates(
    service: ImportService, central: Engine
) -> None:
    preview = service.preview(DATA / "cases_gbk.csv")
    assert preview.encoding == "gbk"
    assert [(column.header, column.field) for column in preview.columns] == [
        ("贷款编号", "loan_ref"),
        ("借款人", "borrower_name"),
        ("身份证号", "id_number"),
        ("电话", "phone"),
        ("地址", "address"),
        ("本金（元）", "principal"),
        ("利息", "interest"),
        ("罚息", "penalty"),
        ("到期日", "due_date"),
        ("催收员", "assigned_to"),
    ]

    result = service.run(DATA / "cases_gbk.csv", as_of=AS_OF)

    assert result.encoding == "gbk"
    stored = cases(central)
    assert stored["CD-0301"].principal == Decimal("12345.67")  # "１２，３４５．６７"
    assert stored["CD-0301"].interest == Decimal("120.50")  # "１２０．５０"
    assert stored["CD-0301"].due_date == dt.date(2026, 1, 5)  # "2026年1月5日"
    assert stored["CD-0302"].principal == Decimal("1234.50")  # "1,234.50"
    assert stored["CD-0302"].penalty == Decimal("1000.00")  # "1,000"
    assert stored["CD-0302"].due_date == dt.date(2026, 1, 5)  # Excel serial 46027
    assert stored["CD-0303"].due_date == dt.date(2026, 1, 5)  # "2026/1/5"
    with Session(central) as session:
        names = set(session.scalars(select(models.Borrower.full_name)))
    assert names == {"马超", "胡斌", "朱琳"}


def test_a_utf8_file_with_a_bom_is_read_and_says_so(
    service: ImportService, central: Engine
) -> None:
    result = service.run(DATA / "cases_bom.csv", as_of=AS_OF)

    assert (result.encoding, result.created) == ("utf-8-sig", 3)
    stored = cases(central)
    assert set(stored) == {"CD-0401", "CD-0402", "CD-0403"}  # the BOM is not in the first header
    assert stored["CD-0401"].principal == Decimal("12345.67")


def test_an_xlsx_workbook_is_read_with_its_date_cells_and_numbers(
    service: ImportService, central: Engine, tmp_path: Path
) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["贷款编号", "借款人", "身份证号", "电话", "本金", "利息", "罚息", "到期日"])
    date_cell = dt.datetime(2026, 1, 20)  # noqa: DTZ001 - a spreadsheet's dates have no zone
    sheet.append([20260001, "周杰", "510107198807074567", 13512345678, 3000.5, 12, 0, date_cell])
    sheet.append([])  # an empty row keeps the numbering of the rows below it
    sheet.append(["CD-X2", "吴霞", "510108199009095678", None, "4,500.00", None, None, 46027])
    path = tmp_path / "portfolio.xlsx"
    workbook.save(path)

    preview = service.preview(path)
    assert (preview.encoding, preview.rows, preview.problems) == ("xlsx", 2, ())
    assert [row.row for row in preview.sample] == [2, 4]
    result = service.run(path, as_of=AS_OF)

    assert result.created == 2
    stored = cases(central)
    assert stored["20260001"].principal == Decimal("3000.50")
    assert stored["20260001"].due_date == dt.date(2026, 1, 20)
    assert stored["CD-X2"].principal == Decimal("4500.00")
    assert stored["CD-X2"].interest == Decimal("0.00")
    assert stored["CD-X2"].due_date == dt.date(2026, 1, 5)


def test_an_id_number_a_spreadsheet_turned_into_a_number_is_refused(
    service: ImportService, tmp_path: Path
) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["loan_ref", "borrower_name", "id_number", "principal", "due_date"])
    sheet.append(["CD-1", "周杰", 510107198807074567, 100, "2026-01-05"])
    path = tmp_path / "numbers.xlsx"
    workbook.save(path)

    with pytest.raises(ImportRejectedError) as caught:
        service.run(path, as_of=AS_OF)

    assert [(p.row, p.letter, p.code) for p in caught.value.problems] == [
        (2, "C", "number_lost_digits")
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "old Excel (.xls)"),
        ("empty.csv", b"\n\n", "the file is empty"),
        ("latin.csv", "loan_ref\n\x00\x01".encode("utf-16-le"), "not a CSV file"),
        ("broken.xlsx", b"PK\x03\x04 not really", "not an XLSX workbook"),
    ],
)
def test_files_that_cannot_be_read_are_refused_in_words(
    service: ImportService, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(errors.InputFileError, match=re.escape(message)):
        service.preview(path)


def test_a_missing_file_is_an_input_error(service: ImportService, tmp_path: Path) -> None:
    with pytest.raises(errors.InputFileError, match="cannot be read"):
        service.run(tmp_path / "nowhere.csv")


# All or nothing --------------------------------------------------------------------------------


def test_a_file_with_one_bad_row_writes_nothing_and_names_file_row_and_column(
    service: ImportService, central: Engine
) -> None:
    before = snapshot(central)
    path = DATA / "cases_one_bad_row.csv"

    with pytest.raises(ImportRejectedError) as caught:
        service.run(path, as_of=AS_OF)

    assert caught.value.problems == (
        ImportProblem(
            file=str(path),
            row=3,
            column="principal",
            letter="D",
            field="principal",
            code="bad_amount",
            reason="not an amount: 'abc'",
            params={"value": "abc"},
        ),
    )
    assert str(caught.value) == (
        f"{path}: 1 problem; nothing was imported\n"
        f"{path}, row 3, column D \"principal\": not an amount: 'abc'"
    )
    assert snapshot(central) == before


def test_every_problem_of_a_file_is_reported_at_once(
    service: ImportService, central: Engine, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "bad.csv",
        "贷款编号,借款人,身份证号,本金,到期日,催收员",
        "CD-1,周杰,510107198807074567,100,2026-01-05,zhang.wei",
        ",吴霞,510108199009095678,100,2026-01-05,",
        "CD-3,孙丽,510114199202028901,-5,2026-01-05,",
        "CD-4,马超,510115198703034567,100,05/01/2026,",
        "CD-1,胡斌,510116199304045678,100,2026-01-05,",
        "CD-6,朱琳,510122199505056789,100,2026-02-30,nobody",
        "CD-7,何平,510124199606067890,100,2026-01-05,old.hand",
        "CD-8,,510181199707078901,1.005,2026-01-05,",
    )
    before = snapshot(central)

    with pytest.raises(ImportRejectedError) as caught:
        service.run(path, as_of=AS_OF)

    assert [(p.row, p.letter, p.column, p.code) for p in caught.value.problems] == [
        (3, "A", "贷款编号", "missing"),
        (4, "D", "本金", "negative_amount"),
        (5, "E", "到期日", "ambiguous_date"),
        (6, "A", "贷款编号", "duplicate_loan_ref"),
        (7, "E", "到期日", "bad_date"),
        (7, "F", "催收员", "unknown_collector"),
        (8, "F", "催收员", "inactive_collector"),
        (9, "B", "借款人", "missing"),
        (9, "D", "本金", "too_many_decimals"),
    ]
    reasons = {p.row: p.reason for p in caught.value.problems}
    assert reasons[6] == "loan ref CD-1 is also on row 2"
    assert reasons[8] == "collector 'old.hand' is no longer active"
    assert (
        caught.value.problems[5].reason == "unknown collector 'nobody': no user has this username"
    )
    duplicate = caught.value.problems[3]
    assert dict(duplicate.params) == {"loan_ref": "CD-1", "first_row": 2}
    assert snapshot(central) == before


def test_a_row_left_out_of_the_comparisons_still_has_its_collector_checked(
    service: ImportService, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "twice.csv",
        "loan_ref,borrower_name,id_number,principal,due_date,assigned_to",
        "CD-1,周杰,510107198807074567,100,2026-01-05,zhang.wei",
        "CD-1,周杰,510107198807074567,100,2026-01-05,nobody",
        "CD-2,周杰,510107198807074567,100,2026-01-05,zhang.wei",
        "CD-3,吴霞,510107198807074567,100,2026-01-05,ghost",
    )
    with pytest.raises(ImportRejectedError) as caught:
        service.run(path, as_of=AS_OF)
    assert [(p.row, p.field, p.code) for p in caught.value.problems] == [
        (3, "loan_ref", "duplicate_loan_ref"),
        (3, "assigned_to", "unknown_collector"),
        (5, "borrower_name", "other_name"),
        (5, "assigned_to", "unknown_collector"),
    ]


def test_an_unknown_collector_is_named(service: ImportService, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "who.csv",
        "loan_ref,borrower_name,id_number,principal,due_date,assigned_to",
        "CD-1,周杰,510107198807074567,100,2026-01-05,nobody",
    )
    with pytest.raises(ImportRejectedError) as caught:
        service.run(path, as_of=AS_OF)
    assert str(caught.value.problems[0]) == (
        f"{path}, row 2, column F \"assigned_to\": unknown collector 'nobody': "
        "no user has this username"
    )


def test_a_missing_required_column_is_named_on_the_header_row(
    service: ImportService, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "short.csv",
        "loan_ref,borrower_name,id_number,principal",
        "CD-1,周杰,510107198807074567,100",
    )
    with pytest.raises(ImportRejectedError) as caught:
        service.run(path, as_of=AS_OF)
    assert [(p.row, p.column, p.code) for p in caught.value.problems] == [
        (1, "due_date", "missing_column")
    ]
    assert caught.value.problems[0].reason.startswith("required column due_date is missing")


def test_a_progress_callback_that_raises_cancels_and_nothing_is_written(
    service: ImportService, central: Engine
) -> None:
    before = snapshot(central)
    seen: list[tuple[int, int]] = []

    def cancel_when_writing(done: int, total: int) -> None:
        seen.append((done, total))
        if done > total // 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        service.run(DATA / "cases_utf8.csv", as_of=AS_OF, progress=cancel_when_writing)
    assert seen[0] == (1, 8)
    assert snapshot(central) == before


def test_progress_reaches_its_total(service: ImportService) -> None:
    seen: list[tuple[int, int]] = []
    service.run(DATA / "cases_utf8.csv", as_of=AS_OF, progress=lambda *pair: seen.append(pair))
    assert seen[-1] == (8, 8)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


# Importing again -------------------------------------------------------------------------------


def test_importing_the_same_file_again_changes_nothing(
    service: ImportService, central: Engine
) -> None:
    service.run(DATA / "cases_utf8.csv", as_of=AS_OF)
    before = snapshot(central)

    again = service.run(DATA / "cases_utf8.csv", as_of=AS_OF)

    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
    assert snapshot(central) == before


def test_new_balances_update_only_the_cases_that_changed(
    service: ImportService, central: Engine, tmp_path: Path
) -> None:
    service.run(DATA / "cases_utf8.csv", as_of=AS_OF)
    before = cases(central)
    lines = (DATA / "cases_utf8.csv").read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace('"12,000.00",350.50', '"11,000.00",360.50')
    lines[2] = lines[2].replace("2026/1/15,", "2026/1/15,wang.fang")
    changed = write_csv(tmp_path / "cases_next_day.csv", *lines)

    result = service.run(changed, as_of=AS_OF, by_username="li.na")

    assert (result.created, result.updated, result.unchanged) == (0, 2, 2)
    after = cases(central)
    assert (after["CD-0001"].principal, after["CD-0001"].interest) == (
        Decimal("11000.00"),
        Decimal("360.50"),
    )
    assert after["CD-0002"].assigned_to_id == user_id(central, "wang.fang")
    for loan_ref in ("CD-0001", "CD-0002"):
        assert after[loan_ref].row_version > before[loan_ref].row_version
        assert after[loan_ref].updated_at > before[loan_ref].updated_at
    for loan_ref in ("CD-0003", "CD-0004"):
        assert after[loan_ref].row_version == before[loan_ref].row_version
        assert after[loan_ref].updated_at == before[loan_ref].updated_at
    with Session(central) as session:
        handover = session.execute(
            select(models.CaseAssignment.from_user_id, models.CaseAssignment.to_user_id).where(
                models.CaseAssignment.case_id == after["CD-0002"].id
            )
        ).one()
    assert tuple(handover) == (None, user_id(central, "wang.fang"))


def test_a_case_whose_borrower_has_another_id_number_is_refused(
    service: ImportService, tmp_path: Path
) -> None:
    service.run(DATA / "cases_utf8.csv", as_of=AS_OF)
    path = write_csv(
        tmp_path / "other.csv",
        "loan_ref,borrower_name,id_number,principal,due_date",
        "CD-0001,王芳,510104199001019999,100,2026-01-05",
    )
    with pytest.raises(ImportRejectedError) as caught:
        service.run(path, as_of=AS_OF)
    assert [(p.row, p.field, p.code) for p in caught.value.problems] == [
        (2, "id_number", "other_borrower")
    ]


# Mappings and preview --------------------------------------------------------------------------


def test_a_saved_mapping_reads_another_layout(
    service: ImportService, central: Engine, tmp_path: Path
) -> None:
    mapping = portfolio_import.load_mapping(DATA / "cases_mapping.json")
    assert mapping["Overdue since"] == "due_date"
    saved = tmp_path / "saved.json"
    portfolio_import.save_mapping(saved, mapping)
    assert portfolio_import.load_mapping(saved) == mapping

    result = service.run(DATA / "cases_custom_headers.csv", mapping=saved, as_of=AS_OF)

    assert result.created == 2
    assert cases(central)["CD-0101"].principal == Decimal("3000.00")
    assert cases(central)["CD-0101"].assigned_to_id == user_id(central, "zhang.wei")


def test_a_mapping_to_an_unknown_field_is_refused(service: ImportService, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"Contract": "loan_number"}', encoding="utf-8")
    with pytest.raises(errors.InputFileError, match="'loan_number', which is not a field"):
        service.preview(DATA / "cases_custom_headers.csv", mapping=bad)


def test_a_preview_reads_checks_and_plans_but_writes_nothing(
    service: ImportService, central: Engine
) -> None:
    before = snapshot(central)

    preview = service.preview(DATA / "cases_utf8.csv")

    assert preview.ok and preview.missing_fields == ()
    assert preview.planned == portfolio_import.ImportCounts(created=4, updated=0, unchanged=0)
    assert preview.rows == 4
    first = preview.sample[0]
    assert first.row == 2
    assert first.values["id_number"] == "**************1234"
    assert first.values["principal"] == "12000.00"
    assert preview.sample[3].values["due_date"] == "2026-01-05"
    assert snapshot(central) == before


def test_a_preview_of_a_bad_file_lists_its_problems_and_plans_nothing(
    service: ImportService,
) -> None:
    preview = service.preview(DATA / "cases_one_bad_row.csv")
    assert not preview.ok
    assert [(p.row, p.column) for p in preview.problems] == [(3, "principal")]
    assert preview.planned is None
    assert preview.sample[1].values["principal"] == "abc"


# Payments --------------------------------------------------------------------------------------


def _promise_and_plan(engine: Engine) -> None:
    """CD-0001 has an open promise of 1,000 by 12 Feb; CD-0002 an active plan of 2 × 300."""
    stored = cases(engine)
    collector = user_id(engine, "zhang.wei")
    agreed = dt.datetime(2026, 2, 1, 10, 0, tzinfo=CHENGDU)
    with Session(engine) as session, session.begin():
        session.add(
            models.PromiseToPay(
                case_id=stored["CD-0001"].id,
                user_id=collector,
                amount=Decimal("1000.00"),
                promised_date=dt.date(2026, 2, 12),
                created_at=agreed,
            )
        )
        plan = models.RepaymentPlan(
            id=uuid.uuid4(),
            case_id=stored["CD-0002"].id,
            proposed_by_id=collector,
            created_at=agreed,
            status="active",
            principal=Decimal("8000.00"),
            interest=Decimal("200.00"),
            penalty=Decimal("0.00"),
            agreed_total=Decimal("600.00"),
            frequency="monthly",
            instalment_count=2,
            first_due_date=dt.date(2026, 2, 5),
        )
        session.add(plan)
        for seq, due in ((1, dt.date(2026, 2, 5)), (2, dt.date(2026, 3, 5))):
            session.add(
                models.Instalment(plan_id=plan.id, seq=seq, due_date=due, amount=Decimal("300"))
            )


def test_payments_keep_a_promise_pay_instalments_and_reduce_balances(
    service: ImportService, central: Engine
) -> None:
    service.run(DATA / "cases_utf8.csv", as_of=AS_OF)
    _promise_and_plan(central)

    result = service.run(DATA / "payments.csv", kind="payments", as_of=AS_OF)

    assert (result.created, result.unchanged) == (3, 0)
    assert (result.promises_kept, result.instalments_paid, result.cases_settled) == (1, 1, 0)
    stored = cases(central)
    # 1,000 + 250 on CD-0001: penalty (120) first, then interest (350.50), then principal.
    assert (stored["CD-0001"].penalty, stored["CD-0001"].interest) == (Decimal(0), Decimal(0))
    assert stored["CD-0001"].principal == Decimal("12000.00") - Decimal("779.50")
    assert stored["CD-0002"].interest == Decimal("0.00")
    assert stored["CD-0002"].principal == Decimal("7700.00")
    assert stored["CD-0001"].last_payment_at == dt.datetime(2026, 2, 12, 15, 59, 59, tzinfo=dt.UTC)
    with Session(central) as session:
        promise = session.scalars(select(models.PromiseToPay)).one()
        instalments = session.execute(
            select(
                models.Instalment.seq, models.Instalment.paid_amount, models.Instalment.status
            ).order_by(models.Instalment.seq)
        ).all()
        channels = sorted(session.scalars(select(models.Payment.channel)))
    assert promise.status == "kept"
    assert promise.settled_at == dt.datetime(2026, 2, 10, 6, 30, tzinfo=dt.UTC)
    assert [tuple(row) for row in instalments] == [
        (1, Decimal("300.00"), "paid"),
        (2, Decimal("200.00"), "partially_paid"),
    ]
    assert channels == ["alipay", "bank_transfer", "wechat_pay"]


def test_importing_the_same_payments_again_changes_nothing(
    service: ImportService, central: Engine
) -> None:
    service.run(DATA / "cases_utf8.csv", as_of=AS_OF)
    _promise_and_plan(central)
    service.run(DATA / "payments.csv", kind="payments", as_of=AS_OF)
    before = snapshot(central)

    again = service.run(DATA / "payments.csv", kind="payments", as_of=AS_OF)

    assert (again.created, again.unchanged, again.promises_kept) == (0, 3, 0)
    assert snapshot(central) == before


def test_a_payment_that_clears_the_debt_settles_the_case(
    service: ImportService, central: Engine, tmp_path: Path
) -> None:
    service.run(DATA / "cases_utf8.csv", as_of=AS_OF)
    path = write_csv(
        tmp_path / "payoff.csv",
        "贷款编号,还款时间,还款金额,还款渠道",
        'CD-0003,2026-02-20 09:15,"1,000.00",支付宝',
        "CD-0003,2026-02-21 09:15,234.50,支付宝",
    )

    result = service.run(path, kind="payments", as_of=AS_OF)

    assert result.cases_settled == 1
    settled = cases(central)["CD-0003"]
    assert settled.status == "settled"
    assert settled.principal + settled.interest + settled.penalty == 0
    assert settled.closed_at == dt.datetime(2026, 2, 21, 1, 15, tzinfo=dt.UTC)


def test_paying_off_an_active_plan_completes_it_and_settles_the_case(
    service: ImportService, central: Engine, tmp_path: Path
) -> None:
    service.run(DATA / "cases_utf8.csv", as_of=AS_OF)
    _promise_and_plan(central)
    path = write_csv(
        tmp_path / "plan.csv",
        "loan_ref,paid_at,amount",
        "CD-0002,2026-02-04,300",
        "CD-0002,2026-02-27,300",
    )

    result = service.run(path, kind="payments", as_of=AS_OF)

    assert (result.instalments_paid, result.cases_settled) == (2, 1)
    assert cases(central)["CD-0002"].status == "settled"
    with Session(central) as session:
        assert session.scalars(select(models.RepaymentPlan.status)).one() == "completed"


def test_payments_on_unknown_loan_refs_are_refused_and_nothing_is_written(
    service: ImportService, central: Engine, tmp_path: Path
) -> None:
    service.run(DATA / "cases_utf8.csv", as_of=AS_OF)
    before = snapshot(central)
    path = write_csv(
        tmp_path / "payments.csv",
        "loan_ref,paid_at,amount,channel",
        "CD-0001,2026-02-10,100,alipay",
        "CD-9999,2026-02-10,100,alipay",
        "CD-0002,2026-02-10,0,alipay",
    )

    with pytest.raises(ImportRejectedError) as caught:
        service.run(path, kind="payments", as_of=AS_OF)

    assert [(p.row, p.column, p.code) for p in caught.value.problems] == [
        (3, "loan_ref", "unknown_loan_ref"),
        (4, "amount", "zero_amount"),
    ]
    assert snapshot(central) == before


def test_two_equal_payments_in_a_file_stay_two_and_a_file_ref_is_used_as_given(
    service: ImportService, central: Engine, tmp_path: Path
) -> None:
    service.run(DATA / "cases_utf8.csv", as_of=AS_OF)
    twice = write_csv(
        tmp_path / "twice.csv",
        "loan_ref,paid_at,amount,channel",
        "CD-0004,2026-02-10,500,counter",
        "CD-0004,2026-02-10,500,counter",
    )
    with_refs = write_csv(
        tmp_path / "refs.csv",
        "贷款编号,入账时间,金额,流水号",
        "CD-0004,2026-02-11,100,CBS0000000001",
        "CD-0004,2026-02-11,100,CBS0000000001",
    )

    assert service.run(twice, kind="payments", as_of=AS_OF).created == 2
    assert service.run(twice, kind="payments", as_of=AS_OF).unchanged == 2
    with pytest.raises(ImportRejectedError) as caught:
        service.run(with_refs, kind="payments", as_of=AS_OF)
    assert caught.value.problems[0].reason == ("payment reference CBS0000000001 is also on row 2")
    with Session(central) as session:
        refs = session.scalars(select(models.Payment.external_ref)).all()
    assert len(set(refs)) == 2 and all(ref.startswith("sha256:") for ref in refs)


def test_the_hash_of_a_payment_does_not_depend_on_how_the_file_writes_it() -> None:
    paid_at = dt.datetime(2026, 2, 10, 6, 30, tzinfo=dt.UTC)
    same = portfolio_import.payment_ref("CD-1", paid_at, Decimal("1000"), "Alipay", 1)
    assert same == portfolio_import.payment_ref(
        "CD-1", paid_at.astimezone(CHENGDU), Decimal("1000.00"), "alipay", 1
    )
    assert same != portfolio_import.payment_ref("CD-1", paid_at, Decimal("1000"), "alipay", 2)
    assert len(same) == 64


def test_a_database_that_is_not_a_central_database_is_refused(tmp_path: Path) -> None:
    engine = engines.sqlite_engine(tmp_path / "empty.db")
    try:
        with pytest.raises(errors.StoreError, match="not a FieldCollect central database"):
            ImportService(engine).run(DATA / "cases_utf8.csv")
    finally:
        engine.dispose()
