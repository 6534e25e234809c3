"""Checks a solution against its problem by recomputing everything from the raw problem.

Windows, shifts (back at the end in time), capacity, max_jobs, skills, each visit at most once and
accounted for, distances and totals. It uses no solver output except the solution itself, and
never changes either.
"""

from __future__ import annotations

from typing import Any

from app.routing import problem as route_problem
from app.routing import solution as route_solution
from app.routing import travel_matrix

# Solutions are written with 4 decimals; anything within this is the same figure.
ABSOLUTE_TOLERANCE = 1e-3
RELATIVE_TOLERANCE = 1e-9


def check_solution(
    problem: route_problem.RouteProblem | dict[str, Any],
    solution: route_solution.RouteSolution | dict[str, Any],
) -> list[str]:
    """Every way `solution` breaks `problem`'s rules, in words; empty when it keeps them all."""
    if not isinstance(problem, route_problem.RouteProblem):
        problem = route_problem.parse_problem(problem)
    if not isinstance(solution, route_solution.RouteSolution):
        try:
            solution = route_solution.parse_solution(solution)
        except route_solution.SolutionFormatError as error:
            return [str(error)]
    faults: list[str] = []
    vehicles = {vehicle.id: vehicle for vehicle in problem.vehicles}
    jobs = {job.id: job for job in problem.jobs}
    travel = problem.travel
    served: dict[str, str] = {}
    used_vehicles: set[str] = set()
    total_distance = total_duration = 0.0
    for route_index, route in enumerate(solution.routes):
        where = f"routes[{route_index}] ({route.vehicle})"
        vehicle = vehicles.get(route.vehicle)
        if vehicle is None:
            faults.append(f"{where}: no such vehicle")
            continue
        if route.vehicle in used_vehicles:
            faults.append(f"{where}: the vehicle has a second route")
        used_vehicles.add(route.vehicle)
        total_distance += route.distance
        total_duration += route.duration
        if not route.steps:
            continue
        if vehicle.max_jobs is not None and len(route.steps) > vehicle.max_jobs:
            faults.append(f"{where}: {len(route.steps)} visits, above max_jobs {vehicle.max_jobs}")
        load = 0
        distance = 0.0
        position = vehicle.start
        clock = None  # departure from the previous stop
        leave_start = vehicle.shift[0]
        for step_index, step in enumerate(route.steps):
            step_where = f"{where}.steps[{step_index}] (job {step.job})"
            job = jobs.get(step.job)
            if job is None:
                faults.append(f"{step_where}: no such job")
                continue
            if step.job in served:
                faults.append(f"{step_where}: already served on {served[step.job]}")
            served[step.job] = route.vehicle
            missing = job.skills - vehicle.skills
            if missing:
                faults.append(f"{step_where}: the vehicle lacks skills {sorted(missing)}")
            load += job.demand
            leg_distance, leg_time = travel_matrix.leg(travel, position, job.location)
            distance += leg_distance
            if clock is None:
                leave_start = step.arrival - leg_time
                if _before(leave_start, vehicle.shift[0]):
                    faults.append(
                        f"{step_where}: arrival {step.arrival:g} needs leaving at "
                        f"{leave_start:g}, before the shift starts at {vehicle.shift[0]:g}"
                    )
            elif _before(step.arrival, clock + leg_time):
                faults.append(
                    f"{step_where}: arrival {step.arrival:g} is before {clock + leg_time:g}, "
                    "the earliest after the previous visit"
                )
            if _before(step.start, step.arrival):
                faults.append(f"{step_where}: start {step.start:g} before arrival {step.arrival:g}")
            if job.time_windows and not any(
                not _before(step.start, opens) and not _before(closes, step.start)
                for opens, closes in job.time_windows
            ):
                faults.append(
                    f"{step_where}: start {step.start:g} is outside its time windows "
                    f"{[list(window) for window in job.time_windows]}"
                )
            if not _same(step.departure, step.start + job.service):
                faults.append(
                    f"{step_where}: departure {step.departure:g} is not start + service "
                    f"({step.start + job.service:g})"
                )
            clock = step.departure
            position = job.location
        if vehicle.capacity is not None and load > vehicle.capacity:
            faults.append(f"{where}: load {load} above capacity {vehicle.capacity}")
        end_time = clock if clock is not None else leave_start
        if vehicle.end is not None:
            leg_distance, leg_time = travel_matrix.leg(travel, position, vehicle.end)
            distance += leg_distance
            end_time += leg_time
        if _before(vehicle.shift[1], end_time):
            faults.append(
                f"{where}: back at {end_time:g}, after the shift ends at {vehicle.shift[1]:g}"
            )
        if not _same(route.distance, distance):
            faults.append(f"{where}: distance {route.distance:g}, recomputed {distance:g}")
        if not _same(route.duration, end_time - leave_start):
            faults.append(
                f"{where}: duration {route.duration:g}, recomputed {end_time - leave_start:g}"
            )
    left_out: set[str] = set()
    for index, item in enumerate(solution.unassigned):
        if item.job not in jobs:
            faults.append(f"unassigned[{index}]: no such job {item.job!r}")
        elif item.job in served:
            faults.append(
                f"unassigned[{index}]: job {item.job} is also served by {served[item.job]}"
            )
        elif item.job in left_out:
            faults.append(f"unassigned[{index}]: job {item.job} is listed twice")
        if not item.reason.strip():
            faults.append(f"unassigned[{index}]: no reason given")
        left_out.add(item.job)
    for job_id in jobs:
        if job_id not in served and job_id not in left_out:
            faults.append(f"job {job_id} is neither served nor listed as unassigned")
    summary = solution.summary
    # Each route's figure and the total are rounded on their own.
    slack = len(solution.routes) + 1
    if not _same(summary.distance, total_distance, slack):
        faults.append(f"summary.distance {summary.distance:g}, routes add up to {total_distance:g}")
    if not _same(summary.duration, total_duration, slack):
        faults.append(f"summary.duration {summary.duration:g}, routes add up to {total_duration:g}")
    routes_with_visits = sum(1 for route in solution.routes if route.steps)
    if summary.vehicles_used != routes_with_visits:
        faults.append(
            f"summary.vehicles_used {summary.vehicles_used}, "
            f"routes with visits {routes_with_visits}"
        )
    visits = sum(len(route.steps) for route in solution.routes)
    if summary.served != visits:
        faults.append(f"summary.served {summary.served}, visits on the routes {visits}")
    return faults


def _tolerance(value: float, slack: int = 1) -> float:
    return slack * ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE * abs(value)


def _before(value: float, limit: float) -> bool:
    """Whether `value` is earlier than `limit` by more than rounding."""
    return value < limit - _tolerance(limit)


def _same(value: float, expected: float, slack: int = 1) -> bool:
    return abs(value - expected) <= _tolerance(expected, slack)
