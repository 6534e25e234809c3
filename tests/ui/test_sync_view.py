"""Syncing from the Sync screen with the demo's embedded central database."""

from __future__ import annotations

import json

from pytestqt.qtbot import QtBot
from sqlalchemy import func, select, update

from app.services.status import workspace_status
from app.services.workspace import Workspace
from app.store import engines, models
from app.store.local_models import OutboxEntry
from ui.views.sync_view import SyncView


def test_sync_now_sends_the_waiting_changes_and_says_what_it_did(
    qtbot: QtBot, demo_workspace: Workspace
) -> None:
    from app.services.cases import CaseListService, CaseQuery, CaseService

    first = CaseListService(demo_workspace).page(CaseQuery(), 0, 1)[0]
    CaseService(demo_workspace).reveal_id_number(first.case_id)  # one audited change queued
    assert workspace_status(demo_workspace).pending_changes == 1
    view = SyncView(demo_workspace)
    qtbot.addWidget(view)
    view.show()
    view.show_status(workspace_status(demo_workspace), online=True)
    assert view.sync_button.isEnabled()
    with qtbot.waitSignal(view.synced, timeout=60_000) as done:
        assert view.sync_now()
    report = done.args[0]
    assert report.pushed == 1 and report.rejected == 0
    assert view.result.text().startswith("Synced: 1 changes sent")
    status = workspace_status(demo_workspace)
    assert status.pending_changes == 0 and status.last_sync_at is not None
    central = engines.central_engine(f"sqlite:///{demo_workspace.embedded_central_path}")
    try:
        with central.connect() as connection:
            events = connection.scalar(
                select(func.count())
                .select_from(models.AuditEvent)
                .where(models.AuditEvent.action == "reveal_id_number")
            )
    finally:
        central.dispose()
    assert events == 1
    assert not view.refused.isVisible()


def test_a_failed_sync_says_why_and_keeps_every_change(
    qtbot: QtBot, demo_workspace: Workspace, tmp_path
) -> None:
    from app.services.workspace import STATE_SERVER_URL

    demo_workspace.set_state(STATE_SERVER_URL, "postgresql://nobody@127.0.0.1:1/none")
    from app.services.cases import CaseListService, CaseQuery, CaseService

    first = CaseListService(demo_workspace).page(CaseQuery(), 0, 1)[0]
    CaseService(demo_workspace).reveal_id_number(first.case_id)
    view = SyncView(demo_workspace)
    qtbot.addWidget(view)
    view.show()
    assert view.sync_now(password="wrong")
    qtbot.waitUntil(lambda: not view.running, timeout=60_000)
    assert view.result.text().startswith("Not synced: ")
    assert view.result.text().endswith("Every change stays queued.")
    assert workspace_status(demo_workspace).pending_changes == 1


def test_a_change_the_central_database_refused_is_listed_with_its_reason(
    qtbot: QtBot, demo_workspace: Workspace
) -> None:
    from app.services.cases import CaseListService, CaseQuery, CaseService

    first = CaseListService(demo_workspace).page(CaseQuery(), 0, 1)[0]
    CaseService(demo_workspace).reveal_id_number(first.case_id)
    refusal = {"outcome": "rejected", "reason": "forbidden", "message": "not your case"}
    with demo_workspace.session() as session:
        session.execute(
            update(OutboxEntry).values(state="rejected", last_error=json.dumps(refusal))
        )
    view = SyncView(demo_workspace)
    qtbot.addWidget(view)
    view.show()
    assert view.refused.isVisible() and view.refused_heading.isVisible()
    assert view.refused_model.rowCount() == 1
    row = [view.refused_model.text(0, column) for column in range(3)]
    assert row == ["audit_event", "rejected", "not your case"]
