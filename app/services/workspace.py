"""A workspace: the folder with one person's local store (and, for the demo, its embedded central).

Opening a workspace upgrades its local store to this version's schema (copying it aside first)
and refuses a store written by a newer version. Services receive the open `Workspace`.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app import errors
from app.store import engines, schema_upgrade
from app.store.local_models import SyncState
from app.store.models import AppUser

LOCAL_STORE_NAME = "local.db"
EMBEDDED_CENTRAL_NAME = "central.db"

# Keys of the local `sync_state` table that describe the workspace itself.
STATE_USER_ID = "user_id"
STATE_SERVER_URL = "server_url"
STATE_DEMO = "demo"


def default_workspace_dir() -> Path:
    """Where the application keeps its workspace when none is given (the platform's data folder)."""
    return Path(platformdirs.user_data_dir("FieldCollect", appauthor=False)) / "workspace"


@dataclass(frozen=True, slots=True)
class Identity:
    """Who the workspace belongs to.

    Attributes:
        user_id: the user's row id.
        username: the login name.
        display_name: the name people read.
        role: "collector", "lead" or "admin".
    """

    user_id: uuid.UUID
    username: str
    display_name: str
    role: str


class Workspace:
    """An open workspace folder with its upgraded local store.

    Attributes:
        folder: the workspace folder.
        engine: the engine on the local store.
    """

    def __init__(self, folder: Path, engine: Engine) -> None:
        self.folder = folder
        self.engine = engine
        self._sessions = engines.session_factory(engine)

    @classmethod
    def open(cls, folder: Path, *, create: bool = False) -> Workspace:
        """Open (or with `create`, make) the workspace in `folder`, upgrading its local store."""
        folder = folder.expanduser().resolve()
        store = folder / LOCAL_STORE_NAME
        if not store.exists() and not create:
            raise errors.WorkspaceError(
                f"{folder} is not a FieldCollect workspace (no {LOCAL_STORE_NAME}); "
                "create one with 'fieldcollect demo' or 'fieldcollect login'"
            )
        if store.exists() and not engines.is_sqlite_file(store):
            raise errors.StoreError(f"{store} is not a FieldCollect store (not a SQLite database)")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise errors.WorkspaceError(
                f"cannot create the workspace folder {folder}: {exc}"
            ) from exc
        engine = engines.sqlite_engine(store)
        try:
            schema_upgrade.upgrade(engine, schema_upgrade.SchemaKind.LOCAL, store_file=store)
        except Exception:
            engine.dispose()
            raise
        return cls(folder, engine)

    @property
    def store_path(self) -> Path:
        return self.folder / LOCAL_STORE_NAME

    @property
    def embedded_central_path(self) -> Path:
        return self.folder / EMBEDDED_CENTRAL_NAME

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A session on the local store, committed on success and rolled back on error."""
        with self._sessions.begin() as session:
            yield session

    def state(self, key: str) -> str | None:
        with self.session() as session:
            row = session.get(SyncState, key)
            return row.value if row else None

    def set_state(self, key: str, value: str) -> None:
        with self.session() as session:
            session.merge(SyncState(key=key, value=value))

    def identity(self) -> Identity | None:
        """The workspace's owner, or None before the first login or demo set-up."""
        user_id = self.state(STATE_USER_ID)
        if user_id is None:
            return None
        with self.session() as session:
            user = session.scalar(select(AppUser).where(AppUser.id == uuid.UUID(user_id)))
            if user is None:
                return None
            return Identity(user.id, user.username, user.display_name, user.role)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
