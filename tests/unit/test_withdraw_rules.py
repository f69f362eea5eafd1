"""The withdrawal settings' bounds and the amount and fee-cap rules, at their edges."""

from __future__ import annotations

import pytest

from pos_app.core.config import OPTIONS
from pos_app.core.errors import ConfigError
from pos_app.core.payments.lnurl import PayParams
from pos_app.core.payments.withdraw import fee_over_cap, withdraw_amount


def params(min_msat: int = 1_000, max_msat: int = 10_000_000) -> PayParams:
    return PayParams("https://example.com/cb", min_msat, max_msat, "[]")


@pytest.mark.parametrize(
    ("key", "raw", "ok"),
    [
        ("withdraw.percent", "49", False),
        ("withdraw.percent", "50", True),
        ("withdraw.percent", "98", True),
        ("withdraw.percent", "99", False),
        ("withdraw.percent", "95.5", False),
        ("withdraw.threshold", "0", False),
        ("withdraw.threshold", "1", True),
        ("withdraw.max_fee_percent", "-0.1", False),
        ("withdraw.max_fee_percent", "50", True),
        ("withdraw.max_fee_percent", "50.1", False),
        ("sweep.max_fee_sat", "-1", False),
        ("sweep.max_fee_sat", "0", True),
        ("sweep.expiry_days", "3651", False),
    ],
)
def test_bounds(key, raw, ok):
    if ok:
        assert OPTIONS[key].parse(raw) == OPTIONS[key].parse(raw.strip())
    else:
        with pytest.raises(ConfigError) as refused:
            OPTIONS[key].parse(raw)
        assert refused.value.data["key"] == key


def test_defaults_leave_automatic_withdrawal_off_and_keep_five_percent():
    assert OPTIONS["withdraw.auto"].default is False
    assert OPTIONS["withdraw.percent"].default == 95
    assert OPTIONS["sweep.expiry_days"].default == 30


def test_amount_is_the_share_rounded_down_and_capped_by_max_sendable():
    assert withdraw_amount(1000, 95, params()) == 950
    assert withdraw_amount(999, 95, params()) == 949  # 949.05
    assert withdraw_amount(1_000_000, 95, params(max_msat=500_000)) == 500
    assert withdraw_amount(1_000_000, 95, params(max_msat=500_999)) == 500  # whole sats only


def test_the_fee_cap_allows_exactly_the_cap_and_refuses_one_sat_more():
    assert not fee_over_cap(19, 950, 2.0)
    assert fee_over_cap(20, 950, 2.0)
    assert not fee_over_cap(0, 950, 0)
    assert fee_over_cap(1, 950, 0)
    assert not fee_over_cap(5, 1000, 0.5)
    assert fee_over_cap(6, 1000, 0.5)
