"""A small demo workspace syncing with its embedded central, and a borrower phone edited on both
sides: the conflict the sync tests and the Conflicts view's tests decide."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from app.services import demo
from app.services.workspace import Workspace
from app.store import models
from app.sync import codec, outbox, push

AS_OF = dt.date(2026, 11, 20)
MINE = "13900000001"
THEIRS = "13700000002"
# The lead who pushes the central change in `edit_phone_on_both_sides(..., pushed_by=LEAD)`.
LEAD = "li.lead"


def build_demo(folder: Path) -> Path:
    """A demo workspace of 9 cases (copy it per test)."""
    demo.build_demo_workspace(folder, seed=3, cases=9, as_of=AS_OF)
    return folder


@dataclass(frozen=True)
class PhoneConflict:
    """The phone both sides edited.

    Attributes:
        phone_id: the borrower_phone row.
        loan_ref: a case of its borrower.
        borrower_name: the borrower.
    """

    phone_id: uuid.UUID
    loan_ref: str
    borrower_name: str


def edit_phone_on_both_sides(
    workspace: Workspace, central: Engine, pushed_by: str | None = None
) -> PhoneConflict:
    """The collector changes a phone offline; meanwhile the lead changes it centrally.

    With `pushed_by` the central change arrives as that user's push (recorded in
    `sync_mutation`, so the conflict names him); without, it is written straight into the
    central database, as an import or an administrator would.
    """
    with workspace.session() as session:
        case = session.scalars(select(models.LoanCase).order_by(models.LoanCase.loan_ref)).first()
        assert case is not None
        phone = session.scalars(
            select(models.BorrowerPhone).where(models.BorrowerPhone.borrower_id == case.borrower_id)
        ).first()
        assert phone is not None
        phone.number = MINE
        phone.updated_at = models.utc_now()
        outbox.enqueue(session, phone, "update")
        borrower = session.get_one(models.Borrower, case.borrower_id)
        conflict = PhoneConflict(phone.id, case.loan_ref, borrower.full_name)
    if pushed_by is not None:
        _push_phone_number(central, pushed_by, conflict.phone_id, THEIRS)
        return conflict
    with Session(central) as session, session.begin():
        session.execute(
            update(models.BorrowerPhone)
            .where(models.BorrowerPhone.id == conflict.phone_id)
            .values(number=THEIRS, updated_at=models.utc_now())
        )
    return conflict


def _push_phone_number(central: Engine, username: str, phone_id: uuid.UUID, number: str) -> None:
    """`username`'s laptop pushes a new number for the phone, on its current central version."""
    with central.connect() as connection, connection.begin():
        version = connection.execute(
            select(models.BorrowerPhone.row_version).where(models.BorrowerPhone.id == phone_id)
        ).scalar_one()
        mutation = push.Mutation(
            mutation_id=uuid.uuid4(),
            seq=1,
            table_name="borrower_phone",
            row_id=phone_id,
            operation="update",
            payload={
                "id": str(phone_id),
                "number": number,
                "updated_at": codec.json_value(models.utc_now()),
            },
            base_row_version=version,
            case_id=None,
        )
        (result,) = push.apply_batch(connection, username, [mutation])
    assert result.outcome == push.APPLIED, result


def phone_numbers(workspace: Workspace, central: Engine, phone_id: uuid.UUID) -> tuple:
    """(local number, local version, central number, central version) of the phone."""
    with workspace.session() as session:
        local = session.get_one(models.BorrowerPhone, phone_id)
        mine = (local.number, local.row_version)
    with Session(central) as session:
        there = session.get_one(models.BorrowerPhone, phone_id)
        theirs = (there.number, there.row_version)
    return (*mine, *theirs)
