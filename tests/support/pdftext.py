"""The text of a PDF, read by Qt's PDF module (PDFium): what a reader would copy out."""

from __future__ import annotations


def pdf_text(path) -> str:
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtWidgets import QApplication

    # A widgets application, never a plain core one: the GUI tests that run later in the
    # same process reuse whatever application exists, and widgets need this kind.
    _app = QApplication.instance() or QApplication([])
    doc = QPdfDocument()
    doc.load(str(path))
    text = "\n".join(doc.getAllText(p).text() for p in range(doc.pageCount()))
    return text.replace("\u202f", " ")  # the narrow space comes out as a plain one
