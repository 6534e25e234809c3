"""Conflicts decided by a person against the embedded central: keep mine, take theirs, converge."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from app.services.conflicts import MINE, THEIRS, ConflictError, ConflictService
from app.services.sync import SyncService
from app.services.workspace import Workspace
from app.store import models
from app.store.local_models import OutboxEntry
from tests.helpers import demo_copies, embedded_conflict
from tests.helpers.embedded_conflict import edit_phone_on_both_sides, phone_numbers


@pytest.fixture(scope="module")
def small_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return embedded_conflict.build_demo(tmp_path_factory.mktemp("conflicts") / "demo")


@pytest.fixture
def workspace(small_demo: Path, tmp_path: Path) -> Iterator[Workspace]:
    with demo_copies.opened_copy(small_demo, tmp_path / "demo") as workspace:
        yield workspace


@pytest.fixture
def central(workspace: Workspace) -> Iterator[Engine]:
    with demo_copies.embedded_central(workspace) as engine:
        yield engine


def _conflicted(
    workspace: Workspace, central: Engine, pushed_by: str | None = None
) -> embedded_conflict.PhoneConflict:
    service = SyncService(workspace)
    service.run()
    phone = edit_phone_on_both_sides(workspace, central, pushed_by)
    assert service.run().conflicts == 1
    return phone


def test_a_phone_edited_on_both_sides_is_one_open_conflict_with_both_values(
    workspace: Workspace, central: Engine
) -> None:
    phone = _conflicted(workspace, central)
    (conflict,) = ConflictService(workspace).open_conflicts()
    assert (conflict.table_name, conflict.row_id) == ("borrower_phone", phone.phone_id)
    assert (conflict.loan_ref, conflict.borrower_name) == (phone.loan_ref, phone.borrower_name)
    assert [(f.field, f.mine, f.theirs) for f in conflict.fields] == [
        ("number", embedded_conflict.MINE, embedded_conflict.THEIRS)
    ]
    assert conflict.central_arrived and conflict.central_version == 2
    assert conflict.changed_at is not None and conflict.conflict_id is not None
    # The central number was written straight into the central database, not pushed.
    assert conflict.author_recorded and conflict.changed_by is None
    with Session(central) as session:
        recorded = session.scalars(select(models.SyncConflict)).one()
    assert (recorded.central_changed_by, recorded.central_changed_at) == (None, None)
    assert ConflictService(workspace).open_count() == 1
    # Until a person decides, the central value stays where it is.
    assert phone_numbers(workspace, central, phone.phone_id) == (
        embedded_conflict.THEIRS,
        2,
        embedded_conflict.THEIRS,
        2,
    )


def test_a_conflict_names_the_lead_whose_push_wrote_the_central_version(
    workspace: Workspace, central: Engine
) -> None:
    started = models.utc_now()
    _conflicted(workspace, central, pushed_by=embedded_conflict.LEAD)
    (conflict,) = ConflictService(workspace).open_conflicts()
    assert conflict.author_recorded and conflict.changed_by == embedded_conflict.LEAD
    with Session(central) as session:
        recorded = session.scalars(select(models.SyncConflict)).one()
        pushed = session.scalars(
            select(models.SyncMutation).where(
                models.SyncMutation.pushed_by == embedded_conflict.LEAD
            )
        ).one()
    assert recorded.pushed_by == "zhang.wei"
    assert recorded.central_changed_by == embedded_conflict.LEAD
    assert recorded.central_changed_at == pushed.received_at
    assert recorded.central_changed_at is not None and recorded.central_changed_at >= started


def test_keeping_mine_reapplies_it_on_the_central_version_and_the_stores_converge(
    workspace: Workspace, central: Engine
) -> None:
    phone = _conflicted(workspace, central)
    service = ConflictService(workspace)
    (conflict,) = service.open_conflicts()
    new_edit = service.keep_mine(conflict.mutation_id)
    assert service.open_conflicts() == []
    with workspace.session() as session:
        queued = session.get_one(OutboxEntry, new_edit)
        assert (queued.state, queued.base_row_version) == ("pending", 2)
    (decision,) = service.decided()
    assert (decision.decision, decision.decided_by) == (MINE, "zhang.wei")
    assert decision.mine == {"number": embedded_conflict.MINE}
    assert decision.theirs == {"number": embedded_conflict.THEIRS}
    report = SyncService(workspace).run()
    assert (report.conflicts, report.rejected) == (0, 0)
    assert phone_numbers(workspace, central, phone.phone_id) == (
        embedded_conflict.MINE,
        3,
        embedded_conflict.MINE,
        3,
    )
    with Session(central) as session:
        event = session.scalars(
            select(models.AuditEvent).where(models.AuditEvent.action == "conflict_decided")
        ).one()
    assert event.detail["decision"] == MINE and event.entity_id == str(phone.phone_id)


def test_taking_theirs_drops_my_edit_and_the_stores_converge(
    workspace: Workspace, central: Engine
) -> None:
    phone = _conflicted(workspace, central)
    service = ConflictService(workspace)
    (conflict,) = service.open_conflicts()
    service.take_theirs(conflict.mutation_id)
    assert service.open_conflicts() == []
    assert SyncService(workspace).refused_changes() == []
    (decision,) = service.decided()
    assert (decision.decision, decision.new_mutation_id) == (THEIRS, None)
    assert decision.mine == {"number": embedded_conflict.MINE}
    report = SyncService(workspace).run()
    assert (report.pushed, report.conflicts) == (1, 0)  # the decision's audit event
    assert phone_numbers(workspace, central, phone.phone_id) == (
        embedded_conflict.THEIRS,
        2,
        embedded_conflict.THEIRS,
        2,
    )


def test_keeping_mine_after_the_central_row_moved_again_is_a_new_conflict_not_an_overwrite(
    workspace: Workspace, central: Engine
) -> None:
    phone = _conflicted(workspace, central)
    service = ConflictService(workspace)
    (conflict,) = service.open_conflicts()
    service.keep_mine(conflict.mutation_id)
    with Session(central) as session, session.begin():
        row = session.get_one(models.BorrowerPhone, phone.phone_id)
        row.number = "13600000003"
    report = SyncService(workspace).run()
    assert report.conflicts == 1
    with Session(central) as session:
        assert session.get_one(models.BorrowerPhone, phone.phone_id).number == "13600000003"
        assert session.scalar(select(func.count()).select_from(models.SyncConflict)) == 2
    (again,) = service.open_conflicts()
    assert [(f.mine, f.theirs) for f in again.fields] == [(embedded_conflict.MINE, "13600000003")]


def test_a_decided_conflict_cannot_be_decided_again(workspace: Workspace, central: Engine) -> None:
    _conflicted(workspace, central)
    service = ConflictService(workspace)
    (conflict,) = service.open_conflicts()
    service.take_theirs(conflict.mutation_id)
    with pytest.raises(ConflictError, match="no open conflict"):
        service.keep_mine(conflict.mutation_id)
