"""Early warning on a small hand-built store: which cases warn, of what, since when, for how much,
and the reason in words — every expected figure worked out by hand in the comments."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from app.services.early_warning import EarlyWarning, EarlyWarningService, WarningKind
from app.services.workspace import STATE_USER_ID, Workspace
from app.store import models

AS_OF = dt.date(2026, 11, 23)


def day(month: int, number: int) -> dt.date:
    return dt.date(2026, month, number)


def at(month: int, number: int, hour: int = 3) -> dt.datetime:
    return dt.datetime(2026, month, number, hour, tzinfo=dt.UTC)


class Store:
    """Adds the hand-built rows; cases are numbered as their loan refs (CD-0001…)."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.collector = uuid.uuid4()
        self.case_ids: dict[int, uuid.UUID] = {}
        with workspace.session() as session:
            team = models.Team(id=uuid.uuid4(), name="成都外访一组")
            session.add(team)
            session.flush()
            lead = models.AppUser(
                username="li.na", display_name="李娜", role="lead", team_id=team.id
            )
            session.add(lead)
            session.add(
                models.AppUser(
                    id=self.collector,
                    username="zhang.wei",
                    display_name="张伟",
                    role="collector",
                    team_id=team.id,
                )
            )
            session.flush()
            lead_id = lead.id
        workspace.set_state(STATE_USER_ID, str(lead_id))

    def case(
        self,
        number: int,
        *,
        principal: str = "5000",
        due_date: dt.date | None = None,
        status: str = "open",
    ) -> uuid.UUID:
        case_id = uuid.uuid4()
        with self.workspace.session() as session:
            borrower = models.Borrower(
                id=uuid.uuid4(), full_name=f"借款人{number}", id_number=f"5101{number:014d}"
            )
            session.add(borrower)
            session.flush()
            session.add(
                models.LoanCase(
                    id=case_id,
                    loan_ref=f"CD-{number:04d}",
                    borrower_id=borrower.id,
                    principal=Decimal(principal),
                    due_date=due_date,
                    status=status,
                    assigned_to_id=self.collector,
                )
            )
        self.case_ids[number] = case_id
        return case_id

    def payment(self, number: int, paid_at: dt.datetime, amount: str) -> None:
        with self.workspace.session() as session:
            session.add(
                models.Payment(
                    case_id=self.case_ids[number],
                    paid_at=paid_at,
                    amount=Decimal(amount),
                    channel="bank_transfer",
                )
            )

    def promise(
        self, number: int, amount: str, promised: dt.date, created: dt.datetime, status: str
    ) -> None:
        with self.workspace.session() as session:
            session.add(
                models.PromiseToPay(
                    case_id=self.case_ids[number],
                    user_id=self.collector,
                    amount=Decimal(amount),
                    promised_date=promised,
                    created_at=created,
                    status=status,
                )
            )

    def plan(self, number: int, status: str, instalments: list[tuple[dt.date, str, str, str]]):
        with self.workspace.session() as session:
            plan = models.RepaymentPlan(
                id=uuid.uuid4(),
                case_id=self.case_ids[number],
                proposed_by_id=self.collector,
                status=status,
                principal=Decimal("4000"),
                interest=Decimal("0"),
                penalty=Decimal("0"),
                agreed_total=Decimal("4000"),
                frequency="monthly",
                instalment_count=len(instalments),
                first_due_date=instalments[0][0],
            )
            session.add(plan)
            session.flush()
            for seq, (due, amount, paid, state) in enumerate(instalments, start=1):
                session.add(
                    models.Instalment(
                        plan_id=plan.id,
                        seq=seq,
                        due_date=due,
                        amount=Decimal(amount),
                        paid_amount=Decimal(paid),
                        status=state,
                    )
                )

    def contact(self, number: int, contacted_at: dt.datetime, outcome: str) -> None:
        with self.workspace.session() as session:
            session.add(
                models.Contact(
                    case_id=self.case_ids[number],
                    user_id=self.collector,
                    channel="visit",
                    contacted_at=contacted_at,
                    outcome=outcome,
                )
            )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Workspace.open(tmp_path / "lead", create=True) as workspace:
        built = Store(workspace)
        # 1: promised 1,000 by 11-15 (made 11-10), 300 paid on 11-12; grace 3 days → its last
        #    day 11-18 has passed: broken. A later promise (11-21, last day 11-24) is not yet due,
        #    an earlier kept one is no warning.
        built.case(1)
        built.payment(1, at(11, 12), "300")
        built.promise(1, "1000", day(11, 15), at(11, 10), "open")
        built.promise(1, "400", day(11, 21), at(11, 18), "open")
        built.promise(1, "200", day(11, 1), at(10, 28), "kept")
        # 2: promised 500 by 11-16, paid 500 on 11-17 (inside the grace): kept, no warning.
        built.case(2)
        built.payment(2, at(11, 17), "500")
        built.promise(2, "500", day(11, 16), at(11, 10), "open")
        # 3: broken long ago (10-01), outside the 30-day window.
        built.case(3)
        built.promise(3, "800", day(10, 1), at(9, 20), "broken")
        # 4: active plan: 10-20 paid; 11-20 600 of 1,000 missing; 11-22 1,000 missing;
        #    12-20 not due yet → 2 instalments since 11-20, 1,600 missing.
        built.case(4)
        built.plan(
            4,
            "active",
            [
                (day(10, 20), "1000", "1000", "paid"),
                (day(11, 20), "1000", "400", "partially_paid"),
                (day(11, 22), "1000", "0", "due"),
                (day(12, 20), "1000", "0", "due"),
            ],
        )
        # 5: a cancelled plan's unpaid instalments warn of nothing.
        built.case(5)
        built.plan(5, "cancelled", [(day(11, 1), "4000", "0", "missed")])
        # 6: paid 08-01, 08-30, 09-28 (29 days apart each): regular; nothing for 56 days.
        built.case(6)
        for month, number, amount in ((8, 1, "700"), (8, 30, "700"), (9, 28, "650")):
            built.payment(6, at(month, number), amount)
        # 7: irregular (75 and 48 days apart): no warning although quiet for 83 days.
        built.case(7)
        for month, number in ((5, 1), (7, 15), (9, 1)):
            built.payment(7, at(month, number), "100")
        # 8: regular and last paid 11-09 (14 days): fine.
        built.case(8)
        for month, number in ((9, 10), (10, 10), (11, 9)):
            built.payment(8, at(month, number), "100")
        # 9: settled: no warning of any kind.
        built.case(9, status="settled")
        for month, number in ((7, 1), (7, 30), (8, 28)):
            built.payment(9, at(month, number), "100")
        # 10: due 10-19: 28 days past due a week ago (5 points), 35 now (15). Never paid (15),
        #     60,000 outstanding (10), no contact (5): 35 (C) then, 45 (B) now.
        built.case(10, principal="60000", due_date=day(10, 19))
        # 11: due 08-01 (107 → 114 days: 35 points both), 60,000 (10), never paid (15); no
        #     contact a week ago (5) → 65 (B); three unanswered visits since (10) → 70 (A).
        built.case(11, principal="60000", due_date=day(8, 1))
        for number in (18, 19, 20):
            built.contact(11, at(11, number), "not_home")
        yield built


def summary(found: list[EarlyWarning]) -> list[tuple[str, str, Decimal, dt.date]]:
    return [(w.kind.value, w.loan_ref, w.amount, w.since) for w in found]


def test_each_kind_of_warning_is_found_with_its_amount_and_since(store: Store) -> None:
    found = EarlyWarningService(store.workspace).warnings(AS_OF)

    assert summary(found) == [
        ("broken_promise", "CD-0001", Decimal("1000.00"), day(11, 15)),
        ("missed_instalment", "CD-0004", Decimal("1600.00"), day(11, 20)),
        ("payments_stopped", "CD-0006", Decimal("650.00"), day(9, 28)),
        ("tier_rise", "CD-0010", Decimal("60000.00"), day(11, 16)),
        ("tier_rise", "CD-0011", Decimal("60000.00"), day(11, 16)),
    ]
    assert {w.collector_name for w in found} == {"张伟"}
    assert found[0].borrower_name == "借款人1"
    assert found[0].case_id == store.case_ids[1]


def test_the_reasons_read_in_english_and_chinese(store: Store) -> None:
    found = {w.loan_ref: w for w in EarlyWarningService(store.workspace).warnings(AS_OF)}

    assert found["CD-0001"].text("en") == (
        "promised to pay 1,000.00 yuan by 2026-11-15; 300.00 yuan paid, not kept"
    )
    assert found["CD-0001"].text("zh_CN") == (
        "承诺于2026-11-15前还款1,000.00元，已还300.00元，承诺未兑现"
    )
    assert found["CD-0004"].text("en") == (
        "2 instalment(s) of the repayment plan due since 2026-11-20 not paid: 1,600.00 yuan missing"
    )
    assert found["CD-0006"].text("zh_CN") == (
        "此前按期还款（3次，间隔不超过35天），自2026-09-28起已56天未还款"
    )
    assert found["CD-0010"].text("en") == (
        "risk tier rose from C to B in a week: 35 days past due (+15)"
    )
    assert found["CD-0011"].text("en") == (
        "risk tier rose from B to A in a week: reached nobody in 3 attempts in 30 days (+10)"
    )
    assert found["CD-0011"].text("zh_CN") == (
        "风险等级一周内由B升至A：30天内3次联系均未联系到人 (+10)"
    )


def test_payments_stop_counting_from_the_set_number_of_days(store: Store) -> None:
    # CD-0006 last paid 56 days before: a 56-day threshold still warns, 57 does not.
    at_56 = EarlyWarningService(store.workspace, stopped_after_days=56).warnings(AS_OF)
    at_57 = EarlyWarningService(store.workspace, stopped_after_days=57).warnings(AS_OF)

    assert [w.loan_ref for w in at_56 if w.kind is WarningKind.PAYMENTS_STOPPED] == ["CD-0006"]
    assert [w.loan_ref for w in at_57 if w.kind is WarningKind.PAYMENTS_STOPPED] == []


def test_a_promise_is_broken_only_after_its_grace_days(store: Store) -> None:
    # CD-0001's promise of 11-15 with 8 days of grace lasts until 11-23: not broken on 11-23.
    found = EarlyWarningService(store.workspace, promise_grace_days=8).warnings(AS_OF)

    assert [w.loan_ref for w in found if w.kind is WarningKind.BROKEN_PROMISE] == []
