"""Derived columns and conflicts on the embedded central: a case's list summaries recomputed
centrally (as a payment import does) must not make a collector's later edit a conflict, while a
real change of the same case still does."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from app.services import case_summary, demo, plans
from app.services.sync import SyncService
from app.services.workspace import Workspace
from app.store import models
from tests.app.services.test_plans import signature_png
from tests.helpers import demo_copies

AS_OF = dt.date(2026, 11, 20)
# The loan_case columns each side recomputes from its own facts (app.services.case_summary).
DERIVED = (
    "risk_score",
    "risk_tier",
    "last_payment_at",
    "last_contact_at",
    "last_contact_outcome",
    "next_action_date",
    "promised_date",
    "promised_amount",
)


@pytest.fixture(scope="module")
def small_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("derived") / "demo"
    demo.build_demo_workspace(folder, seed=7, cases=9, as_of=AS_OF)
    return folder


@pytest.fixture
def workspace(small_demo: Path, tmp_path: Path) -> Iterator[Workspace]:
    with demo_copies.opened_copy(small_demo, tmp_path / "collector") as workspace:
        SyncService(workspace).run()
        yield workspace


@pytest.fixture
def central(workspace: Workspace) -> Iterator[Engine]:
    with demo_copies.embedded_central(workspace) as engine:
        yield engine


def _plan_ready_to_sign(workspace: Workspace) -> tuple[uuid.UUID, uuid.UUID]:
    service = plans.PlanService(workspace)
    with workspace.session() as session:
        case_id = session.scalars(
            select(models.LoanCase.id)
            .where(models.LoanCase.status == "open", models.LoanCase.active_plan_id.is_(None))
            .order_by(models.LoanCase.loan_ref)
        ).first()
    assert case_id is not None
    plan_id = service.save_draft(
        case_id,
        plans.PlanInput(
            instalment_count=3,
            frequency=plans.Frequency.MONTHLY,
            first_due_date=dt.date.today() + dt.timedelta(days=30),
        ),
    )
    return case_id, plan_id


def _central_case(central: Engine, case_id: uuid.UUID) -> models.LoanCase:
    with Session(central, expire_on_commit=False) as session:
        return session.get_one(models.LoanCase, case_id)


def _import_a_payment_centrally(central: Engine, case_id: uuid.UUID) -> None:
    """What `fieldcollect admin import --kind payments` does to a case: a payment row, then
    the case's summaries recomputed (last payment, risk) in the central database."""
    with Session(central) as session, session.begin():
        session.add(
            models.Payment(
                case_id=case_id,
                paid_at=dt.datetime(2026, 11, 19, 6, 0, tzinfo=dt.UTC),
                amount=Decimal("50.00"),
                channel="bank_transfer",
                external_ref=f"PAY-{uuid.uuid4().hex[:8]}",
            )
        )
        session.flush()
        case_summary.refresh_case_summaries(session, AS_OF, case_ids=[case_id])


def test_summaries_recomputed_centrally_do_not_make_a_signed_plan_a_conflict(
    workspace: Workspace, central: Engine
) -> None:
    case_id, plan_id = _plan_ready_to_sign(workspace)
    before = _central_case(central, case_id)
    _import_a_payment_centrally(central, case_id)
    after = _central_case(central, case_id)
    assert after.last_payment_at != before.last_payment_at, "the import changed a summary"
    plans.PlanService(workspace).sign(plan_id, signature_png(), signature_png(), "成都")

    report = SyncService(workspace).run()

    assert (report.conflicts, report.rejected) == (0, 0), SyncService(workspace).refused_changes()
    case = _central_case(central, case_id)
    assert (case.status, case.active_plan_id) == ("in_plan", plan_id)
    assert case.last_payment_at == after.last_payment_at
    with Session(central) as session:
        assert session.scalars(select(models.SyncConflict)).all() == []
    # The laptop holds the central version and the derived values, ready for the next edit.
    with workspace.session() as session:
        local = session.get_one(models.LoanCase, case_id)
        assert (local.row_version, local.status) == (case.row_version, "in_plan")
        assert local.last_payment_at == after.last_payment_at


def test_a_real_change_of_the_case_centrally_is_still_a_conflict(
    workspace: Workspace, central: Engine
) -> None:
    case_id, plan_id = _plan_ready_to_sign(workspace)
    with central.begin() as connection:
        connection.execute(
            text("UPDATE loan_case SET status = 'disputed' WHERE id = :id"), {"id": case_id.hex}
        )
    plans.PlanService(workspace).sign(plan_id, signature_png(), signature_png(), "成都")

    report = SyncService(workspace).run()

    assert report.conflicts == 1
    with Session(central) as session:
        conflict = session.scalars(select(models.SyncConflict)).one()
    assert (conflict.table_name, conflict.row_id) == ("loan_case", case_id)
    assert conflict.central_values["status"] == "disputed"
    assert conflict.client_values["status"] == "in_plan"


def test_only_the_derived_columns_leave_the_version_alone(
    workspace: Workspace, central: Engine
) -> None:
    """Every other column of loan_case (today's and any added later) still counts as a change:
    the trigger compares them all, so this fails when a new column is left out of it."""
    with workspace.session() as session:
        case_id, other_borrower = session.execute(
            select(models.LoanCase.id, models.Borrower.id)
            .join(models.Borrower, models.Borrower.id != models.LoanCase.borrower_id)
            .limit(1)
        ).one()
        other_user = session.scalars(
            select(models.AppUser.id).where(models.AppUser.role == "lead")
        ).one()
    table = models.LoanCase.__table__
    stamps = {"row_version", "sync_revision", "sync_xid", "id"}
    by_name = {
        "borrower_id": f"'{other_borrower.hex}'",
        "assigned_to_id": f"'{other_user.hex}'",
        "team_id": "NULL",
        "risk_tier": "'A'",
        "status": "'disputed'",
    }
    by_type = {
        "Money": "123456",
        "Integer": "7",
        "UtcDateTime": "'2030-01-01 00:00:00.000000'",
        "Date": "'2030-01-01'",
        "Uuid": f"'{uuid.uuid4().hex}'",
    }

    def version() -> int:
        with central.connect() as connection:
            return connection.execute(
                text("SELECT row_version FROM loan_case WHERE id = :id"), {"id": case_id.hex}
            ).scalar_one()

    for column in table.columns:
        if column.name in stamps:
            continue
        value = by_name.get(column.name, by_type.get(type(column.type).__name__, "'x'"))
        start = version()
        with central.begin() as connection:
            connection.execute(
                text(f"UPDATE loan_case SET {column.name} = {value} WHERE id = :id"),
                {"id": case_id.hex},
            )
        expected = start if column.name in DERIVED else start + 1
        assert version() == expected, column.name
