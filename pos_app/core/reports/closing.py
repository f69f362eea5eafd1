"""End of day: the X report (a look, changes nothing) and the Z report (closes the period).

A Z report covers the time from the previous Z report's close (or the wallet's first
activity) to now. Closing writes it in one transaction: the number follows the last
one (unique, so two closes at once cannot share it), the content is stored whole as
JSON with a SHA-256 chained to the previous report, and from then on database
triggers refuse to change it, or the figures of the sales and payments it counted
(see migration 0006). A crash before the commit leaves no report; after it, a
complete one. Closing when nothing happened since the last Z closes nothing.

The ecash drawer count comes from :mod:`.drawer`; before closing, the proofs the
wallet holds are checked at their mints (NUT-07) when the mints answer.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Numeric, cast, func, select
from sqlalchemy.orm import Session

from pos_app.core.config import Config
from pos_app.core.errors import PosError, ValidationError
from pos_app.core.faults import fault_point
from pos_app.core.reports import drawer, periods
from pos_app.core.reports.figures import figures
from pos_app.core.reports.periods import Span
from pos_app.core.store import auditchain
from pos_app.core.store.schema import (
    BalanceMove,
    Export,
    Mint,
    Operation,
    Payment,
    ProofRow,
    Sale,
    ZReport,
)
from pos_app.core.wallet.check import CHECK_BATCH
from pos_app.core.wallet.journal import HELD
from pos_app.core.wallet.mints import MintDirectory

FORMAT = 1


def digest_of(previous: str, content_json: str) -> str:
    """The chained SHA-256 of a report: over the previous digest and this content."""
    return hashlib.sha256(f"{previous}\n{content_json}".encode()).hexdigest()


def _canonical(content: dict[str, Any]) -> str:
    return json.dumps(content, sort_keys=True, separators=(",", ":"), default=str)


def _last(session: Session) -> ZReport | None:
    return session.scalars(select(ZReport).order_by(ZReport.number.desc()).limit(1)).first()


def _first_activity(session: Session, now: int) -> int:
    times = [
        session.scalar(select(func.min(Sale.created_at))),
        session.scalar(select(func.min(Payment.created_at))),
        session.scalar(select(func.min(BalanceMove.at))),
        session.scalar(select(func.min(Operation.created_at))),
    ]
    return min([int(t) for t in times if t is not None] or [now])


def _closing_counts(last: ZReport | None) -> dict[tuple[str, str], int] | None:
    """What the last Z report expected per (mint URL, unit): the next one's opening."""
    if last is None:
        return None
    return {
        (line["mint"], line["unit"]): line["expected"]
        for line in json.loads(last.content_json)["drawer"]
    }


def _anything_since(session: Session, start: int, moves_after: int) -> bool:
    checks = (  # one indexed range each (an OR would read every sale)
        select(BalanceMove.id).where(BalanceMove.id > moves_after),
        select(Sale.id).where(Sale.created_at >= start),
        select(Sale.id).where(Sale.state == "paid", Sale.paid_at >= start),
        select(Payment.id).where(Payment.created_at >= start),
    )
    return any(session.scalar(q.limit(1)) is not None for q in checks)


def _rates(session: Session, span: Span) -> list[dict[str, Any]]:
    rate = cast(Sale.rate, Numeric(24, 8))
    rows = session.execute(
        select(Sale.currency, func.count(), func.min(rate), func.max(rate))
        .where(
            Sale.state == "paid",
            Sale.paid_at >= span.start_ts,
            Sale.paid_at < span.end_ts,
            Sale.rate.is_not(None),
        )
        .group_by(Sale.currency)
        .order_by(Sale.currency)
    ).all()
    sources = defaultdict(list)
    for currency, source in session.execute(
        select(Sale.currency, Sale.rate_source)
        .where(Sale.state == "paid", Sale.paid_at >= span.start_ts, Sale.paid_at < span.end_ts)
        .distinct()
    ):
        if source:
            sources[currency].append(source)
    return [
        {
            "currency": currency,
            "sales": count,
            "lowest": _plain(low),
            "highest": _plain(high),
            "sources": sorted(sources[currency]),
        }
        for currency, count, low, high in rows
    ]


def _plain(number: Any) -> str:
    """A rate as plain decimal text: ``50000``, ``61234.56`` (never ``5E+4``)."""
    return format(Decimal(str(number)).normalize(), "f")


def _ended(session: Session, span: Span) -> dict[str, int]:
    """Sales opened in the period that ended without being paid, by how they ended."""
    return dict(
        session.execute(
            select(Sale.state, func.count())
            .where(
                Sale.created_at >= span.start_ts,
                Sale.created_at < span.end_ts,
                Sale.state.in_(("cancelled", "expired", "failed")),
            )
            .group_by(Sale.state)
        ).all()
    )


def _exports(session: Session, span: Span) -> list[dict[str, Any]]:
    rows = session.execute(
        select(
            Mint.url,
            Export.unit,
            Export.purpose,
            func.count(),
            func.sum(Export.amount),
            func.sum(Export.claimed_amount),
        )
        .join(Mint, Mint.id == Export.mint_id)
        .where(Export.created_at >= span.start_ts, Export.created_at < span.end_ts)
        .group_by(Mint.url, Export.unit, Export.purpose)
        .order_by(Mint.url, Export.unit, Export.purpose)
    )
    return [
        {
            "mint": url,
            "unit": unit,
            "purpose": purpose,
            "tokens": count,
            "amount": int(amount),
            "claimed": int(claimed or 0),
        }
        for url, unit, purpose, count, amount, claimed in rows
    ]


def compose(
    session: Session,
    *,
    kind: str,
    now: int,
    zone: ZoneInfo | None,
    config: Config,
    mint_check: list[dict[str, Any]],
) -> tuple[dict[str, Any], ZReport | None, int]:
    """The content of an X or Z report at ``now``, the last Z and the last balance move."""
    last = _last(session)
    start = last.closed_at if last is not None else _first_activity(session, now)
    after = last.moves_through if last is not None else 0
    through = drawer.last_move(session)
    if zone is None:  # the shop's zone setting, else this computer's
        zone = periods.zone(config.get(session, "shop.timezone") or None)
    span = Span(start, max(now, start), zone)
    open_ops = session.scalar(
        select(func.count()).select_from(Operation).where(Operation.state == "pending")
    )
    content = {
        "format": FORMAT,
        "kind": kind,
        "number": (last.number if last is not None else 0) + 1,
        "till": config.get(session, "till.name"),
        "shop": config.get(session, "shop.name"),
        "period": span.to_dict(),
        "figures": figures(session, span).to_dict(),
        "ended_unpaid": _ended(session, span),
        "rates": _rates(session, span),
        "exports": _exports(session, span),
        "drawer": drawer.count(session, after, through, _closing_counts(last)),
        "mint_check": mint_check,
        "open_operations": int(open_ops or 0),
        "audit": dict(zip(("id", "chain"), auditchain.head(session), strict=True)),
        "previous": None
        if last is None
        else {"number": last.number, "digest": last.digest, "closed_at": last.closed_at},
    }
    del content["figures"]["period"]
    return content, last, through


async def check_at_mints(db: Any, mints: MintDirectory) -> list[dict[str, Any]]:
    """NUT-07: the held proofs' states at their mints, as amounts per mint and unit.

    Reads only; a mint that does not answer is listed as unreachable. Fixing what it
    finds is the wallet's Check, which the owner runs on purpose.
    """

    def load(session: Session) -> dict[str, list[tuple[str, str, int]]]:
        rows = session.execute(
            select(Mint.url, ProofRow.unit, ProofRow.y, ProofRow.amount)
            .join(Mint, Mint.id == ProofRow.mint_id)
            .where(ProofRow.state.in_(HELD))
        )
        by_mint: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
        for url, unit, y, amount in rows:
            by_mint[url].append((unit, y, amount))
        return by_mint

    out = []
    for url, proofs in sorted((await db.run(load)).items()):
        totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        try:
            client = mints.client(url)
            for i in range(0, len(proofs), CHECK_BATCH):
                batch = proofs[i : i + CHECK_BATCH]
                states = {s.Y: s.state for s in await client.checkstate([y for _, y, _ in batch])}
                for unit, y, amount in batch:
                    totals[unit][states.get(y, "UNKNOWN").lower()] += amount
        except PosError as exc:
            for unit in sorted({u for u, _, _ in proofs}):
                out.append({"mint": url, "unit": unit, "reachable": False, "error": exc.code})
            continue
        for unit, states in sorted(totals.items()):
            out.append({"mint": url, "unit": unit, "reachable": True, **dict(states)})
    return out


class Closing:
    """X and Z reports.

    Args:
        db: the wallet database.
        mints: the mint directory (NUT-07 checks; None: the drawer is not checked).
        config: the settings (till and shop names).
        clock: Unix time (tests move it).
    """

    def __init__(
        self,
        db: Any,
        mints: MintDirectory | None,
        config: Config,
        clock: Callable[[], float],
        *,
        training: bool = False,
    ) -> None:
        self.db = db
        self.mints = mints
        self.config = config
        self.clock = clock
        self.training = training

    async def _check(self) -> list[dict[str, Any]]:
        return [] if self.mints is None else await check_at_mints(self.db, self.mints)

    async def x(self, zone: ZoneInfo | None, *, check: bool = True) -> dict[str, Any]:
        """The X report: what the next Z report would say now. Nothing is stored."""
        checked = await self._check() if check else []
        now = int(self.clock()) + 1  # rows are stamped in whole seconds: this one included
        content, _, _ = await self.db.run(
            lambda s: compose(
                s, kind="X", now=now, zone=zone, config=self.config, mint_check=checked
            )
        )
        return self._marked(content)

    def _marked(self, content: dict[str, Any]) -> dict[str, Any]:
        # Only a training till's reports carry the key: the shop's keep their shape.
        return {**content, "training": True} if self.training else content

    async def close(self, zone: ZoneInfo | None, *, check: bool = True) -> dict[str, Any]:
        """Close the period with a Z report; returns it with ``closed`` true.

        When nothing happened since the last Z report, nothing is closed: the last one
        comes back with ``closed`` false (a second click or a retried command closes once).

        Raises:
            ValidationError: ``report.z_nothing`` when nothing ever happened.
        """
        checked = await self._check() if check else []

        def write(session: Session) -> dict[str, Any]:
            # Rows are stamped in whole seconds. The report ends at the next whole second,
            # and the transaction (which holds the write lock) lasts until then: what was
            # written before the close is in it, what comes after is stamped later.
            now = int(self.clock()) + 1
            last = _last(session)
            if last is not None and not _anything_since(
                session, last.closed_at, last.moves_through
            ):
                return {**stored(last), "closed": False}
            if last is None and not _anything_since(session, 0, 0):
                raise ValidationError(
                    "report.z_nothing",
                    "There is nothing to close yet: no sale, payment or wallet change so far.",
                )
            content, last, through = compose(
                session, kind="Z", now=now, zone=zone, config=self.config, mint_check=checked
            )
            content = self._marked(content)  # stored so: a reprint says it too
            text = _canonical(content)
            row = ZReport(
                number=content["number"],
                till=content["till"],
                opened_at=content["period"]["start"],
                closed_at=content["period"]["end"],
                moves_through=through,
                content_json=text,
                digest=digest_of(last.digest if last is not None else "", text),
                created_at=now,
            )
            session.add(row)
            session.flush()
            fault_point("z.before_commit")
            wait = now - self.clock()
            if 0 < wait <= 1:
                time.sleep(wait)
            return {**stored(row), "closed": True}

        return await self.db.run(write)

    async def list(self) -> list[dict[str, Any]]:
        """Every Z report, newest first, with whether its chained digest still holds."""

        def read(session: Session) -> list[dict[str, Any]]:
            out, previous = [], ""
            for row in session.scalars(select(ZReport).order_by(ZReport.number)):
                content = json.loads(row.content_json)
                intact = digest_of(previous, row.content_json) == row.digest
                previous = row.digest
                out.append(
                    {
                        "number": row.number,
                        "till": row.till,
                        "opened_at": row.opened_at,
                        "closed_at": row.closed_at,
                        "period": content["period"],
                        "sales": content["figures"]["sales"],
                        "gross": content["figures"]["gross"],
                        "gross_sat": content["figures"]["gross_sat"],
                        "digest": row.digest,
                        "intact": intact,
                    }
                )
            return out[::-1]

        return await self.db.run(read)

    async def show(self, number: int) -> dict[str, Any]:
        """One stored Z report.

        Raises:
            ValidationError: ``report.z_unknown`` when there is no such number.
        """

        def read(session: Session) -> dict[str, Any]:
            row = session.scalars(select(ZReport).where(ZReport.number == number)).first()
            if row is None:
                raise ValidationError(
                    "report.z_unknown", f"There is no Z report number {number}.", str(number)
                )
            before = session.scalars(
                select(ZReport.digest).where(ZReport.number == number - 1)
            ).first()
            return {
                **stored(row),
                "intact": digest_of(before or "", row.content_json) == row.digest,
            }

        return await self.db.run(read)


def stored(row: ZReport) -> dict[str, Any]:
    """A stored Z report as the faces show it: its content, number and digest."""
    return {**json.loads(row.content_json), "number": row.number, "digest": row.digest}
