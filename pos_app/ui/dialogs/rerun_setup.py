"""Run setup again, on a till in use: the shop, payments, Lightning, fees, camera and printer.

The setup wizard's shop pages, filled with the current settings and checked live as on
the first run; Finish applies the chosen preset and then the pages' settings, Cancel
changes nothing. The wallet, its recovery words, its key, the mints and the staff stay
as they are (the mints and staff have their own places in Settings).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from html import escape
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from pos_app.app import App
from pos_app.core.errors import PosError
from pos_app.core.payments.lnurl import PayParams
from pos_app.core.payments.rates import Rate
from pos_app.ui.dialogs.setup_wizard import SetupWizard
from pos_app.ui.tasks import spawn, until_finished
from pos_app.ui.widgets.setup_pages import SetupPage


class RerunSetup(SetupWizard):
    """The shop's pages of the setup wizard for an existing wallet (the owner, from Settings)."""

    def __init__(
        self,
        app: App,
        values: dict[str, Any],
        *,
        rate: Callable[[str], Awaitable[Rate]] | None,
        lightning: Callable[[str], Awaitable[PayParams]] | None,
        parent: QWidget | None = None,
        **devices: Any,
    ) -> None:
        super().__init__(
            app.data_dir,
            lambda _url: None,  # type: ignore[arg-type,return-value]  (no mints page here)
            keyring_available=False,
            env_key=False,
            rate=rate,
            lightning=lightning,
            parent=parent,
            **devices,
        )
        self.existing = app
        self.setWindowTitle(self.tr("Run setup again"))
        self.quit_button.setText(self.tr("Cancel"))
        shop = self.shop
        shop.name.setText(values.get("shop.name") or "")
        shop.address.setText(values.get("shop.address") or "")
        shop.vat_number.setText(values.get("shop.vat_number") or "")
        index = shop.currency.findData(values.get("currency"))
        if index < 0:
            shop.currency.addItem(str(values.get("currency")), values.get("currency"))
            index = shop.currency.count() - 1
        shop.currency.setCurrentIndex(index)
        for button in self.payments.modes.buttons():
            button.setChecked(button.property("mode") == values.get("mode"))
        if self.lightning is not None:
            self.lightning.prefill(values.get("lightning.address") or "")
        self.fees.set_values(values)
        self.camera.field.set_value(values.get("camera.source") or "0")
        self.printer.set_values(values)
        self.show_page(self.shop)

    def path(self) -> list[SetupPage]:
        """The shop's pages only."""
        return [
            self.shop,
            self.payments,
            *([self.lightning] if self.lightning else []),
            self.fees,
            self.camera,
            self.printer,
            self.summary,
        ]

    def _fill_summary(self) -> None:
        items = [
            self.tr("Shop: {name}, prices in {currency}").format(
                name=self.shop.name.text().strip() or self.tr("(no name)"),
                currency=self.shop.currency.currentData(),
            ),
            self.tr("Payments: {mode}").format(mode=self.payments.modes.checkedButton().text()),
            self.tr("Preset: {preset}").format(preset=self.payments.preset.currentText()),
            *self._live_lines(),
            self._fees_line(),
            self.camera.summary(),
            self.printer.summary(),
            self.tr("The wallet, its mints and the staff accounts stay as they are."),
        ]
        self.summary.summary.setText(
            "<ul style='margin-left:-20px'>"
            + "".join(f"<li style='margin-bottom:6px'>{escape(i)}</li>" for i in items)
            + "</ul>"
        )

    def finish(self) -> None:
        """Apply the preset, then what the pages say, in the background."""
        spawn(self._apply(), on_done=lambda _r: self.accept(), on_error=self._refused)

    async def _apply(self) -> None:
        self.set_busy(self.tr("Saving the shop's settings…"))
        if self.payments.preset_name:
            await self.existing.presets.apply(self.payments.preset_name)
        await self.existing.settings.set_many(self.chosen())
        self.set_busy(None)

    def _refused(self, err: PosError) -> None:
        self.set_busy(None)
        self.summary.error.setText(err.user_message)
        self.summary.error.show()

    async def changed(self) -> bool:
        """Show it and resolve when it closes: True when Finish saved the settings."""
        return await until_finished(self) == QDialog.DialogCode.Accepted
