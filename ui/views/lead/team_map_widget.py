"""The lead's map: the team's cases coloured by collector and a route, on the offline page built
by `app.services.team_map`, shown like the collector's map (local scheme, one bridge)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEngineProfile
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.services import team_map
from ui.views import map_view
from ui.web import local_content

_PAGE_FOLDER = "team-map/"
_PAGE_PATH = f"{_PAGE_FOLDER}index.html"


class TeamMapWidget(QWidget):
    """Shows a `team_map` page; QtWebEngine starts on the first `show_page`.

    Attributes:
        page_built: the last page shown (None before the first).
        legend: the colours of the collectors on it.

    Signals:
        case_clicked(uuid.UUID): a case's marker or stop was clicked.
        loaded(bool): the page finished loading.
    """

    case_clicked = Signal(object)
    loaded = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamMap")
        self.page_built: team_map.TeamMapPage | None = None
        self.legend = QLabel(objectName="teamMapLegend", wordWrap=True)
        self.bridge = map_view.MapBridge(self)
        self.bridge.case_clicked.connect(self.case_clicked)
        self._web_view: QWebEngineView | None = None
        self._content: local_content.LocalContentHandler | None = None
        self._room = QWidget(objectName="teamMapRoom")
        QVBoxLayout(self._room).setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.legend)
        layout.addWidget(self._room, 1)

    @property
    def web_view(self) -> QWebEngineView:
        if self._web_view is None:
            self._create_page()
        assert self._web_view is not None
        return self._web_view

    def _create_page(self) -> None:
        web_view = QWebEngineView(objectName="teamMapPage")
        profile = QWebEngineProfile()
        profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.NoCache)
        self._content = local_content.LocalContentHandler(profile)
        profile.installUrlSchemeHandler(local_content.SCHEME.encode(), self._content)
        page = map_view.MapPage(profile, web_view)
        profile.setParent(page)  # the page goes before its profile, as on the Map screen
        page.scripts().insert(map_view._bridge_script())
        channel = QWebChannel(page)
        channel.registerObject("bridge", self.bridge)
        page.setWebChannel(channel)
        page.loadFinished.connect(self.loaded)
        web_view.setPage(page)
        self._web_view = web_view
        self._room.layout().addWidget(web_view)

    def show_page(
        self,
        markers: Sequence[team_map.TeamMarker],
        colours: Mapping[str, str],
        names: Mapping[str, str],
        stops: Sequence[team_map.TeamStop] = (),
    ) -> None:
        """Draw `markers` in their collector's colour (legend by `names`) and the route `stops`."""
        built = team_map.build_page(markers, colours, stops)
        self.page_built = built
        web_view = self.web_view
        assert self._content is not None
        for prefix, folder in built.assets.items():
            self._content.mount(_PAGE_FOLDER + prefix, folder)
        self._content.publish(_PAGE_PATH, built.html.encode("utf-8"))
        shown = {marker.collector for marker in markers}
        chips = [
            f"<span style='color:{colour}'>●</span> {names.get(username, username)}"
            for username, colour in colours.items()
            if username in shown
        ]
        self.legend.setText("&nbsp;&nbsp;".join(chips))
        web_view.page().load(local_content.url(_PAGE_PATH))
