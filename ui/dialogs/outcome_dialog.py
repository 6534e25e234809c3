"""Recording what came of a visit: outcome, person met, notes, next action, promise, consent.

The dialog saves through `VisitService.record_outcome`; when the service refuses (a missing
promise field, a contact outside the allowed hours) it stays open with the reason in words, and
nothing is lost of what was typed.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
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

from app.services.cases import PhoneView
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
    """The outcome of a checked-in visit (`visit_id`), or of a call or SMS on a case (`case_id`,
    with the borrower's `phones` to choose the number from)."""

    def __init__(
        self,
        service: VisitService,
        borrower_name: str,
        *,
        visit_id: uuid.UUID | None = None,
        case_id: uuid.UUID | None = None,
        phones: tuple[PhoneView, ...] = (),
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("outcomeDialog")
        if (visit_id is None) == (case_id is None):
            raise ValueError("give either the visit or the case")
        self._service = service
        self._visit_id = visit_id
        self._case_id = case_id
        self._clock = clock
        self.contact_id: uuid.UUID | None = None
        # Notes the user chose to keep after the wording warning (saved as they are).
        self._accepted_notes: str | None = None
        title = (
            QCoreApplication.translate("OutcomeDialog", "Outcome of the visit to {borrower}")
            if visit_id is not None
            else QCoreApplication.translate("OutcomeDialog", "Call or SMS to {borrower}")
        )
        self.setWindowTitle(title.format(borrower=borrower_name))
        self.channel = QComboBox(objectName="channel")
        for code in ("phone", "sms"):
            self.channel.addItem(labels.label(labels.CHANNEL, code), code)
        self.phone = QComboBox(objectName="phone")
        for phone in phones:
            if not phone.invalid:
                self.phone.addItem(
                    QCoreApplication.translate("OutcomeDialog", "{number} ({kind})").format(
                        number=phone.masked, kind=labels.label(labels.PHONE_KIND, phone.kind)
                    ),
                    phone.phone_id,
                )
        self.outcome = QComboBox(objectName="outcome")
        for code in service.outcome_codes:
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
        if case_id is not None:
            form.addRow(translate("OutcomeDialog", "C&hannel"), self.channel)
            form.addRow(translate("OutcomeDialog", "Pho&ne number"), self.phone)
        form.addRow(translate("OutcomeDialog", "&Outcome"), self.outcome)
        form.addRow(translate("OutcomeDialog", "&Person met"), self.person_met)
        form.addRow(translate("OutcomeDialog", "&Notes"), self.notes)
        form.addRow(translate("OutcomeDialog", "Ne&xt action on"), self.next_action)
        form.addRow(translate("OutcomeDialog", "Promised &amount (yuan)"), self.promise_amount)
        form.addRow(translate("OutcomeDialog", "Promised &by"), self.promise_date)
        form.addRow(translate("OutcomeDialog", "Borrower's &consent"), self.consent)
        self.consent.setPlaceholderText(
            translate("OutcomeDialog", "Only for a contact outside the allowed hours")
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
        """Record the outcome; stay open with the reason when the service refuses it.

        Notes with threatening or abusive wording are not saved at the first press: the dialog
        names the words, and a second press with the same notes keeps them as they are.
        """
        notes = self.notes.toPlainText().strip()
        flagged = self._service.screen_notes(notes)
        if flagged and notes != self._accepted_notes:
            self._accepted_notes = notes
            self.error.setText(
                QCoreApplication.translate(
                    "OutcomeDialog",
                    "The notes may read as threatening or abusive ({terms}). Reword them, or "
                    "press Save again to keep them as they are.",
                ).format(terms=QCoreApplication.translate("OutcomeDialog", ", ").join(flagged))
            )
            self.error.show()
            return
        promise = self.outcome.currentData() in PROMISE_OUTCOMES
        fields = {
            "person_met": self.person_met.text().strip() or None,
            "notes": notes or None,
            "next_action_date": _to_date(self.next_action.date()),
            "promise_amount": self._promise_amount() if promise else None,
            "promise_date": _to_date(self.promise_date.date()) if promise else None,
            "consent_reason": self.consent.text().strip() or None,
        }
        try:
            if self._visit_id is not None:
                self.contact_id = self._service.record_outcome(
                    self._visit_id, self.outcome.currentData(), **fields
                )
            else:
                assert self._case_id is not None
                self.contact_id = self._service.record_contact(
                    self._case_id,
                    self.channel.currentData(),
                    self.outcome.currentData(),
                    self._clock(),
                    phone_id=self.phone.currentData(),
                    **fields,
                )
        except VisitError as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            return
        self.accept()
