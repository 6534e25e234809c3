"""The audit trail: recording a sensitive act as the next sealed link of the workspace's chain, and
checking the chains kept in a store (a local one, or the central database).

Services that perform an audited act call `record_event` inside their own transaction, so the act
and its event commit together; an act that writes nothing else (an export) calls `record_act`.
Acts done on the central database itself (reassigning cases) call `record_central_event`, which
chains the event to the writer's previous central one. This module never updates or deletes an
audit event.

The audited acts (action codes): login, reveal_id_number, export_cases, print_agreement,
approve_plan / reject_plan, sign_agreement, reassign_cases, resolve_conflict, purge_cases.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Engine, inspect, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app import errors
from app.domain import audit_chain
from app.services.workspace import STATE_USER_ID, Workspace
from app.store import engines, models
from app.store.local_models import SyncState
from app.sync import outbox

# The local `sync_state` key remembering the last event this workspace recorded: "<id> <hash>".
# It is what the next event chains to, and lets the check notice that the newest event was removed.
HEAD_STATE_KEY = "audit_chain_head"

_ONE_TICK = dt.timedelta(microseconds=1)


def chained_event(row: models.AuditEvent) -> audit_chain.ChainedEvent:
    """The chain's view of a stored audit event."""
    return audit_chain.ChainedEvent(
        id=str(row.id),
        occurred_at=row.occurred_at,
        user_id=None if row.user_id is None else str(row.user_id),
        action=row.action,
        entity=row.entity,
        entity_id=row.entity_id,
        detail=row.detail or {},
        prev_hash=row.prev_hash,
        event_hash=row.event_hash,
    )


def _head(session: Session) -> audit_chain.ChainHead | None:
    state = session.get(SyncState, HEAD_STATE_KEY)
    if state is None:
        return None
    event_id, _, event_hash = state.value.partition(" ")
    return audit_chain.ChainHead(event_id, event_hash)


def record_event(
    session: Session,
    user_id: uuid.UUID | None,
    action: str,
    entity: str,
    entity_id: str | None,
    detail: Mapping[str, Any] | None = None,
    *,
    occurred_at: dt.datetime | None = None,
) -> models.AuditEvent:
    """Add the next event of this workspace's chain to `session` and queue it for the push.

    `occurred_at` (aware; now by default) is moved to just after the previous event when the
    clock says otherwise (a clock set back), so a chain's times always increase and the check can
    read the events in time order. The caller commits.
    """
    moment = models.utc_now() if occurred_at is None else occurred_at
    if moment.tzinfo is None:
        raise ValueError(f"an audit event's time must be timezone-aware, got {moment!r}")
    moment = moment.astimezone(dt.UTC)
    head = _head(session)
    previous = None if head is None else session.get(models.AuditEvent, uuid.UUID(head.event_id))
    event = _sealed_event(
        after=None if previous is None else previous.occurred_at,
        # A missing previous event is chained to all the same: the gap then shows in the check.
        prev_hash=None if head is None else head.event_hash,
        moment=moment,
        user_id=user_id,
        action=action,
        entity=entity,
        entity_id=entity_id,
        detail=detail,
    )
    session.add(event)
    outbox.enqueue(session, event, "insert")
    session.merge(SyncState(key=HEAD_STATE_KEY, value=f"{event.id} {event.event_hash}"))
    return event


def record_act(
    workspace: Workspace,
    action: str,
    entity: str,
    entity_id: str | None,
    detail: Mapping[str, Any] | None = None,
) -> uuid.UUID:
    """Record an audited act that writes nothing else (an export, a print) in its own
    transaction, as the workspace's user; returns the event's id."""
    owner = workspace.state(STATE_USER_ID)
    return _record_unchecked(
        workspace, None if owner is None else uuid.UUID(owner), action, entity, entity_id, detail
    )


def record_login(workspace: Workspace, user_id: uuid.UUID, server: str, username: str) -> None:
    """Record a login before the first pull has brought the user's own row into the store."""
    _record_unchecked(
        workspace,
        user_id,
        "login",
        "app_user",
        str(user_id),
        {"server": server, "username": username},
    )


def _record_unchecked(
    workspace: Workspace,
    user_id: uuid.UUID | None,
    action: str,
    entity: str,
    entity_id: str | None,
    detail: Mapping[str, Any] | None,
) -> uuid.UUID:
    """`record_event` in its own transaction on a connection that does not check foreign keys.

    The event names its user (a foreign key to `app_user`) whose row a store may not hold yet:
    at login, before the first pull; or when the pull has not brought it. It is written as the
    pull writes its rows; the central database checks the key when the event arrives.
    """
    with workspace.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys = OFF")  # outside any transaction
        connection.commit()
        try:
            with Session(bind=connection) as session:
                event = record_event(session, user_id, action, entity, entity_id, detail)
                session.commit()
                return event.id
        finally:
            connection.exec_driver_sql("PRAGMA foreign_keys = ON")
            connection.commit()


# Actions recorded on the central database directly; each writer's central events form a chain.
CENTRAL_ACTIONS = ("reassign_cases",)


def record_central_event(
    session: Session,
    user_id: uuid.UUID | None,
    action: str,
    entity: str,
    entity_id: str | None,
    detail: Mapping[str, Any] | None = None,
    *,
    occurred_at: dt.datetime | None = None,
) -> models.AuditEvent:
    """Add an audit event to a session on the central database, chained to the newest central
    event of the same writer (`user_id`; None for the server's own superuser).

    Central acts have no workspace to remember a chain head, so the chain is found in the table:
    the writer can read his own events under Row-Level Security. The caller commits.
    """
    if action not in CENTRAL_ACTIONS:
        raise ValueError(f"{action!r} is not recorded centrally (one of {CENTRAL_ACTIONS})")
    writer = (
        models.AuditEvent.user_id.is_(None)
        if user_id is None
        else models.AuditEvent.user_id == user_id
    )
    previous = session.scalars(
        select(models.AuditEvent)
        .where(writer, models.AuditEvent.action.in_(CENTRAL_ACTIONS))
        .order_by(models.AuditEvent.occurred_at.desc(), models.AuditEvent.id.desc())
        .limit(1)
    ).first()
    event = _sealed_event(
        after=None if previous is None else previous.occurred_at,
        prev_hash=None if previous is None else previous.event_hash,
        moment=(models.utc_now() if occurred_at is None else occurred_at).astimezone(dt.UTC),
        user_id=user_id,
        action=action,
        entity=entity,
        entity_id=entity_id,
        detail=detail,
    )
    session.add(event)
    return event


def _sealed_event(
    *,
    after: dt.datetime | None,
    prev_hash: str | None,
    moment: dt.datetime,
    user_id: uuid.UUID | None,
    action: str,
    entity: str,
    entity_id: str | None,
    detail: Mapping[str, Any] | None,
) -> models.AuditEvent:
    """The next event of a chain whose last event happened at `after` and hashed to
    `prev_hash`: at `moment`, or just after `after` when the clock says otherwise, and hashed."""
    if after is not None and moment <= after:
        moment = after + _ONE_TICK
    event = models.AuditEvent(
        id=uuid.uuid4(),
        occurred_at=moment,
        user_id=user_id,
        action=action,
        entity=entity,
        entity_id=entity_id,
        # Sealed as it will read back from the JSON column (tuples become lists, keys text).
        detail=json.loads(json.dumps(dict(detail or {}), allow_nan=False)),
        prev_hash=prev_hash,
    )
    event.event_hash = audit_chain.compute_hash(chained_event(event))
    return event


def verify_chain(bind: Engine | Session) -> audit_chain.ChainVerdict:
    """Check every audit event chain in the store behind `bind` and name the first broken link.

    On a local store the workspace's remembered last event is checked too; a central database
    (no `sync_state` table) holds only the events themselves.
    """
    if isinstance(bind, Session):
        return _verify(bind)
    with Session(bind) as session:
        return _verify(session)


def verify_database(url: str) -> audit_chain.ChainVerdict:
    """`verify_chain` on the central database at `url` (run it as an admin to see every event)."""
    engine = engines.central_engine(url)
    try:
        return verify_chain(engine)
    except OperationalError as exc:
        raise errors.KnownError(f"cannot read the audit events of {url}: {exc.orig}") from exc
    finally:
        engine.dispose()


def _verify(session: Session) -> audit_chain.ChainVerdict:
    query = select(models.AuditEvent).order_by(models.AuditEvent.occurred_at, models.AuditEvent.id)
    events = [
        chained_event(row) for row in session.scalars(query.execution_options(yield_per=1000))
    ]
    is_local = inspect(session.connection()).has_table(SyncState.__tablename__)
    head = _head(session) if is_local else None
    return audit_chain.verify(events, head=head)
