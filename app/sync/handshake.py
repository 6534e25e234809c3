"""Before any row moves: client and central agree on the schema, and the user is known centrally.

A central database at a schema this version does not know (a newer one) is refused: the client
must be updated and writes nothing. One at an older schema is upgraded when it is the embedded
SQLite file; a PostgreSQL one is left to its administrator (`fieldcollect admin init-central`).
"""

from __future__ import annotations

import functools
import uuid
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, select

from app import errors
from app.store import models, schema_upgrade

CENTRAL = schema_upgrade.SchemaKind.CENTRAL


class SchemaMismatchError(errors.KnownError):
    """Client and central database are at different schema revisions."""


class UnknownUserError(errors.KnownError):
    """The central database has no (active) user of that name."""


@dataclass(frozen=True, slots=True)
class Viewer:
    """Who syncs, as the central database knows him.

    Attributes:
        user_id: his `app_user` id.
        username: his login name (the PostgreSQL login role).
        role: collector, lead or admin.
        team_id: his team, None without one.
    """

    user_id: uuid.UUID
    username: str
    role: str
    team_id: uuid.UUID | None


@functools.cache
def _head() -> str:
    """This version's central schema revision (read from the migration scripts once)."""
    return schema_upgrade.head_revision(CENTRAL)


def agree_on_schema(engine: Engine, where: str) -> str:
    """Check (or, for an embedded central, bring) the central schema to this version's head."""
    head = _head()
    with engine.connect() as connection:
        revision = schema_upgrade.current_revision(connection)
    if revision == head:
        return head
    if revision is not None:
        try:
            schema_upgrade.check_not_newer(CENTRAL, revision, where)
        except errors.StoreTooNewError as exc:
            raise SchemaMismatchError(
                f"the central database {where} is at schema {revision}, newer than this "
                "FieldCollect knows: update FieldCollect before syncing. Nothing was sent."
            ) from exc
    if engine.dialect.name == "sqlite":
        schema_upgrade.upgrade(engine, CENTRAL)
        return head
    raise SchemaMismatchError(
        f"the central database {where} is at schema {revision or 'none'}, older than this "
        f"FieldCollect ({head}): ask the administrator to run 'fieldcollect admin init-central'. "
        "Nothing was sent."
    )


def viewer(connection: Connection, username: str) -> Viewer:
    """The central user `username`; raises UnknownUserError when absent or inactive."""
    user = connection.execute(
        select(
            models.AppUser.id, models.AppUser.role, models.AppUser.team_id, models.AppUser.active
        ).where(models.AppUser.username == username)
    ).first()
    if user is None or not user.active:
        raise UnknownUserError(
            f"the central database has no active user {username!r}; "
            "ask the administrator ('fieldcollect admin add-user')"
        )
    return Viewer(user.id, username, user.role, user.team_id)
