"""A team lead's demo workspace beside 张伟's, both syncing with one embedded central database."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget

from app.services import demo
from app.services.workspace import STATE_SERVER_URL, Workspace


@dataclass(frozen=True)
class TeamDemo:
    """The copied demo: the collector's folder (with the central file) and the lead's."""

    collector_folder: Path
    lead_folder: Path

    @property
    def central_path(self) -> Path:
        return self.collector_folder / "central.db"


@pytest.fixture(scope="session")
def lead_template(tmp_path_factory: pytest.TempPathFactory) -> TeamDemo:
    """The lead's demo (200 cases for 张伟, 530 in the team), built once per run; copy it."""
    folder = tmp_path_factory.mktemp("lead-template") / "ws"
    summary = demo.build_lead_workspace(folder, seed=7, cases=200, as_of=dt.date.today())
    return TeamDemo(folder, summary.folder)


@pytest.fixture
def team_demo(lead_template: TeamDemo, tmp_path: Path) -> TeamDemo:
    """A private copy of both workspaces, each pointed at the copy's own central file."""
    copied = TeamDemo(tmp_path / "ws", tmp_path / "ws-lead")
    shutil.copytree(lead_template.collector_folder, copied.collector_folder)
    shutil.copytree(lead_template.lead_folder, copied.lead_folder)
    for folder in (copied.collector_folder, copied.lead_folder):
        with Workspace.open(folder) as workspace:
            workspace.set_state(STATE_SERVER_URL, f"sqlite:///{copied.central_path}")
    return copied


@pytest.fixture
def lead_workspace(team_demo: TeamDemo) -> Iterator[Workspace]:
    """The lead's copied workspace, open."""
    with Workspace.open(team_demo.lead_folder) as workspace:
        yield workspace


def dispose(widget: QWidget) -> None:
    """Delete a screen holding a web page now: a page still alive when QtWebEngine shuts down
    crashes the interpreter's exit (as tests/ui/test_map_view.py explains)."""
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
