"""What the command line and the GUI do with a till's store: enrolment files, the move.

The faces reach the store (``core/store``) through here: the till's own key is loaded
(``POS_DB_KEY``, the keyring or the passphrase, asked through ``ask``), then the work
is ``core/store/shop_db``'s.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pos_app.core.store.keys import KeyStore, PassphraseSource
from pos_app.core.store.shop_db import move_to_shared, write_enrolment_for


def write_enrolment(
    data_dir: Path, out: Path, passphrase: str, ask: PassphraseSource | None = None
) -> None:
    """An enrolment file for another till of this till's shop, sealed under ``passphrase``."""
    till_key = KeyStore(data_dir, ask).load()
    write_enrolment_for(data_dir, till_key.key, out, passphrase)


def move_to_postgresql(
    data_dir: Path, url: str, till_name: str | None, ask: PassphraseSource | None = None
) -> dict[str, Any]:
    """Move this till's wallet into a new shop on the PostgreSQL database at ``url``."""
    till_key = KeyStore(data_dir, ask).load()
    return move_to_shared(data_dir, till_key.key, url, till_name)
