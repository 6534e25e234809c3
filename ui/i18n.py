"""The interface language: chosen from the system locale, overridable, switchable while running.

Source texts are English; `resources/translations/fieldcollect_<lang>.qm` (built by
`make translations` from the .ts files) translates them. Switching installs the other translator;
Qt then sends every widget a LanguageChange event and each retranslates itself.
"""

from __future__ import annotations

import logging
import os
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

logger = logging.getLogger(__name__)

LANGUAGES: tuple[str, ...] = ("zh_CN", "en")
SYSTEM = "system"
_ENV = "FIELDCOLLECT_LANG"


def translations_dir() -> str:
    return str(resources.files("resources") / "translations")


def resolve_language(preference: str = SYSTEM, locale: QLocale | None = None) -> str:
    """The language to show: $FIELDCOLLECT_LANG, else the preference, else the system locale."""
    forced = os.environ.get(_ENV)
    if forced:
        if forced in LANGUAGES:
            return forced
        logger.warning("%s=%s is not one of %s; ignoring it", _ENV, forced, LANGUAGES)
    if preference in LANGUAGES:
        return preference
    locale = locale or QLocale.system()
    return "zh_CN" if locale.language() == QLocale.Language.Chinese else "en"


class Translations:
    """Owns the installed translators of the running application."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = "en"

    def install(self, language: str) -> bool:
        """Show the interface in `language`; False when its translation file is missing."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        self.language = language
        QLocale.setDefault(QLocale(language))
        ours = QTranslator(self._app)
        found = ours.load(f"fieldcollect_{language}", translations_dir())
        if found:
            self._installed.append(ours)
        else:
            logger.warning(
                "no compiled translation for %s in %s (run 'make translations')",
                language,
                translations_dir(),
            )
        qt_own = QTranslator(self._app)
        if qt_own.load(
            f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ):
            self._installed.append(qt_own)
        for translator in self._installed:
            self._app.installTranslator(translator)
        return found or language == "en"
