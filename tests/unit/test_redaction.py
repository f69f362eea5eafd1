"""Redaction by field name and by shape, in every log handler the app installs."""

from __future__ import annotations

import json
import logging

import pytest
from mnemonic import Mnemonic

from pos_app.core import logs
from pos_app.core.redaction import MARK, SEED_MARK, redact_data, redact_text

SECRET = "5ec4e7" + "ab" * 29
NUT10 = '["P2PK",{"nonce":"9f3c1d2e","data":"02' + "cd" * 32 + '"}]'
SIG = "02" + "ef" * 32
TOKEN = "cashuBo2FteBtodHRwOi8vMTI3LjAuMC4xOjMzMzhhdWNzYXRhdIGiYWlIAJofKTJT5B5hcIGkYWEBYXN4QA"
WORDS = Mnemonic("english").to_mnemonic(bytes(range(7, 23)))  # fixed: test ids must not vary


@pytest.mark.parametrize(
    "text",
    [
        f"proof {{'amount': 8, 'id': '009a1f293253e41e', 'secret': '{SECRET}', 'C': '{SIG}'}}",
        json.dumps({"amount": 8, "secret": NUT10, "C": SIG, "witness": '{"signatures":["aa"]}'}),
        json.dumps({"proof": json.dumps({"secret": SECRET, "C": SIG})}),  # JSON inside JSON
        f"Proof(amount=1, id='00ab', secret='{SECRET}', C='{SIG}', witness=None)",
        f"POS_DB_KEY={SECRET} started",
        f"passphrase: {SECRET[:12]}",
        f"https://rates.example/v1?apikey={SECRET}&pair=btc",
        f"got {TOKEN} from the customer",
        f"raw b'crawB\\xa2ax{SECRET[:20]}'",
        f"seed {WORDS}",
        "restored from: " + ", ".join(WORDS.split()),
        "numbered: " + " ".join(f"{i}. {w}" for i, w in enumerate(WORDS.split(), 1)),
        f"nostr nsec1{'q' * 58}",
        f"preimage={SECRET}",
        f"webhook secret whsec_{SECRET[:43]}= for https://shop.example/hook",
        json.dumps({"previous_secret": SECRET}),
    ],
)
def test_secrets_are_removed_from_text(text):
    out = redact_text(text)
    assert SECRET not in out and SECRET[:12] not in out
    assert "9f3c1d2e" not in out and SIG not in out and TOKEN[:30] not in out
    assert WORDS not in out and " ".join(WORDS.split()[:6]) not in out
    assert "nsec1qqqq" not in out
    assert MARK in out or SEED_MARK in out


@pytest.mark.parametrize(
    "text",
    [
        "There is no wallet in this data directory yet. Run `pos-app init` first.",
        "The database key is wrong. Check POS_DB_KEY, the keyring or the passphrase.",
        "storage.wrong_key: key: the 32-byte key",
        "mint https://mint.example keyset 009a1f293253e41e: 3 proofs of 8 sat",
        "Long token: the QR code is animated; scan it until it completes.",
        "c: lower-case c is not a proof signature 1234567890",
        "fees.max_mint_fee_pct = 1.5",
    ],
)
def test_ordinary_text_is_left_alone(text):
    assert redact_text(text) == text


def test_data_is_redacted_by_field_name_at_any_depth():
    data = {
        "settings": {"mode": "auto_convert", "rate.sources": [{"url": "https://r.example"}]},
        "errors": [{"code": "x.y", "detail": f"secret={SECRET}", "message": "ok"}],
        "proofs": [{"secret": SECRET, "C": SIG}],
        "nested": {"mnemonic": WORDS, "Passphrase": "hunter2hunter2", "c": "kept", "seed": None},
    }
    out = redact_data(data)
    text = json.dumps(out)
    for secret in (SECRET, SIG, WORDS, "hunter2hunter2"):
        assert secret not in text
    assert out["settings"] == data["settings"]
    assert out["errors"][0]["code"] == "x.y" and out["errors"][0]["message"] == "ok"
    assert out["proofs"] == MARK
    assert out["nested"]["c"] == "kept" and out["nested"]["seed"] is None
    assert data["proofs"][0]["secret"] == SECRET, "the input is not changed"


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


def test_every_handler_redacts_messages_and_tracebacks(tmp_path, capsys, restored_logging):
    path = logs.setup_logging(tmp_path, stderr_level=logging.WARNING)
    log = logging.getLogger("pos_app.test_redaction")
    log.warning("received %s with secret=%s", TOKEN, SECRET)
    try:
        raise ValueError(f"bad proof {{'secret': '{SECRET}', 'C': '{SIG}'}} seed {WORDS}")
    except ValueError:
        log.exception("receive failed")
    log.warning("stack", stack_info=True)
    for handler in logging.getLogger().handlers:
        handler.flush()
    stderr = capsys.readouterr().err
    file_text = path.read_text()
    lines = [json.loads(line) for line in file_text.splitlines()]
    assert [e["msg"] for e in lines] == [
        f"received cashuB…{MARK} with secret={MARK}",
        "receive failed",
        "stack",
    ]
    assert "ValueError: bad proof" in lines[1]["exc"] and "Traceback" in lines[1]["exc"]
    assert "test_every_handler_redacts" in lines[2]["stack"]
    assert "ValueError: bad proof" in stderr and "receive failed" in stderr
    for text in (stderr, file_text):
        assert SECRET not in text and SIG not in text and TOKEN[:20] not in text
        assert " ".join(WORDS.split()[:6]) not in text


def test_a_handler_that_formatted_first_does_not_leak_to_ours(tmp_path, restored_logging):
    # Another handler (a test's, a library's) may format the traceback first and
    # cache it in ``exc_text``; ours must still redact that cached text.
    root = logging.getLogger()
    plain = logging.StreamHandler(open(tmp_path / "plain.txt", "w"))  # noqa: SIM115
    root.addHandler(plain)
    path = logs.setup_logging(tmp_path)
    root.removeHandler(plain)
    root.handlers.insert(0, plain)
    try:
        raise RuntimeError(f"secret={SECRET}")
    except RuntimeError:
        logging.getLogger("pos_app.x").exception("failed")
    plain.close()
    assert SECRET in (tmp_path / "plain.txt").read_text(), "the foreign handler saw it"
    assert SECRET not in path.read_text()
    assert f"secret={MARK}" in path.read_text()


def test_redacting_twice_changes_nothing_more():
    text = f"got {TOKEN} secret={SECRET} {{'C': '{SIG}'}} seed {WORDS}"
    once = redact_text(text)
    assert redact_text(once) == once


def test_an_unexpected_error_shown_by_the_cli_is_redacted():
    from pos_app.cli import internal_error

    shown = internal_error(ValueError(f"cannot read {TOKEN} with secret={SECRET}"))
    assert shown.code == "internal.error"
    assert shown.detail == f"ValueError: cannot read cashuB…{MARK} with secret={MARK}"
