"""The JSON Schemas in resources/schemas describe the files the planner reads and writes."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from app.routing import problem, sample_day, solver
from app.routing import solution as route_solution

jsonschema = pytest.importorskip("jsonschema")

SCHEMAS = Path(__file__).resolve().parents[3] / "resources" / "schemas"
DESIGN_PROBLEM: dict[str, Any] = {
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
DESIGN_SOLUTION: dict[str, Any] = {
    "routes": [
        {
            "vehicle": "v1",
            "steps": [{"job": "1", "arrival": 7.2, "start": 161, "departure": 171}],
            "distance": 123.4,
            "duration": 200,
        }
    ],
    "unassigned": [{"job": "7", "reason": "no vehicle can reach it inside its time window"}],
    "summary": {"distance": 123.4, "duration": 200, "vehicles_used": 1, "served": 1},
}


def _validator(name: str) -> Any:
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_the_design_examples_follow_the_schemas() -> None:
    _validator("route_problem").validate(DESIGN_PROBLEM)
    _validator("route_solution").validate(DESIGN_SOLUTION)


def test_a_generated_problem_and_its_planned_solution_follow_the_schemas() -> None:
    raw = sample_day.field_day(collectors=2, visits=12, seed=5)
    _validator("route_problem").validate(raw)
    planned = solver.solve(problem.parse_problem(raw), solver.SolverOptions(seconds=0.3))
    _validator("route_solution").validate(route_solution.solution_to_dict(planned))


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("travel", {"mode": "euclidean", "kmh": 3}),
        ("jobs", [{"id": "x"}]),
        ("vehicles", []),
        ("extra", 1),
    ],
)
def test_the_problem_schema_refuses_what_the_parser_refuses(field: str, value: Any) -> None:
    data = copy.deepcopy(DESIGN_PROBLEM)
    data[field] = value
    assert not _validator("route_problem").is_valid(data)
    with pytest.raises(problem.ProblemFormatError):
        problem.parse_problem(data)
