"""A central PostgreSQL database for sync tests, with its people, cases and workspaces.

The database and every role made for it (login roles carry a unique suffix, group roles the
unique name of the run's template database) are dropped afterwards: roles belong to the whole
server. Rows are seeded
through the server's superuser (no Row-Level Security); people then act through their own login
roles, as they would. Passwords go to an in-memory keyring set explicitly, never the machine's.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from sqlalchemy import Engine, create_engine, select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session

from app.services import admin
from app.services.sync import SyncService
from app.services.workspace import Workspace
from app.store import models
from app.sync import central_security, credentials
from tests.helpers import postgres
from tests.helpers.memory_keyring import MemoryKeyring

PASSWORD = "s3cret-pw"
AT = dt.datetime(2026, 11, 20, 2, 30, tzinfo=dt.UTC)


@dataclass
class World:
    """One central database and the people who use it.

    Attributes:
        url: the database's URL as the server's superuser.
        engine: an engine as the superuser (bypasses Row-Level Security).
        roles: the database's group roles.
        folder: where workspaces are made.
        suffix: appended to every login name, unique to this world.
        keyring: the in-memory keyring all workspaces use.
    """

    url: URL
    engine: Engine
    roles: central_security.GroupRoles
    folder: Path
    suffix: str = field(default_factory=lambda: uuid.uuid4().hex[:8])
    keyring: MemoryKeyring = field(default_factory=MemoryKeyring)
    logins: list[str] = field(default_factory=list)
    _engines: list[Engine] = field(default_factory=list)
    _workspaces: list[Workspace] = field(default_factory=list)

    @property
    def admin_url(self) -> str:
        return self.url.render_as_string(hide_password=False)

    @property
    def server(self) -> str:
        """The URL people log in to (their own name and password are added by the login)."""
        return self.url._replace(username=None, password=None).render_as_string()

    def user(self, stem: str, role: str, team: str | None = None) -> str:
        """Add a user (and his login role); returns his unique login name."""
        username = f"{stem}_{self.suffix}"
        self.logins.append(username)
        admin.add_user(self.admin_url, username, role, team=team, password=PASSWORD)
        return username

    def user_id(self, username: str) -> uuid.UUID:
        with Session(self.engine) as session:
            return session.scalars(
                select(models.AppUser.id).where(models.AppUser.username == username)
            ).one()

    def team_id(self, name: str) -> uuid.UUID:
        with Session(self.engine) as session:
            return session.scalars(select(models.Team.id).where(models.Team.name == name)).one()

    def engine_as(self, username: str) -> Engine:
        """An engine logged in as `username` (trust authentication on the test server)."""
        engine = create_engine(self.url.set(username=username, password=PASSWORD))
        self._engines.append(engine)
        return engine

    def sync_service(self, workspace: Workspace) -> SyncService:
        return SyncService(workspace, credentials.PasswordStore(self.keyring))

    def workspace(self, username: str) -> Workspace:
        """A new workspace of `username`, logged in (and so synced once)."""
        workspace = Workspace.open(self.folder / username, create=True)
        self._workspaces.append(workspace)
        self.sync_service(workspace).login(self.server, username, PASSWORD)
        return workspace

    def seed_cases(
        self, collector: str, team: str, count: int, *, contacts: int = 1, start: int = 0
    ) -> list[uuid.UUID]:
        """`count` cases of `collector` with borrower, phone, address and `contacts` contacts."""
        collector_id = self.user_id(collector)
        team_id = self.team_id(team)
        case_ids = []
        with Session(self.engine) as session, session.begin():
            for number in range(start, start + count):
                borrower = models.Borrower(
                    id=uuid.uuid4(),
                    full_name=f"借款人{number}",
                    id_number=f"51010419900101{number:04d}",
                )
                session.add(borrower)
                session.add(
                    models.BorrowerPhone(borrower_id=borrower.id, number=f"1380000{number:04d}")
                )
                session.add(
                    models.BorrowerAddress(
                        borrower_id=borrower.id,
                        address_text=f"成都市{number}号",
                        lat=30.6,
                        lon=104.0,
                    )
                )
                case = models.LoanCase(
                    id=uuid.uuid4(),
                    loan_ref=f"L{self.suffix}-{team_id.hex[:4]}-{number:05d}",
                    borrower_id=borrower.id,
                    principal=Decimal("1000.00") + number,
                    interest=Decimal("10.50"),
                    assigned_to_id=collector_id,
                    team_id=team_id,
                )
                session.add(case)
                for attempt in range(contacts):
                    session.add(
                        models.Contact(
                            case_id=case.id,
                            user_id=collector_id,
                            channel="phone",
                            contacted_at=AT - dt.timedelta(days=attempt + 1),
                            outcome="not_home",
                        )
                    )
                case_ids.append(case.id)
        return case_ids

    def dispose(self) -> None:
        for workspace in self._workspaces:
            workspace.close()
        for engine in self._engines:
            engine.dispose()
        self.engine.dispose()


@dataclass(frozen=True)
class _Template:
    name: str
    roles: central_security.GroupRoles


_template: _Template | None = None


def _server() -> Engine:
    return create_engine(postgres.ADMIN_URL, isolation_level="AUTOCOMMIT")


def _template_database() -> _Template:
    """A database made once per test run by `fieldcollect admin init-central`, copied per test.

    Copying it (CREATE DATABASE … TEMPLATE) takes a fraction of migrating and securing a new one;
    the copies keep the template's group roles, which the database records. The template and its
    roles are dropped when the test run ends.
    """
    global _template
    if _template is None:
        name = f"fc_tmpl_{uuid.uuid4().hex[:12]}"
        server = _server()
        try:
            with server.connect() as connection:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
        finally:
            server.dispose()
        url = make_url(postgres.ADMIN_URL).set(database=name)
        atexit.register(_drop_template)
        _template = _Template(name, central_security.group_roles(name))
        admin.init_central(url.render_as_string(hide_password=False))
    return _template


def _drop_template() -> None:
    if _template is None:
        return
    server = _server()
    try:
        with server.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{_template.name}" WITH (FORCE)'))
    finally:
        server.dispose()
    _drop_roles(list(_template.roles.every_role))


@contextlib.contextmanager
def central_world(folder: Path) -> Iterator[World]:
    """A fresh central database as `fieldcollect admin init-central` makes it; dropped after.

    The database is a copy of a template made by `init-central` once per test run; the login
    roles made for it are dropped with it.
    """
    template = _template_database()
    name = f"fc_test_{uuid.uuid4().hex[:12]}"
    server = _server()
    world: World | None = None
    try:
        with server.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template.name}"'))
        url = make_url(postgres.ADMIN_URL).set(database=name)
        world = World(url=url, engine=create_engine(url), roles=template.roles, folder=folder)
        try:
            yield world
        finally:
            world.dispose()
    finally:
        with server.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        server.dispose()
        if world is not None:
            _drop_roles(world.logins)


def _drop_roles(names: list[str]) -> None:
    engine = _server()
    try:
        with engine.connect() as connection:
            for name in names:
                quoted = '"' + name.replace('"', '""') + '"'
                connection.execute(text(f"DROP ROLE IF EXISTS {quoted}"))
    finally:
        engine.dispose()
