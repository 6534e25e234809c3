"""The Map screen in QtWebEngine, offline: the page loads from local files only, Leaflet runs, every
placed case is a marker, and clicking one says which case it was."""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWebEngineCore import QWebEngineUrlRequestInfo, QWebEngineUrlRequestInterceptor
from PySide6.QtWebEngineWidgets import QWebEngineView
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.services import demo
from app.services.workspace import Workspace
from app.store import models
from ui.views import map_view
from ui.views.map_view import MapView
from ui.views.today_view import TodayView
from ui.web import local_content

TODAY = dt.date.today()
LOAD_TIMEOUT_MS = 20_000


class _NetworkGuard(QWebEngineUrlRequestInterceptor):
    """Blocks and remembers every request that would leave the machine."""

    def __init__(self) -> None:
        super().__init__()
        self.blocked: list[str] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        if url.scheme() != local_content.SCHEME:
            self.blocked.append(url.toString())
            info.block(True)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    folder = tmp_path_factory.mktemp("map-view") / "ws"
    demo.build_demo_workspace(folder, cases=30, as_of=TODAY)
    with Workspace.open(folder) as opened:
        yield opened


@pytest.fixture
def guard() -> _NetworkGuard:
    return _NetworkGuard()


@pytest.fixture
def view(qtbot: QtBot, workspace: Workspace, guard: _NetworkGuard) -> Iterator[MapView]:
    shown = MapView(workspace)
    shown.page.profile().setUrlRequestInterceptor(guard)
    shown.resize(1000, 700)
    with qtbot.waitSignal(shown.loaded, timeout=LOAD_TIMEOUT_MS) as loading:
        shown.show()
    assert loading.args == [True]
    yield shown
    # Deleted now, not left to a deleteLater that the last test would never see run: a page
    # still alive when QtWebEngine shuts down makes it warn (and the interceptor dies here).
    shown.page.profile().setUrlRequestInterceptor(None)
    shown.close()
    shown.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _evaluate(qtbot: QtBot, view: MapView, expression: str) -> object:
    """The value of a JavaScript expression in the page (through JSON, to keep its type); None
    when no answer came back (the page was being replaced while the script ran)."""
    with qtbot.waitCallback(timeout=LOAD_TIMEOUT_MS) as answered:
        view.run_javascript(f"JSON.stringify({expression})", answered)
    answer = answered.args[0]
    return None if answer in (None, "") else json.loads(answer)


def _placed_case_count(workspace: Workspace) -> int:
    with workspace.session() as session:
        return (
            session.scalar(
                select(func.count(func.distinct(models.LoanCase.id)))
                .join(
                    models.BorrowerAddress,
                    models.BorrowerAddress.borrower_id == models.LoanCase.borrower_id,
                )
                .where(
                    models.BorrowerAddress.lat.is_not(None),
                    models.LoanCase.status.not_in(["settled", "closed"]),
                )
            )
            or 0
        )


def test_the_page_loads_offline_with_leaflet_and_markercluster(
    qtbot: QtBot, view: MapView, guard: _NetworkGuard, caplog: pytest.LogCaptureFixture
) -> None:
    assert view.is_loaded
    assert _evaluate(qtbot, view, "typeof L") == "object"
    assert _evaluate(qtbot, view, "typeof L.markerClusterGroup") == "function"
    assert _evaluate(qtbot, view, "typeof jQuery") == "function"
    assert _evaluate(qtbot, view, "document.querySelectorAll('.leaflet-tile').length") == 0
    assert guard.blocked == []
    assert not [record for record in caplog.records if record.levelno >= logging.WARNING]


def test_every_placed_case_is_a_marker_and_every_stop_is_numbered(
    qtbot: QtBot, view: MapView, workspace: Workspace
) -> None:
    assert view.case_map is not None
    expected = _placed_case_count(workspace)
    assert expected == 30
    assert _evaluate(qtbot, view, "fieldcollectMap.caseCount()") == expected
    assert _evaluate(qtbot, view, "Object.keys(fieldcollectMap.caseMarkers).length") == expected
    stops = view.case_map.stops
    assert stops, "the demo plans visits for today"
    numbers = _evaluate(
        qtbot, view, "fieldcollectMap.stopMarkers.map(m => m.getElement().textContent)"
    )
    assert numbers == [str(stop.number) for stop in stops]
    route = _evaluate(
        qtbot,
        view,
        "document.querySelectorAll('path.fc-route').length",
    )
    assert route == 1
    assert "30 cases on the map" in view.summary.text()


def test_clicking_a_marker_selects_its_case(qtbot: QtBot, view: MapView) -> None:
    assert view.case_map is not None
    case_id = view.case_map.markers[7].case_id
    with qtbot.waitSignal(view.case_clicked, timeout=LOAD_TIMEOUT_MS) as clicked:
        view.run_javascript(
            f"fieldcollectMap.caseMarkers[{json.dumps(str(case_id))}].fire('click')"
        )
    assert clicked.args == [case_id]
    assert isinstance(clicked.args[0], uuid.UUID)


def test_clicking_a_route_stop_selects_its_case(qtbot: QtBot, view: MapView) -> None:
    assert view.case_map is not None
    last = view.case_map.stops[-1]
    with qtbot.waitSignal(view.case_clicked, timeout=LOAD_TIMEOUT_MS) as clicked:
        view.run_javascript(
            f"fieldcollectMap.stopMarkers[{len(view.case_map.stops) - 1}].fire('click')"
        )
    assert clicked.args == [last.case_id]


def test_clicking_a_place_on_the_map_picks_it_for_the_next_check_in(
    qtbot: QtBot, view: MapView, workspace: Workspace
) -> None:
    with qtbot.waitSignal(view.place_picked, timeout=LOAD_TIMEOUT_MS) as picked:
        view.run_javascript(
            "fieldcollectMap.map.fire('click', {latlng: L.latLng(30.61234, 104.05678)})"
        )
    assert picked.args == pytest.approx([30.61234, 104.05678])

    today = TodayView(workspace)
    qtbot.addWidget(today)
    today.pick_place(*picked.args)
    visit = today.visits[0]
    today.select_visit(visit.visit_id)
    assert "30.61234, 104.05678" in today.notice.text()
    assert today.check_in_selected()
    with workspace.session() as session:
        row = session.get_one(models.Visit, visit.visit_id)
    assert (row.check_in_lat, row.check_in_lon) == pytest.approx((30.61234, 104.05678))


def test_showing_a_case_zooms_to_its_marker(qtbot: QtBot, view: MapView) -> None:
    assert view.case_map is not None
    before = _evaluate(qtbot, view, "fieldcollectMap.map.getZoom()")
    view.show_case(view.case_map.markers[0].case_id)
    qtbot.waitUntil(
        lambda: _evaluate(qtbot, view, "fieldcollectMap.map.getZoom()") != before,
        timeout=LOAD_TIMEOUT_MS,
    )


def test_a_tile_source_is_asked_for_tiles_and_nothing_else(
    qtbot: QtBot, view: MapView, guard: _NetworkGuard
) -> None:
    with qtbot.waitSignal(view.loaded, timeout=LOAD_TIMEOUT_MS):
        view.set_tiles("https://tiles.example.cn/{z}/{x}/{y}.png", "Example tiles")
    qtbot.waitUntil(lambda: bool(guard.blocked), timeout=LOAD_TIMEOUT_MS)
    assert all(url.startswith("https://tiles.example.cn/") for url in guard.blocked)
    assert view.notice.isHidden()


def test_the_bridge_ignores_what_it_does_not_understand(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    bridge = map_view.MapBridge()
    with qtbot.assertNotEmitted(bridge.case_clicked):
        bridge.cmd("not json")
        bridge.cmd(json.dumps({"command": "select_case", "case_id": "not a uuid"}))
        bridge.cmd(json.dumps({"command": "delete_everything"}))
        bridge.cmd(json.dumps(["select_case"]))
    assert len([record for record in caplog.records if record.levelno == logging.WARNING]) == 4


def test_the_page_waits_until_the_view_is_first_shown(qtbot: QtBot, workspace: Workspace) -> None:
    hidden = MapView(workspace)
    qtbot.addWidget(hidden)
    hidden.refresh()
    hidden.set_day(TODAY + dt.timedelta(days=1))
    hidden.run_javascript("1")
    assert hidden.case_map is None and hidden.findChild(QWebEngineView) is None


def test_the_map_view_never_reads_the_store_itself() -> None:
    source = Path(map_view.__file__).read_text(encoding="utf-8")
    for forbidden in ("sqlalchemy", "folium", "app.store", "app.routing"):
        assert forbidden not in source


def test_offline_tiles_of_an_mbtiles_file_are_drawn_through_the_local_scheme(
    qtbot: QtBot, workspace: Workspace, guard: _NetworkGuard, tmp_path: Path
) -> None:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    from app import settings
    from tests.helpers.mbtiles import write_mbtiles

    image = QImage(256, 256, QImage.Format.Format_RGB32)
    image.fill(QColor("#cfe8cf"))
    png = QByteArray()
    buffer = QBuffer(png)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    # The whole world at zooms 0 and 1; Leaflet enlarges zoom 1 to the city's zoom.
    tiles = {(0, 0, 0): bytes(png.data())}
    tiles |= {(1, x, y): bytes(png.data()) for x in (0, 1) for y in (0, 1)}
    preferences = settings.Preferences(tmp_path / "preferences.json")
    preferences.set("map_tiles", "mbtiles")
    preferences.set("map_mbtiles_file", str(write_mbtiles(tmp_path / "world.mbtiles", tiles)))

    shown = MapView(workspace, preferences=preferences)
    shown.page.profile().setUrlRequestInterceptor(guard)
    shown.resize(800, 600)
    try:
        with qtbot.waitSignal(shown.loaded, timeout=LOAD_TIMEOUT_MS) as loading:
            shown.show()
        assert loading.args == [True]
        assert shown.case_map is not None
        assert f'"{map_view.LOCAL_TILE_URL}"' in shown.case_map.html
        assert '"maxNativeZoom": 1' in shown.case_map.html
        qtbot.waitUntil(
            lambda: (
                _evaluate(
                    qtbot, shown, "document.querySelectorAll('img.leaflet-tile-loaded').length"
                )
                > 0
            ),
            timeout=LOAD_TIMEOUT_MS,
        )
        assert guard.blocked == []
        assert shown.notice.isHidden()
    finally:
        shown.page.profile().setUrlRequestInterceptor(None)
        shown.close()
        shown.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_the_route_planned_and_reordered_on_today_is_the_route_on_the_map(
    qtbot: QtBot, guard: _NetworkGuard, tmp_path: Path
) -> None:
    from ui.views import today_view

    folder = tmp_path / "ws"
    demo.build_demo_workspace(folder, cases=30, as_of=TODAY)
    with Workspace.open(folder) as opened:
        today = TodayView(opened)
        qtbot.addWidget(today)
        shown = MapView(opened)
        shown.page.profile().setUrlRequestInterceptor(guard)
        today.changed.connect(shown.refresh)  # as the main window connects them
        try:
            with qtbot.waitSignal(shown.loaded, timeout=LOAD_TIMEOUT_MS):
                shown.show()
            planned = today.plan_route()
            assert planned is not None and len(planned.stops) >= 3

            def drawn_stops() -> list[tuple[float, float]] | None:
                """The stops on the page, None while it is being loaded again (the route
                changed: the page is rebuilt, and its script is not there yet)."""
                points = _evaluate(
                    qtbot,
                    shown,
                    "window.fieldcollectMap ? fieldcollectMap.stopMarkers.map(m => "
                    "[m.getLatLng().lat, m.getLatLng().lng]) : null",
                )
                return None if points is None else [tuple(point) for point in points]

            def planned_places() -> list[tuple[float, float]]:
                assert today.plan is not None
                places = {visit.visit_id: (visit.lat, visit.lon) for visit in today.visits}
                return [places[stop.visit_id] for stop in today.plan.stops]

            qtbot.waitUntil(lambda: drawn_stops() == planned_places(), timeout=LOAD_TIMEOUT_MS)
            with qtbot.waitSignal(shown.loaded, timeout=LOAD_TIMEOUT_MS):
                today.move_stop(0, 2)
            first, second = planned.stops[0].visit_id, planned.stops[1].visit_id
            assert today.plan is not None
            assert [stop.visit_id for stop in today.plan.stops[:2]] == [second, first]
            qtbot.waitUntil(lambda: drawn_stops() == planned_places(), timeout=LOAD_TIMEOUT_MS)
            assert today.model.text(0, today_view.COLUMN_STOP) == "1"
            assert guard.blocked == []
        finally:
            shown.page.profile().setUrlRequestInterceptor(None)
            shown.close()
            shown.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
