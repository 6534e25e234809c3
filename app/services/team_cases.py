"""The team lead's case list and the assignments he makes from it.

The list reads the lead's own workspace (his team's cases, synced); assigning writes to the
central database as the lead (`AssignmentService` keeps the history there) and then syncs, so the
list shows the new owners. Nothing here talks to a person: collectors are usernames, tiers,
buckets and statuses are codes.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from app.domain import aging, vocabulary
from app.services import assignment
from app.services.central_access import CentralAccess
from app.services.workspace import Workspace
from app.store import models

# Chinese addresses name province, city, then the district (区), county (县) or banner (旗).
_AREA = re.compile(r"^(?:.+?(?:省|自治区))?(?:.+?市)?(.+?(?:区|县|旗|市))")
_ROLES_GIVEN_CASES = (vocabulary.UserRole.COLLECTOR.value, vocabulary.UserRole.LEAD.value)


def area_of(address: str | None) -> str | None:
    """The district of a Chinese address ("四川省成都市锦江区春熙路…" → "锦江区"), else None."""
    if not address:
        return None
    match = _AREA.match(address.strip())
    return match.group(1) if match else None


@dataclass(frozen=True, slots=True)
class TeamMember:
    """Someone of the team who can be given cases.

    Attributes:
        user_id: his user id.
        username: his login name.
        display_name: his name as people read it.
        role: collector or lead.
    """

    user_id: uuid.UUID
    username: str
    display_name: str
    role: str


@dataclass(frozen=True, slots=True)
class TeamCase:
    """One case of the team as the lead's list shows it.

    Attributes:
        case_id: the case.
        loan_ref: its loan reference.
        borrower_name: the borrower.
        outstanding: principal, interest and penalty still owed.
        days_past_due: days since the first unpaid due date.
        bucket: the aging bucket.
        tier: the risk tier (A–D).
        status: a `vocabulary.CaseStatus` value.
        area: the district of the borrower's main address, None when unknown.
        collector: the holder's username, None when nobody holds it.
        collector_name: the holder's name as people read it.
        lat: latitude of the main address, None when unknown.
        lon: its longitude.
    """

    case_id: uuid.UUID
    loan_ref: str
    borrower_name: str
    outstanding: Decimal
    days_past_due: int
    bucket: aging.AgingBucket
    tier: str
    status: str
    area: str | None
    collector: str | None
    collector_name: str | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class TeamCaseFilter:
    """Which of the team's cases to list (None: any).

    Attributes:
        tier: a risk tier.
        bucket: an aging bucket.
        status: a case status.
        area: a district.
        collector: a holder's username.
        unassigned_only: only cases nobody holds.
    """

    tier: str | None = None
    bucket: aging.AgingBucket | None = None
    status: str | None = None
    area: str | None = None
    collector: str | None = None
    unassigned_only: bool = False

    def matches(self, case: TeamCase) -> bool:
        return (
            (self.tier is None or case.tier == self.tier)
            and (self.bucket is None or case.bucket == self.bucket)
            and (self.status is None or case.status == self.status)
            and (self.area is None or case.area == self.area)
            and (self.collector is None or case.collector == self.collector)
            and (not self.unassigned_only or case.collector is None)
        )


class TeamCaseService:
    """The team's cases in the lead's workspace, and assigning them centrally.

    Attributes:
        workspace: the lead's open workspace.
        central: his access to the central database.
    """

    def __init__(
        self,
        workspace: Workspace,
        central: CentralAccess | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self.workspace = workspace
        self.central = central or CentralAccess(workspace)
        self._today = today

    # Reading the workspace ---------------------------------------------------------------------

    def members(self) -> list[TeamMember]:
        """Active collectors and leads of the workspace's team, by name."""
        user = models.AppUser
        with self.workspace.session() as session:
            rows = session.execute(
                select(user.id, user.username, user.display_name, user.role)
                .where(user.active.is_(True), user.role.in_(_ROLES_GIVEN_CASES))
                .order_by(user.role, user.username)
            ).all()
        members = [TeamMember(row.id, row.username, row.display_name, row.role) for row in rows]
        # Collectors first (the ones cases usually go to), then leads.
        return sorted(members, key=lambda member: (member.role != "collector", member.username))

    def team(self) -> tuple[uuid.UUID, str] | None:
        """The id and name of the workspace owner's team (None without one)."""
        identity = self.workspace.identity()
        if identity is None:
            return None
        with self.workspace.session() as session:
            row = session.execute(
                select(models.Team.id, models.Team.name)
                .join(models.AppUser, models.AppUser.team_id == models.Team.id)
                .where(models.AppUser.id == identity.user_id)
            ).first()
        return (row.id, row.name) if row is not None else None

    def cases(self, case_filter: TeamCaseFilter | None = None) -> list[TeamCase]:
        """The team's cases that `case_filter` selects, by loan ref."""
        chosen = case_filter or TeamCaseFilter()
        return [case for case in self._all_cases() if chosen.matches(case)]

    def areas(self) -> list[str]:
        """The districts the team's cases are in, sorted."""
        return sorted({case.area for case in self._all_cases() if case.area})

    def _all_cases(self) -> list[TeamCase]:
        as_of = self._today()
        case, borrower, user = models.LoanCase, models.Borrower, models.AppUser
        address = models.BorrowerAddress
        with self.workspace.session() as session:
            places: dict[uuid.UUID, tuple[str | None, float | None, float | None]] = {}
            for row in session.execute(
                select(address.borrower_id, address.address_text, address.lat, address.lon)
                # The primary address first, then by kind, as visits choose theirs.
                .order_by(address.is_primary.desc(), address.kind)
            ):
                places.setdefault(row.borrower_id, (row.address_text, row.lat, row.lon))
            rows = session.execute(
                select(case, borrower.full_name, user.username, user.display_name)
                .join(borrower, borrower.id == case.borrower_id)
                .outerjoin(user, user.id == case.assigned_to_id)
                .order_by(case.loan_ref)
            ).all()
            found: list[TeamCase] = []
            for loan_case, borrower_name, username, display_name in rows:
                text, lat, lon = places.get(loan_case.borrower_id, (None, None, None))
                days = aging.days_past_due(loan_case.due_date, as_of)
                found.append(
                    TeamCase(
                        case_id=loan_case.id,
                        loan_ref=loan_case.loan_ref,
                        borrower_name=borrower_name,
                        outstanding=loan_case.principal + loan_case.interest + loan_case.penalty,
                        days_past_due=days,
                        bucket=aging.bucket_for(days),
                        tier=loan_case.risk_tier,
                        status=loan_case.status,
                        area=area_of(text),
                        collector=username,
                        collector_name=display_name,
                        lat=lat,
                        lon=lon,
                    )
                )
        return found

    # Writing centrally -------------------------------------------------------------------------

    def assign(
        self, loan_refs: Iterable[str], to_username: str, reason: str | None = None
    ) -> assignment.Reassignment:
        """Give the cases to `to_username` in the central database (with history), then sync."""
        with self.central.engine() as engine:
            result = assignment.AssignmentService(engine).assign(
                loan_refs, to_username, by_username=self.central.username, reason=reason
            )
        self.central.sync()
        return result

    def propose_auto(self, *, unassigned_only: bool = True) -> assignment.AutoAssignment:
        """What an automatic assignment among the team would do; writes nothing."""
        return self._auto(unassigned_only, apply=False)

    def apply_auto(self, *, unassigned_only: bool = True) -> assignment.AutoAssignment:
        """Give out the cases automatically (territory, workload, skills), then sync."""
        result = self._auto(unassigned_only, apply=True)
        self.central.sync()
        return result

    def _auto(self, unassigned_only: bool, *, apply: bool) -> assignment.AutoAssignment:
        team = self._team_name()
        with self.central.engine() as engine:
            return assignment.AssignmentService(engine).auto_assign(
                team,
                assignment.CaseFilter(unassigned_only=unassigned_only),
                by_username=self.central.username,
                apply=apply,
            )

    def _team_name(self) -> str | None:
        team = self.team()
        return team[1] if team is not None else None
