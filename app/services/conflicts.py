"""Conflicts: edits of shared rows the central database refused because the row had changed
there since, listed for a person to decide — keep his value or take the central one.

A conflict arrives as a refused outbox entry (outcome `conflict`, see `app.sync.push`); the pull
that follows the push brings the central version into the local row, since a refused entry no
longer holds it back. So the entry's payload is "mine" and the local row is "theirs". Deciding
removes the refused entry and writes a `conflict_decision` row (who, when, which, both values)
and an audit event that reaches the central database with the next push:

- keep mine: my values are written over the central version now held locally and queued as a
  new edit whose base is that version — if the central row moved again meanwhile, the push
  finds a new conflict, never overwriting silently;
- take theirs: the central value stays; my edit is dropped, its values kept in the decision.

This module never talks to the central database; the next sync carries the decision out.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import errors
from app.services import audit
from app.services.workspace import Identity, Workspace
from app.store import models
from app.store.local_models import ConflictDecision, OutboxEntry
from app.sync import codec, outbox

logger = logging.getLogger(__name__)

MINE = "mine"
THEIRS = "theirs"
# Columns that say when and in which version a row was written, not what it holds.
_BOOKKEEPING = codec.SERVER_COLUMNS | {"id", "updated_at"}
_MODELS: dict[str, type[models.SyncedRow]] = {
    model.__tablename__: model  # type: ignore[attr-defined]
    for model in models.SYNCED_TABLES
}


class ConflictError(errors.KnownError):
    """A conflict cannot be decided as asked (gone, already decided, or its row is not here)."""


@dataclass(frozen=True, slots=True)
class FieldConflict:
    """One field both sides changed.

    Attributes:
        field: the column's name.
        mine: my value, in JSON form (text, numbers, money as '12.30').
        theirs: the central value now held locally, in JSON form; None when it has not
            arrived yet (the next sync brings it).
    """

    field: str
    mine: Any
    theirs: Any


@dataclass(frozen=True, slots=True)
class OpenConflict:
    """A refused edit waiting for a person's decision.

    Attributes:
        mutation_id: the refused outbox entry.
        conflict_id: the conflict recorded centrally, if the push named it.
        table_name: the table of the edited row.
        row_id: the edited row.
        case_id: a case of the row (for a borrower's phone or address: one of his cases).
        loan_ref: that case's loan reference.
        borrower_name: the borrower's name.
        fields: the fields the edit changed that differ from the central version.
        edited_at: when I made my edit (UTC).
        changed_at: when the central version was written (UTC), once it is here.
        changed_by: who pushed the central version my edit met, as the push that found the
            conflict recorded it; None when no push wrote it (an import or an administrator
            changed the central database, or nobody is known: see `author_recorded`).
        author_recorded: whether the push that found the conflict recorded who wrote the
            central version (False for a conflict found before FieldCollect kept it, or
            answered again from an earlier push whose reply was lost).
        central_version: the central row_version held locally.
        central_arrived: False while the central version has not reached this laptop (then
            only "take theirs" can be decided; the next sync brings their value).
    """

    mutation_id: uuid.UUID
    conflict_id: uuid.UUID | None
    table_name: str
    row_id: uuid.UUID
    case_id: uuid.UUID | None
    loan_ref: str | None
    borrower_name: str | None
    fields: tuple[FieldConflict, ...]
    edited_at: dt.datetime
    changed_at: dt.datetime | None
    changed_by: str | None
    author_recorded: bool
    central_version: int | None
    central_arrived: bool


@dataclass(frozen=True, slots=True)
class DecidedConflict:
    """A conflict decided on this laptop.

    Attributes:
        mutation_id: the refused entry the decision settled.
        table_name: the table of the row.
        row_id: the row.
        decision: "mine" or "theirs".
        decided_by: the login name of the person who decided.
        decided_at: when (UTC).
        mine: my values of the fields in conflict.
        theirs: the central values of those fields when deciding.
        new_mutation_id: for "mine", the queued edit that carries my values out.
    """

    mutation_id: uuid.UUID
    table_name: str
    row_id: uuid.UUID
    decision: str
    decided_by: str
    decided_at: dt.datetime
    mine: dict[str, Any]
    theirs: dict[str, Any]
    new_mutation_id: uuid.UUID | None


def _detail(entry: OutboxEntry) -> dict[str, Any]:
    try:
        detail = json.loads(entry.last_error or "{}")
    except json.JSONDecodeError:
        return {}
    return detail if isinstance(detail, dict) else {}


def _is_conflict(entry: OutboxEntry) -> bool:
    return entry.state == "rejected" and _detail(entry).get("outcome") == "conflict"


def _case_of(
    session: Session, entry: OutboxEntry, row: models.SyncedRow | None
) -> models.LoanCase | None:
    """The case the conflicting row belongs to (a borrower's first case by loan ref)."""
    if entry.case_id is not None:
        return session.get(models.LoanCase, entry.case_id)
    if entry.table_name == "borrower":
        borrower_id = entry.row_id
    else:
        raw = entry.payload.get("borrower_id")
        borrower_id = getattr(row, "borrower_id", None) or (uuid.UUID(raw) if raw else None)
    if borrower_id is None:
        return None
    return session.scalars(
        select(models.LoanCase)
        .where(models.LoanCase.borrower_id == borrower_id)
        .order_by(models.LoanCase.loan_ref)
        .limit(1)
    ).first()


def _arrived(entry: OutboxEntry, row: models.SyncedRow | None) -> bool:
    """Whether the local row holds a central version newer than the one my edit was made on."""
    base = entry.base_row_version
    return row is not None and base is not None and row.row_version > base


def _fields(entry: OutboxEntry, row: models.SyncedRow | None) -> tuple[FieldConflict, ...]:
    """The edited fields whose value differs from the central version held locally."""
    arrived = row is not None and _arrived(entry, row)
    if not arrived:
        return ()
    found = []
    for name, mine in sorted(entry.payload.items()):
        if name in _BOOKKEEPING:
            continue
        theirs = codec.json_value(getattr(row, name))
        if theirs != mine:
            found.append(FieldConflict(name, mine, theirs))
    return tuple(found)


class ConflictService:
    """The conflicts of one workspace and the decisions on them.

    Attributes:
        workspace: the open workspace.
    """

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    def open_count(self) -> int:
        """How many conflicts wait for a decision."""
        with self.workspace.session() as session:
            return sum(1 for entry in self._conflict_entries(session))

    def open_conflicts(self) -> list[OpenConflict]:
        """The conflicts waiting for a decision, oldest edit first."""
        with self.workspace.session() as session:
            conflicts = []
            for entry in self._conflict_entries(session):
                row = self._row(session, entry)
                case = _case_of(session, entry, row)
                borrower = session.get(models.Borrower, case.borrower_id) if case else None
                detail = _detail(entry)
                conflict_id = detail.get("conflict_id")
                changed_by = detail.get("central_changed_by")
                arrived = _arrived(entry, row)
                conflicts.append(
                    OpenConflict(
                        mutation_id=entry.id,
                        conflict_id=uuid.UUID(conflict_id) if conflict_id else None,
                        table_name=entry.table_name,
                        row_id=entry.row_id,
                        case_id=case.id if case else None,
                        loan_ref=case.loan_ref if case else None,
                        borrower_name=borrower.full_name if borrower else None,
                        fields=_fields(entry, row),
                        edited_at=entry.created_at,
                        changed_at=row.updated_at if row is not None and arrived else None,
                        changed_by=changed_by if isinstance(changed_by, str) else None,
                        author_recorded="central_changed_by" in detail,
                        central_version=row.row_version if row is not None and arrived else None,
                        central_arrived=arrived,
                    )
                )
            return conflicts

    def keep_mine(self, mutation_id: uuid.UUID) -> uuid.UUID | None:
        """Write my values over the central version held locally and queue them as a new edit
        on that version; returns the new edit's mutation id (None when both sides already
        agree, so there is nothing to send)."""
        identity = self.workspace.identity()
        with self.workspace.session() as session:
            entry = self._open_entry(session, mutation_id)
            row = self._row(session, entry)
            if row is None:
                raise ConflictError(
                    f"{entry.table_name} {entry.row_id} is no longer on this laptop; "
                    "only the central value can be taken"
                )
            if not _arrived(entry, row):
                raise ConflictError(
                    f"the central version of {entry.table_name} {entry.row_id} has not "
                    "arrived yet; sync first, then decide"
                )
            fields = _fields(entry, row)
            table = codec.SYNCED_TABLES[entry.table_name]
            for field in fields:
                setattr(row, field.field, codec.column_value(table.c[field.field], field.mine))
            row.updated_at = models.utc_now()
            queued = outbox.enqueue(session, row, "update") if fields else None
            new_id = queued.id if queued is not None else None
            self._decide(session, identity, entry, MINE, fields, new_id)
            logger.info("conflict %s: kept this laptop's value", mutation_id)
            return new_id

    def take_theirs(self, mutation_id: uuid.UUID) -> None:
        """Keep the central value and drop my edit (its values stay in the decision)."""
        identity = self.workspace.identity()
        with self.workspace.session() as session:
            entry = self._open_entry(session, mutation_id)
            row = self._row(session, entry)
            self._decide(session, identity, entry, THEIRS, _fields(entry, row), None)
            logger.info("conflict %s: took the central value", mutation_id)

    def decided(self, limit: int = 100) -> list[DecidedConflict]:
        """The decisions taken on this laptop, newest first."""
        with self.workspace.session() as session:
            rows = session.scalars(
                select(ConflictDecision).order_by(ConflictDecision.decided_at.desc()).limit(limit)
            ).all()
            return [
                DecidedConflict(
                    mutation_id=row.mutation_id,
                    table_name=row.table_name,
                    row_id=row.row_id,
                    decision=row.decision,
                    decided_by=row.decided_by,
                    decided_at=row.decided_at,
                    mine=dict(row.mine),
                    theirs=dict(row.theirs),
                    new_mutation_id=row.new_mutation_id,
                )
                for row in rows
            ]

    # -- inside -------------------------------------------------------------------------------

    @staticmethod
    def _conflict_entries(session: Session) -> list[OutboxEntry]:
        entries = session.scalars(
            select(OutboxEntry).where(OutboxEntry.state == "rejected").order_by(OutboxEntry.seq)
        ).all()
        return [entry for entry in entries if _is_conflict(entry)]

    @staticmethod
    def _row(session: Session, entry: OutboxEntry) -> models.SyncedRow | None:
        model = _MODELS.get(entry.table_name)
        return None if model is None else session.get(model, entry.row_id)

    @staticmethod
    def _open_entry(session: Session, mutation_id: uuid.UUID) -> OutboxEntry:
        entry = session.get(OutboxEntry, mutation_id)
        if entry is None or not _is_conflict(entry):
            raise ConflictError(f"no open conflict {mutation_id} on this laptop (decided already?)")
        return entry

    @staticmethod
    def _decide(
        session: Session,
        identity: Identity | None,
        entry: OutboxEntry,
        decision: str,
        fields: tuple[FieldConflict, ...],
        new_mutation_id: uuid.UUID | None,
    ) -> None:
        """Record the decision, remove the refused entry, and queue an audit event of it."""
        decided_by = identity.username if identity is not None else "unknown"
        conflict_id = _detail(entry).get("conflict_id")
        decided = ConflictDecision(
            id=uuid.uuid4(),
            mutation_id=entry.id,
            conflict_id=uuid.UUID(conflict_id) if conflict_id else None,
            table_name=entry.table_name,
            row_id=entry.row_id,
            case_id=entry.case_id,
            mine={field.field: field.mine for field in fields},
            theirs={field.field: field.theirs for field in fields},
            decision=decision,
            decided_by=decided_by,
            decided_at=models.utc_now(),
            new_mutation_id=new_mutation_id,
        )
        session.add(decided)
        session.delete(entry)
        audit.record_event(
            session,
            identity.user_id if identity is not None else None,
            "conflict_decided",
            entry.table_name,
            str(entry.row_id),
            {
                "decision": decision,
                "mutation_id": str(entry.id),
                "conflict_id": conflict_id,
                "fields": sorted(field.field for field in fields),
            },
        )
