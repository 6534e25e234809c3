"""The plan service on real SQLite workspaces: exact schedules, approval, signing and locking."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import errors
from app.services import agreements, plans
from app.services.workspace import STATE_USER_ID, Workspace
from app.store import models
from app.store.local_models import OutboxEntry
from tests.helpers import plan_book

D = Decimal
SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = dt.datetime(2026, 11, 20, 9, 30, tzinfo=SHANGHAI)
TODAY = NOW.date()


def signature_png(color: tuple[int, int, int, int] = (20, 20, 60, 255)) -> bytes:
    """A signature-like PNG: one dark stroke on a transparent background."""
    image = Image.new("RGBA", (120, 40), (0, 0, 0, 0))
    ImageDraw.Draw(image).line([(5, 30), (40, 8), (80, 32), (115, 10)], fill=color, width=3)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _terms(**changes: object) -> plans.PlanInput:
    values: dict[str, object] = {
        "instalment_count": 6,
        "frequency": plans.Frequency.MONTHLY,
        "first_due_date": dt.date(2026, 12, 20),
        "waiver": D("100.00"),
        "down_payment": D("500.00"),
        "down_payment_date": TODAY,
    }
    values.update(changes)
    return plans.PlanInput(**values)  # type: ignore[arg-type]


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    with Workspace.open(tmp_path / "ws", create=True) as opened:
        yield opened


@pytest.fixture
def book(workspace: Workspace) -> plan_book.Book:
    return plan_book.add_book(workspace)


def _service(workspace: Workspace) -> plans.PlanService:
    return plans.PlanService(workspace, clock=lambda: NOW)


def _as(workspace: Workspace, user_id: uuid.UUID) -> plans.PlanService:
    workspace.set_state(STATE_USER_ID, str(user_id))
    return _service(workspace)


def _queued(workspace: Workspace, row_id: uuid.UUID) -> list[tuple[str, str]]:
    with workspace.session() as session:
        entries = session.scalars(
            select(OutboxEntry).where(OutboxEntry.row_id == row_id).order_by(OutboxEntry.seq)
        ).all()
        return [(entry.table_name, entry.operation) for entry in entries]


def test_the_schedule_adds_up_to_the_cent_with_the_remainder_on_the_last_instalment(
    workspace: Workspace, book: plan_book.Book
) -> None:
    preview = _service(workspace).preview(book.case_id, _terms())
    assert preview.ok, preview.errors
    # 3,556.78 - 100.00 = 3,456.78; 500.00 down, 2,956.78 / 6 = 492.79 and 492.83 last.
    assert preview.agreed_total == D("3456.78")
    assert [(item.seq, item.due_date, item.amount) for item in preview.instalments] == [
        (0, dt.date(2026, 11, 20), D("500.00")),
        (1, dt.date(2026, 12, 21), D("492.79")),  # Sunday the 20th moved to Monday
        (2, dt.date(2027, 1, 20), D("492.79")),
        (3, dt.date(2027, 2, 22), D("492.79")),
        (4, dt.date(2027, 3, 22), D("492.79")),
        (5, dt.date(2027, 4, 20), D("492.79")),
        (6, dt.date(2027, 5, 20), D("492.83")),
    ]
    assert preview.schedule_total == D("3456.78")
    # 100.00 of 556.78 is 17.97 %: within the collector's 20 %.
    assert (preview.waiver_pct, preview.authority_pct) == (D("17.97"), D("20.00"))
    assert not preview.needs_approval and preview.warnings == ()
    assert (preview.loan_ref, preview.borrower_name) == ("LN-2026-0042", "欧阳堃")


def test_a_waiver_entered_as_exactly_the_authority_stays_within_it(
    workspace: Workspace, book: plan_book.Book
) -> None:
    service = _service(workspace)
    # 20 % of 556.78 is 111.356: rounded down to 111.35, not up to 111.36 (beyond 20 %).
    at_limit = service.preview(book.case_id, _terms(waiver_pct=D("20")))
    assert at_limit.waiver == D("111.35") and not at_limit.needs_approval
    beyond = service.preview(book.case_id, _terms(waiver_pct=D("20.01")))
    assert beyond.waiver == D("111.41") and beyond.needs_approval
    assert [(w.code, dict(w.params)) for w in beyond.warnings] == [
        ("waiver_above_authority", {"waiver_pct": D("20.01"), "authority_pct": D("20.00")})
    ]


def test_impossible_plans_come_back_as_errors_and_are_not_saved(
    workspace: Workspace, book: plan_book.Book
) -> None:
    service = _service(workspace)
    preview = service.preview(
        book.case_id,
        _terms(
            waiver=D("600.00"),
            instalment_count=0,
            down_payment_date=TODAY - dt.timedelta(days=1),
        ),
    )
    assert {issue.code for issue in preview.errors} == {
        "date_in_past",
        "waiver_exceeds_balance",
        "no_instalments",
    }
    assert preview.instalments == () and preview.agreed_total == D("2956.78")
    too_small = service.preview(book.case_id, _terms(instalment_count=36, waiver=D("0")))
    assert [issue.code for issue in too_small.errors] == ["instalment_below_minimum"]
    with pytest.raises(plans.PlanInputError) as refused:
        service.save_draft(book.case_id, _terms(instalment_count=36))
    assert refused.value.code == "instalment_below_minimum"
    assert refused.value.params["minimum"] == D("100.00")
    with workspace.session() as session:
        assert session.scalar(select(models.RepaymentPlan.id)) is None


def test_a_plan_within_authority_is_saved_as_a_draft_with_its_instalments_queued(
    workspace: Workspace, book: plan_book.Book
) -> None:
    plan_id = _service(workspace).save_draft(book.case_id, _terms())
    with workspace.session() as session:
        plan = session.get_one(models.RepaymentPlan, plan_id)
        rows = session.scalars(
            select(models.Instalment)
            .where(models.Instalment.plan_id == plan_id)
            .order_by(models.Instalment.seq)
        ).all()
        assert (plan.status, plan.needs_approval, plan.proposed_by_id) == (
            "draft",
            False,
            book.collector_id,
        )
        assert (plan.agreed_total, plan.waiver, plan.down_payment) == (
            D("3456.78"),
            D("100.00"),
            D("500.00"),
        )
        assert plan.created_at == NOW
        assert sum(row.amount for row in rows) == plan.agreed_total
        assert [row.seq for row in rows] == list(range(7))
        instalment_ids = [row.id for row in rows]
    assert _queued(workspace, plan_id) == [("repayment_plan", "insert")]
    for instalment_id in instalment_ids:
        assert _queued(workspace, instalment_id) == [("instalment", "insert")]
    [summary] = _service(workspace).plans()
    assert (summary.status, summary.signable, summary.sign_refusal) == ("draft", True, None)
    assert (summary.instalment_count, summary.agreed_total) == (6, D("3456.78"))


def test_a_plan_beyond_authority_awaits_approval_and_cannot_be_signed(
    workspace: Workspace, book: plan_book.Book
) -> None:
    service = _service(workspace)
    plan_id = service.save_draft(book.case_id, _terms(waiver=D("300.00")))
    summary = service.plan(plan_id)
    assert (summary.status, summary.needs_approval, summary.signable) == (
        "pending_approval",
        True,
        False,
    )
    assert summary.sign_refusal is not None
    assert summary.sign_refusal.code == "approval_pending"
    assert summary.sign_refusal.params["waiver_pct"] == D("53.89")
    assert not summary.decidable, "a collector decides nothing"
    with pytest.raises(plans.PlanNotSignableError) as refused:
        service.sign(plan_id, signature_png(), signature_png(), "上海")
    assert refused.value.code == "approval_pending"
    # Neither an agreement nor a file came of it.
    with workspace.session() as session:
        assert session.scalar(select(models.Agreement.id)) is None
    assert not list((workspace.folder / plans.ATTACHMENTS_FOLDER).glob("*"))


def test_a_lead_approves_with_a_reason_and_the_plan_can_then_be_signed(
    workspace: Workspace, book: plan_book.Book
) -> None:
    plan_id = _service(workspace).save_draft(book.case_id, _terms(waiver=D("300.00")))
    with pytest.raises(plans.PlanDecisionError) as refused:
        _service(workspace).approve(plan_id, "同意")
    assert (refused.value.code, refused.value.params["role"]) == ("not_a_lead", "collector")

    lead = _as(workspace, book.lead_id)
    assert lead.may_decide and lead.plan(plan_id).decidable
    with pytest.raises(plans.PlanDecisionError) as no_reason:
        lead.approve(plan_id, "   ")
    assert no_reason.value.code == "reason_required"
    lead.approve(plan_id, "借款人确有困难，同意减免部分罚息")
    with pytest.raises(plans.PlanDecisionError) as twice:
        lead.reject(plan_id, "改主意了")
    assert (twice.value.code, twice.value.params["status"]) == ("not_pending", "approved")

    with workspace.session() as session:
        plan = session.get_one(models.RepaymentPlan, plan_id)
        assert (plan.status, plan.decided_by_id, plan.decided_at) == ("approved", book.lead_id, NOW)
        assert plan.decision_reason == "借款人确有困难，同意减免部分罚息"
        event = session.scalars(select(models.AuditEvent)).one()
        assert (event.action, event.entity_id, event.user_id) == (
            "approve_plan",
            str(plan_id),
            book.lead_id,
        )
        assert event.detail["waiver_pct"] == "53.89"
    assert _queued(workspace, plan_id) == [
        ("repayment_plan", "insert"),
        ("repayment_plan", "update"),
    ]
    assert _queued(workspace, event.id) == [("audit_event", "insert")]
    collector = _as(workspace, book.collector_id)
    assert collector.plan(plan_id).signable


def test_a_rejected_plan_says_why_it_cannot_be_signed_and_a_lead_cannot_decide_his_own(
    workspace: Workspace, book: plan_book.Book
) -> None:
    plan_id = _service(workspace).save_draft(book.case_id, _terms(waiver=D("300.00")))
    lead = _as(workspace, book.lead_id)
    lead.reject(plan_id, "减免过多")
    own = lead.save_draft(book.case_id, _terms(waiver=D("556.78")))
    assert lead.plan(own).status == "pending_approval", "beyond the lead's own 50 %"
    with pytest.raises(plans.PlanDecisionError) as refused:
        lead.approve(own, "自己批准")
    assert refused.value.code == "own_plan"
    collector = _as(workspace, book.collector_id)
    with pytest.raises(plans.PlanNotSignableError) as rejected:
        collector.sign(plan_id, signature_png(), signature_png(), "上海")
    assert (rejected.value.code, rejected.value.params["reason"]) == ("plan_rejected", "减免过多")


def test_signing_stores_the_pdf_and_both_signatures_and_locks_the_plan(
    workspace: Workspace, book: plan_book.Book, tmp_path: Path
) -> None:
    service = _service(workspace)
    plan_id = service.save_draft(book.case_id, _terms())
    borrower_png, collector_png = signature_png(), signature_png((0, 0, 0, 255))
    copy = tmp_path / "copy.pdf"
    signed = service.sign(plan_id, borrower_png, collector_png, "上海市浦东新区", copy)

    assert signed.status == "active" and signed.exported_path == copy
    assert signed.pdf_path.parent == workspace.folder / "attachments"
    pdf = signed.pdf_path.read_bytes()
    assert signed.pdf_path.name == f"{hashlib.sha256(pdf).hexdigest()}.pdf"
    assert copy.read_bytes() == pdf
    reader = PdfReader(signed.pdf_path)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "欧阳堃" in text and "上海市浦东新区" in text and "2026-11-20" in text
    assert sum(len(page.images) for page in reader.pages) >= 2
    assert agreements.verify_pdf(signed.pdf_path).ok

    with workspace.session() as session:
        record = session.get_one(models.Agreement, signed.agreement_id)
        attachments = {
            row.id: row
            for row in session.scalars(
                select(models.Attachment).where(models.Attachment.case_id == book.case_id)
            )
        }
        plan = session.get_one(models.RepaymentPlan, plan_id)
        case = session.get_one(models.LoanCase, book.case_id)
        audit = session.scalars(select(models.AuditEvent)).one()
    assert (record.pdf_attachment_id, record.borrower_signature_id) == (
        signed.pdf_attachment_id,
        signed.borrower_signature_id,
    )
    assert record.collector_signature_id == signed.collector_signature_id
    assert record.place == "上海市浦东新区" and record.signed_at is not None
    assert len(attachments) == 3
    for attachment_id, data in (
        (signed.borrower_signature_id, borrower_png),
        (signed.collector_signature_id, collector_png),
    ):
        row = attachments[attachment_id]
        assert (row.kind, row.mime_type, row.size_bytes) == ("signature", "image/png", len(data))
        assert row.sha256 == hashlib.sha256(data).hexdigest()
        assert (workspace.folder / "attachments" / f"{row.sha256}.png").read_bytes() == data
    assert attachments[signed.pdf_attachment_id].kind == "agreement_pdf"
    assert (plan.status, case.status, case.active_plan_id) == ("active", "in_plan", plan_id)
    assert (audit.action, audit.entity_id) == ("sign_agreement", str(signed.agreement_id))
    for attachment_id in attachments:
        assert _queued(workspace, attachment_id) == [("attachment", "insert")]
    # One insert that already names its three attachments: signing is one transaction.
    assert _queued(workspace, signed.agreement_id) == [("agreement", "insert")]
    assert _queued(workspace, plan_id)[-1] == ("repayment_plan", "update")
    assert _queued(workspace, book.case_id) == [("loan_case", "update")]
    with workspace.session() as session:
        case_entry = session.scalars(
            select(OutboxEntry).where(OutboxEntry.row_id == book.case_id)
        ).one()
        # A collector may change the case's state only, never its balances or risk.
        assert case_entry.payload == {
            "id": str(book.case_id),
            "status": "in_plan",
            "active_plan_id": str(plan_id),
            "updated_at": case_entry.payload["updated_at"],
        }

    summary = service.plan(plan_id)
    assert (summary.agreement_id, summary.pdf_path) == (signed.agreement_id, signed.pdf_path)
    assert summary.sign_refusal is not None and summary.sign_refusal.code == "plan_locked"
    with pytest.raises(plans.PlanLockedError) as locked:
        service.revise(plan_id, _terms(instalment_count=3))
    assert locked.value.code == "plan_locked"
    with pytest.raises(plans.PlanLockedError):
        service.sign(plan_id, borrower_png, collector_png, "上海")
    saved = service.save_agreement_pdf(plan_id, tmp_path / "saved.pdf")
    assert saved.read_bytes() == pdf
    # As on a lead's laptop, where sync brought the rows but not the file.
    signed.pdf_path.unlink()
    elsewhere = service.plan(plan_id)
    assert (elsewhere.agreement_id, elsewhere.pdf_path) == (signed.agreement_id, None)
    with pytest.raises(plans.PlanServiceError) as no_file:
        service.save_agreement_pdf(plan_id, tmp_path / "again.pdf")
    assert no_file.value.code == "no_agreement_pdf"


def test_a_signing_that_fails_after_the_agreement_is_staged_records_nothing(
    workspace: Workspace, book: plan_book.Book, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = _service(workspace)
    plan_id = service.save_draft(book.case_id, _terms())
    staged: list[uuid.UUID] = []
    stage = agreements.stage_agreement

    def stage_then_fail(
        session: Session, printed: agreements.PrintedAgreement, *args: Any, **kw: Any
    ) -> None:
        stage(session, printed, *args, **kw)
        session.flush()
        staged.append(printed.agreement_id)
        assert session.get(models.Agreement, printed.agreement_id) is not None
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(agreements, "stage_agreement", stage_then_fail)
    with workspace.session() as session:
        queued_before = session.scalars(select(OutboxEntry.id)).all()
    with pytest.raises(OSError):
        service.sign(plan_id, signature_png(), signature_png((0, 0, 0, 255)), "上海")

    assert staged, "the failure came after the agreement row was staged"
    with workspace.session() as session:
        assert session.scalars(select(models.Agreement.id)).all() == []
        assert session.scalars(select(models.Attachment.id)).all() == []
        assert session.scalars(select(OutboxEntry.id)).all() == queued_before
        assert session.get_one(models.RepaymentPlan, plan_id).status == "draft"
        assert session.get_one(models.LoanCase, book.case_id).active_plan_id is None
    # The files written for it were removed again: no orphans.
    assert not list((workspace.folder / plans.ATTACHMENTS_FOLDER).glob("*"))
    # And the plan can still be signed.
    monkeypatch.setattr(agreements, "stage_agreement", stage)
    assert service.sign(plan_id, signature_png(), signature_png(), "上海").status == "active"


def test_signing_needs_both_signatures_as_png(workspace: Workspace, book: plan_book.Book) -> None:
    service = _service(workspace)
    plan_id = service.save_draft(book.case_id, _terms())
    with pytest.raises(plans.PlanNotSignableError) as missing:
        service.sign(plan_id, signature_png(), b"", "上海")
    assert (missing.value.code, missing.value.params["who"]) == ("signature_missing", "collector")
    with pytest.raises(plans.PlanNotSignableError) as not_png:
        service.sign(plan_id, b"GIF89a", signature_png(), "上海")
    assert (not_png.value.code, not_png.value.params["who"]) == ("signature_not_png", "borrower")


def test_revising_a_draft_cancels_it_and_saves_the_new_terms(
    workspace: Workspace, book: plan_book.Book
) -> None:
    service = _service(workspace)
    first = service.save_draft(book.case_id, _terms())
    second = service.revise(first, _terms(instalment_count=3))
    statuses = {summary.plan_id: summary.status for summary in service.plans(book.case_id)}
    assert statuses == {first: "cancelled", second: "draft"}
    assert service.plan(second).instalment_count == 3
    with pytest.raises(plans.PlanLockedError) as cancelled:
        service.revise(first, _terms())
    assert cancelled.value.code == "plan_cancelled"


def test_a_workspace_nobody_logged_in_to_makes_no_plans(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "empty", create=True) as empty:
        with pytest.raises(errors.WorkspaceError):
            plans.PlanService(empty).preview(uuid.uuid4(), _terms())
        assert plans.PlanService(empty).plans() == []


def test_signing_a_new_plan_for_the_demo_case_in_plan_replaces_its_active_plan(
    demo_workspace: Workspace,
) -> None:
    service = plans.PlanService(demo_workspace)
    [active] = [summary for summary in service.plans() if summary.status == "active"]
    assert active.sign_refusal is not None and active.sign_refusal.code == "plan_locked"
    today = dt.date.today()
    terms = plans.PlanInput(
        instalment_count=10,
        frequency=plans.Frequency.MONTHLY,
        first_due_date=today + dt.timedelta(days=30),
    )
    preview = service.preview(active.case_id, terms)
    assert preview.ok, preview.errors
    assert [warning.code for warning in preview.warnings] == ["replaces_active_plan"]
    assert preview.schedule_total == preview.agreed_total
    plan_id = service.save_draft(active.case_id, terms)
    service.sign(plan_id, signature_png(), signature_png(), "成都市")
    statuses = {summary.plan_id: summary.status for summary in service.plans(active.case_id)}
    assert statuses == {active.plan_id: "cancelled", plan_id: "active"}
