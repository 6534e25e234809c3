"""Cancelling a sync at a safe point, and the sync log, against the demo's embedded central."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from app.services import audit
from app.services.sync import SyncCancel, SyncConnectionError, SyncService
from app.services.workspace import STATE_SERVER_URL, Workspace
from app.store import models
from app.store.local_models import OutboxEntry
from app.sync import pull, push
from tests.helpers import demo_copies, embedded_conflict


@pytest.fixture(scope="module")
def small_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return embedded_conflict.build_demo(tmp_path_factory.mktemp("sync-run") / "demo")


@pytest.fixture
def workspace(small_demo: Path, tmp_path: Path) -> Iterator[Workspace]:
    with demo_copies.opened_copy(small_demo, tmp_path / "demo") as workspace:
        SyncService(workspace).run()
        yield workspace


@pytest.fixture
def central(workspace: Workspace) -> Iterator[Engine]:
    with demo_copies.embedded_central(workspace) as engine:
        yield engine


def _queue_audit_events(workspace: Workspace, count: int) -> None:
    owner = workspace.identity()
    assert owner is not None
    with workspace.session() as session:
        for number in range(count):
            audit.record_event(session, owner.user_id, "test_event", "case", str(number))


def _pending(workspace: Workspace) -> int:
    with workspace.session() as session:
        return session.scalar(
            select(func.count()).select_from(OutboxEntry).where(OutboxEntry.state == "pending")
        )


def _central_events(central: Engine) -> int:
    with Session(central) as session:
        return session.scalar(
            select(func.count())
            .select_from(models.AuditEvent)
            .where(models.AuditEvent.action == "test_event")
        )


def _cursor(workspace: Workspace) -> int:
    with workspace.engine.connect() as local:
        return pull.cursor_of(local)


def test_a_cancel_asked_during_the_push_stops_after_that_batch_and_the_rest_stays_queued(
    workspace: Workspace, central: Engine
) -> None:
    _queue_audit_events(workspace, push.BATCH_SIZE + 50)
    cursor = _cursor(workspace)
    cancel = SyncCancel()
    seen: list[tuple[str, int, int]] = []

    def progress(stage: str, done: int, total: int) -> None:
        seen.append((stage, done, total))
        cancel.request()  # the person clicks Cancel while the first batch goes out

    service = SyncService(workspace)
    report = service.run(progress=progress, cancel=cancel)
    assert report.cancelled
    assert seen == [("push", push.BATCH_SIZE, push.BATCH_SIZE + 50)]
    assert report.pushed == push.BATCH_SIZE
    # The first batch is committed centrally and cleared locally; the second waits, untouched.
    assert _central_events(central) == push.BATCH_SIZE
    assert _pending(workspace) == 50
    assert _cursor(workspace) == cursor  # no pull ran
    again = service.run()
    assert (again.cancelled, again.pushed) == (False, 50)
    assert _central_events(central) == push.BATCH_SIZE + 50
    assert _pending(workspace) == 0
    latest, earlier = service.sync_log()[:2]
    assert (latest.outcome, latest.pushed) == ("completed", 50)
    assert (earlier.outcome, earlier.pushed) == ("cancelled", push.BATCH_SIZE)
    assert earlier.finished_at is not None and earlier.finished_at <= latest.started_at


def test_a_cancel_asked_during_the_pull_stops_after_a_page_and_the_next_sync_resumes(
    workspace: Workspace, central: Engine
) -> None:
    owner = workspace.identity()
    assert owner is not None
    with workspace.session() as session:
        case_id = session.scalars(select(models.LoanCase.id)).first()
    contact_id, payment_id = uuid.uuid4(), uuid.uuid4()
    at = dt.datetime(2026, 11, 20, 1, tzinfo=dt.UTC)
    with Session(central) as session, session.begin():
        session.add(
            models.Contact(
                id=contact_id,
                case_id=case_id,
                user_id=owner.user_id,
                channel="sms",
                contacted_at=at,
                outcome="other",
            )
        )
        session.add(
            models.Payment(
                id=payment_id,
                case_id=case_id,
                paid_at=at,
                amount=Decimal("12.30"),
                channel="bank_transfer",
            )
        )
    cursor = _cursor(workspace)
    cancel = SyncCancel()

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "rows":
            cancel.request()

    service = SyncService(workspace)
    report = service.run(progress=progress, cancel=cancel)
    assert report.cancelled and report.pulled_rows == 1
    assert _cursor(workspace) == cursor  # the window is not done: the cursor has not moved
    with workspace.session() as session:
        arrived = {
            session.get(models.Contact, contact_id) is not None,
            session.get(models.Payment, payment_id) is not None,
        }
    assert arrived == {True, False}  # one page in, the other table still to come
    again = service.run()
    assert again.resumed and again.pulled_rows == 1 and not again.cancelled
    with workspace.session() as session:
        assert session.get(models.Contact, contact_id) is not None
        assert session.get(models.Payment, payment_id) is not None
    assert _cursor(workspace) > cursor
    assert [run.outcome for run in service.sync_log()[:2]] == ["completed", "cancelled"]


def test_a_cancel_asked_before_the_sync_starts_sends_nothing(workspace: Workspace) -> None:
    _queue_audit_events(workspace, 3)
    cancel = SyncCancel()
    cancel.request()
    report = SyncService(workspace).run(cancel=cancel)
    assert report.cancelled and report.pushed == 0
    assert _pending(workspace) == 3


def test_every_run_is_in_the_sync_log_newest_first_with_what_it_did(
    workspace: Workspace,
) -> None:
    service = SyncService(workspace)
    _queue_audit_events(workspace, 2)
    service.run()
    workspace.set_state(STATE_SERVER_URL, "postgresql://nobody@127.0.0.1:1/none")
    with pytest.raises(SyncConnectionError):
        service.run(password="wrong")
    failed, completed, first = service.sync_log()[:3]
    assert failed.outcome == "failed" and failed.message and "127.0.0.1" in failed.message
    assert (completed.outcome, completed.pushed, completed.refused) == ("completed", 2, 0)
    assert first.outcome == "completed"  # the fixture's first sync
    assert failed.started_at >= completed.started_at >= first.started_at
    assert all(run.finished_at is not None for run in (failed, completed, first))


def test_the_sync_log_keeps_the_newest_runs_only(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services import sync

    monkeypatch.setattr(sync, "SYNC_LOG_KEPT", 2)
    service = SyncService(workspace)
    for _ in range(3):
        service.run()
    runs = service.sync_log()
    assert len(runs) == 2 and all(run.outcome == "completed" for run in runs)
