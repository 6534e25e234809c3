"""The Team board: a collector's check-in synced to the lead, and its overdue check-out alert."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from app.services import day_plan
from app.services.sync import SyncService
from app.services.visits import VisitService
from app.services.workspace import Workspace
from tests.ui.lead.conftest import TeamDemo, dispose
from ui.views.lead.team_board_view import TeamBoardView

CHENGDU = ZoneInfo("Asia/Shanghai")
TODAY = dt.date.today()
CHECKED_IN_AT = dt.datetime.combine(TODAY, dt.time(10, 0), CHENGDU)


@pytest.fixture
def checked_in(team_demo: TeamDemo) -> str:
    """张伟 plans his route, checks in at its first visit at 10:00 and syncs; its loan ref."""
    with Workspace.open(team_demo.collector_folder) as collector:
        visits = VisitService(collector, current_date=lambda: TODAY)
        day_plan.DayPlanService(collector, seconds=0.5).plan_day(TODAY)
        first = visits.today(TODAY)[0]
        visits.check_in(first.visit_id, CHECKED_IN_AT, place="小区东门")
        SyncService(collector).run()
    return first.loan_ref


def _board(lead: Workspace, at: dt.datetime) -> Iterator[TeamBoardView]:
    view = TeamBoardView(lead, clock=lambda: at.astimezone(dt.UTC))
    view.resize(1300, 700)
    view.show()
    yield view
    dispose(view)


@pytest.fixture
def board_at_half_past_eleven(qtbot: QtBot, lead_workspace: Workspace) -> Iterator[TeamBoardView]:
    # Planned end 10:30 (the service time), 30 minutes of grace: overdue from 11:00 on.
    yield from _board(lead_workspace, CHECKED_IN_AT + dt.timedelta(hours=1, minutes=30))


def test_a_check_out_overdue_on_the_collectors_laptop_alerts_the_lead(
    checked_in: str, lead_workspace: Workspace, board_at_half_past_eleven: TeamBoardView
) -> None:
    view = board_at_half_past_eleven
    SyncService(lead_workspace).run()
    view.refresh()
    assert view.board is not None, view.notice.text()
    assert len(view.board.alerts) >= 1
    overdue = [
        row
        for row in range(view.alerts.rowCount())
        if view.alerts.text(row, 0) == "Check-out overdue"
    ]
    assert len(overdue) == 1
    row = overdue[0]
    # Checked in at 10:00, a visit is planned to take its service time; 30 minutes' grace.
    assert view.alerts.text(row, 1) == "张伟"
    assert view.alerts.text(row, 2) == checked_in
    assert view.alerts.text(row, 4) == "60 min past the planned end"  # 10:30 to 11:30
    assert view.alerts_heading.text() == f"Safety alerts: {len(view.board.alerts)}"
    zhang = next(
        r for r in range(view.collectors.rowCount()) if view.collectors.text(r, 0) == "张伟"
    )
    assert view.collectors.text(zhang, 4) == "小区东门 since 10:00"
    assert view.selected_collector() is not None
    assert view.selected_collector().username == "zhang.wei", "the collector with the alert"
    route = view.selected_collector().route
    assert len(route) > 0 and [stop.order for stop in route] == list(range(1, len(route) + 1))
    assert view.map.page_built is not None and view.map.page_built.stops == len(route)
    assert view.route_heading.text() == f"Planned route of 张伟: {len(route)} stops"


def test_a_longer_grace_clears_the_alert(
    checked_in: str, lead_workspace: Workspace, board_at_half_past_eleven: TeamBoardView
) -> None:
    view = board_at_half_past_eleven
    SyncService(lead_workspace).run()
    view.refresh()
    assert any(
        view.alerts.text(row, 0) == "Check-out overdue" for row in range(view.alerts.rowCount())
    )
    view.overdue_minutes.setValue(120)
    assert not any(
        view.alerts.text(row, 0) == "Check-out overdue" for row in range(view.alerts.rowCount())
    )
