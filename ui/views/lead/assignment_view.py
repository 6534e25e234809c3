"""The Assignment screen: the team's cases with filters, given to a collector in bulk or
automatically, on a map coloured by collector.

Cases are read from the lead's workspace; assigning writes to the central database on a pool
thread (`TeamCaseService`, which keeps the history and syncs), and the list is read again after.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import errors, settings
from app.domain import aging
from app.services import assignment, team_map, team_plan
from app.services.team_cases import TeamCase, TeamCaseFilter, TeamCaseService
from app.services.workspace import Workspace
from ui import formatting, labels
from ui.dialogs.team_plan_dialog import TeamPlanDialog
from ui.models.row_table_model import Column, RowTableModel
from ui.tasks import Task
from ui.views.lead.team_map_widget import TeamMapWidget

_TIERS = ("A", "B", "C", "D")


def _case_columns() -> list[Column[TeamCase]]:
    return [
        Column(
            lambda: QCoreApplication.translate("AssignmentView", "Loan ref"),
            lambda case: case.loan_ref,
        ),
        Column(
            lambda: QCoreApplication.translate("AssignmentView", "Borrower"),
            lambda case: case.borrower_name,
        ),
        Column(
            lambda: QCoreApplication.translate("AssignmentView", "Collector"),
            lambda case: (
                case.collector_name or QCoreApplication.translate("AssignmentView", "Unassigned")
            ),
        ),
        Column(
            lambda: QCoreApplication.translate("AssignmentView", "Tier"), lambda case: case.tier
        ),
        Column(
            lambda: QCoreApplication.translate("AssignmentView", "Days past due"),
            lambda case: str(case.days_past_due),
            True,
        ),
        Column(
            lambda: QCoreApplication.translate("AssignmentView", "Outstanding"),
            lambda case: formatting.money(case.outstanding),
            True,
        ),
        Column(
            lambda: QCoreApplication.translate("AssignmentView", "Area"),
            lambda case: case.area or "",
        ),
        Column(
            lambda: QCoreApplication.translate("AssignmentView", "Status"),
            lambda case: labels.label(labels.CASE_STATUS, case.status),
        ),
    ]


def _load_columns() -> list[Column[assignment.CollectorLoad]]:
    return [
        Column(
            lambda: QCoreApplication.translate("AssignmentView", "Collector"),
            lambda load: load.display_name,
        ),
        Column(
            lambda: QCoreApplication.translate("AssignmentView", "Cases"),
            lambda load: str(load.cases),
            True,
        ),
        Column(
            lambda: QCoreApplication.translate("AssignmentView", "Outstanding"),
            lambda load: formatting.money(load.outstanding),
            True,
        ),
        Column(
            lambda: QCoreApplication.translate("AssignmentView", "Expected travel"),
            lambda load: QCoreApplication.translate("AssignmentView", "{km} km").format(
                km=f"{load.travel_km:,.1f}"
            ),
            True,
        ),
        Column(
            lambda: QCoreApplication.translate("AssignmentView", "Open cases after"),
            lambda load: str(load.workload_after),
            True,
        ),
    ]


class AssignmentView(QWidget):
    """The lead's case list, bulk assignment, automatic assignment and map.

    Attributes:
        service: the team's cases and assignments.
        table: the cases shown (multi-select).
        proposal: the last automatic assignment proposed (None before one).

    Signals:
        assigned: cases changed hands (the workspace has synced).
        case_selected(uuid.UUID): a case was clicked on the map or double-clicked in the list.
    """

    assigned = Signal()
    case_selected = Signal(object)

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        service: TeamCaseService | None = None,
        preferences: settings.Preferences | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("assignmentView")
        self.service = service or TeamCaseService(workspace, today=today)
        self._today = today
        self._preferences = preferences
        self.team_plan_dialog: TeamPlanDialog | None = None
        self._cases: list[TeamCase] = []
        self._names: dict[str, str] = {}
        self._colours: dict[str, str] = {}
        self._loaded = False
        self.proposal: assignment.AutoAssignment | None = None
        self.task = Task(self)
        self.task.finished.connect(self._on_task_finished)
        self.task.failed.connect(self._on_task_failed)

        self.heading = QLabel(objectName="assignmentHeading")
        self.heading.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.team_plan_button = QPushButton(objectName="planTeamDays")
        self.team_plan_button.clicked.connect(self.open_team_plan)
        self.tier_filter = QComboBox(objectName="assignTierFilter")
        self.bucket_filter = QComboBox(objectName="assignBucketFilter")
        self.status_filter = QComboBox(objectName="assignStatusFilter")
        self.area_filter = QComboBox(objectName="assignAreaFilter")
        self.collector_filter = QComboBox(objectName="assignCollectorFilter")
        self.unassigned_only = QCheckBox(objectName="unassignedOnly")
        for combo in (
            self.tier_filter,
            self.bucket_filter,
            self.status_filter,
            self.area_filter,
            self.collector_filter,
        ):
            combo.currentIndexChanged.connect(self._apply_filters)
        self.unassigned_only.toggled.connect(self._apply_filters)
        self.count = QLabel(objectName="assignCount")

        self.model: RowTableModel[TeamCase] = RowTableModel(_case_columns(), self)
        self.table = QTableView(objectName="teamCases")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self._open_case)

        self.assign_to_label = QLabel()
        self.assign_to = QComboBox(objectName="assignTo")
        self.reason = QLineEdit(objectName="assignReason")
        self.assign_button = QPushButton(objectName="assignSelected")
        self.assign_button.clicked.connect(self.assign_selected)

        self.map = TeamMapWidget(self)
        self.map.case_clicked.connect(self._on_map_case)
        self.rebalance = QCheckBox(objectName="autoRebalance")
        self.propose_button = QPushButton(objectName="proposeAuto")
        self.propose_button.clicked.connect(self.propose_auto)
        self.apply_button = QPushButton(objectName="applyAuto")
        self.apply_button.clicked.connect(self.apply_auto)
        self.apply_button.setEnabled(False)
        self.proposal_model: RowTableModel[assignment.CollectorLoad] = RowTableModel(
            _load_columns(), self
        )
        self.proposal_table = QTableView(objectName="autoProposal")
        self.proposal_table.setModel(self.proposal_model)
        self.proposal_table.verticalHeader().hide()
        self.proposal_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.proposal_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.proposal_table.horizontalHeader().setStretchLastSection(True)
        self.proposal_summary = QLabel(objectName="autoSummary", wordWrap=True)
        auto = QWidget(objectName="autoTab")
        auto_layout = QVBoxLayout(auto)
        auto_buttons = QHBoxLayout()
        auto_buttons.addWidget(self.rebalance)
        auto_buttons.addStretch()
        auto_buttons.addWidget(self.propose_button)
        auto_buttons.addWidget(self.apply_button)
        auto_layout.addLayout(auto_buttons)
        auto_layout.addWidget(self.proposal_table, 1)
        auto_layout.addWidget(self.proposal_summary)
        self.tabs = QTabWidget(objectName="assignmentTabs")
        self.tabs.addTab(self.map, "")
        self.tabs.addTab(auto, "")

        self.progress = QProgressBar(objectName="assignProgress")
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.notice = QLabel(objectName="assignNotice", wordWrap=True)

        filters = QHBoxLayout()
        for widget in (
            self.tier_filter,
            self.bucket_filter,
            self.status_filter,
            self.area_filter,
            self.collector_filter,
            self.unassigned_only,
        ):
            filters.addWidget(widget)
        filters.addStretch()
        filters.addWidget(self.count)
        bulk = QHBoxLayout()
        bulk.addWidget(self.assign_to_label)
        bulk.addWidget(self.assign_to)
        bulk.addWidget(self.reason, 1)
        bulk.addWidget(self.assign_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(bulk)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch()
        top.addWidget(self.team_plan_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.notice)
        self.retranslate()

    # -- reading -----------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the team's members and cases again, keeping the filters."""
        members = self.service.members()
        self._names = {member.username: member.display_name for member in members}
        self._colours = team_map.colours_for(
            [member.username for member in members if member.role == "collector"]
            + [member.username for member in members if member.role != "collector"]
        )
        self._fill_choice(self.collector_filter, [(m.display_name, m.username) for m in members])
        self._fill_choice(self.area_filter, [(area, area) for area in self.service.areas()])
        chosen = self.assign_to.currentData() if self.assign_to.count() else ""
        self.assign_to.clear()
        for member in members:
            self.assign_to.addItem(member.display_name, member.username)
        self.assign_to.setCurrentIndex(max(0, self.assign_to.findData(chosen)))
        self._loaded = True
        self._apply_filters()

    @staticmethod
    def _fill_choice(combo: QComboBox, choices: list[tuple[str, str]]) -> None:
        """Keep the first ("all") entry and the current choice; put `choices` after it."""
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for text, data in choices:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def case_filter(self) -> TeamCaseFilter:
        # "All" is "" (not None: PySide6 miscounts None held in a QVariant and aborts).
        bucket = self.bucket_filter.currentData()
        return TeamCaseFilter(
            tier=self.tier_filter.currentData() or None,
            bucket=aging.AgingBucket(bucket) if bucket else None,
            status=self.status_filter.currentData() or None,
            area=self.area_filter.currentData() or None,
            collector=self.collector_filter.currentData() or None,
            unassigned_only=self.unassigned_only.isChecked(),
        )

    def _apply_filters(self) -> None:
        if not self._loaded:
            return
        self._cases = self.service.cases(self.case_filter())
        self.model.set_rows(self._cases)
        if self._cases:
            self.table.resizeColumnsToContents()
        self.count.setText(
            QCoreApplication.translate("AssignmentView", "{count} cases").format(
                count=len(self._cases)
            )
        )
        self._update_buttons()
        self._show_map()

    def _show_map(self) -> None:
        markers = [
            team_map.TeamMarker(
                str(case.case_id),
                case.lat,
                case.lon,
                case.collector,
                (
                    case.borrower_name,
                    case.loan_ref,
                    case.collector_name
                    or QCoreApplication.translate("AssignmentView", "Unassigned"),
                    formatting.money(case.outstanding),
                ),
            )
            for case in self._cases
            if case.lat is not None and case.lon is not None
        ]
        self.map.show_page(markers, self._colours, self._names)

    def selected_cases(self) -> list[TeamCase]:
        model = self.table.selectionModel()
        rows = sorted({index.row() for index in model.selectedRows()}) if model else []
        return [self._cases[row] for row in rows if row < len(self._cases)]

    def select_loan_refs(self, loan_refs: set[str]) -> None:
        """Select the listed cases whose loan refs are given (for tests and the map)."""
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for row, case in enumerate(self._cases):
            if case.loan_ref in loan_refs:
                self.table.selectRow(row)
        self.table.setSelectionMode(mode)

    def _update_buttons(self) -> None:
        busy = self.task.running
        count = len(self.selected_cases())
        self.assign_button.setEnabled(count > 0 and not busy)
        self.assign_button.setText(
            QCoreApplication.translate("AssignmentView", "Assign {count} cases").format(count=count)
            if count
            else QCoreApplication.translate("AssignmentView", "Assign selected")
        )
        self.propose_button.setEnabled(not busy)
        self.apply_button.setEnabled(self.proposal is not None and not busy)

    def _open_case(self) -> None:
        chosen = self.selected_cases()
        if chosen:
            self.case_selected.emit(chosen[0].case_id)

    def _on_map_case(self, case_id: uuid.UUID) -> None:
        for row, case in enumerate(self._cases):
            if case.case_id == case_id:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
                return

    # -- assigning ---------------------------------------------------------------------------------

    def _ready(self) -> bool:
        """Whether the central database can be written (asking for the password if needed)."""
        central = self.service.central
        if not central.needs_password():
            return True
        password, accepted = QInputDialog.getText(
            self,
            QCoreApplication.translate("AssignmentView", "Central database"),
            QCoreApplication.translate(
                "AssignmentView", "Password for the central database (kept for this session only):"
            ),
            QLineEdit.EchoMode.Password,
        )
        if accepted and password:
            central.use_password(password)
        return accepted and bool(password)

    def assign_selected(self) -> bool:
        """Give the selected cases to the collector chosen; False when it could not start."""
        chosen = self.selected_cases()
        to_username = self.assign_to.currentData() if self.assign_to.count() else ""
        if not chosen or not to_username or not self._ready():
            return False
        refs = [case.loan_ref for case in chosen]
        reason = self.reason.text().strip() or None
        return self._start(
            lambda _progress: self.service.assign(refs, to_username, reason),
            QCoreApplication.translate("AssignmentView", "Assigning {count} cases…").format(
                count=len(refs)
            ),
        )

    def propose_auto(self) -> bool:
        """Ask for an automatic assignment proposal (nothing written)."""
        if not self._ready():
            return False
        unassigned_only = not self.rebalance.isChecked()
        return self._start(
            lambda _progress: self.service.propose_auto(unassigned_only=unassigned_only),
            QCoreApplication.translate("AssignmentView", "Working out an automatic assignment…"),
        )

    def apply_auto(self) -> bool:
        """Apply an automatic assignment of the same cases as the proposal shown."""
        if self.proposal is None or not self._ready():
            return False
        unassigned_only = not self.rebalance.isChecked()
        return self._start(
            lambda _progress: self.service.apply_auto(unassigned_only=unassigned_only),
            QCoreApplication.translate("AssignmentView", "Assigning automatically…"),
        )

    def open_team_plan(self) -> TeamPlanDialog:
        """Open the team plan dialog (one per screen, kept with its last proposal)."""
        if self.team_plan_dialog is None:
            planner = team_plan.LeadTeamPlanner(self.service, self._preferences)
            dialog = TeamPlanDialog(planner, self, ready=self._ready, today=self._today)
            dialog.applied.connect(self._on_team_plan_applied)
            dialog.resize(980, 620)
            self.team_plan_dialog = dialog
        self.team_plan_dialog.show()
        return self.team_plan_dialog

    def _on_team_plan_applied(self) -> None:
        self.reload()
        self.assigned.emit()

    def _start(self, work: Callable[[Callable[[int, int], None]], object], text: str) -> bool:
        if not self.task.start(work):
            return False
        self.progress.show()
        self._show_notice(text, error=False)
        self._update_buttons()
        return True

    def _on_task_finished(self, result: object) -> None:
        self.progress.hide()
        if isinstance(result, assignment.Reassignment):
            name = self._names.get(result.to_username, result.to_username)
            self._show_notice(
                QCoreApplication.translate(
                    "AssignmentView",
                    "{changed} cases given to {name}; {unchanged} were already theirs.",
                ).format(changed=len(result.changed), name=name, unchanged=len(result.unchanged)),
                error=False,
            )
            self.reload()
            self.assigned.emit()
        elif isinstance(result, assignment.AutoAssignment):
            self._show_proposal(result)
            if result.applied:
                self.proposal = None
                self.reload()
                self.assigned.emit()
        self._update_buttons()

    def _on_task_failed(self, error: object) -> None:
        self.progress.hide()
        if isinstance(error, errors.KnownError):
            self._show_notice(str(error), error=True)
        else:
            self._show_notice(
                QCoreApplication.translate(
                    "AssignmentView", "Something went wrong: {error}"
                ).format(error=error),
                error=True,
            )
        self._update_buttons()

    def _show_proposal(self, result: assignment.AutoAssignment) -> None:
        self.proposal = None if result.applied else result
        self.proposal_model.set_rows(result.collectors)
        self.proposal_table.resizeColumnsToContents()
        total = len(result.cases)
        if result.applied:
            text = QCoreApplication.translate(
                "AssignmentView", "{count} cases given out automatically."
            ).format(count=total)
        elif total == 0:
            text = QCoreApplication.translate(
                "AssignmentView", "No case to give out: every case of the team has a collector."
            )
        else:
            text = QCoreApplication.translate(
                "AssignmentView",
                "{count} cases would be given out; expected travel {km} km in all. "
                "Apply to assign them.",
            ).format(count=total, km=f"{result.travel_km:,.1f}")
        if result.without_location:
            text = formatting.sentences(
                text,
                QCoreApplication.translate(
                    "AssignmentView", "{count} of them have no known location."
                ).format(count=len(result.without_location)),
            )
        self.proposal_summary.setText(text)
        self._show_notice(text, error=False)
        self.tabs.setCurrentIndex(1)

    def _show_notice(self, text: str, *, error: bool) -> None:
        self.notice.setText(text)
        self.notice.setStyleSheet(f"color: {'#c62828' if error else '#37474f'};")

    # -- words -------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(QCoreApplication.translate("AssignmentView", "Assignment"))
        for combo, first, choices in (
            (
                self.tier_filter,
                QCoreApplication.translate("AssignmentView", "All tiers"),
                [(tier, tier) for tier in _TIERS],
            ),
            (
                self.bucket_filter,
                QCoreApplication.translate("AssignmentView", "All ages"),
                [(labels.label(labels.BUCKET, code), code) for code in labels.BUCKET],
            ),
            (
                self.status_filter,
                QCoreApplication.translate("AssignmentView", "All statuses"),
                [(labels.label(labels.CASE_STATUS, code), code) for code in labels.CASE_STATUS],
            ),
        ):
            current = combo.currentIndex()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, "")
            for text, data in choices:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, current))
            combo.blockSignals(False)
        for combo, first in (
            (self.area_filter, QCoreApplication.translate("AssignmentView", "All areas")),
            (self.collector_filter, QCoreApplication.translate("AssignmentView", "All collectors")),
        ):
            if combo.count() == 0:
                combo.addItem(first, "")
            else:
                combo.setItemText(0, first)
        self.unassigned_only.setText(
            QCoreApplication.translate("AssignmentView", "Unassigned only")
        )
        self.model.retranslate()
        self.proposal_model.retranslate()
        self.assign_to_label.setText(QCoreApplication.translate("AssignmentView", "Give to:"))
        self.reason.setPlaceholderText(
            QCoreApplication.translate("AssignmentView", "Reason (optional)")
        )
        self.rebalance.setText(
            QCoreApplication.translate("AssignmentView", "Rebalance assigned cases too")
        )
        self.propose_button.setText(
            QCoreApplication.translate("AssignmentView", "Propose auto-assignment")
        )
        self.apply_button.setText(QCoreApplication.translate("AssignmentView", "Apply"))
        self.team_plan_button.setText(
            QCoreApplication.translate("AssignmentView", "Plan the team's days…")
        )
        self.tabs.setTabText(0, QCoreApplication.translate("AssignmentView", "Map"))
        self.tabs.setTabText(1, QCoreApplication.translate("AssignmentView", "Auto-assign"))
        if self._loaded:
            self._apply_filters()
        else:
            self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
