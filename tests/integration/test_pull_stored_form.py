"""The pull reads PostgreSQL rows in the SQLite store's own stored form (`codec.stored_columns`):
every column of every table must read back locally exactly as the central database has it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services.workspace import Workspace
from app.store import models
from app.sync import codec, handshake, pull
from tests.app.store import sample_rows
from tests.app.sync.central_world import World, central_world

pytestmark = pytest.mark.postgres


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with central_world(tmp_path) as world:
        yield world


def test_every_column_of_every_table_reads_back_locally_as_the_central_database_has_it(
    world: World, tmp_path: Path
) -> None:
    admin = world.user("root", "admin")
    with Session(world.engine) as session, session.begin():
        session.add_all(sample_rows.every_table_once())
    central = world.engine_as(admin)
    with central.connect() as connection:
        viewer = handshake.viewer(connection, admin)
    with Workspace.open(tmp_path / "ws", create=True) as workspace:
        report = pull.pull(workspace.engine, central, viewer)
        assert report.rows.keys() >= set(codec.SYNCED_TABLES)
        for name, table in codec.SYNCED_TABLES.items():
            with central.connect() as connection:
                there = {row.id: tuple(row) for row in connection.execute(select(table))}
            with workspace.engine.connect() as connection:
                here = {row.id: tuple(row) for row in connection.execute(select(table))}
            assert here == there, name
        # Values a format slip would break: hundredths, JSON with text, microseconds.
        with workspace.session() as session:
            user = session.scalars(
                select(models.AppUser).where(models.AppUser.username == "zhang.wei")
            ).one()
            address = session.scalars(select(models.BorrowerAddress)).one()
            contact = session.scalars(select(models.Contact)).first()
            assert str(user.waiver_authority_pct) == "20.50"
            assert address.availability[0]["from"] == "10:00"
            assert contact is not None and contact.contacted_at.tzinfo is not None
