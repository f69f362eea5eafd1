"""A failed or killed ``init`` leaves no ``wallet.db``; the next ``init`` makes a whole wallet."""

from __future__ import annotations

import errno
import os
import signal

import pytest

from pos_app import app as app_module
from pos_app.app import INIT_PREFIX, App
from pos_app.core.errors import StorageError
from pos_app.core.store.db import DB_FILE, Database
from pos_app.core.store.keys import ENV_KEY
from tests.support.cli import run_pos_app

KEY = "4b" * 32


@pytest.fixture
def env_key(monkeypatch):
    monkeypatch.setenv(ENV_KEY, KEY)


def disk_full(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def assert_no_wallet(data_dir):
    assert not (data_dir / DB_FILE).exists()
    with pytest.raises(StorageError) as refused:
        App.open(data_dir)
    assert refused.value.code == "wallet.not_initialized"


def assert_init_works(data_dir):
    app, created = App.init(data_dir, trust_env=False)
    try:
        assert created
        words = app.wallet.mnemonic()
        assert len(words.split()) == 12
    finally:
        app.db.close()
    again = App.open(data_dir, trust_env=False)
    try:
        assert again.wallet.mnemonic() == words
    finally:
        again.db.close()
    assert not list(data_dir.glob(f"{INIT_PREFIX}*"))


@pytest.mark.parametrize("step", ["migrate", "init_before_seed", "seed", "init_before_rename"])
def test_failure_between_steps_leaves_no_wallet(tmp_path, monkeypatch, env_key, step):
    data_dir = tmp_path / "shop"
    with monkeypatch.context() as patch:
        if step == "migrate":
            patch.setattr(Database, "migrate", disk_full)
        elif step == "seed":
            patch.setattr(Database, "transact", disk_full)
        else:
            patch.setattr(
                app_module, "fault_point", lambda name: disk_full() if name == step else None
            )
        with pytest.raises(OSError) as failed:
            App.init(data_dir, trust_env=False)
        assert failed.value.errno == errno.ENOSPC
    assert_no_wallet(data_dir)
    assert not list(data_dir.glob(f"{INIT_PREFIX}*")), "the temporary files are removed"
    assert_init_works(data_dir)


def test_failed_rename_leaves_no_wallet(tmp_path, monkeypatch, env_key):
    data_dir = tmp_path / "shop"
    with monkeypatch.context() as patch:
        patch.setattr(app_module.os, "replace", disk_full)
        with pytest.raises(OSError):
            App.init(data_dir, trust_env=False)
    assert_no_wallet(data_dir)
    assert_init_works(data_dir)


@pytest.mark.parametrize("point", ["init_before_seed", "init_before_rename"])
def test_killed_init_leaves_no_wallet_and_init_again_works(tmp_path, point):
    data_dir = tmp_path / "shop"
    env = {**os.environ, ENV_KEY: KEY, "POS_TEST_FAULT": point}
    killed = run_pos_app(["--json", "--data-dir", str(data_dir), "init"], env=env)
    assert killed.rc == -signal.SIGKILL, str(killed)
    assert not (data_dir / DB_FILE).exists()
    assert list(data_dir.glob(f"{INIT_PREFIX}*")), "the killed process left its temporary file"
    env.pop("POS_TEST_FAULT")
    balance = run_pos_app(["--json", "--data-dir", str(data_dir), "wallet", "balance"], env=env)
    assert balance.rc == 1 and balance.error_code == "wallet.not_initialized", str(balance)
    made = run_pos_app(["--json", "--data-dir", str(data_dir), "init"], env=env)
    assert made.rc == 0 and made.json["created"] is True, str(made)
    assert not list(data_dir.glob(f"{INIT_PREFIX}*")), "init removed the leftovers"
    balance = run_pos_app(["--json", "--data-dir", str(data_dir), "wallet", "balance"], env=env)
    assert balance.rc == 0, str(balance)
