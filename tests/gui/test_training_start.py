"""The desktop app's training start: a progress window, the mint up; or why not, until closed."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtWidgets import QApplication, QPushButton

from pos_app.ui.training_start import TrainingStartWindow, start_with_progress
from tests.support.testmint import MINT_VENV, mint_venv_ready

pytestmark = pytest.mark.gui


@pytest.fixture
def env_restored(monkeypatch):
    # start_training points the process at the training wallet: give the keys back after.
    for key in ("POS_DATA_DIR", "POS_DB_KEY", "POS_DB_PASSPHRASE"):
        monkeypatch.setenv(key, "restored-after-the-test")
    return monkeypatch


def open_window() -> TrainingStartWindow | None:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, TrainingStartWindow)]
    return next((w for w in found if w.isVisible()), None)


def test_a_mint_that_cannot_start_is_explained_until_closed(tmp_path, env_restored, qtbot, qloop):
    env_restored.setenv("POS_TRAINING_MINT_PYTHON", str(tmp_path / "no-python"))
    task = asyncio.ensure_future(start_with_progress(tmp_path))
    qtbot.waitUntil(
        lambda: open_window() is not None and "could not start" in open_window().labelText()
    )
    window = open_window()
    assert "POS_TRAINING_MINT_PYTHON" in window.labelText()
    assert not task.done()  # it waits for the trainee to read it
    close = window.findChild(QPushButton)
    assert close is not None and close.text() == "Close"
    close.click()
    qtbot.waitUntil(task.done)
    assert task.result() is None


@pytest.mark.skipif(not mint_venv_ready(), reason="needs `make mint-venv`")
def test_the_training_mint_starts_behind_a_progress_window(tmp_path, env_restored, qtbot, qloop):
    env_restored.setenv("POS_TRAINING_MINT_PYTHON", str(MINT_VENV / "bin" / "python"))
    task = asyncio.ensure_future(start_with_progress(tmp_path))
    qtbot.waitUntil(lambda: open_window() is not None)
    qtbot.waitUntil(task.done, timeout=90_000)
    env, url, info = task.result()
    try:
        assert url.startswith("http://127.0.0.1:") and info["training"] is True
        assert env.mint is not None and env.mint.running
        assert open_window() is None
    finally:
        env.stop_mint()
    assert not env.mint.running
