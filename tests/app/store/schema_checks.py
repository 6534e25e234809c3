"""Checks shared by the SQLite and the PostgreSQL schema tests: every table round-trips exactly."""

from __future__ import annotations

from sqlalchemy import Engine, inspect
from sqlalchemy.orm import Session

from app.store import models
from tests.app.store import sample_rows


def column_values(row: object) -> dict[str, object]:
    return {attr.key: getattr(row, attr.key) for attr in inspect(row).mapper.column_attrs}


def assert_every_table_round_trips(engine: Engine) -> None:
    """Write one row per table, read each back in a new session, and compare every column."""
    written = sample_rows.every_table_once()
    with Session(engine, expire_on_commit=False) as session, session.begin():
        session.add_all(written)
        session.flush()  # applies the column defaults the comparison must include
        expected = {(type(row), row.id): column_values(row) for row in written}
    assert {type(row) for row in written} == set(models.SYNCED_TABLES)
    with Session(engine) as session:
        for (model, row_id), values in expected.items():
            stored = session.get(model, row_id)
            assert stored is not None, model.__tablename__
            assert column_values(stored) == values, model.__tablename__
