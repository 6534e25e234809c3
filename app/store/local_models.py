"""Tables that exist only in a collector's local store: the outbox, the sync bookkeeping, the sync
log and the decisions taken on conflicts.

They share `Base.metadata` with the synced tables (one local schema), but the central database
never creates them; `LOCAL_ONLY_TABLES` names them for the central migration environment.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import Base, utc_now


class OutboxEntry(Base):
    """One local change waiting to reach the central database.

    `id` is the mutation's UUID: pushing it twice changes nothing centrally. An entry leaves the
    outbox only after the central commit; a rejected one stays, visible and exportable.
    """

    __tablename__ = "outbox_entry"
    __table_args__ = (
        CheckConstraint("operation IN ('insert', 'update')", name="operation"),
        CheckConstraint("state IN ('pending', 'rejected')", name="state"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[uuid.UUID]
    operation: Mapped[str] = mapped_column(String(8))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    base_row_version: Mapped[int | None] = mapped_column(Integer)
    case_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    state: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)


class SyncState(Base):
    """Key/value bookkeeping of a workspace: whose store it is, the pull cursor, last sync time."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SyncLogEntry(Base):
    """One sync run of this workspace: written when it starts, completed when it ends.

    A run left `running` was stopped by the process ending (crash, power); the outbox and the
    pull's saved progress make the next run carry on, so nothing of it is lost.
    """

    __tablename__ = "sync_log_entry"
    __table_args__ = (
        CheckConstraint(
            "outcome IN ('running', 'completed', 'cancelled', 'failed')", name="outcome"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    started_at: Mapped[dt.datetime] = mapped_column(index=True)
    finished_at: Mapped[dt.datetime | None]
    outcome: Mapped[str] = mapped_column(String(16), default="running")
    pushed: Mapped[int] = mapped_column(Integer, default=0)
    pulled: Mapped[int] = mapped_column(Integer, default=0)
    refused: Mapped[int] = mapped_column(Integer, default=0)
    conflicts: Mapped[int] = mapped_column(Integer, default=0)
    message: Mapped[str | None] = mapped_column(Text)


class ConflictDecision(Base):
    """What a person decided about a conflict: keep his edit, or take the central value.

    The refused outbox entry leaves the outbox when decided; its values stay here. Keeping one's
    edit queues a new entry (`new_mutation_id`) made on the central version then held locally.
    """

    __tablename__ = "conflict_decision"
    __table_args__ = (CheckConstraint("decision IN ('mine', 'theirs')", name="decision"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    mutation_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    conflict_id: Mapped[uuid.UUID | None]
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[uuid.UUID]
    case_id: Mapped[uuid.UUID | None]
    mine: Mapped[dict[str, Any]] = mapped_column(JSON)
    theirs: Mapped[dict[str, Any]] = mapped_column(JSON)
    decision: Mapped[str] = mapped_column(String(8))
    decided_by: Mapped[str] = mapped_column(String(63))
    decided_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    new_mutation_id: Mapped[uuid.UUID | None]


LOCAL_ONLY_TABLES: frozenset[str] = frozenset(
    {
        OutboxEntry.__tablename__,
        SyncState.__tablename__,
        SyncLogEntry.__tablename__,
        ConflictDecision.__tablename__,
    }
)
