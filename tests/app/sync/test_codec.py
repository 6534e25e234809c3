"""Outbox payloads back to column values, and the hash that recognises a mutation."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import inspect

from app.sync import codec, outbox
from tests.app.store import sample_rows


def test_every_synced_row_comes_back_from_its_payload_exactly() -> None:
    for row in sample_rows.every_table_once():
        table = codec.SYNCED_TABLES[row.__tablename__]  # type: ignore[attr-defined]
        values = codec.row_values(table, outbox.row_payload(row))
        expected = {
            attr.key: getattr(row, attr.key)
            for attr in inspect(row).mapper.column_attrs
            if attr.key not in codec.SERVER_COLUMNS
        }
        assert values == expected, row.__tablename__


@pytest.mark.parametrize(
    ("column", "value", "complaint"),
    [
        ("principal", 1.5, "not as a float"),
        ("due_date", "yesterday", "due_date"),
        ("updated_at", "2026-11-20T10:00:00", "no UTC offset"),
        ("borrower_id", "not-a-uuid", "borrower_id"),
        ("risk_score", "high", "not a whole number"),
        ("nonsense", 1, "has no column 'nonsense'"),
    ],
)
def test_a_malformed_payload_is_refused_naming_the_column(
    column: str, value: object, complaint: str
) -> None:
    case = next(row for row in sample_rows.every_table_once() if row.__tablename__ == "loan_case")
    payload = {**outbox.row_payload(case), column: value}
    with pytest.raises(ValueError, match=complaint):
        codec.row_values(codec.SYNCED_TABLES["loan_case"], payload)


def test_server_set_columns_are_never_taken_from_a_client() -> None:
    case = next(row for row in sample_rows.every_table_once() if row.__tablename__ == "loan_case")
    payload = {**outbox.row_payload(case), "row_version": 99, "sync_xid": 1, "sync_revision": 1}
    values = codec.row_values(codec.SYNCED_TABLES["loan_case"], payload)
    assert not set(values) & codec.SERVER_COLUMNS


def test_the_hash_covers_what_a_mutation_does_and_nothing_else() -> None:
    row = uuid.uuid4()
    one = codec.mutation_sha256("contact", row, "insert", {"a": 1, "b": "x"})
    assert one == codec.mutation_sha256("contact", row, "insert", {"b": "x", "a": 1})
    assert one != codec.mutation_sha256("contact", row, "insert", {"a": 2, "b": "x"})
    assert one != codec.mutation_sha256("contact", row, "update", {"a": 1, "b": "x"})
    assert one != codec.mutation_sha256("visit", row, "insert", {"a": 1, "b": "x"})
