"""The setup wizard's storage step against a real PostgreSQL server.

"This till only" leaves the wizard as it was; "Create the shop's database" and "Join
the shop's database" add the database's page, whose Test connection must pass before
Next, and Finish creates or joins the shop through ``App.init`` as the command line
does. The password typed is never shown, logged or written to a file.
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import threading
from dataclasses import replace

import keyring
import psycopg
import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit
from sqlalchemy.engine import make_url

from pos_app.app import App
from pos_app.core import shop_storage
from pos_app.core.cashu import nut13
from pos_app.core.mint.client import MintPool
from pos_app.core.store import shop_db
from pos_app.core.store.keys import parse_hex_key
from pos_app.core.store.storage import read_storage, write_storage
from pos_app.core.wallet.mints import MintDirectory
from pos_app.ui.dialogs.setup_wizard import SetupWizard
from pos_app.ui.dialogs.storage_step import StoragePage
from pos_app.ui.dialogs.unlock import UnlockDialog, unlock
from tests.gui.test_setup_and_settings import RESTORE_WORDS, check_mint, top_level
from tests.support.fakemint import FakeMint
from tests.support.testmint import free_port
from tests.unit.test_keys import MemoryKeyring

pytestmark = pytest.mark.gui

PASSPHRASE = "counter passphrase"

WRONG_PASSWORD = "Wrong user name or password: the server refused them. Check both."
NO_SERVER = (
    "No database server answers at that address. Check the server's name, the port, and "
    "that the server runs."
)


@pytest.fixture
def till_key(monkeypatch):
    """The till's own key from POS_DB_KEY (no Argon2, no keyring for it); no PG password env."""
    monkeypatch.setenv("POS_DB_KEY", os.urandom(32).hex())
    monkeypatch.delenv("POS_PG_PASSWORD", raising=False)


@pytest.fixture
def vault():
    """A keyring that keeps passwords in memory (the OS keyring of a desktop till)."""
    previous = keyring.get_keyring()
    kept = MemoryKeyring()
    keyring.set_keyring(kept)
    yield kept
    keyring.set_keyring(previous)


@pytest.fixture
def fake_mint(monkeypatch):
    """A mint the wizard's check and the new wallet both reach through its transport."""
    mint = FakeMint()
    init = App.__dict__["init"].__func__

    def init_here(cls, data_dir, **kwargs):
        return init(cls, data_dir, transport=mint.transport(), trust_env=False, **kwargs)

    monkeypatch.setattr(App, "init", classmethod(init_here))
    return mint


def make_wizard(qtbot, tmp_path, inspect=lambda url: None) -> SetupWizard:
    wizard = SetupWizard(
        tmp_path / "till",
        inspect,
        keyring_available=False,
        env_key=True,
        printers=list,
    )
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def shown_texts(wizard: SetupWizard) -> str:
    """Every text the wizard shows: labels, buttons, the fields that echo, tooltips."""
    parts = [wizard.windowTitle()]
    for widget in wizard.findChildren(QLabel) + wizard.findChildren(QAbstractButton):
        parts += [widget.text(), widget.toolTip()]
    for edit in wizard.findChildren(QLineEdit):
        if edit.echoMode() == QLineEdit.EchoMode.Normal:
            parts.append(edit.text())
    return "\n".join(parts)


def fill_server(page, pg_server, database: str, password: str, *, port: int | None = None):
    page.host.setText("127.0.0.1")
    page.port.setValue(port or pg_server.port)
    page.database.setText(database)
    page.user.setText(pg_server.user)
    page.password.setText(password)


def run_test(qtbot, page) -> str:
    page.test_button.click()
    qtbot.waitUntil(lambda: not page.testing, timeout=30_000)
    return page.status.text()


def to_storage_page(wizard: SetupWizard, kind: str) -> None:
    getattr(wizard.storage_choice, kind).setChecked(True)
    wizard.go_next()
    assert wizard.page is wizard.storage


# -- the choice ---------------------------------------------------------------------------------


def test_this_till_only_is_the_default_and_adds_no_page(qtbot, qloop, tmp_path):
    wizard = make_wizard(qtbot, tmp_path)
    assert wizard.storage_choice.local.isChecked() and wizard.store == "local"
    before = wizard.path()
    assert wizard.storage not in before and before[1] is wizard.seed
    assert wizard.step.text() == f"Step 1 of {len(before)}"

    wizard.storage_choice.create.setChecked(True)
    assert wizard.path() == [wizard.welcome, wizard.storage, *before[1:]]
    assert wizard.step.text() == f"Step 1 of {len(before) + 1}"
    wizard.storage_choice.join.setChecked(True)
    assert wizard.path() == [
        wizard.welcome,
        wizard.storage,
        wizard.key,
        wizard.camera,
        wizard.printer,
        wizard.summary,
    ]

    wizard.welcome.train.setChecked(True)  # training makes nothing: no store to choose
    assert not wizard.storage_choice.isEnabled() and wizard.store == "local"
    wizard.welcome.create.setChecked(True)
    assert wizard.storage_choice.isEnabled()
    wizard.storage_choice.local.setChecked(True)
    assert wizard.path() == before


def test_the_address_asks_for_verify_full_with_the_ca_file(tmp_path):
    ca = tmp_path / "ca.pem"
    url = shop_storage.server_url(" db.shop.lan ", 5433, "pos", "pos", ca)
    parsed = make_url(url)
    assert (parsed.host, parsed.port, parsed.database, parsed.username) == (
        "db.shop.lan",
        5433,
        "pos",
        "pos",
    )
    assert dict(parsed.query) == {"sslmode": "verify-full", "sslrootcert": str(ca)}
    assert (
        shop_storage.server_url("db", 5432, "pos", "pos") == "postgresql+psycopg://pos@db:5432/pos"
    )
    with pytest.raises(shop_storage.ValidationError) as missing:
        shop_storage.server_url("db", 5432, "", "pos")
    assert missing.value.code == "storage.bad_url"


# -- create -------------------------------------------------------------------------------------


@pytest.mark.pg
def test_the_first_till_creates_the_shop_through_the_wizard(
    qtbot, qloop, arun, tmp_path, pg_server, till_key, vault, fake_mint, caplog
):
    caplog.set_level(logging.DEBUG)
    database = pg_server.create_database()
    pool = MintPool(trust_env=False, transport=fake_mint.transport())
    wizard = make_wizard(qtbot, tmp_path, MintDirectory(None, pool).inspect)  # type: ignore[arg-type]
    done = qloop.create_task(wizard.wait())
    wizard.welcome.restore.setChecked(True)
    to_storage_page(wizard, "create")
    page = wizard.storage
    assert page.server_form.isVisible() and not page.join_form.isVisible()
    assert not wizard.next_button.isEnabled()  # no test has passed yet

    fill_server(page, pg_server, database, "not-the-password")
    page.till_name.setText("Counter 1")
    assert run_test(qtbot, page) == WRONG_PASSWORD
    assert not wizard.next_button.isEnabled()
    page.password.setText(pg_server.password)
    said = run_test(qtbot, page)
    assert (
        said.startswith("Connected to PostgreSQL ")
        and f"127.0.0.1:{pg_server.port}/{database}" in said
    )
    assert "empty: Finish creates the shop there" in said and "keyring" in said
    assert wizard.next_button.isEnabled()
    page.till_name.setText("Counter 1 ")  # anything typed asks for the test again
    assert not wizard.next_button.isEnabled() and page.status.text() == ""
    run_test(qtbot, page)
    assert pg_server.password not in shown_texts(wizard)
    wizard.go_next()

    assert wizard.page is wizard.restore
    wizard.restore.edit.setPlainText(RESTORE_WORDS)
    wizard.go_next()
    assert wizard.page is wizard.key  # POS_DB_KEY: no choice
    wizard.go_next()
    wizard.shop.name.setText("The shared shop")
    wizard.go_next()
    wizard.go_next()  # payments
    wizard.go_next()  # fees
    assert wizard.page is wizard.mints
    check_mint(qtbot, wizard.mints.check, fake_mint.url)
    wizard.mints.add_button.click()
    for _ in range(4):  # mints, camera, printer, owner
        wizard.go_next()
    assert wizard.page is wizard.summary
    summary = wizard.summary.summary.text()
    assert (
        f"Storage: creates the shop&#x27;s database at 127.0.0.1:{pg_server.port}/{database}; "
        "this till is Counter 1" in summary
    )
    wizard.go_next()  # Finish
    qtbot.waitUntil(done.done, timeout=60_000)
    app = done.result()
    assert isinstance(app, App)
    try:
        info = app.info()
        assert (info["storage"], info["till"]) == ("postgresql", "Counter 1")
        assert arun(app.settings.values())["shop.name"] == "The shared shop"
        assert [m["url"] for m in arun(app.db.run(app.mints.list))] == [fake_mint.url]
    finally:
        arun(app.aclose())
        arun(pool.aclose())
        wizard.deleteLater()

    # The password went to the keyring only, under the address without it.
    storage = read_storage(tmp_path / "till")
    assert vault.values == {("pos-app", f"postgresql:{storage.url}"): pg_server.password}
    for file in (tmp_path / "till").rglob("*"):
        if file.is_file():
            assert pg_server.password.encode() not in file.read_bytes(), file
    assert not any(pg_server.password in r.getMessage() for r in caplog.records)

    # The next start opens the shop's database, its password from the keyring.
    again = App.open(tmp_path / "till", trust_env=False)
    try:
        assert again.wallet.mnemonic() == nut13.normalize_mnemonic(RESTORE_WORDS)
        assert again.info()["storage"] == "postgresql"
    finally:
        arun(again.aclose())


# -- join ---------------------------------------------------------------------------------------


@pytest.fixture
def shop(tmp_path, pg_server, till_key, monkeypatch, arun):
    """A shop made by a first till from the command line's path, and its enrolment file."""
    monkeypatch.setenv("POS_PG_PASSWORD", pg_server.password)
    url = pg_server.url(pg_server.create_database(), password=False)
    first = tmp_path / "first"
    app, _ = App.init(first, storage_url=url, till_name="Counter 1", trust_env=False)
    words = app.wallet.mnemonic()
    arun(app.aclose())
    card = tmp_path / "enrol.json"
    shop_db.write_enrolment_for(first, parse_hex_key(os.environ["POS_DB_KEY"]), card, PASSPHRASE)
    return url, card, words


@pytest.mark.pg
def test_another_till_joins_with_the_enrolment_file(qtbot, qloop, arun, tmp_path, pg_server, shop):
    url, card, words = shop
    wizard = make_wizard(qtbot, tmp_path)
    done = qloop.create_task(wizard.wait())
    to_storage_page(wizard, "join")
    page = wizard.storage
    assert page.join_form.isVisible() and not page.server_form.isVisible()
    assert "POS_PG_PASSWORD is set: leave the password empty" in page.password_hint.text()

    assert run_test(qtbot, page) == "Choose the enrolment file."
    page.enrolment.edit.setText(str(card))
    page.enrol_passphrase.setText("not the passphrase")
    assert run_test(qtbot, page) == "The passphrase does not open this enrolment file."
    page.enrol_passphrase.setText(PASSPHRASE)
    page.till_name.setText("Counter 1")
    assert run_test(qtbot, page) == (
        "The shop already has a till of that name. Choose another name."
    )
    page.till_name.setText("Counter 2")
    said = run_test(qtbot, page)
    assert (
        "It holds the shop (tills so far: 1; the enrolment file was made on Counter 1): this "
        "till joins it." in said
    )
    assert "The password comes from POS_PG_PASSWORD." in said
    wizard.go_next()
    assert wizard.page is wizard.key
    wizard.go_next()
    assert wizard.page is wizard.camera  # this till's own devices
    wizard.camera.set_source("5")
    wizard.go_next()
    assert wizard.page is wizard.printer
    wizard.go_next()
    assert wizard.page is wizard.summary
    assert "Storage: joins the shop&#x27;s database at 127.0.0.1" in wizard.summary.summary.text()
    assert "Trusted mints" not in wizard.summary.summary.text()  # the shop's already
    wizard.go_next()  # Finish
    qtbot.waitUntil(done.done, timeout=60_000)
    app = done.result()
    assert isinstance(app, App)
    try:
        assert app.wallet.mnemonic() == words
        assert app.info()["till"] == "Counter 2"
        assert arun(app.settings.values())["camera.source"] == "5"
        tills = arun(app.storage_status())["tills"]
        assert sorted(t["name"] for t in tills) == ["Counter 1", "Counter 2"]
    finally:
        arun(app.aclose())
        wizard.deleteLater()
    assert read_storage(tmp_path / "till").url == url
    first = App.open(tmp_path / "first", trust_env=False)
    try:  # the camera was the joining till's own
        assert arun(first.settings.values())["camera.source"] != "5"
    finally:
        arun(first.aclose())


# -- what the test says -------------------------------------------------------------------------


@pytest.mark.pg
def test_the_connection_test_says_what_is_wrong_and_never_the_password(
    qtbot, qloop, tmp_path, pg_server, till_key, vault, shop, monkeypatch, caplog
):
    caplog.set_level(logging.DEBUG)
    monkeypatch.delenv("POS_PG_PASSWORD")  # set by the shop fixture: typed here
    shop_url, _card, _words = shop
    secret = pg_server.password
    wizard = make_wizard(qtbot, tmp_path)
    to_storage_page(wizard, "create")
    page = wizard.storage
    empty = pg_server.create_database()

    def said(database: str, password: str = secret, port: int | None = None) -> str:
        fill_server(page, pg_server, database, password, port=port)
        text = run_test(qtbot, page)
        assert secret not in shown_texts(wizard)
        return text

    assert said(empty, "wrong" + secret) == WRONG_PASSWORD
    assert said(empty, port=free_port()) == NO_SERVER
    assert said("no_such_db").startswith("The server has no database of that name.")
    assert not wizard.next_button.isEnabled()

    page.verify.setChecked(True)
    assert said(empty) == "Choose the CA file to verify the server with."
    ca = tmp_path / "ca.pem"
    ca.write_text("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n")
    page.ca_file.edit.setText(str(ca))
    assert said(empty).startswith("The secure connection failed")  # this server has no TLS
    page.verify.setChecked(False)

    assert said(shop_url.rsplit("/", 1)[1]).startswith("This database already holds a shop.")
    other = pg_server.create_database()
    with psycopg.connect(pg_server.url(other).replace("+psycopg", "")) as conn:
        conn.execute("CREATE TABLE customers (id int)")
    assert said(other).startswith("This database is not empty")

    clerk = f"clerk_{secrets.token_hex(4)}"  # the server lives for the whole session
    with psycopg.connect(pg_server.url().replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {clerk} LOGIN PASSWORD 'clerk-password'")
    page.database.setText(empty)
    page.user.setText(clerk)
    page.password.setText("clerk-password")
    assert run_test(qtbot, page).startswith("This user may not create tables")
    page.user.setText(pg_server.user)

    monkeypatch.setattr(shop_storage, "keyring_usable", lambda: False)
    assert said(empty, "wrong" + secret) == WRONG_PASSWORD  # the connection is judged first
    assert said(empty).startswith("This computer has no keyring to keep the database password")
    monkeypatch.setenv("POS_PG_PASSWORD", "something else")
    assert said(empty) == (
        "POS_PG_PASSWORD is set to another password. Leave the password empty to use it, or "
        "change POS_PG_PASSWORD."
    )
    assert not wizard.next_button.isEnabled()
    monkeypatch.setenv("POS_PG_PASSWORD", secret)
    assert "The password comes from POS_PG_PASSWORD." in said(empty, "")
    assert wizard.next_button.isEnabled()
    assert not any(secret in r.getMessage() for r in caplog.records)
    assert any("storage.pg_auth" in r.getMessage() for r in caplog.records)  # the log has it
    wizard.deleteLater()


@pytest.mark.pg
def test_a_till_whose_server_has_gone_away_says_so_when_it_starts(
    qtbot, qloop, tmp_path, shop, caplog
):
    # The start opens the store as the command line does (Database._attach): the
    # server's problem reaches the unlock dialog with its own code, in the shop's words.
    first = tmp_path / "first"
    kept = read_storage(first)
    gone = make_url(kept.url).set(port=free_port()).render_as_string(hide_password=False)
    write_storage(first, replace(kept, url=gone))
    task = asyncio.ensure_future(unlock(first))
    dialog: UnlockDialog = top_level(qtbot, UnlockDialog)
    assert dialog.heading.text() == "The wallet cannot be opened"
    text = dialog.error.text()
    assert "The shop&#x27;s database server does not answer." in text, text
    assert f"127.0.0.1:{make_url(gone).port}/" in text  # the detail: where it looked
    assert os.environ["POS_PG_PASSWORD"] not in text
    dialog.reject()
    qtbot.waitUntil(task.done)
    assert task.result() is None
    # The log keeps the same: code and where it looked (the dialog may be gone by then).
    said = [r.getMessage() for r in caplog.records if "wallet did not open" in r.getMessage()]
    assert said and f"storage.pg_unreachable 127.0.0.1:{make_url(gone).port}/" in said[0], said


def test_a_test_whose_fields_changed_meanwhile_does_not_count(qtbot, qloop, tmp_path):
    gate = threading.Event()

    def slow_check(url, password):
        gate.wait(10)
        return shop_storage.ServerCheck(url, "h:1/d", "15", 0, "", "env")

    wizard = SetupWizard(
        tmp_path / "till",
        lambda url: None,
        keyring_available=False,
        env_key=True,
        printers=list,
        storage=StoragePage(slow_check, env_password=True),
    )
    qtbot.addWidget(wizard)
    wizard.show()
    to_storage_page(wizard, "create")
    page = wizard.storage
    page.host.setText("h")
    page.database.setText("d")
    page.user.setText("u")
    page.test_button.click()
    assert page.testing and not wizard.next_button.isEnabled()
    page.database.setText("e")  # typed while the test runs
    gate.set()
    qtbot.wait(300)
    assert page.check is None and not wizard.next_button.isEnabled()
    assert run_test(qtbot, page).startswith("Connected to PostgreSQL 15 at h:1/d.")
    assert wizard.next_button.isEnabled()


def test_a_till_of_the_shops_database_says_its_name_in_the_title(qtbot):
    from types import SimpleNamespace

    from pos_app.ui.main import _name_the_till
    from pos_app.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    _name_the_till(window, SimpleNamespace(info=lambda: {"till": None}, training=False))
    assert window.windowTitle() == "Cashu point of sale"  # a till of its own: as it was
    _name_the_till(window, SimpleNamespace(info=lambda: {"till": "Counter 2"}, training=False))
    assert window.windowTitle() == "Cashu point of sale - Counter 2"


def test_a_password_typed_in_the_address_is_taken_out_of_it():
    from pos_app.core.store.storage import parse_url

    url, password = parse_url("postgresql://pos:s3cret@db.shop.lan:5432/pos?sslmode=require")
    assert password == "s3cret"
    assert url == "postgresql+psycopg://pos@db.shop.lan:5432/pos?sslmode=require"
