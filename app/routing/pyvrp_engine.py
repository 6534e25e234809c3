"""Adapter to PyVRP: hands it the whole-number model, reads back each vehicle's order.

Features PyVRP lacks are encoded: several windows become a group of alternatives, vehicles that may
not take a visit get a routing profile where reaching it is impossible in time, max_jobs is a
second load dimension, an open end is a depot reached at no cost. It neither times routes nor
explains left-out visits; `solver` does.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyvrp
from pyvrp import stop
from pyvrp.search import NeighbourhoodParams

from app.routing import integer_model
from app.routing import problem as route_problem

logger = logging.getLogger(__name__)

# Tuned on the 56 Solomon instances at two seconds (docs/routing.md): a short late-acceptance
# history and a narrower neighbourhood converge faster than the defaults (300, 50).
HISTORY_LENGTH = 30
NEIGHBOURS = 40
MIN_ITERATIONS_WITHOUT_GAIN = 2000


@dataclass(frozen=True, slots=True)
class PyvrpModel:
    """A problem as PyVRP data, with the ways back to jobs and vehicles.

    Attributes:
        data: the PyVRP problem.
        client_jobs: job index of each PyVRP client.
        job_clients: PyVRP clients of each job, one per window (empty for non-candidates).
        type_vehicles: vehicle indices of each PyVRP vehicle type.
        vehicle_types: PyVRP vehicle type of each vehicle.
        all_required: whether every candidate job must be served.
    """

    data: pyvrp.ProblemData
    client_jobs: tuple[int, ...]
    job_clients: tuple[tuple[int, ...], ...]
    type_vehicles: tuple[tuple[int, ...], ...]
    vehicle_types: tuple[int, ...]
    all_required: bool


def build(
    problem: route_problem.RouteProblem, model: integer_model.IntegerModel, all_required: bool
) -> PyvrpModel:
    """PyVRP data for `problem`; with `all_required` every candidate must be served, otherwise
    visits carry prizes so large that serving more (and higher priority) always beats distance."""
    places = model.places
    place_count = len(places.places)
    open_end = any(end is None for end in places.end_places)
    location_count = place_count + (1 if open_end else 0)
    coordinates = list(places.places) + ([places.places[0]] if open_end else [])
    locations = [pyvrp.Location(x=float(x), y=float(y)) for x, y in coordinates]
    horizon = max(end for _, end in model.shifts)

    travel_time = np.zeros((location_count, location_count), dtype=np.int64)
    travel_cost = np.zeros((location_count, location_count), dtype=np.int64)
    travel_time[:place_count, :place_count] = model.travel_time
    travel_cost[:place_count, :place_count] = model.travel_cost
    # The open-end place is reached from anywhere at no cost, and nothing leaves it.
    if open_end:
        travel_time[place_count, :place_count] = horizon + 1
        travel_cost[place_count, :place_count] = horizon + 1

    depot_places = sorted(
        {*places.start_places, *(end for end in places.end_places if end is not None)}
    ) + ([place_count] if open_end else [])
    depot_of = {place: index for index, place in enumerate(depot_places)}
    depots = [pyvrp.Depot(location=place) for place in depot_places]

    uses_max_jobs = any(vehicle.max_jobs is not None for vehicle in problem.vehicles)
    total_demand = sum(problem.jobs[index].demand for index in model.candidates)
    job_count = len(model.candidates)

    # Vehicles without the skills for some visits get their own profile (see module docstring);
    # reach and capacity need none, PyVRP's own time windows and loads see to them.
    forbidden_by_vehicle = [
        frozenset(job for job in model.candidates if not problem.jobs[job].skills <= vehicle.skills)
        for vehicle in problem.vehicles
    ]
    profiles: dict[frozenset[int], int] = {frozenset(): 0}
    for forbidden in forbidden_by_vehicle:
        profiles.setdefault(forbidden, len(profiles))
    distance_matrices = []
    duration_matrices = []
    for forbidden in profiles:
        time_matrix = travel_time.copy()
        cost_matrix = travel_cost.copy()
        if forbidden:
            columns = sorted(forbidden)
            time_matrix[:, columns] = horizon + 1
            cost_matrix[:, columns] = horizon + 1
            np.fill_diagonal(time_matrix, 0)
            np.fill_diagonal(cost_matrix, 0)
        distance_matrices.append(cost_matrix)
        duration_matrices.append(time_matrix)

    type_keys: dict[tuple[object, ...], int] = {}
    type_vehicles: list[list[int]] = []
    vehicle_types_of: list[int] = []
    for index, vehicle in enumerate(problem.vehicles):
        end_place = places.end_places[index]
        key = (
            depot_of[places.start_places[index]],
            depot_of[end_place if end_place is not None else place_count],
            model.shifts[index],
            vehicle.capacity,
            vehicle.max_jobs,
            profiles[forbidden_by_vehicle[index]],
        )
        if key not in type_keys:
            type_keys[key] = len(type_vehicles)
            type_vehicles.append([])
        type_vehicles[type_keys[key]].append(index)
        vehicle_types_of.append(type_keys[key])
    # Serving one more visit must be worth more than any detour, and one more priority point more
    # than serving every visit of priority 0 (VROOM's order: priority, then count, then cost).
    detour_bound = 2 * int(travel_cost.max(initial=0)) + 1
    top_priority = max((problem.jobs[index].priority for index in model.candidates), default=0)
    largest_prize = 0 if all_required else detour_bound * (1 + (job_count + 1) * top_priority)
    # PyVRP's penalty per unit of excess load stops at `max_penalty`: counted in units that
    # small, one visit too many (or one unit of demand) would cost less than the prize it
    # brings, and an over-full day would never turn feasible. Loads count in larger units.
    unit = max(1, math.ceil(largest_prize / pyvrp.PenaltyParams().max_penalty) + 1)
    vehicle_types = []
    for key, type_index in type_keys.items():
        start_depot, end_depot, shift, capacity, max_jobs, profile = key
        load_limits = [unit * (int(capacity) if capacity is not None else total_demand)]  # type: ignore[call-overload]
        if uses_max_jobs:
            load_limits.append(unit * (int(max_jobs) if max_jobs is not None else job_count))  # type: ignore[call-overload]
        vehicle_types.append(
            pyvrp.VehicleType(
                num_available=len(type_vehicles[type_index]),
                capacity=load_limits,
                start_depot=start_depot,  # type: ignore[arg-type]
                end_depot=end_depot,  # type: ignore[arg-type]
                tw_early=shift[0],  # type: ignore[index]
                tw_late=shift[1],  # type: ignore[index]
                profile=profile,  # type: ignore[arg-type]
            )
        )

    clients: list[pyvrp.Client] = []
    groups: list[pyvrp.ClientGroup] = []
    client_jobs: list[int] = []
    job_clients: list[tuple[int, ...]] = [() for _ in problem.jobs]
    for job_index in model.candidates:
        job = problem.jobs[job_index]
        load = [unit * job.demand] + ([unit] if uses_max_jobs else [])
        prize = 0 if all_required else detour_bound * (1 + (job_count + 1) * job.priority)
        windows = model.windows[job_index] or ((0, horizon),)
        in_group = len(windows) > 1
        group_index = len(groups) if in_group else None
        members = []
        for window_start, window_end in windows:
            members.append(len(clients))
            clients.append(
                pyvrp.Client(
                    location=job_index,
                    delivery=load,
                    service_duration=model.service[job_index],
                    tw_early=window_start,
                    tw_late=window_end,
                    prize=prize,
                    required=all_required and not in_group,
                    group=group_index,
                )
            )
            client_jobs.append(job_index)
        if in_group:
            groups.append(pyvrp.ClientGroup(clients=members, required=all_required))
        job_clients[job_index] = tuple(members)

    data = pyvrp.ProblemData(
        locations=locations,
        clients=clients,
        depots=depots,
        vehicle_types=vehicle_types,
        distance_matrices=distance_matrices,
        duration_matrices=duration_matrices,
        groups=groups,
    )
    return PyvrpModel(
        data=data,
        client_jobs=tuple(client_jobs),
        job_clients=tuple(job_clients),
        type_vehicles=tuple(tuple(vehicles) for vehicles in type_vehicles),
        vehicle_types=tuple(vehicle_types_of),
        all_required=all_required,
    )


def solve(
    built: PyvrpModel,
    model: integer_model.IntegerModel,
    seconds: float,
    seed: int,
    initial_orders: Sequence[Sequence[int]] | None = None,
) -> list[list[int]] | None:
    """Job indices in visiting order per vehicle, or None when PyVRP found no feasible plan."""
    params = pyvrp.SolveParams(
        ils=pyvrp.IteratedLocalSearchParams(history_length=HISTORY_LENGTH),
        neighbourhood=NeighbourhoodParams(num_neighbours=min(NEIGHBOURS, len(built.client_jobs))),
    )
    initial = _initial_solution(built, model, initial_orders) if initial_orders else None
    # Small problems stop once the search has long stopped finding better plans; on a hundred
    # visits or more this never comes before the time limit.
    no_improvement = max(MIN_ITERATIONS_WITHOUT_GAIN, 50 * len(built.client_jobs))
    stopping = stop.MultipleCriteria(
        [stop.MaxRuntime(max(seconds, 0.01)), stop.NoImprovement(no_improvement)]
    )
    result = pyvrp.solve(
        built.data,
        stopping,
        seed=seed,
        collect_stats=False,
        display=False,
        params=params,
        initial_solution=initial,
    )
    if not result.is_feasible():
        logger.debug("PyVRP found no feasible plan in %.2f s (seed %d)", seconds, seed)
        return None
    orders: list[list[int]] = [[] for _ in built.vehicle_types]
    free = [list(vehicles) for vehicles in built.type_vehicles]
    for route in result.best.routes():
        vehicle_index = free[route.vehicle_type()].pop(0)
        orders[vehicle_index] = [
            built.client_jobs[activity.idx] for activity in route if activity.is_client()
        ]
    return orders


def _initial_solution(
    built: PyvrpModel, model: integer_model.IntegerModel, orders: Sequence[Sequence[int]]
) -> pyvrp.Solution:
    routes = []
    for vehicle_index, order in enumerate(orders):
        if not order:
            continue
        visits = []
        clock = model.shifts[vehicle_index][0]
        previous = model.places.start_places[vehicle_index]
        for job_index in order:
            clock += int(model.travel_time[previous, job_index])
            windows = model.windows[job_index]
            which = integer_model.window_used(windows, clock)
            start = integer_model.scaled_earliest_start(windows, clock)
            clock = (start if start is not None else clock) + model.service[job_index]
            visits.append(built.job_clients[job_index][which])
            previous = job_index
        routes.append(pyvrp.Route(built.data, visits, built.vehicle_types[vehicle_index]))
    return pyvrp.Solution(built.data, routes)
