"""Mint health: a status light per trusted mint, response time, uptime and latency history."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.errors import PosError
from pos_app.ui import theme
from pos_app.ui.context import UiContext
from pos_app.ui.models import sale_format as fmt
from pos_app.ui.page import Page
from pos_app.ui.tasks import spawn
from pos_app.ui.widgets.status_light import StatusLight

COLUMNS = (
    QT_TRANSLATE_NOOP("HealthPage", "Mint"),
    QT_TRANSLATE_NOOP("HealthPage", "Status"),
    QT_TRANSLATE_NOOP("HealthPage", "Last check"),
    QT_TRANSLATE_NOOP("HealthPage", "Response"),
    QT_TRANSLATE_NOOP("HealthPage", "Available (24 h)"),
    QT_TRANSLATE_NOOP("HealthPage", "Usual / slow answer (24 h)"),
    QT_TRANSLATE_NOOP("HealthPage", "Available (7 days)"),
    QT_TRANSLATE_NOOP("HealthPage", "Usual / slow answer (7 days)"),
)
# For the curious: what the plain column titles measure.
TIPS = {
    3: QT_TRANSLATE_NOOP("HealthPage", "How long the mint took to answer the last check."),
    4: QT_TRANSLATE_NOOP("HealthPage", "Share of checks the mint answered."),
    5: QT_TRANSLATE_NOOP(
        "HealthPage",
        "Usual: half of the answers were faster (median, p50). Slow: 19 of 20 answers were "
        "faster (95th percentile, p95).",
    ),
}
TIPS[6] = TIPS[4]
TIPS[7] = TIPS[5]


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f} ms"


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f} %"


class HealthPage(Page):
    """Trusted mints' health, refreshed on every health event and every few seconds.

    Only a change of status is an event; the timer keeps "Last check" and the
    response times current while the page is shown.
    """

    shortcut = "F5"

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.title = self.tr("Mints")
        heading = QLabel(self.tr("Mint health"))
        heading.setProperty("role", "title")
        self.summary = QLabel()
        self.summary.setProperty("role", "muted")
        self.check_button = QPushButton(self.tr("Check now"))
        theme.set_icon(self.check_button, "refresh")
        self.check_button.clicked.connect(self.check_now)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.check_button)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        for column, tip in TIPS.items():
            self.table.horizontalHeaderItem(column).setToolTip(self.tr(tip))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.rows: list[dict[str, Any]] = []
        self._timer = QTimer(self)
        self._timer.setInterval(5000)
        self._timer.timeout.connect(self.refresh)
        ui.bridge.mint_health_changed.connect(self._health_changed)  # dropped with the page

    def _health_changed(self, *_event: object) -> None:
        self.refresh()

    def activated(self) -> None:
        """Refresh now (checking mints whose last check is stale) and every few seconds."""
        self.refresh()
        # A page showing a minute-old "online" would mislead: check again if stale; the
        # health events refresh the table when the answers come.
        spawn(self.ui.core.services.health.check_if_stale(), on_error=lambda _e: None)
        self._timer.start()

    def deactivated(self) -> None:
        """Stop refreshing."""
        self._timer.stop()

    def shutdown(self) -> None:
        """Stop refreshing."""
        self._timer.stop()

    def refresh(self) -> None:
        """Read the history (in SQL, off the GUI thread) and redraw the table."""
        spawn(self.ui.core.services.health.history(), on_done=self._show, on_error=self.ui.report)

    def check_now(self) -> None:
        """Check every trusted mint immediately."""
        self.check_button.setEnabled(False)

        def done(_results: object) -> None:
            self.check_button.setEnabled(True)
            self.refresh()

        def failed(err: PosError) -> None:
            self.check_button.setEnabled(True)
            self.ui.report(err)

        spawn(self.ui.core.services.health.check_all(), on_done=done, on_error=failed)

    def _show(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            name = f"{row['name']}\n{row['url']}" if row["name"] else row["url"]
            cells = [
                name,
                None,
                fmt.ago(row["checked_at"]),
                _ms(row["latency_ms"]),
                _pct(row["24h"]["uptime_pct"]),
                f"{_ms(row['24h']['p50_ms'])} / {_ms(row['24h']['p95_ms'])}",
                _pct(row["7d"]["uptime_pct"]),
                f"{_ms(row['7d']['p50_ms'])} / {_ms(row['7d']['p95_ms'])}",
            ]
            for c, text in enumerate(cells):
                if text is None:
                    self.table.setCellWidget(r, c, StatusLight(row["status"]))
                    continue
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        offline = [r for r in rows if r["status"] == "offline"]
        if not rows:
            self.summary.setText(self.tr("No trusted mint yet. Add one in Settings."))
        elif offline:
            self.summary.setText(
                self.tr(
                    "%n mint(s) offline. Tokens from them are kept and retried.", "", len(offline)
                )
            )
        else:
            self.summary.setText(self.tr("All trusted mints answer."))
