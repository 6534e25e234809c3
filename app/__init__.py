"""FieldCollect's application core: everything but the Qt user interface.

Nothing under this package imports Qt, so every rule, the command line and the sync run and are
tested without a display (enforced by the import-linter contracts in pyproject.toml).
"""

from __future__ import annotations

from importlib import metadata

try:
    __version__ = metadata.version("fieldcollect")
except metadata.PackageNotFoundError:  # running from a frozen build or a bare checkout
    __version__ = "0.1.0"
