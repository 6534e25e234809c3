"""The Conflicts view from the Sync screen, and the Sync screen's Cancel and log, with the demo's
embedded central database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from app.services.conflicts import ConflictService
from app.services.status import workspace_status
from app.services.sync import SyncService
from app.services.workspace import Workspace
from tests.helpers import demo_copies, embedded_conflict
from tests.helpers.embedded_conflict import MINE, THEIRS, edit_phone_on_both_sides, phone_numbers
from ui import formatting
from ui.views.conflicts_view import ConflictsView
from ui.views.sync_view import SyncView


@pytest.fixture(scope="module")
def small_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return embedded_conflict.build_demo(tmp_path_factory.mktemp("conflicts-ui") / "demo")


@pytest.fixture
def workspace(small_demo: Path, tmp_path: Path) -> Iterator[Workspace]:
    with demo_copies.opened_copy(small_demo, tmp_path / "demo") as workspace:
        yield workspace


@pytest.fixture
def central(workspace: Workspace) -> Iterator[Engine]:
    with demo_copies.embedded_central(workspace) as engine:
        yield engine


def _sync_view(qtbot: QtBot, workspace: Workspace) -> SyncView:
    view = SyncView(workspace)
    qtbot.addWidget(view)
    view.show()
    view.show_status(workspace_status(workspace), online=True)
    return view


def _sync(qtbot: QtBot, view: SyncView) -> object:
    with qtbot.waitSignal(view.synced, timeout=60_000) as done:
        assert view.sync_now()
    return done.args[0]


def _cells(view: ConflictsView, row: int) -> list[str]:
    return [view.model.text(row, column) for column in range(view.model.columnCount())]


@pytest.mark.parametrize("decision", ["keep_mine", "take_theirs"])
def test_a_phone_edited_on_both_sides_is_shown_and_decided_and_the_stores_converge(
    qtbot: QtBot, workspace: Workspace, central: Engine, decision: str
) -> None:
    SyncService(workspace).run()
    phone = edit_phone_on_both_sides(workspace, central)
    view = _sync_view(qtbot, workspace)
    assert view.conflicts_button.text() == "&Conflicts (0)"
    report = _sync(qtbot, view)
    assert report.conflicts == 1
    assert view.conflicts_button.text() == "&Conflicts (1)"

    dialog = view.show_conflicts()
    qtbot.waitExposed(dialog)
    conflicts = dialog.view
    assert conflicts.model.rowCount() == 1
    assert conflicts.selected() == conflicts.model.rows[0], "the first conflict is selected"
    loan, borrower, record, field, mine, theirs, changed = _cells(conflicts, 0)
    assert (loan, borrower) == (phone.loan_ref, phone.borrower_name)
    assert (record, field, mine, theirs) == ("Borrower's phone", "Number", MINE, THEIRS)
    # Written straight into the central database (no push): nobody to name.
    assert changed.startswith("the central database (import or administrator), ")
    assert changed.endswith("version 2")
    assert conflicts.keep_mine_button.isEnabled() and conflicts.take_theirs_button.isEnabled()

    button = conflicts.keep_mine_button if decision == "keep_mine" else conflicts.take_theirs_button
    with qtbot.waitSignal(conflicts.decided) as decided:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert decided.args == [0]
    assert conflicts.table.isHidden() and not conflicts.empty.isHidden()
    assert view.conflicts_button.text() == "&Conflicts (0)"
    assert ConflictService(workspace).decided()[0].decision == (
        "mine" if decision == "keep_mine" else "theirs"
    )

    again = _sync(qtbot, view)
    assert (again.conflicts, again.rejected) == (0, 0)
    expected = (MINE, 3) if decision == "keep_mine" else (THEIRS, 2)
    assert phone_numbers(workspace, central, phone.phone_id) == (*expected, *expected)


def test_the_changed_centrally_column_names_the_lead_who_pushed_the_central_value(
    qtbot: QtBot, workspace: Workspace, central: Engine
) -> None:
    SyncService(workspace).run()
    edit_phone_on_both_sides(workspace, central, pushed_by=embedded_conflict.LEAD)
    assert SyncService(workspace).run().conflicts == 1
    view = ConflictsView(workspace)
    qtbot.addWidget(view)
    (conflict,) = ConflictService(workspace).open_conflicts()
    assert conflict.changed_at is not None
    *_, changed = _cells(view, 0)
    assert changed == (
        f"{embedded_conflict.LEAD}, {formatting.local_datetime(conflict.changed_at)}, version 2"
    )


def test_the_sync_screen_lists_every_run_newest_first(qtbot: QtBot, workspace: Workspace) -> None:
    view = _sync_view(qtbot, workspace)
    assert view.log.isHidden()
    _sync(qtbot, view)
    _sync(qtbot, view)
    assert not view.log.isHidden() and view.log_model.rowCount() == 2
    assert view.log_model.text(0, 2) == "Completed"
    assert view.log_model.text(0, 0) >= view.log_model.text(1, 0)


def test_cancel_shows_while_a_sync_runs_and_the_run_ends_queued_and_logged(
    qtbot: QtBot, workspace: Workspace
) -> None:
    view = _sync_view(qtbot, workspace)
    assert view.cancel_button.isHidden()
    with qtbot.waitSignal(view.synced, timeout=60_000) as done:
        assert view.sync_now()
        assert not view.cancel_button.isHidden() and view.cancel_button.isEnabled()
        qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
        assert not view.cancel_button.isEnabled()
        assert view.result.text().startswith("Cancelling")
    report = done.args[0]
    # It stopped at a safe point, or had already finished when the click arrived.
    if report.cancelled:
        assert view.result.text().startswith("Sync cancelled:")
        assert view.log_model.text(0, 2) == "Cancelled"
    else:
        assert view.log_model.text(0, 2) == "Completed"
    assert view.cancel_button.isHidden() and view.sync_button.isEnabled()
