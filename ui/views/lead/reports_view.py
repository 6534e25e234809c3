"""The Reports screen: the team's results over a period as charts (QtCharts) and figures, with
filters by team, collector and period, and exports to XLSX and PDF.

`ReportService` computes every figure from the lead's store; the screen only draws them. The
exports are the service's (`reports.export_xlsx`, `reports.export_pdf`) in the interface's
language.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from fractions import Fraction
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QDate, QEvent, QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import errors, settings
from app.services import reports
from app.services.team_cases import TeamCaseService
from app.services.workspace import Workspace
from ui import formatting, labels
from ui.models.row_table_model import Column, RowTableModel
from ui.views.lead.early_warning_view import reason_language

# Aging buckets from young to old, green to red.
BUCKET_COLOURS = ("#66bb6a", "#c0ca33", "#fdd835", "#ffa726", "#ef5350", "#8e24aa")
_BAR_COLOUR = "#1e88e5"
DEFAULT_MONTHS = 6


def _percent(rate: Fraction | None) -> str:
    return "—" if rate is None else f"{float(rate) * 100:.1f}%"


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(QMargins(4, 4, 4, 4))
    return chart


class ReportsView(QWidget):
    """Filters, figures, charts and exports of the lead's reports.

    Attributes:
        report: the report shown (None before the first).
        charts: the charts drawn, by name ("aging", "visits", "contacts", "cost").
    """

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        *,
        preferences: settings.Preferences | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportsView")
        self._today = today
        self.service = reports.ReportService(workspace, preferences)
        self._team_cases = TeamCaseService(workspace, today=today)
        self.report: reports.Report | None = None
        self.charts: dict[str, QChart] = {}
        self._loaded = False

        self.heading = QLabel(objectName="reportsHeading")
        self.heading.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.team_filter = QComboBox(objectName="reportTeam")
        self.collector_filter = QComboBox(objectName="reportCollector")
        self.start = QDateEdit(objectName="reportStart", calendarPopup=True)
        self.end = QDateEdit(objectName="reportEnd", calendarPopup=True)
        today_date = today()
        self.end.setDate(QDate(today_date))
        self.start.setDate(QDate(today_date).addMonths(-DEFAULT_MONTHS))
        self.from_label, self.to_label = QLabel(), QLabel()
        self.show_button = QPushButton(objectName="computeReport")
        self.show_button.clicked.connect(self.compute)
        self.xlsx_button = QPushButton(objectName="exportXlsx")
        self.xlsx_button.clicked.connect(lambda: self._export("xlsx"))
        self.pdf_button = QPushButton(objectName="exportPdf")
        self.pdf_button.clicked.connect(lambda: self._export("pdf"))
        self.notice = QLabel(objectName="reportNotice", wordWrap=True)

        self.figures: dict[str, QLabel] = {}
        figures = QHBoxLayout()
        for key in (
            "recovered",
            "recovery_rate",
            "promise_kept_rate",
            "contact_success_rate",
            "travel_cost",
            "cost_per_yuan",
        ):
            tile = QLabel(objectName=f"figure_{key}", alignment=Qt.AlignmentFlag.AlignCenter)
            tile.setStyleSheet(
                "QLabel { background: #f5f7fa; border: 1px solid #dde3ea; border-radius: 6px;"
                " padding: 6px 10px; }"
            )
            self.figures[key] = tile
            figures.addWidget(tile)

        self.chart_views: dict[str, QChartView] = {}
        grid = QGridLayout()
        for position, name in enumerate(("aging", "visits", "contacts", "cost")):
            view = QChartView(objectName=f"chart_{name}")
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(260)
            self.chart_views[name] = view
            grid.addWidget(view, position // 2, position % 2)
        self.roll_heading = QLabel(objectName="rollHeading")
        self.roll_model: RowTableModel[tuple[str, list[str]]] = RowTableModel([], self)
        self.roll_table = QTableView(objectName="rollRates")
        self.roll_table.setModel(self.roll_model)
        self.roll_table.verticalHeader().hide()
        self.roll_table.setMinimumHeight(220)

        filters = QHBoxLayout()
        for widget in (
            self.team_filter,
            self.collector_filter,
            self.from_label,
            self.start,
            self.to_label,
            self.end,
            self.show_button,
        ):
            filters.addWidget(widget)
        filters.addStretch()
        filters.addWidget(self.xlsx_button)
        filters.addWidget(self.pdf_button)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addLayout(figures)
        content_layout.addLayout(grid)
        content_layout.addWidget(self.roll_heading)
        content_layout.addWidget(self.roll_table)
        scroll = QScrollArea(objectName="reportScroll", widgetResizable=True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(filters)
        layout.addWidget(self.notice)
        layout.addWidget(scroll, 1)
        self.retranslate()

    # -- filters -----------------------------------------------------------------------------------

    def _fill_filters(self) -> None:
        team = self._team_cases.team()
        self.team_filter.blockSignals(True)
        self.team_filter.clear()
        if team is not None:
            self.team_filter.addItem(team[1], str(team[0]))
        # "" for all (PySide6 6.12 miscounts a None held in a QVariant).
        self.team_filter.addItem(QCoreApplication.translate("ReportsView", "All teams"), "")
        self.team_filter.blockSignals(False)
        self.collector_filter.clear()
        self.collector_filter.addItem(
            QCoreApplication.translate("ReportsView", "All collectors"), ""
        )
        for member in self._team_cases.members():
            if member.role == "collector":
                self.collector_filter.addItem(member.display_name, str(member.user_id))

    def report_filter(self) -> reports.ReportFilter:
        team = self.team_filter.currentData() if self.team_filter.count() else ""
        collector = self.collector_filter.currentData() if self.collector_filter.count() else ""
        return reports.ReportFilter(
            team_id=uuid.UUID(team) if team else None,
            collector_id=uuid.UUID(collector) if collector else None,
            start=self.start.date().toPython(),
            end=self.end.date().toPython(),
        )

    # -- computing and drawing ---------------------------------------------------------------------

    def compute(self) -> bool:
        """Compute the report of the filters and draw it; False when it cannot be made."""
        if not self._loaded:
            self._fill_filters()
            self._loaded = True
        try:
            self.report = self.service.compute(self.report_filter())
        except errors.KnownError as error:
            self.notice.setText(str(error))
            return False
        self.notice.clear()
        self._draw()
        return True

    def _draw(self) -> None:
        report = self.report
        if report is None:
            return
        texts = {
            "recovered": (
                QCoreApplication.translate("ReportsView", "Recovered"),
                formatting.money(report.recovered),
            ),
            "recovery_rate": (
                QCoreApplication.translate("ReportsView", "Recovery rate"),
                _percent(report.recovery_rate),
            ),
            "promise_kept_rate": (
                QCoreApplication.translate("ReportsView", "Promises kept"),
                _percent(report.promise_kept_rate),
            ),
            "contact_success_rate": (
                QCoreApplication.translate("ReportsView", "Contact success"),
                _percent(report.contact_success_rate),
            ),
            "travel_cost": (
                QCoreApplication.translate("ReportsView", "Travel cost"),
                formatting.money(report.travel_cost),
            ),
            "cost_per_yuan": (
                QCoreApplication.translate("ReportsView", "Cost per yuan recovered"),
                # Fen per yuan are small: four decimals keep them visible.
                "—" if report.cost_per_yuan is None else f"{float(report.cost_per_yuan):.4f}",
            ),
        }
        for key, (title, value) in texts.items():
            self.figures[key].setText(
                f"<div style='color:#555'>{title}</div><div style='font-size:16px;"
                f"font-weight:600'>{value}</div>"
            )
        self._set_chart("aging", self._aging_chart(report))
        self._set_chart("visits", self._visits_chart(report))
        self._set_chart("contacts", self._contacts_chart(report))
        self._set_chart("cost", self._cost_chart(report))
        self._fill_roll_rates(report)

    def _set_chart(self, name: str, chart: QChart) -> None:
        old = self.chart_views[name].chart()
        self.chart_views[name].setChart(chart)
        self.charts[name] = chart
        if old is not None and old is not chart:
            old.deleteLater()

    def _aging_chart(self, report: reports.Report) -> QChart:
        chart = _chart(QCoreApplication.translate("ReportsView", "Cases by age at each month end"))
        series = QStackedBarSeries()
        for bucket, colour in zip(reports.BUCKETS, BUCKET_COLOURS, strict=False):
            bar = QBarSet(labels.label(labels.BUCKET, bucket.value))
            bar.setColor(QColor(colour))
            for month_end in report.month_ends:
                bar.append(
                    sum(
                        point.count
                        for point in report.aging
                        if point.month_end == month_end and point.bucket == bucket
                    )
                )
            series.append(bar)
        chart.addSeries(series)
        # Month ends as year-month: a full date would not fit under six bars.
        self._axes(chart, series, [f"{day:%Y-%m}" for day in report.month_ends])
        return chart

    def _visits_chart(self, report: reports.Report) -> QChart:
        chart = _chart(
            QCoreApplication.translate("ReportsView", "Completed visits per collector per day")
        )
        series = QBarSeries()
        bar = QBarSet(QCoreApplication.translate("ReportsView", "Visits a day"))
        bar.setColor(QColor(_BAR_COLOUR))
        for row in report.visits:
            bar.append(float(row.per_day))
        series.append(bar)
        chart.addSeries(series)
        chart.legend().hide()
        self._axes(chart, series, [row.collector_name for row in report.visits])
        return chart

    def _contacts_chart(self, report: reports.Report) -> QChart:
        chart = _chart(
            QCoreApplication.translate(
                "ReportsView", "Contacts by outcome (success {rate})"
            ).format(rate=_percent(report.contact_success_rate))
        )
        series = QPieSeries()
        for row in report.contacts:
            piece = series.append(labels.label(labels.OUTCOME, row.outcome), row.count)
            piece.setColor(
                QColor("#43a047" if row.reached else "#bdbdbd").darker(
                    100 + 12 * (len(series.slices()) % 4)
                )
            )
        chart.addSeries(series)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        return chart

    def _cost_chart(self, report: reports.Report) -> QChart:
        chart = _chart(
            QCoreApplication.translate("ReportsView", "Travel cost per collector (yuan)")
            if report.travel
            else QCoreApplication.translate(
                "ReportsView", "Travel cost per collector: no planned route in the period"
            )
        )
        series = QBarSeries()
        bar = QBarSet(QCoreApplication.translate("ReportsView", "Travel cost"))
        bar.setColor(QColor("#fb8c00"))
        for row in report.travel:
            bar.append(float(row.cost))
        series.append(bar)
        chart.addSeries(series)
        chart.legend().hide()
        self._axes(chart, series, [row.collector_name for row in report.travel])
        return chart

    @staticmethod
    def _axes(
        chart: QChart, series: QBarSeries | QStackedBarSeries, categories: Sequence[str]
    ) -> None:
        x_axis = QBarCategoryAxis()
        x_axis.append(list(categories))
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(x_axis)
        y_axis = QValueAxis()
        y_axis.setLabelFormat("%.0f")
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(y_axis)
        if isinstance(series, QStackedBarSeries):
            highest = max(
                (sum(bar.at(k) for bar in series.barSets()) for k in range(len(categories))),
                default=0.0,
            )
        else:
            highest = max(
                (bar.at(k) for bar in series.barSets() for k in range(bar.count())), default=0.0
            )
        # An empty chart has no range: Qt would warn about NaN bounds.
        y_axis.setRange(0, highest if highest > 0 else 1)
        if highest > 0:
            y_axis.applyNiceNumbers()

    def _fill_roll_rates(self, report: reports.Report) -> None:
        """The last month's roll rates as a matrix: from bucket (rows) to bucket or closed."""
        if not report.roll_rates:
            self.roll_heading.setText(
                QCoreApplication.translate(
                    "ReportsView", "Roll rates need two month ends in the period."
                )
            )
            self.roll_model.set_rows([])
            return
        last = max(rate.from_month_end for rate in report.roll_rates)
        rates = [rate for rate in report.roll_rates if rate.from_month_end == last]
        to_end = rates[0].to_month_end
        self.roll_heading.setText(
            QCoreApplication.translate("ReportsView", "Roll rates from {start} to {end}").format(
                start=formatting.date(last), end=formatting.date(to_end)
            )
        )
        targets = reports.ROLL_TARGETS

        def target_name(code: str) -> str:
            return (
                QCoreApplication.translate("ReportsView", "Closed")
                if code == reports.CLOSED
                else labels.label(labels.BUCKET, code)
            )

        rows: list[tuple[str, list[str]]] = []
        for bucket in dict.fromkeys(rate.from_bucket for rate in rates):
            shares = {rate.to_bucket: rate for rate in rates if rate.from_bucket == bucket}
            rows.append(
                (
                    labels.label(labels.BUCKET, bucket),
                    [
                        _percent(shares[target].share) if target in shares else ""
                        for target in targets
                    ],
                )
            )
        columns: list[Column[tuple[str, list[str]]]] = [
            Column(
                lambda: QCoreApplication.translate("ReportsView", "From \\ to"), lambda row: row[0]
            )
        ]
        for position, target in enumerate(targets):
            columns.append(
                Column(
                    lambda code=target: target_name(code),
                    lambda row, at=position: row[1][at],
                    True,
                )
            )
        self.roll_model = RowTableModel(columns, self)
        self.roll_table.setModel(self.roll_model)
        self.roll_model.set_rows(rows)
        self.roll_table.resizeColumnsToContents()

    # -- exports -----------------------------------------------------------------------------------

    def export(self, kind: str, path: Path) -> Path:
        """Write the report shown (computed first if none is) as XLSX or PDF to `path`."""
        if self.report is None and not self.compute():
            raise reports.ReportError("no report to export")
        assert self.report is not None
        language = reason_language()
        if kind == "xlsx":
            return reports.export_xlsx(self.report, path, language)
        return reports.export_pdf(self.report, path, language)

    def _export(self, kind: str) -> None:
        suffix = "xlsx" if kind == "xlsx" else "pdf"
        wanted = (
            QCoreApplication.translate("ReportsView", "Excel workbook (*.xlsx)")
            if kind == "xlsx"
            else QCoreApplication.translate("ReportsView", "PDF document (*.pdf)")
        )
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("ReportsView", "Export the report"),
            str(Path.home() / f"report-{self._today():%Y%m%d}.{suffix}"),
            wanted,
        )
        if not chosen:
            return
        try:
            written = self.export(kind, Path(chosen))
        except errors.KnownError as error:
            self.notice.setText(str(error))
            return
        self.notice.setText(
            QCoreApplication.translate("ReportsView", "Report written to {path}").format(
                path=written
            )
        )

    # -- words -------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(QCoreApplication.translate("ReportsView", "Reports"))
        self.from_label.setText(QCoreApplication.translate("ReportsView", "From"))
        self.to_label.setText(QCoreApplication.translate("ReportsView", "to"))
        self.show_button.setText(QCoreApplication.translate("ReportsView", "Show"))
        self.xlsx_button.setText(QCoreApplication.translate("ReportsView", "Export XLSX"))
        self.pdf_button.setText(QCoreApplication.translate("ReportsView", "Export PDF"))
        if self._loaded:
            self._fill_filters()
            self._draw()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.report is None:
            self.compute()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
