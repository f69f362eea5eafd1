"""The Sell page: the cashier's keypad, then the payment view of the sale it creates.

Charge (Enter) creates the sale (``core.sales.new_sale``, which locks the rate);
the page then shows the :class:`~pos_app.ui.pages.payment.PaymentView` until the
sale is paid, cancelled or expired, and goes back to the keypad. It also keeps the
customer display (a second window, ``display.customer_screen``) in step.
"""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from pos_app.core.config import tip_presets, vat_rates
from pos_app.core.errors import PosError
from pos_app.core.payments.basket import Line
from pos_app.core.payments.rates import Rate
from pos_app.ui.context import UiContext
from pos_app.ui.customer_display import CustomerDisplay, pick_screen
from pos_app.ui.messages import explain_error
from pos_app.ui.page import Page
from pos_app.ui.pages.payment import ACCEPTING, PaymentView
from pos_app.ui.tasks import Newest, spawn
from pos_app.ui.widgets.basket_panel import BasketPanel
from pos_app.ui.widgets.keypad import Keypad
from pos_app.ui.widgets.mint_banner import AllOfflinePrompt, ShopMintsBanner
from pos_app.ui.widgets.tip_chooser import TipChooser

log = logging.getLogger(__name__)


class SellPage(Page):
    """Keypad and payment view in a stack; the first page of the main window (F1)."""

    shortcut = "F1"
    settings_applied = Signal()  # the keypad knows the shop's currency: it can take an amount

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.title = self.tr("Sell")
        self.settings: dict[str, Any] = {}
        self.customer: CustomerDisplay | None = None
        self.keypad = Keypad()
        self.payment = PaymentView(ui)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.keypad)
        self.stack.addWidget(self.payment)
        self.tips = TipChooser()
        self.tips.chosen.connect(self._tip_chosen)
        self.tips.back.clicked.connect(self._tip_cancelled)
        self.stack.addWidget(self.tips)
        self._tip: str | None = None  # the tip chosen for the sale being made
        self._made: tuple[list[Any], str | None, str, str | None] | None = None  # for renewal
        self._asking: tuple[str, str, bool] | None = None  # the charge waiting for a tip
        self.mints_banner = ShopMintsBanner(ui)
        self.offline_prompt = AllOfflinePrompt()
        self.offline_prompt.anyway.connect(self._charge_anyway)
        self.offline_prompt.dismissed.connect(self.keypad.setFocus)
        self._refused: tuple[str, str] | None = None  # the sale refused for offline mints
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.mints_banner)
        layout.addWidget(self.offline_prompt)
        self.basket = BasketPanel()
        self.basket.hide()  # a shop without items keeps the plain keypad
        self.basket.add_amount.clicked.connect(self._add_amount_line)
        self.basket.changed.connect(self._mirror_basket)
        self.basket.changed.connect(self._show_basket)
        self.keypad.can_charge_empty = lambda: bool(self.basket.lines)
        row = QHBoxLayout()
        row.addWidget(self.stack, 1)
        row.addWidget(self.basket)
        layout.addLayout(row)
        self.keypad.charge.connect(self.charge)
        self.payment.done.connect(self.back_to_keypad)
        self.payment.renew.connect(self._renew)
        self.payment.state_changed.connect(self._mirror)
        self._charging = False
        self._items_reads = Newest()  # loads overlap: only the newest answer is shown
        ui.bridge.items_changed.connect(self.reload_items)

    # -- page hooks ---------------------------------------------------------------------------

    @property
    def on_keypad(self) -> bool:
        """True while the keypad (not a sale) is shown."""
        return self.stack.currentWidget() is self.keypad

    def open_sale(self) -> dict[str, Any] | None:
        """The sale shown while it can still take a token (or one is being redeemed)."""
        if self.on_keypad or self.payment.state not in (*ACCEPTING, "processing"):
            return None
        return self.payment.sale or None

    def activated(self) -> None:
        """Give the keys to the keypad (or the sale) and reload the settings."""
        if self.on_keypad:
            self.keypad.setFocus()
        else:
            self.payment.setFocus()
            if self.payment.state in ACCEPTING and not self.payment.scan.scanning:
                self.payment.scan.start()
        self.reload_settings()
        self.mints_banner.check()

    def reload_items(self) -> None:
        """Read the catalogue off the GUI thread, then rebuild the quick keys.

        Loads can overlap (settings reloaded while the catalogue changes): only the
        newest one's answer is shown.
        """
        self._items_reads.spawn(
            self._load_items(), on_done=self._items_loaded, on_error=self.ui.report
        )

    async def _load_items(self) -> tuple[list[dict[str, Any]], Decimal | None]:
        items = await self.ui.core.items.list(include_inactive=False)
        settings = await self.ui.settings()
        currency = settings["currency"]
        if currency == "sat" or not any(i["unit"] == "sat" for i in items):
            return items, None
        try:  # sat-priced items in a fiat shop: their keys need the rate
            rate = await self.ui.core.sales.rate_service(settings).rate(currency)
        except PosError as err:
            log.info("no rate for sat-priced items: %s", err.code)
            return items, None
        return items, rate.btc_price

    def _items_loaded(self, answer: tuple[list[dict[str, Any]], Decimal | None]) -> None:
        self.apply_items(*answer)

    def apply_items(self, items: list[dict[str, Any]], sat_rate: Decimal | None = None) -> None:
        """Quick keys for ``items``; the basket shows only when there are some (or lines)."""
        self.basket.set_items(items, sat_rate)
        self._show_basket()

    def _show_basket(self) -> None:
        self.keypad.refresh()  # Charge is enabled by the basket's lines too
        self.basket.setVisible(
            self.on_keypad and (self.basket.has_items or bool(self.basket.lines))
        )

    def deactivated(self) -> None:
        """Another page is shown: free the camera (the sale stays open)."""
        if not self.on_keypad:
            self.payment.scan.stop()

    def shutdown(self) -> None:
        """Stop the camera and close the customer display."""
        self.payment.shutdown()
        if self.customer is not None:
            self.customer.close()
            self.customer = None

    # -- settings -----------------------------------------------------------------------------

    def reload_settings(self) -> None:
        """Read the settings off the GUI thread, then apply them."""
        spawn(self.ui.settings(), on_done=self.apply_settings, on_error=self.ui.report)

    def apply_settings(self, values: dict[str, Any]) -> None:
        """Currency, fee advance, rate estimate and customer display from the settings."""
        self.settings = values
        currency = values["currency"]
        advance = int(values.get("fees.customer_advance") or 0)
        self.keypad.set_currency(currency)
        if currency != self.basket.currency:
            self.basket.clear()  # lines priced in another currency
        self.basket.set_rules(values, vat_rates(values["vat.rates"])[0])
        self.reload_items()
        if currency == "sat":
            self.keypad.set_rate(None, advance=advance)
        else:
            self.keypad.set_rate(None, self.tr("Getting the exchange rate…"), advance)
            service = self.ui.core.sales.rate_service(values)
            spawn(
                service.rate(currency),
                on_done=lambda rate: self._got_rate(rate, currency, advance),
                on_error=lambda _err: self._no_rate(currency, advance),
            )
        self.set_customer_screen(int(values.get("display.customer_screen", -1)))
        self.settings_applied.emit()

    def _got_rate(self, rate: Rate, currency: str, advance: int) -> None:
        if currency == self.keypad.currency:
            self.keypad.set_rate(rate, advance=advance)

    def _no_rate(self, currency: str, advance: int) -> None:
        if currency == self.keypad.currency:
            self.keypad.set_rate(
                None,
                self.tr("No exchange rate right now: the sat amount is set when one is found."),
                advance,
            )

    def set_customer_screen(self, index: int) -> None:
        """Open the customer display on screen ``index`` (-1 or a missing screen: close it)."""
        if index < 0 or pick_screen(index) is None:
            if self.customer is not None:
                self.customer.close()
                self.customer = None
            return
        if self.customer is None:
            self.customer = CustomerDisplay(training=bool(getattr(self.ui.core, "training", False)))
            self.customer.tips.chosen.connect(self._tip_chosen)
            self._mirror_current()
        self.customer.place_on(index)

    # -- the sale -----------------------------------------------------------------------------

    def charge(self, amount: str, memo: str = "", *, offline_ok: bool = False) -> None:
        """Create a sale for ``amount`` (shop currency) and show its payment view.

        ``offline_ok``: the cashier chose to show the request although every trusted
        mint is offline (the core refuses the sale otherwise).
        """
        if self._charging:
            return
        if (
            self.on_keypad
            and self.settings.get("tips.enabled")
            and self._ask_tip(amount, memo, offline_ok)
        ):
            return
        self._charging = True
        self.offline_prompt.hide()
        self.keypad.set_busy(True)
        self.mints_banner.check()  # fresh mint health as the sale starts, not a minute old
        spawn(
            self._new_sale(amount, memo, offline_ok=offline_ok),
            on_done=self._sale_created,
            on_error=lambda err: self._charge_failed(err, amount, memo),
        )

    def _ask_tip(self, amount: str, memo: str, offline_ok: bool) -> bool:
        """Show the tip choice (here and on the customer display); False: nothing to tip on."""
        currency = self.settings["currency"]
        lines = list(self.basket.lines)
        if amount:
            lines.append(
                Line("Amount", Decimal(1), Decimal(amount), self.basket.default_rate, "custom")
            )
        presets = tip_presets(self.settings.get("tips.presets") or "")
        try:
            base = self.basket.preview_of(lines)
            offers = self.basket.tip_offers(lines, presets)
        except (PosError, ArithmeticError):
            return False  # the core says what is wrong at Charge
        if base is None:
            return False
        self._asking = (amount, memo, offline_ok)
        self.tips.offer(base["total"], currency, offers)
        self.stack.setCurrentWidget(self.tips)
        self._show_basket()
        if self.customer is not None:
            self.customer.offer_tip(base["total"], currency, offers)
        return True

    def _tip_chosen(self, tip: str) -> None:
        if self._asking is None:
            return
        amount, memo, offline_ok = self._asking
        self._asking = None
        self._tip = tip or None
        self.stack.setCurrentWidget(self.keypad)
        self._show_basket()
        self.keypad.set_busy(True)
        self._charging = True
        self.offline_prompt.hide()
        spawn(
            self._new_sale(amount, memo, offline_ok=offline_ok),
            on_done=self._sale_created,
            on_error=lambda err: self._charge_failed(err, amount, memo),
        )

    def _renew(self, amount: str, memo: str) -> None:
        """A new sale for the expired one: a basket sale again with its lines, discount, tip."""
        if self._made is None:
            self.charge(amount, memo)
            return
        lines, discount, reason, tip = self._made
        self.basket.restore(lines, discount, reason)
        self._tip = tip
        self.charge("", memo)

    def _tip_cancelled(self) -> None:
        """Back to the basket: the cashier changes something before the customer chooses."""
        self._asking = None
        self.back_to_keypad()
        self._mirror_basket()

    def _new_sale(
        self, amount: str, memo: str, *, offline_ok: bool = False, manager_override: bool = False
    ) -> Any:
        """The core's ``new_sale`` for the keypad's amount, or the basket when it has lines.

        With a basket, a typed amount is one more custom line (the core adds it).
        """
        currency = self.settings.get("currency") or None
        sales = self.ui.core.sales
        if not self.basket.lines and self._tip is None:
            return sales.new_sale(amount, currency, memo or None, offline_ok=offline_ok)
        return sales.new_sale(
            amount or None, currency, memo or None, offline_ok=offline_ok, tip=self._tip,
            items=self.basket.specs(), discount=self.basket.discount,
            discount_reason=self.basket.discount_reason, manager_override=manager_override,
        )  # fmt: skip

    def _add_amount_line(self) -> None:
        if not self.keypad.has_amount:
            self.keypad.set_error(self.tr("Type an amount first."))
            return
        self.basket.add_custom(self.keypad.amount_text.rstrip("."), self.keypad.memo.text().strip())
        self.keypad.clear()
        self._show_basket()

    def _sale_created(self, sale: dict[str, Any]) -> None:
        self._charging = False
        self.keypad.set_busy(False)
        self.keypad.clear()
        self._made = (
            (list(self.basket.lines), self.basket.discount, self.basket.discount_reason, self._tip)
            if self.basket.lines or self._tip is not None
            else None
        )
        self.basket.clear()
        self._tip = None
        self.stack.setCurrentWidget(self.payment)
        self._show_basket()
        if self.customer is not None:
            self.customer.show_sale(
                sale["amount"], sale["currency"], int(sale["due"]), sale["payment_request"]
            )
        self.payment.start(sale)

    def _charge_failed(self, err: PosError, amount: str, memo: str) -> None:
        self._charging = False
        self.keypad.set_busy(False)
        if not self.on_keypad:  # a renewal failed: back to the keypad with the amount
            self.back_to_keypad()
            self.keypad.set_amount(amount)
            self.keypad.memo.setText(memo)
        if err.code == "mint.all_offline":
            self._refused = (amount, memo)
            self.offline_prompt.ask(explain_error(err))
            return  # "Charge anyway" keeps the chosen tip
        if err.code in ("limit.needs_manager", "discount.needs_manager"):
            # a manager's PIN here makes the sale as them
            self._charging = True
            self.keypad.set_busy(True)
            override = err.code == "discount.needs_manager"
            spawn(
                self.ui.allowed(
                    "manager",
                    explain_error(err).text,
                    lambda: self._new_sale(amount, memo, manager_override=override),
                ),
                on_done=self._sale_created,
                on_error=self._charge_refused,
            )
            return
        self._tip = None
        self.keypad.set_error(explain_error(err).text)

    def _charge_refused(self, err: PosError) -> None:
        self._charging = False
        self._tip = None
        self.keypad.set_busy(False)
        self.keypad.set_error(explain_error(err).text)

    def _charge_anyway(self) -> None:
        if self._refused is not None:
            amount, memo = self._refused
            self._refused = None
            if self._tip is not None:  # the customer chose already
                self._asking = (amount, memo, True)
                self._tip_chosen(self._tip)
                return
            self.charge(amount, memo, offline_ok=True)

    def back_to_keypad(self) -> None:
        """Leave the sale shown and wait for the next amount."""
        self.payment.stop()
        self.stack.setCurrentWidget(self.keypad)
        self._show_basket()
        self.keypad.setFocus()
        if self.customer is not None:
            self.customer.set_state("idle")

    # -- customer display ---------------------------------------------------------------------

    def _mirror_basket(self) -> None:
        if self.customer is not None and self.on_keypad:
            self.customer.show_basket(self.basket.preview())

    def _mirror(self, state: str, info: object) -> None:
        if self.customer is None:
            return
        facts = info if isinstance(info, dict) else {}
        self.customer.set_state(
            state, remaining=int(facts.get("remaining", 0)), change=facts.get("change")
        )

    def _mirror_current(self) -> None:
        sale = self.payment.sale
        if self.customer is None or self.on_keypad or not sale:
            return
        self.customer.show_sale(
            sale["amount"], sale["currency"], int(sale["due"]), sale["payment_request"]
        )
        if self.payment.state:
            self.customer.set_state(self.payment.state)
