"""CentralAccess opens the central database the way the sync does (`SyncService.open_central`):
the workspace's server, its user's own login role, the password kept for him or the one given
for the session; the embedded demo's SQLite central as it is."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from app import errors
from app.services.central_access import CentralAccess, CentralRefusedError
from app.services.sync import SyncService
from app.services.workspace import Workspace
from app.store import models
from app.sync import credentials
from tests.app.sync.central_world import PASSWORD, World, central_world
from tests.helpers.memory_keyring import MemoryKeyring


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with central_world(tmp_path) as world:
        yield world


def test_the_engine_logs_in_as_the_workspaces_user_with_his_kept_password(world: World) -> None:
    lead = world.user("lena", "lead", "North")
    workspace = world.workspace(lead)
    access = CentralAccess(workspace, world.sync_service(workspace).passwords)
    assert access.username == lead and not access.needs_password()
    with access.engine() as engine, engine.connect() as connection:
        assert connection.scalar(text("SELECT current_user")) == lead
        assert engine.url.password == PASSWORD
        assert engine.url.render_as_string(hide_password=True).endswith(world.url.database)
    engine = world.sync_service(workspace).open_central()
    try:
        with engine.connect() as connection:
            assert connection.scalar(text("SELECT current_user")) == lead
    finally:
        engine.dispose()


def test_without_a_kept_password_the_one_given_for_the_session_is_used(world: World) -> None:
    lead = world.user("lena", "lead", "North")
    workspace = world.workspace(lead)
    # Another machine's keyring: nothing kept for him there.
    access = CentralAccess(workspace, credentials.PasswordStore(MemoryKeyring()))
    assert access.needs_password()
    with access.engine() as engine:
        assert engine.url.password is None and engine.url.username == lead
    access.use_password("typed-in")
    assert not access.needs_password()
    with access.engine() as engine:
        assert (engine.url.username, engine.url.password) == (lead, "typed-in")


def test_a_refused_statement_names_the_user_and_the_cause(world: World) -> None:
    collector = world.user("alice", "collector", "North")
    workspace = world.workspace(collector)
    access = CentralAccess(workspace, world.sync_service(workspace).passwords)
    with (
        pytest.raises(CentralRefusedError, match=f"refused this for {collector}: "),
        access.engine() as engine,
        engine.begin() as connection,
    ):
        connection.execute(text("DROP TABLE loan_case"))


def test_a_workspace_nobody_logged_in_to_has_no_central_database(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "new", create=True) as workspace:
        access = CentralAccess(workspace, credentials.PasswordStore(MemoryKeyring()))
        with (
            pytest.raises(errors.WorkspaceError, match="has no central database yet"),
            access.engine(),
        ):
            pass
        with pytest.raises(errors.WorkspaceError, match="has no central database yet"):
            SyncService(workspace, access.passwords).open_central()


def test_the_demo_opens_its_embedded_central_database(demo_workspace: Workspace) -> None:
    access = CentralAccess(demo_workspace)
    assert not access.needs_password()
    with access.engine() as engine, engine.connect() as connection:
        assert engine.url.get_backend_name() == "sqlite"
        assert engine.url.database == str(demo_workspace.embedded_central_path)
        assert connection.scalar(select(func.count()).select_from(models.LoanCase)) > 0
