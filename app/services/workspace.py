"""A workspace: the folder with one person's local store (and, for the demo, its embedded central).

Opening a workspace upgrades its local store to this version's schema (copying it aside first)
and refuses a store written by a newer version. Services receive the open `Workspace`.

A real workspace (one somebody logged in to) keeps its store encrypted with SQLCipher: the first
login makes a random key, puts it in the OS keyring under the workspace's id and rewrites the
store encrypted (`Workspace.encrypt`). The id is kept in the clear beside the store
(`workspace.id`), so that opening can find the key; the key itself is never written to the folder.
On a machine with no keyring the key is instead kept beside the store wrapped by the user's
password (`workspace.key`, see `credentials.PasswordWrappedKey`): opening the workspace then needs
that password, which is also kept in memory for the session's syncs. When the central password
changes, the workspace still opens with the old one until a sync succeeds with the new one, which
re-wraps the key (`Workspace.follow_password`).
The demo workspace stays a plain SQLite file: it holds generated people only.
"""

from __future__ import annotations

import contextlib
import hmac
import logging
import secrets
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from sqlalchemy import Engine, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session

from app import errors
from app.store import attachment_files, engines, schema_upgrade
from app.store.local_models import SyncState
from app.store.models import AppUser
from app.sync import credentials

logger = logging.getLogger(__name__)

LOCAL_STORE_NAME = "local.db"
EMBEDDED_CENTRAL_NAME = "central.db"
# Beside an encrypted store: the workspace's id, which names its key in the keyring.
WORKSPACE_ID_NAME = "workspace.id"
# Beside a store whose key no keyring holds: the key, wrapped by the user's password (JSON).
WORKSPACE_KEY_NAME = "workspace.key"

# What opening a password-keyed workspace may raise, for the callers above this layer (the UI).
WorkspaceKeyError = credentials.WorkspaceKeyError
WorkspacePasswordNeededError = credentials.WorkspacePasswordNeededError
WrongWorkspacePasswordError = credentials.WrongWorkspacePasswordError

# Keys of the local `sync_state` table that describe the workspace itself.
STATE_USER_ID = "user_id"
STATE_SERVER_URL = "server_url"
STATE_DEMO = "demo"
# The login name the workspace syncs as; only a login writes it (the demo does not).
STATE_SERVER_USER = "server_user"


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
        workspace_id: the id naming the store's key in the keyring (None for a plain store).
        wrapped_key: the store key wrapped by the user's password, when no keyring keeps it.
    """

    def __init__(
        self,
        folder: Path,
        engine: Engine,
        *,
        workspace_id: str | None = None,
        store_key: bytes | None = None,
        wrapped_key: credentials.PasswordWrappedKey | None = None,
    ) -> None:
        self.folder = folder
        self.engine = engine
        self.workspace_id = workspace_id
        self.wrapped_key = wrapped_key
        self._store_key = store_key
        self._sessions = engines.session_factory(engine)

    @classmethod
    def open(
        cls,
        folder: Path,
        *,
        create: bool = False,
        keys: credentials.PasswordStore | None = None,
        password: str | None = None,
    ) -> Workspace:
        """Open (or with `create`, make) the workspace in `folder`, upgrading its local store.

        An encrypted store is opened with its key from `keys` (the OS keyring by default), or,
        when the key was kept wrapped by the user's password (no keyring at login), with the key
        unwrapped by `password`: `WorkspacePasswordNeededError` without one,
        `WrongWorkspacePasswordError` when it is not the right one (nothing touched). The
        password that opened it is then kept for the session's syncs (in memory only, when the
        machine has no keyring). `credentials.WorkspaceKeyError` says when the key cannot be had,
        `errors.StoreError` when it does not open the file. A plain store that belongs to a
        logged-in user (made by an older version) is encrypted on the way when the machine has a
        keyring or a password was given.
        """
        folder = folder.expanduser().resolve()
        store = folder / LOCAL_STORE_NAME
        if not store.exists() and not create:
            raise errors.WorkspaceError(
                f"{folder} is not a FieldCollect workspace (no {LOCAL_STORE_NAME}); "
                "create one with 'fieldcollect demo' or 'fieldcollect login'"
            )
        keys = keys if keys is not None else credentials.PasswordStore()
        workspace_id, store_key, wrapped = None, None, None
        if store.exists() and not engines.is_sqlite_file(store):
            workspace_id = _encrypted_store_id(folder, store)
            wrapped = _wrapped_key(folder, workspace_id)
            if wrapped is None:
                store_key = keys.workspace_key(workspace_id, str(folder))
            elif password is None:
                raise WorkspacePasswordNeededError(
                    f"{folder} is encrypted with its user's password (the machine had no keyring "
                    "when it was logged in): give the password — fieldcollect: --password-stdin, "
                    "or type it when asked"
                )
            else:
                store_key = wrapped.unwrap(password, str(folder))
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise errors.WorkspaceError(
                f"cannot create the workspace folder {folder}: {exc}"
            ) from exc
        if store_key is None:
            engine = engines.sqlite_engine(store)
        else:
            engine = _opened_encrypted(store, store_key, workspace_id)
        try:
            schema_upgrade.upgrade(engine, schema_upgrade.SchemaKind.LOCAL, store_file=store)
        except Exception:
            engine.dispose()
            raise
        workspace = cls(
            folder, engine, workspace_id=workspace_id, store_key=store_key, wrapped_key=wrapped
        )
        if store_key is None and workspace._belongs_to_a_login():
            workspace._encrypt_if_possible(keys, password)
        if wrapped is not None and password is not None:
            workspace._keep_password_for_session(keys, password)
        return workspace

    @property
    def encrypted(self) -> bool:
        """Whether the local store is encrypted (every real workspace; not the demo)."""
        return self._store_key is not None

    @property
    def store_key(self) -> bytes | None:
        """The store's 32-byte key, for deriving the attachments' key (None for a plain store)."""
        return self._store_key

    @property
    def password_keyed(self) -> bool:
        """Whether the store's key is wrapped by the user's password (no keyring keeps it)."""
        return self.wrapped_key is not None

    def encrypt(self, keys: credentials.PasswordStore, password: str | None = None) -> bool:
        """Encrypt the plain local store with a new key; False if it already was.

        The key goes to the keyring when the machine has one; otherwise it is wrapped by
        `password` and written beside the store (`WORKSPACE_KEY_NAME`); with neither,
        `credentials.WorkspaceKeyError` and nothing is touched. Then an encrypted copy of the
        store is written beside it and renamed over it, so a crash leaves either the plain store
        or the encrypted one, never half of each. Plain copies made before upgrades
        (`local.db.before-*.bak`) are deleted: they would keep the borrowers readable.
        """
        if self._store_key is not None:
            return False
        workspace_id = str(uuid.uuid4())
        wrapped = None
        if keys.has_keyring or password is None:
            key = keys.new_workspace_key(workspace_id)
        else:
            key = secrets.token_bytes(credentials.WORKSPACE_KEY_BYTES)
            wrapped = credentials.PasswordWrappedKey.wrap(workspace_id, key, password)
        store = self.store_path
        partial = store.with_name(f"{store.name}.encrypting")
        self.engine.dispose()
        try:
            engines.encrypt_copy(store, partial, key)
            if wrapped is not None:
                _write_beside(self.folder, WORKSPACE_KEY_NAME, wrapped.to_json())
            _write_beside(self.folder, WORKSPACE_ID_NAME, workspace_id + "\n")
            for journal in ("-wal", "-shm"):
                store.with_name(store.name + journal).unlink(missing_ok=True)
            partial.replace(store)
        except Exception as exc:
            partial.unlink(missing_ok=True)
            if wrapped is None:
                keys.forget_workspace_key(workspace_id)
            else:
                (self.folder / WORKSPACE_KEY_NAME).unlink(missing_ok=True)
            raise errors.StoreError(f"cannot encrypt the store {store}: {exc}") from exc
        for backup in self.folder.glob(f"{LOCAL_STORE_NAME}.before-*.bak"):
            backup.unlink(missing_ok=True)
        self.engine = _opened_encrypted(store, key, workspace_id)
        self._sessions = engines.session_factory(self.engine)
        self.workspace_id, self._store_key, self.wrapped_key = workspace_id, key, wrapped
        logger.info(
            "the local store is now encrypted (workspace %s, key %s)",
            workspace_id,
            "wrapped by the password" if wrapped is not None else "in the keyring",
        )
        return True

    def opens_with(self, password: str) -> bool:
        """Whether `password` unwraps this workspace's store key (False when no password does:
        its key is in the keyring, or the store is plain)."""
        if self.wrapped_key is None or self._store_key is None:
            return False
        try:
            key = self.wrapped_key.unwrap(password, str(self.folder))
        except credentials.WorkspaceKeyError:
            return False
        return hmac.compare_digest(key, self._store_key)

    def follow_password(self, password: str) -> bool:
        """Re-wrap the store key with `password` when it is not the one wrapping it now.

        Called after the central database accepted `password`: after the user's password was
        changed there, the workspace opens with the new one from then on (the old wrapping is
        replaced, atomically). True when it re-wrapped.
        """
        if self.wrapped_key is None or self._store_key is None or self.workspace_id is None:
            return False
        if self.opens_with(password):
            return False
        wrapped = credentials.PasswordWrappedKey.wrap(self.workspace_id, self._store_key, password)
        _write_beside(self.folder, WORKSPACE_KEY_NAME, wrapped.to_json())
        self.wrapped_key = wrapped
        logger.info(
            "the store key of workspace %s is now wrapped by the new password", self.workspace_id
        )
        return True

    def attachment_files(self) -> attachment_files.AttachmentFiles:
        """The workspace's attachment files: encrypted with a key derived from the store's key
        when the store is encrypted, plain in the demo. Every service reaches them here."""
        return attachment_files.AttachmentFiles.of_workspace(self.folder, self._store_key)

    def _belongs_to_a_login(self) -> bool:
        return self.state(STATE_DEMO) != "1" and self.state(STATE_SERVER_USER) is not None

    def _encrypt_if_possible(self, keys: credentials.PasswordStore, password: str | None) -> None:
        try:
            self.encrypt(keys, password)
        except credentials.WorkspaceKeyError as exc:
            logger.warning("the store of %s stays unencrypted: %s", self.folder, exc)

    def _keep_password_for_session(self, keys: credentials.PasswordStore, password: str) -> None:
        """Keep the password that opened the store for this session's syncs (in memory only:
        the machine had no keyring), unless one is kept already."""
        server, username = self.state(STATE_SERVER_URL), self.state(STATE_SERVER_USER)
        if keys.has_keyring or server is None or username is None:
            return
        try:
            url = make_url(server)
        except ArgumentError:
            return
        if url.get_backend_name() == "sqlite":
            return
        entry = credentials.credential_key(username, url.host, url.port, url.database)
        if keys.load(entry) is None:
            keys.save(entry, password)

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


def _encrypted_store_id(folder: Path, store: Path) -> str:
    """The id of the workspace whose encrypted store `store` is; a StoreError when there is none."""
    id_file = folder / WORKSPACE_ID_NAME
    if not engines.may_be_encrypted_store(store) or not id_file.is_file():
        raise errors.StoreError(
            f"{store} is not a FieldCollect store (not a SQLite database, and no "
            f"{WORKSPACE_ID_NAME} beside it naming the key of an encrypted one)"
        )
    try:
        return str(uuid.UUID(id_file.read_text(encoding="utf-8").strip()))
    except (OSError, ValueError) as exc:
        raise errors.StoreError(
            f"{id_file} does not hold a workspace id, so the key of {store} cannot be found"
        ) from exc


def _wrapped_key(folder: Path, workspace_id: str) -> credentials.PasswordWrappedKey | None:
    """The password-wrapped store key beside the store, or None when the keyring keeps it."""
    key_file = folder / WORKSPACE_KEY_NAME
    if not key_file.is_file():
        return None
    try:
        text = key_file.read_text(encoding="utf-8")
    except OSError as exc:
        raise credentials.WorkspaceKeyError(f"cannot read {key_file}: {exc}") from exc
    wrapped = credentials.PasswordWrappedKey.from_json(text, str(key_file))
    if wrapped.workspace_id != workspace_id:
        raise credentials.WorkspaceKeyError(
            f"{key_file} holds the key of workspace {wrapped.workspace_id}, not of this one "
            f"({workspace_id}, named in {WORKSPACE_ID_NAME})"
        )
    return wrapped


def _write_beside(folder: Path, name: str, text: str) -> None:
    """Write `name` in `folder` whole or not at all (a partial file renamed over it)."""
    partial = folder / f".{name}.partial"
    partial.write_text(text, encoding="utf-8")
    partial.replace(folder / name)


def _opened_encrypted(store: Path, key: bytes, workspace_id: str | None) -> Engine:
    engine = engines.encrypted_sqlite_engine(store, key)
    try:
        engines.check_store_key(engine)
    except engines.WrongStoreKeyError as exc:
        raise errors.StoreError(
            f"{store} cannot be opened with the key kept for workspace {workspace_id}: the key "
            "is wrong, or the file is damaged or not this workspace's store"
        ) from exc
    return engine
