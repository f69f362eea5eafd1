"""A warm ``pos-app`` for the tests' command lines: a process forked per command.

Most of a command's second goes to starting Python and importing the app (SQLAlchemy,
the schema, httpx), the same for every command of every test. This server imports all
that once and forks a child for each command; the child gets the command's arguments,
environment, working directory and standard streams, runs ``pos_app.launcher.main``
as ``python -m pos_app`` would and ends as the program ends a command
(:mod:`pos_app.process_end`: its own exit code, a signal when it is killed, its threads
joined, ``atexit`` and coverage saved). The tests still see a process per command, with
its own streams and exit status, and it dies when it is killed.

What a child skips is the interpreter's start and the imports: those are tested by the
tests that start the real program (``tests/unit/test_cli_imports.py``, the console
script in ``tests/integration/test_cli_protocol.py``). ``POS_TEST_CLI_EXEC=1`` makes
:func:`tests.support.cli.run_pos_app` start every command from scratch instead.

Protocol, on a Unix socket (one connection per command): the client sends a 4-byte
length, a JSON header ``{"argv", "env", "cwd"}`` and, with its first bytes, three file
descriptors (stdin, stdout, stderr). The server answers ``pid N`` when the child runs and
``rc N`` when it has ended (``-SIGNAL`` when a signal ended it, as :mod:`subprocess`).
The server ends when its own stdin closes (the test process is gone).
"""

from __future__ import annotations

import json
import os
import selectors
import signal
import socket
import struct
import sys
import threading
import traceback

from pos_app import process_end


def preload() -> None:
    """Import what every command imports, once, before any fork."""
    from sqlalchemy.orm import configure_mappers

    import pos_app.app
    import pos_app.launcher  # noqa: F401 - the parser and the command tables
    from pos_app.core.store.schema import all_tables

    all_tables()  # the shop's tables too, which a command loads on first use
    configure_mappers()


def _read_request(conn: socket.socket) -> tuple[dict, list[int]]:
    data, fds, _flags, _addr = socket.recv_fds(conn, 1 << 16, 3)
    data = _read_up_to(conn, data, 4)
    (size,) = struct.unpack("!I", data[:4])
    data = _read_up_to(conn, data, 4 + size)
    return json.loads(data[4 : 4 + size]), fds


def _read_up_to(conn: socket.socket, data: bytes, size: int) -> bytes:
    """``data`` and what follows it on ``conn``, until it holds ``size`` bytes."""
    while len(data) < size:
        more = conn.recv(1 << 16)
        if not more:
            raise EOFError("request cut short")
        data += more
    return data


def _run_child(request: dict, fds: list[int]) -> int:
    """In the forked child: become the command's process and run it; its exit code."""
    signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    sys.argv = [sys.argv[0], *request["argv"]]
    from pos_app.launcher import main

    try:
        return main(request["argv"])
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or 0
        print(exc.code, file=sys.stderr)
        return 1
    except BaseException:
        traceback.print_exc()
        return 1


def _status(status: int) -> int:
    return -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)


def serve(path: str) -> int | None:
    """Answer requests until stdin closes (None); in a forked child, its exit code."""
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(64)
    wake_read, wake_write = os.pipe()
    os.set_blocking(wake_write, False)
    signal.set_wakeup_fd(wake_write)
    signal.signal(signal.SIGCHLD, lambda *_: None)  # only to wake the selector
    selector = selectors.DefaultSelector()
    selector.register(listener, selectors.EVENT_READ, "accept")
    selector.register(wake_read, selectors.EVENT_READ, "child")
    selector.register(sys.stdin, selectors.EVENT_READ, "stdin")
    waiting: dict[int, socket.socket] = {}
    print("ready", flush=True)
    while True:
        for key, _events in selector.select():
            if key.data == "stdin":
                if not os.read(sys.stdin.fileno(), 1024):
                    return None
            elif key.data == "accept":
                conn, _ = listener.accept()
                try:
                    request, fds = _read_request(conn)
                except (OSError, EOFError, ValueError):
                    conn.close()
                    continue
                pid = os.fork()
                if pid == 0:
                    selector.close()
                    listener.close()
                    conn.close()
                    os.close(wake_read)
                    os.close(wake_write)
                    for other in waiting.values():
                        other.close()
                    process_end.end(_run_child(request, fds))
                for fd in fds:
                    os.close(fd)
                conn.sendall(f"pid {pid}\n".encode())
                waiting[pid] = conn
            else:
                os.read(wake_read, 4096)
        _reap(waiting)


def _reap(waiting: dict[int, socket.socket]) -> None:
    while waiting:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        conn = waiting.pop(pid, None)
        if conn is not None:
            try:
                conn.sendall(f"rc {_status(status)}\n".encode())
            except OSError:
                pass  # the client gave up on it
            conn.close()


def main() -> int:
    """``python -m tests.support.cliserver SOCKET``: preload, then serve."""
    preload()
    if threading.active_count() != 1:  # a fork copies only this thread: refuse rather than hang
        print(f"threads running after the imports: {threading.enumerate()}", file=sys.stderr)
        return 2
    import gc

    gc.freeze()  # what was imported stays out of every child's collections
    code = serve(sys.argv[1])
    return 0 if code is None else code


if __name__ == "__main__":
    sys.exit(main())
