"""Use case: suggest a collector's day — which of his open cases to visit on a date, riskiest and
nearest each other first, in route order — and plan the ones he keeps as visits.

The routing engine chooses: the candidates are offered to it as optional visits with priorities
(the team plan's tier priority plus a few points for the amount owed), within their windows (the
borrower's weekly availability ∩ the legal contact hours of the compliance profile ∩ the shift,
built as the team plan builds them) and the collector's most visits a day. Kept cases become
planned visits through `VisitService.plan_visit` (so they reach the outbox and sync); the day is
then planned as usual (`DayPlanService.plan_day`). It never writes anything while suggesting.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import errors, settings
from app.domain import compliance, vocabulary
from app.routing import osrm, solver, travel_matrix
from app.routing import problem as route_problem
from app.services import day_plan, team_cases, team_plan
from app.services.visits import VisitService
from app.services.workspace import Workspace
from app.store import models

# A case visited (checked in) within this many days before the day is not suggested again: the
# borrower has just been seen, and a visit every day would be harassment, not collection.
RECENT_VISIT_DAYS = 3
# Cases that may be suggested: open ones, and promised ones whose promise has fallen due (a
# promise not yet due is waited for). Cases on a repayment plan pay by its schedule and disputed
# ones wait for the dispute; settled and closed ones are done.
_SUGGESTED_STATUSES = (vocabulary.CaseStatus.OPEN.value, vocabulary.CaseStatus.PROMISED.value)
# The amount owed adds a point per AMOUNT_STEP yuan, at most AMOUNT_POINTS: within a tier the
# larger debt first, never above the next tier (tiers are 20 points apart).
AMOUNT_STEP = Decimal(20000)
AMOUNT_POINTS = 15
_ACTIVE_VISITS = (vocabulary.VisitStatus.PLANNED.value, vocabulary.VisitStatus.CHECKED_IN.value)


class SuggestionError(errors.KnownError):
    """No day can be suggested (nobody logged in, no place to start from, a stale suggestion)."""


@dataclass(frozen=True, slots=True)
class SuggestedCase:
    """A case suggested for the day, at its place on the route.

    Attributes:
        case_id: the case.
        loan_ref: its loan reference.
        borrower: the borrower's name.
        tier: its risk tier (A–D).
        owed: principal + interest + penalty, yuan.
        district: the district of the address visited, when the address names one.
        address_id: the address visited (the primary located one).
        order: the position on the suggested route, from 1 (0 for a case not chosen).
        leg_km: road distance from the previous stop (from the start for the first).
        arrival: when the collector would get there (UTC); None for a case not chosen.
        priority: the priority it was offered to the routing engine with.
    """

    case_id: uuid.UUID
    loan_ref: str
    borrower: str
    tier: str
    owed: Decimal
    district: str | None
    address_id: uuid.UUID | None
    order: int = 0
    leg_km: float = 0.0
    arrival: dt.datetime | None = None
    priority: int = 0


@dataclass(frozen=True, slots=True)
class PassedOverCase:
    """A candidate case not suggested, and why (a code `ui/` words).

    Attributes:
        case: the case (order 0, no arrival).
        reason: "outside_every_window" (no time allowed that day), "out_of_reach" (no route
            reaches it within its window and the shift), "no_room_left" (the day is full with
            cases of higher priority or nearer each other), "not_offered" (lower priority than
            the cases offered to the engine).
    """

    case: SuggestedCase
    reason: str


@dataclass(frozen=True, slots=True)
class Suggestion:
    """The suggested day.

    Attributes:
        day: the day suggested.
        chosen: the cases suggested, in route order.
        passed_over: the other candidates, each with its reason.
        room: how many visits the day had room for (his most a day, less those already planned,
            or the count asked for).
        distance_km: the suggested route's distance, from home and back.
        travel_source: "osrm" or "haversine", as for the day plan.
    """

    day: dt.date
    chosen: tuple[SuggestedCase, ...]
    passed_over: tuple[PassedOverCase, ...]
    room: int
    distance_km: float = 0.0
    travel_source: str = "haversine"


@dataclass(frozen=True, slots=True)
class _Candidate:
    case: SuggestedCase
    location: tuple[float, float]  # (lon, lat)
    windows: tuple[tuple[float, float], ...]  # seconds from the day's midnight


def case_priority(tier: str, owed: Decimal) -> int:
    """The routing priority of a case: its tier's (the team plan's), plus up to AMOUNT_POINTS
    for the amount owed."""
    points = min(AMOUNT_POINTS, int(max(Decimal(0), owed) // AMOUNT_STEP))
    return min(route_problem.MAX_PRIORITY, team_plan.TIER_PRIORITY.get(tier, 0) + points)


class VisitSuggestionService:
    """Suggests the workspace owner's visits for a day and plans the ones he keeps."""

    def __init__(
        self,
        workspace: Workspace,
        preferences: settings.Preferences | None = None,
        seconds: float | None = None,
        current_date: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self._workspace = workspace
        self._preferences = preferences
        self._seconds = seconds if seconds is not None else day_plan.planner_seconds(preferences)
        self._threads = day_plan.planner_threads(preferences)
        self._current_date = current_date

    def _setting(self, key: str) -> str:
        return str(day_plan.setting_value(self._preferences, key))

    def suggest(self, day: dt.date, *, count: int | None = None) -> Suggestion:
        """The cases worth visiting on `day`: at most `count` (else his most visits a day, less
        the visits already planned), chosen by the routing engine among the allowed ones."""
        identity = self._workspace.identity()
        if identity is None:
            raise SuggestionError("nobody has logged in to this workspace yet; log in first")
        with self._workspace.session() as session:
            user = session.get_one(models.AppUser, identity.user_id)
            team = session.get(models.Team, user.team_id) if user.team_id else None
            midnight = dt.datetime.combine(
                day, dt.time(), ZoneInfo(team.timezone if team else "Asia/Shanghai")
            )
            home = day_plan.home_of(user, team)
            planned = _planned_today(session, user.id, day)
            room = max(0, (user.max_visits_per_day or team_plan.UNLIMITED_DAY) - len(planned))
            if count is not None:
                room = max(0, min(room, count))
            candidates, passed = self._candidates(session, user.id, day, midnight, planned)
        return self._choose(day, midnight, home, room, candidates, passed)

    def accept(
        self, suggestion: Suggestion, case_ids: Iterable[uuid.UUID] | None = None
    ) -> list[uuid.UUID]:
        """Plan the suggestion's cases (those of `case_ids` only, when given) as visits on its
        day, in its order, through `VisitService.plan_visit` (queued for sync). A case that has
        meanwhile got a visit that day is not planned twice. Returns the new visits' ids."""
        kept = set(case_ids) if case_ids is not None else None
        identity = self._workspace.identity()
        if identity is None:
            raise SuggestionError("nobody has logged in to this workspace yet; log in first")
        with self._workspace.session() as session:
            planned = _planned_today(session, identity.user_id, suggestion.day)
        visits = VisitService(
            self._workspace, preferences=self._preferences, current_date=self._current_date
        )
        created = []
        for case in suggestion.chosen:
            if (kept is not None and case.case_id not in kept) or case.case_id in planned:
                continue
            created.append(
                visits.plan_visit(case.case_id, suggestion.day, None, None, case.address_id)
            )
        return created

    def _candidates(
        self,
        session: Session,
        user_id: uuid.UUID,
        day: dt.date,
        midnight: dt.datetime,
        planned: set[uuid.UUID],
    ) -> tuple[list[_Candidate], list[PassedOverCase]]:
        """The owner's cases that may be visited on `day`, located, with their windows; those
        with no time allowed that day are passed over."""
        recent = _recently_visited(session, user_id, day)
        rows = session.execute(
            select(models.LoanCase, models.Borrower.full_name)
            .join(models.Borrower, models.Borrower.id == models.LoanCase.borrower_id)
            .where(
                models.LoanCase.assigned_to_id == user_id,
                models.LoanCase.status.in_(_SUGGESTED_STATUSES),
            )
            .order_by(models.LoanCase.loan_ref)
        ).all()
        profile = self._setting("compliance_profile")
        shift_start, shift_end = (
            dt.datetime.combine(day, moment, midnight.tzinfo) for moment in day_plan.SHIFT
        )
        service = dt.timedelta(minutes=day_plan.VISIT_MINUTES)
        candidates: list[_Candidate] = []
        passed: list[PassedOverCase] = []
        for case, borrower in rows:
            if case.id in planned or case.id in recent:
                continue
            if case.promised_date is not None and case.promised_date >= day:
                continue  # a promise not yet due is waited for
            address = _located_address(session, case.borrower_id)
            if address is None:
                continue
            owed = case.principal + case.interest + case.penalty
            suggested = SuggestedCase(
                case_id=case.id,
                loan_ref=case.loan_ref,
                borrower=borrower,
                tier=case.risk_tier,
                owed=owed,
                district=team_cases.area_of(address.address_text),
                address_id=address.id,
                priority=case_priority(case.risk_tier, owed),
            )
            legal = compliance.contact_window(profile, day, address.timezone)
            allowed = (max(legal.start, shift_start), min(legal.end, shift_end) - service)
            windows = team_plan.available_windows(
                list(address.availability or []), day, address.timezone, allowed, service
            )
            if not windows:
                passed.append(PassedOverCase(suggested, "outside_every_window"))
                continue
            candidates.append(
                _Candidate(
                    suggested,
                    (address.lon, address.lat),
                    tuple(
                        ((start - midnight).total_seconds(), (end - midnight).total_seconds())
                        for start, end in windows
                    ),
                )
            )
        return candidates, passed

    def _choose(
        self,
        day: dt.date,
        midnight: dt.datetime,
        home: tuple[float, float],
        room: int,
        candidates: Sequence[_Candidate],
        passed: list[PassedOverCase],
    ) -> Suggestion:
        """Let the routing engine choose `room` of the candidates: the best-ranked few per place
        (riskiest, then nearest home) are offered as optional visits with their priorities."""

        def rank(candidate: _Candidate) -> tuple[int, float, str]:
            lon, lat = candidate.location
            near = math.hypot(lat - home[1], (lon - home[0]) * math.cos(math.radians(lat)))
            return (-candidate.case.priority, near, candidate.case.loan_ref)

        ranked = sorted(candidates, key=rank)
        # As in the team plan: a few cases per place keep the engines' costs in range.
        offered = ranked[: team_plan.OFFER_PER_PLACE * room]
        passed = passed + [PassedOverCase(c.case, "not_offered") for c in ranked[len(offered) :]]
        if not offered or room == 0:
            passed += [PassedOverCase(c.case, "no_room_left") for c in offered]
            return Suggestion(day, (), tuple(passed), room)
        shift = tuple(
            (dt.datetime.combine(day, moment, midnight.tzinfo) - midnight).total_seconds()
            for moment in day_plan.SHIFT
        )
        problem = route_problem.RouteProblem(
            travel=day_plan.TRAVEL,
            vehicles=(
                route_problem.Vehicle(
                    id="me", start=home, end=home, shift=(shift[0], shift[1]), max_jobs=room
                ),
            ),
            jobs=tuple(
                route_problem.Job(
                    id=str(c.case.case_id),
                    location=c.location,
                    service=day_plan.VISIT_MINUTES * 60.0,
                    time_windows=c.windows,
                    priority=c.case.priority,
                )
                for c in offered
            ),
        )
        places = travel_matrix.index_places(problem)
        road = travel_matrix.road_matrix(
            day_plan.TRAVEL,
            places.places,
            self._setting("osrm_url"),
            osrm.PROFILE_BY_MODE[day_plan.TRAVEL_MODE],
        )
        matrix = road.for_places(places.places, places.places)
        solution = solver.solve(
            problem, solver.SolverOptions(seconds=self._seconds, threads=self._threads), matrix
        )
        index = {job.id: position for position, job in enumerate(problem.jobs)}
        chosen = []
        distance = 0.0
        for route in solution.routes:
            previous = places.start_places[0]
            for order, step in enumerate(route.steps, start=1):
                here = index[step.job]
                chosen.append(
                    dataclasses.replace(
                        offered[here].case,
                        order=order,
                        leg_km=round(float(matrix.distances[previous, here]) / 1000, 2),
                        arrival=(midnight + dt.timedelta(seconds=step.arrival)).astimezone(dt.UTC),
                    )
                )
                previous = here
            distance += route.distance
        for missing in solution.unassigned:
            reason = "out_of_reach" if missing.code.value == "out_of_reach" else "no_room_left"
            passed.append(PassedOverCase(offered[index[missing.job]].case, reason))
        return Suggestion(
            day, tuple(chosen), tuple(passed), room, round(distance / 1000, 2), road.source
        )


def _planned_today(session: Session, user_id: uuid.UUID, day: dt.date) -> set[uuid.UUID]:
    """The cases the collector already has a visit planned (or under way) for on `day`."""
    return set(
        session.scalars(
            select(models.Visit.case_id).where(
                models.Visit.user_id == user_id,
                models.Visit.planned_date == day,
                models.Visit.status.in_(_ACTIVE_VISITS),
            )
        )
    )


def _recently_visited(session: Session, user_id: uuid.UUID, day: dt.date) -> set[uuid.UUID]:
    """The cases the collector checked in at within RECENT_VISIT_DAYS days before `day`."""
    return set(
        session.scalars(
            select(models.Visit.case_id).where(
                models.Visit.user_id == user_id,
                models.Visit.check_in_at.is_not(None),
                models.Visit.planned_date >= day - dt.timedelta(days=RECENT_VISIT_DAYS),
                models.Visit.planned_date < day,
            )
        )
    )


def _located_address(session: Session, borrower_id: uuid.UUID) -> models.BorrowerAddress | None:
    """The borrower's primary address with a position, else another one with a position."""
    return session.scalars(
        select(models.BorrowerAddress)
        .where(
            models.BorrowerAddress.borrower_id == borrower_id,
            models.BorrowerAddress.lat.is_not(None),
            models.BorrowerAddress.lon.is_not(None),
        )
        .order_by(models.BorrowerAddress.is_primary.desc(), models.BorrowerAddress.id)
        .limit(1)
    ).first()
