"""One formatting module: amounts with the shop language's decimal and grouping marks."""

from __future__ import annotations

import pytest

from pos_app.cli.wallet_cmds import balance_text
from pos_app.core import formatting as f


@pytest.fixture(autouse=True)
def neutral_marks():
    yield
    f.use(f.NEUTRAL)


@pytest.mark.parametrize(
    ("language", "sats", "money"),
    [
        ("en", "1,234,567 sat", "1,234.50 EUR"),
        ("de", "1.234.567 sat", "1.234,50 EUR"),
        ("fr", "1\u202f234\u202f567 sat", "1\u202f234,50 EUR"),
        ("es", "1.234.567 sat", "1.234,50 EUR"),
        ("xx", "1\u202f234\u202f567 sat", "1\u202f234.50 EUR"),
    ],
)
def test_amounts_read_as_the_shops_language(language, sats, money):
    f.use(f.marks_for(language))
    assert f.sats(1_234_567) == sats
    assert f.money("1234.5", "eur") == money


def test_grouping_boundaries_and_signs():
    f.use(f.MARKS["en"])
    assert [f.sats(n) for n in (0, 1, 999, 1000, 999_999, 1_000_000)] == [
        "0 sat",
        "1 sat",
        "999 sat",
        "1,000 sat",
        "999,999 sat",
        "1,000,000 sat",
    ]
    assert f.sats(-1234) == "-1,234 sat" and f.sats(None) == "—"
    assert f.sats(5, "msat") == "5 msat"
    assert f.money("-0.5", "usd") == "-0.50 USD"
    assert f.money("12.345", "eur") == "12.345 EUR"  # decimals are never cut
    assert f.money("2100", "sat") == "2,100 sat" and f.money("x", "sat") == "x sat"


def test_fiat_of_a_sat_amount_at_the_sales_rate():
    f.use(f.MARKS["de"])
    assert f.fiat_of(100_000, "95000.50", "eur") == "95,00 EUR"
    assert f.fiat_of(1, "95000", "eur") == "0,00 EUR"
    assert f.fiat_of(100, None, "eur") == "" and f.fiat_of(100, "1", "sat") == ""
    assert f.fiat_of(100, "not a rate", "eur") == ""


@pytest.mark.parametrize(
    ("env", "language"),
    [
        ({"LANG": "de_DE.UTF-8"}, "de"),
        ({"LANG": "en_US.UTF-8", "LC_NUMERIC": "fr_FR.UTF-8"}, "fr"),
        ({"LC_ALL": "es_ES", "LANG": "de_DE.UTF-8"}, "es"),
        ({"LANG": "C.UTF-8"}, ""),
        ({}, ""),
    ],
)
def test_system_means_the_process_locale(monkeypatch, env, language):
    for var in ("LC_ALL", "LC_NUMERIC", "LANG"):
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    assert f.system_language() == language
    assert f.marks_for("system") == f.MARKS.get(language, f.NEUTRAL)
    assert f.marks_for("de") == f.Marks(",", ".")  # a chosen language wins


def test_mint_labels():
    assert f.short_mint("https://mint.example.com/") == "mint.example.com"
    assert f.short_mint("http://127.0.0.1:3338") == "127.0.0.1:3338"
    assert f.short_mint(None) == "—"
    assert f.mints_label("https://a.example", 3) == "a.example +2"
    assert f.mints_label("https://a.example", 1) == "a.example"


def test_the_command_lines_balance_uses_the_same_marks():
    f.use(f.MARKS["de"])
    balance = {
        "balances": [
            {"mint": "https://a.example", "unit": "sat", "amount": 1200},
            {"mint": "http://127.0.0.1:3338", "unit": "sat", "amount": 34},
        ],
        "total": {"sat": 1234},
    }
    assert balance_text(balance) == (
        "total: 1.234 sat\n  a.example: 1.200 sat\n  127.0.0.1:3338: 34 sat"
    )
    assert balance_text({"balances": [], "total": {}}) == "total: 0 sat"
