"""Run real nutshell mints (FakeWallet Lightning) on 127.0.0.1 for the tests.

The mint lives in its own venv (``.venv-mint``, made by ``make mint-venv`` from
``tests/support/requirements-nutshell.txt``). Each :class:`TestMint` owns a data
directory; stopping and starting it again keeps its port, keys and spent proofs,
which is how the tests take a mint down in the middle of an operation.

Pitfalls carried over from the mint recipe:
- nutshell reads ``./.env`` and ``~/.cashu/.env`` over the environment, so the
  process runs with its data directory as cwd and HOME;
- its default input fee is 100 ppk and its rate limiter is on: both are set;
- a FakeWallet incoming delay of 0 loses the "paid" event: keep it above 0.
"""

from __future__ import annotations

import hashlib
import os
import signal
import socket
import subprocess
import time
from collections.abc import Mapping
from pathlib import Path

import httpx
from coincurve import PrivateKey

ROOT = Path(__file__).resolve().parents[2]
MINT_VENV = Path(os.environ.get("POS_TEST_MINT_VENV", ROOT / ".venv-mint"))


class MintUnavailable(RuntimeError):
    """The pinned mint venv is missing or the mint did not start."""


def mint_venv_ready() -> bool:
    """True when ``make mint-venv`` has installed the pinned mint."""
    return (MINT_VENV / ".ok").exists() and (MINT_VENV / "bin" / "mint").exists()


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TestMint:
    """One nutshell mint process with its own data directory."""

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
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.fee_ppk = fee_ppk
        self.name = name
        self.env = dict(env or {})
        self.port = port or free_port()
        self.key = hashlib.sha256(str(self.data_dir).encode()).hexdigest()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """Base URL, without a trailing slash."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path:
        """The mint's log file (uvicorn access lines included)."""
        return self.data_dir / "mint.log"

    def log_text(self) -> str:
        """Everything the mint has logged so far."""
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def start(self, *, timeout: float = 60.0, extra_env: Mapping[str, str] | None = None) -> str:
        """Start (or restart) the mint and wait until it answers ``/v1/info``."""
        if self.running:
            return self.url
        env = {k: v for k, v in os.environ.items() if not k.startswith(("MINT_", "FAKEWALLET_"))}
        env.update(
            HOME=str(self.data_dir),
            CASHU_DIR=str(self.data_dir / "cashu"),
            MINT_LISTEN_HOST="127.0.0.1",
            MINT_LISTEN_PORT=str(self.port),
            MINT_DATABASE=str(self.data_dir / "db"),
            MINT_AUTH_DATABASE=str(self.data_dir / "authdb"),
            MINT_PRIVATE_KEY=self.key,
            MINT_INPUT_FEE_PPK=str(self.fee_ppk),
            MINT_BACKEND_BOLT11_SAT="FakeWallet",
            MINT_RATE_LIMIT="FALSE",
            MINT_INFO_NAME=self.name,
            FAKEWALLET_DELAY_INCOMING_PAYMENT="0.1",
            FAKEWALLET_DELAY_OUTGOING_PAYMENT="0",
        )
        env.update(self.env)
        env.update(extra_env or {})
        with self.log_path.open("ab") as log:
            log.write(f"\n==== start on {self.url}\n".encode())
            self.proc = subprocess.Popen(
                [str(MINT_VENV / "bin" / "mint")],
                cwd=self.data_dir,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self._wait_ready(timeout)
        return self.url

    def _wait_ready(self, timeout: float) -> None:
        want = PrivateKey(hashlib.sha256(self.key.encode()).digest()).public_key.format().hex()
        deadline = time.monotonic() + timeout
        with httpx.Client(trust_env=False, timeout=2) as client:
            while time.monotonic() < deadline:
                if self.proc is None or self.proc.poll() is not None:
                    raise MintUnavailable(
                        f"mint exited during start-up:\n{self.log_text()[-3000:]}"
                    )
                try:
                    r = client.get(self.url + "/v1/info")
                    if r.status_code == 200 and r.json().get("pubkey") == want:
                        return
                except httpx.HTTPError:
                    pass
                time.sleep(0.05)
        self.stop()
        raise MintUnavailable(f"mint did not answer within {timeout}s:\n{self.log_text()[-3000:]}")

    @property
    def running(self) -> bool:
        """True while the mint process is alive."""
        return self.proc is not None and self.proc.poll() is None

    def stop(self, *, timeout: float = 10.0) -> None:
        """Stop the mint (SIGTERM, then SIGKILL); its data stays for a restart."""
        if self.proc is None:
            return
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=timeout)
            except ProcessLookupError:
                pass
        self.proc = None

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
