"""The team lead's live board: each collector's day (planned, checked in, done), safety alerts
and the planned route, read from the lead's local store (his team's rows after a sync).

Two safety alerts, both about the board's day:

- **overdue check-out**: a visit checked in and not checked out whose planned end — the check-in
  time plus the planned service time (`day_plan.VISIT_MINUTES`) — lies more than `overdue_after`
  before now. Exactly `overdue_after` past the planned end is not yet an alert; one second more is.
- **flagged address**: a visit still planned or checked in at an address, or of a borrower,
  carrying a safety flag (`borrower_address.safety_flags`, `borrower.safety_flags`: dog,
  aggressive, two_person, remote…). Done and cancelled visits raise nothing.

Times are UTC here; the UI shows them in the team's zone (`TeamBoard.timezone`). Nothing here
writes, and no ORM row leaves the module.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app import errors
from app.domain import vocabulary
from app.routing import problem as route_problem
from app.routing import travel_matrix
from app.services import day_plan
from app.services.workspace import Workspace
from app.store import models

# The same travel model as the day planner, so a recomputed arrival matches its plan.
_TRAVEL = route_problem.Travel(
    route_problem.TravelMode.HAVERSINE, kmh=day_plan.TRAVEL_KMH, road_factor=day_plan.ROAD_FACTOR
)
_SERVICE = dt.timedelta(minutes=day_plan.VISIT_MINUTES)
_OPEN_STATUSES = (vocabulary.VisitStatus.PLANNED, vocabulary.VisitStatus.CHECKED_IN)


class TeamBoardError(errors.KnownError):
    """The board cannot be shown (nobody owns the workspace, or he belongs to no team)."""


class AlertKind(enum.StrEnum):
    OVERDUE_CHECK_OUT = "overdue_check_out"
    FLAGGED_ADDRESS = "flagged_address"


@dataclass(frozen=True, slots=True)
class BoardVisit:
    """One visit of the day as the lead sees it.

    Attributes:
        visit_id: the visit.
        case_id: its case.
        loan_ref: the case's loan reference.
        borrower_name: who is visited.
        address_text: the address visited, None when the visit names none.
        lat: the address's latitude, when known.
        lon: the address's longitude, when known.
        timezone: the place's zone.
        status: a `vocabulary.VisitStatus` value.
        window_start: the agreed window's start (UTC), if any.
        window_end: its end (UTC), if any.
        route_order: the position on the planned route, if planned.
        check_in_at: when the collector checked in (UTC).
        check_in_lat: where he checked in (latitude), when a position was taken.
        check_in_lon: where he checked in (longitude).
        check_in_place: the place he typed at check-in.
        check_out_at: when he checked out (UTC).
        safety_flags: the address's and the borrower's flags, sorted, without repeats.
    """

    visit_id: uuid.UUID
    case_id: uuid.UUID
    loan_ref: str
    borrower_name: str
    address_text: str | None
    lat: float | None
    lon: float | None
    timezone: str
    status: str
    window_start: dt.datetime | None
    window_end: dt.datetime | None
    route_order: int | None
    check_in_at: dt.datetime | None
    check_in_lat: float | None
    check_in_lon: float | None
    check_in_place: str | None
    check_out_at: dt.datetime | None
    safety_flags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SafetyAlert:
    """A reason to look after a collector now.

    Attributes:
        kind: an `AlertKind`.
        collector_id: whose visit it is.
        collector_name: his display name.
        visit_id: the visit.
        case_id: its case.
        loan_ref: the case's loan reference.
        address_text: where the visit is.
        since: overdue check-out: the planned end; flagged address: the check-in, else the
            window's start (None when the visit has neither).
        overdue_minutes: overdue check-out: whole minutes past the planned end; else None.
        flags: flagged address: the flags; else empty.
    """

    kind: AlertKind
    collector_id: uuid.UUID
    collector_name: str
    visit_id: uuid.UUID
    case_id: uuid.UUID
    loan_ref: str
    address_text: str | None
    since: dt.datetime | None
    overdue_minutes: int | None
    flags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RouteStop:
    """One stop of a collector's planned route.

    Attributes:
        order: the position on the route, from 1.
        visit_id: the visit.
        loan_ref: the case's loan reference.
        lat: the stop's latitude (None when its address has no position).
        lon: its longitude.
        planned_arrival: when he gets there by the plan (UTC), None when it cannot be known.
        status: the visit's status now.
    """

    order: int
    visit_id: uuid.UUID
    loan_ref: str
    lat: float | None
    lon: float | None
    planned_arrival: dt.datetime | None
    status: str


@dataclass(frozen=True, slots=True)
class CollectorDay:
    """One collector's day.

    Attributes:
        collector_id: the collector.
        username: his login name.
        display_name: his name.
        planned: every visit planned for the day and not cancelled, in route order.
        checked_in: those he is at now (checked in, not out).
        done: those checked out.
        alerts: his safety alerts, overdue check-outs first.
        route: his planned route, in order.
        home_lat: where the route starts and ends (his home, else the team's office).
        home_lon: its longitude.
    """

    collector_id: uuid.UUID
    username: str
    display_name: str
    planned: tuple[BoardVisit, ...]
    checked_in: tuple[BoardVisit, ...]
    done: tuple[BoardVisit, ...]
    alerts: tuple[SafetyAlert, ...]
    route: tuple[RouteStop, ...]
    home_lat: float | None
    home_lon: float | None


@dataclass(frozen=True, slots=True)
class TeamBoard:
    """The team's day.

    Attributes:
        day: the day shown (in the team's zone).
        now: the moment the alerts were judged at (UTC).
        team_id: the team.
        team_name: its name.
        timezone: its zone, to show times in.
        overdue_after: how long past a visit's planned end a missing check-out becomes an alert.
        collectors: each active collector of the team (and anyone with a visit that day), by name.
        alerts: every alert of the team, overdue check-outs first, then by time.
    """

    day: dt.date
    now: dt.datetime
    team_id: uuid.UUID
    team_name: str
    timezone: str
    overdue_after: dt.timedelta
    collectors: tuple[CollectorDay, ...]
    alerts: tuple[SafetyAlert, ...]


def planned_end(check_in_at: dt.datetime) -> dt.datetime:
    """When a visit checked in at `check_in_at` should be over: the planned service time later."""
    return check_in_at + _SERVICE


def overdue_check_out(
    visit: BoardVisit, now: dt.datetime, overdue_after: dt.timedelta
) -> dt.timedelta | None:
    """How far past its planned end a checked-in visit is, when that exceeds `overdue_after`."""
    if visit.status != vocabulary.VisitStatus.CHECKED_IN or visit.check_in_at is None:
        return None
    if visit.check_out_at is not None:
        return None
    late = now - planned_end(visit.check_in_at)
    return late if late > overdue_after else None


class TeamBoardService:
    """Reads the team's day from the lead's local store."""

    def __init__(
        self, workspace: Workspace, *, clock: Callable[[], dt.datetime] = models.utc_now
    ) -> None:
        self._workspace = workspace
        self._clock = clock

    def today(
        self,
        day: dt.date,
        *,
        overdue_after: dt.timedelta,
        team_id: uuid.UUID | None = None,
    ) -> TeamBoard:
        """The board of `day` for `team_id` (default: the workspace owner's team)."""
        if overdue_after < dt.timedelta(0):
            raise ValueError(f"overdue_after cannot be negative: {overdue_after}")
        now = self._clock().astimezone(dt.UTC)
        with self._workspace.session() as session:
            team = self._team(session, team_id)
            visits_by_user = _visits_of_day(session, team.id, day)
            members = session.scalars(
                select(models.AppUser)
                .where(
                    or_(
                        (models.AppUser.team_id == team.id)
                        & (models.AppUser.role == vocabulary.UserRole.COLLECTOR)
                        & models.AppUser.active.is_(True),
                        models.AppUser.id.in_(list(visits_by_user)),
                    )
                )
                .order_by(models.AppUser.display_name, models.AppUser.username)
            ).all()
            start_of_day = dt.datetime.combine(day, day_plan.SHIFT[0], ZoneInfo(team.timezone))
            collectors = tuple(
                _collector_day(
                    user,
                    visits_by_user.get(user.id, []),
                    _home(user, team),
                    start_of_day,
                    now,
                    overdue_after,
                )
                for user in members
            )
            alerts = tuple(
                sorted(
                    (alert for collector in collectors for alert in collector.alerts),
                    key=_alert_order,
                )
            )
            return TeamBoard(
                day=day,
                now=now,
                team_id=team.id,
                team_name=team.name,
                timezone=team.timezone,
                overdue_after=overdue_after,
                collectors=collectors,
                alerts=alerts,
            )

    def _team(self, session: Session, team_id: uuid.UUID | None) -> models.Team:
        if team_id is None:
            identity = self._workspace.identity()
            if identity is None:
                raise TeamBoardError("nobody has logged in to this workspace yet; log in first")
            owner = session.get_one(models.AppUser, identity.user_id)
            if owner.team_id is None:
                raise TeamBoardError(
                    f"{owner.display_name} belongs to no team, so there is no team board to show"
                )
            team_id = owner.team_id
        team = session.get(models.Team, team_id)
        if team is None:
            raise TeamBoardError(f"team {team_id} is not in this workspace; sync first")
        return team


def _visits_of_day(
    session: Session, team_id: uuid.UUID, day: dt.date
) -> dict[uuid.UUID, list[BoardVisit]]:
    """The day's visits (not cancelled) of the team's cases or members, by collector."""
    visit, case, borrower, address, user = (
        models.Visit,
        models.LoanCase,
        models.Borrower,
        models.BorrowerAddress,
        models.AppUser,
    )
    rows = session.execute(
        select(
            visit,
            case.loan_ref,
            borrower.full_name,
            borrower.safety_flags,
            address.address_text,
            address.lat,
            address.lon,
            address.safety_flags,
        )
        .join(case, case.id == visit.case_id)
        .join(borrower, borrower.id == case.borrower_id)
        .join(user, user.id == visit.user_id)
        .outerjoin(address, address.id == visit.address_id)
        .where(
            visit.planned_date == day,
            visit.status != vocabulary.VisitStatus.CANCELLED,
            or_(user.team_id == team_id, case.team_id == team_id),
        )
        .order_by(
            visit.user_id,
            visit.route_order.asc().nulls_last(),
            visit.window_start.asc().nulls_last(),
            case.loan_ref,
        )
    ).all()
    by_user: dict[uuid.UUID, list[BoardVisit]] = defaultdict(list)
    for row, loan_ref, name, borrower_flags, text, lat, lon, address_flags in rows:
        by_user[row.user_id].append(
            BoardVisit(
                visit_id=row.id,
                case_id=row.case_id,
                loan_ref=loan_ref,
                borrower_name=name,
                address_text=text,
                lat=lat,
                lon=lon,
                timezone=row.place_timezone,
                status=row.status,
                window_start=row.window_start,
                window_end=row.window_end,
                route_order=row.route_order,
                check_in_at=row.check_in_at,
                check_in_lat=row.check_in_lat,
                check_in_lon=row.check_in_lon,
                check_in_place=row.check_in_place,
                check_out_at=row.check_out_at,
                safety_flags=tuple(sorted({*(address_flags or ()), *(borrower_flags or ())})),
            )
        )
    return by_user


def _home(user: models.AppUser, team: models.Team) -> tuple[float, float] | None:
    """Where the collector's route starts, as (lon, lat): his home, else the team's office."""
    if user.home_lat is not None and user.home_lon is not None:
        return (user.home_lon, user.home_lat)
    if team.office_lat is not None and team.office_lon is not None:
        return (team.office_lon, team.office_lat)
    return None


def _collector_day(
    user: models.AppUser,
    visits: Sequence[BoardVisit],
    home: tuple[float, float] | None,
    start_of_day: dt.datetime,
    now: dt.datetime,
    overdue_after: dt.timedelta,
) -> CollectorDay:
    alerts: list[SafetyAlert] = []
    for visit in visits:
        late = overdue_check_out(visit, now, overdue_after)
        if late is not None:
            assert visit.check_in_at is not None
            alerts.append(
                _alert(
                    user,
                    visit,
                    AlertKind.OVERDUE_CHECK_OUT,
                    since=planned_end(visit.check_in_at),
                    overdue_minutes=int(late.total_seconds() // 60),
                )
            )
    for visit in visits:
        if visit.safety_flags and visit.status in _OPEN_STATUSES:
            alerts.append(
                _alert(
                    user,
                    visit,
                    AlertKind.FLAGGED_ADDRESS,
                    since=visit.check_in_at or visit.window_start,
                    flags=visit.safety_flags,
                )
            )
    return CollectorDay(
        collector_id=user.id,
        username=user.username,
        display_name=user.display_name,
        planned=tuple(visits),
        checked_in=tuple(v for v in visits if v.status == vocabulary.VisitStatus.CHECKED_IN),
        done=tuple(v for v in visits if v.status == vocabulary.VisitStatus.COMPLETED),
        alerts=tuple(alerts),
        route=_route(visits, home, start_of_day),
        home_lat=home[1] if home else None,
        home_lon=home[0] if home else None,
    )


def _alert(
    user: models.AppUser,
    visit: BoardVisit,
    kind: AlertKind,
    *,
    since: dt.datetime | None,
    overdue_minutes: int | None = None,
    flags: tuple[str, ...] = (),
) -> SafetyAlert:
    return SafetyAlert(
        kind=kind,
        collector_id=user.id,
        collector_name=user.display_name,
        visit_id=visit.visit_id,
        case_id=visit.case_id,
        loan_ref=visit.loan_ref,
        address_text=visit.address_text,
        since=since,
        overdue_minutes=overdue_minutes,
        flags=flags,
    )


def _alert_order(alert: SafetyAlert) -> tuple[int, dt.datetime, str]:
    far = dt.datetime.max.replace(tzinfo=dt.UTC)
    return (
        0 if alert.kind is AlertKind.OVERDUE_CHECK_OUT else 1,
        alert.since or far,
        alert.loan_ref,
    )


def _route(
    visits: Sequence[BoardVisit], home: tuple[float, float] | None, start_of_day: dt.datetime
) -> tuple[RouteStop, ...]:
    """The routed visits in order, with arrivals recomputed as the day planner's model has them.

    The plan saves only the order, so each arrival is recomputed: leave home at the shift's
    start, travel each leg at the planner's speed and road factor, wait for a window to open,
    stay the service time. A stop without a position (or a day without a home) has no arrival,
    and neither has any stop after it.
    """
    routed = sorted((v for v in visits if v.route_order is not None), key=lambda v: v.route_order)
    stops: list[RouteStop] = []
    here = home
    clock: dt.datetime | None = start_of_day.astimezone(dt.UTC) if home is not None else None
    for order, visit in enumerate(routed, start=1):
        arrival: dt.datetime | None = None
        if (
            clock is not None
            and here is not None
            and visit.lat is not None
            and visit.lon is not None
        ):
            there = (visit.lon, visit.lat)
            _metres, seconds = travel_matrix.leg(_TRAVEL, here, there)
            arrival = clock + dt.timedelta(seconds=round(seconds))
            start = max(arrival, visit.window_start) if visit.window_start else arrival
            clock, here = start + _SERVICE, there
        else:
            clock = None
        stops.append(
            RouteStop(
                order=order,
                visit_id=visit.visit_id,
                loan_ref=visit.loan_ref,
                lat=visit.lat,
                lon=visit.lon,
                planned_arrival=arrival,
                status=visit.status,
            )
        )
    return tuple(stops)
