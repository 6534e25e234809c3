"""Suggesting a collector's day on the demo workspace: only allowed, located, open cases not
already planned, at most his most visits, in a route that keeps every window, riskier first."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from app.domain import compliance, vocabulary
from app.routing import feasibility, schedule, travel_matrix
from app.routing import problem as route_problem
from app.routing import solution as route_solution
from app.services import day_plan, team_plan, visit_suggestion
from app.services.visit_suggestion import VisitSuggestionService
from app.services.visits import VisitService
from app.services.workspace import Workspace
from app.store import models
from app.store.local_models import OutboxEntry

DAY = dt.date.today() + dt.timedelta(days=1)


def _owner(workspace: Workspace) -> models.AppUser:
    identity = workspace.identity()
    assert identity is not None
    with workspace.session() as session:
        user = session.get_one(models.AppUser, identity.user_id)
        session.expunge(user)
    return user


def test_the_suggestion_holds_only_allowed_located_open_cases_not_yet_planned(
    demo_workspace: Workspace,
) -> None:
    user = _owner(demo_workspace)
    with demo_workspace.session() as session:
        already = set(
            session.scalars(
                select(models.Visit.case_id).where(
                    models.Visit.user_id == user.id,
                    models.Visit.planned_date == DAY,
                    models.Visit.status == vocabulary.VisitStatus.PLANNED,
                )
            )
        )
    suggestion = VisitSuggestionService(demo_workspace, seconds=1.0).suggest(DAY)
    assert suggestion.chosen, "the demo collector has open cases to suggest"
    assert len(suggestion.chosen) <= user.max_visits_per_day - len(already)
    assert [case.order for case in suggestion.chosen] == list(range(1, len(suggestion.chosen) + 1))
    chosen_ids = {case.case_id for case in suggestion.chosen}
    assert not chosen_ids & already
    assert not chosen_ids & {passed.case.case_id for passed in suggestion.passed_over}
    with demo_workspace.session() as session:
        for suggested in suggestion.chosen:
            case = session.get_one(models.LoanCase, suggested.case_id)
            assert case.assigned_to_id == user.id
            assert case.status in ("open", "promised")
            assert case.promised_date is None or case.promised_date < DAY
            address = session.get_one(models.BorrowerAddress, suggested.address_id)
            assert address.borrower_id == case.borrower_id
            assert address.lat is not None and address.lon is not None
            legal = compliance.contact_window("CN", DAY, address.timezone)
            assert suggested.arrival is not None and suggested.arrival < legal.end
            assert suggested.owed == case.principal + case.interest + case.penalty
            assert suggested.tier == case.risk_tier


def test_the_suggested_route_keeps_every_window_the_shift_and_the_most_visits(
    demo_workspace: Workspace,
) -> None:
    """The route is checked independently (app.routing.feasibility) against a problem rebuilt
    here from the store: the windows of the borrower's availability ∩ legal hours ∩ shift."""
    user = _owner(demo_workspace)
    suggestion = VisitSuggestionService(demo_workspace, seconds=1.0).suggest(DAY, count=6)
    assert 0 < len(suggestion.chosen) <= 6
    midnight = dt.datetime.combine(DAY, dt.time(), compliance.zone("Asia/Shanghai"))
    shift = tuple(
        (dt.datetime.combine(DAY, moment, midnight.tzinfo) - midnight).total_seconds()
        for moment in day_plan.SHIFT
    )
    service = dt.timedelta(minutes=day_plan.VISIT_MINUTES)
    jobs = []
    with demo_workspace.session() as session:
        team = session.get_one(models.Team, user.team_id)
        home = day_plan.home_of(user, team)
        for suggested in suggestion.chosen:
            address = session.get_one(models.BorrowerAddress, suggested.address_id)
            legal = compliance.contact_window("CN", DAY, address.timezone)
            allowed = (
                max(legal.start, dt.datetime.combine(DAY, day_plan.SHIFT[0], midnight.tzinfo)),
                min(legal.end, dt.datetime.combine(DAY, day_plan.SHIFT[1], midnight.tzinfo))
                - service,
            )
            windows = team_plan.available_windows(
                address.availability or [], DAY, address.timezone, allowed, service
            )
            jobs.append(
                route_problem.Job(
                    id=str(suggested.case_id),
                    location=(address.lon, address.lat),
                    service=service.total_seconds(),
                    time_windows=tuple(
                        ((a - midnight).total_seconds(), (b - midnight).total_seconds())
                        for a, b in windows
                    ),
                )
            )
    problem = route_problem.RouteProblem(
        travel=day_plan.TRAVEL,
        vehicles=(
            route_problem.Vehicle(
                id="me", start=home, end=home, shift=(shift[0], shift[1]), max_jobs=6
            ),
        ),
        jobs=tuple(jobs),
    )
    places = travel_matrix.index_places(problem)
    matrix = travel_matrix.build_matrix(problem.travel, places.places)
    route = schedule.time_route(problem, matrix, places, 0, range(len(jobs)))
    solution = route_solution.RouteSolution(
        routes=(route,),
        unassigned=(),
        summary=route_solution.summarise((route,)),
    )
    assert feasibility.check_solution(problem, solution) == []
    arrivals = [case.arrival for case in suggestion.chosen]
    assert arrivals == sorted(arrivals)


def test_a_tier_a_case_near_the_others_is_chosen_over_a_tier_d_one(
    demo_workspace: Workspace,
) -> None:
    service = VisitSuggestionService(demo_workspace, seconds=1.0)
    first = service.suggest(DAY, count=3)
    assert len(first.chosen) == 3
    # Two passed-over cases next to the first chosen stop: one made tier A, one tier D.
    spare = [passed.case for passed in first.passed_over if passed.reason != "outside_every_window"]
    assert len(spare) >= 2
    near, far_below = spare[0], spare[1]
    with demo_workspace.session() as session:
        anchor = session.get_one(models.BorrowerAddress, first.chosen[0].address_id)
        for suggested, tier in ((near, "A"), (far_below, "D")):
            case = session.get_one(models.LoanCase, suggested.case_id)
            case.risk_tier = tier
            case.principal = Decimal("900000") if tier == "A" else Decimal("100")
            address = session.get_one(models.BorrowerAddress, suggested.address_id)
            address.lat, address.lon = anchor.lat + 0.001, anchor.lon + 0.001
            address.availability = []
    second = service.suggest(DAY, count=3)
    chosen = {case.case_id for case in second.chosen}
    assert near.case_id in chosen
    assert far_below.case_id not in chosen
    assert visit_suggestion.case_priority("A", Decimal(900000)) > visit_suggestion.case_priority(
        "D", Decimal(100)
    )


def test_cases_planned_promised_or_just_visited_are_not_suggested(
    demo_workspace: Workspace,
) -> None:
    service = VisitSuggestionService(demo_workspace, seconds=1.0)
    first = service.suggest(DAY, count=4)
    planned, promised, visited = (case.case_id for case in first.chosen[:3])
    VisitService(demo_workspace).plan_visit(planned, DAY, None, None)
    with demo_workspace.session() as session:
        session.get_one(models.LoanCase, promised).promised_date = DAY + dt.timedelta(days=2)
        earlier = VisitService(demo_workspace)
    visit_id = earlier.plan_visit(visited, DAY - dt.timedelta(days=1), None, None)
    with demo_workspace.session() as session:
        session.get_one(models.Visit, visit_id).check_in_at = dt.datetime.now(dt.UTC)
    second = service.suggest(DAY, count=4)
    offered = {case.case_id for case in second.chosen} | {
        passed.case.case_id for passed in second.passed_over
    }
    assert not offered & {planned, promised, visited}


def test_accepting_plans_the_kept_cases_as_visits_queued_for_sync(
    demo_workspace: Workspace,
) -> None:
    service = VisitSuggestionService(demo_workspace, seconds=1.0)
    suggestion = service.suggest(DAY, count=4)
    kept = [case.case_id for case in suggestion.chosen[1:]]
    created = service.accept(suggestion, kept)
    assert len(created) == len(kept)
    with demo_workspace.session() as session:
        visits = [session.get_one(models.Visit, visit_id) for visit_id in created]
        queued = set(
            session.scalars(
                select(OutboxEntry.row_id).where(
                    OutboxEntry.table_name == "visit", OutboxEntry.operation == "insert"
                )
            )
        )
    assert [visit.case_id for visit in visits] == kept
    assert all(visit.planned_date == DAY and visit.status == "planned" for visit in visits)
    assert set(created) <= queued
    # Accepting again plans nothing twice; the day is then planned as usual.
    assert service.accept(suggestion, kept) == []
    plan = day_plan.DayPlanService(demo_workspace, seconds=1.0).plan_day(DAY)
    assert set(created) <= {stop.visit_id for stop in plan.stops}
