"""Planning the day on the demo workspace: windows, legal hours, saved order, reasons."""

from __future__ import annotations

import datetime as dt
import math
import os
import socket
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pypdf
import pytest
from sqlalchemy import select

from app import settings
from app.services import day_plan
from app.services.day_plan import DayPlanService, LeftOutReason, StopWarning
from app.services.visits import VisitService
from app.services.workspace import Workspace
from app.store import models
from app.store.local_models import OutboxEntry
from tests.helpers.osrm_server import fake_osrm, road_metres, road_seconds

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


def _two_visits(workspace: Workspace, day: dt.date) -> tuple:
    """A morning and an evening visit on an otherwise empty day, at two different cases."""
    service = VisitService(workspace)
    with workspace.session() as session:
        refs = session.scalars(select(models.LoanCase.loan_ref).limit(2)).all()
    morning = service.plan_visit(service.case_id_for_ref(refs[0]), day, dt.time(9), dt.time(10))
    evening = service.plan_visit(
        service.case_id_for_ref(refs[1]), day, dt.time(18, 30), dt.time(19, 30)
    )
    return morning, evening


def test_an_order_chosen_by_hand_is_timed_at_once_warned_about_and_saved(
    demo_workspace: Workspace,
) -> None:
    day = dt.date.today() + dt.timedelta(days=4)
    morning, evening = _two_visits(demo_workspace, day)
    service = DayPlanService(demo_workspace, seconds=0.5)
    planned = service.plan_day(day)
    assert [stop.visit_id for stop in planned.stops] == [morning, evening]
    assert all(stop.warning is None for stop in planned.stops)

    swapped = service.reorder(day, [evening, morning])
    assert [stop.visit_id for stop in swapped.stops] == [evening, morning]
    first, second = swapped.stops
    assert first.warning is None and first.start.astimezone(SHANGHAI).time() >= dt.time(18, 30)
    # The morning visit now comes after the evening one: far past its window, and said so.
    assert second.warning is StopWarning.AFTER_WINDOW
    assert second.start > second.window_end
    assert second.late_minutes == math.ceil((second.start - second.window_end).seconds / 60)
    assert second.arrival >= first.departure
    visits = _visits(demo_workspace, day)
    assert (visits[evening].route_order, visits[morning].route_order) == (1, 2)
    assert service.current_plan(day).stops == swapped.stops


def test_a_locked_stop_keeps_its_time_when_the_day_is_planned_again(
    demo_workspace: Workspace,
) -> None:
    day = dt.date.today()
    service = DayPlanService(demo_workspace, seconds=0.5)
    first = service.plan_day(day)
    assert len(first.stops) >= 3
    stop = first.stops[1]
    # Locked at the latest start its window allows, not where the planner put it.
    pinned_at = stop.window_end
    assert pinned_at is not None and pinned_at != stop.start

    again = service.plan_day(day, locked={stop.visit_id: pinned_at})
    kept = [planned for planned in again.stops if planned.visit_id == stop.visit_id]
    assert kept and kept[0].start == pinned_at and kept[0].locked
    # The window it is allowed in stays what it was: a lock narrows the plan, not the agreement.
    assert (kept[0].window_start, kept[0].window_end) == (stop.window_start, stop.window_end)
    assert _visits(demo_workspace, day)[stop.visit_id].route_order == kept[0].order
    # Timing the saved order again (as the Today screen does) keeps it there too.
    assert service.current_plan(day, {stop.visit_id: pinned_at}).stops == again.stops


def test_locks_are_kept_in_the_workspace_while_their_visits_stay_planned(
    demo_workspace: Workspace,
) -> None:
    day = dt.date.today() + dt.timedelta(days=5)
    morning, evening = _two_visits(demo_workspace, day)
    at_nine = dt.datetime.combine(day, dt.time(9, 15), SHANGHAI)
    at_seven = dt.datetime.combine(day, dt.time(19), SHANGHAI)
    service = DayPlanService(demo_workspace, seconds=0.5)
    assert service.locks() == {}
    service.set_lock(morning, at_nine)
    assert service.set_lock(evening, at_seven) == {morning: at_nine, evening: at_seven}

    # Another service on the same workspace (the application started again) finds them.
    again = DayPlanService(demo_workspace, seconds=0.5)
    assert again.locks() == {morning: at_nine, evening: at_seven}
    assert all(start.tzinfo is dt.UTC for start in again.locks().values())
    planned = again.plan_day(day, again.locks())
    assert {stop.visit_id: stop.start for stop in planned.stops if stop.locked} == {
        morning: at_nine,
        evening: at_seven,
    }

    # Unlocked by hand, or no longer planned (cancelled, done): the lock goes.
    assert again.set_lock(evening, None) == {morning: at_nine}
    VisitService(demo_workspace).cancel(morning)
    assert DayPlanService(demo_workspace).locks() == {}


def test_unreadable_saved_locks_are_dropped_not_fatal(demo_workspace: Workspace) -> None:
    demo_workspace.set_state(day_plan.STATE_LOCKS, '{"not a visit id": "noon"}')
    assert DayPlanService(demo_workspace).locks() == {}


def test_the_cost_follows_the_rates_in_the_settings(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    day = dt.date.today()
    preferences = settings.Preferences(tmp_path / "preferences.json")
    preferences.set("cost_per_km", Decimal("1.50"))
    preferences.set("hourly_rate", Decimal("0"))
    by_distance = DayPlanService(demo_workspace, preferences, seconds=0.5).plan_day(day)
    preferences.set("cost_per_km", Decimal("0"))
    preferences.set("hourly_rate", Decimal("60"))
    by_time = DayPlanService(demo_workspace, preferences, seconds=0.5).current_plan(day)
    assert abs(by_distance.cost - Decimal(str(by_distance.distance_km)) * Decimal("1.50")) < 1
    assert abs(by_time.cost - Decimal(by_time.duty_minutes)) < 1  # 60 yuan an hour
    assert settings.Preferences(tmp_path / "preferences.json").get("hourly_rate") == 60


def test_the_route_sheet_pdf_lists_every_stop_in_order_and_the_days_totals(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    day = dt.date.today()
    service = DayPlanService(demo_workspace, seconds=0.5)
    planned = service.plan_day(day)
    target = tmp_path / "sheets" / "route.pdf"
    shown = service.write_route_sheet(day, target)
    assert shown.stops == planned.stops

    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(target).pages)
    compact = text.replace(" ", "").replace("\n", "")
    with demo_workspace.session() as session:
        rows = [
            session.execute(
                select(models.LoanCase.loan_ref, models.Borrower.full_name)
                .join(models.Visit, models.Visit.case_id == models.LoanCase.id)
                .join(models.Borrower, models.Borrower.id == models.LoanCase.borrower_id)
                .where(models.Visit.id == stop.visit_id)
            ).one()
            for stop in planned.stops
        ]
    positions = [compact.index(loan_ref) for loan_ref, _name in rows]
    assert positions == sorted(positions), "the stops are printed in route order"
    for _loan_ref, name in rows:
        assert name in compact
    for stop in planned.stops:
        assert stop.arrival.astimezone(SHANGHAI).strftime("%H:%M") in compact
    assert f"共{len(planned.stops)}站" in compact
    assert f"总里程{planned.distance_km:.1f}公里" in compact
    assert f"路上时间{planned.travel_minutes}分钟" in compact
    assert f"预计费用{planned.cost:,.2f}元" in compact
    assert "催收员" in compact and day.isoformat() in compact


def test_after_a_check_in_the_rest_of_the_day_starts_where_and_when_he_left(
    demo_workspace: Workspace,
) -> None:
    day = dt.date.today()
    service = DayPlanService(demo_workspace, seconds=0.5)
    planned = service.plan_day(day)
    assert len(planned.stops) >= 3
    first, second = planned.stops[0], planned.stops[1]
    visits = VisitService(demo_workspace)
    visits.check_in(first.visit_id, first.start)
    left = first.start + dt.timedelta(minutes=75)  # a long talk at the door
    visits.check_out(first.visit_id, left)

    rest = service.current_plan(day)
    assert first.visit_id not in {stop.visit_id for stop in rest.stops}
    assert rest.stops[0].visit_id == second.visit_id
    # Same leg as in the morning plan (from the first stop), but leaving 45 minutes later.
    assert rest.stops[0].leg_km == second.leg_km
    assert rest.stops[0].arrival - second.arrival >= dt.timedelta(minutes=44)
    again = service.plan_day(day)
    assert again.stops and again.stops[0].arrival >= left


def _address_places(workspace: Workspace, visit_ids: list) -> list[tuple[float, float]]:
    with workspace.session() as session:
        places = []
        for visit_id in visit_ids:
            visit = session.get_one(models.Visit, visit_id)
            address = session.get_one(models.BorrowerAddress, visit.address_id)
            places.append((address.lon, address.lat))
        return places


def test_with_an_osrm_server_set_the_day_is_timed_with_its_road_durations(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    day = dt.date.today()
    preferences = settings.Preferences(tmp_path / "preferences.json")
    with fake_osrm() as server:
        preferences.set("osrm_url", server.url)
        plan = DayPlanService(demo_workspace, preferences, seconds=0.5).plan_day(day)
    assert plan.stops and plan.travel_source == "osrm" and plan.travel_note is None
    assert {request["profile"] for request in server.requests} == {"cycling"}
    places = _address_places(demo_workspace, [stop.visit_id for stop in plan.stops])
    for before, after, there, here in zip(
        plan.stops, plan.stops[1:], places, places[1:], strict=False
    ):
        # Each leg takes exactly the server's duration (5 m/s on its road distance), not an
        # estimate at 18 km/h; its length is the server's distance.
        assert before.departure is not None
        leg = (after.arrival - before.departure).total_seconds()
        assert leg == pytest.approx(road_seconds(there, here), abs=1e-3)
        assert after.leg_km == round(road_metres(there, here) / 1000, 2)


def test_when_the_osrm_server_cannot_be_reached_the_day_is_planned_with_estimates(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{probe.getsockname()[1]}"
    preferences = settings.Preferences(tmp_path / "preferences.json")
    preferences.set("osrm_url", dead)
    plan = DayPlanService(demo_workspace, preferences, seconds=0.5).plan_day(dt.date.today())
    estimated = DayPlanService(demo_workspace, seconds=0.5).current_plan(dt.date.today())
    assert plan.stops, "the collector still gets his day"
    assert plan.travel_source == "haversine"
    assert plan.travel_note is not None and dead in plan.travel_note
    assert plan.distance_km == estimated.distance_km


def test_the_planner_s_budget_comes_from_the_settings(tmp_path: Path) -> None:
    preferences = settings.Preferences(tmp_path / "preferences.json")
    assert (day_plan.planner_seconds(preferences), day_plan.planner_seconds(None)) == (2.0, 2.0)
    assert day_plan.planner_threads(preferences) == (os.cpu_count() or 1)  # 0: every core
    preferences.set("route_seconds", 5)
    preferences.set("route_threads", 1)
    assert (day_plan.planner_seconds(preferences), day_plan.planner_threads(preferences)) == (5, 1)
    # Less than a second is no budget at all: the planner keeps one.
    preferences.set("route_seconds", 0)
    assert day_plan.planner_seconds(preferences) == 1.0


def test_a_day_planned_with_the_settings_budget_keeps_its_windows(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    preferences = settings.Preferences(tmp_path / "preferences.json")
    preferences.set("route_seconds", 1)
    preferences.set("route_threads", 1)
    day = dt.date.today()
    plan = DayPlanService(demo_workspace, preferences).plan_day(day)
    assert plan.stops, "the demo's day has visits to route"
    assert [stop.order for stop in plan.stops] == list(range(1, len(plan.stops) + 1))
