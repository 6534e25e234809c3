"""The planned day: each collector's visits in order with times, and the visits left out with why.

Values and their JSON form (DESIGN.md, "Route problem JSON"); reading a solution back is lenient
in shape only so that the feasibility checker can report on broken files. It plans nothing.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# Figures are written with this many decimals: far below a second or a metre, and the checker's
# tolerance is wider than the rounding.
DECIMALS = 4


class LeftOutBecause(enum.StrEnum):
    """Why a visit was left out, checked in this order; `ui/` may translate by code."""

    NO_SKILLED_VEHICLE = "no_skilled_vehicle"
    OUT_OF_REACH = "out_of_reach"
    TOO_LARGE = "too_large"
    NO_ROOM_LEFT = "no_room_left"


@dataclass(frozen=True, slots=True)
class Step:
    """One visit on a route.

    Attributes:
        job: the visit's id.
        arrival: when the collector gets there.
        start: when the visit starts (after waiting for its window if early).
        departure: when the visit ends and the collector leaves.
    """

    job: str
    arrival: float
    start: float
    departure: float


@dataclass(frozen=True, slots=True)
class Route:
    """One collector's day.

    Attributes:
        vehicle: the collector's id.
        steps: the visits in order.
        distance: total travel distance, from the start back to the end.
        duration: from leaving the start to arriving at the end, waits and visits included.
    """

    vehicle: str
    steps: tuple[Step, ...]
    distance: float
    duration: float


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A visit no route serves.

    Attributes:
        job: the visit's id.
        code: the kind of reason, for programs.
        reason: the reason in words, for people.
    """

    job: str
    code: LeftOutBecause
    reason: str


@dataclass(frozen=True, slots=True)
class Summary:
    """Totals of a solution.

    Attributes:
        distance: sum of the routes' distances.
        duration: sum of the routes' durations.
        vehicles_used: routes with at least one visit.
        served: visits planned.
    """

    distance: float
    duration: float
    vehicles_used: int
    served: int


@dataclass(frozen=True, slots=True)
class RouteSolution:
    """A planned day.

    Attributes:
        routes: one per collector who has visits, in the problem's vehicle order.
        unassigned: visits left out, in the problem's job order.
        summary: totals.
        engine: which solver produced the routes (for logs and benchmarks; not in the JSON).
    """

    routes: tuple[Route, ...]
    unassigned: tuple[LeftOut, ...]
    summary: Summary
    engine: str = ""


def summarise(routes: tuple[Route, ...]) -> Summary:
    """Totals over `routes`."""
    return Summary(
        distance=sum(route.distance for route in routes),
        duration=sum(route.duration for route in routes),
        vehicles_used=sum(1 for route in routes if route.steps),
        served=sum(len(route.steps) for route in routes),
    )


def solution_to_dict(solution: RouteSolution) -> dict[str, Any]:
    """The JSON form of `solution`."""

    def figure(value: float) -> float:
        return round(float(value), DECIMALS)

    return {
        "routes": [
            {
                "vehicle": route.vehicle,
                "steps": [
                    {
                        "job": step.job,
                        "arrival": figure(step.arrival),
                        "start": figure(step.start),
                        "departure": figure(step.departure),
                    }
                    for step in route.steps
                ],
                "distance": figure(route.distance),
                "duration": figure(route.duration),
            }
            for route in solution.routes
        ],
        "unassigned": [{"job": item.job, "reason": item.reason} for item in solution.unassigned],
        "summary": {
            "distance": figure(solution.summary.distance),
            "duration": figure(solution.summary.duration),
            "vehicles_used": solution.summary.vehicles_used,
            "served": solution.summary.served,
        },
    }


class SolutionFormatError(ValueError):
    """A solution file whose shape is not the solution format; the message names the field."""


def parse_solution(data: Any) -> RouteSolution:
    """A solution read back from its JSON form (shape only; `feasibility` judges the content)."""
    top = _mapping(data, "solution")
    routes = []
    for route_index, route_data in enumerate(_list(top.get("routes"), "routes")):
        field = f"routes[{route_index}]"
        route = _mapping(route_data, field)
        steps = []
        for step_index, step_data in enumerate(_list(route.get("steps"), f"{field}.steps")):
            step_field = f"{field}.steps[{step_index}]"
            step = _mapping(step_data, step_field)
            steps.append(
                Step(
                    job=str(step.get("job")),
                    arrival=_number(step.get("arrival"), f"{step_field}.arrival"),
                    start=_number(step.get("start"), f"{step_field}.start"),
                    departure=_number(step.get("departure"), f"{step_field}.departure"),
                )
            )
        routes.append(
            Route(
                vehicle=str(route.get("vehicle")),
                steps=tuple(steps),
                distance=_number(route.get("distance"), f"{field}.distance"),
                duration=_number(route.get("duration"), f"{field}.duration"),
            )
        )
    unassigned = []
    for index, item_data in enumerate(_list(top.get("unassigned", []), "unassigned")):
        item = _mapping(item_data, f"unassigned[{index}]")
        unassigned.append(
            LeftOut(
                job=str(item.get("job")),
                code=LeftOutBecause.NO_ROOM_LEFT,
                reason=str(item.get("reason", "")),
            )
        )
    summary = _mapping(top.get("summary"), "summary")
    return RouteSolution(
        routes=tuple(routes),
        unassigned=tuple(unassigned),
        summary=Summary(
            distance=_number(summary.get("distance"), "summary.distance"),
            duration=_number(summary.get("duration"), "summary.duration"),
            vehicles_used=int(_number(summary.get("vehicles_used"), "summary.vehicles_used")),
            served=int(_number(summary.get("served"), "summary.served")),
        ),
    )


def _mapping(data: Any, field: str) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise SolutionFormatError(f"{field}: must be an object")
    return data


def _list(data: Any, field: str) -> list[Any]:
    if not isinstance(data, list):
        raise SolutionFormatError(f"{field}: must be a list")
    return data


def _number(data: Any, field: str) -> float:
    if isinstance(data, bool) or not isinstance(data, int | float):
        raise SolutionFormatError(f"{field}: must be a number")
    return float(data)
