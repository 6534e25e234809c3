"""Small demo workspaces for sync tests: one built per test module, copied for each test and
pointed at the copy's own embedded central database."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine

from app.services.workspace import STATE_SERVER_URL, Workspace
from app.store import engines


@contextlib.contextmanager
def opened_copy(template: Path, folder: Path) -> Iterator[Workspace]:
    """A copy of the demo workspace `template` in `folder`, open; its store still names the
    template's central file, so it is pointed at its own."""
    shutil.copytree(template, folder)
    with Workspace.open(folder) as workspace:
        workspace.set_state(STATE_SERVER_URL, f"sqlite:///{workspace.embedded_central_path}")
        yield workspace


@contextlib.contextmanager
def embedded_central(workspace: Workspace) -> Iterator[Engine]:
    """An engine on the workspace's embedded central database, disposed afterwards."""
    engine = engines.sqlite_engine(workspace.embedded_central_path)
    try:
        yield engine
    finally:
        engine.dispose()
