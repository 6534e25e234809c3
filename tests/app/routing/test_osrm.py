"""Road legs from an OSRM server (a real HTTP server on 127.0.0.1 speaking OSRM's Table format):
the matrix read right, tiled under the size limit, and haversine when the server fails."""

from __future__ import annotations

import random
import socket

import numpy as np
import pytest

from app.routing import osrm, travel_matrix
from app.routing import problem as route_problem
from tests.helpers.osrm_server import fake_osrm, road_metres, road_seconds

ESTIMATE = route_problem.Travel(route_problem.TravelMode.HAVERSINE, kmh=18.0, road_factor=1.3)


def _places(count: int, seed: int = 3) -> list[tuple[float, float]]:
    chosen = random.Random(seed)
    return [
        (round(104.0 + chosen.random() * 0.2, 6), round(30.6 + chosen.random() * 0.2, 6))
        for _ in range(count)
    ]


def _expected(places: list[tuple[float, float]]) -> tuple[np.ndarray, np.ndarray]:
    seconds = np.array([[road_seconds(a, b) for b in places] for a in places])
    metres = np.array([[road_metres(a, b) for b in places] for a in places])
    return seconds, metres


def test_the_table_is_read_row_by_source_and_column_by_destination() -> None:
    places = [(104.06, 30.65), (104.10, 30.66), (104.02, 30.70)]
    with fake_osrm() as server:
        table = osrm.fetch_table(server.url, "cycling", places)
    seconds, metres = _expected(places)
    np.testing.assert_allclose(table.durations, seconds)
    np.testing.assert_allclose(table.distances, metres)
    assert table.durations[0, 1] == pytest.approx(5_000 / 5.0)  # 0.04 + 0.01 degrees, 5 km
    assert table.unroutable == 0
    (request,) = server.requests
    assert request["profile"] == "cycling"
    assert request["annotations"] == "duration,distance"
    assert request["coordinates"] == 3


def test_a_large_matrix_is_tiled_under_the_servers_table_size() -> None:
    places = _places(23)
    with fake_osrm(max_table=10) as server:
        table = osrm.fetch_table(server.url, "driving", places, max_table=10)
    seconds, metres = _expected(places)
    np.testing.assert_allclose(table.durations, seconds)
    np.testing.assert_allclose(table.distances, metres)
    assert len(server.requests) == 9, "3 blocks of sources × 3 blocks of destinations"
    for request in server.requests:
        assert len(request["sources"]) * len(request["destinations"]) <= 100
        assert request["coordinates"] <= 20


def test_without_tiling_the_server_refuses_and_says_why() -> None:
    with fake_osrm(max_table=10) as server, pytest.raises(osrm.OsrmError, match="TooBig"):
        osrm.fetch_table(server.url, "driving", _places(23), max_table=100)


def test_the_road_matrix_uses_osrm_when_it_answers() -> None:
    places = _places(5)
    with fake_osrm() as server:
        road = travel_matrix.road_matrix(ESTIMATE, places, server.url, "cycling")
    assert road.source == "osrm" and road.fallback_reason is None
    np.testing.assert_allclose(road.matrix.durations, _expected(places)[0])
    sub = road.for_places(places, [places[3], places[1]])
    assert sub.durations[0, 1] == road_seconds(places[3], places[1])


def test_a_dead_port_falls_back_to_haversine_and_says_so() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    places = _places(4)
    road = travel_matrix.road_matrix(ESTIMATE, places, f"http://127.0.0.1:{port}", "foot")
    assert road.source == "haversine"
    assert road.fallback_reason is not None
    assert (
        f"127.0.0.1:{port}" in road.fallback_reason and "cannot be reached" in road.fallback_reason
    )
    np.testing.assert_allclose(
        road.matrix.durations, travel_matrix.build_matrix(ESTIMATE, places).durations
    )


def test_an_answer_that_is_not_osrms_falls_back_too() -> None:
    with fake_osrm() as server:
        server.broken = True
        road = travel_matrix.road_matrix(ESTIMATE, _places(3), server.url, "driving")
    assert road.source == "haversine"
    assert road.fallback_reason is not None and "refused" in road.fallback_reason


def test_no_server_configured_is_plain_haversine_without_a_note() -> None:
    road = travel_matrix.road_matrix(ESTIMATE, _places(3), "", "driving")
    assert (road.source, road.fallback_reason) == ("haversine", None)


def test_a_server_that_just_failed_is_not_asked_again_and_a_table_just_read_is_reused() -> None:
    places = _places(4)
    with fake_osrm() as server:
        server.broken = True
        first = travel_matrix.road_matrix(ESTIMATE, places, server.url, "driving")
        again = travel_matrix.road_matrix(ESTIMATE, places, server.url, "driving")
        assert server.hits == 1, "failed a moment ago: not asked again"
        assert again.source == "haversine" and again.fallback_reason == first.fallback_reason
        travel_matrix.forget_osrm_answers()
        server.broken = False
        read = travel_matrix.road_matrix(ESTIMATE, places, server.url, "driving")
        reused = travel_matrix.road_matrix(ESTIMATE, places, server.url, "driving")
    assert (read.source, reused.source) == ("osrm", "osrm")
    assert server.hits == 2, "the table read once is used again for the same places"
    np.testing.assert_allclose(reused.matrix.durations, read.matrix.durations)
