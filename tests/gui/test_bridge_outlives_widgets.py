"""Core events that arrive after a widget is gone do nothing (the bridge outlives windows).

A lambda connected to the bridge kept running after its widget was deleted and touched
the widget's deleted timer ("Internal C++ object already deleted"); bound methods are
disconnected by Qt when their object goes.
"""

from __future__ import annotations

import pytest
from shiboken6 import Shiboken

from pos_app.ui.pages.health import HealthPage
from pos_app.ui.pages.wallet import WalletPage
from pos_app.ui.widgets.attention_panel import AttentionPanel
from pos_app.ui.widgets.export_history import ExportHistory
from pos_app.ui.widgets.mint_banner import ShopMintsBanner

EVENTS = {
    "sale_changed": ("sale", "paid", 1, 1),
    "balance_changed": ("http://mint.test", "sat"),
    "exports_changed": (1, 0),
    "operation_changed": ("op", "swap", "done", None),
    "operation_recovered": ("op", "swap", 1),
    "mint_health_changed": ("http://mint.test", "offline", "online", None),
}


@pytest.mark.parametrize(
    "widget_class", [AttentionPanel, WalletPage, HealthPage, ExportHistory, ShopMintsBanner]
)
def test_events_after_the_widget_is_deleted_are_ignored(ui, qtbot, widget_class):
    widget = widget_class(ui)
    widget.deleteLater()
    qtbot.waitUntil(lambda: not Shiboken.isValid(widget))
    for name, args in EVENTS.items():
        getattr(ui.bridge, name).emit(*args)  # an exception in a slot fails the test
    qtbot.wait(200)  # past the 150 ms coalescing timers
