"""The Today screen: the day's planned visits in route order, checked in and out from the list.

The collector plans the route, drags a stop to another place (timed again at once, warnings on
the stops that miss their window, the order saved), locks stops at their time so that planning
again keeps them (kept in the workspace across restarts), and prints the route sheet. Planning
and timing are `DayPlanService`'s.
"Suggest visits…" opens `SuggestDialog`: cases the routing engine chose for the day, added to it
as planned visits (`VisitSuggestionService`), then planned into the route as usual.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import settings
from app.services import day_plan
from app.services.day_plan import DayPlan, DayPlanError, DayPlanService, PlannedStop, StopWarning
from app.services.visit_suggestion import VisitSuggestionService
from app.services.visits import TodayVisit, VisitError, VisitService
from app.services.workspace import Workspace
from ui import formatting, labels
from ui.dialogs.outcome_dialog import OutcomeDialog, error_text
from ui.dialogs.suggest_dialog import SuggestDialog
from ui.models.row_table_model import Column, RowTableModel
from ui.positioning import MAX_FIX_AGE, Positioner

COLUMN_STOP = 0  # the stop's number; its check box locks the stop at its time
COLUMN_WINDOW = 1
COLUMN_ARRIVAL = 2
COLUMN_WAIT = 3
COLUMN_BORROWER = 4
COLUMN_LOAN = 5
COLUMN_ADDRESS = 6
COLUMN_STATUS = 7
COLUMN_CHECKED = 8
COLUMN_WARNING = 9
_WARNING_COLOUR = "#c62828"


@dataclass(frozen=True, slots=True)
class RouteRow:
    """One line of the Today list: a visit of the day and, when it is on the route, its stop.

    Attributes:
        visit: the visit.
        stop: its timed stop on the day's route (None: not on the route).
    """

    visit: TodayVisit
    stop: PlannedStop | None


class RouteTable(QTableView):
    """The day's visits; a row dragged to another place is reported, not moved: the view orders
    the route again and fills the model anew.

    Signals:
        row_moved(int, int): the row at the first index was dropped before the row at the second
            (the row count: after the last).
    """

    row_moved = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)

    def dropEvent(self, event: QDropEvent) -> None:
        if event.source() not in (self, None):  # None: a drop made by a test, not a drag
            event.ignore()
            return
        source = self.currentIndex().row()
        target = self.indexAt(event.position().toPoint()).row()
        if target < 0:
            target = self.model().rowCount()
        elif self.dropIndicatorPosition() == QAbstractItemView.DropIndicatorPosition.BelowItem:
            target += 1
        # Ignored as a move so that Qt removes no row: the view refills the model itself.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if source >= 0 and target not in (source, source + 1):
            self.row_moved.emit(source, target)


class TodayView(QWidget):
    """The visits planned for one day (today unless another date is picked).

    Attributes:
        model: the day's visits in the list's order, each with its stop on the route.
        table: the list (a `RouteTable` showing `model`).
        travel_note: under the totals, why travel is estimated when OSRM could not be used.
    """

    open_case = Signal(object)  # uuid.UUID
    changed = Signal()  # a visit was checked in or out

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        preferences: settings.Preferences | None = None,
        positioner: Positioner | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("todayView")
        self._service = VisitService(workspace, preferences=preferences)
        self._planner = DayPlanService(workspace, preferences=preferences)
        self._suggester = VisitSuggestionService(workspace, preferences=preferences)
        self._clock = clock
        self._positioner = positioner
        # A place picked on the map: (latitude, longitude, when), used by the next check-in.
        self._picked: tuple[float, float, dt.datetime] | None = None
        self._visits: list[TodayVisit] = []
        # Locked stops and the start each keeps (UTC), kept in the workspace across restarts.
        self._locked: dict[uuid.UUID, dt.datetime] = self._planner.locks()
        self._plan: DayPlan | None = None
        self.heading = QLabel(objectName="todayHeading")
        self.heading.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.day = QDateEdit(QDate.currentDate(), objectName="todayDate", calendarPopup=True)
        self.day.dateChanged.connect(self.reload)
        self.model: RowTableModel[RouteRow] = RowTableModel(
            self._columns(), self, movable_rows=True
        )
        self.table = RouteTable()
        self.table.setObjectName("todayVisits")
        self.table.setModel(self.model)
        self.table.row_moved.connect(self.move_stop)
        # The keyboard's way to reorder, beside dragging (also in the list's context menu).
        self.move_up_action = QAction(self.table, objectName="moveStopUp")
        self.move_up_action.setShortcut(QKeySequence("Ctrl+Up"))
        self.move_up_action.triggered.connect(lambda: self.move_selected(-1))
        self.move_down_action = QAction(self.table, objectName="moveStopDown")
        self.move_down_action.setShortcut(QKeySequence("Ctrl+Down"))
        self.move_down_action.triggered.connect(lambda: self.move_selected(1))
        for action in (self.move_up_action, self.move_down_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.table.addAction(action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(
            COLUMN_ADDRESS, QHeaderView.ResizeMode.Stretch
        )
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self._open_selected)
        self.check_in_button = QPushButton(objectName="checkIn")
        self.check_out_button = QPushButton(objectName="checkOut")
        self.suggest_button = QPushButton(objectName="suggestVisits")
        self.suggest_button.clicked.connect(self.suggest_visits)
        self.plan_button = QPushButton(objectName="planRoute")
        self.plan_button.clicked.connect(self.plan_route)
        self.sheet_button = QPushButton(objectName="printRouteSheet")
        self.sheet_button.clicked.connect(self._choose_route_sheet_file)
        self.totals = QLabel(objectName="routeTotals", wordWrap=True)
        # Why the totals are estimates: the OSRM server in the settings could not be used.
        self.travel_note = QLabel(objectName="routeTravelNote", wordWrap=True)
        self.travel_note.setStyleSheet(f"color: {_WARNING_COLOUR};")
        self.travel_note.hide()
        self.outcome_button = QPushButton(objectName="recordOutcome")
        self.open_button = QPushButton(objectName="openCase")
        self.outcome_button.clicked.connect(self.record_outcome)
        self.check_in_button.clicked.connect(self._check_in)
        self.check_out_button.clicked.connect(self.check_out_selected)
        self.open_button.clicked.connect(self._open_selected)
        self.empty = QLabel(objectName="noVisits", alignment=Qt.AlignmentFlag.AlignCenter)
        self.notice = QLabel(objectName="todayNotice", wordWrap=True)
        self.notice.hide()

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch()
        top.addWidget(self.suggest_button)
        top.addWidget(self.plan_button)
        top.addWidget(self.sheet_button)
        top.addWidget(self.day)
        buttons = QHBoxLayout()
        for button in (
            self.check_in_button,
            self.outcome_button,
            self.check_out_button,
            self.open_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.totals)
        layout.addWidget(self.travel_note)
        layout.addWidget(self.empty)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        self.retranslate()

    @property
    def visits(self) -> list[TodayVisit]:
        return list(self._visits)

    def show_day(self, day: dt.date) -> None:
        self.day.setDate(QDate(day.year, day.month, day.day))
        self.reload()

    def reload(self) -> None:
        chosen = self.day.date()
        day = dt.date(chosen.year(), chosen.month(), chosen.day())
        selected = self.selected_visit()
        self._visits = self._service.today(day)
        self._plan = self._current_plan(day)
        stops = {stop.visit_id: stop for stop in self._plan.stops} if self._plan else {}
        self.model.set_rows([RouteRow(visit, stops.get(visit.visit_id)) for visit in self._visits])
        if selected is not None:
            self.select_visit(selected.visit_id)
        self._fill_totals()
        self.empty.setVisible(not self._visits)
        self._update_buttons()

    def _current_plan(self, day: dt.date) -> DayPlan | None:
        """The saved route timed, or None when it cannot be (nobody logged in, no home)."""
        try:
            return self._planner.current_plan(day, self._locked)
        except DayPlanError:
            return None

    def _columns(self) -> list[Column[RouteRow]]:
        translate = QCoreApplication.translate

        def column(header: Callable[[], str], text: Callable[[RouteRow], str]) -> Column[RouteRow]:
            return Column(header, text, colour=_warning_colour)

        return [
            Column(
                lambda: translate("TodayView", "Stop"),
                lambda row: str(row.visit.route_order) if row.visit.route_order is not None else "",
                colour=_warning_colour,
                # Only a stop on the route can be locked at its time.
                tooltip=lambda row: (
                    translate(
                        "TodayView",
                        "Locked: the stop keeps its time when the route is planned again",
                    )
                    if row.stop is not None
                    else ""
                ),
                checked=lambda row: (
                    row.visit.visit_id in self._locked if row.stop is not None else None
                ),
                set_checked=lambda row, locked: self.set_locked(row.visit.visit_id, locked),
            ),
            column(lambda: translate("TodayView", "Time window"), _window_text),
            column(
                lambda: translate("TodayView", "Arrival"),
                lambda row: (
                    formatting.local_time(row.stop.arrival, row.visit.timezone) if row.stop else ""
                ),
            ),
            column(
                lambda: translate("TodayView", "Wait"),
                lambda row: (
                    translate("TodayView", "{minutes} min").format(minutes=row.stop.wait_minutes)
                    if row.stop and row.stop.wait_minutes
                    else ""
                ),
            ),
            column(lambda: translate("TodayView", "Borrower"), lambda row: row.visit.borrower_name),
            column(lambda: translate("TodayView", "Loan ref"), lambda row: row.visit.loan_ref),
            column(
                lambda: translate("TodayView", "Address"), lambda row: row.visit.address_text or ""
            ),
            column(
                lambda: translate("TodayView", "Status"),
                lambda row: labels.label(labels.VISIT_STATUS, row.visit.status),
            ),
            column(lambda: translate("TodayView", "Checked in – out"), _checked_text),
            column(
                lambda: translate("TodayView", "Warning"),
                lambda row: _warning_text(row.stop) if row.stop else "",
            ),
        ]

    def _fill_totals(self) -> None:
        plan = self._plan
        self._fill_travel_note(plan)
        if plan is None or not plan.stops:
            self.totals.clear()
            self.totals.hide()
            return
        text = QCoreApplication.translate(
            "TodayView",
            "{stops} stops · {km} km · {minutes} minutes on the road · home at {back} · "
            "about {cost} yuan",
        ).format(
            stops=len(plan.stops),
            km=f"{plan.distance_km:.1f}",
            minutes=plan.travel_minutes,
            back=formatting.local_time(plan.back_at),
            cost=formatting.money(plan.cost),
        )
        if plan.warnings:
            text += " · " + QCoreApplication.translate(
                "TodayView", "{count} stops miss their time window"
            ).format(count=plan.warnings)
        if plan.back_after_shift:
            text += " · " + QCoreApplication.translate(
                "TodayView", "home after the end of your shift"
            )
        self.totals.setText(text)
        self.totals.setStyleSheet(
            f"color: {_WARNING_COLOUR};" if plan.warnings or plan.back_after_shift else ""
        )
        self.totals.show()

    def _fill_travel_note(self, plan: DayPlan | None) -> None:
        """Say beside the totals that they are straight-line estimates, and why, when the
        configured OSRM server could not be used (`DayPlan.travel_note` names it and the cause)."""
        if plan is None or not plan.stops or not plan.travel_note:
            self.travel_note.clear()
            self.travel_note.hide()
            return
        self.travel_note.setText(
            QCoreApplication.translate(
                "TodayView",
                "Road times could not be read from the OSRM server, so travel was estimated "
                "from straight-line distance: {detail}",
            ).format(detail=plan.travel_note)
        )
        self.travel_note.show()

    @property
    def plan(self) -> DayPlan | None:
        """The day's route as shown (timed from the saved order)."""
        return self._plan

    def move_stop(self, from_row: int, to_row: int) -> DayPlan | None:
        """Move the visit at `from_row` before the one at `to_row` (the row count: to the end),
        time the route again and save its order. Only a planned visit moves; the route is the
        stops it had plus the one moved, in the new order of the list."""
        if not 0 <= from_row < len(self._visits) or not 0 <= to_row <= len(self._visits):
            return None
        moved = self._visits[from_row]
        if moved.status != "planned" or moved.lat is None or moved.lon is None:
            self._show_notice(
                QCoreApplication.translate(
                    "TodayView", "Only a planned visit with a known address can be moved."
                ),
                error=True,
            )
            return None
        rows = list(self._visits)
        rows.insert(to_row - 1 if to_row > from_row else to_row, rows.pop(from_row))
        route = [
            visit.visit_id
            for visit in rows
            if visit.status == "planned"
            and visit.lat is not None
            and visit.lon is not None
            and (visit.route_order is not None or visit.visit_id == moved.visit_id)
        ]
        try:
            plan = self._planner.reorder(self.chosen_day(), route, self._locked)
        except DayPlanError as exc:
            self._show_notice(str(exc), error=True)
            return None
        self._after_change("")
        self.select_visit(moved.visit_id)
        return plan

    def move_selected(self, step: int) -> DayPlan | None:
        """Move the selected stop one place up (-1) or down (+1) the list."""
        visit = self.selected_visit()
        if visit is None:
            return None
        row = self._visits.index(visit)
        target = row - 1 if step < 0 else row + 2
        if not 0 <= target <= len(self._visits):
            return None
        return self.move_stop(row, target)

    def set_locked(self, visit_id: uuid.UUID, locked: bool) -> None:
        """Lock a stop at its present start (planning again keeps it there), or unlock it."""
        stop = next(
            (s for s in (self._plan.stops if self._plan else ()) if s.visit_id == visit_id), None
        )
        pinned = day_plan.pinned_start(stop.start) if locked and stop is not None else None
        self._locked = self._planner.set_lock(visit_id, pinned)
        self.reload()

    @property
    def locked(self) -> dict[uuid.UUID, dt.datetime]:
        return dict(self._locked)

    def _choose_route_sheet_file(self) -> None:
        suggested = QCoreApplication.translate("TodayView", "route-{day}.pdf").format(
            day=self.chosen_day().isoformat()
        )
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("TodayView", "Save the route sheet"),
            suggested,
            QCoreApplication.translate("TodayView", "PDF files (*.pdf)"),
        )
        if chosen:
            self.write_route_sheet(Path(chosen))

    def write_route_sheet(self, target: Path) -> bool:
        """Write the chosen day's route sheet (PDF) to `target`, to print or carry."""
        try:
            plan = self._planner.write_route_sheet(self.chosen_day(), target, self._locked)
        except DayPlanError as exc:
            self._show_notice(str(exc), error=True)
            return False
        self._show_notice(
            QCoreApplication.translate(
                "TodayView", "Route sheet of {stops} stops saved to {file}"
            ).format(stops=len(plan.stops), file=str(target)),
            error=False,
        )
        return True

    def selected_visit(self) -> TodayVisit | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self._visits[rows[0].row()] if rows and rows[0].row() < len(self._visits) else None

    def _update_buttons(self) -> None:
        visit = self.selected_visit()
        self.check_in_button.setEnabled(visit is not None and visit.status == "planned")
        checked_in = visit is not None and visit.status == "checked_in"
        self.check_out_button.setEnabled(checked_in)
        self.outcome_button.setEnabled(checked_in)
        self.open_button.setEnabled(visit is not None)

    def _open_selected(self) -> None:
        visit = self.selected_visit()
        if visit is not None:
            self.open_case.emit(visit.case_id)

    def _check_in(self) -> None:
        visit = self.selected_visit()
        if visit is None:
            return
        place, accepted = QInputDialog.getText(
            self,
            QCoreApplication.translate("TodayView", "Check in"),
            self._where_prompt(),
            text=visit.address_text or "",
        )
        if accepted:
            self.check_in_selected(place)

    def pick_place(self, lat: float, lon: float) -> None:
        """Take a place picked on the map as where the next check-in happens."""
        self._picked = (lat, lon, self._clock())
        self._show_notice(
            QCoreApplication.translate(
                "TodayView", "Place picked on the map: {lat}, {lon}. Your next check-in uses it."
            ).format(lat=f"{lat:.5f}", lon=f"{lon:.5f}"),
            error=False,
        )

    def _position(self) -> tuple[float, float] | None:
        """The picked place if recent (the user's own choice), else the system's fix."""
        if self._picked is not None:
            lat, lon, at = self._picked
            if self._clock() - at <= MAX_FIX_AGE:
                return lat, lon
        return self._positioner.current() if self._positioner is not None else None

    def _where_prompt(self) -> str:
        position = self._position()
        if position is None:
            return QCoreApplication.translate("TodayView", "Where are you?")
        return QCoreApplication.translate(
            "TodayView", "Where are you? Your position {lat}, {lon} is recorded too."
        ).format(lat=f"{position[0]:.5f}", lon=f"{position[1]:.5f}")

    def check_in_selected(self, place: str | None = None) -> bool:
        """Check in at the selected visit now, at `place` (default: the visit's address)."""
        visit = self.selected_visit()
        if visit is None:
            return False
        position = self._position()
        lat, lon = position if position is not None else (None, None)
        try:
            verdict = self._service.check_in(
                visit.visit_id, self._clock(), lat=lat, lon=lon, place=place or visit.address_text
            )
        except VisitError as exc:
            self._show_notice(error_text(exc), error=True)
            return False
        self._picked = None
        # The check-in is a fact and always kept; the rules' warnings are shown beside it.
        warnings = [
            labels.filled(labels.VIOLATION, violation.code, violation.params)
            for violation in verdict.violations
        ]
        self._after_change("\n".join(warnings))
        return True

    def check_out_selected(self) -> bool:
        visit = self.selected_visit()
        if visit is None:
            return False
        try:
            self._service.check_out(visit.visit_id, self._clock())
        except VisitError as exc:
            self._show_notice(error_text(exc), error=True)
            return False
        self._after_change("")
        return True

    def outcome_dialog(self) -> OutcomeDialog | None:
        """The outcome dialog for the selected (checked-in) visit."""
        visit = self.selected_visit()
        if visit is None:
            return None
        return OutcomeDialog(
            self._service,
            visit.borrower_name,
            visit_id=visit.visit_id,
            clock=self._clock,
            parent=self,
        )

    def record_outcome(self) -> None:
        dialog = self.outcome_dialog()
        if dialog is not None and dialog.exec() == OutcomeDialog.DialogCode.Accepted:
            self._after_change("")

    def suggest_dialog(self) -> SuggestDialog:
        """The suggested-visits dialog for the chosen day (its suggestion already under way)."""
        return SuggestDialog(self._suggester, self.chosen_day(), parent=self)

    def suggest_visits(self) -> None:
        dialog = self.suggest_dialog()
        if dialog.exec() == SuggestDialog.DialogCode.Accepted:
            self.visits_suggested(dialog.added)

    def visits_suggested(self, added: list[uuid.UUID]) -> None:
        """Show the day with the visits just added from a suggestion."""
        self._after_change(
            QCoreApplication.translate(
                "TodayView", "{count} suggested visits added; plan the route to order them."
            ).format(count=len(added))
        )

    def chosen_day(self) -> dt.date:
        return self.day.date().toPython()

    def plan_route(self) -> DayPlan | None:
        """Order the chosen day's planned visits into a route and say what came of it."""
        try:
            plan = self._planner.plan_day(self.chosen_day(), self._locked)
        except DayPlanError as exc:
            self._show_notice(str(exc), error=True)
            return None
        lines = []
        if plan.stops:
            lines.append(
                QCoreApplication.translate(
                    "TodayView",
                    "Route planned: {stops} stops, {km} km, {minutes} minutes on the road, home "
                    "at {back}, about {cost} yuan.",
                ).format(
                    stops=len(plan.stops),
                    km=f"{plan.distance_km:.1f}",
                    minutes=plan.travel_minutes,
                    back=formatting.local_time(plan.back_at),
                    cost=formatting.money(plan.cost),
                )
            )
        names = {visit.visit_id: visit.borrower_name for visit in self._visits}
        for left in plan.left_out:
            lines.append(
                QCoreApplication.translate("TodayView", "{borrower} is left out: {reason}").format(
                    borrower=names.get(left.visit_id, ""),
                    reason=labels.label(labels.LEFT_OUT, left.reason.value),
                )
            )
        self._after_change("\n".join(lines))
        return plan

    def _after_change(self, notice: str) -> None:
        self.reload()
        self._show_notice(notice, error=False)
        self.changed.emit()

    def _show_notice(self, text: str, *, error: bool) -> None:
        self.notice.setText(text)
        self.notice.setStyleSheet(f"color: {'#c62828' if error else '#ef6c00'};")
        self.notice.setVisible(bool(text))

    def select_visit(self, visit_id: uuid.UUID) -> bool:
        for row, visit in enumerate(self._visits):
            if visit.visit_id == visit_id:
                self.table.selectRow(row)
                return True
        return False

    def retranslate(self) -> None:
        self.heading.setText(QCoreApplication.translate("TodayView", "Today's visits"))
        self.suggest_button.setText(QCoreApplication.translate("TodayView", "S&uggest visits…"))
        self.plan_button.setText(QCoreApplication.translate("TodayView", "Plan the &route"))
        self.sheet_button.setText(QCoreApplication.translate("TodayView", "&Print route sheet…"))
        self.model.retranslate()
        self.table.setToolTip(
            QCoreApplication.translate(
                "TodayView",
                "Drag a stop to another place (or press Ctrl+Up, Ctrl+Down) to change the order "
                "of the route",
            )
        )
        self.move_up_action.setText(QCoreApplication.translate("TodayView", "Move the stop up"))
        self.move_down_action.setText(QCoreApplication.translate("TodayView", "Move the stop down"))
        self.check_in_button.setText(QCoreApplication.translate("TodayView", "Check &in"))
        self.check_out_button.setText(QCoreApplication.translate("TodayView", "Check ou&t"))
        self.outcome_button.setText(QCoreApplication.translate("TodayView", "Record &outcome…"))
        self.open_button.setText(QCoreApplication.translate("TodayView", "Open &case"))
        self.empty.setText(
            QCoreApplication.translate("TodayView", "No visits planned for this day")
        )
        self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _warning_colour(row: RouteRow) -> str | None:
    """A stop that misses its time window is written in red, every cell of it."""
    return _WARNING_COLOUR if row.stop is not None and row.stop.warning is not None else None


def _window_text(row: RouteRow) -> str:
    visit = row.visit
    if not visit.window_start:
        return ""
    return QCoreApplication.translate("TodayView", "{start}–{end}").format(
        start=formatting.local_time(visit.window_start, visit.timezone),
        end=formatting.local_time(visit.window_end, visit.timezone),
    )


def _checked_text(row: RouteRow) -> str:
    visit = row.visit
    if not visit.check_in_at:
        return ""
    return QCoreApplication.translate("TodayView", "{check_in} – {check_out}").format(
        check_in=formatting.local_time(visit.check_in_at, visit.timezone),
        check_out=formatting.local_time(visit.check_out_at, visit.timezone),
    )


def _warning_text(stop: PlannedStop) -> str:
    if stop.warning is StopWarning.AFTER_WINDOW:
        return QCoreApplication.translate(
            "TodayView", "{minutes} min after its time window"
        ).format(minutes=stop.late_minutes)
    if stop.warning is StopWarning.OUTSIDE_EVERY_WINDOW:
        return QCoreApplication.translate("TodayView", "no time today is allowed for this visit")
    return ""
