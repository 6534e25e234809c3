"""Attachment files of an encrypted workspace: sealed with AES-GCM on disk, named by the plain
content's SHA-256, opened and checked on read; plain in the demo (no key)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.store.attachment_files import (
    ENCRYPTED_MAGIC,
    PDF_MIME,
    PNG_MIME,
    AttachmentCorruptError,
    AttachmentFiles,
    sha256_of,
)

CONTENT = "借款人 张三 身份证 310101199001011234".encode() * 20


def test_an_encrypted_folder_keeps_no_readable_byte_and_reads_back_the_content(
    tmp_path: Path,
) -> None:
    files = AttachmentFiles(tmp_path, os.urandom(32))
    sha256 = files.write(CONTENT, PDF_MIME)
    assert sha256 == sha256_of(CONTENT)
    path = files.path(sha256)
    assert path is not None and path.name == f"{sha256}.pdf"
    raw = path.read_bytes()
    assert raw.startswith(ENCRYPTED_MAGIC)
    assert "张三".encode() not in raw and b"310101199001011234" not in raw
    assert files.read(sha256) == CONTENT
    # Written again: the sealed file is kept as it is (a new nonce would change nothing).
    files.write(CONTENT, PDF_MIME)
    assert path.read_bytes() == raw


def test_another_key_or_a_moved_file_cannot_be_opened(tmp_path: Path) -> None:
    key = os.urandom(32)
    files = AttachmentFiles(tmp_path, key)
    first = files.write(CONTENT, PNG_MIME)
    second = files.write(b"another signature", PNG_MIME)
    with pytest.raises(AttachmentCorruptError, match="cannot be decrypted"):
        AttachmentFiles(tmp_path, os.urandom(32)).read(first)
    with pytest.raises(AttachmentCorruptError, match="no key"):
        AttachmentFiles(tmp_path).read(first)
    # One attachment's sealed bytes put under another's name: the name is authenticated.
    (tmp_path / f"{second}.png").write_bytes((tmp_path / f"{first}.png").read_bytes())
    with pytest.raises(AttachmentCorruptError, match="cannot be decrypted"):
        files.read(second)


def test_a_tampered_sealed_file_is_refused_and_replaced_by_the_next_write(tmp_path: Path) -> None:
    files = AttachmentFiles(tmp_path, os.urandom(32))
    sha256 = files.write(CONTENT, PDF_MIME)
    path = files.path(sha256)
    assert path is not None
    raw = bytearray(path.read_bytes())
    raw[-1] ^= 1
    path.write_bytes(bytes(raw))
    with pytest.raises(AttachmentCorruptError):
        files.read(sha256)
    files.write(CONTENT, PDF_MIME)  # e.g. fetched again from the central database
    assert files.read(sha256) == CONTENT


def test_a_plain_file_from_before_encryption_is_still_read_and_rewritten_sealed(
    tmp_path: Path,
) -> None:
    sha256 = AttachmentFiles(tmp_path).write(CONTENT, PDF_MIME)
    files = AttachmentFiles(tmp_path, os.urandom(32))
    assert files.read(sha256) == CONTENT  # checked by its hash as before
    files.write(CONTENT, PDF_MIME)
    path = files.path(sha256)
    assert path is not None and path.read_bytes().startswith(ENCRYPTED_MAGIC)
    assert files.read(sha256) == CONTENT


def test_the_demo_keeps_plain_files(tmp_path: Path) -> None:
    files = AttachmentFiles.of_workspace(tmp_path)
    sha256 = files.write(CONTENT, PDF_MIME)
    assert not files.encrypted
    assert files.path(sha256).read_bytes() == CONTENT  # type: ignore[union-attr]
