"""Training mode starting again after a bad end: a mint left running, a port that moved.

The real pinned nutshell (``.venv-mint``) as the training mint.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import httpx
import pytest

from pos_app.app import App
from pos_app.core.training.environment import TrainingEnvironment
from pos_app.core.training.localmint import LocalMint, free_port, mint_command
from pos_app.training import start_training
from tests.support.testmint import MINT_VENV, mint_venv_ready

pytestmark = [
    pytest.mark.mint,
    pytest.mark.skipif(not mint_venv_ready(), reason="needs `make mint-venv`"),
]


@pytest.fixture
def mint_python(monkeypatch):
    for key in ("POS_DATA_DIR", "POS_DB_KEY", "POS_DB_PASSPHRASE"):
        monkeypatch.setenv(key, "the shop's")
    monkeypatch.setenv("POS_TRAINING_MINT_PYTHON", str(MINT_VENV / "bin" / "python"))


def trusted_urls(data_dir: Path) -> list[tuple[str, bool]]:
    async def read() -> list[tuple[str, bool]]:
        app = App.open(data_dir, trust_env=False)
        try:
            return [(m["url"], m["trusted"]) for m in await app.mints.list_all()]
        finally:
            await app.aclose()

    return asyncio.run(read())


def test_a_mint_left_running_by_a_killed_app_is_stopped_and_its_port_kept(tmp_path, mint_python):
    env, url, _info = asyncio.run(start_training(tmp_path))
    orphan = env.mint
    assert orphan is not None and orphan.running
    env.deactivate()  # the app was killed: nobody stopped the mint

    again, url2, _ = asyncio.run(start_training(tmp_path))
    try:
        assert url2 == url  # the same address: the wallet's trusted mint
        assert not orphan.running  # the leftover was stopped, not left beside the new one
        assert httpx.get(url2 + "/v1/info", timeout=5).json()["pubkey"] == again.mint.pubkey
        assert trusted_urls(again.data_dir) == [(url, True)]
    finally:
        again.stop_mint()
        again.deactivate()


def test_a_training_mint_on_a_new_port_is_still_the_wallets_mint(tmp_path, mint_python):
    env, url, _info = asyncio.run(start_training(tmp_path))
    env.stop_mint()
    env.deactivate()
    # The stored port is taken by another program: only a fresh start (no port file)
    # picks a new one; here the file is changed as a move would leave it.
    (env.data_dir / "mint" / "port").write_text(str(free_port()))

    moved, url2, _ = asyncio.run(start_training(tmp_path))
    try:
        assert url2 != url
        assert trusted_urls(moved.data_dir) == [(url2, True)]  # followed, not refused
    finally:
        moved.stop_mint()
        moved.deactivate()


def test_a_port_held_by_another_program_is_named_not_moved_silently(tmp_path, mint_python):
    env = TrainingEnvironment(tmp_path)
    env.prepare()
    other = LocalMint(tmp_path / "other", mint_command(MINT_VENV / "bin" / "python"))
    other.start()
    try:
        (env.data_dir / "mint").mkdir(parents=True, exist_ok=True)
        (env.data_dir / "mint" / "port").write_text(str(other.port))
        with pytest.raises(Exception) as caught:
            env._mint_port(wait=0.5)
        message = caught.value.user_message  # type: ignore[attr-defined]
        assert f"port {other.port}" in message and "another program" in message
        assert str(env.data_dir) in message
    finally:
        other.stop()
    assert os.environ.get("POS_DB_KEY") == "the shop's"
