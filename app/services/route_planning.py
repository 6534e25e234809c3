"""Use case: plan routes for a route problem file and write the solution file (`fieldcollect plan`).

It reads and writes JSON and reports a bad file as `RouteProblemError` naming the file and field;
the planning itself is `app.routing.solver`'s.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from app import errors
from app.routing import problem as route_problem
from app.routing import solution as route_solution
from app.routing import solver

logger = logging.getLogger(__name__)


class RouteProblemError(errors.KnownError):
    """A route problem file that cannot be read or planned; the message names the file and field.

    Attributes:
        path: the file.
        field: the field at fault (e.g. `jobs[3].time_windows[0]`), empty when the whole file is.
    """

    def __init__(self, path: Path, field: str, message: str) -> None:
        super().__init__(f"{path}: {field}: {message}" if field else f"{path}: {message}")
        self.path = path
        self.field = field


def load_problem(problem_path: Path) -> route_problem.RouteProblem:
    """The route problem in `problem_path`; raises RouteProblemError naming the file and field."""
    try:
        text = problem_path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise RouteProblemError(problem_path, "", "no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise RouteProblemError(problem_path, "", f"cannot be read ({error})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise RouteProblemError(
            problem_path, "", f"not JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        ) from None
    try:
        return route_problem.parse_problem(data)
    except route_problem.ProblemFormatError as error:
        raise RouteProblemError(problem_path, error.field, error.detail) from None


def solve_problem_file(
    problem_path: Path, output_path: Path | None = None, seconds: float | None = None
) -> dict[str, Any]:
    """Plan the problem in `problem_path` within `seconds` (default 2) and return the solution in
    its JSON form, also written to `output_path` when given."""
    if seconds is not None and not seconds > 0:
        raise RouteProblemError(problem_path, "", f"--seconds must be above 0, not {seconds:g}")
    problem = load_problem(problem_path)
    options = solver.SolverOptions(
        seconds=seconds if seconds is not None else solver.DEFAULT_SECONDS
    )
    try:
        planned = solver.solve(problem, options)
    except route_problem.ProblemFormatError as error:
        raise RouteProblemError(problem_path, error.field, error.detail) from None
    result = route_solution.solution_to_dict(planned)
    if output_path is not None:
        try:
            output_path.write_text(
                json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
            )
        except OSError as error:
            raise RouteProblemError(output_path, "", f"cannot be written ({error})") from None
        logger.info("wrote the plan for %s to %s", problem_path, output_path)
    return result
