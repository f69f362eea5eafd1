"""Known mints and their keysets: trust decisions, live validation, keyset sync.

A keyset id belongs to one mint only: a mint (or a token) that claims the id
of another mint's keyset is refused as a security problem. Keys are stored
once verified against their id and never change afterwards.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos_app.core.cashu.models import Keyset
from pos_app.core.errors import MintError, PosError, SecurityError, ValidationError
from pos_app.core.mint.client import MintClient, MintPool, normalize_url
from pos_app.core.mint.models import MintInfo
from pos_app.core.store.db import Database
from pos_app.core.store.schema import KeysetRow, Mint, Operation, ProofRow, now

# What a shop needs from a mint: checkstate (7) and restore (9) for recovery, DLEQ (12).
REQUIRED_NUTS = {7: "proof state checks", 9: "restore", 12: "DLEQ proofs"}
OPTIONAL_NUTS = {5: "Lightning payouts (melt)", 8: "melt change", 11: "P2PK locks"}


@dataclass(frozen=True, slots=True)
class MintReport:
    """Result of a live check of a mint: what it offers and what a shop would miss."""

    url: str
    name: str
    units: list[str]
    nuts: list[int]
    missing: list[str]
    warnings: list[str]
    has_dleq: bool
    keysets: list[Keyset] = field(default_factory=list)
    info: MintInfo | None = None

    @property
    def ok(self) -> bool:
        """True when nothing a shop needs is missing."""
        return not self.missing

    def to_dict(self) -> dict[str, Any]:
        """JSON form for the CLI and the Settings page."""
        return {
            "url": self.url,
            "name": self.name,
            "units": self.units,
            "nuts": self.nuts,
            "ok": self.ok,
            "missing": self.missing,
            "warnings": self.warnings,
            "has_dleq": self.has_dleq,
        }


def keyset_from_row(row: KeysetRow) -> Keyset:
    """The protocol model of a stored keyset (with keys when stored)."""
    keys = {int(a): k for a, k in json.loads(row.keys_json).items()} if row.keys_json else {}
    return Keyset(
        id=row.id,
        unit=row.unit,
        active=row.active,
        input_fee_ppk=row.input_fee_ppk,
        final_expiry=row.final_expiry,
        keys=keys,
    )


def mint_row(session: Session, url: str) -> Mint | None:
    """The stored mint for ``url`` (normalised), if any."""
    return session.scalar(select(Mint).where(Mint.url == normalize_url(url)))


# Trusted mints first, in the shop's order; the others after them, as they were added.
PRIORITY_ORDER = (Mint.priority.is_(None), Mint.priority, Mint.id)


def trusted_in_priority(session: Session) -> list[Mint]:
    """The trusted mints, first choice first."""
    return list(
        session.scalars(select(Mint).where(Mint.trusted.is_(True)).order_by(*PRIORITY_ORDER))
    )


def renumber(session: Session, ordered: Sequence[Mint]) -> None:
    """Give ``ordered`` (the trusted mints) the positions 1, 2, 3... in that order."""
    for position, row in enumerate(ordered, start=1):
        if row.priority != position:
            row.priority = position
            row.updated_at = now()


def place_trusted(session: Session, row: Mint, trusted: bool) -> None:
    """Set ``row``'s trust: a newly trusted mint goes last, an untrusted one leaves the order."""
    if trusted and not (row.trusted and row.priority is not None):
        last = session.scalar(select(func.max(Mint.priority)).where(Mint.trusted.is_(True)))
        row.priority = (last or 0) + 1
    elif not trusted:
        row.priority = None
    row.trusted = trusted
    session.flush()
    renumber(session, trusted_in_priority(session))


def mint_status(session: Session, url: str) -> tuple[str, str, str] | None:
    """``(url, name, health status)`` of a known mint, None for an unknown one."""
    row = mint_row(session, url)
    return None if row is None else (row.url, row.name, row.status)


def stored_keysets(session: Session, mint_id: int) -> list[Keyset]:
    """Every stored keyset of a mint."""
    rows = session.scalars(select(KeysetRow).where(KeysetRow.mint_id == mint_id))
    return [keyset_from_row(r) for r in rows]


def output_keyset(keysets: Iterable[Keyset], unit: str) -> Keyset | None:
    """The keyset new outputs go to: active, of ``unit``, keys known, lowest input fee."""
    candidates = [k for k in keysets if k.active and k.unit == unit and k.keys]
    return min(candidates, key=lambda k: (k.input_fee_ppk, k.id), default=None)


def stored_output_keyset(session: Session, mint_id: int, unit: str) -> Keyset:
    """:func:`output_keyset` among a mint's stored keysets.

    Raises:
        ValidationError: ``keyset.none_active`` when the mint has none for ``unit``.
    """
    keyset = output_keyset(stored_keysets(session, mint_id), unit)
    if keyset is None:
        raise ValidationError(
            "keyset.none_active", f"The mint has no active {unit} keys stored.", str(mint_id)
        )
    return keyset


def store_keysets(session: Session, mint_id: int, keysets: Sequence[Keyset]) -> None:
    """Insert or update keysets of ``mint_id``; refuse ids stored for another mint."""
    for ks in keysets:
        row = session.get(KeysetRow, ks.id)
        if row is not None and row.mint_id != mint_id:
            other = session.get(Mint, row.mint_id)
            raise SecurityError(
                "keyset.foreign",
                "This mint claims keys that belong to another mint. It was not used.",
                f"keyset {ks.id} belongs to {other.url if other else row.mint_id}",
            )
        if row is None:
            row = KeysetRow(id=ks.id, mint_id=mint_id, unit=ks.unit)
            session.add(row)
        row.unit = ks.unit
        row.active = ks.active
        row.input_fee_ppk = ks.input_fee_ppk
        row.final_expiry = ks.final_expiry
        if ks.keys and not row.keys_json:
            row.keys_json = json.dumps({str(a): k for a, k in ks.keys.items()})
        row.updated_at = now()


class MintDirectory:
    """Adds, lists, removes and syncs mints; the only place that writes mint and keyset rows."""

    def __init__(self, db: Database, pool: MintPool) -> None:
        self.db = db
        self.pool = pool

    def client(self, url: str) -> MintClient:
        """The shared HTTP client of a mint."""
        return self.pool.get(url)

    async def inspect(self, url: str) -> MintReport:
        """Check a mint live: reachable, units, NUTs a shop needs, DLEQ present."""
        client = self.client(url)
        info = await client.info()
        keysets = await client.keysets()
        active = [k for k in keysets if k.active]
        full = [await client.keys(k.id) for k in active]
        nuts = sorted(int(n) for n in info.nuts if n.isdigit() and info.supports(int(n)))
        units = sorted({k.unit for k in active})
        missing = [f"NUT-{n:02d} {what}" for n, what in REQUIRED_NUTS.items() if n not in nuts]
        if "sat" not in units:
            missing.append("a sat keyset")
        warnings = [f"NUT-{n:02d} {what}" for n, what in OPTIONAL_NUTS.items() if n not in nuts]
        return MintReport(
            url=client.url,
            name=info.name,
            units=units,
            nuts=nuts,
            missing=missing,
            warnings=[f"missing {w}" for w in warnings],
            has_dleq=12 in nuts,
            keysets=full,
            info=info,
        )

    async def add(self, url: str, *, trusted: bool = True, force: bool = False) -> dict[str, Any]:
        """Add (or update) a mint after checking it live.

        Raises:
            MintError: ``mint.unsuitable`` when a trusted mint lacks what a shop needs
                (unless ``force``).
        """
        report = await self.inspect(url)
        if trusted and not report.ok and not force:
            raise MintError(
                "mint.unsuitable",
                "This mint lacks features a shop needs: " + ", ".join(report.missing) + ".",
                report.url,
                data=report.to_dict(),
            )

        def write(session: Session) -> None:
            row = mint_row(session, report.url)
            if row is None:
                row = Mint(url=report.url, trusted=False)
                session.add(row)
            place_trusted(session, row, trusted)
            row.name = report.name
            row.pubkey = report.info.pubkey if report.info else None
            row.info_json = json.dumps(dict(report.info.raw)) if report.info else None
            row.updated_at = now()
            session.flush()
            store_keysets(session, row.id, report.keysets)

        await self.db.run(write)
        return report.to_dict() | {"trusted": trusted}

    # The faces' calls: each in its own transaction.

    async def list_all(self) -> list[dict[str, Any]]:
        """Every known mint with trust flag, name and units."""
        return await self.db.run(self.list)

    async def trust(self, url: str, trusted: bool) -> None:
        """Trust a known mint, or stop trusting it (``mint.unknown`` when not listed)."""
        await self.db.run(lambda s: self.set_trusted(s, url, trusted))

    async def prioritize(self, url: str, position: int) -> list[dict[str, Any]]:
        """Move a trusted mint to ``position`` (1 = first); returns every mint, in order."""

        def write(session: Session) -> list[dict[str, Any]]:
            self.set_priority(session, url, position)
            return self.list(session)

        return await self.db.run(write)

    async def moved(self, pubkey: str, url: str) -> None:
        """A mint known by ``pubkey`` answers at ``url`` now: its row (and keys) follow.

        Only for a mint the app runs itself (training's, on a new port): its key proves it
        is the same mint. Nothing changes when ``url`` is listed already.
        """
        url = normalize_url(url)

        def write(session: Session) -> None:
            if session.scalar(select(Mint).where(Mint.url == url)) is not None:
                return
            for row in session.scalars(select(Mint).where(Mint.pubkey == pubkey)):
                row.url = url

        await self.db.run(write)

    async def delete(self, url: str) -> None:
        """Forget a mint that holds no money and has no open operation."""
        await self.db.run(lambda s: self.remove(s, url))

    async def status(self, url: str) -> tuple[str, str, str] | None:
        """``(url, name, health status)`` of a known mint, None for an unknown one."""
        return await self.db.run(lambda s: mint_status(s, url))

    # The same inside a caller's transaction.

    def list(self, session: Session) -> list[dict[str, Any]]:
        """Every known mint with trust flag, name and units."""
        units: dict[int, set[str]] = {}
        for mint_id, unit in session.execute(select(KeysetRow.mint_id, KeysetRow.unit).distinct()):
            units.setdefault(mint_id, set()).add(unit)
        return [
            {
                "url": m.url,
                "trusted": m.trusted,
                "priority": m.priority,
                "name": m.name,
                "status": m.status,
                "units": sorted(units.get(m.id, ())),
            }
            for m in session.scalars(select(Mint).order_by(*PRIORITY_ORDER))
        ]

    def set_priority(self, session: Session, url: str, position: int) -> None:
        """Move a trusted mint to ``position`` (1 = first) and renumber the others densely.

        A position past the end moves it last.

        Raises:
            ValidationError: ``mint.unknown``, ``mint.not_trusted`` (untrusted mints have no
                place in the order), ``mint.priority_invalid`` (not a whole number >= 1).
        """
        if isinstance(position, bool) or not isinstance(position, int) or position < 1:
            raise ValidationError(
                "mint.priority_invalid",
                "The position must be a whole number, 1 for the first mint.",
                str(position),
            )
        row = mint_row(session, url)
        if row is None:
            raise _unknown_mint(url)
        if not row.trusted:
            raise ValidationError(
                "mint.not_trusted",
                "Only trusted mints have a place in the order. Trust this mint first.",
                row.url,
            )
        ordered = [m for m in trusted_in_priority(session) if m.id != row.id]
        ordered.insert(min(position, len(ordered) + 1) - 1, row)
        renumber(session, ordered)

    def set_trusted(self, session: Session, url: str, trusted: bool) -> None:
        """Change the trust flag of a known mint."""
        row = mint_row(session, url)
        if row is None:
            raise _unknown_mint(url)
        place_trusted(session, row, trusted)
        row.updated_at = now()

    def remove(self, session: Session, url: str) -> None:
        """Forget a mint that holds no money and has no open operation."""
        row = mint_row(session, url)
        if row is None:
            raise _unknown_mint(url)
        balance = session.scalar(
            select(func.coalesce(func.sum(ProofRow.amount), 0)).where(
                ProofRow.mint_id == row.id, ProofRow.state.in_(("unspent", "pending"))
            )
        )
        if balance:
            raise ValidationError(
                "mint.has_balance",
                f"The shop still holds {balance} at this mint. Export or pay it out first.",
                row.url,
            )
        open_ops = session.scalar(
            select(func.count()).where(Operation.mint_id == row.id, Operation.state == "pending")
        )
        if open_ops:
            raise ValidationError(
                "mint.has_open_operations",
                "This mint has operations still being recovered. Wait or dismiss them first.",
                row.url,
            )
        place_trusted(session, row, False)  # history rows keep pointing at it; no longer used

    async def sync_keysets(
        self, mint_id: int, url: str, *, listed: Sequence[Keyset] | None = None
    ) -> list[Keyset]:
        """Fetch the mint's keyset list and any keys not stored yet; store and return all.

        ``listed``: the mint's ``/v1/keysets`` answer when the caller just fetched it.
        """
        client = self.client(url)
        if listed is None:
            listed = await client.keysets()
        stored = {k.id: k for k in await self.db.run(lambda s: stored_keysets(s, mint_id))}
        merged: list[Keyset] = []
        for ks in listed:  # the list is authoritative for flags and fee; keys never change
            known = stored.get(ks.id)
            if known is None or not known.keys:
                known = await client.keys(ks.id)
            merged.append(replace(ks, keys=known.keys))
        await self.db.run(lambda s: store_keysets(s, mint_id, merged))
        client.prime_keys(merged)
        return merged


def _unknown_mint(url: str) -> PosError:
    return ValidationError("mint.unknown", "This mint is not in the shop's list.", url)
