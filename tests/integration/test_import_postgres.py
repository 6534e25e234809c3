"""Portfolio and payment imports on a real PostgreSQL central database: all or nothing, and
importing the same file again changes nothing (the triggers' row versions included)."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.services.assignment import AssignmentService
from app.services.portfolio_import import HiddenCasesError, ImportRejectedError, ImportService
from app.store import engines, models, schema_upgrade
from tests.app.services.test_portfolio_import import add_team_and_users
from tests.app.sync.central_world import central_world

pytestmark = pytest.mark.postgres

DATA = Path(__file__).parents[1] / "data" / "import"
AS_OF = dt.date(2026, 3, 1)


@pytest.fixture
def service(pg_engine: Engine) -> ImportService:
    schema_upgrade.upgrade(pg_engine, schema_upgrade.SchemaKind.CENTRAL)
    add_team_and_users(pg_engine)
    minutes = itertools.count()
    start = dt.datetime(2026, 3, 1, 2, 0, tzinfo=dt.UTC)
    return ImportService(pg_engine, clock=lambda: start + dt.timedelta(minutes=next(minutes)))


def snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every synced table, the triggers' stamps included."""
    with engine.connect() as connection:
        return {
            model.__tablename__: sorted(
                (tuple(row) for row in connection.execute(select(model.__table__)).all()),
                key=repr,
            )
            for model in models.SYNCED_TABLES
        }


def test_a_bad_row_writes_nothing_on_postgres(service: ImportService, pg_engine: Engine) -> None:
    service.run(DATA / "cases_utf8.csv", as_of=AS_OF)
    before = snapshot(pg_engine)

    with pytest.raises(ImportRejectedError) as caught:
        service.run(DATA / "cases_one_bad_row.csv", as_of=AS_OF)

    assert [(p.row, p.letter, p.code) for p in caught.value.problems] == [(3, "D", "bad_amount")]
    assert snapshot(pg_engine) == before


def test_importing_cases_and_payments_twice_changes_nothing_on_postgres(
    service: ImportService, pg_engine: Engine
) -> None:
    first = service.run(DATA / "cases_gbk.csv", as_of=AS_OF)
    service.run(DATA / "cases_utf8.csv", as_of=AS_OF)
    paid = service.run(DATA / "payments.csv", kind="payments", as_of=AS_OF)
    assert (first.encoding, first.created, paid.created) == ("gbk", 3, 3)
    before = snapshot(pg_engine)

    again = service.run(DATA / "cases_gbk.csv", as_of=AS_OF)
    paid_again = service.run(DATA / "payments.csv", kind="payments", as_of=AS_OF)

    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert (paid_again.created, paid_again.unchanged) == (0, 3)
    assert snapshot(pg_engine) == before
    with Session(pg_engine) as session:
        case = session.scalars(
            select(models.LoanCase).where(models.LoanCase.loan_ref == "CD-0301")
        ).one()
        assert case.principal == Decimal("12345.67")
        assert case.row_version == 1


def test_a_changed_balance_bumps_the_row_version_once_on_postgres(
    service: ImportService, pg_engine: Engine, tmp_path: Path
) -> None:
    service.run(DATA / "cases_utf8.csv", as_of=AS_OF)
    lines = (DATA / "cases_utf8.csv").read_text(encoding="utf-8").splitlines()
    lines[4] = lines[4].replace(",50000,", ",49000,")
    changed = tmp_path / "changed.csv"
    changed.write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = service.run(changed, as_of=AS_OF)

    assert (result.updated, result.unchanged) == (1, 3)
    with Session(pg_engine) as session:
        versions = dict(
            session.execute(select(models.LoanCase.loan_ref, models.LoanCase.row_version)).all()
        )
    assert versions["CD-0001"] == 1
    assert versions["CD-0004"] == 2


def test_imported_cases_are_assigned_by_hand_and_automatically_on_postgres(
    service: ImportService, pg_engine: Engine
) -> None:
    service.run(DATA / "cases_utf8.csv", as_of=AS_OF)
    with Session(pg_engine) as session, session.begin():
        for username, lat, lon in (("zhang.wei", 30.65, 104.08), ("wang.fang", 30.70, 104.04)):
            session.execute(
                models.AppUser.__table__.update()
                .where(models.AppUser.__table__.c.username == username)
                .values(home_lat=lat, home_lon=lon, skills=["two_person"])
            )
    assigner = AssignmentService(pg_engine)

    proposal = assigner.auto_assign("成都外访一组", apply=False)
    applied = assigner.auto_assign("成都外访一组", by_username="li.na")
    moved = assigner.assign(["CD-0001", "CD-0002"], "wang.fang", "li.na", "片区调整")

    assert applied.cases == proposal.cases
    # Each already holds one case; CD-0002 lies 4 km from zhang.wei's home, 8 from wang.fang's.
    assert [(case.loan_ref, case.username) for case in applied.cases] == [
        ("CD-0002", "zhang.wei"),
        ("CD-0004", "wang.fang"),
    ]
    assert moved.changed == ("CD-0001", "CD-0002") and moved.unchanged == ()
    with Session(pg_engine) as session:
        case_id = session.scalars(
            select(models.LoanCase.id).where(models.LoanCase.loan_ref == "CD-0001")
        ).one()
        handovers = session.scalars(
            select(models.CaseAssignment.reason)
            .where(models.CaseAssignment.case_id == case_id)
            .order_by(models.CaseAssignment.assigned_at)
        ).all()
        access = session.execute(
            select(models.CaseAccessEvent.kind, models.CaseAccessEvent.user_id)
            .where(
                models.CaseAccessEvent.case_id == case_id,
                models.CaseAccessEvent.user_id.is_not(None),
            )
            .order_by(models.CaseAccessEvent.id)
        ).all()
    assert handovers == ["import: cases_utf8.csv", "片区调整"]
    # The central triggers tell zhang.wei's laptop to drop the case and wang.fang's to take it.
    assert [kind for kind, _user in access] == ["granted", "revoked", "granted"]


def test_cancelling_while_the_cases_stream_in_writes_nothing_on_postgres(
    service: ImportService, pg_engine: Engine
) -> None:
    """The cases are streamed to the server as they are made (COPY): a progress callback that
    raises half-way through that stream aborts it, and the import's transaction with it."""
    before = snapshot(pg_engine)
    seen: list[int] = []

    def cancel_while_writing_cases(done: int, total: int) -> None:
        seen.append(done)
        # Reading counts the first half; the second row written is a case inside the COPY.
        if done == total // 2 + 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        service.run(DATA / "cases_utf8.csv", as_of=AS_OF, progress=cancel_while_writing_cases)
    assert seen[-1] == 6
    assert snapshot(pg_engine) == before
    # Nothing is left half-done: the same file imports whole afterwards.
    assert service.run(DATA / "cases_utf8.csv", as_of=AS_OF).created == 4


def _content(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """What an import wrote, without ids, stamps and times: comparable across databases."""
    borrower, phone, address = models.Borrower, models.BorrowerPhone, models.BorrowerAddress
    case, user = models.LoanCase, models.AppUser
    with Session(engine) as session:
        return {
            "borrowers": sorted(
                session.execute(
                    select(
                        borrower.id_number,
                        borrower.full_name,
                        borrower.language,
                        borrower.safety_flags,
                        borrower.notes,
                    )
                ).all()
            ),
            "phones": sorted(
                session.execute(
                    select(borrower.id_number, phone.number, phone.kind, phone.is_primary).join(
                        borrower, borrower.id == phone.borrower_id
                    )
                ).all()
            ),
            "addresses": sorted(
                session.execute(
                    select(
                        borrower.id_number,
                        address.address_text,
                        address.lat,
                        address.lon,
                        address.timezone,
                        address.availability,
                        address.safety_flags,
                        address.is_primary,
                    ).join(borrower, borrower.id == address.borrower_id)
                ).all()
            ),
            "cases": sorted(
                session.execute(
                    select(
                        case.loan_ref,
                        borrower.id_number,
                        case.product,
                        case.principal,
                        case.interest,
                        case.penalty,
                        case.due_date,
                        case.status,
                        case.risk_score,
                        case.risk_tier,
                        user.username,
                    )
                    .join(borrower, borrower.id == case.borrower_id)
                    .outerjoin(user, user.id == case.assigned_to_id)
                ).all()
            ),
        }


def test_postgres_s_copy_stores_what_the_embedded_central_stores(
    service: ImportService, pg_engine: Engine, tmp_path: Path
) -> None:
    """The PostgreSQL import streams rows in COPY's binary format (JSON as text); the embedded
    central inserts them through SQLAlchemy. The same file must leave the same data in both."""
    embedded = engines.sqlite_engine(tmp_path / "central.db")
    try:
        schema_upgrade.upgrade(embedded, schema_upgrade.SchemaKind.CENTRAL)
        add_team_and_users(embedded)
        ImportService(embedded).run(DATA / "cases_utf8.csv", as_of=AS_OF)
        service.run(DATA / "cases_utf8.csv", as_of=AS_OF)
        stored = _content(pg_engine)
        assert stored == _content(embedded)
    finally:
        embedded.dispose()
    assert len(stored["cases"]) == 4 and len(stored["addresses"]) == 3
    assert stored["cases"][0][3] == Decimal("12000.00")
    assert [tuple(row[5:7]) for row in stored["addresses"]] == [([], [])] * 3


def test_a_lead_importing_as_himself_stores_what_the_embedded_central_stores(
    tmp_path: Path,
) -> None:
    """Under row-level security (no COPY) the rows go as arrays (INSERT … SELECT FROM unnest and
    UPDATE … FROM unnest): a first import, a second one that moves a balance and a place, and a
    payments file must leave what the embedded central keeps for the same three files."""
    original = (DATA / "cases_utf8.csv").read_text(encoding="utf-8")
    changed = original.replace('"12,000.00"', '"11,000.00"').replace(
        "30.655,104.080", "30.657,104.082", 1
    )
    assert (
        changed.count("30.655,104.080") == 1
    )  # CD-0003 keeps the old place: two updates, last wins
    with central_world(tmp_path) as world:
        lead = world.user("lena", "lead", "North")
        names = {"zhang.wei": world.user("zhang", "collector", "North")}
        names["wang.fang"] = world.user("wang", "collector", "North")
        files = []
        for number, content in enumerate((original, changed)):
            for name, login in names.items():
                content = content.replace(f",{name}\n", f",{login}\n")
            files.append(tmp_path / f"north-{number}.csv")
            files[-1].write_text(content, encoding="utf-8")
        as_lead = ImportService(world.engine_as(lead))
        first = as_lead.run(files[0], as_of=AS_OF, by_username=lead)
        second = as_lead.run(files[1], as_of=AS_OF, by_username=lead)
        paid = as_lead.run(DATA / "payments.csv", kind="payments", as_of=AS_OF, by_username=lead)
        stored = _content(world.engine)
        logins = {login: name for name, login in names.items()}
        stored["cases"] = [(*row[:-1], logins.get(row[-1], row[-1])) for row in stored["cases"]]
        with Session(world.engine) as session:
            versions = dict(
                session.execute(select(models.LoanCase.loan_ref, models.LoanCase.row_version)).all()
            )

    embedded = engines.sqlite_engine(tmp_path / "central.db")
    try:
        schema_upgrade.upgrade(embedded, schema_upgrade.SchemaKind.CENTRAL)
        add_team_and_users(embedded)
        ImportService(embedded).run(DATA / "cases_utf8.csv", as_of=AS_OF)
        changed_file = tmp_path / "changed.csv"
        changed_file.write_text(changed, encoding="utf-8")
        ImportService(embedded).run(changed_file, as_of=AS_OF)
        ImportService(embedded).run(DATA / "payments.csv", kind="payments", as_of=AS_OF)
        assert stored == _content(embedded)
    finally:
        embedded.dispose()
    assert (first.created, second.updated, paid.created) == (4, 2, 3)
    # CD-0001: its balance moved, then its payments; CD-0002: its payment.
    assert versions == {"CD-0001": 3, "CD-0002": 2, "CD-0003": 1, "CD-0004": 1}


def test_a_lead_s_file_naming_another_team_s_loan_ref_is_refused_as_such(tmp_path: Path) -> None:
    """Row-level security hides the other team's case from the import's check, so the insert
    meets its loan ref: the lead is told the case is not his (not to "run it again"), and
    nothing is written."""
    with central_world(tmp_path) as world:
        lead = world.user("lena", "lead", "North")
        carol = world.user("carol", "collector", "South")
        world.seed_cases(carol, "South", 1)
        with Session(world.engine) as session:
            theirs = session.scalars(select(models.LoanCase.loan_ref)).one()
        path = tmp_path / "north.csv"
        path.write_text(
            "loan_ref,borrower_name,id_number,principal,due_date\n"
            "N-0001,张三,510104199001019999,100,2026-01-01\n"
            f"{theirs},李四,510104199001018888,100,2026-01-01\n",
            encoding="utf-8",
        )
        before = snapshot(world.engine)

        with pytest.raises(HiddenCasesError, match="belongs to a case you may not see"):
            ImportService(world.engine_as(lead)).run(path, as_of=AS_OF, by_username=lead)
        assert snapshot(world.engine) == before
