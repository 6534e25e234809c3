"""Case summaries and promise settlement, recomputed from facts in a real SQLite store."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select

from app.services import case_summary, cases
from app.services.workspace import Workspace
from app.store import models
from app.store.local_models import OutboxEntry

AS_OF = dt.date(2026, 11, 22)


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), dt.UTC)


class Book:
    """A collector's store with helpers that write facts the way the services record them."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.collector_id = uuid.uuid4()
        with workspace.session() as session:
            session.add(
                models.AppUser(
                    id=self.collector_id,
                    username="zhang.wei",
                    display_name="张伟",
                    role="collector",
                )
            )

    def case(
        self,
        *,
        days_past_due: int = 70,
        principal: str = "12000.00",
        status: str = "open",
        as_of: dt.date = AS_OF,
    ) -> uuid.UUID:
        case_id, borrower_id = uuid.uuid4(), uuid.uuid4()
        with self.workspace.session() as session:
            session.add(models.Borrower(id=borrower_id, full_name="王芳", id_number="x"))
            session.add(
                models.LoanCase(
                    id=case_id,
                    loan_ref=f"CD-{case_id.hex[:8]}",
                    borrower_id=borrower_id,
                    principal=Decimal(principal),
                    due_date=as_of - dt.timedelta(days=days_past_due),
                    status=status,
                    assigned_to_id=self.collector_id,
                )
            )
        return case_id

    def payment(self, case_id: uuid.UUID, at: dt.datetime, amount: str) -> None:
        with self.workspace.session() as session:
            session.add(
                models.Payment(
                    id=uuid.uuid4(),
                    case_id=case_id,
                    paid_at=at,
                    amount=Decimal(amount),
                    channel="bank_transfer",
                )
            )

    def contact(
        self,
        case_id: uuid.UUID,
        at: dt.datetime,
        outcome: str,
        next_action_date: dt.date | None = None,
    ) -> uuid.UUID:
        contact_id = uuid.uuid4()
        with self.workspace.session() as session:
            session.add(
                models.Contact(
                    id=contact_id,
                    case_id=case_id,
                    user_id=self.collector_id,
                    channel="phone",
                    contacted_at=at,
                    outcome=outcome,
                    next_action_date=next_action_date,
                )
            )
        return contact_id

    def promise(
        self, case_id: uuid.UUID, made_at: dt.datetime, promised_date: dt.date, amount: str
    ) -> uuid.UUID:
        contact_id = self.contact(case_id, made_at, "promised_to_pay")
        promise_id = uuid.uuid4()
        with self.workspace.session() as session:
            session.add(
                models.PromiseToPay(
                    id=promise_id,
                    case_id=case_id,
                    contact_id=contact_id,
                    user_id=self.collector_id,
                    amount=Decimal(amount),
                    promised_date=promised_date,
                    created_at=made_at,
                )
            )
        return promise_id

    def refresh(self, as_of: dt.date = AS_OF, **options: object) -> int:
        with self.workspace.session() as session:
            return case_summary.refresh_case_summaries(session, as_of, **options)  # type: ignore[arg-type]

    def loan_case(self, case_id: uuid.UUID) -> models.LoanCase:
        with self.workspace.session() as session:
            return session.get_one(models.LoanCase, case_id)

    def promise_row(self, promise_id: uuid.UUID) -> models.PromiseToPay:
        with self.workspace.session() as session:
            return session.get_one(models.PromiseToPay, promise_id)


@pytest.fixture
def book(tmp_path: Path) -> Iterator[Book]:
    with Workspace.open(tmp_path / "ws", create=True) as workspace:
        yield Book(workspace)


def test_a_promise_paid_in_full_within_the_grace_days_is_kept(book: Book) -> None:
    case_id = book.case()
    promise_id = book.promise(case_id, _at(dt.date(2026, 11, 1)), dt.date(2026, 11, 10), "1000")
    book.payment(case_id, _at(dt.date(2026, 11, 9)), "600.00")
    book.payment(case_id, _at(dt.date(2026, 11, 13), 23), "400.00")  # last hour of the grace

    book.refresh()

    promise = book.promise_row(promise_id)
    assert (promise.status, promise.settled_at) == ("kept", _at(dt.date(2026, 11, 13), 23))
    case = book.loan_case(case_id)
    assert (case.status, case.promised_date, case.promised_amount) == ("open", None, None)
    assert case.last_payment_at == _at(dt.date(2026, 11, 13), 23)


def test_a_promise_short_when_the_grace_days_end_is_broken(book: Book) -> None:
    late = book.case()
    late_promise = book.promise(late, _at(dt.date(2026, 11, 1)), dt.date(2026, 11, 10), "1000")
    book.payment(late, _at(dt.date(2026, 11, 9)), "600.00")
    book.payment(late, _at(dt.date(2026, 11, 14), 0), "400.00")  # a day after the grace
    early = book.case()
    early_promise = book.promise(early, _at(dt.date(2026, 11, 1)), dt.date(2026, 11, 10), "1000")
    book.payment(early, _at(dt.date(2026, 10, 31)), "1000.00")  # before the promise was made

    book.refresh()

    for promise_id in (late_promise, early_promise):
        promise = book.promise_row(promise_id)
        # Settled when the grace ran out: the end of 10 November + 3 days.
        assert (promise.status, promise.settled_at) == ("broken", _at(dt.date(2026, 11, 14), 0))


def test_an_open_promise_puts_the_case_in_promised_until_payments_cover_it(book: Book) -> None:
    case_id = book.case()
    promise_id = book.promise(case_id, _at(dt.date(2026, 11, 18)), dt.date(2026, 11, 20), "800")

    book.refresh()

    case = book.loan_case(case_id)
    assert book.promise_row(promise_id).status == "open"
    assert (case.status, case.promised_date, case.promised_amount) == (
        "promised",
        dt.date(2026, 11, 20),
        Decimal("800.00"),
    )
    assert case.next_action_date == dt.date(2026, 11, 20)

    book.payment(case_id, _at(dt.date(2026, 11, 21)), "800.00")
    assert book.refresh() == 1

    assert book.promise_row(promise_id).status == "kept"
    assert book.loan_case(case_id).status == "open"


def test_a_shorter_grace_breaks_a_promise_sooner(book: Book) -> None:
    case_id = book.case()
    promise_id = book.promise(case_id, _at(dt.date(2026, 11, 18)), dt.date(2026, 11, 20), "800")

    book.refresh(promise_grace_days=1)

    assert book.promise_row(promise_id).status == "broken"
    assert book.loan_case(case_id).status == "open"


def test_statuses_people_set_are_kept_whatever_the_promises(book: Book) -> None:
    disputed = book.case(status="disputed")
    book.promise(disputed, _at(dt.date(2026, 11, 18)), dt.date(2026, 11, 25), "500")
    in_plan = book.case(status="in_plan")

    book.refresh()

    assert book.loan_case(disputed).status == "disputed"
    assert book.loan_case(disputed).promised_date == dt.date(2026, 11, 25)
    assert book.loan_case(in_plan).status == "in_plan"


def test_a_broken_promise_raises_the_risk_tier(book: Book) -> None:
    # 61–90 days past due (25) + 12,000 yuan (5) + last payment 31–90 days ago (5) = 35: C.
    case_id = book.case(days_past_due=70)
    book.payment(case_id, _at(AS_OF - dt.timedelta(days=40)), "300.00")
    book.promise(case_id, _at(AS_OF - dt.timedelta(days=10)), AS_OF - dt.timedelta(days=2), "900")

    book.refresh()
    before = book.loan_case(case_id)
    assert (before.risk_score, before.risk_tier, before.status) == (35, "C", "promised")

    five_days_later = AS_OF + dt.timedelta(days=5)
    book.refresh(five_days_later)

    after = book.loan_case(case_id)
    assert (after.risk_score, after.risk_tier, after.status) == (45, "B", "open")
    detail = cases.CaseService(book.workspace).detail(case_id, as_of=five_days_later)
    assert (detail.risk.score, detail.risk.tier.value) == (after.risk_score, after.risk_tier)
    assert "broken_promises" in {reason.code for reason in detail.risk.reasons}


def test_the_last_contact_columns_follow_the_newest_contact(book: Book) -> None:
    case_id = book.case()
    book.contact(case_id, _at(AS_OF - dt.timedelta(days=9)), "met_borrower", AS_OF)
    book.contact(
        case_id, _at(AS_OF - dt.timedelta(days=2), 14), "not_home", AS_OF + dt.timedelta(days=2)
    )
    book.contact(case_id, _at(AS_OF - dt.timedelta(days=5)), "refused")

    book.refresh()

    case = book.loan_case(case_id)
    assert (case.last_contact_at, case.last_contact_outcome) == (
        _at(AS_OF - dt.timedelta(days=2), 14),
        "not_home",
    )
    # The next action is the one the newest contact set, not an older one.
    assert case.next_action_date == AS_OF + dt.timedelta(days=2)
    # Three attempts in 30 days, one reached someone: no contact-failure points.
    detail = cases.CaseService(book.workspace).detail(case_id, as_of=AS_OF)
    assert detail.risk.score == case.risk_score


def test_a_planned_visit_brings_the_next_action_forward(book: Book) -> None:
    case_id = book.case()
    book.contact(case_id, _at(AS_OF - dt.timedelta(days=1)), "not_home", AS_OF + dt.timedelta(5))
    with book.workspace.session() as session:
        session.add(
            models.Visit(
                id=uuid.uuid4(),
                case_id=case_id,
                user_id=book.collector_id,
                planned_date=AS_OF + dt.timedelta(days=1),
            )
        )

    book.refresh()

    assert book.loan_case(case_id).next_action_date == AS_OF + dt.timedelta(days=1)


def test_case_ids_limit_the_refresh_to_those_cases(book: Book) -> None:
    chosen, other = book.case(), book.case()
    chosen_promise = book.promise(chosen, _at(dt.date(2026, 11, 1)), dt.date(2026, 11, 5), "500")
    other_promise = book.promise(other, _at(dt.date(2026, 11, 1)), dt.date(2026, 11, 5), "500")

    assert book.refresh(case_ids=[chosen]) == 1

    assert book.promise_row(chosen_promise).status == "broken"
    assert book.loan_case(chosen).last_contact_outcome == "promised_to_pay"
    assert book.promise_row(other_promise).status == "open"
    assert book.loan_case(other).last_contact_outcome is None
    assert book.refresh(case_ids=[]) == 0


def test_a_long_list_of_case_ids_is_refreshed_in_full(book: Book) -> None:
    borrower_id = uuid.uuid4()
    case_ids = [uuid.uuid4() for _ in range(1201)]
    with book.workspace.session() as session:
        session.add(models.Borrower(id=borrower_id, full_name="李娜", id_number="x"))
        session.execute(
            insert(models.LoanCase),
            [
                {
                    "id": case_id,
                    "loan_ref": f"CD-{number:05d}",
                    "borrower_id": borrower_id,
                    "due_date": AS_OF - dt.timedelta(days=200),
                }
                for number, case_id in enumerate(case_ids)
            ],
        )

    assert book.refresh(case_ids=case_ids) == len(case_ids)

    with book.workspace.session() as session:
        tiers = session.execute(
            select(models.LoanCase.risk_tier, func.count()).group_by(models.LoanCase.risk_tier)
        ).all()
    # 180+ days (45) + never paid (15) + no contact (5) = 65: B for every case.
    assert tiers == [("B", len(case_ids))]


def test_a_second_refresh_changes_nothing_and_nothing_is_queued_for_sync(book: Book) -> None:
    case_id = book.case()
    book.promise(case_id, _at(dt.date(2026, 11, 1)), dt.date(2026, 11, 5), "500")
    book.payment(case_id, _at(dt.date(2026, 11, 3)), "200.00")

    assert book.refresh() == 1
    assert book.refresh() == 0

    with book.workspace.session() as session:
        assert session.scalar(select(func.count()).select_from(OutboxEntry)) == 0


def test_rows_already_loaded_in_the_session_see_the_new_summary(book: Book) -> None:
    case_id = book.case()
    promise_id = book.promise(case_id, _at(dt.date(2026, 11, 1)), dt.date(2026, 11, 5), "500")
    with book.workspace.session() as session:
        case = session.get_one(models.LoanCase, case_id)
        promise = session.get_one(models.PromiseToPay, promise_id)
        assert (case.last_contact_outcome, promise.status) == (None, "open")

        case_summary.refresh_case_summaries(session, AS_OF)

        assert (case.last_contact_outcome, promise.status) == ("promised_to_pay", "broken")


def test_the_stored_form_refresh_computes_what_the_python_form_does(book: Book) -> None:
    """SQLite's refresh reads and writes values as stored (fen, ISO text); decoded, every new
    summary is the one computed from Python values (the path other databases take)."""
    kept = book.case(days_past_due=12, principal="800.50")
    book.promise(kept, _at(dt.date(2026, 11, 1)), dt.date(2026, 11, 5), "500")
    book.payment(kept, _at(dt.date(2026, 11, 3)), "500.00")
    promised = book.case(days_past_due=200, principal="99999.99")
    book.promise(promised, _at(dt.date(2026, 11, 18)), dt.date(2026, 11, 25), "300")
    tied = book.case(days_past_due=35)
    book.contact(tied, _at(dt.date(2026, 11, 10), 9), "no_answer", dt.date(2026, 11, 24))
    book.contact(tied, _at(dt.date(2026, 11, 10), 9), "wrong_number", dt.date(2026, 11, 26))
    book.payment(tied, _at(dt.date(2026, 10, 1), 23), "120.00")
    book.case(days_past_due=0, status="disputed")
    book.case(days_past_due=400, principal="0.01")
    paid_30_days_ago = book.case(days_past_due=45)  # 30 days: no 'no recent payment' points
    book.payment(paid_30_days_ago, _at(dt.date(2026, 10, 23), 23), "50.00")

    with book.workspace.session() as session:
        dialect = session.get_bind().dialect
        stored = case_summary._summary_changes(session, AS_OF, None, case_summary._StoredForm)
        python = case_summary._summary_changes(session, AS_OF, None, case_summary._PythonForm)

    def decoded(summary: tuple[object, ...]) -> tuple[object, ...]:
        values = []
        for name, value in zip(case_summary._SUMMARY_COLUMNS, summary, strict=True):
            kind = models.LoanCase.__table__.c[name].type.dialect_impl(dialect)
            process = kind.result_processor(dialect, None)
            values.append(process(value) if process is not None and value is not None else value)
        return tuple(values)

    assert len(python) == 6
    assert {
        case_summary._StoredForm.case_id(case_id): decoded(summary)
        for case_id, summary, _ in stored
    } == {case_id: summary for case_id, summary, _ in python}


def test_one_refresh_writes_each_case_whatever_changed_in_it(book: Book) -> None:
    """In one refresh, cases whose status, tier or only other columns change are all written
    (SQLite's write leaves an indexed column out where it did not change), and nothing is
    left to change afterwards."""
    # Status and tier change: an open promise (promised); 200 days past due, never paid: B.
    promised = book.case(days_past_due=200)
    book.promise(promised, _at(dt.date(2026, 11, 18)), dt.date(2026, 11, 25), "300")
    # Only the tier (and score) changes: 70 days, 12,000 yuan, never paid, no contact = 50: B.
    tier_only = book.case(days_past_due=70)
    # Neither status nor tier nor score changes (12,000 yuan, no contact = 10: D); only the
    # last payment moves.
    payment_only = book.case(days_past_due=0)
    book.payment(payment_only, _at(AS_OF - dt.timedelta(days=1)), "10.00")
    with book.workspace.session() as session:
        session.execute(
            models.LoanCase.__table__.update()
            .where(models.LoanCase.id == payment_only)
            .values(risk_score=10, risk_tier="D")
        )
    # A status people set stays while its tier changes (as the promised case's, plus 5 for no
    # contact = 70: A).
    disputed = book.case(days_past_due=200, status="disputed")

    assert book.refresh() == 4

    summaries = {
        case_id: (case.status, case.risk_tier, case.risk_score, case.last_payment_at)
        for case_id in (promised, tier_only, payment_only, disputed)
        for case in [book.loan_case(case_id)]
    }
    assert summaries == {
        promised: ("promised", "B", 65, None),
        tier_only: ("open", "B", 50, None),
        payment_only: ("open", "D", 10, _at(AS_OF - dt.timedelta(days=1))),
        disputed: ("disputed", "A", 70, None),
    }
    with book.workspace.session() as session:
        assert case_summary._summary_changes(session, AS_OF, None, case_summary._PythonForm) == []
    assert book.refresh() == 0


def test_a_refresh_of_every_case_gives_the_connection_its_page_cache_back(book: Book) -> None:
    book.case()
    with book.workspace.session() as session:
        before = session.connection().exec_driver_sql("PRAGMA cache_size").scalar_one()
        case_summary.refresh_case_summaries(session, AS_OF)
        after = session.connection().exec_driver_sql("PRAGMA cache_size").scalar_one()
    assert after == before
    assert before != -case_summary._WHOLE_REFRESH_CACHE_KIB
