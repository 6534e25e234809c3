"""The administrator's jobs on a central database: create or upgrade it, and add users.

On PostgreSQL, `init_central` also installs the group roles, grants and Row-Level Security
(`app.sync.central_security`) and `add_user` creates the person's login role. The embedded
central (a SQLite file) has neither roles nor Row-Level Security: there the sync itself limits
what it copies to what the user may see, and these jobs only write the schema and the user row.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session

from app import errors
from app.domain import vocabulary
from app.store import engines, models, schema_upgrade
from app.sync import central_security

logger = logging.getLogger(__name__)


class CentralDatabaseError(errors.KnownError):
    """The central database cannot be reached, or refused what the administrator asked."""


@dataclass(frozen=True, slots=True)
class CentralReady:
    """A central database brought up to this version's schema and security.

    Attributes:
        url: the database's URL without its password.
        schema_revision: the schema revision it is at now.
        upgraded: False when the schema was already current.
        roles: the group roles (collector, lead, admin), None on SQLite.
        secured_tables: tables with Row-Level Security enabled and forced (0 on SQLite).
        policies: Row-Level Security policies in place (0 on SQLite).
    """

    url: str
    schema_revision: str
    upgraded: bool
    roles: central_security.GroupRoles | None
    secured_tables: int
    policies: int


@dataclass(frozen=True, slots=True)
class UserAdded:
    """A user created or brought up to date.

    Attributes:
        user_id: the user's row id.
        username: the login name (also the PostgreSQL login role).
        role: collector, lead or admin.
        team: the team's name, None without one.
        created: False when the user existed and was updated.
        login_role: the name of the PostgreSQL login role, None on SQLite.
    """

    user_id: uuid.UUID
    username: str
    role: str
    team: str | None
    created: bool
    login_role: str | None


def _engine(url: str) -> Engine:
    try:
        return engines.central_engine(url)
    except (ArgumentError, ValueError) as exc:
        raise CentralDatabaseError(f"{url!r} is not a database URL: {exc}") from exc


def _shown(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def init_central(url: str) -> CentralReady:
    """Create or upgrade the central database at `url`; on PostgreSQL also roles and security.

    Running it again on a current database changes nothing.
    """
    engine = _engine(url)
    try:
        upgraded = schema_upgrade.upgrade(engine, schema_upgrade.SchemaKind.CENTRAL)
        revision = schema_upgrade.head_revision(schema_upgrade.SchemaKind.CENTRAL)
        if engine.dialect.name != "postgresql":
            return CentralReady(_shown(url), revision, upgraded, None, 0, 0)
        with engine.begin() as connection:
            roles = central_security.install(connection)
            summary = central_security.security_summary(connection)
    except SQLAlchemyError as exc:
        raise CentralDatabaseError(
            f"cannot prepare the central database {_shown(url)}: {_first_line(exc)}"
        ) from exc
    finally:
        engine.dispose()
    logger.info("central database ready at schema %s", revision)
    return CentralReady(
        _shown(url), revision, upgraded, roles, summary["tables"], summary["policies"]
    )


def add_user(
    url: str,
    username: str,
    role: str,
    *,
    team: str | None = None,
    password: str | None = None,
    display_name: str | None = None,
) -> UserAdded:
    """Add `username` with `role` (and `team`, created when new) to the central database.

    On PostgreSQL the login role of the same name is created too (a member of the role's group
    only), with `password` when given. An existing user gets the new role, team and password.
    """
    if role not in {member.value for member in vocabulary.UserRole}:
        raise errors.KnownError(f"unknown role {role!r}: use collector, lead or admin")
    central_security.check_login_name(username)
    if role in (vocabulary.UserRole.COLLECTOR, vocabulary.UserRole.LEAD) and not team:
        raise errors.KnownError(f"a {role} belongs to a team: give --team")
    engine = _engine(url)
    try:
        _require_current_schema(engine, url)
        with engine.begin() as connection:
            login_role = None
            if engine.dialect.name == "postgresql":
                central_security.ensure_login(connection, username, role, password)
                login_role = username
            with Session(connection) as session:
                user, created = _upsert_user(session, username, role, team, display_name)
                session.flush()
                added = UserAdded(user.id, username, role, team, created, login_role)
    except SQLAlchemyError as exc:
        raise CentralDatabaseError(
            f"cannot add {username!r} to {_shown(url)}: {_first_line(exc)}"
        ) from exc
    finally:
        engine.dispose()
    return added


def _upsert_user(
    session: Session, username: str, role: str, team_name: str | None, display_name: str | None
) -> tuple[models.AppUser, bool]:
    team_id = None
    if team_name:
        team = session.scalar(select(models.Team).where(models.Team.name == team_name))
        if team is None:
            team = models.Team(name=team_name)
            session.add(team)
            session.flush()
        team_id = team.id
    user = session.scalar(select(models.AppUser).where(models.AppUser.username == username))
    if user is None:
        user = models.AppUser(
            username=username,
            display_name=display_name or username,
            role=role,
            team_id=team_id,
        )
        session.add(user)
        return user, True
    user.role = role
    user.team_id = team_id
    user.active = True
    if display_name:
        user.display_name = display_name
    user.updated_at = models.utc_now()
    return user, False


def _require_current_schema(engine: Engine, url: str) -> None:
    head = schema_upgrade.head_revision(schema_upgrade.SchemaKind.CENTRAL)
    with engine.connect() as connection:
        revision = schema_upgrade.current_revision(connection)
    if revision != head:
        raise errors.KnownError(
            f"the central database {_shown(url)} is at schema {revision or 'none'}, not {head}; "
            "run 'fieldcollect admin init-central' first"
        )


def _first_line(exc: SQLAlchemyError) -> str:
    original = getattr(exc, "orig", None) or exc
    return str(original).strip().splitlines()[0]
