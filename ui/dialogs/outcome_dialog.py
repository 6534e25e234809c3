"""Recording what came of a visit: outcome, person met, notes, next action, promise, consent.

The dialog saves through `VisitService.record_outcome`; when the service refuses (a missing
promise field, a contact outside the allowed hours) it stays open with the reason in words, and
nothing is lost of what was typed.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.visits import ContactRefusedError, VisitError, VisitService
from ui import labels

# Outcomes that record a promise to pay (their promise fields are required).
PROMISE_OUTCOMES = frozenset({"promised_to_pay"})
_AMOUNT_PATTERN = r"^\d{1,12}([.,]\d{0,2})?$"


def error_text(error: VisitError) -> str:
    """The service's refusal in the interface's language."""
    if isinstance(error, ContactRefusedError):
        return "\n".join(
            labels.filled(labels.VIOLATION, violation.code, violation.params)
            for violation in error.verdict.refusals
        )
    if error.code in labels.VISIT_ERROR:
        return labels.filled(labels.VISIT_ERROR, error.code, error.params)
    return str(error)


def _to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class OutcomeDialog(QDialog):
    """The outcome of one checked-in visit."""

    def __init__(
        self,
        service: VisitService,
        visit_id: uuid.UUID,
        borrower_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("outcomeDialog")
        self._service = service
        self._visit_id = visit_id
        self.contact_id: uuid.UUID | None = None
        self.setWindowTitle(
            QCoreApplication.translate(
                "OutcomeDialog", "Outcome of the visit to {borrower}"
            ).format(borrower=borrower_name)
        )
        self.outcome = QComboBox(objectName="outcome")
        for code in labels.OUTCOME:
            self.outcome.addItem(labels.label(labels.OUTCOME, code), code)
        self.outcome.currentIndexChanged.connect(self._update_promise_fields)
        self.person_met = QLineEdit(objectName="personMet")
        self.notes = QPlainTextEdit(objectName="notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(80)
        tomorrow = QDate.currentDate().addDays(1)
        self.next_action = QDateEdit(tomorrow, objectName="nextAction", calendarPopup=True)
        self.promise_amount = QLineEdit(objectName="promiseAmount")
        self.promise_amount.setValidator(
            QRegularExpressionValidator(QRegularExpression(_AMOUNT_PATTERN), self)
        )
        self.promise_date = QDateEdit(
            QDate.currentDate().addDays(7), objectName="promiseDate", calendarPopup=True
        )
        self.consent = QLineEdit(objectName="consentReason")
        self.error = QLabel(objectName="outcomeError", wordWrap=True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        translate = QCoreApplication.translate
        form = QFormLayout()
        form.addRow(translate("OutcomeDialog", "&Outcome"), self.outcome)
        form.addRow(translate("OutcomeDialog", "&Person met"), self.person_met)
        form.addRow(translate("OutcomeDialog", "&Notes"), self.notes)
        form.addRow(translate("OutcomeDialog", "Ne&xt action on"), self.next_action)
        form.addRow(translate("OutcomeDialog", "Promised &amount (yuan)"), self.promise_amount)
        form.addRow(translate("OutcomeDialog", "Promised &by"), self.promise_date)
        form.addRow(translate("OutcomeDialog", "Borrower's &consent"), self.consent)
        self.consent.setPlaceholderText(
            translate("OutcomeDialog", "Only for a visit outside the allowed hours")
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._update_promise_fields()

    def select_outcome(self, code: str) -> None:
        self.outcome.setCurrentIndex(self.outcome.findData(code))

    def _update_promise_fields(self) -> None:
        needs_promise = self.outcome.currentData() in PROMISE_OUTCOMES
        self.promise_amount.setEnabled(needs_promise)
        self.promise_date.setEnabled(needs_promise)

    def _promise_amount(self) -> Decimal | None:
        text = self.promise_amount.text().strip().replace(",", ".")
        return Decimal(text) if text and self.promise_amount.isEnabled() else None

    def save(self) -> None:
        """Record the outcome; stay open with the reason when the service refuses it."""
        promise = self.outcome.currentData() in PROMISE_OUTCOMES
        try:
            self.contact_id = self._service.record_outcome(
                self._visit_id,
                self.outcome.currentData(),
                person_met=self.person_met.text().strip() or None,
                notes=self.notes.toPlainText().strip() or None,
                next_action_date=_to_date(self.next_action.date()),
                promise_amount=self._promise_amount() if promise else None,
                promise_date=_to_date(self.promise_date.date()) if promise else None,
                consent_reason=self.consent.text().strip() or None,
            )
        except VisitError as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            return
        self.accept()
