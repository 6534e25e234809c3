"""Use case: the lead's team plan for one day — which collector visits which case, in what order —
solved as one routing problem over the whole team and applied to the central database as case
assignments (with their history) and planned visits in route order, which reach the collectors'
laptops at their next sync.

Cases are chosen and located exactly as the automatic assignment chooses and locates them
(`assignment.AssignmentService`, whose reading and hand-over steps this class inherits); what
differs is that the routing engine decides, so travel, visit windows (the borrower's weekly
availability at that address ∩ the legal contact hours at his place ∩ the shift), skills (pairs
for aggressive addresses) and each collector's most visits a day are all respected together. The
load is balanced by a cap: nobody gets more than an even share (visits ÷ collectors, rounded up)
of the day. Every case left out has a reason. A planned visit carries the window it was planned
in, so the collector's own day plan keeps to the borrower's availability.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from app import settings
from app.domain import compliance, vocabulary
from app.routing import osrm, solver, travel_matrix
from app.routing import problem as route_problem
from app.routing import solution as route_solution
from app.services import assignment, day_plan, portfolio_import, team_cases
from app.store import models

logger = logging.getLogger(__name__)

# Priority of a visit when not every case fits the day: the riskier tier first.
TIER_PRIORITY = {"A": 80, "B": 60, "C": 40, "D": 20}
TEAM_PLAN_REASON = "team plan"
MAX_DAYS = 7  # a week at most: the lead plans the coming days, not the month
# A day takes a few dozen visits. Routing every open case of a large team for it buys nothing and
# overflows the engines' whole-number costs (the lead demo's 1,600 cases for 48 places failed in
# both PyVRP and VROOM): a day is offered this many cases per place, riskiest and nearest first.
OFFER_PER_PLACE = 4
UNLIMITED_DAY = 20  # the places counted for a collector without a most-visits limit
_TRAVEL = day_plan.TRAVEL  # the same estimate as a collector's own day


@dataclass(frozen=True, slots=True)
class CollectorDay:
    """One collector's part of the team plan.

    Attributes:
        username: his login name.
        display_name: his name as people read it.
        loan_refs: the cases he visits, in route order.
        starts: when each of those visits starts (UTC).
        distance_km: road distance from home (or the office) and back.
        duty_minutes: from leaving home to coming back.
    """

    username: str
    display_name: str
    loan_refs: tuple[str, ...]
    starts: tuple[dt.datetime, ...]
    distance_km: float
    duty_minutes: int


@dataclass(frozen=True, slots=True)
class LeftOutCase:
    """A case the day could not take.

    Attributes:
        loan_ref: the case.
        code: the kind of reason (`route_solution.LeftOutBecause` values, or "no_position").
        reason: the reason in words.
    """

    loan_ref: str
    code: str
    reason: str


@dataclass(frozen=True, slots=True)
class TeamDayPlan:
    """The team's day.

    Attributes:
        team: the team's name.
        day: the day planned.
        collectors: per active collector (username order), his visits.
        left_out: cases no route could take, each with its reason.
        already_planned: loan refs left alone because a visit is already planned for them that day.
        applied: False for a proposal that wrote nothing.
        travel_source: "osrm" when the legs are OSRM's road times, "haversine" when estimated.
        travel_note: why a configured OSRM server was not used (in words), else None.
    """

    team: str
    day: dt.date
    collectors: tuple[CollectorDay, ...]
    left_out: tuple[LeftOutCase, ...]
    already_planned: tuple[str, ...]
    applied: bool
    travel_source: str = "haversine"
    travel_note: str | None = None

    @property
    def visits(self) -> int:
        return sum(len(collector.loan_refs) for collector in self.collectors)


@dataclass(frozen=True, slots=True)
class _Stop:
    case: assignment._Case
    address_id: uuid.UUID
    timezone: str
    windows: tuple[tuple[float, float], ...]  # latest starts, seconds from the team's midnight


class TeamPlanService(assignment.AssignmentService):
    """Plans a team's day, or days, over the central database (PostgreSQL or the embedded
    SQLite)."""

    def plan_team_days(
        self,
        team_name: str,
        first_day: dt.date,
        days: int = 5,
        case_filter: assignment.CaseFilter | None = None,
        *,
        profile: str = "CN",
        seconds: float = solver.DEFAULT_SECONDS,
        by_username: str | None = None,
        apply: bool = True,
        osrm_url: str = "",
        threads: int = solver.THREADS,
    ) -> tuple[TeamDayPlan, ...]:
        """Plan `days` days from `first_day`, one after another: what a day cannot take is
        offered to the next. A case goes to a day its borrower is available (his preferred days,
        from the weekly availability), as early in the week as the load allows."""
        if days < 1:
            raise assignment.AssignmentError(f"plan at least one day, not {days}")
        case_filter = case_filter or assignment.CaseFilter(unassigned_only=False)
        plans: list[TeamDayPlan] = []
        for offset in range(days):
            plan = self.plan_team_day(
                team_name,
                first_day + dt.timedelta(days=offset),
                case_filter,
                profile=profile,
                seconds=seconds,
                by_username=by_username,
                apply=apply,
                osrm_url=osrm_url,
                threads=threads,
            )
            plans.append(plan)
            # Cases with no position never fit; the others that did not fit try the next day.
            waiting = frozenset(
                left.loan_ref for left in plan.left_out if left.code != "no_position"
            )
            if not waiting:
                break
            case_filter = replace(case_filter, unassigned_only=False, loan_refs=waiting)
        return tuple(plans)

    def plan_team_day(
        self,
        team_name: str,
        day: dt.date,
        case_filter: assignment.CaseFilter | None = None,
        *,
        profile: str = "CN",
        seconds: float = solver.DEFAULT_SECONDS,
        by_username: str | None = None,
        apply: bool = True,
        osrm_url: str = "",
        threads: int = solver.THREADS,
    ) -> TeamDayPlan:
        """Route the cases `case_filter` selects (default: the team's open cases, held or not)
        over the team's active collectors on `day`; with `apply`, give each case to the collector
        who visits it and plan the visits in route order. `apply=False` only proposes. With
        `osrm_url`, legs are that OSRM server's road times (estimated when it cannot answer)."""
        case_filter = case_filter or assignment.CaseFilter(unassigned_only=False)
        portfolio_import.check_central(self.engine)
        with Session(self.engine) as session, session.begin():
            connection = session.connection()
            team = session.scalars(select(models.Team).where(models.Team.name == team_name)).first()
            if team is None:
                raise assignment.AssignmentError(f"unknown team {team_name!r}")
            by_id = self._user_id(connection, by_username)
            people = self._collectors(connection, team.id)
            if not people:
                raise assignment.AssignmentError(
                    f"team {team_name!r} has no active collector to plan a day for"
                )
            chosen = self._selected_cases(connection, team.id, case_filter)
            planned_already = _planned_cases(connection, day, chosen)
            already = tuple(case.loan_ref for case in chosen if case.case_id in planned_already)
            chosen = [case for case in chosen if case.case_id not in planned_already]
            self._locate(connection, chosen)
            midnight = dt.datetime.combine(day, dt.time(), ZoneInfo(team.timezone))
            stops, left_out = _stops(connection, chosen, day, midnight, profile)
            stops, not_offered = _offered(connection, people, stops)
            left_out.extend(not_offered)
            problem = _problem(connection, people, stops, midnight)
            places = travel_matrix.index_places(problem)
            road = travel_matrix.road_matrix(
                _TRAVEL, places.places, osrm_url, osrm.PROFILE_BY_MODE[day_plan.TRAVEL_MODE]
            )
            planned = solver.solve(
                problem, solver.SolverOptions(seconds=seconds, threads=threads), road.matrix
            )
            result = _result(team_name, midnight, people, stops, left_out, planned, already, apply)
            result = replace(result, travel_source=road.source, travel_note=road.fallback_reason)
            if apply:
                self._apply(connection, midnight, people, stops, planned, by_id)
        logger.info(
            "team plan %s %d visits for %d collectors (%d left out)",
            "applied" if apply else "proposed",
            result.visits,
            len(people),
            len(result.left_out),
        )
        return result

    def _apply(
        self,
        connection: Connection,
        midnight: dt.datetime,
        people: Sequence[assignment._Person],
        stops: Sequence[_Stop],
        planned: route_solution.RouteSolution,
        by_id: uuid.UUID | None,
    ) -> None:
        """Hand the cases over (history rows, audit) and add the planned visits in route order,
        each with the window it was planned in."""
        day = midnight.date()
        by_case = {str(stop.case.case_id): stop for stop in stops}
        people_by_id = {str(person.user_id): person for person in people}
        now = self._clock().astimezone(dt.UTC)
        for route in planned.routes:
            person = people_by_id[route.vehicle]
            visited = [by_case[step.job] for step in route.steps]
            windows = [
                _window_of(by_case[step.job].windows, step.start, midnight) for step in route.steps
            ]
            moving = [stop.case for stop in visited if stop.case.assigned_to_id != person.user_id]
            self._hand_over(
                connection, moving, person, by_id, f"{TEAM_PLAN_REASON} {day.isoformat()}"
            )
            for order, (stop, (opens, closes)) in enumerate(
                zip(visited, windows, strict=True), start=1
            ):
                connection.execute(
                    models.Visit.__table__.insert().values(
                        id=uuid.uuid4(),
                        row_version=1,
                        updated_at=now,
                        case_id=stop.case.case_id,
                        user_id=person.user_id,
                        address_id=stop.address_id,
                        planned_date=day,
                        window_start=opens,
                        window_end=closes,
                        route_order=order,
                        status=vocabulary.VisitStatus.PLANNED.value,
                        place_timezone=stop.timezone,
                    )
                )


def _window_of(
    windows: Sequence[tuple[float, float]], start: float, midnight: dt.datetime
) -> tuple[dt.datetime, dt.datetime]:
    """The window (UTC instants) a visit starting at `start` was planned in."""
    chosen = next(
        (window for window in windows if window[0] - 1e-3 <= start <= window[1] + 1e-3),
        windows[0],
    )
    return (_instant(midnight, chosen[0]), _instant(midnight, chosen[1]))


def _instant(midnight: dt.datetime, seconds: float) -> dt.datetime:
    return (midnight + dt.timedelta(seconds=seconds)).astimezone(dt.UTC)


def _planned_cases(
    connection: Connection, day: dt.date, chosen: Sequence[assignment._Case]
) -> set[uuid.UUID]:
    """Cases among `chosen` that already have a visit planned (or under way) on `day`."""
    ids = [case.case_id for case in chosen]
    found: set[uuid.UUID] = set()
    for start in range(0, len(ids), 500):
        found.update(
            connection.execute(
                select(models.Visit.case_id).where(
                    models.Visit.planned_date == day,
                    models.Visit.case_id.in_(ids[start : start + 500]),
                    models.Visit.status.in_(
                        [
                            vocabulary.VisitStatus.PLANNED.value,
                            vocabulary.VisitStatus.CHECKED_IN.value,
                        ]
                    ),
                )
            ).scalars()
        )
    return found


def _stops(
    connection: Connection,
    chosen: Sequence[assignment._Case],
    day: dt.date,
    midnight: dt.datetime,
    profile: str,
) -> tuple[list[_Stop], list[LeftOutCase]]:
    """The located cases as visits (the address `_locate` chose, its zone, its windows today),
    and the cases with no known place, left out."""
    located = [case for case in chosen if case.place is not None]
    addresses = _addresses(connection, located)
    shift_start = dt.datetime.combine(day, day_plan.SHIFT[0], midnight.tzinfo)
    shift_end = dt.datetime.combine(day, day_plan.SHIFT[1], midnight.tzinfo)
    service = dt.timedelta(minutes=day_plan.VISIT_MINUTES)
    stops = []
    for case in located:
        address_id, timezone, availability = addresses[case.case_id]
        legal = compliance.contact_window(profile, day, timezone)
        allowed = (max(legal.start, shift_start), min(legal.end, shift_end) - service)
        windows = available_windows(availability, day, timezone, allowed, service)
        stops.append(
            _Stop(
                case,
                address_id,
                timezone,
                tuple(
                    ((start - midnight).total_seconds(), (end - midnight).total_seconds())
                    for start, end in windows
                ),
            )
        )
    left_out = [
        LeftOutCase(case.loan_ref, "no_position", "the borrower has no address with a position")
        for case in chosen
        if case.place is None
    ]
    return stops, left_out


def available_windows(
    availability: Sequence[Mapping[str, Any]],
    day: dt.date,
    timezone: str,
    allowed: tuple[dt.datetime, dt.datetime],
    service: dt.timedelta,
) -> list[tuple[dt.datetime, dt.datetime]]:
    """When a visit may start on `day`: within `allowed` (earliest and latest start) and, when
    the address has a weekly availability (`[{"weekdays": [0, …], "from": "18:00", "to":
    "21:00"}]`, Monday = 0, local times), within one of that day's spans so that the visit ends by
    its "to". Overlapping spans merge; an entry that cannot be read is skipped (and logged)."""
    earliest, latest = allowed
    if not availability:
        return [(earliest, latest)] if earliest <= latest else []
    place = ZoneInfo(timezone)
    spans = []
    for entry in availability:
        try:
            if day.weekday() not in entry["weekdays"]:
                continue
            opens = dt.datetime.combine(day, dt.time.fromisoformat(entry["from"]), place)
            closes = dt.datetime.combine(day, dt.time.fromisoformat(entry["to"]), place)
        except (KeyError, TypeError, ValueError):
            logger.warning("skipping an availability entry that cannot be read")
            continue
        start, end = max(earliest, opens), min(latest, closes - service)
        if start <= end:
            spans.append((start, end))
    merged: list[tuple[dt.datetime, dt.datetime]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _addresses(
    connection: Connection, located: Sequence[assignment._Case]
) -> dict[uuid.UUID, tuple[uuid.UUID, str, list[dict[str, Any]]]]:
    """The id, zone and weekly availability of the address at each case's place (the primary
    one on a tie)."""
    address = models.BorrowerAddress
    by_borrower: dict[uuid.UUID, list[assignment._Case]] = {}
    for case in located:
        by_borrower.setdefault(case.borrower_id, []).append(case)
    found: dict[uuid.UUID, tuple[uuid.UUID, str, list[dict[str, Any]]]] = {}
    ids = sorted(by_borrower)
    for start in range(0, len(ids), 500):
        rows = connection.execute(
            select(
                address.id,
                address.borrower_id,
                address.lat,
                address.lon,
                address.timezone,
                address.availability,
            )
            .where(address.borrower_id.in_(ids[start : start + 500]))
            .order_by(address.is_primary.desc(), address.id)
        )
        for row in rows:
            for case in by_borrower[row.borrower_id]:
                if case.case_id not in found and case.place == (row.lat, row.lon):
                    found[case.case_id] = (row.id, row.timezone, list(row.availability or []))
    return found


def _problem(
    connection: Connection,
    people: Sequence[assignment._Person],
    stops: Sequence[_Stop],
    midnight: dt.datetime,
) -> route_problem.RouteProblem:
    day = midnight.date()
    shift = tuple(
        (dt.datetime.combine(day, moment, midnight.tzinfo) - midnight).total_seconds()
        for moment in day_plan.SHIFT
    )
    most = dict(
        connection.execute(
            select(models.AppUser.id, models.AppUser.max_visits_per_day).where(
                models.AppUser.id.in_([person.user_id for person in people])
            )
        ).all()
    )
    servable = sum(1 for stop in stops if stop.windows)
    # The balance: an even share of the day's visits each, never more than his own limit.
    share = max(1, math.ceil(servable / len(people)))
    pairs = any(assignment.TWO_PERSON_SKILL in person.skills for person in people)
    tiers = _tiers(connection, [stop.case.case_id for stop in stops])
    vehicles = []
    for person in people:
        home = person.home or person.office or _middle(stops)
        vehicles.append(
            route_problem.Vehicle(
                id=str(person.user_id),
                start=(home[1], home[0]),
                end=(home[1], home[0]),
                shift=(shift[0], shift[1]),
                skills=frozenset(person.skills),
                max_jobs=min(share, most.get(person.user_id) or share),
            )
        )
    jobs = []
    for stop in stops:
        assert stop.case.place is not None
        jobs.append(
            route_problem.Job(
                id=str(stop.case.case_id),
                location=(stop.case.place[1], stop.case.place[0]),
                service=day_plan.VISIT_MINUTES * 60.0,
                # No time today: a window the day cannot reach, so the reason says so.
                time_windows=stop.windows or ((0.0, 0.0),),
                priority=TIER_PRIORITY.get(tiers.get(stop.case.case_id, "D"), 0),
                # Aggressive addresses go to those who work in pairs, when the team has any.
                skills=frozenset({assignment.TWO_PERSON_SKILL})
                if stop.case.needs_pair and pairs
                else frozenset(),
            )
        )
    return route_problem.RouteProblem(travel=_TRAVEL, vehicles=tuple(vehicles), jobs=tuple(jobs))


def _offered(
    connection: Connection, people: Sequence[assignment._Person], stops: Sequence[_Stop]
) -> tuple[list[_Stop], list[LeftOutCase]]:
    """The stops offered to the day: all of them when they are few, else OFFER_PER_PLACE per
    place of the day, the riskier tier first and, within a tier, the nearer to a collector's
    home. Stops with no time today stay (the solver gives them their reason); the others not
    offered are left out for lack of room, so the next day gets them."""
    most = dict(
        connection.execute(
            select(models.AppUser.id, models.AppUser.max_visits_per_day).where(
                models.AppUser.id.in_([person.user_id for person in people])
            )
        ).all()
    )
    places = sum(most.get(person.user_id) or UNLIMITED_DAY for person in people)
    limit = OFFER_PER_PLACE * places
    timed = [stop for stop in stops if stop.windows]
    if len(timed) <= limit:
        return list(stops), []
    tiers = _tiers(connection, [stop.case.case_id for stop in timed])
    homes = [home for person in people if (home := person.home or person.office) is not None]

    def rank(stop: _Stop) -> tuple[int, float, str]:
        assert stop.case.place is not None
        lat, lon = stop.case.place
        nearest = min(
            (
                math.hypot(lat - home[0], (lon - home[1]) * math.cos(math.radians(lat)))
                for home in homes
            ),
            default=0.0,
        )
        return (
            -TIER_PRIORITY.get(tiers.get(stop.case.case_id, "D"), 0),
            nearest,
            stop.case.loan_ref,
        )

    offered = {stop.case.case_id for stop in sorted(timed, key=rank)[:limit]}
    kept = [stop for stop in stops if not stop.windows or stop.case.case_id in offered]
    reason = (
        f"not offered to this day: it has {places} places and {limit} riskier or nearer cases "
        "were offered first"
    )
    left_out = [
        LeftOutCase(stop.case.loan_ref, "no_room_left", reason)
        for stop in timed
        if stop.case.case_id not in offered
    ]
    return kept, left_out


def _tiers(connection: Connection, case_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
    tiers: dict[uuid.UUID, str] = {}
    for start in range(0, len(case_ids), 500):
        tiers.update(
            connection.execute(
                select(models.LoanCase.id, models.LoanCase.risk_tier).where(
                    models.LoanCase.id.in_(case_ids[start : start + 500])
                )
            ).all()
        )
    return tiers


def _middle(stops: Sequence[_Stop]) -> tuple[float, float]:
    places = [stop.case.place for stop in stops if stop.case.place is not None]
    if not places:
        return (0.0, 0.0)
    return (sum(p[0] for p in places) / len(places), sum(p[1] for p in places) / len(places))


def _result(
    team_name: str,
    midnight: dt.datetime,
    people: Sequence[assignment._Person],
    stops: Sequence[_Stop],
    left_out: Sequence[LeftOutCase],
    planned: route_solution.RouteSolution,
    already: tuple[str, ...],
    applied: bool,
) -> TeamDayPlan:
    refs = {str(stop.case.case_id): stop.case.loan_ref for stop in stops}
    routes = {route.vehicle: route for route in planned.routes}
    collectors = []
    for person in people:
        route = routes.get(str(person.user_id))
        collectors.append(
            CollectorDay(
                username=person.username,
                display_name=person.display_name,
                loan_refs=tuple(refs[step.job] for step in route.steps) if route else (),
                starts=tuple(_instant(midnight, step.start) for step in route.steps)
                if route
                else (),
                distance_km=round(route.distance / 1000, 2) if route else 0.0,
                duty_minutes=round(route.duration / 60) if route else 0,
            )
        )
    solver_left = [
        LeftOutCase(refs[item.job], item.code.value, item.reason) for item in planned.unassigned
    ]
    return TeamDayPlan(
        team=team_name,
        day=midnight.date(),
        collectors=tuple(collectors),
        left_out=tuple(sorted([*left_out, *solver_left], key=lambda item: item.loan_ref)),
        already_planned=already,
        applied=applied,
    )


class LeadTeamPlanner:
    """The lead's team plan from his own workspace: planned on the central database as his own
    login (`CentralAccess`, so Row-Level Security bounds him), then his workspace syncs.

    Attributes:
        cases: the lead's team cases service (his workspace and central access).
    """

    def __init__(
        self, cases: team_cases.TeamCaseService, preferences: settings.Preferences | None = None
    ) -> None:
        self.cases = cases
        self._preferences = preferences

    def default_seconds(self) -> float:
        """The solver's seconds per day the settings give (route_seconds)."""
        return day_plan.planner_seconds(self._preferences)

    def propose(
        self, first_day: dt.date, days: int = 1, seconds: float = solver.DEFAULT_SECONDS
    ) -> tuple[TeamDayPlan, ...]:
        """What the team plan for `days` days from `first_day` would be; writes nothing."""
        return self._plan(first_day, days, seconds, apply=False)

    def apply(
        self, first_day: dt.date, days: int = 1, seconds: float = solver.DEFAULT_SECONDS
    ) -> tuple[TeamDayPlan, ...]:
        """Plan the days and write them (assignments with history, planned visits), then sync
        the workspace so that its lists show them."""
        plans = self._plan(first_day, days, seconds, apply=True)
        self.cases.central.sync()
        return plans

    def _plan(
        self, first_day: dt.date, days: int, seconds: float, *, apply: bool
    ) -> tuple[TeamDayPlan, ...]:
        team = self.cases.team()
        if team is None:
            raise assignment.AssignmentError(
                "this workspace's user belongs to no team; only a team's lead plans its days"
            )
        if not 1 <= days <= MAX_DAYS:
            raise assignment.AssignmentError(f"plan from 1 to {MAX_DAYS} days, not {days}")
        profile = self._setting("compliance_profile", "CN")
        with self.cases.central.engine() as engine:
            return TeamPlanService(engine).plan_team_days(
                team[1],
                first_day,
                days,
                profile=profile,
                seconds=seconds,
                by_username=self.cases.central.username,
                apply=apply,
                osrm_url=self._setting("osrm_url", ""),
                threads=day_plan.planner_threads(self._preferences),
            )

    def _setting(self, key: str, default: str) -> str:
        return str(self._preferences.get(key)) if self._preferences is not None else default
