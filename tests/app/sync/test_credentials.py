"""Passwords in the OS keyring, or for this session only when the machine has none."""

from __future__ import annotations

import pytest
from keyring.backends import fail

from app.sync import credentials
from tests.app.sync.central_world import MemoryKeyring


def test_a_password_goes_to_the_keyring_and_comes_back() -> None:
    backend = MemoryKeyring()
    store = credentials.PasswordStore(backend)
    key = credentials.credential_key("zhang.wei", "db.example", 5432, "fieldcollect")
    assert key == "zhang.wei@db.example:5432/fieldcollect"
    assert store.save(key, "pw") is True
    assert backend.passwords == {(credentials.SERVICE, key): "pw"}
    assert credentials.PasswordStore(backend).load(key) == "pw"
    store.forget(key)
    assert store.load(key) is None


def test_without_a_keyring_the_password_lives_in_this_session_only() -> None:
    store = credentials.PasswordStore(fail.Keyring())
    assert not store.has_keyring
    assert store.save("k@h:1/d", "pw") is False
    assert store.load("k@h:1/d") == "pw"  # the same process (login, then its first sync)
    store.forget("k@h:1/d")
    assert store.load("k@h:1/d") is None


def test_a_refusing_keyring_falls_back_to_the_session(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring.errors

    backend = MemoryKeyring()

    def refuse(*_args: object) -> None:
        raise keyring.errors.PasswordSetError("locked")

    monkeypatch.setattr(backend, "set_password", refuse)
    store = credentials.PasswordStore(backend)
    assert store.save("k", "pw") is False
    assert store.load("k") == "pw"
    store.forget("k")


def test_a_wrapped_store_key_comes_back_with_its_password_only() -> None:
    key = bytes(range(32))
    wrapped = credentials.PasswordWrappedKey.wrap("ws-1", key, "密码 pw")
    assert key not in wrapped.to_json().encode() and "密码" not in wrapped.to_json()
    read = credentials.PasswordWrappedKey.from_json(wrapped.to_json(), "workspace.key")
    assert read == wrapped
    assert read.unwrap("密码 pw", "W") == key
    with pytest.raises(credentials.WrongWorkspacePasswordError, match="wrong password for W"):
        read.unwrap("密码 pw ", "W")
    again = credentials.PasswordWrappedKey.wrap("ws-1", key, "密码 pw")
    assert (again.salt, again.nonce) != (wrapped.salt, wrapped.nonce)  # fresh each time


def test_a_wrapped_key_moved_to_another_workspace_does_not_unwrap() -> None:
    wrapped = credentials.PasswordWrappedKey.wrap("ws-1", bytes(32), "pw")
    moved = credentials.PasswordWrappedKey.from_json(
        wrapped.to_json().replace('"ws-1"', '"ws-2"'), "workspace.key"
    )
    with pytest.raises(credentials.WrongWorkspacePasswordError):
        moved.unwrap("pw", "W")
    with pytest.raises(credentials.WorkspaceKeyError, match="not a FieldCollect key file"):
        credentials.PasswordWrappedKey.from_json('{"format": 2}', "workspace.key")
