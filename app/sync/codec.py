"""Rows and mutations as the sync carries them: JSON values back to column values, and hashes.

An outbox payload holds a row's values as JSON (UUIDs and dates as text, money as '12.30'); the
push turns them back into the column's Python type here. A mutation's hash covers what it does
(table, row, operation, values), so the same mutation UUID with other values is recognised.
The pull reads rows in the local store's own stored form (`stored_columns`), so they go into
SQLite as they come, with no Python object made per value.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    ColumnElement,
    Date,
    Float,
    Integer,
    Table,
    Text,
    Uuid,
    cast,
    func,
    type_coerce,
)
from sqlalchemy.sql.expression import FromClause
from sqlalchemy.types import NullType

from app.store import column_types, models

# Columns the central database sets itself: never sent, never taken from a client.
SERVER_COLUMNS = frozenset({"row_version", "sync_revision", "sync_xid"})

SYNCED_TABLES: dict[str, Table] = {
    model.__tablename__: model.__table__  # type: ignore[attr-defined]
    for model in models.SYNCED_TABLES
}


def json_value(value: Any) -> Any:
    """A column value in JSON form, as `app.sync.outbox` writes payloads."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def column_value(column: Column[Any], value: Any) -> Any:
    """The Python value of `column` for its JSON form `value`; raises ValueError when malformed."""
    if value is None:
        return None
    kind = column.type
    try:
        if isinstance(kind, Uuid):
            return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
        if isinstance(kind, column_types.Money):
            if isinstance(value, float):
                raise ValueError("money must be sent as text, not as a float")
            return Decimal(str(value))
        if isinstance(kind, column_types.UtcDateTime):
            moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
            if moment.tzinfo is None:
                raise ValueError(f"{value!r} has no UTC offset")
            return moment
        if isinstance(kind, Date):
            return dt.date.fromisoformat(value) if isinstance(value, str) else value
        if isinstance(kind, Float):
            return float(value)
        if isinstance(kind, Boolean):
            if not isinstance(value, bool):
                raise ValueError(f"{value!r} is not true or false")
            return value
        if isinstance(kind, Integer) and not isinstance(value, int):
            raise ValueError(f"{value!r} is not a whole number")
    except (TypeError, ArithmeticError) as exc:
        raise ValueError(f"{value!r}: {exc}") from exc
    return value


def row_values(table: Table, payload: dict[str, Any]) -> dict[str, Any]:
    """The payload's values for `table`'s columns (server-set columns left out).

    Raises ValueError naming the column when a value is malformed or the column is unknown.
    """
    values: dict[str, Any] = {}
    for name, value in payload.items():
        if name in SERVER_COLUMNS:
            continue
        column = table.columns.get(name)
        if column is None:
            raise ValueError(f"{table.name} has no column {name!r}")
        try:
            values[name] = column_value(column, value)
        except ValueError as exc:
            raise ValueError(f"{table.name}.{name}: {exc}") from exc
    return values


def mutation_sha256(
    table_name: str, row_id: uuid.UUID, operation: str, payload: dict[str, Any]
) -> str:
    """The hash of what a mutation does; its base `row_version` is not part of it."""
    canonical = json.dumps(
        {"table": table_name, "row": str(row_id), "op": operation, "payload": payload},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def stored_columns(table: FromClause, central_dialect: str) -> list[ColumnElement[Any]]:
    """`table`'s columns as the local SQLite store keeps them, read from a central database
    (`table` is a synced table or a subquery of its rows, with the same columns).

    The values come back exactly as SQLAlchemy's bind processing would write them into SQLite
    (UUIDs as 32 hex digits, UTC times as 'YYYY-MM-DD HH:MM:SS.ffffff', money as whole fen,
    booleans as 0/1, JSON as text), made by the database and typed NullType so that nothing is
    converted on the way: a first sync of 100,000 rows spent most of its time making Python
    objects only to turn them back into these. The embedded central is SQLite with the same
    column types, so there the stored values are taken as they are.
    """
    if central_dialect == "sqlite":
        return [type_coerce(column, NullType()).label(column.name) for column in table.columns]
    return [
        type_coerce(_postgresql_stored(column), NullType()).label(column.name)
        for column in table.columns
    ]


def _postgresql_stored(column: ColumnElement[Any]) -> ColumnElement[Any]:
    kind = column.type
    if isinstance(kind, Uuid):
        return func.replace(cast(column, Text), "-", "")
    if isinstance(kind, column_types.UtcDateTime):
        return func.to_char(func.timezone("UTC", column), "YYYY-MM-DD HH24:MI:SS.US")
    if isinstance(kind, Date):
        return func.to_char(column, "YYYY-MM-DD")
    if isinstance(kind, column_types.Money):  # Percentage too: SQLite keeps hundredths
        return cast(func.round(column * 100), BigInteger)
    if isinstance(kind, Boolean):
        return cast(column, Integer)
    if isinstance(kind, JSON):
        return cast(column, Text)
    return column
