"""Failures of the environment or of the user's input that the application explains in words.

Everything raised as a `KnownError` is shown to a person as a message (or printed by the command
line with exit status 1); any other exception is a bug and goes to the error dialog.
"""

from __future__ import annotations


class KnownError(Exception):
    """An expected failure with a message that says what is wrong and where."""


class StoreTooNewError(KnownError):
    """The store was written by a newer FieldCollect; this version must not touch it."""


class StoreError(KnownError):
    """A store cannot be opened or upgraded (missing, locked, corrupt, disk full)."""


class WorkspaceError(KnownError):
    """A workspace folder is missing, not a workspace, or not set up for the asked action."""


class InputFileError(KnownError):
    """A file given by the user cannot be read; the message names the file, row and field."""
