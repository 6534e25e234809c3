"""RowTableModel's tooltips and check boxes: the screen keeps what is checked, the model asks it
and tells it of a click."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ui.models.row_table_model import Column, RowTableModel


def _model(checked: set[str]) -> RowTableModel[tuple[str, bool]]:
    def set_checked(row: tuple[str, bool], state: bool) -> None:
        if state:
            checked.add(row[0])
        else:
            checked.discard(row[0])

    model: RowTableModel[tuple[str, bool]] = RowTableModel(
        [
            Column(
                lambda: "Name",
                lambda row: row[0],
                tooltip=lambda row: f"about {row[0]}" if row[1] else "",
                # Only a row marked True has a check box.
                checked=lambda row: row[0] in checked if row[1] else None,
                set_checked=set_checked,
            ),
            Column(lambda: "Note", lambda row: "-"),
        ]
    )
    model.set_rows([("a", True), ("b", False), ("c", True)])
    return model


def test_a_model_with_check_boxes_and_tooltips_is_well_behaved(
    qtmodeltester: ModelTester,
) -> None:
    qtmodeltester.check(_model({"a"}))


def test_check_boxes_show_the_screens_state_and_report_a_click(qtbot: QtBot) -> None:
    checked = {"a"}
    model = _model(checked)
    check = Qt.ItemDataRole.CheckStateRole
    assert model.data(model.index(0, 0), check) == Qt.CheckState.Checked
    assert model.data(model.index(2, 0), check) == Qt.CheckState.Unchecked
    assert model.data(model.index(1, 0), check) is None, "row b has no check box"
    assert model.data(model.index(0, 1), check) is None, "the second column has none"
    assert model.flags(model.index(2, 0)) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.flags(model.index(1, 0)) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.setData(model.index(1, 0), Qt.CheckState.Checked, check)
    assert not model.setData(model.index(2, 0), "x", Qt.ItemDataRole.EditRole)

    view = QTableView()
    view.setModel(model)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    # The space bar toggles the current cell's check box, as a click on it does.
    view.setCurrentIndex(model.index(2, 0))
    with qtbot.waitSignal(model.dataChanged):
        qtbot.keyClick(view, Qt.Key.Key_Space)
    assert checked == {"a", "c"}
    assert model.data(model.index(2, 0), check) == Qt.CheckState.Checked
    assert model.setData(model.index(0, 0), Qt.CheckState.Unchecked, check)
    assert checked == {"c"}


def test_a_tooltip_is_shown_only_where_there_is_one() -> None:
    model = _model(set())
    tip = Qt.ItemDataRole.ToolTipRole
    assert model.data(model.index(0, 0), tip) == "about a"
    assert model.data(model.index(1, 0), tip) is None
    assert model.data(model.index(0, 1), tip) is None


def test_movable_rows_can_be_dragged_and_dropped_within_the_table(
    qtmodeltester: ModelTester,
) -> None:
    fixed = _model(set())
    movable: RowTableModel[str] = RowTableModel(
        [Column(lambda: "Name", lambda row: row)], movable_rows=True
    )
    movable.set_rows(["a", "b"])
    qtmodeltester.check(movable)
    first = movable.index(0, 0)
    assert movable.flags(first) & Qt.ItemFlag.ItemIsDragEnabled
    assert movable.flags(first) & Qt.ItemFlag.ItemIsDropEnabled
    assert movable.flags(QModelIndex()) & Qt.ItemFlag.ItemIsDropEnabled, "below the last row"
    assert movable.supportedDragActions() & Qt.DropAction.MoveAction
    dragged = movable.mimeData([first])
    assert movable.canDropMimeData(dragged, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    # A plain list is not a drag source.
    assert not fixed.flags(fixed.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    assert not fixed.supportedDragActions() & Qt.DropAction.MoveAction
