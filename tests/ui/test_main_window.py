"""The main window: every screen reachable, the status bar honest, the language switchable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import settings
from app.services.workspace import Workspace
from ui import i18n
from ui.main_window import MainWindow


@pytest.fixture
def translations(qapp: QApplication) -> i18n.Translations:
    installed = i18n.Translations(qapp)
    yield installed
    installed.install("en")


def _window(qtbot: QtBot, workspace: Workspace, translations: i18n.Translations) -> MainWindow:
    window = MainWindow(workspace, translations, translations.install)
    qtbot.addWidget(window)
    window.show()
    return window


def test_each_screen_shows_when_chosen_in_the_navigation(
    qtbot: QtBot, demo_workspace: Workspace, translations: i18n.Translations
) -> None:
    window = _window(qtbot, demo_workspace, translations)
    names = [window.navigation.item(row).text() for row in range(window.navigation.count())]
    assert names == ["Today", "Cases", "Map", "Agreements", "Sync"]
    for row, (widget, _name) in enumerate(window.screens):
        window.navigation.setCurrentRow(row)
        assert window.stack.currentWidget() is widget
        assert widget.isVisible()
    assert "张伟" in window.windowTitle()


def test_the_status_bar_counts_the_changes_waiting_and_says_it_never_synced(
    qtbot: QtBot, demo_workspace: Workspace, translations: i18n.Translations
) -> None:
    window = _window(qtbot, demo_workspace, translations)
    assert window.pending_label.text() == "0 changes waiting"
    assert window.last_sync_label.text() == "Never synced"
    # The demo's central database is a file in the workspace: reachable.
    qtbot.waitUntil(lambda: window.connection_label.text() == "● Online", timeout=3000)
    window.cases_view.table.selectRow(0)
    window.cases_view.detail.reveal_button.click()
    assert window.pending_label.text() == "1 changes waiting"
    assert window.sync_view.pending.text() == "1 changes"


def test_switching_to_chinese_retranslates_every_screen_at_once(
    qtbot: QtBot,
    demo_workspace: Workspace,
    translations: i18n.Translations,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("FIELDCOLLECT_LANG", raising=False)
    window = _window(qtbot, demo_workspace, translations)
    window.choose_language("zh_CN")
    # Qt posts LanguageChange to every widget; they retranslate when the event loop runs.
    qtbot.waitUntil(lambda: window.navigation.item(0).text() != "Today", timeout=2000)
    names = [window.navigation.item(row).text() for row in range(window.navigation.count())]
    assert names == ["今日", "案件", "地图", "协议", "同步"]
    assert window.cases_view.count_label.text() == "600 件案件"
    header = window.cases_view.model.headerData(
        0, window.cases_view.table.horizontalHeader().orientation()
    )
    assert header == "借款人"
    assert window.pending_label.text() == "0 项更改待同步"
    window.choose_language("en")
    qtbot.waitUntil(lambda: window.navigation.item(0).text() == "Today", timeout=2000)
    assert window.cases_view.count_label.text() == "600 cases"


def test_the_language_follows_the_environment_then_the_preference_then_the_system(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtCore import QLocale

    monkeypatch.setenv("FIELDCOLLECT_LANG", "zh_CN")
    assert i18n.resolve_language("en") == "zh_CN"
    monkeypatch.delenv("FIELDCOLLECT_LANG")
    assert i18n.resolve_language("en") == "en"
    chinese = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    assert i18n.resolve_language(i18n.SYSTEM, chinese) == "zh_CN"
    assert i18n.resolve_language(i18n.SYSTEM, QLocale(QLocale.Language.German)) == "en"


def test_the_smoke_test_shows_every_screen_prints_one_line_and_exits_0(demo_folder: Path) -> None:
    script = Path(sys.executable).with_name("fieldcollect")
    environment = os.environ | {"FIELDCOLLECT_SMOKE_TEST": "1", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [script, "--workspace", str(demo_folder)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(
        "smoke test ok: showed Today, Cases, Map, Agreements, Sync; 600 cases"
    )


def test_the_smoke_test_on_a_missing_workspace_fails_with_a_message(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("fieldcollect")
    environment = os.environ | {"FIELDCOLLECT_SMOKE_TEST": "1", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [script, "--workspace", str(tmp_path / "nothing")],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert "is not a FieldCollect workspace" in done.stderr


def test_settings_change_the_contact_rules_and_the_language_at_once(
    qtbot: QtBot,
    demo_workspace: Workspace,
    translations: i18n.Translations,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.delenv("FIELDCOLLECT_LANG", raising=False)
    preferences = settings.Preferences(tmp_path / "preferences.json")
    window = MainWindow(demo_workspace, translations, translations.install, preferences=preferences)
    qtbot.addWidget(window)
    window.show()
    assert window.today_view._service.profile == "CN"
    dialog = window.settings_dialog()
    qtbot.addWidget(dialog)
    profile = dialog.editors["compliance_profile"]
    profile.setCurrentIndex(profile.findData("US"))
    language = dialog.editors["language"]
    language.setCurrentIndex(language.findData("zh_CN"))
    dialog.editors["promise_grace_days"].setValue(5)
    window.apply_settings(dialog.values())
    assert window.today_view._service.profile == "US"
    qtbot.waitUntil(lambda: window.navigation.item(1).text() == "案件", timeout=2000)
    reread = settings.Preferences(tmp_path / "preferences.json")
    assert (reread.get("compliance_profile"), reread.get("language")) == ("US", "zh_CN")
    assert reread.get("promise_grace_days") == 5
    window.choose_language("en")


def test_changes_waiting_are_sent_by_themselves_when_the_server_comes_within_reach(
    qtbot: QtBot, demo_workspace: Workspace, translations: i18n.Translations
) -> None:
    from app.services.cases import CaseListService, CaseQuery, CaseService

    first = CaseListService(demo_workspace).page(CaseQuery(), 0, 1)[0]
    CaseService(demo_workspace).reveal_id_number(first.case_id)
    window = _window(qtbot, demo_workspace, translations)
    assert window.preferences.get("auto_sync")
    with qtbot.waitSignal(window.sync_view.synced, timeout=60_000):
        pass  # the first probe finds the embedded central database and the sync starts
    qtbot.waitUntil(lambda: window.pending_label.text() == "0 changes waiting", timeout=5000)
    assert window.last_sync_label.text().startswith("Last sync ")
