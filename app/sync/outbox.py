"""The local outbox: every change written to the local store is queued here in the same transaction.

An entry carries the mutation's UUID and the row's column values as JSON, so the push can send it
exactly once. This module only appends entries; pushing them is the sync protocol's job.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from app.store.local_models import OutboxEntry
from app.store.models import SyncedRow
from app.sync import codec


def row_payload(row: SyncedRow) -> dict[str, Any]:
    """The row's column values in JSON form (UUIDs and dates as text, money as '12.30')."""
    return {
        attr.key: codec.json_value(getattr(row, attr.key))
        for attr in inspect(row).mapper.column_attrs
    }


def _case_id_of(row: SyncedRow) -> uuid.UUID | None:
    case_id = getattr(row, "case_id", None)
    if case_id is None and row.__tablename__ == "loan_case":  # type: ignore[attr-defined]
        return row.id
    return case_id


def enqueue(session: Session, row: SyncedRow, operation: str) -> OutboxEntry:
    """Queue `row` (already added to `session`) for the next push; flushes to get its values."""
    session.flush()
    next_seq = (session.scalar(select(func.max(OutboxEntry.seq))) or 0) + 1
    entry = OutboxEntry(
        id=uuid.uuid4(),
        seq=next_seq,
        table_name=row.__tablename__,  # type: ignore[attr-defined]
        row_id=row.id,
        operation=operation,
        payload=row_payload(row),
        base_row_version=row.row_version if operation == "update" else None,
        case_id=_case_id_of(row),
    )
    session.add(entry)
    return entry


def pending_count(session: Session) -> int:
    """How many changes wait to be pushed."""
    return (
        session.scalar(
            select(func.count()).select_from(OutboxEntry).where(OutboxEntry.state == "pending")
        )
        or 0
    )
