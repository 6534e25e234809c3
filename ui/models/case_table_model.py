"""The case list as a Qt table model that fetches its rows page by page.

The model knows how many cases match (one COUNT) and loads rows only as the view scrolls to them
(`canFetchMore`/`fetchMore`), so a store of 100,000 cases opens as fast as one of 100. Sorting and
filtering ask the service again; rows are frozen `CaseRow` values, never ORM objects.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from app.services.cases import CaseListService, CaseQuery, CaseRow, CaseSort
from ui import formatting, labels

PAGE_SIZE = 200

Index = QModelIndex | QPersistentModelIndex

# The role that carries a row's case id (a uuid.UUID) for selection.
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class Column(enum.IntEnum):
    BORROWER = 0
    LOAN_REF = 1
    OUTSTANDING = 2
    DAYS_PAST_DUE = 3
    TIER = 4
    STATUS = 5
    LAST_CONTACT = 6
    NEXT_ACTION = 7
    PROMISED_DATE = 8


_SORT_OF: dict[Column, CaseSort] = {
    Column.BORROWER: CaseSort.BORROWER,
    Column.LOAN_REF: CaseSort.LOAN_REF,
    Column.OUTSTANDING: CaseSort.OUTSTANDING,
    Column.DAYS_PAST_DUE: CaseSort.DAYS_PAST_DUE,
    Column.TIER: CaseSort.TIER,
    Column.STATUS: CaseSort.STATUS,
    Column.LAST_CONTACT: CaseSort.LAST_CONTACT,
    Column.NEXT_ACTION: CaseSort.NEXT_ACTION,
    Column.PROMISED_DATE: CaseSort.PROMISED_DATE,
}

TIER_COLOURS: dict[str, str] = {"A": "#c62828", "B": "#ef6c00", "C": "#f9a825", "D": "#2e7d32"}


class CaseTableModel(QAbstractTableModel):
    """Rows of `CaseListService` for a `CaseQuery`, loaded `PAGE_SIZE` at a time."""

    def __init__(self, service: CaseListService, query: CaseQuery | None = None) -> None:
        super().__init__()
        self._service = service
        self._query = query or CaseQuery()
        self._rows: list[CaseRow] = []
        self._total = 0
        self._reload()

    # -- what is shown -------------------------------------------------------------------------

    @property
    def query(self) -> CaseQuery:
        return self._query

    @property
    def total(self) -> int:
        """How many cases match the query (loaded or not)."""
        return self._total

    def set_query(self, query: CaseQuery) -> None:
        if query != self._query:
            self._query = query
            self._reload()

    def refresh(self) -> None:
        """Read the list again (after a change in the store), keeping query and order."""
        self._reload()

    def case_row(self, row: int) -> CaseRow:
        return self._rows[row]

    def row_of(self, case_id: object) -> int | None:
        """The loaded row showing `case_id`, or None."""
        for number, case in enumerate(self._rows):
            if case.case_id == case_id:
                return number
        return None

    def _reload(self) -> None:
        first = self._service.first_page(self._query, PAGE_SIZE)
        self.beginResetModel()
        self._total, self._rows = first.total, first.rows
        self.endResetModel()

    # -- Qt's model interface ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        start = len(self._rows)
        page = self._service.page(self._query, start, PAGE_SIZE)
        if not page:
            self._total = start  # the store shrank meanwhile
            return
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        sort = _SORT_OF[Column(column)]
        descending = order == Qt.SortOrder.DescendingOrder
        self.set_query(replace(self._query, sort=sort, descending=descending))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return _HEADERS[Column(section)]()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        case = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return _DISPLAY[column](case)
        if role == CASE_ID_ROLE:
            return case.case_id
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _RIGHT_ALIGNED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.TIER:
            return QBrush(QColor(TIER_COLOURS.get(case.tier, "#000000")))
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.DAYS_PAST_DUE:
            return labels.label(labels.BUCKET, case.bucket.value)
        return None

    def retranslate(self) -> None:
        """Tell the views that every header and label changed (after a language switch)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1)
            )


_HEADERS: dict[Column, Callable[[], str]] = {
    Column.BORROWER: lambda: QCoreApplication.translate("CaseList", "Borrower"),
    Column.LOAN_REF: lambda: QCoreApplication.translate("CaseList", "Loan ref"),
    Column.OUTSTANDING: lambda: QCoreApplication.translate("CaseList", "Outstanding"),
    Column.DAYS_PAST_DUE: lambda: QCoreApplication.translate("CaseList", "Days past due"),
    Column.TIER: lambda: QCoreApplication.translate("CaseList", "Tier"),
    Column.STATUS: lambda: QCoreApplication.translate("CaseList", "Status"),
    Column.LAST_CONTACT: lambda: QCoreApplication.translate("CaseList", "Last contact"),
    Column.NEXT_ACTION: lambda: QCoreApplication.translate("CaseList", "Next action"),
    Column.PROMISED_DATE: lambda: QCoreApplication.translate("CaseList", "Promised for"),
}


def _days_past_due(case: CaseRow) -> str:
    return QCoreApplication.translate("CaseList", "{days} · {bucket}").format(
        days=case.days_past_due, bucket=labels.label(labels.BUCKET, case.bucket.value)
    )


def _last_contact(case: CaseRow) -> str:
    if case.last_contact_at is None:
        return ""
    return QCoreApplication.translate("CaseList", "{when} {outcome}").format(
        when=formatting.date(case.last_contact_at.date()),
        outcome=labels.label(labels.OUTCOME, case.last_contact_outcome),
    )


_DISPLAY: dict[Column, Callable[[CaseRow], str]] = {
    Column.BORROWER: lambda case: case.borrower_name,
    Column.LOAN_REF: lambda case: case.loan_ref,
    Column.OUTSTANDING: lambda case: formatting.money(case.outstanding),
    Column.DAYS_PAST_DUE: _days_past_due,
    Column.TIER: lambda case: case.tier,
    Column.STATUS: lambda case: labels.label(labels.CASE_STATUS, case.status),
    Column.LAST_CONTACT: _last_contact,
    Column.NEXT_ACTION: lambda case: formatting.date(case.next_action_date),
    Column.PROMISED_DATE: lambda case: formatting.date(case.promised_date),
}

_RIGHT_ALIGNED = frozenset({Column.OUTSTANDING, Column.DAYS_PAST_DUE})


def column_names() -> Sequence[str]:
    return [_HEADERS[column]() for column in Column]
