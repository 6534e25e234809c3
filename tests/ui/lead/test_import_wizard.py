"""The import wizard: a good file imported into the central database and seen after the sync; a
bad one shown with each problem's file, row, column and reason, and nothing written."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from app.services import portfolio_import
from app.services.lead_import import LeadImport
from app.services.team_cases import TeamCaseService
from app.services.workspace import Workspace
from tests.ui.lead.conftest import TeamDemo
from ui.dialogs.import_wizard import ImportWizard

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_number(first_17: str) -> str:
    """A valid resident ID number (GB 11643-1999 check character)."""
    total = sum(int(digit) * weight for digit, weight in zip(first_17, _WEIGHTS, strict=True))
    return first_17 + "10X98765432"[total % 11]


HEADER = "贷款编号,借款人,身份证号,电话,地址,纬度,经度,本金,利息,罚息,到期日,催收员\n"


def good_file(folder: Path) -> Path:
    rows = [
        f"IMP-0001,周一,{id_number('51010419800101001')},13800000001,"
        '四川省成都市锦江区春熙路1号,30.651,104.081,"12,000.00",300.00,50.00,2026-08-01,zhao.min',
        f"IMP-0002,吴二,{id_number('51010419810202002')},13800000002,"
        "四川省成都市武侯区科华北路2号,30.631,104.071,８０００.００,120.50,0,2026/9/15,zhao.min",
    ]
    path = folder / "portfolio.csv"
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8-sig")
    return path


def bad_file(folder: Path) -> Path:
    rows = [
        f"IMP-0100,郑三,{id_number('51010419820303003')},13800000003,,,,5000,0,0,2026-08-01,",
        f"IMP-0101,卫七,{id_number('51010419860707007')},13800000007,,,,abc,0,0,2026-08-01,",
        f"IMP-0102,王四,{id_number('51010419830404004')},13800000004,,,,5000,0,0,2026-13-45,",
        f"IMP-0100,郑三,{id_number('51010419820303003')},13800000003,,,,5000,0,0,2026-08-01,",
        f"IMP-0103,冯五,{id_number('51010419840505005')},13800000005,,,,5000,0,0,2026-08-01,nobody",
    ]
    path = folder / "broken.csv"
    path.write_bytes((HEADER + "\n".join(rows) + "\n").encode("gbk"))
    return path


def _central_cases(demo: TeamDemo) -> int:
    with sqlite3.connect(demo.central_path) as central:
        return central.execute("SELECT count(*) FROM loan_case").fetchone()[0]


@pytest.fixture
def wizard(qtbot: QtBot, lead_workspace: Workspace) -> Iterator[ImportWizard]:
    shown = ImportWizard(LeadImport(lead_workspace))
    qtbot.addWidget(shown)
    shown.show()
    yield shown


def _to_preview(wizard: ImportWizard, path: Path) -> None:
    wizard.file_page.path.setText(str(path))
    assert wizard.file_page.isComplete()
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page


def test_a_good_file_is_imported_and_the_lead_sees_its_cases_after_the_sync(
    qtbot: QtBot,
    tmp_path: Path,
    team_demo: TeamDemo,
    lead_workspace: Workspace,
    wizard: ImportWizard,
) -> None:
    before = _central_cases(team_demo)
    _to_preview(wizard, good_file(tmp_path))
    mapping = wizard.mapping_page.mapping()
    assert mapping["贷款编号"] == "loan_ref" and mapping["催收员"] == "assigned_to"
    assert wizard.preview_page.isComplete()
    assert wizard.preview_page.summary.text() == (
        "2 rows read (utf-8-sig), no problem: 2 new, 0 updated, 0 unchanged."
    )
    sample = wizard.preview_page.sample
    assert sample.rowCount() == 2
    # Headed by the file's own columns, each with the value as read.
    headers = [sample.headerData(n, Qt.Orientation.Horizontal) for n in range(sample.columnCount())]
    assert headers[:2] == ["贷款编号", "借款人"] and "本金" in headers
    assert sample.text(1, headers.index("本金")) == "8000.00", "full-width digits read"
    with qtbot.waitSignal(wizard.imported, timeout=30_000):
        wizard.next()
    assert wizard.run_page.progress.value() == wizard.run_page.progress.maximum()
    assert wizard.run_page.result.text().endswith("2 new, 0 updated, 0 unchanged.")
    assert _central_cases(team_demo) == before + 2
    refs = {case.loan_ref: case for case in TeamCaseService(lead_workspace).cases()}
    assert refs["IMP-0001"].collector == "zhao.min"
    assert str(refs["IMP-0002"].outstanding) == "8120.50", "full-width digits read"


def large_file(folder: Path, rows: int) -> Path:
    """`rows` good new cases: long enough an import to be cancelled while it runs."""

    def born_1980(n: int) -> str:  # a thousand people per birthday
        month, day = 1 + n // 28_000 % 12, 1 + n // 1000 % 28
        return id_number(f"5101041980{month:02d}{day:02d}{n % 1000:03d}")

    lines = [
        f"BIG-{n:06d},周{n},{born_1980(n)},138{n:08d},四川省成都市锦江区春熙路{n}号,"
        "30.651,104.081,5000.00,0,0,2026-08-01,zhao.min"
        for n in range(rows)
    ]
    path = folder / "large.csv"
    path.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_cancel_while_importing_stops_it_writes_nothing_and_closes(
    qtbot: QtBot, tmp_path: Path, team_demo: TeamDemo, wizard: ImportWizard
) -> None:
    before = _central_cases(team_demo)
    _to_preview(wizard, large_file(tmp_path, 20_000))
    assert wizard.preview_page.isComplete()
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "Import"
    wizard.next()
    assert wizard.task.running
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled(), "no way back"
    wizard.reject()
    assert wizard.isVisible(), "it stays open until the import has stopped"
    assert wizard.run_page.result.text() == "Cancelling: nothing will be imported…"
    assert not wizard.button(QWizard.WizardButton.CancelButton).isEnabled()
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=60_000)
    assert wizard.failure == "Cancelled: nothing was imported."
    assert wizard.outcome is None
    assert _central_cases(team_demo) == before


def test_a_bad_file_shows_every_problem_and_writes_nothing(
    tmp_path: Path, team_demo: TeamDemo, wizard: ImportWizard
) -> None:
    before = _central_cases(team_demo)
    _to_preview(wizard, bad_file(tmp_path))
    page = wizard.preview_page
    assert not page.isComplete()
    shown = [
        tuple(page.problems.text(row, column) for column in range(4))
        for row in range(page.problems.rowCount())
    ]
    assert shown == [
        ("broken.csv", "3", "H “本金”", "not an amount: abc"),
        ("broken.csv", "4", "K “到期日”", "not a date: 2026-13-45"),
        ("broken.csv", "5", "A “贷款编号”", "loan ref IMP-0100 is already in row 2"),
        ("broken.csv", "6", "L “催收员”", "no collector is called nobody"),
    ]
    assert page.summary.text().startswith("4 problems in 5 rows: nothing will be imported")
    wizard.next()
    assert wizard.currentPage() is page, "problems block the import"
    assert _central_cases(team_demo) == before


def test_a_mapping_saved_by_name_is_offered_again(
    tmp_path: Path, lead_workspace: Workspace, wizard: ImportWizard
) -> None:
    path = tmp_path / "renamed.csv"
    path.write_text(
        HEADER.replace("贷款编号", "合约号码").replace("本金", "欠款本金")
        + f"IMP-0201,钱六,{id_number('51010419850606006')},13800000006,,,,900,0,0,2026-08-01,\n",
        encoding="utf-8",
    )
    wizard.file_page.path.setText(str(path))
    wizard.next()
    wizard.mapping_page.set_field("合约号码", "loan_ref")
    wizard.mapping_page.set_field("欠款本金", "principal")
    wizard.mapping_page.save_as("核心系统导出")
    assert LeadImport.mapping_names(portfolio_import.ImportKind.CASES) == ["核心系统导出"]
    again = ImportWizard(LeadImport(lead_workspace))
    names = [again.file_page.saved.itemText(i) for i in range(again.file_page.saved.count())]
    assert "核心系统导出" in names
    assert LeadImport.load_mapping("核心系统导出", "cases")["合约号码"] == "loan_ref"
