"""Screenshots of the main screens in Chinese for docs/screenshots/ (run: make screenshots).

Builds a demo workspace in a temporary folder, opens the main window in zh-CN and saves a PNG of
each screen, of a case's detail and of the outcome dialog. Look at them before committing.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
os.environ["FIELDCOLLECT_LANG"] = "zh_CN"
os.environ["FIELDCOLLECT_CONFIG_DIR"] = tempfile.mkdtemp(prefix="fieldcollect-shots-")

from PySide6.QtWidgets import QApplication

from app.services import demo
from app.services.sync import SyncService
from app.services.workspace import Workspace
from ui import i18n
from ui.main_window import MainWindow
from ui.web import local_content

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def main() -> int:
    local_content.register_schemes()
    qt_app = QApplication(sys.argv[:1])
    translations = i18n.Translations(qt_app)
    translations.install("zh_CN")
    folder = Path(tempfile.mkdtemp(prefix="fieldcollect-demo-")) / "ws"
    demo.build_demo_workspace(folder, seed=7, cases=600, as_of=dt.date.today())
    OUT.mkdir(parents=True, exist_ok=True)
    at_ten = dt.datetime.combine(dt.date.today(), dt.time(10, 5), ZoneInfo("Asia/Shanghai"))
    with Workspace.open(folder) as workspace:
        window = MainWindow(workspace, translations, translations.install, clock=lambda: at_ten)
        window.resize(1440, 860)
        window.show()
        QApplication.processEvents()

        window.show_screen(window.today_view)
        window.today_view.plan_route()
        window.today_view.table.selectRow(0)
        window.today_view.check_in_selected("小区东门")
        QApplication.processEvents()
        window.grab().save(str(OUT / "today_zh_CN.png"))

        window.show_screen(window.cases_view)
        window.cases_view.table.selectRow(0)
        QApplication.processEvents()
        window.grab().save(str(OUT / "cases_zh_CN.png"))
        window.cases_view.detail.grab().save(str(OUT / "case_detail_zh_CN.png"))

        window.show_screen(window.today_view)
        dialog = window.today_view.outcome_dialog()
        assert dialog is not None
        dialog.select_outcome("promised_to_pay")
        dialog.person_met.setText("借款人本人")
        dialog.notes.setPlainText("答应月底前先还一部分，其余按计划")
        dialog.promise_amount.setText("1500.00")
        dialog.resize(520, dialog.sizeHint().height())
        dialog.show()
        QApplication.processEvents()
        dialog.grab().save(str(OUT / "outcome_dialog_zh_CN.png"))
        dialog.reject()
        _suggest_dialog(window)

        window.show_screen(window.map_view)
        loaded = []
        window.map_view.loaded.connect(loaded.append)
        deadline = time.monotonic() + 30
        while not loaded and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.05)
        for _ in range(40):  # let Leaflet draw its markers
            QApplication.processEvents()
            time.sleep(0.05)
        window.grab().save(str(OUT / "map_zh_CN.png"))

        detail = window.cases_view.detail.detail
        assert detail is not None
        editor = window.agreements_view.plan_editor_dialog(
            detail.case.case_id, detail.case.borrower_name
        )
        editor.set_waiver_percent(10)
        editor.resize(760, 720)
        editor.show()
        QApplication.processEvents()
        editor.grab().save(str(OUT / "plan_editor_zh_CN.png"))
        editor.reject()

        window.show_screen(window.agreements_view)
        window.agreements_view.reload()
        window.agreements_view.table.selectRow(0)
        QApplication.processEvents()
        window.grab().save(str(OUT / "agreements_zh_CN.png"))

        window.show_screen(window.sync_view)
        QApplication.processEvents()
        window.grab().save(str(OUT / "sync_zh_CN.png"))
        window.close()
        # The check-in on Today reaches the lead's board through the central database.
        SyncService(workspace).run()
    lead_screens(translations, folder, at_ten + dt.timedelta(minutes=75))
    print(f"screenshots written to {OUT}")  # noqa: T201
    return 0


def _wait_for_page(loaded: list[bool]) -> None:
    deadline = time.monotonic() + 30
    while not loaded and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.05)
    for _ in range(40):  # let Leaflet draw its markers
        QApplication.processEvents()
        time.sleep(0.05)


def lead_screens(translations: i18n.Translations, folder: Path, now: dt.datetime) -> None:
    """The team lead's Team board (张伟's check-in 15 minutes overdue), Assignment and Reports."""
    lead = demo.build_lead_workspace(folder, seed=7, cases=600, as_of=now.date())
    with Workspace.open(lead.folder) as workspace:
        window = MainWindow(workspace, translations, translations.install, clock=lambda: now)
        window.resize(1440, 860)
        window.show()
        for view, name in (
            (window.team_board_view, "team_board_zh_CN.png"),
            (window.assignment_view, "assignment_zh_CN.png"),
        ):
            loaded: list[bool] = []
            map_widget = view.map
            map_widget.loaded.connect(loaded.append)
            window.show_screen(view)
            _wait_for_page(loaded)
            window.grab().save(str(OUT / name))
        _team_plan_dialog(window, now.date() + dt.timedelta(days=1))
        window.show_screen(window.reports_view)
        for _ in range(20):
            QApplication.processEvents()
            time.sleep(0.05)
        window.grab().save(str(OUT / "reports_zh_CN.png"))
        window.show_screen(window.early_warning_view)
        QApplication.processEvents()
        window.grab().save(str(OUT / "early_warning_zh_CN.png"))
        wizard = window.import_view.wizard()
        wizard.show()
        broken = folder.parent / "逾期案件-有误.csv"
        broken.write_bytes(
            "贷款编号,借款人,身份证号,本金,利息,罚息,到期日,催收员\n"
            'CDL9000001,周一,110101199003070011,"12,000.00",300.00,50.00,2026-08-01,zhang.wei\n'
            "CDL9000002,吴二,110101199003070011,八千,0,0,2026-13-45,nobody\n".encode("gbk")
        )
        wizard.file_page.path.setText(str(broken))
        wizard.next()
        wizard.next()
        QApplication.processEvents()
        wizard.grab().save(str(OUT / "import_wizard_zh_CN.png"))
        wizard.reject()
        window.close()


def _suggest_dialog(window: MainWindow) -> None:
    """Tomorrow's suggested visits (today's day is full in the demo; nothing is added)."""
    today = window.today_view.chosen_day()
    window.today_view.show_day(today + dt.timedelta(days=1))
    dialog = window.today_view.suggest_dialog()
    done: list[object] = []
    dialog.suggested.connect(lambda: done.append(True))
    dialog.task.failed.connect(done.append)
    dialog.resize(1000, 560)
    dialog.show()
    deadline = time.monotonic() + 60
    while not done and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.05)
    QApplication.processEvents()
    dialog.grab().save(str(OUT / "suggest_visits_zh_CN.png"))
    dialog.reject()
    window.today_view.show_day(today)


def _team_plan_dialog(window: MainWindow, day: dt.date) -> None:
    """The lead's team plan for `day`, proposed (nothing written), with its left-out cases."""
    dialog = window.assignment_view.open_team_plan()
    dialog.first_day.setDate(day)
    dialog.seconds.setValue(1.0)
    finished: list[object] = []
    dialog.task.finished.connect(finished.append)
    dialog.task.failed.connect(finished.append)
    dialog.propose()
    deadline = time.monotonic() + 60
    while not finished and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.05)
    QApplication.processEvents()
    dialog.grab().save(str(OUT / "team_plan_zh_CN.png"))
    dialog.close()


if __name__ == "__main__":
    sys.exit(main())
