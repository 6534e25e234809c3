"""The log file: rotating, where the platform (or $FIELDCOLLECT_LOG_DIR) says, and never holding a
password, a full ID number or a full phone number — in the message, its arguments or a traceback."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import logging_setup

PASSWORD = "s3cr3t-Pa55"
ID_NUMBER = "31010119900307123X"
MOBILE = "13800138000"


@pytest.fixture(autouse=True)
def restored_root_logger() -> Iterator[None]:
    """Each test configures logging as the application does; the root logger is put back after."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    logging.captureWarnings(False)


@pytest.fixture
def restored_excepthooks() -> Iterator[None]:
    hooks = sys.excepthook, threading.excepthook
    yield
    sys.excepthook, threading.excepthook = hooks


def _flush() -> None:
    for handler in logging.getLogger().handlers:
        handler.flush()


def test_no_password_id_number_or_phone_reaches_the_file(tmp_path: Path) -> None:
    log_file = logging_setup.configure(directory=tmp_path, console_level=logging.CRITICAL)
    assert log_file == tmp_path / "fieldcollect.log"
    logger = logging.getLogger("app.sync.push")
    logger.info("connecting to postgresql+psycopg://li.si:%s@db.example.com/fc", PASSWORD)
    logger.info("login with password=%s failed", PASSWORD)
    logger.warning("borrower %s, phone %s, mobile %s", ID_NUMBER, MOBILE, "+86 139-1234-5678")
    logger.info("copied row {'id_number': '%s', 'phone': '%s'}", ID_NUMBER, MOBILE)
    logger.info(f"message already formatted: 身份证{ID_NUMBER}，手机{MOBILE}")
    try:
        raise ValueError(f"bad borrower {ID_NUMBER} at {MOBILE}; DSN password={PASSWORD}")
    except ValueError:
        logger.exception("import of row %d failed", 42)
    _flush()

    written = log_file.read_text(encoding="utf-8")
    for secret in (PASSWORD, ID_NUMBER, MOBILE, "1391234", "13912345678", "1380013"):
        assert secret not in written
    # What stays is enough to tell records apart: the last four digits and the context.
    assert "**************123X" in written and "*******8000" in written
    assert "*5678" in written
    assert "postgresql+psycopg://li.si:***@db.example.com/fc" in written
    assert "login with password=*** failed" in written
    assert "import of row 42 failed" in written
    assert "Traceback (most recent call last)" in written and "ValueError: bad borrower" in written


def test_the_log_folder_comes_from_the_environment_when_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(logging_setup.LOG_DIR_ENV, str(tmp_path / "logs"))
    log_file = logging_setup.configure(console_level=logging.CRITICAL)
    logging.getLogger("ui.application").warning("started")
    _flush()
    assert log_file == tmp_path / "logs" / "fieldcollect.log"
    assert "WARNING ui.application [MainThread]: started" in log_file.read_text(encoding="utf-8")


def test_the_file_rotates_and_keeps_a_bounded_number_of_old_files(tmp_path: Path) -> None:
    log_file = logging_setup.configure(
        directory=tmp_path, console_level=logging.CRITICAL, max_bytes=2_000, backup_count=2
    )
    assert log_file is not None
    logger = logging.getLogger("app.services.sync")
    for batch in range(100):
        logger.info("pushed batch %d to %s", batch, MOBILE)
    _flush()
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "fieldcollect.log",
        "fieldcollect.log.1",
        "fieldcollect.log.2",
    ]
    assert all(path.stat().st_size <= 2_000 for path in tmp_path.iterdir())
    assert "pushed batch 99 to *******8000" in log_file.read_text(encoding="utf-8")
    assert MOBILE not in (tmp_path / "fieldcollect.log.2").read_text(encoding="utf-8")


def test_configuring_again_replaces_its_handlers(tmp_path: Path) -> None:
    logging_setup.configure(directory=tmp_path / "first", console_level=logging.CRITICAL)
    log_file = logging_setup.configure(directory=tmp_path, console_level=logging.CRITICAL)
    assert log_file is not None
    logging.getLogger("app").warning("once")
    _flush()
    assert log_file.read_text(encoding="utf-8").count("once") == 1
    assert "once" not in (tmp_path / "first" / "fieldcollect.log").read_text(encoding="utf-8")


def test_an_unwritable_log_folder_leaves_the_console(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    occupied = tmp_path / "a-file"
    occupied.write_text("not a folder")
    assert logging_setup.configure(directory=occupied) is None
    logging.getLogger("app").error("sync failed for %s", MOBILE)
    err = capsys.readouterr().err
    assert "cannot write the log file" in err
    assert "ERROR app: sync failed for *******8000" in err


@pytest.mark.usefixtures("restored_excepthooks")
def test_uncaught_exceptions_are_logged_redacted_in_any_thread(tmp_path: Path) -> None:
    log_file = logging_setup.configure(directory=tmp_path, console_level=logging.CRITICAL + 1)
    assert log_file is not None
    # As in the application: no other hook before ours (pytest sets one on threads).
    sys.excepthook, threading.excepthook = sys.__excepthook__, threading.__excepthook__
    logging_setup.log_uncaught_exceptions()
    logging_setup.log_uncaught_exceptions()  # twice: still one record per exception

    def crash() -> None:
        raise RuntimeError(f"sync of {ID_NUMBER} failed")

    try:
        crash()
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    worker = threading.Thread(target=crash, name="sync-worker")
    worker.start()
    worker.join()
    _flush()

    written = log_file.read_text(encoding="utf-8")
    assert ID_NUMBER not in written
    assert written.count("RuntimeError: sync of **************123X failed") == 2
    assert "uncaught exception in thread sync-worker" in written


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        ("postgresql://u:p@ss@host/db", "postgresql://u:***@host/db"),
        ("PGPASSWORD=abc ok", "PGPASSWORD=*** ok"),
        ('{"password": "x y"}', '{"password": ***}'),
        ("密码：abc123", "密码：***"),
        ("ID 310101 19900307 1234", "ID **************1234"),
        ("id 31010119900307123x.", "id **************123x."),
        ("手机13800138000已停机", "手机*******8000已停机"),
        ("+86 138 0013 8000", "*********8000"),
        ("008613800138000", "***********8000"),
        ("座机 028-8765 4321。", "座机 *******4321。"),
        ("tel (010)87654321", "tel *******4321"),
        ("landline 02887654321", "landline *******4321"),
        ("key x'" + "ab" * 32 + "' set", "key x'***' set"),
        # Dates, times, amounts and versions are no phone numbers.
        ("2026-11-23 08:30:00 paid 0.80", "2026-11-23 08:30:00 paid 0.80"),
        # Not secrets: hashes, UUIDs, ports, counts and longer numbers stay as they are.
        ("3a5f13800138000ff", "3a5f13800138000ff"),
        ("a1380013-8001-4000-8000-000000000001", "a1380013-8001-4000-8000-000000000001"),
        ("http://host:8080/path@x", "http://host:8080/path@x"),
        ("passed: 3 tests", "passed: 3 tests"),
        ("seq 12345678901234567890", "seq 12345678901234567890"),
    ],
)
def test_redaction(text: str, redacted: str) -> None:
    assert logging_setup.redact(text) == redacted
