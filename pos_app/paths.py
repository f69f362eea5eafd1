"""Where the app's read-only files are, from a source checkout and from the PyInstaller bundle.

A one-folder PyInstaller bundle unpacks nothing: its data files sit beside the
executable, under ``sys._MEIPASS`` (``_internal/`` since PyInstaller 6), laid out
as ``build.spec`` lists them. From source they are in the repository: ``resources/``
at its root and the Alembic scripts inside the package.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def is_frozen() -> bool:
    """True when running from a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def bundle_root() -> Path:
    """The folder holding the bundled data files, or the repository root from source."""
    if is_frozen():
        return Path(sys._MEIPASS)
    return _PACKAGE.parent


def resources_path(*parts: str) -> Path:
    """A path under ``resources/`` (icons, sounds, translations), e.g. ``("icons", "app.svg")``.

    The path may not exist; callers that need the file check for it.
    """
    return bundle_root().joinpath("resources", *parts)


def help_path(page: str) -> Path:
    """A local help page (``docs/help/``, shipped in the bundle), e.g. ``"setup.html"``."""
    return bundle_root().joinpath("docs", "help", page)


def migrations_path() -> Path:
    """The Alembic script folder (``env.py``, ``versions/``) the app migrates with."""
    from pos_app.core.store.migrate import SCRIPTS

    return SCRIPTS
