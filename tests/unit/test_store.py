"""The encrypted store: key sources, wrong keys, encryption at rest, migrations."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from pos_app.app import App
from pos_app.core.cashu.models import Proof
from pos_app.core.errors import NetworkError, StorageError
from pos_app.core.store import migrate, pg_errors
from pos_app.core.store.db import DB_FILE, Database
from pos_app.core.store.keys import ENV_KEY, ENV_PASSPHRASE, KeyStore, parse_hex_key
from pos_app.core.store.schema import KeysetRow, Mint, all_tables, text_digest
from pos_app.core.wallet import bulk, journal

KEY = bytes(range(32))


@pytest.fixture(autouse=True)
def no_env_key(monkeypatch):
    monkeypatch.delenv(ENV_KEY, raising=False)
    monkeypatch.delenv(ENV_PASSPHRASE, raising=False)


@pytest.fixture
def passphrase_only(monkeypatch):
    """Passphrase keys only, derived fast: cheap Argon2 parameters and no OS keyring."""
    monkeypatch.setattr(
        "pos_app.core.store.keys.ARGON2_DEFAULTS",
        {"time_cost": 1, "memory_cost": 8192, "parallelism": 1},
    )
    monkeypatch.setattr("pos_app.core.store.keys._keyring_set", lambda *_: False)


def make_db(path, key=KEY) -> Database:
    db = Database(path, key, create=True)
    db.migrate()
    return db


def test_file_is_unreadable_without_the_key_and_holds_no_secret(tmp_path):
    path = tmp_path / DB_FILE
    db = make_db(path)
    secret = "f00d" * 16
    proof = Proof(amount=8, id="00" + "ab" * 7, secret=secret, C="02" + "11" * 32)

    def write(session):
        session.add(Mint(id=1, url="https://mint.example", trusted=True))
        session.flush()
        session.add(KeysetRow(id=proof.id, mint_id=1, unit="sat"))
        session.flush()
        journal.insert_proofs(
            session, mint_id=1, unit="sat", proofs=[proof], origin="test", op_id=None
        )

    db.transact(write)
    db.close()
    for file in tmp_path.iterdir():
        data = file.read_bytes()
        assert secret.encode() not in data, file
        assert b"mint.example" not in data, file
        assert b"SQLite format 3" not in data[:16], file
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT * FROM sqlite_master").fetchall()
    reopened = Database(path, KEY)
    assert (
        reopened.transact(lambda s: s.execute(text("SELECT secret FROM proofs")).scalar()) == secret
    )
    reopened.close()


def test_wrong_key_is_an_error_and_leaves_the_file_alone(tmp_path):
    path = tmp_path / DB_FILE
    make_db(path).close()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(StorageError) as err:
        Database(path, bytes(32))
    assert err.value.code == "storage.wrong_key"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


def test_a_file_that_cannot_be_opened_is_open_failed_not_a_server_error(tmp_path):
    # The PostgreSQL connect errors (core/store/pg_errors.py) are a server's: a SQLite
    # file the driver cannot open keeps its own, plain error.
    path = tmp_path / DB_FILE
    path.mkdir()  # a folder where the file should be
    with pytest.raises(StorageError) as err:
        Database(path, KEY)
    assert err.value.code == "storage.open_failed"
    assert str(path) in err.value.detail


def test_a_password_in_the_drivers_words_is_taken_out():
    # The server never repeats the password, but a driver quoting the address (or a
    # password typed where the host goes) might: as typed and %-quoted, it is cut out.
    url = make_url("postgresql+psycopg://u:p%40ss%2Fw0rd@db.example:5433/shop")
    said = DBAPIError("connect", None, Exception("no p@ss/w0rd, p%40ss%2Fw0rd: timeout expired"))
    err = pg_errors.connect_error(said, url)
    assert isinstance(err, NetworkError) and err.code == "storage.pg_unreachable"
    assert err.detail == "db.example:5433/shop: no ***, ***: timeout expired"


@pytest.mark.parametrize(
    ("said", "sqlstate", "code"),
    [
        ('password authentication failed for user "u"', "28P01", "storage.pg_auth"),
        ("fe_sendauth: no password supplied", None, "storage.pg_no_password"),
        ('database "shop" does not exist', "3D000", "storage.pg_no_database"),
        ('no pg_hba.conf entry for host "10.0.0.5", SSL encryption', "28000", "storage.pg_refused"),
        ("SSL error: certificate verify failed", None, "storage.pg_tls"),
        ("connection refused", None, "storage.pg_unreachable"),
        ("the database system is starting up", "57P03", "storage.pg_unreachable"),
        ("terminating connection due to administrator command", "57P01", "storage.pg_unreachable"),
        ("something else entirely", None, "storage.pg_failed"),
    ],
)
def test_each_server_refusal_has_its_code(said, sqlstate, code):
    class DriverError(Exception):
        pass

    orig = DriverError(said)
    orig.sqlstate = sqlstate
    err = pg_errors.connect_error(DBAPIError("connect", None, orig), make_url("postgresql://u@h/d"))
    assert err.code == code and err.detail == f"h:5432/d: {said}"


def test_a_transaction_says_only_a_lost_server_is_one():
    # Database.transact asks pg_errors.lost_connection: a constraint or any other failure
    # of the server is not "the server does not answer".
    class DriverError(Exception):
        pass

    url = make_url("postgresql+psycopg://u:s3cret-pw@h/d")
    duplicate = DriverError('duplicate key value violates unique constraint "t_pkey"')
    duplicate.sqlstate = "23505"
    said = IntegrityError("INSERT", None, duplicate)
    assert pg_errors.lost_connection(said, url, committing=False) is None
    ended = DriverError("terminating connection due to administrator command (s3cret-pw)")
    ended.sqlstate = "57P01"
    err = pg_errors.lost_connection(OperationalError("COMMIT", None, ended), url, committing=True)
    assert isinstance(err, NetworkError) and err.code == "storage.pg_unreachable"
    assert "s3cret-pw" not in err.detail and "whether it was saved is not known" in err.detail
    # The password was changed while the till ran: its next connection is refused (at
    # connect, psycopg gives no SQLSTATE, only libpq's words).
    refused = DriverError('connection failed: FATAL:  password authentication failed for user "u"')
    refused.sqlstate = None
    err = pg_errors.lost_connection(OperationalError(None, None, refused), url, committing=False)
    assert err is not None and err.code == "storage.pg_auth"


def test_missing_database_is_not_silently_created(tmp_path):
    with pytest.raises(StorageError) as err:
        Database(tmp_path / DB_FILE, KEY)
    assert err.value.code == "wallet.not_initialized"
    assert not (tmp_path / DB_FILE).exists()


def test_env_key_format_checked(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_KEY, "abc")
    with pytest.raises(StorageError) as err:
        KeyStore(tmp_path).load()
    assert err.value.code == "storage.bad_key_format"
    assert parse_hex_key("AB" * 32) == b"\xab" * 32


def test_no_key_anywhere(tmp_path):
    with pytest.raises(StorageError) as err:
        KeyStore(tmp_path).load()
    assert err.value.code == "storage.no_key"


def test_passphrase_key_roundtrip(tmp_path, passphrase_only):
    store = KeyStore(tmp_path, passphrase=lambda confirm: "correct horse battery")
    made = store.create()
    assert made.method == "passphrase"
    assert store.load().key == made.key
    assert KeyStore(tmp_path, passphrase=lambda confirm: "wrong passphrase!").load().key != made.key
    with pytest.raises(StorageError) as err:
        KeyStore(tmp_path / "other", passphrase=lambda confirm: "short").create("passphrase")
    assert err.value.code == "storage.weak_passphrase"


def test_wrong_passphrase_gives_wrong_key(tmp_path, passphrase_only, monkeypatch):
    monkeypatch.setenv(ENV_PASSPHRASE, "correct horse battery")
    app, created = App.init(tmp_path)
    assert created
    app.db.close()
    monkeypatch.setenv(ENV_PASSPHRASE, "not the passphrase")
    with pytest.raises(StorageError) as err:
        App.open(tmp_path)
    assert err.value.code == "storage.wrong_key"


def test_migrations_create_exactly_the_models(tmp_path):
    db = make_db(tmp_path / DB_FILE)
    with db.engine.connect() as conn:
        tables = set(inspect(conn).get_table_names()) - {"alembic_version"}
        assert tables == set(all_tables().tables)
        for name, table in all_tables().tables.items():
            assert {c["name"] for c in inspect(conn).get_columns(name)} == set(
                table.columns.keys()
            ), name
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    db.close()


def test_the_shop_tables_are_named_from_the_schema_module():
    # Their classes load on first use; each is found from schema.py, and only those.
    from pos_app.core.store import schema, shop_schema

    mapped = {
        name
        for name, value in vars(shop_schema).items()
        if isinstance(value, type) and issubclass(value, schema.Base) and value is not schema.Base
    }
    assert mapped == schema.SHOP_CLASSES
    assert all(getattr(schema, name) is getattr(shop_schema, name) for name in mapped)
    with pytest.raises(AttributeError):
        schema.NoSuchTable  # noqa: B018


def test_the_scripts_head_is_alembics_head():
    assert migrate.scripts_head() == migrate.head_revision()


def test_the_scripts_head_needs_one_straight_chain(tmp_path):
    def script(name, revision, down):
        (tmp_path / f"{name}.py").write_text(f'revision = "{revision}"\ndown_revision = {down}\n')

    script("a", "0001", "None")
    script("b", "0002", '"0001"')
    assert migrate.scripts_head(tmp_path) == "0002"
    script("c", "0003", '"0001"')  # a branch: two heads
    assert migrate.scripts_head(tmp_path) is None
    (tmp_path / "c.py").write_text('revision = "0003"\ndown_revision = "0009"\n')  # unknown parent
    assert migrate.scripts_head(tmp_path) is None


def test_opening_a_current_database_does_not_load_alembic(tmp_path):
    make_db(tmp_path / DB_FILE).close()
    code = (
        "import sys\n"
        "from pos_app.core.store.db import Database\n"
        f"db = Database({str(tmp_path / DB_FILE)!r}, bytes.fromhex({KEY.hex()!r}))\n"
        "db.migrate()\n"
        "db.close()\n"
        "assert not [m for m in sys.modules if m.startswith('alembic')]\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_a_database_behind_is_upgraded(tmp_path):
    db = Database(tmp_path / DB_FILE, KEY, create=True)
    migrate.upgrade(db.engine, "0013")
    migrate.upgrade(db.engine)
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    db.close()


def test_upgrade_from_the_first_migration_keeps_data(tmp_path):
    path = tmp_path / DB_FILE
    db = Database(path, KEY, create=True)
    migrate.upgrade(db.engine, "0001")
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO mints (id, url, trusted, name, added_at, updated_at) VALUES (1, 'https://m', 1, 'M', 0, 0)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO settings (key, value_json, updated_at) VALUES ('mode', '\"auto_convert\"', 0)"
            )
        )
    db.close()
    db = Database(path, KEY)
    db.migrate()
    assert migrate.current_revision(db.engine) == migrate.head_revision() != "0001"
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT url FROM mints")).scalar() == "https://m"
        assert (
            conn.execute(text("SELECT value_json FROM settings WHERE key='mode'")).scalar()
            == '"auto_convert"'
        )
    db.close()


def test_tokens_kept_before_the_digests_are_found_by_theirs_after_the_upgrade(tmp_path):
    path = tmp_path / DB_FILE
    db = Database(path, KEY, create=True)
    migrate.upgrade(db.engine, "0008")
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO mints (id, url, trusted, name, status, added_at, updated_at) VALUES (1, 'https://m', 1, 'M', 'unknown', 0, 0)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO received_tokens (token_text, state, source, received_at, updated_at) VALUES ('cashuBold', 'redeemed', 'cli', 0, 0)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO exports (token_text, mint_id, unit, amount, purpose, state, claimed_amount, created_at) VALUES ('cashuBmine', 1, 'sat', 2, 'export', 'exported', 0, 0)"
            )
        )
    db.migrate()
    with db.engine.connect() as conn:
        received = conn.execute(text("SELECT text_digest FROM received_tokens")).scalar()
        exported = conn.execute(text("SELECT text_digest FROM exports")).scalar()
    assert received == hashlib.sha256(b"cashuBold").hexdigest() == text_digest("cashuBold")
    assert exported == text_digest("cashuBmine")

    def known(session):
        return (
            bulk._known(session, "cashuBold"),
            bulk._known(session, "cashuBmine"),
            bulk._known(session, "cashuBnew"),
        )

    assert db.transact(known) == (("imported", None), ("ours", 1), ("new", None))
    db.close()


def test_counters_are_reserved_atomically(tmp_path):
    db = make_db(tmp_path / DB_FILE)

    def setup(session):
        session.add(Mint(id=1, url="https://m", trusted=True))
        session.flush()
        session.add(KeysetRow(id="01" + "00" * 32, mint_id=1, unit="sat"))

    db.transact(setup)
    starts = [
        db.transact(lambda s, n=n: journal.reserve_counters(s, "01" + "00" * 32, n))
        for n in (3, 5, 1)
    ]
    assert starts == [0, 3, 8]
    db.close()


def test_two_processes_reserving_counters_never_overlap(tmp_path):
    """Two writers on one file (GUI and CLI) take the write lock at BEGIN."""
    import concurrent.futures

    path = tmp_path / DB_FILE
    db = make_db(path)
    kid = "01" + "00" * 32

    def setup(session):
        session.add(Mint(id=1, url="https://m", trusted=True))
        session.flush()
        session.add(KeysetRow(id=kid, mint_id=1, unit="sat"))

    db.transact(setup)
    other = Database(path, KEY)

    def reserve(d):
        return [d.transact(lambda s: journal.reserve_counters(s, kid, 2)) for _ in range(25)]

    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        a, b = pool.map(reserve, [db, other])
    assert sorted(a + b) == list(range(0, 100, 2))
    db.close()
    other.close()


def test_keystore_never_stores_the_key(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_KEY, os.urandom(32).hex())
    KeyStore(tmp_path).create()
    assert os.environ[ENV_KEY] not in (tmp_path / "keystore.json").read_text()
