"""Planning a collector's day: the day's visits ordered into a route within every window.

Each planned visit's start must fall in its agreed window (when it has one) AND in the legal
contact hours of the compliance profile at the borrower's place AND in the collector's shift.
The route starts and ends at the collector's home (else the team's office); once he has checked
in somewhere that day, the rest of it starts there, when he left (or will leave). PyVRP solves it
(app.routing); the order is saved on the visits (queued for sync) and every visit left out gets
a reason code. An order the collector chooses by hand is timed the same way (app.routing.schedule)
and warned about, never refused; a locked stop keeps its start time when the day is planned again.
Times are counted in seconds from midnight of the day in the collector's zone. Legs are road
times from the OSRM server of the settings when one is set (else, or when it cannot answer,
straight-line estimates; the plan says which).
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import logging
import math
import os
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import errors, settings
from app.documents import route_sheet_pdf
from app.domain import compliance, vocabulary
from app.routing import osrm, schedule, solver, travel_matrix
from app.routing import problem as route_problem
from app.services.workspace import Workspace
from app.store import models
from app.sync import outbox

logger = logging.getLogger(__name__)

# Travel in town by e-bike, as most field collectors in Chinese cities do.
TRAVEL_KMH = 18.0
ROAD_FACTOR = 1.3
TRAVEL_MODE = "e-bike"
VISIT_MINUTES = 30
SHIFT = (dt.time(8, 30), dt.time(20, 30))
# A locked stop outranks every other visit: re-planning keeps it before anything else.
PRIORITY = 50
LOCKED_PRIORITY = 100


class LeftOutReason(enum.StrEnum):
    NO_POSITION = "no_position"
    OUTSIDE_EVERY_WINDOW = "outside_every_window"
    OUT_OF_REACH = "out_of_reach"
    NO_ROOM_LEFT = "no_room_left"
    NO_SKILLED_COLLECTOR = "no_skilled_collector"


class StopWarning(enum.StrEnum):
    """What is wrong with a stop in an order the collector chose; `ui/` words it by code."""

    AFTER_WINDOW = "after_window"  # reached after its window (and the legal hours) closed
    OUTSIDE_EVERY_WINDOW = "outside_every_window"  # no time today is allowed for it


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
        departure: when the visit ends (UTC).
        window_start: the earliest allowed start today (agreed window ∩ legal hours ∩ shift),
            UTC; None when no time today is allowed.
        window_end: the latest allowed start (UTC); None likewise.
        warning: what is wrong with the stop in this order, if anything.
        late_minutes: how late after the window the visit starts (AFTER_WINDOW only).
        locked: whether the stop keeps its start time when the day is planned again.
    """

    visit_id: uuid.UUID
    order: int
    arrival: dt.datetime
    start: dt.datetime
    wait_minutes: int
    leg_km: float
    departure: dt.datetime | None = None
    window_start: dt.datetime | None = None
    window_end: dt.datetime | None = None
    warning: StopWarning | None = None
    late_minutes: int = 0
    locked: bool = False


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
        distance_km: road distance from leaving home (or the last place checked in) to coming
            back.
        travel_minutes: time on the road.
        back_at: when the collector is home again (UTC), None without stops.
        cost: distance × cost per km plus the day's hours × hourly rate, in yuan.
        duty_minutes: from leaving home to coming back, waits and visits included.
        back_after_shift: whether the collector is home only after his shift ends.
        travel_source: "osrm" when the legs are OSRM's road times, "haversine" when estimated.
        travel_note: why a configured OSRM server was not used (in words), else None.
    """

    day: dt.date
    stops: tuple[PlannedStop, ...]
    left_out: tuple[LeftOutVisit, ...]
    distance_km: float
    travel_minutes: int
    back_at: dt.datetime | None
    cost: Decimal
    duty_minutes: int = 0
    back_after_shift: bool = False
    travel_source: str = "haversine"
    travel_note: str | None = None

    @property
    def warnings(self) -> int:
        """How many stops carry a warning."""
        return sum(1 for stop in self.stops if stop.warning is not None)


@dataclass(frozen=True, slots=True)
class _Candidate:
    visit: models.Visit
    location: tuple[float, float] | None
    window: tuple[float, float] | None  # seconds from the day's midnight; None: never allowed
    locked: bool = False
    allowed: tuple[float, float] | None = None  # the window before a lock narrowed it


@dataclass(frozen=True, slots=True)
class _Day:
    """One collector's day, as read from the store: everything planning and timing need."""

    day: dt.date
    midnight: dt.datetime
    home: tuple[float, float]
    start: tuple[float, float]  # home, or the last place checked in today
    shift: tuple[float, float]  # seconds from midnight; starts when he leaves `start`
    max_visits: int
    collector: str
    candidates: tuple[_Candidate, ...]


@dataclass(frozen=True, slots=True)
class _Rates:
    cost_per_km: Decimal
    hourly_rate: Decimal


@dataclass(frozen=True, slots=True)
class _Roads:
    """The legs between every place of the day (its start, home and the visits' addresses)."""

    places: tuple[tuple[float, float], ...]
    road: travel_matrix.RoadMatrix

    def matrix(self, places: Sequence[tuple[float, float]]) -> travel_matrix.TravelMatrix:
        return self.road.for_places(self.places, places)


# How a collector's legs are estimated (without OSRM): road distance by e-bike.
TRAVEL = route_problem.Travel(
    route_problem.TravelMode.HAVERSINE, kmh=TRAVEL_KMH, road_factor=ROAD_FACTOR
)


def setting_value(preferences: settings.Preferences | None, key: str) -> Any:
    """A setting from `preferences`, or its declared default without them."""
    if preferences is not None:
        return preferences.get(key)
    return next(spec.default for spec in settings.SETTINGS if spec.key == key)


def planner_seconds(preferences: settings.Preferences | None) -> float:
    """Wall-clock seconds a plan may take (the route_seconds setting, at least one)."""
    return float(max(1, int(setting_value(preferences, "route_seconds"))))


def planner_threads(preferences: settings.Preferences | None) -> int:
    """Cores the planner may use: the route_threads setting, 0 meaning all of this machine's."""
    chosen = int(setting_value(preferences, "route_threads"))
    return chosen if chosen > 0 else max(1, os.cpu_count() or 1)


# Workspace state: the stops locked at their time, {visit id: pinned start (UTC, ISO 8601)}.
STATE_LOCKS = "day_plan_locks"


class DayPlanService:
    """Orders the workspace owner's planned visits of a day into a route.

    `locked` maps a visit to the start time it is pinned to (UTC): planning again keeps it there
    (and so before and after the same locked stops), timing a hand-made order starts it there.
    The collector's locks are kept in the workspace (`locks`, `set_lock`): a stop he promised
    for 14:00 stays locked when the application starts again.
    """

    def __init__(
        self,
        workspace: Workspace,
        preferences: settings.Preferences | None = None,
        seconds: float | None = None,
    ) -> None:
        self._workspace = workspace
        self._preferences = preferences
        # The planner's budget: given here, else the settings' (route_seconds, route_threads).
        self._seconds = seconds if seconds is not None else planner_seconds(preferences)
        self._threads = planner_threads(preferences)

    def _profile(self) -> str:
        if self._preferences is None:
            return "CN"
        return str(self._preferences.get("compliance_profile"))

    def _osrm_url(self) -> str:
        if self._preferences is None:
            return ""
        return str(self._preferences.get("osrm_url"))

    def _roads(self, context: _Day) -> _Roads:
        """The day's legs, from OSRM when the settings name a server (asked once per day
        read), else estimated."""
        places = tuple(
            dict.fromkeys(
                [context.start, context.home]
                + [c.location for c in context.candidates if c.location is not None]
            )
        )
        profile = osrm.PROFILE_BY_MODE[TRAVEL_MODE]
        return _Roads(places, travel_matrix.road_matrix(TRAVEL, places, self._osrm_url(), profile))

    def _rates(self) -> _Rates:
        def rate(key: str) -> Decimal:
            if self._preferences is not None:
                return Decimal(self._preferences.get(key))
            return Decimal(next(spec.default for spec in settings.SETTINGS if spec.key == key))

        return _Rates(cost_per_km=rate("cost_per_km"), hourly_rate=rate("hourly_rate"))

    def locks(self) -> dict[uuid.UUID, dt.datetime]:
        """The stops locked at their time, as the collector left them: those still planned (a
        visit done, cancelled or gone needs no lock and is dropped)."""
        raw = self._workspace.state(STATE_LOCKS)
        try:
            stored = {
                uuid.UUID(key): dt.datetime.fromisoformat(value)
                for key, value in json.loads(raw or "{}").items()
            }
        except (ValueError, AttributeError, TypeError):
            logger.warning("day plan: the saved locks could not be read; they are dropped")
            return {}
        if not stored:
            return {}
        visit = models.Visit
        with self._workspace.session() as session:
            planned = set(
                session.scalars(
                    select(visit.id).where(
                        visit.id.in_(stored), visit.status == vocabulary.VisitStatus.PLANNED
                    )
                )
            )
        return {visit_id: start for visit_id, start in stored.items() if visit_id in planned}

    def set_lock(
        self, visit_id: uuid.UUID, start: dt.datetime | None
    ) -> dict[uuid.UUID, dt.datetime]:
        """Lock `visit_id` at `start` (UTC), or unlock it (None); returns the locks now kept."""
        locks = self.locks()
        if start is None:
            locks.pop(visit_id, None)
        else:
            locks[visit_id] = start.astimezone(dt.UTC)
        self._workspace.set_state(
            STATE_LOCKS,
            json.dumps({str(key): value.isoformat() for key, value in sorted(locks.items())}),
        )
        return locks

    def plan_day(
        self, day: dt.date, locked: Mapping[uuid.UUID, dt.datetime] | None = None
    ) -> DayPlan:
        """Plan `day`'s planned visits and save their order; visits left out get order None.
        Locked visits keep their start time (when it is still allowed) and are planned first."""
        with self._workspace.session() as session:
            context = self._load(session, day, locked or {})
            plan = _solve(
                context, self._seconds, self._threads, self._rates(), self._roads(context)
            )
            _save_order(session, context, [stop.visit_id for stop in plan.stops])
            return plan

    def current_plan(
        self, day: dt.date, locked: Mapping[uuid.UUID, dt.datetime] | None = None
    ) -> DayPlan:
        """The saved route of `day` (the planned visits with an order), timed; saves nothing."""
        with self._workspace.session() as session:
            context = self._load(session, day, locked or {})
            ordered = sorted(
                (c for c in context.candidates if c.visit.route_order is not None),
                key=lambda c: c.visit.route_order or 0,
            )
            return _timed(context, ordered, (), self._rates(), self._roads(context))

    def reorder(
        self,
        day: dt.date,
        visit_ids: Sequence[uuid.UUID],
        locked: Mapping[uuid.UUID, dt.datetime] | None = None,
    ) -> DayPlan:
        """Make `visit_ids` the route of `day` in that order (the collector's choice): timed at
        once, warnings on the stops that miss their window, and saved as the visits' order (which
        syncs). Planned visits not listed leave the route; a visit without a position cannot be
        on it."""
        with self._workspace.session() as session:
            context = self._load(session, day, locked or {})
            by_id = {c.visit.id: c for c in context.candidates}
            unknown = [visit_id for visit_id in visit_ids if visit_id not in by_id]
            if unknown:
                raise DayPlanError(
                    f"visit {unknown[0]} is not a planned visit of yours on {day.isoformat()}"
                )
            ordered = [by_id[visit_id] for visit_id in visit_ids if by_id[visit_id].location]
            plan = _timed(context, ordered, (), self._rates(), self._roads(context))
            _save_order(session, context, [stop.visit_id for stop in plan.stops])
            return plan

    def write_route_sheet(
        self,
        day: dt.date,
        target: Path,
        locked: Mapping[uuid.UUID, dt.datetime] | None = None,
    ) -> DayPlan:
        """Write the route sheet of `day`'s saved route to `target` (a PDF to print or carry):
        the stops in order with loan, borrower, address, window, arrival, waiting and notes, and
        the day's distance, time and cost. Returns the plan it shows."""
        with self._workspace.session() as session:
            context = self._load(session, day, locked or {})
            ordered = sorted(
                (c for c in context.candidates if c.visit.route_order is not None),
                key=lambda c: c.visit.route_order or 0,
            )
            plan = _timed(context, ordered, (), self._rates(), self._roads(context))
            sheet = _route_sheet(session, context, plan, self._rates())
        try:
            route_sheet_pdf.write_route_sheet(sheet, target)
        except route_sheet_pdf.RouteSheetError as error:
            raise DayPlanError(str(error)) from None
        return plan

    def _load(
        self, session: Session, day: dt.date, locked: Mapping[uuid.UUID, dt.datetime]
    ) -> _Day:
        identity = self._workspace.identity()
        if identity is None:
            raise DayPlanError("nobody has logged in to this workspace yet; log in first")
        user = session.get_one(models.AppUser, identity.user_id)
        team = session.get(models.Team, user.team_id) if user.team_id else None
        zone_name = team.timezone if team else "Asia/Shanghai"
        home = home_of(user, team)
        visits = session.scalars(
            select(models.Visit)
            .where(
                models.Visit.user_id == user.id,
                models.Visit.planned_date == day,
                models.Visit.status == vocabulary.VisitStatus.PLANNED,
            )
            .order_by(models.Visit.window_start.asc().nulls_last(), models.Visit.id)
        ).all()
        midnight = dt.datetime.combine(day, dt.time(), ZoneInfo(zone_name))
        shift_start, shift_end = (
            (dt.datetime.combine(day, moment, midnight.tzinfo) - midnight).total_seconds()
            for moment in SHIFT
        )
        start = home
        under_way = _last_check_in(session, user.id, day)
        if under_way is not None:
            # The rest of the day starts where he last checked in, when he left (or will).
            place, left = under_way
            left_at = min(max((left - midnight).total_seconds(), shift_start), shift_end)
            start, shift_start = place, left_at
        return _Day(
            day=day,
            midnight=midnight,
            home=home,
            start=start,
            shift=(shift_start, shift_end),
            max_visits=user.max_visits_per_day,
            collector=user.display_name,
            candidates=tuple(
                self._candidate(session, visit, day, midnight, locked.get(visit.id))
                for visit in visits
            ),
        )

    def _candidate(
        self,
        session: Session,
        visit: models.Visit,
        day: dt.date,
        midnight: dt.datetime,
        pinned: dt.datetime | None,
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
        pinned = pinned_start(pinned) if pinned is not None else None
        window = ((earliest - midnight).total_seconds(), (latest - midnight).total_seconds())
        if pinned is not None and earliest <= pinned <= latest:
            # A locked stop starts where the collector left it; one pinned to a time that is no
            # longer allowed is planned as if unlocked.
            at = (pinned - midnight).total_seconds()
            return _Candidate(visit, (address.lon, address.lat), (at, at), True, window)
        return _Candidate(visit, (address.lon, address.lat), window, allowed=window)


def _last_check_in(
    session: Session, user_id: uuid.UUID, day: dt.date
) -> tuple[tuple[float, float], dt.datetime] | None:
    """Where the collector last checked in on `day` (the visit's address, else the position
    recorded) and when he left it (check-out, else check-in plus a visit's length); None before
    his first check-in."""
    visit = session.scalars(
        select(models.Visit)
        .where(
            models.Visit.user_id == user_id,
            models.Visit.planned_date == day,
            models.Visit.check_in_at.is_not(None),
        )
        .order_by(models.Visit.check_in_at.desc())
        .limit(1)
    ).first()
    if visit is None or visit.check_in_at is None:
        return None
    address = session.get(models.BorrowerAddress, visit.address_id) if visit.address_id else None
    if address is not None and address.lat is not None and address.lon is not None:
        place = (address.lon, address.lat)
    elif visit.check_in_lat is not None and visit.check_in_lon is not None:
        place = (visit.check_in_lon, visit.check_in_lat)
    else:
        return None
    left = visit.check_out_at or visit.check_in_at + dt.timedelta(minutes=VISIT_MINUTES)
    return place, left


def pinned_start(start: dt.datetime) -> dt.datetime:
    """The start a stop locked at `start` keeps: the next whole second, so that the solver's
    whole-number model (milliseconds) holds the one-instant window exactly."""
    whole = start.replace(microsecond=0)
    return whole if whole == start else whole + dt.timedelta(seconds=1)


def home_of(user: models.AppUser, team: models.Team | None) -> tuple[float, float]:
    """Where `user`'s day starts and ends: his home, else his team's office ([lon, lat])."""
    if user.home_lat is not None and user.home_lon is not None:
        return (user.home_lon, user.home_lat)
    if team is not None and team.office_lat is not None and team.office_lon is not None:
        return (team.office_lon, team.office_lat)
    raise DayPlanError(
        "neither your home nor your team's office has a known position to start the day from"
    )


def _save_order(session: Session, context: _Day, route: Sequence[uuid.UUID]) -> None:
    """Give the route's visits their positions (from 1) and the others none; queue what changed."""
    placed = {visit_id: order for order, visit_id in enumerate(route, start=1)}
    for candidate in context.candidates:
        order = placed.get(candidate.visit.id)
        if candidate.visit.route_order != order:
            candidate.visit.route_order = order
            candidate.visit.updated_at = models.utc_now()
            outbox.enqueue(session, candidate.visit, "update")


def _solve(context: _Day, seconds: float, threads: int, rates: _Rates, roads: _Roads) -> DayPlan:
    left_out = [
        LeftOutVisit(
            c.visit.id,
            LeftOutReason.NO_POSITION if c.location is None else LeftOutReason.OUTSIDE_EVERY_WINDOW,
        )
        for c in context.candidates
        if c.location is None or c.window is None
    ]
    routable = [c for c in context.candidates if c.location is not None and c.window is not None]
    if not routable:
        return _timed(context, [], left_out, rates, roads)
    problem = route_problem.RouteProblem(
        travel=TRAVEL,
        vehicles=(
            route_problem.Vehicle(
                id="me",
                start=context.start,
                end=context.home,
                shift=context.shift,
                max_jobs=context.max_visits or None,
            ),
        ),
        jobs=tuple(
            route_problem.Job(
                id=str(c.visit.id),
                location=c.location,
                service=VISIT_MINUTES * 60.0,
                time_windows=(c.window,),
                priority=LOCKED_PRIORITY if c.locked else PRIORITY,
            )
            for c in routable
            if c.location is not None and c.window is not None
        ),
    )
    places = travel_matrix.index_places(problem)
    solution = solver.solve(
        problem, solver.SolverOptions(seconds=seconds, threads=threads), roads.matrix(places.places)
    )
    for missing in solution.unassigned:
        left_out.append(
            LeftOutVisit(
                uuid.UUID(missing.job),
                _SOLVER_REASONS.get(missing.code.value, LeftOutReason.NO_ROOM_LEFT),
            )
        )
    by_id = {str(c.visit.id): c for c in routable}
    ordered = [by_id[step.job] for route in solution.routes for step in route.steps]
    return _timed(context, ordered, left_out, rates, roads)


def _timed(
    context: _Day,
    ordered: Sequence[_Candidate],
    left_out: Sequence[LeftOutVisit],
    rates: _Rates,
    roads: _Roads,
) -> DayPlan:
    """The day of visiting `ordered` (all with a position) in that order, from home and back:
    each visit starts as early as its window allows (app.routing.schedule, as the solver's
    routes are timed), a stop reached too late or never allowed today gets a warning."""
    if not ordered:
        return DayPlan(
            context.day,
            (),
            tuple(left_out),
            0.0,
            0,
            None,
            Decimal("0.00"),
            travel_source=roads.road.source,
            travel_note=roads.road.fallback_reason,
        )
    problem = route_problem.RouteProblem(
        travel=TRAVEL,
        vehicles=(
            route_problem.Vehicle(
                id="me", start=context.start, end=context.home, shift=context.shift
            ),
        ),
        jobs=tuple(
            route_problem.Job(
                id=str(c.visit.id),
                location=c.location,
                service=VISIT_MINUTES * 60.0,
                time_windows=(c.window,) if c.window is not None else (),
            )
            for c in ordered
            if c.location is not None
        ),
    )
    places = travel_matrix.index_places(problem)
    matrix = roads.matrix(places.places)
    route = schedule.time_route(problem, matrix, places, 0, range(len(problem.jobs)))

    def instant(seconds: float) -> dt.datetime:
        return (context.midnight + dt.timedelta(seconds=seconds)).astimezone(dt.UTC)

    stops: list[PlannedStop] = []
    travel_s = 0.0
    previous = places.start_places[0]
    for index, (candidate, step) in enumerate(zip(ordered, route.steps, strict=True)):
        metres = float(matrix.distances[previous, index])
        travel_s += float(matrix.durations[previous, index])
        warning = None
        late_minutes = 0
        allowed = candidate.allowed
        if allowed is None:
            warning = StopWarning.OUTSIDE_EVERY_WINDOW
        elif step.start > allowed[1] + 1e-6:
            warning = StopWarning.AFTER_WINDOW
            late_minutes = math.ceil((step.start - allowed[1]) / 60)
        stops.append(
            PlannedStop(
                visit_id=candidate.visit.id,
                order=index + 1,
                arrival=instant(step.arrival),
                start=instant(step.start),
                wait_minutes=round((step.start - step.arrival) / 60),
                leg_km=round(metres / 1000, 2),
                departure=instant(step.departure),
                window_start=instant(allowed[0]) if allowed else None,
                window_end=instant(allowed[1]) if allowed else None,
                warning=warning,
                late_minutes=late_minutes,
                locked=candidate.locked,
            )
        )
        previous = index
    end_place = places.end_places[0]
    assert end_place is not None
    travel_s += float(matrix.durations[previous, end_place])
    back = route.steps[-1].departure + float(matrix.durations[previous, end_place])
    on_duty_hours = Decimal(route.duration) / 3600
    km = Decimal(route.distance) / 1000
    cost = (km * rates.cost_per_km + on_duty_hours * rates.hourly_rate).quantize(Decimal("0.01"))
    return DayPlan(
        day=context.day,
        stops=tuple(stops),
        left_out=tuple(left_out),
        distance_km=round(route.distance / 1000, 2),
        travel_minutes=round(travel_s / 60),
        back_at=instant(back),
        cost=cost,
        duty_minutes=round(route.duration / 60),
        back_after_shift=back > context.shift[1] + 1e-6,
        travel_source=roads.road.source,
        travel_note=roads.road.fallback_reason,
    )


def _route_sheet(
    session: Session, context: _Day, plan: DayPlan, rates: _Rates
) -> route_sheet_pdf.RouteSheet:
    """The route sheet's content: the plan's stops with the case, borrower and address."""
    visits = {c.visit.id: c.visit for c in context.candidates}
    zone = ZoneInfo(str(context.midnight.tzinfo))
    rows = []
    for stop in plan.stops:
        visit = visits[stop.visit_id]
        case = session.get_one(models.LoanCase, visit.case_id)
        borrower = session.get_one(models.Borrower, case.borrower_id)
        address = (
            session.get(models.BorrowerAddress, visit.address_id) if visit.address_id else None
        )
        rows.append(
            route_sheet_pdf.SheetStop(
                order=stop.order,
                loan_ref=case.loan_ref,
                borrower=borrower.full_name,
                address=address.address_text if address is not None else "",
                window_start=_local(stop.window_start, zone),
                window_end=_local(stop.window_end, zone),
                arrival=_local(stop.arrival, zone) or "",
                wait_minutes=stop.wait_minutes,
                late_minutes=stop.late_minutes,
                outside_every_window=stop.warning is StopWarning.OUTSIDE_EVERY_WINDOW,
                locked=stop.locked,
                safety_flags=tuple(address.safety_flags or ()) if address is not None else (),
            )
        )
    return route_sheet_pdf.RouteSheet(
        day=context.day,
        collector=context.collector,
        stops=tuple(rows),
        distance_km=Decimal(str(plan.distance_km)),
        travel_minutes=plan.travel_minutes,
        duty_minutes=plan.duty_minutes,
        back_at=_local(plan.back_at, zone),
        cost=plan.cost,
        cost_per_km=rates.cost_per_km,
        hourly_rate=rates.hourly_rate,
    )


def _local(at: dt.datetime | None, zone: ZoneInfo) -> str | None:
    return at.astimezone(zone).strftime("%H:%M") if at is not None else None
