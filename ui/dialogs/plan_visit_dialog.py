"""Planning a visit to a case's borrower: the day, the time window at the place, the address."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QCoreApplication, QDate, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.cases import AddressView
from app.services.visits import VisitError, VisitService
from ui import labels
from ui.dialogs.outcome_dialog import error_text


class PlanVisitDialog(QDialog):
    """Plans one visit; `visit_id` is set once it is saved."""

    def __init__(
        self,
        service: VisitService,
        case_id: uuid.UUID,
        borrower_name: str,
        addresses: tuple[AddressView, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("planVisitDialog")
        self._service = service
        self._case_id = case_id
        self.visit_id: uuid.UUID | None = None
        translate = QCoreApplication.translate
        self.setWindowTitle(
            translate("PlanVisitDialog", "Plan a visit to {borrower}").format(
                borrower=borrower_name
            )
        )
        self.day = QDateEdit(QDate.currentDate(), objectName="visitDay", calendarPopup=True)
        self.day.setMinimumDate(QDate.currentDate())
        self.start = QTimeEdit(QTime(9, 0), objectName="windowStart")
        self.end = QTimeEdit(QTime(12, 0), objectName="windowEnd")
        self.address = QComboBox(objectName="visitAddress")
        for address in addresses:
            self.address.addItem(
                translate("PlanVisitDialog", "{kind}: {address}").format(
                    kind=labels.label(labels.ADDRESS_KIND, address.kind), address=address.text
                ),
                address.address_id,
            )
        self.error = QLabel(objectName="planVisitError", wordWrap=True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(translate("PlanVisitDialog", "&Day"), self.day)
        form.addRow(translate("PlanVisitDialog", "&From (local time)"), self.start)
        form.addRow(translate("PlanVisitDialog", "&Until"), self.end)
        form.addRow(translate("PlanVisitDialog", "&Address"), self.address)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        day = self.day.date()
        start, end = self.start.time(), self.end.time()
        try:
            self.visit_id = self._service.plan_visit(
                self._case_id,
                dt.date(day.year(), day.month(), day.day()),
                dt.time(start.hour(), start.minute()),
                dt.time(end.hour(), end.minute()),
                self.address.currentData(),
            )
        except VisitError as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            return
        self.accept()
