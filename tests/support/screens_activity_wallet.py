"""Screenshots of the Activity and Wallet pages and their dialogs, for review.

``screenshot_states(ui, out_dir)`` fills the (fresh, empty) wallet of ``ui`` with
made-up rows: sales in every state, payments from several mints, an operation
stuck at a dead mint, a payment waiting for review, and coins at two mints. The
export result and the import outcome are shown from made-up results (no mint is
contacted), so the pictures are the same on every run.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import replace
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from pos_app.core.cashu.tokens import parse_token, serialize_token_v4
from pos_app.core.store.schema import KeysetRow, Mint, ProofRow
from pos_app.core.wallet.receive import ReceiveResult
from pos_app.core.wallet.send import SendResult
from pos_app.ui.context import UiContext
from pos_app.ui.pages.activity import ActivityPage
from pos_app.ui.pages.wallet import WalletPage
from tests.support.activity_data import (
    insert_payment,
    insert_sales,
    insert_stuck_operation,
    sale_rows,
)
from tests.support.qrvideo import fake_token, render_qr_frame
from tests.support.screens_common import SCHEMES, pump_until, save, themed

MINTS = ("https://mint.coffee.example", "https://ecash.bank.example", "https://8333.space:3338")


def _save(widget: QWidget, out_dir: Path, name: str, shots: list[Path]) -> None:
    shots.append(save(widget, out_dir / f"{name}.png"))


def _seed_sales(ui: UiContext) -> dict[str, str]:
    """Sales in every state with memos, a euro sale, payments from several mints."""
    now = int(time.time())
    rows = sale_rows(140, start=now - 120, seed=3)
    memos = ["Flat white", "Croissant x2", None, "Table 4", "Gift card", "Beans 250 g"]
    for i, row in enumerate(rows):
        row["memo"] = memos[i % len(memos)]
        row["due"] = row["due"] % 25_000 + 100
        row["amount"] = str(row["due"])
        row["expires_at"] = row["created_at"] + 900
        row["paid"] = {"paid": row["due"], "partially_paid": row["due"] // 3}.get(row["state"], 0)
    rows[0].update(state="open", paid=0, memo="Waiting at the till", expires_at=now + 900)
    rows[1].update(state="paid", currency="eur", amount="12.50", due=13_021, paid=14_000)
    rows[2].update(
        state="partially_paid", amount="5000", due=5_000, paid=3_000, memo="Paid from two wallets"
    )
    insert_sales(ui.core, rows)
    for i, row in enumerate(rows):
        if row["state"] in ("paid", "partially_paid"):
            mint = MINTS[i % 2]
            insert_payment(ui.core, row["id"], mint_url=mint, amount=row["paid"])
    insert_payment(ui.core, rows[2]["id"], mint_url=MINTS[2], amount=0, state="recovering")
    return {"paid": rows[1]["id"], "part": rows[2]["id"]}


def _seed_attention(ui: UiContext, sale_id: str) -> None:
    from pos_app.core.store.schema import Sale

    def cancel_partly_paid(session) -> None:  # a sale cancelled after 1 200 sat: refund owed
        sale = session.get(Sale, sale_id)
        sale.state = "cancelled"

    ui.core.db.transact(cancel_partly_paid)
    insert_stuck_operation(ui.core, mint_url=MINTS[2], amount=2_000, sale_id=sale_id, attempts=4)
    insert_payment(
        ui.core,
        sale_id,
        state="needs_review",
        method="melt",
        mint_url="https://unknown-mint.example",
        amount=1_500,
        error_code="lightning.unproven",
        error_message="The token was converted, but the Lightning payment could not be proven.",
        proof_status="unproven",
    )


def _seed_details(ui: UiContext, sale_id: str) -> None:
    """A rejected token before the paid one, and change handed back."""
    from pos_app.core.store.schema import Sale

    insert_payment(
        ui.core,
        sale_id,
        state="rejected",
        method=None,  # type: ignore[arg-type]
        mint_url="https://unknown-mint.example",
        amount=20_000,
        error_code="mint.untrusted",
        error_message="This token is from a mint the shop does not accept.",
    )

    def change(session) -> None:
        sale = session.get(Sale, sale_id)
        sale.change_token = _token_of(979, MINTS[0])
        sale.change_amount = 979
        sale.rate = "96000.00"
        sale.rate_source = "coingecko"
        sale.paid_at = sale.created_at + 40

    ui.core.db.transact(change)


def _token_of(amount: int, mint: str) -> str:
    """A made-up token of ``amount`` (its proofs carry the binary split of it)."""
    from pos_app.core.cashu.amounts import split_amount

    parts = split_amount(amount)
    template = parse_token(fake_token(len(parts), seed=5, mint=mint))
    proofs = tuple(replace(p, amount=a) for p, a in zip(template.proofs, parts, strict=True))
    return serialize_token_v4(replace(template, proofs=proofs))


def _seed_coins(ui: UiContext) -> None:
    """Unspent coins at two mints (rows only; no mint is ever asked)."""

    def write(session) -> None:
        for n, (url, amounts) in enumerate(
            ((MINTS[0], [1024, 512, 64, 8, 2]), (MINTS[1], [16_384, 4_096, 256, 32]))
        ):
            mint = Mint(url=url, trusted=True, name=url)
            session.add(mint)
            session.flush()
            keyset = f"00{n:014x}"
            session.add(KeysetRow(id=keyset, mint_id=mint.id, unit="sat"))
            for i, amount in enumerate(amounts):
                secret = hashlib.sha256(f"{url}{i}".encode()).hexdigest()
                session.add(
                    ProofRow(
                        mint_id=mint.id,
                        keyset_id=keyset,
                        unit="sat",
                        amount=amount,
                        secret=secret,
                        C="02" + secret,
                        y="03" + secret,
                        state="unspent",
                        origin="receive",
                    )
                )

    ui.core.db.transact(write)


def screenshot_states(ui: UiContext, out_dir: Path) -> list[Path]:
    """Capture every state of the Activity and Wallet pages; returns the PNG paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    ids = _seed_sales(ui)
    _seed_attention(ui, ids["part"])
    _seed_details(ui, ids["paid"])
    _seed_coins(ui)
    for scheme in SCHEMES:
        with themed(scheme):
            folder = out_dir / scheme
            folder.mkdir(exist_ok=True)
            _activity(ui, folder, ids, shots)
            _wallet(ui, folder, shots)
    return shots


def _activity(ui: UiContext, out_dir: Path, ids: dict[str, str], shots: list[Path]) -> None:
    page = ActivityPage(ui)
    page.resize(1130, 780)
    page.show()
    page.activated()
    pump_until(lambda: page.model.loaded and page.attention.model.rowCount() == 3)
    page.table.selectRow(1)
    page.attention.view.selectRow(0)
    assert page.count_label.text() == "140 sales" and page.pager.label.text() == "Page 1 of 3"
    assert page.attention_label.text() == "3 need attention"
    _save(page, out_dir, "activity_sales", shots)

    page.attention.view.selectRow(2)
    assert page.attention.selected().source == "refund"
    page.attention.refund()
    refund = page.attention.refund_dialog
    assert refund is not None and refund.isVisible() and refund.refund_button.isEnabled()
    refund.folder.setText("/media/usb")
    _save(refund, out_dir, "activity_refund", shots)
    refund.reject()
    page.attention.view.selectRow(0)

    dialog = page.open_details(ids["paid"])
    assert dialog is not None
    pump_until(lambda: dialog.sale is not None and not dialog.change_qr.pending)
    assert dialog.payments.rowCount() == 2 and dialog.change_title.text() == "Change: 979 sat"
    _save(dialog, out_dir, "activity_sale_details", shots)
    dialog.close()

    page.attention.dismiss()
    dismiss = page.attention.dismiss_dialog
    assert dismiss is not None
    dismiss.reason.setText("Refunded the customer in cash")
    assert dismiss.isVisible() and dismiss.dismiss_button.isEnabled()
    _save(dismiss, out_dir, "activity_dismiss", shots)
    dismiss.reject()

    page.filters.set_state("paid")
    page.filters.search.setText("white")
    page.filters.search.returnPressed.emit()
    pump_until(lambda: page.model.query.text == "white")
    pump_until(lambda: all(r.memo == "Flat white" for r in page.model.sale_rows()))
    assert page.model.sale_rows() and {r.state for r in page.model.sale_rows()} == {"paid"}
    _save(page, out_dir, "activity_filtered", shots)
    page.close()
    page.deleteLater()


def _wallet(ui: UiContext, out_dir: Path, shots: list[Path]) -> None:
    page = WalletPage(ui)
    page.resize(1130, 780)
    page.show()
    page.activated()
    pump_until(lambda: len(page.balances) == 2)
    page._checked(  # what a check that found a claimed export says
        {
            "checked": 9,
            "spent": 2,
            "released": 0,
            "exports_spent": 1,
            "exports_partial": 0,
            "errors": [],
        }
    )
    assert page.total.text() == "Total 22\u202f378 sat"
    assert "1 exported token(s) were redeemed." in page.summary.text()
    _save(page, out_dir, "wallet_balances", shots)

    export = page.open_export()
    assert export is not None
    export.amount.setValue(2_100)
    pump_until(lambda: export.folder.text())  # the default folder is looked up in a thread
    assert export.mint.count() == 2 and export.export_button.isEnabled()
    _save(export, out_dir, "wallet_export_form", shots)
    token = fake_token(2, seed=9, mint=MINTS[0])
    usb = Path("/media/cashier/KINGSTON")
    export.show_result(
        SendResult(token, 2_100, MINTS[0], "sat", 0, 1, str(usb / f"cashu-{token[6:18]}.txt"))
    )
    pump_until(lambda: not export.result_view.qr.pending)
    assert export.stack.currentIndex() == 1 and export.result_view.qr.text == token
    _save(export, out_dir, "wallet_export_qr", shots)
    export.close()

    dialog = page.open_import()
    dialog.set_token(fake_token(3, seed=4, mint=MINTS[1]), "paste")
    _save(dialog, out_dir, "wallet_import_paste", shots)
    dialog.set_token("", "paste")
    # The camera part as it looks mid-way through an animated code (no camera is opened).
    scan = dialog.scan
    scan.show()
    dialog.scan_button.setText(dialog.tr("Stop scanning"))
    frame = render_qr_frame("UR:BYTES/12-40/LPBSCSKOAAHDCXIDMNSHDJSTNWTISTWNTKSYK", (640, 360))
    scan.camera.set_frame(
        QImage(frame.data, 640, 360, frame.strides[0], QImage.Format.Format_BGR888).copy()
    )
    scan._on_progress(0.45)
    assert scan.progress.isVisibleTo(dialog) and scan.progress.value() == 45
    _save(dialog, out_dir, "wallet_import_scanning", shots)
    dialog.stop_scan()
    dialog._received(ReceiveResult("op", MINTS[1], "sat", 4_093, 3, 6))
    assert not scan.isVisible() and dialog.outcome.text().startswith("Received 4\u202f093 sat")
    _save(dialog, out_dir, "wallet_import_done", shots)
    dialog.close()
    page.close()
    page.deleteLater()
