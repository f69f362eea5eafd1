"""The setup wizard's camera test and receipt printer test.

The camera is a video file played through the app's own capture and decode threads (the
same code as at the counter); the printer is Qt's PDF printer behind a named printer, as
the system's would be.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter

from pos_app.ui import receipt
from pos_app.ui.dialogs.setup_wizard import SetupWizard
from pos_app.ui.widgets.printer_page import TEST_QR
from tests.support.qrvideo import static_qr_video

pytestmark = pytest.mark.gui

PRINTERS = ["Till roll", "Office laser"]


class PdfPrinters:
    """Named printers that print to PDF files; "Office laser" is switched off."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.jobs: list[tuple[receipt.Receipt, str, str, Path]] = []

    def __call__(self, data: receipt.Receipt, name: str, paper: str) -> bool:
        if name != "Till roll":
            return False
        out = self.folder / f"job{len(self.jobs)}.pdf"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        self.jobs.append((data, name, paper, out))
        return receipt.print_to(printer, data, paper)


@pytest.fixture
def printers(tmp_path):
    return PdfPrinters(tmp_path)


@pytest.fixture
def wizard(qtbot, qloop, tmp_path, printers):
    made = SetupWizard(
        tmp_path / "wallet",
        lambda url: None,
        keyring_available=False,
        env_key=False,
        printers=lambda: list(PRINTERS),
        print_direct=printers,
    )
    qtbot.addWidget(made)
    made.show()
    yield made
    made.camera.shutdown()


def test_any_code_proves_the_camera_and_a_missing_camera_is_said_and_skippable(
    wizard, qtbot, tmp_path
):
    page = wizard.camera
    video = static_qr_video(tmp_path / "other.avi", "https://example.com/menu", seconds=1)
    page.set_source(str(video.path))
    wizard.show_page(page)  # entering starts the chosen camera
    qtbot.waitUntil(lambda: page.result == "read", timeout=20_000)
    assert page.status.text() == ("The camera read a code (https://example.com/menu): it is ready.")
    assert "read a code" in page.summary()

    page.set_source("7")  # no such camera here
    qtbot.waitUntil(lambda: page.result == "failed", timeout=20_000)
    assert page.status.text().startswith("The camera could not be used: Cannot open camera 7")
    assert "go on and test it later" in page.status.text()
    assert page.summary() == "Camera: Camera 7, could not be opened (test it later)"
    assert wizard.next_button.isEnabled()  # a shop without a camera goes on
    wizard.go_next()
    assert wizard.page is wizard.printer and page.worker is None
    wizard.go_back()  # coming back opens the camera again
    qtbot.waitUntil(lambda: page.worker is not None, timeout=5000)
    wizard.reject()  # Quit closes it at once
    assert page.worker is None


def test_the_test_receipt_carries_the_shop_typed_and_prints_on_the_chosen_printer(
    wizard, printers, qtbot
):
    wizard.shop.name.setText("Corner Café")
    wizard.shop.vat_number.setText("DE123456789")
    wizard.show_page(wizard.printer)
    page = wizard.printer
    assert [page.printer.itemText(i) for i in range(page.printer.count())][1:] == PRINTERS
    page.printer.setCurrentIndex(page.printer.findData("Till roll"))
    page.paper.set_value("58mm")
    page.test_button.click()
    assert (
        page.result == "printed" and page.status.text() == "Sent to the printer. Check the paper."
    )
    data, name, paper, out = printers.jobs[-1]
    assert (name, paper) == ("Till roll", "58mm")
    assert data.title == "Corner Café" and "VAT no. DE123456789" in data.header
    assert data.qr == TEST_QR and "Till roll" in data.text()
    assert out.read_bytes().startswith(b"%PDF") and out.stat().st_size > 2000
    assert page.summary() == "Receipt printer: Till roll, 58mm paper, test printed"
    assert page.settings() == {"receipt.printer": "Till roll", "receipt.paper": "58mm"}

    page.printer.setCurrentIndex(page.printer.findData("Office laser"))
    assert page.status.text() == ""  # a new choice is untested
    page.test_button.click()
    assert page.result == "failed"
    assert page.status.text().startswith("Office laser did not print")
    assert page.summary() == "Receipt printer: Office laser, 58mm paper"


def test_without_a_printer_the_test_goes_through_the_print_dialog(wizard, qtbot):
    page = wizard.printer
    wizard.show_page(page)
    assert page.printer_name == ""
    page.test_button.click()
    assert page.dialog is not None and page.dialog.isVisible()  # open(), not exec()
    page.dialog.reject()
    assert page.result == "failed" and page.status.text() == "Nothing was printed."
    assert page.summary() == "Receipts: the print dialog each time, 80mm paper"
