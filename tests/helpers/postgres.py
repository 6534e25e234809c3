"""A throw-away PostgreSQL database on the machine's server, uniquely named, dropped afterwards."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

# The server the tests use; CI and developers' machines run PostgreSQL 15 here (trust auth).
ADMIN_URL = os.environ.get(
    "FIELDCOLLECT_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


@contextlib.contextmanager
def fresh_database(prefix: str = "fc_test") -> Iterator[URL]:
    """Create an empty database with a unique name, yield its URL, drop it afterwards."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        admin.dispose()
        raise RuntimeError(
            f"the PostgreSQL tests need a server at {ADMIN_URL} (set FIELDCOLLECT_TEST_PG_URL); "
            f"start it with: pg_ctlcluster --skip-systemctl-redirect 15 main start ({exc})"
        ) from exc
    try:
        yield make_url(ADMIN_URL).set(database=name)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
