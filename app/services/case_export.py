"""Export the workspace's case list to CSV, XLSX or JSON, chosen by the file's suffix."""

from __future__ import annotations

import csv
import json
import logging
from pathlib import Path

import openpyxl

from app import errors
from app.services import audit, cases
from app.services.workspace import Workspace

logger = logging.getLogger(__name__)

EXPORT_FIELDS: tuple[str, ...] = (
    "loan_ref",
    "borrower",
    "outstanding",
    "dpd",
    "bucket",
    "tier",
    "status",
    "assigned_to",
    "active_plan",
    "last_contact_at",
    "next_action_date",
    "promised_date",
)
SUPPORTED_SUFFIXES = (".csv", ".xlsx", ".json")


def export_cases(workspace: Workspace, target: Path, query: cases.CaseQuery | None = None) -> int:
    """Write the cases matching `query` (all by default) to `target`; returns how many."""
    suffix = target.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        supported = ", ".join(SUPPORTED_SUFFIXES)
        raise errors.InputFileError(
            f"{target}: cannot export to '{suffix or 'no suffix'}'; use one of {supported}"
        )
    rows = cases.CaseListService(workspace).all_rows(query or cases.CaseQuery())
    records = cases.rows_as_records(rows)
    try:
        if suffix == ".json":
            target.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
        elif suffix == ".csv":
            # UTF-8 with BOM so that Excel on a Chinese Windows opens it with the right encoding.
            with target.open("w", newline="", encoding="utf-8-sig") as stream:
                writer = csv.DictWriter(stream, fieldnames=EXPORT_FIELDS)
                writer.writeheader()
                writer.writerows(records)
        else:
            book = openpyxl.Workbook(write_only=True)
            sheet = book.create_sheet("cases")
            sheet.append(list(EXPORT_FIELDS))
            for record in records:
                sheet.append([record[name] for name in EXPORT_FIELDS])
            book.save(target)
    except OSError as exc:
        raise errors.InputFileError(f"{target}: cannot write the export: {exc.strerror}") from exc
    audit.record_act(
        workspace,
        "export_cases",
        "loan_case",
        None,
        {"count": len(records), "format": suffix.lstrip("."), "file_name": target.name},
    )
    logger.info("exported %d cases", len(records))
    return len(records)
