"""A shop wallet wired to fake mints, opened in milliseconds for fast tests.

Creating a wallet runs every migration (about half a second); :func:`open_shop`
copies a wallet made once per test process instead, and opens the copy through
:class:`~pos_app.app.App` (the composition root) with the fake mints' transport.
Every shop shares the template's seed; each test makes its own fake mints, so
the outputs it signs never meet another test's.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from pos_app.app import App
from tests.support.fakemint import FakeMint, transport

# The database key of every shop copied from the template (tests set POS_DB_KEY to it).
DB_KEY = os.urandom(32).hex()
_template: Path | None = None


def _template_dir() -> Path:
    global _template
    if _template is None:
        target = Path(tempfile.mkdtemp(prefix="pos-shop-template-")) / "wallet"
        old = os.environ.get("POS_DB_KEY")
        os.environ["POS_DB_KEY"] = DB_KEY
        try:
            app, _ = App.init(target, trust_env=False)
            # Nothing was sent or queued: closing the store is all (no event loop needed).
            app.notifications.close()
            app.db.close()
        finally:
            if old is None:
                os.environ.pop("POS_DB_KEY", None)
            else:
                os.environ["POS_DB_KEY"] = old
        _template = target
    return _template


def open_shop(data_dir: Path, *mints: FakeMint) -> App:
    """A fresh shop wallet in ``data_dir`` whose mint traffic goes to ``mints``.

    The caller must have set ``POS_DB_KEY`` to :data:`DB_KEY` (``monkeypatch.setenv``)
    and closes the app (``await app.aclose()``).
    """
    template = _template_dir()
    shutil.copytree(template, data_dir)
    return App.open(data_dir, trust_env=False, transport=transport(*mints))
