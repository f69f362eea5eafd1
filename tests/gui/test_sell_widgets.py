"""The Sell page's parts without a mint: keypad, messages, receipt, sound, customer display,
countdown, scan panel, and the screenshots of every state."""

from __future__ import annotations

import importlib.util
import wave
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pos_app.core import formatting
from pos_app.core.errors import PosError, ValidationError
from pos_app.core.payments.rates import Rate
from pos_app.paths import resources_path
from pos_app.ui import theme
from pos_app.ui.customer_display import CustomerDisplay, pick_screen
from pos_app.ui.messages import explain, explain_error, recovering_advice
from pos_app.ui.models import sale_format as fmt
from pos_app.ui.pages.sell import SellPage
from pos_app.ui.receipt import build_receipt, save_pdf
from pos_app.ui.sound import PAID_WAV, Chime
from pos_app.ui.tasks import running_tasks
from pos_app.ui.widgets.countdown import Countdown, format_left
from pos_app.ui.widgets.keypad import Keypad, format_amount
from pos_app.ui.widgets.scan_panel import ScanPanel
from tests.gui.conftest import screenshots_dir
from tests.support.screens_sell import screenshot_states

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def keypad(qtbot) -> Keypad:
    pad = Keypad()
    qtbot.addWidget(pad)
    return pad


# -- keypad ------------------------------------------------------------------------------------


def test_keypad_sat_takes_whole_numbers_only(qtbot, keypad):
    qtbot.keyClicks(keypad, "0021.5,")
    assert keypad.amount_text == "215"
    assert keypad.amount_label.text() == "215\u2009sat"
    qtbot.keyClick(keypad, Qt.Key.Key_Backspace)
    assert keypad.amount_text == "21"
    qtbot.keyClicks(keypad, "00000")
    assert keypad.amount_label.text().startswith("2\u202f100\u202f000")
    qtbot.keyClicks(keypad, "99999999")  # at most 12 digits
    assert len(keypad.amount_text) == 12
    qtbot.keyClick(keypad, Qt.Key.Key_Escape)
    assert keypad.amount_text == ""


def test_keypad_fiat_decimals_and_estimate(qtbot, keypad):
    keypad.set_currency("EUR")
    qtbot.keyClicks(keypad, ",5")
    assert keypad.amount_text == "0.5"
    qtbot.keyClicks(keypad, "0.9")  # the second separator is ignored, at most 2 decimals
    assert keypad.amount_text == "0.50"
    assert keypad.sat_estimate() is None  # no rate yet
    keypad.set_rate(None, "No exchange rate right now")
    assert keypad.sats_label.text() == "No exchange rate right now"
    keypad.set_rate(Rate("EUR", Decimal("100000"), "fixed", 0), advance=2)
    assert keypad.sat_estimate() == 502  # 0.50 EUR at 100000 EUR/BTC, plus the 2 sat advance
    assert keypad.sats_label.text() == "≈ 502 sat"
    keypad.buttons["\u232b"].click()
    keypad.buttons["1"].click()
    assert keypad.amount_text == "0.51"
    keypad.set_currency("sat")  # the decimals go with the currency
    assert keypad.amount_text == "0"


def test_keypad_enter_charges_with_memo_and_refuses_nothing(qtbot, keypad):
    charged: list[tuple[str, str]] = []
    keypad.charge.connect(lambda a, m: charged.append((a, m)))
    qtbot.keyClick(keypad, Qt.Key.Key_Return)
    assert charged == [] and keypad.error_label.text() == "Type an amount first."
    qtbot.keyClicks(keypad, "42")
    assert keypad.error_label.isHidden()
    keypad.memo.setText("  coffee ")
    qtbot.keyClick(keypad.memo, Qt.Key.Key_Return)  # Enter in the memo charges too
    assert charged == [("42", "coffee")]
    keypad.set_busy(True)
    qtbot.keyClick(keypad, Qt.Key.Key_Return)
    assert len(charged) == 1 and not keypad.charge_button.isEnabled()


def test_sell_page_gives_the_keypad_the_keys(qtbot, ui):
    page = SellPage(ui)
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    page.activated()
    qtbot.waitUntil(lambda: page.keypad.hasFocus(), timeout=5000)
    qtbot.waitUntil(lambda: bool(page.settings), timeout=5000)
    assert page.title == "Sell" and page.shortcut == "F1"
    assert page.customer is None  # display.customer_screen is -1 by default
    page.shutdown()
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=5000)


def test_charge_error_is_shown_under_the_amount(qtbot, ui, arun):
    dead_source = [{"url": "http://127.0.0.1:9/ticker", "path": "bitcoin.usd"}]  # refuses
    arun(
        ui.core.db.run(
            lambda s: ui.core.config.set_many(s, {"currency": "USD", "rate.sources": dead_source})
        )
    )
    page = SellPage(ui)
    qtbot.addWidget(page)
    page.show()
    page.activated()
    qtbot.waitUntil(lambda: page.keypad.currency == "USD", timeout=5000)
    qtbot.waitUntil(lambda: "No exchange rate" in page.keypad.sats_label.text(), timeout=5000)
    page.keypad.set_amount("4.5")
    page.keypad.submit()
    qtbot.waitUntil(lambda: page.keypad.error_label.isVisible(), timeout=10_000)
    assert "No exchange rate is available" in page.keypad.error_label.text()
    assert page.on_keypad and page.keypad.charge_button.isEnabled()
    page.shutdown()


# -- messages ----------------------------------------------------------------------------------


def test_messages_speak_plainly_and_keep_the_numbers():
    spent = explain("token.already_spent", "The mint says: Token already spent.")
    assert spent.title == "Already spent"
    assert spent.text == (
        "This token was already used, here or elsewhere. Ask the customer to send a new one."
    )
    fee = ValidationError(
        "fee.too_high",
        "The mint fee of 2 sat is 3.12% of this 64 sat token, above the shop's limit of 2%.",
        data={"fee": 2},
    )
    assert explain_error(fee).text == fee.user_message and explain_error(fee).title
    untrusted = explain("mint.untrusted", "x", {"mint": "https://m.example"})
    assert "shop's mints" in untrusted.text and "https://m.example" in untrusted.text
    assert explain("sale.expired").title == "Sale expired"
    assert "new token" in explain("token.dleq_invalid").text
    assert explain("p2pk.locktime_invalid").title == "Locked token"
    assert explain("offline.cap_exceeded", "above the limit of 50 sat").text.endswith("50 sat")
    assert explain("lightning.unreachable").title == "Lightning problem"
    assert explain("mint.unreachable", "The customer's mint cannot be reached.").text == (
        "The customer's mint cannot be reached."
    )
    assert explain("something.new", "Core words.").text == "Core words."
    assert explain("something.new").text  # never empty
    kept = recovering_advice()
    assert kept.text.startswith("The mint is offline, so this token is not confirmed yet")
    assert "the goods are at the shop's risk" in kept.text
    assert recovering_advice("mint.unreachable").title == "Not confirmed: mint offline"
    assert recovering_advice("melt.pending").title == "Payment in progress"
    assert recovering_advice("convert.not_minted").title == "Not confirmed yet"
    internal = explain_error(PosError("internal.error", "Something went wrong inside the app."))
    assert internal.text == "Something went wrong inside the app."


def test_amounts_and_times_read_the_same_everywhere():
    assert fmt.sats(1_234_567) == "1\u202f234\u202f567 sat" and fmt.sats(0) == "0 sat"
    assert fmt.sats(None) == "—" and fmt.sats(-1500, "msat") == "-1\u202f500 msat"
    assert (
        fmt.money("4.5", "eur") == "4.50 EUR" and fmt.money("95000", "USD") == "95\u202f000.00 USD"
    )
    assert fmt.money("2100", "sat") == "2\u202f100 sat" and fmt.money("1.239", "EUR") == "1.239 EUR"
    assert fmt.ago(None) == "never" and fmt.ago(1000, now=1042) == "42 s ago"
    assert fmt.ago(1000, now=1185) == "3 min ago" and fmt.ago(1000, now=8200) == "2 h ago"
    assert fmt.ago(2000, now=1000) == "0 s ago"  # a clock a little ahead is not "in the future"
    assert fmt.when(None) == "—"
    assert fmt.when(1_764_000_000, seconds=True).startswith(fmt.when(1_764_000_000) + ":")


# -- receipt, sound ----------------------------------------------------------------------------


def test_receipt_pdf_says_what_was_sold(qapp, tmp_path):
    sale = {
        "sale_id": "3f6c2a9e-8b1d-4c7e-9a55-0d2e6f1b7c40",
        "state": "paid",
        "amount": "4.5",
        "currency": "EUR",
        "due": 4737,
        "paid": 4800,
        "rate": "95000.50",
        "fee_advance": 0,
        "memo": "cake",
        "created_at": 1_764_000_000,
        "paid_at": 1_764_000_042,
        "change_token": "cashuB...",
        "payments": [
            {"state": "settled", "fee": 1, "mint": "https://mint.example.com"},
            {"state": "rejected", "fee": 0, "mint": "https://other.example"},
        ],
    }
    receipt = build_receipt(sale, "Corner Café")
    rows = dict(receipt.rows)
    assert rows["Sale"] == "3f6c2a9e" and rows["Amount"] == "4.50 EUR = 4\u202f737 sat"
    assert rows["Paid"] == "4\u202f800 sat (4.56 EUR)" and rows["Fee"] == "1 sat"
    assert rows["Mint"] == "mint.example.com" and rows["Change"] == "63 sat (0.06 EUR)"
    assert rows["Rate"] == "1 BTC = 95\u202f000.50 EUR"
    pdf = save_pdf(receipt, tmp_path / "r.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    doc.load(str(pdf))
    text = doc.getAllText(0).text()
    assert "Corner Café" in text and "3f6c2a9e" in text and "mint.example.com" in text


def test_receipt_of_a_sat_sale_with_the_overpayment_kept(qapp):
    sale = {
        "sale_id": "9a9a9a9a-0000",
        "state": "paid",
        "amount": "1200",
        "currency": "sat",
        "due": 1200,
        "paid": 2000,
        "created_at": 1_764_000_000,
        "change_token": None,
        "payments": [{"state": "settled", "fee": 0, "mint": "https://mint.example.com"}],
    }
    rows = dict(build_receipt(sale).rows)
    assert rows["Amount"] == "1\u202f200 sat" and rows["Paid"] == "2\u202f000 sat"
    assert rows["Overpaid, kept"] == "800 sat" and "Change" not in rows


def test_paid_sound_is_small_and_never_fails(tmp_path, qtbot):
    path = resources_path(*PAID_WAV)
    assert Chime().path == path
    with wave.open(str(path)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 44_100)
        assert 0.3 <= wav.getnframes() / 44_100 <= 0.5
    assert path.stat().st_size < 50_000
    # The committed file is what tools/make_sounds.py makes.
    spec = importlib.util.spec_from_file_location("make_sounds", ROOT / "tools" / "make_sounds.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    fresh = module.write_wav(tmp_path / "paid.wav", module.chime())
    assert fresh.read_bytes() == path.read_bytes()
    # Playing never raises: with or without an audio device (offscreen tests have none).
    chime = Chime()
    played = chime.play()
    assert played is chime.available and chime.requested == 1  # False only once it gave up
    missing = Chime(tmp_path / "none.wav")
    assert missing.play() is False and not missing.available and missing.requested == 1


# -- customer display, countdown, scan panel ---------------------------------------------------


def test_customer_display_mirrors_the_sale(qtbot):
    display = CustomerDisplay()
    qtbot.addWidget(display)
    assert pick_screen(-1) is None and pick_screen(99) is None
    assert display.place_on(0) and display.isVisible()
    display.show_sale("21", "sat", 21, "creqAexample")
    assert display.amount.text() == "21 sat" and display.qr.text == "creqAexample"
    display.set_state("processing")
    assert display.spinner.spinning
    display.set_state("partial", remaining=40)
    assert "40 sat still to pay" in display.status.text() and not display.qr.isVisibleTo(display)
    display.set_state("paid", change="cashuBchange")
    assert display.status.text() == "Paid, thank you" and display.qr.text == "cashuBchange"
    display.set_state("idle")
    assert display.status.text() == "Welcome" and not display.amount.isVisibleTo(display)
    assert not display.place_on(5) and not display.isVisible()


def test_countdown_warns_then_expires(qtbot):
    now = [1000.0]
    countdown = Countdown(clock=lambda: now[0])
    qtbot.addWidget(countdown)
    assert format_left(0) == "0:00" and format_left(61) == "1:01" and format_left(3725) == "1:02:05"
    countdown.start(1900)
    assert countdown.text() == "Price locked for 15:00"
    assert theme.colors().muted in countdown.styleSheet()
    now[0] = 1850  # the last minute: amber
    qtbot.waitUntil(lambda: countdown.text() == "Price locked for 0:50", timeout=2000)
    assert theme.colors().warn in countdown.styleSheet()
    now[0] = 1899.5
    with qtbot.waitSignal(countdown.expired, raising=False, timeout=600) as early:
        pass
    assert not early.signal_triggered or countdown.remaining == 0
    now[0] = 1901
    with qtbot.waitSignal(countdown.expired, timeout=2000):
        pass
    assert countdown.text() == "Price lock ended"


def test_scan_panel_paste_and_missing_camera(qtbot, ui, tmp_path):
    panel = ScanPanel(ui)
    qtbot.addWidget(panel)
    got: list[tuple[str, str]] = []
    panel.token.connect(lambda text, source: got.append((text, source)))
    panel.paste.setText("  cashuBxyz  ")
    qtbot.keyClick(panel.paste, Qt.Key.Key_Return)
    assert got == [("cashuBxyz", "paste")] and panel.paste.text() == ""
    panel.set_accepting(False)
    panel.paste.setText("cashuBabc")
    panel.paste_button.click()
    assert len(got) == 1  # not while a token is being processed
    ui.camera_override = str(tmp_path / "missing.mp4")
    panel.start()
    qtbot.waitUntil(lambda: "Camera not available" in panel.camera.placeholder, timeout=10_000)
    assert "Paste the token instead" in panel.camera.placeholder
    panel.shutdown()


# -- screenshots -------------------------------------------------------------------------------


def test_screenshots_of_every_state(qtbot, ui, tmp_path):
    out = screenshots_dir(tmp_path) / "sell"
    shots = screenshot_states(ui, out)
    names = {p.name for p in shots}
    for scheme in ("light", "dark"):
        for state in (
            "keypad-empty",
            "keypad-amount",
            "all-mints-offline",
            "waiting",
            "processing",
            "partial",
            "refused",
            "offline",
            "expired",
            "paid-change",
            "customer-waiting",
            "customer-paid",
        ):
            assert f"sell-{scheme}-{state}.png" in names
    assert all(p.stat().st_size > 1000 for p in shots)
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=5000)


def test_print_dialog_does_not_block_and_printing_works(qtbot, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from pos_app.ui.receipt import print_receipt, print_to

    sale = {"sale_id": "abcdef12-0000", "state": "paid", "amount": "21", "currency": "sat"}
    sale |= {"due": 21, "paid": 21, "created_at": 1, "paid_at": 2, "payments": []}
    receipt = build_receipt(sale)
    results: list[bool] = []
    dialog = print_receipt(receipt, None, results.append)
    assert dialog.isVisible()  # open(), not exec(): we are here while it shows
    dialog.reject()
    assert results == [False]
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_to(printer, receipt)
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")


def test_review_and_lightning_in_progress_states(qtbot, ui, tmp_path):
    # These answers need a Lightning melt (tests/integration/test_sales_melt.py covers the
    # core side); here the view is handed the core's answers directly.
    from pos_app.core.payments.records import PayResult

    ui.camera_override = str(tmp_path / "none.mp4")
    page = SellPage(ui)
    qtbot.addWidget(page)
    page.show()
    page.activated()
    qtbot.waitUntil(lambda: bool(page.settings), timeout=5000)
    page.charge("10")
    qtbot.waitUntil(lambda: page.payment.state == "waiting", timeout=5000)
    view = page.payment
    sale_id = view.sale_id

    def answer(payment: str, message: str, code: str) -> None:
        view.state = "processing"  # as right after a token was read
        facts = {"state": payment, "error_code": code}
        view._on_result(sale_id, PayResult(sale_id, "open", 0, 10, None, facts, message))

    answer(
        "needs_review",
        "The Lightning payment could not be proven. The owner must review it.",
        "lightning.unproven",
    )
    assert view.state == "review" and view.status.title.text() == "Payout not proven"
    assert "owner must review" in view.status.text.text()
    assert not view.submit_token("cashuBnext", "scan")  # settled for the cashier: no more reads
    answer(
        "recovering",
        "The Lightning payment is in progress; the sale is paid once it completes.",
        "melt.pending",
    )
    assert view.state == "offline" and view.status.title.text() == "Payment in progress"
    qtbot.keyClick(view, Qt.Key.Key_Return)  # New sale
    assert page.on_keypad
    page.shutdown()
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=5000)


def test_receipt_and_customer_display_read_the_same_in_the_shops_language(qapp, qtbot):
    formatting.use(formatting.MARKS["de"])
    try:
        sale = {
            "sale_id": "9a9a9a9a-0000",
            "state": "paid",
            "amount": "1234.5",
            "currency": "EUR",
            "due": 1_300_000,
            "paid": 1_300_000,
            "created_at": 1_764_000_000,
            "change_token": None,
            "payments": [{"state": "settled", "fee": 0, "mint": "https://mint.example.com"}],
        }
        rows = dict(build_receipt(sale).rows)
        display = CustomerDisplay()
        qtbot.addWidget(display)
        display.show_sale("1234.5", "EUR", 1_300_000, "creqA")
        assert rows["Amount"] == "1.234,50 EUR = 1.300.000 sat"
        assert (display.amount.text(), display.sats.text()) == ("1.234,50 EUR", "1.300.000 sat")
        assert format_amount("1234.5") == "1.234,5"
        keypad = Keypad()
        qtbot.addWidget(keypad)
        assert keypad.buttons["."].text() == ","
    finally:
        formatting.use(formatting.NEUTRAL)


BASKET_SALE = {
    "sale_id": "7d1e0c55-2b9f-4a61-8c3e-5f0a9b2d4e61",
    "state": "paid",
    "amount": "12.60",
    "subtotal": "13.00",
    "total": "12.60",
    "currency": "EUR",
    "due": 13_263,
    "paid": 13_263,
    "rate": "95000.00",
    "created_at": 1_764_000_000,
    "paid_at": 1_764_000_042,
    "lines": [
        {"name": "Coffee", "quantity": "2", "unit_price": "3.50", "gross": "7.00"},
        {"name": "Cake", "quantity": "1", "unit_price": "6.00", "gross": "6.00"},
    ],
    "vat": [
        {"rate": "7", "net": "6.54", "vat": "0.46", "gross": "7.00"},
        {"rate": "19.0", "net": "5.04", "vat": "0.96", "gross": "6.00"},
    ],
    "discount": {"amount": "1.30", "reason": "regular"},
    "tip": {"amount": "0.90", "sat": 947},
    "payments": [
        {"state": "settled", "fee": 0, "mint": "https://mint.example.com", "method": "swap"},
        {"state": "settled", "fee": 1, "mint": "https://b.example", "method": "convert"},
    ],
}


def test_receipt_of_a_basket_lists_lines_vat_discount_tip_and_the_shop(qapp):
    from pos_app.ui.receipt import ShopHeader

    shop = ShopHeader("Corner Café", "1 Main St | 10115 Berlin", "DE123456789")
    receipt = build_receipt(BASKET_SALE, shop)
    assert receipt.header == ("1 Main St", "10115 Berlin", "VAT no. DE123456789")
    assert receipt.items == (("2 × Coffee @ 3.50 EUR", "7.00 EUR"), ("Cake", "6.00 EUR"))
    assert receipt.vat == (
        ("7 %", "6.54 EUR", "0.46 EUR", "7.00 EUR"),
        ("19 %", "5.04 EUR", "0.96 EUR", "6.00 EUR"),
    )
    rows = dict(receipt.rows)
    assert rows["Subtotal"] == "13.00 EUR" and rows["Discount"] == "-1.30 EUR (regular)"
    assert rows["Tip"] == "0.90 EUR" and rows["Amount"].startswith("12.60 EUR = 13")
    assert rows["Paid with"] == "ecash, ecash (converted)"
    assert receipt.qr == BASKET_SALE["sale_id"]
    text = receipt.text()
    assert text.index("Coffee") < text.index("Net") < text.index("Discount")


@pytest.mark.parametrize(("paper", "width_mm"), [("58mm", 58), ("80mm", 80), ("a4", 210)])
def test_receipt_pdf_on_each_paper(qapp, tmp_path, paper, width_mm):
    from PySide6.QtPdf import QPdfDocument

    from pos_app.ui.receipt import ShopHeader, receipt_height_mm

    receipt = build_receipt(BASKET_SALE, ShopHeader("Corner Café", vat_number="DE1"))
    pdf = save_pdf(receipt, tmp_path / f"{paper}.pdf", paper)
    doc = QPdfDocument()
    doc.load(str(pdf))
    size = doc.pagePointSize(0)
    assert round(size.width() / 72 * 25.4) == width_mm
    if paper != "a4":  # a roll is as long as the receipt, an A4 sheet is A4
        assert abs(size.height() / 72 * 25.4 - receipt_height_mm(receipt, paper)) < 1
        assert receipt_height_mm(receipt, "58mm") < receipt_height_mm(receipt, "80mm")
    text = doc.getAllText(0).text()
    assert "Corner Café" in text and "Coffee" in text and "0.96 EUR" in text
    assert "Discount" in text and "regular" in text


def test_a_missing_receipt_printer_says_so_and_falls_back_to_the_dialog(qtbot):
    from PySide6.QtWidgets import QDialog

    from pos_app.ui.receipt import ShopHeader, print_direct
    from pos_app.ui.widgets.receipt_buttons import ReceiptButtons

    assert print_direct(build_receipt(BASKET_SALE), "no-such-printer") is False
    buttons = ReceiptButtons()
    qtbot.addWidget(buttons)
    buttons.set_sale(BASKET_SALE, ShopHeader("Shop", printer="no-such-printer"))
    before = set(QApplication.topLevelWidgets())
    buttons.print_receipt()
    assert buttons.note.text() == "Printer no-such-printer not found: choose one."
    opened = [w for w in QApplication.topLevelWidgets() if w not in before]
    dialogs = [w for w in opened if isinstance(w, QDialog) and w.isVisible()]
    assert dialogs  # the print dialog, open without blocking
    for d in dialogs:
        d.reject()


def test_the_paid_screen_says_what_converting_a_token_cost(qtbot, ui):
    from pos_app.core.payments.records import PayResult
    from pos_app.ui.pages.payment import PaymentView

    view = PaymentView(ui)
    qtbot.addWidget(view)
    view.sale = {"sale_id": "s-1", "due": 64, "paid": 64, "currency": "sat", "amount": "64"}
    for method, fee, expected in (
        ("convert", 2, "64 sat paid. Converting it cost 2 sat in fees."),
        ("melt", 1, "64 sat paid. Converting it cost 1 sat in fees."),
        ("swap", 1, "64 sat paid."),
        ("convert", 0, "64 sat paid."),
    ):
        view.result = PayResult("s-1", "paid", 64, 64, None, {"method": method, "fee": fee})
        assert view._paid_words(64, None) == expected
