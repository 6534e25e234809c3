"""The user's central-database password and the workspace's store key, kept in the OS keyring.

Secrets sit behind this one class. Without a usable keyring backend (a headless Linux box, a
locked-down laptop) the password is kept in this process's memory for the session only and the
caller is told so; it is never written to a file, a setting or a log.

A workspace's store key (the SQLCipher key of its local store, 32 random bytes) has no such
fallback: a key kept for the session only would leave the store unreadable after it, with the
offline work inside. Without a keyring the key is refused (`WorkspaceKeyError`) and no encrypted
store is made.
"""

from __future__ import annotations

import binascii
import logging
import secrets

import keyring
import keyring.backend
import keyring.errors
from keyring.backends import fail

from app import errors

logger = logging.getLogger(__name__)

SERVICE = "FieldCollect"

# Passwords kept for this process only, when the OS offers no keyring.
_session_passwords: dict[str, str] = {}

# Length of a workspace's store key.
WORKSPACE_KEY_BYTES = 32


class WorkspaceKeyError(errors.KnownError):
    """A workspace's store key cannot be kept or found (no keyring, or not in it)."""


def workspace_key_entry(workspace_id: str) -> str:
    """The keyring entry of one workspace's store key (its id is kept beside the store)."""
    return f"workspace-key:{workspace_id}"


def credential_key(username: str, host: str | None, port: int | None, database: str | None) -> str:
    """The keyring entry of one user on one central database."""
    return f"{username}@{host or 'localhost'}:{port or 5432}/{database or ''}"


class PasswordStore:
    """Where passwords are kept: the OS keyring, or this session's memory when there is none.

    Attributes:
        backend: the keyring backend in use.
    """

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self.backend = backend if backend is not None else keyring.get_keyring()

    @property
    def has_keyring(self) -> bool:
        """Whether the OS keyring can hold passwords on this machine."""
        return not isinstance(self.backend, fail.Keyring) and self.backend.priority > 0

    def describe(self) -> str:
        return type(self.backend).__name__

    def save(self, key: str, password: str) -> bool:
        """Keep `password`; True when the OS keyring holds it, False when only this session does."""
        if self.has_keyring:
            try:
                self.backend.set_password(SERVICE, key, password)
                _session_passwords.pop(key, None)
                return True
            except keyring.errors.KeyringError as exc:
                logger.warning("the keyring refused the password: %s", type(exc).__name__)
        _session_passwords[key] = password
        return False

    def load(self, key: str) -> str | None:
        if key in _session_passwords:
            return _session_passwords[key]
        if not self.has_keyring:
            return None
        try:
            return self.backend.get_password(SERVICE, key)
        except keyring.errors.KeyringError as exc:
            logger.warning("the keyring could not be read: %s", type(exc).__name__)
            return None

    def forget(self, key: str) -> None:
        _session_passwords.pop(key, None)
        if self.has_keyring:
            try:
                self.backend.delete_password(SERVICE, key)
            except keyring.errors.PasswordDeleteError:
                pass
            except keyring.errors.KeyringError as exc:
                logger.warning("the keyring could not be changed: %s", type(exc).__name__)

    # -- workspace store keys -------------------------------------------------------------------

    def new_workspace_key(self, workspace_id: str) -> bytes:
        """Make a store key for `workspace_id` and keep it in the OS keyring.

        Raises `WorkspaceKeyError` (and keeps nothing) when the machine has no keyring or it
        refuses the key.
        """
        if not self.has_keyring:
            raise WorkspaceKeyError(
                f"this machine has no keyring (backend {self.describe()}) to keep the "
                "workspace's encryption key; a real workspace's store is encrypted and its key "
                "must survive this session. Install or unlock a keyring (GNOME Keyring, KWallet, "
                "the Windows Credential Manager, the macOS Keychain) and log in again"
            )
        key = secrets.token_bytes(WORKSPACE_KEY_BYTES)
        try:
            self.backend.set_password(SERVICE, workspace_key_entry(workspace_id), key.hex())
        except keyring.errors.KeyringError as exc:
            raise WorkspaceKeyError(
                f"the keyring ({self.describe()}) refused the workspace's encryption key: "
                f"{type(exc).__name__}; nothing was encrypted"
            ) from exc
        return key

    def workspace_key(self, workspace_id: str, where: str) -> bytes:
        """The store key of `workspace_id`; raises `WorkspaceKeyError` naming `where` when the
        keyring is missing, unreadable or holds no (well-formed) key for it."""
        if not self.has_keyring:
            raise WorkspaceKeyError(
                f"{where} is encrypted and this machine has no keyring (backend "
                f"{self.describe()}) to read its key from; unlock or install the keyring that "
                "was used when you logged in"
            )
        try:
            stored = self.backend.get_password(SERVICE, workspace_key_entry(workspace_id))
        except keyring.errors.KeyringError as exc:
            raise WorkspaceKeyError(
                f"{where} is encrypted and the keyring ({self.describe()}) could not be read: "
                f"{type(exc).__name__}; unlock it and try again"
            ) from exc
        if stored is None:
            raise WorkspaceKeyError(
                f"{where} is encrypted and its key (workspace {workspace_id}) is not in this "
                f"machine's keyring ({self.describe()}); it cannot be opened here. Log in "
                "from a new folder: what was synced comes back from the central database"
            )
        try:
            key = bytes.fromhex(stored)
        except (ValueError, binascii.Error):
            key = b""
        if len(key) != WORKSPACE_KEY_BYTES:
            raise WorkspaceKeyError(
                f"the keyring entry {workspace_key_entry(workspace_id)} of {where} does not "
                "hold a store key"
            )
        return key

    def forget_workspace_key(self, workspace_id: str) -> None:
        """Delete a workspace's store key (its store becomes unreadable for good)."""
        self.forget(workspace_key_entry(workspace_id))
