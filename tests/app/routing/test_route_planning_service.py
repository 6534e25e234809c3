"""The `fieldcollect plan` use case: a problem file in, a solution (file) out, errors named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import errors
from app.routing import feasibility
from app.services import route_planning

PROBLEM = {
    "travel": {"mode": "euclidean", "speed": 1.0},
    "vehicles": [{"id": "v1", "start": [0, 0], "shift": [0, 100]}],
    "jobs": [{"id": "1", "location": [3, 4], "service": 2}, {"id": "far", "location": [300, 0]}],
}


def _write(tmp_path: Path, content: object) -> Path:
    path = tmp_path / "problem.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return path


def test_a_problem_file_is_planned_and_the_solution_written(tmp_path: Path) -> None:
    output = tmp_path / "solution.json"
    result = route_planning.solve_problem_file(_write(tmp_path, PROBLEM), output, seconds=0.2)
    assert json.loads(output.read_text(encoding="utf-8")) == result
    assert result["summary"]["served"] == 1
    assert result["unassigned"][0]["job"] == "far"
    assert feasibility.check_solution(PROBLEM, result) == []


def test_without_an_output_path_nothing_is_written(tmp_path: Path) -> None:
    route_planning.solve_problem_file(_write(tmp_path, PROBLEM), None, seconds=0.2)
    assert [path.name for path in tmp_path.iterdir()] == ["problem.json"]


def test_a_bad_field_is_reported_with_the_file_and_the_field(tmp_path: Path) -> None:
    bad = json.loads(json.dumps(PROBLEM))
    bad["jobs"][1]["time_windows"] = [[50, 40]]
    path = _write(tmp_path, bad)
    with pytest.raises(route_planning.RouteProblemError) as raised:
        route_planning.solve_problem_file(path, None, seconds=0.2)
    assert str(raised.value) == f"{path}: jobs[1].time_windows[0]: start 50 after end 40"
    assert raised.value.field == "jobs[1].time_windows[0]"
    assert isinstance(raised.value, errors.KnownError)


def test_a_file_that_is_not_json_is_reported_with_line_and_column(tmp_path: Path) -> None:
    path = _write(tmp_path, '{"travel": \n  oops}')
    with pytest.raises(route_planning.RouteProblemError, match=r"not JSON: .* line 2, column 3"):
        route_planning.solve_problem_file(path, None)


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(route_planning.RouteProblemError, match=r"missing\.json: no such file"):
        route_planning.solve_problem_file(tmp_path / "missing.json", None)


def test_a_non_positive_time_budget_is_refused(tmp_path: Path) -> None:
    with pytest.raises(route_planning.RouteProblemError, match="--seconds must be above 0"):
        route_planning.solve_problem_file(_write(tmp_path, PROBLEM), None, seconds=0)
