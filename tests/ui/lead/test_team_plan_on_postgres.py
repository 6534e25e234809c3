"""The lead's team plan against a real PostgreSQL central database: planned and applied with his
own login role under Row-Level Security, through the dialog, then synced to his workspace."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services import team_plan
from app.store import models
from tests.ui.lead.conftest import dispose
from tests.ui.lead.test_lead_on_postgres import North, _service, north  # noqa: F401 (fixture)
from ui.dialogs.team_plan_dialog import TeamPlanDialog

TOMORROW = dt.date.today() + dt.timedelta(days=1)


def test_the_lead_plans_and_applies_his_teams_day_as_himself(qtbot: QtBot, north: North) -> None:  # noqa: F811
    service = _service(north)
    service.central.sync()  # his laptop knows his team once it has synced
    planner = team_plan.LeadTeamPlanner(service)
    dialog = TeamPlanDialog(planner)
    dialog.show()
    try:
        dialog.first_day.setDate(TOMORROW)
        dialog.seconds.setValue(0.5)
        with qtbot.waitSignal(dialog.task.finished, timeout=60_000):
            assert dialog.propose()
        (proposed,) = dialog.result
        assert {collector.username for collector in proposed.collectors} == {
            north.alice,
            north.bob,
        }, "North's collectors only: RLS hides South's"
        assert proposed.visits == 3
        with qtbot.waitSignal(dialog.applied, timeout=60_000):
            assert dialog.apply()
        (applied,) = dialog.result
        assert applied.applied and applied.visits == 3
    finally:
        dispose(dialog)
    with Session(north.world.engine) as session:
        visits = session.execute(
            select(models.LoanCase.loan_ref, models.AppUser.username)
            .join(models.Visit, models.Visit.case_id == models.LoanCase.id)
            .join(models.AppUser, models.AppUser.id == models.Visit.user_id)
            .where(models.Visit.planned_date == TOMORROW)
        ).all()
        given_by = session.scalars(
            select(models.AppUser.username)
            .join(
                models.CaseAssignment,
                models.CaseAssignment.assigned_by_id == models.AppUser.id,
            )
            .where(models.CaseAssignment.reason == f"team plan {TOMORROW.isoformat()}")
        ).all()
    planned = {ref: day.username for day in applied.collectors for ref in day.loan_refs}
    assert dict(visits) == planned
    assert set(given_by) <= {north.lead}
    # His workspace synced: the planned visits are on his laptop too.
    with north.workspace.session() as session:
        local = session.scalars(
            select(models.Visit.id).where(models.Visit.planned_date == TOMORROW)
        ).all()
    assert len(local) == 3
