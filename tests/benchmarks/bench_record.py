"""Appends one benchmark figure to bench-results.json at the repository root.

The file is a list of {"name", "value", "unit", "goal", "detail"} records; a record replaces the
one of the same name, so a figure can be compared from run to run. It measures nothing itself.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

RESULTS_FILE = Path(__file__).resolve().parents[2] / "bench-results.json"


def record(
    name: str, value: float, unit: str, goal: str | None, detail: str | dict[str, Any] | None
) -> None:
    """Write the figure `name` (replacing an earlier one of that name) and print it."""
    entry = {"name": name, "value": value, "unit": unit, "goal": goal, "detail": detail}
    records: list[dict[str, Any]] = []
    if RESULTS_FILE.exists():
        try:
            loaded = json.loads(RESULTS_FILE.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            loaded = []
        if isinstance(loaded, list):
            records = [item for item in loaded if isinstance(item, dict)]
    records = [item for item in records if item.get("name") != name]
    records.append(entry)
    # Write aside then rename, so an interrupted run never leaves half a file.
    partial = RESULTS_FILE.with_suffix(f".json.{os.getpid()}.tmp")
    partial.write_text(json.dumps(records, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    partial.replace(RESULTS_FILE)
    print(f"{name}: {value} {unit} (goal {goal or '-'})")
