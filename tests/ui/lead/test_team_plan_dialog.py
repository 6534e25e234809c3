"""The lead's team plan dialog on the demo team (embedded central): propose shows each
collector's load and what was left out, apply writes assignments and planned visits centrally."""

from __future__ import annotations

import datetime as dt
import socket
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app import settings
from app.services.workspace import Workspace
from tests.ui.lead.conftest import TeamDemo, dispose
from ui.views.lead.assignment_view import AssignmentView

TOMORROW = dt.date.today() + dt.timedelta(days=1)


@pytest.fixture
def view(qtbot: QtBot, lead_workspace: Workspace) -> Iterator[AssignmentView]:
    shown = AssignmentView(lead_workspace)
    shown.resize(1300, 700)
    shown.show()
    yield shown
    dispose(shown)


def _central_visits(demo: TeamDemo, day: dt.date) -> list[tuple[str, str, int]]:
    with sqlite3.connect(demo.central_path) as central:
        return central.execute(
            "SELECT c.loan_ref, u.username, v.route_order FROM visit v "
            "JOIN loan_case c ON c.id = v.case_id JOIN app_user u ON u.id = v.user_id "
            "WHERE v.planned_date = ? AND v.status = 'planned' ORDER BY u.username, v.route_order",
            (day.isoformat(),),
        ).fetchall()


def _holders(demo: TeamDemo, loan_refs: list[str]) -> dict[str, str]:
    with sqlite3.connect(demo.central_path) as central:
        rows = central.execute(
            "SELECT c.loan_ref, u.username FROM loan_case c "
            "JOIN app_user u ON u.id = c.assigned_to_id "
            f"WHERE c.loan_ref IN ({','.join('?' * len(loan_refs))})",
            loan_refs,
        ).fetchall()
    return dict(rows)


def test_propose_shows_each_collectors_load_and_writes_nothing(
    qtbot: QtBot, team_demo: TeamDemo, view: AssignmentView
) -> None:
    dialog = view.open_team_plan()
    dialog.first_day.setDate(TOMORROW)
    dialog.seconds.setValue(0.5)
    assert not dialog.apply_button.isEnabled(), "nothing to apply before a proposal"
    with qtbot.waitSignal(dialog.task.finished, timeout=60_000):
        assert dialog.propose()
    plans = dialog.result
    assert len(plans) == 1 and not plans[0].applied
    collectors = plans[0].collectors
    assert dialog.day_model.rowCount() == len(collectors) > 1
    # Every collector's row shows his visits, kilometres and hours as the plan has them.
    for row, collector in enumerate(collectors):
        assert dialog.day_model.text(row, 1) == collector.display_name
        assert dialog.day_model.text(row, 2) == str(len(collector.loan_refs))
        assert dialog.day_model.text(row, 3) == f"{collector.distance_km:,.1f} km"
        assert dialog.day_model.text(row, 4) == f"{collector.duty_minutes / 60:.1f} h"
    loads = [len(collector.loan_refs) for collector in collectors]
    assert sum(1 for load in loads if load) > 1, "the day is spread over the team"
    # More open cases than one day takes: the rest are listed with a reason in words.
    assert dialog.left_out_model.rowCount() == len(plans[0].left_out) > 0
    assert all(
        dialog.left_out_model.text(row, 2) for row in range(dialog.left_out_model.rowCount())
    )
    assert f"{plans[0].visits} visits" in dialog.summary.text()
    assert dialog.apply_button.isEnabled()
    assert _central_visits(team_demo, TOMORROW) == [], "a proposal writes nothing"
    dialog.days.setValue(2)
    assert not dialog.apply_button.isEnabled(), "another number of days: propose again first"
    dialog.close()


def test_apply_writes_the_planned_visits_and_assignments_centrally_and_syncs(
    qtbot: QtBot, team_demo: TeamDemo, view: AssignmentView
) -> None:
    dialog = view.open_team_plan()
    dialog.first_day.setDate(TOMORROW)
    dialog.seconds.setValue(0.5)
    with qtbot.waitSignal(dialog.task.finished, timeout=60_000):
        dialog.propose()
    with qtbot.waitSignal(view.assigned, timeout=120_000):
        assert dialog.apply()
    (plan,) = dialog.result
    assert plan.applied and "given to their collectors" in dialog.summary.text()
    written = _central_visits(team_demo, TOMORROW)
    assert len(written) == plan.visits > 0
    planned = {
        collector.username: list(collector.loan_refs)
        for collector in plan.collectors
        if collector.loan_refs
    }
    by_collector: dict[str, list[str]] = {}
    for loan_ref, username, _order in written:
        by_collector.setdefault(username, []).append(loan_ref)
    assert by_collector == planned, "each collector's visits in route order"
    holders = _holders(team_demo, [loan_ref for loan_ref, _user, _order in written])
    assert all(holders[loan_ref] == username for loan_ref, username, _order in written)
    assert not dialog.apply_button.isEnabled(), "applied: nothing left to apply"
    # The lead's workspace synced: his list shows the new holders.
    first_user, first_refs = next(iter(planned.items()))
    view.collector_filter.setCurrentIndex(view.collector_filter.findData(first_user))
    shown = {view.model.text(row, 0) for row in range(view.model.rowCount())}
    assert set(first_refs) <= shown
    dialog.close()


def test_an_unreachable_osrm_server_still_gives_a_plan_and_the_dialog_says_so(
    qtbot: QtBot, lead_workspace: Workspace, tmp_path: Path
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{probe.getsockname()[1]}"
    preferences = settings.Preferences(tmp_path / "preferences.json")
    preferences.set("osrm_url", dead)
    shown = AssignmentView(lead_workspace, preferences=preferences)
    shown.show()
    try:
        dialog = shown.open_team_plan()
        dialog.first_day.setDate(TOMORROW)
        dialog.seconds.setValue(0.5)
        with qtbot.waitSignal(dialog.task.finished, timeout=60_000):
            assert dialog.propose()
        (plan,) = dialog.result
        assert plan.visits > 0 and plan.travel_source == "haversine"
        assert dialog.travel_note.isVisibleTo(dialog)
        assert "straight-line" in dialog.travel_note.text() and dead in dialog.travel_note.text()
        dialog.close()
    finally:
        dispose(shown)
