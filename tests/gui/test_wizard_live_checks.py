"""The setup wizard checks what needs the network while it is typed: the rate, the Lightning address.

Real checks (the app's own rate service and LNURL-pay client) against local servers on
127.0.0.1; nothing reaches the internet.
"""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import QObject

from pos_app.core.payments.lnurl import pay_params
from pos_app.core.payments.rates import RateService
from pos_app.ui.dialogs.setup_wizard import SetupWizard
from pos_app.ui.widgets.live_check import LiveCheck
from tests.gui.conftest import screenshots_dir
from tests.support.lnurlserver import LnurlServer
from tests.support.rateserver import RateServer
from tests.support.settings_page import show_settings_page

pytestmark = pytest.mark.gui


async def lightning(address: str):
    return await pay_params(address, trust_env=False)


@pytest.fixture
def servers():
    with RateServer() as rates, LnurlServer(min_sendable=10_000, max_sendable=5_000_000) as ln:
        yield rates, ln


@pytest.fixture
def wizard(qtbot, qloop, tmp_path, servers, arun):
    rates, _ln = servers
    source = {
        "url": rates.set("/eur", {"data": {"rates": {"EUR": "61234.5"}}}),
        "path": "data.rates.EUR",
        "currency": "EUR",
    }
    broken = {"url": rates.fail("/usd", "500"), "path": "x", "currency": "USD"}
    service = RateService(None, [source, broken], None, 60, trust_env=False)
    made = SetupWizard(
        tmp_path / "wallet",
        lambda url: None,
        keyring_available=False,
        env_key=False,
        rate=service.rate,
        lightning=lightning,
    )
    qtbot.addWidget(made)
    made.show()
    yield made
    arun(service.aclose())


def test_the_rate_of_the_chosen_currency_is_shown_live_screenshot(wizard, qtbot, tmp_path):
    shop = wizard.shop
    wizard.show_page(shop)
    assert shop.rate_label.text() == ""  # sat needs no rate
    shop.currency.setCurrentIndex(shop.currency.findData("EUR"))
    qtbot.waitUntil(lambda: "61,234.50 EUR" in shop.rate_label.text(), timeout=10_000)
    shots = screenshots_dir(tmp_path) / "settings"
    shots.mkdir(parents=True, exist_ok=True)
    wizard.grab().save(str(shots / "wizard_4a_shop_rate.png"))
    assert "127.0.0.1" in shop.rate_label.text() and shop.rate.btc_price == 61234.5
    shop.currency.setCurrentIndex(shop.currency.findData("USD"))
    qtbot.waitUntil(lambda: "No USD rate now" in shop.rate_label.text(), timeout=10_000)
    assert shop.rate is None and wizard.next_button.isEnabled()  # said, not blocking
    shop.currency.setCurrentIndex(shop.currency.findData("sat"))
    assert shop.rate_label.text() == ""


def test_a_lightning_address_is_needed_checked_and_kept_when_going_back_screenshot(
    wizard, servers, qtbot, tmp_path
):
    _rates, ln = servers
    wizard.show_page(wizard.payments)
    wizard.payments.modes.button(2).setChecked(True)  # pay everything out to Lightning
    wizard.go_next()
    page = wizard.lightning
    assert wizard.page is page and "needed" in page.need.text()
    assert not wizard.next_button.isEnabled()  # empty, and the mode pays out to it

    page.address.setText("nobody@127.0.0.1:9")
    page.address.textEdited.emit("nobody@127.0.0.1:9")
    qtbot.waitUntil(lambda: page.status.property("role") == "error", timeout=10_000)
    assert page.status.text() and not wizard.next_button.isEnabled()

    page.address.setText("not an address")
    page.address.textEdited.emit("not an address")
    qtbot.waitUntil(lambda: "Checking" not in page.status.text(), timeout=10_000)
    qtbot.waitUntil(lambda: page.status.property("role") == "error", timeout=10_000)
    assert not wizard.next_button.isEnabled()

    good = ln.address("shop")
    page.address.setText(good)
    page.address.textEdited.emit(good)
    qtbot.waitUntil(wizard.next_button.isEnabled, timeout=10_000)
    assert "from 10 to 5,000 sat" in page.status.text()
    out = screenshots_dir(tmp_path) / "settings"
    out.mkdir(parents=True, exist_ok=True)
    wizard.grab().save(str(out / "wizard_4d_lightning.png"))

    wizard.go_back()
    assert wizard.page is wizard.payments
    wizard.go_next()
    assert page.address.text() == good and wizard.next_button.isEnabled()  # Back lost nothing
    assert page.settings() == {"lightning.address": good}
    wizard.show_page(wizard.summary)
    summary = wizard.summary.summary.text()
    assert f"Lightning address: {good} (10 to 5,000 sat)" in summary


def test_keeping_ecash_makes_the_address_optional(wizard):
    wizard.show_page(wizard.payments)
    wizard.go_next()
    assert wizard.page is wizard.lightning and "Optional" in wizard.lightning.need.text()
    assert wizard.next_button.isEnabled() and wizard.lightning.settings() == {}


def test_only_the_newest_answer_counts(qtbot, qloop):
    async def slow_then_fast(value: str) -> str:
        await asyncio.sleep(0.3 if value == "old" else 0.0)
        return value.upper()

    owner = QObject()
    live = LiveCheck(slow_then_fast, delay_ms=0, parent=owner)
    heard = []
    live.passed.connect(lambda value, answer: heard.append((value, answer)))
    live.now("old")
    live.now("new")
    qtbot.wait(500)
    assert heard == [("new", "NEW")]


@pytest.mark.mint
@pytest.mark.parametrize("preset", ["cafe", "market", "online", "minimal"])
def test_each_preset_walked_to_the_end_is_what_the_shop_gets(
    preset, qtbot, qloop, arun, tmp_path, mint, monkeypatch
):
    from pos_app.app import mint_inspector
    from pos_app.core.store import keys
    from tests.gui.test_setup_and_settings import RESTORE_WORDS, check_mint

    monkeypatch.setenv(keys.ENV_KEY, keys.new_random_key())

    async def walk(ln: LnurlServer):
        async with mint_inspector(trust_env=False) as inspect:
            wizard = SetupWizard(
                tmp_path / "shop",
                inspect,
                keyring_available=False,
                env_key=True,
                lightning=lightning,
            )
            done = asyncio.ensure_future(wizard.wait())
            await asyncio.sleep(0)
            wizard.welcome.restore.setChecked(True)
            wizard.go_next()
            wizard.restore.edit.setPlainText(RESTORE_WORDS)
            for _ in range(2):  # the words, the key (from POS_DB_KEY)
                wizard.go_next()
            wizard.shop.name.setText(f"A {preset} shop")
            wizard.go_next()
            payments = wizard.payments
            payments.preset.setCurrentIndex(payments.preset.findData(preset))
            wizard.go_next()
            page = wizard.lightning
            assert wizard.page is page
            # The online shop pays out on the timer: its preset needs the address.
            assert page.required is (preset == "online")
            if page.required:
                assert not wizard.next_button.isEnabled()
                page.address.setText(ln.address("shop"))
                page.address.textEdited.emit(ln.address("shop"))
                while not wizard.next_button.isEnabled():
                    await asyncio.sleep(0.05)
            wizard.go_next()
            assert wizard.page is wizard.fees
            wizard.go_next()
            return wizard, done

    with LnurlServer() as ln:
        wizard, done = arun(walk(ln))
        check_mint(qtbot, wizard.mints.check, mint.url)
        wizard.mints.add_button.click()
        wizard.go_next()  # to the camera test
        wizard.go_next()  # to the printer
        wizard.go_next()  # to the owner
        wizard.go_next()  # no staff accounts
        assert wizard.page is wizard.summary
        title = wizard.payments.preset.currentText()
        assert f"Preset: {title}" in wizard.summary.summary.text()
        wizard.go_next()  # Finish
        qtbot.waitUntil(done.done, timeout=30_000)
    app = done.result()
    try:
        assert arun(app.presets.preview(preset)) == []  # every setting of the preset holds
        values = arun(app.settings.values())
        assert values["shop.name"] == f"A {preset} shop"
        assert bool(values["lightning.address"]) is (preset == "online")
    finally:
        arun(app.aclose())
        wizard.deleteLater()


@pytest.fixture
def settings_page(ui, qtbot):
    return show_settings_page(qtbot, ui)


def test_setup_run_again_from_settings_changes_the_shop_and_keeps_the_wallet(
    settings_page, ui, arun, qtbot
):
    core = ui.core
    arun(
        core.settings.set_many(
            {"shop.name": "Old name", "shop.vat_number": "DE1", "fees.max_mint_fee_pct": 1.5}
            | {"receipt.printer": "Kitchen", "receipt.paper": "58mm", "camera.source": "2"}
        )
    )
    words = core.wallet.mnemonic()
    with LnurlServer() as ln:
        settings_page.rerun_button.click()
        qtbot.waitUntil(lambda: settings_page.rerun_wizard is not None, timeout=5000)
        wizard = settings_page.rerun_wizard
        assert wizard.page is wizard.shop and not wizard.back_button.isEnabled()
        assert (wizard.shop.name.text(), wizard.shop.vat_number.text()) == ("Old name", "DE1")
        assert wizard.step.text() == "Step 1 of 7"
        wizard.shop.name.setText("New name")
        wizard.go_next()
        wizard.payments.modes.button(1).setChecked(True)  # other mints' ecash to Lightning
        wizard.go_next()
        page = wizard.lightning
        assert page.required and not wizard.next_button.isEnabled()
        page.address.setText(ln.address("till"))
        page.address.textEdited.emit(ln.address("till"))
        qtbot.waitUntil(wizard.next_button.isEnabled, timeout=10_000)
        wizard.go_next()
        assert wizard.page is wizard.fees
        assert wizard.fees.fields["fees.max_mint_fee_pct"].raw() == "1.5"  # as stored
        wizard.fees.fields["limits.day_max_sat"].editor.setText("900000")
        wizard.go_next()
        assert wizard.page is wizard.camera and wizard.camera.source() == "2"
        wizard.go_next()
        assert wizard.page is wizard.printer
        assert wizard.printer.printer.currentText() == "Kitchen (not installed)"
        wizard.go_next()
        summary = wizard.summary.summary.text()
        assert "stay as they are" in summary and "900000" in summary
        wizard.go_next()  # Finish
        qtbot.waitUntil(lambda: settings_page.rerun_wizard is None, timeout=10_000)
    values = arun(core.settings.values())
    assert (values["shop.name"], values["mode"]) == ("New name", "hold_when_trusted")
    assert values["lightning.address"] == ln.address("till")
    assert (values["limits.day_max_sat"], values["fees.max_mint_fee_pct"]) == (900000, 1.5)
    assert (values["receipt.printer"], values["receipt.paper"]) == ("Kitchen", "58mm")
    assert values["camera.source"] == "2"  # kept as stored, though not tested here
    assert core.wallet.mnemonic() == words  # the wallet is the same
    assert settings_page.field("shop.name").raw() == "New name"  # the form shows it


def test_cancelling_setup_run_again_changes_nothing(settings_page, ui, arun, qtbot):
    arun(ui.core.settings.set_many({"shop.name": "Kept"}))
    settings_page.rerun_button.click()
    qtbot.waitUntil(lambda: settings_page.rerun_wizard is not None, timeout=5000)
    wizard = settings_page.rerun_wizard
    wizard.shop.name.setText("Changed")
    wizard.go_next()
    wizard.quit_button.click()  # Cancel
    qtbot.waitUntil(lambda: settings_page.rerun_wizard is None, timeout=5000)
    assert arun(ui.core.settings.values())["shop.name"] == "Kept"


def test_every_step_links_to_its_section_of_the_local_help(qtbot, qloop, tmp_path, monkeypatch):
    import re
    from pathlib import Path

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QDesktopServices

    wizard = SetupWizard(
        tmp_path / "w", lambda url: None, keyring_available=False, env_key=False,
        lightning=lightning,
    )  # fmt: skip
    qtbot.addWidget(wizard)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    page_file = Path(wizard.help_url().toLocalFile())
    html = page_file.read_text(encoding="utf-8")
    sections = set(re.findall(r'id="([a-z-]+)"', html))
    assert "https://" not in html and "http://" not in html  # it works offline
    for page in wizard.all_pages:
        assert page.help_anchor in sections, type(page).__name__
    wizard.show_page(wizard.lightning)
    wizard.help_button.click()
    qtbot.keyClick(wizard, Qt.Key.Key_F1)
    assert [u.fragment() for u in opened] == ["lightning", "lightning"]
    assert all(u.isLocalFile() and Path(u.toLocalFile()) == page_file for u in opened)
    # The bundle ships the help beside the app (build.spec), and its self-test checks it.
    spec = (Path(__file__).resolve().parents[2] / "build.spec").read_text()
    assert '"docs" / "help", "docs/help"' in spec
