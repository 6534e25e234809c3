"""The Agreements screen: repayment plans with their state, signing, printing and approval.

Plans come from `PlanService.plans` with what may be done with each (sign, decide); the screen
decides no rule itself. Printing draws the stored signed PDF's pages, rendered by QtPdf, onto the
printer, so the paper is exactly the stored file.
"""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import errors, settings
from app.services import audit
from app.services.cases import CaseService
from app.services.plans import PlanService, PlanSummary
from app.services.workspace import Workspace
from ui import formatting, labels
from ui.dialogs.plan_editor_dialog import PlanEditorDialog, error_text, issue_text
from ui.dialogs.signing_dialog import SigningDialog
from ui.models.row_table_model import Column, RowTableModel

logger = logging.getLogger(__name__)

# Only for the status words looked up at run time; literal texts name their context themselves.
_CONTEXT = "AgreementsView"
# Pages are rendered at most this fine for the printer: sharp on paper, and an A4 page stays
# about 35 MB as an image even when the printer reports 1200 dpi.
PRINT_DPI = 300

STATUS: Mapping[str, str] = {
    "draft": QT_TRANSLATE_NOOP("AgreementsView", "Draft"),
    "pending_approval": QT_TRANSLATE_NOOP("AgreementsView", "Awaiting approval"),
    "approved": QT_TRANSLATE_NOOP("AgreementsView", "Approved"),
    "rejected": QT_TRANSLATE_NOOP("AgreementsView", "Rejected"),
    "signed": QT_TRANSLATE_NOOP("AgreementsView", "Signed"),
    "active": QT_TRANSLATE_NOOP("AgreementsView", "Signed, in force"),
    "completed": QT_TRANSLATE_NOOP("AgreementsView", "Completed"),
    "broken": QT_TRANSLATE_NOOP("AgreementsView", "Broken"),
    "cancelled": QT_TRANSLATE_NOOP("AgreementsView", "Withdrawn"),
}


def _plan_columns() -> list[Column[PlanSummary]]:
    translate = QCoreApplication.translate
    return [
        Column(lambda: translate("AgreementsView", "Borrower"), lambda plan: plan.borrower_name),
        Column(lambda: translate("AgreementsView", "Loan ref"), lambda plan: plan.loan_ref),
        Column(lambda: translate("AgreementsView", "Status"), _status_text),
        Column(
            lambda: translate("AgreementsView", "Agreed total (yuan)"),
            lambda plan: formatting.money(plan.agreed_total),
            right=True,
        ),
        Column(
            lambda: translate("AgreementsView", "Instalments"),
            lambda plan: str(plan.instalment_count),
            right=True,
        ),
        Column(
            lambda: translate("AgreementsView", "Needs approval"),
            lambda plan: (
                translate("AgreementsView", "Yes")
                if plan.needs_approval
                else translate("AgreementsView", "No")
            ),
        ),
        Column(
            lambda: translate("AgreementsView", "Proposed on"),
            lambda plan: formatting.date(plan.created_at.astimezone().date()),
        ),
    ]


def _status_text(plan: PlanSummary) -> str:
    status = STATUS.get(plan.status)
    return QCoreApplication.translate(_CONTEXT, status) if status else plan.status


class PdfPrintError(errors.KnownError):
    """The stored agreement PDF cannot be opened for printing."""


def open_pdf(path: Path) -> QPdfDocument:
    """The PDF at `path`, loaded by QtPdf; `PdfPrintError` when it cannot be read."""
    document = QPdfDocument()
    status = document.load(str(path))
    if status != QPdfDocument.Error.None_ or document.pageCount() == 0:
        raise PdfPrintError(f"cannot open {path} for printing ({status.name})")
    return document


def render_pdf_page(document: QPdfDocument, page: int, dpi: int = PRINT_DPI) -> QImage:
    """Page `page` of `document` as an image at `dpi`, on white paper."""
    points = document.pagePointSize(page)
    size = QSize(
        max(1, round(points.width() * dpi / 72)), max(1, round(points.height() * dpi / 72))
    )
    image = document.render(page, size)
    paper = QImage(size, QImage.Format.Format_RGB32)
    paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    painter.drawImage(0, 0, image)
    painter.end()
    return paper


def paint_pdf_pages(path: Path, printer: QPrinter, dpi: int = PRINT_DPI) -> int:
    """Draw every page of the PDF at `path` onto `printer`, one sheet each, scaled to fit the
    printable area and centred; returns how many pages were painted."""
    document = open_pdf(path)
    dpi = min(dpi, max(72, printer.resolution()))
    painter = QPainter()
    if not painter.begin(printer):
        raise PdfPrintError("the printer cannot be drawn on")
    try:
        for page in range(document.pageCount()):
            if page > 0:
                printer.newPage()
            image = render_pdf_page(document, page, dpi)
            area = QRectF(painter.viewport())
            scale = min(area.width() / image.width(), area.height() / image.height())
            width, height = image.width() * scale, image.height() * scale
            target = QRectF(
                area.x() + (area.width() - width) / 2,
                area.y() + (area.height() - height) / 2,
                width,
                height,
            )
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(target, image)
    finally:
        painter.end()
    return document.pageCount()


class AgreementsView(QWidget):
    """Every repayment plan of the workspace, newest first, and what can be done with it.

    Attributes:
        model: the plans listed, one row each.

    Signals:
        case_selected: a plan's case was opened (its case id).
        plans_changed: a plan was saved, signed, approved or rejected (cases may have changed).
    """

    case_selected = Signal(object)  # uuid.UUID
    plans_changed = Signal()

    def __init__(
        self,
        workspace: Workspace,
        preferences: settings.Preferences | None = None,
        parent: QWidget | None = None,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("agreementsView")
        self._workspace = workspace
        self._clock = clock
        self.service = PlanService(workspace, preferences, clock=clock)
        self._cases = CaseService(workspace)
        self._plans: list[PlanSummary] = []
        # Plans decided on this screen stay in the approvals queue, showing their new status.
        self._decided_here: set[uuid.UUID] = set()
        self.heading = QLabel(objectName="agreementsHeading")
        self.heading.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.model: RowTableModel[PlanSummary] = RowTableModel(_plan_columns(), self)
        self.table = QTableView(objectName="plans")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self._open_case)
        self.empty = QLabel(objectName="noPlans", alignment=Qt.AlignmentFlag.AlignCenter)
        self.notice = QLabel(objectName="agreementsNotice", wordWrap=True)
        self.notice.hide()
        # A lead's approvals queue: the plans awaiting his decision, each with its case in view.
        self.queue_only = QCheckBox(objectName="approvalsOnly")
        self.queue_only.setChecked(self.service.may_decide)
        self.queue_only.setVisible(self.service.may_decide)
        self.queue_only.toggled.connect(self.reload)
        self.context = QLabel(objectName="planContext", wordWrap=True)
        self.context.setStyleSheet(
            "QLabel { background: #f5f7fa; border: 1px solid #dde3ea; padding: 8px; }"
        )
        self.context.setTextFormat(Qt.TextFormat.PlainText)
        self.context.hide()
        self.sign_button = QPushButton(objectName="signPlan")
        self.print_button = QPushButton(objectName="printAgreement")
        self.save_pdf_button = QPushButton(objectName="saveAgreementPdf")
        self.approve_button = QPushButton(objectName="approvePlan")
        self.reject_button = QPushButton(objectName="rejectPlan")
        self.open_button = QPushButton(objectName="openPlanCase")
        self.sign_button.clicked.connect(self._sign)
        self.print_button.clicked.connect(self._print)
        self.save_pdf_button.clicked.connect(self._save_pdf)
        self.approve_button.clicked.connect(self._approve)
        self.reject_button.clicked.connect(self._reject)
        self.open_button.clicked.connect(self._open_case)
        # Only a team lead (or admin) decides on plans; a collector never sees the buttons.
        for button in (self.approve_button, self.reject_button):
            button.setVisible(self.service.may_decide)

        buttons = QHBoxLayout()
        for button in (
            self.sign_button,
            self.print_button,
            self.save_pdf_button,
            self.approve_button,
            self.reject_button,
            self.open_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.queue_only)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addWidget(self.context)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        self.retranslate()

    # -- the list --------------------------------------------------------------------------------

    @property
    def plans(self) -> list[PlanSummary]:
        return list(self._plans)

    def reload(self) -> None:
        """Read the plans again, keeping the selected one selected."""
        selected = self.selected_plan()
        self._plans = self.service.plans()
        if self.queue_only.isChecked():
            self._plans = [
                plan for plan in self._plans if plan.decidable or plan.plan_id in self._decided_here
            ]
        self.model.set_rows(self._plans)
        if selected is not None:
            self.select_plan(selected.plan_id)
        self.empty.setText(
            QCoreApplication.translate("AgreementsView", "No plan awaits your decision.")
            if self.queue_only.isChecked()
            else QCoreApplication.translate(
                "AgreementsView", "No repayment plans yet. Make one from a case's detail."
            )
        )
        self.empty.setVisible(not self._plans)
        self._update_buttons()

    def selected_plan(self) -> PlanSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_plan(self, plan_id: uuid.UUID) -> bool:
        for row, plan in enumerate(self._plans):
            if plan.plan_id == plan_id:
                self.table.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        plan = self.selected_plan()
        self.sign_button.setEnabled(plan is not None and plan.signable)
        has_pdf = plan is not None and plan.pdf_path is not None
        self.print_button.setEnabled(has_pdf)
        self.save_pdf_button.setEnabled(has_pdf)
        decidable = plan is not None and plan.decidable
        self.approve_button.setEnabled(decidable)
        self.reject_button.setEnabled(decidable)
        self.open_button.setEnabled(plan is not None)
        self._show_context(plan)
        self._show_notice(self._why(plan), error=False)

    def _show_context(self, plan: PlanSummary | None) -> None:
        """For a lead: the selected plan's case, its balances and the terms asked for."""
        if plan is None or not self.service.may_decide:
            self.context.hide()
            return
        translate = QCoreApplication.translate
        detail = self._cases.detail(plan.case_id)
        case = detail.case
        lines = [
            translate(
                "AgreementsView",
                "{borrower} · {loan_ref} · tier {tier} · {days} days past due · {status}",
            ).format(
                borrower=case.borrower_name,
                loan_ref=case.loan_ref,
                tier=case.tier,
                days=case.days_past_due,
                status=labels.label(labels.CASE_STATUS, case.status),
            ),
            translate(
                "AgreementsView",
                "Owes {outstanding}: principal {principal}, interest {interest}, penalty {penalty}",
            ).format(
                outstanding=formatting.money(case.outstanding),
                principal=formatting.money(detail.principal),
                interest=formatting.money(detail.interest),
                penalty=formatting.money(detail.penalty),
            ),
            translate(
                "AgreementsView",
                "{proposer} proposes to waive {waiver} ({pct}% of interest and penalty): "
                "{total} in all, {down} down and {count} instalments",
            ).format(
                proposer=plan.proposed_by,
                waiver=formatting.money(plan.waiver),
                pct=f"{plan.waiver_pct:.1f}",
                total=formatting.money(plan.agreed_total),
                down=formatting.money(plan.down_payment),
                count=plan.instalment_count,
            ),
        ]
        if case.last_contact_at is not None:
            lines.append(
                translate("AgreementsView", "Last contact {when}: {outcome}").format(
                    when=formatting.local_datetime(case.last_contact_at),
                    outcome=labels.label(labels.OUTCOME, case.last_contact_outcome),
                )
            )
        self.context.setText("\n".join(lines))
        self.context.show()

    def _why(self, plan: PlanSummary | None) -> str:
        """What the collector needs to know about the selected plan before acting on it."""
        if plan is None or plan.sign_refusal is None:
            return ""
        if plan.sign_refusal.code in ("approval_pending", "plan_rejected", "case_closed"):
            return issue_text(plan.sign_refusal.code, plan.sign_refusal.params)
        return ""

    def _show_notice(self, text: str, *, error: bool) -> None:
        self.notice.setText(text)
        self.notice.setStyleSheet(f"color: {'#c62828' if error else '#ef6c00'};")
        self.notice.setVisible(bool(text))

    def _open_case(self) -> None:
        plan = self.selected_plan()
        if plan is not None:
            self.case_selected.emit(plan.case_id)

    def _changed(self, notice: str = "") -> None:
        self.reload()
        if notice:
            self._show_notice(notice, error=False)
        self.plans_changed.emit()

    # -- a new plan ------------------------------------------------------------------------------

    def plan_editor_dialog(self, case_id: uuid.UUID, borrower_name: str) -> PlanEditorDialog:
        """The editor of a new plan for the case; saving it refreshes this list."""
        dialog = PlanEditorDialog(self.service, case_id, borrower_name, self, clock=self._clock)
        dialog.plan_saved.connect(lambda _plan_id: self._changed())
        return dialog

    def new_plan(self, case_id: uuid.UUID, borrower_name: str) -> uuid.UUID | None:
        """Open the plan editor for the case; the saved plan's id (None when none was saved)."""
        dialog = self.plan_editor_dialog(case_id, borrower_name)
        dialog.exec()
        if dialog.plan_id is not None:
            self.select_plan(dialog.plan_id)
        return dialog.plan_id

    # -- signing ---------------------------------------------------------------------------------

    def signing_dialog(self) -> SigningDialog | None:
        """The signing dialog for the selected plan (refusing in words if it cannot be signed)."""
        plan = self.selected_plan()
        if plan is None:
            return None
        identity = self._workspace.identity()
        dialog = SigningDialog(
            self.service,
            plan.plan_id,
            plan.borrower_name,
            identity.display_name if identity is not None else "",
            self,
        )
        dialog.plan_signed.connect(lambda _signed: self._changed())
        return dialog

    def _sign(self) -> None:
        dialog = self.signing_dialog()
        if dialog is not None:
            dialog.exec()

    # -- printing and saving ---------------------------------------------------------------------

    def print_preview_dialog(self) -> QPrintPreviewDialog | None:
        """A print preview of the selected plan's signed agreement (None without one)."""
        plan = self.selected_plan()
        if plan is None or plan.pdf_path is None:
            return None
        # The stored file may be encrypted (a real workspace): print from a readable copy in a
        # private temporary folder, removed when the preview closes.
        copy = tempfile.TemporaryDirectory(prefix="fieldcollect-print-")
        try:
            path = self.service.save_agreement_pdf(plan.plan_id, Path(copy.name) / "agreement.pdf")
        except errors.KnownError as exc:
            copy.cleanup()
            logger.warning("agreement not printed: %s", exc)
            self._show_notice(
                QCoreApplication.translate(
                    "AgreementsView", "The stored agreement could not be opened for printing."
                ),
                error=True,
            )
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setDocName(
            QCoreApplication.translate("AgreementsView", "Repayment agreement {loan_ref}").format(
                loan_ref=plan.loan_ref
            )
        )
        dialog = QPrintPreviewDialog(printer, self)
        dialog.paintRequested.connect(lambda target: self._paint(path, target))
        dialog.finished.connect(lambda _result: copy.cleanup())
        return dialog

    def _paint(self, path: Path, printer: QPrinter) -> None:
        try:
            paint_pdf_pages(path, printer)
        except errors.KnownError as exc:
            logger.warning("agreement not printed: %s", exc)
            self._show_notice(
                QCoreApplication.translate(
                    "AgreementsView", "The stored agreement could not be opened for printing."
                ),
                error=True,
            )

    def _print(self) -> None:
        plan = self.selected_plan()
        dialog = self.print_preview_dialog()
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted and plan:
            self.record_printed(plan)

    def record_printed(self, plan: PlanSummary) -> None:
        """Audit a print of the plan's stored agreement (the preview accepts once printed)."""
        audit.record_act(
            self._workspace,
            "print_agreement",
            "agreement",
            str(plan.agreement_id) if plan.agreement_id else None,
            {"loan_ref": plan.loan_ref, "plan_id": str(plan.plan_id), "reprint": True},
        )

    def save_pdf_to(self, destination: Path) -> bool:
        """Copy the selected plan's signed agreement to `destination`."""
        plan = self.selected_plan()
        if plan is None:
            return False
        try:
            self.service.save_agreement_pdf(plan.plan_id, destination)
        except errors.KnownError as exc:
            self._show_notice(error_text(exc), error=True)
            return False
        self._show_notice(
            QCoreApplication.translate("AgreementsView", "Saved the agreement as {path}").format(
                path=str(destination)
            ),
            error=False,
        )
        return True

    def _save_pdf(self) -> None:
        plan = self.selected_plan()
        if plan is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("AgreementsView", "Save the agreement as PDF"),
            f"agreement-{plan.loan_ref}.pdf",
            QCoreApplication.translate("AgreementsView", "PDF documents (*.pdf)"),
        )
        if name:
            self.save_pdf_to(Path(name))

    # -- the team lead's decision ----------------------------------------------------------------

    def approve_selected(self, reason: str) -> bool:
        return self._decide(reason, approve=True)

    def reject_selected(self, reason: str) -> bool:
        return self._decide(reason, approve=False)

    def _decide(self, reason: str, *, approve: bool) -> bool:
        plan = self.selected_plan()
        if plan is None:
            return False
        try:
            if approve:
                self.service.approve(plan.plan_id, reason)
            else:
                self.service.reject(plan.plan_id, reason)
        except errors.KnownError as exc:
            self._show_notice(error_text(exc), error=True)
            return False
        self._decided_here.add(plan.plan_id)
        translate = QCoreApplication.translate
        notice = (
            translate(
                "AgreementsView", "Plan for {loan_ref} approved; the collector sees it after sync."
            )
            if approve
            else translate(
                "AgreementsView", "Plan for {loan_ref} rejected; the collector sees it after sync."
            )
        )
        self._changed(notice.format(loan_ref=plan.loan_ref))
        return True

    def _ask_reason(self, title: str) -> str | None:
        reason, accepted = QInputDialog.getMultiLineText(
            self,
            title,
            QCoreApplication.translate("AgreementsView", "Reason (the collector sees it):"),
        )
        return reason if accepted else None

    def _approve(self) -> None:
        reason = self._ask_reason(QCoreApplication.translate("AgreementsView", "Approve the plan"))
        if reason is not None:
            self.approve_selected(reason)

    def _reject(self) -> None:
        reason = self._ask_reason(QCoreApplication.translate("AgreementsView", "Reject the plan"))
        if reason is not None:
            self.reject_selected(reason)

    # -- words -----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        translate = QCoreApplication.translate
        self.heading.setText(
            translate("AgreementsView", "Approvals, repayment plans and agreements")
            if self.service.may_decide
            else translate("AgreementsView", "Repayment plans and agreements")
        )
        self.queue_only.setText(
            translate("AgreementsView", "Only plans awaiting my decision (the approvals queue)")
        )
        self.model.retranslate()
        self.sign_button.setText(translate("AgreementsView", "&Sign…"))
        self.print_button.setText(translate("AgreementsView", "&Print…"))
        self.save_pdf_button.setText(translate("AgreementsView", "Save P&DF…"))
        self.approve_button.setText(translate("AgreementsView", "&Approve…"))
        self.reject_button.setText(translate("AgreementsView", "&Reject…"))
        self.open_button.setText(translate("AgreementsView", "Open &case"))
        self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
