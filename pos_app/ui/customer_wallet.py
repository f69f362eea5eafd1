"""Training mode's customer wallet on screen: the part the customer's phone plays.

It reads the payment request of the sale open at the till (as a phone scans it), pays
it with test ecash from the training mint and shows the token the way wallets do: one
QR code, an animated BC-UR sequence at a phone's pace, or text to copy and paste. What
it shows is filmed by a virtual camera (:mod:`pos_app.ui.scanner.virtual`) that the
till's scanner reads instead of a webcam, so the whole camera path runs.

It also misbehaves on request, for practice: the same token twice, one sat short, a
token claiming an unknown mint, or the training mint stopped for a minute. The till
answers with its real messages.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any

import httpx
from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QColor, QGuiApplication, QImage, QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.errors import PosError
from pos_app.core.training.customer import CustomerWallet
from pos_app.training import MADE_UP_MINT, training_mint_url
from pos_app.ui import theme
from pos_app.ui.context import UiContext
from pos_app.ui.scanner import virtual
from pos_app.ui.scanner.qtcapture import image_to_gray
from pos_app.ui.tasks import in_thread, spawn
from pos_app.ui.widgets.qr import QrView
from pos_app.ui.widgets.training_band import training_band

log = logging.getLogger(__name__)

CAMERA_NAME = "customer-wallet"
FILM_SIZE = (960, 540)  # what the virtual camera sees: the phone's screen on a grey counter
FILM_FPS = 15


class CustomerWalletWindow(QWidget):
    """The customer's phone, on the training till's screen.

    Args:
        ui: the till's context; its ``training_env`` runs the training mint.
        open_sale: the sale the till is taking payment for (None when none is open).

    Attributes:
        token: the token shown now ("" before the first payment).
        down_seconds: how long "Stop the mint" stops it.
    """

    down_seconds = 60.0

    def __init__(
        self,
        ui: UiContext,
        open_sale: Callable[[], dict[str, Any] | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        if ui.training_env is None:
            raise ValueError("the customer wallet exists in training mode only")
        self.ui = ui
        self.env = ui.training_env
        self.open_sale = open_sale
        self.wallet = CustomerWallet(ui.core.data_dir / "customer", training_mint_url(self.env))
        self.camera = virtual.register(virtual.VirtualCamera(CAMERA_NAME, FILM_FPS))
        self.token = ""
        self.shown_for: tuple[str, int] | None = None  # (sale id, paid) when the token was shown
        self.busy = False
        self.mint_back_at: float | None = None
        self.setWindowTitle(self.tr("Customer wallet - TRAINING"))
        self.setObjectName("customer-wallet")

        band = training_band(self.tr("TRAINING - the customer's phone, play money"))
        self.asked = QLabel()
        self.asked.setWordWrap(True)
        self.asked.setProperty("role", "subtitle")
        self.qr = QrView()
        self.qr.setMinimumSize(300, 300)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setMinimumHeight(44)

        self.pay_button = self._button(self.tr("Pay: show a QR code"), self.pay)
        self.animated_button = self._button(
            self.tr("Pay: show an animated QR"), lambda: self.pay(animated=True)
        )
        self.copy_button = self._button(self.tr("Copy the token"), self.copy_token)
        self.copy_button.setEnabled(False)
        self.again_button = self._button(self.tr("The same token again"), self.pay_again)
        self.short_button = self._button(self.tr("1 sat too little"), lambda: self.pay(short_by=1))
        self.foreign_button = self._button(
            self.tr("From an unknown mint"), lambda: self.pay(claim_mint=MADE_UP_MINT)
        )
        self.mint_down_button = self._button(
            self.tr("Mint down 1 minute"), self.stop_mint_for_a_while
        )
        self.to_till = QCheckBox(self.tr("The till's camera sees this screen"))
        self.to_till.setChecked(True)
        self.to_till.toggled.connect(self._film)

        practice = QGroupBox(self.tr("Practise a problem"))
        grid = QGridLayout(practice)
        grid.addWidget(self.again_button, 0, 0)
        grid.addWidget(self.short_button, 0, 1)
        grid.addWidget(self.foreign_button, 1, 0)
        grid.addWidget(self.mint_down_button, 1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(band)
        layout.addWidget(self.asked)
        layout.addWidget(self.qr, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.pay_button)
        layout.addWidget(self.animated_button)
        layout.addWidget(self.copy_button)
        layout.addWidget(practice)
        layout.addWidget(self.to_till)
        self.resize(460, 820)

        self._poll = QTimer(self)
        self._poll.timeout.connect(self.refresh)
        self._poll.start(400)
        self._filming = QTimer(self)
        self._filming.timeout.connect(self.film_frame)
        self._filming.start(1000 // FILM_FPS)
        self._film(True)
        self.refresh()

    def _button(self, text: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(40)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the till keeps the keyboard
        button.clicked.connect(lambda _checked=False: slot())  # not the checked flag
        return button

    # -- what the phone sees ---------------------------------------------------------------

    def request(self) -> dict[str, Any] | None:
        """The open sale's request as the phone scans it (None: nothing to pay)."""
        sale = self.open_sale()
        return sale if sale and sale.get("payment_request") else None

    def refresh(self) -> None:
        """Say what the till asks for, and whether the mint is stopped."""
        sale = self.request()
        if self.shown_for is not None and (
            sale is None or (sale["sale_id"], int(sale["paid"])) != self.shown_for
        ):
            self.put_away()  # the till took it (or the sale ended): a phone shows it no more
        if sale is None:
            self.asked.setText(self.tr("No sale at the till: type an amount there and Charge."))
        else:
            self.asked.setText(
                self.tr("The till asks for {due} sat.").format(due=f"{int(sale['due']):,}")
            )
        for button in (self.pay_button, self.animated_button, self.short_button):
            button.setEnabled(sale is not None and not self.busy)
        self.foreign_button.setEnabled(sale is not None and not self.busy)
        self.again_button.setEnabled(not self.busy)
        self.mint_down_button.setEnabled(not self.busy and self.mint_back_at is None)
        if self.mint_back_at is not None:
            left = max(0, round(self.mint_back_at - time.monotonic()))
            self.mint_down_button.setText(self.tr("Mint back in {s} s").format(s=left))

    # -- paying ------------------------------------------------------------------------------

    def pay(
        self, *, animated: bool = False, short_by: int = 0, claim_mint: str | None = None
    ) -> None:
        """Pay the open sale's request with new test ecash and show the token."""
        sale = self.request()
        if sale is None or self.busy:
            return
        spawn(
            self._pay(sale["payment_request"], animated, short_by, claim_mint),
            on_error=self._failed,
        )

    async def _pay(
        self, request: str, animated: bool, short_by: int, claim_mint: str | None
    ) -> None:
        token = await self._token_for(request, short_by=short_by, claim_mint=claim_mint)
        if token is not None:
            self.show_token(token, animated=animated)

    async def _token_for(self, request: str, **how: Any) -> str | None:
        """New test ecash paying ``request``; None (said) when the training mint is away."""
        self._set_busy(self.tr("Paying…"))
        try:
            return await self.wallet.pay(request, **how)
        except httpx.HTTPError as exc:
            log.info("the customer wallet could not reach the training mint: %s", exc)
            self._say(
                self.tr("The customer's wallet cannot reach the training mint (is it stopped?)."),
                "error",
            )
            return None
        finally:
            self._set_busy(None)

    def pay_again(self) -> None:
        """Show the last token again: the till must refuse it as spent."""
        try:
            token = self.wallet.reuse_last()
        except PosError as err:
            self._say(err.user_message, "warn")
            return
        self.show_token(token, animated=False)

    def show_token(self, token: str, *, animated: bool) -> None:
        """Show ``token`` as one code or as an animated sequence, and allow copying it.

        It is shown until the till's sale changes: a token left on screen would be read
        again at the next sale.
        """
        sale = self.request()
        self.token = token
        self.shown_for = (sale["sale_id"], int(sale["paid"])) if sale else None
        self.qr.set_text(token, max_static=0 if animated else len(token))
        self.copy_button.setEnabled(True)
        self._say(
            self.tr("Showing the token as an animated code: hold it up to the till.")
            if animated
            else self.tr("Showing the token: hold it up to the till."),
            "ok",
        )

    def put_away(self) -> None:
        """Stop showing the token (it stays copyable)."""
        self.shown_for = None
        self.qr.set_text("")
        self._say("", "muted")

    def copy_token(self) -> None:
        """Put the token on the clipboard, for the till's paste field."""
        if self.token:
            QGuiApplication.clipboard().setText(self.token)
            self._say(self.tr("Token copied: paste it at the till."), "ok")

    def _failed(self, err: PosError) -> None:
        self._set_busy(None)
        self._say(err.user_message, "error")

    # -- the mint going down -----------------------------------------------------------------

    def stop_mint_for_a_while(self) -> None:
        """Stop the training mint for :attr:`down_seconds`, then start it again.

        With a sale open the customer pays first (a wallet holds its ecash already): the
        till then reads a token its mint cannot redeem now, keeps it and redeems it later.
        """
        if self.mint_back_at is None and self.env.mint is not None and not self.busy:
            sale = self.request()
            spawn(self._mint_down(sale["payment_request"] if sale else None), on_error=self._failed)

    async def _mint_down(self, request: str | None) -> None:
        mint = self.env.mint
        assert mint is not None
        token = None
        if request is not None:
            token = await self._token_for(request)
            if token is None:
                return
        self.mint_down_button.setEnabled(False)
        self.mint_back_at = time.monotonic() + self.down_seconds
        log.info("training: the mint is stopped for %.0f s", self.down_seconds)
        try:
            await in_thread(mint.stop)
            if token is not None:
                self.show_token(token, animated=False)
            self._say(
                self.tr(
                    "The training mint is stopped. The till keeps a token it cannot redeem now "
                    "and redeems it when the mint is back."
                ),
                "warn",
            )
            await asyncio.sleep(self.down_seconds)
            await in_thread(mint.start)
            self._say(self.tr("The training mint is back."), "ok")
            log.info("training: the mint is back")
        finally:
            self.mint_back_at = None
            self.mint_down_button.setText(self.tr("Mint down 1 minute"))
            self.refresh()

    # -- the virtual camera ------------------------------------------------------------------

    def _film(self, on: bool) -> None:
        self.ui.virtual_camera = self.camera.source if on else None

    def film_frame(self) -> None:
        """Hand the virtual camera what a webcam would see of the phone's screen now."""
        width, height = FILM_SIZE
        canvas = QImage(width, height, QImage.Format.Format_RGB888)
        canvas.fill(QColor("#6b6f76"))
        if self.qr.text:
            picture = self.qr.grab().toImage()
            side = height * 0.9
            painter = QPainter(canvas)
            painter.fillRect(
                QRectF((width - side) / 2, (height - side) / 2, side, side), QColor("white")
            )
            inner = side * 0.9
            painter.drawImage(
                QRectF((width - inner) / 2, (height - inner) / 2, inner, inner), picture
            )
            painter.end()
        self.camera.show(image_to_gray(canvas))  # as a camera's frames reach the decoder

    # -- closing -----------------------------------------------------------------------------

    def _set_busy(self, text: str | None) -> None:
        self.busy = text is not None
        if text:
            self._say(text, "muted")
        self.refresh()

    def _say(self, text: str, role: str) -> None:
        self.status.setText(text)
        theme.set_role(self.status, role)

    def closeEvent(self, event: QCloseEvent) -> None:
        """The phone is put away: the till's scans go back to the camera setting."""
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop filming and forget the virtual camera."""
        self._poll.stop()
        self._filming.stop()
        if self.ui.virtual_camera == self.camera.source:
            self.ui.virtual_camera = None
        virtual.unregister(self.camera)
