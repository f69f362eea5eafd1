"""Training mode's pieces that need no mint: the mint interpreter, the marker, the key."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pos_app.core.errors import ConfigError
from pos_app.core.training.environment import TrainingEnvironment, is_training_dir
from pos_app.core.training.localmint import nutshell_env
from pos_app.core.training.mintpython import mint_python
from pos_app.paths import resources_path

ROOT = Path(__file__).resolve().parents[2]


def test_the_shipped_requirements_are_the_tests_pinned_nutshell() -> None:
    # The training mint must be the very mint the tests run against.
    shipped = resources_path("training", "requirements-nutshell.txt").read_text()
    assert shipped == (ROOT / "tests" / "support" / "requirements-nutshell.txt").read_text()


def test_a_missing_mint_python_is_refused_clearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POS_TRAINING_MINT_PYTHON", str(tmp_path / "no-python"))
    with pytest.raises(ConfigError) as caught:
        mint_python(tmp_path, resources_path("training", "requirements-nutshell.txt"))
    assert caught.value.code == "training.mint_install_failed"
    assert "POS_TRAINING_MINT_PYTHON" in caught.value.user_message


def test_prepare_marks_the_folder_and_keeps_one_key(tmp_path: Path) -> None:
    env = TrainingEnvironment(tmp_path)
    assert not is_training_dir(env.data_dir)
    env.prepare()
    key = env.db_key
    env.prepare()
    assert env.db_key == key and len(bytes.fromhex(key)) == 32
    assert is_training_dir(env.data_dir) and not is_training_dir(tmp_path)


def test_leaving_training_gives_the_shop_its_key_and_folder_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POS_DB_KEY", "the-shops-key")
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path / "shop"))
    monkeypatch.delenv("POS_DB_PASSPHRASE", raising=False)
    env = TrainingEnvironment(tmp_path)
    env.activate()
    env.activate()  # twice (a restart of the mint): what is given back is still the shop's
    assert os.environ["POS_DB_KEY"] == env.db_key
    assert os.environ["POS_DATA_DIR"] == str(env.data_dir)
    monkeypatch.setenv("POS_DB_PASSPHRASE", "typed in training")  # must not outlive it
    env.deactivate()
    assert os.environ["POS_DB_KEY"] == "the-shops-key"
    assert os.environ["POS_DATA_DIR"] == str(tmp_path / "shop")
    assert "POS_DB_PASSPHRASE" not in os.environ
    env.deactivate()  # a second time changes nothing
    assert os.environ["POS_DB_KEY"] == "the-shops-key"


def test_the_mint_process_gets_neither_the_apps_python_path_nor_its_secrets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHONPATH", "/somewhere/the/app/lives")
    monkeypatch.setenv("POS_DB_KEY", "secret")
    monkeypatch.setenv("MINT_DATABASE", "/the/wrong/db")
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    env = nutshell_env(tmp_path, 3338, "k" * 64)
    assert "PYTHONPATH" not in env and "POS_DB_KEY" not in env
    assert env["MINT_DATABASE"] == str(tmp_path / "db") and env["LANG"] == "de_DE.UTF-8"


def test_the_app_installs_its_own_mint_venv_once_and_reports_progress(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A requirements file with nothing to install: the real venv + pip path runs offline.
    monkeypatch.delenv("POS_TRAINING_MINT_PYTHON", raising=False)
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("# nothing pinned\n")
    steps: list[tuple[str, float]] = []
    python = mint_python(tmp_path, requirements, lambda text, f: steps.append((text, f)))
    assert python.is_file() and python.parent.parent == tmp_path / "training-mint-venv"
    assert [f for _, f in steps] == [0.05, 0.2, 1.0]
    steps.clear()
    assert mint_python(tmp_path, requirements, lambda text, f: steps.append((text, f))) == python
    assert steps == []  # installed already: nothing to do
    requirements.write_text("# a new pin\n")
    mint_python(tmp_path, requirements, lambda text, f: steps.append((text, f)))
    assert steps  # the pins changed: installed again


def test_a_failed_install_says_so_and_is_retried_next_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("POS_TRAINING_MINT_PYTHON", raising=False)
    requirements = tmp_path / "requirements.txt"
    requirements.write_text(f"{tmp_path / 'no-such-package-1.0.tar.gz'}\n")
    with pytest.raises(ConfigError) as caught:
        mint_python(tmp_path, requirements)
    assert caught.value.code == "training.mint_install_failed"
    assert "pip install failed" in caught.value.detail
    assert not (tmp_path / "training-mint-venv" / ".installed").exists()
