"""What the owner must look at: stuck operations, payments in review or failed, refunds owed.

Operations come from ``core.wallet.recovery_list()`` (open and ``needs_review``
journal rows); payments in state ``needs_review`` (a Lightning payment that could
not be proven) or ``failed`` (a token spent elsewhere before recovery redeemed it)
come from the sales listing (``core.sales.listing.payments_to_review``), since no
operation is left open for them. The list is short, so a refresh reloads it whole.
Refunds owed are cancelled or expired sales that took money (``core.sales.refunds.owed``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from pos_app.ui import messages, theme
from pos_app.ui.models import sale_format as fmt

if TYPE_CHECKING:
    from pos_app.app import App

_INDEX = QModelIndex | QPersistentModelIndex
_CTX = "AttentionModel"


def tr(text: str) -> str:
    """Translate ``text`` in this module's context (lupdate files it under the empty one)."""
    return QCoreApplication.translate(_CTX, text)


def reason_text(code: str | None, message: str | None = None) -> str:
    """A failure code in plain words: the message catalogue's, as every screen shows it."""
    return messages.reason(code, message)


@dataclass(frozen=True, slots=True)
class AttentionItem:
    """One line of the list.

    Attributes:
        source: ``operation`` (a journal row: Retry and Dismiss apply) or ``payment``.
        id: the operation or payment id.
        kind: ``receive``, ``send``, ``melt``, ``restore`` or ``payment``.
        status: ``pending``, ``needs_review``...
        attempts: recovery attempts so far.
        next_retry_at: when the retry timer tries again (Unix seconds), if planned.
        reason: why it is here, in plain words.
        sale_id: the sale it belongs to, if any.
        amount: its amount in sat.
        detail: the reason's full sentence (the catalogue's), shown as its tooltip.
    """

    source: str
    id: str
    kind: str
    status: str
    attempts: int
    next_retry_at: int | None
    reason: str
    sale_id: str | None
    amount: int
    detail: str = ""

    @property
    def can_retry(self) -> bool:
        """Journal operations can be tried again, even after the retry timer gave up."""
        return self.source == "operation" and self.status in ("pending", "needs_review")

    @property
    def can_dismiss(self) -> bool:
        """Journal operations can be closed by the owner; payments in review rejected."""
        return True

    @property
    def can_accept(self) -> bool:
        """A payment in review can be accepted (credited) by the owner."""
        return self.source == "payment" and self.status == "needs_review"

    @property
    def can_refund(self) -> bool:
        """A refund owed can be given back as a token."""
        return self.source == "refund"


def review_item(p: dict[str, Any]) -> AttentionItem:
    """A payment in review, or a failed one the owner has not closed (``payments_to_review``)."""
    failed = p["state"] == "failed"
    return AttentionItem(
        "payment",
        p["id"],
        "payment",
        p["state"],
        0,
        None,
        failed_text(p["error_code"], p["offline"])
        if failed
        else reason_text(p["error_code"], p["error"]),
        p["sale_id"],
        p["amount"],
        detail=messages.reason_detail(p["error_code"], p["error"]),
    )


def failed_text(code: str | None, offline: bool) -> str:
    """Why a payment failed and what the owner does about it."""
    why = reason_text(code, tr("The mint refused the token"))
    if offline:
        todo = tr(
            "The sale was counted as paid offline, but the money never arrived: contact the "
            "customer or write it off, then Dismiss."
        )
    else:
        todo = tr(
            "The sale is not paid: ask the customer to pay again; if the goods have left, "
            "the amount is lost. Dismiss once it is settled."
        )
    return f"{why}. {todo}"


def refund_item(sale: dict[str, Any]) -> AttentionItem:
    """A cancelled or expired sale that took money and has not given it back."""
    return AttentionItem(
        "refund",
        sale["sale_id"],
        "refund",
        "refund_owed",
        0,
        None,
        (
            tr("Cancelled after {paid} was paid")
            if sale["state"] == "cancelled"
            else tr("Expired after {paid} was paid")
        ).format(paid=fmt.sats(sale["paid"], sale["unit"]))
        + ". "
        + tr(
            "Give it back: Refund makes a token (QR code and file); Dismiss if you "
            "refunded it another way."
        ),
        sale["sale_id"],
        sale["paid"],
    )


async def load_attention(core: App) -> list[AttentionItem]:
    """Open or review-pending operations, then payments needing review, then refunds owed."""
    operations = [
        AttentionItem(
            "operation",
            op["id"],
            op["kind"],
            op["status"],
            int(op["attempts"] or 0),
            op["next_retry_at"],
            reason_text(op["reason"]),
            op["sale_id"],
            int(op["amount"] or 0),
            detail=messages.reason_detail(op["reason"]),
        )
        for op in await core.wallet.recovery_list()
    ]
    payments = [review_item(p) for p in await core.sales.listing.payments_to_review()]
    refunds = [refund_item(sale) for sale in await core.sales.refunds.owed()]
    return operations + payments + refunds


class AttentionModel(QAbstractTableModel):
    """The attention list for a ``QTableView``; :meth:`set_items` replaces it."""

    HEADERS = (
        QT_TRANSLATE_NOOP("AttentionModel", "What"),
        QT_TRANSLATE_NOOP("AttentionModel", "Status"),
        QT_TRANSLATE_NOOP("AttentionModel", "Attempts"),
        QT_TRANSLATE_NOOP("AttentionModel", "Next retry"),
        QT_TRANSLATE_NOOP("AttentionModel", "Reason"),
        QT_TRANSLATE_NOOP("AttentionModel", "Sale"),
        QT_TRANSLATE_NOOP("AttentionModel", "Amount"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[AttentionItem] = []

    def set_items(self, items: list[AttentionItem]) -> None:
        """Show ``items`` (unchanged lists cost nothing)."""
        if items == self._items:
            return
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def items(self) -> list[AttentionItem]:
        """Everything listed."""
        return list(self._items)

    def item(self, row: int) -> AttentionItem | None:
        """The item on ``row``."""
        return self._items[row] if 0 <= row < len(self._items) else None

    def rowCount(self, parent: _INDEX = QModelIndex()) -> int:  # noqa: B008
        """Items listed."""
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _INDEX = QModelIndex()) -> int:  # noqa: B008
        """See :attr:`HEADERS`."""
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Translated column titles."""
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.HEADERS)
        ):
            return tr(self.HEADERS[section])
        return None

    def data(self, index: _INDEX, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, colour, alignment and tooltip of a cell."""
        item = self.item(index.row()) if index.isValid() else None
        if item is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            return theme.qcolor(fmt.STATE_COLORS.get(item.status, "text"))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 4:
                return item.detail or item.reason
            return item.sale_id if column == 5 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 6):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            _kind_label(item.kind),
            fmt.state_label(item.status),
            str(item.attempts) if item.source == "operation" else "—",
            fmt.when(item.next_retry_at) if item.next_retry_at else "—",
            item.reason,
            item.sale_id[:8] if item.sale_id else "—",
            fmt.sats(item.amount),
        ][column]


def _kind_label(kind: str) -> str:
    return {
        "receive": tr("Token redeem"),
        "send": tr("Export"),
        "melt": tr("Lightning payout"),
        "restore": tr("Restore"),
        "mint": tr("Mint"),
        "payment": tr("Payment"),
        "refund": tr("Refund owed"),
    }.get(kind, kind)
