"""Where the database key comes from: its format, the key sources and keystore.json."""

from __future__ import annotations

import json

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import KeyringError

from pos_app.core import keystatus
from pos_app.core.errors import StorageError
from pos_app.core.store import keys
from pos_app.core.store.keys import ENV_KEY, ENV_PASSPHRASE, KeyStore, parse_hex_key

GOOD = "0123456789abcdef" * 4


@pytest.fixture(autouse=True)
def no_env(monkeypatch):
    monkeypatch.delenv(ENV_KEY, raising=False)
    monkeypatch.delenv(ENV_PASSPHRASE, raising=False)


@pytest.fixture
def fast_argon(monkeypatch):
    monkeypatch.setattr(
        keys, "ARGON2_DEFAULTS", {"time_cost": 1, "memory_cost": 8, "parallelism": 1}
    )


@pytest.fixture
def keyring_store(monkeypatch):
    """An in-memory OS keyring."""
    store: dict[str, str] = {}
    monkeypatch.setattr(keys, "_keyring_get", store.get)

    def put(account: str, value: str) -> bool:
        store[account] = value
        return True

    monkeypatch.setattr(keys, "_keyring_set", put)
    return store


@pytest.fixture
def no_keyring(monkeypatch):
    monkeypatch.setattr(keys, "_keyring_get", lambda _account: None)
    monkeypatch.setattr(keys, "_keyring_set", lambda _account, _value: False)


@pytest.mark.parametrize("length", [62, 63, 65, 66, 0, 2])
def test_hex_key_of_the_wrong_length_is_refused(length, tmp_path, monkeypatch):
    text = ("ab" * 40)[:length]
    with pytest.raises(StorageError) as err:
        parse_hex_key(text)
    assert err.value.code == "storage.bad_key_format"
    assert err.value.detail == f"{ENV_KEY} has {length} characters"
    monkeypatch.setenv(ENV_KEY, text or "  ")
    with pytest.raises(StorageError) as err:
        KeyStore(tmp_path).load()
    assert err.value.code == "storage.bad_key_format"


def test_hex_key_of_64_characters_is_accepted_around_whitespace():
    assert parse_hex_key(GOOD) == bytes.fromhex(GOOD)
    assert parse_hex_key(f"  {GOOD.upper()}\n") == bytes.fromhex(GOOD)


def test_non_hex_key_is_refused():
    with pytest.raises(StorageError) as err:
        parse_hex_key("zz" * 32)
    assert err.value.code == "storage.bad_key_format"
    assert "64 hexadecimal" in err.value.user_message


def test_env_key_wins_over_the_recorded_method(tmp_path, monkeypatch, keyring_store):
    KeyStore(tmp_path).create("keyring")
    monkeypatch.setenv(ENV_KEY, GOOD)
    choice = KeyStore(tmp_path).load()
    assert (choice.key, choice.method) == (bytes.fromhex(GOOD), "env")


def test_create_with_env_records_env(tmp_path, monkeypatch, keyring_store):
    monkeypatch.setenv(ENV_KEY, GOOD)
    choice = KeyStore(tmp_path).create()
    assert (choice.key, choice.method) == (bytes.fromhex(GOOD), "env")
    assert json.loads((tmp_path / keys.KEYSTORE_FILE).read_text()) == {"method": "env"}
    assert keyring_store == {}


def test_keyring_key_is_random_and_found_again(tmp_path, keyring_store):
    choice = KeyStore(tmp_path).create()
    assert choice.method == "keyring"
    assert len(choice.key) == 32
    assert KeyStore(tmp_path / "other").create().key != choice.key
    assert KeyStore(tmp_path).load() == choice
    assert KeyStore(tmp_path).read_meta() == {"method": "keyring"}
    assert next(iter(keyring_store)) == f"db-key:{tmp_path.resolve()}"


def test_keyring_entry_gone_is_no_key(tmp_path, keyring_store):
    KeyStore(tmp_path).create("keyring")
    keyring_store.clear()
    with pytest.raises(StorageError) as err:
        KeyStore(tmp_path).load()
    assert err.value.code == "storage.no_key"
    assert "keyring" in err.value.detail


def test_keyring_demanded_but_missing(tmp_path, no_keyring):
    with pytest.raises(StorageError) as err:
        KeyStore(tmp_path).create("keyring")
    assert err.value.code == "storage.no_key"
    assert not (tmp_path / keys.KEYSTORE_FILE).exists()


def test_passphrase_when_no_keyring(tmp_path, no_keyring, fast_argon):
    asked: list[bool] = []

    def ask(creating: bool) -> str:
        asked.append(creating)
        return "correct horse"

    made = KeyStore(tmp_path, ask).create()
    assert made.method == "passphrase"
    meta = KeyStore(tmp_path).read_meta()
    assert meta["method"] == "passphrase"
    assert len(bytes.fromhex(meta["salt"])) == 16
    assert meta["argon2"] == keys.ARGON2_DEFAULTS
    assert "correct horse" not in (tmp_path / keys.KEYSTORE_FILE).read_text()
    assert KeyStore(tmp_path, ask).load() == made
    assert asked == [True, False]
    assert KeyStore(tmp_path, lambda _c: "wrong horse").load().key != made.key


def test_passphrase_from_the_environment(tmp_path, no_keyring, fast_argon, monkeypatch):
    monkeypatch.setenv(ENV_PASSPHRASE, "from the env")
    made = KeyStore(tmp_path).create()
    assert KeyStore(tmp_path).load() == made
    monkeypatch.delenv(ENV_PASSPHRASE)
    with pytest.raises(StorageError) as err:
        KeyStore(tmp_path).load()
    assert err.value.code == "storage.no_key"
    with pytest.raises(StorageError) as err:
        KeyStore(tmp_path, lambda _c: "").load()
    assert err.value.code == "storage.no_key"


def test_explicit_passphrase_skips_the_keyring(tmp_path, keyring_store, fast_argon):
    made = KeyStore(tmp_path).create("passphrase", "12345678")
    assert made.method == "passphrase"
    assert keyring_store == {}


@pytest.mark.parametrize(("passphrase", "ok"), [("1234567", False), ("12345678", True)])
def test_short_passphrase_is_refused(tmp_path, no_keyring, fast_argon, passphrase, ok):
    if ok:
        assert KeyStore(tmp_path).create(passphrase=passphrase).method == "passphrase"
        return
    with pytest.raises(StorageError) as err:
        KeyStore(tmp_path).create(passphrase=passphrase)
    assert err.value.code == "storage.weak_passphrase"
    assert not (tmp_path / keys.KEYSTORE_FILE).exists()


def test_no_source_at_all(tmp_path, no_keyring):
    with pytest.raises(StorageError) as err:
        KeyStore(tmp_path).create()
    assert err.value.code == "storage.no_key"
    with pytest.raises(StorageError) as err:
        KeyStore(tmp_path).load()
    assert err.value.code == "storage.no_key"
    assert ENV_KEY in err.value.user_message


def test_damaged_keystore_file(tmp_path):
    (tmp_path / keys.KEYSTORE_FILE).write_text("{not json")
    with pytest.raises(StorageError) as err:
        KeyStore(tmp_path).load()
    assert err.value.code == "storage.keystore_unreadable"


def test_passphrase_key_is_argon2id_of_the_parameters():
    salt = bytes(16)
    params = {"time_cost": 1, "memory_cost": 8, "parallelism": 1}
    key = keys.derive_passphrase_key("passphrase", salt, params)
    assert len(key) == 32
    assert key != keys.derive_passphrase_key("passphrase", salt, {**params, "time_cost": 2})
    assert key != keys.derive_passphrase_key("passphrase", bytes([1]) + salt[1:], params)
    from argon2.low_level import Type, hash_secret_raw

    assert key == hash_secret_raw(
        b"passphrase", salt, time_cost=1, memory_cost=8, parallelism=1, hash_len=32, type=Type.ID
    )


def test_new_random_key_parses():
    a, b = keys.new_random_key(), keys.new_random_key()
    assert a != b
    assert len(parse_hex_key(a)) == 32


class MemoryKeyring(KeyringBackend):
    """An OS keyring stand-in that keeps passwords in a dict."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, readback: str | None = None, error: Exception | None = None) -> None:
        super().__init__()
        self.values: dict[tuple[str, str], str] = {}
        self.readback = readback
        self.error = error

    def get_password(self, service: str, username: str) -> str | None:
        if self.error:
            raise self.error
        if self.readback is not None:
            return self.readback
        return self.values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.error:
            raise self.error
        self.values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.values.pop((service, username), None)


class PlaintextKeyring(MemoryKeyring):
    """Named like keyrings.alt's file backend, which would leave the key beside the database."""


@pytest.fixture
def os_keyring():
    """Swap the process's keyring backend for one test."""
    previous = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(previous)


def test_key_goes_into_the_os_keyring_under_the_data_dir(tmp_path, os_keyring):
    backend = MemoryKeyring()
    os_keyring(backend)
    made = KeyStore(tmp_path).create()
    assert made.method == "keyring"
    assert backend.values == {
        (keys.KEYRING_SERVICE, f"db-key:{tmp_path.resolve()}"): made.key.hex()
    }
    assert KeyStore(tmp_path).load() == made


@pytest.mark.parametrize(
    "backend",
    [
        fail.Keyring(),
        PlaintextKeyring(),
        MemoryKeyring(readback="something else"),
        MemoryKeyring(error=KeyringError("locked")),
    ],
    ids=["no keyring", "plaintext file", "does not read back", "locked"],
)
def test_unusable_keyring_is_not_used(tmp_path, os_keyring, backend):
    os_keyring(backend)
    assert keys._keyring_set("account", "value") is False
    with pytest.raises(StorageError) as err:
        KeyStore(tmp_path).create("keyring")
    assert err.value.code == "storage.no_key"
    assert err.value.detail == "no OS keyring is available on this machine"


def test_keyring_read_errors_are_no_key(os_keyring):
    os_keyring(MemoryKeyring(error=KeyringError("locked")))
    assert keys._keyring_get("account") is None
    backend = MemoryKeyring()
    backend.values[(keys.KEYRING_SERVICE, "account")] = "ab"
    os_keyring(backend)
    assert keys._keyring_get("account") == "ab"


def test_messages_say_what_to_do(tmp_path, monkeypatch, no_keyring):
    with pytest.raises(StorageError) as err:
        parse_hex_key("abc")
    assert err.value.user_message == "The database key must be 64 hexadecimal characters."
    with pytest.raises(StorageError) as err:
        KeyStore(tmp_path).load()
    assert err.value.user_message == (
        "No database key is available. Set POS_DB_KEY, unlock the OS keyring or enter "
        "the passphrase."
    )
    assert (
        err.value.detail
        == f"no POS_DB_KEY and no recorded key method in {tmp_path / 'keystore.json'}"
    )
    with pytest.raises(StorageError) as err:
        KeyStore(tmp_path).create()
    assert err.value.detail == "no POS_DB_KEY, no OS keyring and no passphrase"
    with pytest.raises(StorageError) as err:
        KeyStore(tmp_path).create(passphrase="short")
    assert err.value.user_message == "Choose a passphrase of at least 8 characters."


def test_missing_secret_details(tmp_path, keyring_store, fast_argon):
    KeyStore(tmp_path / "k").create("keyring")
    keyring_store.clear()
    with pytest.raises(StorageError) as err:
        KeyStore(tmp_path / "k").load()
    assert err.value.detail == "the OS keyring has no key for this wallet"
    KeyStore(tmp_path / "p").create("passphrase", "long enough")
    with pytest.raises(StorageError) as err:
        KeyStore(tmp_path / "p").load()
    assert err.value.detail == "a passphrase is required"


def test_damaged_keystore_message(tmp_path):
    (tmp_path / keys.KEYSTORE_FILE).write_text("{not json")
    with pytest.raises(StorageError) as err:
        KeyStore(tmp_path).load()
    assert err.value.user_message == "The key settings file is damaged."
    assert err.value.detail.startswith("Expecting property name")


def test_recorded_argon2_parameters_win_over_new_defaults(tmp_path, no_keyring, monkeypatch):
    # A wallet made with older parameters must still open after the defaults change.
    monkeypatch.setattr(
        keys, "ARGON2_DEFAULTS", {"time_cost": 1, "memory_cost": 8, "parallelism": 1}
    )
    made = KeyStore(tmp_path).create(passphrase="long enough")
    monkeypatch.setattr(
        keys, "ARGON2_DEFAULTS", {"time_cost": 2, "memory_cost": 16, "parallelism": 1}
    )
    monkeypatch.setenv(ENV_PASSPHRASE, "long enough")
    assert KeyStore(tmp_path).load() == made


def test_explicit_env_method_and_a_new_nested_data_dir(tmp_path, monkeypatch, keyring_store):
    monkeypatch.setenv(ENV_KEY, GOOD)
    nested = tmp_path / "shop" / "data"
    choice = KeyStore(nested).create("env")
    assert choice.method == "env"
    assert keyring_store == {}
    # Indented: the owner may read it to see which method the wallet uses.
    assert (nested / keys.KEYSTORE_FILE).read_text() == json.dumps({"method": "env"}, indent=2)
    assert [p.name for p in nested.iterdir()] == [keys.KEYSTORE_FILE]


@pytest.mark.parametrize(
    ("backend", "usable"),
    [(MemoryKeyring(), True), (fail.Keyring(), False), (PlaintextKeyring(), False)],
    ids=["os keyring", "no keyring", "plaintext file"],
)
def test_the_wizard_offers_the_keyring_only_where_the_store_keeps_the_key(
    tmp_path, monkeypatch, os_keyring, backend, usable
):
    monkeypatch.delenv(keys.ENV_KEY, raising=False)
    os_keyring(backend)
    assert keystatus.keyring_usable() is usable
    if usable:
        assert KeyStore(tmp_path).create().method == "keyring"
    else:
        with pytest.raises(StorageError):
            KeyStore(tmp_path).create("keyring")


def test_a_broken_keyring_backend_is_no_keyring(monkeypatch):
    def broken():
        raise RuntimeError("no D-Bus session")

    monkeypatch.setattr(keyring, "get_keyring", broken)
    assert keystatus.keyring_usable() is False


@pytest.mark.parametrize(
    ("method", "env_key", "env_passphrase", "asks"),
    [
        ("passphrase", False, False, True),
        ("passphrase", True, False, False),
        ("passphrase", False, True, False),
        ("keyring", False, False, False),
        ("env", False, False, False),
        (None, False, False, False),
    ],
)
def test_the_passphrase_is_asked_only_when_nothing_else_opens_the_wallet(
    tmp_path, monkeypatch, method, env_key, env_passphrase, asks
):
    if method is not None:
        (tmp_path / keys.KEYSTORE_FILE).write_text(json.dumps({"method": method}))
    for var, on in ((keys.ENV_KEY, env_key), (keys.ENV_PASSPHRASE, env_passphrase)):
        if on:
            monkeypatch.setenv(var, "set")
        else:
            monkeypatch.delenv(var, raising=False)
    status = keystatus.key_status(tmp_path)
    assert (status.method, status.env_key, status.env_passphrase) == (
        method,
        env_key,
        env_passphrase,
    )
    assert status.needs_passphrase is asks
    assert status.min_passphrase == keys.MIN_PASSPHRASE == 8


def test_a_damaged_keystore_is_reported_not_guessed(tmp_path):
    (tmp_path / keys.KEYSTORE_FILE).write_text("{not json")
    with pytest.raises(StorageError) as err:
        keystatus.key_status(tmp_path)
    assert err.value.code == "storage.keystore_unreadable"
