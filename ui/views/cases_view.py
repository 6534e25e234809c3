"""The Cases screen: search and filters over the paged case list, and the selected case's detail."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelection, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import settings
from app.services.cases import AgingBucket, CaseListService, CaseService
from app.services.visits import VisitService
from app.services.workspace import Workspace
from ui import labels
from ui.models.case_table_model import CASE_ID_ROLE, CaseTableModel, Column
from ui.views.case_detail_view import CaseDetailView

# Typing pauses this long before the list is queried again.
SEARCH_DELAY_MS = 250


class CasesView(QWidget):
    """Search, filters, the case table and the detail pane of the selected case."""

    case_selected = Signal(object)  # uuid.UUID of the selected case, or None

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        preferences: settings.Preferences | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("casesView")
        self.model = CaseTableModel(CaseListService(workspace))
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_filters)

        self.search = QLineEdit(objectName="caseSearch", clearButtonEnabled=True)
        self.search.textChanged.connect(self._search_timer.start)
        self.tier_filter = QComboBox(objectName="tierFilter")
        self.bucket_filter = QComboBox(objectName="bucketFilter")
        self.status_filter = QComboBox(objectName="statusFilter")
        for combo in (self.tier_filter, self.bucket_filter, self.status_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
        self.count_label = QLabel(objectName="caseCount")

        self.table = QTableView(objectName="caseTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.TIER, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in _COLUMN_WIDTHS.items():
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.modelReset.connect(self._update_count)

        self.detail = CaseDetailView(
            CaseService(workspace), VisitService(workspace, preferences=preferences), clock=clock
        )

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.tier_filter, 1)
        filters.addWidget(self.bucket_filter, 1)
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(self.count_label)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([880, 520])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.retranslate()
        self._update_count()

    # -- filters ---------------------------------------------------------------------------------

    def _fill_filters(self) -> None:
        """(Re)fill the filter choices in the current language, keeping what is chosen."""
        choices = (
            (
                self.tier_filter,
                QCoreApplication.translate("CasesView", "All tiers"),
                [
                    (tier, QCoreApplication.translate("CasesView", "Tier {tier}").format(tier=tier))
                    for tier in "ABCD"
                ],
            ),
            (
                self.bucket_filter,
                QCoreApplication.translate("CasesView", "All ages"),
                [(bucket, labels.label(labels.BUCKET, bucket.value)) for bucket in AgingBucket],
            ),
            (
                self.status_filter,
                QCoreApplication.translate("CasesView", "All statuses"),
                [(code, labels.label(labels.CASE_STATUS, code)) for code in labels.CASE_STATUS],
            ),
        )
        for combo, everything, items in choices:
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for value, text in items:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
            combo.blockSignals(False)

    def _apply_filters(self) -> None:
        self._search_timer.stop()
        tier, bucket, status = (
            combo.currentData()
            for combo in (self.tier_filter, self.bucket_filter, self.status_filter)
        )
        query = replace(
            self.model.query,
            search=self.search.text(),
            tiers=frozenset({tier}) if tier else frozenset(),
            buckets=frozenset({bucket}) if bucket else frozenset(),
            statuses=frozenset({status}) if status else frozenset(),
        )
        self.model.set_query(query)

    def _update_count(self) -> None:
        self.count_label.setText(
            QCoreApplication.translate("CasesView", "{count} cases").format(count=self.model.total)
        )

    # -- selection -------------------------------------------------------------------------------

    def selected_case_id(self) -> uuid.UUID | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.index(rows[0].row(), 0).data(CASE_ID_ROLE) if rows else None

    def select_case(self, case_id: uuid.UUID) -> bool:
        """Select `case_id` in the table, fetching pages until it shows; False if not listed."""
        while (row := self.model.row_of(case_id)) is None and self.model.canFetchMore():
            self.model.fetchMore()
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        case_id = self.selected_case_id()
        self.detail.show_case(case_id)
        self.case_selected.emit(case_id)

    def refresh(self) -> None:
        """Read the list again after the store changed, keeping the selected case if listed."""
        case_id = self.selected_case_id()
        self.model.refresh()
        if case_id is not None:
            self.select_case(case_id)

    # -- language --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.search.setPlaceholderText(
            QCoreApplication.translate("CasesView", "Search by borrower or loan ref")
        )
        self._fill_filters()
        self._update_count()
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


_COLUMN_WIDTHS: dict[Column, int] = {
    Column.BORROWER: 90,
    Column.LOAN_REF: 120,
    Column.OUTSTANDING: 100,
    Column.DAYS_PAST_DUE: 120,
    Column.TIER: 40,
    Column.STATUS: 70,
    Column.LAST_CONTACT: 150,
    Column.NEXT_ACTION: 90,
    Column.PROMISED_DATE: 90,
}
