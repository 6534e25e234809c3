"""Give cases to collectors: by hand in bulk, or automatically by territory, workload and skills.

Every change of a case's collector writes a `case_assignment` history row in the same transaction
as the case itself, so reassignment never loses who held a case before. Automatic assignment is
a balanced clustering of the cases' places around the collectors' homes (`balance_cases`):
everyone ends up with about the same open workload, each case as close to its collector's home as
that balance allows, and a case at an address flagged aggressive goes to a collector who works in
pairs whenever the team has one. The same database always gives the same assignment.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import numpy as np
from sqlalchemy import ColumnElement, Connection, Engine, and_, bindparam, func, insert, or_, select
from sqlalchemy import update as sql_update
from sqlalchemy.orm import Session

from app import errors
from app.domain import vocabulary
from app.routing import problem as route_problem
from app.routing import travel_matrix
from app.services import audit, portfolio_import
from app.store import models

logger = logging.getLogger(__name__)

# Road distance over straight-line distance in a Chinese city, for the expected travel.
ROAD_FACTOR = 1.3
TWO_PERSON_SKILL = "two_person"
AGGRESSIVE_FLAG = "aggressive"
AUTO_REASON = "auto-assignment"
# Rounds of pairwise exchanges after the greedy start; each round only ever shortens travel.
_IMPROVEMENT_ROUNDS = 50
# Distance gains below this (km) are rounding, not a shorter journey.
_EPSILON = 1e-9
_KEYS_PER_QUERY = 500
_CLOSED_STATUSES = (vocabulary.CaseStatus.SETTLED.value, vocabulary.CaseStatus.CLOSED.value)
# Straight-line distances; the road factor is applied when travel is reported.
_STRAIGHT = route_problem.Travel(mode=route_problem.TravelMode.HAVERSINE, kmh=30.0)
_ASSIGNING_ROLES = frozenset({vocabulary.UserRole.COLLECTOR, vocabulary.UserRole.LEAD})

Point = tuple[float, float]  # (lat, lon)


class AssignmentError(errors.KnownError):
    """An assignment refused: an unknown loan ref, collector or team; nobody to give cases to."""


# Values handed out -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Reassignment:
    """Cases given to one collector by hand.

    Attributes:
        to_username: who has them now.
        changed: loan refs that changed hands (each with a history row).
        unchanged: loan refs that were already his.
    """

    to_username: str
    changed: tuple[str, ...]
    unchanged: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CaseFilter:
    """Which cases an automatic assignment gives out.

    Attributes:
        unassigned_only: only cases nobody holds (False: rebalance the held ones too).
        include_closed: settled and closed cases too.
        overdue_on: only cases already past due on this day.
        loan_refs: only these cases.
    """

    unassigned_only: bool = True
    include_closed: bool = False
    overdue_on: dt.date | None = None
    loan_refs: frozenset[str] | None = None


UNASSIGNED = CaseFilter()


@dataclass(frozen=True, slots=True)
class CollectorLoad:
    """What an automatic assignment gives one collector.

    Attributes:
        username: the collector's login name.
        display_name: his name as people read it.
        cases: cases given to him by this assignment.
        outstanding: what those cases owe (principal, interest and penalty).
        travel_km: expected travel: from his home to each of those cases, by road (straight
            line × `ROAD_FACTOR`), summed.
        workload_before: open cases he held that this assignment did not give out again.
        workload_after: his open cases afterwards.
        home_known: False when his home has no coordinates (the team's office stood in, or
            the middle of the cases).
    """

    username: str
    display_name: str
    cases: int
    outstanding: Decimal
    travel_km: float
    workload_before: int
    workload_after: int
    home_known: bool


@dataclass(frozen=True, slots=True)
class PlannedCase:
    """One case of an automatic assignment.

    Attributes:
        loan_ref: the case.
        username: the collector it goes to.
        previous_username: who held it before, None when nobody did.
        travel_km: road distance from his home; None when the case's place is unknown.
    """

    loan_ref: str
    username: str
    previous_username: str | None
    travel_km: float | None


@dataclass(frozen=True, slots=True)
class AutoAssignment:
    """The result of an automatic assignment.

    Attributes:
        team: the team's name, None for all teams.
        collectors: per collector (in username order), what he was given.
        cases: every case given out, in loan ref order.
        without_location: loan refs given out by workload alone (no coordinates).
        applied: False for a proposal that wrote nothing.
    """

    team: str | None
    collectors: tuple[CollectorLoad, ...]
    cases: tuple[PlannedCase, ...]
    without_location: tuple[str, ...]
    applied: bool

    @property
    def travel_km(self) -> float:
        return round(sum(load.travel_km for load in self.collectors), 3)


# Balanced clustering (pure) --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CaseSite:
    """A case as the clustering sees it: where it is and whether it needs a pair.

    Attributes:
        key: a stable key (the loan ref): ties are broken by it.
        place: (lat, lon), None when unknown.
        needs_pair: the address is flagged aggressive.
    """

    key: str
    place: Point | None
    needs_pair: bool = False


@dataclass(frozen=True, slots=True)
class CollectorSite:
    """A collector as the clustering sees it.

    Attributes:
        key: a stable key (the username): ties are broken by it.
        home: (lat, lon) where his day starts.
        works_in_pairs: he has the two-person skill.
        workload: open cases he keeps whatever happens.
    """

    key: str
    home: Point | None
    works_in_pairs: bool = False
    workload: int = 0


def distance_km(origin: Point, destination: Point) -> float:
    """Great-circle kilometres between two (lat, lon) points."""
    metres, _seconds = travel_matrix.leg(
        _STRAIGHT, (origin[1], origin[0]), (destination[1], destination[0])
    )
    return metres / 1000


def balanced_counts(
    workloads: Sequence[int], cases: int, preference: Sequence[int] | None = None
) -> list[int]:
    """How many of `cases` each collector takes so that workloads end as level as possible.

    Water-filling: L is the lowest level with `sum(max(0, L - workload)) >= cases`. Everyone
    below L is filled to L - 1, and the cases left over go one each to those below L with the
    highest `preference` (e.g. how many cases lie nearest their home), ties to the first.
    The counts add up to `cases` exactly.
    """
    if not workloads:
        return []
    level = min(workloads)
    while sum(max(0, level - load) for load in workloads) < cases:
        level += 1
    counts = [max(0, level - 1 - load) for load in workloads]
    spare = cases - sum(counts)
    wanted = preference or [0] * len(workloads)
    takers = sorted(
        (k for k, load in enumerate(workloads) if load < level),
        key=lambda k: (-wanted[k], k),
    )
    for k in takers[:spare]:
        counts[k] += 1
    return counts


def distance_matrix(places: Sequence[Point | None], homes: Sequence[Point | None]) -> np.ndarray:
    """Great-circle kilometres from every place to every home (0 where either is unknown)."""
    known_place = np.array([place is not None for place in places], dtype=bool)
    known_home = np.array([home is not None for home in homes], dtype=bool)
    origin = np.radians(np.array([place or (0.0, 0.0) for place in places], dtype=float))
    target = np.radians(np.array([home or (0.0, 0.0) for home in homes], dtype=float))
    origin = origin.reshape(-1, 2)
    target = target.reshape(-1, 2)
    lat1, lon1 = origin[:, 0:1], origin[:, 1:2]
    lat2, lon2 = target[:, 0][None, :], target[:, 1][None, :]
    half_chord = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    km = 2 * travel_matrix.EARTH_RADIUS_M * np.arcsin(np.minimum(1.0, np.sqrt(half_chord))) / 1000
    return np.where(known_place[:, None] & known_home[None, :], km, 0.0)


def balance_cases(cases: Sequence[CaseSite], collectors: Sequence[CollectorSite]) -> list[int]:
    """The index (into `collectors`) of the collector each case goes to.

    Each collector's count is fixed first so that workloads end level (`balanced_counts`).
    Cases that need a pair may only go to collectors who work in pairs, when there are any
    (who then take more if they must). Located cases are given out greedily, the case with most
    to lose by waiting first (regret: its second-nearest home minus its nearest), to its nearest
    home with room; then pairwise exchanges between collectors shorten the total distance until
    none helps. Cases without a place go where there is most room left.
    Deterministic: the input order does not matter, ties go by key.
    """
    if not collectors:
        raise ValueError("no collectors to give cases to")
    case_order = sorted(range(len(cases)), key=lambda i: cases[i].key)
    people_order = sorted(range(len(collectors)), key=lambda k: collectors[k].key)
    sorted_cases = [cases[i] for i in case_order]
    people = [collectors[k] for k in people_order]
    owner = _balance_sorted(sorted_cases, people)
    result = [0] * len(cases)
    for position, i in enumerate(case_order):
        result[i] = people_order[int(owner[position])]
    return result


def _balance_sorted(cases: Sequence[CaseSite], people: Sequence[CollectorSite]) -> np.ndarray:
    """`balance_cases` on cases and collectors already sorted by key (index order = tie order)."""
    n, k = len(cases), len(people)
    distance = distance_matrix([case.place for case in cases], _homes(cases, people))
    pairs = np.array([person.works_in_pairs for person in people], dtype=bool)
    needs_pair = np.array([case.needs_pair for case in cases], dtype=bool).reshape(n)
    allowed = np.ones((n, k), dtype=bool)
    if pairs.any():
        allowed[needs_pair] = pairs
    located = np.array([case.place is not None for case in cases], dtype=bool).reshape(n)
    targets = _targets(people, distance, allowed, located, needs_pair & pairs.any())
    owner = np.full(n, -1, dtype=int)
    counts = np.zeros(k, dtype=int)
    restricted = ~allowed.all(axis=1)
    for group in (restricted, ~restricted):
        _greedy(distance, allowed, targets, owner, counts, np.flatnonzero(group & located))
        for i in np.flatnonzero(group & ~located):
            room = np.where(allowed[i], targets - counts, np.iinfo(int).min)
            roomiest = int(np.argmax(room))  # the first of the roomiest: ties go by key
            owner[i] = roomiest
            counts[roomiest] += 1
    _improve(distance, allowed, owner, located)
    return owner


def _targets(
    people: Sequence[CollectorSite],
    distance: np.ndarray,
    allowed: np.ndarray,
    located: np.ndarray,
    flagged: np.ndarray,
) -> np.ndarray:
    """How many cases each collector gets: level workloads, enough pairs for flagged cases."""
    workloads = [person.workload for person in people]
    nearest = np.argmin(np.where(allowed, distance, np.inf), axis=1)[located]
    demand = np.bincount(nearest, minlength=len(people)).tolist()
    targets = np.array(balanced_counts(workloads, len(distance), demand), dtype=int)
    pairs = np.array([person.works_in_pairs for person in people], dtype=bool)
    needed = int(flagged.sum())
    if needed > targets[pairs].sum():
        # The rule wins over the balance: those who work in pairs take every flagged case, and
        # the others share the rest.
        pick = np.flatnonzero(pairs).tolist()
        rest = np.flatnonzero(~pairs).tolist()
        targets[pick] = balanced_counts(
            [workloads[k] for k in pick], needed, [demand[k] for k in pick]
        )
        targets[rest] = balanced_counts(
            [workloads[k] for k in rest], len(distance) - needed, [demand[k] for k in rest]
        )
    return targets


def _homes(cases: Sequence[CaseSite], people: Sequence[CollectorSite]) -> list[Point | None]:
    places = [case.place for case in cases if case.place is not None]
    middle = (
        (sum(p[0] for p in places) / len(places), sum(p[1] for p in places) / len(places))
        if places
        else None
    )
    return [person.home or middle for person in people]


def _greedy(
    distance: np.ndarray,
    allowed: np.ndarray,
    targets: np.ndarray,
    owner: np.ndarray,
    counts: np.ndarray,
    group: np.ndarray,
) -> None:
    if not len(group):
        return
    reachable = np.where(allowed[group], distance[group], np.inf)
    ranked = np.sort(reachable, axis=1)
    second = ranked[:, 1] if ranked.shape[1] > 1 else ranked[:, 0]
    regret = np.where(np.isinf(second), 0.0, second - ranked[:, 0])
    for i in group[np.argsort(-regret, kind="stable")]:
        with_room = allowed[i] & (counts < targets)
        choice = with_room if with_room.any() else allowed[i]
        best = int(np.argmin(np.where(choice, distance[i], np.inf)))
        owner[i] = best
        counts[best] += 1


def _improve(
    distance: np.ndarray, allowed: np.ndarray, owner: np.ndarray, located: np.ndarray
) -> None:
    """Exchanges of cases between two collectors, while they shorten the total distance.

    The i-th best candidates for a→b and for b→a are exchanged while their gains add up to more
    than nothing: both lists fall, so the first pair that does not help ends it. Counts stay.
    """
    k = distance.shape[1]
    for _round in range(_IMPROVEMENT_ROUNDS):
        improved = False
        for a in range(k):
            for b in range(a + 1, k):
                there = np.flatnonzero((owner == a) & allowed[:, b] & located)
                back = np.flatnonzero((owner == b) & allowed[:, a] & located)
                if not len(there) or not len(back):
                    continue
                gain = distance[there, a] - distance[there, b]
                gain_back = distance[back, b] - distance[back, a]
                ranked = np.argsort(-gain, kind="stable")
                ranked_back = np.argsort(-gain_back, kind="stable")
                pairs = min(len(ranked), len(ranked_back))
                helps = gain[ranked[:pairs]] + gain_back[ranked_back[:pairs]] > _EPSILON
                helping = pairs if helps.all() else int(np.argmin(helps))
                if helping:
                    owner[there[ranked[:helping]]] = b
                    owner[back[ranked_back[:helping]]] = a
                    improved = True
        if not improved:
            return


# The service -----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Person:
    user_id: uuid.UUID
    username: str
    display_name: str
    role: str
    team_id: uuid.UUID | None
    active: bool
    home: Point | None
    office: Point | None
    skills: tuple[str, ...]


@dataclass(slots=True)
class _Case:
    case_id: uuid.UUID
    loan_ref: str
    borrower_id: uuid.UUID
    outstanding: Decimal
    status: str
    assigned_to_id: uuid.UUID | None
    team_id: uuid.UUID | None
    place: Point | None = None
    needs_pair: bool = False


_HANDOVER = (
    sql_update(models.LoanCase.__table__)
    .where(models.LoanCase.__table__.c.id == bindparam("case_id"))
    .values(
        assigned_to_id=bindparam("new_assigned_to_id"),
        team_id=bindparam("new_team_id"),
        updated_at=bindparam("new_updated_at"),
    )
)


def _chunks(items: Sequence[Any], size: int = _KEYS_PER_QUERY) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _point(lat: float | None, lon: float | None) -> Point | None:
    return (lat, lon) if lat is not None and lon is not None else None


class AssignmentService:
    """Assigns and reassigns cases in a central database (PostgreSQL or SQLite).

    Attributes:
        engine: the central database.
    """

    def __init__(
        self, central_engine: Engine, *, clock: Callable[[], dt.datetime] = models.utc_now
    ) -> None:
        self.engine = central_engine
        self._clock = clock

    def assign(
        self,
        loan_refs: Iterable[str],
        to_username: str,
        by_username: str | None = None,
        reason: str | None = None,
    ) -> Reassignment:
        """Give the cases `loan_refs` to `to_username`, with a history row for each that moves.

        An unknown loan ref or user refuses the whole call (`AssignmentError` names them);
        nothing is written then.
        """
        refs = list(dict.fromkeys(ref.strip() for ref in loan_refs))
        if not refs or not all(refs):
            raise AssignmentError("give at least one loan ref (and no empty one)")
        portfolio_import.check_central(self.engine)
        with Session(self.engine) as session, session.begin():
            connection = session.connection()
            collector = self._assignee(connection, to_username)
            by_id = self._user_id(connection, by_username)
            found = self._cases_by_ref(connection, refs)
            unknown = [ref for ref in refs if ref not in found]
            if unknown:
                shown = ", ".join(unknown[:10]) + (" …" if len(unknown) > 10 else "")
                raise AssignmentError(
                    f"no case has loan ref{'s' if len(unknown) > 1 else ''} {shown} "
                    "in the central database; nothing was assigned"
                )
            moving = [found[ref] for ref in refs if found[ref].assigned_to_id != collector.user_id]
            self._hand_over(connection, moving, collector, by_id, reason)
        logger.info(
            "assigned %d cases by hand (%d already held)", len(moving), len(refs) - len(moving)
        )
        return Reassignment(
            to_username=collector.username,
            changed=tuple(case.loan_ref for case in moving),
            unchanged=tuple(ref for ref in refs if found[ref].assigned_to_id == collector.user_id),
        )

    def auto_assign(
        self,
        team_name: str | None = None,
        case_filter: CaseFilter = UNASSIGNED,
        *,
        by_username: str | None = None,
        reason: str | None = None,
        apply: bool = True,
    ) -> AutoAssignment:
        """Give out the cases `case_filter` selects among the active collectors of `team_name`
        (of every team when None), balanced by workload, near their homes, pairs for flagged
        addresses. With `apply=False` it only proposes and writes nothing."""
        portfolio_import.check_central(self.engine)
        with Session(self.engine) as session, session.begin():
            connection = session.connection()
            team_id = self._team_id(connection, team_name)
            by_id = self._user_id(connection, by_username)
            people = self._collectors(connection, team_id)
            if not people:
                where = f"team {team_name!r}" if team_name else "the central database"
                raise AssignmentError(f"{where} has no active collector to give cases to")
            chosen = self._selected_cases(connection, team_id, case_filter)
            self._locate(connection, chosen)
            workloads = self._workloads(connection, people, chosen)
            sites = [
                CollectorSite(
                    person.username,
                    person.home or person.office,
                    TWO_PERSON_SKILL in person.skills,
                    workload,
                )
                for person, workload in zip(people, workloads, strict=True)
            ]
            owners = balance_cases(
                [CaseSite(case.loan_ref, case.place, case.needs_pair) for case in chosen], sites
            )
            holders = self._usernames(connection, {case.assigned_to_id for case in chosen})
            result = self._result(team_name, people, sites, chosen, owners, holders, apply)
            if apply:
                for k, person in enumerate(people):
                    moving = [
                        case
                        for case, owner in zip(chosen, owners, strict=True)
                        if owner == k and case.assigned_to_id != person.user_id
                    ]
                    self._hand_over(connection, moving, person, by_id, reason or AUTO_REASON)
        logger.info(
            "auto-assignment %s %d cases to %d collectors",
            "gave" if apply else "proposed",
            len(chosen),
            len(people),
        )
        return result

    # Reading ---------------------------------------------------------------------------------

    def _people(self, connection: Connection, *where: ColumnElement[bool]) -> list[_Person]:
        user, team = models.AppUser, models.Team
        rows = connection.execute(
            select(
                user.id,
                user.username,
                user.display_name,
                user.role,
                user.team_id,
                user.active,
                user.home_lat,
                user.home_lon,
                user.skills,
                team.office_lat,
                team.office_lon,
            )
            .outerjoin(team, team.id == user.team_id)
            .where(*where)
            .order_by(user.username)
        )
        return [
            _Person(
                row.id,
                row.username,
                row.display_name,
                row.role,
                row.team_id,
                bool(row.active),
                _point(row.home_lat, row.home_lon),
                _point(row.office_lat, row.office_lon),
                tuple(row.skills or ()),
            )
            for row in rows
        ]

    def _assignee(self, connection: Connection, username: str) -> _Person:
        found = self._people(connection, models.AppUser.username == username.strip())
        if not found:
            raise AssignmentError(f"unknown collector {username!r}: no user has this username")
        person = found[0]
        if not person.active:
            raise AssignmentError(f"collector {username!r} is no longer active")
        if person.role not in _ASSIGNING_ROLES:
            raise AssignmentError(f"{username!r} is an {person.role}, not a collector or lead")
        return person

    def _user_id(self, connection: Connection, username: str | None) -> uuid.UUID | None:
        if username is None:
            return None
        user_id = connection.execute(
            select(models.AppUser.id).where(models.AppUser.username == username)
        ).scalar_one_or_none()
        if user_id is None:
            raise AssignmentError(f"unknown user {username!r}: no user has this username")
        return user_id

    def _usernames(
        self, connection: Connection, user_ids: Iterable[uuid.UUID | None]
    ) -> dict[uuid.UUID, str]:
        ids = sorted(user_id for user_id in set(user_ids) if user_id is not None)
        names: dict[uuid.UUID, str] = {}
        for chunk in _chunks(ids):
            query = select(models.AppUser.id, models.AppUser.username).where(
                models.AppUser.id.in_(chunk)
            )
            names.update((user_id, username) for user_id, username in connection.execute(query))
        return names

    def _team_id(self, connection: Connection, team_name: str | None) -> uuid.UUID | None:
        if team_name is None:
            return None
        team_id = connection.execute(
            select(models.Team.id).where(models.Team.name == team_name)
        ).scalar_one_or_none()
        if team_id is None:
            raise AssignmentError(f"unknown team {team_name!r}")
        return team_id

    def _collectors(self, connection: Connection, team_id: uuid.UUID | None) -> list[_Person]:
        user = models.AppUser
        conditions = [user.active.is_(True), user.role == vocabulary.UserRole.COLLECTOR.value]
        if team_id is not None:
            conditions.append(user.team_id == team_id)
        return self._people(connection, *conditions)

    def _case_columns(self) -> Any:
        case = models.LoanCase
        return select(
            case.id,
            case.loan_ref,
            case.borrower_id,
            case.principal,
            case.interest,
            case.penalty,
            case.status,
            case.assigned_to_id,
            case.team_id,
        )

    @staticmethod
    def _case(row: Any) -> _Case:
        return _Case(
            row.id,
            row.loan_ref,
            row.borrower_id,
            row.principal + row.interest + row.penalty,
            row.status,
            row.assigned_to_id,
            row.team_id,
        )

    def _cases_by_ref(self, connection: Connection, refs: Sequence[str]) -> dict[str, _Case]:
        found: dict[str, _Case] = {}
        for chunk in _chunks(refs):
            for row in connection.execute(
                self._case_columns().where(models.LoanCase.loan_ref.in_(chunk))
            ):
                found[row.loan_ref] = self._case(row)
        return found

    def _selected_cases(
        self, connection: Connection, team_id: uuid.UUID | None, case_filter: CaseFilter
    ) -> list[_Case]:
        case = models.LoanCase
        conditions: list[ColumnElement[bool]] = []
        if team_id is not None:
            conditions.append(or_(case.team_id == team_id, case.team_id.is_(None)))
        if case_filter.unassigned_only:
            conditions.append(case.assigned_to_id.is_(None))
        if not case_filter.include_closed:
            conditions.append(case.status.not_in(_CLOSED_STATUSES))
        if case_filter.overdue_on is not None:
            conditions.append(case.due_date < case_filter.overdue_on)
        query = self._case_columns().where(and_(*conditions)).order_by(case.loan_ref)
        if case_filter.loan_refs is None:
            return [self._case(row) for row in connection.execute(query)]
        chosen: list[_Case] = []
        for chunk in _chunks(sorted(case_filter.loan_refs)):
            chosen += [
                self._case(row) for row in connection.execute(query.where(case.loan_ref.in_(chunk)))
            ]
        return sorted(chosen, key=lambda item: item.loan_ref)

    def _locate(self, connection: Connection, chosen: Sequence[_Case]) -> None:
        """Each case's place (its borrower's primary address, else the first home address with
        coordinates) and whether that address or the borrower is flagged aggressive."""
        address, borrower = models.BorrowerAddress, models.Borrower
        by_borrower: dict[uuid.UUID, list[_Case]] = defaultdict(list)
        for item in chosen:
            by_borrower[item.borrower_id].append(item)
        rank = {"home": 0, "work": 1, "registered": 2, "other": 3}
        best: dict[uuid.UUID, tuple[tuple[Any, ...], Point | None, bool]] = {}
        flagged_borrowers: set[uuid.UUID] = set()
        ids = sorted(by_borrower)
        for chunk in _chunks(ids):
            for row in connection.execute(
                select(
                    address.id,
                    address.borrower_id,
                    address.kind,
                    address.lat,
                    address.lon,
                    address.is_primary,
                    address.safety_flags,
                ).where(address.borrower_id.in_(chunk))
            ):
                place = _point(row.lat, row.lon)
                order = (not row.is_primary, place is None, rank.get(row.kind, 9), str(row.id))
                if row.borrower_id not in best or order < best[row.borrower_id][0]:
                    flagged = AGGRESSIVE_FLAG in (row.safety_flags or ())
                    best[row.borrower_id] = (order, place, flagged)
            for borrower_id, flags in connection.execute(
                select(borrower.id, borrower.safety_flags).where(borrower.id.in_(chunk))
            ):
                if AGGRESSIVE_FLAG in (flags or ()):
                    flagged_borrowers.add(borrower_id)
        for borrower_id, items in by_borrower.items():
            _order, place, flagged = best.get(borrower_id, ((), None, False))
            for item in items:
                item.place = place
                item.needs_pair = flagged or borrower_id in flagged_borrowers

    def _workloads(
        self, connection: Connection, people: Sequence[_Person], chosen: Sequence[_Case]
    ) -> list[int]:
        """Open cases each collector keeps: those he holds that are not being given out."""
        case = models.LoanCase
        held: dict[uuid.UUID, int] = defaultdict(int)
        for user_id, count in connection.execute(
            select(case.assigned_to_id, func.count())
            .where(
                case.assigned_to_id.in_([person.user_id for person in people]),
                case.status.not_in(_CLOSED_STATUSES),
            )
            .group_by(case.assigned_to_id)
        ):
            held[user_id] = count
        for item in chosen:
            if item.assigned_to_id is not None and item.status not in _CLOSED_STATUSES:
                held[item.assigned_to_id] -= 1
        return [max(0, held[person.user_id]) for person in people]

    # Writing ---------------------------------------------------------------------------------

    def _hand_over(
        self,
        connection: Connection,
        moving: Sequence[_Case],
        collector: _Person,
        by_id: uuid.UUID | None,
        reason: str | None,
    ) -> None:
        if not moving:
            return
        now = self._clock().astimezone(dt.UTC)
        connection.execute(
            _HANDOVER,
            [
                {
                    "case_id": item.case_id,
                    "new_assigned_to_id": collector.user_id,
                    "new_team_id": collector.team_id or item.team_id,
                    "new_updated_at": now,
                }
                for item in moving
            ],
        )
        connection.execute(
            insert(models.CaseAssignment.__table__),
            [
                {
                    "id": uuid.uuid4(),
                    "row_version": 1,
                    "updated_at": now,
                    "case_id": item.case_id,
                    "from_user_id": item.assigned_to_id,
                    "to_user_id": collector.user_id,
                    "assigned_by_id": by_id,
                    "assigned_at": now,
                    "reason": reason,
                }
                for item in moving
            ],
        )
        # Reassigning is audited on the central database, in the same transaction (issue 8).
        with Session(bind=connection) as audit_session:
            audit.record_central_event(
                audit_session,
                by_id,
                "reassign_cases",
                "app_user",
                str(collector.user_id),
                {
                    "to": collector.username,
                    "case_ids": [str(item.case_id) for item in moving],
                    "reason": reason,
                },
                occurred_at=now,
            )
            audit_session.flush()

    def _result(
        self,
        team_name: str | None,
        people: Sequence[_Person],
        sites: Sequence[CollectorSite],
        chosen: Sequence[_Case],
        owners: Sequence[int],
        holders: dict[uuid.UUID, str],
        applied: bool,
    ) -> AutoAssignment:
        homes = _homes([CaseSite(case.loan_ref, case.place) for case in chosen], sites)
        planned: list[PlannedCase] = []
        counts = [0] * len(people)
        amounts = [Decimal("0.00")] * len(people)
        travel = [0.0] * len(people)
        for item, k in zip(chosen, owners, strict=True):
            home = homes[k]
            km = (
                round(distance_km(item.place, home) * ROAD_FACTOR, 3)
                if item.place is not None and home is not None
                else None
            )
            counts[k] += 1
            amounts[k] += item.outstanding
            travel[k] += km or 0.0
            previous = holders.get(item.assigned_to_id) if item.assigned_to_id else None
            planned.append(PlannedCase(item.loan_ref, people[k].username, previous, km))
        loads = tuple(
            CollectorLoad(
                username=person.username,
                display_name=person.display_name,
                cases=counts[k],
                outstanding=amounts[k],
                travel_km=round(travel[k], 3),
                workload_before=sites[k].workload,
                workload_after=sites[k].workload + counts[k],
                home_known=person.home is not None,
            )
            for k, person in enumerate(people)
        )
        return AutoAssignment(
            team=team_name,
            collectors=loads,
            cases=tuple(planned),
            without_location=tuple(case.loan_ref for case in chosen if case.place is None),
            applied=applied,
        )
