"""Baseline solvers the routing benchmark compares FieldCollect's planner with: OR-Tools routing
with guided local search, and plain PyVRP (default parameters, one seed) on the same instance.

Both take the same whole-number model as our engines (`integer_model`: travel and service rounded
up, windows inward, the Solomon convention of exact euclidean legs kept ×1000), so that an order
they find feasible is feasible in real units too; each order is then timed by `schedule` and every
left-out visit explained by `left_out`, exactly as our solver's plans are, and the benchmark checks
the result with `feasibility`. Benchmark code only: the application never imports it, and OR-Tools
is a benchmark-only dependency (the `bench` extra of pyproject.toml).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import pyvrp
from pyvrp import stop

from app.routing import integer_model, left_out, schedule, travel_matrix
from app.routing import problem as route_problem
from app.routing import solution as route_solution


def _prepared(
    problem: route_problem.RouteProblem,
) -> tuple[travel_matrix.TravelMatrix, travel_matrix.PlaceIndex, integer_model.IntegerModel]:
    places = travel_matrix.index_places(problem)
    if any(end is None for end in places.end_places):
        raise ValueError("the baselines plan days that end back at a place (no open ends)")
    matrix = travel_matrix.build_matrix(problem.travel, places.places)
    return matrix, places, integer_model.build_model(problem, matrix, places)


def _visit_prize(
    model: integer_model.IntegerModel, problem: route_problem.RouteProblem
) -> list[int]:
    """Per job, what leaving it out costs: one more visit beats any detour, one more priority
    point beats every visit of priority 0 (the order our planner and VROOM keep)."""
    detour_bound = 2 * int(model.travel_cost.max(initial=0)) + 1
    count = len(problem.jobs)
    return [detour_bound * (1 + (count + 1) * job.priority) for job in problem.jobs]


def _solution(
    problem: route_problem.RouteProblem,
    matrix: travel_matrix.TravelMatrix,
    places: travel_matrix.PlaceIndex,
    orders: Sequence[Sequence[int]],
    engine: str,
) -> route_solution.RouteSolution:
    """The plan of `orders` (job indices per vehicle), timed and explained as our solver does."""
    routes = tuple(
        schedule.time_route(problem, matrix, places, vehicle_index, order)
        for vehicle_index, order in enumerate(orders)
        if order
    )
    planned = {job for order in orders for job in order}
    unassigned = tuple(
        left_out.left_out_because(problem, matrix, places, job_index, orders)
        for job_index in range(len(problem.jobs))
        if job_index not in planned
    )
    return route_solution.RouteSolution(
        routes=routes,
        unassigned=unassigned,
        summary=route_solution.summarise(routes),
        engine=engine,
    )


# -- plain PyVRP ----------------------------------------------------------------------------------


def solve_with_pyvrp(
    problem: route_problem.RouteProblem, seconds: float, *, all_required: bool, seed: int = 1
) -> route_solution.RouteSolution:
    """PyVRP's own `Model` on the instance: default search parameters, one seed, one thread,
    stopped after `seconds`. Skills and several windows per visit are not modelled (the
    benchmark's instances have neither)."""
    if any(job.skills or len(job.time_windows) > 1 for job in problem.jobs):
        raise ValueError("plain PyVRP here takes one window per visit and no skills")
    matrix, places, model = _prepared(problem)
    vrp = pyvrp.Model()
    locations = [vrp.add_location(x=float(x), y=float(y)) for x, y in places.places]
    depot_places = sorted({*places.start_places, *places.end_places})  # type: ignore[arg-type]
    depots = {place: vrp.add_depot(locations[place]) for place in depot_places}
    uses_max_jobs = any(vehicle.max_jobs is not None for vehicle in problem.vehicles)
    candidate_count = len(model.candidates)
    total_demand = sum(job.demand for job in problem.jobs)
    # Vehicles alike share one vehicle type; PyVRP hands routes back by type.
    type_vehicles: dict[tuple[object, ...], list[int]] = {}
    for index, vehicle in enumerate(problem.vehicles):
        key = (
            places.start_places[index],
            places.end_places[index],
            model.shifts[index],
            vehicle.capacity,
            vehicle.max_jobs,
        )
        type_vehicles.setdefault(key, []).append(index)
    types = []
    for (start, end, shift, capacity, max_jobs), members in type_vehicles.items():
        limits = [capacity if capacity is not None else total_demand]
        if uses_max_jobs:
            limits.append(max_jobs if max_jobs is not None else candidate_count)
        types.append(
            vrp.add_vehicle_type(
                num_available=len(members),
                capacity=limits,  # type: ignore[arg-type]
                start_depot=depots[start],  # type: ignore[index]
                end_depot=depots[end],  # type: ignore[index]
                tw_early=shift[0],  # type: ignore[index]
                tw_late=shift[1],  # type: ignore[index]
            )
        )
    prizes = _visit_prize(model, problem)
    client_jobs = []
    for job_index in model.candidates:
        job = problem.jobs[job_index]
        window = model.windows[job_index][0] if model.windows[job_index] else None
        vrp.add_client(
            locations[job_index],
            delivery=[job.demand] + ([1] if uses_max_jobs else []),
            service_duration=model.service[job_index],
            tw_early=window[0] if window else 0,
            tw_late=window[1] if window else max(end for _, end in model.shifts),
            prize=0 if all_required else prizes[job_index],
            required=all_required,
        )
        client_jobs.append(job_index)
    used = sorted({*model.candidates, *depot_places})
    for origin, destination in itertools.permutations(used, 2):
        vrp.add_edge(
            locations[origin],
            locations[destination],
            distance=int(model.travel_cost[origin, destination]),
            duration=int(model.travel_time[origin, destination]),
        )
    result = vrp.solve(stop.MaxRuntime(seconds), seed=seed, collect_stats=False, display=False)
    orders: list[list[int]] = [[] for _ in problem.vehicles]
    if result.is_feasible():
        free = [list(members) for members in type_vehicles.values()]
        for route in result.best.routes():
            vehicle_index = free[route.vehicle_type()].pop(0)
            orders[vehicle_index] = [
                client_jobs[activity.idx] for activity in route if activity.is_client()
            ]
    return _solution(problem, matrix, places, orders, "pyvrp (plain)")


# -- OR-Tools -------------------------------------------------------------------------------------


def solve_with_ortools(
    problem: route_problem.RouteProblem, seconds: float, *, all_required: bool
) -> route_solution.RouteSolution:
    """OR-Tools routing: VRPTW with the scaled integer legs as arc costs, a time dimension
    (travel + service, waiting allowed, windows on visits, shifts on vehicles), capacity, a count
    dimension for max_jobs, allowed vehicles for skills and reach; visits optional through
    disjunction penalties unless `all_required`. First solution by cheapest arc, then guided
    local search until `seconds` are spent."""
    from ortools.constraint_solver import pywrapcp, routing_enums_pb2

    matrix, places, model = _prepared(problem)
    # OR-Tools nodes: the candidate visits, then the depots.
    depot_places = sorted({*places.start_places, *places.end_places})  # type: ignore[arg-type]
    node_places = [*model.candidates, *depot_places]
    node_of = {place: node for node, place in enumerate(node_places)}
    manager = pywrapcp.RoutingIndexManager(
        len(node_places),
        len(problem.vehicles),
        [node_of[place] for place in places.start_places],
        [node_of[place] for place in places.end_places],  # type: ignore[index]
    )
    routing = pywrapcp.RoutingModel(manager)
    job_count = len(model.candidates)
    service = [
        model.service[place] if node < job_count else 0 for node, place in enumerate(node_places)
    ]
    cost = model.travel_cost[list(node_places)][:, list(node_places)].tolist()
    travel = model.travel_time[list(node_places)][:, list(node_places)].tolist()

    # Matrices, not Python callbacks: the search then runs in C++ alone.
    arc_cost = routing.RegisterTransitMatrix(cost)
    routing.SetArcCostEvaluatorOfAllVehicles(arc_cost)
    transit_time = routing.RegisterTransitMatrix(
        [[service[origin] + leg for leg in row] for origin, row in enumerate(travel)]
    )
    horizon = max(end for _, end in model.shifts)
    routing.AddDimension(transit_time, horizon, horizon, False, "time")
    time_dimension = routing.GetDimensionOrDie("time")
    for node, job_index in enumerate(model.candidates):
        cumul = time_dimension.CumulVar(manager.NodeToIndex(node))
        windows = model.windows[job_index] or ((0, horizon),)
        cumul.SetRange(windows[0][0], windows[-1][1])
        for (_, closes), (opens, _) in itertools.pairwise(windows):
            cumul.RemoveInterval(closes + 1, opens - 1)
    for vehicle_index, (shift_start, shift_end) in enumerate(model.shifts):
        time_dimension.CumulVar(routing.Start(vehicle_index)).SetRange(shift_start, shift_end)
        time_dimension.CumulVar(routing.End(vehicle_index)).SetRange(shift_start, shift_end)
        routing.AddVariableMinimizedByFinalizer(
            time_dimension.CumulVar(routing.Start(vehicle_index))
        )
    if any(vehicle.capacity is not None for vehicle in problem.vehicles):
        demands = [
            problem.jobs[place].demand if node < job_count else 0
            for node, place in enumerate(node_places)
        ]
        unlimited = sum(demands)
        routing.AddDimensionWithVehicleCapacity(
            routing.RegisterUnaryTransitVector(demands),
            0,
            [
                vehicle.capacity if vehicle.capacity is not None else unlimited
                for vehicle in problem.vehicles
            ],
            True,
            "load",
        )
    if any(vehicle.max_jobs is not None for vehicle in problem.vehicles):
        routing.AddDimensionWithVehicleCapacity(
            routing.RegisterUnaryTransitVector(
                [1 if node < job_count else 0 for node in range(len(node_places))]
            ),
            0,
            [
                vehicle.max_jobs if vehicle.max_jobs is not None else job_count
                for vehicle in problem.vehicles
            ],
            True,
            "visits",
        )
    prizes = _visit_prize(model, problem)
    for node, job_index in enumerate(model.candidates):
        index = manager.NodeToIndex(node)
        allowed = sorted(model.allowed[job_index])
        if len(allowed) < len(problem.vehicles):
            routing.VehicleVar(index).SetValues([-1, *allowed])
        if not all_required:
            routing.AddDisjunction([index], prizes[job_index])

    parameters = pywrapcp.DefaultRoutingSearchParameters()
    parameters.first_solution_strategy = (
        routing_enums_pb2.FirstSolutionStrategy.PARALLEL_CHEAPEST_INSERTION
    )
    parameters.local_search_metaheuristic = (
        routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
    )
    parameters.time_limit.FromMilliseconds(round(seconds * 1000))
    assignment = routing.SolveWithParameters(parameters)
    orders: list[list[int]] = [[] for _ in problem.vehicles]
    if assignment is not None:
        for vehicle_index in range(len(problem.vehicles)):
            index = assignment.Value(routing.NextVar(routing.Start(vehicle_index)))
            while not routing.IsEnd(index):
                orders[vehicle_index].append(node_places[manager.IndexToNode(index)])
                index = assignment.Value(routing.NextVar(index))
    return _solution(problem, matrix, places, orders, "ortools gls")
