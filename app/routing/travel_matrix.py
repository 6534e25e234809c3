"""Distances and travel times between places, in the problem's own units.

Euclidean: plain distance, time = distance / speed. Haversine: great-circle metres times the road
factor, time in seconds at the given km/h. No rounding here: solver adapters scale and round.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from app.routing import problem as route_problem

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
