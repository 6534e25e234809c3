"""Conflicts decided against a real PostgreSQL: a collector's and a lead's laptops converge."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.services.conflicts import ConflictService
from app.services.workspace import Workspace
from app.store import models
from app.sync import outbox
from tests.app.sync.central_world import World, central_world

pytestmark = pytest.mark.postgres

MINE = "13900000001"
THEIRS = "13700000002"


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with central_world(tmp_path) as world:
        yield world


def _settle(world: World) -> None:
    """Wait until every transaction committed so far is inside the next pull's window (another
    engineer's transaction on a shared server holds the window back; it never loses rows)."""
    with world.engine.connect() as connection:
        now = connection.scalar(text("SELECT pg_current_xact_id()::text::bigint"))
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        with world.engine.connect() as connection:
            oldest = connection.scalar(
                text("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
            )
        if oldest > now:
            return
        time.sleep(0.2)
    pytest.fail("a transaction kept the pull's window back for 5 minutes")


def _sync(world: World, workspace: Workspace) -> object:
    _settle(world)
    return world.sync_service(workspace).run()


def _phone(workspace: Workspace, phone_id: uuid.UUID) -> tuple[str, int]:
    with workspace.session() as session:
        phone = session.get_one(models.BorrowerPhone, phone_id)
        return phone.number, phone.row_version


def _edit_on_both_laptops(world: World) -> tuple[Workspace, Workspace, uuid.UUID]:
    alice = world.user("alice", "collector", "North")
    lena = world.user("lena", "lead", "North")
    world.seed_cases(alice, "North", 1, contacts=0)
    _settle(world)
    collector, lead = world.workspace(alice), world.workspace(lena)
    for workspace, number in ((collector, MINE), (lead, THEIRS)):
        with workspace.session() as session:
            phone = session.scalars(select(models.BorrowerPhone)).one()
            phone.number = number
            phone.updated_at = models.utc_now()
            outbox.enqueue(session, phone, "update")
            phone_id = phone.id
    assert _sync(world, lead).pushed == 1
    assert _sync(world, collector).conflicts == 1
    return collector, lead, phone_id


@pytest.mark.parametrize("keep_mine", [True, False])
def test_a_phone_edited_on_two_laptops_is_decided_once_and_every_store_converges(
    world: World, keep_mine: bool
) -> None:
    collector, lead, phone_id = _edit_on_both_laptops(world)
    conflicts = ConflictService(collector)
    (conflict,) = conflicts.open_conflicts()
    assert [(f.field, f.mine, f.theirs) for f in conflict.fields] == [("number", MINE, THEIRS)]
    if keep_mine:
        conflicts.keep_mine(conflict.mutation_id)
    else:
        conflicts.take_theirs(conflict.mutation_id)
    report = _sync(world, collector)
    assert (report.conflicts, report.rejected) == (0, 0)
    _sync(world, lead)
    expected = (MINE, 3) if keep_mine else (THEIRS, 2)
    with Session(world.engine) as session:
        central = session.get_one(models.BorrowerPhone, phone_id)
        assert (central.number, central.row_version) == expected
        decided = session.scalars(
            select(models.AuditEvent).where(models.AuditEvent.action == "conflict_decided")
        ).one()
    assert _phone(collector, phone_id) == _phone(lead, phone_id) == expected
    assert decided.detail["decision"] == ("mine" if keep_mine else "theirs")
    assert conflicts.open_conflicts() == []
