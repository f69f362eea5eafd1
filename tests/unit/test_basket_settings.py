"""The VAT, tip and discount settings are checked when saved."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pos_app.core.config import OPTIONS, tip_presets, vat_rates
from pos_app.core.errors import ConfigError


def test_vat_rates_normalised_default_first():
    assert OPTIONS["vat.rates"].parse(" 19,7.0 ; 0, 7") == "19, 7, 0"
    assert vat_rates("19, 7, 0") == [Decimal(19), Decimal(7), Decimal(0)]
    assert OPTIONS["vat.rates"].default == "0"


@pytest.mark.parametrize("raw", ["", " , ", "x", "101", "-1", "1.234", "NaN"])
def test_vat_rates_refused(raw):
    with pytest.raises(ConfigError) as err:
        OPTIONS["vat.rates"].parse(raw)
    assert err.value.code == "config.invalid"


def test_tip_presets():
    assert OPTIONS["tips.presets"].parse("5%, 10,15") == "5, 10, 15"
    assert tip_presets("") == []
    with pytest.raises(ConfigError):
        OPTIONS["tips.presets"].parse("1,2,3,4,5,6,7")
    with pytest.raises(ConfigError):
        OPTIONS["tips.presets"].parse("150")


def test_rounding_and_limit():
    assert OPTIONS["vat.rounding"].parse("total") == "total"
    with pytest.raises(ConfigError):
        OPTIONS["vat.rounding"].parse("sale")
    assert OPTIONS["discount.manager_limit_pct"].parse("12.5") == 12.5
    with pytest.raises(ConfigError):
        OPTIONS["discount.manager_limit_pct"].parse("101")
    assert OPTIONS["vat.prices_include"].parse("off") is False
