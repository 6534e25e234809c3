"""The problem in whole numbers, as both solver engines need it.

Times are shifted to start at the earliest shift and scaled (×1000 when they fit) so that rounding
costs nothing visible. Travel and service times round UP and windows round inward, so any order the
engines find feasible in whole numbers is feasible in real units too. Costs round to nearest.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from app.routing import left_out, travel_matrix
from app.routing import problem as route_problem

# Largest scaled time: the engines take 32-bit durations (VROOM) and scale again inside.
MAX_SCALED_TIME = 1_000_000_000
MAX_SCALE = 1000


@dataclass(frozen=True, slots=True)
class IntegerModel:
    """Whole-number view of a problem, over the places of `places`.

    Attributes:
        scale: scaled unit per problem time unit.
        origin: problem time that scaled time 0 stands for.
        places: the place index the matrices follow.
        travel_time: scaled travel times, rounded up.
        travel_cost: scaled travel times, rounded to nearest (the objective).
        service: scaled service per job.
        windows: scaled windows per job (empty: any time within the shift).
        shifts: scaled shift per vehicle.
        candidates: jobs some vehicle could serve alone, in job order.
        allowed: per job, the vehicles that could serve it (empty for non-candidates).
    """

    scale: int
    origin: float
    places: travel_matrix.PlaceIndex
    travel_time: np.ndarray
    travel_cost: np.ndarray
    service: tuple[int, ...]
    windows: tuple[tuple[tuple[int, int], ...], ...]
    shifts: tuple[tuple[int, int], ...]
    candidates: tuple[int, ...]
    allowed: tuple[frozenset[int], ...]

    def to_time(self, scaled: int) -> float:
        """A scaled time back in problem units."""
        return self.origin + scaled / self.scale


def build_model(
    problem: route_problem.RouteProblem,
    matrix: travel_matrix.TravelMatrix,
    places: travel_matrix.PlaceIndex,
) -> IntegerModel:
    """The whole-number model of `problem` (travel from `matrix` over `places`)."""
    origin = min(vehicle.shift[0] for vehicle in problem.vehicles)
    horizon_end = max(vehicle.shift[1] for vehicle in problem.vehicles)
    longest = max(
        horizon_end - origin,
        float(matrix.durations.max(initial=0.0)),
        max((job.service for job in problem.jobs), default=0.0),
        1.0,
    )
    scale = MAX_SCALE
    while scale > 1 and longest * scale > MAX_SCALED_TIME:
        scale //= 10
    if longest * scale > MAX_SCALED_TIME:
        raise route_problem.ProblemFormatError(
            "vehicles", f"the day spans {longest:g} time units; that is too long to plan"
        )

    def up(value: float) -> int:
        # The tiny allowance keeps 10.000000001 (float noise) from becoming 11 units.
        return math.ceil(value * scale - 1e-6)

    def down(value: float) -> int:
        return math.floor(value * scale + 1e-6)

    durations = matrix.durations * scale
    travel_time = np.ceil(durations - 1e-6).astype(np.int64)
    travel_cost = np.rint(durations).astype(np.int64)
    horizon = down(horizon_end - origin)
    windows = []
    for job in problem.jobs:
        scaled = []
        for window_start, window_end in job.time_windows:
            start = max(0, up(window_start - origin))
            end = min(horizon, down(window_end - origin))
            if start <= end:
                scaled.append((start, end))
        windows.append(tuple(scaled))
    candidates = []
    allowed = []
    for job_index in range(len(problem.jobs)):
        vehicles = frozenset(left_out.servable_vehicles(problem, matrix, places, job_index))
        # A job whose windows all fall outside every shift has no scaled window left.
        if problem.jobs[job_index].time_windows and not windows[job_index]:
            vehicles = frozenset()
        allowed.append(vehicles)
        if vehicles:
            candidates.append(job_index)
    return IntegerModel(
        scale=scale,
        origin=origin,
        places=places,
        travel_time=travel_time,
        travel_cost=travel_cost,
        service=tuple(up(job.service) for job in problem.jobs),
        windows=tuple(windows),
        shifts=tuple(
            (up(vehicle.shift[0] - origin), down(vehicle.shift[1] - origin))
            for vehicle in problem.vehicles
        ),
        candidates=tuple(candidates),
        allowed=tuple(allowed),
    )


def scaled_schedule_ok(
    problem: route_problem.RouteProblem,
    model: IntegerModel,
    vehicle_index: int,
    job_indices: list[int],
) -> bool:
    """Whether the order is feasible in whole numbers (windows, shift, capacity, max_jobs)."""
    vehicle = problem.vehicles[vehicle_index]
    if vehicle.max_jobs is not None and len(job_indices) > vehicle.max_jobs:
        return False
    if (
        vehicle.capacity is not None
        and sum(problem.jobs[index].demand for index in job_indices) > vehicle.capacity
    ):
        return False
    clock, shift_end = model.shifts[vehicle_index]
    previous = model.places.start_places[vehicle_index]
    for job_index in job_indices:
        if vehicle_index not in model.allowed[job_index]:
            return False
        clock += int(model.travel_time[previous, job_index])
        start = scaled_earliest_start(model.windows[job_index], clock)
        if start is None:
            return False
        clock = start + model.service[job_index]
        previous = job_index
    end_place = model.places.end_places[vehicle_index]
    if end_place is not None and job_indices:
        clock += int(model.travel_time[previous, end_place])
    return clock <= shift_end


def scaled_earliest_start(windows: tuple[tuple[int, int], ...], arrival: int) -> int | None:
    """Earliest scaled start at or after `arrival`; None when every window has closed."""
    if not windows:
        return arrival
    for window_start, window_end in windows:
        if arrival <= window_end:
            return max(arrival, window_start)
    return None


def window_used(windows: tuple[tuple[int, int], ...], arrival: int) -> int:
    """Index of the window a visit reached at `arrival` starts in (0 when it has none)."""
    for index, (_, window_end) in enumerate(windows):
        if arrival <= window_end:
            return index
    return max(0, len(windows) - 1)
