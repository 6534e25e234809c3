"""Benchmark: importing a 100,000-row cases CSV into a PostgreSQL central database.

Goal (issue 7, item 9): `import.cases.100k` ≤ 10 s. The central database is a fresh PostgreSQL
database upgraded to the central schema, with one team, its lead and two collectors. The file
is written by the csv module in the documented column layout (UTF-8, thousands separators in
some amounts, three date spellings, a tenth of the borrowers holding two loans, two thirds of the
rows assigned); the figure is `ImportService.run` on it, from opening the file to the commit, as
a lead's `fieldcollect admin import` runs it. The detail also gives the same file imported a
second time (every row unchanged: the idempotent path), the importing process's own CPU time
(the rest of the wall time is PostgreSQL: COPY, the sync triggers, the foreign keys checked at
commit) and the machine's load average, since the two cores are shared. One run each; no timing
is asserted.

`as_lead_s` is the same file imported by a team lead as himself, as the import wizard does:
his own login role under Row-Level Security (so no COPY: the rows go as column arrays, and every
row is checked against the policies), into a fresh central database set up by
`fieldcollect admin init-central` with its users added by `admin add-user`.

`database_floor_s` is what the server alone needs for the same rows: the five tables the import
wrote (borrowers, phones, addresses, cases, assignment history), copied out of the imported
database and COPYed in binary form, in one transaction with its commit, into a second fresh
central database holding the same team and users: its indexes, sync triggers and foreign keys,
no Python work. An import cannot be faster than that on this machine.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import random
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, func, select

from app.services.portfolio_import import ImportService
from app.store import models, schema_upgrade
from tests.app.services.test_portfolio_import import add_team_and_users
from tests.app.sync.central_world import central_world
from tests.benchmarks import bench_record
from tests.helpers import postgres

pytestmark = [pytest.mark.benchmark, pytest.mark.postgres]

ROWS = 100_000
AS_OF = dt.date(2026, 11, 23)
HEADER = (
    "loan_ref",
    "borrower_name",
    "id_number",
    "phone",
    "address",
    "lat",
    "lon",
    "product",
    "principal",
    "interest",
    "penalty",
    "due_date",
    "assigned_to",
)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰"
PRODUCTS = ("个人消费贷", "信用卡分期", "现金贷", "小微经营贷")
COLLECTORS = ("zhang.wei", "wang.fang", "")


def write_cases_csv(path: Path, rows: int, seed: int = 7) -> Path:
    """A cases file of `rows` distinct loans; about one borrower in ten holds two of them."""
    rng = random.Random(seed)
    borrowers: list[tuple[str, str, str, str, float, float]] = []
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for number in range(rows):
            if borrowers and rng.random() < 0.1:
                name, id_number, phone, address, lat, lon = rng.choice(borrowers)
            else:
                name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2))))
                id_number = f"510104{rng.randint(1960, 2000)}{number:08d}"
                phone = f"13{rng.randint(0, 999_999_999):09d}"
                address = f"四川省成都市武侯区科华北路{rng.randint(1, 400)}号{number}"
                lat = round(30.55 + rng.random() * 0.2, 5)
                lon = round(103.95 + rng.random() * 0.2, 5)
                borrowers.append((name, id_number, phone, address, lat, lon))
            principal = rng.randint(100_000, 50_000_000) / 100
            due = AS_OF - dt.timedelta(days=rng.randint(1, 400))
            due_text = rng.choice(
                (due.isoformat(), f"{due.year}/{due.month}/{due.day}", f"{due:%Y-%m-%d}")
            )
            writer.writerow(
                (
                    f"CDL{number:07d}",
                    name,
                    id_number,
                    phone,
                    address,
                    lat,
                    lon,
                    rng.choice(PRODUCTS),
                    f"{principal:,.2f}" if rng.random() < 0.3 else f"{principal:.2f}",
                    f"{rng.randint(0, 500_000) / 100:.2f}",
                    f"{rng.randint(0, 200_000) / 100:.2f}",
                    due_text,
                    rng.choice(COLLECTORS),
                )
            )
    return path


@pytest.fixture
def central() -> Iterator[Engine]:
    with postgres.fresh_database("fc_bench") as url:
        engine = create_engine(url)
        try:
            schema_upgrade.upgrade(engine, schema_upgrade.SchemaKind.CENTRAL)
            add_team_and_users(engine)
            yield engine
        finally:
            engine.dispose()


def test_import_of_100k_cases(central: Engine, tmp_path: Path) -> None:
    started = time.perf_counter()
    file = write_cases_csv(tmp_path / "cases-100k.csv", ROWS)
    written = time.perf_counter() - started
    service = ImportService(central)

    load = os.getloadavg()[0]
    started, cpu = time.perf_counter(), time.process_time()
    first = service.run(file, as_of=AS_OF, by_username="li.na")
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    started = time.perf_counter()
    again = service.run(file, as_of=AS_OF, by_username="li.na")
    again_seconds = time.perf_counter() - started

    floor = _database_floor(central)
    as_lead = _as_lead(file, tmp_path)

    with central.connect() as connection:
        cases = connection.execute(select(func.count()).select_from(models.LoanCase)).scalar()
        borrowers = connection.execute(select(func.count()).select_from(models.Borrower)).scalar()
    assert first.created == ROWS and cases == ROWS
    assert (again.created, again.updated, again.unchanged) == (0, 0, ROWS)
    bench_record.record(
        "import.cases.100k",
        round(seconds, 2),
        "s",
        "<= 10 s",
        {
            "central": "PostgreSQL (fresh database, central schema, one team)",
            "file_mb": round(file.stat().st_size / 1e6, 1),
            "cases": cases,
            "borrowers": borrowers,
            "python_cpu_s": round(cpu_seconds, 2),
            "reimport_unchanged_s": round(again_seconds, 2),
            "database_floor_s": round(floor, 2),
            "as_lead_s": round(as_lead, 2),
            "load_average_1min_before": round(load, 2),
            "file_written_s": round(written, 2),
        },
    )


# What the import writes, parents first; the team and users come along for the foreign keys.
_FLOOR_TABLES = (
    models.Team,
    models.AppUser,
    models.Borrower,
    models.LoanCase,
    models.BorrowerPhone,
    models.BorrowerAddress,
    models.CaseAssignment,
)


def _database_floor(imported: Engine) -> float:
    """Seconds the server takes to store the imported rows by themselves (see the docstring)."""
    source = imported.raw_connection()
    dumps: list[tuple[str, str, bytes]] = []
    try:
        with source.cursor() as cursor:
            for model in _FLOOR_TABLES:
                table = model.__table__
                names = ", ".join(
                    f'"{column.name}"'
                    for column in table.columns
                    if column.name not in ("sync_xid", "sync_revision")
                )
                with cursor.copy(
                    f'COPY (SELECT {names} FROM "{table.name}") TO STDOUT (FORMAT BINARY)'
                ) as copy:
                    dumps.append((table.name, names, b"".join(bytes(block) for block in copy)))
    finally:
        source.close()
    with postgres.fresh_database("fc_bench") as url:
        engine = create_engine(url)
        try:
            schema_upgrade.upgrade(engine, schema_upgrade.SchemaKind.CENTRAL)
            target = engine.raw_connection()
            try:
                started = time.perf_counter()
                with target.cursor() as cursor:
                    for name, names, data in dumps:
                        with cursor.copy(
                            f'COPY "{name}" ({names}) FROM STDIN (FORMAT BINARY)'
                        ) as copy:
                            copy.write(data)
                target.commit()
                return time.perf_counter() - started
            finally:
                target.close()
        finally:
            engine.dispose()


def _as_lead(file: Path, tmp_path: Path) -> float:
    """Seconds a lead's own import of `file` takes (see the docstring)."""
    with central_world(tmp_path / "as-lead") as world:
        lead = world.user("lena", "lead", "North")
        logins = {
            name: world.user(name.replace(".", "_"), "collector", "North")
            for name in COLLECTORS
            if name
        }
        text = file.read_text(encoding="utf-8")
        for name, login in logins.items():
            text = text.replace(f",{name}\n", f",{login}\n")
        own = tmp_path / "as-lead.csv"
        own.write_text(text, encoding="utf-8")
        service = ImportService(world.engine_as(lead))
        started = time.perf_counter()
        result = service.run(own, as_of=AS_OF, by_username=lead)
        seconds = time.perf_counter() - started
        assert result.created == ROWS
        return seconds
