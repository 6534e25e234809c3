"""Attachment files in a real folder: named by SHA-256, written whole, checked when read."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from app import errors
from app.store import attachment_files
from app.store.attachment_files import AttachmentFiles

PDF = b"%PDF-1.7\n" + bytes(range(256)) * 40
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00signature" * 10


def test_a_file_is_kept_under_its_sha256_with_its_type_s_suffix(tmp_path: Path) -> None:
    files = AttachmentFiles.of_workspace(tmp_path)
    sha256 = files.write(PDF, attachment_files.PDF_MIME)

    assert sha256 == hashlib.sha256(PDF).hexdigest()
    assert files.path(sha256) == tmp_path / "attachments" / f"{sha256}.pdf"
    assert files.exists(sha256) and files.read(sha256) == PDF
    stored = files.stored(sha256)
    assert stored is not None and stored.size_bytes == len(PDF)
    png = files.write(PNG, attachment_files.PNG_MIME)
    assert files.path(png) == tmp_path / "attachments" / f"{png}.png"
    other = files.write(b"no type", "application/octet-stream")
    assert files.path(other) == tmp_path / "attachments" / other
    # Nothing but the files themselves: no partial file left behind.
    assert sorted(path.name for path in files.folder.iterdir()) == sorted(
        [f"{sha256}.pdf", f"{png}.png", other]
    )


def test_writing_the_same_content_twice_keeps_one_file(tmp_path: Path) -> None:
    files = AttachmentFiles(tmp_path / "files")
    first = files.write(PNG, attachment_files.PNG_MIME)
    stamp = os.stat(files.path(first)).st_mtime_ns  # type: ignore[arg-type]
    assert files.write(PNG, attachment_files.PNG_MIME) == first
    assert os.stat(files.path(first)).st_mtime_ns == stamp  # type: ignore[arg-type]
    assert len(list(files.folder.iterdir())) == 1


def test_a_damaged_file_is_refused_when_read_and_replaced_when_written_again(
    tmp_path: Path,
) -> None:
    files = AttachmentFiles(tmp_path)
    sha256 = files.write(PDF, attachment_files.PDF_MIME)
    path = files.path(sha256)
    assert path is not None
    path.write_bytes(PDF[:-1] + b"X")

    with pytest.raises(attachment_files.AttachmentCorruptError) as damaged:
        files.read(sha256)
    assert isinstance(damaged.value, errors.KnownError)
    assert str(path) in str(damaged.value) and damaged.value.sha256 == sha256
    files.write(PDF, attachment_files.PDF_MIME)
    assert files.read(sha256) == PDF


def test_content_offered_under_another_hash_is_not_kept(tmp_path: Path) -> None:
    files = AttachmentFiles(tmp_path)
    claimed = hashlib.sha256(PDF).hexdigest()
    with pytest.raises(attachment_files.AttachmentCorruptError) as refused:
        files.write(PDF + b"tampered", attachment_files.PDF_MIME, expected_sha256=claimed)
    assert claimed in str(refused.value)
    assert not files.exists(claimed) and list(tmp_path.iterdir()) == []
    assert files.write(PDF, attachment_files.PDF_MIME, expected_sha256=claimed) == claimed


def test_a_missing_file_says_which_attachment_and_where(tmp_path: Path) -> None:
    files = AttachmentFiles(tmp_path / "attachments")
    sha256 = hashlib.sha256(b"never written").hexdigest()
    assert not files.exists(sha256) and files.path(sha256) is None
    with pytest.raises(attachment_files.AttachmentMissingError) as missing:
        files.read(sha256)
    assert sha256 in str(missing.value) and str(files.folder) in str(missing.value)


def test_removing_a_file_leaves_the_others(tmp_path: Path) -> None:
    files = AttachmentFiles(tmp_path)
    pdf, png = files.write(PDF, attachment_files.PDF_MIME), files.write(PNG, "image/png")
    files.remove(pdf)
    files.remove(pdf)
    assert not files.exists(pdf) and files.read(png) == PNG


def test_a_folder_that_cannot_be_written_gives_a_clear_error_and_no_partial_file(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "attachments"
    blocker.write_text("a file where the folder should be")
    files = AttachmentFiles(blocker)
    with pytest.raises(attachment_files.AttachmentNotWrittenError) as refused:
        files.write(PNG, attachment_files.PNG_MIME)
    assert str(blocker) in str(refused.value) and refused.value.reason
    assert sorted(path.name for path in tmp_path.iterdir()) == ["attachments"]


def test_a_name_that_is_not_a_hash_is_a_bug_not_a_path(tmp_path: Path) -> None:
    files = AttachmentFiles(tmp_path)
    for name in ("../../etc/passwd", "ABC", hashlib.sha256(b"x").hexdigest().upper()):
        with pytest.raises(ValueError):
            files.read(name)
        with pytest.raises(ValueError):
            files.remove(name)
