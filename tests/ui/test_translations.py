"""Translation completeness: every text the UI shows has its Chinese, with the same placeholders."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from app.domain import vocabulary
from ui import formatting, labels

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
BIN = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _messages(ts_file: Path) -> dict[tuple[str, str], ET.Element]:
    messages = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") in {"obsolete", "vanished"}:
                continue
            messages[(name, message.findtext("source") or "")] = translation
    return messages


def _sources_in_code(tmp_path: Path) -> set[tuple[str, str]]:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(path) for path in (ROOT / "ui").rglob("*.py"))
    subprocess.run(
        [BIN / "pyside6-lupdate", *sources, "-ts", fresh], check=True, capture_output=True
    )
    return set(_messages(fresh))


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_translation_file_lists_exactly_the_texts_in_the_code(
    language: str, tmp_path: Path
) -> None:
    listed = set(_messages(TRANSLATIONS / f"fieldcollect_{language}.ts"))
    in_code = _sources_in_code(tmp_path)
    assert in_code - listed == set(), "run 'make lupdate' and translate the new texts"
    assert listed - in_code == set(), "texts no longer in the code: run 'make lupdate'"


def test_every_chinese_translation_is_finished_and_keeps_its_placeholders() -> None:
    messages = _messages(TRANSLATIONS / "fieldcollect_zh_CN.ts")
    assert len(messages) > 150
    for (context, source), translation in messages.items():
        where = f"{context}: {source!r}"
        assert translation.get("type") is None, f"unfinished translation of {where}"
        text = translation.text or ""
        assert text.strip(), f"empty translation of {where}"
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), where
        if re.search(r"[A-Za-z]{4,}", source) and "{" not in source:
            assert re.search(r"[\u4e00-\u9fff]", text), f"no Chinese in the translation of {where}"


def _compiled_chinese(tmp_path: Path) -> QTranslator:
    """The Chinese translation compiled from its .ts file now, loaded."""
    subprocess.run(
        [
            BIN / "pyside6-lrelease",
            TRANSLATIONS / "fieldcollect_zh_CN.ts",
            "-qm",
            tmp_path / "zh.qm",
        ],
        check=True,
        capture_output=True,
    )
    translator = QTranslator()
    assert translator.load(str(tmp_path / "zh.qm"))
    return translator


def test_the_compiled_translation_loads_and_translates(tmp_path: Path) -> None:
    translator = _compiled_chinese(tmp_path)
    assert translator.translate("MainWindow", "Cases") == "案件"
    assert translator.translate("Labels", "Promised to pay") == "承诺还款"


def test_every_code_the_services_return_has_words() -> None:
    assert set(labels.OUTCOME) == {outcome.code for outcome in vocabulary.DEFAULT_OUTCOMES}
    assert set(labels.CASE_STATUS) == set(vocabulary.CaseStatus)
    assert set(labels.VISIT_STATUS) == set(vocabulary.VisitStatus)
    assert set(labels.PROMISE_STATUS) == set(vocabulary.PromiseStatus)
    assert set(labels.PLAN_STATUS) == set(vocabulary.PlanStatus)
    assert set(labels.CHANNEL) == set(vocabulary.ContactChannel)
    assert set(labels.PHONE_KIND) == set(vocabulary.PhoneKind)
    assert set(labels.ADDRESS_KIND) == set(vocabulary.AddressKind)


def test_sentences_follow_each_other_as_each_language_writes_them(
    qapp: QCoreApplication, tmp_path: Path
) -> None:
    assert formatting.sentences("Two new.", "", "One left.") == "Two new. One left."
    assert formatting.sentences("", "") == ""
    translator = _compiled_chinese(tmp_path)
    assert QCoreApplication.installTranslator(translator)
    try:
        assert (
            formatting.sentences("新增2件。", "剩1件。", "已同步。") == "新增2件。剩1件。已同步。"
        )
    finally:
        QCoreApplication.removeTranslator(translator)
