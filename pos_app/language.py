"""The language the app is shown in, and its colours, chosen before the wallet is unlocked.

The Settings page and ``pos-app config set language`` (or ``display.theme``) store them
in the database like any setting, and also here: plain files beside the database (a
language code, a scheme name, never a secret), because the app needs them before the
database is open. Qt-free, so the CLI can write them; the desktop app reads them at
start (pos_app.ui.i18n, pos_app.ui.main).
"""

from __future__ import annotations

from pathlib import Path

from pos_app.core.files import write_private

SYSTEM = "system"
# SYSTEM: the computer's language; the app is translated into these (pos_app/ui/i18n.py).
# Here, not in core.config (which declares the setting): the app reads the choice at
# start, before the database layer is loaded.
LANGUAGES = (SYSTEM, "en", "de", "fr", "es")
PREFERENCE_FILE = "language"
THEMES = (SYSTEM, "light", "dark")  # the display.theme setting's choices
THEME_FILE = "theme"


def preference(data_dir: Path | None) -> str:
    """The stored choice (``system`` when none is stored or it is unknown)."""
    return _read(data_dir, PREFERENCE_FILE, LANGUAGES)


def remember(data_dir: Path, code: str) -> None:
    """Store the language for the next start (``system`` removes the choice)."""
    _write(data_dir, PREFERENCE_FILE, code, LANGUAGES)


def theme_preference(data_dir: Path | None) -> str:
    """The colour scheme to draw the first window in (``system`` when none is stored).

    Kept like the language, so the window shown while the wallet opens already has
    the shop's colours instead of switching to them once the settings are read.
    """
    return _read(data_dir, THEME_FILE, THEMES)


def remember_theme(data_dir: Path, scheme: str) -> None:
    """Store the colour scheme for the next start (``system`` removes the choice)."""
    _write(data_dir, THEME_FILE, scheme, THEMES)


def _read(data_dir: Path | None, name: str, allowed: tuple[str, ...]) -> str:
    if data_dir is None:
        return SYSTEM
    try:
        value = (Path(data_dir) / name).read_text(encoding="utf-8").strip()
    except OSError:
        return SYSTEM
    return value if value in allowed else SYSTEM


def _write(data_dir: Path, name: str, value: str, allowed: tuple[str, ...]) -> None:
    path = Path(data_dir) / name
    if value == SYSTEM or value not in allowed:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    write_private(path, (value + "\n").encode())
