"""Distances and travel times between places, in the problem's own units.

Euclidean: plain distance, time = distance / speed. Haversine: great-circle metres times the road
factor, time in seconds at the given km/h. No rounding here: solver adapters scale and round.
`road_matrix` asks an OSRM server instead when one is configured, and falls back to haversine
(saying why) when it cannot answer, so a plan is always made.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from app.routing import osrm
from app.routing import problem as route_problem

logger = logging.getLogger(__name__)

# The Today screen times the day again on every refresh, on the window's thread: a server that
# just failed is not asked again for a while (an unreachable host costs the whole timeout), and
# a table just read is used again for the same places.
RETRY_AFTER_SECONDS = 60.0
KEEP_TABLE_SECONDS = 600.0
_KEPT_TABLES = 16
_memo_lock = threading.Lock()
_failed_servers: dict[str, tuple[float, str]] = {}
_kept_tables: dict[
    tuple[str, str, tuple[route_problem.Point, ...]], tuple[float, osrm.RoadTable]
] = {}

EARTH_RADIUS_M = 6_371_008.8  # mean Earth radius (IUGG), metres


@dataclass(frozen=True, slots=True)
class TravelMatrix:
    """Legs between every pair of places.

    Attributes:
        distances: distances[i, j] from place i to place j (problem units or metres).
        durations: durations[i, j] travel time (problem units or seconds).
    """

    distances: np.ndarray
    durations: np.ndarray


def leg(
    travel: route_problem.Travel, origin: route_problem.Point, destination: route_problem.Point
) -> tuple[float, float]:
    """(distance, travel time) of one leg, computed on its own (used to check solutions)."""
    if travel.mode is route_problem.TravelMode.EUCLIDEAN:
        distance = math.hypot(destination[0] - origin[0], destination[1] - origin[1])
        return distance, distance / travel.speed
    lon1, lat1, lon2, lat2 = map(math.radians, (*origin, *destination))
    half_chord = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    distance = 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(half_chord)))
    distance *= travel.road_factor
    return distance, distance / (travel.kmh / 3.6)


def build_matrix(
    travel: route_problem.Travel, places: Sequence[route_problem.Point]
) -> TravelMatrix:
    """The matrix of legs between `places` (vectorised; the same figures as `leg`)."""
    coordinates = np.asarray(places, dtype=float).reshape(-1, 2)
    if travel.mode is route_problem.TravelMode.EUCLIDEAN:
        delta = coordinates[:, None, :] - coordinates[None, :, :]
        distances = np.hypot(delta[..., 0], delta[..., 1])
        return TravelMatrix(distances=distances, durations=distances / travel.speed)
    lon = np.radians(coordinates[:, 0])
    lat = np.radians(coordinates[:, 1])
    half_chord = (
        np.sin((lat[None, :] - lat[:, None]) / 2) ** 2
        + np.cos(lat[:, None])
        * np.cos(lat[None, :])
        * np.sin((lon[None, :] - lon[:, None]) / 2) ** 2
    )
    distances = 2 * EARTH_RADIUS_M * np.arcsin(np.minimum(1.0, np.sqrt(half_chord)))
    distances *= travel.road_factor
    return TravelMatrix(distances=distances, durations=distances / (travel.kmh / 3.6))


@dataclass(frozen=True, slots=True)
class RoadMatrix:
    """A matrix measured on the roads by OSRM, or estimated when OSRM could not answer.

    Attributes:
        matrix: the legs (metres and seconds).
        source: "osrm" when the server measured them, "haversine" when they were estimated.
        fallback_reason: why OSRM was configured but not used (in words, naming the server);
            None when it was used or none is configured.
        estimated_legs: legs OSRM had no route for, estimated by haversine instead.
    """

    matrix: TravelMatrix
    source: str
    fallback_reason: str | None = None
    estimated_legs: int = 0

    def for_places(
        self, all_places: Sequence[route_problem.Point], places: Sequence[route_problem.Point]
    ) -> TravelMatrix:
        """The legs between `places`, each one of `all_places` (the order this matrix follows)."""
        where = {point: index for index, point in enumerate(all_places)}
        rows = np.asarray([where[point] for point in places], dtype=int)
        return TravelMatrix(
            distances=self.matrix.distances[np.ix_(rows, rows)],
            durations=self.matrix.durations[np.ix_(rows, rows)],
        )


def road_matrix(
    fallback: route_problem.Travel,
    places: Sequence[route_problem.Point],
    osrm_url: str = "",
    profile: str = "driving",
    *,
    timeout: float = osrm.TIMEOUT_SECONDS,
    max_table: int = osrm.MAX_TABLE,
) -> RoadMatrix:
    """The legs between `places` ([lon, lat]): from the OSRM server at `osrm_url` with `profile`
    when one is given, else (or when it cannot answer) estimated with `fallback` (haversine).
    A leg OSRM has no route for is estimated too. Never raises for the server's sake."""
    estimate = build_matrix(fallback, places)
    url = osrm_url.strip()
    if not url or len(places) < 2:
        return RoadMatrix(estimate, "haversine")
    try:
        table = _table(url, profile, places, timeout, max_table)
    except osrm.OsrmError as exc:
        logger.warning("planning with straight-line estimates: %s", exc)
        return RoadMatrix(estimate, "haversine", fallback_reason=str(exc))
    missing = np.isnan(table.durations) | np.isnan(table.distances)
    matrix = TravelMatrix(
        distances=np.where(missing, estimate.distances, table.distances),
        durations=np.where(missing, estimate.durations, table.durations),
    )
    return RoadMatrix(matrix, "osrm", estimated_legs=int(missing.sum()))


def _table(
    url: str,
    profile: str,
    places: Sequence[route_problem.Point],
    timeout: float,
    max_table: int,
) -> osrm.RoadTable:
    """OSRM's table for `places`: one read recently, else asked; a server that failed within
    RETRY_AFTER_SECONDS fails again at once with the same reason."""
    now = time.monotonic()
    key = (url, profile, tuple(places))
    with _memo_lock:
        failed = _failed_servers.get(url)
        if failed is not None and now - failed[0] < RETRY_AFTER_SECONDS:
            raise osrm.OsrmError(failed[1])
        kept = _kept_tables.get(key)
        if kept is not None and now - kept[0] < KEEP_TABLE_SECONDS:
            return kept[1]
    try:
        table = osrm.fetch_table(url, profile, places, timeout=timeout, max_table=max_table)
    except osrm.OsrmError as exc:
        with _memo_lock:
            _failed_servers[url] = (time.monotonic(), str(exc))
        raise
    with _memo_lock:
        _failed_servers.pop(url, None)
        _kept_tables[key] = (time.monotonic(), table)
        while len(_kept_tables) > _KEPT_TABLES:
            _kept_tables.pop(next(iter(_kept_tables)))
    return table


def forget_osrm_answers() -> None:
    """Ask the servers again next time (after the settings change, and in tests)."""
    with _memo_lock:
        _failed_servers.clear()
        _kept_tables.clear()


@dataclass(frozen=True, slots=True)
class PlaceIndex:
    """Every place of a problem in matrix order: the jobs first, then the distinct vehicle depots.

    Attributes:
        places: the points; job i is place i.
        start_places: place of each vehicle's start.
        end_places: place of each vehicle's end; None when the day ends at the last visit.
    """

    places: tuple[route_problem.Point, ...]
    start_places: tuple[int, ...]
    end_places: tuple[int | None, ...]


def index_places(problem: route_problem.RouteProblem) -> PlaceIndex:
    """The places of `problem`, vehicles sharing a depot sharing its place."""
    places = [job.location for job in problem.jobs]
    depots: dict[route_problem.Point, int] = {}

    def depot(point: route_problem.Point) -> int:
        if point not in depots:
            depots[point] = len(places)
            places.append(point)
        return depots[point]

    starts = tuple(depot(vehicle.start) for vehicle in problem.vehicles)
    ends = tuple(
        depot(vehicle.end) if vehicle.end is not None else None for vehicle in problem.vehicles
    )
    return PlaceIndex(places=tuple(places), start_places=starts, end_places=ends)
