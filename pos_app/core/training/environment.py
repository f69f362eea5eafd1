"""The training environment: its data directory, its play-money database key and its mint.

Layout of ``<data dir>/training`` (never the shop's wallet database):

- ``TRAINING``: the marker that makes the app treat this wallet as a training till
  (no webhooks; see :func:`is_training_dir`);
- ``training-db-key``: the database key, kept in clear beside the database on
  purpose: the wallet holds only test ecash from the local FakeWallet mint, which is
  worth nothing, and a trainee must never be asked for a passphrase;
- ``mint/``: the local nutshell mint's data (keys, spent proofs, log) and ``port``;
- ``customer/``: the customer wallet's test ecash (:mod:`pos_app.core.training.customer`);
- the training wallet itself (database, keystore) as in any data directory.
"""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path

from pos_app.core.store.keys import ENV_KEY, ENV_PASSPHRASE
from pos_app.core.training.localmint import (
    LocalMint,
    MintUnavailable,
    free_port,
    mint_command,
    port_is_free,
    stop_leftover,
)
from pos_app.core.training.mintpython import Progress, mint_python

TRAINING_DIR = "training"
MARKER = "TRAINING"
KEY_FILE = "training-db-key"
MINT_NAME = "Training mint (play money)"
ENV_DATA_DIR = "POS_DATA_DIR"
PORT_WAIT_SECONDS = 10.0  # for a mint that is still letting its port go


def is_training_dir(data_dir: Path) -> bool:
    """True when ``data_dir`` is a training environment's wallet."""
    return (Path(data_dir) / MARKER).is_file()


class TrainingEnvironment:
    """Training mode's data directory under ``data_root`` and its local mint process."""

    def __init__(self, data_root: Path) -> None:
        self.data_root = Path(data_root)
        self.data_dir = self.data_root / TRAINING_DIR
        self.mint: LocalMint | None = None
        self._stopped = False  # stop_mint came, perhaps while start_mint still ran in a thread
        self._saved_env: dict[str, str | None] | None = None  # the shop's, while active

    def prepare(self) -> None:
        """Create the directory, its marker and its database key (once)."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        (self.data_dir / MARKER).write_text(
            "This folder is pos-app's training mode: play money only.\n"
        )
        key_file = self.data_dir / KEY_FILE
        if not key_file.is_file():
            key_file.write_text(secrets.token_hex(32))
            key_file.chmod(0o600)

    @property
    def db_key(self) -> str:
        """The training database's key (hex)."""
        return (self.data_dir / KEY_FILE).read_text().strip()

    def activate(self) -> None:
        """Point this process at the training wallet: ``POS_DATA_DIR`` and its key.

        The shop's own key or passphrase in the environment is dropped so nothing in
        this process can open the real wallet by mistake.
        """
        self.prepare()
        if self._saved_env is None:
            names = (ENV_PASSPHRASE, ENV_KEY, ENV_DATA_DIR)
            self._saved_env = {name: os.environ.get(name) for name in names}
        os.environ.pop(ENV_PASSPHRASE, None)
        os.environ[ENV_KEY] = self.db_key
        os.environ[ENV_DATA_DIR] = str(self.data_dir)

    def deactivate(self) -> None:
        """Give the process back the shop's environment, as it was before :meth:`activate`.

        Leaving training mode in a running app must not open (or create) the shop's
        wallet with the training key.
        """
        saved, self._saved_env = self._saved_env, None
        for key, value in (saved or {}).items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value

    def _mint_port(self, wait: float = PORT_WAIT_SECONDS) -> int:
        """The mint's port, kept across runs: the wallet trusts its URL and knows its keys.

        A mint left running by a killed app is stopped first; a port that stays taken
        (another program) is refused, as moving would make the wallet see a new mint
        claiming the training mint's keys.
        """
        port_file = self.data_dir / "mint" / "port"
        if port_file.is_file():
            port = int(port_file.read_text())
            stop_leftover(self.data_dir / "mint")
            deadline = time.monotonic() + wait
            while not port_is_free(port):
                if time.monotonic() > deadline:
                    raise MintUnavailable(
                        f"port {port} of the training mint is used by another program",
                        user_message=(
                            f"The training mint's port {port} on this computer is used by "
                            "another program. Close that program, or delete the folder "
                            f"{self.data_dir} to start training afresh."
                        ),
                    )
                time.sleep(0.1)
            return port
        port = free_port()
        port_file.parent.mkdir(parents=True, exist_ok=True)
        port_file.write_text(str(port))
        return port

    def start_mint(
        self, requirements: Path, progress: Progress | None = None, *, timeout: float = 60.0
    ) -> str:
        """Install the mint (from ``requirements``) if needed, start it on 127.0.0.1; its URL."""
        self.prepare()
        python = mint_python(self.data_root, requirements, progress)
        if progress:
            progress("Starting the training mint", 0.9)
        self._stopped = False
        self.mint = LocalMint(
            self.data_dir / "mint", mint_command(python), name=MINT_NAME, port=self._mint_port()
        )
        url = self.mint.start(timeout=timeout)
        if self._stopped:  # the app gave up on the start meanwhile: leave no mint behind
            self.mint.stop()
            raise MintUnavailable("stopped during start-up")
        return url

    def stop_mint(self) -> None:
        """Stop the mint (its data stays for the next run)."""
        self._stopped = True
        if self.mint is not None:
            self.mint.stop()
