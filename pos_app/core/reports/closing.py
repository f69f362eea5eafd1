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

On a shop's shared store each till closes its own Z report (``scope`` ``till``): the
sales, payments and refunds of its sales that carry its till id, numbered and chained
per till, without the drawer, which is the shop's wallet. The shop's report (``scope``
``shop``, ``till_id`` NULL) covers every till's rows since the last shop report, with
the drawer and a line per till; it is a closed, numbered report of its own. A single
till has only the second kind, whatever is asked: its one till is the shop.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Numeric, cast, func, select, text
from sqlalchemy.orm import Session

from pos_app.core.config import Config
from pos_app.core.errors import PosError, ValidationError
from pos_app.core.faults import fault_point
from pos_app.core.reports import drawer, periods
from pos_app.core.reports.figures import add_money, cents_of, figures, of_till
from pos_app.core.reports.periods import Span
from pos_app.core.store import auditchain
from pos_app.core.store.schema import (
    BalanceMove,
    Export,
    Mint,
    Operation,
    Payment,
    ProofRow,
    Refund,
    Sale,
    Till,
    ZReport,
)
from pos_app.core.wallet.check import CHECK_BATCH
from pos_app.core.wallet.journal import HELD
from pos_app.core.wallet.mints import MintDirectory

FORMAT = 1
SCOPES = ("till", "shop")


@dataclass(frozen=True, slots=True)
class Scope:
    """Whose report: a till's on a shared store, or the shop's.

    ``till_id``: the till whose rows it counts (None: every till's, with the drawer).
    ``here``: the id of the till making it on a shop's shared store (None on a single
    till: its content keeps the shape it always had).
    """

    till_id: str | None
    here: str | None

    @property
    def shared(self) -> bool:
        """On a shop's shared store (the content then says whose report it is)."""
        return self.here is not None

    @property
    def name(self) -> str | None:
        """``till`` or ``shop`` on a shared store; None on a single till.

        A single till's content keeps the shape it always had.
        """
        if not self.shared:
            return None
        return "shop" if self.till_id is None else "till"


def _of_chain(till_id: str | None) -> Any:
    """SQL: the Z reports of one chain (a till's, or the shop's with ``till_id`` NULL)."""
    return ZReport.till_id.is_(None) if till_id is None else ZReport.till_id == till_id


def digest_of(previous: str, content_json: str) -> str:
    """The chained SHA-256 of a report: over the previous digest and this content."""
    return hashlib.sha256(f"{previous}\n{content_json}".encode()).hexdigest()


def _canonical(content: dict[str, Any]) -> str:
    return json.dumps(content, sort_keys=True, separators=(",", ":"), default=str)


def _last(session: Session, till_id: str | None = None) -> ZReport | None:
    return session.scalars(
        select(ZReport).where(_of_chain(till_id)).order_by(ZReport.number.desc()).limit(1)
    ).first()


def _first_activity(session: Session, now: int, till_id: str | None = None) -> int:
    times = [
        session.scalar(select(func.min(Sale.created_at)).where(*of_till(Sale, till_id))),
        session.scalar(select(func.min(Payment.created_at)).where(*of_till(Payment, till_id))),
        session.scalar(select(func.min(Operation.created_at)).where(*of_till(Operation, till_id))),
    ]
    if till_id is None:  # the drawer is the shop's: a till's report starts at its own rows
        times.append(session.scalar(select(func.min(BalanceMove.at))))
    return min([int(t) for t in times if t is not None] or [now])


def _closing_counts(last: ZReport | None) -> dict[tuple[str, str], int] | None:
    """What the last Z report expected per (mint URL, unit): the next one's opening."""
    if last is None:
        return None
    return {
        (line["mint"], line["unit"]): line["expected"]
        for line in json.loads(last.content_json)["drawer"]
    }


def _anything_since(
    session: Session, start: int, moves_after: int, till_id: str | None = None
) -> bool:
    """Whether the report of ``till_id`` (None: the shop's) would count anything new."""
    checks = [  # one indexed range each (an OR would read every sale)
        select(Sale.id).where(Sale.created_at >= start, *of_till(Sale, till_id)),
        select(Sale.id).where(Sale.state == "paid", Sale.paid_at >= start, *of_till(Sale, till_id)),
        select(Payment.id).where(Payment.created_at >= start, *of_till(Payment, till_id)),
    ]
    if till_id is None:  # every change of the drawer (refunds, exports...) is the shop's
        checks.insert(0, select(BalanceMove.id).where(BalanceMove.id > moves_after))
    else:  # a refund of this till's sales shows in its report
        checks.append(
            select(Refund.id)
            .join(Sale, Sale.id == Refund.sale_id)
            .where(Refund.state == "done", Refund.done_at >= start, Sale.till_id == till_id)
        )
    return any(session.scalar(q.limit(1)) is not None for q in checks)


def _rates(session: Session, span: Span, till_id: str | None = None) -> list[dict[str, Any]]:
    rate = cast(Sale.rate, Numeric(24, 8))
    rows = session.execute(
        select(Sale.currency, func.count(), func.min(rate), func.max(rate))
        .where(
            Sale.state == "paid",
            Sale.paid_at >= span.start_ts,
            Sale.paid_at < span.end_ts,
            Sale.rate.is_not(None),
            *of_till(Sale, till_id),
        )
        .group_by(Sale.currency)
        .order_by(Sale.currency)
    ).all()
    sources = defaultdict(list)
    for currency, source in session.execute(
        select(Sale.currency, Sale.rate_source)
        .where(
            Sale.state == "paid",
            Sale.paid_at >= span.start_ts,
            Sale.paid_at < span.end_ts,
            *of_till(Sale, till_id),
        )
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


def _ended(session: Session, span: Span, till_id: str | None = None) -> dict[str, int]:
    """Sales opened in the period that ended without being paid, by how they ended."""
    return dict(
        session.execute(
            select(Sale.state, func.count())
            .where(
                Sale.created_at >= span.start_ts,
                Sale.created_at < span.end_ts,
                Sale.state.in_(("cancelled", "expired", "failed")),
                *of_till(Sale, till_id),
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


def _by_till(session: Session, span: Span) -> list[dict[str, Any]]:
    """The shop report's line per till: its sales and refunds in the shop's span.

    Every till of the shop has a line (one that sold nothing too), and rows made before
    the shop had tills (``till_id`` NULL: a till moved onto the database) one of their
    own, so the lines add up to the shop's figures. ``open`` says a till has sales or
    payments that no Z report of its own closed yet.
    """
    lines: dict[str | None, dict[str, Any]] = {}

    def line(till_id: str | None) -> dict[str, Any]:
        return lines.setdefault(
            till_id,
            {"sales": 0, "gross": {}, "gross_sat": {}, "refunds": 0, "refunded": {}},
        )

    names = dict(session.execute(select(Till.id, Till.name)).all())
    for till_id in names:
        line(till_id)
    paid = select(
        Sale.till_id,
        Sale.currency,
        Sale.unit,
        func.count(),
        func.sum(cents_of(Sale.amount)),
        func.sum(Sale.due - Sale.fee_advance - Sale.tip_sat),
    ).where(Sale.state == "paid", Sale.paid_at >= span.start_ts, Sale.paid_at < span.end_ts)
    for till_id, currency, unit, count, cents, sat in session.execute(
        paid.group_by(Sale.till_id, Sale.currency, Sale.unit)
    ):
        out = line(till_id)
        out["sales"] += count
        add_money(out["gross"], currency, cents)
        out["gross_sat"][unit] = out["gross_sat"].get(unit, 0) + int(sat or 0)
    refunds = (
        select(Sale.till_id, Refund.currency, Refund.amount, Refund.amount_currency)
        .join(Sale, Sale.id == Refund.sale_id)
        .where(
            Refund.state == "done",
            Refund.done_at >= span.start_ts,
            Refund.done_at < span.end_ts,
        )
    )
    for till_id, currency, amount, in_currency in session.execute(refunds):
        out = line(till_id)
        out["refunds"] += 1
        value = Decimal(in_currency) if currency != "sat" else Decimal(int(amount))
        out["refunded"][currency] = (out["refunded"].get(currency, Decimal(0)) + value).quantize(
            Decimal("0.01")
        )
    result = []
    for till_id, out in lines.items():
        last = _last(session, till_id) if till_id is not None else None
        since = last.closed_at if last is not None else 0
        result.append(
            {
                "till_id": till_id,
                "till": names.get(till_id) if till_id is not None else None,
                **out,
                "gross": {c: str(v) for c, v in out["gross"].items()},
                "refunded": {c: str(v) for c, v in out["refunded"].items()},
                "last_z": None
                if last is None
                else {"number": last.number, "closed_at": last.closed_at},
                "open": till_id is not None and _anything_since(session, since, 0, till_id),
            }
        )
    # By name; the rows from before the tills last.
    return sorted(result, key=lambda t: (t["till_id"] is None, t["till"] or "", t["till_id"] or ""))


def _till_name(session: Session, config: Config, scope: Scope) -> str:
    """The name of the till making the report.

    On a shared store its row in ``tills``: the name ``storage status`` and the shop
    report's lines show, so a till's report and its line match. Else ``till.name``.
    """
    row = session.get(Till, scope.here) if scope.here else None
    return row.name if row is not None else config.get(session, "till.name")


def compose(
    session: Session,
    *,
    kind: str,
    now: int,
    zone: ZoneInfo | None,
    config: Config,
    mint_check: list[dict[str, Any]],
    scope: Scope = Scope(None, None),
) -> tuple[dict[str, Any], ZReport | None, int]:
    """The content of an X or Z report at ``now``, the last Z and the last balance move.

    A till's report (``scope.till_id``) counts that till's rows and leaves the drawer,
    the exports and the mint check empty: they are the shop's (``moves_through`` 0).
    """
    till_id = scope.till_id
    last = _last(session, till_id)
    start = last.closed_at if last is not None else _first_activity(session, now, till_id)
    after = last.moves_through if last is not None else 0
    through = drawer.last_move(session) if till_id is None else 0
    if zone is None:  # the shop's zone setting, else this computer's
        zone = periods.zone(config.get(session, "shop.timezone") or None)
    span = Span(start, max(now, start), zone)
    open_ops = session.scalar(
        select(func.count())
        .select_from(Operation)
        .where(Operation.state == "pending", *of_till(Operation, till_id))
    )
    shop_wide = till_id is None
    content = {
        "format": FORMAT,
        "kind": kind,
        "number": (last.number if last is not None else 0) + 1,
        "till": _till_name(session, config, scope),
        "shop": config.get(session, "shop.name"),
        "period": span.to_dict(),
        "figures": figures(session, span, till_id).to_dict(),
        "ended_unpaid": _ended(session, span, till_id),
        "rates": _rates(session, span, till_id),
        "exports": _exports(session, span) if shop_wide else [],
        "drawer": drawer.count(session, after, through, _closing_counts(last)) if shop_wide else [],
        "mint_check": mint_check if shop_wide else [],
        "open_operations": int(open_ops or 0),
        "audit": dict(zip(("id", "chain"), auditchain.head(session), strict=True)),
        "previous": None
        if last is None
        else {"number": last.number, "digest": last.digest, "closed_at": last.closed_at},
    }
    del content["figures"]["period"]
    if scope.name is not None:  # a shared store's: whose report, and the shop's per till
        content["scope"] = scope.name
        if till_id is not None:
            content["till_id"] = till_id
        else:
            content["tills"] = _by_till(session, span)
    return content, last, through


def lock_for_close(session: Session, scope: Scope) -> None:
    """On PostgreSQL, make the rows a close counts wait for it (SQLite's write lock does).

    Rows are stamped with the writer's clock before its commit: without this, a sale of
    this till paid at second T and committed after a close ending at T + 1 would be in
    neither that report nor the next (which starts at T + 1). ``SHARE`` waits for the
    transactions writing these tables to commit and holds new ones until this close
    commits (about a second); it must come before any read, which fixes the snapshot.
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    tables = "sales, payments, refunds"
    if scope.till_id is None:
        tables += ", exports, balance_moves"
    session.execute(text(f"LOCK TABLE {tables} IN SHARE MODE"))


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
    """X and Z reports, a till's or the shop's (see the module).

    Args:
        db: the wallet database (its ``till_id`` says this till on a shared store).
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

    def scope(self, name: str = "till") -> Scope:
        """``till`` (this till's reports) or ``shop`` (the whole shop's) as a :class:`Scope`.

        A single till is the shop: both are its one chain of reports.

        Raises:
            ValidationError: ``report.bad_scope`` for any other name.
        """
        if name not in SCOPES:
            raise ValidationError(
                "report.bad_scope", "The scope of a report is 'till' or 'shop'.", str(name)
            )
        here = getattr(self.db, "till_id", None)
        return Scope(None if name == "shop" else here, here)

    async def _check(self, scope: Scope) -> list[dict[str, Any]]:
        if self.mints is None or scope.till_id is not None:  # a till's report has no drawer
            return []
        return await check_at_mints(self.db, self.mints)

    async def x(
        self, zone: ZoneInfo | None, *, check: bool = True, scope: str = "till"
    ) -> dict[str, Any]:
        """The X report: what the next Z report would say now. Nothing is stored.

        Raises:
            ValidationError: ``report.bad_scope``.
        """
        whose = self.scope(scope)
        checked = await self._check(whose) if check else []
        now = int(self.clock()) + 1  # rows are stamped in whole seconds: this one included
        content, _, _ = await self.db.run(
            lambda s: compose(
                s,
                kind="X",
                now=now,
                zone=zone,
                config=self.config,
                mint_check=checked,
                scope=whose,
            )
        )
        return self._marked(content)

    def _marked(self, content: dict[str, Any]) -> dict[str, Any]:
        # Only a training till's reports carry the key: the shop's keep their shape.
        return {**content, "training": True} if self.training else content

    async def close(
        self, zone: ZoneInfo | None, *, check: bool = True, scope: str = "till"
    ) -> dict[str, Any]:
        """Close the period with a Z report; returns it with ``closed`` true.

        When nothing happened since the last Z report, nothing is closed: the last one
        comes back with ``closed`` false (a second click or a retried command closes once).

        Raises:
            ValidationError: ``report.z_nothing`` when nothing ever happened;
                ``report.bad_scope``.
        """
        whose = self.scope(scope)
        till_id = whose.till_id
        checked = await self._check(whose) if check else []

        def write(session: Session) -> dict[str, Any]:
            lock_for_close(session, whose)
            # Rows are stamped in whole seconds. The report ends at the next whole second,
            # and the transaction (which holds the write lock) lasts until then: what was
            # written before the close is in it, what comes after is stamped later.
            now = int(self.clock()) + 1
            last = _last(session, till_id)
            if last is not None and not _anything_since(
                session, last.closed_at, last.moves_through, till_id
            ):
                return {**stored(last), "closed": False}
            if last is None and not _anything_since(session, 0, 0, till_id):
                raise ValidationError(
                    "report.z_nothing",
                    "There is nothing to close yet: no sale, payment or wallet change so far.",
                )
            content, last, through = compose(
                session,
                kind="Z",
                now=now,
                zone=zone,
                config=self.config,
                mint_check=checked,
                scope=whose,
            )
            content = self._marked(content)  # stored so: a reprint says it too
            text = _canonical(content)
            row = ZReport(
                till_id=till_id,  # None: the shop's report (stamp_till leaves z_reports be)
                number=content["number"],
                till=content["till"],
                opened_at=content["period"]["start"],
                closed_at=content["period"]["end"],
                moves_through=through,
                content_json=text,
                digest=digest_of(last.digest if last is not None else "", text),
                created_at=now,
            )
            session.add(row)  # through the session: the webhook outbox sees it
            session.flush()
            fault_point("z.before_commit")
            wait = now - self.clock()
            if 0 < wait <= 1:
                time.sleep(wait)
            return {**stored(row), "closed": True}

        return await self.db.run(write)

    async def list(self, scope: str = "till") -> list[dict[str, Any]]:
        """Every Z report of the scope, newest first, with whether its chained digest holds.

        Raises:
            ValidationError: ``report.bad_scope``.
        """
        till_id = self.scope(scope).till_id

        def read(session: Session) -> list[dict[str, Any]]:
            out, previous = [], ""
            rows = session.scalars(
                select(ZReport).where(_of_chain(till_id)).order_by(ZReport.number)
            )
            for row in rows:
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

    async def show(self, number: int, scope: str = "till") -> dict[str, Any]:
        """One stored Z report of the scope.

        Raises:
            ValidationError: ``report.z_unknown`` when there is no such number;
                ``report.bad_scope``.
        """
        chain = _of_chain(self.scope(scope).till_id)

        def read(session: Session) -> dict[str, Any]:
            row = session.scalars(select(ZReport).where(chain, ZReport.number == number)).first()
            if row is None:
                raise ValidationError(
                    "report.z_unknown", f"There is no Z report number {number}.", str(number)
                )
            before = session.scalars(
                select(ZReport.digest).where(chain, ZReport.number == number - 1)
            ).first()
            return {
                **stored(row),
                "intact": digest_of(before or "", row.content_json) == row.digest,
            }

        return await self.db.run(read)


def stored(row: ZReport) -> dict[str, Any]:
    """A stored Z report as the faces show it: its content, number and digest."""
    return {**json.loads(row.content_json), "number": row.number, "digest": row.digest}
