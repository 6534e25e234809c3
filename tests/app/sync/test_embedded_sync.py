"""The same sync against the embedded central (the demo's SQLite file), which has no roles."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text, update
from sqlalchemy.orm import Session

from app.services import demo
from app.services.sync import SyncService
from app.services.visits import VisitService
from app.services.workspace import Workspace
from app.store import models
from app.store.local_models import OutboxEntry
from app.sync import outbox, push
from tests.helpers import demo_copies

AS_OF = dt.date(2026, 11, 20)


@pytest.fixture(scope="module")
def small_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("embedded") / "demo"
    demo.build_demo_workspace(folder, seed=3, cases=9, as_of=AS_OF)
    return folder


@pytest.fixture
def workspace(small_demo: Path, tmp_path: Path) -> Iterator[Workspace]:
    with demo_copies.opened_copy(small_demo, tmp_path / "demo") as workspace:
        yield workspace


@pytest.fixture
def central(workspace: Workspace) -> Iterator[Engine]:
    with demo_copies.embedded_central(workspace) as engine:
        yield engine


def _owner_cases(workspace: Workspace) -> list[uuid.UUID]:
    with workspace.session() as session:
        return list(session.scalars(select(models.LoanCase.id).order_by(models.LoanCase.loan_ref)))


def _record(workspace: Workspace, case_id: uuid.UUID) -> uuid.UUID:
    visits = VisitService(workspace, current_date=lambda: AS_OF)
    at = dt.datetime(2026, 11, 20, 3, 0, tzinfo=dt.UTC)
    return visits.record_contact(case_id, "visit", "not_home", at)


def test_a_demo_workspace_pushes_and_pulls_with_its_embedded_central(
    workspace: Workspace, central: Engine
) -> None:
    service = SyncService(workspace)
    first = service.run()
    assert (first.pushed, first.rejected) == (0, 0)
    contact_id = _record(workspace, _owner_cases(workspace)[0])
    report = service.run()
    assert (report.pushed, report.rejected) == (1, 0)
    with Session(central) as session:
        assert session.get(models.Contact, contact_id) is not None
    with workspace.session() as session:
        assert session.scalar(select(func.count()).select_from(OutboxEntry)) == 0
    again = service.run()
    assert (again.pushed, again.pulled_rows) == (0, 0)


def test_pushing_a_batch_twice_to_the_embedded_central_changes_nothing(
    workspace: Workspace, central: Engine
) -> None:
    _record(workspace, _owner_cases(workspace)[0])
    with workspace.engine.connect() as local:
        batch = push.pending_batch(local, 10)
    with central.begin() as connection:
        first = push.apply_batch(connection, "zhang.wei", batch)
    with central.begin() as connection:
        second = push.apply_batch(connection, "zhang.wei", batch)
    assert [result.repeated for result in first + second] == [False, True]
    with Session(central) as session:
        assert session.scalar(select(func.count()).select_from(models.SyncMutation)) == 1


def test_rows_written_centrally_after_a_pull_arrive_with_the_next(
    workspace: Workspace, central: Engine
) -> None:
    service = SyncService(workspace)
    service.run()
    case_id = _owner_cases(workspace)[0]
    owner = workspace.identity()
    assert owner is not None
    late = uuid.uuid4()
    with Session(central) as session, session.begin():
        session.add(
            models.Contact(
                id=late,
                case_id=case_id,
                user_id=owner.user_id,
                channel="sms",
                contacted_at=dt.datetime(2026, 11, 20, 1, tzinfo=dt.UTC),
                outcome="other",
            )
        )
    with central.connect() as connection:
        stamp = connection.execute(
            text("SELECT sync_xid FROM contact WHERE id = :id"), {"id": late.hex}
        ).scalar_one()
    assert stamp is None  # written unstamped; the next pull stamps and takes it
    report = service.run()
    assert report.pulled_rows == 1
    with workspace.session() as session:
        assert session.get(models.Contact, late) is not None


def test_a_case_reassigned_in_the_embedded_central_leaves_the_store(
    workspace: Workspace, central: Engine
) -> None:
    service = SyncService(workspace)
    service.run()
    moved, *rest = _owner_cases(workspace)
    with Session(central) as session, session.begin():
        other = session.scalars(
            select(models.AppUser.id).where(
                models.AppUser.role == "collector", models.AppUser.username != "zhang.wei"
            )
        ).first()
        session.execute(
            update(models.LoanCase).where(models.LoanCase.id == moved).values(assigned_to_id=other)
        )
    report = service.run()
    assert report.removed_cases == 1
    assert _owner_cases(workspace) == rest


def test_a_stale_edit_is_a_conflict_on_the_embedded_central_too(
    workspace: Workspace, central: Engine
) -> None:
    service = SyncService(workspace)
    service.run()
    with workspace.session() as session:
        phone = session.scalars(select(models.BorrowerPhone)).first()
        assert phone is not None
        phone.number = "13900000001"
        outbox.enqueue(session, phone, "update")
        phone_id = phone.id
    with Session(central) as session, session.begin():
        session.execute(
            update(models.BorrowerPhone)
            .where(models.BorrowerPhone.id == phone_id)
            .values(number="13700000002")
        )
    report = service.run()
    assert report.conflicts == 1
    with Session(central) as session:
        conflict = session.scalars(select(models.SyncConflict)).one()
        assert session.get_one(models.BorrowerPhone, phone_id).number == "13700000002"
    assert conflict.client_values["number"] == "13900000001"
    assert conflict.central_values["number"] == "13700000002"
    assert conflict.central_row_version == conflict.base_row_version + 1


def test_one_refused_entry_does_not_hold_back_the_rest_on_sqlite(
    workspace: Workspace, central: Engine
) -> None:
    service = SyncService(workspace)
    service.run()
    first, second = _owner_cases(workspace)[:2]
    good = _record(workspace, first)
    with workspace.session() as session:
        # An insert of a row the central database has already: refused as row_exists.
        case = session.get_one(models.LoanCase, second)
        duplicate = OutboxEntry(
            id=uuid.uuid4(),
            seq=99,
            table_name="loan_case",
            row_id=case.id,
            operation="insert",
            payload=outbox.row_payload(case),
            case_id=case.id,
        )
        session.add(duplicate)
    last = _record(workspace, second)
    report = service.run()
    assert (report.pushed, report.rejected) == (2, 1)
    with Session(central) as session:
        assert session.get(models.Contact, good) is not None
        assert session.get(models.Contact, last) is not None
        recorded = session.get_one(models.SyncMutation, duplicate.id)
    assert (recorded.outcome, recorded.reason.split(":")[0]) == ("rejected", "row_exists")
    (refused,) = service.refused_changes()
    assert (refused.mutation_id, refused.reason) == (duplicate.id, "row_exists")
