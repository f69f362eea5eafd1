"""Run ``pos-app`` as a subprocess, the way a script or an admin would.

:meth:`Cli.run` and :meth:`Cli.ok` start a real process for each command: that is
what the tests assert on. :meth:`Cli.setup` runs the very same command line
through :func:`pos_app.cli.main` inside the test process instead, which saves the
interpreter start-up (about a second a call on the CI machine): it is for putting
a scenario in place (``init``, ``mints add``, ``config set``) and reading state,
never for a command whose process boundary (exit code, streams, a kill) is tested.

:func:`run_pos_app` forks those processes from a warm server (:mod:`tests.support.cliserver`)
rather than starting Python each time; ``POS_TEST_CLI_EXEC=1`` starts them from scratch.
"""

from __future__ import annotations

import atexit
import contextlib
import io
import json
import logging
import os
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
# The console script installed in the venv, as a shell would start it.
POS_APP = Path(sys.executable).with_name("pos-app")


@dataclass
class Result:
    """Exit code, parsed JSON stdout (when any) and raw streams."""

    rc: int
    stdout: str
    stderr: str
    args: tuple[str, ...] = ()

    @property
    def json(self) -> Any:
        return json.loads(self.stdout)

    @property
    def error_code(self) -> str | None:
        try:
            return self.json["error"]["code"]
        except (ValueError, KeyError, TypeError):
            return None

    def __str__(self) -> str:
        args = " ".join(a[:40] for a in self.args)
        return f"pos-app {args} -> {self.rc}\n{self.stdout}\n{self.stderr}"


def run_pos_app(
    args: Sequence[str],
    *,
    stdin: str | bytes | None = None,
    env: Mapping[str, str] | None = None,
    command: Sequence[str] = (sys.executable, "-m", "pos_app"),
    timeout: float = 120,
) -> Result:
    """Run ``pos-app ARGS`` as a subprocess (``env`` replaces the environment when given)."""
    data = stdin.encode() if isinstance(stdin, str) else stdin
    if tuple(command) == (sys.executable, "-m", "pos_app") and not os.environ.get(EXEC_ENV):
        return _warm_server().run(
            args, data or b"", dict(os.environ if env is None else env), timeout
        )
    proc = subprocess.run(
        [*command, *args],
        input=data if data is not None else b"",
        capture_output=True,
        env=dict(env) if env is not None else None,
        cwd=ROOT,
        timeout=timeout,
        check=False,
    )
    return Result(proc.returncode, proc.stdout.decode(), proc.stderr.decode(), tuple(args))


EXEC_ENV = "POS_TEST_CLI_EXEC"


class _WarmServer:
    """This test process's :mod:`tests.support.cliserver`, started on first use."""

    def __init__(self) -> None:
        self.folder = tempfile.mkdtemp(prefix="pos-cli-")
        self.path = os.path.join(self.folder, "socket")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.support.cliserver", self.path],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        assert self.proc.stdout is not None
        if self.proc.stdout.readline() != b"ready\n":
            raise RuntimeError(f"the warm pos-app server did not start ({self.proc.wait()})")
        atexit.register(self.close)

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()  # the server ends when its stdin closes
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        with contextlib.suppress(OSError):
            os.unlink(self.path)
            os.rmdir(self.folder)

    def run(self, args: Sequence[str], data: bytes, env: dict[str, str], timeout: float) -> Result:
        """One command in a forked process; as :func:`subprocess.run` with captured streams."""
        header = json.dumps({"argv": list(args), "env": env, "cwd": str(ROOT)}).encode()
        message = struct.pack("!I", len(header)) + header
        with (
            tempfile.TemporaryFile() as stdin,
            tempfile.TemporaryFile() as stdout,
            tempfile.TemporaryFile() as stderr,
            socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn,
        ):
            stdin.write(data)
            stdin.seek(0)
            conn.connect(self.path)
            sent = socket.send_fds(
                conn, [message], [stdin.fileno(), stdout.fileno(), stderr.fileno()]
            )
            conn.sendall(message[sent:])
            answers = _Answers(conn)
            pid = int(answers.line().removeprefix("pid "))
            started = time.monotonic()
            line = answers.line(timeout)
            if line is None:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
                answers.line()
            rc = int(line.removeprefix("rc ")) if line else -1
            stdout.seek(0)
            stderr.seek(0)
            out, err = stdout.read(), stderr.read()
        if line is None:
            command = [sys.executable, "-m", "pos_app", *args]
            raise subprocess.TimeoutExpired(command, time.monotonic() - started, out, err)
        if not line:
            raise RuntimeError(f"the warm pos-app server lost pos-app {' '.join(args)}")
        return Result(rc, out.decode(), err.decode(), tuple(args))


class _Answers:
    """The server's answer lines on one connection."""

    def __init__(self, conn: socket.socket) -> None:
        self.conn, self.buffer = conn, b""

    def line(self, timeout: float | None = None) -> str | None:
        """The next line ("" when the server hung up), or None after ``timeout`` seconds."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while b"\n" not in self.buffer:
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                return None
            self.conn.settimeout(left)
            try:
                more = self.conn.recv(4096)
            except TimeoutError:
                return None
            if not more:
                return ""
            self.buffer += more
        line, _, self.buffer = self.buffer.partition(b"\n")
        return line.decode()


_server: dict[int, _WarmServer] = {}


def _warm_server() -> _WarmServer:
    # Per process: a forked test process must not share its parent's server connection.
    if os.getpid() not in _server:
        _server[os.getpid()] = _WarmServer()
    return _server[os.getpid()]


@contextlib.contextmanager
def _environment(values: Mapping[str, str]) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, old in saved.items():
            if old is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = old


@contextlib.contextmanager
def _logging_restored() -> Iterator[None]:
    # The CLI points the root logger at its data directory; the session's own
    # handlers and level must come back afterwards.
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        yield
    finally:
        for handler in list(root.handlers):
            if handler not in handlers:
                root.removeHandler(handler)
                handler.close()
        root.setLevel(level)


class Cli:
    """``pos-app --json --data-dir DIR ...`` with a fixed database key."""

    def __init__(
        self, data_dir: Path, key: str | None = None, env: dict[str, str] | None = None
    ) -> None:
        self.data_dir = Path(data_dir)
        self.key = key or os.urandom(32).hex()
        self.env = dict(env or {})

    @classmethod
    def wallet(cls, data_dir: Path, *mint_urls: str, **settings: str) -> Cli:
        """A new wallet trusting ``mint_urls``, with config ``settings`` (``a__b`` = ``a.b``).

        Set up in-process (see :meth:`setup`).
        """
        cli = cls(data_dir)
        cli.setup("init")
        for url in mint_urls:
            cli.setup("mints", "add", url)
        for key, value in settings.items():
            cli.setup("config", "set", key.replace("__", "."), value)
        return cli

    def argv(self, *args: str) -> list[str]:
        """The full command line of ``pos-app ARGS`` for this wallet."""
        return ["--json", "--data-dir", str(self.data_dir), *args]

    def run(
        self,
        *args: str,
        stdin: str | None = None,
        env: dict[str, str] | None = None,
        timeout: float = 120,
    ) -> Result:
        """Run the command in a new process."""
        full_env = {**os.environ, "POS_DB_KEY": self.key, **self.env, **(env or {})}
        return run_pos_app(self.argv(*args), stdin=stdin, env=full_env, timeout=timeout)

    def ok(self, *args: str, **kwargs: Any) -> Any:
        """Run and require exit 0; returns the parsed JSON."""
        res = self.run(*args, **kwargs)
        assert res.rc == 0, str(res)
        return res.json

    def setup(self, *args: str) -> Any:
        """Run the same command line in this process and require success; returns the JSON.

        Only for synchronous tests (the command runs its own event loop).
        """
        from pos_app import cli

        out, err = io.StringIO(), io.StringIO()
        with (
            _environment({"POS_DB_KEY": self.key, **self.env}),
            _logging_restored(),
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(err),
        ):
            rc = cli.main(self.argv(*args))
        res = Result(rc, out.getvalue(), err.getvalue(), args)
        assert res.rc == 0, str(res)
        return res.json

    def balance(self, mint: str | None = None, unit: str = "sat") -> int:
        """The wallet's balance (read in-process), at one mint or all of them."""
        data = self.setup("wallet", "balance")
        return sum(
            b["amount"]
            for b in data["balances"]
            if b["unit"] == unit and (mint is None or b["mint"] == mint)
        )
