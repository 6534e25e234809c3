"""The command line: demo, export and their exit statuses, run as a user would run them."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from app import cli


def test_demo_then_export_lists_the_collectors_600_cases_and_a_second_demo_adds_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace = tmp_path / "ws"
    assert (
        cli.main(["demo", "--workspace", str(workspace), "--no-gui", "--as-of", "2026-11-22"]) == 0
    )
    assert "built" in capsys.readouterr().out
    exported = tmp_path / "cases.json"
    assert cli.main(["export", "cases", "--workspace", str(workspace), "-o", str(exported)]) == 0
    records = json.loads(exported.read_text(encoding="utf-8"))
    assert len(records) >= 600
    assert {
        "loan_ref",
        "borrower",
        "outstanding",
        "dpd",
        "bucket",
        "tier",
        "status",
        "assigned_to",
        "active_plan",
    } <= set(records[0])
    assert len({record["loan_ref"] for record in records}) == len(records)
    assert sum(1 for record in records if record["active_plan"]) == 1

    assert (
        cli.main(["demo", "--workspace", str(workspace), "--no-gui", "--as-of", "2026-11-22"]) == 0
    )
    assert "nothing added" in capsys.readouterr().out
    again = tmp_path / "again.json"
    assert cli.main(["export", "cases", "--workspace", str(workspace), "-o", str(again)]) == 0
    assert json.loads(again.read_text(encoding="utf-8")) == records

    as_csv, as_xlsx = tmp_path / "cases.csv", tmp_path / "cases.xlsx"
    assert cli.main(["export", "cases", "--workspace", str(workspace), "-o", str(as_csv)]) == 0
    assert cli.main(["export", "cases", "--workspace", str(workspace), "-o", str(as_xlsx)]) == 0
    with as_csv.open(encoding="utf-8-sig", newline="") as stream:
        csv_rows = list(csv.DictReader(stream))
    sheet = openpyxl.load_workbook(as_xlsx, read_only=True)["cases"]
    xlsx_rows = list(sheet.iter_rows(values_only=True))
    assert [row["loan_ref"] for row in csv_rows] == [record["loan_ref"] for record in records]
    assert len(xlsx_rows) == len(records) + 1
    assert csv_rows[0]["outstanding"] == records[0]["outstanding"]


def test_export_to_an_unknown_format_fails_with_the_file_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace = tmp_path / "ws"
    assert cli.main(["demo", "--workspace", str(workspace), "--no-gui", "--cases", "5"]) == 0
    assert cli.main(["export", "cases", "--workspace", str(workspace), "-o", "cases.pdf"]) == 1
    error = capsys.readouterr().err
    assert "cases.pdf" in error and ".json" in error


def test_a_missing_workspace_is_an_error_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["export", "cases", "--workspace", str(tmp_path / "none"), "-o", "x.json"])
    assert code == 1
    assert "is not a FieldCollect workspace" in capsys.readouterr().err


def test_the_installed_console_script_reports_its_version_and_usage_errors() -> None:
    script = Path(sys.executable).with_name("fieldcollect")
    version = subprocess.run([script, "--version"], capture_output=True, text=True, check=False)
    assert version.returncode == 0 and version.stdout.startswith("fieldcollect ")
    usage = subprocess.run([script, "bogus"], capture_output=True, text=True, check=False)
    assert usage.returncode == 2 and "invalid choice" in usage.stderr


def test_record_refuses_a_visit_at_2230_without_consent_and_keeps_it_with_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace = tmp_path / "ws"
    assert cli.main(["demo", "--workspace", str(workspace), "--no-gui", "--cases", "5"]) == 0
    exported = tmp_path / "cases.json"
    assert cli.main(["export", "cases", "--workspace", str(workspace), "-o", str(exported)]) == 0
    loan_ref = json.loads(exported.read_text(encoding="utf-8"))[0]["loan_ref"]
    late = [
        "record",
        "--workspace",
        str(workspace),
        "--case",
        loan_ref,
        "--outcome",
        "met_borrower",
        "--at",
        "2030-01-07T22:30+08:00",
    ]
    capsys.readouterr()
    assert cli.main(late) == 1
    assert "outside the allowed contact hours 08:00–22:00 (CN)" in capsys.readouterr().err
    assert cli.main([*late, "--consent-reason", "the borrower asked for an evening visit"]) == 0
    assert "recorded contact" in capsys.readouterr().out
    assert cli.main(["export", "cases", "--workspace", str(workspace), "-o", str(exported)]) == 0
    record = next(
        r for r in json.loads(exported.read_text(encoding="utf-8")) if r["loan_ref"] == loan_ref
    )
    assert record["last_contact_at"].startswith("2030-01-07T14:30")


def test_agreement_prints_the_active_plan_and_verify_tells_a_true_copy_from_an_edited_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace = tmp_path / "ws"
    assert cli.main(["demo", "--workspace", str(workspace), "--no-gui", "--cases", "20"]) == 0
    exported = tmp_path / "cases.json"
    assert cli.main(["export", "cases", "--workspace", str(workspace), "-o", str(exported)]) == 0
    with_plan = [r for r in json.loads(exported.read_text(encoding="utf-8")) if r["active_plan"]]
    assert len(with_plan) == 1
    pdf = tmp_path / "agreement.pdf"
    loan_ref = with_plan[0]["loan_ref"]
    printing = ["agreement", "--workspace", str(workspace), "--case", loan_ref, "-o", str(pdf)]
    assert cli.main([*printing, "--place", "成都市"]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    capsys.readouterr()
    assert cli.main(["verify", str(pdf)]) == 0
    assert "verified" in capsys.readouterr().out

    not_a_pdf = tmp_path / "notes.pdf"
    not_a_pdf.write_text("not a PDF", encoding="utf-8")
    assert cli.main(["verify", str(not_a_pdf)]) == 1
    assert "notes.pdf" in capsys.readouterr().err

    missing_case = ["agreement", "--workspace", str(workspace), "--case", "NO-SUCH-REF"]
    assert cli.main([*missing_case, "-o", str(tmp_path / "x.pdf")]) == 1
    assert "NO-SUCH-REF" in capsys.readouterr().err


def test_verify_audit_passes_a_synced_trail_and_names_the_event_edited_behind_its_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    from app.services.cases import CaseListService, CaseQuery, CaseService
    from app.services.workspace import Workspace

    workspace = tmp_path / "ws"
    assert cli.main(["demo", "--workspace", str(workspace), "--no-gui", "--cases", "5"]) == 0
    with Workspace.open(workspace) as opened:
        for row in CaseListService(opened).page(CaseQuery(), 0, 3):
            CaseService(opened).reveal_id_number(row.case_id)
    assert cli.main(["sync", "--workspace", str(workspace)]) == 0
    central = workspace / "central.db"
    capsys.readouterr()
    assert cli.main(["admin", "verify-audit", f"sqlite:///{central}"]) == 0
    assert "audit trail intact: 3 events" in capsys.readouterr().out

    with sqlite3.connect(central) as connection:
        for (trigger,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_event'"
        ).fetchall():
            connection.execute(f'DROP TRIGGER "{trigger}"')  # what a tamperer with the file does
        (victim,) = connection.execute(
            "SELECT id FROM audit_event ORDER BY occurred_at LIMIT 1 OFFSET 1"
        ).fetchone()
        connection.execute(
            'UPDATE audit_event SET detail = \'{"loan_ref": "X"}\' WHERE id = ?', (victim,)
        )
    assert cli.main(["admin", "verify-audit", f"sqlite:///{central}"]) == 1
    error = capsys.readouterr().err
    assert "audit trail broken at event" in error and "(edited)" in error


DATA = Path(__file__).resolve().parents[1] / "data" / "import"


def test_admin_import_and_assign_on_the_demo_central_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace = tmp_path / "ws"
    assert cli.main(["demo", "--workspace", str(workspace), "--no-gui", "--cases", "5"]) == 0
    url = f"sqlite:///{workspace / 'central.db'}"
    capsys.readouterr()
    assert cli.main(["admin", "import", url, str(DATA / "cases_one_bad_row.csv")]) == 1
    error = capsys.readouterr().err
    assert "cases_one_bad_row.csv, row 3" in error and "principal" in error

    assert cli.main(["admin", "import", url, str(DATA / "cases_utf8.csv")]) == 0
    first = capsys.readouterr().out
    assert "created" in first and " 0 created" not in first
    assert cli.main(["admin", "import", url, str(DATA / "cases_utf8.csv")]) == 0
    assert " 0 created, 0 updated" in capsys.readouterr().out

    assert cli.main(["admin", "assign", url, "--case", "CD-0002", "--to", "zhang.wei"]) == 0
    assert "1 cases assigned to zhang.wei" in capsys.readouterr().out
    assert cli.main(["sync", "--workspace", str(workspace)]) == 0
    exported = tmp_path / "cases.json"
    assert cli.main(["export", "cases", "--workspace", str(workspace), "-o", str(exported)]) == 0
    refs = {record["loan_ref"] for record in json.loads(exported.read_text(encoding="utf-8"))}
    assert {"CD-0001", "CD-0002"} <= refs
    assert cli.main(["admin", "assign", url, "--case", "CD-0002"]) == 1
