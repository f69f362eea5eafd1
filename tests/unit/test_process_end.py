"""How a command's process ends (pos_app/process_end.py): as the interpreter would, minus
the teardown of its modules."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from tests.support.cli import ROOT

PROGRAM = textwrap.dedent(
    """
    import atexit, sys, threading, time
    from pos_app import process_end

    def late():
        time.sleep(0.2)
        print("thread done", flush=True)

    threading.Thread(target=late).start()  # not a daemon: waited for
    atexit.register(lambda: sys.stdout.write("atexit ran, not flushed\\n"))
    process_end.end(int(sys.argv[1]))
    print("never")
    """
)


# Buffered, as a program's stdout on a pipe is: only the flush at the end writes it out.
BUFFERED = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PROGRAM, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=BUFFERED,
        timeout=30,
        check=False,
    )


def test_threads_are_joined_atexit_runs_and_the_streams_are_flushed():
    done = run("3")
    assert done.returncode == 3, done.stderr
    assert done.stdout == "thread done\natexit ran, not flushed\n"
    assert done.stderr == ""


def test_output_that_cannot_be_written_ends_with_code_120():
    # As the interpreter says when it cannot flush at exit: ``pos-app ... | head -c 0``.
    program = (
        "import sys; from pos_app import process_end; "
        "sys.stdout.write('unread'); process_end.end(0)"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", program],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
        env=BUFFERED,
    )
    proc.stdout.close()  # the reader is gone before the program writes
    assert proc.wait(timeout=30) == 120
