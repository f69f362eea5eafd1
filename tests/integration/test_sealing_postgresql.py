"""Secrets at rest on the shop's PostgreSQL database: a dump alone spends nothing.

A shop runs real flows on the fake mint (a sale paid with change, an export, a locked
export, a refund, a received token, webhook endpoints with a rotated secret); then
every row of every table is read as the server keeps it and searched for what
could spend or impersonate: proof secrets, tokens, the seed, the blinding factors of
outputs, the webhook secrets. The flows themselves still work: the values open.
"""

from __future__ import annotations

import asyncio
import json
import os

import pytest
from coincurve import PrivateKey
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from pos_app.core.cashu.models import Proof
from pos_app.core.cashu.tokens import parse_token
from pos_app.core.errors import StorageError
from pos_app.core.store import sealing
from pos_app.core.store.copy import copy_rows
from pos_app.core.store.db import DB_FILE, Database
from pos_app.core.store.schema import (
    Export,
    KeysetRow,
    Mint,
    Operation,
    ProofRow,
    ReceivedToken,
    Refund,
    Sale,
    Secret,
    WebhookEndpoint,
    WebhookEvent,
)
from pos_app.core.wallet import bulk, journal
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, open_shop

pytestmark = pytest.mark.pg

KID = "01" + "00" * 32
SQLITE_KEY = bytes(range(32))
SHOP_KEY = bytes(range(1, 33))


@pytest.fixture(autouse=True)
def _db_key(monkeypatch):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)


def dump(db: Database) -> str:
    """Every value of every row of every table as the server keeps it (what a dump holds).

    Value by value, not ``t::text``: a row's text form escapes quotes, and a secret that
    is JSON (a P2PK secret) would not be found in it even when stored in the clear.
    """
    with db.engine.connect() as conn:
        tables = conn.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
        ).scalars()
        return "\n".join(
            str(value)
            for name in list(tables)
            for row in conn.execute(text(f'SELECT * FROM "{name}"'))
            for value in row
        )


def fingerprint(secret: str) -> str:
    """What of a proof secret is found however it is quoted: a P2PK secret's random nonce."""
    if secret.startswith("["):
        return str(json.loads(secret)[1]["nonce"])
    return secret


def made_shop(url: str, key: bytes = SHOP_KEY) -> Database:
    db = Database.postgresql(url, sealing_key=key)
    db.migrate()
    db.create_check()
    return db


def with_keyset(db: Database) -> None:
    def setup(session):
        session.add(Mint(id=1, url="https://m", trusted=True))
        session.flush()
        session.add(KeysetRow(id=KID, mint_id=1, unit="sat"))

    db.transact(setup)


def proof(n: int) -> Proof:
    return Proof(amount=1, id=KID, secret=f"{n:064x}", C="02" + "11" * 32)


@pytest.mark.parametrize("store", ["postgresql"], indirect=True)
def test_after_real_flows_a_dump_holds_no_secret_and_the_flows_read_back(store, tmp_path):
    mint = FakeMint()
    customer = PrivateKey().public_key.format().hex()

    async def scenario(app):
        await app.mints.add(mint.url, trusted=True)
        await app.db.run(lambda s: app.config.set_many(s, {"change.policy": "return"}))
        # Endpoints first: the sale's events go into the outbox, payloads and all.
        hook = await app.webhooks.add("http://127.0.0.1:9/hook", "sale.paid")
        rotated = await app.webhooks.rotate_secret(hook["id"])
        old = await app.webhooks.add("http://127.0.0.1:9/other")
        received = mint.token(50)
        await app.wallet.receive(received)
        sale_id = (await app.sales.new_sale("21", "sat"))["sale_id"]
        paid_with = mint.token(32)
        paid = await app.sales.pay(sale_id, paid_with)
        exported = await app.wallet.send(mint.url, "sat", 5, out=tmp_path)
        locked = await app.wallet.send(mint.url, "sat", 3, lock=customer)
        refund = await app.sales.refunds.refund(sale_id, amount=4, reason="short")

        def read(session):
            return {
                "mnemonic": session.get(Secret, "mnemonic").value,
                "proofs": [p.secret for p in session.scalars(select(ProofRow))],
                "sale": session.get(Sale, sale_id),
                "refund": session.scalars(select(Refund)).one(),
                "exports": {e.id: e.token_text for e in session.scalars(select(Export))},
                "received": [t.token_text for t in session.scalars(select(ReceivedToken))],
                "hooks": {
                    e.id: (e.secret, e.previous_secret)
                    for e in session.scalars(select(WebhookEndpoint))
                },
                "details": [json.loads(o.details_json) for o in session.scalars(select(Operation))],
                "inputs": [json.loads(o.inputs_json) for o in session.scalars(select(Operation))],
                "events": session.scalars(select(WebhookEvent.type)).all(),
                "known": [
                    bulk._known(session, received),
                    bulk._known(session, exported.token),
                    bulk._known(session, mint.token(1)),
                ],
            }

        return (
            dict(
                received=received,
                paid_with=paid_with,
                paid=paid,
                exported=exported,
                locked=locked,
                refund=refund,
                hook=hook,
                rotated=rotated,
                old=old,
            ),
            await app.db.run(read),
            dump(app.db),
        )

    async def main():
        app = open_shop(tmp_path / "shop", mint)
        try:
            assert app.db.backend == "postgresql"
            app.db.verify_check()  # made as a first till makes a shop
            return await scenario(app)
        finally:
            await app.aclose()

    made, stored, dumped = asyncio.run(main())

    # The flows worked, and what they stored opens to what they made.
    assert made["paid"].state == "paid" and parse_token(made["paid"].change_token).amount == 11
    assert stored["sale"].change_token == made["paid"].change_token
    assert stored["refund"].token_text == stored["sale"].refund_token == made["refund"].token
    assert stored["exports"][made["exported"].export_id] == made["exported"].token
    assert stored["exports"][made["locked"].export_id] == made["locked"].token
    assert made["received"] in stored["received"] and made["paid_with"] in stored["received"]
    assert stored["hooks"][made["hook"]["id"]] == (
        made["rotated"]["secret"],
        made["hook"]["secret"],
    )
    assert {"sale.paid", "sale.refunded"} <= set(stored["events"])
    assert stored["known"][0] == ("imported", None)
    assert stored["known"][1] == ("ours", made["exported"].export_id)
    assert stored["known"][2] == ("new", None)
    assert any(d.get("explicit") for d in stored["details"])  # the locked send's outputs

    # Nothing of it is in the dump.
    tokens = [
        made["received"],
        made["paid_with"],
        made["paid"].change_token,
        made["exported"].token,
        made["locked"].token,
        made["refund"].token,
    ]
    secrets = set(stored["proofs"])
    secrets |= {p.secret for t in tokens for p in parse_token(t).proofs}
    secrets |= {p["secret"] for ins in stored["inputs"] for p in ins}
    explicit = [v for d in stored["details"] for v in d.get("explicit", {}).values()]
    # Their blinding factors are not searched: each proof's DLEQ carries its r in the clear
    # (NUT-12 hands it to every holder of the token); without the secret it spends nothing.
    secrets |= {s for s, _ in explicit}
    assert len(secrets) >= 20 and explicit
    hooks = {made["hook"]["secret"], made["rotated"]["secret"], made["old"]["secret"]}
    words = stored["mnemonic"].split()
    assert len(words) >= 12
    assert sum(s.startswith("[") for s in secrets) >= 2  # locked ones among them
    leaks = [s for s in {fingerprint(s) for s in secrets} | hooks if s in dumped]
    leaks += [s.split("_", 1)[1] for s in hooks if s.split("_", 1)[1] in dumped]
    leaks += [
        " ".join(words[i : i + 3])
        for i in range(len(words) - 2)
        if " ".join(words[i : i + 3]) in dumped
    ]
    leaks += [m for m in ("cashuA", "cashuB", "whsec_", sealing.CHECK_TEXT) if m in dumped]
    assert leaks == []
    # ...while what is not secret is there as it was: the dump is of the right shop.
    assert made["paid"].sale_id in dumped and mint.url in dumped
    assert dumped.count(sealing.PREFIX) > len(secrets) // 4


def test_a_wrong_shop_key_is_refused_at_open_and_writes_nothing(pg_url):
    made_shop(pg_url).close()
    db = Database.postgresql(pg_url, sealing_key=SHOP_KEY)
    db.transact(lambda s: s.add(Secret(name="mnemonic", value="abandon ability able")))
    before = dump(db)
    db.close()
    with pytest.raises(StorageError) as err:
        Database.postgresql(pg_url, sealing_key=os.urandom(32))
    assert err.value.code == "storage.wrong_key"
    again = Database.postgresql(pg_url, sealing_key=SHOP_KEY)
    assert dump(again) == before
    again.close()


def test_the_key_check_is_required_where_asked_and_made_once(pg_url):
    db = Database.postgresql(pg_url, sealing_key=SHOP_KEY)  # a new shop: nothing to check yet
    with pytest.raises(StorageError) as err:
        db.verify_check()
    assert err.value.code == "storage.no_key_check"
    db.migrate()
    with pytest.raises(StorageError) as err:
        db.verify_check()
    assert err.value.code == "storage.no_key_check"
    db.create_check()
    first = dump(db)
    db.create_check()  # made again (a retried init): kept as it was
    assert dump(db) == first
    db.verify_check()
    db.close()
    # A check sealed under another key: the till's key is the wrong one, at open and
    # when it would make the check again.
    other = sealing.Sealer(os.urandom(32))
    keyless = Database.postgresql(pg_url)
    with keyless.engine.begin() as conn:
        conn.execute(
            text("UPDATE secrets SET value = :v WHERE name = :n"),
            {"v": other.seal(sealing.CHECK_PURPOSE, sealing.CHECK_TEXT), "n": sealing.CHECK_NAME},
        )
    with pytest.raises(StorageError) as err:
        keyless.create_check()
    assert err.value.code == "storage.no_shop_key"
    keyless.close()
    with pytest.raises(StorageError) as err:
        Database.postgresql(pg_url, sealing_key=SHOP_KEY)
    assert err.value.code == "storage.wrong_key"
    db = Database.postgresql(pg_url)
    db.engine.dialect.pos_sealer = sealing.Sealer(SHOP_KEY)  # past the check at open
    with pytest.raises(StorageError) as err:
        db.create_check()
    assert err.value.code == "storage.wrong_key"
    db.close()


def test_a_sealed_value_moved_to_another_column_does_not_open(pg_url):
    db = made_shop(pg_url)
    with_keyset(db)

    def write(session):
        session.add(Export(token_text="cashuBexported", mint_id=1, unit="sat", amount=5))
        session.add(
            Sale(
                id="s1",
                state="paid",
                currency="sat",
                amount="5",
                due=5,
                payment_request="",
                payment_request_bech32="",
                expires_at=0,
            )
        )

    db.transact(write)
    with db.engine.begin() as conn:  # someone with write access to the server
        conn.execute(text("UPDATE sales SET change_token = (SELECT token_text FROM exports)"))
    with pytest.raises(StorageError) as err:
        db.transact(lambda s: s.get(Sale, "s1").change_token)
    assert err.value.code == "storage.sealed_damaged"
    with db.engine.begin() as conn:  # or a plain value written around the app
        conn.execute(text("UPDATE sales SET change_token = 'cashuBplain'"))
    with pytest.raises(StorageError) as err:
        db.transact(lambda s: s.get(Sale, "s1").change_token)
    assert err.value.code == "storage.sealed_damaged"
    assert db.transact(lambda s: s.scalars(select(Export.token_text)).one()) == "cashuBexported"
    db.close()


def test_without_the_shop_key_a_secret_is_neither_written_nor_read(pg_url):
    db = made_shop(pg_url)
    db.transact(lambda s: s.add(Secret(name="mnemonic", value="abandon ability able")))
    db.close()
    keyless = Database.postgresql(pg_url)
    for fn in (
        lambda s: s.get(Secret, "mnemonic").value,
        lambda s: s.add(Secret(name="other", value="in the clear")),
    ):
        with pytest.raises(StorageError) as err:
            keyless.transact(fn)
        assert err.value.code == "storage.no_shop_key"
    assert "in the clear" not in dump(keyless)
    keyless.close()


def test_a_proof_is_stored_once_by_its_y_on_both_stores(pg_url, tmp_path):
    lite = Database(tmp_path / DB_FILE, SQLITE_KEY, create=True)
    lite.migrate()
    for db in (made_shop(pg_url), lite):
        with_keyset(db)

        def store(session, proofs):
            return journal.insert_proofs(
                session, mint_id=1, unit="sat", proofs=proofs, origin="received", op_id=None
            )

        assert db.transact(lambda s: store(s, [proof(1), proof(2), proof(2)])) == 2
        assert db.transact(lambda s: store(s, [proof(2), proof(3)])) == 1  # a replay
        with db.read() as session:
            assert sorted(session.scalars(select(ProofRow.secret))) == [
                proof(n).secret for n in (1, 2, 3)
            ]
            row = session.scalars(select(ProofRow)).first()
            twin = {c.key: getattr(row, c.key) for c in ProofRow.__table__.columns if c.key != "id"}
        twin["secret"] = "another secret, the same y"
        with pytest.raises(IntegrityError):
            db.transact(lambda s, t=twin: s.add(ProofRow(**t)))
        db.close()


def test_a_wallet_copied_from_its_sqlite_file_arrives_sealed(pg_url, tmp_path):
    lite = Database(tmp_path / DB_FILE, SQLITE_KEY, create=True)
    lite.migrate()
    with_keyset(lite)
    words = "abandon ability able about above absent absorb abstract absurd abuse access accident"

    def write(session):
        session.add(Secret(name="mnemonic", value=words))
        journal.insert_proofs(
            session, mint_id=1, unit="sat", proofs=[proof(7)], origin="received", op_id=None
        )
        session.add(Export(token_text="cashuBexported", mint_id=1, unit="sat", amount=5))
        session.add(WebhookEndpoint(url="http://h", secret="whsec_c2VjcmV0"))
        session.add(
            Operation(
                id="op",
                kind="send",
                state="done",
                mint_id=1,
                unit="sat",
                inputs_json=json.dumps([{"secret": proof(8).secret}]),
                details_json=json.dumps({"explicit": {"0": [proof(9).secret, "ab"]}}),
            )
        )

    lite.transact(write)

    keyless = Database.postgresql(pg_url)
    keyless.migrate()
    with pytest.raises(StorageError) as err:
        copy_rows(lite, keyless)
    assert err.value.code == "storage.no_shop_key"
    assert keyless.transact(lambda s: s.scalars(select(Mint)).all()) == []  # took nothing
    keyless.close()

    target = Database.postgresql(pg_url, sealing_key=SHOP_KEY)
    target.create_check()
    copy_rows(lite, target)
    dumped = dump(target)
    for plain in (words, proof(7).secret, proof(8).secret, proof(9).secret, "cashuB", "c2VjcmV0"):
        assert plain not in dumped
    with target.engine.connect() as conn:
        raw = conn.execute(text("SELECT secret FROM proofs")).scalar()
    assert raw.startswith(sealing.PREFIX)

    def read(session):
        return (
            session.get(Secret, "mnemonic").value,
            session.scalars(select(ProofRow.secret)).one(),
            session.scalars(select(Export.token_text)).one(),
            session.scalars(select(WebhookEndpoint.secret)).one(),
            session.get(Operation, "op").inputs_json,
        )

    assert target.transact(read) == lite.transact(read)
    target.verify_check()  # the target's own check, not one from the file
    lite.close()
    target.close()
