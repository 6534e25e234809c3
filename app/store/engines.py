"""Engines and sessions for the local SQLite store and the central database (PostgreSQL or SQLite).

Only connection set-up lives here: pragmas that make SQLite safe for offline work (foreign keys,
WAL journal, a busy timeout) and the session factory the services use.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    # WAL keeps readers (the case list) unblocked while a sync writes, and survives a crash.
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA busy_timeout = 5000")
    cursor.close()


def sqlite_engine(path: Path) -> Engine:
    """An engine on a SQLite file (created on first use)."""
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_sqlite_connect)
    return engine


def central_engine(url: str) -> Engine:
    """An engine on a central database given as a SQLAlchemy URL (PostgreSQL or sqlite:///PATH)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database in (None, "", ":memory:"):
            raise ValueError(f"the embedded central database needs a file path: {url}")
        return sqlite_engine(Path(parsed.database))
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return create_engine(parsed, pool_pre_ping=True)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def is_sqlite_file(path: Path) -> bool:
    """True when `path` is an existing SQLite database file."""
    if not path.is_file():
        return False
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            connection.execute("SELECT name FROM sqlite_master LIMIT 1")
    except sqlite3.DatabaseError:
        return False
    return True
