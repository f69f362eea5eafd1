"""Shared fixtures: real nutshell mints on 127.0.0.1, started by the suite itself."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.support import fakeshop
from tests.support.lnurlserver import LnurlServer
from tests.support.pgserver import PgServer, started_for_tests
from tests.support.rateserver import RateServer
from tests.support.testmint import TestMint, mint_venv_ready

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")
# Proxy variables must never reach loopback test servers.
for _var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
    os.environ.pop(_var, None)
os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost"

VECTORS = Path(__file__).parent / "vectors"


@pytest.fixture(scope="session", autouse=True)
def inprocess_log(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Log in-process code the way the app does (JSON, redacted) into the session's temp dir.

    Subprocess CLIs log into their data directories under the same temp dir; the
    last test of the session scans every one of these files for secrets.
    """
    import logging

    from pos_app.core.logs import JsonFormatter, RedactFilter, quiet_libraries

    path = tmp_path_factory.getbasetemp() / "inprocess-logs" / "pos-app.log"
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RedactFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    old_level = root.level
    root.setLevel(logging.INFO)
    pos = logging.getLogger("pos_app")
    pos.setLevel(logging.DEBUG)
    quiet_libraries()  # as the app does (setup_logging)
    yield path
    root.removeHandler(handler)
    root.setLevel(old_level)
    handler.close()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Run the log scan last, after every test has written its logs.

    Under pytest-xdist no worker knows when the others are done, so the scan is
    left out there: ``make test`` runs it on its own after the parallel run, over
    the whole run's temp dir (``POS_LOGSCAN_DIR``).
    """
    last = [i for i in items if i.get_closest_marker("logscan")]
    items[:] = [i for i in items if not i.get_closest_marker("logscan")]
    if os.environ.get("PYTEST_XDIST_WORKER") and last:
        config.hook.pytest_deselected(items=last)
    else:
        items.extend(last)


def _require_mint_venv() -> None:
    if not mint_venv_ready():
        pytest.fail(
            "the pinned test mint is not installed: run `make mint-venv` (make test does it)"
        )


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """One PostgreSQL server per test worker (its databases are made per test)."""
    server = started_for_tests()
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    """A fresh empty database on the worker's PostgreSQL server, as a SQLAlchemy URL."""
    return pg_server.url(pg_server.create_database())


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Tests marked ``both_stores`` run once on SQLite and once on PostgreSQL."""
    if metafunc.definition.get_closest_marker("both_stores"):
        metafunc.fixturenames.append("store")
        metafunc.parametrize("store", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def store(request: pytest.FixtureRequest) -> Iterator[str]:
    """Where the test's shops keep their data (``fakeshop.open_shop``): ``sqlite`` or ``postgresql``."""
    if request.param == "sqlite":
        yield "sqlite"
        return
    server: PgServer = request.getfixturevalue("pg_server")
    fakeshop.new_pg_database = fakeshop.shops_on(server)
    try:
        yield "postgresql"
    finally:
        fakeshop.new_pg_database = None


@pytest.fixture
def shop_url(pg_server: PgServer, monkeypatch: pytest.MonkeyPatch) -> str:
    """A new empty database's URL without the password, which the env gives (as headless)."""
    monkeypatch.setenv("POS_PG_PASSWORD", pg_server.password)
    monkeypatch.setenv("POS_DB_KEY", os.urandom(32).hex())
    return pg_server.url(pg_server.create_database(), password=False)


@pytest.fixture(scope="session")
def mint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestMint]:
    """A shared fee-free test mint for the whole session (never stopped by tests)."""
    _require_mint_venv()
    m = TestMint(tmp_path_factory.mktemp("mint-free"), fee_ppk=0, name="free mint")
    m.start()
    yield m
    m.stop()


@pytest.fixture(scope="session")
def fee_mint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestMint]:
    """A shared test mint charging 100 ppk input fees."""
    _require_mint_venv()
    m = TestMint(tmp_path_factory.mktemp("mint-fee"), fee_ppk=100, name="fee mint")
    m.start()
    yield m
    m.stop()


@pytest.fixture(scope="session")
def stranger_mint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestMint]:
    """A fee-free mint no test trusts: for refusals without contact and melts of foreign tokens.

    Shared by the session, so a test must not stop it; tests count its requests
    relative to their own start. Melting FakeWallet's zero payment hash works once
    per mint: a test that does so needs a private mint (``make_mint``).
    """
    _require_mint_venv()
    m = TestMint(tmp_path_factory.mktemp("mint-stranger"), fee_ppk=0, name="stranger")
    m.start()
    yield m
    m.stop()


@pytest.fixture
def make_mint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., TestMint]]:
    """Factory for private mints a test may stop and restart; all stopped at teardown."""
    _require_mint_venv()
    made: list[TestMint] = []

    def factory(**kwargs: object) -> TestMint:
        m = TestMint(tmp_path_factory.mktemp("mint-own"), **kwargs)  # type: ignore[arg-type]
        m.start()
        made.append(m)
        return m

    yield factory
    for m in made:
        m.stop()


@pytest.fixture
def rate_server() -> Iterator[RateServer]:
    """A fresh loopback exchange-rate server (``hang`` answers give up after 5 s or at the end)."""
    with RateServer(hang_seconds=5) as server:
        yield server


@pytest.fixture
def lnurl_server() -> Iterator[LnurlServer]:
    """A fresh loopback LNURL-pay server issuing real signed BOLT11 invoices."""
    with LnurlServer(hang_seconds=5) as server:
        yield server
