"""Role gating in the main window, and the Early warning and Reports screens of the lead."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtCharts import QBarCategoryAxis, QPieSeries, QStackedBarSeries
from PySide6.QtCore import Qt
from PySide6.QtGui import QShortcut
from pytestqt.qtbot import QtBot

from app.services.workspace import Workspace
from tests.ui.lead.conftest import dispose
from ui.main_window import MainWindow
from ui.models.row_table_model import Column, RowTableModel
from ui.views.lead.early_warning_view import EarlyWarningView
from ui.views.lead.reports_view import ReportsView

LEAD_SCREENS = ["Team board", "Assignment", "Import", "Early warning", "Reports"]


@pytest.fixture
def lead_window(qtbot: QtBot, lead_workspace: Workspace) -> Iterator[MainWindow]:
    window = MainWindow(lead_workspace)
    window.show()
    yield window
    for view in window.lead_views:
        dispose(view)
    dispose(window)


def _names(window: MainWindow) -> list[str]:
    return [window.navigation.item(row).text() for row in range(window.navigation.count())]


def test_a_lead_sees_the_lead_screens_after_the_collectors(lead_window: MainWindow) -> None:
    assert _names(lead_window) == ["Today", "Cases", "Map", "Agreements", "Sync", *LEAD_SCREENS]
    assert "Team lead" in lead_window.windowTitle()
    # Ctrl+6 … Ctrl+9 and Ctrl+0 reach them in order.
    shortcuts = {
        shortcut.key().toString(): shortcut for shortcut in lead_window.findChildren(QShortcut)
    }
    for row, key in enumerate(("6", "7", "8", "9", "0"), start=5):
        shortcuts[f"Ctrl+{key}"].activated.emit()
        assert lead_window.navigation.currentRow() == row
        assert lead_window.stack.currentWidget() is lead_window.lead_views[row - 5]


def test_a_collector_never_sees_them(qtbot: QtBot, demo_workspace: Workspace) -> None:
    window = MainWindow(demo_workspace)
    qtbot.addWidget(window)
    assert _names(window) == ["Today", "Cases", "Map", "Agreements", "Sync"]
    assert window.lead_views == []
    assert not hasattr(window, "assignment_view")


def test_early_warning_lists_each_warning_with_its_reason(
    qtbot: QtBot, lead_workspace: Workspace
) -> None:
    view = EarlyWarningView(lead_workspace)
    qtbot.addWidget(view)
    view.show()
    total = view.model.rowCount()
    assert total > 0
    assert view.summary.text().startswith(f"{total} warnings:")
    broken = view.kind_filter.findData("broken_promise")
    view.kind_filter.setCurrentIndex(broken)
    assert 0 < view.model.rowCount() < total
    for row in range(view.model.rowCount()):
        assert view.model.text(row, 0) == "Broken promise"
        assert "not kept" in view.model.text(row, 6)


def test_the_reports_screen_draws_its_charts_and_exports(
    qtbot: QtBot, tmp_path: Path, lead_workspace: Workspace
) -> None:
    view = ReportsView(lead_workspace, today=dt.date.today)
    qtbot.addWidget(view)
    view.resize(1300, 900)
    view.show()
    report = view.report
    assert report is not None, "computed when first shown"
    aging = view.charts["aging"]
    (series,) = aging.series()
    assert isinstance(series, QStackedBarSeries)
    assert [bar.label() for bar in series.barSets()][:2] == ["Current", "1–30 days"]
    axis = next(a for a in aging.axes(Qt.Orientation.Horizontal) if isinstance(a, QBarCategoryAxis))
    assert axis.categories() == [f"{day:%Y-%m}" for day in report.month_ends]
    at_last_month_end = sum(series.barSets()[k].at(len(report.month_ends) - 1) for k in range(6))
    assert at_last_month_end == sum(
        point.count for point in report.aging if point.month_end == report.month_ends[-1]
    )
    (pie,) = view.charts["contacts"].series()
    assert isinstance(pie, QPieSeries)
    assert sum(piece.value() for piece in pie.slices()) == sum(row.count for row in report.contacts)
    visits = view.charts["visits"].series()[0].barSets()[0]
    assert visits.count() == len(report.visits)
    assert (
        view.figures["promise_kept_rate"]
        .text()
        .endswith(f"{float(report.promise_kept_rate) * 100:.1f}%</div>")
    )
    xlsx = view.export("xlsx", tmp_path / "report.xlsx")
    assert openpyxl.load_workbook(xlsx).sheetnames
    pdf = view.export("pdf", tmp_path / "report.pdf")
    assert len(PdfReader(pdf).pages) >= 1


def test_the_reports_filter_narrows_to_one_collector(
    qtbot: QtBot, lead_workspace: Workspace
) -> None:
    view = ReportsView(lead_workspace)
    qtbot.addWidget(view)
    view.show()
    team_visits = sum(row.visits for row in view.report.visits)
    view.collector_filter.setCurrentIndex(view.collector_filter.findText("张伟"))
    assert view.compute()
    assert [row.collector_name for row in view.report.visits] == ["张伟"]
    assert view.report.visits[0].visits < team_visits
    view.start.setDate(view.end.date().addDays(1))
    assert not view.compute()
    assert "before it starts" in view.notice.text()


def test_the_row_table_model_is_a_well_behaved_model(qtmodeltester: object) -> None:
    model: RowTableModel[tuple[str, int]] = RowTableModel(
        [
            Column(lambda: "Name", lambda row: row[0]),
            Column(lambda: "N", lambda row: str(row[1]), True),
        ]
    )
    model.set_rows([("a", 1), ("b", 2)])
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.text(1, 1) == "2" and model.headerData(1, Qt.Orientation.Horizontal) == "N"
