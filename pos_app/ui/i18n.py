"""The app's language: German, French and Spanish translations, English as written.

The translations are Qt ``.qm`` files in ``resources/i18n/`` (``make translations``
refreshes them from the code). The language is chosen before the wallet is
unlocked, so the choice lives beside the database (pos_app.language); the system
locale is the default.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

from pos_app.language import SYSTEM, preference
from pos_app.paths import resources_path

log = logging.getLogger(__name__)

# Languages with a translation, by code; English is the source language.
LANGUAGES: dict[str, str] = {
    "en": "English",
    "de": "Deutsch",
    "fr": "Français",
    "es": "Español",
}
TRANSLATED = ("de", "fr", "es")
QM_PREFIX = "pos_app_"
_installed: list[QTranslator] = []  # installed translators must outlive every window


def language_names() -> list[tuple[str, str]]:
    """(code, name) for the language picker: the computer's language, then each language.

    Each is listed by its own name: a shop owner finds "Deutsch" more easily than "German".
    """
    system = QCoreApplication.translate("Settings", "Same as the computer")
    return [(SYSTEM, system), *LANGUAGES.items()]


class FallbackTranslator(QTranslator):
    """A translator that also looks in the empty context.

    lupdate files ``tr("...")`` calls made by module-level helper functions under the
    empty context, while those helpers ask for their module's context at run time
    (``Settings``, ``MintCheck``...): looking in both finds every translation without
    wrapping each text in a marker.
    """

    def translate(
        self,
        context: str,
        source: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        """The translation in ``context``, else in the empty context, else None."""
        found = super().translate(context, source, disambiguation, n)
        if not found and context:
            found = super().translate("", source, disambiguation, n)
        # None, not "": Qt takes an empty string for a translation and would show nothing
        # where a text is still untranslated; None lets it fall back to the English source.
        return found or None


def system_language() -> str:
    """The system locale's language when the app has it, else English."""
    code = QLocale.system().name().split("_")[0].lower()
    return code if code in LANGUAGES else "en"


def resolve(data_dir: Path | None) -> str:
    """The language to show: the stored choice, else the system's.

    ``POS_APP_LANGUAGE`` overrides both, for tests and support.
    """
    forced = os.environ.get("POS_APP_LANGUAGE", "").strip().lower()
    if forced in LANGUAGES:
        return forced
    chosen = preference(data_dir)
    return system_language() if chosen == SYSTEM else chosen


def qm_path(code: str) -> Path:
    """The compiled translation of language ``code``."""
    return resources_path("i18n", f"{QM_PREFIX}{code}.qm")


def install(app: QCoreApplication, data_dir: str | os.PathLike[str] | Path | None = None) -> str:
    """Install the translators for the chosen language; returns the language code used.

    Call once, after the QApplication exists and before any window is built. Qt's own
    texts (standard buttons, file dialogs) come from Qt's translations when present.
    """
    from pos_app.datadir import resolve_data_dir

    code = resolve(resolve_data_dir(data_dir))
    if code == "en":
        return code
    translators: list[QTranslator] = []
    own = FallbackTranslator(app)
    if own.load(str(qm_path(code))):
        translators.append(own)
    else:
        log.warning("no translation for %s at %s: showing English", code, qm_path(code))
        return "en"
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{code}", qt_dir):
        translators.append(qt_own)
    for translator in translators:
        app.installTranslator(translator)
    _installed.extend(translators)
    log.info("language %s", code)
    return code


def uninstall(app: QCoreApplication) -> None:
    """Remove the translators :func:`install` put in (back to English)."""
    while _installed:
        app.removeTranslator(_installed.pop())
