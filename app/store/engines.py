"""Engines and sessions for the local SQLite store and the central database (PostgreSQL or SQLite).

Only connection set-up lives here: pragmas that make SQLite safe for offline work (foreign keys,
WAL journal, a busy timeout), the key of an encrypted store (SQLCipher), and the session factory
the services use.

A real workspace's store is encrypted with SQLCipher (`sqlcipher3`): every page, the header
included, so a copied file is random bytes to anyone without the 32-byte key. The key comes from
the caller (the OS keyring, through `app.sync.credentials`) and never reaches a file or a log.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    # WAL keeps readers (the case list) unblocked while a sync writes, and survives a crash.
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA busy_timeout = 5000")
    cursor.close()


# Every SQLite file starts with these 16 bytes; an encrypted store starts with random ones.
SQLITE_HEADER = b"SQLite format 3\x00"
# SQLCipher's raw keys: 256 bits, given as hex so that no key derivation runs on each connection.
STORE_KEY_BYTES = 32


class WrongStoreKeyError(Exception):
    """The key given for an encrypted store does not open it (or the file is no store at all)."""


def _key_pragma(key: bytes) -> str:
    if len(key) != STORE_KEY_BYTES:
        raise ValueError(f"a store key is {STORE_KEY_BYTES} bytes, not {len(key)}")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def sqlite_engine(path: Path) -> Engine:
    """An engine on a SQLite file (created on first use)."""
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_sqlite_connect)
    return engine


def encrypted_sqlite_engine(path: Path, key: bytes) -> Engine:
    """An engine on a SQLCipher store encrypted with `key` (created on first use).

    The key is set first on every new connection, before any other statement touches the file;
    a wrong key is found by `check_store_key`, not here (SQLCipher reads nothing until asked).
    """
    engine = create_engine(
        f"sqlite:///{path}",
        module=sqlcipher3.dbapi2,
        connect_args={"check_same_thread": False},
    )
    key_pragma = _key_pragma(key)

    def set_key(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our message, not stderr
        cursor.execute(key_pragma)
        cursor.close()

    event.listen(engine, "connect", _on_sqlite_connect)
    event.listen(engine, "connect", set_key, insert=True)
    return engine


def check_store_key(engine: Engine) -> None:
    """Read the schema once; raises `WrongStoreKeyError` when the key does not decrypt the file.

    The pool is emptied on failure so that no half-opened connection is reused.
    """
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    except DBAPIError as exc:
        engine.dispose()
        raise WrongStoreKeyError(str(exc.orig)) from exc


def encrypt_copy(plain: Path, encrypted: Path, key: bytes) -> None:
    """Write an encrypted copy of the plain SQLite store `plain` to `encrypted` (a new file).

    SQLCipher's `sqlcipher_export` copies schema, rows and the user version page by page; the
    plain file is left as it was, for the caller to replace.
    """
    if encrypted.exists():
        encrypted.unlink()
    connection = sqlcipher3.dbapi2.connect(str(plain))
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute(
            f"ATTACH DATABASE ? AS encrypted KEY \"x'{_checked_key(key).hex()}'\"",
            (str(encrypted),),
        )
        connection.execute("SELECT sqlcipher_export('encrypted')")
        (version,) = connection.execute("PRAGMA main.user_version").fetchone()
        connection.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        connection.execute("DETACH DATABASE encrypted")
    finally:
        connection.close()


def _checked_key(key: bytes) -> bytes:
    _key_pragma(key)
    return key


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


def _header(path: Path) -> bytes | None:
    try:
        with path.open("rb") as file:
            return file.read(len(SQLITE_HEADER))
    except OSError:
        return None


def is_sqlite_file(path: Path) -> bool:
    """True when `path` is an existing plain SQLite database file (it starts with the header).

    An encrypted store is not one: SQLCipher encrypts the first page too, header included.
    """
    if not path.is_file():
        return False
    header = _header(path)
    if header is None:
        return False
    if header == b"":
        return True  # SQLite takes an empty file for an empty database
    if header != SQLITE_HEADER:
        return False
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            connection.execute("SELECT name FROM sqlite_master LIMIT 1")
    except sqlite3.DatabaseError:
        return False
    return True


def may_be_encrypted_store(path: Path) -> bool:
    """True when `path` is a non-empty file without the SQLite header: an encrypted store, or
    something else entirely (only the key can tell)."""
    header = _header(path) if path.is_file() else None
    return bool(header) and header != SQLITE_HEADER
