"""The Python interpreter that runs the training mint (nutshell is not one of the app's packages).

``POS_TRAINING_MINT_PYTHON`` names one that has nutshell installed (the tests point it
at ``.venv-mint/bin/python``). Otherwise the app makes its own venv in
``<data dir>/training-mint-venv`` on first use and installs the pinned nutshell
(the caller passes ``resources/training/requirements-nutshell.txt``: every package's
version is fixed there, so ``pip --no-deps`` installs exactly that set) into it. That
takes a few minutes and needs the network once; progress goes to a callback so a face
can show it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from pos_app.core.errors import ConfigError

ENV_MINT_PYTHON = "POS_TRAINING_MINT_PYTHON"
VENV_DIR = "training-mint-venv"
READY_MARK = ".installed"  # holds the requirements text the venv was installed from

Progress = Callable[[str, float], None]  # (what is happening, 0..1)


def _venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def cannot_install(detail: str) -> ConfigError:
    """The refusal when no interpreter with nutshell can be had."""
    return ConfigError(
        "training.mint_install_failed",
        "The training mint could not be installed. It needs the internet once; "
        f"or set {ENV_MINT_PYTHON} to a Python that has nutshell.",
        detail,
    )


def mint_python(data_root: Path, requirements: Path, progress: Progress | None = None) -> Path:
    """An interpreter with nutshell: ``POS_TRAINING_MINT_PYTHON``, else the app's own venv.

    The venv is made and the pinned nutshell installed into it now when needed.

    Raises:
        ConfigError: ``training.mint_install_failed`` when it is missing or cannot be installed.
    """
    report = progress or (lambda _text, _fraction: None)
    given = os.environ.get(ENV_MINT_PYTHON)
    if given:
        path = Path(given).expanduser()
        if not path.is_file():
            raise cannot_install(f"{ENV_MINT_PYTHON}={given} is not a file")
        return path
    venv = Path(data_root) / VENV_DIR
    python = _venv_python(venv)
    wanted = requirements.read_text()
    mark = venv / READY_MARK
    if python.is_file() and mark.is_file() and mark.read_text() == wanted:
        return python
    report("Creating the training mint's Python environment", 0.05)
    _run([sys.executable, "-m", "venv", "--clear", str(venv)], "venv")
    report("Installing the training mint (nutshell); this takes a few minutes", 0.2)
    _run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--disable-pip-version-check",
            "-q",
            "--no-deps",
            "-r",
            str(requirements),
        ],
        "pip install",
    )
    mark.write_text(wanted)
    report("Training mint installed", 1.0)
    return python


def _run(command: list[str], what: str) -> None:
    if getattr(sys, "frozen", False) and command[0] == sys.executable:
        # A PyInstaller bundle has no ``-m venv``: only POS_TRAINING_MINT_PYTHON works there.
        raise cannot_install("this packaged app cannot make a Python environment")
    try:
        done = subprocess.run(  # noqa: S603 - our own interpreter and pip, fixed arguments
            command, capture_output=True, text=True, timeout=1800, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise cannot_install(f"{what}: {exc}") from exc
    if done.returncode != 0:
        raise cannot_install(f"{what} failed ({done.returncode}): {done.stderr[-2000:]}")
