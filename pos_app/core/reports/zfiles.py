"""An X or Z report as a PDF (A4, searchable text) and as CSV, from :mod:`.zsections`."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path
from typing import Any

import matplotlib
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from pos_app.core.reports.files import replaced
from pos_app.core.reports.zsections import (
    NOTES,
    Section,
    Translate,
    english,
    notes,
    sections,
    title,
)

A4 = (8.27, 11.69)
LINE = 0.017
TOP, BOTTOM, LEFT, RIGHT = 0.93, 0.06, 0.06, 0.94


class _Pages:
    """Lines of text laid out down A4 pages; a new page when one is full."""

    def __init__(self, pdf: PdfPages, heading: str) -> None:
        self.pdf, self.heading = pdf, heading
        self.page: Figure | None = None
        self.count = 0
        self.y = BOTTOM

    def need(self, lines: int) -> None:
        if self.page is not None and self.y - lines * LINE >= BOTTOM:
            return
        self.finish()
        self.count += 1
        self.page = Figure(figsize=A4)
        self.page.text(LEFT, 0.97, self.heading, fontsize=10)
        self.page.text(RIGHT, 0.03, f"page {self.count}", fontsize=8, ha="right")
        self.y = TOP

    def text(self, x: float, text: str, **style: Any) -> None:
        assert self.page is not None
        self.page.text(x, self.y, text, fontsize=style.pop("fontsize", 9), **style)

    def finish(self) -> None:
        if self.page is not None:
            self.pdf.savefig(self.page)
            self.page = None


def _columns(count: int) -> list[tuple[float, str]]:
    """The x and alignment of each column: the first left, the others right-aligned."""
    if count == 1:
        return [(LEFT, "left")]
    width = (RIGHT - 0.5) / (count - 1)
    return [(LEFT, "left")] + [(0.5 + width * i, "right") for i in range(1, count)]


def _section(pages: _Pages, section: Section) -> None:
    pages.need(3 + min(len(section.rows), 1))
    pages.text(LEFT, section.title, fontsize=11, weight="bold")
    pages.y -= LINE * 1.3
    columns = _columns(len(section.header))
    rows = section.rows or [("none",) + ("",) * (len(section.header) - 1)]
    if any(section.header):
        for (x, align), name in zip(columns, section.header, strict=True):
            pages.text(x, name, ha=align, style="italic")
        pages.y -= LINE
    for row in rows:
        pages.need(1)
        for (x, align), cell in zip(columns, row, strict=True):
            pages.text(x, cell, ha=align)
        pages.y -= LINE
    pages.y -= LINE * 0.7


def write_z_pdf(out: Path, report: dict[str, Any], tr: Translate = english) -> int:
    """Write the report as a PDF (in ``tr``'s language); returns the number of pages.

    The file is replaced whole.
    """
    shop = report["shop"]
    heading = f"{shop} - {title(report, tr)}" if shop else title(report, tr)
    with (
        replaced(Path(out)) as tmp,
        matplotlib.rc_context({"pdf.fonttype": 42}),
        PdfPages(tmp) as pdf,
    ):
        pages = _Pages(pdf, heading)
        for section in sections(report, tr):
            _section(pages, section)
        explained = notes(report, tr)
        if explained:
            pages.need(2)
            pages.text(LEFT, tr(NOTES), fontsize=11, weight="bold")
            pages.y -= LINE * 1.3
            for note in explained:
                pages.need(1)
                pages.text(LEFT, note, fontsize=8, wrap=True)
                pages.y -= LINE * (1 + len(note) // 110)
        pages.finish()
        pdf.infodict()["Title"] = heading
        pdf.infodict()["CreationDate"] = datetime.now().astimezone()
    return pages.count


def write_z_csv(out: Path, report: dict[str, Any], tr: Translate = english) -> int:
    """Write the report as CSV (section, then the table's cells); returns the data rows."""
    count = 0
    with (
        replaced(Path(out)) as tmp,
        tmp.open("w", encoding="utf-8-sig", newline="") as handle,
    ):
        writer = csv.writer(handle, lineterminator="\r\n")
        for section in sections(report, tr):
            writer.writerow([section.title, *section.header])
            for row in section.rows:
                writer.writerow([section.title, *row])
                count += 1
        for note in notes(report, tr):
            writer.writerow([tr(NOTES), note])
    return count
