"""Column types shared by the local and the central schema: exact money and UTC timestamps.

Money is NUMERIC(14,2) on PostgreSQL. SQLite has no decimal type (its NUMERIC affinity stores
floats), so there money is kept as an INTEGER count of fen: exact, sortable, summable in SQL.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, DateTime, Dialect, Numeric
from sqlalchemy.types import TypeDecorator, TypeEngine

_CENT = Decimal("0.01")


class Money(TypeDecorator[Decimal]):
    """A yuan amount with two decimals, always `Decimal` in Python, never a float."""

    impl = Numeric(14, 2)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(BigInteger())
        return dialect.type_descriptor(Numeric(self.impl.precision, 2, asdecimal=True))

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if isinstance(value, float):
            raise TypeError("money must be a Decimal, not a float")
        amount = Decimal(value).quantize(_CENT)
        if dialect.name == "sqlite":
            return int(amount * 100)
        return amount

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        if dialect.name == "sqlite":
            return (Decimal(int(value)) / 100).quantize(_CENT)
        return Decimal(value).quantize(_CENT)


class Percentage(Money):
    """A percentage with two decimals (e.g. a waiver authority of 30.00 %), exact like money."""

    impl = Numeric(5, 2)
    cache_ok = True


class UtcDateTime(TypeDecorator[dt.datetime]):
    """A moment in time stored in UTC; naive datetimes are refused so no zone is ever guessed."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if not isinstance(value, dt.datetime) or value.tzinfo is None:
            raise ValueError(f"timestamps must be timezone-aware, got {value!r}")
        utc = value.astimezone(dt.UTC)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)
