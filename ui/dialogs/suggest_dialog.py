"""Suggested visits for a day: the cases the routing engine chose, in route order, each with why;
the collector unchecks those he does not want and adds the others to his day.

The suggestion is made on a pool thread (the engine takes its full budget, a second or more);
adding writes a few planned visits and is quick, so it runs here. Nothing here chooses a case:
`visit_suggestion.VisitSuggestionService` does.
"""

from __future__ import annotations

import collections
import datetime as dt
import uuid

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import errors
from app.services.visit_suggestion import SuggestedCase, Suggestion, VisitSuggestionService
from ui import formatting
from ui.models.row_table_model import Column, RowTableModel
from ui.tasks import Task

COLUMN_LOAN = 0  # its check box: add the case to the day
COLUMN_BORROWER = 1
COLUMN_TIER = 2
COLUMN_OWED = 3
COLUMN_DISTRICT = 4
COLUMN_REASON = 5

# Why a candidate was not suggested (visit_suggestion.PassedOverCase reasons).
PASSED_OVER = {
    "outside_every_window": QT_TRANSLATE_NOOP(
        "SuggestDialog", "no time that day within the borrower's hours and the legal hours"
    ),
    "out_of_reach": QT_TRANSLATE_NOOP(
        "SuggestDialog", "cannot be reached within its hours and your shift"
    ),
    "no_room_left": QT_TRANSLATE_NOOP(
        "SuggestDialog", "the day is full with riskier cases or cases nearer each other"
    ),
    "not_offered": QT_TRANSLATE_NOOP("SuggestDialog", "lower priority than the cases offered"),
}


def reason_text(case: SuggestedCase) -> str:
    """Why the case is suggested, in words: its tier, what is owed, how far from the stop
    before it (from the start of the day for the first)."""
    if case.order == 1:
        where = QCoreApplication.translate("SuggestDialog", "{km} km from your start")
    else:
        where = QCoreApplication.translate("SuggestDialog", "{km} km from the previous stop")
    return QCoreApplication.translate("SuggestDialog", "tier {tier}, {owed} owed, {where}").format(
        tier=case.tier,
        owed=formatting.money(case.owed),
        where=where.format(km=f"{case.leg_km:.1f}"),
    )


class SuggestDialog(QDialog):
    """Suggests visits for one day and adds the checked ones to it.

    Attributes:
        suggestion: the suggestion shown (None until it is made).
        added: the visits planned by "Add to my day".
        model: the suggested cases, in route order, each with its check box.

    Signals:
        suggested: the suggestion is shown (or failed, with the error in words).
        visits_added(list): the new visits' ids, after "Add to my day".
    """

    suggested = Signal()
    visits_added = Signal(list)

    def __init__(
        self, service: VisitSuggestionService, day: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("suggestDialog")
        self._service = service
        self._day = day
        self.suggestion: Suggestion | None = None
        self.added: list[uuid.UUID] = []
        self.task = Task(self)
        self.task.finished.connect(self._on_suggested)
        self.task.failed.connect(self._on_failed)
        self.setWindowTitle(
            QCoreApplication.translate("SuggestDialog", "Suggested visits for {day}").format(
                day=formatting.date(day)
            )
        )
        # The cases unchecked by the collector; every other suggested case is added.
        self._unchecked: set[uuid.UUID] = set()
        self.model: RowTableModel[SuggestedCase] = RowTableModel(self._columns(), self)
        self.model.dataChanged.connect(self._update_buttons)
        self.table = QTableView(objectName="suggestedCases")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel(objectName="suggestSummary", wordWrap=True)
        self.progress = QProgressBar(objectName="suggestProgress")
        self.progress.setRange(0, 0)
        self.add_button = QPushButton(
            QCoreApplication.translate("SuggestDialog", "&Add to my day"), objectName="addToDay"
        )
        self.add_button.clicked.connect(self.add_checked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(buttons)
        self.resize(900, 420)
        self._start()

    def _columns(self) -> list[Column[SuggestedCase]]:
        translate = QCoreApplication.translate
        return [
            Column(
                lambda: translate("SuggestDialog", "Loan ref"),
                lambda case: case.loan_ref,
                checked=lambda case: case.case_id not in self._unchecked,
                set_checked=self._set_case_checked,
            ),
            Column(lambda: translate("SuggestDialog", "Borrower"), lambda case: case.borrower),
            Column(lambda: translate("SuggestDialog", "Tier"), lambda case: case.tier),
            Column(
                lambda: translate("SuggestDialog", "Owed"),
                lambda case: formatting.money(case.owed),
                right=True,
            ),
            Column(
                lambda: translate("SuggestDialog", "District"), lambda case: case.district or ""
            ),
            Column(lambda: translate("SuggestDialog", "Why"), reason_text),
        ]

    def _start(self) -> None:
        day = self._day
        self.task.start(lambda _progress: self._service.suggest(day))
        self.summary.setText(
            QCoreApplication.translate("SuggestDialog", "Choosing the cases worth visiting…")
        )
        self._update_buttons()

    def _on_suggested(self, result: object) -> None:
        self.progress.hide()
        assert isinstance(result, Suggestion)
        self.suggestion = result
        self._fill(result)
        self.summary.setText(self._summary_text(result))
        self.summary.setStyleSheet("")
        self._update_buttons()
        self.suggested.emit()

    def _on_failed(self, error: object) -> None:
        self.progress.hide()
        if isinstance(error, errors.KnownError):
            text = str(error)
        else:
            text = QCoreApplication.translate(
                "SuggestDialog", "Something went wrong: {error}"
            ).format(error=error)
        self.summary.setText(text)
        self.summary.setStyleSheet("color: #c62828;")
        self._update_buttons()
        self.suggested.emit()

    def _fill(self, suggestion: Suggestion) -> None:
        self._unchecked.clear()  # every suggested case starts checked
        self.model.set_rows(suggestion.chosen)

    def _set_case_checked(self, case: SuggestedCase, checked: bool) -> None:
        if checked:
            self._unchecked.discard(case.case_id)
        else:
            self._unchecked.add(case.case_id)

    def checked_case_ids(self) -> list[uuid.UUID]:
        """The cases still checked, in route order."""
        return [case.case_id for case in self.model.rows if case.case_id not in self._unchecked]

    def set_checked(self, row: int, checked: bool) -> None:
        self.model.setData(
            self.model.index(row, COLUMN_LOAN),
            Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked,
            Qt.ItemDataRole.CheckStateRole,
        )

    def add_checked(self) -> bool:
        """Plan the checked cases as visits on the day and close; False when it could not."""
        if self.suggestion is None or self.task.running:
            return False
        try:
            self.added = self._service.accept(self.suggestion, self.checked_case_ids())
        except errors.KnownError as exc:
            self.summary.setText(str(exc))
            self.summary.setStyleSheet("color: #c62828;")
            return False
        self.visits_added.emit(list(self.added))
        self.accept()
        return True

    @staticmethod
    def _summary_text(suggestion: Suggestion) -> str:
        if not suggestion.chosen:
            text = QCoreApplication.translate(
                "SuggestDialog", "No case can be suggested for this day (room for {room} visits)."
            ).format(room=suggestion.room)
        else:
            text = QCoreApplication.translate(
                "SuggestDialog",
                "{count} cases suggested in route order, {km} km from home and back. Uncheck "
                "those you do not want.",
            ).format(count=len(suggestion.chosen), km=f"{suggestion.distance_km:.1f}")
        counts = collections.Counter(passed.reason for passed in suggestion.passed_over)
        for reason, count in sorted(counts.items()):
            label = PASSED_OVER.get(reason)
            if label is None:
                continue
            text += "\n" + QCoreApplication.translate(
                "SuggestDialog", "Not suggested ({count}): {reason}"
            ).format(count=count, reason=QCoreApplication.translate("SuggestDialog", label))
        return text

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(
            not self.task.running and self.suggestion is not None and bool(self.checked_case_ids())
        )
