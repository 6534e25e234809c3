"""The lead's portfolio import from his workspace: column mappings saved by name in the user's
config folder, and the preview and the import run on the workspace's central database as its
user (`portfolio_import.ImportService` does the reading, checking and writing), then a sync so
the workspace shows what came in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from app import errors, settings
from app.services import portfolio_import
from app.services.central_access import CentralAccess
from app.services.sync import SyncReport
from app.services.workspace import Workspace

MAPPINGS_FOLDER = "import_mappings"
# A mapping's name becomes a file name: letters (any script), digits, spaces, - and _.
_NAME = re.compile(r"^[\w\- ]{1,60}$")


class MappingNameError(errors.KnownError):
    """A mapping name that cannot be a file name."""


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """An import done and the sync after it.

    Attributes:
        result: what the import wrote.
        sync: the workspace's sync afterwards (None when it failed; the import stands).
        sync_error: why the sync failed, in words.
    """

    result: portfolio_import.ImportResult
    sync: SyncReport | None
    sync_error: str | None = None


def mappings_folder(kind: portfolio_import.ImportKind | str) -> Path:
    """Where the saved mappings of `kind` live (beside the preferences)."""
    return settings.default_path().parent / MAPPINGS_FOLDER / portfolio_import.ImportKind(kind)


class LeadImport:
    """Import files into the central database of one workspace.

    Attributes:
        workspace: the lead's open workspace.
        central: his access to the central database.
    """

    def __init__(self, workspace: Workspace, central: CentralAccess | None = None) -> None:
        self.workspace = workspace
        self.central = central or CentralAccess(workspace)

    # Saved mappings --------------------------------------------------------------------------

    @staticmethod
    def mapping_names(kind: portfolio_import.ImportKind | str) -> list[str]:
        folder = mappings_folder(kind)
        return sorted(path.stem for path in folder.glob("*.json")) if folder.is_dir() else []

    @staticmethod
    def load_mapping(name: str, kind: portfolio_import.ImportKind | str) -> dict[str, str]:
        return portfolio_import.load_mapping(mappings_folder(kind) / f"{name}.json", kind)

    @staticmethod
    def save_mapping(
        name: str, kind: portfolio_import.ImportKind | str, mapping: Mapping[str, str | None]
    ) -> Path:
        """Keep `mapping` ({column header: field}) under `name`; returns the file written."""
        name = name.strip()
        if not _NAME.match(name):
            raise MappingNameError(
                f"{name!r} cannot name a mapping: use letters, digits, spaces, - and _ (at most 60)"
            )
        folder = mappings_folder(kind)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.json"
        portfolio_import.save_mapping(path, mapping)
        return path

    # Preview and import ----------------------------------------------------------------------

    def preview(
        self,
        path: Path,
        kind: portfolio_import.ImportKind | str,
        mapping: Mapping[str, str] | None = None,
    ) -> portfolio_import.ImportPreview:
        with self.central.engine() as engine:
            return portfolio_import.ImportService(engine).preview(path, kind, mapping)

    def run(
        self,
        path: Path,
        kind: portfolio_import.ImportKind | str,
        mapping: Mapping[str, str] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportOutcome:
        """Import the file whole or not at all, then sync the workspace."""
        with self.central.engine() as engine:
            result = portfolio_import.ImportService(engine).run(
                path, kind, mapping, progress, by_username=self.central.username
            )
        try:
            report = self.central.sync()
        except errors.KnownError as error:
            return ImportOutcome(result, None, str(error))
        return ImportOutcome(result, report)
