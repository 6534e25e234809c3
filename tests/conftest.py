"""Shared by every test: Qt offscreen, preferences in a throw-away folder, a demo workspace."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before anything imports Qt: no display here, and QtWebEngine refuses to run as root sandboxed.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
# Preferences of a test run never touch (or read) the developer's own.
os.environ["FIELDCOLLECT_CONFIG_DIR"] = tempfile.mkdtemp(prefix="fieldcollect-config-")
os.environ["FIELDCOLLECT_LOG_DIR"] = tempfile.mkdtemp(prefix="fieldcollect-logs-")
os.environ.setdefault("FIELDCOLLECT_LANG", "en")


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[object]:
    """Every test's OS keyring: an empty one in memory, never the developer's own.

    A test that means another backend (none at all, say) sets it with `keyring.set_keyring`.
    """
    import keyring

    from tests.helpers.memory_keyring import MemoryKeyring

    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring(memory_keyring: object) -> Iterator[None]:
    """A machine with no keyring backend at all (a headless Linux box, the check machines):
    keyring's own `fail.Keyring`; the passwords kept for the session are forgotten afterwards."""
    import keyring
    from keyring.backends import fail

    from app.sync import credentials

    keyring.set_keyring(fail.Keyring())
    yield
    credentials._session_passwords.clear()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo workspace (600 cases, today as its today) built once per test run; copy, don't use."""
    from app.services import demo

    folder = tmp_path_factory.mktemp("demo-template") / "ws"
    demo.build_demo_workspace(folder, seed=7, cases=600, as_of=dt.date.today())
    return folder


@pytest.fixture
def demo_folder(demo_template: Path, tmp_path: Path) -> Iterator[Path]:
    """A private copy of the demo workspace folder, free to change."""
    from app.services.workspace import STATE_SERVER_URL, Workspace

    folder = tmp_path / "demo"
    shutil.copytree(demo_template, folder)
    # The copy syncs with its own embedded central database, never with the template's.
    with Workspace.open(folder) as workspace:
        workspace.set_state(STATE_SERVER_URL, f"sqlite:///{workspace.embedded_central_path}")
    yield folder


@pytest.fixture
def demo_workspace(demo_folder: Path) -> Iterator[object]:
    """The copied demo workspace, open."""
    from app.services.workspace import Workspace

    with Workspace.open(demo_folder) as workspace:
        yield workspace
