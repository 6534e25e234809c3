"""Preferences: declared once, validated, stored as versioned JSON, unknown keys ignored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import errors, settings


def test_a_preference_survives_a_restart_and_defaults_fill_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "preferences.json"
    settings.Preferences(path).set("compliance_profile", "UK")
    reopened = settings.Preferences(path)
    assert reopened.get("compliance_profile") == "UK"
    assert reopened.get("promise_grace_days") == 3
    assert json.loads(path.read_text())["version"] == settings.SETTINGS_VERSION


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("language", "fr", "must be one of"),
        ("promise_grace_days", "3", "needs a int"),
        ("colour", "red", "no setting named"),
    ],
)
def test_wrong_values_and_unknown_names_are_refused(
    tmp_path: Path, key: str, value: object, message: str
) -> None:
    with pytest.raises(errors.KnownError, match=message):
        settings.Preferences(tmp_path / "p.json").set(key, value)


def test_a_file_with_unknown_or_bad_values_keeps_only_the_good_ones(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text(
        json.dumps(
            {"version": 1, "values": {"colour": "red", "language": "klingon", "auto_sync": False}}
        )
    )
    preferences = settings.Preferences(path)
    assert preferences.get("language") == "system"
    assert preferences.get("auto_sync") is False


def test_an_unreadable_file_falls_back_to_defaults(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text("{not json")
    assert settings.Preferences(path).get("compliance_profile") == "CN"
