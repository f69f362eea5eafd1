"""Run real nutshell mints (FakeWallet Lightning) on 127.0.0.1 for the tests.

The mint lives in its own venv (``.venv-mint``, made by ``make mint-venv`` from
``tests/support/requirements-nutshell.txt``). Each :class:`TestMint` owns a data
directory; stopping and starting it again keeps its port, keys and spent proofs,
which is how the tests take a mint down in the middle of an operation.

The process recipe (environment, start-up check, stop) is the app's own
:class:`pos_app.core.training.localmint.LocalMint`, which training mode uses too.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping
from pathlib import Path

from pos_app.core.training.localmint import LocalMint, free_port

__all__ = ["MINT_VENV", "MintUnavailable", "TestMint", "free_port", "mint_venv_ready"]

ROOT = Path(__file__).resolve().parents[2]
MINT_VENV = Path(os.environ.get("POS_TEST_MINT_VENV", ROOT / ".venv-mint"))


class MintUnavailable(RuntimeError):
    """The pinned mint venv is missing or the mint did not start."""


def mint_venv_ready() -> bool:
    """True when ``make mint-venv`` has installed the pinned mint."""
    return (MINT_VENV / ".ok").exists() and (MINT_VENV / "bin" / "mint").exists()


class TestMint(LocalMint):
    """One nutshell mint process with its own data directory (the app's :class:`LocalMint`)."""

    __test__ = False  # not a pytest test class

    def __init__(
        self,
        data_dir: Path,
        *,
        fee_ppk: int = 0,
        name: str = "nutshell test mint",
        env: Mapping[str, str] | None = None,
        port: int | None = None,
    ) -> None:
        if not mint_venv_ready():
            raise MintUnavailable(f"test mint venv missing at {MINT_VENV}: run `make mint-venv`")
        super().__init__(
            data_dir,
            [str(MINT_VENV / "bin" / "mint")],
            fee_ppk=fee_ppk,
            name=name,
            env=env,
            port=port,
        )

    def restart(self, **kwargs: object) -> str:
        """Stop then start again on the same port with the same data."""
        self.stop()
        return self.start(**kwargs)  # type: ignore[arg-type]

    def wallet(self, *args: str, timeout: float = 120.0) -> str:
        """Run nutshell's own ``cashu`` CLI wallet against this mint and return its stdout."""
        home = self.data_dir / "cli-wallet"
        home.mkdir(exist_ok=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("MINT_", "FAKEWALLET_"))}
        env.update(HOME=str(home), CASHU_DIR=str(home), MINT_URL=self.url, WALLET_NAME="wallet")
        out = subprocess.run(
            [str(MINT_VENV / "bin" / "cashu"), "-y", *args],
            cwd=home,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if out.returncode != 0:
            raise RuntimeError(
                f"cashu {' '.join(args)} failed ({out.returncode}):\n{out.stdout}\n{out.stderr}"
            )
        return out.stdout

    def cli_balance(self) -> int:
        """Balance of nutshell's CLI wallet at this mint, in sat."""
        out = self.wallet("balance")
        for line in out.splitlines():
            if "Balance" in line:
                digits = "".join(ch for ch in line.split(":", 1)[1] if ch.isdigit())
                return int(digits or 0)
        raise RuntimeError(f"no balance in CLI output: {out}")

    def cli_fund(self, amount: int) -> None:
        """Fund the CLI wallet with ``amount`` sat (FakeWallet pays the invoice at once)."""
        self.wallet("invoice", str(amount))

    def cli_send(self, amount: int, *, legacy: bool = False) -> str:
        """Have the CLI wallet make a token of ``amount`` (V4, or V3 with ``legacy``)."""
        args = ["send", *(["--legacy"] if legacy else []), str(amount)]
        out = self.wallet(*args)
        for word in out.split():
            if word.startswith(("cashuA", "cashuB")):
                return word
        raise RuntimeError(f"no token in CLI output: {out}")

    def cli_receive(self, token: str) -> str:
        """Have the CLI wallet redeem ``token``."""
        return self.wallet("receive", token)
