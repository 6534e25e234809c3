"""The audit hash chain without a database: sealing, and naming the first broken link."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import audit_chain
from app.domain.audit_chain import BreakReason, ChainedEvent, ChainHead

START = dt.datetime(2026, 11, 20, 1, 30, tzinfo=dt.UTC)


def sealed_chain(length: int, *, user: str = "li.si") -> list[ChainedEvent]:
    """`length` events, each sealed and chained to the one before, a minute apart."""
    events: list[ChainedEvent] = []
    for index in range(length):
        event = ChainedEvent(
            id=str(uuid.uuid4()),
            occurred_at=START + dt.timedelta(minutes=index),
            user_id=user,
            action="reveal_id_number",
            entity="borrower",
            entity_id=str(uuid.uuid4()),
            detail={"loan_ref": f"LN-2026-{index:04d}", "note": "借款人要求核对身份"},
            prev_hash=events[-1].event_hash if events else None,
        )
        events.append(dataclasses.replace(event, event_hash=audit_chain.compute_hash(event)))
    return events


def head_of(events: list[ChainedEvent]) -> ChainHead:
    assert events[-1].event_hash is not None
    return ChainHead(events[-1].id, events[-1].event_hash)


def test_an_intact_chain_passes_with_its_head() -> None:
    events = sealed_chain(5)
    verdict = audit_chain.verify(events, head=head_of(events))
    assert verdict.intact and verdict.first_break is None
    assert (verdict.checked, verdict.chains) == (5, 1)


def test_the_seal_does_not_depend_on_key_order_time_zone_or_the_stored_hash() -> None:
    event = sealed_chain(1)[0]
    shanghai = event.occurred_at.astimezone(ZoneInfo("Asia/Shanghai"))
    same = dataclasses.replace(
        event,
        occurred_at=shanghai,
        detail=dict(reversed(list(event.detail.items()))),
        event_hash="0" * 64,
    )
    assert audit_chain.compute_hash(same) == event.event_hash
    assert audit_chain.canonical_json(event).decode("utf-8").count("借款人要求核对身份") == 1
    assert b'"occurred_at":"2026-11-20T01:30:00.000000Z"' in audit_chain.canonical_json(event)


def test_a_naive_time_is_refused_rather_than_guessed() -> None:
    naive = dt.datetime(2026, 11, 20, 9, 30)  # noqa: DTZ001 - the point of the test
    event = dataclasses.replace(sealed_chain(1)[0], occurred_at=naive)
    with pytest.raises(ValueError, match="timezone-aware"):
        audit_chain.compute_hash(event)


def test_an_edited_event_is_named_as_the_first_broken_link() -> None:
    events = sealed_chain(5)
    events[2] = dataclasses.replace(events[2], detail={**events[2].detail, "loan_ref": "LN-X"})
    verdict = audit_chain.verify(events, head=head_of(events))
    assert verdict.first_break == audit_chain.BrokenLink(
        events[2].id, 2, BreakReason.EDITED, verdict.breaks[0].explanation
    )
    assert "changed after it was recorded" in verdict.breaks[0].explanation
    # Its successor still names the hash it was sealed with: only the edited event is named.
    assert len(verdict.breaks) == 1


@pytest.mark.parametrize("field", ["occurred_at", "user_id", "action", "entity_id", "prev_hash"])
def test_changing_any_sealed_field_is_an_edit(field: str) -> None:
    events = sealed_chain(3)
    changed = {
        "occurred_at": events[1].occurred_at + dt.timedelta(seconds=1),
        "user_id": "zhao.liu",
        "action": "export_cases",
        "entity_id": None,
        "prev_hash": "f" * 64,
    }[field]
    events[1] = dataclasses.replace(events[1], **{field: changed})
    first = audit_chain.verify(events).first_break
    assert first is not None and (first.event_id, first.reason) == (events[1].id, "edited")


def test_a_deleted_event_is_found_at_the_event_after_the_gap() -> None:
    events = sealed_chain(5)
    gone = events.pop(2)
    verdict = audit_chain.verify(events, head=head_of(events))
    first = verdict.first_break
    assert first is not None
    assert (first.event_id, first.position, first.reason) == (events[2].id, 2, "deleted")
    assert gone.event_hash is not None and gone.event_hash[:12] in first.explanation


def test_deleting_the_first_event_is_found_too() -> None:
    events = sealed_chain(3)[1:]
    first = audit_chain.verify(events).first_break
    assert first is not None and (first.event_id, first.reason) == (events[0].id, "deleted")


def test_deleting_the_newest_event_is_found_only_with_the_remembered_head() -> None:
    events = sealed_chain(4)
    head = head_of(events)
    events.pop()
    assert audit_chain.verify(events).intact
    first = audit_chain.verify(events, head=head).first_break
    assert first is not None
    assert (first.event_id, first.position, first.reason) == (head.event_id, 3, "deleted")


def test_an_event_moved_before_the_one_it_follows_is_reordered() -> None:
    events = sealed_chain(5)
    head = head_of(events)
    events[1], events[3] = events[3], events[1]
    verdict = audit_chain.verify(events, head=head)
    first = verdict.first_break
    assert first is not None
    assert (first.event_id, first.position, first.reason) == (events[1].id, 1, "reordered")


def test_an_event_spliced_in_after_an_existing_one_forks_the_chain() -> None:
    events = sealed_chain(3)
    spliced = dataclasses.replace(
        events[2], id=str(uuid.uuid4()), detail={"loan_ref": "LN-FAKE"}, event_hash=None
    )
    spliced = dataclasses.replace(spliced, event_hash=audit_chain.compute_hash(spliced))
    first = audit_chain.verify([*events, spliced]).first_break
    assert first is not None and (first.event_id, first.reason) == (spliced.id, "forked")
    assert events[2].id in first.explanation


def test_an_event_without_a_hash_is_unsealed() -> None:
    events = sealed_chain(2)
    events.append(
        ChainedEvent(str(uuid.uuid4()), START, "li.si", "reveal_id_number", "borrower", None)
    )
    first = audit_chain.verify(events).first_break
    assert first is not None and (first.event_id, first.reason) == (events[2].id, "unsealed")


def test_several_chains_interleaved_in_time_order_all_pass() -> None:
    mine, theirs = sealed_chain(4), sealed_chain(3, user="zhao.liu")
    interleaved = sorted([*mine, *theirs], key=lambda event: (event.occurred_at, event.id))
    verdict = audit_chain.verify(interleaved)
    assert verdict.intact and (verdict.checked, verdict.chains) == (7, 2)


@given(length=st.integers(2, 12), data=st.data())
def test_removing_or_editing_any_one_event_is_always_detected(
    length: int, data: st.DataObject
) -> None:
    events = sealed_chain(length)
    head = head_of(events)
    victim = data.draw(st.integers(0, length - 1))
    removed = events[:victim] + events[victim + 1 :]
    assert not audit_chain.verify(removed, head=head).intact
    edited = list(events)
    edited[victim] = dataclasses.replace(events[victim], entity="agreement")
    first = audit_chain.verify(edited, head=head).first_break
    assert first is not None and (first.event_id, first.reason) == (events[victim].id, "edited")
