"""The wallet as one object for the CLI, the GUI and the sales engine."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pos_app.core.config import Config
from pos_app.core.store.schema import Secret
from pos_app.core.wallet import check, coins, melt, receive, restore, send
from pos_app.core.wallet.context import WalletContext
from pos_app.core.wallet.recovery import Recovery, RetryPolicy, list_operations


class Wallet:
    """Receive, send, melt, check, restore and recover, over one wallet context."""

    def __init__(self, ctx: WalletContext, config: Config) -> None:
        self.ctx = ctx
        self.config = config
        self.recovery = Recovery(ctx, lambda s: RetryPolicy.from_settings(config.values(s)))

    # -- reads -----------------------------------------------------------------------------

    async def balance(self) -> dict[str, Any]:
        """Unspent amount per mint and unit, and totals per unit."""
        return await self.ctx.db.run(coins.balances)

    def mnemonic(self) -> str:
        """The BIP39 seed words (the caller asks for confirmation before showing them)."""
        return self.ctx.db.transact(lambda s: s.get(Secret, "mnemonic").value)

    @property
    def pubkey(self) -> str:
        """The shop's P2PK public key."""
        return self.ctx.shop_pubkey

    # -- money operations ------------------------------------------------------------------

    async def receive(self, text: str, *, source: str = "cli") -> receive.ReceiveResult:
        """Redeem a token at its trusted mint."""
        return await receive.receive(self.ctx, text, source=source)

    async def send(
        self,
        mint: str | None,
        unit: str,
        amount: int,
        *,
        lock: str | None = None,
        out: Path | None = None,
        qr: bool = False,
        memo: str | None = None,
    ) -> send.SendResult:
        """Export ``amount`` as a V4 token (optionally locked, optionally to a file).

        ``mint`` None: the first trusted mint, in the shop's order, that holds ``amount``.
        """
        return await send.send(self.ctx, mint, unit, amount, lock=lock, out=out, qr=qr, memo=memo)

    async def melt(self, invoice: str, mint: str | None = None) -> melt.MeltResult:
        """Pay a BOLT11 invoice from the shop's coins."""
        return await melt.melt_own(self.ctx, invoice, mint)

    async def check(self) -> dict[str, Any]:
        """Reconcile exports and pending coins with the mints (NUT-07)."""
        return await check.check(self.ctx)

    async def restore(self, mint: str | None = None, progress: Any = None) -> restore.RestoreReport:
        """Find the seed's coins at the mints (NUT-09 + NUT-13)."""
        return await restore.restore(self.ctx, mint, progress)

    async def recovery_list(self, include_closed: bool = False) -> list[dict[str, Any]]:
        """Operations that are open or need review."""
        return await self.ctx.db.run(lambda s: list_operations(s, include_closed=include_closed))
