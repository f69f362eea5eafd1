"""Training mode on the command line: ``training start`` and ``training customer pay``.

``pos-app --training COMMAND`` (or ``POS_TRAINING=1``) runs any other command on the
training wallet instead of the shop's (:func:`apply_training`).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from pos_app import collector
from pos_app.cli.context import open_app
from pos_app.cli.output import emit
from pos_app.core.choices import MISBEHAVIOURS
from pos_app.datadir import resolve_data_dir, training_requested

if TYPE_CHECKING:
    from pos_app.core.training.environment import TrainingEnvironment


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the ``training`` command group."""
    training = sub.add_parser(
        "training", help="training mode: a play-money till with a local test mint", parents=[common]
    )
    tsub = training.add_subparsers(dest="training_command", metavar="COMMAND")
    start = tsub.add_parser(
        "start",
        help="start the training mint and wallet; print where they are; run until interrupted",
        parents=[common],
    )
    start.add_argument(
        "--seconds",
        type=float,
        default=None,
        help="stop after this long (default: when interrupted)",
    )
    start.set_defaults(handler=cmd_training_start)
    customer = tsub.add_parser("customer", help="the customer wallet", parents=[common])
    csub = customer.add_subparsers(dest="customer_command", metavar="COMMAND")
    pay = csub.add_parser("pay", help="the customer wallet pays a training sale", parents=[common])
    pay.add_argument("sale_id")
    pay.add_argument(
        "--animated", action="store_true", help="hand the token over as animated BC-UR QR parts"
    )
    pay.add_argument(
        "--misbehave", choices=MISBEHAVIOURS, help="pay wrongly on purpose, for practice"
    )
    pay.set_defaults(handler=cmd_customer_pay)


def training_env(args: argparse.Namespace) -> TrainingEnvironment:
    """The training environment of this command line (under ``--data-dir`` or the default)."""
    env = getattr(args, "training_env", None)
    if env is None:
        from pos_app.core.training.environment import TrainingEnvironment

        env = TrainingEnvironment(resolve_data_dir(getattr(args, "data_dir", None)))
        args.training_env = env
    return env


def apply_training(args: argparse.Namespace) -> None:
    """Use the training wallet with ``--training``, ``POS_TRAINING=1`` or a ``training`` command."""
    if not training_requested(args) or getattr(args, "training_env", None) is not None:
        return
    env = training_env(args)
    env.activate()
    args.data_dir = str(env.data_dir)


def _progress(text: str, fraction: float) -> None:
    print(f"[{fraction:4.0%}] {text}", file=sys.stderr, flush=True)


async def cmd_training_start(args: argparse.Namespace) -> dict[str, Any]:
    import asyncio
    import signal

    from pos_app.training import start_training

    collector.settle()  # it runs until interrupted: collect as usual
    loop = asyncio.get_running_loop()
    main = asyncio.current_task()
    stop = asyncio.Event()
    starting = True

    def interrupted() -> None:
        # Ctrl-C or a TERM during the start ends the start (start_training stops the mint
        # it began); later it ends the run. The event stays set either way: a cancel can be
        # lost in an await of the start (Python 3.11's wait_for, a shielded close in httpx),
        # and the command must not then run on as if nobody had asked it to stop.
        stop.set()
        if starting and main is not None:
            main.cancel()

    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, interrupted)
    try:
        env, url, info = await start_training(training_env(args).data_root, _progress)
    except asyncio.CancelledError:
        if stop.is_set():
            raise KeyboardInterrupt from None  # exit code 130, as for a Ctrl-C at any time
        raise
    starting = False
    try:
        if stop.is_set():  # asked to stop while starting, and the start finished anyway
            raise KeyboardInterrupt
        emit(
            {"data_dir": str(env.data_dir), "mint_url": url, "training": True, **info},
            getattr(args, "json", False),
        )
        sys.stdout.flush()
        try:
            await asyncio.wait_for(stop.wait(), timeout=args.seconds)
        except TimeoutError:
            pass
    finally:
        await loop.run_in_executor(None, env.stop_mint)
    return {"stopped": True}


async def cmd_customer_pay(args: argparse.Namespace) -> dict[str, Any]:
    from pos_app.training import customer_pays

    env = training_env(args)
    async with open_app(args) as app:
        return await customer_pays(
            app, env, args.sale_id, animated=args.animated, misbehave=args.misbehave
        )
