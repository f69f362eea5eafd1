"""The database key never goes into a plaintext keyring, chained or not.

The backends are built in-process: an in-memory stand-in for an OS keyring, and
stand-ins for keyrings.alt's plaintext and password-file backends (which must
never be installed here), marked the way keyring marks them: by class name,
module and a priority below the recommended ones.
"""

from __future__ import annotations

from collections.abc import Iterator

import keyring.backend
import keyring.core
import pytest
from keyring.backends import chainer, fail, null

from pos_app.core.errors import StorageError
from pos_app.core.store.keys import (
    ENV_KEY,
    ENV_PASSPHRASE,
    KEYRING_SERVICE,
    KeyStore,
    keyring_refusal,
)


class Backends:
    """Test backend classes, unregistered from keyring again after the test."""

    def __init__(self) -> None:
        class MemoryVault(keyring.backend.KeyringBackend):
            """Stands in for an OS keyring (Secret Service, Keychain): priority 5."""

            priority = 5

            def __init__(self) -> None:
                super().__init__()
                self.items: dict[tuple[str, str], str] = {}

            def get_password(self, service, username):
                return self.items.get((service, username))

            def set_password(self, service, username, password):
                self.items[(service, username)] = password

            def delete_password(self, service, username):
                self.items.pop((service, username), None)

        class PlaintextKeyring(MemoryVault):
            """Named like keyrings.alt's file backend, but with a high priority to be sure the
            name alone refuses it."""

            priority = 5

        class FileVault(MemoryVault):
            """An unrecommended fallback: priority below 1 (keyrings.alt's EncryptedKeyring: 0.6)."""

            priority = 0.6

        class AltKeyring(MemoryVault):
            priority = 5

        AltKeyring.__module__ = "keyrings.alt.Gnome"

        class NotViable(MemoryVault):
            @property
            def priority(self):  # type: ignore[override]
                raise RuntimeError("no D-Bus session")

        self.classes = [MemoryVault, PlaintextKeyring, FileVault, AltKeyring, NotViable]
        self.MemoryVault = MemoryVault
        self.PlaintextKeyring = PlaintextKeyring
        self.FileVault = FileVault
        self.AltKeyring = AltKeyring
        self.NotViable = NotViable

    def close(self) -> None:
        for cls in self.classes:
            keyring.backend.KeyringBackend._classes.discard(cls)


@pytest.fixture
def backends(monkeypatch) -> Iterator[Backends]:
    monkeypatch.delenv(ENV_KEY, raising=False)
    monkeypatch.delenv(ENV_PASSPHRASE, raising=False)
    monkeypatch.setattr(
        "pos_app.core.store.keys.ARGON2_DEFAULTS",
        {"time_cost": 1, "memory_cost": 8192, "parallelism": 1},
    )
    made = Backends()
    yield made
    made.close()


def use(monkeypatch, backend, chained=()) -> None:
    """Make ``backend`` the active keyring; a chainer chains exactly ``chained``."""
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    monkeypatch.setattr(keyring.backend, "get_all_keyring", lambda: list(chained))


def test_recommended_backends_are_accepted(backends, monkeypatch):
    vault = backends.MemoryVault()
    assert keyring_refusal(vault) is None
    use(monkeypatch, chainer.ChainerBackend(), [vault, backends.MemoryVault()])
    assert keyring_refusal(keyring.core.get_keyring()) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("PlaintextKeyring", "plaintext"),
        ("AltKeyring", "plaintext"),  # anything from keyrings.alt
        ("FileVault", "not a recommended keyring (priority 0.6)"),
    ],
)
def test_unsafe_backends_are_refused_alone_and_chained(backends, monkeypatch, name, expected):
    unsafe = getattr(backends, name)()
    assert expected in keyring_refusal(unsafe)
    # keyring's chainer wraps every viable backend; one unsafe member is enough to
    # refuse, whatever its place: set_password may fall through to it.
    for chain in ([backends.MemoryVault(), unsafe], [unsafe, backends.MemoryVault()]):
        use(monkeypatch, chainer.ChainerBackend(), chain)
        reason = keyring_refusal(keyring.core.get_keyring())
        assert reason.startswith("keyring.backends.chainer.ChainerBackend chains ")
        assert expected in reason


def test_backends_that_store_nothing_are_refused(monkeypatch, backends):
    # keyring leaves non-viable backends out of a chain; set directly, one is refused.
    assert "not usable (RuntimeError)" in keyring_refusal(backends.NotViable())
    assert "stores nothing" in keyring_refusal(fail.Keyring())
    assert "stores nothing" in keyring_refusal(null.Keyring())
    use(monkeypatch, chainer.ChainerBackend(), [])
    assert "chains no keyring" in keyring_refusal(keyring.core.get_keyring())


def test_key_goes_to_a_chained_os_keyring_and_comes_back(backends, monkeypatch, tmp_path):
    vault = backends.MemoryVault()
    use(monkeypatch, chainer.ChainerBackend(), [vault])
    # A chain of one backend has a low priority of its own; the members decide.
    store = KeyStore(tmp_path)
    made = store.create("keyring")
    assert made.method == "keyring"
    assert vault.items == {(KEYRING_SERVICE, store._account()): made.key.hex()}
    assert KeyStore(tmp_path).load() == made


def test_chained_plaintext_keyring_never_receives_the_key(backends, monkeypatch, tmp_path):
    vault, plaintext = backends.MemoryVault(), backends.PlaintextKeyring()
    use(monkeypatch, chainer.ChainerBackend(), [vault, plaintext])
    with pytest.raises(StorageError) as refused:
        KeyStore(tmp_path).create("keyring")
    assert refused.value.code == "storage.no_key"
    assert not (tmp_path / "keystore.json").exists()
    # The default order falls back to a passphrase instead.
    made = KeyStore(tmp_path).create(passphrase="correct horse battery")
    assert made.method == "passphrase"
    assert vault.items == {} and plaintext.items == {}


def test_plaintext_keyring_set_directly_is_refused(backends, monkeypatch, tmp_path, caplog):
    plaintext = backends.PlaintextKeyring()
    use(monkeypatch, plaintext)
    with (
        caplog.at_level("INFO", logger="pos_app.core.store.keys"),
        pytest.raises(StorageError) as refused,
    ):
        KeyStore(tmp_path).create("keyring")
    assert refused.value.code == "storage.no_key"
    assert plaintext.items == {}
    # The log is the only place an operator learns why the key stayed out of the keyring.
    assert caplog.messages == [
        "not keeping the database key in the OS keyring: " + keyring_refusal(plaintext)
    ]
    assert "plaintext keyring" in caplog.messages[0]
