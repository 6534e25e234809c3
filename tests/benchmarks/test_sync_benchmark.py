"""Benchmark: the first sync of 10,000 cases, a raw COPY of the same rows, a push of 500 contacts.

Goals (issue 4, item 12): the first sync ≤ 3 s, the push ≤ 0.5 s. The central database is a
fresh one made by `init-central` (a copy of the test run's template, see
`tests/app/sync/central_world.py`) with one team and one collector who logs in with his own login
role and password; it and the role are dropped afterwards. 10,000 cases assigned to the collector,
each with its borrower, 1 phone, 1 address, 3 payments and 5 contacts (120,000 rows), are written
in bulk (multi-row INSERTs) as the server's superuser.

- `sync.initial.10k`: `SyncService.run` into an empty local store (the workspace holds the login
  state `SyncService.login` writes, but has never pulled: cursor 0, so this is the first sync).
- `sync.copy_baseline.10k`: the floor — `COPY (SELECT * FROM t) TO STDOUT` of every synced table,
  as the collector (so Row-Level Security gives the same slice), read to the end by psycopg, in
  the same run. No parsing, no local writes.
- `sync.push.500`: 500 contacts recorded offline through `VisitService.record_contact` (one outbox
  entry each), then `SyncService.run` timed: push, and the pull that follows it.

Each figure is one run (a first sync can only happen once per store); no timing is asserted.
The pull reads up to the server's oldest running transaction (DESIGN.md, sync contract 1), so on
a shared server the timing starts only once every transaction older than the seed has ended:
otherwise the first sync would rightly copy only part of it.
"""

from __future__ import annotations

import datetime as dt
import os
import time
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import func, insert, select

from app.services.sync import STATE_SERVER_USER
from app.services.visits import VisitService
from app.services.workspace import STATE_SERVER_URL, STATE_USER_ID, Workspace
from app.store import models
from app.store.local_models import OutboxEntry
from app.sync import codec
from tests.app.sync.central_world import PASSWORD, World, central_world
from tests.benchmarks import bench_record

pytestmark = pytest.mark.postgres

CASES = 10_000
PAYMENTS_PER_CASE = 3
CONTACTS_PER_CASE = 5
PUSHED = 500
BATCH = 2_000
AT = dt.datetime(2026, 11, 20, 2, 30, tzinfo=dt.UTC)
DAY = dt.date(2026, 11, 23)


def _seed(world: World, collector: str, team: str) -> dict[str, int]:
    """10,000 cases of `collector` with borrower, phone, address, payments, contacts; in bulk."""
    collector_id = world.user_id(collector)
    team_id = world.team_id(team)
    counts: dict[str, int] = {}
    with world.engine.begin() as connection:
        for start in range(0, CASES, BATCH):
            rows: dict[Any, list[dict[str, Any]]] = {
                models.Borrower: [],
                models.BorrowerPhone: [],
                models.BorrowerAddress: [],
                models.LoanCase: [],
                models.Payment: [],
                models.Contact: [],
            }
            for number in range(start, min(CASES, start + BATCH)):
                borrower_id, case_id = uuid.uuid4(), uuid.uuid4()
                rows[models.Borrower].append(
                    {
                        "id": borrower_id,
                        "full_name": f"借款人{number}",
                        "id_number": f"5101041990{number:08d}",
                        "safety_flags": [],
                    }
                )
                rows[models.BorrowerPhone].append(
                    {
                        "id": uuid.uuid4(),
                        "borrower_id": borrower_id,
                        "number": f"138{number:08d}",
                        "is_primary": True,
                    }
                )
                rows[models.BorrowerAddress].append(
                    {
                        "id": uuid.uuid4(),
                        "borrower_id": borrower_id,
                        "address_text": f"成都市武侯区{number}号",
                        "city": "成都",
                        "lat": 30.6 + number / 1e6,
                        "lon": 104.0 + number / 1e6,
                        "availability": [],
                        "safety_flags": [],
                        "is_primary": True,
                    }
                )
                rows[models.LoanCase].append(
                    {
                        "id": case_id,
                        "loan_ref": f"BENCH{number:07d}",
                        "borrower_id": borrower_id,
                        "principal": Decimal("1000.00") + number,
                        "interest": Decimal("10.50"),
                        "penalty": Decimal("0.00"),
                        "due_date": DAY - dt.timedelta(days=number % 400),
                        "assigned_to_id": collector_id,
                        "team_id": team_id,
                    }
                )
                for seq in range(PAYMENTS_PER_CASE):
                    rows[models.Payment].append(
                        {
                            "id": uuid.uuid4(),
                            "case_id": case_id,
                            "paid_at": AT - dt.timedelta(days=30 * (seq + 1)),
                            "amount": Decimal("100.00") + seq,
                            "channel": "bank_transfer",
                            "external_ref": f"PAY{number:07d}-{seq}",
                        }
                    )
                for attempt in range(CONTACTS_PER_CASE):
                    rows[models.Contact].append(
                        {
                            "id": uuid.uuid4(),
                            "case_id": case_id,
                            "user_id": collector_id,
                            "channel": "phone",
                            "contacted_at": AT - dt.timedelta(days=attempt + 1),
                            "outcome": "not_home",
                        }
                    )
            for model, batch in rows.items():
                connection.execute(insert(model), batch)
                counts[model.__tablename__] = counts.get(model.__tablename__, 0) + len(batch)
    return counts


def _log_in_without_syncing(world: World, workspace: Workspace, username: str) -> None:
    """Write the state `SyncService.login` writes before its first sync (the password is given
    to `run` directly, as `login` does)."""
    server = world.url._replace(username=None, password=None)
    workspace.set_state(STATE_SERVER_URL, server.render_as_string(hide_password=True))
    workspace.set_state(STATE_SERVER_USER, username)
    workspace.set_state(STATE_USER_ID, str(world.user_id(username)))


def _copy_baseline(world: World, username: str) -> tuple[float, int, int]:
    """Seconds, rows and bytes of a raw COPY of every synced table as `username`."""
    url = world.url.set(drivername="postgresql", username=username, password=PASSWORD)
    conninfo = url.render_as_string(hide_password=False)
    started = time.perf_counter()
    rows = size = 0
    with psycopg.connect(conninfo) as connection, connection.cursor() as cursor:
        for name in codec.SYNCED_TABLES:
            with cursor.copy(f'COPY (SELECT * FROM "{name}") TO STDOUT') as copy:
                for block in copy:
                    rows += bytes(block).count(b"\n")
                    size += len(block)
    return time.perf_counter() - started, rows, size


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with central_world(tmp_path) as world:
        yield world


@pytest.mark.benchmark
def test_first_sync_of_10k_cases_and_a_push_of_500_contacts(world: World, tmp_path: Path) -> None:
    collector = world.user("bench", "collector", "North")
    started = time.perf_counter()
    seeded = _seed(world, collector, "North")
    print(f"seeded {sum(seeded.values())} rows centrally in {time.perf_counter() - started:.1f} s")

    # (a) the first sync into an empty store.
    with Workspace.open(tmp_path / "ws", create=True) as workspace:
        _measure(world, workspace, collector, seeded)


def _measure(world: World, workspace: Workspace, collector: str, seeded: dict[str, int]) -> None:
    _log_in_without_syncing(world, workspace, collector)
    service = world.sync_service(workspace)
    load_before = os.getloadavg()[0]
    started, cpu_started = time.perf_counter(), time.process_time()
    report = service.run(password=PASSWORD)
    initial = time.perf_counter() - started
    initial_cpu = time.process_time() - cpu_started
    with workspace.session() as session:
        local_cases = session.scalar(select(func.count()).select_from(models.LoanCase))
        local_contacts = session.scalar(select(func.count()).select_from(models.Contact))
    assert local_cases == CASES
    assert local_contacts == CASES * CONTACTS_PER_CASE
    assert report.pulled_rows >= sum(seeded.values())

    # (b) the floor: the same slice read raw with COPY, in the same run.
    copy_seconds, copy_rows, copy_bytes = _copy_baseline(world, collector)
    assert copy_rows == report.pulled_rows

    # (c) 500 contacts recorded offline, then pushed.
    with workspace.session() as session:
        case_ids = session.scalars(
            select(models.LoanCase.id).order_by(models.LoanCase.loan_ref).limit(PUSHED)
        ).all()
    visits = VisitService(workspace, current_date=lambda: DAY)
    for case_id in case_ids:
        visits.record_contact(
            case_id, "visit", "not_home", dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)
        )
    with workspace.session() as session:
        queued = session.scalar(select(func.count()).select_from(OutboxEntry))
    started = time.perf_counter()
    pushed = service.run(password=PASSWORD)
    push_seconds = time.perf_counter() - started
    assert pushed.rejected == 0 and pushed.conflicts == 0
    assert pushed.pushed == queued
    with world.engine.connect() as connection:
        central_contacts = connection.scalar(select(func.count()).select_from(models.Contact))
    assert central_contacts == CASES * CONTACTS_PER_CASE + PUSHED

    bench_record.record(
        "sync.initial.10k",
        round(initial, 3),
        "s",
        "≤ 3 s",
        {
            "rows": report.pulled_rows,
            "rows_per_s": round(report.pulled_rows / initial),
            "client_cpu_s": round(initial_cpu, 3),
            "load_average_1min": round(load_before, 2),
            "seeded": seeded,
            "what": "SyncService.run into an empty local store (never pulled) as the collector, "
            "over TCP to PostgreSQL 15 on 127.0.0.1: handshake, push (nothing), pull of the "
            "whole visible slice into SQLite, list columns of 10,000 cases recomputed",
        },
    )
    bench_record.record(
        "sync.copy_baseline.10k",
        round(copy_seconds, 3),
        "s",
        None,
        {
            "rows": copy_rows,
            "rows_per_s": round(copy_rows / copy_seconds),
            "bytes": copy_bytes,
            "what": "COPY (SELECT * FROM t) TO STDOUT of every synced table as the collector "
            "(same RLS slice), read fully by psycopg, same run; no parsing, no local writes",
            "sync_vs_copy": round(initial / copy_seconds, 1),
        },
    )
    bench_record.record(
        "sync.push.500",
        round(push_seconds, 3),
        "s",
        "≤ 0.5 s",
        {
            "contacts": PUSHED,
            "outbox_entries": queued,
            "rows_per_s": round(queued / push_seconds),
            "pulled_back_rows": pushed.pulled_rows,
            "what": "SyncService.run after 500 contacts recorded offline with "
            "VisitService.record_contact (one outbox entry each): push, then "
            "the pull that follows it",
        },
    )
