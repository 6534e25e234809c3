"""A small, complete set of rows touching every table of the shared schema, for round-trip tests."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from app.store import models

AT = dt.datetime(2026, 11, 20, 14, 30, 15, 123000, tzinfo=dt.UTC)


def every_table_once() -> list[models.SyncedRow]:
    """One row per synced table, linked the way the application links them."""
    team = models.Team(id=uuid.uuid4(), name="成都一组", office_lat=30.657, office_lon=104.066)
    collector = models.AppUser(
        id=uuid.uuid4(),
        username="zhang.wei",
        display_name="张伟",
        role="collector",
        team_id=team.id,
        skills=["sichuanese"],
        waiver_authority_pct=Decimal("20.50"),
    )
    borrower = models.Borrower(
        id=uuid.uuid4(), full_name="李娜", id_number="510104199001011234", safety_flags=["dog"]
    )
    phone = models.BorrowerPhone(
        id=uuid.uuid4(), borrower_id=borrower.id, number="13800138000", is_primary=True
    )
    address = models.BorrowerAddress(
        id=uuid.uuid4(),
        borrower_id=borrower.id,
        address_text="成都市武侯区科华北路65号",
        lat=30.63,
        lon=104.08,
        availability=[{"weekdays": [5, 6], "from": "10:00", "to": "12:00"}],
    )
    case = models.LoanCase(
        id=uuid.uuid4(),
        loan_ref="CD-2026-000001",
        borrower_id=borrower.id,
        principal=Decimal("123456789012.34"),
        interest=Decimal("0.01"),
        penalty=Decimal("99.99"),
        due_date=dt.date(2026, 8, 1),
        assigned_to_id=collector.id,
        team_id=team.id,
        risk_score=72,
        risk_tier="A",
        last_contact_at=AT,
    )
    assignment = models.CaseAssignment(
        id=uuid.uuid4(), case_id=case.id, to_user_id=collector.id, assigned_at=AT
    )
    payment = models.Payment(
        id=uuid.uuid4(),
        case_id=case.id,
        paid_at=AT,
        amount=Decimal("0.05"),
        channel="bank_transfer",
        external_ref="PAY-1",
    )
    visit = models.Visit(
        id=uuid.uuid4(),
        case_id=case.id,
        user_id=collector.id,
        address_id=address.id,
        planned_date=dt.date(2026, 11, 21),
        window_start=AT,
        window_end=AT + dt.timedelta(hours=2),
        check_in_at=AT,
        check_in_lat=30.631,
        check_in_lon=104.081,
        status="checked_in",
    )
    contact = models.Contact(
        id=uuid.uuid4(),
        case_id=case.id,
        user_id=collector.id,
        channel="visit",
        contacted_at=AT,
        outcome="promised_to_pay",
        person_met="borrower",
        visit_id=visit.id,
        address_id=address.id,
        notes="答应月底还款",
        next_action_date=dt.date(2026, 11, 30),
    )
    promise = models.PromiseToPay(
        id=uuid.uuid4(),
        case_id=case.id,
        contact_id=contact.id,
        user_id=collector.id,
        amount=Decimal("5000.00"),
        promised_date=dt.date(2026, 11, 30),
        created_at=AT,
    )
    plan = models.RepaymentPlan(
        id=uuid.uuid4(),
        case_id=case.id,
        proposed_by_id=collector.id,
        created_at=AT,
        principal=Decimal("1000.00"),
        interest=Decimal("10.00"),
        penalty=Decimal("5.00"),
        waiver=Decimal("5.00"),
        agreed_total=Decimal("1010.00"),
        frequency="monthly",
        instalment_count=1,
        first_due_date=dt.date(2026, 12, 1),
        status="active",
    )
    instalment = models.Instalment(
        id=uuid.uuid4(),
        plan_id=plan.id,
        seq=1,
        due_date=dt.date(2026, 12, 1),
        amount=Decimal("1010.00"),
    )
    attachment = models.Attachment(
        id=uuid.uuid4(),
        case_id=case.id,
        kind="signature",
        mime_type="image/png",
        sha256="ab" * 32,
        size_bytes=1234,
    )
    agreement = models.Agreement(
        id=uuid.uuid4(),
        plan_id=plan.id,
        case_id=case.id,
        content_sha256="cd" * 32,
        borrower_signature_id=attachment.id,
        signed_at=AT,
    )
    audit = models.AuditEvent(
        id=uuid.uuid4(),
        occurred_at=AT,
        user_id=collector.id,
        action="reveal_id_number",
        entity="borrower",
        entity_id=str(borrower.id),
        detail={"loan_ref": case.loan_ref},
    )
    return [
        team,
        collector,
        borrower,
        phone,
        address,
        case,
        assignment,
        payment,
        visit,
        contact,
        promise,
        plan,
        instalment,
        attachment,
        agreement,
        audit,
    ]
