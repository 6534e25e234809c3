"""The repayment plan editor: terms in, the schedule, totals and any problem shown as they change.

The dialog asks `PlanService.preview` on every edit and saves through `PlanService.save_draft`;
it computes no rule itself. It also holds the words for the plan service's codes, which the
signing dialog and the Agreements screen share.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QEvent,
    QRegularExpression,
    Signal,
)
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import errors
from app.domain import repayment_schedule
from app.services.plans import Frequency, PlanInput, PlanPreview, PlanService, PlanServiceError
from ui import formatting, labels
from ui.models.row_table_model import Column, RowTableModel

# Only for texts looked up at run time (the tables below); literal texts name their context
# themselves, as pyside6-lupdate reads only literals.
_CONTEXT = "PlanEditorDialog"
_ERROR_STYLE = "color: #c62828;"
_WARNING_STYLE = "color: #ef6c00;"
_AMOUNT_PATTERN = r"^\d{0,12}([.,]\d{0,2})?$"
_PERCENT_PATTERN = r"^\d{0,3}([.,]\d{0,2})?$"
MAX_INSTALMENTS = 120

# The plan service's codes in words, filled with their parameters (money with two decimals).
ISSUE_TEXT: Mapping[str, str] = {
    "negative_amount": QT_TRANSLATE_NOOP(
        "PlanEditorDialog", "The {field} may not be negative ({amount})."
    ),
    "waiver_exceeds_balance": QT_TRANSLATE_NOOP(
        "PlanEditorDialog",
        "The waiver of {waiver} is more than the interest and penalty of "
        "{interest_and_penalty}; principal cannot be waived.",
    ),
    "waiver_above_authority": QT_TRANSLATE_NOOP(
        "PlanEditorDialog",
        "The waiver is {waiver_pct}% of interest and penalty, above your authority of "
        "{authority_pct}%: a team lead must approve the plan before it is signed.",
    ),
    "instalment_below_minimum": QT_TRANSLATE_NOOP(
        "PlanEditorDialog",
        "An instalment of {amount} is below the minimum of {minimum}; choose fewer instalments "
        "or a larger down payment.",
    ),
    "term_too_long": QT_TRANSLATE_NOOP(
        "PlanEditorDialog",
        "The plan runs {months} months, longer than the maximum of {max_months} months.",
    ),
    "down_payment_exceeds_total": QT_TRANSLATE_NOOP(
        "PlanEditorDialog",
        "The down payment of {down_payment} is more than the agreed total of {agreed_total}.",
    ),
    "down_payment_date_missing": QT_TRANSLATE_NOOP(
        "PlanEditorDialog", "A down payment of {down_payment} needs a payment date."
    ),
    "dates_out_of_order": QT_TRANSLATE_NOOP(
        "PlanEditorDialog",
        "The down payment date {down_payment_date} must come before the first due date "
        "{first_due_date}.",
    ),
    "no_instalments": QT_TRANSLATE_NOOP(
        "PlanEditorDialog", "A plan needs at least one instalment."
    ),
    "due_date_not_moved": QT_TRANSLATE_NOOP(
        "PlanEditorDialog",
        "Instalment {seq} is due on {due_date}, a non-working day; it could not be moved "
        "without passing a neighbouring instalment.",
    ),
    "case_closed": QT_TRANSLATE_NOOP(
        "PlanEditorDialog", "The case is {status}: it takes no new plan."
    ),
    "date_in_past": QT_TRANSLATE_NOOP(
        "PlanEditorDialog", "The date {date} is in the past (today is {today})."
    ),
    "replaces_active_plan": QT_TRANSLATE_NOOP(
        "PlanEditorDialog",
        "Loan {loan_ref} already has a plan in force; signing this one replaces it.",
    ),
    "plan_not_found": QT_TRANSLATE_NOOP(
        "PlanEditorDialog", "This plan is no longer in the workspace."
    ),
    "case_not_found": QT_TRANSLATE_NOOP(
        "PlanEditorDialog", "This case is no longer in the workspace."
    ),
    "plan_locked": QT_TRANSLATE_NOOP(
        "PlanEditorDialog",
        "The plan is signed and can no longer change; make a new plan instead.",
    ),
    "plan_cancelled": QT_TRANSLATE_NOOP(
        "PlanEditorDialog", "The plan was withdrawn; make a new plan instead."
    ),
    "plan_rejected": QT_TRANSLATE_NOOP(
        "PlanEditorDialog", "A team lead rejected the plan: {reason}"
    ),
    "approval_pending": QT_TRANSLATE_NOOP(
        "PlanEditorDialog",
        "The waiver is {waiver_pct}% of interest and penalty, beyond the authority of "
        "{authority_pct}%: the plan awaits a team lead's approval and cannot be signed yet.",
    ),
    "signature_missing": QT_TRANSLATE_NOOP("PlanEditorDialog", "The {who} has not signed yet."),
    "signature_not_png": QT_TRANSLATE_NOOP(
        "PlanEditorDialog", "The {who}'s signature could not be read; please sign again."
    ),
    "not_a_lead": QT_TRANSLATE_NOOP(
        "PlanEditorDialog", "Only a team lead or an administrator approves or rejects plans."
    ),
    "not_pending": QT_TRANSLATE_NOOP(
        "PlanEditorDialog", "The plan is no longer awaiting approval."
    ),
    "own_plan": QT_TRANSLATE_NOOP(
        "PlanEditorDialog", "A plan you proposed is approved or rejected by someone else."
    ),
    "reason_required": QT_TRANSLATE_NOOP("PlanEditorDialog", "Give a reason for the decision."),
    "no_agreement_pdf": QT_TRANSLATE_NOOP(
        "PlanEditorDialog", "This plan has no signed agreement stored."
    ),
    "file_not_written": QT_TRANSLATE_NOOP("PlanEditorDialog", "Could not write {path}: {reason}"),
    "file_not_read": QT_TRANSLATE_NOOP("PlanEditorDialog", "Could not read {path}: {reason}"),
}

# Words for the parameters that are codes themselves.
PARAM_WORDS: Mapping[str, str] = {
    "principal": QT_TRANSLATE_NOOP("PlanEditorDialog", "principal"),
    "interest": QT_TRANSLATE_NOOP("PlanEditorDialog", "interest"),
    "penalty": QT_TRANSLATE_NOOP("PlanEditorDialog", "penalty"),
    "waiver": QT_TRANSLATE_NOOP("PlanEditorDialog", "waiver"),
    "down_payment": QT_TRANSLATE_NOOP("PlanEditorDialog", "down payment"),
    "borrower": QT_TRANSLATE_NOOP("PlanEditorDialog", "borrower"),
    "collector": QT_TRANSLATE_NOOP("PlanEditorDialog", "collector"),
}

FREQUENCY: Mapping[str, str] = {
    Frequency.WEEKLY: QT_TRANSLATE_NOOP("PlanEditorDialog", "Weekly"),
    Frequency.FORTNIGHTLY: QT_TRANSLATE_NOOP("PlanEditorDialog", "Every two weeks"),
    Frequency.MONTHLY: QT_TRANSLATE_NOOP("PlanEditorDialog", "Monthly"),
}


def _shown(code: str, name: str, value: object) -> str:
    if isinstance(value, Decimal):
        return formatting.money(value)
    if isinstance(value, dt.date):
        return formatting.date(value)
    if name == "status" and code == "case_closed":
        return labels.label(labels.CASE_STATUS, str(value))
    if name in ("field", "who") and str(value) in PARAM_WORDS:
        return QCoreApplication.translate(_CONTEXT, PARAM_WORDS[str(value)])
    return str(value)


def issue_text(code: str, params: Mapping[str, object]) -> str:
    """A plan service code in words; an unknown code as it is (a bug to report, not to hide)."""
    template = ISSUE_TEXT.get(code)
    if template is None:
        return code
    shown = {name: _shown(code, name, value) for name, value in params.items()}
    return QCoreApplication.translate(_CONTEXT, template).format(**shown)


def error_text(error: errors.KnownError) -> str:
    """A refusal of the plan service in words: every problem of a plan, one a line."""
    issues = getattr(error, "issues", None)
    if issues:
        return "\n".join(issue_text(issue.code, issue.params) for issue in issues)
    if isinstance(error, PlanServiceError):
        return issue_text(error.code, error.params)
    return str(error)


def _to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _decimal(text: str) -> Decimal:
    text = text.strip().replace(",", ".")
    if not text or text == ".":
        return Decimal("0")
    try:
        return Decimal(text)
    except InvalidOperation:
        return Decimal("0")


def _schedule_columns() -> list[Column[repayment_schedule.Instalment]]:
    translate = QCoreApplication.translate
    return [
        Column(
            lambda: translate("PlanEditorDialog", "No."),
            lambda item: (
                translate("PlanEditorDialog", "Down payment") if item.seq == 0 else str(item.seq)
            ),
        ),
        Column(
            lambda: translate("PlanEditorDialog", "Due date"),
            lambda item: formatting.date(item.due_date),
        ),
        Column(
            lambda: translate("PlanEditorDialog", "Amount (yuan)"),
            lambda item: formatting.money(item.amount),
        ),
    ]


class PlanEditorDialog(QDialog):
    """A new repayment plan for one case, with its schedule shown live.

    Attributes:
        plan_id: the plan saved last (None until saved).
        preview: the service's latest preview of the terms entered.
        schedule: the instalments of the preview, one row each (down payment first).

    Signals:
        plan_saved: a plan was saved (its id); a second save replaces the first.
    """

    plan_saved = Signal(object)  # uuid.UUID

    WAIVER_AMOUNT = "amount"
    WAIVER_PERCENT = "percent"

    def __init__(
        self,
        service: PlanService,
        case_id: uuid.UUID,
        borrower_name: str,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("planEditorDialog")
        self._service = service
        self._case_id = case_id
        self._borrower_name = borrower_name
        self.plan_id: uuid.UUID | None = None
        self.preview: PlanPreview | None = None
        today = clock().astimezone().date()

        self.principal = QLabel(objectName="principal")
        self.interest = QLabel(objectName="interest")
        self.penalty = QLabel(objectName="penalty")
        # The combo boxes' choices are read by index from these lists, not through
        # currentData(): PySide6 6.12 leaks a reference to None whenever it returns None.
        self._waiver_modes = [self.WAIVER_AMOUNT, self.WAIVER_PERCENT]
        self._frequencies = list(FREQUENCY)
        self.waiver_mode = QComboBox(objectName="waiverMode")
        for mode in self._waiver_modes:
            self.waiver_mode.addItem("", mode)
        self.waiver_value = QLineEdit("0", objectName="waiverValue")
        self.down_payment = QLineEdit("0", objectName="downPayment")
        self.down_payment.setValidator(
            QRegularExpressionValidator(QRegularExpression(_AMOUNT_PATTERN), self)
        )
        self.down_payment_date = QDateEdit(
            _qdate(today), objectName="downPaymentDate", calendarPopup=True
        )
        self.instalments = QSpinBox(objectName="instalmentCount")
        self.instalments.setRange(1, MAX_INSTALMENTS)
        self.instalments.setValue(6)
        self.frequency = QComboBox(objectName="frequency")
        for code in self._frequencies:
            self.frequency.addItem("", code)
        self.frequency.setCurrentIndex(self._frequencies.index(Frequency.MONTHLY))
        self.first_due_date = QDateEdit(
            _qdate(today).addMonths(1), objectName="firstDueDate", calendarPopup=True
        )

        self.schedule: RowTableModel[repayment_schedule.Instalment] = RowTableModel(
            _schedule_columns(), self
        )
        self.table = QTableView(objectName="schedule")
        self.table.setModel(self.schedule)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.agreed_total = QLabel(objectName="agreedTotal")
        self.schedule_total = QLabel(objectName="scheduleTotal")
        self.waiver_share = QLabel(objectName="waiverShare")
        self.messages = QLabel(objectName="planMessages", wordWrap=True)
        self.status = QLabel(objectName="planStatus", wordWrap=True)
        self.status.hide()
        self.save_button = QPushButton(objectName="saveDraft")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)

        self._form = QFormLayout()
        waiver_row = QHBoxLayout()
        waiver_row.addWidget(self.waiver_value, 1)
        waiver_row.addWidget(self.waiver_mode)
        down_row = QHBoxLayout()
        down_row.addWidget(self.down_payment, 1)
        self._on_label = QLabel()
        down_row.addWidget(self._on_label)
        down_row.addWidget(self.down_payment_date)
        self._rows: list[tuple[QLabel, QWidget | QHBoxLayout]] = []
        for widget in (
            self.principal,
            self.interest,
            self.penalty,
            waiver_row,
            down_row,
            self.instalments,
            self.frequency,
            self.first_due_date,
        ):
            label = QLabel()
            self._form.addRow(label, widget)
            self._rows.append((label, widget))
        totals = QVBoxLayout()
        totals.addWidget(self.agreed_total)
        totals.addWidget(self.schedule_total)
        totals.addWidget(self.waiver_share)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addLayout(self._form, 1)
        top.addWidget(self.table, 1)
        layout.addLayout(top)
        layout.addLayout(totals)
        layout.addWidget(self.messages)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(880, 520)

        self.waiver_mode.currentIndexChanged.connect(self._on_waiver_mode)
        self.waiver_value.textChanged.connect(self.refresh)
        self.down_payment.textChanged.connect(self.refresh)
        self.down_payment_date.dateChanged.connect(self.refresh)
        self.instalments.valueChanged.connect(self.refresh)
        self.frequency.currentIndexChanged.connect(self.refresh)
        self.first_due_date.dateChanged.connect(self.refresh)
        self._on_waiver_mode()
        self.retranslate()

    # -- the terms -------------------------------------------------------------------------------

    def plan_input(self) -> PlanInput:
        """The terms as entered."""
        waiver = _decimal(self.waiver_value.text())
        percent = self._waiver_percent()
        down_payment = _decimal(self.down_payment.text())
        return PlanInput(
            instalment_count=self.instalments.value(),
            frequency=Frequency(self._frequencies[self.frequency.currentIndex()]),
            first_due_date=_to_date(self.first_due_date.date()),
            waiver=Decimal("0") if percent else waiver,
            waiver_pct=waiver if percent else None,
            down_payment=down_payment,
            down_payment_date=_to_date(self.down_payment_date.date()),
        )

    def set_waiver_percent(self, percent: bool) -> None:
        mode = self.WAIVER_PERCENT if percent else self.WAIVER_AMOUNT
        self.waiver_mode.setCurrentIndex(self._waiver_modes.index(mode))

    def _waiver_percent(self) -> bool:
        return self._waiver_modes[self.waiver_mode.currentIndex()] == self.WAIVER_PERCENT

    def _on_waiver_mode(self) -> None:
        pattern = _PERCENT_PATTERN if self._waiver_percent() else _AMOUNT_PATTERN
        self.waiver_value.setValidator(
            QRegularExpressionValidator(QRegularExpression(pattern), self)
        )
        self.refresh()

    # -- the live schedule -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Ask the service for the plan as entered and show it."""
        self.down_payment_date.setEnabled(_decimal(self.down_payment.text()) > 0)
        try:
            preview = self._service.preview(self._case_id, self.plan_input())
        except errors.KnownError as exc:
            self.preview = None
            self.schedule.set_rows([])
            self._show_messages([error_text(exc)], [])
            self.save_button.setEnabled(False)
            return
        self.preview = preview
        self._fill(preview)
        # A saved plan stays saved until the terms change.
        self.status.hide()
        self.save_button.setEnabled(preview.ok)

    def _fill(self, preview: PlanPreview) -> None:
        translate = QCoreApplication.translate
        self.principal.setText(formatting.money(preview.principal))
        self.interest.setText(formatting.money(preview.interest))
        self.penalty.setText(formatting.money(preview.penalty))
        self.schedule.set_rows(preview.instalments)
        self.agreed_total.setText(
            translate("PlanEditorDialog", "Agreed total: {amount} yuan").format(
                amount=formatting.money(preview.agreed_total)
            )
        )
        self.schedule_total.setText(
            translate("PlanEditorDialog", "Instalments add up to: {amount} yuan").format(
                amount=formatting.money(preview.schedule_total)
            )
            if preview.instalments
            else ""
        )
        self.waiver_share.setText(
            translate(
                "PlanEditorDialog",
                "Waiver: {waiver} yuan, {waiver_pct}% of interest and penalty "
                "(your authority: {authority_pct}%)",
            ).format(
                waiver=formatting.money(preview.waiver),
                waiver_pct=formatting.money(preview.waiver_pct),
                authority_pct=formatting.money(preview.authority_pct),
            )
        )
        self._show_messages(
            [issue_text(issue.code, issue.params) for issue in preview.errors],
            [issue_text(issue.code, issue.params) for issue in preview.warnings],
        )

    def _show_messages(self, problems: list[str], warnings: list[str]) -> None:
        self.messages.setText("\n".join([*problems, *warnings]))
        self.messages.setStyleSheet(_ERROR_STYLE if problems else _WARNING_STYLE)
        self.messages.setVisible(bool(problems or warnings))

    # -- saving ----------------------------------------------------------------------------------

    def save(self) -> uuid.UUID | None:
        """Save the plan as entered (replacing the one saved before from this dialog); says
        whether it is ready to sign or awaits a team lead's approval."""
        terms = self.plan_input()
        try:
            if self.plan_id is None:
                plan_id = self._service.save_draft(self._case_id, terms)
            else:
                plan_id = self._service.revise(self.plan_id, terms)
            summary = self._service.plan(plan_id)
        except errors.KnownError as exc:
            self._show_messages([error_text(exc)], [])
            return None
        self.plan_id = plan_id
        translate = QCoreApplication.translate
        if summary.signable:
            text = translate("PlanEditorDialog", "Saved as a draft: ready to sign.")
        else:
            text = translate(
                "PlanEditorDialog",
                "Saved, awaiting a team lead's approval: it can be signed once approved "
                "(after the next sync).",
            )
        self.status.setText(text)
        self.status.setStyleSheet("" if summary.signable else _WARNING_STYLE)
        self.status.show()
        self.save_button.setEnabled(False)
        self.plan_saved.emit(plan_id)
        return plan_id

    # -- words -----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        translate = QCoreApplication.translate
        self.setWindowTitle(
            translate("PlanEditorDialog", "Repayment plan for {borrower}").format(
                borrower=self._borrower_name
            )
        )
        captions = (
            translate("PlanEditorDialog", "Principal"),
            translate("PlanEditorDialog", "Interest"),
            translate("PlanEditorDialog", "Penalty"),
            translate("PlanEditorDialog", "&Waiver"),
            translate("PlanEditorDialog", "&Down payment (yuan)"),
            translate("PlanEditorDialog", "&Instalments"),
            translate("PlanEditorDialog", "&Frequency"),
            translate("PlanEditorDialog", "First &due date"),
        )
        for (label, widget), caption in zip(self._rows, captions, strict=True):
            label.setText(caption)
            if isinstance(widget, QWidget):
                label.setBuddy(widget)
        self._rows[3][0].setBuddy(self.waiver_value)
        self._rows[4][0].setBuddy(self.down_payment)
        self._on_label.setText(translate("PlanEditorDialog", "on"))
        self.waiver_mode.setItemText(0, translate("PlanEditorDialog", "yuan"))
        self.waiver_mode.setItemText(1, translate("PlanEditorDialog", "% of interest and penalty"))
        for index, code in enumerate(self._frequencies):
            self.frequency.setItemText(index, translate(_CONTEXT, FREQUENCY[code]))
        self.schedule.retranslate()
        self.save_button.setText(translate("PlanEditorDialog", "&Save draft"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
