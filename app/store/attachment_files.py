"""The files of attachments (signature PNGs, agreement PDFs, photos) in a workspace folder.

Each file is kept as `<folder>/<sha256><suffix>`, named by the SHA-256 of its content, written
through a temporary file and a rename so that a reader never sees half a file, and checked
against its name when read. Every read and write of an attachment file goes through this module
and nowhere else, so that what is kept on disk (encryption at rest, issue 8) changes here alone.

In an encrypted workspace (given the workspace's store key) each file holds `FCA1`, a random
12-byte nonce and the content sealed with AES-256-GCM under a key derived from the store key by
HKDF-SHA256; the file's name (the plaintext's SHA-256) is the associated data, so a file renamed
to another attachment's name fails to open. Reading decrypts, then checks the hash as before. The
demo (no key) keeps plain files.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app import errors

logger = logging.getLogger(__name__)

# Where a workspace keeps its attachments: <workspace>/attachments/.
WORKSPACE_SUBFOLDER = "attachments"

PNG_MIME = "image/png"
PDF_MIME = "application/pdf"
JPEG_MIME = "image/jpeg"
# The suffix tells the system's viewers what a file is; a type not listed gets none.
SUFFIXES = {PNG_MIME: ".png", PDF_MIME: ".pdf", JPEG_MIME: ".jpg"}
# Looked for in this order when a file is asked for by its hash alone.
_KNOWN_SUFFIXES = (*SUFFIXES.values(), "")

_SHA256_HEX = re.compile(r"[0-9a-f]{64}")

# An encrypted file: this marker, the nonce, then AES-GCM's ciphertext with its 16-byte tag.
ENCRYPTED_MAGIC = b"FCA1"
_NONCE_BYTES = 12
# HKDF's "info": the attachments' key is used for nothing else than the store's key is.
_KEY_PURPOSE = b"FieldCollect attachment files v1"


def attachment_key(store_key: bytes) -> bytes:
    """The AES-256 key of a workspace's attachment files, derived from its store key."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_KEY_PURPOSE).derive(
        store_key
    )


class AttachmentFileError(errors.KnownError):
    """An attachment file cannot be written, found or trusted.

    Attributes:
        sha256: the attachment's content hash (its name).
        path: the file concerned (the folder when no file was made yet).
        reason: what went wrong, in a few words (the system's message for an OSError).
    """

    def __init__(self, message: str, *, sha256: str, path: Path, reason: str) -> None:
        super().__init__(message)
        self.sha256 = sha256
        self.path = path
        self.reason = reason


class AttachmentNotWrittenError(AttachmentFileError):
    """The file could not be written (disk full, no permission); nothing was left behind."""


class AttachmentMissingError(AttachmentFileError):
    """No file with that hash in the folder, or it cannot be read."""


class AttachmentCorruptError(AttachmentFileError):
    """The bytes do not hash to the name they are kept or offered under."""


@dataclass(frozen=True, slots=True)
class StoredFile:
    """A file kept in the folder.

    Attributes:
        sha256: its content hash (lower-case hex), its name.
        path: where it is.
        size_bytes: its size.
    """

    sha256: str
    path: Path
    size_bytes: int


def sha256_of(data: bytes) -> str:
    """The name `data` is kept under: its SHA-256, lower-case hex."""
    return hashlib.sha256(data).hexdigest()


def is_sha256(text: str) -> bool:
    """Whether `text` can name a file here: a SHA-256 in lower-case hex."""
    return bool(_SHA256_HEX.fullmatch(text))


def _checked_hash(sha256: str) -> str:
    # A name that is not a hash could reach outside the folder ("../..."); refuse it as a bug.
    if not _SHA256_HEX.fullmatch(sha256):
        raise ValueError(f"{sha256!r} is not a SHA-256 in lower-case hex")
    return sha256


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


class AttachmentFiles:
    """The attachment files of one folder, each named by its SHA-256.

    Attributes:
        folder: where the files are (created on the first write).
        encrypted: whether files are written encrypted (a store key was given).
    """

    def __init__(self, folder: Path, store_key: bytes | None = None) -> None:
        self.folder = Path(folder)
        self._cipher = None if store_key is None else AESGCM(attachment_key(store_key))

    @classmethod
    def of_workspace(
        cls, workspace_folder: Path, store_key: bytes | None = None
    ) -> AttachmentFiles:
        """The attachment files of the workspace in `workspace_folder`, encrypted with a key
        derived from `store_key` when the workspace's store is encrypted."""
        return cls(Path(workspace_folder) / WORKSPACE_SUBFOLDER, store_key)

    @property
    def encrypted(self) -> bool:
        return self._cipher is not None

    def write(self, data: bytes, mime_type: str, expected_sha256: str | None = None) -> str:
        """Keep `data` and return its SHA-256; a file already kept under it is left alone.

        With `expected_sha256` (a file that arrived from elsewhere), data that hashes to
        anything else is refused with `AttachmentCorruptError` and nothing is written.
        Raises `AttachmentNotWrittenError` when the file cannot be written.
        """
        sha256 = sha256_of(data)
        if expected_sha256 is not None and sha256 != expected_sha256:
            raise AttachmentCorruptError(
                f"the file offered as attachment {expected_sha256} has SHA-256 {sha256}: "
                "it is damaged and was not kept",
                sha256=expected_sha256,
                path=self.folder,
                reason="hash mismatch",
            )
        path = self.folder / f"{sha256}{SUFFIXES.get(mime_type, '')}"
        if self._holds(path, len(data), sha256):
            return sha256
        self._write_atomically(path, self._sealed(data, sha256), sha256)
        logger.debug("attachment file %s written (%d bytes)", sha256, len(data))
        return sha256

    def read(self, sha256: str) -> bytes:
        """The content kept under `sha256`, checked against it.

        Raises `AttachmentMissingError` when there is no such file (or it cannot be read) and
        `AttachmentCorruptError` when its bytes no longer hash to its name.
        """
        path = self._find(_checked_hash(sha256))
        if path is None:
            raise AttachmentMissingError(
                f"attachment {sha256} has no file in {self.folder}",
                sha256=sha256,
                path=self.folder,
                reason="no such file",
            )
        try:
            data = self._opened(path, path.read_bytes(), sha256)
        except OSError as exc:
            raise AttachmentMissingError(
                f"cannot read attachment file {path}: {_reason(exc)}",
                sha256=sha256,
                path=path,
                reason=_reason(exc),
            ) from exc
        actual = sha256_of(data)
        if actual != sha256:
            raise AttachmentCorruptError(
                f"attachment file {path} is damaged: its content has SHA-256 {actual}",
                sha256=sha256,
                path=path,
                reason="hash mismatch",
            )
        return data

    def exists(self, sha256: str) -> bool:
        """Whether a file is kept under `sha256` (its content is not read)."""
        return self._find(_checked_hash(sha256)) is not None

    def path(self, sha256: str) -> Path | None:
        """Where the file kept under `sha256` is, or None when there is none."""
        return self._find(_checked_hash(sha256))

    def stored(self, sha256: str) -> StoredFile | None:
        """The file kept under `sha256` with its size, or None when there is none."""
        path = self._find(_checked_hash(sha256))
        if path is None:
            return None
        try:
            return StoredFile(sha256, path, path.stat().st_size)
        except OSError:
            return None

    def stored_hashes(self) -> set[str]:
        """The hashes of every file kept in the folder (one listing, no file read)."""
        try:
            names = os.listdir(self.folder)
        except FileNotFoundError:
            return set()
        except OSError as exc:
            raise AttachmentMissingError(
                f"cannot list the attachment files in {self.folder}: {_reason(exc)}",
                sha256="",
                path=self.folder,
                reason=_reason(exc),
            ) from exc
        found = set()
        for name in names:
            stem, _, suffix = name.partition(".")
            if _SHA256_HEX.fullmatch(stem) and (f".{suffix}" if suffix else "") in _KNOWN_SUFFIXES:
                found.add(stem)
        return found

    def remove(self, sha256: str) -> None:
        """Delete the file kept under `sha256`, if any."""
        _checked_hash(sha256)
        for suffix in _KNOWN_SUFFIXES:
            (self.folder / f"{sha256}{suffix}").unlink(missing_ok=True)

    def _find(self, sha256: str) -> Path | None:
        for suffix in _KNOWN_SUFFIXES:
            path = self.folder / f"{sha256}{suffix}"
            if path.is_file():
                return path
        return None

    def _holds(self, path: Path, size_bytes: int, sha256: str) -> bool:
        """Whether `path` already holds the content named `sha256` as this folder keeps it
        (encrypted or not); a damaged copy, or a plain one in an encrypted folder, is replaced."""
        try:
            raw = path.read_bytes()
        except OSError:
            return False
        if self._cipher is None:
            return len(raw) == size_bytes and sha256_of(raw) == sha256
        if not raw.startswith(ENCRYPTED_MAGIC):
            return False
        try:
            return sha256_of(self._opened(path, raw, sha256)) == sha256
        except AttachmentCorruptError:
            return False

    def _sealed(self, data: bytes, sha256: str) -> bytes:
        """The bytes kept on disk for `data`: itself, or sealed under the folder's key."""
        if self._cipher is None:
            return data
        nonce = os.urandom(_NONCE_BYTES)
        return ENCRYPTED_MAGIC + nonce + self._cipher.encrypt(nonce, data, sha256.encode())

    def _opened(self, path: Path, raw: bytes, sha256: str) -> bytes:
        """The content of a file's bytes `raw`: decrypted when sealed (a plain file, written
        before the workspace was encrypted, is read as it is and checked by its hash)."""
        if not raw.startswith(ENCRYPTED_MAGIC):
            return raw
        if self._cipher is None:
            raise AttachmentCorruptError(
                f"attachment file {path} is encrypted and this workspace has no key for it",
                sha256=sha256,
                path=path,
                reason="encrypted",
            )
        body = raw[len(ENCRYPTED_MAGIC) :]
        try:
            return self._cipher.decrypt(body[:_NONCE_BYTES], body[_NONCE_BYTES:], sha256.encode())
        except InvalidTag:
            raise AttachmentCorruptError(
                f"attachment file {path} cannot be decrypted with this workspace's key: it is "
                "damaged, or belongs to another workspace or attachment",
                sha256=sha256,
                path=path,
                reason="not decryptable",
            ) from None

    def _write_atomically(self, path: Path, data: bytes, sha256: str) -> None:
        partial = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex}.partial")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with partial.open("wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            partial.replace(path)
        except OSError as exc:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
            raise AttachmentNotWrittenError(
                f"cannot write attachment file {path}: {_reason(exc)}",
                sha256=sha256,
                path=path,
                reason=_reason(exc),
            ) from exc
