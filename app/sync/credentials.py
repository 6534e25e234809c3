"""The user's central-database password, kept in the OS keyring and nowhere else.

Secrets sit behind this one class. Without a usable keyring backend (a headless Linux box, a
locked-down laptop) the password is kept in this process's memory for the session only and the
caller is told so; it is never written to a file, a setting or a log.
"""

from __future__ import annotations

import logging

import keyring
import keyring.backend
import keyring.errors
from keyring.backends import fail

logger = logging.getLogger(__name__)

SERVICE = "FieldCollect"

# Passwords kept for this process only, when the OS offers no keyring.
_session_passwords: dict[str, str] = {}


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
