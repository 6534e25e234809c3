"""Visits and contacts: check-in/out order, promises, contact rules, outbox and durability."""

from __future__ import annotations

import datetime as dt
import uuid
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from app import errors, settings
from app.domain.compliance import ViolationCode
from app.services import visits
from app.services.workspace import STATE_USER_ID, Workspace
from app.store import models
from app.store.local_models import OutboxEntry

DAY = dt.date(2026, 11, 23)
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


def _shanghai(hour: int, minute: int = 0, day: dt.date = DAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), SHANGHAI)


@dataclass(frozen=True)
class Portfolio:
    """Ids of the hand-made rows: two loans of one Chengdu borrower, one New York borrower."""

    collector_id: uuid.UUID
    case_id: uuid.UUID
    second_case_id: uuid.UUID
    phone_id: uuid.UUID
    address_id: uuid.UUID
    office_address_id: uuid.UUID
    us_case_id: uuid.UUID


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "ws"


@pytest.fixture
def workspace(folder: Path) -> Iterator[Workspace]:
    with Workspace.open(folder, create=True) as opened:
        yield opened


@pytest.fixture
def portfolio(workspace: Workspace) -> Portfolio:
    collector = models.AppUser(
        id=uuid.uuid4(), username="zhang.wei", display_name="张伟", role="collector"
    )
    borrower = models.Borrower(id=uuid.uuid4(), full_name="李娜", id_number="510104199001011234")
    phone = models.BorrowerPhone(
        id=uuid.uuid4(), borrower_id=borrower.id, number="13800138000", is_primary=True
    )
    home = models.BorrowerAddress(
        id=uuid.uuid4(),
        borrower_id=borrower.id,
        address_text="成都市武侯区科华北路65号",
        lat=30.63,
        lon=104.08,
        timezone="Asia/Shanghai",
        is_primary=True,
    )
    office = models.BorrowerAddress(
        id=uuid.uuid4(),
        borrower_id=borrower.id,
        kind="work",
        address_text="成都市锦江区红星路三段1号",
        timezone="Asia/Shanghai",
    )
    cases = [
        models.LoanCase(
            id=uuid.uuid4(),
            loan_ref=ref,
            borrower_id=borrower.id,
            principal=Decimal("5000.00"),
            due_date=dt.date(2026, 9, 1),
            assigned_to_id=collector.id,
        )
        for ref in ("CD-001", "CD-002")
    ]
    us_borrower = models.Borrower(id=uuid.uuid4(), full_name="John Doe", id_number="123456789")
    us_address = models.BorrowerAddress(
        id=uuid.uuid4(),
        borrower_id=us_borrower.id,
        address_text="1 Main St, Albany NY",
        timezone="America/New_York",
        is_primary=True,
    )
    us_case = models.LoanCase(
        id=uuid.uuid4(), loan_ref="NY-001", borrower_id=us_borrower.id, currency="USD"
    )
    with workspace.session() as session:
        session.add_all([collector, borrower, phone, home, office, *cases])
        session.add_all([us_borrower, us_address, us_case])
    workspace.set_state(STATE_USER_ID, str(collector.id))
    return Portfolio(
        collector.id, cases[0].id, cases[1].id, phone.id, home.id, office.id, us_case.id
    )


def _service(workspace: Workspace, **options: object) -> visits.VisitService:
    """The service with "today" fixed on the day of the tests' visits."""
    return visits.VisitService(workspace, current_date=lambda: DAY, **options)  # type: ignore[arg-type]


def _outbox(workspace: Workspace) -> list[tuple[str, str]]:
    with workspace.session() as session:
        entries = session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)).all()
        return [(entry.table_name, entry.operation) for entry in entries]


def _contacts(workspace: Workspace) -> list[models.Contact]:
    with workspace.session() as session:
        return list(session.scalars(select(models.Contact).order_by(models.Contact.contacted_at)))


def _case(workspace: Workspace, case_id: uuid.UUID) -> models.LoanCase:
    with workspace.session() as session:
        return session.get_one(models.LoanCase, case_id)


def test_a_planned_visit_keeps_its_window_in_utc_and_the_places_zone(
    workspace: Workspace, portfolio: Portfolio
) -> None:
    service = _service(workspace)
    visit_id = service.plan_visit(portfolio.case_id, DAY, dt.time(14), dt.time(16))
    with workspace.session() as session:
        visit = session.get_one(models.Visit, visit_id)
    assert visit.address_id == portfolio.address_id  # the primary address
    assert visit.place_timezone == "Asia/Shanghai"
    assert (visit.window_start, visit.window_end) == (
        dt.datetime(2026, 11, 23, 6, tzinfo=dt.UTC),
        dt.datetime(2026, 11, 23, 8, tzinfo=dt.UTC),
    )
    assert visit.status == "planned"
    assert _outbox(workspace) == [("visit", "insert")]


def test_today_lists_the_owners_visits_in_route_order_then_by_window(
    workspace: Workspace, portfolio: Portfolio
) -> None:
    service = _service(workspace)
    late = service.plan_visit(portfolio.case_id, DAY, dt.time(15), dt.time(17))
    early = service.plan_visit(
        portfolio.second_case_id, DAY, dt.time(9), dt.time(10), portfolio.office_address_id
    )
    routed = service.plan_visit(portfolio.case_id, DAY, dt.time(18), dt.time(19), route_order=1)
    cancelled = service.plan_visit(portfolio.case_id, DAY, dt.time(8), dt.time(9))
    service.plan_visit(portfolio.case_id, DAY + dt.timedelta(days=1), dt.time(9), dt.time(10))
    service.cancel(cancelled)
    service.check_in(early, _shanghai(9, 5), lat=30.65, lon=104.09, place="红星路")

    today = service.today(DAY)
    assert [row.visit_id for row in today] == [routed, early, late]
    first = today[1]
    assert (first.loan_ref, first.borrower_name) == ("CD-002", "李娜")
    assert first.address_text == "成都市锦江区红星路三段1号"
    assert first.status == "checked_in"
    assert first.check_in_at == dt.datetime(2026, 11, 23, 1, 5, tzinfo=dt.UTC)
    assert first.check_out_at is None
    assert first.window_start == dt.datetime(2026, 11, 23, 1, tzinfo=dt.UTC)
    assert first.timezone == "Asia/Shanghai"
    assert cancelled in [row.visit_id for row in service.today(DAY, include_cancelled=True)]


def test_the_whole_visit_is_written_and_queued_step_by_step(
    workspace: Workspace, portfolio: Portfolio
) -> None:
    service = _service(workspace)
    visit_id = service.plan_visit(portfolio.case_id, DAY, dt.time(14), dt.time(16))
    verdict = service.check_in(visit_id, _shanghai(14, 10), lat=30.631, lon=104.081)
    assert verdict.allowed
    contact_id = service.record_outcome(
        visit_id,
        "promised_to_pay",
        person_met="李娜",
        notes="答应月底前还款",
        next_action_date=dt.date(2026, 11, 30),
        promise_amount=Decimal("1500.00"),
        promise_date=dt.date(2026, 11, 30),
    )
    service.check_out(visit_id, _shanghai(14, 40), lat=30.631, lon=104.081)

    assert _outbox(workspace) == [
        ("visit", "insert"),
        ("visit", "update"),
        ("contact", "insert"),
        ("promise_to_pay", "insert"),
        ("visit", "update"),
    ]
    with workspace.session() as session:
        visit = session.get_one(models.Visit, visit_id)
        contact = session.get_one(models.Contact, contact_id)
        promise = session.scalars(select(models.PromiseToPay)).one()
        promise_payload = session.scalars(
            select(OutboxEntry.payload).where(OutboxEntry.table_name == "promise_to_pay")
        ).one()
    assert visit.status == "completed"
    assert visit.check_out_at == dt.datetime(2026, 11, 23, 6, 40, tzinfo=dt.UTC)
    assert (contact.channel, contact.outcome, contact.visit_id) == (
        "visit",
        "promised_to_pay",
        visit_id,
    )
    assert contact.contacted_at == visit.check_in_at  # the outcome is dated by the check-in
    assert contact.address_id == portfolio.address_id
    assert (promise.amount, promise.promised_date, promise.contact_id) == (
        Decimal("1500.00"),
        dt.date(2026, 11, 30),
        contact_id,
    )
    assert promise_payload["amount"] == "1500.00"
    case = _case(workspace, portfolio.case_id)
    assert case.status == "promised"
    assert (case.promised_amount, case.promised_date) == (Decimal("1500.00"), dt.date(2026, 11, 30))
    assert (case.last_contact_at, case.last_contact_outcome) == (
        contact.contacted_at,
        "promised_to_pay",
    )
    assert case.next_action_date == dt.date(2026, 11, 30)


def test_the_case_summary_follows_the_planned_visits(
    workspace: Workspace, portfolio: Portfolio
) -> None:
    service = _service(workspace)
    tomorrow = DAY + dt.timedelta(days=1)
    visit_id = service.plan_visit(portfolio.case_id, tomorrow, dt.time(9), dt.time(10))
    assert _case(workspace, portfolio.case_id).next_action_date == tomorrow
    service.cancel(visit_id)
    assert _case(workspace, portfolio.case_id).next_action_date is None
    # Summaries are derived on each side, so only the visit's own rows are queued.
    assert _outbox(workspace) == [("visit", "insert"), ("visit", "update")]


def test_the_visit_steps_must_come_in_order(workspace: Workspace, portfolio: Portfolio) -> None:
    service = _service(workspace)
    visit_id = service.plan_visit(portfolio.case_id, DAY, dt.time(14), dt.time(16))
    with pytest.raises(visits.VisitStateError) as refused:
        service.check_out(visit_id, _shanghai(15))
    assert refused.value.code == "visit_not_checked_in"
    with pytest.raises(visits.VisitStateError) as refused:
        service.record_outcome(visit_id, "met_borrower")
    assert refused.value.code == "visit_not_checked_in"

    service.check_in(visit_id, _shanghai(14))
    with pytest.raises(visits.VisitStateError) as refused:
        service.check_in(visit_id, _shanghai(14, 5))
    assert (refused.value.code, refused.value.params["status"]) == (
        "visit_not_planned",
        "checked_in",
    )
    with pytest.raises(visits.VisitStateError) as refused:
        service.check_out(visit_id, _shanghai(13, 59))
    assert refused.value.code == "check_out_before_check_in"
    with pytest.raises(visits.VisitStateError):
        service.cancel(visit_id)

    service.check_out(visit_id, _shanghai(14))  # leaving the minute one arrives is allowed
    with pytest.raises(visits.VisitStateError):
        service.check_out(visit_id, _shanghai(14, 30))
    assert _outbox(workspace) == [("visit", "insert"), ("visit", "update"), ("visit", "update")]


def test_a_contact_during_a_visit_must_belong_to_its_case_and_be_a_visit(
    workspace: Workspace, portfolio: Portfolio
) -> None:
    service = _service(workspace)
    visit_id = service.plan_visit(portfolio.case_id, DAY, dt.time(14), dt.time(16))
    service.check_in(visit_id, _shanghai(14))
    with pytest.raises(visits.ContactInputError) as refused:
        service.record_contact(
            portfolio.second_case_id, "visit", "met_borrower", _shanghai(14), visit_id=visit_id
        )
    assert refused.value.code == "visit_of_another_case"
    with pytest.raises(visits.ContactInputError) as refused:
        service.record_contact(
            portfolio.case_id,
            "phone",
            "met_borrower",
            _shanghai(14),
            visit_id=visit_id,
            phone_id=portfolio.phone_id,
        )
    assert refused.value.code == "channel_mismatch"


def test_a_visit_at_23_00_in_shanghai_is_refused_without_consent_and_nothing_is_written(
    workspace: Workspace, portfolio: Portfolio
) -> None:
    service = _service(workspace)
    with pytest.raises(visits.ContactRefusedError) as refused:
        service.record_contact(portfolio.case_id, "visit", "met_borrower", _shanghai(23))
    verdict = refused.value.verdict
    assert [violation.code for violation in verdict.refusals] == [
        ViolationCode.OUTSIDE_CONTACT_HOURS
    ]
    assert verdict.consent_would_allow
    assert isinstance(refused.value, errors.KnownError)
    assert _contacts(workspace) == []
    assert _outbox(workspace) == []

    contact_id = service.record_contact(
        portfolio.case_id,
        "visit",
        "met_borrower",
        _shanghai(23),
        consent_reason=" 借款人要求下班后来访 ",
    )
    (contact,) = _contacts(workspace)
    assert contact.id == contact_id
    assert contact.consent_reason == "借款人要求下班后来访"


def test_a_late_check_in_is_recorded_with_a_warning_and_its_outcome_needs_consent(
    workspace: Workspace, portfolio: Portfolio
) -> None:
    service = _service(workspace)
    visit_id = service.plan_visit(portfolio.case_id, DAY, dt.time(21), dt.time(22, 30))
    verdict = service.check_in(visit_id, _shanghai(22, 30), place="小区门口")
    assert verdict.blocked and verdict.consent_would_allow
    with pytest.raises(visits.ContactRefusedError):
        service.record_outcome(visit_id, "met_borrower")
    service.record_outcome(visit_id, "met_borrower", consent_reason="借款人约定22:30见面")
    service.check_out(visit_id, _shanghai(22, 50))
    assert [row.status for row in service.today(DAY)] == ["completed"]


def _call(
    service: visits.VisitService,
    portfolio: Portfolio,
    at: dt.datetime,
    case_id: uuid.UUID | None = None,
    outcome: str = "not_home",
    consent_reason: str | None = None,
) -> uuid.UUID:
    return service.record_contact(
        case_id or portfolio.case_id,
        "phone",
        outcome,
        at,
        phone_id=portfolio.phone_id,
        consent_reason=consent_reason,
    )


def test_the_seventh_unanswered_call_to_one_number_in_a_day_is_refused(
    workspace: Workspace, portfolio: Portfolio
) -> None:
    service = _service(workspace)
    # Six unanswered calls to the same number, about either of the borrower's two loans.
    for hour in range(9, 15):
        case_id = portfolio.case_id if hour % 2 else portfolio.second_case_id
        _call(service, portfolio, _shanghai(hour), case_id)
    with pytest.raises(visits.ContactRefusedError) as refused:
        _call(service, portfolio, _shanghai(16), consent_reason="借款人同意")
    (violation,) = refused.value.verdict.refusals
    assert violation.code is ViolationCode.UNANSWERED_CALLS_PER_DAY
    assert not refused.value.verdict.consent_would_allow
    assert len(_contacts(workspace)) == 6
    # The borrower's next day starts at midnight in Shanghai.
    _call(service, portfolio, _shanghai(8, day=DAY + dt.timedelta(days=1)))


def test_answered_calls_do_not_count_toward_the_unanswered_cap(
    workspace: Workspace, portfolio: Portfolio
) -> None:
    service = _service(workspace)
    for hour in range(9, 15):
        _call(service, portfolio, _shanghai(hour), outcome="refused")
    _call(service, portfolio, _shanghai(16))
    assert len(_contacts(workspace)) == 7


def test_a_phone_call_must_name_the_borrowers_number(
    workspace: Workspace, portfolio: Portfolio
) -> None:
    service = _service(workspace)
    with pytest.raises(visits.ContactInputError) as refused:
        service.record_contact(portfolio.case_id, "phone", "not_home", _shanghai(10))
    assert refused.value.code == "phone_required"
    with pytest.raises(visits.ContactInputError) as refused:
        _call(service, portfolio, _shanghai(10), case_id=portfolio.us_case_id)
    assert refused.value.code == "phone_not_borrowers"


def test_the_us_profile_judges_hours_at_the_borrowers_place(
    workspace: Workspace, portfolio: Portfolio, tmp_path: Path
) -> None:
    preferences = settings.Preferences(tmp_path / "preferences.json")
    preferences.set("compliance_profile", "US")
    service = _service(workspace, preferences=preferences)
    assert service.profile == "US"
    evening = dt.datetime(2026, 11, 23, 21, 30, tzinfo=NEW_YORK)
    with pytest.raises(visits.ContactRefusedError) as refused:
        service.record_contact(portfolio.us_case_id, "visit", "met_borrower", evening)
    assert refused.value.verdict.refusals[0].params["timezone"] == "America/New_York"
    assert refused.value.verdict.refusals[0].params["latest"] == "21:00"
    # Under the default (CN) rules 21:30 is still within the hours.
    cn_rules = _service(workspace)
    assert cn_rules.assess_contact(portfolio.us_case_id, "visit", evening).allowed
    service.record_contact(
        portfolio.us_case_id, "visit", "met_borrower", evening - dt.timedelta(hours=1)
    )
    (contact,) = _contacts(workspace)
    assert contact.place_timezone == "America/New_York"


@pytest.mark.parametrize(
    ("amount", "promised", "code"),
    [
        (None, dt.date(2026, 11, 30), "promise_amount_required"),
        (Decimal("0"), dt.date(2026, 11, 30), "promise_amount_not_positive"),
        (Decimal("-5"), dt.date(2026, 11, 30), "promise_amount_not_positive"),
        (Decimal("100"), None, "promise_date_required"),
        (Decimal("100"), dt.date(2026, 11, 22), "promise_date_in_past"),
    ],
)
def test_a_promise_needs_an_amount_above_zero_and_a_date_not_in_the_past(
    workspace: Workspace,
    portfolio: Portfolio,
    amount: Decimal | None,
    promised: dt.date | None,
    code: str,
) -> None:
    service = _service(workspace)
    with pytest.raises(visits.ContactInputError) as refused:
        service.record_contact(
            portfolio.case_id,
            "visit",
            "promised_to_pay",
            _shanghai(10),
            promise_amount=amount,
            promise_date=promised,
        )
    assert refused.value.code == code
    assert _outbox(workspace) == []


def test_a_promise_for_the_same_day_counts_the_borrowers_day(
    workspace: Workspace, portfolio: Portfolio
) -> None:
    service = _service(workspace)
    # 00:30 on the 24th in Shanghai is still the 23rd in UTC: the 24th is not in the past.
    service.record_contact(
        portfolio.case_id,
        "visit",
        "promised_to_pay",
        _shanghai(0, 30, day=DAY + dt.timedelta(days=1)),
        promise_amount=Decimal("200"),
        promise_date=DAY + dt.timedelta(days=1),
        consent_reason="借款人夜班，约定此时",
    )
    assert _case(workspace, portfolio.case_id).promised_amount == Decimal("200.00")


def test_outcomes_must_be_known_and_only_promise_outcomes_carry_a_promise(
    workspace: Workspace, portfolio: Portfolio
) -> None:
    service = _service(workspace)
    with pytest.raises(visits.ContactInputError) as refused:
        service.record_contact(portfolio.case_id, "visit", "threatened", _shanghai(10))
    assert (refused.value.code, refused.value.params["outcome"]) == (
        "unknown_outcome",
        "threatened",
    )
    with pytest.raises(visits.ContactInputError) as refused:
        service.record_contact(
            portfolio.case_id,
            "visit",
            "met_borrower",
            _shanghai(10),
            promise_amount=Decimal("100"),
            promise_date=DAY,
        )
    assert refused.value.code == "promise_needs_outcome"
    with pytest.raises(visits.ContactInputError) as refused:
        service.record_contact(portfolio.case_id, "fax", "met_borrower", _shanghai(10))
    assert refused.value.code == "unknown_channel"


def test_meeting_a_third_party_is_recorded_with_a_disclosure_warning(
    workspace: Workspace, portfolio: Portfolio
) -> None:
    service = _service(workspace)
    verdict = service.assess_contact(
        portfolio.case_id, "visit", _shanghai(10), outcome="met_third_party"
    )
    assert verdict.allowed
    assert [warning.code for warning in verdict.warnings] == [ViolationCode.THIRD_PARTY_DISCLOSURE]
    service.record_contact(
        portfolio.case_id, "visit", "met_third_party", _shanghai(10), person_met="邻居"
    )
    assert _case(workspace, portfolio.case_id).last_contact_outcome == "met_third_party"


def test_a_promise_does_not_move_a_case_out_of_its_repayment_plan(
    workspace: Workspace, portfolio: Portfolio
) -> None:
    with workspace.session() as session:
        session.get_one(models.LoanCase, portfolio.case_id).status = "in_plan"
    service = _service(workspace)
    service.record_contact(
        portfolio.case_id,
        "visit",
        "promised_to_pay",
        _shanghai(10),
        promise_amount=Decimal("300"),
        promise_date=DAY,
    )
    case = _case(workspace, portfolio.case_id)
    assert (case.status, case.promised_amount) == ("in_plan", Decimal("300.00"))


def test_an_older_contact_recorded_late_leaves_the_latest_contact_on_the_case(
    workspace: Workspace, portfolio: Portfolio
) -> None:
    service = _service(workspace)
    service.record_contact(portfolio.case_id, "visit", "not_home", _shanghai(15))
    service.record_contact(portfolio.case_id, "visit", "refused", _shanghai(10))
    case = _case(workspace, portfolio.case_id)
    assert case.last_contact_outcome == "not_home"
    assert case.last_contact_at == _shanghai(15)
    assert _outbox(workspace) == [("contact", "insert"), ("contact", "insert")]


def test_a_recorded_contact_survives_reopening_the_workspace(
    workspace: Workspace, portfolio: Portfolio, folder: Path
) -> None:
    contact_id = _service(workspace).record_contact(
        portfolio.case_id, "phone", "not_home", _shanghai(10), phone_id=portfolio.phone_id
    )
    workspace.close()
    with Workspace.open(folder) as reopened:
        with reopened.session() as session:
            contact = session.get_one(models.Contact, contact_id)
            queued = session.scalars(select(OutboxEntry.row_id).order_by(OutboxEntry.seq)).all()
        assert (contact.outcome, contact.contacted_at) == ("not_home", _shanghai(10))
        assert queued == [contact_id]


def test_a_visit_window_must_end_after_it_starts_at_the_borrowers_address(
    workspace: Workspace, portfolio: Portfolio
) -> None:
    service = _service(workspace)
    with pytest.raises(visits.ContactInputError) as refused:
        service.plan_visit(portfolio.case_id, DAY, dt.time(16), dt.time(14))
    assert refused.value.code == "window_order"
    with pytest.raises(visits.ContactInputError) as refused:
        service.plan_visit(portfolio.us_case_id, DAY, dt.time(9), dt.time(10), portfolio.address_id)
    assert refused.value.code == "address_not_borrowers"
    assert _outbox(workspace) == []


def test_planning_needs_someone_logged_in(workspace: Workspace) -> None:
    service = _service(workspace)
    with pytest.raises(errors.WorkspaceError):
        service.plan_visit(uuid.uuid4(), DAY, dt.time(9), dt.time(10))
    assert service.today(DAY) == []
