"""Planning a collector's day: the day's visits ordered into a route within every window.

Each planned visit's start must fall in its agreed window (when it has one) AND in the legal
contact hours of the compliance profile at the borrower's place AND in the collector's shift.
The route starts and ends at the collector's home (else the team's office). PyVRP solves it
(app.routing); the order is saved on the visits (queued for sync) and every visit left out gets
a reason code. Times are counted in seconds from midnight of the day in the collector's zone.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import errors, settings
from app.domain import compliance, vocabulary
from app.routing import problem as route_problem
from app.routing import solver, travel_matrix
from app.services.workspace import Workspace
from app.store import models
from app.sync import outbox

# Travel in town by e-bike, as most field collectors in Chinese cities do.
TRAVEL_KMH = 18.0
ROAD_FACTOR = 1.3
VISIT_MINUTES = 30
SHIFT = (dt.time(8, 30), dt.time(20, 30))
COST_PER_KM = Decimal("0.80")
HOURLY_RATE = Decimal("40.00")


class LeftOutReason(enum.StrEnum):
    NO_POSITION = "no_position"
    OUTSIDE_EVERY_WINDOW = "outside_every_window"
    OUT_OF_REACH = "out_of_reach"
    NO_ROOM_LEFT = "no_room_left"
    NO_SKILLED_COLLECTOR = "no_skilled_collector"


_SOLVER_REASONS = {
    "out_of_reach": LeftOutReason.OUT_OF_REACH,
    "no_room_left": LeftOutReason.NO_ROOM_LEFT,
    "too_large": LeftOutReason.NO_ROOM_LEFT,
    "no_skilled_vehicle": LeftOutReason.NO_SKILLED_COLLECTOR,
}


class DayPlanError(errors.KnownError):
    """The day cannot be planned (nobody owns the workspace, no place to start from)."""


@dataclass(frozen=True, slots=True)
class PlannedStop:
    """One visit on the planned route.

    Attributes:
        visit_id: the visit.
        order: its position, from 1.
        arrival: when the collector gets there (UTC).
        start: when the visit starts, after waiting for its window (UTC).
        wait_minutes: minutes waited before the start.
        leg_km: road distance from the previous place.
    """

    visit_id: uuid.UUID
    order: int
    arrival: dt.datetime
    start: dt.datetime
    wait_minutes: int
    leg_km: float


@dataclass(frozen=True, slots=True)
class LeftOutVisit:
    visit_id: uuid.UUID
    reason: LeftOutReason


@dataclass(frozen=True, slots=True)
class DayPlan:
    """The planned day.

    Attributes:
        day: the day planned.
        stops: the route in order.
        left_out: visits no route could take, each with its reason.
        distance_km: road distance from leaving home to coming back.
        travel_minutes: time on the road.
        back_at: when the collector is home again (UTC), None without stops.
        cost: distance × cost per km plus the day's hours × hourly rate, in yuan.
    """

    day: dt.date
    stops: tuple[PlannedStop, ...]
    left_out: tuple[LeftOutVisit, ...]
    distance_km: float
    travel_minutes: int
    back_at: dt.datetime | None
    cost: Decimal


@dataclass(frozen=True, slots=True)
class _Candidate:
    visit: models.Visit
    location: tuple[float, float] | None
    window: tuple[float, float] | None  # seconds from the day's midnight; None: never allowed


class DayPlanService:
    """Orders the workspace owner's planned visits of a day into a route."""

    def __init__(
        self,
        workspace: Workspace,
        preferences: settings.Preferences | None = None,
        seconds: float = 2.0,
    ) -> None:
        self._workspace = workspace
        self._preferences = preferences
        self._seconds = seconds

    def _profile(self) -> str:
        if self._preferences is None:
            return "CN"
        return str(self._preferences.get("compliance_profile"))

    def plan_day(self, day: dt.date) -> DayPlan:
        """Plan `day`'s planned visits and save their order; visits left out get order None."""
        identity = self._workspace.identity()
        if identity is None:
            raise DayPlanError("nobody has logged in to this workspace yet; log in first")
        with self._workspace.session() as session:
            user = session.get_one(models.AppUser, identity.user_id)
            team = session.get(models.Team, user.team_id) if user.team_id else None
            zone_name = team.timezone if team else "Asia/Shanghai"
            home = _home(user, team)
            visits = session.scalars(
                select(models.Visit).where(
                    models.Visit.user_id == user.id,
                    models.Visit.planned_date == day,
                    models.Visit.status == vocabulary.VisitStatus.PLANNED,
                )
            ).all()
            midnight = dt.datetime.combine(day, dt.time(), ZoneInfo(zone_name))
            candidates = [self._candidate(session, visit, day, midnight) for visit in visits]
            plan = _solve(candidates, home, day, midnight, self._seconds, user.max_visits_per_day)
            placed = {stop.visit_id: stop.order for stop in plan.stops}
            for candidate in candidates:
                order = placed.get(candidate.visit.id)
                if candidate.visit.route_order != order:
                    candidate.visit.route_order = order
                    candidate.visit.updated_at = models.utc_now()
                    outbox.enqueue(session, candidate.visit, "update")
            return plan

    def _candidate(
        self, session: Session, visit: models.Visit, day: dt.date, midnight: dt.datetime
    ) -> _Candidate:
        address = (
            session.get(models.BorrowerAddress, visit.address_id) if visit.address_id else None
        )
        if address is None or address.lat is None or address.lon is None:
            return _Candidate(visit, None, None)
        legal = compliance.contact_window(self._profile(), day, address.timezone)
        service = dt.timedelta(minutes=VISIT_MINUTES)
        shift_start = dt.datetime.combine(day, SHIFT[0], midnight.tzinfo)
        # The visit starts within the agreed window (if any), and ends within the legal hours.
        earliest = max(legal.start, shift_start, visit.window_start or legal.start)
        latest = legal.end - service
        if visit.window_end is not None:
            latest = min(latest, visit.window_end)
        if earliest > latest:
            return _Candidate(visit, (address.lon, address.lat), None)
        window = ((earliest - midnight).total_seconds(), (latest - midnight).total_seconds())
        return _Candidate(visit, (address.lon, address.lat), window)


def _home(user: models.AppUser, team: models.Team | None) -> tuple[float, float]:
    if user.home_lat is not None and user.home_lon is not None:
        return (user.home_lon, user.home_lat)
    if team is not None and team.office_lat is not None and team.office_lon is not None:
        return (team.office_lon, team.office_lat)
    raise DayPlanError(
        "neither your home nor your team's office has a known position to start the day from"
    )


def _solve(
    candidates: list[_Candidate],
    home: tuple[float, float],
    day: dt.date,
    midnight: dt.datetime,
    seconds: float,
    max_visits: int,
) -> DayPlan:
    left_out = [
        LeftOutVisit(
            c.visit.id,
            LeftOutReason.NO_POSITION if c.location is None else LeftOutReason.OUTSIDE_EVERY_WINDOW,
        )
        for c in candidates
        if c.location is None or c.window is None
    ]
    routable = [c for c in candidates if c.location is not None and c.window is not None]
    if not routable:
        return DayPlan(day, (), tuple(left_out), 0.0, 0, None, Decimal("0.00"))
    shift = tuple(
        (dt.datetime.combine(day, moment, midnight.tzinfo) - midnight).total_seconds()
        for moment in SHIFT
    )
    problem = route_problem.RouteProblem(
        travel=route_problem.Travel(
            route_problem.TravelMode.HAVERSINE, kmh=TRAVEL_KMH, road_factor=ROAD_FACTOR
        ),
        vehicles=(
            route_problem.Vehicle(
                id="me", start=home, end=home, shift=shift, max_jobs=max_visits or None
            ),
        ),
        jobs=tuple(
            route_problem.Job(
                id=str(c.visit.id),
                location=c.location,
                service=VISIT_MINUTES * 60.0,
                time_windows=(c.window,),
                priority=50,
            )
            for c in routable
            if c.location is not None and c.window is not None
        ),
    )
    solution = solver.solve(problem, solver.SolverOptions(seconds=seconds, threads=1))
    for missing in solution.unassigned:
        left_out.append(
            LeftOutVisit(
                uuid.UUID(missing.job),
                _SOLVER_REASONS.get(missing.code.value, LeftOutReason.NO_ROOM_LEFT),
            )
        )
    stops: list[PlannedStop] = []
    distance_m = 0.0
    travel_s = 0.0
    back_at = None
    locations = {str(c.visit.id): c.location for c in routable}
    for route in solution.routes:
        distance_m += route.distance
        previous = home
        for order, step in enumerate(route.steps, start=1):
            here = locations[step.job]
            assert here is not None
            metres, seconds = travel_matrix.leg(problem.travel, previous, here)
            travel_s += seconds
            stops.append(
                PlannedStop(
                    visit_id=uuid.UUID(step.job),
                    order=order,
                    arrival=(midnight + dt.timedelta(seconds=step.arrival)).astimezone(dt.UTC),
                    start=(midnight + dt.timedelta(seconds=step.start)).astimezone(dt.UTC),
                    wait_minutes=round((step.start - step.arrival) / 60),
                    leg_km=round(metres / 1000, 2),
                )
            )
            previous = here
        if route.steps:
            _metres, seconds = travel_matrix.leg(problem.travel, previous, home)
            travel_s += seconds
            back = route.steps[-1].departure + seconds
            back_at = (midnight + dt.timedelta(seconds=back)).astimezone(dt.UTC)
    on_duty_hours = Decimal(sum(route.duration for route in solution.routes)) / 3600
    km = Decimal(distance_m) / 1000
    cost = (km * COST_PER_KM + on_duty_hours * HOURLY_RATE).quantize(Decimal("0.01"))
    return DayPlan(
        day=day,
        stops=tuple(stops),
        left_out=tuple(left_out),
        distance_km=round(distance_m / 1000, 2),
        travel_minutes=round(travel_s / 60),
        back_at=back_at,
        cost=cost,
    )
