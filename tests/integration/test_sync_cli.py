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
from sqlalchemy import select

from app import cli
from app.services import admin, status
from app.services.workspace import Workspace
from app.store import engines, models
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


def _log_in(world: World, folder: Path, user: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """`fieldcollect login` of `user` into a new workspace in `folder`, the password on stdin."""
    login = ("login", "--workspace", str(folder), "--server", world.server, "--user", user)
    assert _run(*login, "--password-stdin", stdin=f"{PASSWORD}\n", monkeypatch=monkeypatch) == 0


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
    _log_in(world, folder, alice, monkeypatch)
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


def test_without_a_keyring_login_sync_export_and_record_run_on_the_password(
    world: World,
    tmp_path: Path,
    no_keyring: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A machine with no keyring (the check machines): the store key is wrapped by the password,
    # which every command that opens the workspace reads once from standard input.
    alice = world.user("alice", "collector", "North")
    case_id, _ = world.seed_cases(alice, "North", 2)
    with world.engine.connect() as connection:
        loan_ref = connection.scalar(
            select(models.LoanCase.loan_ref).where(models.LoanCase.id == case_id)
        )
    folder = tmp_path / "alice"
    _log_in(world, folder, alice, monkeypatch)
    given = f"{PASSWORD}\n"
    out = capsys.readouterr()
    assert f"logged in as {alice}" in out.out and "pulled" in out.out
    assert "no keyring" in out.err and "--password-stdin" in out.err
    assert PASSWORD not in out.err
    store = folder / "local.db"
    assert store.read_bytes()[:16] != engines.SQLITE_HEADER
    for stored in folder.iterdir():
        if stored.is_file():
            content = stored.read_bytes()
            for secret in ("借款人0", "借款人1", "510104199001010000", PASSWORD):
                assert secret.encode() not in content, stored.name
    credentials._session_passwords.clear()  # a new process: nothing kept from the login
    sync = ("sync", "--workspace", str(folder), "--password-stdin")
    assert _run(*sync, stdin=given, monkeypatch=monkeypatch) == 0
    assert "pushed 0 changes" in capsys.readouterr().out
    credentials._session_passwords.clear()
    record = ("record", "--workspace", str(folder), "--case", loan_ref, "--outcome", "not_home",
              "--channel", "phone", "--at", "2026-11-20T10:00+08:00")  # fmt: skip
    assert _run(*record, "--password-stdin", stdin=given, monkeypatch=monkeypatch) == 0
    credentials._session_passwords.clear()
    assert _run("--password-stdin", *sync[:3], stdin=given, monkeypatch=monkeypatch) == 0
    assert "pushed 1 changes" in capsys.readouterr().out
    credentials._session_passwords.clear()
    exported = tmp_path / "cases.json"
    export = ("export", "cases", "--workspace", str(folder), "-o", str(exported))
    assert _run(*export, "--password-stdin", stdin=given, monkeypatch=monkeypatch) == 0
    assert "exported 2 cases" in capsys.readouterr().out
    assert "借款人0" in exported.read_text(encoding="utf-8")


def test_without_a_keyring_a_wrong_or_missing_password_is_explained(
    world: World,
    tmp_path: Path,
    no_keyring: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    alice = world.user("alice", "collector", "North")
    world.seed_cases(alice, "North", 1)
    folder = tmp_path / "alice"
    _log_in(world, folder, alice, monkeypatch)
    capsys.readouterr()
    credentials._session_passwords.clear()
    before = (folder / "local.db").read_bytes()
    sync = ("sync", "--workspace", str(folder))
    assert _run(*sync, "--password-stdin", stdin="not-it\n", monkeypatch=monkeypatch) == 1
    err = capsys.readouterr().err
    assert "wrong password" in err and str(folder) in err and "not-it" not in err
    assert _run(*sync, monkeypatch=monkeypatch) == 1
    err = capsys.readouterr().err
    assert "encrypted with its user's password" in err and "--password-stdin" in err
    export = ("export", "cases", "--workspace", str(folder), "-o", str(tmp_path / "x.csv"))
    assert _run(*export, monkeypatch=monkeypatch) == 1
    assert "--password-stdin" in capsys.readouterr().err
    assert (folder / "local.db").read_bytes() == before
    assert not (tmp_path / "x.csv").exists()


def test_without_a_keyring_a_changed_password_is_taken_once_and_then_opens_the_workspace(
    world: World,
    tmp_path: Path,
    no_keyring: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    alice = world.user("alice", "collector", "North")
    world.seed_cases(alice, "North", 1)
    folder = tmp_path / "alice"
    _log_in(world, folder, alice, monkeypatch)
    admin.add_user(world.admin_url, alice, "collector", team="North", password="new-pw")
    credentials._session_passwords.clear()
    sync = ("sync", "--workspace", str(folder), "--password-stdin")
    capsys.readouterr()
    # (This PostgreSQL trusts local connections, so the old password is not refused centrally
    # here; on a server that checks passwords the sync with it stops at the login.)
    # The new one does not open the store yet …
    assert _run(*sync, stdin="new-pw\n", monkeypatch=monkeypatch) == 1
    assert "wrong password" in capsys.readouterr().err
    credentials._session_passwords.clear()
    # … until one sync is given both: the old opens, the new logs in and re-wraps the key.
    changed = f"{PASSWORD}\nnew-pw\n"
    assert _run(*sync, "--password-changed", stdin=changed, monkeypatch=monkeypatch) == 0
    credentials._session_passwords.clear()
    assert _run(*sync, stdin="new-pw\n", monkeypatch=monkeypatch) == 0
    credentials._session_passwords.clear()
    assert _run(*sync, stdin=f"{PASSWORD}\n", monkeypatch=monkeypatch) == 1
    assert "wrong password" in capsys.readouterr().err


def test_without_a_keyring_two_workspaces_sync_each_with_its_own_password(
    world: World,
    tmp_path: Path,
    no_keyring: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    alice = world.user("alice", "collector", "North")
    lead = world.user("lead", "lead", "North")
    world.seed_cases(alice, "North", 3)
    for user in (alice, lead):
        _log_in(world, tmp_path / user, user, monkeypatch)
    credentials._session_passwords.clear()
    for user in (alice, lead):
        sync = ("sync", "--workspace", str(tmp_path / user), "--password-stdin")
        assert _run(*sync, stdin=f"{PASSWORD}\n", monkeypatch=monkeypatch) == 0
        with Workspace.open(tmp_path / user, password=PASSWORD) as workspace:
            assert workspace.password_keyed
            with workspace.session() as session:
                assert len(session.scalars(select(models.LoanCase.id)).all()) == 3
    assert (tmp_path / alice / "workspace.key").read_bytes() != (
        tmp_path / lead / "workspace.key"
    ).read_bytes()


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
    _log_in(world, folder, alice, monkeypatch)
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
