"""One nutshell mint process (FakeWallet Lightning) on 127.0.0.1 with its own data directory.

Shared by training mode and the test support (tests/support/testmint.py), which
both need the same recipe:
- nutshell reads ``./.env`` and ``~/.cashu/.env`` over the environment, so the
  process runs with its data directory as cwd and HOME;
- its default input fee is 100 ppk and its rate limiter is on: both are set;
- a FakeWallet incoming delay of 0 loses the "paid" event: keep it above 0.

The mint's private key is derived from its data directory's path, so a restart
on the same directory keeps its keysets (and the ecash minted before stays valid).
"""

from __future__ import annotations

import hashlib
import os
import signal
import socket
import subprocess
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import httpx
from coincurve import PrivateKey

from pos_app.core.errors import MintError


class MintUnavailable(MintError):
    """The mint could not be started, or did not answer in time."""

    def __init__(self, detail: str, user_message: str | None = None) -> None:
        super().__init__(
            "training.mint_unavailable",
            user_message or "The local test mint did not start. The details are in its log.",
            detail,
        )


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_is_free(port: int) -> bool:
    """True when a server could listen on ``port`` on 127.0.0.1 now.

    With ``SO_REUSEADDR``, as uvicorn binds: the connections of a mint that just stopped
    (TIME_WAIT) do not make its port look taken.
    """
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


CHILD_DROPS = ("MINT_", "FAKEWALLET_", "PYTHON", "POS_")


def nutshell_env(
    data_dir: Path, port: int, key: str, *, fee_ppk: int = 0, name: str = "nutshell test mint"
) -> dict[str, str]:
    """The environment of a nutshell mint on ``port`` keeping its state in ``data_dir``.

    Neither the app's settings of Python (``PYTHONPATH`` would load the app's modules into
    the mint's own interpreter) nor its secrets (``POS_DB_KEY``) reach the mint.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith(CHILD_DROPS)}
    env.update(
        HOME=str(data_dir),
        CASHU_DIR=str(data_dir / "cashu"),
        MINT_LISTEN_HOST="127.0.0.1",
        MINT_LISTEN_PORT=str(port),
        MINT_DATABASE=str(data_dir / "db"),
        MINT_AUTH_DATABASE=str(data_dir / "authdb"),
        MINT_PRIVATE_KEY=key,
        MINT_INPUT_FEE_PPK=str(fee_ppk),
        MINT_BACKEND_BOLT11_SAT="FakeWallet",
        MINT_RATE_LIMIT="FALSE",
        MINT_INFO_NAME=name,
        FAKEWALLET_DELAY_INCOMING_PAYMENT="0.1",
        FAKEWALLET_DELAY_OUTGOING_PAYMENT="0",
    )
    return env


def mint_command(python: Path) -> list[str]:
    """Start nutshell's mint with ``python`` (any interpreter that has ``cashu`` installed)."""
    return [str(python), "-c", "import sys; from cashu.mint.main import main; sys.exit(main())"]


PID_FILE = "pid"


def stop_leftover(data_dir: Path, *, timeout: float = 10.0) -> bool:
    """Stop a mint that an earlier (killed) run left on ``data_dir``; True if there was one.

    Only a process whose command line is nutshell's mint is stopped (a pid can be reused).
    """
    pid_file = Path(data_dir) / PID_FILE
    try:
        pid = int(pid_file.read_text())
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except (OSError, ValueError):
        pid_file.unlink(missing_ok=True)
        return False
    if b"cashu.mint" not in cmdline:
        pid_file.unlink(missing_ok=True)
        return False
    try:
        os.killpg(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        if Path(f"/proc/{pid}").exists():
            os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    pid_file.unlink(missing_ok=True)
    return True


class LocalMint:
    """A nutshell mint process; stop and start again keep its port, keys and spent proofs."""

    def __init__(
        self,
        data_dir: Path,
        command: Sequence[str],
        *,
        fee_ppk: int = 0,
        name: str = "nutshell test mint",
        env: Mapping[str, str] | None = None,
        port: int | None = None,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.command = list(command)
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
        """Start (or restart) the mint and wait until it answers ``/v1/info`` with its key."""
        if self.running:
            return self.url
        env = nutshell_env(self.data_dir, self.port, self.key, fee_ppk=self.fee_ppk, name=self.name)
        env.update(self.env)
        env.update(extra_env or {})
        with self.log_path.open("ab") as log:
            log.write(f"\n==== start on {self.url}\n".encode())
            try:
                self.proc = subprocess.Popen(  # noqa: S603 - the mint command the app built
                    self.command,
                    cwd=self.data_dir,
                    env=env,
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            except OSError as exc:
                raise MintUnavailable(f"{self.command[0]}: {exc}") from exc
        (self.data_dir / PID_FILE).write_text(str(self.proc.pid))
        self._wait_ready(timeout)
        return self.url

    @property
    def pubkey(self) -> str:
        """The mint's public key (``/v1/info``): the same on every port it runs on."""
        return PrivateKey(hashlib.sha256(self.key.encode()).digest()).public_key.format().hex()

    def _wait_ready(self, timeout: float) -> None:
        want = self.pubkey
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
        (self.data_dir / PID_FILE).unlink(missing_ok=True)
