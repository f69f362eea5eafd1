"""Sealing one value: AES-256-GCM under the shop key, bound to its column, never garbage."""

from __future__ import annotations

import base64
import os

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from pos_app.core.cashu.models import Proof
from pos_app.core.errors import StorageError
from pos_app.core.store.db import DB_FILE, Database
from pos_app.core.store.schema import Export, ProofRow, ReceivedToken, Sale, Secret
from pos_app.core.store.sealing import PREFIX, Sealer

KEY = bytes(range(32))
SECRET = "407915bc212be61a77e3e6d2aeb4c727980bda51cd06a6afc29e2861768a7837"


def damaged(fn) -> StorageError:
    with pytest.raises(StorageError) as err:
        fn()
    assert err.value.code == "storage.sealed_damaged"
    return err.value


def test_a_sealed_value_opens_to_itself_and_shows_nothing_of_it():
    sealer = Sealer(KEY)
    sealed = sealer.seal("proofs.secret", SECRET)
    assert sealed.startswith(PREFIX) and SECRET not in sealed
    assert sealer.open("proofs.secret", sealed) == SECRET
    again = sealer.seal("proofs.secret", SECRET)
    assert again != sealed  # a fresh nonce each time: equal secrets do not show as equal
    assert sealer.open("proofs.secret", again) == SECRET
    assert sealer.open("secrets.value", sealer.seal("secrets.value", "")) == ""
    words = "abandon ability able about above absent absorb abstract absurd abuse access äccident"
    assert sealer.open("secrets.value", sealer.seal("secrets.value", words)) == words


def test_a_wrong_key_a_changed_byte_or_another_column_does_not_open():
    sealer = Sealer(KEY)
    sealed = sealer.seal("proofs.secret", SECRET)
    assert (
        "authentication failed"
        in damaged(lambda: Sealer(os.urandom(32)).open("proofs.secret", sealed)).detail
    )
    damaged(lambda: sealer.open("exports.token_text", sealed))
    raw = bytearray(base64.urlsafe_b64decode(sealed[len(PREFIX) :] + "=="))
    for at in (0, 12, len(raw) - 1):  # the nonce, the ciphertext, the tag
        changed = bytearray(raw)
        changed[at] ^= 1
        text_ = PREFIX + base64.urlsafe_b64encode(bytes(changed)).rstrip(b"=").decode()
        damaged(lambda t=text_: sealer.open("proofs.secret", t))
    damaged(lambda: sealer.open("proofs.secret", sealed[:-4]))  # cut short
    assert "not a sealed value" in damaged(lambda: sealer.open("proofs.secret", SECRET)).detail
    damaged(lambda: sealer.open("proofs.secret", PREFIX + "***"))
    damaged(lambda: sealer.open("proofs.secret", PREFIX + "AAAA"))


def test_a_shop_key_has_32_bytes():
    with pytest.raises(ValueError):
        Sealer(bytes(16))


def test_the_sqlcipher_file_keeps_its_secrets_plain_under_its_own_encryption(tmp_path):
    db = Database(tmp_path / DB_FILE, KEY, create=True)
    db.migrate()
    db.transact(lambda s: s.add(Secret(name="mnemonic", value="abandon ability able")))
    db.transact(lambda s: s.add(ReceivedToken(token_text="cashuBtoken", source="cli")))
    with db.engine.connect() as conn:
        stored = conn.execute(text("SELECT value FROM secrets WHERE name = 'mnemonic'")).scalar()
        token = conn.execute(text("SELECT token_text FROM received_tokens")).scalar()
    assert (stored, token) == ("abandon ability able", "cashuBtoken")
    with db.read() as session:
        assert session.get(Secret, "mnemonic").value == "abandon ability able"
    db.close()


def test_a_sealed_column_refuses_comparisons_that_would_match_nothing():
    for build in (
        lambda: ProofRow.secret == SECRET,
        lambda: ProofRow.secret.in_([SECRET]),
        lambda: "prefix" + ProofRow.secret,
        lambda: ReceivedToken.token_text.like("cashu%"),
        lambda: Export.token_text.desc(),
        lambda: select(Secret).filter_by(value="x"),
    ):
        with pytest.raises(TypeError, match="sealed"):
            build()
    # Whether a value is there at all is a fair question.
    query = select(Sale.id).where(Sale.change_token.is_not(None), Sale.refund_token == None)  # noqa: E711
    assert "change_token IS NOT NULL" in str(query) and "refund_token IS NULL" in str(query)


def test_an_existing_wallet_keeps_its_proofs_and_gets_one_proof_per_y(tmp_path):
    """Migration 0022: ``y`` becomes unique where the secret's uniqueness stops counting."""
    from pos_app.core.store import migrate
    from pos_app.core.store.schema import KeysetRow, Mint
    from pos_app.core.wallet import journal

    db = Database(tmp_path / DB_FILE, KEY, create=True)
    migrate.upgrade(db.engine, "0021")
    kid = "01" + "00" * 32

    def write(session):
        session.add(Mint(id=1, url="https://m", trusted=True))
        session.flush()
        session.add(KeysetRow(id=kid, mint_id=1, unit="sat"))
        session.flush()
        proofs = [Proof(amount=1, id=kid, secret=f"{n:064x}", C="02" + "11" * 32) for n in (1, 2)]
        journal.insert_proofs(
            session, mint_id=1, unit="sat", proofs=proofs, origin="received", op_id=None
        )

    db.transact(write)
    with db.engine.begin() as conn:  # before 0022 a second row with one y was let in
        conn.execute(
            text(
                "INSERT INTO proofs (mint_id, keyset_id, unit, amount, secret, C, y, state, origin,"
                " created_at, updated_at) SELECT mint_id, keyset_id, unit, amount, 'other', C, y,"
                " state, origin, created_at, updated_at FROM proofs WHERE id = 1"
            )
        )
        conn.execute(text("DELETE FROM proofs WHERE secret = 'other'"))
    db.migrate()
    with db.read() as session:
        assert len(session.scalars(select(ProofRow)).all()) == 2
        row = session.get(ProofRow, 1)
        twin = {c.key: getattr(row, c.key) for c in ProofRow.__table__.columns if c.key != "id"}
    twin["secret"] = "another secret, the same y"
    with pytest.raises(IntegrityError):
        db.transact(lambda s: s.add(ProofRow(**twin)))
    db.close()
