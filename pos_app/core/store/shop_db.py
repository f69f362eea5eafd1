"""The shop's shared PostgreSQL database: opening it from a till, creating the shop, joining it.

The first till creates the shop: a new shop key, the schema, the NUT-13 seed (sealed,
as every secret there) and its own row in ``tills``. Every other till joins with an
enrolment file from a till of the shop (``storage.enrol_file``): same database, same
shop key, its own row. What a till keeps locally (``storage.json``, the sealed shop
key, its key settings) is written by :class:`pos_app.app.App` only after the database
part succeeded, so a failed join leaves the data directory as it was.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, inspect, or_, select
from sqlalchemy.orm import Session

from pos_app.core.errors import StorageError, ValidationError
from pos_app.core.store import migrate
from pos_app.core.store import storage as st
from pos_app.core.store.copy import DERIVED, copy_rows
from pos_app.core.store.db import Database
from pos_app.core.store.keys import KeyStore
from pos_app.core.store.schema import Secret, Till, TillSetting, all_tables, now
from pos_app.core.store.sealing import CHECK_NAME

MNEMONIC = "mnemonic"  # the seed's row in ``secrets`` (as in the SQLite file)


@dataclass(frozen=True)
class Joined:
    """A shop database opened for a new till, and what the till must keep of it."""

    db: Database
    storage: st.Storage
    shop_key: bytes
    password: str | None
    created: bool  # this till created the shop


def open_shared(data_dir: Path, storage: st.Storage, till_key: bytes) -> Database:
    """Open the shop's database for a till that has joined it."""
    assert storage.url is not None
    shop_key = st.load_shop_key(data_dir, till_key)
    url = st.with_password(storage.url, st.password_for(storage.url))
    db = Database.postgresql(url, sealing_key=shop_key)
    try:
        db.verify_check()  # a joined shop has one: a till never opens it unverified
        if storage.till_id is not None:
            db.transact(lambda s: _seen(s, storage.till_id))
            db.stamp_till(storage.till_id)
    except BaseException:
        db.close()
        raise
    return db


def _seen(session: Session, till_id: str) -> None:
    till = session.get(Till, till_id)
    if till is None:
        raise StorageError(
            "storage.till_removed",
            "This till was removed from the shop's database. Join it again with an enrolment file.",
            till_id,
        )
    till.last_seen_at = now()


def holds_shop(db: Database) -> bool:
    """True when the database already holds a shop (its schema and seed)."""
    with db.engine.connect() as conn:
        if "secrets" not in inspect(conn).get_table_names():
            return False
    with db.read() as session:  # the name only: the value is sealed
        return session.scalar(select(Secret.name).where(Secret.name == MNEMONIC)) is not None


def create_or_join(
    *,
    url_text: str | None,
    enrolment: Path | None,
    enrol_passphrase: str | None,
    till_name: str | None,
    words: str | None,
) -> Joined:
    """Create the shop (no enrolment file) or join it; the database opened for this till.

    Args:
        url_text: the database URL as typed (may hold the password); with an enrolment
            file, None takes the file's.
        enrolment: the enrolment file of a till of the shop, to join.
        enrol_passphrase: the passphrase of that file.
        till_name: what this till is called (unique in the shop).
        words: the seed of a new shop (ignored when joining, except that it must match).
    """
    if enrolment is not None:
        if not enrol_passphrase:
            raise ValidationError(
                "storage.enrol_no_passphrase",
                f"The enrolment file needs its passphrase ({st.ENV_ENROL_PASSPHRASE}).",
            )
        file_url, shop_key, _shop = st.read_enrolment(enrolment, enrol_passphrase)
        url, password = st.parse_url(url_text or file_url)
    elif url_text:
        url, password = st.parse_url(url_text)
        shop_key = st.new_shop_key()
    else:
        raise ValidationError("storage.bad_url", "Give the shop's database address.")
    password = password or st.password_for(url)
    joining = enrolment is not None
    db = _target(url, password, shop_key, joining=joining)
    try:
        existing = holds_shop(db)
    except BaseException:
        db.close()
        raise
    if not joining and existing:
        db.close()
        raise _shop_exists()
    if joining and not existing:
        db.close()
        raise ValidationError(
            "storage.no_shop",
            "This database holds no shop yet. Create the shop on the first till (without an "
            "enrolment file).",
        )
    try:
        db.migrate()
        if enrolment is None:
            db.create_check()
            db.transact(lambda s: s.add(Secret(name=MNEMONIC, value=words)))
        else:
            db.verify_check()
            if words is not None and db.transact(lambda s: s.get(Secret, MNEMONIC).value) != words:
                raise ValidationError(
                    "wallet.exists_other_seed",
                    "The shop's database holds a different seed than the one given.",
                )
        storage = db.transact(lambda s: _register(s, st.new_till(url, till_name)))
        db.stamp_till(storage.till_id)
    except BaseException:
        db.close()
        raise
    return Joined(db, storage, shop_key, password, enrolment is None)


def _register(session: Session, storage: st.Storage) -> st.Storage:
    """Add this till's row; a name is made when none was given (Till 1, Till 2, ...)."""
    name = storage.till_name
    if name is None:
        count = session.scalar(select(func.count()).select_from(Till)) or 0
        name = f"Till {count + 1}"
    if session.scalar(select(Till.id).where(Till.name == name)) is not None:
        raise ValidationError(
            "storage.till_name_taken", f"The shop already has a till called {name!r}."
        )
    session.add(Till(id=storage.till_id, name=name))
    session.flush()  # the till's setting below refers to its row
    # One name for the till: its row, its storage.json and its own ``till.name`` (what its
    # receipts, Z reports and webhooks say); renaming it in the settings changes all three.
    session.add(TillSetting(till_id=storage.till_id, key="till.name", value_json=json.dumps(name)))
    return replace(storage, till_name=name)


def keep_locally(
    data_dir: Path,
    joined: Joined,
    keys: KeyStore,
    key_method: str | None,
    passphrase: str | None,
) -> None:
    """Keep what the till needs of the shop it created or joined.

    Its own key, the sealed shop key, the database password (keyring) and, last,
    ``storage.json``: until that is written the data directory is not a wallet.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        data_dir.chmod(0o700)
    assert joined.storage.url is not None
    st.remember_password(joined.storage.url, joined.password)
    till_key = keys.create(key_method, passphrase)
    st.keep_shop_key(data_dir, till_key.key, joined.shop_key)
    st.write_storage(data_dir, joined.storage)


def undo(joined: Joined) -> None:
    """Take back what :func:`create_or_join` wrote when the till could not keep its part.

    A shop this till created goes (every migration undone: the database is empty again,
    as it was), else this till's row: a retry then finds things as they were, not a shop
    no till can open or a till name taken by a till that never was.
    """
    if joined.created:
        migrate.downgrade_to_nothing(joined.db.engine)
    else:
        till = joined.storage.till_id
        joined.db.transact(lambda s: s.execute(delete(Till).where(Till.id == till)))


def write_enrolment_for(data_dir: Path, till_key: bytes, out: Path, passphrase: str) -> None:
    """An enrolment file for another till, from a till that has joined the shop."""
    storage = st.read_storage(data_dir)
    if not storage.shared or storage.url is None:
        raise ValidationError(
            "storage.not_shared",
            "This till keeps its own wallet file: there is no shop database to join. Move it "
            "to the shop's database first.",
        )
    shop_key = st.load_shop_key(data_dir, till_key)
    st.write_enrolment(out, storage.url, shop_key, passphrase, storage.till_name or "")


def status(session: Session, storage: st.Storage, where: str | None) -> dict[str, Any]:
    """The store of this till and, on a shared database, every till of the shop."""
    tills = []
    if storage.shared:
        for till in session.scalars(select(Till).order_by(Till.created_at, Till.name)):
            tills.append(
                {
                    "id": till.id,
                    "name": till.name,
                    "joined_at": till.created_at,
                    "last_seen_at": till.last_seen_at,
                    "this_till": till.id == storage.till_id,
                }
            )
    return {
        "backend": storage.backend,
        "database": where,
        "till_id": storage.till_id,
        "till_name": storage.till_name,
        "tills": tills,
    }


MOVED_SUFFIX = ".moved-to-postgresql"


def move_to_shared(
    data_dir: Path, till_key: bytes, url_text: str, till_name: str | None
) -> dict[str, Any]:
    """Move this till's wallet from its own file into a new shop on a PostgreSQL database.

    The shop key is kept first, so a run that stops anywhere can be run again: a copy
    that did not commit left nothing; one that did is recognised by the kept key and
    finished. After the copy every table's rows and the money in them (proofs per mint
    and state, sales, payments, the balance ledger) are compared; only then is
    ``storage.json`` written and the old file renamed (``wallet.db.moved-to-postgresql``,
    kept as a backup that no till opens by mistake).

    Raises:
        ValidationError: ``storage.not_local`` when the till already uses a shared
            database, ``storage.shop_exists`` when the database holds another shop,
            ``storage.move_mismatch`` when the comparison finds a difference.
    """
    from pos_app.core.store.db import DB_FILE

    if st.read_storage(data_dir).shared:
        raise ValidationError(
            "storage.not_local", "This till already keeps its wallet in the shop's database."
        )
    url, password = st.parse_url(url_text)
    password = password or st.password_for(url)
    try:
        shop_key = st.load_shop_key(data_dir, till_key)
    except StorageError as exc:
        if exc.code != "storage.config_damaged" or (data_dir / st.SHOP_KEY_FILE).exists():
            raise
        shop_key = st.new_shop_key()
        st.keep_shop_key(data_dir, till_key, shop_key)
    source = Database(data_dir / DB_FILE, till_key)
    try:
        source.migrate()
        target = _target(url, password, shop_key)
        try:
            counts = None
            if not holds_shop(target):
                target.migrate()
                counts = copy_rows(source, target)
                target.create_check()
            target.verify_check()
            checked = _compare(source, target)
            storage = target.transact(lambda s: _register(s, st.new_till(url, till_name)))
        finally:
            target.close()
    finally:
        source.close()
    st.remember_password(url, password)
    st.write_storage(data_dir, storage)
    (data_dir / DB_FILE).rename(data_dir / f"{DB_FILE}{MOVED_SUFFIX}")
    return {
        "database": url,
        "till_id": storage.till_id,
        "till_name": storage.till_name,
        "copied": counts,  # None: an earlier run had copied, this one checked and finished
        "compared": checked,
    }


def _target(url: str, password: str | None, shop_key: bytes, *, joining: bool = False) -> Database:
    """The shop's database opened with ``shop_key``; a key check of another key is refused.

    Creating or moving, the check belongs to a shop already there; joining, the
    enrolment file is of another shop than the one this database holds.
    """
    try:
        return Database.postgresql(st.with_password(url, password), sealing_key=shop_key)
    except StorageError as exc:
        if exc.code != "storage.wrong_key":
            raise
        if joining:
            raise ValidationError(
                "storage.not_this_shop",
                "The enrolment file is for another shop than the one this database holds.",
            ) from exc
        raise _shop_exists() from exc


def _shop_exists() -> ValidationError:
    return ValidationError(
        "storage.shop_exists",
        "This database already holds a shop. Give an empty database, or join that shop with "
        "an enrolment file made on one of its tills (pos-app storage enrol).",
    )


def _compare(source: Database, target: Database) -> dict[str, Any]:
    """Rows per table and the money in them, equal on both sides (else an error)."""
    mine, theirs = source.transact(_figures), target.transact(_figures)
    if mine != theirs:
        wrong = sorted(k for k in mine.keys() | theirs.keys() if mine.get(k) != theirs.get(k))
        raise ValidationError(
            "storage.move_mismatch",
            "The copy in the shop's database differs from this till's wallet: nothing was "
            "switched. Give an empty database and run the move again.",
            ", ".join(wrong),
        )
    return mine


def _figures(session: Session) -> dict[str, Any]:
    from pos_app.core.store.schema import BalanceMove, Payment, ProofRow, Sale

    out: dict[str, Any] = {}
    for table in all_tables().sorted_tables:
        if table.name == "tills":
            continue
        if table.name in DERIVED:
            # Kept by triggers, which leave emptied buckets behind as rows of zeros: the
            # buckets that hold something must be the same.
            measures = [c for c in table.columns if not c.primary_key]
            rows = session.execute(select(table).where(or_(*(c != 0 for c in measures))))
            out[f"sums:{table.name}"] = sorted(tuple(r) for r in rows)
            continue
        query = select(func.count()).select_from(table)
        if table.name == "secrets":
            query = query.where(table.c.name != CHECK_NAME)
        out[f"rows:{table.name}"] = session.scalar(query)
    held = session.execute(
        select(ProofRow.mint_id, ProofRow.state, func.sum(ProofRow.amount)).group_by(
            ProofRow.mint_id, ProofRow.state
        )
    )
    out["proofs"] = sorted((m, s, int(a)) for m, s, a in held)
    out["sales_due"] = int(session.scalar(select(func.coalesce(func.sum(Sale.due), 0))))
    out["payments"] = int(session.scalar(select(func.coalesce(func.sum(Payment.credited), 0))))
    out["ledger"] = int(session.scalar(select(func.coalesce(func.sum(BalanceMove.delta), 0))))
    return out
