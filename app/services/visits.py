"""Use cases of a field visit and of any contact: plan, check in, record the outcome, check out.

Each step is one committed transaction, written at once, with every row it writes queued in the
outbox; the case's summary columns are then recomputed (derived, so not queued). Contacts are
judged by `app.domain.compliance` under the preferred profile before they are saved. Only frozen
values and ids leave this module, never ORM rows or sessions.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from types import MappingProxyType
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app import errors, settings
from app.domain import compliance, money, vocabulary, wording
from app.services import case_summary
from app.services.workspace import Workspace
from app.store import models
from app.sync import outbox

logger = logging.getLogger(__name__)

# The zone assumed for a place when neither the address nor the collector's team names one
# (the schema's own default).
DEFAULT_TIMEZONE = "Asia/Shanghai"

# Contacts this far either side of a new one are read as its history: enough for a day's and a
# seven-day cap in any zone.
_HISTORY_SPAN = dt.timedelta(days=8)


class VisitError(errors.KnownError):
    """A visit or contact that cannot be recorded as asked.

    Attributes:
        code: a stable code the UI turns into words.
        params: the values its words mention.
    """

    def __init__(self, code: str, message: str, **params: str | int) -> None:
        super().__init__(message)
        self.code = code
        self.params: Mapping[str, str | int] = MappingProxyType(params)


class VisitStateError(VisitError):
    """A step out of order: checking out before checking in, checking in twice, and so on."""


class ContactInputError(VisitError):
    """A missing or inconsistent field: unknown outcome, a promise without amount or date."""


class ContactRefusedError(VisitError):
    """The contact rules refuse the contact; `verdict` says which rules and whether consent helps.

    Attributes:
        verdict: the compliance verdict (its `consent_would_allow` tells the UI to ask for a
            consent reason).
    """

    def __init__(self, verdict: compliance.ComplianceVerdict) -> None:
        super().__init__(
            "contact_refused",
            f"the contact rules ({verdict.profile}) refuse this contact: "
            + "; ".join(violation.text() for violation in verdict.refusals),
            profile=verdict.profile.value,
        )
        self.verdict = verdict


@dataclass(frozen=True, slots=True)
class TodayVisit:
    """One planned visit of the day, as the Today screen lists it.

    Attributes:
        visit_id: the visit.
        case_id: its case.
        loan_ref: the case's loan reference.
        borrower_name: who is visited.
        address_id: the address visited (None when none was chosen).
        address_text: that address in words.
        lat: its latitude, when known.
        lon: its longitude, when known.
        timezone: the place's zone (times are shown in it).
        planned_date: the day in the place's zone.
        window_start: the start of the agreed window (UTC), if any.
        window_end: its end (UTC), if any.
        route_order: the position on the day's route, if planned by the router.
        status: a `vocabulary.VisitStatus` value.
        check_in_at: when the collector checked in (UTC).
        check_out_at: when the collector checked out (UTC).
    """

    visit_id: uuid.UUID
    case_id: uuid.UUID
    loan_ref: str
    borrower_name: str
    address_id: uuid.UUID | None
    address_text: str | None
    lat: float | None
    lon: float | None
    timezone: str
    planned_date: dt.date
    window_start: dt.datetime | None
    window_end: dt.datetime | None
    route_order: int | None
    status: str
    check_in_at: dt.datetime | None
    check_out_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class _ContactPlace:
    """The rows a contact refers to, checked to belong together, and the place's zone."""

    case: models.LoanCase
    visit: models.Visit | None
    phone: models.BorrowerPhone | None
    address: models.BorrowerAddress | None
    timezone: str


def _declared_default(key: str) -> Any:
    return next(spec.default for spec in settings.SETTINGS if spec.key == key)


def _require_aware(at: dt.datetime, what: str) -> None:
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware, got {at!r}")


def _check_position(lat: float | None, lon: float | None) -> None:
    if (lat is None) != (lon is None):
        raise ContactInputError("position_incomplete", "give both latitude and longitude, or none")
    if lat is not None and lon is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ContactInputError(
            "position_out_of_range",
            f"latitude {lat} / longitude {lon} is not a place on Earth",
            lat=str(lat),
            lon=str(lon),
        )


def _touch(session: Session, row: models.SyncedRow) -> None:
    """Queue an edited row for sync."""
    row.updated_at = models.utc_now()
    outbox.enqueue(session, row, "update")


def _get_visit(session: Session, visit_id: uuid.UUID) -> models.Visit:
    visit = session.get(models.Visit, visit_id)
    if visit is None:
        raise LookupError(f"no visit with id {visit_id}")
    return visit


def _get_case(session: Session, case_id: uuid.UUID) -> models.LoanCase:
    case = session.get(models.LoanCase, case_id)
    if case is None:
        raise LookupError(f"no case with id {case_id}")
    return case


def _borrower_address(
    session: Session, case: models.LoanCase, address_id: uuid.UUID | None
) -> models.BorrowerAddress | None:
    """The given address (checked to be the borrower's) or else the borrower's primary one."""
    if address_id is not None:
        address = session.get(models.BorrowerAddress, address_id)
        if address is None or address.borrower_id != case.borrower_id:
            raise ContactInputError(
                "address_not_borrowers",
                f"address {address_id} is not an address of case {case.loan_ref}'s borrower",
                loan_ref=case.loan_ref,
            )
        return address
    return session.scalars(
        select(models.BorrowerAddress)
        .where(models.BorrowerAddress.borrower_id == case.borrower_id)
        .order_by(models.BorrowerAddress.is_primary.desc(), models.BorrowerAddress.kind)
        .limit(1)
    ).first()


def _fallback_timezone(session: Session, user_id: uuid.UUID | None) -> str:
    """The collector's team zone when the borrower has no address on file."""
    user = session.get(models.AppUser, user_id) if user_id else None
    team = session.get(models.Team, user.team_id) if user and user.team_id else None
    return team.timezone if team else DEFAULT_TIMEZONE


class VisitService:
    """Planning and recording visits and contacts in one workspace, as its owner.

    `preferences` give the contact-rules profile and the promise grace period (their declared
    defaults without them); `current_date` gives the day promises are settled and summaries
    computed as of (the laptop's date; tests fix it).

    Attributes:
        profile: the contact-rules profile contacts are judged under (CN by default).
    """

    def __init__(
        self,
        workspace: Workspace,
        *,
        preferences: settings.Preferences | None = None,
        outcomes: tuple[vocabulary.ContactOutcome, ...] = vocabulary.DEFAULT_OUTCOMES,
        current_date: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self._workspace = workspace
        self._preferences = preferences
        self._outcomes = outcomes
        self._current_date = current_date

    def _preference(self, key: str) -> Any:
        if self._preferences is None:
            return _declared_default(key)
        return self._preferences.get(key)

    @property
    def outcome_codes(self) -> tuple[str, ...]:
        """The codes a contact may be recorded with (the defaults plus any configured)."""
        return tuple(outcome.code for outcome in self._outcomes)

    @property
    def profile(self) -> compliance.Profile:
        return compliance.Profile(self._preference("compliance_profile"))

    def _refresh_case(self, session: Session, case_id: uuid.UUID) -> None:
        """Recompute the case list's summary of one case (last contact, next action, promise,
        status) from its facts; derived columns, so not queued (each side recomputes them)."""
        case_summary.refresh_case_summaries(
            session,
            self._current_date(),
            case_ids=[case_id],
            promise_grace_days=self._preference("promise_grace_days"),
        )

    def _owner_id(self) -> uuid.UUID:
        identity = self._workspace.identity()
        if identity is None:
            raise errors.WorkspaceError(
                "nobody has logged in to this workspace yet; log in before recording visits"
            )
        return identity.user_id

    # -- visits ---------------------------------------------------------------------------------

    def plan_visit(
        self,
        case_id: uuid.UUID,
        day: dt.date,
        window_start: dt.time | None,
        window_end: dt.time | None,
        address_id: uuid.UUID | None = None,
        *,
        route_order: int | None = None,
    ) -> uuid.UUID:
        """Plan a visit to the case's borrower on `day`, between two wall-clock times of the
        place (its address's zone); without an address, the borrower's primary one is visited."""
        user_id = self._owner_id()
        with self._workspace.session() as session:
            case = _get_case(session, case_id)
            address = _borrower_address(session, case, address_id)
            timezone = address.timezone if address else _fallback_timezone(session, user_id)
            place = compliance.zone(timezone)
            start = (
                dt.datetime.combine(day, window_start, place).astimezone(dt.UTC)
                if window_start is not None
                else None
            )
            end = (
                dt.datetime.combine(day, window_end, place).astimezone(dt.UTC)
                if window_end is not None
                else None
            )
            if start is not None and end is not None and end < start:
                raise ContactInputError(
                    "window_order",
                    f"the visit window ends ({window_end:%H:%M}) before it starts "
                    f"({window_start:%H:%M})",
                    start=f"{window_start:%H:%M}",
                    end=f"{window_end:%H:%M}",
                )
            visit = models.Visit(
                id=uuid.uuid4(),
                case_id=case.id,
                user_id=user_id,
                address_id=address.id if address else None,
                planned_date=day,
                window_start=start,
                window_end=end,
                route_order=route_order,
                status=vocabulary.VisitStatus.PLANNED,
                place_timezone=timezone,
            )
            session.add(visit)
            outbox.enqueue(session, visit, "insert")
            self._refresh_case(session, case.id)
            return visit.id

    def check_in(
        self,
        visit_id: uuid.UUID,
        at: dt.datetime,
        lat: float | None = None,
        lon: float | None = None,
        place: str | None = None,
    ) -> compliance.ComplianceVerdict:
        """Record arriving at a planned visit's place at `at` (typed place and/or position).

        Returns the contact rules' verdict on a visit at that time, for the UI to warn with:
        the check-in itself is a fact and always recorded; recording the outcome is refused
        when the verdict blocks and no consent reason is given.
        """
        _require_aware(at, "the check-in time")
        _check_position(lat, lon)
        with self._workspace.session() as session:
            visit = _get_visit(session, visit_id)
            if visit.status != vocabulary.VisitStatus.PLANNED:
                raise VisitStateError(
                    "visit_not_planned",
                    f"only a planned visit can be checked in; this one is {visit.status}",
                    status=visit.status,
                )
            visit.status = vocabulary.VisitStatus.CHECKED_IN
            visit.check_in_at = at.astimezone(dt.UTC)
            visit.check_in_lat = lat
            visit.check_in_lon = lon
            visit.check_in_place = place.strip() if place and place.strip() else None
            _touch(session, visit)
            self._refresh_case(session, visit.case_id)
            case = _get_case(session, visit.case_id)
            proposed = compliance.ContactAttempt(
                vocabulary.ContactChannel.VISIT,
                at,
                visit.place_timezone,
                debt_ref=str(case.id),
            )
            history = self._history(session, case, None, at)
            return compliance.check_contact(self.profile, proposed, history)

    def check_out(
        self,
        visit_id: uuid.UUID,
        at: dt.datetime,
        lat: float | None = None,
        lon: float | None = None,
    ) -> None:
        """Record leaving a checked-in visit at `at`; the visit is then completed."""
        _require_aware(at, "the check-out time")
        _check_position(lat, lon)
        with self._workspace.session() as session:
            visit = _get_visit(session, visit_id)
            if visit.status != vocabulary.VisitStatus.CHECKED_IN or visit.check_in_at is None:
                raise VisitStateError(
                    "visit_not_checked_in",
                    f"only a checked-in visit can be checked out; this one is {visit.status}",
                    status=visit.status,
                )
            if at < visit.check_in_at:
                raise VisitStateError(
                    "check_out_before_check_in",
                    f"check-out {at.isoformat()} is before the check-in "
                    f"{visit.check_in_at.isoformat()}",
                    check_in_at=visit.check_in_at.isoformat(),
                    check_out_at=at.astimezone(dt.UTC).isoformat(),
                )
            visit.status = vocabulary.VisitStatus.COMPLETED
            visit.check_out_at = at.astimezone(dt.UTC)
            visit.check_out_lat = lat
            visit.check_out_lon = lon
            _touch(session, visit)
            self._refresh_case(session, visit.case_id)

    def cancel(self, visit_id: uuid.UUID) -> None:
        """Cancel a planned visit (one already checked in is checked out instead)."""
        with self._workspace.session() as session:
            visit = _get_visit(session, visit_id)
            if visit.status != vocabulary.VisitStatus.PLANNED:
                raise VisitStateError(
                    "visit_not_planned",
                    f"only a planned visit can be cancelled; this one is {visit.status}",
                    status=visit.status,
                )
            visit.status = vocabulary.VisitStatus.CANCELLED
            _touch(session, visit)
            self._refresh_case(session, visit.case_id)

    def today(self, day: dt.date, *, include_cancelled: bool = False) -> list[TodayVisit]:
        """The owner's visits planned for `day`, in route order, then by window start."""
        identity = self._workspace.identity()
        if identity is None:
            return []
        selected = (
            select(models.Visit, models.LoanCase.loan_ref, models.Borrower.full_name)
            .add_columns(models.BorrowerAddress)
            .join(models.LoanCase, models.LoanCase.id == models.Visit.case_id)
            .join(models.Borrower, models.Borrower.id == models.LoanCase.borrower_id)
            .outerjoin(models.BorrowerAddress, models.BorrowerAddress.id == models.Visit.address_id)
            .where(models.Visit.user_id == identity.user_id, models.Visit.planned_date == day)
            .order_by(
                models.Visit.route_order.asc().nulls_last(),
                models.Visit.window_start.asc().nulls_last(),
                models.LoanCase.loan_ref,
            )
        )
        if not include_cancelled:
            selected = selected.where(models.Visit.status != vocabulary.VisitStatus.CANCELLED)
        with self._workspace.session() as session:
            return [
                TodayVisit(
                    visit_id=visit.id,
                    case_id=visit.case_id,
                    loan_ref=loan_ref,
                    borrower_name=borrower_name,
                    address_id=visit.address_id,
                    address_text=address.address_text if address else None,
                    lat=address.lat if address else None,
                    lon=address.lon if address else None,
                    timezone=visit.place_timezone,
                    planned_date=visit.planned_date,
                    window_start=visit.window_start,
                    window_end=visit.window_end,
                    route_order=visit.route_order,
                    status=visit.status,
                    check_in_at=visit.check_in_at,
                    check_out_at=visit.check_out_at,
                )
                for visit, loan_ref, borrower_name, address in session.execute(selected)
            ]

    # -- contacts -------------------------------------------------------------------------------

    def record_outcome(
        self,
        visit_id: uuid.UUID,
        outcome: str,
        *,
        at: dt.datetime | None = None,
        person_met: str | None = None,
        notes: str | None = None,
        next_action_date: dt.date | None = None,
        promise_amount: Decimal | None = None,
        promise_date: dt.date | None = None,
        consent_reason: str | None = None,
    ) -> uuid.UUID:
        """Record what came of a checked-in visit; `at` defaults to the check-in time (when
        the visit met the borrower). Returns the contact's id; see `record_contact`."""
        with self._workspace.session() as session:
            visit = _get_visit(session, visit_id)
            case_id = visit.case_id
            contact_at = at or visit.check_in_at
        if contact_at is None:
            raise VisitStateError(
                "visit_not_checked_in",
                f"check in before recording the outcome; this visit is {visit.status}",
                status=visit.status,
            )
        return self.record_contact(
            case_id,
            vocabulary.ContactChannel.VISIT,
            outcome,
            contact_at,
            person_met=person_met,
            notes=notes,
            next_action_date=next_action_date,
            promise_amount=promise_amount,
            promise_date=promise_date,
            consent_reason=consent_reason,
            visit_id=visit_id,
        )

    def assess_contact(
        self,
        case_id: uuid.UUID,
        channel: str,
        at: dt.datetime,
        *,
        outcome: str | None = None,
        consent_reason: str | None = None,
        visit_id: uuid.UUID | None = None,
        phone_id: uuid.UUID | None = None,
        address_id: uuid.UUID | None = None,
    ) -> compliance.ComplianceVerdict:
        """The contact rules' verdict on a contact before it is recorded (nothing is written)."""
        _require_aware(at, "the contact time")
        reached = self._outcome(outcome) if outcome is not None else None
        with self._workspace.session() as session:
            where = self._resolve(session, case_id, channel, visit_id, phone_id, address_id)
            return self._verdict(session, where, channel, at, reached, consent_reason)

    def record_contact(
        self,
        case_id: uuid.UUID,
        channel: str,
        outcome: str,
        at: dt.datetime,
        *,
        person_met: str | None = None,
        notes: str | None = None,
        next_action_date: dt.date | None = None,
        promise_amount: Decimal | None = None,
        promise_date: dt.date | None = None,
        consent_reason: str | None = None,
        visit_id: uuid.UUID | None = None,
        phone_id: uuid.UUID | None = None,
        address_id: uuid.UUID | None = None,
    ) -> uuid.UUID:
        """Record one contact attempt (visit, call, SMS, letter) and its outcome at `at`.

        The outcome must be known; a promise outcome needs an amount above zero and a date not
        before the contact's day at the borrower's place. A phone call names the number called
        (`phone_id`). The contact is judged by the contact rules first: a refused one raises
        `ContactRefusedError` unless `consent_reason` sets its refusals aside. Writes the
        contact, the promise if any, and the case's summary columns, each queued for sync.
        """
        _require_aware(at, "the contact time")
        reached = self._outcome(outcome)
        consent = consent_reason.strip() if consent_reason and consent_reason.strip() else None
        user_id = self._owner_id()
        with self._workspace.session() as session:
            where = self._resolve(session, case_id, channel, visit_id, phone_id, address_id)
            promise = self._promise_terms(reached, at, where.timezone, promise_amount, promise_date)
            verdict = self._verdict(session, where, channel, at, reached, consent)
            if verdict.blocked:
                raise ContactRefusedError(verdict)
            if verdict.warnings:
                logger.info(
                    "contact on case %s recorded with warnings: %s",
                    where.case.loan_ref,
                    ", ".join(violation.code for violation in verdict.warnings),
                )
            contact = models.Contact(
                id=uuid.uuid4(),
                case_id=where.case.id,
                user_id=user_id,
                channel=channel,
                contacted_at=at.astimezone(dt.UTC),
                place_timezone=where.timezone,
                outcome=reached.code,
                person_met=person_met.strip() if person_met and person_met.strip() else None,
                phone_id=where.phone.id if where.phone else None,
                address_id=where.address.id if where.address else None,
                visit_id=where.visit.id if where.visit else None,
                notes=notes if notes and notes.strip() else None,
                next_action_date=next_action_date,
                consent_reason=consent,
            )
            session.add(contact)
            outbox.enqueue(session, contact, "insert")
            if promise is not None:
                amount, promised_date = promise
                promise_row = models.PromiseToPay(
                    id=uuid.uuid4(),
                    case_id=where.case.id,
                    contact_id=contact.id,
                    user_id=user_id,
                    amount=amount,
                    promised_date=promised_date,
                    created_at=at.astimezone(dt.UTC),
                    status=vocabulary.PromiseStatus.OPEN,
                )
                session.add(promise_row)
                outbox.enqueue(session, promise_row, "insert")
            self._refresh_case(session, where.case.id)
            return contact.id

    def screen_notes(self, notes: str) -> tuple[str, ...]:
        """Threatening or abusive terms found in `notes` (to warn before saving; not a refusal)."""
        return wording.flagged_terms(notes, abusive_terms())

    def case_id_for_ref(self, loan_ref: str) -> uuid.UUID:
        """The id of the case with this loan reference in the workspace."""
        with self._workspace.session() as session:
            case_id = session.scalar(
                select(models.LoanCase.id).where(models.LoanCase.loan_ref == loan_ref.strip())
            )
        if case_id is None:
            raise ContactInputError(
                "unknown_case",
                f"there is no case with loan ref {loan_ref!r} here",
                loan_ref=loan_ref,
            )
        return case_id

    def primary_phone_id(self, case_id: uuid.UUID) -> uuid.UUID | None:
        """The borrower's primary (else first valid) phone number, the one a call goes to."""
        with self._workspace.session() as session:
            case = _get_case(session, case_id)
            return session.scalar(
                select(models.BorrowerPhone.id)
                .where(
                    models.BorrowerPhone.borrower_id == case.borrower_id,
                    models.BorrowerPhone.invalid.is_(False),
                )
                .order_by(models.BorrowerPhone.is_primary.desc(), models.BorrowerPhone.number)
                .limit(1)
            )

    # -- the parts ------------------------------------------------------------------------------

    def _outcome(self, code: str) -> vocabulary.ContactOutcome:
        try:
            return vocabulary.outcome_by_code(code, self._outcomes)
        except KeyError:
            raise ContactInputError(
                "unknown_outcome", f"there is no contact outcome {code!r}", outcome=code
            ) from None

    def _resolve(
        self,
        session: Session,
        case_id: uuid.UUID,
        channel: str,
        visit_id: uuid.UUID | None,
        phone_id: uuid.UUID | None,
        address_id: uuid.UUID | None,
    ) -> _ContactPlace:
        if channel not in set(vocabulary.ContactChannel):
            raise ContactInputError(
                "unknown_channel", f"there is no contact channel {channel!r}", channel=channel
            )
        case = _get_case(session, case_id)
        visit = None
        if visit_id is not None:
            visit = _get_visit(session, visit_id)
            if visit.case_id != case.id:
                raise ContactInputError(
                    "visit_of_another_case",
                    f"visit {visit_id} belongs to another case than {case.loan_ref}",
                    loan_ref=case.loan_ref,
                )
            if channel != vocabulary.ContactChannel.VISIT:
                raise ContactInputError(
                    "channel_mismatch",
                    f"a contact during a visit is a visit, not a {channel}",
                    channel=channel,
                )
            if visit.status not in (
                vocabulary.VisitStatus.CHECKED_IN,
                vocabulary.VisitStatus.COMPLETED,
            ):
                raise VisitStateError(
                    "visit_not_checked_in",
                    f"check in before recording the outcome; this visit is {visit.status}",
                    status=visit.status,
                )
            if address_id is None:
                address_id = visit.address_id
        phone = None
        if phone_id is not None:
            phone = session.get(models.BorrowerPhone, phone_id)
            if phone is None or phone.borrower_id != case.borrower_id:
                raise ContactInputError(
                    "phone_not_borrowers",
                    f"phone {phone_id} is not a number of case {case.loan_ref}'s borrower",
                    loan_ref=case.loan_ref,
                )
        elif channel == vocabulary.ContactChannel.PHONE:
            # The daily cap on unanswered calls counts per number.
            raise ContactInputError("phone_required", "a phone call must name the number called")
        address = _borrower_address(session, case, address_id)
        if visit is not None:
            timezone = visit.place_timezone
        elif address is not None:
            # Hours are judged where the borrower lives, never from the number's area code.
            timezone = address.timezone
        else:
            timezone = _fallback_timezone(session, case.assigned_to_id)
        return _ContactPlace(case, visit, phone, address, timezone)

    def _promise_terms(
        self,
        reached: vocabulary.ContactOutcome,
        at: dt.datetime,
        timezone: str,
        amount: Decimal | None,
        promised_date: dt.date | None,
    ) -> tuple[Decimal, dt.date] | None:
        if not reached.needs_promise:
            if amount is not None or promised_date is not None:
                raise ContactInputError(
                    "promise_needs_outcome",
                    f"a promise is recorded with a promise outcome, not with {reached.code!r}",
                    outcome=reached.code,
                )
            return None
        if amount is None:
            raise ContactInputError(
                "promise_amount_required", "a promise to pay needs the amount promised"
            )
        amount = money.to_money(amount)
        if amount <= 0:
            raise ContactInputError(
                "promise_amount_not_positive",
                f"the amount promised must be above zero, not {amount}",
                amount=f"{amount:.2f}",
            )
        if promised_date is None:
            raise ContactInputError(
                "promise_date_required", "a promise to pay needs the date it will be paid by"
            )
        contact_day = at.astimezone(compliance.zone(timezone)).date()
        if promised_date < contact_day:
            raise ContactInputError(
                "promise_date_in_past",
                f"the promised date {promised_date.isoformat()} is before the contact's day "
                f"{contact_day.isoformat()}",
                promised_date=promised_date.isoformat(),
                contact_day=contact_day.isoformat(),
            )
        return amount, promised_date

    def _verdict(
        self,
        session: Session,
        where: _ContactPlace,
        channel: str,
        at: dt.datetime,
        reached: vocabulary.ContactOutcome | None,
        consent_reason: str | None,
    ) -> compliance.ComplianceVerdict:
        proposed = compliance.ContactAttempt(
            channel,
            at,
            where.timezone,
            phone_number=where.phone.number if where.phone else None,
            debt_ref=str(where.case.id),
            answered=reached.reached_someone if reached else False,
            reached_borrower=reached.reached_borrower if reached else False,
            third_party=bool(reached and reached.reached_someone and not reached.reached_borrower),
            consent_reason=consent_reason,
        )
        history = self._history(session, where.case, where.phone, at)
        return compliance.check_contact(self.profile, proposed, history)

    def _history(
        self,
        session: Session,
        case: models.LoanCase,
        phone: models.BorrowerPhone | None,
        at: dt.datetime,
    ) -> list[compliance.ContactAttempt]:
        """Earlier contacts about this case, and calls to the same number about any case."""
        about = models.Contact.case_id == case.id
        if phone is not None:
            same_number = select(models.BorrowerPhone.id).where(
                models.BorrowerPhone.number == phone.number
            )
            about = or_(about, models.Contact.phone_id.in_(same_number))
        rows = session.execute(
            select(models.Contact, models.BorrowerPhone.number)
            .outerjoin(models.BorrowerPhone, models.BorrowerPhone.id == models.Contact.phone_id)
            .where(
                about,
                models.Contact.contacted_at >= at - _HISTORY_SPAN,
                models.Contact.contacted_at <= at + _HISTORY_SPAN,
            )
        )
        history = []
        for contact, number in rows:
            try:
                reached = vocabulary.outcome_by_code(contact.outcome, self._outcomes)
            except KeyError:
                # An outcome this version does not know: count it as reaching nobody, the
                # stricter reading for the caps on unanswered calls.
                reached = None
            history.append(
                compliance.ContactAttempt(
                    contact.channel,
                    contact.contacted_at,
                    _known_zone(contact.place_timezone),
                    phone_number=number,
                    debt_ref=str(contact.case_id),
                    answered=reached.reached_someone if reached else False,
                    reached_borrower=reached.reached_borrower if reached else False,
                    third_party=bool(
                        reached and reached.reached_someone and not reached.reached_borrower
                    ),
                    consent_reason=contact.consent_reason,
                )
            )
        return history


def _known_zone(name: str) -> str:
    """`name` when this machine knows the zone, else UTC (a synced row from a newer tz database).

    A past attempt's zone does not change its verdict: the caps count days in the borrower's
    zone of the new contact.
    """
    try:
        compliance.zone(name)
    except ValueError:
        logger.warning("unknown time zone %r on a stored contact; reading it as UTC", name)
        return "UTC"
    return name


# The shipped list, then the user's own additions beside the preferences file.
ABUSIVE_TERMS_RESOURCE = ("wording", "abusive_terms.txt")
USER_TERMS_FILE = "abusive_terms.txt"


def abusive_terms() -> tuple[str, ...]:
    """The wording screen's terms: resources/wording/abusive_terms.txt plus the user's file."""
    shipped = resources.files("resources").joinpath(*ABUSIVE_TERMS_RESOURCE)
    lines = shipped.read_text(encoding="utf-8").splitlines()
    own = settings.default_path().parent / USER_TERMS_FILE
    if own.is_file():
        try:
            lines += own.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            logger.warning("ignoring the unreadable term list %s: %s", own, exc)
    return wording.parse_terms(lines)
