"""Benchmark: opening the case list and one filter keystroke at 10,000 and 100,000 cases.

Goals (issue 3): open ≤ 0.5 s and a keystroke ≤ 0.05 s at 100,000 cases. "Open" is building the
Cases screen on the store (the model counts the matches and loads its first page) and showing it;
"filter" is what one more typed character costs once the pause has passed: the query with the
longer search text (a COUNT and the first page). The store is a real SQLite file filled in bulk
with borrowers and cases spread like the demo's; each figure is the median of several runs.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time
import uuid
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import insert

from app.services.workspace import Workspace
from app.store import models
from tests.benchmarks import bench_record
from ui.views.cases_view import CasesView

RUNS = 7
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰"
AS_OF = dt.date(2026, 11, 23)


def _fill(workspace: Workspace, cases: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    owner = uuid.UUID(int=rng.getrandbits(128), version=4)
    with workspace.session() as session:
        session.add(
            models.AppUser(id=owner, username="zhang.wei", display_name="张伟", role="collector")
        )
    for start in range(0, cases, 10_000):
        borrowers, loans = [], []
        for number in range(start, min(cases, start + 10_000)):
            borrower_id = uuid.UUID(int=rng.getrandbits(128), version=4)
            name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2))))
            borrowers.append({"id": borrower_id, "full_name": name, "id_number": "5101" + "0" * 14})
            loans.append(
                {
                    "id": uuid.UUID(int=rng.getrandbits(128), version=4),
                    "loan_ref": f"CDL{number:07d}",
                    "borrower_id": borrower_id,
                    "principal": Decimal(rng.randint(100_000, 50_000_000)) / 100,
                    "interest": Decimal(rng.randint(0, 500_000)) / 100,
                    "penalty": Decimal(rng.randint(0, 200_000)) / 100,
                    "due_date": AS_OF - dt.timedelta(days=rng.randint(0, 400)),
                    "status": rng.choice(("open", "open", "open", "promised", "in_plan")),
                    "risk_tier": rng.choice("ABCD"),
                    "risk_score": rng.randint(0, 100),
                    "assigned_to_id": owner,
                }
            )
        with workspace.session() as session:
            session.execute(insert(models.Borrower), borrowers)
            session.execute(insert(models.LoanCase), loans)


@pytest.fixture(scope="module", params=[10_000, 100_000], ids=["10k", "100k"])
def store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Workspace]]:
    folder = tmp_path_factory.mktemp(f"cases-{request.param}") / "ws"
    with Workspace.open(folder, create=True) as workspace:
        started = time.perf_counter()
        _fill(workspace, request.param)
        print(f"filled {request.param} cases in {time.perf_counter() - started:.1f} s")
        yield {10_000: "10k", 100_000: "100k"}[request.param], workspace


def _median(runs: list[float]) -> float:
    return round(statistics.median(runs), 4)


@pytest.mark.benchmark
def test_opening_the_case_list_and_one_filter_keystroke(
    qapp: QApplication, store: tuple[str, Workspace]
) -> None:
    size, workspace = store
    opens = []
    for _ in range(RUNS):
        started = time.perf_counter()
        view = CasesView(workspace)
        view.resize(1400, 800)
        view.show()
        qapp.processEvents()
        opens.append(time.perf_counter() - started)
        view.close()
        view.deleteLater()
    qapp.processEvents()

    view = CasesView(workspace)
    view.show()
    qapp.processEvents()
    keystrokes = []
    # A collector types a surname, then one more character of the given name.
    for search in ("王", "王伟", "李", "李娜", "CDL00012", "CDL000123"):
        query = replace(view.model.query, search=search[:-1])
        view.model.set_query(query)
        started = time.perf_counter()
        view.model.set_query(replace(query, search=search))
        qapp.processEvents()
        keystrokes.append(time.perf_counter() - started)
        assert view.model.total > 0
    view.close()

    bench_record.record(
        f"case_list.open.{size}",
        _median(opens),
        "s",
        "≤ 0.5 s at 100k" if size == "100k" else None,
        f"median of {RUNS}: Cases screen built, counted, first page of 200 loaded and shown; "
        f"runs {[round(t, 3) for t in opens]}",
    )
    bench_record.record(
        f"case_list.filter.{size}",
        _median(keystrokes),
        "s",
        "≤ 0.05 s at 100k" if size == "100k" else None,
        "median over 6 keystrokes (one more character of a name or loan ref): COUNT + first "
        f"page + repaint; runs {[round(t, 4) for t in keystrokes]}",
    )
