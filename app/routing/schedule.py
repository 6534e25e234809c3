"""Times a collector's visits in a given order, in the problem's real (unrounded) units.

Solvers decide the order; this module alone turns an order into arrival, start and departure times
(earliest start, waiting for a window when early), so every engine's routes read the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.routing import problem as route_problem
from app.routing import solution as route_solution
from app.routing import travel_matrix


def earliest_start(windows: Sequence[route_problem.Window], arrival: float) -> float | None:
    """When a visit reached at `arrival` can start (now or at its next window); None: too late."""
    if not windows:
        return arrival
    for window_start, window_end in windows:
        if arrival <= window_end:
            return max(arrival, window_start)
    return None


def time_route(
    problem: route_problem.RouteProblem,
    matrix: travel_matrix.TravelMatrix,
    places: travel_matrix.PlaceIndex,
    vehicle_index: int,
    job_indices: Sequence[int],
) -> route_solution.Route:
    """The route of vehicle `vehicle_index` visiting `job_indices` in order.

    The collector leaves at the start of the shift, or later when he would only wait at the first
    visit. A visit reached after its last window starts at arrival anyway: the checker reports it.
    """
    vehicle = problem.vehicles[vehicle_index]
    start_place = places.start_places[vehicle_index]
    end_place = places.end_places[vehicle_index]
    steps: list[route_solution.Step] = []
    distance = 0.0
    clock = vehicle.shift[0]
    previous = start_place
    leave_start = vehicle.shift[0]
    for position, job_index in enumerate(job_indices):
        job = problem.jobs[job_index]
        distance += float(matrix.distances[previous, job_index])
        arrival = clock + float(matrix.durations[previous, job_index])
        start = earliest_start(job.time_windows, arrival)
        if start is None:
            start = arrival
        if position == 0 and start > arrival:
            # Leave home later rather than wait at the door.
            leave_start += start - arrival
            arrival = start
        departure = start + job.service
        steps.append(
            route_solution.Step(job=job.id, arrival=arrival, start=start, departure=departure)
        )
        clock = departure
        previous = job_index
    if end_place is not None and steps:
        distance += float(matrix.distances[previous, end_place])
        clock += float(matrix.durations[previous, end_place])
    duration = clock - leave_start if steps else 0.0
    return route_solution.Route(
        vehicle=vehicle.id, steps=tuple(steps), distance=distance, duration=duration
    )
