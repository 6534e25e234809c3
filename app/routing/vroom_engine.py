"""Adapter to VROOM (`pyvroom`): hands it the whole-number model, reads back each vehicle's order.

It neither times routes nor explains left-out visits; `solver` does.
"""

from __future__ import annotations

import logging

import numpy as np
import vroom

from app.routing import integer_model
from app.routing import problem as route_problem

logger = logging.getLogger(__name__)

PROFILE = "car"


def solve(
    problem: route_problem.RouteProblem,
    model: integer_model.IntegerModel,
    exploration_level: int = 5,
    threads: int = 2,
) -> list[list[int]]:
    """Job indices in visiting order for each vehicle, as VROOM plans them."""
    orders: list[list[int]] = [[] for _ in problem.vehicles]
    if not model.candidates:
        return orders
    engine_input = vroom.Input()
    engine_input.set_durations_matrix(PROFILE, _as_uint32(model.travel_time))
    engine_input.set_costs_matrix(PROFILE, _as_uint32(model.travel_cost))
    # Each job may go only to the vehicles that could serve it alone (skills, reach, capacity).
    # VROOM wants every skill of a job on one vehicle, so each distinct set of allowed vehicles
    # becomes one skill number that exactly those vehicles carry.
    everyone = frozenset(range(len(problem.vehicles)))
    set_skills: dict[frozenset[int], int] = {}
    for job_index in model.candidates:
        allowed = model.allowed[job_index]
        if allowed != everyone and allowed not in set_skills:
            set_skills[allowed] = len(set_skills) + 1
    unlimited = sum(job.demand for job in problem.jobs) + 1
    for index, vehicle in enumerate(problem.vehicles):
        end_place = model.places.end_places[index]
        shift_start, shift_end = model.shifts[index]
        engine_input.add_vehicle(
            vroom.Vehicle(
                id=index,
                start=model.places.start_places[index],
                end=end_place,
                capacity=[vehicle.capacity if vehicle.capacity is not None else unlimited],
                skills={number for allowed, number in set_skills.items() if index in allowed},
                time_window=vroom.TimeWindow(shift_start, shift_end),
                max_tasks=vehicle.max_jobs,
            )
        )
    for job_index in model.candidates:
        job = problem.jobs[job_index]
        allowed = model.allowed[job_index]
        engine_input.add_job(
            vroom.Job(
                id=job_index,
                location=job_index,
                default_service=model.service[job_index],
                delivery=[job.demand],
                priority=job.priority,
                time_windows=[
                    vroom.TimeWindow(start, end) for start, end in model.windows[job_index]
                ],
                skills={set_skills[allowed]} if allowed in set_skills else None,
            )
        )
    solution = engine_input.solve(exploration_level=exploration_level, nb_threads=threads)
    frame = solution.routes
    jobs = frame[frame["type"] == "job"]
    for vehicle_id, job_id in zip(jobs["vehicle_id"], jobs["id"], strict=True):
        orders[int(vehicle_id)].append(int(job_id))
    return orders


def _as_uint32(matrix: np.ndarray) -> np.ndarray:
    return np.clip(matrix, 0, np.iinfo(np.uint32).max).astype(np.uint32)
