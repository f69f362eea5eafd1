"""Training mode put together: the training wallet on its mint, and the customer paying a sale.

This sits beside the composition root (:mod:`pos_app.app`), which it uses; both faces
call it (``pos-app training ...`` / ``--training`` and the desktop app's ``--training``).

The customer's token goes through the till's normal checkout (``SalesService.pay``),
as a pasted or scanned token would; an animated payment is first cut into BC-UR parts
and put back together by the same decoder the scanner uses.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

from pos_app.core.cashu.ur import URDecoder
from pos_app.core.choices import MISBEHAVIOURS
from pos_app.core.errors import MintError, ValidationError
from pos_app.core.training.customer import CustomerWallet, animated_parts
from pos_app.core.training.environment import TrainingEnvironment
from pos_app.core.training.mintpython import Progress
from pos_app.datadir import ENV_TRAINING, training_requested  # noqa: F401 - re-exported
from pos_app.paths import resources_path

if TYPE_CHECKING:
    from pos_app.app import App

MADE_UP_MINT = "https://mint.example.invalid"


async def start_training(
    data_root: Path, progress: Progress | None = None
) -> tuple[TrainingEnvironment, str, dict[str, Any]]:
    """Activate training mode under ``data_root``: the mint started, the wallet trusting it.

    The caller stops the mint (:meth:`TrainingEnvironment.stop_mint`) when it is done.
    """
    env = TrainingEnvironment(data_root)
    env.activate()
    loop = asyncio.get_running_loop()
    requirements = resources_path("training", "requirements-nutshell.txt")
    try:
        url = await loop.run_in_executor(None, env.start_mint, requirements, progress)
        info = await setup_wallet(env, url)
    except BaseException:
        # Also on Ctrl-C or a quit during start-up: the mint runs in its own process
        # group, so nothing else would stop it. Synchronous: the loop may be going away.
        env.stop_mint()
        env.deactivate()
        raise
    return env, url, info


async def setup_wallet(env: TrainingEnvironment, mint_url: str) -> dict[str, Any]:
    """Create the training wallet (once) and make the running training mint its trusted mint.

    ``env`` must be active (:meth:`TrainingEnvironment.activate`): the key comes from there.
    """
    from pos_app.app import App

    app, created = App.init(env.data_dir, key_method="env")
    try:
        if env.mint is not None:
            # The same mint on a new port (its key says so): its row follows, else its
            # keys under the old address would make it look like a mint claiming them.
            await app.mints.moved(env.mint.pubkey, mint_url)
        await app.mints.add(mint_url, trusted=True)
        for mint in await app.mints.list_all():
            # A previous run's mint on another port is the same play mint, gone.
            if mint["trusted"] and mint["url"].rstrip("/") != mint_url.rstrip("/"):
                await app.mints.trust(mint["url"], False)
        return {"created": created, **app.info()}
    finally:
        await app.aclose()


def training_mint_url(env: TrainingEnvironment) -> str:
    """The training mint's URL as the last ``training start`` chose it."""
    port_file = env.data_dir / "mint" / "port"
    if not port_file.is_file():
        raise ValidationError(
            "training.not_started",
            "Training mode has not been started here: run `pos-app training start`.",
            str(env.data_dir),
        )
    return f"http://127.0.0.1:{int(port_file.read_text())}"


async def customer_pays(
    app: App,
    env: TrainingEnvironment,
    sale_id: str,
    *,
    animated: bool = False,
    misbehave: str | None = None,
) -> dict[str, Any]:
    """The customer wallet pays sale ``sale_id``; the till takes the token at its checkout.

    Returns the checkout's answer with ``token`` (what the customer handed over) and,
    when animated, ``ur_parts`` (how many QR frames were shown).
    """
    if misbehave is not None and misbehave not in MISBEHAVIOURS:
        raise ValidationError(
            "training.unknown_misbehaviour",
            f"The customer can misbehave as: {', '.join(MISBEHAVIOURS)}.",
            misbehave,
        )
    sale = await app.sales.show(sale_id)
    customer = CustomerWallet(env.data_dir / "customer", training_mint_url(env))
    try:
        if misbehave == "double-spend":
            token = customer.reuse_last()
        else:
            token = await customer.pay(
                sale["payment_request"],
                short_by=1 if misbehave == "too-little" else 0,
                claim_mint=MADE_UP_MINT if misbehave == "untrusted-mint" else None,
            )
    except httpx.HTTPError as exc:
        raise MintError(
            "training.mint_down",
            "The training mint does not answer: is `pos-app training start` running?",
            str(exc),
        ) from exc
    answer: dict[str, Any] = {"token": token}
    if animated:
        parts = animated_parts(token)
        decoder = URDecoder()
        for part in parts:
            decoder.receive_part(part)
        token = decoder.result_text or ""
        answer["ur_parts"] = len(parts)
    result = await app.sales.pay(sale_id, token)
    return {**result.to_dict(), **answer}
