"""Plans the day: builds matrices, runs the engines within a time budget, keeps the best plan.

PyVRP searches on both cores (two seeds) until the budget is spent, visits being optional with
prizes that rank plans as VROOM does: priority served, then visits served, then travel. VROOM is
the other engine on request. Every visit left out gets its reason in words.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

from app.routing import integer_model, left_out, pyvrp_engine, schedule, travel_matrix, vroom_engine
from app.routing import problem as route_problem
from app.routing import solution as route_solution

logger = logging.getLogger(__name__)

DEFAULT_SECONDS = 2.0
THREADS = 2  # the laptops and CI machines have two cores
PYVRP_MIN_SECONDS = 0.05
# Time kept back for matrices, timing routes, reasons and PyVRP overrunning its stop by one
# iteration (about 0.05 s on 300 visits), so that the whole call keeps within its budget.
OVERHEAD_SECONDS = 0.1


@dataclass(frozen=True, slots=True)
class SolverOptions:
    """How to solve.

    Attributes:
        seconds: wall-clock budget for the whole call.
        engine: "auto" or "pyvrp" (PyVRP, the default), or "vroom".
        vroom_level: VROOM's exploration level (1 to 5) when it is the engine.
        threads: cores to use.
    """

    seconds: float = DEFAULT_SECONDS
    engine: str = "auto"
    vroom_level: int = 1
    threads: int = THREADS


def solve(
    problem: route_problem.RouteProblem,
    options: SolverOptions | None = None,
    matrix: travel_matrix.TravelMatrix | None = None,
) -> route_solution.RouteSolution:
    """The best plan found for `problem` within `options.seconds`. `matrix`, when given, holds
    the legs between the places of `travel_matrix.index_places(problem)` (road times from OSRM);
    otherwise they are computed from `problem.travel`."""
    options = options or SolverOptions()
    started = time.perf_counter()
    deadline = started + options.seconds - OVERHEAD_SECONDS
    places = travel_matrix.index_places(problem)
    if matrix is None:
        matrix = travel_matrix.build_matrix(problem.travel, places.places)
    model = integer_model.build_model(problem, matrix, places)

    engine = options.engine
    orders: list[list[int]] = [[] for _ in problem.vehicles]
    if model.candidates and options.engine == "vroom":
        orders = vroom_engine.solve(problem, model, options.vroom_level, options.threads)
        engine = f"vroom x{options.vroom_level}"
    elif model.candidates:
        seconds = max(deadline - time.perf_counter(), PYVRP_MIN_SECONDS)
        found = _solve_with_pyvrp(problem, model, seconds, options.threads)
        engine = "pyvrp"
        if found is not None:
            orders = found
        else:
            # Never seen on the benchmarks; a plan from the other engine beats no plan.
            logger.warning("PyVRP found no feasible plan; planning with VROOM instead")
            orders = vroom_engine.solve(problem, model, 1, options.threads)
            engine = "vroom x1"
    solution = _solution_from_orders(problem, matrix, places, model, orders, engine)
    logger.info(
        "planned %d of %d visits on %d routes in %.2f s (%s)",
        solution.summary.served,
        len(problem.jobs),
        solution.summary.vehicles_used,
        time.perf_counter() - started,
        engine,
    )
    return solution


def _solve_with_pyvrp(
    problem: route_problem.RouteProblem,
    model: integer_model.IntegerModel,
    seconds: float,
    threads: int,
) -> list[list[int]] | None:
    """PyVRP's best plan over `threads` seeds run in parallel (PyVRP releases the GIL)."""
    built = pyvrp_engine.build(problem, model, all_required=False)
    results: list[list[list[int]] | None] = [None] * max(1, threads)

    def run(slot: int) -> None:
        results[slot] = pyvrp_engine.solve(built, model, seconds, seed=slot + 1)

    workers = [threading.Thread(target=run, args=(slot,)) for slot in range(len(results))]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    feasible = [
        orders for orders in results if orders is not None and _feasible(problem, model, orders)
    ]
    if len(feasible) < len(results):
        logger.warning("PyVRP returned %d infeasible plans", len(results) - len(feasible))
    if not feasible:
        return None
    return min(feasible, key=lambda orders: _rank(problem, model, orders))


def _feasible(
    problem: route_problem.RouteProblem,
    model: integer_model.IntegerModel,
    orders: Sequence[Sequence[int]],
) -> bool:
    seen: set[int] = set()
    for vehicle_index, order in enumerate(orders):
        if seen & set(order) or len(set(order)) != len(order):
            return False
        seen.update(order)
        if not integer_model.scaled_schedule_ok(problem, model, vehicle_index, list(order)):
            return False
    return True


def _rank(
    problem: route_problem.RouteProblem,
    model: integer_model.IntegerModel,
    orders: Sequence[Sequence[int]],
) -> tuple[int, int, int]:
    """Smaller is better: more priority served, then more visits, then less travel."""
    priority = sum(problem.jobs[job].priority for order in orders for job in order)
    served = sum(len(order) for order in orders)
    cost = 0
    for vehicle_index, order in enumerate(orders):
        if not order:
            continue
        stops = [model.places.start_places[vehicle_index], *order]
        end_place = model.places.end_places[vehicle_index]
        if end_place is not None:
            stops.append(end_place)
        cost += sum(int(model.travel_cost[a, b]) for a, b in itertools.pairwise(stops))
    return (-priority, -served, cost)


def _solution_from_orders(
    problem: route_problem.RouteProblem,
    matrix: travel_matrix.TravelMatrix,
    places: travel_matrix.PlaceIndex,
    model: integer_model.IntegerModel,
    orders: Sequence[Sequence[int]],
    engine: str,
) -> route_solution.RouteSolution:
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
    del model
    return route_solution.RouteSolution(
        routes=routes,
        unassigned=unassigned,
        summary=route_solution.summarise(routes),
        engine=engine,
    )
