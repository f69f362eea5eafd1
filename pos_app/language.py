"""The language the app is shown in, chosen before the wallet is unlocked.

The Settings page and ``pos-app config set language`` store it in the database like
any setting, and also here: a plain file beside the database (a language code, never
a secret), because the app needs it before the database is open. Qt-free, so the CLI
can write it; pos_app.ui.i18n reads it at start.
"""

from __future__ import annotations

import os
from pathlib import Path

from pos_app.core.config import LANGUAGES

SYSTEM = "system"
PREFERENCE_FILE = "language"


def preference(data_dir: Path | None) -> str:
    """The stored choice (``system`` when none is stored or it is unknown)."""
    if data_dir is None:
        return SYSTEM
    try:
        code = (Path(data_dir) / PREFERENCE_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        return SYSTEM
    return code if code in LANGUAGES else SYSTEM


def remember(data_dir: Path, code: str) -> None:
    """Store the language for the next start (``system`` removes the choice)."""
    path = Path(data_dir) / PREFERENCE_FILE
    if code == SYSTEM or code not in LANGUAGES:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(code + "\n", encoding="utf-8")
    os.replace(tmp, path)
