"""Why a visit cannot be, or was not, planned: the reasons in words, checked in a fixed order.

(a) no collector has the skills; (b) no collector can reach any of its windows within his shift
and still get back; (c) its demand exceeds every capacity; otherwise (d) the day is full. It never
changes a plan; the solver asks it about each visit it leaves out.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.routing import problem as route_problem
from app.routing import schedule, travel_matrix
from app.routing import solution as route_solution

Because = route_solution.LeftOutBecause


def skilled_vehicles(problem: route_problem.RouteProblem, job_index: int) -> list[int]:
    """Vehicles whose collector has every skill the job needs."""
    needed = problem.jobs[job_index].skills
    return [index for index, vehicle in enumerate(problem.vehicles) if needed <= vehicle.skills]


def can_reach(
    problem: route_problem.RouteProblem,
    matrix: travel_matrix.TravelMatrix,
    places: travel_matrix.PlaceIndex,
    vehicle_index: int,
    job_index: int,
) -> bool:
    """Whether the vehicle, going straight there from its start, can start the visit inside a
    window and still be back at its end before its shift ends."""
    vehicle = problem.vehicles[vehicle_index]
    job = problem.jobs[job_index]
    arrival = vehicle.shift[0] + float(
        matrix.durations[places.start_places[vehicle_index], job_index]
    )
    start = schedule.earliest_start(job.time_windows, arrival)
    if start is None:
        return False
    end_place = places.end_places[vehicle_index]
    back = 0.0 if end_place is None else float(matrix.durations[job_index, end_place])
    return start + job.service + back <= vehicle.shift[1]


def impossible_because(
    problem: route_problem.RouteProblem,
    matrix: travel_matrix.TravelMatrix,
    places: travel_matrix.PlaceIndex,
    job_index: int,
) -> route_solution.LeftOut | None:
    """Why no plan at all can serve the job, or None when some vehicle could serve it alone."""
    job = problem.jobs[job_index]
    skilled = skilled_vehicles(problem, job_index)
    if not skilled:
        return route_solution.LeftOut(
            job=job.id,
            code=Because.NO_SKILLED_VEHICLE,
            reason=f"no collector has the skills it needs ({', '.join(sorted(job.skills))})",
        )
    reaching = [index for index in skilled if can_reach(problem, matrix, places, index, job_index)]
    if not reaching:
        return route_solution.LeftOut(
            job=job.id,
            code=Because.OUT_OF_REACH,
            reason=(
                "no collector can reach it inside its time window and be back before the end "
                "of his shift"
            ),
        )
    carrying = [
        index
        for index in reaching
        if problem.vehicles[index].capacity is None
        or job.demand <= (problem.vehicles[index].capacity or 0)
    ]
    if not carrying:
        largest = max(problem.vehicles[index].capacity or 0 for index in reaching)
        return route_solution.LeftOut(
            job=job.id,
            code=Because.TOO_LARGE,
            reason=f"its demand {job.demand} is above every capacity (largest {largest})",
        )
    if all(problem.vehicles[index].max_jobs == 0 for index in carrying):
        return route_solution.LeftOut(
            job=job.id,
            code=Because.NO_ROOM_LEFT,
            reason="every collector who could make it may make no visits (max_jobs 0)",
        )
    return None


def servable_vehicles(
    problem: route_problem.RouteProblem,
    matrix: travel_matrix.TravelMatrix,
    places: travel_matrix.PlaceIndex,
    job_index: int,
) -> list[int]:
    """Vehicles that could serve the job on a day with nothing else in it."""
    job = problem.jobs[job_index]
    return [
        index
        for index in skilled_vehicles(problem, job_index)
        if can_reach(problem, matrix, places, index, job_index)
        and (
            problem.vehicles[index].capacity is None
            or job.demand <= (problem.vehicles[index].capacity or 0)
        )
        and problem.vehicles[index].max_jobs != 0
    ]


def left_out_because(
    problem: route_problem.RouteProblem,
    matrix: travel_matrix.TravelMatrix,
    places: travel_matrix.PlaceIndex,
    job_index: int,
    planned: Sequence[Sequence[int]],
) -> route_solution.LeftOut:
    """Why the job is not in `planned` (job indices per vehicle): the first reason that applies."""
    impossible = impossible_because(problem, matrix, places, job_index)
    if impossible is not None:
        return impossible
    job = problem.jobs[job_index]
    candidates = servable_vehicles(problem, matrix, places, job_index)
    full = [
        index
        for index in candidates
        if problem.vehicles[index].max_jobs is not None
        and len(planned[index]) >= (problem.vehicles[index].max_jobs or 0)
    ]
    if full and len(full) == len(candidates):
        return route_solution.LeftOut(
            job=job.id,
            code=Because.NO_ROOM_LEFT,
            reason="every collector who could make it already has his most visits (max_jobs)",
        )
    return route_solution.LeftOut(
        job=job.id,
        code=Because.NO_ROOM_LEFT,
        reason=(
            "not enough time or capacity left in the collectors' days: the visits planned "
            "have higher priority or fit better"
        ),
    )
