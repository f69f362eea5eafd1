"""What the command line and the GUI do with a till's store: enrolment files, the move, a test.

The faces reach the store (``core/store``) through here: the till's own key is loaded
(``POS_DB_KEY``, the keyring or the passphrase, asked through ``ask``), then the work
is ``core/store/shop_db``'s. The setup wizard builds the shop database's address here
and tests it (:func:`check_new_shop`, :func:`check_join`) before anything is created.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pos_app.core.errors import StorageError, ValidationError
from pos_app.core.store.keys import KeyStore, PassphraseSource, keyring_usable
from pos_app.core.store.shop_db import MNEMONIC, move_to_shared, write_enrolment_for
from pos_app.core.store.storage import (
    ENV_PG_PASSWORD,
    parse_url,
    password_for,
    read_enrolment,
    with_password,
)


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


# -- the setup wizard's storage step: an address, a connection test ---------------------------


@dataclass(frozen=True)
class ServerCheck:
    """What a connection test found; nothing was created or changed on the server.

    Attributes:
        url: the database's address without the password (what ``storage.json`` keeps).
        where: ``host:port/database``, to show.
        version: the server's version (``15.8``).
        tills: the tills of the shop there (0: no shop yet).
        made_on: the till that wrote the enrolment file ("" when creating the shop).
        password_from: where each start will take the password from: ``env``
            (``POS_PG_PASSWORD``), ``keyring``, or ``none`` (the server asked for none).
    """

    url: str
    where: str
    version: str
    tills: int
    made_on: str
    password_from: str


def server_url(host: str, port: int, database: str, user: str, ca_file: Path | None = None) -> str:
    """The address of a shop's database as the setup wizard's fields give it (no password).

    With ``ca_file`` the till verifies the server: TLS with the server's certificate
    checked against that CA and its name against ``host`` (``sslmode=verify-full``).

    Raises:
        ValidationError: ``storage.bad_url`` when a field is missing or the port is not one.
    """
    from sqlalchemy.engine import URL

    if not host.strip() or not database.strip() or not user.strip():
        raise ValidationError(
            "storage.bad_url", "Give the server, the database and the user name.", ""
        )
    if not 0 < port < 65536:
        raise ValidationError("storage.bad_url", "The port is a number from 1 to 65535.", str(port))
    query = {"sslmode": "verify-full", "sslrootcert": str(ca_file)} if ca_file else {}
    url = URL.create(
        "postgresql+psycopg",
        username=user.strip(),
        host=host.strip(),
        port=port,
        database=database.strip(),
        query=query,
    )
    return parse_url(url.render_as_string(hide_password=False))[0]


def address_with_password(url: str, password: str | None) -> str:
    """``url`` with the typed ``password`` in it, for :meth:`pos_app.app.App.init` only."""
    return with_password(url, password) if password else url


def check_new_shop(url: str, password: str | None) -> ServerCheck:
    """Connect to the database a new shop is to be created on, and change nothing.

    Args:
        url: the address without the password (:func:`server_url`).
        password: as typed; empty takes ``POS_PG_PASSWORD`` or the keyring's.

    Raises:
        PosError: the connection's problem (:func:`_connect`), ``storage.shop_exists``
            when the database holds a shop, ``storage.not_empty`` when it holds another
            program's tables, ``storage.pg_no_rights`` when the user may not create tables,
            or a password the till could not keep (:func:`_can_keep`).
    """
    typed = password
    password, source = _password(url, typed)
    found = _probe(url, password, source, shop_key=None, till_name=None, made_on="")
    _can_keep(typed)
    return found


def check_join(
    enrolment: Path, enrol_passphrase: str, password: str | None, till_name: str | None
) -> ServerCheck:
    """Open the enrolment file and connect to its shop's database, changing nothing.

    Raises:
        PosError: ``storage.enrol_bad_passphrase`` / ``storage.enrol_damaged`` for the
            file, the connection's problem, ``storage.no_shop`` when the database holds no
            shop, ``storage.not_this_shop`` when it holds another shop,
            ``storage.till_name_taken`` when a till of the shop has ``till_name``.
    """
    url, shop_key, made_on = read_enrolment(enrolment, enrol_passphrase)
    url = parse_url(url)[0]
    typed = password
    password, source = _password(url, typed)
    found = _probe(url, password, source, shop_key=shop_key, till_name=till_name, made_on=made_on)
    _can_keep(typed)
    return found


def _password(url: str, typed: str | None) -> tuple[str | None, str]:
    """The password to connect with and where later starts will find it."""
    env = os.environ.get(ENV_PG_PASSWORD)
    if typed:
        return typed, "env" if env == typed else "keyring"
    if env:
        return env, "env"
    kept = password_for(url)
    return kept, "keyring" if kept else "none"


def _can_keep(typed: str | None) -> None:
    """Refuse a typed password the till could not find again at its next start.

    It goes to the keyring at Finish; without a keyring the app must be given it by
    ``POS_PG_PASSWORD`` (never a file). Checked after the connection, so a wrong
    password is said first, and before anything is created.
    """
    env = os.environ.get(ENV_PG_PASSWORD)
    if typed and env != typed:
        if env:
            # The variable wins at every start: a typed password beside it would be
            # right today and wrong from the next start on.
            raise ValidationError(
                "storage.pg_password_differs",
                f"{ENV_PG_PASSWORD} is set to another password. Leave the password field "
                f"empty to use it, or change {ENV_PG_PASSWORD}.",
            )
        if not keyring_usable():
            raise StorageError(
                "storage.no_password_store",
                f"This computer has no safe place for the database password. Set "
                f"{ENV_PG_PASSWORD} for the app instead (the password is never written to a "
                "file).",
            )


def _probe(
    url: str,
    password: str | None,
    source: str,
    *,
    shop_key: bytes | None,
    till_name: str | None,
    made_on: str,
) -> ServerCheck:
    """Connect, read what the database holds and judge it for creating (no shop key) or joining."""
    from sqlalchemy import inspect, text
    from sqlalchemy.engine import make_url

    from pos_app.core.store import pg_errors, sealing
    from pos_app.core.store.db import make_pg_engine
    from pos_app.core.store.schema import all_tables

    parsed = make_url(url)
    where = pg_errors.where(parsed)
    engine = make_pg_engine(with_password(url, password))
    try:
        conn = _connect(engine)
        with conn:
            # "15.18 (Debian 15.18-0+deb12u1)": the number is what a person needs
            version = str(conn.execute(text("SHOW server_version")).scalar()).split(" ")[0]
            tables = set(inspect(conn).get_table_names())
            seeded = "secrets" in tables and (
                conn.execute(
                    text("SELECT 1 FROM secrets WHERE name = :name"), {"name": MNEMONIC}
                ).first()
                is not None
            )
            tills = (
                int(conn.execute(text("SELECT count(*) FROM tills")).scalar() or 0)
                if ("tills" in tables)
                else 0
            )
            if shop_key is None:
                _judge_for_new_shop(conn, tables, seeded, set(all_tables().tables), parsed)
            else:
                if not seeded:
                    raise ValidationError(
                        "storage.no_shop",
                        "This database holds no shop yet. Create the shop on the first till.",
                        where,
                    )
                try:
                    sealing.check_key(conn, sealing.Sealer(shop_key), required=True)
                except StorageError as exc:
                    raise ValidationError(
                        "storage.not_this_shop",
                        "The enrolment file is for another shop than the one this database holds.",
                        where,
                    ) from exc
                name = (till_name or "").strip()
                if (
                    name
                    and conn.execute(
                        text("SELECT 1 FROM tills WHERE name = :name"), {"name": name}
                    ).first()
                ):
                    raise ValidationError(
                        "storage.till_name_taken", f"The shop already has a till called {name!r}."
                    )
    finally:
        engine.dispose()
    return ServerCheck(url, where, version, tills, made_on, source if password else "none")


def _judge_for_new_shop(
    conn: Any, tables: set[str], seeded: bool, ours: set[str], parsed: Any
) -> None:
    """Refuse a database a new shop cannot be made in (see :func:`check_new_shop`)."""
    from sqlalchemy import text

    if seeded:
        raise ValidationError(
            "storage.shop_exists",
            "This database already holds a shop. Give an empty database, or join that shop "
            "with an enrolment file made on one of its tills.",
        )
    # Our own tables without a seed are a creation that stopped half-way: it goes on.
    foreign = sorted(tables - ours - {"alembic_version"})
    if foreign:
        shown = ", ".join(foreign[:5]) + (", …" if len(foreign) > 5 else "")
        raise ValidationError(
            "storage.not_empty",
            f"This database is not empty: it holds tables of another program ({shown}). Give "
            "the shop an empty database of its own.",
            ", ".join(foreign),
        )
    if not conn.execute(text("SELECT has_schema_privilege('public', 'CREATE')")).scalar():
        raise ValidationError(
            "storage.pg_no_rights",
            f"The user {parsed.username} may not create tables in this database. Make that "
            "user the database's owner.",
        )


def _connect(engine: Any) -> Any:
    """A connection, or the reason there is none as an error the wizard can show.

    Raises:
        PosError: the store's error for a failed connect
            (:func:`pos_app.core.store.pg_errors.connect_error`), the password taken out.
    """
    from sqlalchemy.exc import DBAPIError

    from pos_app.core.store import pg_errors

    try:
        return engine.connect()
    except DBAPIError as exc:
        raise pg_errors.connect_error(exc, engine.url) from None
