"""A real PostgreSQL server on 127.0.0.1 for the tests: Debian's package, started here.

``make system-deps`` installs the server (package ``postgresql``). :class:`PgServer`
makes a throw-away cluster (``initdb``) in its own directory, starts it on a free
port with a password for the superuser (so the tests connect the way a till does,
with a password, not by trust), and hands out a fresh empty database per test.
PostgreSQL refuses to run as root; as root the server runs as the ``postgres``
user the package creates, in a directory that user owns.

Durability is off (``fsync``, ``synchronous_commit``, ``full_page_writes``): a
test server that dies loses nothing anyone needs, and the tests are about
concurrency and correctness, not the disk.
"""

from __future__ import annotations

import os
import pwd
import secrets
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from pos_app.core.training.localmint import free_port

if TYPE_CHECKING:
    import psycopg

__all__ = ["PgServer", "PgUnavailable", "find_bindir"]

SUPERUSER = "pos_test"


class PgUnavailable(RuntimeError):
    """No PostgreSQL server binaries here, or the server did not start."""


def find_bindir() -> Path | None:
    """The directory holding ``initdb`` and ``pg_ctl``: ``POS_PG_BINDIR``, PATH, or Debian's."""
    given = os.environ.get("POS_PG_BINDIR")
    if given:
        return Path(given) if (Path(given) / "initdb").exists() else None
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).resolve().parent
    debian = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    return debian[-1].parent if debian else None


class PgServer:
    """One PostgreSQL cluster in a temporary directory, listening on 127.0.0.1 only."""

    def __init__(self) -> None:
        bindir = find_bindir()
        if bindir is None:
            raise PgUnavailable("PostgreSQL's server is not installed: run `make system-deps`")
        self.bindir = bindir
        self.port = free_port()
        self.password = secrets.token_urlsafe(18)
        self.user = SUPERUSER
        self.root = Path(tempfile.mkdtemp(prefix="pos-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self._owner: pwd.struct_passwd | None = None
        if os.geteuid() == 0:
            try:
                self._owner = pwd.getpwnam("postgres")
            except KeyError as exc:
                raise PgUnavailable("running as root but there is no `postgres` user") from exc
        self._databases = 0
        self._templates: dict[str, str] = {}
        self._options = ""  # pg_ctl's server options, set by start (resume reuses them)

    # -- running the server's programs as the right user --------------------------------------

    def _run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self._owner is not None:
            command = ["runuser", "-u", self._owner.pw_name, "--", *command]
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env["LC_ALL"] = "C.UTF-8"
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, env=env, check=False
        )
        if done.returncode != 0:
            raise PgUnavailable(
                f"{args[0]} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}\n"
                f"{self.log_text()[-3000:]}"
            )
        return done

    def _give_to_owner(self, path: Path) -> None:
        if self._owner is not None:
            os.chown(path, self._owner.pw_uid, self._owner.pw_gid)

    def log_text(self) -> str:
        try:
            return self.log.read_text(errors="replace")
        except OSError:
            return ""

    # -- life -----------------------------------------------------------------------------------

    def start(self) -> PgServer:
        """initdb, then start the server and wait until it accepts connections."""
        self.root.chmod(0o755)
        self._give_to_owner(self.root)
        pwfile = self.root / "pw"
        pwfile.write_text(self.password + "\n")
        pwfile.chmod(0o600)
        self._give_to_owner(pwfile)
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            self.user,
            "--pwfile",
            str(pwfile),
            "--auth=scram-sha-256",
            "--encoding=UTF8",
            "--no-sync",
        )
        pwfile.unlink()
        options = " ".join(
            [
                f"-p {self.port}",
                f"-k {self.root}",
                "-c listen_addresses=127.0.0.1",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
                "-c max_connections=200",
            ]
        )
        self._options = options
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")
        return self

    def halt(self) -> None:
        """Stop the server as a shop's goes down (fast: connections cut), keeping its data."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop", timeout=60)

    def resume(self) -> None:
        """Start a :meth:`halt`-ed server again, on the same port with the same databases."""
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", self._options, "-w", "start"
        )

    def stop(self) -> None:
        """Stop the server (fast: active connections are cut) and remove its directory."""
        if (self.data / "postmaster.pid").exists():
            try:
                self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop", timeout=60)
            except PgUnavailable:
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    # -- databases ------------------------------------------------------------------------------

    def url(self, database: str = "postgres", *, password: bool = True) -> str:
        """A SQLAlchemy URL for psycopg 3 (the password left out with ``password=False``)."""
        secret = f":{self.password}" if password else ""
        return f"postgresql+psycopg://{self.user}{secret}@127.0.0.1:{self.port}/{database}"

    def create_database(self, prefix: str = "test", *, template: str | None = None) -> str:
        """A new database, empty or a copy of ``template`` (see :meth:`template`); its name."""
        self._databases += 1
        name = f"{prefix}_{os.getpid()}_{self._databases}"
        copy = f' TEMPLATE "{template}"' if template else ""
        with self.admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}"{copy}')
        return name

    def admin(self) -> psycopg.Connection:
        """A connection to the server's ``postgres`` database, autocommit (use in ``with``)."""
        import psycopg

        return psycopg.connect(
            host="127.0.0.1",
            port=self.port,
            user=self.user,
            password=self.password,
            dbname="postgres",
            autocommit=True,
        )

    def template(self, name: str, prepare: Callable[[str], None]) -> str:
        """A database made once by ``prepare(url)``, to copy with ``create_database``.

        Copying a template is a file copy on the server: much faster than running the
        migrations for every test. ``prepare`` must close its connections.
        """
        if name not in self._templates:
            self._templates[name] = self.create_database(name)
            prepare(self.url(self._templates[name]))
        return self._templates[name]


def started_for_tests() -> PgServer:
    """A started server for a fixture: without PostgreSQL the tests are skipped, and loudly.

    ``POS_REQUIRE_PG=1`` (``make test``) makes a missing server a failure instead, so the
    shared-shop store is never left untested by accident.
    """
    import pytest

    try:
        return PgServer().start()
    except PgUnavailable as exc:
        if os.environ.get("POS_REQUIRE_PG") == "1":
            pytest.fail(f"PostgreSQL is required here and did not start: {exc}")
        pytest.skip(f"NO POSTGRESQL: the several-tills store is NOT tested here: {exc}")
