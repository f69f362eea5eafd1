"""The "Needs attention" list of the Activity page: Retry, Refund, Dismiss, the sale's details."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.errors import PosError
from pos_app.core.wallet.recovery import Outcome
from pos_app.ui import theme
from pos_app.ui.context import UiContext
from pos_app.ui.dialogs.dismiss_dialog import DismissDialog
from pos_app.ui.dialogs.refund_dialog import RefundDialog
from pos_app.ui.models import sale_format as fmt
from pos_app.ui.models.attention_model import (
    AttentionItem,
    AttentionModel,
    load_attention,
    reason_text,
)
from pos_app.ui.tasks import Newest, spawn

MAX_VISIBLE_ROWS = 4


class AttentionPanel(QFrame):
    """Interrupted operations and payments the owner must look at.

    Signals:
        count_changed(int): items listed after a refresh.
        open_sale(str): the owner asked for a sale's details.
        loaded(): a refresh was applied.
        acted(str): a retry or dismissal finished; the text says how it went.
    """

    count_changed = Signal(int)
    open_sale = Signal(str)
    loaded = Signal()
    acted = Signal(str)

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.setProperty("role", "card")
        self.model = AttentionModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(34)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.title = QLabel(self.tr("Needs attention"))
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.empty = QLabel(self.tr("Nothing needs attention."))
        self.empty.setProperty("role", "muted")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("Retry"))
        self.retry_button.setProperty("role", "primary")
        self.dismiss_button = QPushButton(self.tr("Dismiss…"))
        self.dismiss_button.setProperty("role", "danger")
        self.details_button = QPushButton(self.tr("Sale details"))
        self.accept_button = QPushButton(self.tr("Accept…"))
        self.accept_button.setToolTip(self.tr("Credit this payment to its sale"))
        self.accept_button.clicked.connect(self.accept_payment)
        self.refund_button = QPushButton(self.tr("Refund…"))
        self.refund_button.setProperty("role", "primary")
        self.refund_button.setToolTip(self.tr("Give the paid amount back as a token"))
        self.refund_button.clicked.connect(self.refund)
        self.retry_button.clicked.connect(self.retry)
        self.dismiss_button.clicked.connect(self.dismiss)
        self.details_button.clicked.connect(self._details)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.view.doubleClicked.connect(self._details)

        buttons = QHBoxLayout()
        buttons.addWidget(self.title)
        buttons.addSpacing(12)
        buttons.addWidget(self.empty)
        buttons.addStretch(1)
        self._actions = (
            self.refund_button,
            self.retry_button,
            self.accept_button,
            self.dismiss_button,
            self.details_button,
        )
        for button in self._actions:
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view)
        layout.addWidget(self.status)
        self._busy = False
        self.dismiss_dialog: DismissDialog | None = None  # the open one (tests reach it here)
        self.refund_dialog: RefundDialog | None = None
        self._reads = Newest()  # an event's refresh and the page's own may overlap
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(150)
        self._refresh_timer.timeout.connect(self.refresh)
        bridge = ui.bridge
        # Bound methods, not lambdas: Qt drops them with the panel, while the bridge lives on.
        bridge.operation_changed.connect(self._refresh_soon)
        bridge.operation_recovered.connect(self._refresh_soon)
        bridge.sale_changed.connect(self._refresh_soon)
        bridge.notification.connect(self._on_notification)
        self._show_items([])

    # -- data ------------------------------------------------------------------------------

    def _refresh_soon(self, *_event: object) -> None:
        self._refresh_timer.start()  # one read for a burst of events

    def refresh(self) -> None:
        """Reload the list."""
        self._refresh_timer.stop()
        self._reads.spawn(
            load_attention(self.ui.core), on_done=self._show_items, on_error=self._failed
        )

    def selected(self) -> AttentionItem | None:
        """The highlighted item (the only one when there is one)."""
        rows = self.view.selectionModel().selectedRows()
        if rows:
            return self.model.item(rows[0].row())
        return self.model.item(0) if self.model.rowCount() == 1 else None

    def _show_items(self, items: list[AttentionItem]) -> None:
        selected = self.selected()
        self.model.set_items(items)
        if selected is not None:
            for row, item in enumerate(items):
                if item.id == selected.id:
                    self.view.selectRow(row)
        self.empty.setVisible(not items)
        self.view.setVisible(bool(items))
        for button in self._actions:
            button.setVisible(bool(items))
        self._fit_rows(len(items))
        self.title.setText(
            self.tr("Needs attention ({count})").format(count=len(items))
            if items
            else self.tr("Needs attention")
        )
        self._update_buttons()
        self.count_changed.emit(len(items))
        self.loaded.emit()

    def _fit_rows(self, rows: int) -> None:
        """As tall as its rows, up to ``MAX_VISIBLE_ROWS`` (then it scrolls)."""
        shown = max(1, min(rows, MAX_VISIBLE_ROWS))
        header = self.view.horizontalHeader().sizeHint().height()
        height = header + shown * self.view.verticalHeader().defaultSectionSize()
        self.view.setFixedHeight(height + 2 * self.view.frameWidth() + 2)

    # -- actions ---------------------------------------------------------------------------

    def retry(self) -> None:
        """Try the selected operation again now."""
        item = self.selected()
        if item is None or not item.can_retry or self._busy:
            return
        self._set_busy(True, self.tr("Trying again…"))
        spawn(
            self.ui.core.wallet.recovery.run(item.id, manual=True),
            on_done=self._retried,
            on_error=self._failed,
        )

    def dismiss(self) -> None:
        """Ask why, then close the selected operation for good."""
        item = self.selected()
        if item is not None and item.can_dismiss and not self._busy:
            self._ask_reason(item, lambda reason: self._dismiss(item, reason))

    def refund(self) -> None:
        """Open the refund dialog for the selected refund owed."""
        item = self.selected()
        if item is None or not item.can_refund or self._busy:
            return
        dialog = RefundDialog(self.ui, item, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.refunded.connect(
            lambda r: self._finished(
                self.tr("Refund token made: {amount}.").format(amount=fmt.sats(r.amount, r.unit))
            )
        )
        dialog.open()
        self.refund_dialog = dialog

    def accept_payment(self) -> None:
        """Ask why, then credit the selected payment in review to its sale."""
        item = self.selected()
        if item is not None and item.can_accept and not self._busy:
            self._ask_reason(
                item, lambda reason: self._review(item, reason, accept=True), accepting=True
            )

    def _ask_reason(
        self, item: AttentionItem, then: Callable[[str], None], *, accepting: bool = False
    ) -> None:
        dialog = DismissDialog(item, self, accepting=accepting)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.reason_given.connect(then)
        dialog.open()
        self.dismiss_dialog = dialog

    def _review(self, item: AttentionItem, reason: str, *, accept: bool) -> None:
        self._set_busy(True, self.tr("Saving your decision…"))
        spawn(
            self.ui.allowed(
                "manager",
                self.tr("Accept the payment") if accept else self.tr("Reject the payment"),
                lambda: self.ui.core.sales.review(item.id, accept=accept, reason=reason),
            ),
            on_done=lambda _r: self._finished(
                self.tr("Accepted: credited to the sale.") if accept else self.tr("Rejected.")
            ),
            on_error=self._failed,
        )

    def _dismiss(self, item: AttentionItem, reason: str) -> None:
        if item.source == "refund":
            self._set_busy(True, self.tr("Saving…"))
            spawn(
                self.ui.allowed(
                    "manager",
                    self.tr("Record the refund"),
                    lambda: self.ui.core.sales.refunds.close(item.id, reason),
                ),
                on_done=lambda _sale: self._finished(self.tr("Recorded as refunded.")),
                on_error=self._failed,
            )
            return
        if item.source == "payment":
            self._review(item, reason, accept=False)
            return
        self._set_busy(True, self.tr("Dismissing…"))
        spawn(
            self.ui.allowed(
                "manager",
                self.tr("Dismiss"),
                lambda: self.ui.core.wallet.recovery.dismiss(item.id, reason),
            ),
            on_done=lambda _outcome: self._finished(self.tr("Dismissed.")),
            on_error=self._failed,
        )

    def _retried(self, outcome: Outcome) -> None:
        if outcome.state in ("recovered", "done"):
            text = self.tr("Finished: {amount} recovered.").format(amount=fmt.sats(outcome.amount))
        elif outcome.action == "waiting":
            text = self.tr("The mint is still working on it. Try again later.")
        elif outcome.state == "pending":
            text = self.tr("Not yet: {reason}. The app keeps the token and will try again.").format(
                reason=reason_text(outcome.error_code)
            )
        elif outcome.state == "failed":
            text = self.tr("It could not be finished: {reason}.").format(
                reason=reason_text(outcome.error_code)
            )
        else:
            text = self.tr("Nothing left to do.")
        self._finished(text)

    def _finished(self, text: str) -> None:
        self._set_busy(False, text)
        self.acted.emit(text)
        self.refresh()

    def _failed(self, err: PosError) -> None:
        self._set_busy(False, err.user_message)
        theme.set_role(self.status, "error")
        self.acted.emit(err.user_message)

    def _set_busy(self, busy: bool, text: str) -> None:
        self._busy = busy
        theme.set_role(self.status, "muted" if busy else "")
        self.status.setText(text)
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        item = self.selected()
        self.retry_button.setEnabled(not self._busy and item is not None and item.can_retry)
        self.dismiss_button.setEnabled(not self._busy and item is not None and item.can_dismiss)
        self.accept_button.setEnabled(not self._busy and item is not None and item.can_accept)
        self.accept_button.setVisible(item is not None and item.source == "payment")
        self.refund_button.setEnabled(not self._busy and item is not None and item.can_refund)
        self.refund_button.setVisible(item is not None and item.can_refund)
        self.details_button.setEnabled(item is not None and bool(item.sale_id))

    def _details(self, *_args: object) -> None:
        item = self.selected()
        if item is not None and item.sale_id:
            self.open_sale.emit(item.sale_id)

    def _on_notification(
        self, _level: str, _title: str, _body: str, kind: str, _data: object
    ) -> None:
        if kind in ("needs_review", "payment_failed", "offline_failed"):
            self._refresh_timer.start()
