"""The Today screen: the day's planned visits in route order, checked in and out from the list."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import settings
from app.services.day_plan import DayPlan, DayPlanError, DayPlanService
from app.services.visits import TodayVisit, VisitError, VisitService
from app.services.workspace import Workspace
from ui import formatting, labels
from ui.dialogs.outcome_dialog import OutcomeDialog, error_text
from ui.positioning import MAX_FIX_AGE, Positioner

_COLUMNS = 7


class TodayView(QWidget):
    """The visits planned for one day (today unless another date is picked)."""

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
        self._clock = clock
        self._positioner = positioner
        # A place picked on the map: (latitude, longitude, when), used by the next check-in.
        self._picked: tuple[float, float, dt.datetime] | None = None
        self._visits: list[TodayVisit] = []
        self.heading = QLabel(objectName="todayHeading")
        self.heading.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.day = QDateEdit(QDate.currentDate(), objectName="todayDate", calendarPopup=True)
        self.day.dateChanged.connect(self.reload)
        self.table = QTableWidget(0, _COLUMNS, objectName="todayVisits")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self._open_selected)
        self.check_in_button = QPushButton(objectName="checkIn")
        self.check_out_button = QPushButton(objectName="checkOut")
        self.plan_button = QPushButton(objectName="planRoute")
        self.plan_button.clicked.connect(self.plan_route)
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
        top.addWidget(self.plan_button)
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
        selected = self.selected_visit()
        self._visits = self._service.today(dt.date(chosen.year(), chosen.month(), chosen.day()))
        self.table.setRowCount(len(self._visits))
        for row, visit in enumerate(self._visits):
            window = QCoreApplication.translate("TodayView", "{start}–{end}").format(
                start=formatting.local_time(visit.window_start, visit.timezone),
                end=formatting.local_time(visit.window_end, visit.timezone),
            )
            cells = (
                str(visit.route_order) if visit.route_order is not None else "",
                window if visit.window_start else "",
                visit.borrower_name,
                visit.loan_ref,
                visit.address_text or "",
                labels.label(labels.VISIT_STATUS, visit.status),
                QCoreApplication.translate("TodayView", "{check_in} – {check_out}").format(
                    check_in=formatting.local_time(visit.check_in_at, visit.timezone),
                    check_out=formatting.local_time(visit.check_out_at, visit.timezone),
                )
                if visit.check_in_at
                else "",
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if selected is not None and visit.visit_id == selected.visit_id:
                self.table.selectRow(row)
        self.empty.setVisible(not self._visits)
        self._update_buttons()

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

    def chosen_day(self) -> dt.date:
        return self.day.date().toPython()

    def plan_route(self) -> DayPlan | None:
        """Order the chosen day's planned visits into a route and say what came of it."""
        try:
            plan = self._planner.plan_day(self.chosen_day())
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
        self.plan_button.setText(QCoreApplication.translate("TodayView", "Plan the &route"))
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("TodayView", "Stop"),
                QCoreApplication.translate("TodayView", "Time window"),
                QCoreApplication.translate("TodayView", "Borrower"),
                QCoreApplication.translate("TodayView", "Loan ref"),
                QCoreApplication.translate("TodayView", "Address"),
                QCoreApplication.translate("TodayView", "Status"),
                QCoreApplication.translate("TodayView", "Checked in – out"),
            ]
        )
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
