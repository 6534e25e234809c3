"""`fieldcollect login` and `fieldcollect sync` against a real PostgreSQL, keyring included."""

from __future__ import annotations

import datetime as dt
import io
import uuid
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import pytest
from keyring.backends import fail
from sqlalchemy import select

from app import cli
from app.services import status
from app.services.workspace import Workspace
from app.store import models
from app.sync import credentials, outbox
from tests.app.sync.central_world import PASSWORD, MemoryKeyring, World, central_world

pytestmark = pytest.mark.postgres


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with central_world(tmp_path) as world:
        yield world


@pytest.fixture
def os_keyring() -> Iterator[None]:
    """Restore the process's keyring backend after a test that sets one."""
    before = keyring.get_keyring()
    yield
    keyring.set_keyring(before)


def _run(*argv: str, stdin: str = "", monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return cli.main(list(argv))


def test_login_keeps_the_password_in_the_keyring_and_sync_uses_it(
    world: World,
    tmp_path: Path,
    os_keyring: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    alice = world.user("alice", "collector", "North")
    world.seed_cases(alice, "North", 2)
    folder = tmp_path / "alice"
    login = ("login", "--workspace", str(folder), "--server", world.server, "--user", alice)
    assert _run(*login, "--password-stdin", stdin=f"{PASSWORD}\n", monkeypatch=monkeypatch) == 0
    out = capsys.readouterr()
    assert f"logged in as {alice}" in out.out and "pulled" in out.out
    assert out.err == ""
    key = credentials.credential_key(alice, world.url.host, world.url.port, world.url.database)
    workspace_id = (folder / "workspace.id").read_text().strip()
    assert backend.passwords.keys() == {
        (credentials.SERVICE, key),
        (credentials.SERVICE, credentials.workspace_key_entry(workspace_id)),
    }
    assert backend.passwords[(credentials.SERVICE, key)] == PASSWORD
    assert _run("sync", "--workspace", str(folder), monkeypatch=monkeypatch) == 0
    assert "pushed 0 changes" in capsys.readouterr().out  # the login's audit event went already
    with Workspace.open(folder) as workspace:
        shown = status.workspace_status(workspace)
        with workspace.session() as session:
            assert len(session.scalars(select(models.LoanCase.id)).all()) == 2
    assert shown.last_sync_at is not None and shown.last_sync_at.tzinfo is not None
    assert shown.server_url is not None and PASSWORD not in shown.server_url
    for stored in folder.iterdir():
        assert PASSWORD.encode() not in stored.read_bytes(), stored.name


def test_without_a_keyring_login_is_refused_and_nothing_is_kept(
    world: World,
    tmp_path: Path,
    os_keyring: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The store of a real workspace is encrypted and its key must outlive the session: a
    # machine with no keyring cannot keep it, so the login stops before any row is copied.
    keyring.set_keyring(fail.Keyring())
    alice = world.user("alice", "collector", "North")
    world.seed_cases(alice, "North", 1)
    folder = tmp_path / "alice"
    login = ("login", "--workspace", str(folder), "--server", world.server, "--user", alice)
    assert _run(*login, "--password-stdin", stdin=f"{PASSWORD}\n", monkeypatch=monkeypatch) == 1
    err = capsys.readouterr().err
    assert "no keyring" in err and "encryption key" in err
    assert PASSWORD not in err
    assert not (folder / "workspace.id").exists()
    with Workspace.open(folder) as workspace, workspace.session() as session:
        assert not workspace.encrypted
        assert workspace.identity() is None
        assert session.scalars(select(models.LoanCase.id)).all() == []


def test_sync_exits_1_when_the_central_database_refuses_a_change(
    world: World,
    tmp_path: Path,
    os_keyring: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    keyring.set_keyring(MemoryKeyring())
    alice = world.user("alice", "collector", "North")
    bob = world.user("bob", "collector", "North")
    (case_id,) = world.seed_cases(alice, "North", 1)
    folder = tmp_path / "alice"
    login = ("login", "--workspace", str(folder), "--server", world.server, "--user", alice)
    assert _run(*login, "--password-stdin", stdin=f"{PASSWORD}\n", monkeypatch=monkeypatch) == 0
    with Workspace.open(folder) as workspace, workspace.session() as session:
        # A contact signed with someone else's id: the central database will not take it.
        contact = models.Contact(
            id=uuid.uuid4(),
            case_id=case_id,
            user_id=world.user_id(bob),
            channel="phone",
            contacted_at=dt.datetime(2026, 11, 20, 3, tzinfo=dt.UTC),
            outcome="not_home",
        )
        session.add(contact)
        outbox.enqueue(session, contact, "insert")
    capsys.readouterr()
    assert _run("sync", "--workspace", str(folder), monkeypatch=monkeypatch) == 1
    err = capsys.readouterr().err
    assert "1 changes set aside" in err and str(contact.id) in err and "not_allowed" in err
    # Set aside, it no longer makes every later sync fail; it stays listed until decided.
    assert _run("sync", "--workspace", str(folder), monkeypatch=monkeypatch) == 0
    assert "1 changes set aside" in capsys.readouterr().err


def test_a_wrong_server_is_explained(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "nobody"
    server = "postgresql://127.0.0.1:5432/fc_no_such_database_here"
    code = _run("login", "--workspace", str(folder), "--server", server, "--user", "x",
                monkeypatch=monkeypatch)  # fmt: skip
    assert code == 1
    assert "fc_no_such_database_here" in capsys.readouterr().err
    assert _run("sync", "--workspace", str(tmp_path / "empty"), monkeypatch=monkeypatch) == 1
    assert "not a FieldCollect workspace" in capsys.readouterr().err


def test_the_memory_keyring_is_a_real_backend() -> None:
    store = credentials.PasswordStore(MemoryKeyring())
    assert store.has_keyring
    assert store.save("k", "v") is True and store.load("k") == "v"
    store.forget("k")
    assert store.load("k") is None
    assert isinstance(MemoryKeyring(), keyring.backend.KeyringBackend)
