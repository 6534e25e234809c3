"""The Conflicts view: edits the central database refused because the row had changed there too,
each shown with both values, for a person to keep his own or take the central one.

It only shows what `app.services.conflicts` lists and calls its decisions; nothing here decides
by itself, and nothing is overwritten without the person's click.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import errors
from app.services.conflicts import ConflictService, OpenConflict
from app.services.workspace import Workspace
from ui import formatting
from ui.models.row_table_model import Column, RowTableModel

# The records that can conflict, in the users' words (shared rows: DESIGN.md, sync contract 3).
_RECORDS = {
    "borrower_phone": QT_TRANSLATE_NOOP("ConflictsView", "Borrower's phone"),
    "borrower_address": QT_TRANSLATE_NOOP("ConflictsView", "Borrower's address"),
    "borrower": QT_TRANSLATE_NOOP("ConflictsView", "Borrower"),
    "loan_case": QT_TRANSLATE_NOOP("ConflictsView", "Case"),
    "visit": QT_TRANSLATE_NOOP("ConflictsView", "Visit"),
    "repayment_plan": QT_TRANSLATE_NOOP("ConflictsView", "Repayment plan"),
    "instalment": QT_TRANSLATE_NOOP("ConflictsView", "Instalment"),
    "promise_to_pay": QT_TRANSLATE_NOOP("ConflictsView", "Promise to pay"),
}
_FIELDS = {
    "number": QT_TRANSLATE_NOOP("ConflictsView", "Number"),
    "owner_name": QT_TRANSLATE_NOOP("ConflictsView", "Owner"),
    "kind": QT_TRANSLATE_NOOP("ConflictsView", "Kind"),
    "invalid": QT_TRANSLATE_NOOP("ConflictsView", "Invalid"),
    "is_primary": QT_TRANSLATE_NOOP("ConflictsView", "Primary"),
    "address_text": QT_TRANSLATE_NOOP("ConflictsView", "Address"),
    "city": QT_TRANSLATE_NOOP("ConflictsView", "City"),
    "status": QT_TRANSLATE_NOOP("ConflictsView", "Status"),
    "full_name": QT_TRANSLATE_NOOP("ConflictsView", "Name"),
}


class ConflictsView(QWidget):
    """The open conflicts and the two decisions.

    Attributes:
        model: one row per conflict: case, borrower, record, field, mine, theirs, changed.
        table: the view of `model`.

    Signals:
        decided(int): after a decision, with the number of conflicts still open.
    """

    decided = Signal(int)

    LOAN_REF, BORROWER, RECORD, FIELD, MINE, THEIRS, CHANGED = range(7)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictsView")
        self._service = ConflictService(workspace)
        self._conflicts: list[OpenConflict] = []
        self.explanation = QLabel(objectName="conflictsExplanation", wordWrap=True)
        self.model: RowTableModel[OpenConflict] = RowTableModel(self._columns(), self)
        self.table = QTableView(objectName="conflictsTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._enable)
        self.empty = QLabel(objectName="conflictsEmpty")
        self.keep_mine_button = QPushButton(objectName="keepMine")
        self.keep_mine_button.clicked.connect(self.keep_mine)
        self.take_theirs_button = QPushButton(objectName="takeTheirs")
        self.take_theirs_button.clicked.connect(self.take_theirs)
        self.message = QLabel(objectName="conflictsMessage", wordWrap=True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_mine_button)
        buttons.addWidget(self.take_theirs_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.retranslate()
        self.reload()

    # -- showing ---------------------------------------------------------------------------------

    def reload(self) -> None:
        """List the open conflicts again (after a sync or a decision)."""
        selected = self.selected()
        self._conflicts = self._service.open_conflicts()
        self.model.set_rows(self._conflicts)
        self.table.resizeRowsToContents()
        self.table.setVisible(bool(self._conflicts))
        self.empty.setVisible(not self._conflicts)
        if self._conflicts:
            # The model's reset cleared the selection: keep the conflict that was selected.
            row = next(
                (
                    row
                    for row, conflict in enumerate(self._conflicts)
                    if selected is not None and conflict.mutation_id == selected.mutation_id
                ),
                0,
            )
            self.table.selectRow(row)
        self._enable()

    def _columns(self) -> list[Column[OpenConflict]]:
        translate = QCoreApplication.translate
        return [
            Column(lambda: translate("ConflictsView", "Loan"), lambda c: c.loan_ref or ""),
            Column(lambda: translate("ConflictsView", "Borrower"), lambda c: c.borrower_name or ""),
            Column(lambda: translate("ConflictsView", "Record"), _record_text),
            Column(
                lambda: translate("ConflictsView", "Field"),
                lambda c: (
                    "\n".join(self._field_name(field.field) for field in c.fields)
                    if c.central_arrived
                    else ""
                ),
            ),
            Column(
                lambda: translate("ConflictsView", "My value"),
                lambda c: (
                    "\n".join(_shown(field.mine) for field in c.fields) if c.central_arrived else ""
                ),
            ),
            Column(
                lambda: translate("ConflictsView", "Central value"),
                lambda c: (
                    "\n".join(_shown(field.theirs) for field in c.fields)
                    if c.central_arrived
                    else translate("ConflictsView", "Arrives with the next sync")
                ),
            ),
            Column(
                lambda: translate("ConflictsView", "Changed centrally"),
                lambda c: self._changed_centrally(c) if c.central_arrived else "",
            ),
        ]

    @staticmethod
    def _changed_centrally(conflict: OpenConflict) -> str:
        """Who wrote the central version (when the push recorded it), when, and its number."""
        when = formatting.local_datetime(conflict.changed_at) if conflict.changed_at else ""
        if not conflict.author_recorded:
            return QCoreApplication.translate("ConflictsView", "{when}, version {version}").format(
                when=when, version=conflict.central_version
            )
        who = conflict.changed_by or QCoreApplication.translate(
            "ConflictsView", "the central database (import or administrator)"
        )
        return QCoreApplication.translate(
            "ConflictsView", "{who}, {when}, version {version}"
        ).format(who=who, when=when, version=conflict.central_version)

    @staticmethod
    def _field_name(field: str) -> str:
        label = _FIELDS.get(field)
        return QCoreApplication.translate("ConflictsView", label) if label else field

    def selected(self) -> OpenConflict | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        return self.model.row_at(rows.pop())

    def _enable(self) -> None:
        conflict = self.selected()
        self.keep_mine_button.setEnabled(conflict is not None and conflict.central_arrived)
        self.take_theirs_button.setEnabled(conflict is not None)

    # -- deciding --------------------------------------------------------------------------------

    def keep_mine(self) -> None:
        """Re-apply my value on top of the central version; it goes out with the next sync."""
        if self._decide(self._service.keep_mine):
            self.message.setText(
                QCoreApplication.translate(
                    "ConflictsView", "Your value is kept; it is sent with the next sync."
                )
            )

    def take_theirs(self) -> None:
        """Accept the central value; my edit is dropped (and kept in the decision's record)."""
        if self._decide(self._service.take_theirs):
            self.message.setText(
                QCoreApplication.translate(
                    "ConflictsView", "The central value is kept on this laptop."
                )
            )

    def _decide(self, decide: Callable[[uuid.UUID], object]) -> bool:
        conflict = self.selected()
        if conflict is None:
            return False
        try:
            decide(conflict.mutation_id)
        except errors.KnownError as exc:
            self.message.setText(
                QCoreApplication.translate("ConflictsView", "Not decided: {reason}").format(
                    reason=str(exc)
                )
            )
            return False
        self.reload()
        self.decided.emit(len(self._conflicts))
        return True

    # -- words -----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.explanation.setText(
            QCoreApplication.translate(
                "ConflictsView",
                "Someone changed these records in the central database after you changed them "
                "here. Nothing was overwritten: decide for each one which value stays.",
            )
        )
        self.model.retranslate()
        self.empty.setText(QCoreApplication.translate("ConflictsView", "No conflicts to decide."))
        self.keep_mine_button.setText(QCoreApplication.translate("ConflictsView", "&Keep mine"))
        self.take_theirs_button.setText(
            QCoreApplication.translate("ConflictsView", "&Take central value")
        )
        if self._conflicts:
            self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _record_text(conflict: OpenConflict) -> str:
    record = _RECORDS.get(conflict.table_name)
    return QCoreApplication.translate("ConflictsView", record) if record else conflict.table_name


def _shown(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("ConflictsView", "Yes")
            if value
            else QCoreApplication.translate("ConflictsView", "No")
        )
    return str(value)


class ConflictsDialog(QDialog):
    """The Conflicts view in a window of its own, opened from the Sync screen.

    Attributes:
        view: the conflicts and the decisions.
    """

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictsDialog")
        self.view = ConflictsView(workspace, self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(close)
        self.resize(900, 420)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("ConflictsView", "Conflicts"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
