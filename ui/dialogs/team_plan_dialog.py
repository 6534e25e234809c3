"""The lead's team plan: the team's days routed over all collectors, proposed, then applied.

"Propose" plans on a pool thread and shows, per collector and day, the visits, kilometres and
hours, and every case left out with its reason; "Apply" plans again and writes it (assignments
with history and planned visits, as the lead's own login), after which the workspace syncs.
Nothing here computes a plan: `team_plan.LeadTeamPlanner` does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import errors
from app.services import team_plan
from ui import formatting
from ui.models.row_table_model import Column, RowTableModel
from ui.tasks import Task

# Why a case did not fit the team's day (team_plan.LeftOutCase codes).
LEFT_OUT = {
    "no_position": QT_TRANSLATE_NOOP(
        "TeamPlanDialog", "the borrower has no address with a position"
    ),
    "no_skilled_vehicle": QT_TRANSLATE_NOOP(
        "TeamPlanDialog", "it needs two people and no pair of collectors is free"
    ),
    "out_of_reach": QT_TRANSLATE_NOOP(
        "TeamPlanDialog",
        "no collector can be there within the borrower's hours, the legal hours and the shift",
    ),
    "too_large": QT_TRANSLATE_NOOP("TeamPlanDialog", "it does not fit any collector's day"),
    "no_room_left": QT_TRANSLATE_NOOP(
        "TeamPlanDialog", "the days are full: the visits planned are riskier or nearer"
    ),
}


@dataclass(frozen=True, slots=True)
class CollectorDayRow:
    """One collector's day in the proposal.

    Attributes:
        day: the day.
        collector: his visits that day.
    """

    day: dt.date
    collector: team_plan.CollectorDay


@dataclass(frozen=True, slots=True)
class LeftOutRow:
    """A case the last day tried could not take.

    Attributes:
        day: the day it was last offered to.
        case: the case and its reason.
    """

    day: dt.date
    case: team_plan.LeftOutCase


def _translate(text: str) -> str:
    return QCoreApplication.translate("TeamPlanDialog", text)


def _hours(minutes: int) -> str:
    return QCoreApplication.translate("TeamPlanDialog", "{hours} h").format(
        hours=f"{minutes / 60:.1f}"
    )


def _day_columns() -> list[Column[CollectorDayRow]]:
    return [
        Column(
            lambda: QCoreApplication.translate("TeamPlanDialog", "Day"),
            lambda row: formatting.date(row.day),
        ),
        Column(
            lambda: QCoreApplication.translate("TeamPlanDialog", "Collector"),
            lambda row: row.collector.display_name,
        ),
        Column(
            lambda: QCoreApplication.translate("TeamPlanDialog", "Visits"),
            lambda row: str(len(row.collector.loan_refs)),
            True,
        ),
        Column(
            lambda: QCoreApplication.translate("TeamPlanDialog", "Distance"),
            lambda row: QCoreApplication.translate("TeamPlanDialog", "{km} km").format(
                km=f"{row.collector.distance_km:,.1f}"
            ),
            True,
        ),
        Column(
            lambda: QCoreApplication.translate("TeamPlanDialog", "On duty"),
            lambda row: _hours(row.collector.duty_minutes),
            True,
        ),
        Column(
            lambda: QCoreApplication.translate("TeamPlanDialog", "First visit"),
            lambda row: (
                formatting.local_time(row.collector.starts[0]) if row.collector.starts else ""
            ),
        ),
        Column(
            lambda: QCoreApplication.translate("TeamPlanDialog", "Cases in route order"),
            lambda row: " ".join(row.collector.loan_refs),
        ),
    ]


def _left_out_columns() -> list[Column[LeftOutRow]]:
    return [
        Column(
            lambda: QCoreApplication.translate("TeamPlanDialog", "Last day tried"),
            lambda row: formatting.date(row.day),
        ),
        Column(
            lambda: QCoreApplication.translate("TeamPlanDialog", "Loan ref"),
            lambda row: row.case.loan_ref,
        ),
        Column(
            lambda: QCoreApplication.translate("TeamPlanDialog", "Reason"),
            lambda row: (
                _translate(LEFT_OUT[row.case.code])
                if row.case.code in LEFT_OUT
                else row.case.reason
            ),
        ),
    ]


def day_rows(plans: Sequence[team_plan.TeamDayPlan]) -> list[CollectorDayRow]:
    """Every collector's day of `plans`, day by day (those with no visit too: an idle
    collector is part of the balance the lead checks)."""
    return [CollectorDayRow(plan.day, collector) for plan in plans for collector in plan.collectors]


def left_out_rows(plans: Sequence[team_plan.TeamDayPlan]) -> list[LeftOutRow]:
    """The cases still left out after the last day: each day offers its leftovers to the next,
    so only the last day's list is what no day could take."""
    if not plans:
        return []
    last = plans[-1]
    return [LeftOutRow(last.day, case) for case in last.left_out]


class TeamPlanDialog(QDialog):
    """Plans the team's days: first day, number of days, solver seconds; Propose, then Apply.

    Attributes:
        planner: the lead's team planner.
        proposal: the plans last proposed (None before one, and after applying).
        result: the plans last shown (proposed or applied).

    Signals:
        applied: the plan was written centrally and the workspace has synced.
    """

    applied = Signal()

    def __init__(
        self,
        planner: team_plan.LeadTeamPlanner,
        parent: QWidget | None = None,
        *,
        ready: Callable[[], bool] = lambda: True,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("teamPlanDialog")
        self.planner = planner
        self._ready = ready
        self.proposal: tuple[team_plan.TeamDayPlan, ...] | None = None
        self.result: tuple[team_plan.TeamDayPlan, ...] = ()
        self.task = Task(self)
        self.task.finished.connect(self._on_finished)
        self.task.failed.connect(self._on_failed)
        translate = QCoreApplication.translate
        self.setWindowTitle(translate("TeamPlanDialog", "Plan the team's days"))

        start = today()
        self.first_day = QDateEdit(
            QDate(start.year, start.month, start.day), objectName="teamPlanFirstDay"
        )
        self.first_day.setCalendarPopup(True)
        self.days = QSpinBox(objectName="teamPlanDays")
        self.days.setRange(1, team_plan.MAX_DAYS)
        self.days.setValue(1)
        self.seconds = QDoubleSpinBox(objectName="teamPlanSeconds")
        self.seconds.setRange(0.5, 60.0)
        self.seconds.setDecimals(1)
        self.seconds.setSingleStep(0.5)
        self.seconds.setValue(min(60.0, planner.default_seconds()))
        # Other days or seconds than those proposed: propose again before applying.
        self.first_day.dateChanged.connect(self._forget_proposal)
        self.days.valueChanged.connect(self._forget_proposal)
        self.seconds.valueChanged.connect(self._forget_proposal)
        form = QFormLayout()
        form.addRow(translate("TeamPlanDialog", "First day:"), self.first_day)
        form.addRow(translate("TeamPlanDialog", "Number of days:"), self.days)
        form.addRow(translate("TeamPlanDialog", "Solver seconds per day:"), self.seconds)

        self.propose_button = QPushButton(
            translate("TeamPlanDialog", "Propose"), objectName="teamPlanPropose"
        )
        self.propose_button.clicked.connect(self.propose)
        self.apply_button = QPushButton(
            translate("TeamPlanDialog", "Apply"), objectName="teamPlanApply"
        )
        self.apply_button.clicked.connect(self.apply)
        actions = QHBoxLayout()
        actions.addLayout(form)
        actions.addStretch()
        actions.addWidget(self.propose_button)
        actions.addWidget(self.apply_button)

        self.day_model: RowTableModel[CollectorDayRow] = RowTableModel(_day_columns(), self)
        self.day_table = self._table(self.day_model, "teamPlanDays")
        self.left_out_model: RowTableModel[LeftOutRow] = RowTableModel(_left_out_columns(), self)
        self.left_out_table = self._table(self.left_out_model, "teamPlanLeftOut")
        self.left_out_heading = QLabel(objectName="teamPlanLeftOutHeading")
        self.summary = QLabel(objectName="teamPlanSummary", wordWrap=True)
        self.travel_note = QLabel(objectName="teamPlanTravelNote", wordWrap=True)
        self.travel_note.setStyleSheet("color: #e65100;")
        self.travel_note.hide()
        self.progress = QProgressBar(objectName="teamPlanProgress")
        self.progress.setRange(0, 0)
        self.progress.hide()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addWidget(self.day_table, 3)
        layout.addWidget(self.left_out_heading)
        layout.addWidget(self.left_out_table, 2)
        layout.addWidget(self.summary)
        layout.addWidget(self.travel_note)
        layout.addWidget(self.progress)
        layout.addWidget(close)
        self._show_left_out_heading(0)
        self._update_buttons()

    @staticmethod
    def _table(model: RowTableModel, name: str) -> QTableView:
        table = QTableView(objectName=name)
        table.setModel(model)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def chosen_first_day(self) -> dt.date:
        picked = self.first_day.date()
        return dt.date(picked.year(), picked.month(), picked.day())

    # -- work --------------------------------------------------------------------------------------

    def propose(self) -> bool:
        """Plan the chosen days on a pool thread and show the result; writes nothing."""
        if not self._ready():
            return False
        first, days, seconds = self.chosen_first_day(), self.days.value(), self.seconds.value()
        return self._start(
            lambda _progress: self.planner.propose(first, days, seconds),
            QCoreApplication.translate(
                "TeamPlanDialog", "Planning {days} days of the team…"
            ).format(days=days),
        )

    def apply(self) -> bool:
        """Plan the chosen days again and write them, then sync; False when it could not start."""
        if self.proposal is None or not self._ready():
            return False
        first, days, seconds = self.chosen_first_day(), self.days.value(), self.seconds.value()
        return self._start(
            lambda _progress: self.planner.apply(first, days, seconds),
            QCoreApplication.translate(
                "TeamPlanDialog", "Writing the plan and syncing the workspace…"
            ),
        )

    def _start(self, work: Callable[[Callable[[int, int], None]], object], text: str) -> bool:
        if not self.task.start(work):
            return False
        self.progress.show()
        self.summary.setText(text)
        self.summary.setStyleSheet("")
        self._update_buttons()
        return True

    def _on_finished(self, result: object) -> None:
        self.progress.hide()
        plans = tuple(result) if isinstance(result, tuple) else ()
        self.result = plans
        applied = bool(plans) and plans[0].applied
        self.proposal = None if applied else plans
        self.day_model.set_rows(day_rows(plans))
        left = left_out_rows(plans)
        self.left_out_model.set_rows(left)
        self._show_left_out_heading(len(left))
        self.summary.setText(self._summary_text(plans, applied))
        notes = sorted({plan.travel_note for plan in plans if plan.travel_note})
        self.travel_note.setVisible(bool(notes))
        if notes:
            self.travel_note.setText(
                QCoreApplication.translate(
                    "TeamPlanDialog",
                    "Road times could not be read from the OSRM server, so travel was estimated "
                    "from straight-line distance: {detail}",
                ).format(detail="; ".join(notes))
            )
        self._update_buttons()
        if applied:
            self.applied.emit()

    def _on_failed(self, error: object) -> None:
        self.progress.hide()
        if isinstance(error, errors.KnownError):
            text = str(error)
        else:
            text = QCoreApplication.translate(
                "TeamPlanDialog", "Something went wrong: {error}"
            ).format(error=error)
        self.summary.setText(text)
        self.summary.setStyleSheet("color: #c62828;")
        self._update_buttons()

    def _forget_proposal(self) -> None:
        """The proposal shown was for other days or seconds: it cannot be applied as it is."""
        if self.proposal is not None and not self.task.running:
            self.proposal = None
            self._update_buttons()

    # -- words -------------------------------------------------------------------------------------

    @staticmethod
    def _summary_text(plans: Sequence[team_plan.TeamDayPlan], applied: bool) -> str:
        visits = sum(plan.visits for plan in plans)
        kept = sum(len(plan.already_planned) for plan in plans)
        left = len(plans[-1].left_out) if plans else 0
        if applied:
            text = QCoreApplication.translate(
                "TeamPlanDialog",
                "{visits} visits planned ({first} to {last}) and given to their collectors; "
                "{left} cases left out.",
            )
        else:
            text = QCoreApplication.translate(
                "TeamPlanDialog",
                "{visits} visits would be planned ({first} to {last}); {left} cases left out. "
                "Apply to assign the cases and plan the visits.",
            )
        first = formatting.date(plans[0].day) if plans else ""
        last = formatting.date(plans[-1].day) if plans else ""
        words = text.format(visits=visits, first=first, last=last, left=left)
        if kept:
            words = formatting.sentences(
                words,
                QCoreApplication.translate(
                    "TeamPlanDialog",
                    "{count} cases already had a visit planned and were left alone.",
                ).format(count=kept),
            )
        return words

    def _show_left_out_heading(self, count: int) -> None:
        self.left_out_heading.setText(
            QCoreApplication.translate("TeamPlanDialog", "Left out ({count})").format(count=count)
        )

    def _update_buttons(self) -> None:
        busy = self.task.running
        self.propose_button.setEnabled(not busy)
        self.apply_button.setEnabled(self.proposal is not None and not busy)
        for editor in (self.first_day, self.days, self.seconds):
            editor.setEnabled(not busy)
