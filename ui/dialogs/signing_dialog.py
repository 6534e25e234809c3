"""Signing a repayment plan on the spot: the borrower and the collector each sign on a pad.

The dialog signs through `PlanService.sign`, which prints the agreement with both signatures and
stores it; a plan that cannot be signed (awaiting approval, rejected, already signed) is refused
in words before anyone signs.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import errors
from app.services.plans import PlanService, PlanSummary, SignedAgreement
from ui import formatting
from ui.dialogs.plan_editor_dialog import error_text, issue_text
from ui.widgets.signature_pad import SignaturePad


class SigningDialog(QDialog):
    """Both parties sign one plan.

    Attributes:
        summary: the plan as it stood when the dialog opened (None if it is gone).
        signed: the signed agreement, once signed.

    Signals:
        plan_signed: the plan was signed (its `SignedAgreement`).
    """

    plan_signed = Signal(object)  # SignedAgreement

    def __init__(
        self,
        service: PlanService,
        plan_id: uuid.UUID,
        borrower_name: str,
        collector_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signingDialog")
        self._service = service
        self._plan_id = plan_id
        self._borrower_name = borrower_name
        self._collector_name = collector_name
        self.signed: SignedAgreement | None = None
        self.summary: PlanSummary | None = None
        self._refusal = ""

        self.plan_label = QLabel(objectName="planSummary", wordWrap=True)
        self.borrower_caption = QLabel()
        self.collector_caption = QLabel()
        self.borrower_pad = SignaturePad()
        self.borrower_pad.setObjectName("borrowerSignature")
        self.collector_pad = SignaturePad()
        self.collector_pad.setObjectName("collectorSignature")
        self.borrower_undo = QPushButton(objectName="borrowerUndo")
        self.borrower_clear = QPushButton(objectName="borrowerClear")
        self.collector_undo = QPushButton(objectName="collectorUndo")
        self.collector_clear = QPushButton(objectName="collectorClear")
        self.borrower_undo.clicked.connect(self.borrower_pad.undo)
        self.borrower_clear.clicked.connect(self.borrower_pad.clear)
        self.collector_undo.clicked.connect(self.collector_pad.undo)
        self.collector_clear.clicked.connect(self.collector_pad.clear)
        self.place_caption = QLabel()
        self.place = QLineEdit(objectName="signingPlace")
        self.place_caption.setBuddy(self.place)
        self.message = QLabel(objectName="signingMessage", wordWrap=True)
        self.message.hide()
        self.sign_button = QPushButton(objectName="sign")
        # Not connected directly: `clicked` would hand its `checked` flag in as `out_pdf`.
        self.sign_button.clicked.connect(lambda: self.sign())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.sign_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.borrower_pad.changed.connect(self._update_sign_button)
        self.collector_pad.changed.connect(self._update_sign_button)

        pads = QGridLayout()
        pads.addWidget(self.borrower_caption, 0, 0)
        pads.addWidget(self.collector_caption, 0, 1)
        pads.addWidget(self.borrower_pad, 1, 0)
        pads.addWidget(self.collector_pad, 1, 1)
        for column, (undo, clear) in enumerate(
            ((self.borrower_undo, self.borrower_clear), (self.collector_undo, self.collector_clear))
        ):
            row = QHBoxLayout()
            row.addStretch()
            row.addWidget(undo)
            row.addWidget(clear)
            pads.addLayout(row, 2, column)
        place_row = QHBoxLayout()
        place_row.addWidget(self.place_caption)
        place_row.addWidget(self.place, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.plan_label)
        layout.addLayout(pads, 1)
        layout.addLayout(place_row)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(860, 460)
        self._load()
        self.retranslate()

    def _load(self) -> None:
        try:
            self.summary = self._service.plan(self._plan_id)
        except errors.KnownError as exc:
            self.summary = None
            self._refusal = error_text(exc)
            return
        refusal = self.summary.sign_refusal
        self._refusal = issue_text(refusal.code, refusal.params) if refusal else ""

    @property
    def refused(self) -> bool:
        """The plan cannot be signed (the reason is shown in words)."""
        return bool(self._refusal)

    def _update_sign_button(self) -> None:
        both = not self.borrower_pad.is_empty() and not self.collector_pad.is_empty()
        self.sign_button.setEnabled(both and not self.refused and self.signed is None)

    def _show_message(self, text: str, *, error: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c62828;" if error else "color: #2e7d32;")
        self.message.setVisible(bool(text))

    def sign(self, out_pdf: Path | None = None) -> SignedAgreement | None:
        """Sign with both drawn signatures; stays open with the reason when refused."""
        if self.refused:
            self._show_message(self._refusal, error=True)
            return None
        if self.borrower_pad.is_empty() or self.collector_pad.is_empty():
            who = "borrower" if self.borrower_pad.is_empty() else "collector"
            self._show_message(issue_text("signature_missing", {"who": who}), error=True)
            return None
        try:
            signed = self._service.sign(
                self._plan_id,
                self.borrower_pad.to_png(),
                self.collector_pad.to_png(),
                self.place.text(),
                out_pdf,
            )
        except errors.KnownError as exc:
            self._show_message(error_text(exc), error=True)
            return None
        self.signed = signed
        for widget in (
            self.borrower_pad,
            self.collector_pad,
            self.place,
            self.borrower_undo,
            self.borrower_clear,
            self.collector_undo,
            self.collector_clear,
        ):
            widget.setEnabled(False)
        self._update_sign_button()
        self._show_message(self._signed_text(signed), error=False)
        self.plan_signed.emit(signed)
        return signed

    def _signed_text(self, signed: SignedAgreement) -> str:
        return QCoreApplication.translate(
            "SigningDialog",
            "Signed. Agreement {agreement_id} is stored with both signatures; the plan is now "
            "in force. Print it for the borrower from Agreements.",
        ).format(agreement_id=signed.agreement_id)

    def retranslate(self) -> None:
        translate = QCoreApplication.translate
        self.setWindowTitle(
            translate("SigningDialog", "Sign the repayment plan with {borrower}").format(
                borrower=self._borrower_name
            )
        )
        if self.summary is not None:
            self.plan_label.setText(
                translate(
                    "SigningDialog",
                    "Loan {loan_ref}: {total} yuan in {count} instalments. Both parties sign "
                    "below; the agreement is printed with their signatures.",
                ).format(
                    loan_ref=self.summary.loan_ref,
                    total=formatting.money(self.summary.agreed_total),
                    count=self.summary.instalment_count,
                )
            )
        self.borrower_caption.setText(
            translate("SigningDialog", "Borrower: {name}").format(name=self._borrower_name)
        )
        self.collector_caption.setText(
            translate("SigningDialog", "Collector: {name}").format(name=self._collector_name)
        )
        for undo in (self.borrower_undo, self.collector_undo):
            undo.setText(translate("SigningDialog", "Undo"))
        for clear in (self.borrower_clear, self.collector_clear):
            clear.setText(translate("SigningDialog", "Clear"))
        self.place_caption.setText(translate("SigningDialog", "Signed &at (place)"))
        self.sign_button.setText(translate("SigningDialog", "&Sign"))
        if self.signed is not None:
            self._show_message(self._signed_text(self.signed), error=False)
        elif self.refused:
            self._show_message(self._refusal, error=True)
            for pad in (self.borrower_pad, self.collector_pad):
                pad.setEnabled(False)
        self._update_sign_button()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._load()
            self.retranslate()
        super().changeEvent(event)
