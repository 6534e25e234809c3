"""The feasibility checker catches each way a solution can break its problem."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from app.routing import feasibility

PROBLEM: dict[str, Any] = {
    "travel": {"mode": "euclidean", "speed": 1.0},
    "vehicles": [
        {
            "id": "v1",
            "start": [0, 0],
            "shift": [0, 100],
            "capacity": 10,
            "max_jobs": 2,
            "skills": ["legal"],
        }
    ],
    "jobs": [
        {"id": "a", "location": [3, 4], "service": 5, "time_windows": [[10, 20]], "demand": 4},
        {"id": "b", "location": [3, 0], "service": 5, "demand": 4, "skills": ["legal"]},
        {"id": "c", "location": [90, 0]},
    ],
}
# Leave at 5, reach a (5 away) at 10, leave 15, reach b (4 away) at 19, leave 24, home (3) at 27.
GOOD: dict[str, Any] = {
    "routes": [
        {
            "vehicle": "v1",
            "steps": [
                {"job": "a", "arrival": 10, "start": 10, "departure": 15},
                {"job": "b", "arrival": 19, "start": 19, "departure": 24},
            ],
            "distance": 12,
            "duration": 22,
        }
    ],
    "unassigned": [{"job": "c", "reason": "too far"}],
    "summary": {"distance": 12, "duration": 22, "vehicles_used": 1, "served": 2},
}


def test_a_correct_solution_has_no_faults() -> None:
    assert feasibility.check_solution(PROBLEM, GOOD) == []


def _step(index: int, **changes: float) -> Callable[[dict[str, Any]], None]:
    def change(solution: dict[str, Any]) -> None:
        solution["routes"][0]["steps"][index].update(changes)

    return change


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(solution: dict[str, Any]) -> None:
        target = solution
        *parents, last = path.split(".")
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[last] = value

    return change


def _drop_unassigned(solution: dict[str, Any]) -> None:
    solution["unassigned"] = []


def _serve_twice(solution: dict[str, Any]) -> None:
    solution["unassigned"] = [{"job": "a", "reason": "x"}, {"job": "c", "reason": "x"}]


@pytest.mark.parametrize(
    ("breakage", "fault"),
    [
        (_step(0, start=21, departure=26), "outside its time windows"),
        (_step(0, arrival=4, start=10), "before the shift starts"),
        (_step(1, arrival=17, start=19), "the earliest after the previous visit"),
        (_step(1, start=18, departure=23), "before arrival"),
        (_step(1, departure=30), "is not start + service"),
        (_step(1, start=80, arrival=80, departure=99), "after the shift ends"),
        (_set("routes.0.distance", 11), "distance 11, recomputed 12"),
        (_set("routes.0.duration", 20), "duration 20, recomputed 22"),
        (_set("routes.0.vehicle", "v9"), "no such vehicle"),
        (_set("summary.served", 3), "summary.served 3"),
        (_set("summary.distance", 13), "summary.distance 13"),
        (_drop_unassigned, "job c is neither served nor listed"),
        (_serve_twice, "job a is also served by v1"),
    ],
)
def test_a_broken_solution_is_caught(
    breakage: Callable[[dict[str, Any]], None], fault: str
) -> None:
    solution = copy.deepcopy(GOOD)
    breakage(solution)
    faults = feasibility.check_solution(PROBLEM, solution)
    assert any(fault in text for text in faults), faults


def test_capacity_max_jobs_and_skills_are_checked() -> None:
    problem = copy.deepcopy(PROBLEM)
    problem["vehicles"][0].update(capacity=7, max_jobs=1, skills=[])
    faults = feasibility.check_solution(problem, GOOD)
    assert any("load 8 above capacity 7" in text for text in faults)
    assert any("above max_jobs 1" in text for text in faults)
    assert any("lacks skills ['legal']" in text for text in faults)


def test_a_job_on_two_routes_is_caught() -> None:
    problem = copy.deepcopy(PROBLEM)
    problem["vehicles"].append({"id": "v2", "start": [0, 0], "shift": [0, 100]})
    solution = copy.deepcopy(GOOD)
    solution["routes"].append(copy.deepcopy(solution["routes"][0]))
    solution["routes"][1]["vehicle"] = "v2"
    faults = feasibility.check_solution(problem, solution)
    assert any("already served on v1" in text for text in faults)


def test_a_malformed_solution_is_reported_not_raised() -> None:
    assert feasibility.check_solution(PROBLEM, {"routes": "none"}) == ["routes: must be a list"]
