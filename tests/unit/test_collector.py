"""The garbage collector around a command (pos_app.collector), each case in a process of its own."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.support.cli import ROOT, Cli


def run(code: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import gc\nfrom pos_app import collector\n" + code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_a_command_collects_again_once_it_has_loaded():
    run(
        "collector.pause()\n"
        "assert not gc.isenabled()\n"
        "collector.settle()\n"
        "assert gc.isenabled() and gc.get_freeze_count() > 0\n"
        "collector.settle()\n"  # a second wallet opened by the same command
        "assert gc.isenabled()\n"
        "collector.finish()\n"
        "assert gc.isenabled() and gc.get_freeze_count() > 0\n"
    )


def test_a_command_that_never_opens_the_wallet_is_frozen_at_exit():
    run(
        "collector.pause()\ncollector.finish()\nassert gc.isenabled() and gc.get_freeze_count() > 0\n"
    )


def test_a_command_run_inside_another_program_leaves_its_collector_alone():
    # The tests' in-process cli.main and open_app: no pause, so nothing is frozen.
    run(
        "collector.settle()\n"
        "collector.finish()\n"
        "assert gc.isenabled() and gc.get_freeze_count() == 0\n"
        "gc.disable()\n"  # a program that turned collection off itself keeps it off
        "collector.settle()\n"
        "collector.finish()\n"
        "assert not gc.isenabled() and gc.get_freeze_count() == 0\n"
    )


def test_serve_collects_while_it_runs(tmp_path):
    cli = Cli.wallet(tmp_path / "wallet")
    code = (
        "import gc, sys\n"
        "from pos_app.cli import service_cmds\n"
        "seen = []\n"
        "real = service_cmds.start_api\n"
        "async def start_api(app):\n"
        "    seen.append(gc.isenabled())\n"
        "    return await real(app)\n"
        "service_cmds.start_api = start_api\n"
        "from pos_app.launcher import main\n"
        f"code = main(['--json', '--data-dir', {str(cli.data_dir)!r}, 'serve', '--seconds', '0.1'])\n"
        "assert code == 0 and seen == [True], (code, seen)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "POS_DB_KEY": cli.key},
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
