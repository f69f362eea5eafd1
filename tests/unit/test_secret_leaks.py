"""A database error while proofs are bound carries no secret anywhere it travels.

The statement's parameters are the proofs themselves; the error goes on to the
message shown, the JSON log line (and stderr), the errors table and the support
bundle. Each of them is scanned for the secrets.
"""

from __future__ import annotations

import json
import logging
import zipfile

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from pos_app.app import App
from pos_app.cli import internal_error
from pos_app.core import logs
from pos_app.core.cashu.models import Proof
from pos_app.core.errorlog import recent_errors, record_error
from pos_app.core.services.bundle import gather_facts, write_bundle
from pos_app.core.store.keys import ENV_KEY
from pos_app.core.store.schema import ErrorRecord
from pos_app.core.wallet import journal

KEY = "9e" * 32
SECRET = "51de" * 16
NUT10 = '["P2PK",{"nonce":"c0ffee1234567890","data":"02' + "aa" * 32 + '"}]'
SIG = "03" + "77" * 32


@pytest.fixture
def restored_logging():
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def _leaks(text: str) -> list[str]:
    return [s for s in (SECRET, "c0ffee1234567890", SIG, KEY) if s in text]


def test_a_failed_proof_insert_leaks_no_secret(tmp_path, monkeypatch, capsys, restored_logging):
    monkeypatch.setenv(ENV_KEY, KEY)
    data_dir = tmp_path / "shop"
    app, _ = App.init(data_dir, trust_env=False)
    log_file = logs.setup_logging(data_dir, stderr_level=logging.WARNING)
    proofs = [
        Proof(amount=8, id="00" + "ab" * 7, secret=SECRET, C=SIG),
        Proof(amount=2, id="00" + "ab" * 7, secret=NUT10, C=SIG),
    ]
    try:
        # No such mint and keyset: the foreign keys refuse the rows with the secrets bound.
        with pytest.raises(IntegrityError) as caught:
            app.db.transact(
                lambda s: journal.insert_proofs(
                    s, mint_id=404, unit="sat", proofs=proofs, origin="test", op_id=None
                )
            )
        exc = caught.value
        assert "FOREIGN KEY constraint failed" in str(exc)
        assert "parameters hidden" in str(exc)
        shown = internal_error(exc)
        try:
            raise exc
        except IntegrityError:
            logging.getLogger("pos_app.cli").exception("command failed")
        app.db.transact(lambda s: record_error(s, shown))
        facts = app.db.transact(lambda s: gather_facts(s, app.config, app.mints, []))
        bundle = write_bundle(tmp_path / "support", data_dir, facts)
        rows = app.db.transact(
            lambda s: [(e.message, e.detail) for e in s.scalars(select(ErrorRecord))]
        )
    finally:
        app.db.close()
    for handler in logging.getLogger().handlers:
        handler.flush()

    places = {
        "message": f"{exc}\n{exc!r}\n{shown.user_message}\n{shown.detail}",
        "log": log_file.read_text(),
        "stderr": capsys.readouterr().err,
        "errors table": json.dumps(rows),
    }
    with zipfile.ZipFile(bundle) as zf:
        places.update({f"bundle {n}": zf.read(n).decode() for n in zf.namelist()})
    # The error did reach every place, or the scan would prove nothing.
    assert "IntegrityError" in places["log"] and "IntegrityError" in places["stderr"]
    assert "FOREIGN KEY" in places["errors table"]
    assert "internal.error" in places["bundle errors.json"]
    assert "IntegrityError" in places["bundle logs/pos-app.log"]
    leaks = {name: _leaks(text) for name, text in places.items() if _leaks(text)}
    assert not leaks


def test_error_rows_are_redacted_when_written_and_in_the_bundle(tmp_path, monkeypatch):
    from pos_app.core.errors import ProtocolError

    monkeypatch.setenv(ENV_KEY, KEY)
    data_dir = tmp_path / "shop"
    app, _ = App.init(data_dir, trust_env=False)
    try:
        err = ProtocolError(
            "mint.bad_response", "The mint answered nonsense.", f'{{"secret": "{SECRET}"}}'
        )
        app.db.transact(lambda s: record_error(s, err))
        stored = app.db.transact(lambda s: recent_errors(s))
    finally:
        app.db.close()
    assert stored[0]["code"] == "mint.bad_response"
    assert SECRET not in stored[0]["detail"] and '"secret": [redacted]' in stored[0]["detail"]
