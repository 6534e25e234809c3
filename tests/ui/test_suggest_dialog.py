"""Suggested visits from the Today screen: the dialog suggests on a worker thread, the collector
unchecks one case, adds the others, and the Today list shows them (and "Plan the route" orders
them)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.services.workspace import Workspace
from ui.dialogs import suggest_dialog
from ui.dialogs.suggest_dialog import SuggestDialog
from ui.views.today_view import TodayView

DAY = dt.date.today() + dt.timedelta(days=2)


def _view(qtbot: QtBot, workspace: Workspace) -> TodayView:
    view = TodayView(workspace)
    qtbot.addWidget(view)
    view.show()
    view.show_day(DAY)
    return view


def _suggested(qtbot: QtBot, dialog: SuggestDialog) -> None:
    qtbot.addWidget(dialog)
    if dialog.suggestion is None:
        with qtbot.waitSignal(dialog.suggested, timeout=30_000):
            pass


def test_unchecking_one_suggested_case_adds_the_others_to_the_day(
    qtbot: QtBot, demo_workspace: Workspace
) -> None:
    view = _view(qtbot, demo_workspace)
    before = {visit.case_id for visit in view.visits}
    dialog = view.suggest_dialog()
    assert not dialog.add_button.isEnabled(), "nothing to add before the suggestion arrives"
    _suggested(qtbot, dialog)
    suggestion = dialog.suggestion
    assert suggestion is not None and len(suggestion.chosen) >= 2
    model = dialog.model
    assert model.rowCount() == len(suggestion.chosen)
    first = suggestion.chosen[0]
    assert model.text(0, suggest_dialog.COLUMN_LOAN) == first.loan_ref
    assert model.text(0, suggest_dialog.COLUMN_BORROWER) == first.borrower
    assert model.text(0, suggest_dialog.COLUMN_TIER) == first.tier
    assert f"tier {first.tier}" in model.text(0, suggest_dialog.COLUMN_REASON)
    assert dialog.checked_case_ids() == [case.case_id for case in suggestion.chosen]
    assert dialog.add_button.isEnabled()
    for row in range(model.rowCount()):
        dialog.set_checked(row, False)
    assert not dialog.add_button.isEnabled(), "nothing checked, nothing to add"
    for row in range(model.rowCount()):
        dialog.set_checked(row, True)
    assert dialog.add_button.isEnabled()
    second = model.index(1, suggest_dialog.COLUMN_LOAN)
    dialog.set_checked(1, False)
    assert model.data(second, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert suggestion.chosen[1].case_id not in dialog.checked_case_ids()
    with qtbot.waitSignal(dialog.visits_added):
        dialog.add_button.click()
    assert dialog.result() == SuggestDialog.DialogCode.Accepted
    view.visits_suggested(dialog.added)

    listed = {visit.case_id for visit in view.visits}
    kept = {case.case_id for case in suggestion.chosen} - {suggestion.chosen[1].case_id}
    assert kept <= listed
    assert suggestion.chosen[1].case_id not in listed - before
    assert view.model.rowCount() == len(view.visits)
    plan = view.plan_route()
    assert plan is not None
    assert set(dialog.added) <= {stop.visit_id for stop in plan.stops}


def test_the_suggest_button_is_on_the_today_screen(qtbot: QtBot, demo_workspace: Workspace) -> None:
    view = _view(qtbot, demo_workspace)
    assert view.suggest_button.isVisible()
    assert view.suggest_button.text().replace("&", "") == "Suggest visits…"
