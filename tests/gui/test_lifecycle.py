"""The real program, started as a shop starts it: first run, restart and unlock, a sale, quit.

Each test launches the ``pos-app`` console script in a subprocess (offscreen Qt)
with a driver thread that acts like the person at the till (see
``tests/support/gui_driver``). The program must stay up after the wizard and after
the unlock, exit with code 0 when asked to quit (menu, window close, SIGTERM,
Ctrl+C), stop its services and close its database, and leave no traceback in
stderr or in its log.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.cli import POS_APP, Cli, run_pos_app
from tests.support.testmint import MINT_VENV, free_port, mint_venv_ready
from tests.support.tokens import token

pytestmark = [pytest.mark.mint, pytest.mark.gui]

ROOT = Path(__file__).resolve().parents[2]
DRIVER = ROOT / "tests" / "support" / "gui_driver"
PASSPHRASE = "correct horse battery staple"
PROXY_VARS = ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")


@dataclass
class Run:
    """A finished (or running) program and what it left behind."""

    proc: subprocess.Popen[str]
    result_file: Path
    data_dir: Path
    stdout: str = ""
    stderr: str = ""

    @property
    def notes(self) -> str:
        return self.result_file.read_text() if self.result_file.exists() else ""

    @property
    def log(self) -> str:
        path = self.data_dir / "logs" / "pos-app.log"
        return path.read_text() if path.exists() else ""

    def finish(self, timeout: float = 120) -> Run:
        try:
            self.stdout, self.stderr = self.proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.stdout, self.stderr = self.proc.communicate()
            raise AssertionError(f"the program did not exit\n{self}") from None
        return self

    def __str__(self) -> str:
        return (
            f"exit {self.proc.returncode}\n-- steps:\n{self.notes}\n-- stderr:\n{self.stderr[-3000:]}"
            f"\n-- log:\n{self.log[-3000:]}"
        )

    def assert_clean_exit(self, code: int = 0) -> None:
        """Exit code, every step done, services and database shut, no traceback anywhere."""
        assert self.proc.returncode == code, str(self)
        assert "FAILED" not in self.notes and "DONE" in self.notes, str(self)
        assert "Traceback" not in self.stderr, str(self)
        lines = [json.loads(line) for line in self.log.splitlines() if line.strip()]
        problems = [e for e in lines if e["level"] in ("error", "critical") or "exc" in e]
        assert not problems, str(self)
        messages = [e["msg"] for e in lines]
        for step in ("services stopped", "database closed", f"exited with code {code}"):
            assert step in messages, f"{step!r} not logged\n{self}"


def launch(
    tmp_path: Path, data_dir: Path, scenario: str, *, argv: tuple[str, ...] = (), **args: object
) -> Run:
    """Start ``pos-app`` (no command: the desktop app) with a scenario driver beside it."""
    result = tmp_path / f"{scenario}-{time.monotonic_ns()}.txt"
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("POS_DB_KEY", "POS_DB_PASSPHRASE", *PROXY_VARS)
    }
    env.update(
        POS_DATA_DIR=str(data_dir),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=os.pathsep.join(filter(None, [str(DRIVER), str(ROOT), env.get("PYTHONPATH")])),
        POS_GUI_SCENARIO=scenario,
        POS_GUI_RESULT=str(result),
        POS_GUI_ARGS=json.dumps(args),
        # The OS keyring is not offered (none on a CI box; a developer's must stay untouched).
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    if "db_key" in args:
        env["POS_DB_KEY"] = str(args["db_key"])
    if "mint_python" in args:  # training mode's mint: the pinned test mint, not a download
        env["POS_TRAINING_MINT_PYTHON"] = str(args["mint_python"])
    proc = subprocess.Popen(
        [str(POS_APP), *argv],
        env=env,
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return Run(proc, result, data_dir)


def balance(data_dir: Path) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k != "POS_DB_KEY"}
    env["POS_DB_PASSPHRASE"] = PASSPHRASE
    res = run_pos_app(["--json", "--data-dir", str(data_dir), "wallet", "balance"], env=env)
    assert res.rc == 0, str(res)
    return res.json


def test_first_run_then_restart_unlock_sell_and_quit(tmp_path, mint):
    data_dir = tmp_path / "shop"
    first = launch(tmp_path, data_dir, "first_run", mint=mint.url, passphrase=PASSPHRASE)
    first.finish().assert_clean_exit()
    assert "main window stays up" in first.notes
    assert (data_dir / "wallet.db").exists()

    tok = token(mint.url, 21)
    second = launch(
        tmp_path, data_dir, "unlock_sell_quit", passphrase=PASSPHRASE, amount="21", token=tok
    )
    second.finish().assert_clean_exit()
    for step in ("wrong passphrase refused", "main window stays up", "paid"):
        assert step in second.notes, str(second)
    assert balance(data_dir)["total"] == {"sat": 21}


def test_a_sale_at_the_till_paid_over_the_api_shows_paid_on_the_till(tmp_path, mint):
    data_dir = tmp_path / "shop"
    port = free_port()
    cli = Cli.wallet(data_dir, mint.url, api__enabled="true", api__listen=f"127.0.0.1:{port}")
    key = cli.ok("api", "keys", "create", "--name", "web", "--scopes", "sales:read,payments:write")
    run = launch(
        tmp_path,
        data_dir,
        "api_pays_the_tills_sale",
        db_key=cli.key,
        amount="21",
        token=token(mint.url, 21),
        key=key["key"],
        api=f"http://127.0.0.1:{port}/api/v1",
    )
    run.finish().assert_clean_exit()
    for step in ("paid over the API", "paid on the till"):
        assert step in run.notes, str(run)
    assert f"API listening on http://127.0.0.1:{port}/api/v1" in run.log
    assert "API stopped" in run.log
    calls = [e["details"] for e in cli.ok("audit", "list") if e["action"] == "api.call"]
    assert sorted((c["route"], c["status"]) for c in calls) == [
        ("/api/v1/sales/{sale_id}", 200),
        ("/api/v1/sales/{sale_id}/payments", 200),
    ]  # written by the time the app ended


def test_quit_with_an_open_sale_asks_first(tmp_path, mint):
    data_dir = tmp_path / "shop"
    cli = Cli.wallet(data_dir, mint.url)
    run = launch(tmp_path, data_dir, "quit_with_open_sale", db_key=cli.key, amount="5")
    run.finish().assert_clean_exit()
    for step in ("asked before quitting", "kept selling"):
        assert step in run.notes, str(run)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_signals_end_the_app_cleanly(tmp_path, mint, signum):
    data_dir = tmp_path / "shop"
    cli = Cli.wallet(data_dir, mint.url)
    run = launch(tmp_path, data_dir, "wait_for_signal", db_key=cli.key)
    deadline = time.monotonic() + 60
    while "DONE" not in run.notes:
        assert run.proc.poll() is None, str(run.finish())
        assert time.monotonic() < deadline, "the main window did not come up"
        time.sleep(0.1)
    run.proc.send_signal(signum)
    run.finish().assert_clean_exit()


def test_quit_while_the_wallet_opens_ends_cleanly(tmp_path, mint):
    """The window shows before the wallet is open; Quit then still closes the database."""
    data_dir = tmp_path / "shop"
    cli = Cli.wallet(data_dir, mint.url)
    run = launch(tmp_path, data_dir, "quit_while_opening", db_key=cli.key)
    run.finish().assert_clean_exit()
    assert "quit before ready" in run.notes, str(run)
    assert "ready for a sale" not in run.log, str(run)


def test_quitting_setup_ends_with_code_1_and_no_wallet(tmp_path):
    """Quit in the wizard: nothing is created, the program says so by its exit code."""
    data_dir = tmp_path / "shop"
    run = launch(tmp_path, data_dir, "quit_setup")
    run.finish()
    assert run.proc.returncode == 1, str(run)
    assert "DONE" in run.notes and "Traceback" not in run.stderr, str(run)
    assert not (data_dir / "wallet.db").exists()
    assert "collector settled" in run.notes, str(run)  # while the wizard waited


@pytest.mark.skipif(not mint_venv_ready(), reason="needs `make mint-venv`")
def test_try_it_first_runs_the_training_till_and_leaving_it_returns_to_setup(tmp_path):
    """A newcomer without a mint: "Try it first" in the wizard, then back to set up the shop."""
    data_dir = tmp_path / "shop"
    run = launch(
        tmp_path, data_dir, "try_training_then_leave", mint_python=str(MINT_VENV / "bin" / "python")
    )
    run.finish(timeout=180)
    assert run.proc.returncode == 1, str(run)  # the wizard was quit in the end: no shop yet
    for step in ("training till shown", "back at the wizard", "DONE"):
        assert step in run.notes, str(run)
    assert "Traceback" not in run.stderr, str(run)
    assert not (data_dir / "wallet.db").exists()  # the shop's wallet was never made
    assert (data_dir / "training" / "wallet.db").exists()  # the play one was
    log = (data_dir / "training" / "logs" / "pos-app.log").read_text()
    assert log.index("leaving training mode") < log.index("training mint stopped")
    ps = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    assert str(data_dir / "training" / "mint") not in ps  # the training mint was stopped


@pytest.mark.skipif(not mint_venv_ready(), reason="needs `make mint-venv`")
def test_make_demo_reaches_the_sell_page_with_its_mint_online_and_the_customer_wallet(tmp_path):
    """``make demo`` is ``pos-app --training`` with the pinned mint: a newcomer's first start."""
    data_dir = tmp_path / "shop"
    run = launch(
        tmp_path,
        data_dir,
        "training_till_quit",
        argv=("--training",),
        mint_python=str(MINT_VENV / "bin" / "python"),
    )
    run.finish(timeout=180)
    assert run.proc.returncode == 0, str(run)
    for step in ("training till shown", "DONE"):
        assert step in run.notes, str(run)
    assert "Traceback" not in run.stderr, str(run)
    assert not (data_dir / "wallet.db").exists()  # no shop wallet was made or opened
    log = (data_dir / "training" / "logs" / "pos-app.log").read_text()
    url = json.loads((data_dir / "training" / "mint" / "port").read_text())
    assert f"mint http://127.0.0.1:{url} is online" in log  # the health check saw it up
    assert "training mint stopped" in log and "exited with code 0" in log
    env = {k: v for k, v in os.environ.items() if k not in ("POS_DB_KEY", "POS_DB_PASSPHRASE")}
    listed = run_pos_app(
        ["--training", "--json", "--data-dir", str(data_dir), "mints", "list"], env=env
    )
    assert listed.rc == 0, str(listed)
    assert [(m["url"], m["trusted"]) for m in listed.json] == [(f"http://127.0.0.1:{url}", True)]


def _x_tools() -> str | None:
    missing = [t for t in ("Xvfb", "xdotool") if shutil.which(t) is None]
    return f"{', '.join(missing)} not installed (make system-deps)" if missing else None


@pytest.mark.skipif(_x_tools() is not None, reason=str(_x_tools()))
def test_on_a_real_x_server_unlock_by_keyboard_and_ctrl_q(tmp_path):
    """What a shop sees: an X server with no window manager, keys typed, Ctrl+Q.

    The offscreen tests cannot catch a window that never gets the keyboard: here the
    passphrase and Ctrl+Q are real key presses sent to the X server.
    """
    data_dir = tmp_path / "shop"
    env = {k: v for k, v in os.environ.items() if k not in ("POS_DB_KEY", *PROXY_VARS)}
    init = run_pos_app(
        ["--json", "--data-dir", str(data_dir), "init"],
        env={**env, "POS_DB_PASSPHRASE": PASSPHRASE},
    )
    assert init.rc == 0, str(init)
    display = f":{100 + os.getpid() % 400}"
    xvfb = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1440x900x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    x_env = {**env, "DISPLAY": display}
    try:
        _wait(
            lambda: (
                subprocess.run(
                    ["xdotool", "getmouselocation"], env=x_env, capture_output=True
                ).returncode
                == 0
            ),
            "Xvfb",
        )
        app_env = {**x_env, "QT_QPA_PLATFORM": "xcb", "POS_DATA_DIR": str(data_dir)}
        app_env.pop("POS_DB_PASSPHRASE", None)
        proc = subprocess.Popen(
            [str(POS_APP)],
            env=app_env,
            cwd=tmp_path,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        run = Run(proc, tmp_path / "none.txt", data_dir)
        unlock_shown = lambda: "unlock" in _window_names(x_env)  # noqa: E731
        _wait(unlock_shown, "the unlock dialog", proc)
        xdo = ["xdotool", "type", "--delay", "20", PASSPHRASE]
        subprocess.run(xdo, env=x_env, check=True)
        subprocess.run(["xdotool", "key", "Return"], env=x_env, check=True)
        _wait(lambda: "main window shown" in run.log, "the main window", proc)
        time.sleep(3)
        assert proc.poll() is None, str(run.finish())
        subprocess.run(["xdotool", "key", "ctrl+q"], env=x_env, check=True)
        run.finish(timeout=30)
        run.result_file.write_text("DONE\n")
        run.assert_clean_exit()
    finally:
        xvfb.terminate()
        xvfb.wait(10)


def _window_names(env: dict[str, str]) -> str:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", "."],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    names = []
    for wid in found.stdout.split():
        name = subprocess.run(
            ["xdotool", "getwindowname", wid], env=env, capture_output=True, text=True, check=False
        )
        names.append(name.stdout.strip().lower())
    return "\n".join(names)


def _wait(
    predicate, what: str, proc: subprocess.Popen[str] | None = None, timeout: float = 60
) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"the program exited ({proc.returncode}) waiting for {what}")
        assert time.monotonic() < deadline, f"waited {timeout} s for {what}"
        time.sleep(0.2)
