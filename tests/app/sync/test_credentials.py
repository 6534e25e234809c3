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
