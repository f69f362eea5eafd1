"""The API's moving window: exact at its edges, and idle identities are forgotten."""

from __future__ import annotations

from pos_app.api import limits
from pos_app.api.limits import Guard, MovingWindow


def test_the_window_moves_call_by_call():
    now = [0.0]
    window = MovingWindow(2, 10.0, lambda: now[0])
    assert window.hit("k") is None
    now[0] = 2.0
    assert window.hit("k") is None
    now[0] = 4.0
    assert window.hit("k") == 6.0  # the first call leaves the window at t=10
    assert window.remaining("k") == 0
    now[0] = 10.0
    assert window.remaining("k") == 1 and window.hit("k") is None
    assert window.hit("other") is None  # identities count apart


def test_idle_identities_are_pruned(monkeypatch):
    monkeypatch.setattr(limits, "PRUNE_ABOVE", 3)
    now = [0.0]
    window = MovingWindow(1, 1.0, lambda: now[0])
    for name in ("a", "b", "c"):
        window.hit(name)
    now[0] = 5.0
    window.hit("d")  # four identities: the three idle ones go
    assert set(window._calls) == {"d"}


def test_a_block_ends_and_the_count_starts_afresh():
    now = [0.0]
    guard = Guard(100, 100, failures=2, failure_window=60, block_seconds=30, clock=lambda: now[0])
    assert guard.failed("10.0.0.9") is False
    assert guard.failed("10.0.0.9") is True  # the second failure blocks
    assert guard.client("10.0.0.9").code == "api.blocked"
    assert guard.client("10.0.0.8") is None  # others are not touched
    now[0] = 31.0
    assert guard.client("10.0.0.9") is None
    assert guard.failed("10.0.0.9") is False  # one failure after the block: not blocked again
