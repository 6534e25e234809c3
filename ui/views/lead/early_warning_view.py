"""The Early warning screen: broken promises, missed instalments, payments that stopped and tier
rises since last week, each with the amount at stake and its reason in words.

The warnings and their reasons come from `EarlyWarningService` (in the interface's language);
the screen lists them, filters by kind and opens a case.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QLocale, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import early_warning
from app.services.workspace import Workspace
from ui import formatting
from ui.models.row_table_model import Column, RowTableModel

_CONTEXT = "EarlyWarningView"
KIND = {
    early_warning.WarningKind.BROKEN_PROMISE: QT_TRANSLATE_NOOP(
        "EarlyWarningView", "Broken promise"
    ),
    early_warning.WarningKind.MISSED_INSTALMENT: QT_TRANSLATE_NOOP(
        "EarlyWarningView", "Missed instalment"
    ),
    early_warning.WarningKind.PAYMENTS_STOPPED: QT_TRANSLATE_NOOP(
        "EarlyWarningView", "Payments stopped"
    ),
    early_warning.WarningKind.TIER_RISE: QT_TRANSLATE_NOOP("EarlyWarningView", "Tier rise"),
}


def _translate(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def reason_language() -> str:
    """The language the service words its reasons in: the interface's (zh_CN or en)."""
    return "zh_CN" if QLocale().name().startswith("zh") else "en"


class EarlyWarningView(QWidget):
    """The team's warnings on today.

    Attributes:
        model: the warnings shown.

    Signals:
        case_selected(uuid.UUID): a warning's case was opened.
    """

    case_selected = Signal(object)

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("earlyWarningView")
        self._today = today
        self.service = early_warning.EarlyWarningService(workspace)
        self._warnings: list[early_warning.EarlyWarning] = []
        self._loaded = False
        self.heading = QLabel(objectName="earlyWarningHeading")
        self.heading.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.kind_filter = QComboBox(objectName="warningKindFilter")
        self.kind_filter.currentIndexChanged.connect(self._show)
        self.refresh_button = QPushButton(objectName="refreshWarnings")
        self.refresh_button.clicked.connect(self.reload)
        self.summary = QLabel(objectName="warningSummary", wordWrap=True)
        self.model: RowTableModel[early_warning.EarlyWarning] = RowTableModel(
            [
                Column(
                    lambda: QCoreApplication.translate("EarlyWarningView", "Warning"),
                    _kind_text,
                    colour=lambda _w: "#c62828",
                ),
                Column(
                    lambda: QCoreApplication.translate("EarlyWarningView", "Case"),
                    lambda warning: warning.loan_ref,
                ),
                Column(
                    lambda: QCoreApplication.translate("EarlyWarningView", "Borrower"),
                    lambda warning: warning.borrower_name,
                ),
                Column(
                    lambda: QCoreApplication.translate("EarlyWarningView", "Collector"),
                    lambda warning: warning.collector_name or "",
                ),
                Column(
                    lambda: QCoreApplication.translate("EarlyWarningView", "Amount"),
                    lambda warning: formatting.money(warning.amount),
                    True,
                ),
                Column(
                    lambda: QCoreApplication.translate("EarlyWarningView", "Since"),
                    lambda warning: formatting.date(warning.since),
                ),
                Column(
                    lambda: QCoreApplication.translate("EarlyWarningView", "Reason"),
                    lambda warning: warning.text(reason_language()),
                ),
            ],
            self,
        )
        self.table = QTableView(objectName="earlyWarnings")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open_case)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.kind_filter)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def reload(self) -> None:
        """Find the warnings of today again."""
        self._warnings = self.service.warnings(self._today())
        self._loaded = True
        self._show()

    def _show(self) -> None:
        kind = self.kind_filter.currentData()
        shown = [w for w in self._warnings if not kind or w.kind.value == kind]
        self.model.set_rows(shown)
        if shown:
            self.table.resizeColumnsToContents()
        counts = {
            kind: sum(1 for warning in self._warnings if warning.kind is kind) for kind in KIND
        }
        self.summary.setText(
            QCoreApplication.translate(
                "EarlyWarningView",
                "{total} warnings: {broken} broken promises, {missed} missed instalments, "
                "{stopped} payments stopped, {rises} tier rises.",
            ).format(
                total=len(self._warnings),
                broken=counts[early_warning.WarningKind.BROKEN_PROMISE],
                missed=counts[early_warning.WarningKind.MISSED_INSTALMENT],
                stopped=counts[early_warning.WarningKind.PAYMENTS_STOPPED],
                rises=counts[early_warning.WarningKind.TIER_RISE],
            )
        )

    def _open_case(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        warning = self.model.row_at(rows[0].row()) if rows else None
        if warning is not None:
            self.case_selected.emit(warning.case_id)

    def retranslate(self) -> None:
        self.heading.setText(QCoreApplication.translate("EarlyWarningView", "Early warning"))
        self.refresh_button.setText(QCoreApplication.translate("EarlyWarningView", "Refresh"))
        current = self.kind_filter.currentIndex()
        self.kind_filter.blockSignals(True)
        self.kind_filter.clear()
        # "" for every kind (a None in a QVariant is miscounted by PySide6 6.12).
        self.kind_filter.addItem(QCoreApplication.translate("EarlyWarningView", "All warnings"), "")
        for kind, text in KIND.items():
            self.kind_filter.addItem(_translate(text), kind.value)
        self.kind_filter.setCurrentIndex(max(0, current))
        self.kind_filter.blockSignals(False)
        self.model.retranslate()
        if self._loaded:
            self._show()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _kind_text(warning: early_warning.EarlyWarning) -> str:
    source = KIND.get(warning.kind)
    return _translate(source) if source else warning.kind.value
