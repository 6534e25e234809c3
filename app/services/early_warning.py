"""Early warning for the team lead: cases going wrong, each with its reason in words (zh, en).

Four kinds, judged on `as_of` from the lead's local store (his team's cases after a sync);
settled and closed cases raise none. Day boundaries are midnight UTC, as in risk and summaries.

- **broken_promise**: a promise to pay whose last day (`promised_date` + the grace days) has
  passed before `as_of` without payments on its case, from its creation to the end of that day,
  adding up to its amount (the rule of `case_summary`; a promise already marked BROKEN counts
  as such) — one warning per promise whose promised date lies in the last `window_days`.
- **missed_instalment**: an ACTIVE plan with instalments due before `as_of` and not paid in full
  — one warning per plan: since the first such due date, the amount still missing on them.
- **payments_stopped**: a borrower who paid regularly — his last `REGULAR_PAYMENTS` payments
  each at most `REGULAR_GAP_DAYS` days after the one before — and has paid nothing for
  `stopped_after_days` days or more (counted from the last payment's day to `as_of`).
- **tier_rise**: the risk tier (app.domain.risk) computed now is more urgent than the tier
  computed for the same case as of a week ago from the data as it was then: payments, contacts
  and broken promises dated up to that day; the outstanding amount then = today's plus the
  payments received since (balances fall by payments); the first unpaid due date as it is now
  (the store keeps no history of it). No tier history is stored. The reason names the factors
  that added points since.
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import aging, risk, vocabulary
from app.services import case_summary
from app.services.workspace import Workspace
from app.store import models

# A borrower "paid regularly" when his last 3 payments came at most 35 days apart (monthly,
# with a few days' slack), and his payments "stopped" after 45 days without one.
REGULAR_PAYMENTS = 3
REGULAR_GAP_DAYS = 35
DEFAULT_STOPPED_AFTER_DAYS = 45
DEFAULT_WINDOW_DAYS = 30
TIER_LOOKBACK_DAYS = 7
_CLOSED = (vocabulary.CaseStatus.SETTLED.value, vocabulary.CaseStatus.CLOSED.value)
_SUCCESSFUL_OUTCOMES = frozenset(
    outcome.code for outcome in vocabulary.DEFAULT_OUTCOMES if outcome.reached_someone
)


class WarningKind(enum.StrEnum):
    BROKEN_PROMISE = "broken_promise"
    MISSED_INSTALMENT = "missed_instalment"
    PAYMENTS_STOPPED = "payments_stopped"
    TIER_RISE = "tier_rise"


# Reason templates in words (str.format with the warning's parameters), as app.domain.risk has.
_TEXTS: dict[str, dict[WarningKind, str]] = {
    "en": {
        WarningKind.BROKEN_PROMISE: (
            "promised to pay {amount} yuan by {promised_date}; {paid} yuan paid, not kept"
        ),
        WarningKind.MISSED_INSTALMENT: (
            "{count} instalment(s) of the repayment plan due since {since} not paid: "
            "{amount} yuan missing"
        ),
        WarningKind.PAYMENTS_STOPPED: (
            "paid regularly ({payments} payments, at most {gap} days apart), "
            "nothing for {days} days since {since}"
        ),
        WarningKind.TIER_RISE: "risk tier rose from {before} to {now} in a week: {reasons}",
    },
    "zh_CN": {
        WarningKind.BROKEN_PROMISE: (
            "承诺于{promised_date}前还款{amount}元，已还{paid}元，承诺未兑现"
        ),
        WarningKind.MISSED_INSTALMENT: ("还款计划自{since}起有{count}期未按时还清，尚欠{amount}元"),
        WarningKind.PAYMENTS_STOPPED: (
            "此前按期还款（{payments}次，间隔不超过{gap}天），自{since}起已{days}天未还款"
        ),
        WarningKind.TIER_RISE: "风险等级一周内由{before}升至{now}：{reasons}",
    },
}
_REASON_SEPARATOR = {"en": "; ", "zh_CN": "；"}


@dataclass(frozen=True, slots=True)
class EarlyWarning:
    """One case going wrong, and why.

    Attributes:
        kind: a `WarningKind`.
        case_id: the case.
        loan_ref: its loan reference.
        borrower_name: the borrower.
        collector_name: who holds the case (None when nobody).
        amount: the money at stake: the promise, the instalments' missing amount, the last
            payment; for a tier rise, the outstanding balance.
        since: the day it started: the promised date, the first missed due date, the last
            payment's day, the day a week ago the tier is compared with.
        params: the reason's parameters (strings and numbers, the amounts formatted).
        factors: for a tier rise, the risk reasons that added points since a week ago.
    """

    kind: WarningKind
    case_id: uuid.UUID
    loan_ref: str
    borrower_name: str
    collector_name: str | None
    amount: Decimal
    since: dt.date
    params: Mapping[str, object] = field(default_factory=dict)
    factors: tuple[risk.RiskReason, ...] = ()

    def text(self, language: str = "en") -> str:
        """The reason in words, in "en" or "zh_CN" (any other language: English)."""
        if language not in _TEXTS:
            language = "en"
        params = dict(self.params)
        if self.kind is WarningKind.TIER_RISE:
            params["reasons"] = _REASON_SEPARATOR[language].join(
                factor.text(language) for factor in self.factors
            )
        return _TEXTS[language][self.kind].format(**params)


@dataclass(frozen=True, slots=True)
class _Case:
    case_id: uuid.UUID
    loan_ref: str
    borrower_name: str
    collector_name: str | None
    due_date: dt.date | None
    outstanding: Decimal


def _money(amount: Decimal) -> str:
    return f"{amount:,.2f}"


def _end_of(day: dt.date) -> dt.datetime:
    """Midnight UTC after `day`: facts before it are known on `day`."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), dt.UTC)


class EarlyWarningService:
    """Finds the cases of the lead's store that need his attention."""

    def __init__(
        self,
        workspace: Workspace,
        *,
        promise_grace_days: int = case_summary.DEFAULT_PROMISE_GRACE_DAYS,
        stopped_after_days: int = DEFAULT_STOPPED_AFTER_DAYS,
        window_days: int = DEFAULT_WINDOW_DAYS,
    ) -> None:
        self._workspace = workspace
        self._grace = dt.timedelta(days=promise_grace_days)
        self._stopped_after = stopped_after_days
        self._window = dt.timedelta(days=window_days)

    def warnings(self, as_of: dt.date) -> list[EarlyWarning]:
        """Every warning on `as_of`, by kind (in `WarningKind` order), then since, then loan ref."""
        with self._workspace.session() as session:
            cases = _open_cases(session)
            payments = _payments(session, _end_of(as_of))
            found = [
                *self._broken_promises(session, cases, payments, as_of),
                *_missed_instalments(session, cases, as_of),
                *self._stopped_payments(cases, payments, as_of),
                *_tier_rises(session, cases, payments, as_of, self._grace),
            ]
        kinds = list(WarningKind)
        return sorted(found, key=lambda w: (kinds.index(w.kind), w.since, w.loan_ref))

    def _broken_promises(
        self,
        session: Session,
        cases: Mapping[uuid.UUID, _Case],
        payments: Mapping[uuid.UUID, list[tuple[dt.datetime, Decimal]]],
        as_of: dt.date,
    ) -> Iterable[EarlyWarning]:
        promise = models.PromiseToPay
        rows = session.execute(
            select(
                promise.case_id,
                promise.amount,
                promise.promised_date,
                promise.created_at,
                promise.status,
            )
            .where(
                promise.status.in_(
                    (vocabulary.PromiseStatus.OPEN, vocabulary.PromiseStatus.BROKEN)
                ),
                promise.promised_date > as_of - self._window,
                promise.promised_date < as_of,
            )
            .order_by(promise.case_id, promise.promised_date, promise.id)
        ).all()
        for case_id, amount, promised_date, created_at, status in rows:
            case = cases.get(case_id)
            last_day = promised_date + self._grace
            if case is None or last_day >= as_of:
                continue
            deadline = _end_of(last_day)
            paid = sum(
                (paid for at, paid in payments.get(case_id, ()) if created_at <= at < deadline),
                Decimal("0"),
            )
            if status == vocabulary.PromiseStatus.OPEN and paid >= amount:
                continue
            yield _warning(
                WarningKind.BROKEN_PROMISE,
                case,
                amount,
                promised_date,
                amount=_money(amount),
                promised_date=promised_date.isoformat(),
                paid=_money(min(paid, amount)),
            )

    def _stopped_payments(
        self,
        cases: Mapping[uuid.UUID, _Case],
        payments: Mapping[uuid.UUID, list[tuple[dt.datetime, Decimal]]],
        as_of: dt.date,
    ) -> Iterable[EarlyWarning]:
        for case_id, paid in payments.items():
            case = cases.get(case_id)
            if case is None or len(paid) < REGULAR_PAYMENTS:
                continue
            last = [at.date() for at, _amount in paid[-REGULAR_PAYMENTS:]]
            gaps = [(later - earlier).days for earlier, later in itertools.pairwise(last)]
            if max(gaps) > REGULAR_GAP_DAYS:
                continue
            days = (as_of - last[-1]).days
            if days < self._stopped_after:
                continue
            yield _warning(
                WarningKind.PAYMENTS_STOPPED,
                case,
                paid[-1][1],
                last[-1],
                payments=REGULAR_PAYMENTS,
                gap=REGULAR_GAP_DAYS,
                days=days,
                since=last[-1].isoformat(),
            )


def _warning(
    kind: WarningKind,
    case: _Case,
    amount: Decimal,
    since: dt.date,
    factors: tuple[risk.RiskReason, ...] = (),
    /,
    **params: object,
) -> EarlyWarning:
    return EarlyWarning(
        kind=kind,
        case_id=case.case_id,
        loan_ref=case.loan_ref,
        borrower_name=case.borrower_name,
        collector_name=case.collector_name,
        amount=amount,
        since=since,
        params=MappingProxyType(params),
        factors=factors,
    )


def _open_cases(session: Session) -> dict[uuid.UUID, _Case]:
    loan_case, borrower, user = models.LoanCase, models.Borrower, models.AppUser
    rows = session.execute(
        select(
            loan_case.id,
            loan_case.loan_ref,
            borrower.full_name,
            user.display_name,
            loan_case.due_date,
            loan_case.principal,
            loan_case.interest,
            loan_case.penalty,
        )
        .join(borrower, borrower.id == loan_case.borrower_id)
        .outerjoin(user, user.id == loan_case.assigned_to_id)
        .where(loan_case.status.not_in(_CLOSED))
    )
    return {
        row[0]: _Case(row[0], row[1], row[2], row[3], row[4], row[5] + row[6] + row[7])
        for row in rows
    }


def _payments(
    session: Session, known_until: dt.datetime
) -> dict[uuid.UUID, list[tuple[dt.datetime, Decimal]]]:
    """Each case's payments received before `known_until`, oldest first."""
    payment = models.Payment
    by_case: dict[uuid.UUID, list[tuple[dt.datetime, Decimal]]] = defaultdict(list)
    for case_id, paid_at, amount in session.execute(
        select(payment.case_id, payment.paid_at, payment.amount)
        .where(payment.paid_at < known_until)
        .order_by(payment.case_id, payment.paid_at, payment.id)
    ):
        by_case[case_id].append((paid_at, amount))
    return by_case


def _missed_instalments(
    session: Session, cases: Mapping[uuid.UUID, _Case], as_of: dt.date
) -> Iterable[EarlyWarning]:
    plan, instalment = models.RepaymentPlan, models.Instalment
    missed: dict[uuid.UUID, list[tuple[dt.date, Decimal]]] = defaultdict(list)
    for case_id, due_date, amount, paid_amount in session.execute(
        select(plan.case_id, instalment.due_date, instalment.amount, instalment.paid_amount)
        .join(plan, plan.id == instalment.plan_id)
        .where(
            plan.status == vocabulary.PlanStatus.ACTIVE,
            instalment.status != vocabulary.InstalmentStatus.PAID,
            instalment.due_date < as_of,
        )
        .order_by(plan.case_id, instalment.due_date)
    ):
        if paid_amount < amount:
            missed[case_id].append((due_date, amount - paid_amount))
    for case_id, items in missed.items():
        case = cases.get(case_id)
        if case is None:
            continue
        missing = sum((amount for _due, amount in items), Decimal("0"))
        yield _warning(
            WarningKind.MISSED_INSTALMENT,
            case,
            missing,
            items[0][0],
            count=len(items),
            since=items[0][0].isoformat(),
            amount=_money(missing),
        )


def _tier_rises(
    session: Session,
    cases: Mapping[uuid.UUID, _Case],
    payments: Mapping[uuid.UUID, list[tuple[dt.datetime, Decimal]]],
    as_of: dt.date,
    grace: dt.timedelta,
) -> Iterable[EarlyWarning]:
    before = as_of - dt.timedelta(days=TIER_LOOKBACK_DAYS)
    contacts = _contacts(session, as_of, before)
    broken = _broken_promise_days(session, grace)
    for case in cases.values():
        paid = payments.get(case.case_id, [])
        paid_since = sum((amount for at, amount in paid if at >= _end_of(before)), Decimal("0"))
        now = risk.assess_risk(
            _inputs(case, case.outstanding, paid, broken.get(case.case_id, []), contacts, as_of)
        )
        then = risk.assess_risk(
            _inputs(
                case,
                case.outstanding + paid_since,
                paid,
                broken.get(case.case_id, []),
                contacts,
                before,
            )
        )
        if risk.tier_order(now.tier) >= risk.tier_order(then.tier):
            continue
        earlier = {(reason.code, reason.points) for reason in then.reasons}
        factors = tuple(
            reason for reason in now.reasons if (reason.code, reason.points) not in earlier
        )
        yield _warning(
            WarningKind.TIER_RISE,
            case,
            case.outstanding,
            before,
            factors,
            before=then.tier.value,
            now=now.tier.value,
        )


def _inputs(
    case: _Case,
    outstanding: Decimal,
    paid: list[tuple[dt.datetime, Decimal]],
    broken_days: list[dt.date],
    contacts: Mapping[tuple[uuid.UUID, dt.date], tuple[int, int]],
    day: dt.date,
) -> risk.RiskInputs:
    """The risk inputs of `case` as they were on `day` (facts known by its end)."""
    known_until = _end_of(day)
    last_paid = max((at for at, _amount in paid if at < known_until), default=None)
    attempts, successful = contacts.get((case.case_id, day), (0, 0))
    return risk.RiskInputs(
        days_past_due=aging.days_past_due(case.due_date, day),
        outstanding=outstanding,
        broken_promises=sum(1 for broken_on in broken_days if broken_on <= day),
        days_since_last_payment=(day - last_paid.date()).days if last_paid else None,
        contact_attempts=attempts,
        successful_contacts=successful,
    )


def _contacts(session: Session, *days: dt.date) -> dict[tuple[uuid.UUID, dt.date], tuple[int, int]]:
    """(attempts, reached someone) per case in the risk's 30-day window ending with each day."""
    contact = models.Contact
    earliest = min(days) - dt.timedelta(days=case_summary.CONTACT_WINDOW_DAYS)
    windows = [
        (
            day,
            dt.datetime.combine(
                day - dt.timedelta(days=case_summary.CONTACT_WINDOW_DAYS), dt.time(), dt.UTC
            ),
            _end_of(day),
        )
        for day in days
    ]
    counts: dict[tuple[uuid.UUID, dt.date], tuple[int, int]] = {}
    for case_id, contacted_at, outcome in session.execute(
        select(contact.case_id, contact.contacted_at, contact.outcome).where(
            contact.contacted_at >= dt.datetime.combine(earliest, dt.time(), dt.UTC)
        )
    ):
        for day, start, end in windows:
            if start <= contacted_at < end:
                attempts, successful = counts.get((case_id, day), (0, 0))
                counts[(case_id, day)] = (
                    attempts + 1,
                    successful + (outcome in _SUCCESSFUL_OUTCOMES),
                )
    return counts


def _broken_promise_days(session: Session, grace: dt.timedelta) -> dict[uuid.UUID, list[dt.date]]:
    """Each case's promises marked BROKEN, by the day after their last day (when they broke)."""
    promise = models.PromiseToPay
    by_case: dict[uuid.UUID, list[dt.date]] = defaultdict(list)
    for case_id, promised_date in session.execute(
        select(promise.case_id, promise.promised_date).where(
            promise.status == vocabulary.PromiseStatus.BROKEN
        )
    ):
        by_case[case_id].append(promised_date + grace + dt.timedelta(days=1))
    return by_case
