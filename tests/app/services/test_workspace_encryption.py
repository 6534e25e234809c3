"""A real workspace's store is encrypted with SQLCipher; its key lives in the keyring only.

The workspaces log in to the embedded central database of a small demo (a real SQLite file), so
the whole path runs: login, key in the (in-memory) keyring, encrypted store, sync, reopening.
"""

from __future__ import annotations

import base64
import json
import shutil
import sqlite3
import uuid
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from sqlalchemy import select, text

from app import errors
from app.services import demo
from app.services.sync import SyncService
from app.services.workspace import (
    STATE_SERVER_USER,
    WORKSPACE_ID_NAME,
    WORKSPACE_KEY_NAME,
    Workspace,
)
from app.store import engines, models, schema_upgrade
from app.store.attachment_files import ENCRYPTED_MAGIC, PNG_MIME
from app.sync import credentials
from tests.helpers.memory_keyring import MemoryKeyring


@pytest.fixture(scope="module")
def central_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo's embedded central database (10 cases), built once; copy it, don't use it."""
    folder = tmp_path_factory.mktemp("central") / "demo"
    demo.build_demo_workspace(folder, seed=3, cases=10)
    return folder / "central.db"


@pytest.fixture
def central(central_template: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "central.db"
    shutil.copy(central_template, copy)
    return copy


def _one(central: Path, sql: str) -> tuple:
    with sqlite3.connect(central) as connection:
        return connection.execute(sql).fetchone()


def _logged_in(central: Path, folder: Path) -> Workspace:
    (lead,) = _one(central, "SELECT username FROM app_user WHERE role = 'lead'")
    workspace = Workspace.open(folder, create=True)
    SyncService(workspace).login(f"sqlite:///{central}", lead, None)
    return workspace


def test_a_logged_in_store_is_encrypted_and_holds_no_readable_borrower(
    central: Path, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    name, id_number = _one(central, "SELECT full_name, id_number FROM borrower LIMIT 1")
    folder = tmp_path / "real"
    with _logged_in(central, folder) as workspace:
        assert workspace.encrypted
        with workspace.session() as session:
            names = set(session.scalars(select(models.Borrower.full_name)))
        assert name in names  # the pull copied the borrowers …
        workspace_id = workspace.workspace_id
    store = folder / "local.db"
    # … and none of them can be read from the files: no header, no name, no ID number.
    assert store.read_bytes()[:16] != engines.SQLITE_HEADER
    assert not engines.is_sqlite_file(store)
    key_hex = memory_keyring.passwords[
        (credentials.SERVICE, credentials.workspace_key_entry(workspace_id))
    ]
    for path in folder.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            for secret in (name.encode(), id_number.encode(), key_hex.encode()):
                assert secret not in content, path.name
    assert (folder / WORKSPACE_ID_NAME).read_text().strip() == workspace_id
    with (
        pytest.raises(sqlite3.DatabaseError, match="not a database"),
        sqlite3.connect(store) as connection,
    ):
        connection.execute("SELECT count(*) FROM borrower")
    # Reopened with the key from the keyring, it syncs like any other workspace.
    with Workspace.open(folder) as reopened:
        identity = reopened.identity()
        assert reopened.encrypted and identity is not None
        SyncService(reopened).run()
        # Its attachment files are sealed with a key derived from the store's.
        files = reopened.attachment_files()
        sha256 = files.write(id_number.encode(), PNG_MIME)
        assert files.path(sha256).read_bytes().startswith(ENCRYPTED_MAGIC)  # type: ignore[union-attr]
        assert id_number.encode() not in files.path(sha256).read_bytes()  # type: ignore[union-attr]
        assert files.read(sha256) == id_number.encode()
    # The login is audited; its event went to the central database with the first sync.
    (login,) = _one(central, "SELECT count(*) FROM audit_event WHERE action = 'login'")
    (user_id,) = _one(central, "SELECT user_id FROM audit_event WHERE action = 'login'")
    assert login == 1 and uuid.UUID(hex=user_id) == identity.user_id


def test_a_copied_store_cannot_be_opened_without_its_key(
    central: Path, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    folder = tmp_path / "real"
    _logged_in(central, folder).close()
    stolen = tmp_path / "stolen"
    shutil.copytree(folder, stolen)
    keyring.set_keyring(MemoryKeyring())  # another laptop: its keyring has no such key
    with pytest.raises(credentials.WorkspaceKeyError, match="is not in this machine's keyring"):
        Workspace.open(stolen)
    keyring.set_keyring(fail.Keyring())  # a laptop without any keyring
    with pytest.raises(credentials.WorkspaceKeyError, match="no keyring"):
        Workspace.open(stolen)


def test_a_wrong_key_is_refused_and_the_store_left_untouched(
    central: Path, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    folder = tmp_path / "real"
    _logged_in(central, folder).close()
    workspace_id = (folder / WORKSPACE_ID_NAME).read_text().strip()
    entry = (credentials.SERVICE, credentials.workspace_key_entry(workspace_id))
    before = (folder / "local.db").read_bytes()
    memory_keyring.passwords[entry] = uuid.uuid4().hex + uuid.uuid4().hex  # 32 other bytes
    with pytest.raises(errors.StoreError, match="cannot be opened with the key"):
        Workspace.open(folder)
    memory_keyring.passwords[entry] = "not hex"
    with pytest.raises(credentials.WorkspaceKeyError, match="does not hold a store key"):
        Workspace.open(folder)
    assert (folder / "local.db").read_bytes() == before


def test_without_a_keyring_login_is_refused_before_anything_is_copied(
    central: Path, tmp_path: Path
) -> None:
    keyring.set_keyring(fail.Keyring())
    (lead,) = _one(central, "SELECT username FROM app_user WHERE role = 'lead'")
    folder = tmp_path / "real"
    with Workspace.open(folder, create=True) as workspace:
        with pytest.raises(credentials.WorkspaceKeyError, match="no keyring"):
            SyncService(workspace).login(f"sqlite:///{central}", lead, None)
        assert not workspace.encrypted and workspace.identity() is None
        with workspace.session() as session:
            assert session.scalars(select(models.Borrower.id)).all() == []
    assert not (folder / WORKSPACE_ID_NAME).exists()


def test_a_plain_store_of_a_logged_in_user_is_encrypted_when_opened(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    # Made by a version without encryption: plain, logged in, with a plain upgrade backup.
    folder = tmp_path / "old"
    with Workspace.open(folder, create=True) as workspace:
        workspace.set_state(STATE_SERVER_USER, "li.qiang")
        with workspace.session() as session:
            session.add(models.Team(id=uuid.uuid4(), name="东区"))
    (folder / "local.db.before-0001.bak").write_bytes((folder / "local.db").read_bytes())
    with Workspace.open(folder) as workspace:
        assert workspace.encrypted
        with workspace.session() as session:
            assert session.scalars(select(models.Team.name)).all() == ["东区"]
    assert not engines.is_sqlite_file(folder / "local.db")
    assert list(folder.glob("*.bak")) == []
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(credentials.WorkspaceKeyError):
        Workspace.open(folder)


def test_the_demo_and_unowned_workspaces_stay_plain(central_template: Path, tmp_path: Path) -> None:
    demo_folder = tmp_path / "demo"
    shutil.copytree(central_template.parent, demo_folder)
    with Workspace.open(demo_folder) as workspace:
        assert not workspace.encrypted
    with Workspace.open(tmp_path / "new", create=True) as workspace:
        assert not workspace.encrypted
    assert engines.is_sqlite_file(demo_folder / "local.db")
    assert engines.is_sqlite_file(tmp_path / "new" / "local.db")


def test_migrations_run_on_an_encrypted_store(tmp_path: Path) -> None:
    from alembic import command
    from alembic.script import ScriptDirectory

    local = schema_upgrade.SchemaKind.LOCAL
    scripts = ScriptDirectory.from_config(schema_upgrade._config(local))
    first = next(s.revision for s in scripts.walk_revisions() if s.down_revision is None)
    folder = tmp_path / "ws"
    folder.mkdir()
    workspace_id = str(uuid.uuid4())
    key = credentials.PasswordStore().new_workspace_key(workspace_id)
    (folder / WORKSPACE_ID_NAME).write_text(workspace_id)
    engine = engines.encrypted_sqlite_engine(folder / "local.db", key)
    with engine.begin() as connection:
        command.upgrade(schema_upgrade._config(local, connection), first)
    engine.dispose()

    with Workspace.open(folder) as workspace, workspace.engine.connect() as connection:
        assert schema_upgrade.current_revision(connection) == schema_upgrade.head_revision(local)
        assert schema_upgrade.schema_drift(workspace.engine, local) == []
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    (backup,) = folder.glob("local.db.before-*.bak")
    assert not engines.is_sqlite_file(backup)  # the copy made before upgrading is encrypted too


# -- no keyring: the store key wrapped by the user's password -------------------------------------

PASSWORD = "pw-of-the-lead 密码"


def _logged_in_without_keyring(central: Path, folder: Path, password: str) -> Workspace:
    (lead,) = _one(central, "SELECT username FROM app_user WHERE role = 'lead'")
    workspace = Workspace.open(folder, create=True)
    SyncService(workspace).login(f"sqlite:///{central}", lead, password)
    return workspace


def test_without_a_keyring_the_store_key_is_wrapped_by_the_password(
    central: Path, tmp_path: Path, no_keyring: None
) -> None:
    name, id_number = _one(central, "SELECT full_name, id_number FROM borrower LIMIT 1")
    folder = tmp_path / "real"
    with _logged_in_without_keyring(central, folder, PASSWORD) as workspace:
        assert workspace.encrypted and workspace.password_keyed
        store_key = workspace.store_key
        workspace_id = workspace.workspace_id
        assert store_key is not None
    document = json.loads((folder / WORKSPACE_KEY_NAME).read_text())
    assert document["format"] == 1 and document["workspace_id"] == workspace_id
    assert document["kdf"] == {"name": "scrypt", "n": 2**15, "r": 8, "p": 1}
    assert len(base64.b64decode(document["salt"])) == 16
    assert len(base64.b64decode(document["wrapped_key"])) == 32 + 16  # the key and its tag
    store = folder / "local.db"
    assert not engines.is_sqlite_file(store)
    for path in folder.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            for secret in (name, id_number, PASSWORD, store_key.hex()):
                assert secret.encode() not in content, path.name
            assert store_key not in content, path.name
    with pytest.raises(credentials.WorkspacePasswordNeededError, match="--password-stdin"):
        Workspace.open(folder)
    before = store.read_bytes()
    with pytest.raises(credentials.WrongWorkspacePasswordError, match="wrong password"):
        Workspace.open(folder, password="not-it")
    assert store.read_bytes() == before
    with Workspace.open(folder, password=PASSWORD) as reopened:
        assert reopened.store_key == store_key
        with reopened.session() as session:
            assert name in set(session.scalars(select(models.Borrower.full_name)))
        assert reopened.opens_with(PASSWORD) and not reopened.opens_with("not-it")
        SyncService(reopened).run()


def test_a_changed_password_rewraps_the_key_and_the_old_one_no_longer_opens(
    central: Path, tmp_path: Path, no_keyring: None
) -> None:
    folder = tmp_path / "real"
    _logged_in_without_keyring(central, folder, PASSWORD).close()
    with Workspace.open(folder, password=PASSWORD) as workspace:
        assert workspace.follow_password(PASSWORD) is False  # the same one: nothing rewritten
        assert workspace.follow_password("the-new-one") is True
        assert workspace.opens_with("the-new-one") and not workspace.opens_with(PASSWORD)
    with pytest.raises(credentials.WrongWorkspacePasswordError):
        Workspace.open(folder, password=PASSWORD)
    Workspace.open(folder, password="the-new-one").close()


def test_a_key_file_edited_to_weaker_parameters_is_refused_like_a_wrong_password(
    central: Path, tmp_path: Path, no_keyring: None
) -> None:
    folder = tmp_path / "real"
    _logged_in_without_keyring(central, folder, PASSWORD).close()
    key_file = folder / WORKSPACE_KEY_NAME
    document = json.loads(key_file.read_text())
    document["kdf"]["n"] = 2**4
    key_file.write_text(json.dumps(document))
    with pytest.raises(credentials.WrongWorkspacePasswordError):
        Workspace.open(folder, password=PASSWORD)
    key_file.write_text("{not json")
    with pytest.raises(credentials.WorkspaceKeyError, match="not a FieldCollect key file"):
        Workspace.open(folder, password=PASSWORD)


def test_without_a_keyring_the_idle_lock_checks_the_password_by_unwrapping(
    central: Path, tmp_path: Path, no_keyring: None
) -> None:
    from app.services.session_lock import UnlockSecret, UnlockService

    with _logged_in_without_keyring(central, tmp_path / "real", PASSWORD) as workspace:
        service = UnlockService(workspace)
        assert service.secret() is UnlockSecret.PASSWORD
        assert service.check(PASSWORD)
        assert not service.check("not-it") and not service.check(service.username())
