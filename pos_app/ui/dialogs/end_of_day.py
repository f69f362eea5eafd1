"""End of day: the X report now, closing the day with a Z report, and the Z reports so far.

Opened from the Analytics page with ``.open()`` (never ``exec()``): the till keeps
working while it is shown. The report body is the same :mod:`zsections` tables as the
printed PDF and the CSV, so screen and paper agree line by line.

On a shop's shared database a choice shows "This till" (its own sales, its own Z
reports) or "Whole shop" (every till's sales and the ecash drawer, the shop's Z
reports); a single till has one kind of report and shows no choice.
"""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.errors import PosError
from pos_app.core.reports.zsections import NOTES, notes, sections
from pos_app.ui import messages, theme
from pos_app.ui.context import UiContext
from pos_app.ui.tasks import spawn


def translate(text: str) -> str:
    """A report text in the app's language."""
    return QCoreApplication.translate("Reports", text)


def report_html(report: dict[str, Any]) -> str:
    """The report's tables and notes as HTML for the viewer, in the app's language."""
    parts = []
    for section in sections(report, translate):
        parts.append(f"<h3>{html.escape(section.title)}</h3><table width='100%' cellpadding='2'>")
        if any(section.header):
            cells = "".join(
                f"<th align='{'left' if i == 0 else 'right'}'>{html.escape(h)}</th>"
                for i, h in enumerate(section.header)
            )
            parts.append(f"<tr>{cells}</tr>")
        for row in section.rows:
            cells = "".join(
                f"<td align='{'left' if i == 0 else 'right'}'>{html.escape(c)}</td>"
                for i, c in enumerate(row)
            )
            parts.append(f"<tr>{cells}</tr>")
        if not section.rows:
            parts.append("<tr><td>-</td></tr>")
        parts.append("</table>")
    said = notes(report, translate)
    if said:
        parts.append(f"<h3>{html.escape(translate(NOTES))}</h3><ul>")
        parts += [f"<li>{html.escape(n)}</li>" for n in said]
        parts.append("</ul>")
    return "".join(parts)


class EndOfDayDialog(QDialog):
    """X report, Z closing and the list of Z reports, with PDF and CSV files of each."""

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.report: dict[str, Any] | None = None
        self.setWindowTitle(self.tr("End of day"))
        self.resize(900, 620)
        self.reports = QListWidget()
        self.reports.setMinimumWidth(300)
        self.reports.currentItemChanged.connect(self._chosen)
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        # Tables take the view's width; a sideways scroll bar would only show the margin.
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.x_button = QPushButton(self.tr("Now (X report)"))
        self.x_button.setToolTip(self.tr("The figures and the drawer since the last Z report"))
        self.x_button.clicked.connect(self.show_x)
        self.z_button = QPushButton(self.tr("Close the day (Z report)…"))
        self.z_button.setProperty("role", "primary")
        self.z_button.clicked.connect(self.ask_close)
        self.pdf_button = QPushButton(self.tr("Save PDF…"))
        self.csv_button = QPushButton(self.tr("Save CSV…"))
        self.pdf_button.clicked.connect(lambda: self._save("pdf"))
        self.csv_button.clicked.connect(lambda: self._save("csv"))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        self.scope_choice = QComboBox()
        self.scope_choice.addItem(self.tr("This till"), "till")
        self.scope_choice.addItem(self.tr("Whole shop"), "shop")
        self.scope_choice.setToolTip(
            self.tr(
                "This till: its own sales and Z reports. Whole shop: every till's sales "
                "and the ecash drawer, with the shop's own Z reports."
            )
        )
        self.shared = ui.core.reports.shared()  # one of several tills on the shop's database
        self.scope_choice.setVisible(self.shared)
        self.scope_choice.currentIndexChanged.connect(self._scope_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.scope_choice)
        for button in (self.x_button, self.z_button, self.pdf_button, self.csv_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(self.tr("Z reports")))
        column.addWidget(self.reports, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.view)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        self._set_report(None)
        self.show_x()
        self.load_list()

    # -- loading -------------------------------------------------------------------------

    def scope(self) -> str:
        """``till`` or ``shop``: whose reports are shown and closed."""
        return str(self.scope_choice.currentData())

    def _scope_changed(self) -> None:
        self._set_report(None)
        self.show_x()
        self.load_list()

    def _busy(self, text: str) -> None:
        self.status.setText(text)
        theme.set_role(self.status, "muted")
        for button in (self.x_button, self.z_button):
            button.setEnabled(False)

    def _idle(self) -> None:
        for button in (self.x_button, self.z_button):
            button.setEnabled(True)

    def _failed(self, err: PosError) -> None:
        self._idle()
        self.status.setText(messages.error_line(err))
        theme.set_role(self.status, "error")

    def show_x(self) -> None:
        """Compute the X report (asks the mints about the drawer's coins)."""
        self._busy(self.tr("Counting, and checking the drawer at the mints…"))
        self.reports.blockSignals(True)
        self.reports.setCurrentRow(-1)
        self.reports.blockSignals(False)
        spawn(
            self.ui.core.reports.x_report(scope=self.scope()),
            on_done=self._shown_x,
            on_error=self._failed,
        )

    def _shown_x(self, report: dict[str, Any]) -> None:
        self._idle()
        self._set_report(report)
        self.status.setText(self.tr("This X report changes nothing. Close the day to keep it."))
        theme.set_role(self.status, "muted")

    def load_list(self, select: int | None = None) -> None:
        """Reload the Z reports (and show number ``select`` when given)."""
        spawn(
            self.ui.core.reports.z_reports(self.scope()),
            on_done=lambda rows: self._listed(rows, select),
            on_error=self._failed,
        )

    def _listed(self, rows: list[dict[str, Any]], select: int | None) -> None:
        self.reports.blockSignals(True)
        self.reports.clear()
        for row in rows:
            closed = datetime.fromisoformat(row["period"]["to"]).strftime("%Y-%m-%d %H:%M")
            text = self.tr("Z {number} · {closed} · {sales} sales").format(
                number=row["number"], closed=closed, sales=row["sales"]
            )
            if not row["intact"]:
                text += " · " + self.tr("CHANGED")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row["number"])
            if not row["intact"]:
                item.setToolTip(
                    self.tr("This report no longer matches its digest: it was changed.")
                )
            self.reports.addItem(item)
            if row["number"] == select:
                self.reports.setCurrentItem(item)
        self.reports.blockSignals(False)

    def _chosen(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        number = int(item.data(Qt.ItemDataRole.UserRole))
        spawn(
            self.ui.core.reports.z_report(number, self.scope()),
            on_done=self._shown_z,
            on_error=self._failed,
        )

    def _shown_z(self, report: dict[str, Any]) -> None:
        self._set_report(report)
        if report.get("intact") is False:
            self.status.setText(
                self.tr("This report no longer matches its digest: it was changed.")
            )
            theme.set_role(self.status, "error")
        else:
            self.status.setText(
                self.tr("Z report {number}, closed.").format(number=report["number"])
            )
            theme.set_role(self.status, "muted")

    def _set_report(self, report: dict[str, Any] | None) -> None:
        self.report = report
        self.view.setHtml(report_html(report) if report else "")
        for button in (self.pdf_button, self.csv_button):
            button.setEnabled(report is not None)

    # -- closing -------------------------------------------------------------------------

    def ask_close(self) -> None:
        """Ask before closing: a Z report cannot be undone."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Close the day"))
        if self.shared and self.scope() == "shop":
            question = self.tr(
                "Close the whole shop's period with a shop Z report? It counts every till's "
                "sales and the ecash drawer, gets the shop's next number, is kept "
                "unchangeable, and the sales in it can no longer change."
            )
        else:
            question = self.tr(
                "Close the period with a Z report? It gets the next number, is kept "
                "unchangeable, and the sales in it can no longer change."
            )
        box.setText(question)
        self.confirm = box.addButton(self.tr("Close the day"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.finished.connect(lambda _code: self._confirmed(box.clickedButton() is self.confirm))
        self.confirm_box = box
        box.open()

    def _confirmed(self, yes: bool) -> None:
        if yes:
            self.close_day()

    def close_day(self) -> None:
        """Close the period now (no question asked: :meth:`ask_close` asks)."""
        self._busy(self.tr("Closing the day…"))
        spawn(
            self.ui.core.reports.close_z(scope=self.scope()),
            on_done=self._closed,
            on_error=self._failed,
        )

    def _closed(self, report: dict[str, Any]) -> None:
        self._idle()
        self._set_report(report)
        if report["closed"]:
            text = self.tr("Z report {number} is closed.")
        else:
            text = self.tr("Nothing happened since Z report {number}: nothing was closed.")
        self.status.setText(text.format(number=report["number"]))
        theme.set_role(self.status, "ok" if report["closed"] else "muted")
        self.load_list(select=report["number"])

    # -- files ---------------------------------------------------------------------------

    def _save(self, kind: str) -> None:
        if self.report is None:
            return
        name = (
            f"z-report-{self.report['number']}"
            if self.report["kind"] == "Z"
            else f"x-report-{datetime.now():%Y%m%d-%H%M}"
        )
        chooser = QFileDialog(self, self.tr("Save the report"))
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setDefaultSuffix(kind)
        chooser.selectFile(str(Path.home() / f"{name}.{kind}"))
        chooser.fileSelected.connect(lambda path: self.save_to(kind, Path(path)))
        self.chooser = chooser
        chooser.open()

    def save_to(self, kind: str, out: Path) -> None:
        """Write the shown report to ``out`` as ``pdf`` or ``csv`` (off the GUI thread)."""
        if self.report is None:
            return
        reports = self.ui.core.reports
        write = reports.write_z_pdf if kind == "pdf" else reports.write_z_csv
        spawn(write(self.report, out, translate), on_done=self._saved, on_error=self._failed)

    def _saved(self, done: dict[str, Any]) -> None:
        self.status.setText(self.tr("Saved to {file}").format(file=done["file"]))
        theme.set_role(self.status, "ok")
