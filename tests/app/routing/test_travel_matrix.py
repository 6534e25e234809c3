"""Travel distances and times: euclidean and haversine with road factor and speed."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.routing import problem, travel_matrix

EUCLIDEAN = problem.Travel(mode=problem.TravelMode.EUCLIDEAN, speed=2.0)
HAVERSINE = problem.Travel(mode=problem.TravelMode.HAVERSINE, kmh=36.0, road_factor=1.5)


def test_euclidean_time_is_distance_over_speed() -> None:
    distance, duration = travel_matrix.leg(EUCLIDEAN, (0, 0), (3, 4))
    assert (distance, duration) == (5.0, 2.5)


def test_one_degree_of_latitude_is_about_111_km_times_the_road_factor() -> None:
    distance, duration = travel_matrix.leg(HAVERSINE, (121.0, 31.0), (121.0, 32.0))
    assert distance == pytest.approx(111_195 * 1.5, rel=1e-3)
    assert duration == pytest.approx(distance / 10.0)  # 36 km/h is 10 m/s


def test_a_degree_of_longitude_shrinks_with_the_cosine_of_latitude() -> None:
    at_equator, _ = travel_matrix.leg(HAVERSINE, (0.0, 0.0), (1.0, 0.0))
    at_sixty, _ = travel_matrix.leg(HAVERSINE, (0.0, 60.0), (1.0, 60.0))
    assert at_sixty == pytest.approx(at_equator * math.cos(math.radians(60)), rel=1e-3)


points = st.lists(st.tuples(st.floats(-179, 179), st.floats(-85, 85)), min_size=1, max_size=6)


@given(points)
def test_the_matrix_agrees_with_each_leg_computed_alone(places: list[tuple[float, float]]) -> None:
    for travel in (EUCLIDEAN, HAVERSINE):
        matrix = travel_matrix.build_matrix(travel, places)
        for i, origin in enumerate(places):
            for j, destination in enumerate(places):
                distance, duration = travel_matrix.leg(travel, origin, destination)
                assert matrix.distances[i, j] == pytest.approx(distance, rel=1e-9, abs=1e-6)
                assert matrix.durations[i, j] == pytest.approx(duration, rel=1e-9, abs=1e-6)
        assert np.all(np.diag(matrix.distances) == 0)
        assert np.allclose(matrix.distances, matrix.distances.T)


def test_vehicles_sharing_a_depot_share_its_place() -> None:
    parsed = problem.parse_problem(
        {
            "travel": {"mode": "euclidean"},
            "vehicles": [
                {"id": "a", "start": [0, 0], "shift": [0, 9]},
                {"id": "b", "start": [0, 0], "end": None, "shift": [0, 9]},
                {"id": "c", "start": [5, 5], "end": [0, 0], "shift": [0, 9]},
            ],
            "jobs": [{"id": "j", "location": [1, 1]}],
        }
    )
    places = travel_matrix.index_places(parsed)
    assert places.places == ((1.0, 1.0), (0.0, 0.0), (5.0, 5.0))
    assert places.start_places == (1, 1, 2)
    assert places.end_places == (1, None, 1)
