"""Benchmark: computing the lead's reports over 100,000 cases in his local store.

Goal (issue 7, item 9): `reports.100k` ≤ 1 s. The store is a real SQLite workspace filled in bulk
(multi-row INSERTs, no demo generator): one team of 20 collectors, 100,000 cases with their
borrowers and addresses (due dates spread over 400 days, 2 % closed during the period), 60,000
payments, 30,000 promises, 120,000 contacts and 8,000 visits of which 6,000 are on planned
routes. The figure is `ReportService.compute` for the team over a quarter (three month ends):
every figure of the report; the median of 5 runs after one warm-up; no timing is asserted.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import time
import uuid
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import insert

from app.domain import vocabulary
from app.services.reports import ReportFilter, ReportService
from app.services.workspace import STATE_USER_ID, Workspace
from app.store import models
from tests.benchmarks import bench_record

pytestmark = pytest.mark.benchmark

CASES = 100_000
COLLECTORS = 20
RUNS = 5
START, END = dt.date(2026, 9, 1), dt.date(2026, 11, 30)
OUTCOMES = [outcome.code for outcome in vocabulary.DEFAULT_OUTCOMES]


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _moment(rng: random.Random, first: dt.date, days: int) -> dt.datetime:
    day = first + dt.timedelta(days=rng.randrange(days))
    return dt.datetime.combine(day, dt.time(rng.randrange(24)), dt.UTC)


def _fill(workspace: Workspace, seed: int = 7) -> uuid.UUID:
    """The team, its collectors and 100,000 cases with their facts; returns the team's id."""
    rng = random.Random(seed)
    team_id = _uuid(rng)
    collectors = [_uuid(rng) for _ in range(COLLECTORS)]
    lead = _uuid(rng)
    with workspace.session() as session:
        session.execute(
            insert(models.Team),
            [{"id": team_id, "name": "成都外访一组", "office_lat": 30.65, "office_lon": 104.06}],
        )
        session.execute(
            insert(models.AppUser),
            [{"id": lead, "username": "li.na", "display_name": "李娜", "role": "lead",
              "team_id": team_id}]
            + [
                {"id": user_id, "username": f"c{n:02d}", "display_name": f"催收员{n:02d}",
                 "role": "collector", "team_id": team_id,
                 "home_lat": 30.55 + rng.random() * 0.2, "home_lon": 103.95 + rng.random() * 0.2}
                for n, user_id in enumerate(collectors)
            ],
        )  # fmt: skip
    workspace.set_state(STATE_USER_ID, str(lead))
    case_ids: list[uuid.UUID] = []
    addresses: list[uuid.UUID] = []
    holders: list[uuid.UUID] = []
    batch = 10_000
    for first in range(0, CASES, batch):
        rows: dict[Any, list[dict[str, Any]]] = {
            models.Borrower: [],
            models.BorrowerAddress: [],
            models.LoanCase: [],
        }
        for number in range(first, first + batch):
            borrower_id, address_id, case_id = _uuid(rng), _uuid(rng), _uuid(rng)
            holder = collectors[number % COLLECTORS]
            closed = rng.random() < 0.02
            rows[models.Borrower].append(
                {
                    "id": borrower_id,
                    "full_name": f"借款人{number}",
                    "id_number": f"5101{number:014d}",
                }
            )
            rows[models.BorrowerAddress].append(
                {
                    "id": address_id,
                    "borrower_id": borrower_id,
                    "address_text": f"地址{number}",
                    "lat": 30.55 + rng.random() * 0.2,
                    "lon": 103.95 + rng.random() * 0.2,
                }
            )
            rows[models.LoanCase].append(
                {"id": case_id, "loan_ref": f"CDL{number:07d}", "borrower_id": borrower_id,
                 "principal": Decimal(rng.randint(100_000, 5_000_000)) / 100,
                 "interest": Decimal(rng.randint(0, 50_000)) / 100,
                 "penalty": Decimal(rng.randint(0, 20_000)) / 100,
                 "due_date": END - dt.timedelta(days=rng.randint(-30, 400)),
                 "status": "closed" if closed else "open",
                 "closed_at": _moment(rng, START, 90) if closed else None,
                 "assigned_to_id": holder, "team_id": team_id}
            )  # fmt: skip
            case_ids.append(case_id)
            addresses.append(address_id)
            holders.append(holder)
        with workspace.session() as session:
            for model, values in rows.items():
                session.execute(insert(model), values)
    picks = range(CASES)
    with workspace.session() as session:
        session.execute(
            insert(models.Payment),
            [
                {"case_id": case_ids[n], "paid_at": _moment(rng, dt.date(2026, 6, 1), 200),
                 "amount": Decimal(rng.randint(10_000, 500_000)) / 100, "channel": "bank"}
                for n in rng.choices(picks, k=60_000)
            ],
        )  # fmt: skip
        session.execute(
            insert(models.PromiseToPay),
            [
                {"case_id": case_ids[n], "user_id": holders[n], "amount": Decimal("500"),
                 "promised_date": START + dt.timedelta(days=rng.randrange(100)),
                 "status": rng.choice(("kept", "broken", "open", "cancelled"))}
                for n in rng.choices(picks, k=30_000)
            ],
        )  # fmt: skip
        session.execute(
            insert(models.Contact),
            [
                {"case_id": case_ids[n], "user_id": holders[n], "channel": "visit",
                 "contacted_at": _moment(rng, dt.date(2026, 8, 1), 130),
                 "outcome": rng.choice(OUTCOMES)}
                for n in rng.choices(picks, k=120_000)
            ],
        )  # fmt: skip
        visits = []
        for order, n in enumerate(rng.choices(picks, k=8_000)):
            routed = order < 6_000
            visits.append(
                {"case_id": case_ids[n], "user_id": holders[n], "address_id": addresses[n],
                 "planned_date": START + dt.timedelta(days=order % 91),
                 "status": rng.choice(("completed", "completed", "planned", "cancelled")),
                 "route_order": order % 8 + 1 if routed else None}
            )  # fmt: skip
        session.execute(insert(models.Visit), visits)
    return team_id


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workspace, uuid.UUID]]:
    folder = tmp_path_factory.mktemp("reports-100k") / "ws"
    with Workspace.open(folder, create=True) as workspace:
        started = time.perf_counter()
        team_id = _fill(workspace)
        print(f"filled {CASES} cases in {time.perf_counter() - started:.1f} s")
        yield workspace, team_id


def test_reports_over_100k_cases(store: tuple[Workspace, uuid.UUID]) -> None:
    workspace, team_id = store
    service = ReportService(workspace)
    chosen = ReportFilter(team_id=team_id, start=START, end=END)
    report = service.compute(chosen)  # warm-up: the file's pages into the OS cache
    timings, cpu = [], []
    load = os.getloadavg()[0]
    for _ in range(RUNS):
        started, cpu_started = time.perf_counter(), time.process_time()
        service.compute(chosen)
        timings.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
    assert sum(point.count for point in report.aging if point.month_end == END) > 90_000
    assert report.recovered > 0 and report.travel
    median = statistics.median(timings)
    bench_record.record(
        "reports.100k",
        round(median, 3),
        "s",
        "<= 1 s",
        f"median of {RUNS} runs of ReportService.compute for one team over a quarter (3 month "
        f"ends) on a SQLite store of {CASES} cases, 60,000 payments, 30,000 promises, 120,000 "
        f"contacts, 8,000 visits; min {min(timings):.3f} s, max {max(timings):.3f} s; CPU time "
        f"(SQLite runs in the process) median {statistics.median(cpu):.3f} s; load average "
        f"{load:.2f} on 2 shared cores",
    )
