"""The audit trail's hash chain: an event's canonical form, its SHA-256 seal, and the check of a
sequence of events that names the first broken link.

Pure: values in, values out. Reading events from a store and writing them is `app.services.audit`.

Each event carries the hash of the event before it (`prev_hash`; None for the first event of a
chain) and its own hash (`event_hash`), the SHA-256 of its canonical JSON — which includes
`prev_hash`, so changing, removing or moving any event breaks a link after it. One chain is
written per workspace; a central database holds many chains side by side, and so may a local
store (a lead's store holds his team's events), so `verify` follows every chain in the sequence.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

# The fields an event's hash covers, in the order they are written (keys are sorted anyway).
# `row_version` and `updated_at` are sync bookkeeping, not part of what happened.
SEALED_FIELDS = (
    "id",
    "occurred_at",
    "user_id",
    "action",
    "entity",
    "entity_id",
    "detail",
    "prev_hash",
)


@dataclass(frozen=True, slots=True)
class ChainedEvent:
    """One audit event as the chain sees it (identifiers as text, the time aware).

    Attributes:
        id: the event's id.
        occurred_at: when it was recorded (any zone; sealed in UTC).
        user_id: who acted, or None.
        action: what was done ("reveal_id_number", "approve_plan", ...).
        entity: the kind of thing it was done to ("borrower", "repayment_plan", ...).
        entity_id: which one, or None.
        detail: JSON-compatible particulars.
        prev_hash: the hash of the event before it in its chain; None for a chain's first event.
        event_hash: the hash sealed when it was recorded; None if it never was.
    """

    id: str
    occurred_at: dt.datetime
    user_id: str | None
    action: str
    entity: str
    entity_id: str | None
    detail: Mapping[str, Any] = field(default_factory=dict)
    prev_hash: str | None = None
    event_hash: str | None = None


@dataclass(frozen=True, slots=True)
class ChainHead:
    """The last event a workspace recorded, remembered apart from the events themselves.

    It lets `verify` notice that the newest events were removed, which no later link can show.

    Attributes:
        event_id: the last recorded event's id.
        event_hash: its hash.
    """

    event_id: str
    event_hash: str


class BreakReason(enum.StrEnum):
    """Why a link of the chain is broken."""

    # The event's content no longer matches the hash sealed when it was recorded.
    EDITED = "edited"
    # The event it follows is not there (deleted, or rewritten with a new hash), or the workspace's
    # last recorded event is gone.
    DELETED = "deleted"
    # The event it follows comes after it in the sequence.
    REORDERED = "reordered"
    # Another event already follows the same event: a duplicated or spliced-in event.
    FORKED = "forked"
    # The event carries no hash at all (written without a seal, or its seal was erased).
    UNSEALED = "unsealed"


@dataclass(frozen=True, slots=True)
class BrokenLink:
    """A place where the chain does not hold.

    Attributes:
        event_id: the event at which the chain breaks (for a missing last event: its id).
        position: its index in the verified sequence (the sequence's length for a missing last
            event).
        reason: why.
        explanation: one English sentence for logs and the command line.
    """

    event_id: str
    position: int
    reason: BreakReason
    explanation: str


@dataclass(frozen=True, slots=True)
class ChainVerdict:
    """The result of checking a sequence of audit events.

    Attributes:
        checked: how many events were checked.
        chains: how many chains they form (chains started in the sequence).
        breaks: every broken link, in sequence order; later ones often follow from the first.
    """

    checked: int
    chains: int
    breaks: tuple[BrokenLink, ...]

    @property
    def intact(self) -> bool:
        return not self.breaks

    @property
    def first_break(self) -> BrokenLink | None:
        return self.breaks[0] if self.breaks else None


def _utc_text(moment: dt.datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError(f"an audit event's time must be timezone-aware, got {moment!r}")
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical_json(event: ChainedEvent) -> bytes:
    """The bytes an event's hash covers: its sealed fields as compact JSON with sorted keys.

    The time is UTC with microseconds (what both SQLite and PostgreSQL keep); text is UTF-8, not
    escaped, so the form does not depend on the platform. NaN and infinities are refused.
    """
    sealed = {
        "id": event.id,
        "occurred_at": _utc_text(event.occurred_at),
        "user_id": event.user_id,
        "action": event.action,
        "entity": event.entity,
        "entity_id": event.entity_id,
        "detail": dict(event.detail),
        "prev_hash": event.prev_hash,
    }
    return json.dumps(
        sealed, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def compute_hash(event: ChainedEvent) -> str:
    """The SHA-256 (hex) of the event's canonical JSON; its `event_hash` is not part of it."""
    return hashlib.sha256(canonical_json(event)).hexdigest()


def verify(events: Sequence[ChainedEvent], *, head: ChainHead | None = None) -> ChainVerdict:
    """Check `events`, given in the order they were recorded, and name every broken link.

    Several chains may be interleaved in the sequence; each starts with an event without
    `prev_hash`. With `head` (the last event a workspace recorded), a missing newest event is
    found too. Removing the newest events of a chain without a `head` cannot be seen.
    """
    position_of_hash: dict[str, int] = {}
    for position, event in enumerate(events):
        if event.event_hash is not None:
            position_of_hash.setdefault(event.event_hash, position)
    followed_by: dict[str, str] = {}
    breaks: list[BrokenLink] = []
    chains = 0

    def broken(position: int, event_id: str, reason: BreakReason, explanation: str) -> None:
        breaks.append(BrokenLink(event_id, position, reason, explanation))

    for position, event in enumerate(events):
        if event.event_hash is None:
            broken(position, event.id, BreakReason.UNSEALED, f"event {event.id} has no hash")
        elif compute_hash(event) != event.event_hash:
            broken(
                position,
                event.id,
                BreakReason.EDITED,
                f"event {event.id} no longer matches its hash: it was changed after it was "
                "recorded",
            )
        if event.prev_hash is None:
            chains += 1
            continue
        predecessor = position_of_hash.get(event.prev_hash)
        if predecessor is None:
            broken(
                position,
                event.id,
                BreakReason.DELETED,
                f"the event before {event.id} (hash {event.prev_hash[:12]}…) is missing: it was "
                "deleted, or rewritten with a new hash",
            )
        elif predecessor > position:
            broken(
                position,
                event.id,
                BreakReason.REORDERED,
                f"event {event.id} comes before the event it follows "
                f"({events[predecessor].id}, at position {predecessor})",
            )
        elif event.prev_hash in followed_by:
            broken(
                position,
                event.id,
                BreakReason.FORKED,
                f"event {event.id} follows the same event as {followed_by[event.prev_hash]}: "
                "one of them was duplicated or spliced in",
            )
        followed_by.setdefault(event.prev_hash, event.id)

    if head is not None and head.event_hash not in position_of_hash:
        broken(
            len(events),
            head.event_id,
            BreakReason.DELETED,
            f"the last recorded event {head.event_id} (hash {head.event_hash[:12]}…) is missing",
        )
    return ChainVerdict(len(events), chains, tuple(breaks))
