"""Attachment files between a workspace and the central database, named by their SHA-256.

Rows sync through push and pull; the bytes they name travel here. The push stores centrally,
inside the batch's own transaction and before the rows that name them, the contents the central
database does not hold yet (`upload_batch_contents`); an attachment whose file is missing,
damaged or over the size limit is refused, entry by entry, and the rest of the batch carries on.
After a pull, the contents named by local attachment rows and missing from the workspace are
fetched, checked against their hash and kept (`fetch_missing_contents`). Files are read and
written only through `app.store.attachment_files`; the same code serves PostgreSQL (which
verifies the hash itself, by CHECK, and limits reading by Row-Level Security) and the embedded
SQLite central (checked here).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import Connection, Engine, select
from sqlalchemy.exc import DBAPIError, IntegrityError

from app.store import attachment_files, models

logger = logging.getLogger(__name__)

# The largest file the push uploads, unless the caller gives another limit.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# Contents fetched per central query: a few files of up to the size limit each.
_FETCH_CHUNK = 8

ATTACHMENT_TABLE = models.Attachment.__tablename__
_contents = models.AttachmentContent.__table__
_attachments = models.Attachment.__table__

# Why an attachment row was refused; stable codes, as push's other reasons.
FILE_MISSING = "file_missing"
FILE_DAMAGED = "file_damaged"
FILE_TOO_LARGE = "file_too_large"


class PushedEntry(Protocol):
    """What the upload needs of a pushed outbox entry (`app.sync.push.Mutation`)."""

    @property
    def mutation_id(self) -> uuid.UUID: ...
    @property
    def table_name(self) -> str: ...
    @property
    def row_id(self) -> uuid.UUID: ...
    @property
    def payload(self) -> dict[str, Any]: ...


@dataclass(frozen=True, slots=True)
class NamedFile:
    """An attachment row of a pushed batch and the file it names.

    Attributes:
        mutation_id: the outbox entry that writes the row.
        attachment_id: the attachment row.
        sha256: the file's content hash.
        mime_type: its type (it decides the file's suffix).
        file_name: the name it was recorded with, for messages.
        size_bytes: the content's size as recorded (None when the row does not say).
    """

    mutation_id: uuid.UUID
    attachment_id: uuid.UUID
    sha256: str
    mime_type: str
    file_name: str | None
    size_bytes: int | None

    def describe(self) -> str:
        name = f"{self.file_name!r} " if self.file_name else ""
        return f"attachment {name}({self.attachment_id})"


@dataclass(frozen=True, slots=True)
class FileRefusal:
    """An attachment row the push sets aside because its file cannot be sent.

    Attributes:
        mutation_id: the outbox entry.
        reason: file_missing, file_damaged or file_too_large.
        message: what is wrong, naming the attachment and its file.
    """

    mutation_id: uuid.UUID
    reason: str
    message: str


@dataclass(frozen=True, slots=True)
class UploadReport:
    """What the upload of one batch did.

    Attributes:
        uploaded: contents stored centrally now.
        present: contents the central database held already.
        refused: the attachment rows set aside, with why.
    """

    uploaded: int
    present: int
    refused: tuple[FileRefusal, ...]


@dataclass(frozen=True, slots=True)
class FetchReport:
    """What fetching the missing contents after a pull did.

    Attributes:
        fetched: files written into the workspace.
        unavailable: files still missing: the central database does not hold them (yet) or
            does not show them to this user; tried again at the next sync.
        damaged: contents that did not hash to their name, not kept.
    """

    fetched: int
    unavailable: int
    damaged: int


def named_files(batch: Iterable[PushedEntry]) -> list[NamedFile]:
    """The attachment rows of `batch` that name a file (their payload has a valid hash)."""
    named = []
    for entry in batch:
        if entry.table_name != ATTACHMENT_TABLE:
            continue
        sha256 = entry.payload.get("sha256")
        if not isinstance(sha256, str) or not attachment_files.is_sha256(sha256):
            continue  # the row itself is malformed: the push refuses it as invalid
        named.append(
            NamedFile(
                mutation_id=entry.mutation_id,
                attachment_id=entry.row_id,
                sha256=sha256,
                mime_type=str(entry.payload.get("mime_type") or ""),
                file_name=entry.payload.get("file_name"),
                size_bytes=_whole_number(entry.payload.get("size_bytes")),
            )
        )
    return named


def _whole_number(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _too_large(named: NamedFile, size_bytes: int, max_bytes: int) -> tuple[str, str]:
    return FILE_TOO_LARGE, (
        f"{named.describe()}: its file is {size_bytes:,} bytes, over the limit of "
        f"{max_bytes:,} bytes for a synced attachment"
    )


def _held_centrally(central: Connection, hashes: Sequence[str]) -> set[str]:
    # Row-Level Security shows a user the contents of attachments he may see and his own
    # uploads; one held for someone else's attachment looks absent, and storing it again is
    # answered by its primary key (same hash, same bytes).
    return set(
        central.execute(select(_contents.c.sha256).where(_contents.c.sha256.in_(hashes)))
        .scalars()
        .all()
    )


def upload_batch_contents(
    central: Connection,
    username: str,
    batch: Iterable[PushedEntry],
    files: attachment_files.AttachmentFiles | None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> UploadReport:
    """Store the contents `batch`'s attachment rows name and the central database lacks.

    Runs inside the caller's central transaction, before the rows are written, so that a row
    never arrives without its content. Each content is read from `files` (its hash checked)
    and stored in a savepoint of its own; a file that is missing (or `files` is None), damaged
    or larger than `max_bytes` refuses every row that names it. Storing the same content twice
    changes nothing.
    """
    named = named_files(batch)
    if not named:
        return UploadReport(0, 0, ())
    by_hash: dict[str, list[NamedFile]] = {}
    for entry in named:
        by_hash.setdefault(entry.sha256, []).append(entry)
    held = _held_centrally(central, sorted(by_hash))
    uploaded = 0
    refused: list[FileRefusal] = []
    for sha256, rows in by_hash.items():
        if sha256 in held:
            continue
        problem = _upload_one(central, username, rows[0], files, max_bytes)
        if problem is None:
            uploaded += 1
            continue
        reason, message = problem
        refused.extend(FileRefusal(row.mutation_id, reason, message) for row in rows)
    if refused:
        logger.info("push: %d attachment rows refused for their files", len(refused))
    return UploadReport(uploaded, len(held), tuple(refused))


def _upload_one(
    central: Connection,
    username: str,
    named: NamedFile,
    files: attachment_files.AttachmentFiles | None,
    max_bytes: int,
) -> tuple[str, str] | None:
    """Store one content; returns (reason, message) when it cannot be sent."""
    where = named.describe()
    if files is None:
        return FILE_MISSING, f"{where}: this workspace keeps no attachment files to send"
    if not files.exists(named.sha256):
        return FILE_MISSING, f"{where}: its file {named.sha256} is not in {files.folder}"
    # The recorded size refuses a large file before it is read; the content read is checked too
    # (what is kept on disk may be larger: encrypted).
    if named.size_bytes is not None and named.size_bytes > max_bytes:
        return _too_large(named, named.size_bytes, max_bytes)
    try:
        content = files.read(named.sha256)
    except attachment_files.AttachmentCorruptError as exc:
        return FILE_DAMAGED, f"{where}: {exc}"
    except attachment_files.AttachmentMissingError as exc:
        return FILE_MISSING, f"{where}: {exc}"
    if len(content) > max_bytes:
        return _too_large(named, len(content), max_bytes)
    if named.size_bytes is not None and len(content) != named.size_bytes:
        return FILE_DAMAGED, (
            f"{where}: its file holds {len(content):,} bytes, the attachment records "
            f"{named.size_bytes:,}"
        )
    return _store(central, username, named, content)


def _store(
    central: Connection, username: str, named: NamedFile, content: bytes
) -> tuple[str, str] | None:
    # Checked here as well as by PostgreSQL's CHECK: the embedded central has no sha256().
    if attachment_files.sha256_of(content) != named.sha256:
        return FILE_DAMAGED, f"{named.describe()}: its content does not hash to {named.sha256}"
    savepoint = central.begin_nested()
    try:
        central.execute(
            _contents.insert().values(
                sha256=named.sha256,
                content=content,
                size_bytes=len(content),
                uploaded_by=username,
                uploaded_at=models.utc_now(),
            )
        )
    except IntegrityError as exc:
        savepoint.rollback()
        if _is_duplicate_key(exc):
            return None  # stored already, for an attachment this user cannot see
        return FILE_DAMAGED, f"{named.describe()}: the central database refused its content: " + (
            _first_line(exc)
        )
    except DBAPIError:
        savepoint.rollback()
        raise
    savepoint.commit()
    return None


def _is_duplicate_key(exc: IntegrityError) -> bool:
    sqlstate = getattr(exc.orig, "sqlstate", None)
    if sqlstate is not None:
        return sqlstate == "23505"
    return "UNIQUE constraint failed" in str(exc.orig) or "PRIMARY KEY" in str(exc.orig)


def _first_line(exc: BaseException) -> str:
    original = getattr(exc, "orig", None) or exc
    lines = str(original).strip().splitlines()
    return lines[0] if lines else type(original).__name__


# After the pull -----------------------------------------------------------------------------------


def _missing_locally(
    local_engine: Engine, files: attachment_files.AttachmentFiles
) -> list[tuple[str, str]]:
    """(sha256, mime type) of every file local attachment rows name and the workspace lacks."""
    with local_engine.connect() as local:
        named = dict(
            local.execute(select(_attachments.c.sha256, _attachments.c.mime_type).distinct()).all()
        )
    if not named:
        return []
    present = files.stored_hashes()
    return [
        (sha256, mime_type)
        for sha256, mime_type in sorted(named.items())
        if attachment_files.is_sha256(sha256) and sha256 not in present
    ]


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def fetch_missing_contents(
    local_engine: Engine, central_engine: Engine, files: attachment_files.AttachmentFiles
) -> FetchReport:
    """Fetch the files local attachment rows name and the workspace lacks, check each against
    its hash and keep it. Run after a pull; what the central database does not hold yet is
    tried again at the next sync.

    Raises `attachment_files.AttachmentNotWrittenError` when a file cannot be written.
    """
    missing = _missing_locally(local_engine, files)
    if not missing:
        return FetchReport(0, 0, 0)
    mime_types = dict(missing)
    fetched = damaged = 0
    with central_engine.connect() as central:
        for chunk in _chunks(sorted(mime_types), _FETCH_CHUNK):
            rows = central.execute(
                select(_contents.c.sha256, _contents.c.content).where(_contents.c.sha256.in_(chunk))
            ).all()
            for sha256, content in rows:
                try:
                    files.write(bytes(content), mime_types[sha256], expected_sha256=sha256)
                except attachment_files.AttachmentCorruptError:
                    damaged += 1
                    logger.warning("pull: the central content %s is damaged; not kept", sha256)
                    continue
                fetched += 1
    unavailable = len(missing) - fetched - damaged
    logger.info(
        "pull: %d attachment files fetched, %d not available yet, %d damaged",
        fetched,
        unavailable,
        damaged,
    )
    return FetchReport(fetched, unavailable, damaged)
