"""The history of the tokens the shop handed out, their claim state, and taking one back.

Every token that left the wallet (a USB export, a customer's change, a refund) is
a row of ``exports``; its state follows its proofs at the mint (NUT-07):

==================  =========================  ==========================================
state (shown)       stored as                  meaning
==================  =========================  ==========================================
pending             ``exported``               nobody redeemed it yet
partially_claimed   ``partially_spent``        some of its proofs were redeemed
claimed             ``spent``                  all of them were redeemed
reclaimed           ``reclaimed``              the shop swapped the unclaimed rest back
==================  =========================  ==========================================

A reclaim is an ordinary receive of the still-unspent proofs (journalled, crash-safe,
finished by recovery); the journal row names the export, so whoever completes the
swap stores the proofs as ``reclaimed`` and settles the export in that transaction.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core.cashu.models import Token
from pos_app.core.cashu.tokens import parse_token, serialize_token_v4
from pos_app.core.choices import EXPORT_SHOWN, EXPORT_STATES
from pos_app.core.config import Config
from pos_app.core.errors import NetworkError, PosError, ValidationError
from pos_app.core.store.schema import Export, Mint, Operation, ProofRow
from pos_app.core.wallet import check, journal
from pos_app.core.wallet.context import WalletContext
from pos_app.core.wallet.exportfile import write_export_files
from pos_app.core.wallet.mints import mint_row
from pos_app.core.wallet.receive import execute_receive, plan_receive

SHOWN = EXPORT_SHOWN
STORED = {shown: stored for stored, shown in SHOWN.items()}
STATES = EXPORT_STATES
# Shown states whose proofs may still change at the mint.
UNSETTLED = ("pending", "partially_claimed")
# Seconds between two checks of the pending exports by the in-app timer.
CHECK_INTERVAL = 600.0


@dataclass(frozen=True, slots=True)
class ExportRecord:
    """One exported token as the history shows it (no secrets: the token text is apart)."""

    id: int
    created_at: int
    mint: str
    unit: str
    amount: int
    file: str | None
    state: str
    purpose: str
    claimed_amount: int
    locked_to: str | None
    checked_at: int | None
    reclaiming: bool = False
    staff: str | None = None  # who made it (None: the app, or before staff accounts)

    @property
    def unclaimed(self) -> int:
        """Face value nobody redeemed yet (0 once claimed or reclaimed)."""
        return self.amount - self.claimed_amount if self.state in UNSETTLED else 0

    @property
    def reclaimable(self) -> bool:
        """The shop's own export, not locked to someone else, with something left."""
        return (
            self.purpose == "export"
            and self.locked_to is None
            and self.unclaimed > 0
            and not self.reclaiming
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON shape of ``pos-app wallet exports``."""
        return {
            "id": self.id,
            "created_at": self.created_at,
            "mint": self.mint,
            "unit": self.unit,
            "amount": self.amount,
            "file": self.file,
            "state": self.state,
            "purpose": self.purpose,
            "claimed_amount": self.claimed_amount,
            "locked_to": self.locked_to,
            "checked_at": self.checked_at,
            "reclaiming": self.reclaiming,
            "staff": self.staff,
        }


@dataclass(frozen=True, slots=True)
class ReclaimResult:
    """What a reclaim brought back (``already``: an earlier reclaim did, nothing was done)."""

    export_id: int
    state: str
    unit: str
    amount: int
    fee: int
    claimed_amount: int
    already: bool = False

    def to_dict(self) -> dict[str, Any]:
        """JSON shape of ``pos-app wallet reclaim``."""
        return {
            "id": self.export_id,
            "state": self.state,
            "unit": self.unit,
            "amount": self.amount,
            "fee": self.fee,
            "claimed_amount": self.claimed_amount,
            "already": self.already,
        }


@dataclass(frozen=True, slots=True)
class ExportToken:
    """The token of an unclaimed export, to show as a QR code again or save again."""

    record: ExportRecord
    token: str
    amount: int  # face value of the proofs nobody claimed (the token holds only those)
    facts: dict[str, Any] = field(default_factory=dict)


def _check_state(status: str | None) -> str | None:
    if status is None:
        return None
    if status not in STORED:
        raise ValidationError(
            "exports.bad_status",
            f"Unknown export state {status!r}; use one of: {', '.join(STATES)}.",
            status,
        )
    return STORED[status]


def _record(export: Export, url: str, reclaiming: bool) -> ExportRecord:
    return ExportRecord(
        id=export.id,
        created_at=export.created_at,
        mint=url,
        unit=export.unit,
        amount=export.amount,
        file=export.file_path,
        state=SHOWN.get(export.state, export.state),
        purpose=export.purpose,
        claimed_amount=export.claimed_amount,
        locked_to=export.locked_to,
        checked_at=export.checked_at,
        reclaiming=reclaiming,
        staff=export.staff,
    )


def list_exports(
    session: Session,
    *,
    status: str | None = None,
    since: int | None = None,
    until: int | None = None,
    mint: str | None = None,
    limit: int | None = None,
) -> list[ExportRecord]:
    """Exports, newest first; ``since`` included, ``until`` excluded (Unix seconds).

    Raises:
        ValidationError: ``exports.bad_status``, ``mint.unknown``.
    """
    stored = _check_state(status)
    query = select(Export, Mint.url).join(Mint, Mint.id == Export.mint_id)
    if stored is not None:
        query = query.where(Export.state == stored)
    if since is not None:
        query = query.where(Export.created_at >= since)
    if until is not None:
        query = query.where(Export.created_at < until)
    if mint is not None:
        row = mint_row(session, mint)
        if row is None:
            raise ValidationError("mint.unknown", "This mint is not in the shop's list.", mint)
        query = query.where(Export.mint_id == row.id)
    query = query.order_by(Export.created_at.desc(), Export.id.desc())
    if limit is not None:
        query = query.limit(limit)
    found = session.execute(query).all()
    busy = check.reclaiming(session, [e.id for e, _ in found])
    return [_record(e, url, e.id in busy) for e, url in found]


def get_export(session: Session, export_id: int) -> ExportRecord:
    """One export (``export.unknown`` when there is none with this id)."""
    export = session.get(Export, export_id) if isinstance(export_id, int) else None
    if export is None:
        raise ValidationError("export.unknown", "There is no export with this number.", export_id)
    url = session.get(Mint, export.mint_id).url
    return _record(export, url, bool(check.reclaiming(session, [export.id])))


def unclaimed_token(session: Session, export_id: int) -> ExportToken:
    """A token of the export's proofs nobody redeemed, as far as the last check knows.

    Raises:
        ValidationError: ``export.unknown``, ``export.claimed`` (nothing left),
            ``export.reclaimed``.
    """
    record = get_export(session, export_id)
    if record.state == "reclaimed":
        raise ValidationError(
            "export.reclaimed",
            "This export was taken back into the wallet already; its token is no longer valid.",
            str(export_id),
        )
    if record.state == "claimed":
        raise _claimed(export_id)
    export = session.get(Export, export_id)
    rows = list(
        session.scalars(
            select(ProofRow)
            .where(ProofRow.export_id == export_id, ProofRow.state == "exported")
            .order_by(ProofRow.id)
        )
    )
    proofs = tuple(journal.proof_from_row(r) for r in rows)
    if not proofs:
        raise _claimed(export_id)
    amount = sum(p.amount for p in proofs)
    if amount == export.amount:
        text = export.token_text  # as handed out (memo and all): the same QR as then
    else:
        memo = parse_token(export.token_text).memo
        text = serialize_token_v4(
            Token(mint=record.mint, unit=export.unit, proofs=proofs, memo=memo)
        )
    return ExportToken(record, text, amount)


class Exports:
    """The export history service (the CLI, the Wallet page and the timer use it)."""

    def __init__(self, ctx: WalletContext, config: Config | None = None) -> None:
        self.ctx = ctx
        self.config = config or Config()
        # One reclaim per export at a time in this process (a double click, a script).
        self._busy: set[int] = set()

    async def list(
        self,
        *,
        status: str | None = None,
        since: int | None = None,
        until: int | None = None,
        mint: str | None = None,
        limit: int | None = None,
    ) -> list[ExportRecord]:
        """Exports, newest first, filtered (see :func:`list_exports`)."""
        return await self.ctx.db.run(
            lambda s: list_exports(
                s, status=status, since=since, until=until, mint=mint, limit=limit
            )
        )

    async def get(self, export_id: int) -> ExportRecord:
        """One export."""
        return await self.ctx.db.run(lambda s: get_export(s, export_id))

    async def refresh(self, export_ids: Sequence[int] | None = None) -> dict[str, Any]:
        """Ask the mints (NUT-07, batched per mint) which open exports were claimed.

        Returns the check's counts; a mint that cannot be reached is listed in
        ``errors`` and the others are checked all the same.
        """
        return await check.check_exports(self.ctx, export_ids)

    async def refresh_round(self) -> None:
        """The timer's round: the open exports of the last ``exports.check_days`` days.

        Customers' change that nobody claims stays open for ever; checking all of it every
        round would grow without end. Older exports are checked by :meth:`refresh`.
        No traffic when nothing is open.
        """
        days = await self.ctx.db.run(lambda s: self.config.get(s, "exports.check_days"))
        since = int(self.ctx.clock()) - int(days) * 86400
        await check.check_exports(self.ctx, since=since)

    async def token(self, export_id: int) -> ExportToken:
        """The token of an unclaimed export (what nobody redeemed), to show or save again."""
        return await self.ctx.db.run(lambda s: unclaimed_token(s, export_id))

    async def save_file(self, export_id: int, folder: Path) -> dict[str, Any]:
        """Write an unclaimed export's token to ``folder`` again (a new file, never replacing).

        Raises:
            PosError: as :meth:`token`; ``export.no_folder``; ``export.write_failed`` when the
                file cannot be written.
        """
        shown = await self.token(export_id)
        record = shown.record
        loop = asyncio.get_running_loop()
        if not await loop.run_in_executor(None, Path(folder).is_dir):
            raise ValidationError(
                "export.no_folder",
                "Choose a folder that exists (is the USB drive plugged in?).",
                str(folder),
            )
        file, qr_file = await loop.run_in_executor(
            None,
            partial(
                write_export_files,
                Path(folder),
                shown.token,
                amount=shown.amount,
                unit=record.unit,
                mint_url=record.mint,
                qr=True,
                training=self.ctx.training,
            ),
        )

        def remember(session: Session) -> None:
            session.get(Export, export_id).file_path = str(file)
            journal.audit(session, "export.saved", str(export_id), {"amount": shown.amount})

        await self.ctx.db.run(remember)
        return {"id": export_id, "file": str(file), "qr_file": str(qr_file) if qr_file else None}

    async def reclaim(self, export_id: int) -> ReclaimResult:
        """Swap an unclaimed export's proofs back into the wallet (the stick was lost).

        The proofs are checked at the mint first: only the ones nobody redeemed come
        back, and the export says ``reclaimed`` with what had been claimed. A second
        reclaim returns the first one's result and does nothing.

        Raises:
            PosError: ``export.unknown``, ``export.claimed`` (nothing left),
                ``export.not_ours`` (change or refund: the customer's money),
                ``export.locked``, ``export.reclaim_open`` (one is under way),
                ``mint.unreachable`` (nothing was done, or recovery finishes it).
        """
        if export_id in self._busy:
            raise _under_way(export_id)
        self._busy.add(export_id)
        try:
            return await self._reclaim(export_id)
        finally:
            self._busy.discard(export_id)

    async def _reclaim(self, export_id: int) -> ReclaimResult:
        record = await self.get(export_id)
        if record.state == "reclaimed":
            return await self._done(export_id, already=True)
        _check_reclaimable(record)
        # Fresh states first: a proof the recipient redeemed since the last check stays theirs.
        await check.check_exports(self.ctx, [export_id], strict=True)
        shown = await self.token(export_id)
        token = parse_token(shown.token)
        plan = await plan_receive(
            self.ctx, shown.token, source="reclaim", require_trusted=False, token=token
        )
        try:
            await execute_receive(self.ctx, plan, export_id=export_id)
        except NetworkError:
            raise  # journalled: recovery finishes the swap and settles the export
        except PosError:
            # Refused: most likely the recipient redeemed it since the check just made.
            await check.check_exports(self.ctx, [export_id])
            if (await self.get(export_id)).state == "claimed":
                raise _claimed(export_id) from None
            raise
        return await self._done(export_id)

    async def _done(self, export_id: int, *, already: bool = False) -> ReclaimResult:
        def read(session: Session) -> ReclaimResult:
            export = session.get(Export, export_id)
            op = session.scalars(
                select(Operation).where(
                    Operation.export_id == export_id,
                    Operation.kind == "receive",
                    Operation.state.in_(("done", "recovered")),
                )
            ).first()
            return ReclaimResult(
                export_id=export_id,
                state=SHOWN[export.state],
                unit=export.unit,
                amount=op.input_amount if op else 0,
                fee=op.fee if op else 0,
                claimed_amount=export.claimed_amount,
                already=already,
            )

        return await self.ctx.db.run(read)


def _check_reclaimable(record: ExportRecord) -> None:
    if record.purpose != "export":
        raise ValidationError(
            "export.not_ours",
            "This token was given to a customer (change or refund); it is theirs and cannot be "
            "taken back.",
            f"export {record.id} purpose {record.purpose}",
        )
    if record.locked_to is not None:
        raise ValidationError(
            "export.locked",
            "This export is locked to the recipient's key: only they can redeem it.",
            f"export {record.id} locked to {record.locked_to}",
        )
    if record.reclaiming:
        raise _under_way(record.id)
    if record.state == "claimed":
        raise _claimed(record.id)


def _under_way(export_id: int) -> ValidationError:
    return ValidationError(
        "export.reclaim_open",
        "This export is being taken back already; the wallet finishes it when the mint answers.",
        str(export_id),
    )


def _claimed(export_id: int) -> ValidationError:
    return ValidationError(
        "export.claimed",
        "This export was redeemed by its recipient; there is nothing left to show or take back.",
        str(export_id),
    )
