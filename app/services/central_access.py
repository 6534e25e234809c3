"""The workspace's central database, opened as the workspace's own user, for the lead's writes.

Imports and assignments are written straight to the central database (they are the team's
shared data, not one laptop's offline facts), with the same login the sync uses: the user's own
PostgreSQL role with his password from the keyring, so Row-Level Security limits him there too;
or the embedded SQLite central of the demo. The workspace then syncs to see the result.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from app import errors
from app.services.sync import SyncReport, SyncService
from app.services.workspace import Workspace
from app.sync import credentials


class CentralRefusedError(errors.KnownError):
    """The central database refused a write or could not be reached (a collector's login role
    may not assign or import; Row-Level Security hides other teams' rows)."""


class CentralAccess:
    """Opens the central database of one workspace as its user.

    Attributes:
        workspace: the open workspace.
        passwords: where the sync keeps the user's password.
    """

    def __init__(
        self, workspace: Workspace, passwords: credentials.PasswordStore | None = None
    ) -> None:
        self.workspace = workspace
        self.passwords = passwords if passwords is not None else credentials.PasswordStore()
        self._password: str | None = None

    @property
    def username(self) -> str:
        """Who writes: the workspace's login name."""
        return SyncService(self.workspace, self.passwords).username()

    def needs_password(self) -> bool:
        """Whether a password must be given (a PostgreSQL central and none kept for the user)."""
        return (
            self._password is None and SyncService(self.workspace, self.passwords).needs_password()
        )

    def use_password(self, password: str) -> None:
        """The password for this session (when the machine keeps none)."""
        self._password = password

    @contextlib.contextmanager
    def engine(self) -> Iterator[Engine]:
        """An engine on the central database as the workspace's user (opened by the sync's
        `SyncService.open_central`, so both log in alike); disposed afterwards."""
        # An empty password given for the session counts as none: the kept one is used.
        engine = SyncService(self.workspace, self.passwords).open_central(self._password or None)
        try:
            yield engine
        except DBAPIError as exc:
            original = getattr(exc, "orig", None) or exc
            first_line = (str(original).strip().splitlines() or [type(original).__name__])[0]
            raise CentralRefusedError(
                f"the central database refused this for {self.username}: {first_line}"
            ) from exc
        finally:
            engine.dispose()

    def sync(self) -> SyncReport:
        """Sync the workspace, so that what was written centrally shows in it."""
        return SyncService(self.workspace, self.passwords).run(password=self._password)
