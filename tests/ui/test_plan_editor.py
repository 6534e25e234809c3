"""The plan editor driven through its widgets: a live schedule, approval warnings, saving."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from app.services import plans
from app.services.workspace import Workspace
from tests.app.services.test_plans import NOW
from tests.helpers import plan_book
from ui.dialogs import plan_editor_dialog
from ui.dialogs.plan_editor_dialog import PlanEditorDialog


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    with Workspace.open(tmp_path / "ws", create=True) as opened:
        yield opened


@pytest.fixture
def book(workspace: Workspace) -> plan_book.Book:
    return plan_book.add_book(workspace)


def _editor(qtbot: QtBot, workspace: Workspace, case_id: uuid.UUID) -> PlanEditorDialog:
    service = plans.PlanService(workspace, clock=lambda: NOW)
    dialog = PlanEditorDialog(service, case_id, "欧阳堃", clock=lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _type(qtbot: QtBot, field: object, text: str) -> None:
    field.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(field, text)


def _column(dialog: PlanEditorDialog, column: int) -> list[str]:
    return [dialog.schedule.text(row, column) for row in range(dialog.schedule.rowCount())]


def test_editing_the_terms_updates_the_schedule_and_the_totals_as_they_change(
    qtbot: QtBot, workspace: Workspace, book: plan_book.Book
) -> None:
    dialog = _editor(qtbot, workspace, book.case_id)
    assert "欧阳堃" in dialog.windowTitle()
    assert dialog.principal.text() == "3,000.00"
    assert dialog.schedule.rowCount() == 6, "six monthly instalments to begin with"
    assert "3,556.78" in dialog.agreed_total.text()

    _type(qtbot, dialog.waiver_value, "100")
    _type(qtbot, dialog.down_payment, "500")
    dialog.first_due_date.setDate(QDate(2026, 12, 20))
    assert dialog.schedule.rowCount() == 7
    assert _column(dialog, 0) == ["Down payment", "1", "2", "3", "4", "5", "6"]
    assert _column(dialog, 2) == ["500.00", *["492.79"] * 5, "492.83"]
    assert "3,456.78" in dialog.agreed_total.text()
    assert "3,456.78" in dialog.schedule_total.text()
    assert "17.97%" in dialog.waiver_share.text() and "20.00%" in dialog.waiver_share.text()
    assert not dialog.messages.isVisible()

    dialog.instalments.setValue(3)
    # 2,956.78 in three: 985.59 twice and the remainder, 985.60, last.
    assert _column(dialog, 2) == ["500.00", "985.59", "985.59", "985.60"]
    dialog.frequency.setCurrentIndex(dialog.frequency.findData(plans.Frequency.WEEKLY))
    assert dialog.schedule.rowCount() == 4
    assert dialog.preview is not None
    assert [item.due_date for item in dialog.preview.instalments][1:] == [
        dt.date(2026, 12, 21),  # Sunday the 20th moved to Monday
        dt.date(2026, 12, 28),
        dt.date(2027, 1, 4),
    ]

    dialog.save_button.click()
    first = dialog.plan_id
    assert first is not None
    assert dialog.status.text() == "Saved as a draft: ready to sign."
    assert not dialog.save_button.isEnabled(), "nothing changed since the save"
    dialog.instalments.setValue(4)
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.plan_saved) as saved:
        second = dialog.save()
    assert saved.args == [second] and second != first
    statuses = {summary.plan_id: summary.status for summary in dialog._service.plans()}
    assert statuses == {first: "cancelled", second: "draft"}


def test_a_waiver_beyond_authority_is_named_and_the_plan_saved_awaiting_approval(
    qtbot: QtBot, workspace: Workspace, book: plan_book.Book
) -> None:
    dialog = _editor(qtbot, workspace, book.case_id)
    dialog.set_waiver_percent(True)
    _type(qtbot, dialog.waiver_value, "50")
    assert dialog.preview is not None and dialog.preview.waiver == plans.Decimal("278.39")
    assert dialog.messages.isVisible()
    assert "50.00% of interest and penalty, above your authority of 20.00%" in (
        dialog.messages.text()
    )
    plan_id = dialog.save()
    assert plan_id is not None
    assert "awaiting a team lead's approval" in dialog.status.text()
    assert dialog._service.plan(plan_id).status == "pending_approval"


def test_an_impossible_plan_cannot_be_saved_and_says_why(
    qtbot: QtBot, workspace: Workspace, book: plan_book.Book
) -> None:
    dialog = _editor(qtbot, workspace, book.case_id)
    dialog.instalments.setValue(40)
    assert not dialog.save_button.isEnabled()
    assert dialog.schedule.rowCount() == 0
    assert dialog.messages.text() == (
        "The plan runs 40 months, longer than the maximum of 36 months."
    )
    dialog.instalments.setValue(36)
    assert "An instalment of 98.79 is below the minimum of 100.00" in dialog.messages.text()
    dialog.instalments.setValue(6)
    _type(qtbot, dialog.down_payment, "5000")
    assert "The down payment of 5,000.00 is more than the agreed total of 3,556.78." in (
        dialog.messages.text()
    )
    dialog.down_payment_date.setDate(QDate(2026, 11, 19))
    assert "The date" in dialog.messages.text() and "is in the past" in dialog.messages.text()
    assert dialog.save() is None
    assert dialog._service.plans() == []


def test_every_code_the_plan_service_returns_has_words() -> None:
    assert set(plan_editor_dialog.ISSUE_TEXT) == plans.ISSUE_CODES
    assert set(plan_editor_dialog.FREQUENCY) == set(plans.Frequency)
