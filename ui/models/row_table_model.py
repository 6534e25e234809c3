"""A read-only table of frozen rows whose columns are named once: a translated header, the cell's
text and its alignment. The lead's screens list their rows through it (one `set_rows()`).

Why a model and not QTableWidget items: with PySide6 6.12 each `QTableWidget.setItem`,
`setRowCount` and `QTableWidgetItem.setData` call takes one reference from Python's `None`
without giving it (measured with `sys.getrefcount(None)`), so a screen refilling a few thousand
cells on a timer makes the interpreter abort ("deallocating None") within minutes. A model is
asked for its cells by the view and holds the rows itself.

A column may also carry a tooltip and a check box (the screen keeps what is checked: the model
asks it when painting and tells it when the user clicks); nothing else is editable. A model made
with `movable_rows` lets its view drag a row and drop it elsewhere; the view's `dropEvent` decides
what the move means (the model moves nothing itself).
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
        tooltip: the cell's tooltip for a row ("": none).
        checked: whether the row's check box is checked (None: the row has no check box).
        set_checked: called with the row and the new state when the user clicks the check box.
    """

    header: Callable[[], str]
    text: Callable[[_Row], str]
    right: bool = False
    colour: Callable[[_Row], str | None] | None = None
    tooltip: Callable[[_Row], str] | None = None
    checked: Callable[[_Row], bool | None] | None = None
    set_checked: Callable[[_Row, bool], None] | None = None


class RowTableModel(QAbstractTableModel, Generic[_Row]):
    """Rows of one frozen type, shown column by column.

    Attributes:
        rows: the rows shown, in order.
        movable_rows: rows can be dragged and dropped (see the module's docstring).
    """

    def __init__(
        self, columns: Sequence[Column[_Row]], parent: Any = None, *, movable_rows: bool = False
    ) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self.rows: list[_Row] = []
        self.movable_rows = movable_rows

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
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row) or None
        if role == Qt.ItemDataRole.CheckStateRole and column.checked is not None:
            checked = column.checked(row)
            if checked is not None:
                return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
            return None
        if role == ROW_ROLE:
            return index.row()
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self.movable_rows:
            # As QTableWidget's items: each one dragged and dropped on, and a drop below the
            # last row lands on the table itself.
            flags |= Qt.ItemFlag.ItemIsDropEnabled
            if index.isValid():
                flags |= Qt.ItemFlag.ItemIsDragEnabled
        if index.isValid() and self._checkable(index):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def supportedDropActions(self) -> Qt.DropAction:
        if self.movable_rows:
            return Qt.DropAction.MoveAction
        return super().supportedDropActions()

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Only a check box is set: the column's `set_checked` is told, then the cell repainted."""
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        if not self._checkable(index):
            return False
        column = self._columns[index.column()]
        assert column.set_checked is not None
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(value)
        column.set_checked(self.rows[index.row()], state == Qt.CheckState.Checked)
        if index.row() < len(self.rows):  # set_checked may have refilled the model
            cell = self.index(index.row(), index.column())
            self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.CheckStateRole])
        return True

    def _checkable(self, index: _Index) -> bool:
        if index.row() >= len(self.rows) or index.column() >= len(self._columns):
            return False
        column = self._columns[index.column()]
        return (
            column.checked is not None
            and column.set_checked is not None
            and column.checked(self.rows[index.row()]) is not None
        )

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
