"""Running core coroutines from Qt without blocking the GUI or losing an exception.

Qt slots are plain functions; they hand coroutines to :func:`spawn`, which
schedules them on the qasync loop and routes any failure to a callback (or to
the window's error banner) instead of letting it vanish in a task nobody awaits.
Never open a blocking dialog inside a coroutine: return to Qt first.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import threading
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, TypeVar

from pos_app.core.errors import Category, PosError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QWidget

log = logging.getLogger(__name__)
T = TypeVar("T")

_running: set[asyncio.Task[Any]] = set()
_closing = threading.Event()  # the app is shutting down: its database is about to close


def stop_spawning(closing: bool = True) -> None:
    """Refuse new work from here on (shutdown), or accept it again (a new start)."""
    if closing:
        _closing.set()
    else:
        _closing.clear()


def in_thread(fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> asyncio.Future[T]:
    """Run blocking ``fn`` (QR encoding, Argon2, PDF writing) in a worker thread; await it.

    The worker is the loop's default executor: the ``ThreadPoolExecutor`` that
    :func:`pos_app.ui.main.run_gui` owns (and the GUI tests' loop fixture sets), the
    same pool the core's crypto runs in.

    Raises:
        RuntimeError: when no asyncio loop is running.
    """
    loop = asyncio.get_running_loop()
    return loop.run_in_executor(None, functools.partial(fn, *args, **kwargs))


def as_pos_error(exc: BaseException) -> PosError:
    """Any failure as a :class:`PosError` for display (bugs become ``internal.error``)."""
    if isinstance(exc, PosError):
        return exc
    return PosError(
        "internal.error",
        "Something went wrong inside the app. Nothing was lost; the details are in the log.",
        f"{type(exc).__name__}: {exc}",
        category=Category.INTERNAL,
    )


def spawn(
    coro: Coroutine[Any, Any, T],
    *,
    on_done: Callable[[T], Any] | None = None,
    on_error: Callable[[PosError], Any] | None = None,
) -> asyncio.Task[T] | None:
    """Schedule ``coro`` on the running loop; call ``on_done(result)`` or ``on_error(err)``.

    The task is kept referenced until it finishes (asyncio holds only weak references).
    Returns None (and drops the work) when no loop runs any more.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        # No loop: the app is shutting down (or a widget outlived its test). Nothing
        # can run the work any more; say so instead of raising inside a Qt slot.
        coro.close()
        log.debug("no event loop: %s not run", getattr(coro, "__qualname__", coro))
        return None  # type: ignore[return-value]
    if _closing.is_set():
        # A timer or a late signal of a closed window: the database is closing, and the
        # work would only fail (a reload nobody will see).
        coro.close()
        log.debug("shutting down: %s not run", getattr(coro, "__qualname__", coro))
        return None  # type: ignore[return-value]
    task = asyncio.ensure_future(coro)
    _running.add(task)

    def finished(t: asyncio.Task[T]) -> None:
        _running.discard(t)
        if t.cancelled():
            return
        exc = t.exception()
        if exc is not None:
            err = as_pos_error(exc)
            if err.category == Category.INTERNAL:
                log.error("background task failed", exc_info=exc)
            if on_error is not None and _alive(on_error):
                on_error(err)
            return
        if on_done is not None and _alive(on_done):
            on_done(t.result())

    task.add_done_callback(finished)
    return task


class Newest:
    """The reads behind one view, of which only the newest one's answer is applied.

    Reads overlap (an event's refresh and the page's own): an older one finishing last
    would put back what is no longer true, so its answer (or error) is dropped.
    """

    def __init__(self) -> None:
        self._latest = 0

    def spawn(
        self,
        coro: Coroutine[Any, Any, T],
        *,
        on_done: Callable[[T], Any],
        on_error: Callable[[PosError], Any] | None = None,
    ) -> asyncio.Task[T] | None:
        """:func:`spawn` ``coro``; its callbacks run only if no newer read started since."""
        self._latest += 1
        ticket = self._latest

        def done(value: T) -> None:
            if ticket == self._latest and _alive(on_done):
                on_done(value)

        def failed(err: PosError) -> None:
            if ticket == self._latest and on_error is not None and _alive(on_error):
                on_error(err)

        return spawn(coro, on_done=done, on_error=failed)


def _alive(callback: Callable[..., Any]) -> bool:
    """False when the callback belongs to a Qt object already deleted (its window closed)."""
    owner = getattr(callback, "__self__", None)
    if owner is None:
        return True
    try:
        import shiboken6
    except ImportError:  # pragma: no cover - PySide6 always ships it
        return True
    return not isinstance(owner, shiboken6.Shiboken.Object) or shiboken6.isValid(owner)


async def until_finished(dialog: QDialog, focus: QWidget | None = None) -> int:
    """Show ``dialog`` and return its result code once it closes: ``exec()`` for coroutines.

    No nested event loop runs; the dialog's ``finished`` signal resolves a future.
    """
    done: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    dialog.finished.connect(lambda result: done.done() or done.set_result(result))
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    if focus is not None:
        focus.setFocus()
    return await done


def running_tasks() -> int:
    """How many spawned tasks have not finished (tests wait for zero)."""
    return len(_running)


def running_tasks_list() -> list[asyncio.Task[Any]]:
    """The spawned tasks that have not finished (shutdown waits for them)."""
    return [t for t in _running if not t.done()]
