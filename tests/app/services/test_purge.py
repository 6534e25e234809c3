"""Data minimisation on a real demo workspace and its embedded central database: a case taken
away (or closed) leaves the laptop with its attachment files once its outbox is empty."""

from __future__ import annotations

import datetime as dt
import logging
import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, update

from app.services import assignment, demo, purge
from app.services.sync import SyncService
from app.services.visits import VisitService
from app.services.workspace import Workspace
from app.store import models
from app.store.local_models import OutboxEntry
from app.sync import handshake, pull
from tests.app.sync.test_attachment_sync import _sign_a_plan
from tests.helpers import demo_copies

AS_OF = dt.date(2026, 11, 20)
VISIT_AT = dt.datetime(2026, 11, 20, 2, 30, tzinfo=dt.UTC)  # 10:30 in Chengdu


@pytest.fixture(scope="module")
def small_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("purge") / "demo"
    demo.build_demo_workspace(folder, seed=5, cases=9, as_of=AS_OF)
    return folder


@pytest.fixture
def workspace(small_demo: Path, tmp_path: Path) -> Iterator[Workspace]:
    with demo_copies.opened_copy(small_demo, tmp_path / "collector") as workspace:
        yield workspace


@pytest.fixture
def central(workspace: Workspace) -> Iterator[Engine]:
    with demo_copies.embedded_central(workspace) as engine:
        yield engine


def _viewer(workspace: Workspace, central: Engine) -> handshake.Viewer:
    identity = workspace.identity()
    assert identity is not None
    with central.connect() as connection:
        return handshake.viewer(connection, identity.username)


def _another_collector(central: Engine, me: uuid.UUID) -> str:
    with central.connect() as connection:
        return connection.scalars(
            select(models.AppUser.username).where(
                models.AppUser.role == "collector", models.AppUser.id != me
            )
        ).first()


def _age_files(folder: Path, hours: float = 1) -> None:
    """Make the attachment files look written `hours` ago (past the purge's grace)."""
    then = time.time() - hours * 3600
    for path in (folder / "attachments").iterdir():
        os.utime(path, (then, then))


def _case_rows(workspace: Workspace, case_id: uuid.UUID) -> dict[str, int]:
    counted = {
        "case": (models.LoanCase.id, models.LoanCase.id),
        "contact": (models.Contact.id, models.Contact.case_id),
        "attachment": (models.Attachment.id, models.Attachment.case_id),
    }
    with workspace.session() as session:
        return {
            name: len(session.scalars(select(key).where(column == case_id)).all())
            for name, (key, column) in counted.items()
        }


def test_a_reassigned_case_stays_until_its_visit_is_pushed_then_leaves_with_its_files(
    workspace: Workspace, central: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    signed = _sign_a_plan(workspace)
    with workspace.session() as session:
        plan = session.get_one(models.RepaymentPlan, signed.plan_id)
        case_id = plan.case_id
        case = session.get_one(models.LoanCase, case_id)
        loan_ref, borrower_id = case.loan_ref, case.borrower_id
        borrower_name = session.get_one(models.Borrower, borrower_id).full_name
    SyncService(workspace).run()  # the plan and its three files reach the central database
    files = workspace.attachment_files()
    assert set(signed.files) <= files.stored_hashes()

    # Offline, the collector records a visit; meanwhile the lead gives the case to someone else.
    identity = workspace.identity()
    assert identity is not None
    visit = VisitService(workspace, current_date=lambda: AS_OF).record_contact(
        case_id, "visit", "not_home", VISIT_AT
    )
    lead = (
        central.connect()
        .execute(select(models.AppUser.username).where(models.AppUser.role == "lead"))
        .scalar_one()
    )
    assignment.AssignmentService(central).assign(
        [loan_ref], _another_collector(central, identity.user_id), by_username=lead
    )

    # A pull before the visit is pushed: the case is no longer his, but it stays, files too.
    viewer = _viewer(workspace, central)
    pulled = pull.pull(workspace.engine, central, viewer)
    assert case_id in pulled.deferred_cases
    _age_files(workspace.folder)
    kept = purge.purge(workspace, viewer)
    assert case_id not in kept.removed_case_ids
    assert _case_rows(workspace, case_id) == {"case": 1, "contact": 1, "attachment": 3}
    assert set(signed.files) <= files.stored_hashes()

    # The next sync pushes the visit, after which the case leaves with its rows and files.
    caplog.set_level(logging.INFO, logger="app.services.purge")
    report = SyncService(workspace).run()
    assert report.pushed >= 1
    assert _case_rows(workspace, case_id) == {"case": 0, "contact": 0, "attachment": 0}
    assert not set(signed.files) & files.stored_hashes()
    with central.connect() as connection:  # the visit was not lost on the way
        assert connection.scalar(select(models.Contact.id).where(models.Contact.id == visit))
    # Logged and audited by case id and count, never by name.
    [line] = [r.getMessage() for r in caplog.records if r.name == "app.services.purge"]
    assert str(case_id) in line and "1 cases" in line and borrower_name not in line
    with workspace.session() as session:
        event = session.scalars(
            select(models.AuditEvent).where(models.AuditEvent.action == "purge_cases")
        ).one()
    assert event.detail["case_ids"] == [str(case_id)]
    assert event.detail["removed_files"] == 3
    assert borrower_name not in str(event.detail)
    with workspace.session() as session:
        assert session.get(models.Borrower, borrower_id) is None


def test_a_closed_case_leaves_once_its_outbox_is_empty(
    workspace: Workspace, central: Engine
) -> None:
    viewer = _viewer(workspace, central)
    with workspace.session() as session:
        closed, waiting = session.scalars(
            select(models.LoanCase.id).order_by(models.LoanCase.loan_ref).limit(2)
        ).all()
        session.execute(
            update(models.LoanCase)
            .where(models.LoanCase.id.in_([closed, waiting]))
            .values(status="closed")
        )
        session.add(
            OutboxEntry(
                id=uuid.uuid4(),
                seq=10**9,
                table_name="contact",
                row_id=uuid.uuid4(),
                operation="insert",
                payload={},
                case_id=waiting,
            )
        )
    report = purge.purge(workspace, viewer)
    assert report.removed_case_ids == (closed,)
    assert report.waiting_case_ids == (waiting,)
    assert _case_rows(workspace, closed)["case"] == 0
    assert _case_rows(workspace, waiting)["case"] == 1


def test_a_young_file_no_row_names_yet_is_left_alone(workspace: Workspace, central: Engine) -> None:
    files = workspace.attachment_files()
    young = files.write(b"a signature being saved right now", "image/png")
    old = files.write(b"a file whose case left long ago", "image/png")
    path = files.path(old)
    assert path is not None
    os.utime(path, (time.time() - 7200, time.time() - 7200))
    report = purge.purge(workspace, _viewer(workspace, central))
    assert report.removed_files == 1
    assert files.exists(young) and not files.exists(old)
