"""The Team board: today per collector (planned, checked in where and since when, done), the
safety alerts first, and the selected collector's planned route on the map.

Everything comes from `TeamBoardService` (the lead's synced store); the screen reads it again on
a timer and after each sync. How late a check-out may be before it raises an alert is set here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import errors
from app.services import team_board, team_map
from app.services.workspace import Workspace
from ui import formatting, labels
from ui.models.row_table_model import Column, RowTableModel
from ui.views.lead.team_map_widget import TeamMapWidget

# How often the board is read again while it is shown.
REFRESH_MS = 60_000
DEFAULT_OVERDUE_MINUTES = 30
_ALERT_RED = "#c62828"


def _alert_kind(alert: team_board.SafetyAlert) -> str:
    if alert.kind is team_board.AlertKind.OVERDUE_CHECK_OUT:
        return QCoreApplication.translate("TeamBoardView", "Check-out overdue")
    return QCoreApplication.translate("TeamBoardView", "Flagged address")


class TeamBoardView(QWidget):
    """Today's board of the lead's team.

    Attributes:
        service: the board's service.
        board: the board shown (None before the first read or when it cannot be shown).
        alerts: the alerts' table model; collectors: the collectors' table model.

    Signals:
        case_selected(uuid.UUID): an alert's case was opened.
    """

    case_selected = Signal(object)

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("teamBoardView")
        self._clock = clock
        self.service = team_board.TeamBoardService(workspace, clock=clock)
        self.board: team_board.TeamBoard | None = None
        self._selected_username: str | None = None

        self.heading = QLabel(objectName="teamBoardHeading")
        self.heading.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.overdue_label = QLabel()
        self.overdue_minutes = QSpinBox(objectName="overdueMinutes")
        self.overdue_minutes.setRange(0, 240)
        self.overdue_minutes.setSingleStep(5)
        self.overdue_minutes.setValue(DEFAULT_OVERDUE_MINUTES)
        self.overdue_minutes.valueChanged.connect(self.refresh)
        self.refresh_button = QPushButton(objectName="refreshBoard")
        self.refresh_button.clicked.connect(self.refresh)
        self.updated = QLabel(objectName="boardUpdated")
        self.updated.setStyleSheet("color: #555;")

        self.alerts_heading = QLabel(objectName="alertsHeading")
        self.alerts_heading.setStyleSheet(f"font-weight: 600; color: {_ALERT_RED};")
        self.alerts: RowTableModel[team_board.SafetyAlert] = RowTableModel(
            self._alert_columns(), self
        )
        self.alerts_table = QTableView(objectName="safetyAlerts")
        self.alerts_table.setModel(self.alerts)
        self.alerts_table.doubleClicked.connect(self._open_alert_case)
        self.collectors: RowTableModel[team_board.CollectorDay] = RowTableModel(
            self._collector_columns(), self
        )
        self.collectors_table = QTableView(objectName="boardCollectors")
        self.collectors_table.setModel(self.collectors)
        self.collectors_table.selectionModel().selectionChanged.connect(self._on_collector_chosen)
        for table in (self.alerts_table, self.collectors_table):
            table.verticalHeader().hide()
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            table.horizontalHeader().setStretchLastSection(True)
        self.route_heading = QLabel(objectName="routeHeading")
        self.map = TeamMapWidget(self)
        self.map.case_clicked.connect(self.case_selected)
        self.notice = QLabel(objectName="boardNotice", wordWrap=True)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.overdue_label)
        top.addWidget(self.overdue_minutes)
        top.addWidget(self.refresh_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.alerts_heading)
        left_layout.addWidget(self.alerts_table, 1)
        left_layout.addWidget(self.collectors_table, 2)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.route_heading)
        right_layout.addWidget(self.map, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([640, 560])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.updated)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.notice)

        self.timer = QTimer(self, interval=REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.retranslate()

    # -- reading -----------------------------------------------------------------------------------

    @property
    def overdue_after(self) -> dt.timedelta:
        return dt.timedelta(minutes=self.overdue_minutes.value())

    def refresh(self) -> None:
        """Read the board again (today in the team's zone) and show it."""
        now = self._clock()
        try:
            board = self.service.today(self._team_day(now), overdue_after=self.overdue_after)
        except errors.KnownError as error:
            self.board = None
            self.notice.setText(str(error))
            self.alerts.set_rows([])
            self.collectors.set_rows([])
            return
        self.board = board
        self.notice.clear()
        self.alerts.set_rows(board.alerts)
        self.collectors.set_rows(board.collectors)
        for table in (self.alerts_table, self.collectors_table):
            table.resizeColumnsToContents()
        self._fill_texts()
        if board.collectors:
            self.collectors_table.selectRow(self._row_to_select(board))
        self._show_route()

    def _row_to_select(self, board: team_board.TeamBoard) -> int:
        """The collector chosen before; else the first with an alert, else with visits planned."""
        usernames = [collector.username for collector in board.collectors]
        if self._selected_username in usernames:
            return usernames.index(self._selected_username)
        for wanted in (lambda day: bool(day.alerts), lambda day: bool(day.planned)):
            for row, collector in enumerate(board.collectors):
                if wanted(collector):
                    return row
        return 0

    def _team_day(self, now: dt.datetime) -> dt.date:
        """Today where the team works (the zone of the last board; China's before the first)."""
        return now.astimezone(ZoneInfo(self._zone())).date()

    def selected_collector(self) -> team_board.CollectorDay | None:
        rows = self.collectors_table.selectionModel().selectedRows()
        return self.collectors.row_at(rows[0].row()) if rows else None

    def select_collector(self, username: str) -> bool:
        for row, collector in enumerate(self.collectors.rows):
            if collector.username == username:
                self.collectors_table.selectRow(row)
                return True
        return False

    def _on_collector_chosen(self) -> None:
        chosen = self.selected_collector()
        if chosen is not None:
            self._selected_username = chosen.username
        self._show_route()

    def _show_route(self) -> None:
        board = self.board
        chosen = self.selected_collector()
        if board is None:
            return
        names = {collector.username: collector.display_name for collector in board.collectors}
        colours = team_map.colours_for(list(names))
        markers = [
            team_map.TeamMarker(
                str(visit.case_id),
                visit.lat,
                visit.lon,
                collector.username,
                (visit.borrower_name, visit.loan_ref, visit.address_text or ""),
            )
            for collector in board.collectors
            for visit in collector.planned
            if visit.lat is not None and visit.lon is not None
        ]
        stops: list[team_map.TeamStop] = []
        if chosen is not None:
            visits = {visit.visit_id: visit for visit in chosen.planned}
            for stop in chosen.route:
                if stop.lat is None or stop.lon is None:
                    continue
                visit = visits.get(stop.visit_id)
                arrival = (
                    formatting.local_time(stop.planned_arrival, board.timezone)
                    if stop.planned_arrival
                    else ""
                )
                stops.append(
                    team_map.TeamStop(
                        stop.order,
                        stop.lat,
                        stop.lon,
                        (
                            QCoreApplication.translate(
                                "TeamBoardView", "Stop {number} · {time}"
                            ).format(number=stop.order, time=arrival),
                            visit.borrower_name if visit else stop.loan_ref,
                            labels.label(labels.VISIT_STATUS, stop.status),
                        ),
                        str(visit.case_id) if visit else None,
                    )
                )
            self.route_heading.setText(
                QCoreApplication.translate(
                    "TeamBoardView", "Planned route of {name}: {count} stops"
                ).format(name=chosen.display_name, count=len(chosen.route))
            )
        else:
            self.route_heading.setText(
                QCoreApplication.translate("TeamBoardView", "Choose a collector to see his route.")
            )
        self.map.show_page(markers, colours, names, stops)

    def _open_alert_case(self) -> None:
        rows = self.alerts_table.selectionModel().selectedRows()
        alert = self.alerts.row_at(rows[0].row()) if rows else None
        if alert is not None:
            self.case_selected.emit(alert.case_id)

    # -- words -------------------------------------------------------------------------------------

    def _alert_columns(self) -> list[Column[team_board.SafetyAlert]]:
        return [
            Column(
                lambda: QCoreApplication.translate("TeamBoardView", "Alert"),
                _alert_kind,
                colour=lambda _alert: _ALERT_RED,
            ),
            Column(
                lambda: QCoreApplication.translate("TeamBoardView", "Collector"),
                lambda alert: alert.collector_name,
            ),
            Column(
                lambda: QCoreApplication.translate("TeamBoardView", "Case"),
                lambda alert: alert.loan_ref,
            ),
            Column(lambda: QCoreApplication.translate("TeamBoardView", "Since"), self._alert_since),
            Column(
                lambda: QCoreApplication.translate("TeamBoardView", "Detail"), self._alert_detail
            ),
            Column(
                lambda: QCoreApplication.translate("TeamBoardView", "Address"),
                lambda alert: alert.address_text or "",
            ),
        ]

    def _collector_columns(self) -> list[Column[team_board.CollectorDay]]:
        return [
            Column(
                lambda: QCoreApplication.translate("TeamBoardView", "Collector"),
                lambda day: day.display_name,
            ),
            Column(
                lambda: QCoreApplication.translate("TeamBoardView", "Planned"),
                lambda day: str(len(day.planned)),
                True,
            ),
            Column(
                lambda: QCoreApplication.translate("TeamBoardView", "Done"),
                lambda day: str(len(day.done)),
                True,
            ),
            Column(
                lambda: QCoreApplication.translate("TeamBoardView", "Alerts"),
                lambda day: str(len(day.alerts)) if day.alerts else "",
                True,
                colour=lambda _day: _ALERT_RED,
            ),
            # Last, so that the words (where and since when) take the table's spare width.
            Column(
                lambda: QCoreApplication.translate("TeamBoardView", "Checked in"), self._checked_in
            ),
        ]

    def _zone(self) -> str:
        return self.board.timezone if self.board is not None else "Asia/Shanghai"

    def _alert_since(self, alert: team_board.SafetyAlert) -> str:
        return formatting.local_time(alert.since, self._zone()) if alert.since else ""

    def _alert_detail(self, alert: team_board.SafetyAlert) -> str:
        if alert.kind is team_board.AlertKind.OVERDUE_CHECK_OUT:
            return QCoreApplication.translate(
                "TeamBoardView", "{minutes} min past the planned end"
            ).format(minutes=alert.overdue_minutes or 0)
        separator = QCoreApplication.translate("TeamBoardView", ", ")  # 、 in Chinese
        return separator.join(labels.label(labels.SAFETY_FLAG, flag) for flag in alert.flags)

    def _checked_in(self, day: team_board.CollectorDay) -> str:
        if not day.checked_in:
            return ""
        visit = day.checked_in[-1]
        place = visit.check_in_place or visit.address_text or visit.loan_ref
        return QCoreApplication.translate("TeamBoardView", "{place} since {time}").format(
            place=place, time=formatting.local_time(visit.check_in_at, self._zone())
        )

    def _fill_texts(self) -> None:
        board = self.board
        if board is None:
            self.heading.setText(QCoreApplication.translate("TeamBoardView", "Team board"))
            return
        self.heading.setText(
            QCoreApplication.translate("TeamBoardView", "Team board — {team}, {day}").format(
                team=board.team_name, day=formatting.date(board.day)
            )
        )
        self.updated.setText(
            QCoreApplication.translate(
                "TeamBoardView", "Updated {time}; read again every minute and after each sync."
            ).format(time=formatting.local_time(board.now, board.timezone))
        )
        self.alerts_heading.setText(
            QCoreApplication.translate("TeamBoardView", "Safety alerts: {count}").format(
                count=len(board.alerts)
            )
            if board.alerts
            else QCoreApplication.translate("TeamBoardView", "No safety alert")
        )

    def retranslate(self) -> None:
        self.overdue_label.setText(
            QCoreApplication.translate(
                "TeamBoardView", "Alert when a check-out is late by more than"
            )
        )
        self.overdue_minutes.setSuffix(QCoreApplication.translate("TeamBoardView", " min"))
        self.refresh_button.setText(QCoreApplication.translate("TeamBoardView", "Refresh"))
        self.alerts.retranslate()
        self.collectors.retranslate()
        self._fill_texts()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.board is None:
            self.refresh()
        self.timer.start()

    def hideEvent(self, event: QEvent) -> None:  # type: ignore[override]
        self.timer.stop()
        super().hideEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
