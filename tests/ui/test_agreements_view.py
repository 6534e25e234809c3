"""The Agreements screen: signing with two drawn signatures, refusals, approval, printing."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPageSize
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.services import plans
from app.services.workspace import STATE_USER_ID, Workspace
from app.store import models
from tests.app.services.test_plans import NOW, signature_png
from tests.helpers import plan_book
from tests.ui.test_signature_pad import draw
from ui.views import agreements_view
from ui.views.agreements_view import AgreementsView


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    with Workspace.open(tmp_path / "ws", create=True) as opened:
        yield opened


@pytest.fixture
def book(workspace: Workspace) -> plan_book.Book:
    return plan_book.add_book(workspace)


def _terms(waiver: str = "100.00") -> plans.PlanInput:
    return plans.PlanInput(
        instalment_count=6,
        frequency=plans.Frequency.MONTHLY,
        first_due_date=dt.date(2026, 12, 20),
        waiver=Decimal(waiver),
        down_payment=Decimal("500.00"),
        down_payment_date=NOW.date(),
    )


def _service(workspace: Workspace) -> plans.PlanService:
    return plans.PlanService(workspace, clock=lambda: NOW)


def _view(qtbot: QtBot, workspace: Workspace) -> AgreementsView:
    view = AgreementsView(workspace, clock=lambda: NOW)
    qtbot.addWidget(view)
    view.resize(1100, 500)
    view.show()
    return view


def _cells(view: AgreementsView, row: int) -> list[str]:
    return [view.model.text(row, column) for column in range(view.model.columnCount())]


def _non_white(image: QImage) -> int:
    """Pixels that are not paper-white, sampled on a 4-pixel grid."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    return sum(
        1
        for y in range(0, image.height(), 4)
        for x in range(0, image.width(), 4)
        if image.pixelColor(x, y).lightness() < 200
    )


def test_signing_with_two_drawn_signatures_stores_the_pdf_with_them(
    qtbot: QtBot, workspace: Workspace, book: plan_book.Book, tmp_path: Path
) -> None:
    plan_id = _service(workspace).save_draft(book.case_id, _terms())
    view = _view(qtbot, workspace)
    assert _cells(view, 0)[:6] == ["欧阳堃", "LN-2026-0042", "Draft", "3,456.78", "6", "No"]
    assert view.select_plan(plan_id)
    assert view.sign_button.isEnabled() and not view.print_button.isEnabled()
    assert not view.approve_button.isVisible(), "a collector decides nothing"

    dialog = view.signing_dialog()
    assert dialog is not None and not dialog.refused
    qtbot.addWidget(dialog)
    dialog.show()
    assert "李四" in dialog.collector_caption.text()
    assert not dialog.sign_button.isEnabled()
    draw(qtbot, dialog.borrower_pad, (40, 80), (120, 40), (200, 90), (300, 50))
    assert not dialog.sign_button.isEnabled(), "the collector has not signed yet"
    draw(qtbot, dialog.collector_pad, (40, 60), (280, 70))
    assert dialog.sign_button.isEnabled()
    dialog.place.setText("上海市浦东新区")
    pads = [QImage.fromData(pad.to_png()) for pad in (dialog.borrower_pad, dialog.collector_pad)]
    with qtbot.waitSignal(view.plans_changed):
        dialog.sign_button.click()
    signed = dialog.signed
    assert signed is not None, dialog.message.text()
    assert str(signed.agreement_id) in dialog.message.text()
    assert not dialog.sign_button.isEnabled()

    reader = PdfReader(signed.pdf_path)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "欧阳堃" in text and "上海市浦东新区" in text
    images = [image for page in reader.pages for image in page.images]
    assert sorted(image.image.size for image in images) == sorted(
        (pad.width(), pad.height()) for pad in pads
    )
    assert all(image.image.mode == "RGBA" for image in images), "transparent signatures"

    assert view.select_plan(plan_id)
    assert _cells(view, 0)[2] == "Signed, in force"
    assert not view.sign_button.isEnabled()
    assert view.print_button.isEnabled() and view.save_pdf_button.isEnabled()
    copy = tmp_path / "copy.pdf"
    assert view.save_pdf_to(copy)
    assert copy.read_bytes() == signed.pdf_path.read_bytes()


def test_a_plan_awaiting_approval_cannot_be_signed_and_says_why(
    qtbot: QtBot, workspace: Workspace, book: plan_book.Book
) -> None:
    plan_id = _service(workspace).save_draft(book.case_id, _terms(waiver="300.00"))
    view = _view(qtbot, workspace)
    view.select_plan(plan_id)
    assert _cells(view, 0)[2:6] == ["Awaiting approval", "3,256.78", "6", "Yes"]
    assert not view.sign_button.isEnabled()
    assert view.notice.isVisible()
    assert "53.89% of interest and penalty" in view.notice.text()
    assert "awaits a team lead's approval and cannot be signed yet" in view.notice.text()

    dialog = view.signing_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.refused and not dialog.borrower_pad.isEnabled()
    assert "cannot be signed yet" in dialog.message.text()
    assert not dialog.sign_button.isEnabled()
    assert dialog.sign() is None and dialog.signed is None


def test_a_lead_approves_with_a_reason_and_the_collector_may_then_sign(
    qtbot: QtBot, workspace: Workspace, book: plan_book.Book
) -> None:
    plan_id = _service(workspace).save_draft(book.case_id, _terms(waiver="300.00"))
    workspace.set_state(STATE_USER_ID, str(book.lead_id))
    lead_view = _view(qtbot, workspace)
    assert lead_view.approve_button.isVisible() and lead_view.reject_button.isVisible()
    lead_view.select_plan(plan_id)
    assert lead_view.approve_button.isEnabled()
    assert not lead_view.approve_selected("  ")
    assert lead_view.notice.text() == "Give a reason for the decision."
    with qtbot.waitSignal(lead_view.plans_changed):
        assert lead_view.approve_selected("借款人确有困难")
    assert _cells(lead_view, 0)[2] == "Approved"
    assert "approved" in lead_view.notice.text()
    assert not lead_view.approve_button.isEnabled(), "decided once"

    workspace.set_state(STATE_USER_ID, str(book.collector_id))
    view = _view(qtbot, workspace)
    view.select_plan(plan_id)
    assert view.sign_button.isEnabled() and not view.notice.isVisible()


def test_a_leads_approvals_queue_lists_only_plans_awaiting_him_with_the_case_in_view(
    qtbot: QtBot, workspace: Workspace, book: plan_book.Book
) -> None:
    service = _service(workspace)
    waiting = service.save_draft(book.case_id, _terms(waiver="300.00"))
    within_authority = service.save_draft(book.case_id, _terms(waiver="10.00"))
    collector_view = _view(qtbot, workspace)
    assert not collector_view.queue_only.isVisible() and not collector_view.context.isVisible()
    assert {plan.plan_id for plan in collector_view.plans} == {waiting, within_authority}

    workspace.set_state(STATE_USER_ID, str(book.lead_id))
    lead_view = _view(qtbot, workspace)
    assert lead_view.queue_only.isVisible() and lead_view.queue_only.isChecked()
    assert [plan.plan_id for plan in lead_view.plans] == [waiting]
    lead_view.select_plan(waiting)
    context = lead_view.context.text()
    assert lead_view.context.isVisible()
    assert "days past due" in context and "proposes to waive 300.00" in context
    lead_view.queue_only.setChecked(False)
    assert {plan.plan_id for plan in lead_view.plans} == {waiting, within_authority}


def test_printing_paints_every_page_of_the_stored_agreement(
    qtbot: QtBot, workspace: Workspace, book: plan_book.Book, tmp_path: Path
) -> None:
    service = _service(workspace)
    plan_id = service.save_draft(book.case_id, _terms())
    signed = service.sign(plan_id, signature_png(), signature_png(), "上海")
    pages = len(PdfReader(signed.pdf_path).pages)

    document = agreements_view.open_pdf(signed.pdf_path)
    first = agreements_view.render_pdf_page(document, 0, dpi=50)
    assert (first.width(), first.height()) == (413, 585)  # A4 at 50 dpi
    assert _non_white(first) > 200

    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    assert agreements_view.paint_pdf_pages(signed.pdf_path, printer, dpi=60) == pages
    printed = agreements_view.open_pdf(tmp_path / "printed.pdf")
    assert printed.pageCount() == pages
    for page in range(pages):
        assert _non_white(agreements_view.render_pdf_page(printed, page, dpi=40)) > 100

    view = _view(qtbot, workspace)
    view.select_plan(plan_id)
    preview = view.print_preview_dialog()
    assert preview is not None
    qtbot.addWidget(preview)
    # A print from the preview is audited (issue 8).
    plan = view.selected_plan()
    assert plan is not None
    view.record_printed(plan)
    with workspace.session() as session:
        (event,) = session.scalars(
            select(models.AuditEvent).where(models.AuditEvent.action == "print_agreement")
        ).all()
    assert event.detail["plan_id"] == str(plan_id) and event.detail["reprint"] is True


def test_the_demo_lists_its_one_plan_in_force_and_opens_its_case(
    qtbot: QtBot, demo_workspace: Workspace
) -> None:
    view = _view(qtbot, demo_workspace)
    assert view.model.rowCount() == 1 and not view.empty.isVisible()
    [plan] = view.plans
    assert _cells(view, 0)[2] == "Signed, in force"
    view.table.selectRow(0)
    assert view.selected_plan() == plan and view.open_button.isEnabled()
    assert not view.sign_button.isEnabled()
    assert not view.print_button.isEnabled(), "the demo's paper agreement is not stored"
    with qtbot.waitSignal(view.case_selected) as opened:
        view.open_button.click()
    assert opened.args == [plan.case_id]
    assert isinstance(plan.case_id, uuid.UUID)
    cell = view.table.visualRect(view.model.index(0, 1)).center()
    with qtbot.waitSignal(view.case_selected) as double_clicked:
        # A real double-click begins with a press: QTest's double-click alone sends none.
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert double_clicked.args == [plan.case_id]


def test_no_plans_says_where_to_make_one(
    qtbot: QtBot, workspace: Workspace, book: plan_book.Book, tmp_path: Path
) -> None:
    view = _view(qtbot, workspace)
    assert view.model.rowCount() == 0 and view.empty.isVisible()
    assert "Make one from a case's detail" in view.empty.text()
    assert view.signing_dialog() is None and view.print_preview_dialog() is None
    assert not view.save_pdf_to(tmp_path / "nothing.pdf")
