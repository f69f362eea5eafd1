"""Wallet page: balances, export to a folder with a QR code, import by paste, file and camera,
the mints check, and the removable-drive detection behind the default export folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from coincurve import PrivateKey
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from sqlalchemy import select

from pos_app.app import App
from pos_app.core.cashu.tokens import parse_token
from pos_app.core.store.schema import ReceivedToken
from pos_app.ui import removable
from pos_app.ui.dialogs.export_dialog import ExportDialog
from pos_app.ui.dialogs.import_dialog import ImportDialog, read_token_file
from pos_app.ui.messages import error_line
from pos_app.ui.pages.wallet import WalletPage
from pos_app.ui.removable import MountEntry
from pos_app.ui.widgets.qr import MAX_STATIC
from tests.gui.conftest import make_token
from tests.support.qrvideo import animated_ur_video, static_qr_video


@pytest.fixture
def page(ui, qtbot) -> WalletPage:
    p = WalletPage(ui)
    qtbot.addWidget(p)
    p.resize(1000, 700)
    p.show()
    return p


@pytest.fixture
def funded(core, arun, mint, page, qtbot) -> WalletPage:
    """The page over a wallet holding 100 sat at the shared mint."""
    arun(core.mints.add(mint.url))
    arun(core.wallet.receive(make_token(mint.url, 100), source="test"))
    with qtbot.waitSignal(page.balances_loaded, timeout=5000):
        page.activated()
    return page


def host(url: str) -> str:
    return url.removeprefix("http://")


# -- balances --------------------------------------------------------------------------------


@pytest.mark.gui
@pytest.mark.mint
def test_balance_shown_and_follows_a_receive(page, qtbot, core, arun, mint):
    with qtbot.waitSignal(page.balances_loaded):
        page.activated()
    assert page.balance_text() == [] and page.empty.isVisible()
    assert not page.export_button.isEnabled()
    arun(core.mints.add(mint.url))
    with qtbot.waitSignal(page.balances_loaded, timeout=10_000):  # from balance_changed
        arun(core.wallet.receive(make_token(mint.url, 64), source="test"))
    assert page.balance_text() == [(host(mint.url), "sat", "64 sat")]
    assert page.total.text() == "Total 64 sat" and page.export_button.isEnabled()
    assert not page.empty.isVisible()


# -- export ----------------------------------------------------------------------------------


def export(dialog: ExportDialog, qtbot, folder: Path, amount: int, lock: str = "") -> None:
    dialog.folder.setText(str(folder))
    dialog.amount.setValue(amount)
    dialog.lock.setText(lock)
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)


@pytest.mark.gui
@pytest.mark.mint
def test_export_writes_the_file_shows_a_qr_and_the_cli_redeems_it(
    funded, qtbot, core, arun, mint, tmp_path
):
    page = funded
    dialog = page.open_export()
    assert dialog is not None and dialog.isVisible()
    assert dialog.mint.count() == 1 and dialog.amount.maximum() == 100
    usb = tmp_path / "usb"
    usb.mkdir()
    with qtbot.waitSignal(page.balances_loaded, timeout=10_000):
        export(dialog, qtbot, usb, 21)
    sent = dialog.sent
    assert sent is not None and sent.amount == 21
    files = sorted(p.name for p in usb.iterdir())
    assert len(files) == 2 and files[0].endswith(".png") and files[1].endswith(".txt")
    assert (usb / files[1]).read_text().strip() == sent.token == dialog.result_view.qr.text
    assert dialog.stack.currentIndex() == 1
    assert dialog.result_view.qr.animated == (
        len(sent.token) > MAX_STATIC
    )  # three proofs with DLEQ: animated
    assert str(usb / files[1]) in dialog.result_view.facts.text()
    assert "21 sat" in dialog.result_view.title.text()
    qtbot.mouseClick(dialog.result_view.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == sent.token
    assert page.balance_text() == [(host(mint.url), "sat", "79 sat")]

    assert "Received" in mint.cli_receive(sent.token)
    with qtbot.waitSignal(page.checked, timeout=20_000) as checked:
        qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    assert "1 exported token(s) were redeemed." in checked.args[0]
    dialog.close()


@pytest.mark.gui
@pytest.mark.mint
def test_exported_token_redeems_in_another_app(funded, qtbot, arun, mint, tmp_path):
    page = funded
    dialog = page.open_export()
    export(dialog, qtbot, tmp_path, 30)
    other, _ = App.init(tmp_path / "other-shop", trust_env=False)
    try:
        arun(other.mints.add(mint.url))
        result = arun(other.wallet.receive(dialog.sent.token, source="file"))
        assert result.amount == 30
    finally:
        arun(other.aclose())
    dialog.close()


@pytest.mark.gui
@pytest.mark.mint
def test_two_exports_to_one_folder_keep_both_tokens(funded, qtbot, mint, tmp_path):
    page = funded
    tokens = []
    for amount in (40, 10):
        dialog = page.open_export()
        export(dialog, qtbot, tmp_path, amount)
        tokens.append((amount, dialog.sent))
        dialog.close()
    texts = sorted(tmp_path.glob("*.txt"))
    assert len(texts) == 2
    assert {p.read_text().strip() for p in texts} == {sent.token for _, sent in tokens}
    for amount, sent in tokens:
        name = Path(sent.file).name
        assert f"-{amount}sat-{host(mint.url).replace(':', '_')}-" in name
        assert Path(sent.file).read_text().strip() == sent.token
    for _, sent in tokens:
        assert "Received" in mint.cli_receive(sent.token)


@pytest.mark.gui
@pytest.mark.mint
def test_locked_export_and_errors_in_plain_words(funded, qtbot, mint, tmp_path):
    page = funded
    dialog = page.open_export()
    qtbot.waitUntil(lambda: bool(dialog.folder.text()))  # the proposed folder, found in a thread
    assert "USB drive" in dialog.drive_hint.text()
    dialog.folder.setText(str(tmp_path / "unplugged"))
    with qtbot.waitSignal(dialog.failed, timeout=5000) as refused:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert refused.args[0].code == "export.no_folder"
    assert dialog.error.isVisible() and "folder that exists" in dialog.error.text()
    assert dialog.export_button.isEnabled() and dialog.stack.currentIndex() == 0
    dialog.folder.setText(str(tmp_path))
    dialog.lock.setText("02abc")
    with qtbot.waitSignal(dialog.failed, timeout=10_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "The public key to lock to is not valid (66 hex characters)."
    assert dialog.export_button.isEnabled() and dialog.stack.currentIndex() == 0
    pub = PrivateKey(os.urandom(32)).public_key.format().hex()
    export(dialog, qtbot, tmp_path, 16, lock=pub)
    assert dialog.sent.locked_to == pub and f"Locked to: {pub}" in dialog.result_view.facts.text()
    assert all(p.secret.startswith('["P2PK"') for p in parse_token(dialog.sent.token).proofs)
    dialog.close()


# -- import ----------------------------------------------------------------------------------


@pytest.mark.gui
@pytest.mark.mint
def test_import_by_paste(page, qtbot, core, arun, mint):
    arun(core.mints.add(mint.url))
    tok = make_token(mint.url, 32)
    dialog = page.open_import()
    assert isinstance(dialog, ImportDialog) and dialog.isVisible()
    qtbot.mouseClick(dialog.receive_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome.text() == "Paste, scan or open a token first."
    QGuiApplication.clipboard().setText(tok)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)  # shortcuts need the active window
    dialog.text.setFocus()
    qtbot.keySequence(dialog.text, "Ctrl+V")
    assert dialog.text.toPlainText() == tok and dialog.source == "paste"
    with qtbot.waitSignal(dialog.received, timeout=20_000) as got:
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert got.args[0].amount == 32
    assert dialog.outcome.text() == f"Received 32 sat at {host(mint.url)}."
    assert dialog.text.toPlainText() == ""
    qtbot.waitUntil(lambda: page.balance_text() == [(host(mint.url), "sat", "32 sat")])

    dialog.text.setPlainText(tok)  # the same token again
    with qtbot.waitSignal(dialog.failed, timeout=20_000) as refused:
        qtbot.mouseClick(dialog.receive_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome.text() == error_line(refused.args[0])  # the catalogue's words
    assert "already" in dialog.outcome.text().lower()
    dialog.text.setPlainText("hello")
    with qtbot.waitSignal(dialog.failed, timeout=5000) as refused:
        qtbot.mouseClick(dialog.receive_button, Qt.MouseButton.LeftButton)
    assert refused.args[0].code.startswith("token.")
    sources = arun(core.db.run(lambda s: list(s.scalars(select(ReceivedToken.source)))))
    assert sources.count("paste") >= 2
    dialog.close()


@pytest.mark.gui
@pytest.mark.mint
def test_import_from_a_file(page, qtbot, core, arun, mint, tmp_path):
    arun(core.mints.add(mint.url))
    tok = make_token(mint.url, 12)
    path = tmp_path / "cashu-token.txt"
    path.write_text(f"Gift card for Alice\n\n{tok}\n")
    assert read_token_file(path) == tok
    dialog = page.open_import()
    with qtbot.waitSignal(dialog.received, timeout=20_000):
        dialog.load_file(path)
    assert dialog.outcome.text().startswith("Received 12 sat")
    last = arun(core.db.run(lambda s: s.scalars(select(ReceivedToken.source)).all()[-1]))
    assert last == "file"
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\xff\xd8\xff\xe0" * 10)
    with qtbot.waitSignal(dialog.failed, timeout=5000):
        dialog.load_file(binary)
    assert dialog.outcome.text() == "This file is not a text file with a token in it."
    dialog.close()


@pytest.mark.gui
@pytest.mark.mint
def test_import_by_scanning_an_animated_code(page, qtbot, ui, core, arun, mint, tmp_path):
    arun(core.mints.add(mint.url))
    tok = make_token(mint.url, 1023)  # ten proofs: too long for one code
    video = animated_ur_video(tmp_path / "token.mp4", tok, fps=10, max_fragment_len=200)
    assert video.seq_len > 5
    ui.camera_override = str(video.path)
    dialog = page.open_import()
    progress: list[int] = []
    dialog.scan.progress.valueChanged.connect(progress.append)
    with qtbot.waitSignal(dialog.received, timeout=60_000) as got:
        qtbot.mouseClick(dialog.scan_button, Qt.MouseButton.LeftButton)
        assert dialog.scanning and dialog.scan.isVisible()
    assert got.args[0].amount == 1023
    assert dialog.scan.camera.frames_shown > 0  # the preview showed the video
    assert progress and progress[-1] == 100
    assert not dialog.scanning and not dialog.scan.isVisible()
    assert dialog.scan_button.text() == "Scan"
    qtbot.waitUntil(lambda: not dialog.scan.scanning, timeout=5000)  # joined off the GUI thread
    last = arun(core.db.run(lambda s: s.scalars(select(ReceivedToken.source)).all()[-1]))
    assert last == "scan"
    dialog.close()


@pytest.mark.gui
@pytest.mark.mint
def test_scan_static_code_and_camera_errors(page, qtbot, ui, core, arun, mint, tmp_path):
    arun(core.mints.add(mint.url))
    tok = make_token(mint.url, 5)
    ui.camera_override = str(static_qr_video(tmp_path / "static.mp4", tok).path)
    dialog = page.open_import()
    with qtbot.waitSignal(dialog.received, timeout=30_000):
        qtbot.mouseClick(dialog.scan_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome.text().startswith("Received 5 sat")
    ui.camera_override = str(tmp_path / "missing.mp4")
    qtbot.mouseClick(dialog.scan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "not found" in dialog.outcome.text(), timeout=10_000)
    assert not dialog.scanning and not dialog.scan.isVisible()
    assert dialog.scan_button.text() == "Scan"
    dialog.close()


# -- removable drives ------------------------------------------------------------------------

PROC_MOUNTS = r"""sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0
/dev/nvme0n1p2 / ext4 rw,relatime 0 0
tmpfs /run/user/1000 tmpfs rw,nosuid,nodev,relatime 0 0
/dev/sdb1 /media/alice/KINGSTON vfat rw,nosuid,nodev,relatime,uid=1000 0 0
/dev/sdc1 /run/media/alice/SD\040CARD exfat rw,nosuid,nodev,relatime 0 0
/dev/sdd1 /media/stick vfat rw,relatime 0 0
/dev/sde1 /media/bob/THEIRS vfat rw,relatime 0 0
tmpfs /media/alice/ram tmpfs rw 0 0
/dev/loop3 /media/alice/snap squashfs ro 0 0
/dev/sdf1 /mnt/backup ext4 rw 0 0
server:/share /media/alice/nfs nfs4 rw 0 0
garbage
"""


def test_parse_mounts_unescapes_paths():
    entries = removable.parse_mounts(PROC_MOUNTS)
    assert MountEntry("/dev/sdc1", "/run/media/alice/SD CARD", "exfat") in entries
    assert len(entries) == 11  # the malformed line is skipped


def test_linux_removable_media_folders():
    found = removable.linux_removable(removable.parse_mounts(PROC_MOUNTS), "alice")
    assert found == [
        Path("/media/alice/KINGSTON"),
        Path("/run/media/alice/SD CARD"),
        Path("/media/stick"),
    ]
    assert removable.linux_removable(removable.parse_mounts(PROC_MOUNTS), "bob") == [
        Path("/media/stick"),
        Path("/media/bob/THEIRS"),
    ]
    assert removable.linux_removable([], "alice") == []


def test_mac_and_windows_rules():
    volumes = ["/Volumes/Macintosh HD", "/Volumes/USB STICK", "/Volumes", "/tmp/Volumes/x"]
    found = removable.mac_removable(volumes, lambda v: v == "/Volumes/Macintosh HD")
    assert found == [Path("/Volumes/USB STICK")]
    types = {"C:/": 3, "D:/": 5, "E:/": 2, "F:/": 2, "Z:/": 4}
    assert removable.windows_removable(types, types.__getitem__) == [Path("E:/"), Path("F:/")]


def test_removable_drives_reads_the_mount_table(monkeypatch, tmp_path):
    table = tmp_path / "mounts"
    table.write_text(PROC_MOUNTS)
    monkeypatch.setattr(removable, "PROC_MOUNTS", table)
    monkeypatch.setattr(removable.getpass, "getuser", lambda: "alice")
    assert removable.removable_drives("Linux", usable=lambda p: True) == [
        Path("/media/alice/KINGSTON"),
        Path("/run/media/alice/SD CARD"),
        Path("/media/stick"),
    ]
    # Unplugged or read-only mounts are left out by the default check.
    assert removable.removable_drives("Linux") == []
    monkeypatch.setattr(removable, "PROC_MOUNTS", tmp_path / "absent")  # Qt's list instead
    assert isinstance(removable.removable_drives("Linux"), list)
    assert removable.removable_drives("Plan9") == []


def test_default_export_folder(monkeypatch, tmp_path, qapp):
    usb = tmp_path / "usb"
    assert removable.default_export_folder([usb]) == usb
    folder = removable.default_export_folder([])
    assert folder.is_dir() and os.access(folder, os.W_OK)
    monkeypatch.setattr(removable, "removable_drives", lambda: [tmp_path])
    assert removable.default_export_folder() == tmp_path
