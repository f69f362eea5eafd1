"""The recovery retry schedule: first delay, growth and ceiling, read from the settings."""

from __future__ import annotations

import pytest

from pos_app.core.config import OPTIONS
from pos_app.core.wallet.recovery import Outcome, RetryPolicy


@pytest.mark.parametrize(
    ("attempts", "expected"),
    [(-3, 10.0), (0, 10.0), (1, 30.0), (2, 90.0), (3, 270.0), (4, 500.0), (40, 500.0)],
)
def test_delay_grows_by_the_factor_up_to_the_ceiling(attempts, expected):
    policy = RetryPolicy(first_delay=10.0, factor=3.0, max_delay=500.0, max_attempts=5)
    assert policy.delay(attempts) == expected


def test_defaults():
    policy = RetryPolicy()
    assert (policy.first_delay, policy.factor, policy.max_delay, policy.max_attempts) == (
        10.0,
        2.0,
        3600.0,
        20,
    )
    assert [policy.delay(n) for n in range(4)] == [10.0, 20.0, 40.0, 80.0]
    assert policy.delay(9) == 3600.0  # 5120 is past the hour


def test_from_settings_reads_each_setting():
    values = {key: opt.default for key, opt in OPTIONS.items()}
    values.update(
        {
            "retry.first_delay_seconds": "7",
            "retry.backoff_factor": "1.5",
            "retry.max_delay_seconds": 99,
            "retry.max_attempts": "4",
        }
    )
    policy = RetryPolicy.from_settings(values)
    assert policy == RetryPolicy(first_delay=7.0, factor=1.5, max_delay=99.0, max_attempts=4)
    assert type(policy.max_attempts) is int and type(policy.first_delay) is float


def test_outcome_as_json():
    outcome = Outcome("op-1", "swap", "done", "completed", "mint.down", 21)
    assert outcome.to_dict() == {
        "id": "op-1",
        "kind": "swap",
        "state": "done",
        "action": "completed",
        "error_code": "mint.down",
        "amount": 21,
    }
