"""Logging, configured once per process: a rotating file in the platform's log folder and the
console, both behind a filter that redacts passwords, ID numbers and phone numbers.

The filter rewrites the finished message (its %-arguments merged in), the exception text and the
stack, so no handler ever sees the secret. It must not depend on Qt or on the store: the command
line and the GUI both call `configure` before anything else logs.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import sys
import threading
from pathlib import Path
from types import TracebackType

import platformdirs

from app.domain import privacy

LOG_DIR_ENV = "FIELDCOLLECT_LOG_DIR"
LOG_FILE_NAME = "fieldcollect.log"
MAX_BYTES = 2 * 1024 * 1024
BACKUP_COUNT = 5
FILE_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s"
CONSOLE_FORMAT = "%(levelname)s %(name)s: %(message)s"

_MASK = "***"
# Marks the handlers `configure` installed, so that configuring again replaces them.
_OURS = "_fieldcollect_handler"

# scheme://user:password@host -> scheme://user:***@host (database URLs, proxies); a password
# holding an unescaped "@" is masked up to the last "@" before the host.
_URL_PASSWORD = re.compile(r"(?P<keep>\b[a-z][a-z0-9+.\-]*://[^\s:/@]*:)[^\s/]*(?=@)", re.I)
# password=secret, "password": "secret", PGPASSWORD=secret, token: secret, 密码：secret …
_KEY_VALUE_SECRET = re.compile(
    r"(?P<keep>(?:passw(?:or)?d|passphrase|pwd|secret|token|api[_-]?key|密码)\w*['\"]?\s*[:=：]\s*)"
    r"(?P<secret>'[^']*'|\"[^\"]*\"|[^\s,;&'\")}\]]+)",
    re.I,
)
# Digits bounded by ASCII letters or digits only: Chinese text around a number does not hide it,
# and hexadecimal hashes and UUIDs are not taken for numbers.
_NOT_AFTER = r"(?<![0-9A-Za-z])"
_NOT_BEFORE = r"(?![0-9A-Za-z])"
# Resident ID number (GB 11643-1999): 17 digits and a check character 0-9 or X, perhaps grouped
# 6-8-4 with spaces or dashes.
_ID_NUMBER = re.compile(_NOT_AFTER + r"\d{6}[ -]?\d{8}[ -]?\d{3}[\dXx]" + _NOT_BEFORE)
# Mainland mobile numbers: 1[3-9] and 9 more digits, perhaps grouped 3-4-4, perhaps after +86,
# 0086 or 86. A bare number must not follow a dash, or UUID groups would look like phones.
_MOBILE = re.compile(
    r"(?:"
    + _NOT_AFTER
    + r"(?:\+|00)?86[ -]?|(?<![0-9A-Za-z-]))1[3-9]\d(?:[ -]?\d){8}"
    + _NOT_BEFORE
)
# Landline numbers: a 0, a 2-3 digit area code (perhaps in brackets), then 7-8 digits, perhaps
# with a dash or space between (028-8765 4321, (010)87654321, 02887654321); not after a dash,
# or a UUID's last group would look like one.
_LANDLINE = re.compile(
    r"(?<![0-9A-Za-z-])(?:\(0\d{2,3}\)|0\d{2,3})[ -]?\d{3,4}[ -]?\d{4}" + _NOT_BEFORE
)
# A raw SQLCipher key as given to PRAGMA key (x'<64 hex digits>'): never meant for a log.
_RAW_KEY = re.compile(r"x'[0-9a-f]{64}'", re.I)
_DIGIT = re.compile(r"[\dXx]")


def _keep_last_digits(match: re.Match[str]) -> str:
    """The number with everything but its last four digits (or check character) starred."""
    digits = "".join(_DIGIT.findall(match.group(0)))
    return privacy.mask_id_number(digits)


def redact(text: str) -> str:
    """`text` with passwords and store keys replaced by *** and ID, mobile and landline numbers
    cut to their last 4."""
    text = _URL_PASSWORD.sub(lambda m: m.group("keep") + _MASK, text)
    text = _KEY_VALUE_SECRET.sub(lambda m: m.group("keep") + _MASK, text)
    text = _RAW_KEY.sub("x'" + _MASK + "'", text)
    text = _ID_NUMBER.sub(_keep_last_digits, text)
    text = _MOBILE.sub(_keep_last_digits, text)
    return _LANDLINE.sub(_keep_last_digits, text)


class RedactingFilter(logging.Filter):
    """Rewrites each record so that its message, exception and stack are redacted.

    Put it on handlers, not loggers: a logger's filter does not see records from its children.
    """

    def __init__(self) -> None:
        super().__init__()
        self._formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad %-format: keep what there is, redacted all the same
            message = f"{record.msg!s} {record.args!r}"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def log_dir() -> Path:
    """Where the log file goes: $FIELDCOLLECT_LOG_DIR, else the platform's user log folder."""
    override = os.environ.get(LOG_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_log_dir("FieldCollect", appauthor=False))


def configure(
    level: int = logging.INFO,
    *,
    console_level: int = logging.WARNING,
    directory: Path | None = None,
    max_bytes: int = MAX_BYTES,
    backup_count: int = BACKUP_COUNT,
) -> Path | None:
    """Send the root logger's records to the rotating log file and to stderr, redacted.

    `directory` defaults to `log_dir()`. Calling it again replaces the handlers it installed
    before. Returns the log file, or None when it cannot be written (the console still works).
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _OURS, False):
            root.removeHandler(handler)
            handler.close()

    handlers: list[logging.Handler] = []
    if sys.stderr is not None:  # None in a windowed Windows build: nowhere to write
        console = logging.StreamHandler(sys.stderr)
        console.setLevel(console_level)
        console.setFormatter(logging.Formatter(CONSOLE_FORMAT))
        handlers.append(console)
    log_file = (directory or log_dir()) / LOG_FILE_NAME
    problem = None
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        rotating = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8"
        )
    except OSError as exc:
        problem = f"cannot write the log file {log_file}: {exc}"
    else:
        rotating.setLevel(level)
        rotating.setFormatter(logging.Formatter(FILE_FORMAT))
        handlers.append(rotating)

    redacting = RedactingFilter()
    for handler in handlers:
        handler.addFilter(redacting)
        setattr(handler, _OURS, True)
        root.addHandler(handler)
    root.setLevel(min(level, console_level))
    # Python's own warnings go through the same handlers (and the same redaction).
    logging.captureWarnings(True)
    if problem is not None:
        logging.getLogger(__name__).warning("%s", problem)
        return None
    return log_file


def log_uncaught_exceptions() -> None:
    """Log every exception nobody caught (main thread, Qt slots, worker threads), redacted.

    Python's own report, which would print the traceback unredacted, is replaced (the console
    handler shows the redacted one); a hook set before (an error dialog, say) still runs after the
    record is written. Calling it again changes nothing.
    """
    if getattr(sys.excepthook, _OURS, False):
        return
    uncaught = logging.getLogger("fieldcollect.uncaught")
    previous_hook = sys.excepthook
    previous_thread_hook = threading.excepthook

    def excepthook(
        kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous_hook(kind, value, tb)
            return
        uncaught.critical("uncaught exception", exc_info=(kind, value, tb))
        if previous_hook is not sys.__excepthook__:
            previous_hook(kind, value, tb)

    def thread_excepthook(args: threading.ExceptHookArgs) -> None:
        if issubclass(args.exc_type, SystemExit):  # as Python's own hook: a thread's exit is quiet
            return
        uncaught.critical(
            "uncaught exception in thread %s",
            args.thread.name if args.thread is not None else "?",
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),  # type: ignore[arg-type]
        )
        if previous_thread_hook is not threading.__excepthook__:
            previous_thread_hook(args)

    setattr(excepthook, _OURS, True)
    sys.excepthook = excepthook
    threading.excepthook = thread_excepthook
