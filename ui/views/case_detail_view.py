"""One case in full: borrower, contacts, balances, why its tier, and one timeline of everything."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.cases import CaseDetail, CaseService, TimelineEntry
from app.services.visits import VisitService
from ui import formatting, labels
from ui.dialogs.outcome_dialog import OutcomeDialog
from ui.dialogs.plan_visit_dialog import PlanVisitDialog
from ui.models.case_table_model import TIER_COLOURS
from ui.models.row_table_model import Column, RowTableModel

_TIMELINE_CODES = {
    "contact": labels.OUTCOME,
    "visit": labels.VISIT_STATUS,
    "promise": labels.PROMISE_STATUS,
    "plan": labels.PLAN_STATUS,
    "payment": labels.PAYMENT_CHANNEL,
}


def _timeline_columns() -> list[Column[TimelineEntry]]:
    translate = QCoreApplication.translate
    return [
        Column(
            lambda: translate("CaseDetailView", "When"),
            lambda entry: formatting.local_datetime(entry.at, entry.timezone),
        ),
        Column(lambda: translate("CaseDetailView", "What"), _timeline_what),
        Column(
            lambda: translate("CaseDetailView", "Amount"),
            lambda entry: formatting.money(entry.amount),
            right=True,
        ),
        Column(lambda: translate("CaseDetailView", "Notes"), lambda entry: entry.detail or ""),
    ]


def _timeline_what(entry: TimelineEntry) -> str:
    return QCoreApplication.translate("CaseDetailView", "{kind}: {what}").format(
        kind=labels.label(labels.TIMELINE_KIND, entry.kind),
        what=labels.label(_TIMELINE_CODES.get(entry.kind, {}), entry.code),
    )


class CaseDetailView(QScrollArea):
    """The detail pane; `show_case(None)` empties it.

    Attributes:
        timeline_model: the case's timeline, one row per entry.
    """

    changed = Signal()  # a contact or visit of the case was recorded
    audited = Signal()  # an audit event was written (the ID number was revealed)
    new_plan_requested = Signal(object, str)  # case id, borrower name

    def __init__(
        self,
        service: CaseService,
        visits: VisitService,
        parent: QWidget | None = None,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("caseDetail")
        self._service = service
        self._visits = visits
        self._clock = clock
        self._detail: CaseDetail | None = None
        self._revealed: str | None = None
        self.setWidgetResizable(True)

        self.title = QLabel(
            objectName="caseTitle",
            textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse,
        )
        self.title.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.tier_badge = QLabel(objectName="tierBadge")
        self.id_number = QLabel(objectName="idNumber")
        self.reveal_button = QPushButton(objectName="revealIdNumber")
        self.reveal_button.clicked.connect(self._reveal)
        self.balances = QFormLayout()
        self.reasons = QLabel(objectName="riskReasons", wordWrap=True)
        self.phones = QLabel(objectName="phones", wordWrap=True)
        self.addresses = QLabel(
            objectName="addresses", wordWrap=True, textFormat=Qt.TextFormat.RichText
        )
        self.timeline_model: RowTableModel[TimelineEntry] = RowTableModel(_timeline_columns(), self)
        self.timeline = QTableView(objectName="timeline")
        self.timeline.setModel(self.timeline_model)
        self.timeline.verticalHeader().hide()
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.timeline.horizontalHeader().setStretchLastSection(True)
        self.timeline.setMinimumHeight(220)
        self.empty = QLabel(objectName="noCaseSelected", alignment=Qt.AlignmentFlag.AlignCenter)

        self.contact_button = QPushButton(objectName="recordContact")
        self.contact_button.clicked.connect(self._record_contact)
        self.plan_button = QPushButton(objectName="planVisit")
        self.plan_button.clicked.connect(self._plan_visit)
        self.repayment_button = QPushButton(objectName="newRepaymentPlan")
        self.repayment_button.clicked.connect(self._new_repayment_plan)
        actions = QHBoxLayout()
        actions.addWidget(self.contact_button)
        actions.addWidget(self.plan_button)
        actions.addWidget(self.repayment_button)
        actions.addStretch()

        id_row = QHBoxLayout()
        id_row.addWidget(self.id_number)
        id_row.addWidget(self.reveal_button)
        id_row.addStretch()
        self.borrower_box = QGroupBox()
        borrower_layout = QVBoxLayout(self.borrower_box)
        borrower_layout.addLayout(id_row)
        borrower_layout.addWidget(self.phones)
        borrower_layout.addWidget(self.addresses)
        self.balance_box = QGroupBox()
        self.balance_box.setLayout(self.balances)
        self.risk_box = QGroupBox()
        QVBoxLayout(self.risk_box).addWidget(self.reasons)
        self.timeline_box = QGroupBox()
        QVBoxLayout(self.timeline_box).addWidget(self.timeline)

        self.content = QWidget()
        layout = QVBoxLayout(self.content)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.tier_badge)
        layout.addLayout(header)
        layout.addLayout(actions)
        for box in (self.borrower_box, self.balance_box, self.risk_box, self.timeline_box):
            layout.addWidget(box)
        layout.addStretch()
        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.addWidget(self.empty)
        page_layout.addWidget(self.content)
        self.setWidget(page)
        self.retranslate()
        self.show_case(None)

    @property
    def detail(self) -> CaseDetail | None:
        return self._detail

    def show_case(self, case_id: uuid.UUID | None) -> None:
        self._revealed = None
        self._detail = self._service.detail(case_id) if case_id is not None else None
        self._fill()

    def contact_dialog(self) -> OutcomeDialog | None:
        """The dialog recording a call or SMS to the shown case's borrower."""
        if self._detail is None:
            return None
        return OutcomeDialog(
            self._visits,
            self._detail.case.borrower_name,
            case_id=self._detail.case.case_id,
            phones=self._detail.phones,
            clock=self._clock,
            parent=self,
        )

    def plan_visit_dialog(self) -> PlanVisitDialog | None:
        if self._detail is None:
            return None
        return PlanVisitDialog(
            self._visits,
            self._detail.case.case_id,
            self._detail.case.borrower_name,
            self._detail.addresses,
            self,
        )

    def _record_contact(self) -> None:
        dialog = self.contact_dialog()
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted:
            self.show_case(self._detail.case.case_id if self._detail else None)
            self.changed.emit()

    def _plan_visit(self) -> None:
        dialog = self.plan_visit_dialog()
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted:
            self.show_case(self._detail.case.case_id if self._detail else None)
            self.changed.emit()

    def _new_repayment_plan(self) -> None:
        if self._detail is not None:
            self.new_plan_requested.emit(self._detail.case.case_id, self._detail.case.borrower_name)

    def _reveal(self) -> None:
        if self._detail is None:
            return
        # The service writes the audit event before it returns the number.
        self._revealed = self._service.reveal_id_number(self._detail.case.case_id)
        self._fill_identity()
        self.audited.emit()

    # -- filling -----------------------------------------------------------------------------------

    def _fill(self) -> None:
        detail = self._detail
        self.empty.setVisible(detail is None)
        self.content.setVisible(detail is not None)
        if detail is None:
            return
        case = detail.case
        self.title.setText(
            QCoreApplication.translate("CaseDetailView", "{borrower} · {loan_ref}").format(
                borrower=case.borrower_name, loan_ref=case.loan_ref
            )
        )
        colour = TIER_COLOURS.get(detail.risk.tier, "#000000")
        self.tier_badge.setText(
            QCoreApplication.translate("CaseDetailView", "Tier {tier} · score {score}").format(
                tier=detail.risk.tier, score=detail.risk.score
            )
        )
        self.tier_badge.setStyleSheet(
            f"color: white; background: {colour}; border-radius: 4px; padding: 2px 8px;"
        )
        self._fill_identity()
        self._fill_balances(detail)
        self._fill_contacts(detail)
        reasons = [
            labels.filled(labels.RISK_REASON, r.code, r.params | {"points": r.points})
            for r in detail.risk.reasons
        ]
        self.reasons.setText(
            "\n".join(f"• {reason}" for reason in reasons)
            or QCoreApplication.translate("CaseDetailView", "No risk factor")
        )
        self._fill_timeline(detail.timeline)

    def _fill_identity(self) -> None:
        if self._detail is None:
            return
        shown = self._revealed or self._detail.id_number_masked
        self.id_number.setText(
            QCoreApplication.translate("CaseDetailView", "ID number: {number}").format(number=shown)
        )
        self.reveal_button.setVisible(self._revealed is None)

    def _fill_balances(self, detail: CaseDetail) -> None:
        while self.balances.rowCount():
            self.balances.removeRow(0)
        case = detail.case
        rows = (
            (QCoreApplication.translate("CaseDetailView", "Product"), detail.product or ""),
            (
                QCoreApplication.translate("CaseDetailView", "Principal"),
                formatting.money(detail.principal),
            ),
            (
                QCoreApplication.translate("CaseDetailView", "Interest"),
                formatting.money(detail.interest),
            ),
            (
                QCoreApplication.translate("CaseDetailView", "Penalty"),
                formatting.money(detail.penalty),
            ),
            (
                QCoreApplication.translate("CaseDetailView", "Outstanding"),
                formatting.money(case.outstanding),
            ),
            (
                QCoreApplication.translate("CaseDetailView", "First unpaid due date"),
                formatting.date(detail.due_date),
            ),
            (
                QCoreApplication.translate("CaseDetailView", "Days past due"),
                QCoreApplication.translate("CaseDetailView", "{days} ({bucket})").format(
                    days=case.days_past_due, bucket=labels.label(labels.BUCKET, case.bucket.value)
                ),
            ),
            (
                QCoreApplication.translate("CaseDetailView", "Status"),
                labels.label(labels.CASE_STATUS, case.status),
            ),
            (
                QCoreApplication.translate("CaseDetailView", "Promise"),
                QCoreApplication.translate("CaseDetailView", "{amount} by {date}").format(
                    amount=formatting.money(case.promised_amount),
                    date=formatting.date(case.promised_date),
                )
                if case.promised_date
                else "",
            ),
            (
                QCoreApplication.translate("CaseDetailView", "Next action"),
                formatting.date(case.next_action_date),
            ),
        )
        for name, value in rows:
            field = QLabel(value, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
            self.balances.addRow(name, field)

    def _fill_contacts(self, detail: CaseDetail) -> None:
        phone_lines = [
            QCoreApplication.translate("CaseDetailView", "{kind}: {number} {owner}")
            .format(
                kind=labels.label(labels.PHONE_KIND, phone.kind),
                number=phone.masked,
                owner=phone.owner_name or "",
            )
            .strip()
            for phone in detail.phones
        ]
        self.phones.setText(
            "\n".join(phone_lines)
            or QCoreApplication.translate("CaseDetailView", "No phone number")
        )
        address_lines = []
        for address in detail.addresses:
            line = QCoreApplication.translate("CaseDetailView", "{kind}: {address}").format(
                kind=labels.label(labels.ADDRESS_KIND, address.kind), address=address.text
            )
            flags = [labels.label(labels.SAFETY_FLAG, flag) for flag in address.safety_flags]
            if flags:
                warning = QCoreApplication.translate("CaseDetailView", "Caution: {flags}").format(
                    flags=QCoreApplication.translate("CaseDetailView", ", ").join(flags)
                )
                line = QCoreApplication.translate(
                    "CaseDetailView", "{address} <span style='color:#c62828'>⚠ {warning}</span>"
                ).format(address=line, warning=warning)
            address_lines.append(line)
        self.addresses.setText(
            "<br>".join(address_lines) or QCoreApplication.translate("CaseDetailView", "No address")
        )

    def _fill_timeline(self, entries: tuple[TimelineEntry, ...]) -> None:
        self.timeline_model.set_rows(entries)

    # -- language ----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.reveal_button.setText(QCoreApplication.translate("CaseDetailView", "&Reveal"))
        self.contact_button.setText(
            QCoreApplication.translate("CaseDetailView", "Record &call or SMS…")
        )
        self.plan_button.setText(QCoreApplication.translate("CaseDetailView", "Plan &visit…"))
        self.repayment_button.setText(
            QCoreApplication.translate("CaseDetailView", "New repayment &plan…")
        )
        self.reveal_button.setToolTip(
            QCoreApplication.translate(
                "CaseDetailView",
                "Shows the full ID number; the reveal is recorded in the audit trail",
            )
        )
        self.borrower_box.setTitle(QCoreApplication.translate("CaseDetailView", "Borrower"))
        self.balance_box.setTitle(QCoreApplication.translate("CaseDetailView", "Balances"))
        self.risk_box.setTitle(QCoreApplication.translate("CaseDetailView", "Why this tier"))
        self.timeline_box.setTitle(QCoreApplication.translate("CaseDetailView", "Timeline"))
        self.timeline_model.retranslate()
        self.empty.setText(
            QCoreApplication.translate("CaseDetailView", "Select a case to see its detail")
        )
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
