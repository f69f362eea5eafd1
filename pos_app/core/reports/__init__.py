"""Reports for the shop owner: a period's figures compared with the period before, and CSV.

:class:`ReportService` is what the faces ask (``App.reports``); the SQL is in
:mod:`.figures` and :mod:`.payments_csv`, the calendar in :mod:`.periods`.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from pos_app.core.config import Config
from pos_app.core.reports import periods
from pos_app.core.reports.closing import Closing
from pos_app.core.reports.figures import Figures, figures
from pos_app.core.reports.payments_csv import (
    count_payments,
    payment_chunks,
    write_daily,
    write_payments,
)
from pos_app.core.reports.periods import Period
from pos_app.core.reports.series import Series
from pos_app.core.reports.series import series as series_of
from pos_app.core.reports.zsections import Translate, english
from pos_app.core.store.db import Database
from pos_app.core.wallet.mints import MintDirectory

__all__ = ["Figures", "Period", "ReportService", "Series", "change_pct"]


def change_pct(now: Decimal | int, before: Decimal | int) -> float | None:
    """The change from ``before`` to ``now`` in percent (1 decimal); None from nothing."""
    if not before:
        return None
    return round(float((Decimal(now) - Decimal(before)) * 100 / Decimal(before)), 1)


def comparison(now: Figures, before: Figures) -> dict[str, Any]:
    """The headline figures of a period against the period before, in percent."""
    return {
        "sales": change_pct(now.sales, before.sales),
        "gross": {c: change_pct(v, before.gross.get(c, 0)) for c, v in now.gross.items()},
        "gross_sat": {
            u: change_pct(v, before.gross_sat.get(u, 0)) for u, v in now.gross_sat.items()
        },
    }


class ReportService:
    """The owner's figures and exports.

    Args:
        db: the wallet database.
        mints: the mint directory (the Z report's NUT-07 check of the drawer; None: no check).
        config: the settings (till and shop names on X and Z reports).
        clock: Unix time (tests move it).
        training: a training till's: its X and Z reports say TRAINING.
    """

    def __init__(
        self,
        db: Database,
        mints: MintDirectory | None = None,
        config: Config | None = None,
        clock: Callable[[], float] = time.time,
        *,
        training: bool = False,
    ) -> None:
        self.db = db
        self.clock = clock
        self.closing = Closing(db, mints, config or Config(), clock, training=training)

    def period(
        self,
        name: str | None = None,
        *,
        first: date | None = None,
        last: date | None = None,
        zone: str | None = None,
    ) -> Period:
        """A named period (default today) or the days ``first`` to ``last`` (included).

        ``zone`` None is the ``shop.timezone`` setting (read here, on the calling
        thread: callers on the GUI's loop pass the zone they read); empty is this
        computer's zone.

        Raises:
            ValidationError: ``report.bad_period`` or ``report.bad_zone``.
        """
        if zone is None:
            zone = self.db.transact(lambda s: Config().get(s, "shop.timezone"))
        tz = periods.zone(zone)
        today = periods.today_in(tz, self.clock())
        if first is not None or last is not None:
            return periods.custom(first or last or today, last or today, tz)
        return periods.named(name or "today", today, tz)

    async def period_async(
        self,
        name: str | None = None,
        *,
        first: date | None = None,
        last: date | None = None,
        zone: str | None = None,
    ) -> Period:
        """:meth:`period` for callers on an event loop (which may be the GUI's).

        The shop's zone is read on the database's thread, not the caller's.

        Raises:
            ValidationError: ``report.bad_period`` or ``report.bad_zone``.
        """
        if zone is None:
            zone = str(await self.db.run(lambda s: Config().get(s, "shop.timezone")) or "")
        return self.period(name, first=first, last=last, zone=zone)

    async def figures(self, period: Period) -> Figures:
        """The period's figures."""
        return await self.db.run(lambda s: figures(s, period))

    async def summary(self, period: Period) -> dict[str, Any]:
        """The period's figures, the previous period's, and the change in percent."""

        def read(session: Any) -> tuple[Figures, Figures]:
            return figures(session, period), figures(session, period.previous())

        now, before = await self.db.run(read)
        return {
            **now.to_dict(),
            "previous": before.to_dict(),
            "change_pct": comparison(now, before),
        }

    async def series(self, period: Period, size: str | None = None) -> Series:
        """The period's figures per hour, day, week or month, and by weekday and hour."""
        return await self.db.run(lambda s: series_of(s, period, size))

    async def write_pdf(self, period: Period, out: Path, shop: str = "") -> dict[str, Any]:
        """Write the period's report as a PDF (drawn in a worker thread, off the loop)."""
        summary = await self.summary(period)
        by_time = await self.series(period)
        from pos_app.core.reports.pdf import write_pdf  # matplotlib: 0.5 s, only when drawing

        pages = await _in_worker(write_pdf, Path(out), summary, by_time, shop)
        return {"file": str(out), "pages": pages, "period": period.to_dict()}

    async def write_daily_csv(self, period: Period, out: Path) -> dict[str, Any]:
        """Write one row per day of the period (sales, amounts, payments, fees)."""
        by_day = await self.series(period, "day")
        rows = await _in_worker(write_daily, by_day, out)
        return {"file": str(out), "rows": rows, "period": period.to_dict()}

    async def write_csv(
        self, period: Period, out: Path, progress: Callable[[int, int], None] | None = None
    ) -> dict[str, Any]:
        """Write the period's payments to ``out``; ``progress(done, total)`` while it runs."""
        total = await self.db.run(lambda s: count_payments(s, period))
        report = None if progress is None else (lambda done: progress(done, total))
        rows = await write_payments(self.db, period, Path(out), report)
        return {"file": str(out), "rows": rows, "period": period.to_dict()}

    def csv_chunks(self, period: Period) -> AsyncIterator[bytes]:
        """The bytes of :meth:`write_csv`'s file, in pieces, without a file (the API's answer)."""
        return payment_chunks(self.db, period)

    async def x_report(
        self, zone: str | None = None, *, check: bool = True, scope: str = "till"
    ) -> dict[str, Any]:
        """The X report: the figures and drawer count since the last Z report (stores nothing).

        ``zone`` None is the ``shop.timezone`` setting (else this computer's zone).
        ``scope``: ``till`` (this till's sales) or ``shop`` (every till's, and the ecash
        drawer); on a single till both are the one report (see :mod:`.closing`).

        Raises:
            ValidationError: ``report.bad_scope``.
        """
        return await self.closing.x(periods.zone(zone) if zone else None, check=check, scope=scope)

    async def close_z(
        self, zone: str | None = None, *, check: bool = True, scope: str = "till"
    ) -> dict[str, Any]:
        """Close the period with a Z report (see :mod:`.closing`); ``zone``, ``scope`` as for X."""
        return await self.closing.close(
            periods.zone(zone) if zone else None, check=check, scope=scope
        )

    async def z_reports(self, scope: str = "till") -> list[dict[str, Any]]:
        """The stored Z reports of ``scope``, newest first."""
        return await self.closing.list(scope)

    async def z_report(self, number: int, scope: str = "till") -> dict[str, Any]:
        """One stored Z report of ``scope`` (``report.z_unknown`` when there is none)."""
        return await self.closing.show(number, scope)

    def shared(self) -> bool:
        """Whether this till is one of several on a shop's shared store.

        The faces then offer this till's reports or the whole shop's.
        """
        return self.closing.scope("shop").shared

    async def write_z_pdf(
        self, report: dict[str, Any], out: Path, tr: Translate = english
    ) -> dict[str, Any]:
        """Write an X or Z report as a PDF in ``tr``'s language (in a worker thread)."""
        from pos_app.core.reports.zfiles import write_z_pdf  # matplotlib, as write_pdf

        pages = await _in_worker(write_z_pdf, Path(out), report, tr)
        return {"file": str(out), "pages": pages}

    async def write_z_csv(
        self, report: dict[str, Any], out: Path, tr: Translate = english
    ) -> dict[str, Any]:
        """Write an X or Z report as CSV in ``tr``'s language (in a worker thread)."""
        from pos_app.core.reports.zfiles import write_z_csv

        rows = await _in_worker(write_z_csv, Path(out), report, tr)
        return {"file": str(out), "rows": rows}


async def _in_worker(fn: Callable[..., Any], *args: Any) -> Any:
    """``fn(*args)`` in the loop's worker pool: files are drawn and written off the loop."""
    return await asyncio.get_running_loop().run_in_executor(None, fn, *args)
