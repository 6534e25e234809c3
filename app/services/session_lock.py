"""Unlocking the window after the idle lock: what the person must type, and whether it is right.

A workspace whose user's central-database password is in the OS keyring is unlocked with that
password, checked here against the keyring (never sent anywhere, never logged). A workspace
without a stored password — the demo, a login to an embedded SQLite central, a machine whose
keyring refused the password — is unlocked with the user's login name: the lock then hides the
cases from a passer-by but is no barrier against the person who knows the name, which the lock
screen says. The store itself stays encrypted either way (a real workspace's key is in the keyring).
A workspace whose store key is wrapped by the user's password (the machine has no keyring) is
unlocked with that password, checked by unwrapping the key (`Workspace.opens_with`).
"""

from __future__ import annotations

import enum
import hmac
import logging

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from app.services.workspace import STATE_SERVER_URL, STATE_SERVER_USER, Workspace
from app.sync import credentials

logger = logging.getLogger(__name__)


class UnlockSecret(enum.StrEnum):
    """What unlocks: the user's password, or (no password kept) his login name."""

    PASSWORD = "password"
    LOGIN_NAME = "login_name"


class UnlockService:
    """Checks what a person types on the lock screen.

    Attributes:
        workspace: the open workspace.
    """

    def __init__(
        self, workspace: Workspace, passwords: credentials.PasswordStore | None = None
    ) -> None:
        self.workspace = workspace
        self._passwords = passwords if passwords is not None else credentials.PasswordStore()

    def _username(self) -> str | None:
        username = self.workspace.state(STATE_SERVER_USER)
        if username is not None:
            return username
        identity = self.workspace.identity()
        return identity.username if identity is not None else None

    def _stored_password(self) -> str | None:
        server, username = self.workspace.state(STATE_SERVER_URL), self._username()
        if server is None or username is None:
            return None
        try:
            url = make_url(server)
        except ArgumentError:
            return None
        if url.get_backend_name() == "sqlite":
            return None
        return self._passwords.load(
            credentials.credential_key(username, url.host, url.port, url.database)
        )

    def secret(self) -> UnlockSecret:
        """What the lock screen asks for."""
        if self.workspace.password_keyed or self._stored_password() is not None:
            return UnlockSecret.PASSWORD
        return UnlockSecret.LOGIN_NAME

    def username(self) -> str:
        """The workspace user's login name ("" before anyone logged in)."""
        return self._username() or ""

    def check(self, typed: str) -> bool:
        """Whether `typed` unlocks: the password wrapping the store key, else the stored
        password, else the login name."""
        if self.workspace.password_keyed:
            right = self.workspace.opens_with(typed)
            if not right:
                logger.info("unlock refused: what was typed does not unwrap the store key")
            return right
        expected = self._stored_password()
        if expected is None:
            expected = self._username() or ""
        right = hmac.compare_digest(typed.encode(), expected.encode())
        if not right:
            logger.info("unlock refused: what was typed is not the %s", self.secret().value)
        return right
