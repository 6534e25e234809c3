"""Route solver benchmark: the 56 Solomon VRPTW instances and a field-shaped day, FieldCollect's
solver beside plain VROOM at exploration levels 1 and 5 (and 3 on the field day, the issue's bar),
OR-Tools with guided local search (5 s) and plain PyVRP (2 s) — the baselines of
`routing_baselines`, OR-Tools installed by the `bench` extra only.

The Solomon files and best-known figures are not ours: they are read from the folder named by
FIELDCOLLECT_BENCH_DATA (`solomon/*.txt`, `solomon/bks.csv`) and never copied into the project;
without it the Solomon benchmarks skip (the field day is generated and always runs).
FIELDCOLLECT_BENCH_LIMIT=N runs only the first N Solomon instances.
Every plan is checked by `feasibility.check_solution` before its figures count.
"""

from __future__ import annotations

import csv
import os
import statistics
import time
from pathlib import Path

import pytest

from app.routing import feasibility, problem, sample_day, solomon, solver
from app.routing import solution as route_solution
from tests.benchmarks import bench_record, routing_baselines

pytestmark = pytest.mark.benchmark

SOLOMON_SECONDS = 1.9  # our budget per instance: the goal is 2 s mean
FIELD_SECONDS = 1.0
GAP_GOAL = 0.9  # % above the best-known distance, mean over the instances
# The baselines' budgets, as the issue quotes them (per instance, and on the field day).
ORTOOLS_SECONDS = 5.0
PYVRP_SECONDS = 2.0

SOLVERS = {
    "fieldcollect": lambda seconds: solver.SolverOptions(seconds=seconds),
    "vroom_x1": lambda seconds: solver.SolverOptions(engine="vroom", vroom_level=1),
    "vroom_x3": lambda seconds: solver.SolverOptions(engine="vroom", vroom_level=3),
    "vroom_x5": lambda seconds: solver.SolverOptions(engine="vroom", vroom_level=5),
}
_BUDGETS = {
    "fieldcollect": f"{SOLOMON_SECONDS} s per instance, 2 threads",
    "ortools": f"{ORTOOLS_SECONDS} s per instance (cheapest insertion, guided local search)",
    "pyvrp": f"{PYVRP_SECONDS} s per instance (default parameters, 1 seed, 1 thread)",
}
SOLOMON_SOLVERS = ["fieldcollect", "vroom_x1", "vroom_x5", "ortools", "pyvrp"]
FIELD_SOLVERS = ["vroom_x3", "fieldcollect", "vroom_x1", "vroom_x5", "ortools", "pyvrp"]


def _plan(
    solver_name: str, route_problem: problem.RouteProblem, seconds: float, *, all_required: bool
) -> route_solution.RouteSolution:
    """The plan of `solver_name`: ours within `seconds` (VROOM runs to its own end), the
    baselines within their own budgets. Solomon visits are all required of the baselines; on
    the field day they are optional, as they are for ours."""
    if solver_name == "ortools":
        pytest.importorskip("ortools", reason="OR-Tools comes with the bench extra: make bench")
        return routing_baselines.solve_with_ortools(
            route_problem, ORTOOLS_SECONDS, all_required=all_required
        )
    if solver_name == "pyvrp":
        return routing_baselines.solve_with_pyvrp(
            route_problem, PYVRP_SECONDS, all_required=all_required
        )
    return solver.solve(route_problem, SOLVERS[solver_name](seconds))


def _bench_folder() -> Path:
    folder = os.environ.get("FIELDCOLLECT_BENCH_DATA")
    if not folder:
        pytest.skip("FIELDCOLLECT_BENCH_DATA is not set: it names the folder of the Solomon data")
    path = Path(folder)
    if not (path / "solomon" / "bks.csv").is_file():
        pytest.skip(f"{path}/solomon/bks.csv not found: the Solomon benchmark data is absent")
    return path


def _solomon_instances() -> list[tuple[str, Path, float, float]]:
    """(name, file, best-known distance when only distance counts, hierarchical best-known)."""
    folder = _bench_folder() / "solomon"
    with (folder / "bks.csv").open(encoding="utf-8") as stream:
        rows = sorted(csv.DictReader(stream), key=lambda row: row["instance"])
    limit = os.environ.get("FIELDCOLLECT_BENCH_LIMIT")
    if limit:
        rows = rows[: int(limit)]
    return [
        (
            row["instance"],
            folder / f"{row['instance']}.txt",
            float(row["best_distance"]),
            float(row["bks_distance"]),
        )
        for row in rows
    ]


@pytest.mark.parametrize("solver_name", SOLOMON_SOLVERS)
def test_solomon_gap_and_time(solver_name: str) -> None:
    per_instance = {}
    gaps = []
    seconds = []
    for name, path, best_distance, hierarchical_distance in _solomon_instances():
        raw = solomon.read_solomon(path)
        route_problem = problem.parse_problem(raw)
        started = time.perf_counter()
        planned = _plan(solver_name, route_problem, SOLOMON_SECONDS, all_required=True)
        elapsed = time.perf_counter() - started
        faults = feasibility.check_solution(route_problem, planned)
        assert not faults, f"{solver_name} on {name}: {faults[:3]}"
        assert planned.summary.served == len(route_problem.jobs), f"{name}: not all served"
        gap = 100 * (planned.summary.distance / best_distance - 1)
        gaps.append(gap)
        seconds.append(elapsed)
        per_instance[name] = {
            "vehicles": planned.summary.vehicles_used,
            "distance": round(planned.summary.distance, 2),
            "gap_pct": round(gap, 3),
            "gap_to_hierarchical_bks_pct": round(
                100 * (planned.summary.distance / hierarchical_distance - 1), 3
            ),
            "seconds": round(elapsed, 3),
        }
        print(f"{solver_name} {name}: {per_instance[name]}")
    ours = solver_name == "fieldcollect"
    detail = {
        "instances": len(gaps),
        "compared_with": "best_distance of solomon/bks.csv (distance only, edges truncated to "
        "one decimal: the same tour measured exactly lands about 0.2 % above)",
        "budget": _BUDGETS.get(solver_name, "runs to its own end"),
        "fleet": "the vehicle number of each Solomon file, every visit required",
        # Time-limited searches do less on a busy machine: the load says how busy it was.
        "load_average_1min": round(os.getloadavg()[0], 2),
        "per_instance": per_instance,
    }
    bench_record.record(
        f"routing.{solver_name}.solomon.gap_mean",
        round(statistics.mean(gaps), 3),
        "%",
        f"<= {GAP_GOAL} %" if ours else None,
        detail,
    )
    bench_record.record(
        f"routing.{solver_name}.solomon.seconds_mean",
        round(statistics.mean(seconds), 3),
        "s",
        "<= 2 s" if ours else None,
        {"instances": len(seconds), "max": round(max(seconds), 3)},
    )


_FIELD_SERVED: dict[str, int] = {}


@pytest.mark.parametrize("solver_name", FIELD_SOLVERS)
def test_field_day_served_and_time(solver_name: str) -> None:
    raw = sample_day.field_day(collectors=15, visits=300, seed=1)
    route_problem = problem.parse_problem(raw)
    started = time.perf_counter()
    planned = _plan(solver_name, route_problem, FIELD_SECONDS, all_required=False)
    elapsed = time.perf_counter() - started
    faults = feasibility.check_solution(route_problem, planned)
    assert not faults, f"{solver_name} on the field day: {faults[:3]}"
    _FIELD_SERVED[solver_name] = planned.summary.served
    bar = _FIELD_SERVED.get("vroom_x3")
    ours = solver_name == "fieldcollect"
    detail = {
        "problem": "15 collectors from home, 300 visits in a 30x30 km city, half with 2-hour "
        "windows, 30-min visits, 8-h shifts, 25 km/h, road factor 1.3 "
        "(sample_day.field_day seed 1)",
        "travel_km": round(planned.summary.distance / 1000, 1),
        "vroom_x3_served": bar,
        "load_average_1min": round(os.getloadavg()[0], 2),
        "engine": planned.engine,
    }
    bench_record.record(
        f"routing.{solver_name}.field300.served",
        planned.summary.served,
        "visits",
        f">= vroom_x3 ({bar})" if ours and bar is not None else None,
        detail,
    )
    bench_record.record(
        f"routing.{solver_name}.field300.seconds",
        round(elapsed, 3),
        "s",
        "<= 1 s" if ours else None,
        {"engine": planned.engine},
    )
