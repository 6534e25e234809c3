"""Fixtures for tests against the machine's real PostgreSQL server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine

from tests.helpers import postgres


@pytest.fixture
def pg_engine() -> Iterator[Engine]:
    """An engine on a fresh, uniquely named PostgreSQL database, dropped after the test."""
    with postgres.fresh_database() as url:
        engine = create_engine(url)
        try:
            yield engine
        finally:
            engine.dispose()
