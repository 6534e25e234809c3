"""Use case: the case map — one Leaflet page, built with folium, of the workspace's cases and the
day's planned route, that needs no network.

Every script and style sheet comes from the `xstatic` packages (served by the host under
`assets/`); folium's CDN links, Bootstrap and awesome-markers are dropped. The page only draws;
showing it, serving its assets and hearing its clicks are the UI's work (the page sends its
commands as JSON to `window.fieldcollectBridge.cmd` when the host provides that object).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import folium
import folium.plugins
import xstatic.pkg.jquery
import xstatic.pkg.leaflet
import xstatic.pkg.leaflet_markercluster
from folium.template import Template
from sqlalchemy import select

from app.domain import vocabulary
from app.services.visits import TodayVisit, VisitService
from app.services.workspace import Workspace
from app.store import models

logger = logging.getLogger(__name__)

# A is the most urgent tier (see app.domain.risk); the same colours as the case list.
TIER_COLOURS: Mapping[str, str] = MappingProxyType(
    {"A": "#c62828", "B": "#ef6c00", "C": "#f9a825", "D": "#2e7d32"}
)
ROUTE_COLOUR = "#1565c0"

# Cases with nothing left to collect stay off the map unless asked for.
_SETTLED_STATUSES = frozenset({vocabulary.CaseStatus.SETTLED, vocabulary.CaseStatus.CLOSED})

# Where the page finds its scripts, relative to the page's own address.
ASSETS_PREFIX = "assets/"
_LEAFLET = f"{ASSETS_PREFIX}leaflet/"
_MARKERCLUSTER = f"{ASSETS_PREFIX}markercluster/"
_JQUERY = f"{ASSETS_PREFIX}jquery/"

# Shown when no case and no stop has a position: mainland China, whole.
DEFAULT_CENTER = (35.0, 105.0)
DEFAULT_ZOOM = 4
# A single case (or a tight group) is not shown closer than street level.
_MAX_FIT_ZOOM = 16
_MAX_ZOOM = 19
# Markers closer than this on screen share a cluster (markercluster's 80 hides most of a
# collector's city at district zoom).
_CLUSTER_RADIUS_PX = 50


def local_assets() -> Mapping[str, Path]:
    """The folders the page's scripts and styles are read from, by their URL prefix."""
    return MappingProxyType(
        {
            _LEAFLET: Path(xstatic.pkg.leaflet.BASE_DIR),
            _MARKERCLUSTER: Path(xstatic.pkg.leaflet_markercluster.BASE_DIR),
            _JQUERY: Path(xstatic.pkg.jquery.BASE_DIR),
        }
    )


# Replacing folium's CDN lists by name keeps each link where folium puts it.
_MAP_JS = [("leaflet", f"{_LEAFLET}leaflet.js"), ("jquery", f"{_JQUERY}jquery.min.js")]
_MAP_CSS = [("leaflet_css", f"{_LEAFLET}leaflet.css")]
_CLUSTER_JS = [("markerclusterjs", f"{_MARKERCLUSTER}leaflet.markercluster.js")]
_CLUSTER_CSS = [
    ("markerclustercss", f"{_MARKERCLUSTER}MarkerCluster.css"),
    ("markerclusterdefaultcss", f"{_MARKERCLUSTER}MarkerCluster.Default.css"),
]


def _default_money(amount: Decimal) -> str:
    return f"{amount:,.2f}"


@dataclass(frozen=True, slots=True)
class MapTexts:
    """The words the page shows, given by the UI in the user's language.

    Attributes:
        outstanding: the amount still owed; `{amount}` is the formatted amount.
        tier: the risk tier; `{tier}` is its letter.
        stop: a stop of the route; `{number}` counts from 1.
        window: the agreed visit window; `{start}` and `{end}` are local wall-clock times.
        statuses: case status codes to their names (a code without a name is shown as it is).
        money: formats an amount (the UI's locale-aware formatter).
    """

    outstanding: str = "Outstanding {amount}"
    tier: str = "Tier {tier}"
    stop: str = "Stop {number}"
    window: str = "{start}–{end}"
    statuses: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    money: Callable[[Decimal], str] = _default_money


@dataclass(frozen=True, slots=True)
class CaseMarker:
    """A case drawn on the map, at its borrower's primary (else first known) address.

    Attributes:
        case_id: the case.
        loan_ref: its loan reference.
        lat: latitude of the address.
        lon: longitude of the address.
        tier: the risk tier (A–D), which gives the colour.
        status: a `vocabulary.CaseStatus` value, which gives the shape.
    """

    case_id: uuid.UUID
    loan_ref: str
    lat: float
    lon: float
    tier: str
    status: str


@dataclass(frozen=True, slots=True)
class RouteStop:
    """A numbered stop of the day's route.

    Attributes:
        number: its place on the route, from 1 (visits without a position keep their number but
            are not drawn, so numbers match the Today list).
        visit_id: the planned visit.
        case_id: its case.
        lat: latitude of the visited address.
        lon: its longitude.
        status: a `vocabulary.VisitStatus` value.
    """

    number: int
    visit_id: uuid.UUID
    case_id: uuid.UUID
    lat: float
    lon: float
    status: str


@dataclass(frozen=True, slots=True)
class CaseMap:
    """A built map page.

    Attributes:
        html: the page (UTF-8 text); its scripts are relative URLs under `assets/`.
        assets: the local folders to serve, by URL prefix relative to the page.
        markers: the cases drawn.
        stops: the route's stops drawn, in route order.
        cases_without_position: cases left off because no address of theirs has coordinates.
        visits_without_position: planned visits of the day left off the route for the same reason.
    """

    html: str
    assets: Mapping[str, Path]
    markers: tuple[CaseMarker, ...]
    stops: tuple[RouteStop, ...]
    cases_without_position: int
    visits_without_position: int


# -- the page ------------------------------------------------------------------------------------

_PAGE_CSS = """
.leaflet-container { background: #eef0f2; }
.fc-case { box-sizing: border-box; width: 24px; height: 24px; border-radius: 50%;
  border: 2px solid #fff; box-shadow: 0 1px 3px rgba(0, 0, 0, .45); color: #fff;
  font: 700 12px/20px sans-serif; text-align: center; }
.fc-status-promised { border: 2px dashed #212121; }
.fc-status-in_plan { border: 4px double #fff; line-height: 16px; }
.fc-status-disputed { border-radius: 3px; border-color: #212121; }
.fc-status-settled, .fc-status-closed { opacity: .45; }
.fc-stop { box-sizing: border-box; width: 26px; height: 26px; border-radius: 50%;
  background: #fff; border: 3px solid;
  font: 700 12px/20px sans-serif; text-align: center; box-shadow: 0 1px 3px rgba(0, 0, 0, .45); }
.fc-stop-completed, .fc-stop-cancelled { opacity: .5; }
.fc-cluster { border-radius: 50%; }
.fc-cluster div { position: absolute; inset: 4px; width: auto; height: auto; margin: 0;
  border-radius: 50%; display: flex; align-items: center; justify-content: center;
  font-weight: 700; }
.fc-cluster span { line-height: 1; }
.fc-tooltip-title { font-weight: 700; }
"""

# Light colours (tier C's yellow) carry dark text.
_DARK_TEXT_TIERS = frozenset({"C"})


def _colour_css() -> str:
    """Marker and cluster colours from `TIER_COLOURS`, stops in the route's colour; a cluster's
    ring is its colour, lighter."""
    rules = [f".fc-stop {{ border-color: {ROUTE_COLOUR}; color: {ROUTE_COLOUR}; }}"]
    for tier, colour in TIER_COLOURS.items():
        red, green, blue = (int(colour[index : index + 2], 16) for index in (1, 3, 5))
        text = "#212121" if tier in _DARK_TEXT_TIERS else "#fff"
        rules += [
            f".fc-tier-{tier} {{ background: {colour}; color: {text}; }}",
            f".fc-cluster.fc-tier-{tier} {{ background: rgba({red}, {green}, {blue}, .4); }}",
            f".fc-cluster.fc-tier-{tier} div {{ background: {colour}; color: {text}; }}",
        ]
    return "\n".join(rules)


# The members of `window.fieldcollectMap` every map page has (the lead's `team_map` too): clicks
# sent to the host's bridge, a queue for clicks before the bridge connects, and tooltips built
# from text (names never become markup).
BRIDGE_JS = """  pending: [],
  bridge: null,
  connect: function (bridge) {
    this.bridge = bridge;
    var waiting = this.pending;
    this.pending = [];
    waiting.forEach(function (text) { bridge.cmd(text); });
  },
  send: function (command) {
    var text = JSON.stringify(command);
    if (this.bridge) { this.bridge.cmd(text); } else { this.pending.push(text); }
  },
  tooltip: function (lines) {
    var box = document.createElement("div");
    lines.forEach(function (line, index) {
      var row = document.createElement("div");
      if (index === 0) { row.className = "fc-tooltip-title"; }
      row.textContent = line;
      box.appendChild(row);
    });
    return box;
  },
"""

# The page's own code: markers from data (thousands of folium elements would take seconds to
# render) and the bridge's members above.
_PAGE_JS = (
    """
window.fieldcollectMap = {
  caseMarkers: {},
  stopMarkers: [],
"""
    + BRIDGE_JS
    + """  onClick: function (caseId) {
    var self = this;
    return function () { self.send({command: "select_case", case_id: caseId}); };
  },
  addCases: function (cluster, cases) {
    var self = this;
    var markers = cases.map(function (c) {
      var icon = L.divIcon({
        className: "", iconSize: [24, 24], iconAnchor: [12, 12], tooltipAnchor: [12, 0],
        html: '<div class="fc-case fc-tier-' + c.tier + " fc-status-" + c.status + '">'
          + c.tier + "</div>"
      });
      var marker = L.marker([c.lat, c.lon], {icon: icon, caseId: c.id, tier: c.tier});
      marker.bindTooltip(self.tooltip(c.lines), {direction: "right"});
      marker.on("click", self.onClick(c.id));
      self.caseMarkers[c.id] = marker;
      return marker;
    });
    cluster.addLayers(markers);
  },
  addStops: function (map, stops) {
    var self = this;
    stops.forEach(function (s) {
      var icon = L.divIcon({
        className: "", iconSize: [26, 26], iconAnchor: [13, 13], tooltipAnchor: [13, 0],
        html: '<div class="fc-stop fc-stop-' + s.status + '">' + s.number + "</div>"
      });
      var marker = L.marker([s.lat, s.lon], {icon: icon, caseId: s.case_id, zIndexOffset: 1000});
      marker.bindTooltip(self.tooltip(s.lines), {direction: "right"});
      marker.on("click", self.onClick(s.case_id));
      marker.addTo(map);
      self.stopMarkers.push(marker);
    });
  },
  showCase: function (caseId) {
    var marker = this.caseMarkers[caseId];
    if (!marker) { return false; }
    this.cluster.zoomToShowLayer(marker, function () { marker.openTooltip(); });
    return true;
  },
  caseCount: function () { return this.cluster ? this.cluster.getLayers().length : 0; },
  start: function (map, cluster, data) {
    this.map = map;
    this.cluster = cluster;
    map.attributionControl.setPrefix(false);
    var self = this;
    // A click on the map itself (not on a marker) picks that place, e.g. to check in there.
    map.on("click", function (event) {
      self.send({command: "place_picked", lat: event.latlng.lat, lon: event.latlng.lng});
    });
    this.addCases(cluster, data.cases);
    this.addStops(map, data.stops);
  }
};
"""
)

# The colour of a cluster is that of the most urgent tier inside it.
_CLUSTER_ICON_JS = """
function (cluster) {
  var tiers = "ABCD", best = 3;
  cluster.getAllChildMarkers().forEach(function (marker) {
    var rank = tiers.indexOf(marker.options.tier);
    if (rank >= 0 && rank < best) { best = rank; }
  });
  var count = cluster.getChildCount();
  var size = count < 10 ? 34 : count < 100 ? 40 : 46;
  return L.divIcon({
    html: "<div><span>" + count + "</span></div>",
    className: "marker-cluster fc-cluster fc-tier-" + tiers.charAt(best),
    iconSize: L.point(size, size)
  });
}
"""


class _CaseLayer(folium.MacroElement):
    """The page's own style and code, and the cases and stops it draws from `data`."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
            <style>{{ this.css }}</style>
            <script>{{ this.code }}</script>
        {% endmacro %}

        {% macro script(this, kwargs) %}
            fieldcollectMap.start(
                {{ this._parent.get_name() }}, {{ this.cluster.get_name() }}, {{ this.data }}
            );
        {% endmacro %}
        """
    )

    def __init__(self, cluster: folium.plugins.MarkerCluster, data: Mapping[str, Any]) -> None:
        super().__init__()
        self._name = "CaseLayer"
        self.cluster = cluster
        self.css = _PAGE_CSS + _colour_css()
        self.code = _PAGE_JS
        self.data = script_json(data)


def script_json(value: object) -> str:
    """JSON safe inside a <script> element: names and notes cannot close it or open markup."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def offline_map() -> folium.Map:
    """A map with no background yet, opened on `DEFAULT_CENTER` at `DEFAULT_ZOOM`, whose Leaflet
    and jQuery are the local copies under `assets/` instead of folium's CDN links."""
    figure_map = folium.Map(
        location=DEFAULT_CENTER, zoom_start=DEFAULT_ZOOM, tiles=None, control_scale=True
    )
    figure_map.default_js = _MAP_JS
    figure_map.default_css = _MAP_CSS
    return figure_map


def fit_to(figure_map: folium.Map, points: Sequence[tuple[float, float]], max_zoom: int) -> None:
    """Open `figure_map` on the smallest view holding every one of `points` (latitude, longitude),
    not closer than `max_zoom`; without points it keeps its view."""
    if points:
        south, north = min(p[0] for p in points), max(p[0] for p in points)
        west, east = min(p[1] for p in points), max(p[1] for p in points)
        figure_map.fit_bounds([[south, west], [north, east]], max_zoom=max_zoom)


# -- reading the workspace -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _CaseFacts:
    marker: CaseMarker
    borrower_name: str
    outstanding: Decimal


def _local_time(at: dt.datetime, timezone: str) -> str:
    return at.astimezone(ZoneInfo(timezone)).strftime("%H:%M")


class CaseMapService:
    """The case map of one workspace."""

    def __init__(self, workspace: Workspace, *, visits: VisitService | None = None) -> None:
        self._workspace = workspace
        self._visits = visits or VisitService(workspace)

    def build(
        self,
        day: dt.date,
        *,
        tile_url: str | None = None,
        tile_attribution: str | None = None,
        tile_max_native_zoom: int | None = None,
        texts: MapTexts | None = None,
        include_settled: bool = False,
    ) -> CaseMap:
        """The page of the workspace's cases and of the route of the visits planned for `day`.

        `tile_url` is a Leaflet tile URL template (`https://…/{z}/{x}/{y}.png`, or a local
        scheme serving an `.mbtiles` file); without it the map has a plain background and still
        shows every marker and the route. `tile_max_native_zoom` is the deepest zoom the source
        has (an .mbtiles file's): closer in, its tiles are enlarged. Settled and closed cases are
        left off unless `include_settled`.
        """
        texts = texts or MapTexts()
        cases, without_position = self._cases(include_settled)
        visits = sorted(
            self._visits.today(day),
            key=lambda visit: (
                visit.route_order is None,
                visit.route_order or 0,
                visit.window_start is None,
                visit.window_start or dt.datetime.min.replace(tzinfo=dt.UTC),
            ),
        )
        if any(visit.route_order is not None for visit in visits):
            # Once the day is routed, a visit left out of the route is no stop (the Today list
            # gives it no number either); its case's marker stays.
            visits = [visit for visit in visits if visit.route_order is not None]
        stops = tuple(
            RouteStop(number, visit.visit_id, visit.case_id, visit.lat, visit.lon, visit.status)
            for number, visit in enumerate(visits, start=1)
            if visit.lat is not None and visit.lon is not None
        )
        html = _render(
            cases, stops, visits, texts, tile_url, tile_attribution, tile_max_native_zoom
        )
        logger.debug(
            "built the case map: %d cases (%d without a position), %d of %d stops",
            len(cases),
            without_position,
            len(stops),
            len(visits),
        )
        return CaseMap(
            html=html,
            assets=local_assets(),
            markers=tuple(facts.marker for facts in cases),
            stops=stops,
            cases_without_position=without_position,
            visits_without_position=len(visits) - len(stops),
        )

    def _cases(self, include_settled: bool) -> tuple[list[_CaseFacts], int]:
        """The cases with a position, in loan reference order, and how many have none."""
        selected = (
            select(models.LoanCase, models.Borrower.full_name)
            .join(models.Borrower, models.Borrower.id == models.LoanCase.borrower_id)
            .order_by(models.LoanCase.loan_ref)
        )
        if not include_settled:
            selected = selected.where(models.LoanCase.status.not_in(sorted(_SETTLED_STATUSES)))
        # The primary address first, then by kind, as visits choose theirs; only placed ones.
        placed = (
            select(
                models.BorrowerAddress.borrower_id,
                models.BorrowerAddress.lat,
                models.BorrowerAddress.lon,
            )
            .where(models.BorrowerAddress.lat.is_not(None), models.BorrowerAddress.lon.is_not(None))
            .order_by(models.BorrowerAddress.is_primary.desc(), models.BorrowerAddress.kind)
        )
        with self._workspace.session() as session:
            positions: dict[uuid.UUID, tuple[float, float]] = {}
            for borrower_id, lat, lon in session.execute(placed):
                positions.setdefault(borrower_id, (lat, lon))
            facts: list[_CaseFacts] = []
            without_position = 0
            for case, borrower_name in session.execute(selected):
                position = positions.get(case.borrower_id)
                if position is None:
                    without_position += 1
                    continue
                facts.append(
                    _CaseFacts(
                        CaseMarker(case.id, case.loan_ref, *position, case.risk_tier, case.status),
                        borrower_name,
                        case.principal + case.interest + case.penalty,
                    )
                )
        return facts, without_position


def _case_lines(facts: _CaseFacts, texts: MapTexts) -> list[str]:
    marker = facts.marker
    status = texts.statuses.get(marker.status, marker.status)
    return [
        facts.borrower_name,
        marker.loan_ref,
        texts.outstanding.format(amount=texts.money(facts.outstanding)),
        f"{texts.tier.format(tier=marker.tier)} · {status}",
    ]


def _stop_lines(number: int, visit: TodayVisit, texts: MapTexts) -> list[str]:
    lines = [f"{texts.stop.format(number=number)} · {visit.borrower_name}", visit.loan_ref]
    if visit.window_start is not None and visit.window_end is not None:
        lines.append(
            texts.window.format(
                start=_local_time(visit.window_start, visit.timezone),
                end=_local_time(visit.window_end, visit.timezone),
            )
        )
    if visit.address_text:
        lines.append(visit.address_text)
    return lines


def _render(
    cases: Sequence[_CaseFacts],
    stops: Sequence[RouteStop],
    visits: Sequence[TodayVisit],
    texts: MapTexts,
    tile_url: str | None,
    tile_attribution: str | None,
    tile_max_native_zoom: int | None = None,
) -> str:
    figure_map = offline_map()
    # markercluster needs the map's own zoom range, which tile layers give when there are any.
    figure_map.options["max_zoom"] = _MAX_ZOOM
    if tile_url:
        folium.TileLayer(
            tiles=tile_url,
            attr=tile_attribution or urlsplit(tile_url).netloc or tile_url,
            max_zoom=_MAX_ZOOM,
            max_native_zoom=tile_max_native_zoom or _MAX_ZOOM,
        ).add_to(figure_map)
    cluster = folium.plugins.MarkerCluster(
        icon_create_function=_CLUSTER_ICON_JS,
        show_coverage_on_hover=False,
        max_cluster_radius=_CLUSTER_RADIUS_PX,
    )
    cluster.default_js = _CLUSTER_JS
    cluster.default_css = _CLUSTER_CSS
    cluster.add_to(figure_map)
    if len(stops) > 1:
        folium.PolyLine(
            [(stop.lat, stop.lon) for stop in stops],
            color=ROUTE_COLOUR,
            weight=4,
            opacity=0.8,
            class_name="fc-route",
        ).add_to(figure_map)
    visits_by_id = {visit.visit_id: visit for visit in visits}
    data = {
        "cases": [
            {
                "id": str(facts.marker.case_id),
                "lat": facts.marker.lat,
                "lon": facts.marker.lon,
                "tier": facts.marker.tier,
                "status": facts.marker.status,
                "lines": _case_lines(facts, texts),
            }
            for facts in cases
        ],
        "stops": [
            {
                "number": stop.number,
                "case_id": str(stop.case_id),
                "lat": stop.lat,
                "lon": stop.lon,
                "status": stop.status,
                "lines": _stop_lines(stop.number, visits_by_id[stop.visit_id], texts),
            }
            for stop in stops
        ],
    }
    _CaseLayer(cluster, data).add_to(figure_map)
    points = [(facts.marker.lat, facts.marker.lon) for facts in cases]
    points += [(stop.lat, stop.lon) for stop in stops]
    fit_to(figure_map, points, _MAX_FIT_ZOOM)
    return figure_map.get_root().render()
