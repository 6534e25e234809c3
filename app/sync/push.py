"""Push: the outbox's pending entries applied to the central database, exactly once.

Entries go in outbox order, a batch per central transaction, applied together inside one
savepoint; when the database refuses one, the attempt is undone and the batch applied again with
a savepoint per entry: one refused entry is set aside (`rejected`, kept locally with its reason)
and the others carry on. Every applied or refused mutation is recorded centrally in
`sync_mutation` with the hash of what it does, in the same transaction, so a batch pushed again
(say after the laptop died between the central commit and the local clean-up) changes nothing,
and the same UUID with other values is refused. Local entries are cleared only after the
central commit.

An insert whose key exists already is refused (`row_exists`); an update first reads the row
(which Row-Level Security may hide: then it is refused as not visible, never taken for a
success), compares its `row_version` with the entry's base — a mismatch is a conflict, recorded
with both sides — and writes only the columns that changed, checking the row count again.
Foreign keys are checked per entry (PostgreSQL: `SET CONSTRAINTS ALL IMMEDIATE` for the batch;
SQLite: the parents are looked up), so a missing parent refuses one entry, not the batch.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, Table, bindparam, exists, func, select, text, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError

from app import errors
from app.store import attachment_files, models
from app.store.local_models import OutboxEntry
from app.sync import attachments, codec

logger = logging.getLogger(__name__)

BATCH_SIZE = 200

APPLIED = "applied"
REJECTED = "rejected"
CONFLICT = "conflict"

_mutations = models.SyncMutation.__table__
_conflicts = models.SyncConflict.__table__
_outbox = OutboxEntry.__table__


class PushFailedError(errors.KnownError):
    """The central database stopped answering during a push; nothing was lost, retry later."""


@dataclass(frozen=True, slots=True)
class Mutation:
    """One outbox entry as it is pushed.

    Attributes:
        mutation_id: the entry's UUID (its identity centrally).
        seq: its place in the outbox.
        table_name: the synced table it writes.
        row_id: the row it writes.
        operation: insert or update.
        payload: the row's values as JSON.
        base_row_version: for an update, the central version the edit was made on.
        case_id: the case the row belongs to, if any.
    """

    mutation_id: uuid.UUID
    seq: int
    table_name: str
    row_id: uuid.UUID
    operation: str
    payload: dict[str, Any]
    base_row_version: int | None
    case_id: uuid.UUID | None


@dataclass(frozen=True, slots=True)
class MutationResult:
    """What the central database did with one mutation.

    Attributes:
        mutation_id: the mutation.
        outcome: applied, rejected or conflict.
        reason: a stable code for a refusal (not_visible, not_writable, not_allowed, invalid,
            missing_parent, row_exists, id_reused, unknown_table, conflict), None when applied.
        message: the refusal in words.
        row_version: the row's central version after it was applied.
        repeated: the mutation had been pushed before; its recorded outcome is returned.
        conflict_id: the recorded conflict, for a conflict found now.
        central_changed_by: for a conflict, who pushed the central version it met (None when
            an import or an administrator wrote that version).
        central_changed_at: when that push arrived.
    """

    mutation_id: uuid.UUID
    outcome: str
    reason: str | None = None
    message: str | None = None
    row_version: int | None = None
    repeated: bool = False
    conflict_id: uuid.UUID | None = None
    central_changed_by: str | None = None
    central_changed_at: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class PushReport:
    """A push's totals.

    Attributes:
        applied: mutations applied now.
        repeated: mutations found already applied (pushed before), now cleared locally.
        rejected: mutations refused (set aside locally with their reason).
        conflicts: edits on a stale row version, recorded as conflicts (also set aside).
        batches: central transactions committed.
        refused: the refused and conflicting results.
    """

    applied: int
    repeated: int
    rejected: int
    conflicts: int
    batches: int
    refused: tuple[MutationResult, ...]


# Local side ---------------------------------------------------------------------------------------


def pending_batch(local: Connection, size: int, after_seq: int = 0) -> list[Mutation]:
    rows = local.execute(
        select(OutboxEntry)
        .where(OutboxEntry.state == "pending", OutboxEntry.seq > after_seq)
        .order_by(OutboxEntry.seq)
        .limit(size)
    ).all()
    return [
        Mutation(
            mutation_id=row.id,
            seq=row.seq,
            table_name=row.table_name,
            row_id=row.row_id,
            operation=row.operation,
            payload=row.payload,
            base_row_version=row.base_row_version,
            case_id=row.case_id,
        )
        for row in rows
    ]


def pending_total(local: Connection) -> int:
    return local.execute(
        select(func.count()).select_from(_outbox).where(_outbox.c.state == "pending")
    ).scalar_one()


def record_results(
    local: Connection, batch: Sequence[Mutation], results: Sequence[MutationResult]
) -> None:
    """After the central commit: clear applied entries, set refused ones aside (one transaction).

    An applied row takes its central `row_version`, and so does the base of later pending edits
    of the same row (they were made on top of this one).
    """
    applied = [
        (mutation, result)
        for mutation, result in zip(batch, results, strict=True)
        if result.outcome == APPLIED
    ]
    refused = [
        (mutation, result)
        for mutation, result in zip(batch, results, strict=True)
        if result.outcome != APPLIED
    ]
    if applied:
        local.execute(_outbox.delete().where(_outbox.c.id.in_([m.mutation_id for m, _ in applied])))
        versions: dict[uuid.UUID, tuple[str, int, int]] = {}
        for mutation, result in applied:
            if result.row_version is not None and mutation.table_name in codec.SYNCED_TABLES:
                versions[mutation.row_id] = (mutation.table_name, mutation.seq, result.row_version)
        by_table: dict[str, list[dict[str, Any]]] = {}
        for row_id, (table_name, _seq, version) in versions.items():
            by_table.setdefault(table_name, []).append({"row": row_id, "version": version})
        for table_name, rows in by_table.items():
            table = codec.SYNCED_TABLES[table_name]
            local.execute(
                update(table)
                .where(table.c.id == bindparam("row"))
                .values(row_version=bindparam("version")),
                rows,
            )
        later_edits = local.execute(
            select(_outbox.c.id, _outbox.c.row_id, _outbox.c.seq).where(
                _outbox.c.state == "pending",
                _outbox.c.operation == "update",
                _outbox.c.row_id.in_(list(versions)),
            )
        ).all()
        rebased = [
            {"entry": edit.id, "base": versions[edit.row_id][2]}
            for edit in later_edits
            if edit.seq > versions[edit.row_id][1]
        ]
        if rebased:
            local.execute(
                update(_outbox)
                .where(_outbox.c.id == bindparam("entry"))
                .values(base_row_version=bindparam("base")),
                rebased,
            )
    if refused:
        details = []
        for mutation, result in refused:
            detail = {"outcome": result.outcome, "reason": result.reason, "message": result.message}
            if result.conflict_id is not None:
                detail["conflict_id"] = str(result.conflict_id)
                detail["central_changed_by"] = result.central_changed_by
                detail["central_changed_at"] = (
                    result.central_changed_at.isoformat() if result.central_changed_at else None
                )
            details.append(
                {"entry": mutation.mutation_id, "detail": json.dumps(detail, ensure_ascii=False)}
            )
        local.execute(
            update(_outbox)
            .where(_outbox.c.id == bindparam("entry"))
            .values(
                state="rejected",
                attempts=_outbox.c.attempts + 1,
                last_error=bindparam("detail"),
            ),
            details,
        )


def _note_failure(local_engine: Engine, batch: Sequence[Mutation], message: str) -> None:
    with local_engine.begin() as local:
        local.execute(
            update(_outbox)
            .where(_outbox.c.id.in_([mutation.mutation_id for mutation in batch]))
            .values(attempts=_outbox.c.attempts + 1, last_error=message)
        )


# Central side -------------------------------------------------------------------------------------


class _Refused(Exception):
    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


def _first_line(exc: BaseException) -> str:
    original = getattr(exc, "orig", None) or exc
    lines = str(original).strip().splitlines()
    return lines[0] if lines else type(original).__name__


def _is_infrastructure(exc: DBAPIError) -> bool:
    """Connection lost, server gone, lock or serialization trouble: the whole batch is retried."""
    return isinstance(exc, OperationalError | InterfaceError) or exc.connection_invalidated


def _refusal_of(exc: DBAPIError) -> _Refused:
    sqlstate = getattr(getattr(exc, "orig", None), "sqlstate", None)
    message = _first_line(exc)
    if sqlstate == "42501" or "row-level security" in message:
        return _Refused("not_allowed", message)
    if sqlstate == "23503" or "FOREIGN KEY" in message:
        return _Refused("missing_parent", message)
    if (sqlstate == "23505" and '"pk_' in message) or (
        "UNIQUE constraint failed" in message and message.endswith(".id")
    ):
        return _Refused("row_exists", message)
    if isinstance(exc, IntegrityError):
        return _Refused("invalid", message)
    return _Refused("invalid", message)


def apply_batch(
    central: Connection,
    username: str,
    batch: Sequence[Mutation],
    files: attachment_files.AttachmentFiles | None = None,
    max_attachment_bytes: int = attachments.DEFAULT_MAX_BYTES,
) -> list[MutationResult]:
    """Apply `batch` inside the caller's central transaction; one savepoint per mutation.

    The contents of the attachment files the batch's rows name are stored first (from `files`,
    the workspace's); a row whose file cannot be sent is refused without reaching the central
    database. The batch's outcomes are recorded in `sync_mutation` at its end, in the same
    transaction: committed together with what they record, or not at all.
    """
    postgres = central.dialect.name == "postgresql"
    if postgres:
        # Checked at each statement, so a missing parent refuses its own entry inside its
        # savepoint; entries go in the order they were made, parents first.
        central.execute(text("SET CONSTRAINTS ALL IMMEDIATE"))
    earlier = {
        row.mutation_id: row
        for row in central.execute(
            select(_mutations).where(
                _mutations.c.mutation_id.in_([mutation.mutation_id for mutation in batch])
            )
        )
    }
    # Contents before the rows that name them; a mutation pushed before is answered from its
    # record below, its content stored with it then.
    upload = attachments.upload_batch_contents(
        central,
        username,
        [mutation for mutation in batch if mutation.mutation_id not in earlier],
        files,
        max_attachment_bytes,
    )
    set_aside = {
        refusal.mutation_id: MutationResult(
            refusal.mutation_id, REJECTED, refusal.reason, refusal.message
        )
        for refusal in upload.refused
    }
    # First all at once inside one savepoint: refusals the push finds itself (not visible, a
    # conflict, a malformed value) write nothing; an error of the database undoes the attempt,
    # and the batch is applied again with a savepoint per mutation to set the culprit aside.
    attempt = central.begin_nested()
    try:
        results, records = _apply_all(
            central, username, batch, earlier, set_aside, postgres, isolate=False
        )
        attempt.commit()
    except DBAPIError as exc:
        attempt.rollback()
        if _is_infrastructure(exc):
            raise
        results, records = _apply_all(
            central, username, batch, earlier, set_aside, postgres, isolate=True
        )
    if records:
        dialect_insert = postgresql_insert if postgres else sqlite_insert
        # A UUID already used by another user's mutation (which Row-Level Security hides) is
        # not recorded twice; random UUIDs make that a client's own undoing, never a collision.
        # Sent as an executemany: one cached statement, not a new VALUES list compiled per batch.
        central.execute(
            dialect_insert(_mutations).on_conflict_do_nothing(index_elements=["mutation_id"]),
            records,
        )
    if postgres:
        central.execute(text("SET CONSTRAINTS ALL DEFERRED"))
    return results


def _apply_all(
    central: Connection,
    username: str,
    batch: Sequence[Mutation],
    earlier: dict[uuid.UUID, Any],
    set_aside: dict[uuid.UUID, MutationResult],
    postgres: bool,
    *,
    isolate: bool,
) -> tuple[list[MutationResult], list[dict[str, Any]]]:
    # Versions this batch gave rows: a later edit of the same row was made on top of them.
    produced: dict[uuid.UUID, int] = {}
    results: dict[uuid.UUID, MutationResult] = {}
    records: list[dict[str, Any]] = []
    # Consecutive inserts into one table, written together (together-attempt only).
    run = _InsertRun()

    def settle(mutation: Mutation, digest: str, result: MutationResult) -> None:
        records.append(_record(username, mutation, digest, result))
        if result.outcome == APPLIED and result.row_version is not None:
            produced[mutation.row_id] = result.row_version
        results[mutation.mutation_id] = result

    for mutation in batch:
        if mutation.mutation_id in set_aside:
            # Refused on this side (its file cannot be sent): nothing reached the central
            # database and nothing is recorded there, so it may be pushed again once fixed.
            results[mutation.mutation_id] = set_aside[mutation.mutation_id]
            continue
        digest = codec.mutation_sha256(
            mutation.table_name, mutation.row_id, mutation.operation, mutation.payload
        )
        if mutation.mutation_id in earlier:
            repeated = _repeated(mutation, digest, earlier[mutation.mutation_id])
            if repeated.outcome == APPLIED and repeated.row_version is not None:
                produced[mutation.row_id] = repeated.row_version
            results[mutation.mutation_id] = repeated
            continue
        if isolate:
            settle(mutation, digest, _apply_one(central, username, mutation, produced, postgres))
            continue
        try:
            table, values = _prepared(mutation)
            if mutation.operation == "insert":
                if not run.takes(table, values):
                    run.write(central, postgres, settle)
                run.add(table, mutation, digest, values)
                continue
            # Anything else may read or change a row inserted just before: write those first.
            run.write(central, postgres, settle)
            result = _write_prepared(central, username, mutation, table, values, produced, postgres)
        except _Refused as refusal:
            result = MutationResult(mutation.mutation_id, REJECTED, refusal.reason, refusal.message)
        settle(mutation, digest, result)
    run.write(central, postgres, settle)
    return [results[mutation.mutation_id] for mutation in batch], records


@dataclass(slots=True)
class _InsertRun:
    """Consecutive inserts into one table with the same columns, sent as one executemany: a
    push of 500 contacts makes a few round trips, not 500. Used only while the batch is tried
    all together; when the database refuses any row, that attempt is undone and the batch goes
    again one savepoint per entry, which names the culprit."""

    table: Table | None = None
    columns: frozenset[str] = frozenset()
    rows: list[tuple[Mutation, str, dict[str, Any]]] = field(default_factory=list)

    def takes(self, table: Table, values: dict[str, Any]) -> bool:
        return not self.rows or (table is self.table and frozenset(values) == self.columns)

    def add(self, table: Table, mutation: Mutation, digest: str, values: dict[str, Any]) -> None:
        if not self.rows:
            self.table, self.columns = table, frozenset(values)
        self.rows.append((mutation, digest, values))

    def write(
        self,
        central: Connection,
        postgres: bool,
        settle: Callable[[Mutation, str, MutationResult], None],
    ) -> None:
        if not self.rows:
            return
        assert self.table is not None
        rows, self.rows = self.rows, []
        if not postgres:
            # SQLite checks foreign keys at commit only: a row naming a missing parent is
            # refused here, on its own, and the others are written.
            checked = []
            for mutation, digest, values in rows:
                try:
                    _check_parents(central, self.table, values)
                except _Refused as refusal:
                    settle(
                        mutation,
                        digest,
                        MutationResult(
                            mutation.mutation_id, REJECTED, refusal.reason, refusal.message
                        ),
                    )
                else:
                    checked.append((mutation, digest, values))
            rows = checked
        if not rows:
            return
        # A plain INSERT, as `_insert` explains; refusing rows undo the whole attempt.
        central.execute(self.table.insert(), [values for _mutation, _digest, values in rows])
        for mutation, digest, _values in rows:
            settle(mutation, digest, MutationResult(mutation.mutation_id, APPLIED, row_version=1))


def _repeated(mutation: Mutation, digest: str, earlier: Any) -> MutationResult:
    """The recorded outcome of a mutation pushed before (its reply was lost)."""
    if earlier.payload_sha256 != digest:
        return MutationResult(
            mutation.mutation_id,
            REJECTED,
            "id_reused",
            "this mutation id was already pushed with other values; not applied",
        )
    if earlier.outcome == APPLIED:
        return MutationResult(
            mutation.mutation_id, APPLIED, row_version=earlier.row_version, repeated=True
        )
    code, _, message = (earlier.reason or earlier.outcome).partition(": ")
    return MutationResult(
        mutation.mutation_id, earlier.outcome, code, message or None, repeated=True
    )


def _apply_one(
    central: Connection,
    username: str,
    mutation: Mutation,
    produced: dict[uuid.UUID, int],
    postgres: bool,
) -> MutationResult:
    savepoint = central.begin_nested()
    try:
        result = _write(central, username, mutation, produced, postgres)
        savepoint.commit()
        return result
    except _Refused as refusal:
        savepoint.rollback()
        result = MutationResult(mutation.mutation_id, REJECTED, refusal.reason, refusal.message)
    except DBAPIError as exc:
        savepoint.rollback()
        if _is_infrastructure(exc):
            raise
        refusal = _refusal_of(exc)
        if isinstance(exc, IntegrityError) and _exists(central, mutation):
            refusal = _Refused("row_exists", f"{mutation.table_name} {mutation.row_id} exists")
        result = MutationResult(mutation.mutation_id, REJECTED, refusal.reason, refusal.message)
    logger.info("push: mutation %s refused (%s)", mutation.mutation_id, result.reason)
    return result


def _exists(central: Connection, mutation: Mutation) -> bool:
    """Whether an inserted row's key is there already (as far as the pusher may see)."""
    table = codec.SYNCED_TABLES.get(mutation.table_name)
    if table is None or mutation.operation != "insert":
        return False
    return central.execute(select(exists().where(table.c.id == mutation.row_id))).scalar_one()


def _record(
    username: str, mutation: Mutation, digest: str, result: MutationResult
) -> dict[str, Any]:
    return {
        "mutation_id": mutation.mutation_id,
        "pushed_by": username,
        "table_name": mutation.table_name[:64],
        "row_id": mutation.row_id,
        "operation": mutation.operation[:8],
        "payload_sha256": digest,
        "outcome": result.outcome,
        "reason": None if result.outcome == APPLIED else f"{result.reason}: {result.message}",
        "row_version": result.row_version,
        "received_at": models.utc_now(),
    }


def _prepared(mutation: Mutation) -> tuple[Table, dict[str, Any]]:
    """The mutation's table and column values; refuses an unknown table or a malformed value."""
    table = codec.SYNCED_TABLES.get(mutation.table_name)
    if table is None:
        raise _Refused("unknown_table", f"{mutation.table_name!r} is not a synced table")
    try:
        values = codec.row_values(table, mutation.payload)
    except ValueError as exc:
        raise _Refused("invalid", str(exc)) from exc
    if values.get("id", mutation.row_id) != mutation.row_id:
        raise _Refused("invalid", "the payload's id is not the entry's row id")
    values["id"] = mutation.row_id
    if mutation.operation not in ("insert", "update"):
        raise _Refused("invalid", f"unknown operation {mutation.operation!r}")
    return table, values


def _write(
    central: Connection,
    username: str,
    mutation: Mutation,
    produced: dict[uuid.UUID, int],
    postgres: bool,
) -> MutationResult:
    table, values = _prepared(mutation)
    return _write_prepared(central, username, mutation, table, values, produced, postgres)


def _write_prepared(
    central: Connection,
    username: str,
    mutation: Mutation,
    table: Table,
    values: dict[str, Any],
    produced: dict[uuid.UUID, int],
    postgres: bool,
) -> MutationResult:
    if mutation.operation == "insert":
        return _insert(central, table, mutation, values, postgres)
    if mutation.operation == "update":
        return _update(central, username, table, mutation, values, produced, postgres)
    raise _Refused("invalid", f"unknown operation {mutation.operation!r}")


def _insert(
    central: Connection,
    table: Table,
    mutation: Mutation,
    values: dict[str, Any],
    postgres: bool,
) -> MutationResult:
    if not postgres:
        _check_parents(central, table, values)
    # A plain INSERT: ON CONFLICT would make PostgreSQL apply the reading policies to the new
    # row, refusing a fact recorded on a case that has moved to another collector since. A key
    # that exists already fails inside the savepoint instead.
    central.execute(table.insert(), values)
    return MutationResult(mutation.mutation_id, APPLIED, row_version=1)


def _update(
    central: Connection,
    username: str,
    table: Table,
    mutation: Mutation,
    values: dict[str, Any],
    produced: dict[uuid.UUID, int],
    postgres: bool,
) -> MutationResult:
    base = produced.get(mutation.row_id, mutation.base_row_version)
    if base is None:
        raise _Refused("invalid", "an update without its base row_version")
    names = [name for name in values if name != "id"]
    query = select(table.c.row_version, *(table.c[name] for name in names)).where(
        table.c.id == mutation.row_id
    )
    if postgres:
        query = query.with_for_update()
    current = central.execute(query).first()
    if current is None:
        # Row-Level Security turns a row one may not see into "no row": say so, never succeed.
        raise _Refused(
            "not_visible",
            f"{table.name} {mutation.row_id} does not exist or is not visible to this user",
        )
    central_values = current._mapping
    changed = {name: values[name] for name in names if values[name] != central_values[name]}
    meaningful = set(changed) - {"updated_at"}
    if not meaningful:
        return MutationResult(mutation.mutation_id, APPLIED, row_version=current.row_version)
    if current.row_version != base:
        author = _author_of_version(central, table, mutation.row_id, current.row_version, postgres)
        conflict_id = _record_conflict(
            central,
            username,
            table,
            mutation,
            base,
            current.row_version,
            changed,
            central_values,
            author,
        )
        return MutationResult(
            mutation.mutation_id,
            CONFLICT,
            "conflict",
            f"{table.name} {mutation.row_id} was changed centrally (version {current.row_version})"
            f" after this edit's base version {base}; recorded for a person to decide",
            conflict_id=conflict_id,
            central_changed_by=author.username if author else None,
            central_changed_at=author.at if author else None,
        )
    if not postgres:
        _check_parents(central, table, changed)
    statement = (
        update(table)
        .where(table.c.id == mutation.row_id, table.c.row_version == base)
        .values(changed)
    )
    # The central trigger sets the new version: base + 1, or base when only derived columns
    # changed (a case's summaries); read back, never assumed.
    if postgres:
        version = central.execute(statement.returning(table.c.row_version)).scalar_one_or_none()
    else:
        written = central.execute(statement)
        # SQLite's trigger runs after the statement, so RETURNING would show the old version.
        version = (
            central.execute(
                select(table.c.row_version).where(table.c.id == mutation.row_id)
            ).scalar_one()
            if written.rowcount == 1
            else None
        )
    if version is None:
        raise _Refused(
            "not_writable",
            f"{table.name} {mutation.row_id} is visible but this user may not change it",
        )
    return MutationResult(mutation.mutation_id, APPLIED, row_version=version)


def _record_conflict(
    central: Connection,
    username: str,
    table: Table,
    mutation: Mutation,
    base: int,
    central_version: int,
    changed: dict[str, Any],
    central_values: Any,
    author: _Author | None,
) -> uuid.UUID:
    conflict_id = uuid.uuid4()
    edited_at = changed.get("updated_at")
    central.execute(
        _conflicts.insert().values(
            id=conflict_id,
            mutation_id=mutation.mutation_id,
            table_name=table.name,
            row_id=mutation.row_id,
            case_id=mutation.case_id or _case_of_borrower_row(central, table, mutation.row_id),
            pushed_by=username,
            base_row_version=base,
            central_row_version=central_version,
            client_values={name: codec.json_value(value) for name, value in changed.items()},
            central_values={name: codec.json_value(central_values[name]) for name in changed},
            edited_at=edited_at if isinstance(edited_at, dt.datetime) else None,
            central_changed_by=author.username if author else None,
            central_changed_at=author.at if author else None,
            detected_at=models.utc_now(),
            status="open",
        )
    )
    return conflict_id


@dataclass(frozen=True, slots=True)
class _Author:
    """Who pushed a central row version, and when the push arrived."""

    username: str
    at: dt.datetime


def _author_of_version(
    central: Connection, table: Table, row_id: uuid.UUID, version: int, postgres: bool
) -> _Author | None:
    """The pusher of the applied mutation that wrote `version` of a row, or None when no push
    wrote it (an import or an administrator did).

    On PostgreSQL Row-Level Security hides other people's `sync_mutation` rows from a collector,
    so `fc_sync.push_author_of` (SECURITY DEFINER, app.sync.central_security) answers for a row
    the pusher may see; the embedded central file is read directly.
    """
    if postgres:
        found = central.execute(
            text("SELECT changed_by, changed_at FROM fc_sync.push_author_of(:t, :r, :v)"),
            {"t": table.name, "r": row_id, "v": version},
        ).first()
    else:
        found = central.execute(
            select(_mutations.c.pushed_by, _mutations.c.received_at)
            .where(
                _mutations.c.table_name == table.name,
                _mutations.c.row_id == row_id,
                _mutations.c.outcome == APPLIED,
                _mutations.c.row_version == version,
            )
            .order_by(_mutations.c.received_at)
            .limit(1)
        ).first()
    if found is None or found[0] is None:
        return None
    at = found[1]
    if at is not None and at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    return _Author(found[0], at.astimezone(dt.UTC) if at is not None else models.utc_now())


def _case_of_borrower_row(central: Connection, table: Table, row_id: uuid.UUID) -> uuid.UUID | None:
    """A case of the borrower a borrower row belongs to, so the team's lead sees its conflict."""
    cases = models.LoanCase.__table__
    if table.name == "borrower":
        borrower = select(table.c.id).where(table.c.id == row_id)
    elif "borrower_id" in table.c:
        borrower = select(table.c.borrower_id).where(table.c.id == row_id)
    else:
        return None
    return central.execute(
        select(cases.c.id).where(cases.c.borrower_id.in_(borrower)).limit(1)
    ).scalar()


def _check_parents(central: Connection, table: Table, values: dict[str, Any]) -> None:
    """SQLite checks deferred foreign keys only at commit, for the whole batch: look them up."""
    for key in table.foreign_keys:
        value = values.get(key.parent.name)
        if value is None:
            continue
        parent = key.column.table
        found = central.execute(select(exists().where(key.column == value))).scalar_one()
        if not found:
            raise _Refused(
                "missing_parent",
                f"{table.name}.{key.parent.name} names {parent.name} {value}, which does not exist",
            )


# The push -----------------------------------------------------------------------------------------


def push(
    local_engine: Engine,
    central_engine: Engine,
    username: str,
    *,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int, int], None] | None = None,
    after_central_commit: Callable[[Sequence[Mutation], Sequence[MutationResult]], None]
    | None = None,
    files: attachment_files.AttachmentFiles | None = None,
    max_attachment_bytes: int = attachments.DEFAULT_MAX_BYTES,
) -> PushReport:
    """Push every pending outbox entry of the local store, batch by batch.

    `files` are the workspace's attachment files, whose contents go with the rows that name
    them (without it, a row naming a content the central database lacks is refused), each up
    to `max_attachment_bytes`. `after_central_commit` runs between a batch's central commit and
    its local clean-up (tests stop the process there). Raises PushFailedError when the central
    database stops answering; the batch is then retried whole at the next push, which its
    recorded mutations make safe.
    """
    with local_engine.connect() as local:
        total = pending_total(local)
    applied = repeated = rejected = conflicts = batches = done = 0
    refused: list[MutationResult] = []
    last_seq = 0
    while True:
        with local_engine.connect() as local:
            batch = pending_batch(local, batch_size, last_seq)
        if not batch:
            break
        try:
            with central_engine.connect() as central, central.begin():
                results = apply_batch(central, username, batch, files, max_attachment_bytes)
        except DBAPIError as exc:
            message = f"the central database stopped answering: {_first_line(exc)}"
            _note_failure(local_engine, batch, message)
            raise PushFailedError(
                f"{message}. {total - done} changes wait in the outbox; nothing was lost."
            ) from exc
        batches += 1
        if after_central_commit is not None:
            after_central_commit(batch, results)
        with local_engine.begin() as local:
            record_results(local, batch, results)
        for result in results:
            if result.outcome == APPLIED:
                if result.repeated:
                    repeated += 1
                else:
                    applied += 1
            else:
                refused.append(result)
                if result.outcome == CONFLICT:
                    conflicts += 1
                else:
                    rejected += 1
        done += len(batch)
        last_seq = batch[-1].seq
        if progress is not None:
            progress(done, max(total, done))
    return PushReport(applied, repeated, rejected, conflicts, batches, tuple(refused))
