"""Planning: known optima, every rule kept by both engines, and reasons for left-out visits."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from app.routing import feasibility, problem, sample_day, solomon, solver
from app.routing import solution as route_solution

ENGINES = ["pyvrp", "vroom"]
Because = route_solution.LeftOutBecause


def _problem(
    jobs: list[dict[str, Any]],
    vehicles: list[dict[str, Any]] | None = None,
) -> problem.RouteProblem:
    return problem.parse_problem(
        {
            "travel": {"mode": "euclidean", "speed": 1.0},
            "vehicles": vehicles or [{"id": "v1", "start": [0, 0], "shift": [0, 1000]}],
            "jobs": jobs,
        }
    )


def _solve(parsed: problem.RouteProblem, engine: str = "pyvrp") -> route_solution.RouteSolution:
    planned = solver.solve(parsed, solver.SolverOptions(seconds=0.3, engine=engine))
    assert feasibility.check_solution(parsed, planned) == []
    return planned


def _visits(planned: route_solution.RouteSolution) -> dict[str, list[str]]:
    return {route.vehicle: [step.job for step in route.steps] for route in planned.routes}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_line_of_visits_is_driven_out_and_back_on_each_side(engine: str) -> None:
    # Any tour through x = -2..3 from 0 is at least 2*3 + 2*2 = 10 long: that is the optimum.
    parsed = _problem([{"id": str(x), "location": [x, 0]} for x in (1, 2, 3, -1, -2)])
    planned = _solve(parsed, engine)
    assert planned.summary.distance == pytest.approx(10.0)
    assert planned.summary.served == 5
    assert planned.unassigned == ()


@pytest.mark.parametrize("engine", ENGINES)
def test_capacity_splits_the_visits_over_two_vehicles_as_the_optimum_does(engine: str) -> None:
    vehicles = [
        {"id": name, "start": [0, 0], "shift": [0, 1000], "capacity": 2} for name in ("a", "b")
    ]
    jobs = [
        {"id": f"{side}{n}", "location": [sign * n, 0], "demand": 1}
        for side, sign in (("e", 1), ("w", -1))
        for n in (1, 2)
    ]
    planned = _solve(_problem(jobs, vehicles), engine)
    assert planned.summary.distance == pytest.approx(8.0)
    assert sorted(sorted(visits) for visits in _visits(planned).values()) == [
        ["e1", "e2"],
        ["w1", "w2"],
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_an_early_collector_waits_for_the_window_and_leaves_home_later(engine: str) -> None:
    planned = _solve(
        _problem([{"id": "j", "location": [10, 0], "service": 5, "time_windows": [[50, 60]]}]),
        engine,
    )
    step = planned.routes[0].steps[0]
    assert (step.arrival, step.start, step.departure) == (50, 50, 55)
    assert planned.routes[0].duration == pytest.approx(25)  # left at 40, home at 65


@pytest.mark.parametrize("engine", ENGINES)
def test_the_second_window_is_used_when_the_first_cannot_be_reached(engine: str) -> None:
    planned = _solve(
        _problem([{"id": "j", "location": [10, 0], "time_windows": [[0, 5], [100, 110]]}]),
        engine,
    )
    assert planned.routes[0].steps[0].start == 100


@pytest.mark.parametrize("engine", ENGINES)
def test_a_visit_needing_a_skill_goes_to_the_collector_who_has_it(engine: str) -> None:
    vehicles = [
        {"id": "plain", "start": [0, 0], "shift": [0, 1000]},
        {"id": "lawyer", "start": [50, 0], "shift": [0, 1000], "skills": ["legal"]},
    ]
    jobs = [
        {"id": "dispute", "location": [1, 0], "skills": ["legal"]},
        {"id": "simple", "location": [2, 0]},
    ]
    visits = _visits(_solve(_problem(jobs, vehicles), engine))
    # Shortest: the lawyer passes by the simple visit too; never "plain" takes the dispute.
    assert "dispute" in visits["lawyer"]
    assert "dispute" not in visits.get("plain", [])


@pytest.mark.parametrize("engine", ENGINES)
def test_max_jobs_caps_a_collectors_visits(engine: str) -> None:
    vehicles = [
        {"id": name, "start": [0, 0], "shift": [0, 1000], "max_jobs": 2} for name in ("a", "b")
    ]
    jobs = [{"id": str(n), "location": [n, 0]} for n in range(1, 6)]
    planned = _solve(_problem(jobs, vehicles), engine)
    assert planned.summary.served == 4
    assert all(len(route.steps) <= 2 for route in planned.routes)
    assert "max_jobs" in planned.unassigned[0].reason


def test_pyvrp_itself_keeps_max_jobs_on_an_over_full_city_day() -> None:
    # Prizes on a city day (seconds ×1000) are far above PyVRP's largest penalty per unit of
    # load: unless loads count in larger units, one visit too many never looks worse than the
    # prize it brings, PyVRP returns no feasible plan and the solver falls back to VROOM.
    raw = sample_day.field_day(collectors=3, visits=30, seed=2)
    for vehicle in raw["vehicles"]:
        vehicle["max_jobs"] = 4
        vehicle["capacity"] = 3
    for job in raw["jobs"]:
        job["demand"] = 1
    parsed = problem.parse_problem(raw)
    planned = _solve(parsed)
    assert planned.engine == "pyvrp"
    assert planned.summary.served == 9  # three each: capacity binds before max_jobs
    raw_jobs_only = dict(raw, vehicles=[dict(v, capacity=None) for v in raw["vehicles"]])
    capped = _solve(problem.parse_problem(raw_jobs_only))
    assert capped.engine == "pyvrp"
    assert capped.summary.served == 12


@pytest.mark.parametrize("engine", ENGINES)
def test_a_day_ending_at_the_last_visit_does_not_drive_home(engine: str) -> None:
    vehicles = [{"id": "v", "start": [0, 0], "end": None, "shift": [0, 1000]}]
    planned = _solve(_problem([{"id": "j", "location": [3, 4]}], vehicles), engine)
    assert planned.summary.distance == pytest.approx(5.0)


@pytest.mark.parametrize("engine", ENGINES)
def test_each_kind_of_left_out_visit_gets_its_reason(engine: str) -> None:
    vehicles = [{"id": "v", "start": [0, 0], "shift": [0, 100], "capacity": 10}]
    jobs = [
        {"id": "needs-skill", "location": [1, 0], "skills": ["spanish"]},
        {"id": "too-far", "location": [60, 0]},
        {"id": "window-gone", "location": [10, 0], "time_windows": [[0, 5]]},
        {"id": "too-heavy", "location": [1, 0], "demand": 11},
        {
            "id": "important",
            "location": [5, 0],
            "service": 10,
            "time_windows": [[20, 20]],
            "priority": 10,
        },
        {"id": "same-slot", "location": [5, 0], "service": 10, "time_windows": [[20, 20]]},
    ]
    planned = _solve(_problem(jobs, vehicles), engine)
    assert _visits(planned) == {"v": ["important"]}
    reasons = {item.job: item for item in planned.unassigned}
    assert reasons["needs-skill"].code is Because.NO_SKILLED_VEHICLE
    assert "spanish" in reasons["needs-skill"].reason
    assert reasons["too-far"].code is Because.OUT_OF_REACH
    assert reasons["window-gone"].code is Because.OUT_OF_REACH
    assert reasons["too-heavy"].code is Because.TOO_LARGE
    assert reasons["same-slot"].code is Because.NO_ROOM_LEFT
    assert (
        "lower priority" in reasons["same-slot"].reason or "priority" in reasons["same-slot"].reason
    )


def test_skills_are_checked_before_reach_and_reach_before_capacity() -> None:
    vehicles = [{"id": "v", "start": [0, 0], "shift": [0, 10], "capacity": 1}]
    jobs = [
        {"id": "all-wrong", "location": [99, 0], "demand": 5, "skills": ["x"]},
        {"id": "far-and-heavy", "location": [99, 0], "demand": 5},
    ]
    reasons = {item.job: item.code for item in _solve(_problem(jobs, vehicles)).unassigned}
    assert reasons == {
        "all-wrong": Because.NO_SKILLED_VEHICLE,
        "far-and-heavy": Because.OUT_OF_REACH,
    }


def test_a_problem_with_no_jobs_plans_empty_days() -> None:
    planned = _solve(_problem([]))
    assert planned.routes == ()
    assert planned.summary == route_solution.Summary(0, 0, 0, 0)


def test_a_field_day_plan_keeps_every_rule_and_reports_the_rest() -> None:
    raw = sample_day.field_day(collectors=3, visits=40, seed=7)
    parsed = problem.parse_problem(raw)
    planned = solver.solve(parsed, solver.SolverOptions(seconds=0.5))
    assert feasibility.check_solution(raw, route_solution.solution_to_dict(planned)) == []
    assert planned.summary.served + len(planned.unassigned) == 40
    assert planned.summary.served > 0


def _bench_file(name: str) -> Path | None:
    """A Solomon file of the benchmark data when it is on this machine (it is not ours to ship)."""
    folders = [
        os.environ.get("FIELDCOLLECT_BENCH_DATA", ""),
        Path(__file__).resolve().parents[4] / "shared" / "bench",
        "/work/shared/bench",
    ]
    for folder in folders:
        path = Path(folder) / "solomon" / f"{name}.txt"
        if folder and path.is_file():
            return path
    return None


def test_a_small_solomon_instance_is_planned_feasibly_and_near_the_known_optimum() -> None:
    path = _bench_file("C101")
    if path is not None:
        raw = solomon.read_solomon(path, customers=25)
        # C101 with its first 25 customers: optimum 191.3 (Solomon's published tables; 191.81
        # with unrounded distances).
        best = 191.81
    else:
        raw = sample_day.field_day(collectors=3, visits=25, seed=3)
        best = None
    parsed = problem.parse_problem(raw)
    planned = solver.solve(parsed, solver.SolverOptions(seconds=0.5))
    assert feasibility.check_solution(parsed, planned) == []
    if best is not None:
        assert planned.summary.served == 25
        assert planned.summary.distance <= best * 1.01
