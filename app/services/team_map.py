"""The lead's map page: the team's cases coloured by collector, and one collector's route.

Built like the collector's map (`case_map`: folium, offline Leaflet served by the UI's local
scheme, markers drawn from data by the page's own code, clicks sent to the one bridge), but the
colour says who holds a case rather than its tier. Words come from the UI; nothing here is Qt.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import folium
from folium.template import Template

from app.services import case_map

# Distinct colours for up to twelve collectors (then they repeat); grey for nobody.
PALETTE: tuple[str, ...] = (
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf",
    "#8c564b", "#e377c2", "#bcbd22", "#393b79", "#637939", "#843c39",
)  # fmt: skip
UNASSIGNED_COLOUR = "#9e9e9e"
ROUTE_COLOUR = "#212121"
_MAX_FIT_ZOOM = 15

_PAGE_CSS = """
.leaflet-container { background: #eef0f2; }
.fc-stop { box-sizing: border-box; width: 24px; height: 24px; border-radius: 50%;
  background: #fff; border: 3px solid #212121; color: #212121;
  font: 700 11px/18px sans-serif; text-align: center; box-shadow: 0 1px 3px rgba(0,0,0,.45); }
.fc-tooltip-title { font-weight: 700; }
"""

_PAGE_JS = (
    """
window.fieldcollectMap = {
  caseMarkers: {},
"""
    + case_map.BRIDGE_JS
    + """  caseCount: function () { return Object.keys(this.caseMarkers).length; },
  start: function (map, data) {
    var self = this;
    map.attributionControl.setPrefix(false);
    data.cases.forEach(function (c) {
      var marker = L.circleMarker([c.lat, c.lon], {
        radius: 6, color: "#fff", weight: 1, fillColor: c.colour, fillOpacity: 0.9
      });
      marker.bindTooltip(self.tooltip(c.lines), {direction: "right"});
      marker.on("click", function () { self.send({command: "select_case", case_id: c.id}); });
      marker.addTo(map);
      self.caseMarkers[c.id] = marker;
    });
    data.stops.forEach(function (s) {
      var icon = L.divIcon({
        className: "", iconSize: [24, 24], iconAnchor: [12, 12], tooltipAnchor: [12, 0],
        html: '<div class="fc-stop">' + s.number + "</div>"
      });
      var marker = L.marker([s.lat, s.lon], {icon: icon, zIndexOffset: 1000});
      marker.bindTooltip(self.tooltip(s.lines), {direction: "right"});
      if (s.case_id) {
        marker.on("click", function () {
          self.send({command: "select_case", case_id: s.case_id});
        });
      }
      marker.addTo(map);
    });
  }
};
"""
)


@dataclass(frozen=True, slots=True)
class TeamMarker:
    """A case on the lead's map.

    Attributes:
        case_id: the case (sent back when clicked).
        lat: latitude.
        lon: longitude.
        collector: the holder's username, None for nobody (drawn grey).
        lines: the tooltip's lines (the first is its title).
    """

    case_id: str
    lat: float
    lon: float
    collector: str | None
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TeamStop:
    """A numbered stop of the route drawn on the map.

    Attributes:
        number: its place on the route, from 1.
        lat: latitude.
        lon: longitude.
        lines: the tooltip's lines.
        case_id: its case, when the stop is a visit.
    """

    number: int
    lat: float
    lon: float
    lines: tuple[str, ...] = ()
    case_id: str | None = None


@dataclass(frozen=True, slots=True)
class TeamMapPage:
    """A built page.

    Attributes:
        html: the page; its scripts are relative URLs under `assets/`.
        assets: the local folders to serve, by URL prefix relative to the page.
        colours: the colour of each collector (by username) on this page.
        markers: cases drawn.
        stops: route stops drawn.
    """

    html: str
    assets: Mapping[str, Path]
    colours: Mapping[str, str] = field(default_factory=dict)
    markers: int = 0
    stops: int = 0


def colours_for(usernames: Sequence[str]) -> dict[str, str]:
    """A stable colour for each collector: the palette in the given order."""
    return {name: PALETTE[index % len(PALETTE)] for index, name in enumerate(usernames)}


class _TeamLayer(folium.MacroElement):
    _template = Template(
        """
        {% macro header(this, kwargs) %}
            <style>{{ this.css }}</style>
            <script>{{ this.code }}</script>
        {% endmacro %}
        {% macro script(this, kwargs) %}
            fieldcollectMap.start({{ this._parent.get_name() }}, {{ this.data }});
        {% endmacro %}
        """
    )

    def __init__(self, data: Mapping[str, object]) -> None:
        super().__init__()
        self._name = "TeamLayer"
        self.css = _PAGE_CSS
        self.code = _PAGE_JS
        self.data = case_map.script_json(data)


def build_page(
    markers: Sequence[TeamMarker],
    colours: Mapping[str, str],
    stops: Sequence[TeamStop] = (),
) -> TeamMapPage:
    """The page of `markers` in their collector's colour and of the route through `stops`."""
    figure_map = case_map.offline_map()
    if len(stops) > 1:
        folium.PolyLine(
            [(stop.lat, stop.lon) for stop in stops], color=ROUTE_COLOUR, weight=3, opacity=0.8
        ).add_to(figure_map)
    data = {
        "cases": [
            {
                "id": marker.case_id,
                "lat": marker.lat,
                "lon": marker.lon,
                "colour": colours.get(marker.collector or "", UNASSIGNED_COLOUR),
                "lines": list(marker.lines),
            }
            for marker in markers
        ],
        "stops": [
            {
                "number": stop.number,
                "lat": stop.lat,
                "lon": stop.lon,
                "lines": list(stop.lines),
                "case_id": stop.case_id,
            }
            for stop in stops
        ],
    }
    _TeamLayer(data).add_to(figure_map)
    points = [(marker.lat, marker.lon) for marker in markers]
    points += [(stop.lat, stop.lon) for stop in stops]
    case_map.fit_to(figure_map, points, _MAX_FIT_ZOOM)
    return TeamMapPage(
        html=figure_map.get_root().render(),
        assets=case_map.local_assets(),
        colours=dict(colours),
        markers=len(markers),
        stops=len(stops),
    )
