"""Settings in a shop's words: basics first, an Advanced section, currency and language pickers."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from pos_app import language
from pos_app.core.config import OPTIONS
from pos_app.core.wallet.mints import MintReport
from pos_app.ui.currencies import currency_code
from pos_app.ui.pages.settings import SettingsPage
from pos_app.ui.widgets.mint_check import report_html

# Protocol words a shop owner should not meet on the Settings page's basics.
JARGON = re.compile(r"\bNUT|P2PK|DLEQ|JSON|p50|p95|backoff|-1: off|keyset", re.IGNORECASE)


@pytest.fixture
def page(ui, qtbot) -> SettingsPage:
    page = SettingsPage(ui)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    page.activated()
    qtbot.waitUntil(lambda: page._loaded)
    return page


def visible_texts(widget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisible()]


def test_basics_first_advanced_on_demand(page, qtbot):
    basic = [k for k, o in OPTIONS.items() if not o.advanced]
    advanced = [k for k, o in OPTIONS.items() if o.advanced]
    assert {"mode", "currency", "lightning.address", "language"} <= set(basic)
    assert {"retry.backoff_factor", "rate.sources", "health.interval_seconds"} <= set(advanced)
    assert all(page.field(k).isVisible() for k in basic)
    assert not any(page.field(k).isVisible() for k in advanced)
    assert not [t for t in visible_texts(page) if JARGON.search(t)]

    page.advanced_button.click()
    assert all(page.field(k).isVisible() for k in advanced)
    assert page.advanced_button.text() == "▾ Hide advanced settings"
    page.advanced_button.click()
    assert not page.advanced.isVisible()


def test_every_option_speaks_plainly():
    for option in OPTIONS.values():
        assert not JARGON.search(option.label), option.key
        assert not JARGON.search(option.help), option.key


def test_a_refused_advanced_value_opens_its_section(page, qtbot):
    backoff = page.field("retry.backoff_factor")
    backoff.editor.setText("99")
    page.save()
    assert page.advanced.isVisible() and backoff.error.isVisible()


def test_currency_picker_lists_names_and_takes_codes(page, ui, arun, qtbot):
    field = page.field("currency")
    names = [field.editor.itemText(i) for i in range(field.editor.count())]
    assert names[0] == "Bitcoin (sat)" and "Euro (EUR)" in names and "Swiss franc (CHF)" in names
    field.editor.setCurrentIndex(names.index("Swiss franc (CHF)"))
    assert field.raw() == "CHF"
    field.editor.setEditText("euro")
    assert field.raw() == "EUR"
    field.editor.setEditText("nzd")
    assert field.raw() == "NZD"
    assert currency_code("Euro (EUR)") == "EUR" and currency_code("Fantasy") == "Fantasy"
    field.editor.setEditText("Fantasy")
    page.save()
    assert field.error.isVisible() and "three-letter" in field.error.text()


def test_language_choice_is_kept_for_the_next_start(page, ui, qtbot):
    field = page.field("language")
    names = [field.editor.itemText(i) for i in range(field.editor.count())]
    assert names == ["Same as the computer", "English", "Deutsch", "Français", "Español"]
    field.editor.setCurrentIndex(names.index("Français"))
    field.edited.emit()
    page.save()
    qtbot.waitUntil(lambda: "Saved" in page.status.text(), timeout=10_000)
    assert language.preference(ui.core.data_dir) == "fr"


def test_mint_check_says_what_a_mint_can_do():
    report = MintReport(
        url="https://mint.example",
        name="Example",
        units=["sat"],
        nuts=[4, 5, 7, 9, 12],
        missing=[],
        warnings=["missing NUT-11 P2PK locks"],
        has_dleq=True,
    )
    html = report_html(report)
    assert "Has everything a shop needs" in html
    assert "tokens made out to the shop (offline payments)" in html
    assert "Supported NUTs" not in html and "Technical: Cashu NUTs 4, 5, 7, 9, 12" in html
    broken = report_html(
        MintReport(
            url="https://m.example",
            name="",
            units=[],
            nuts=[4],
            missing=["NUT-07 proof state checks", "a sat keyset"],
            warnings=[],
            has_dleq=False,
        )
    )
    assert "checks whether a token is spent" in broken and "prices in sats" in broken


def test_request_format_button_needs_no_protocol_words(qtbot):
    from pos_app.ui.widgets.sale_code import SaleCode

    code = SaleCode()
    qtbot.addWidget(code)
    code.show_request("creqAexample", "creqb1example")
    assert not JARGON.search(code.format_button.text())
    assert "NUT-18" in code.format_button.toolTip()  # details stay for the curious
    code.toggle_format()
    assert code.qr.text == "creqb1example" and "classic" in code.format_button.text()
    assert Qt.FocusPolicy.NoFocus == code.format_button.focusPolicy()
