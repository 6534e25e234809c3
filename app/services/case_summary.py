"""Recompute the summary columns of loan cases and settle promises to pay, for many cases at once.

The summaries (last payment, last contact, next action, open promise, risk score and tier) are
derived data: each side recomputes them from its own facts, so nothing here enters the outbox.
Work is set-based (a few grouped queries for all cases), never a query per case.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import logging
import uuid
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    bindparam,
    case,
    func,
    select,
    true,
    type_coerce,
    update,
)
from sqlalchemy.orm import Session
from sqlalchemy.types import NullType

from app import bulk_work
from app.domain import aging, risk, vocabulary
from app.store import models

logger = logging.getLogger(__name__)

DEFAULT_PROMISE_GRACE_DAYS = 3
# Risk counts contact attempts over this many days before `as_of` (as cases._risk_inputs does).
CONTACT_WINDOW_DAYS = 30
# Case ids per query when a refresh is limited to given cases (SQLite caps bound parameters).
_IDS_PER_QUERY = 500

_SUCCESSFUL_OUTCOMES = tuple(
    outcome.code for outcome in vocabulary.DEFAULT_OUTCOMES if outcome.reached_someone
)
# Statuses set by people (or by a plan); a promise neither sets nor clears them.
_STATUSES_SET_BY_PEOPLE = frozenset(
    {
        vocabulary.CaseStatus.IN_PLAN,
        vocabulary.CaseStatus.DISPUTED,
        vocabulary.CaseStatus.SETTLED,
        vocabulary.CaseStatus.CLOSED,
    }
)
# The loan_case columns this module owns, in the order they are compared and written.
_SUMMARY_COLUMNS = (
    "status",
    "risk_score",
    "risk_tier",
    "last_payment_at",
    "last_contact_at",
    "last_contact_outcome",
    "next_action_date",
    "promised_date",
    "promised_amount",
)


# Bound-parameter names of the summary updates (a column's own name is reserved in SET).
_SUMMARY_PARAMS = tuple(f"new_{name}" for name in _SUMMARY_COLUMNS)
_CASES = models.LoanCase.__table__
_PROMISES = models.PromiseToPay.__table__
# Core executemany UPDATEs: the derived columns only, no row_version, no outbox.
_UPDATE_SUMMARY = (
    update(_CASES)
    .where(_CASES.c.id == bindparam("case_id"))
    .values(
        {
            name: bindparam(param)
            for name, param in zip(_SUMMARY_COLUMNS, _SUMMARY_PARAMS, strict=True)
        }
    )
)
# Positions in _SUMMARY_COLUMNS of the columns a loan_case index holds (status, risk tier).
_INDEXED_SUMMARY = frozenset(
    position
    for position, name in enumerate(_SUMMARY_COLUMNS)
    if any(name in index.columns for index in _CASES.indexes)
)
# A case whose summary changed: its id, the new summary and the stored one (_SUMMARY_COLUMNS).
_Change = tuple[Any, tuple[Any, ...], tuple[Any, ...]]
_UPDATE_PROMISE = (
    update(_PROMISES)
    .where(_PROMISES.c.id == bindparam("promise_id"))
    .values(status=bindparam("new_status"), settled_at=bindparam("new_settled_at"))
)


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), dt.UTC)


def refresh_case_summaries(
    session: Session,
    as_of: dt.date,
    case_ids: Collection[uuid.UUID] | None = None,
    promise_grace_days: int = DEFAULT_PROMISE_GRACE_DAYS,
) -> int:
    """Settle due promises and recompute the summary columns of every case (or of `case_ids`).

    An open promise becomes KEPT as soon as payments on its case from its creation to the end
    of `promised_date + promise_grace_days` add up to its amount, and BROKEN once that day has
    passed (before `as_of`) without them. A case with an open promise is PROMISED; one without
    is OPEN again, unless people set it IN_PLAN, DISPUTED, SETTLED or CLOSED, which stay.

    Day boundaries are midnight UTC, as in the case detail's risk inputs. Rows of these cases
    already loaded in `session` are expired, so they reload the new values. Returns the number
    of cases whose summary changed.
    """
    if promise_grace_days < 0:
        raise ValueError(f"the promise grace period cannot be negative: {promise_grace_days}")
    session.flush()
    if case_ids is None:
        scopes: list[Sequence[uuid.UUID] | None] = [None]
    else:
        ids = sorted(set(case_ids))
        scopes = [
            ids[start : start + _IDS_PER_QUERY] for start in range(0, len(ids), _IDS_PER_QUERY)
        ]
    form: type[_StoredForm] | type[_PythonForm] = (
        _StoredForm if session.get_bind().dialect.name == "sqlite" else _PythonForm
    )
    changed_cases: set[Any] = set()
    settled_promises: set[uuid.UUID] = set()
    with (
        bulk_work.cycle_collector_paused(),
        _page_cache_for_every_case(session, whole=case_ids is None, form=form),
    ):
        for scope in scopes:
            settled_promises |= _settle_promises(session, as_of, scope, promise_grace_days)
            changed_cases |= _write_summaries(session, as_of, scope, form)
    _expire_loaded(session, models.PromiseToPay, settled_promises, _PythonForm.stored_id)
    _expire_loaded(session, models.LoanCase, changed_cases, form.stored_id)
    logger.debug("refreshed case summaries as of %s: %d cases changed", as_of, len(changed_cases))
    return len(changed_cases)


# The page cache (KiB) of a refresh of every case on SQLite: it reads every payment and contact
# through their case indexes, in case order, and with SQLite's default 2 MiB cache it read the
# same pages from the file again and again (a store of 10,000 cases holds about 30 MiB; the
# refresh after a first sync of 10,000 cases took 0.1 s longer).
_WHOLE_REFRESH_CACHE_KIB = 65536


@contextlib.contextmanager
def _page_cache_for_every_case(
    session: Session, *, whole: bool, form: type[_StoredForm] | type[_PythonForm]
) -> Iterator[None]:
    """On SQLite, a page cache large enough for the whole store while every case is refreshed;
    the connection's own size is restored after."""
    if not (whole and form.stored):
        yield
        return
    connection = session.connection()
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar_one()
    connection.exec_driver_sql(f"PRAGMA cache_size = -{_WHOLE_REFRESH_CACHE_KIB}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(before)}")


def _in_scope(column: Any, case_ids: Sequence[uuid.UUID] | None) -> ColumnElement[bool]:
    return column.in_(case_ids) if case_ids is not None else true()


def _expire_loaded(
    session: Session,
    model: type[models.Base],
    ids: set[Any],
    stored_id: Callable[[uuid.UUID], Any],
) -> None:
    """Expire rows of `model` the session holds whose columns were written behind its back
    (`ids` in the form `stored_id` gives a row's id)."""
    if not ids:
        return
    for row in list(session.identity_map.values()):
        if isinstance(row, model) and stored_id(row.id) in ids:
            session.expire(row)


def _settle_promises(
    session: Session, as_of: dt.date, case_ids: Sequence[uuid.UUID] | None, grace_days: int
) -> set[uuid.UUID]:
    """Mark open promises KEPT or BROKEN from the payments on their cases; returns their ids."""
    promise = models.PromiseToPay
    payment = models.Payment
    is_open = (promise.status == vocabulary.PromiseStatus.OPEN) & _in_scope(
        promise.case_id, case_ids
    )
    open_promises = session.execute(
        select(
            promise.id, promise.case_id, promise.amount, promise.promised_date, promise.created_at
        )
        .where(is_open)
        .order_by(promise.case_id, promise.created_at, promise.id)
    ).all()
    if not open_promises:
        return set()
    # Payments made after `as_of` are not known on `as_of`.
    known_until = _midnight(as_of + dt.timedelta(days=1))
    payments: dict[uuid.UUID, list[tuple[dt.datetime, Decimal]]] = defaultdict(list)
    for case_id, paid_at, amount in session.execute(
        select(payment.case_id, payment.paid_at, payment.amount)
        .where(
            payment.case_id.in_(select(promise.case_id).where(is_open)),
            payment.paid_at < known_until,
        )
        .order_by(payment.case_id, payment.paid_at, payment.id)
    ):
        payments[case_id].append((paid_at, amount))

    settled: list[dict[str, object]] = []
    settled_ids: set[uuid.UUID] = set()
    for promise_id, case_id, amount, promised_date, created_at in open_promises:
        last_day = promised_date + dt.timedelta(days=grace_days)
        deadline = _midnight(last_day + dt.timedelta(days=1))
        paid = Decimal("0")
        kept_at: dt.datetime | None = None
        for paid_at, paid_amount in payments.get(case_id, ()):
            if created_at <= paid_at < deadline:
                paid += paid_amount
                if paid >= amount:
                    kept_at = paid_at
                    break
        if kept_at is not None:
            status, settled_at = vocabulary.PromiseStatus.KEPT, kept_at
        elif last_day < as_of:
            status, settled_at = vocabulary.PromiseStatus.BROKEN, deadline
        else:
            continue
        settled.append(
            {"promise_id": promise_id, "new_status": status.value, "new_settled_at": settled_at}
        )
        settled_ids.add(promise_id)
    if settled:
        session.execute(_UPDATE_PROMISE, settled)
    return settled_ids


def _summary_inputs(
    as_of: dt.date, case_ids: Sequence[uuid.UUID] | None, *, stored: bool
) -> Select[Any]:
    """One row per case in scope: its balances, stored summary and the facts it is made from.

    Each fact is aggregated per case in a subquery (limited to the same cases) and joined on,
    so the database does the grouping and each case comes back once. With `stored`, the values
    come back as the store keeps them, not converted to Python types (see _StoredForm).
    """
    loan_case, payment, contact = models.LoanCase, models.Payment, models.Contact
    promise, visit = models.PromiseToPay, models.Visit
    last_payment = (
        select(payment.case_id, func.max(payment.paid_at).label("at"))
        .where(_in_scope(payment.case_id, case_ids))
        .group_by(payment.case_id)
        .subquery("last_payment")
    )
    since = _midnight(as_of - dt.timedelta(days=CONTACT_WINDOW_DAYS))
    recent = (
        select(
            contact.case_id,
            func.count().label("attempts"),
            func.sum(case((contact.outcome.in_(_SUCCESSFUL_OUTCOMES), 1), else_=0)).label(
                "successful"
            ),
        )
        .where(contact.contacted_at >= since, _in_scope(contact.case_id, case_ids))
        .group_by(contact.case_id)
        .subquery("recent_contacts")
    )
    # The newest contact of each case, found through (case_id, contacted_at) case by case: a
    # window over every contact sorted them all, most of the refresh after a first sync.
    newest_contact_id = (
        select(contact.id)
        .where(contact.case_id == loan_case.id)
        .order_by(contact.contacted_at.desc(), contact.id.desc())
        .limit(1)
        .correlate(loan_case)
        .scalar_subquery()
    )
    last_contact = models.Contact.__table__.alias("last_contact")
    broken = (
        select(promise.case_id, func.count().label("count"))
        .where(
            promise.status == vocabulary.PromiseStatus.BROKEN,
            _in_scope(promise.case_id, case_ids),
        )
        .group_by(promise.case_id)
        .subquery("broken_promises")
    )
    # The open promise that falls due first is the one the case list shows.
    ranked_open = (
        select(
            promise.case_id,
            promise.promised_date,
            promise.amount,
            func.row_number()
            .over(
                partition_by=promise.case_id,
                order_by=(promise.promised_date, promise.created_at, promise.id),
            )
            .label("rank"),
        )
        .where(
            promise.status == vocabulary.PromiseStatus.OPEN,
            _in_scope(promise.case_id, case_ids),
        )
        .subquery("ranked_open_promises")
    )
    open_promise = select(ranked_open).where(ranked_open.c.rank == 1).subquery("open_promise")
    next_visit = (
        select(visit.case_id, func.min(visit.planned_date).label("planned_date"))
        .where(
            visit.status == vocabulary.VisitStatus.PLANNED,
            visit.planned_date >= as_of,
            _in_scope(visit.case_id, case_ids),
        )
        .group_by(visit.case_id)
        .subquery("next_visit")
    )
    query = (
        select(
            loan_case.id,
            loan_case.due_date,
            loan_case.principal,
            loan_case.interest,
            loan_case.penalty,
            *(getattr(loan_case, name) for name in _SUMMARY_COLUMNS),
            last_payment.c.at,
            recent.c.attempts,
            recent.c.successful,
            last_contact.c.contacted_at,
            last_contact.c.outcome,
            last_contact.c.next_action_date,
            broken.c.count,
            open_promise.c.promised_date,
            open_promise.c.amount,
            next_visit.c.planned_date,
        )
        .outerjoin(last_payment, last_payment.c.case_id == loan_case.id)
        .outerjoin(recent, recent.c.case_id == loan_case.id)
        .join_from(loan_case, last_contact, last_contact.c.id == newest_contact_id, isouter=True)
        .outerjoin(broken, broken.c.case_id == loan_case.id)
        .outerjoin(open_promise, open_promise.c.case_id == loan_case.id)
        .outerjoin(next_visit, next_visit.c.case_id == loan_case.id)
        .where(_in_scope(loan_case.id, case_ids))
    )
    if not stored:
        return query
    return query.with_only_columns(
        *(
            type_coerce(column, NullType()).label(f"input_{position}")
            for position, column in enumerate(query.selected_columns)
        ),
        maintain_column_froms=True,
    )


class _StoredForm:
    """Reads and writes the summary inputs as SQLite stores them: dates as 'YYYY-MM-DD', UTC
    times as 'YYYY-MM-DD HH:MM:SS.ffffff', money as whole fen, ids as 32 hex digits.

    A first sync refreshes 10,000 cases: converting every value to Python and back took half
    of the refresh. Only what the risk score needs is parsed (each distinct date once); the
    rest is compared and written back as it was read. Both forms sort the same way, so the
    earliest next action is the smallest stored date.
    """

    stored = True

    @staticmethod
    @functools.lru_cache(maxsize=4096)
    def day(value: str | None) -> dt.date | None:
        return None if value is None else dt.date.fromisoformat(value)

    @staticmethod
    def day_of(moment: str) -> dt.date:
        return _StoredForm.day(moment[:10]) or dt.date.min

    @staticmethod
    def money(*fen: int) -> Decimal:
        return Decimal(sum(fen)).scaleb(-2)

    @staticmethod
    def case_id(value: str) -> uuid.UUID:
        return uuid.UUID(hex=value)

    @staticmethod
    def stored_id(value: uuid.UUID) -> str:
        return value.hex


class _PythonForm:
    """The summary inputs as SQLAlchemy converts them (any database other than SQLite)."""

    stored = False

    @staticmethod
    def day(value: dt.date | None) -> dt.date | None:
        return value

    @staticmethod
    def day_of(moment: dt.datetime) -> dt.date:
        return moment.date()

    @staticmethod
    def money(*amounts: Decimal) -> Decimal:
        return sum(amounts, Decimal("0"))

    @staticmethod
    def case_id(value: uuid.UUID) -> uuid.UUID:
        return value

    @staticmethod
    def stored_id(value: uuid.UUID) -> uuid.UUID:
        return value


def _write_summaries(
    session: Session,
    as_of: dt.date,
    case_ids: Sequence[uuid.UUID] | None,
    form: type[_StoredForm] | type[_PythonForm],
) -> set[Any]:
    """Write the new summary of every case in scope whose summary changed; returns their ids
    in `form` (not made into UUIDs: a first sync changes all 10,000).

    On SQLite the rows go to the driver as plain tuples in one executemany, in stored form.
    """
    changes = _summary_changes(session, as_of, case_ids, form)
    if not changes:
        return set()
    if form.stored:
        _write_stored(session, changes)
    else:
        session.execute(
            _UPDATE_SUMMARY,
            [
                {"case_id": case_id, **dict(zip(_SUMMARY_PARAMS, summary, strict=True))}
                for case_id, summary, _ in changes
            ],
        )
    return {case_id for case_id, _, _ in changes}


def _write_stored(session: Session, changes: Sequence[_Change]) -> None:
    """Write stored-form summaries on SQLite: one executemany of plain tuples per set of
    columns written.

    An indexed column (status, risk tier) is written only where it changed: SQLite rewrites
    the entries of every index on a column an UPDATE sets, changed or not, and a case's status
    seldom changes — writing it anyway doubled the cost of a first sync's 10,000 updates.
    """
    batches: dict[tuple[int, ...], list[tuple[Any, ...]]] = defaultdict(list)
    for case_id, summary, stored in changes:
        written = tuple(
            position
            for position, value in enumerate(summary)
            if position not in _INDEXED_SUMMARY or value != stored[position]
        )
        batches[written].append((*(summary[position] for position in written), case_id))
    connection = session.connection()
    for written, rows in batches.items():
        connection.exec_driver_sql(_update_stored_sql(written), rows)


@functools.cache
def _update_stored_sql(written: tuple[int, ...]) -> str:
    """The UPDATE of the summary columns at `written`, bound by position (see _StoredForm)."""
    columns = ", ".join(f"{_SUMMARY_COLUMNS[position]} = ?" for position in written)
    return f"UPDATE {_CASES.name} SET {columns} WHERE id = ?"


def _summary_changes(
    session: Session,
    as_of: dt.date,
    case_ids: Sequence[uuid.UUID] | None,
    form: type[_StoredForm] | type[_PythonForm],
) -> list[_Change]:
    """(case id, new summary, stored summary) of every case in scope whose summary differs
    from the stored one, all in `form`."""
    changes: list[_Change] = []
    stored_width = len(_SUMMARY_COLUMNS)
    query = _summary_inputs(as_of, case_ids, stored=form.stored)
    for row in session.execute(query):
        case_id, due_date, principal, interest, penalty = row[:5]
        stored = tuple(row[5 : 5 + stored_width])
        (
            last_payment_at,
            attempts,
            successful,
            last_contact_at,
            last_contact_outcome,
            contact_next_action,
            broken,
            promised_date,
            promised_amount,
            next_visit,
        ) = row[5 + stored_width :]
        assessment = risk.assess_risk(
            risk.RiskInputs(
                days_past_due=aging.days_past_due(form.day(due_date), as_of),
                outstanding=form.money(principal, interest, penalty),
                broken_promises=broken or 0,
                days_since_last_payment=(
                    (as_of - form.day_of(last_payment_at)).days if last_payment_at else None
                ),
                contact_attempts=attempts or 0,
                successful_contacts=successful or 0,
            )
        )
        next_actions = [
            day for day in (contact_next_action, promised_date, next_visit) if day is not None
        ]
        summary = (
            _status(stored[0], has_open_promise=promised_date is not None),
            assessment.score,
            assessment.tier.value,
            last_payment_at,
            last_contact_at,
            last_contact_outcome,
            min(next_actions) if next_actions else None,
            promised_date,
            promised_amount,
        )
        if summary != stored:
            changes.append((case_id, summary, stored))
    return changes


def _status(stored: str, *, has_open_promise: bool) -> str:
    if stored in _STATUSES_SET_BY_PEOPLE:
        return stored
    if has_open_promise:
        return vocabulary.CaseStatus.PROMISED.value
    return vocabulary.CaseStatus.OPEN.value
