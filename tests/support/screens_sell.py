"""Screenshots of the Sell page, the payment view in each state, the customer display and
a receipt, for review (``screenshot_states(ui, out_dir)``).

The keypad and the waiting screen are reached through the real flow (a sale is
created, the camera is a video file). The later states are put on screen through
the view's own state method with made-up results, so no mint is needed; the
flows themselves are tested in tests/gui/test_sell_flow.py.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from pos_app.ui.context import UiContext
from pos_app.ui.customer_display import CustomerDisplay
from pos_app.ui.messages import explain, recovering_advice
from pos_app.ui.pages.sell import SellPage
from pos_app.ui.receipt import build_receipt, save_pdf
from pos_app.ui.widgets.qr import QrView
from tests.support.qrvideo import fake_token, static_qr_video
from tests.support.screens_common import SCHEMES, pump_until, save, themed

# A real NUT-18 request (from the spec's examples): scanned by mistake, it shows the hint.
REQUEST = "creqApWF0gaNhdGVub3N0cmFheKlucHJvZmlsZTFxeTI4d3VtbjhnaGo3dW45ZDNzaGp0bnl2OWtoMnVld2Q5aHN6OW1od2RlbjV0ZTB3ZmprY2N0ZTljdXJ4dmVuOWVlaHFjdHJ2NWhzenJ0aHdkZW41dGUwZGVoaHh0bnZkYWtxcWd5ZGFxeTdjdXJrNDM5eWtwdGt5c3Y3dWRoZGh1NjhzdWNtMjk1YWtxZWZkZWhrZjBkNDk1Y3d1bmw1YWeBgmFuYjE3YWloYjdhOTAxNzZhYQphdWNzYXRhbYF4Imh0dHBzOi8vbm9mZWVzLnRlc3RudXQuY2FzaHUuc3BhY2U="
SIZE = (1130, 760)  # the main window's page area at its default 1280x800


def receipt_png(pdf: Path, png: Path) -> Path | None:
    """Render the first page of a PDF to PNG with QtPdf (None when QtPdf is missing)."""
    try:
        from PySide6.QtCore import QSize
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        return None
    doc = QPdfDocument()
    doc.load(str(pdf))
    if doc.pageCount() < 1:
        return None
    size = doc.pagePointSize(0)
    image = doc.render(0, QSize(round(size.width() * 2.5), round(size.height() * 2.5)))
    framed = QImage(image.size(), QImage.Format.Format_RGB32)
    framed.fill(QColor("white"))
    painter = QPainter(framed)
    painter.drawImage(0, 0, image)
    painter.end()
    framed.save(str(png))
    return png


def screenshot_states(ui: UiContext, out_dir: Path | str) -> list[Path]:
    """Put the Sell page through its states and save a PNG of each; returns the paths."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="sell-screens-"))
    ui.camera_override = str(static_qr_video(work / "request.mp4", REQUEST, seconds=2).path)
    shots: list[Path] = []

    def grab(widget: QWidget, name: str) -> None:
        pump_until(lambda: not any(q.pending for q in widget.findChildren(QrView)))
        shots.append(save(widget, out / f"sell-{name}.png"))

    for scheme in SCHEMES:
        with themed(scheme):
            _page_states(ui, scheme, grab)
            _customer_display(scheme, grab)
    png = _receipt(out)
    return [*shots, png] if png else shots


def _page_states(ui: UiContext, scheme: str, grab: Callable[[QWidget, str], None]) -> None:
    page = SellPage(ui)
    page.resize(*SIZE)
    page.show()
    page.activated()
    pump_until(lambda: page.settings)
    assert page.on_keypad and not page.keypad.charge_button.isEnabled()
    grab(page, f"{scheme}-keypad-empty")
    page.keypad.set_amount("2100")
    page.keypad.memo.setText("Coffee and cake")
    assert page.keypad.amount_label.text() == "2\u202f100\u2009sat"
    grab(page, f"{scheme}-keypad-amount")
    page.offline_prompt.ask(explain("mint.all_offline"))
    grab(page, f"{scheme}-all-mints-offline")
    page.offline_prompt.hide()
    if scheme == "light":
        page.apply_settings({**page.settings, "currency": "EUR", "rate.fixed": "95000.50"})
        pump_until(lambda: page.keypad.sat_estimate() is not None)
        page.keypad.set_amount("4.5")
        assert page.keypad.sats_label.text() == "≈ 4\u202f737 sat"
        grab(page, "light-keypad-fiat")
        page.reload_settings()
        pump_until(lambda: page.keypad.currency == "sat")
        page.keypad.set_amount("2100")
    page.keypad.submit()
    pump_until(lambda: not page.on_keypad)
    view = page.payment
    pump_until(lambda: view.scan.camera.has_frame and view.scan.hint.isVisible())
    assert view.state == "waiting" and view.code.qr.text == view.sale["payment_request"]
    assert "payment request, not a token" in view.scan.hint.text()
    grab(page, f"{scheme}-waiting")
    view._set_state("processing")
    assert view.status.spinner.spinning and not view.scan.paste.isEnabled()
    grab(page, f"{scheme}-processing")
    view.sale.update(paid=1000)
    view._set_state("partial")
    assert view.status.title.text() == "Partially paid: 1\u202f100 sat to go"
    grab(page, f"{scheme}-partial")
    view.sale.update(paid=0)
    view.advice = explain("token.already_spent")
    view._set_state("refused")
    assert view.status.title.text() == "Already spent" and view.scan.paste.isEnabled()
    grab(page, f"{scheme}-refused")
    view.advice = explain(
        "fee.too_high",
        "The mint fee of 2 sat is 3.12% of this 64 sat token, above the shop's limit of 2%. "
        "Ask for a token from another mint.",
    )
    view._set_state("refused")
    grab(page, f"{scheme}-refused-fee")
    view.advice = explain("storage.pg_unreachable")  # the shop's server went away meanwhile
    view._set_state("refused")
    assert view.status.title.text() == "Database offline"
    grab(page, f"{scheme}-database-offline")
    view.advice = recovering_advice()
    view._set_state("offline")
    assert view.status.title.text().startswith("Not confirmed") and not view.scan.isVisibleTo(view)
    grab(page, f"{scheme}-offline")
    view._on_payment_rejected(
        view.sale_id,
        "token.already_spent",
        "The customer's token could not be redeemed once the mint was back (it was spent "
        "elsewhere or refused), so the sale is not paid. Ask the customer to pay again.",
    )
    assert view.state == "failed" and view.status.title.text() == "Payment failed: not paid"
    grab(page, f"{scheme}-failed-later")
    view._set_state("expired")
    assert view.new_button.text().startswith("New sale, same amount")
    grab(page, f"{scheme}-expired")
    view.sale.update(paid=2164)
    change = fake_token(2, seed=5)
    view._show_paid(change)
    pump_until(lambda: view.receipts.print_button.isEnabled())
    assert view.code.qr.text == change and "64 sat" in view.code.title.text()
    grab(page, f"{scheme}-paid-change")
    view.sale.update(paid=2100)
    view._show_paid(None)
    assert view.code.note.text() == "2\u202f100 sat\nreceived" and not view.code.qr.text
    grab(page, f"{scheme}-paid")
    page.shutdown()
    page.close()


def _customer_display(scheme: str, grab: Callable[[QWidget, str], None]) -> None:
    display = CustomerDisplay()
    display.resize(720, 900)
    display.show()
    display.show_sale("4.50", "EUR", 4737, REQUEST)
    assert display.amount.text() == "4.50 EUR" and display.sats.text() == "4\u202f737 sat"
    assert display.qr.text == REQUEST
    grab(display, f"{scheme}-customer-waiting")
    change = fake_token(2, seed=6)
    display.set_state("paid", change=change)
    assert display.qr.text == change and display.caption.isVisibleTo(display)
    grab(display, f"{scheme}-customer-paid-change")
    display.set_state("paid")
    assert display.mark.isVisibleTo(display) and not display.qr.isVisibleTo(display)
    grab(display, f"{scheme}-customer-paid")
    display.close()


def _receipt(out: Path) -> Path | None:
    sale = {
        "sale_id": "3f6c2a9e-8b1d-4c7e-9a55-0d2e6f1b7c40",
        "state": "paid",
        "amount": "4.50",
        "currency": "EUR",
        "due": 4737,
        "paid": 4800,
        "rate": "95000.50",
        "fee_advance": 0,
        "memo": "Coffee and cake",
        "created_at": 1_764_000_000,
        "paid_at": 1_764_000_042,
        "change_token": "cashuB...",
        "payments": [
            {"state": "settled", "fee": 1, "mint": "https://mint.example.com"},
        ],
    }
    pdf = save_pdf(build_receipt(sale, "Corner Café"), out / "sell-receipt.pdf")
    return receipt_png(pdf, out / "sell-receipt.png")
