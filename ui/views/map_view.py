"""The Map screen: the workspace's cases and the day's route on an offline Leaflet page.

The page is built by `app.services.case_map`; this view only shows it (served from memory and
the xstatic packages through the `fieldcollect:` scheme, and the tiles of an offline .mbtiles
file below `map/tiles/` when the settings choose one), hears its clicks through one QWebChannel
bridge, and sends the page's console to logging. It never queries the store itself.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QFile,
    QIODevice,
    QObject,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile, QWebEngineScript
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app import settings
from app.services import case_map, map_tiles
from app.services.workspace import Workspace
from ui import formatting, labels
from ui.web import local_content

logger = logging.getLogger(__name__)

# The page's address under the `fieldcollect:` scheme; its assets sit below the same folder.
_PAGE_FOLDER = "map/"
_PAGE_PATH = f"{_PAGE_FOLDER}index.html"
# Tiles of an offline .mbtiles file, as the page asks for them (Leaflet's {z}/{x}/{y}).
TILES_PREFIX = f"{_PAGE_FOLDER}tiles/"
LOCAL_TILE_URL = f"{local_content.SCHEME}://{TILES_PREFIX}{{z}}/{{x}}/{{y}}"

# Connects the page to the bridge once the document is ready (the page's own code has run by
# then, so `fieldcollectMap` exists; clicks before the channel is up wait in its queue).
_CONNECT_BRIDGE = """
new QWebChannel(qt.webChannelTransport, function (channel) {
  if (window.fieldcollectMap) { window.fieldcollectMap.connect(channel.objects.bridge); }
});
"""

_CONSOLE_LEVELS = {
    QWebEnginePage.JavaScriptConsoleMessageLevel.InfoMessageLevel: logging.INFO,
    QWebEnginePage.JavaScriptConsoleMessageLevel.WarningMessageLevel: logging.WARNING,
    QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel: logging.ERROR,
}


def _bridge_script() -> QWebEngineScript:
    """Qt's qwebchannel.js and the call that connects the page, injected into every load."""
    source = QFile(":/qtwebchannel/qwebchannel.js")
    if not source.open(QIODevice.OpenModeFlag.ReadOnly):
        raise RuntimeError("Qt's qwebchannel.js is missing from the QtWebChannel resources")
    try:
        code = bytes(source.readAll().data()).decode("utf-8")
    finally:
        source.close()
    script = QWebEngineScript()
    script.setName("fieldcollect-bridge")
    script.setSourceCode(code + _CONNECT_BRIDGE)
    script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentReady)
    script.setWorldId(QWebEngineScript.ScriptWorldId.MainWorld)
    script.setRunsOnSubFrames(False)
    return script


class MapBridge(QObject):
    """The one object the page talks to: JSON commands in, Qt signals out.

    Signals:
        case_clicked(uuid.UUID): a case's marker or route stop was clicked.
        place_picked(float, float): a place on the map was clicked (latitude, longitude).
    """

    case_clicked = Signal(object)
    place_picked = Signal(float, float)

    @Slot(str)
    def cmd(self, message: str) -> None:
        try:
            command = json.loads(message)
            if command.get("command") == "place_picked":
                lat, lon = float(command["lat"]), float(command["lon"])
                if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                    raise ValueError(lat, lon)
                self.place_picked.emit(lat, lon)
                return
            if command.get("command") == "select_case":
                case_id = uuid.UUID(command["case_id"])
            else:
                logger.warning("the map page sent an unknown command %r", command.get("command"))
                return
        except (ValueError, TypeError, KeyError, AttributeError):
            logger.warning("the map page sent a malformed command")
            return
        self.case_clicked.emit(case_id)


class MapPage(QWebEnginePage):
    """A page that stays on local content: its console goes to logging, web links to the
    system browser, any other navigation is refused."""

    def javaScriptConsoleMessage(
        self,
        level: QWebEnginePage.JavaScriptConsoleMessageLevel,
        message: str,
        line_number: int,
        source_id: str,
    ) -> None:
        logger.log(
            _CONSOLE_LEVELS.get(level, logging.INFO),
            "map page: %s (%s:%d)",
            message,
            source_id,
            line_number,
        )

    def acceptNavigationRequest(
        self, url: QUrl | str, navigation_type: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        url = QUrl(url)
        if url.scheme() == local_content.SCHEME:
            return True
        if (
            navigation_type == QWebEnginePage.NavigationType.NavigationTypeLinkClicked
            and url.scheme() in ("http", "https")
        ):
            # Tile attributions link to their owners; they open outside, the map stays.
            QDesktopServices.openUrl(url)
        return False


def _tier_legend() -> str:
    chips = [
        f"<span style='color:{colour}'>●</span> "
        + QCoreApplication.translate("MapView", "Tier {tier}").format(tier=tier)
        for tier, colour in case_map.TIER_COLOURS.items()
    ]
    chips.append(
        f"<span style='color:{case_map.ROUTE_COLOUR}'>━</span> "
        + QCoreApplication.translate("MapView", "Route")
    )
    return "&nbsp;&nbsp;".join(chips)


class MapView(QWidget):
    """The cases of the workspace and the route of one day (today unless set) on a map.

    The page is built the first time the view is shown, or on `reload()`.

    Attributes:
        web_view: the QWebEngineView showing the page.
        page: its page.
        bridge: the object the page sends its commands to.
        case_map: the last map built (None before the first).

    Signals:
        case_clicked(uuid.UUID): the user clicked a case's marker or a stop of the route.
        place_picked(float, float): the user clicked a place on the map (latitude, longitude).
        loaded(bool): the page finished loading (False: it could not be shown).
    """

    case_clicked = Signal(object)
    place_picked = Signal(float, float)
    loaded = Signal(bool)

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        tile_url: str | None = None,
        tile_attribution: str | None = None,
        preferences: settings.Preferences | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mapView")
        # Without an explicit tile URL, the settings choose the background at each reload.
        self._preferences = preferences
        self._mbtiles: map_tiles.MbtilesReader | None = None
        self._service = case_map.CaseMapService(workspace)
        self._today = today
        self._day: dt.date | None = None
        self._tile_url = tile_url
        self._tile_attribution = tile_attribution
        self._is_loaded = False
        self._load_ok = False
        self.case_map: case_map.CaseMap | None = None
        self._shown_tile_url: str | None = None

        self.summary = QLabel(objectName="mapSummary", wordWrap=True)
        self.legend = QLabel(objectName="mapLegend")
        self.notice = QLabel(objectName="mapNotice", wordWrap=True)
        self.notice.setStyleSheet("color: #555;")
        self.reload_button = QPushButton(objectName="reloadMap")
        self.reload_button.clicked.connect(self.reload)

        self.bridge = MapBridge(self)
        self.bridge.case_clicked.connect(self.case_clicked)
        self.bridge.place_picked.connect(self.place_picked)
        # QtWebEngine starts (a second or so, and a renderer process) only when the map is
        # first needed, not with the main window.
        self._web_view: QWebEngineView | None = None
        self._page: MapPage | None = None
        self._content: local_content.LocalContentHandler | None = None
        self._page_room = QWidget(objectName="mapPageRoom")
        QVBoxLayout(self._page_room).setContentsMargins(0, 0, 0, 0)

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.reload_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.legend)
        layout.addWidget(self._page_room, 1)
        layout.addWidget(self.notice)
        self.retranslate()

    # -- the page ---------------------------------------------------------------------------------

    @property
    def web_view(self) -> QWebEngineView:
        """The view showing the page (QtWebEngine starts when it is first asked for)."""
        if self._web_view is None:
            self._create_page()
        assert self._web_view is not None
        return self._web_view

    @property
    def page(self) -> MapPage:
        if self._page is None:
            self._create_page()
        assert self._page is not None
        return self._page

    def _create_page(self) -> None:
        web_view = QWebEngineView(objectName="mapPage")
        # An off-the-record profile of its own: nothing cached on disk, and the local scheme
        # handler installed only where the map is shown.
        profile = QWebEngineProfile()
        profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.NoCache)
        self._content = local_content.LocalContentHandler(profile)
        profile.installUrlSchemeHandler(local_content.SCHEME.encode(), self._content)
        page = MapPage(profile, web_view)
        # The page must go before its profile (Qt warns otherwise): the profile becomes the
        # page's child, deleted after the page's own destructor has released it.
        profile.setParent(page)
        page.scripts().insert(_bridge_script())
        channel = QWebChannel(page)
        channel.registerObject("bridge", self.bridge)
        page.setWebChannel(channel)
        page.loadFinished.connect(self._on_load_finished)
        web_view.setPage(page)
        self._web_view, self._page = web_view, page
        self._page_room.layout().addWidget(web_view)

    @property
    def is_loaded(self) -> bool:
        """Whether the current page finished loading successfully."""
        return self._is_loaded and self._load_ok

    @property
    def day(self) -> dt.date:
        return self._day or self._today()

    def set_day(self, day: dt.date | None) -> None:
        """Show the route of `day` (None: today); reloads a page already shown."""
        self._day = day
        self.refresh()

    def set_tiles(self, tile_url: str | None, tile_attribution: str | None = None) -> None:
        """Use another tile source (None: no tiles); reloads a page already shown."""
        self._tile_url, self._tile_attribution = tile_url, tile_attribution
        self.refresh()

    def _tiles(self) -> tuple[str | None, str | None, int | None]:
        """(tile URL template, attribution, deepest zoom of the source) for the next page."""
        if self._tile_url or self._preferences is None:
            return self._tile_url, self._tile_attribution, None
        source = map_tiles.tile_source(self._preferences)
        if source.kind == map_tiles.ONLINE:
            return source.url_template, None, None
        if source.kind == map_tiles.MBTILES and source.mbtiles is not None:
            if self._mbtiles is None or self._mbtiles.path != source.mbtiles:
                self._close_mbtiles()
                try:
                    self._mbtiles = map_tiles.MbtilesReader(source.mbtiles)
                except map_tiles.TileSourceError as error:
                    logger.error("offline map tiles unusable: %s", error)
                    return None, None, None
            attribution = self._mbtiles.attribution or source.mbtiles.name
            return LOCAL_TILE_URL, attribution, self._mbtiles.max_zoom
        self._close_mbtiles()
        return None, None, None

    def _close_mbtiles(self) -> None:
        if self._mbtiles is not None:
            self._mbtiles.close()
            self._mbtiles = None

    @property
    def tile_url(self) -> str | None:
        """The tile URL template of the page shown (None: no tiles)."""
        return self._shown_tile_url

    def reload(self) -> None:
        """Build the page again from the workspace and show it."""
        tile_url, attribution, max_native_zoom = self._tiles()
        built = self._service.build(
            self.day,
            tile_url=tile_url,
            tile_attribution=attribution,
            tile_max_native_zoom=max_native_zoom,
            texts=self._texts(),
        )
        self.case_map = built
        self._shown_tile_url = tile_url
        page = self.page
        assert self._content is not None
        for prefix, folder in built.assets.items():
            self._content.mount(_PAGE_FOLDER + prefix, folder)
        self._content.serve_tiles(
            TILES_PREFIX, self._mbtiles if tile_url == LOCAL_TILE_URL else None
        )
        self._content.publish(_PAGE_PATH, built.html.encode("utf-8"))
        self._is_loaded = False
        self._fill_summary()
        page.load(local_content.url(_PAGE_PATH))

    def refresh(self) -> None:
        """Build the page again if it was already shown (after visits or cases changed); a map
        never shown waits for its first showing."""
        if self.case_map is not None:
            self.reload()

    def show_case(self, case_id: uuid.UUID) -> None:
        """Zoom the map to the case's marker and show its label (nothing if it is not drawn)."""
        self.run_javascript(f"fieldcollectMap.showCase({json.dumps(str(case_id))})")

    def run_javascript(self, script: str, callback: Callable[[object], None] | None = None) -> None:
        """Run `script` in the page's main world; `callback` receives its result."""
        if self._page is None:
            return
        if callback is None:
            self.page.runJavaScript(script, 0)
        else:
            self.page.runJavaScript(script, 0, callback)

    def _on_load_finished(self, ok: bool) -> None:
        self._is_loaded, self._load_ok = True, ok
        if not ok:
            logger.error("the map page did not load")
        self._fill_summary()
        self.loaded.emit(ok)

    def _texts(self) -> case_map.MapTexts:
        return case_map.MapTexts(
            outstanding=QCoreApplication.translate("MapView", "Outstanding {amount}"),
            tier=QCoreApplication.translate("MapView", "Tier {tier}"),
            stop=QCoreApplication.translate("MapView", "Stop {number}"),
            statuses={code: labels.label(labels.CASE_STATUS, code) for code in labels.CASE_STATUS},
            money=formatting.money,
        )

    # -- words ------------------------------------------------------------------------------------

    def _fill_summary(self) -> None:
        built = self.case_map
        if built is None:
            self.summary.setText(QCoreApplication.translate("MapView", "Loading the map…"))
            self.notice.clear()
            return
        if self._is_loaded and not self._load_ok:
            self.summary.setText(
                QCoreApplication.translate("MapView", "The map could not be shown.")
            )
            return
        text = QCoreApplication.translate(
            "MapView", "{cases} cases on the map · {stops} stops on the route of {day}"
        ).format(cases=len(built.markers), stops=len(built.stops), day=formatting.date(self.day))
        if built.cases_without_position:
            text += " · " + QCoreApplication.translate(
                "MapView", "{count} cases without a known location"
            ).format(count=built.cases_without_position)
        if built.visits_without_position:
            text += " · " + QCoreApplication.translate(
                "MapView", "{count} visits without a known location are not on the route"
            ).format(count=built.visits_without_position)
        self.summary.setText(text)
        self.notice.setText(
            ""
            if self._shown_tile_url
            else QCoreApplication.translate(
                "MapView",
                "No map tiles are set: cases and the route are drawn on a plain background.",
            )
        )
        self.notice.setVisible(not self._shown_tile_url)

    def retranslate(self) -> None:
        self.reload_button.setText(QCoreApplication.translate("MapView", "Reload"))
        self.legend.setText(_tier_legend())
        self._fill_summary()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.case_map is None:
            self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            # The page's labels are words too: build it again in the new language.
            self.refresh()
        super().changeEvent(event)
