"""A read-only table of frozen rows whose columns are named once: a translated header, the cell's
text and its alignment. The lead's screens list their rows through it (one `set_rows()`).

Why a model and not QTableWidget items: with PySide6 6.12 each `QTableWidget.setItem`,
`setRowCount` and `QTableWidgetItem.setData` call takes one reference from Python's `None`
without giving it (measured with `sys.getrefcount(None)`), so a screen refilling a few thousand
cells on a timer makes the interpreter abort ("deallocating None") within minutes. A model is
asked for its cells by the view and holds the rows itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

_Row = TypeVar("_Row")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Column(Generic[_Row]):
    """One column: its header (translated when asked), its cell's text, its alignment.

    Attributes:
        header: the translated header.
        text: the cell's text for a row.
        right: numbers are right-aligned.
        colour: the text's colour for a row (None: the palette's).
    """

    header: Callable[[], str]
    text: Callable[[_Row], str]
    right: bool = False
    colour: Callable[[_Row], str | None] | None = None


class RowTableModel(QAbstractTableModel, Generic[_Row]):
    """Rows of one frozen type, shown column by column.

    Attributes:
        rows: the rows shown, in order.
    """

    def __init__(self, columns: Sequence[Column[_Row]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self.rows: list[_Row] = []

    def set_rows(self, rows: Sequence[_Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> _Row | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def text(self, row: int, column: int) -> str:
        """The text shown in a cell (for tests and screenshots)."""
        return self._columns[column].text(self.rows[row])

    def retranslate(self) -> None:
        """Headers and cells again in the current language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(self._columns) - 1)
            )

    # Qt's model interface ---------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(
        self,
        index: _Index,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        column = self._columns[index.column()]
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            colour = column.colour(row)
            return QColor(colour) if colour else None
        if role == ROW_ROLE:
            return index.row()
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].header()
        return None
