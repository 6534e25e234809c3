"""The audit trail on a real SQLite workspace: events written by the services form one sealed
chain, queued for the push, and the check names an edited or a deleted event."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import delete, select, update

from app.services import audit, cases, plans
from app.services.workspace import STATE_USER_ID, Workspace
from app.store import models
from app.store.local_models import OutboxEntry
from tests.app.services.test_plans import NOW, signature_png
from tests.helpers import plan_book


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    with Workspace.open(tmp_path / "ws", create=True) as opened:
        yield opened


@pytest.fixture
def book(workspace: Workspace) -> plan_book.Book:
    return plan_book.add_book(workspace)


def _plan_service(workspace: Workspace, user_id: uuid.UUID) -> plans.PlanService:
    workspace.set_state(STATE_USER_ID, str(user_id))
    return plans.PlanService(workspace, clock=lambda: NOW)


def _audited_day(workspace: Workspace, book: plan_book.Book) -> None:
    """The audited acts of a day, through the real services: an ID number revealed (now), a plan
    approved by the lead and signed by the collector (at the services' clock, NOW)."""
    assert cases.CaseService(workspace).reveal_id_number(book.case_id) == "310101199001011234"
    terms = plans.PlanInput(
        instalment_count=6,
        frequency=plans.Frequency.MONTHLY,
        first_due_date=dt.date(2026, 12, 20),
        waiver=Decimal("300.00"),  # beyond the collector's authority: the lead approves it
        down_payment=Decimal("500.00"),
        down_payment_date=NOW.date(),
    )
    plan_id = _plan_service(workspace, book.collector_id).save_draft(book.case_id, terms)
    _plan_service(workspace, book.lead_id).approve(plan_id, "借款人确有困难")
    _plan_service(workspace, book.collector_id).sign(
        plan_id, signature_png(), signature_png((0, 0, 0, 255)), "上海市浦东新区"
    )


def _events(workspace: Workspace) -> list[models.AuditEvent]:
    with workspace.session() as session:
        query = select(models.AuditEvent).order_by(models.AuditEvent.occurred_at)
        return list(session.scalars(query))


def test_the_services_write_one_intact_chain_in_time_order_even_with_a_clock_set_back(
    workspace: Workspace, book: plan_book.Book
) -> None:
    _audited_day(workspace, book)
    events = _events(workspace)
    assert [event.action for event in events] == [
        "reveal_id_number",
        "approve_plan",
        "sign_agreement",
    ]
    assert events[0].prev_hash is None
    assert [event.prev_hash for event in events[1:]] == [event.event_hash for event in events[:-1]]
    # The plan service's clock (NOW) lies before the reveal: its events follow it all the same.
    assert NOW < events[0].occurred_at < events[1].occurred_at < events[2].occurred_at
    assert workspace.state(audit.HEAD_STATE_KEY) == f"{events[2].id} {events[2].event_hash}"

    verdict = audit.verify_chain(workspace.engine)
    assert verdict.intact, verdict.breaks
    assert (verdict.checked, verdict.chains) == (3, 1)


def test_each_event_is_queued_with_its_hashes_for_the_push(
    workspace: Workspace, book: plan_book.Book
) -> None:
    cases.CaseService(workspace).reveal_id_number(book.case_id)
    cases.CaseService(workspace).reveal_id_number(book.case_id)
    first, second = _events(workspace)
    with workspace.session() as session:
        entries = session.scalars(
            select(OutboxEntry).where(OutboxEntry.table_name == "audit_event")
        ).all()
        payloads = {entry.payload["id"]: (entry.operation, entry.payload) for entry in entries}
    assert payloads[str(second.id)][0] == "insert"
    assert payloads[str(second.id)][1]["prev_hash"] == first.event_hash
    assert payloads[str(second.id)][1]["event_hash"] == second.event_hash


def test_an_event_edited_in_the_store_is_named(workspace: Workspace, book: plan_book.Book) -> None:
    _audited_day(workspace, book)
    approval = _events(workspace)[1]
    with workspace.session() as session:
        session.execute(
            update(models.AuditEvent)
            .where(models.AuditEvent.id == approval.id)
            .values(detail={**approval.detail, "waiver": "0.00"})
        )
    first = audit.verify_chain(workspace.engine).first_break
    assert first is not None
    assert (first.event_id, first.reason) == (str(approval.id), "edited")


def test_a_deleted_event_is_named_by_the_event_after_the_gap(
    workspace: Workspace, book: plan_book.Book
) -> None:
    _audited_day(workspace, book)
    _reveal, approval, signing = _events(workspace)
    with workspace.session() as session:
        session.execute(delete(models.AuditEvent).where(models.AuditEvent.id == approval.id))
        first = audit.verify_chain(session).first_break
    assert first is not None
    assert (first.event_id, first.position, first.reason) == (str(signing.id), 1, "deleted")


def test_deleting_the_newest_event_is_noticed_through_the_remembered_head(
    workspace: Workspace, book: plan_book.Book
) -> None:
    _audited_day(workspace, book)
    signing = _events(workspace)[-1]
    with workspace.session() as session:
        session.execute(delete(models.AuditEvent).where(models.AuditEvent.id == signing.id))
    first = audit.verify_chain(workspace.engine).first_break
    assert first is not None and (first.event_id, first.reason) == (str(signing.id), "deleted")


def test_a_naive_time_is_refused(workspace: Workspace, book: plan_book.Book) -> None:
    with workspace.session() as session, pytest.raises(ValueError, match="timezone-aware"):
        audit.record_event(
            session,
            book.collector_id,
            "export_cases",
            "loan_case",
            None,
            occurred_at=dt.datetime(2026, 11, 20, 9, 30),  # noqa: DTZ001 - the point
        )


def test_exporting_and_printing_are_audited_without_borrowers_names(
    workspace: Workspace, book: plan_book.Book, tmp_path: Path
) -> None:
    from app.services import agreements, case_export

    workspace.set_state(STATE_USER_ID, str(book.collector_id))
    assert case_export.export_cases(workspace, tmp_path / "cases.csv") == 1
    terms = plans.PlanInput(
        instalment_count=3, frequency=plans.Frequency.MONTHLY, first_due_date=dt.date(2026, 12, 20)
    )
    plan_id = _plan_service(workspace, book.collector_id).save_draft(book.case_id, terms)
    written = agreements.AgreementService(workspace).write_pdf(plan_id, tmp_path / "plan.pdf")
    exported, printed = _events(workspace)
    assert (exported.action, exported.entity, exported.user_id) == (
        "export_cases",
        "loan_case",
        book.collector_id,
    )
    assert exported.detail == {"count": 1, "format": "csv", "file_name": "cases.csv"}
    assert (printed.action, printed.entity_id) == ("print_agreement", str(written.agreement_id))
    assert printed.detail["plan_id"] == str(plan_id)
    assert printed.detail["content_sha256"] == written.content_sha256
    assert printed.prev_hash == exported.event_hash
    with workspace.session() as session:
        case = session.get_one(models.LoanCase, book.case_id)
        name = session.get_one(models.Borrower, case.borrower_id).full_name
    assert name not in str(exported.detail) + str(printed.detail)
    assert audit.verify_chain(workspace.engine).intact


def test_reassigning_writes_a_chained_event_on_the_central_database(tmp_path: Path) -> None:
    from app import cli
    from app.services import assignment
    from app.store import engines

    folder = tmp_path / "demo"
    assert cli.main(["demo", "--workspace", str(folder), "--no-gui", "--cases", "6"]) == 0
    central = engines.central_engine(f"sqlite:///{folder / 'central.db'}")
    try:
        with central.connect() as connection:
            refs = connection.scalars(
                select(models.LoanCase.loan_ref).order_by(models.LoanCase.loan_ref)
            ).all()
            lead, other = connection.execute(
                select(models.AppUser.username, models.AppUser.id)
                .where(models.AppUser.role.in_(("lead", "collector")))
                .order_by(models.AppUser.role.desc(), models.AppUser.username)
            ).all()[:2]
        service = assignment.AssignmentService(central)
        service.assign(refs[:2], other.username, by_username=lead.username, reason="休假")
        service.assign(refs[2:3], other.username, by_username=lead.username)
        with central.connect() as connection:
            events = connection.execute(
                select(models.AuditEvent)
                .where(models.AuditEvent.action == "reassign_cases")
                .order_by(models.AuditEvent.occurred_at)
            ).all()
            moved = connection.scalars(
                select(models.LoanCase.id).where(models.LoanCase.loan_ref.in_(refs[:2]))
            ).all()
        first, second = events
        assert (first.user_id, first.entity_id) == (lead.id, str(other.id))
        assert sorted(first.detail["case_ids"]) == sorted(str(case_id) for case_id in moved)
        assert first.detail["reason"] == "休假" and first.prev_hash is None
        assert second.prev_hash == first.event_hash and len(second.detail["case_ids"]) == 1
        assert audit.verify_chain(central).intact
    finally:
        central.dispose()


def test_verify_audit_names_the_event_after_one_deleted_from_the_central_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    from app import cli

    folder = tmp_path / "ws"
    assert cli.main(["demo", "--workspace", str(folder), "--no-gui", "--cases", "5"]) == 0
    with Workspace.open(folder) as opened:
        for row in cases.CaseListService(opened).page(cases.CaseQuery(), 0, 3):
            cases.CaseService(opened).reveal_id_number(row.case_id)
    assert cli.main(["sync", "--workspace", str(folder)]) == 0
    central = folder / "central.db"
    with sqlite3.connect(central) as connection:
        for (trigger,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_event'"
        ).fetchall():
            connection.execute(f'DROP TRIGGER "{trigger}"')  # what a tamperer with the file does
        (_first, victim, after) = connection.execute(
            "SELECT id FROM audit_event ORDER BY occurred_at"
        ).fetchall()
        connection.execute("DELETE FROM audit_event WHERE id = ?", victim)
    capsys.readouterr()
    assert cli.main(["admin", "verify-audit", f"sqlite:///{central}"]) == 1
    error = capsys.readouterr().err
    assert f"audit trail broken at event {uuid.UUID(hex=after[0])} (deleted)" in error
