"""The one place where core events become Qt signals.

The core publishes typed events on its bus (from the asyncio loop, which is the
Qt main thread under qasync); widgets connect to these signals and never to the
bus directly, so a view refreshes only what an event says changed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from pos_app.core import events as ev


class CoreBridge(QObject):
    """Re-emits core events as Qt signals."""

    sale_changed = Signal(str, str, int, int)  # sale id, state, paid, due
    sale_paid = Signal(str, int, str, object)  # sale id, amount, unit, change token or None
    payment_rejected = Signal(str, str, str)  # sale id, code, message
    balance_changed = Signal(str, str)  # mint, unit
    exports_changed = Signal(int, int)  # exports claimed, partly claimed
    operation_changed = Signal(str, str, str, object)  # id, kind, state, error code
    operation_recovered = Signal(str, str, int)  # id, kind, amount
    mint_health_changed = Signal(str, str, object, object)  # mint, status, previous, latency ms
    notification = Signal(str, str, str, str, object)  # level, title, body, kind, data
    settings_saved = Signal(object)  # {key: value} just stored (from the Settings page)
    items_changed = Signal()  # the catalogue was changed (from the Settings page)

    def __init__(self, bus: ev.EventBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe = [
            bus.subscribe(
                ev.SaleChanged, lambda e: self.sale_changed.emit(e.sale_id, e.state, e.paid, e.due)
            ),
            bus.subscribe(
                ev.SalePaid,
                lambda e: self.sale_paid.emit(e.sale_id, e.amount, e.unit, e.change_token),
            ),
            bus.subscribe(
                ev.PaymentRejected,
                lambda e: self.payment_rejected.emit(e.sale_id, e.code, e.message),
            ),
            bus.subscribe(ev.BalanceChanged, lambda e: self.balance_changed.emit(e.mint, e.unit)),
            bus.subscribe(
                ev.ExportsChanged, lambda e: self.exports_changed.emit(e.claimed, e.partly)
            ),
            bus.subscribe(
                ev.OperationChanged,
                lambda e: self.operation_changed.emit(
                    e.operation_id, e.kind, e.state, e.error_code
                ),
            ),
            bus.subscribe(
                ev.OperationRecovered,
                lambda e: self.operation_recovered.emit(e.operation_id, e.kind, e.amount),
            ),
            bus.subscribe(
                ev.MintHealthChanged,
                lambda e: self.mint_health_changed.emit(e.mint, e.status, e.previous, e.latency_ms),
            ),
            bus.subscribe(
                ev.Notification,
                lambda e: self.notification.emit(e.level, e.title, e.body, e.kind, e.data),
            ),
        ]

    def detach(self) -> None:
        """Stop listening to the bus (before the core closes)."""
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []
