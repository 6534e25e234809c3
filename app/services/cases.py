"""Use cases on a collector's loan cases: the filtered, sorted case list and one case's detail.

The list is served as a count plus pages, so a view over 100,000 cases fetches only the rows it
shows. Everything returned is a frozen value; no ORM row or session leaves this module.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, union
from sqlalchemy.orm import Session

from app.domain import aging, privacy, risk, vocabulary
from app.services import audit
from app.services.workspace import Workspace
from app.store import models

# The value types a caller needs to build a query, so that the UI knows this module only.
AgingBucket = aging.AgingBucket


class CaseSort(enum.StrEnum):
    TIER = "tier"
    DAYS_PAST_DUE = "days_past_due"
    OUTSTANDING = "outstanding"
    BORROWER = "borrower"
    LOAN_REF = "loan_ref"
    LAST_CONTACT = "last_contact"
    NEXT_ACTION = "next_action"
    PROMISED_DATE = "promised_date"
    STATUS = "status"


@dataclass(frozen=True, slots=True)
class CaseQuery:
    """What the case list shows: a search text, filters and an order.

    Attributes:
        search: matched against the borrower's name and the loan reference (case-insensitive).
        tiers: risk tiers to show (empty: all).
        buckets: aging buckets to show (empty: all).
        statuses: case statuses to show (empty: all).
        sort: the column to sort by; `descending` reverses it.
        as_of: the day days past due are counted to.
    """

    search: str = ""
    tiers: frozenset[str] = frozenset()
    buckets: frozenset[aging.AgingBucket] = frozenset()
    statuses: frozenset[str] = frozenset()
    sort: CaseSort = CaseSort.TIER
    descending: bool = False
    as_of: dt.date = field(default_factory=dt.date.today)


@dataclass(frozen=True, slots=True)
class CaseRow:
    """One line of the case list."""

    case_id: uuid.UUID
    loan_ref: str
    borrower_name: str
    outstanding: Decimal
    days_past_due: int
    bucket: aging.AgingBucket
    tier: str
    status: str
    last_contact_at: dt.datetime | None
    last_contact_outcome: str | None
    next_action_date: dt.date | None
    promised_date: dt.date | None
    promised_amount: Decimal | None
    assigned_to: str | None
    active_plan_id: uuid.UUID | None


@dataclass(frozen=True, slots=True)
class PhoneView:
    phone_id: uuid.UUID
    number: str
    masked: str
    kind: str
    owner_name: str | None
    is_primary: bool
    invalid: bool


@dataclass(frozen=True, slots=True)
class AddressView:
    address_id: uuid.UUID
    kind: str
    text: str
    lat: float | None
    lon: float | None
    timezone: str
    safety_flags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One dated event in a case's history.

    Attributes:
        at: when it happened (UTC; dates at midnight UTC).
        kind: "contact", "visit", "promise", "plan" or "payment".
        code: the outcome, status or channel code that says what happened.
        amount: the money involved, if any.
        detail: notes or a short description (the person's own words, not translated).
        timezone: the zone of the place, to show the time as the borrower lived it.
    """

    at: dt.datetime
    kind: str
    code: str
    amount: Decimal | None = None
    detail: str | None = None
    timezone: str = "Asia/Shanghai"


@dataclass(frozen=True, slots=True)
class CaseDetail:
    """Everything the detail pane shows about one case."""

    case: CaseRow
    product: str | None
    principal: Decimal
    interest: Decimal
    penalty: Decimal
    due_date: dt.date | None
    borrower_id: uuid.UUID
    id_number_masked: str
    safety_flags: tuple[str, ...]
    phones: tuple[PhoneView, ...]
    addresses: tuple[AddressView, ...]
    risk: risk.RiskAssessment
    timeline: tuple[TimelineEntry, ...]


_OUTSTANDING = models.LoanCase.principal + models.LoanCase.interest + models.LoanCase.penalty


def _sort_column(sort: CaseSort) -> ColumnElement[object]:
    return {
        CaseSort.TIER: models.LoanCase.risk_tier,
        # Days past due grow as the due date gets older: sort on the date, reversed.
        CaseSort.DAYS_PAST_DUE: models.LoanCase.due_date,
        CaseSort.OUTSTANDING: _OUTSTANDING,
        CaseSort.BORROWER: models.Borrower.full_name,
        CaseSort.LOAN_REF: models.LoanCase.loan_ref,
        CaseSort.LAST_CONTACT: models.LoanCase.last_contact_at,
        CaseSort.NEXT_ACTION: models.LoanCase.next_action_date,
        CaseSort.PROMISED_DATE: models.LoanCase.promised_date,
        CaseSort.STATUS: models.LoanCase.status,
    }[sort]


def _bucket_condition(bucket: aging.AgingBucket, as_of: dt.date) -> ColumnElement[bool]:
    earliest, latest = aging.overdue_since_range(bucket, as_of)
    conditions: list[ColumnElement[bool]] = []
    if bucket is aging.AgingBucket.CURRENT:
        conditions.append(
            or_(models.LoanCase.due_date.is_(None), models.LoanCase.due_date >= earliest)
            if earliest is not None
            else models.LoanCase.due_date.is_(None)
        )
    else:
        if earliest is not None:
            conditions.append(models.LoanCase.due_date >= earliest)
        if latest is not None:
            conditions.append(models.LoanCase.due_date <= latest)
    return and_(*conditions)


def _search_matches(text: str) -> Select[tuple[uuid.UUID]]:
    """Ids of the cases whose loan ref or borrower's name contains `text`.

    Two narrow scans joined by UNION (LIKE is case-insensitive for ASCII in SQLite): much faster
    on a large store than one OR across a join, which makes SQLite look up every case's borrower.
    """
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = f"%{escaped}%"
    by_ref = select(models.LoanCase.id).where(models.LoanCase.loan_ref.like(pattern, escape="\\"))
    by_name = select(models.LoanCase.id).where(
        models.LoanCase.borrower_id.in_(
            select(models.Borrower.id).where(models.Borrower.full_name.like(pattern, escape="\\"))
        )
    )
    if not text.isascii():
        # Loan refs are ASCII (the import's rule), so a Chinese name needs no scan of them.
        return by_name
    return union(by_ref, by_name)  # type: ignore[return-value]


def _filtered(query: CaseQuery, selected: Select[tuple[object, ...]]) -> Select[tuple[object, ...]]:
    """`selected` narrowed to the query's cases; conditions on loan_case only (no join)."""
    text = query.search.strip()
    if text:
        selected = selected.where(models.LoanCase.id.in_(_search_matches(text)))
    if query.tiers:
        selected = selected.where(models.LoanCase.risk_tier.in_(sorted(query.tiers)))
    if query.statuses:
        selected = selected.where(models.LoanCase.status.in_(sorted(query.statuses)))
    if query.buckets:
        selected = selected.where(
            or_(*(_bucket_condition(bucket, query.as_of) for bucket in query.buckets))
        )
    return selected


def _case_row(
    case: models.LoanCase, borrower_name: str, assignee: str | None, as_of: dt.date
) -> CaseRow:
    dpd = aging.days_past_due(case.due_date, as_of)
    return CaseRow(
        case_id=case.id,
        loan_ref=case.loan_ref,
        borrower_name=borrower_name,
        outstanding=case.principal + case.interest + case.penalty,
        days_past_due=dpd,
        bucket=aging.bucket_for(dpd),
        tier=case.risk_tier,
        status=case.status,
        last_contact_at=case.last_contact_at,
        last_contact_outcome=case.last_contact_outcome,
        next_action_date=case.next_action_date,
        promised_date=case.promised_date,
        promised_amount=case.promised_amount,
        assigned_to=assignee,
        active_plan_id=case.active_plan_id,
    )


def _ordered(query: CaseQuery, selected: Select[tuple[object]]) -> Select[tuple[object]]:
    """`selected` filtered by the query and in its order (loan ref breaks ties)."""
    column = _sort_column(query.sort)
    descending = query.descending != (query.sort is CaseSort.DAYS_PAST_DUE)
    order = column.desc() if descending else column.asc()
    if query.sort is CaseSort.BORROWER:
        selected = selected.join(models.Borrower, models.Borrower.id == models.LoanCase.borrower_id)
    return _filtered(query, selected).order_by(order.nulls_last(), models.LoanCase.loan_ref)


@dataclass(frozen=True, slots=True)
class CasePage:
    """The number of cases a query matches and the first rows of its list."""

    total: int
    rows: list[CaseRow]


class CaseListService:
    """The case list of a workspace: counts and pages for a `CaseQuery`."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    def count(self, query: CaseQuery) -> int:
        with self._workspace.session() as session:
            selected = _filtered(query, select(func.count()).select_from(models.LoanCase))
            return session.scalar(selected) or 0

    def first_page(self, query: CaseQuery, limit: int) -> CasePage:
        """How many cases match and the first `limit` of them, in one pass where it pays.

        With a search text the matching ids are few and found by one scan, so they are listed
        in order once (their number is the count) instead of counting and paging separately.
        """
        if not query.search.strip():
            return CasePage(self.count(query), self.page(query, 0, limit))
        with self._workspace.session() as session:
            ids = session.scalars(_ordered(query, select(models.LoanCase.id))).all()
            return CasePage(len(ids), self._rows(session, query, list(ids[:limit])))

    def page(self, query: CaseQuery, offset: int, limit: int) -> list[CaseRow]:
        """Rows `offset` to `offset + limit` of the list, in the query's order."""
        selected = _ordered(query, select(models.LoanCase)).offset(offset).limit(limit)
        with self._workspace.session() as session:
            return self._rows_of(session, query, list(session.scalars(selected).all()))

    def _rows(self, session: Session, query: CaseQuery, ids: list[uuid.UUID]) -> list[CaseRow]:
        by_id = {
            case.id: case
            for case in session.scalars(select(models.LoanCase).where(models.LoanCase.id.in_(ids)))
        }
        return self._rows_of(session, query, [by_id[case_id] for case_id in ids])

    @staticmethod
    def _rows_of(session: Session, query: CaseQuery, cases: list[models.LoanCase]) -> list[CaseRow]:
        # Names for just these rows, rather than a join over every matching case.
        names = dict(
            session.execute(
                select(models.Borrower.id, models.Borrower.full_name).where(
                    models.Borrower.id.in_({case.borrower_id for case in cases})
                )
            ).all()
        )
        usernames = dict(
            session.execute(
                select(models.AppUser.id, models.AppUser.username).where(
                    models.AppUser.id.in_({case.assigned_to_id for case in cases})
                )
            ).all()
        )
        return [
            _case_row(
                case, names[case.borrower_id], usernames.get(case.assigned_to_id), query.as_of
            )
            for case in cases
        ]

    def all_rows(self, query: CaseQuery) -> list[CaseRow]:
        """Every row of the list (for exports)."""
        return self.page(query, 0, self.count(query))


class CaseService:
    """One case: its detail, and revealing the borrower's full ID number (an audited act)."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    def detail(self, case_id: uuid.UUID, as_of: dt.date | None = None) -> CaseDetail:
        as_of = as_of or dt.date.today()
        with self._workspace.session() as session:
            case = session.get(models.LoanCase, case_id)
            if case is None:
                raise LookupError(f"no case with id {case_id}")
            borrower = session.get_one(models.Borrower, case.borrower_id)
            assignee = (
                session.get(models.AppUser, case.assigned_to_id) if case.assigned_to_id else None
            )
            row = _case_row(
                case, borrower.full_name, assignee.username if assignee else None, as_of
            )
            phones = session.scalars(
                select(models.BorrowerPhone)
                .where(models.BorrowerPhone.borrower_id == borrower.id)
                .order_by(models.BorrowerPhone.is_primary.desc(), models.BorrowerPhone.number)
            ).all()
            addresses = session.scalars(
                select(models.BorrowerAddress)
                .where(models.BorrowerAddress.borrower_id == borrower.id)
                .order_by(models.BorrowerAddress.is_primary.desc(), models.BorrowerAddress.kind)
            ).all()
            timeline = _timeline(session, case.id)
            assessment = risk.assess_risk(_risk_inputs(session, case, row, as_of))
            return CaseDetail(
                case=row,
                product=case.product,
                principal=case.principal,
                interest=case.interest,
                penalty=case.penalty,
                due_date=case.due_date,
                borrower_id=borrower.id,
                id_number_masked=privacy.mask_id_number(borrower.id_number),
                safety_flags=tuple(borrower.safety_flags or ()),
                phones=tuple(
                    PhoneView(
                        p.id,
                        p.number,
                        privacy.mask_phone(p.number),
                        p.kind,
                        p.owner_name,
                        p.is_primary,
                        p.invalid,
                    )
                    for p in phones
                ),
                addresses=tuple(
                    AddressView(
                        a.id,
                        a.kind,
                        a.address_text,
                        a.lat,
                        a.lon,
                        a.timezone,
                        tuple(a.safety_flags or ()),
                    )
                    for a in addresses
                ),
                risk=assessment,
                timeline=timeline,
            )

    def reveal_id_number(self, case_id: uuid.UUID) -> str:
        """The borrower's full ID number; writes an audit event (queued for sync) first."""
        with self._workspace.session() as session:
            case = session.get_one(models.LoanCase, case_id)
            borrower = session.get_one(models.Borrower, case.borrower_id)
            identity = self._workspace.identity()
            audit.record_event(
                session,
                identity.user_id if identity else None,
                "reveal_id_number",
                "borrower",
                str(borrower.id),
                {"loan_ref": case.loan_ref},
            )
            return borrower.id_number


def _risk_inputs(
    session: Session, case: models.LoanCase, row: CaseRow, as_of: dt.date
) -> risk.RiskInputs:
    since = dt.datetime.combine(as_of - dt.timedelta(days=30), dt.time(), dt.UTC)
    outcomes = session.scalars(
        select(models.Contact.outcome).where(
            models.Contact.case_id == case.id, models.Contact.contacted_at >= since
        )
    ).all()
    successful = {o.code for o in vocabulary.DEFAULT_OUTCOMES if o.reached_someone}
    broken = (
        session.scalar(
            select(func.count())
            .select_from(models.PromiseToPay)
            .where(
                models.PromiseToPay.case_id == case.id,
                models.PromiseToPay.status == vocabulary.PromiseStatus.BROKEN,
            )
        )
        or 0
    )
    last_payment = case.last_payment_at
    return risk.RiskInputs(
        days_past_due=row.days_past_due,
        outstanding=row.outstanding,
        broken_promises=broken,
        days_since_last_payment=(as_of - last_payment.date()).days if last_payment else None,
        contact_attempts=len(outcomes),
        successful_contacts=sum(1 for outcome in outcomes if outcome in successful),
    )


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), dt.UTC)


def _timeline(session: Session, case_id: uuid.UUID) -> tuple[TimelineEntry, ...]:
    entries: list[TimelineEntry] = []
    for contact in session.scalars(select(models.Contact).where(models.Contact.case_id == case_id)):
        entries.append(
            TimelineEntry(
                contact.contacted_at,
                "contact",
                contact.outcome,
                None,
                contact.notes,
                contact.place_timezone,
            )
        )
    for visit in session.scalars(select(models.Visit).where(models.Visit.case_id == case_id)):
        at = visit.check_in_at or visit.window_start or _midnight(visit.planned_date)
        entries.append(
            TimelineEntry(
                at, "visit", visit.status, None, visit.check_in_place, visit.place_timezone
            )
        )
    for promise in session.scalars(
        select(models.PromiseToPay).where(models.PromiseToPay.case_id == case_id)
    ):
        entries.append(
            TimelineEntry(
                promise.created_at,
                "promise",
                promise.status,
                promise.amount,
                promise.promised_date.isoformat(),
            )
        )
    for plan in session.scalars(
        select(models.RepaymentPlan).where(models.RepaymentPlan.case_id == case_id)
    ):
        entries.append(TimelineEntry(plan.created_at, "plan", plan.status, plan.agreed_total))
    for payment in session.scalars(select(models.Payment).where(models.Payment.case_id == case_id)):
        entries.append(TimelineEntry(payment.paid_at, "payment", payment.channel, payment.amount))
    entries.sort(key=lambda entry: entry.at, reverse=True)
    return tuple(entries)


def rows_as_records(rows: Sequence[CaseRow]) -> list[dict[str, object]]:
    """Case rows as plain records for exports (money as text with two decimals)."""
    return [
        {
            "loan_ref": row.loan_ref,
            "borrower": row.borrower_name,
            "outstanding": f"{row.outstanding:.2f}",
            "dpd": row.days_past_due,
            "bucket": row.bucket.value,
            "tier": row.tier,
            "status": row.status,
            "assigned_to": row.assigned_to,
            "active_plan": str(row.active_plan_id) if row.active_plan_id else None,
            "last_contact_at": row.last_contact_at.isoformat() if row.last_contact_at else None,
            "next_action_date": row.next_action_date.isoformat() if row.next_action_date else None,
            "promised_date": row.promised_date.isoformat() if row.promised_date else None,
        }
        for row in rows
    ]
