"""The user's central-database password and the workspace's store key, kept in the OS keyring.

Secrets sit behind this one class. Without a usable keyring backend (a headless Linux box, a
locked-down laptop) the password is kept in this process's memory for the session only and the
caller is told so; it is never written to a file, a setting or a log.

A workspace's store key (the SQLCipher key of its local store, 32 random bytes) must outlive the
session, or the store would be unreadable after it, with the offline work inside. In the keyring
it is kept as it is. Without a keyring it is kept beside the store wrapped by the user's password
(`PasswordWrappedKey`: scrypt derives a key from the password, AES-GCM seals the store key with
it), so the file holds nothing usable without the password, and a wrong password is told apart
from a damaged file by the AES-GCM tag.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import logging
import secrets
from dataclasses import dataclass

import keyring
import keyring.backend
import keyring.errors
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from keyring.backends import fail

from app import errors

logger = logging.getLogger(__name__)

SERVICE = "FieldCollect"

# Passwords kept for this process only, when the OS offers no keyring.
_session_passwords: dict[str, str] = {}

# Length of a workspace's store key.
WORKSPACE_KEY_BYTES = 32


# The password-wrapped key file's format, and scrypt's cost: 2**15 × 8 × 128 bytes = 32 MiB and
# about a tenth of a second per try, once per opening, so guessing passwords is slow.
WRAPPED_KEY_FORMAT = 1
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
_SCRYPT_MAX_MEMORY = 64 * 1024 * 1024
_SALT_BYTES, _NONCE_BYTES = 16, 12


class WorkspaceKeyError(errors.KnownError):
    """A workspace's store key cannot be kept or found (no keyring, or not in it)."""


class WorkspacePasswordNeededError(WorkspaceKeyError):
    """The store key is wrapped by the user's password, and no password was given."""


class WrongWorkspacePasswordError(WorkspaceKeyError):
    """The password given does not unwrap the store key (the AES-GCM tag does not match)."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derived_key(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=_SCRYPT_MAX_MEMORY, dklen=32
    )


@dataclass(frozen=True, slots=True)
class PasswordWrappedKey:
    """A workspace's store key sealed with a key derived from its user's password.

    Kept as JSON beside the store: nothing in it is secret (the salt, the nonce and scrypt's
    parameters are public by design; the sealed key is useless without the password). The
    format, the workspace id and the parameters are AES-GCM's associated data, so a file edited
    to weaker parameters or moved to another workspace fails the tag check like a wrong password.

    Attributes:
        workspace_id: the workspace whose store key it is.
        salt: scrypt's 16 random bytes.
        nonce: AES-GCM's 12 random bytes.
        sealed: the store key encrypted, with its 16-byte tag.
        n, r, p: scrypt's cost parameters.
    """

    workspace_id: str
    salt: bytes
    nonce: bytes
    sealed: bytes
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P

    @classmethod
    def wrap(cls, workspace_id: str, key: bytes, password: str) -> PasswordWrappedKey:
        """Seal `key` with `password` (new salt and nonce each time)."""
        salt, nonce = secrets.token_bytes(_SALT_BYTES), secrets.token_bytes(_NONCE_BYTES)
        unsealed = cls(workspace_id, salt, nonce, b"")
        sealing = AESGCM(_derived_key(password, salt, unsealed.n, unsealed.r, unsealed.p))
        sealed = sealing.encrypt(nonce, key, unsealed._associated_data())
        return cls(workspace_id, salt, nonce, sealed)

    def unwrap(self, password: str, where: str) -> bytes:
        """The store key; `WrongWorkspacePasswordError` naming `where` when `password` is not
        the one it was sealed with."""
        try:
            derived = _derived_key(password, self.salt, self.n, self.r, self.p)
            key = AESGCM(derived).decrypt(self.nonce, self.sealed, self._associated_data())
        except (InvalidTag, ValueError) as exc:
            raise WrongWorkspacePasswordError(
                f"wrong password for {where}: it does not unlock the workspace's encryption key "
                "(the store was left untouched). If your password was changed since the last "
                "sync here, give the one you used then (and the new one to one sync: "
                "'fieldcollect sync --password-changed')"
            ) from exc
        if len(key) != WORKSPACE_KEY_BYTES:
            raise WorkspaceKeyError(f"the key file of {where} does not hold a store key")
        return key

    def _associated_data(self) -> bytes:
        parameters = f"scrypt:{self.n}:{self.r}:{self.p}"
        return f"fieldcollect-key:{WRAPPED_KEY_FORMAT}:{self.workspace_id}:{parameters}".encode()

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": WRAPPED_KEY_FORMAT,
                "workspace_id": self.workspace_id,
                "kdf": {"name": "scrypt", "n": self.n, "r": self.r, "p": self.p},
                "salt": _b64(self.salt),
                "cipher": "AES-256-GCM",
                "nonce": _b64(self.nonce),
                "wrapped_key": _b64(self.sealed),
            },
            indent=1,
        )

    @classmethod
    def from_json(cls, text: str, where: str) -> PasswordWrappedKey:
        """Read a key file's text; `WorkspaceKeyError` naming `where` when it is not one."""
        try:
            document = json.loads(text)
            kdf = document["kdf"]
            if document["format"] != WRAPPED_KEY_FORMAT or kdf["name"] != "scrypt":
                raise ValueError(f"format {document['format']}, kdf {kdf['name']}")
            return cls(
                workspace_id=str(document["workspace_id"]),
                salt=base64.b64decode(document["salt"], validate=True),
                nonce=base64.b64decode(document["nonce"], validate=True),
                sealed=base64.b64decode(document["wrapped_key"], validate=True),
                n=int(kdf["n"]),
                r=int(kdf["r"]),
                p=int(kdf["p"]),
            )
        except (ValueError, KeyError, TypeError, binascii.Error) as exc:
            raise WorkspaceKeyError(
                f"{where} is not a FieldCollect key file this version reads: {exc}"
            ) from exc


def workspace_key_entry(workspace_id: str) -> str:
    """The keyring entry of one workspace's store key (its id is kept beside the store)."""
    return f"workspace-key:{workspace_id}"


def credential_key(username: str, host: str | None, port: int | None, database: str | None) -> str:
    """The keyring entry of one user on one central database."""
    return f"{username}@{host or 'localhost'}:{port or 5432}/{database or ''}"


class PasswordStore:
    """Where passwords are kept: the OS keyring, or this session's memory when there is none.

    Attributes:
        backend: the keyring backend in use.
    """

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self.backend = backend if backend is not None else keyring.get_keyring()

    @property
    def has_keyring(self) -> bool:
        """Whether the OS keyring can hold passwords on this machine."""
        return not isinstance(self.backend, fail.Keyring) and self.backend.priority > 0

    def describe(self) -> str:
        return type(self.backend).__name__

    def save(self, key: str, password: str) -> bool:
        """Keep `password`; True when the OS keyring holds it, False when only this session does."""
        if self.has_keyring:
            try:
                self.backend.set_password(SERVICE, key, password)
                _session_passwords.pop(key, None)
                return True
            except keyring.errors.KeyringError as exc:
                logger.warning("the keyring refused the password: %s", type(exc).__name__)
        _session_passwords[key] = password
        return False

    def load(self, key: str) -> str | None:
        if key in _session_passwords:
            return _session_passwords[key]
        if not self.has_keyring:
            return None
        try:
            return self.backend.get_password(SERVICE, key)
        except keyring.errors.KeyringError as exc:
            logger.warning("the keyring could not be read: %s", type(exc).__name__)
            return None

    def forget(self, key: str) -> None:
        _session_passwords.pop(key, None)
        if self.has_keyring:
            try:
                self.backend.delete_password(SERVICE, key)
            except keyring.errors.PasswordDeleteError:
                pass
            except keyring.errors.KeyringError as exc:
                logger.warning("the keyring could not be changed: %s", type(exc).__name__)

    # -- workspace store keys -------------------------------------------------------------------

    def new_workspace_key(self, workspace_id: str) -> bytes:
        """Make a store key for `workspace_id` and keep it in the OS keyring.

        Raises `WorkspaceKeyError` (and keeps nothing) when the machine has no keyring or it
        refuses the key; the caller then wraps the key with the user's password instead.
        """
        if not self.has_keyring:
            raise WorkspaceKeyError(
                f"this machine has no keyring (backend {self.describe()}) to keep the "
                "workspace's encryption key, and no password was given to protect it with; "
                "log in with your password (fieldcollect: --password-stdin), or install or "
                "unlock a keyring (GNOME Keyring, KWallet, the Windows Credential Manager, the "
                "macOS Keychain)"
            )
        key = secrets.token_bytes(WORKSPACE_KEY_BYTES)
        try:
            self.backend.set_password(SERVICE, workspace_key_entry(workspace_id), key.hex())
        except keyring.errors.KeyringError as exc:
            raise WorkspaceKeyError(
                f"the keyring ({self.describe()}) refused the workspace's encryption key: "
                f"{type(exc).__name__}; nothing was encrypted"
            ) from exc
        return key

    def workspace_key(self, workspace_id: str, where: str) -> bytes:
        """The store key of `workspace_id`; raises `WorkspaceKeyError` naming `where` when the
        keyring is missing, unreadable or holds no (well-formed) key for it."""
        if not self.has_keyring:
            raise WorkspaceKeyError(
                f"{where} is encrypted and this machine has no keyring (backend "
                f"{self.describe()}) to read its key from; unlock or install the keyring that "
                "was used when you logged in"
            )
        try:
            stored = self.backend.get_password(SERVICE, workspace_key_entry(workspace_id))
        except keyring.errors.KeyringError as exc:
            raise WorkspaceKeyError(
                f"{where} is encrypted and the keyring ({self.describe()}) could not be read: "
                f"{type(exc).__name__}; unlock it and try again"
            ) from exc
        if stored is None:
            raise WorkspaceKeyError(
                f"{where} is encrypted and its key (workspace {workspace_id}) is not in this "
                f"machine's keyring ({self.describe()}); it cannot be opened here. Log in "
                "from a new folder: what was synced comes back from the central database"
            )
        try:
            key = bytes.fromhex(stored)
        except (ValueError, binascii.Error):
            key = b""
        if len(key) != WORKSPACE_KEY_BYTES:
            raise WorkspaceKeyError(
                f"the keyring entry {workspace_key_entry(workspace_id)} of {where} does not "
                "hold a store key"
            )
        return key

    def forget_workspace_key(self, workspace_id: str) -> None:
        """Delete a workspace's store key (its store becomes unreadable for good)."""
        self.forget(workspace_key_entry(workspace_id))
