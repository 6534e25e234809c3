"""Parsing and validating the route problem JSON."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from app.routing import problem

EXAMPLE: dict[str, Any] = {
    "travel": {"mode": "euclidean", "speed": 1.0},
    "vehicles": [
        {
            "id": "v1",
            "start": [35, 35],
            "end": [35, 35],
            "shift": [0, 230],
            "capacity": 200,
            "skills": [],
            "max_jobs": None,
        }
    ],
    "jobs": [
        {
            "id": "1",
            "location": [41, 49],
            "service": 10,
            "time_windows": [[161, 171]],
            "demand": 10,
            "priority": 0,
            "skills": [],
        }
    ],
}


def _with(path: str, value: Any) -> dict[str, Any]:
    data = copy.deepcopy(EXAMPLE)
    *parents, last = path.split(".")
    target: Any = data
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    if value is _DELETE:
        del target[last]
    else:
        target[int(last) if last.isdigit() else last] = value
    return data


_DELETE = object()


def test_the_design_example_parses_into_its_values() -> None:
    parsed = problem.parse_problem(EXAMPLE)
    assert parsed.travel == problem.Travel(mode=problem.TravelMode.EUCLIDEAN, speed=1.0)
    assert parsed.vehicles[0] == problem.Vehicle(
        id="v1", start=(35.0, 35.0), end=(35.0, 35.0), shift=(0.0, 230.0), capacity=200
    )
    assert parsed.jobs[0].time_windows == ((161.0, 171.0),)
    assert parsed.jobs[0].demand == 10


def test_a_problem_survives_the_round_trip_through_json_form() -> None:
    parsed = problem.parse_problem(EXAMPLE)
    assert problem.parse_problem(problem.problem_to_dict(parsed)) == parsed


def test_optional_fields_take_their_defaults() -> None:
    parsed = problem.parse_problem(
        {
            "travel": {"mode": "haversine", "kmh": 25},
            "vehicles": [{"id": "a", "start": [121.4, 31.2], "shift": [0, 100]}],
            "jobs": [{"id": "j", "location": [121.5, 31.3]}],
        }
    )
    assert parsed.travel.road_factor == 1.0
    assert parsed.vehicles[0].end == (121.4, 31.2)  # absent end: back home
    assert parsed.vehicles[0].capacity is None
    assert parsed.jobs[0] == problem.Job(id="j", location=(121.5, 31.3))


def test_an_explicit_null_end_means_the_day_ends_at_the_last_visit() -> None:
    assert problem.parse_problem(_with("vehicles.0.end", None)).vehicles[0].end is None


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("jobs.0.time_windows", [[50, 40]], "jobs[0].time_windows[0]: start 50 after end 40"),
        ("jobs.0.time_windows", [[0, 10], [5, 20]], "jobs[0].time_windows: windows [0, 10] and"),
        ("jobs.0.service", -1, "jobs[0].service: must not be negative"),
        ("jobs.0.demand", 2.5, "jobs[0].demand: must be a whole number"),
        ("jobs.0.priority", 101, "jobs[0].priority: must be from 0 to 100"),
        ("jobs.0.location", [1], "jobs[0].location: must be a pair of numbers [x, y]"),
        ("jobs.0.location", ["a", 1], "jobs[0].location[0]: must be a number, not a string"),
        ("jobs.0.id", 7, "jobs[0].id: must be a non-empty string"),
        ("jobs.0.skills", ["x", ""], "jobs[0].skills[1]: must be a non-empty string"),
        ("jobs.0.time_window", [], "jobs[0].time_window: unknown key"),
        ("jobs.0.location", _DELETE, "jobs[0].location: missing"),
        ("vehicles.0.shift", [10, 0], "vehicles[0].shift: start 10 after end 0"),
        ("vehicles.0.capacity", -3, "vehicles[0].capacity: must be a whole number of 0 or more"),
        ("vehicles", [], "vehicles: at least one vehicle is needed"),
        ("travel.mode", "manhattan", "travel.mode: 'manhattan' is not a mode"),
        ("travel.speed", 0, "travel.speed: must be above 0"),
        ("travel.kmh", 25, "travel.kmh: does not apply to euclidean travel"),
        ("travel", _DELETE, "travel: missing"),
    ],
)
def test_a_bad_field_is_named_in_the_error(path: str, value: Any, message: str) -> None:
    with pytest.raises(problem.ProblemFormatError) as raised:
        problem.parse_problem(_with(path, value))
    assert str(raised.value).startswith(message)


def test_a_repeated_job_id_names_both_places() -> None:
    data = copy.deepcopy(EXAMPLE)
    data["jobs"].append(copy.deepcopy(data["jobs"][0]))
    with pytest.raises(
        problem.ProblemFormatError, match=r"jobs\[1\]\.id: '1' is already used by jobs\[0\]"
    ):
        problem.parse_problem(data)


def test_haversine_locations_must_be_longitude_then_latitude() -> None:
    data = {
        "travel": {"mode": "haversine", "kmh": 25, "road_factor": 1.3},
        "vehicles": [{"id": "a", "start": [121.4, 31.2], "shift": [0, 100]}],
        "jobs": [{"id": "j", "location": [31.2, 121.4]}],
    }
    with pytest.raises(
        problem.ProblemFormatError, match=r"jobs\[0\]\.location\[1\]: latitude 121.4"
    ):
        problem.parse_problem(data)


def test_a_road_factor_below_one_is_refused() -> None:
    with pytest.raises(
        problem.ProblemFormatError, match=r"travel\.road_factor: must be at least 1"
    ):
        problem.parse_problem(
            {
                "travel": {"mode": "haversine", "kmh": 25, "road_factor": 0.9},
                "vehicles": [{"id": "a", "start": [0, 0], "shift": [0, 1]}],
                "jobs": [],
            }
        )


def test_windows_are_kept_sorted() -> None:
    parsed = problem.parse_problem(_with("jobs.0.time_windows", [[100, 120], [10, 20]]))
    assert parsed.jobs[0].time_windows == ((10.0, 20.0), (100.0, 120.0))
