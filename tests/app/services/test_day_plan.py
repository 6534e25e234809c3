"""Planning the day on the demo workspace: windows, legal hours, saved order, reasons."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from sqlalchemy import select

from app.services.day_plan import DayPlanService, LeftOutReason
from app.services.visits import VisitService
from app.services.workspace import Workspace
from app.store import models
from app.store.local_models import OutboxEntry

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _visits(workspace: Workspace, day: dt.date) -> dict:
    with workspace.session() as session:
        rows = session.scalars(select(models.Visit).where(models.Visit.planned_date == day)).all()
        session.expunge_all()
    return {visit.id: visit for visit in rows}


def test_every_stop_starts_inside_its_window_and_the_legal_hours_and_the_order_is_saved(
    demo_workspace: Workspace,
) -> None:
    day = dt.date.today()
    plan = DayPlanService(demo_workspace, seconds=1.0).plan_day(day)
    visits = _visits(demo_workspace, day)
    assert plan.stops, "the demo day has visits that fit"
    assert len(plan.stops) + len(plan.left_out) == len(visits)
    assert [stop.order for stop in plan.stops] == list(range(1, len(plan.stops) + 1))
    previous_start = None
    for stop in plan.stops:
        visit = visits[stop.visit_id]
        assert visit.route_order == stop.order
        local = stop.start.astimezone(SHANGHAI)
        assert dt.time(8, 0) <= local.time() and local + dt.timedelta(minutes=30) <= (
            dt.datetime.combine(day, dt.time(22, 0), SHANGHAI)
        )
        if visit.window_start is not None:
            assert visit.window_start <= stop.start <= visit.window_end
        assert stop.arrival <= stop.start
        if previous_start is not None:
            assert stop.start > previous_start
        previous_start = stop.start
    for left in plan.left_out:
        assert visits[left.visit_id].route_order is None
    assert plan.distance_km > 0 and plan.cost > 0 and plan.back_at > plan.stops[-1].start
    with demo_workspace.session() as session:
        updated = {
            entry.row_id
            for entry in session.scalars(
                select(OutboxEntry).where(
                    OutboxEntry.table_name == "visit", OutboxEntry.operation == "update"
                )
            )
        }
    assert {stop.visit_id for stop in plan.stops} <= updated


def test_a_visit_agreed_only_for_the_night_is_left_out_for_its_window(
    demo_workspace: Workspace,
) -> None:
    day = dt.date.today() + dt.timedelta(days=3)
    service = VisitService(demo_workspace)
    with demo_workspace.session() as session:
        refs = session.scalars(select(models.LoanCase.loan_ref).limit(2)).all()
    night = service.plan_visit(
        service.case_id_for_ref(refs[0]), day, dt.time(22, 30), dt.time(23, 30)
    )
    evening = service.plan_visit(
        service.case_id_for_ref(refs[1]), day, dt.time(18, 30), dt.time(19, 30)
    )
    plan = DayPlanService(demo_workspace, seconds=0.5).plan_day(day)
    assert [(left.visit_id, left.reason) for left in plan.left_out] == [
        (night, LeftOutReason.OUTSIDE_EVERY_WINDOW)
    ]
    assert [stop.visit_id for stop in plan.stops] == [evening]
    assert plan.stops[0].start.astimezone(SHANGHAI).time() >= dt.time(18, 30)
    assert plan.stops[0].wait_minutes >= 0
