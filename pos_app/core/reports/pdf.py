"""A period's report as a PDF: figures, charts and tables, the shop's name on every page.

Drawn with matplotlib's own PDF backend (no Qt: the command line makes it too), with
TrueType fonts so the text can be searched and copied.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import matplotlib
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from pos_app.core import formatting
from pos_app.core.reports.files import replaced
from pos_app.core.reports.series import Series

A4 = (8.27, 11.69)
OKABE_BLUE = "#0072B2"
ROWS_PER_PAGE = 38


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:+.1f} %"


def _page(shop: str, period: dict[str, Any], number: int) -> Figure:
    figure = Figure(figsize=A4)
    top = f"{shop} - " if shop else ""
    figure.text(
        0.06,
        0.97,
        f"{top}Report {period['from']} to {period['last']} ({period['zone']})",
        fontsize=10,
    )
    figure.text(0.94, 0.03, f"page {number}", fontsize=8, ha="right")
    return figure


def _table(
    figure: Figure,
    rect: Sequence[float],
    title: str,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
) -> None:
    axes = figure.add_axes(rect)
    axes.axis("off")
    axes.set_title(title, loc="left", fontsize=11)
    if not rows:
        axes.text(0, 0.9, "none", fontsize=9)
        return
    table = axes.table(
        cellText=[list(r) for r in rows], colLabels=list(header), loc="upper left", cellLoc="right"
    )
    table.auto_set_font_size(False)
    table.set_fontsize(8)
    table.scale(1, 1.3)


def figure_rows(summary: dict[str, Any]) -> list[tuple[str, str, str]]:
    """The headline figures as (name, value, change against the period before)."""
    change = summary["change_pct"]
    rows = [("Sales", str(summary["sales"]), _pct(change["sales"]))]
    for currency, amount in summary["gross"].items():
        rows.append(
            (
                f"Gross sales without tips ({currency})",
                formatting.money(amount, currency),
                _pct(change["gross"].get(currency)),
            )
        )
    for unit, amount in summary["gross_sat"].items():
        rows.append(
            (
                f"Gross sales in {unit}",
                formatting.sats(amount, unit),
                _pct(change["gross_sat"].get(unit)),
            )
        )
    for currency, amount in summary["average_ticket"].items():
        rows.append((f"Average ticket ({currency})", formatting.money(amount, currency), ""))
    for name, key in (
        ("Mint fees", "mint_fees"),
        ("Lightning fees", "lightning_fees"),
        ("Fee advance collected", "fee_advance"),
    ):
        rows.append((name, formatting.sats(sum(summary[key].values())), ""))
    rate = summary["success_rate"]
    rows += [
        (
            "Payments that went through",
            f"{summary['settled']} of {summary['attempts']}"
            + ("" if rate is None else f" ({rate * 100:.1f} %)"),
            "",
        ),
        ("Refused payments", str(sum(summary["refused"].values())), ""),
        ("Needs review", str(summary["needs_review"]), ""),
    ]
    return rows


def apart_rows(summary: dict[str, Any]) -> list[tuple[str, str]]:
    """Tips, discounts and refunds, never part of the sales figures, as (name, value)."""
    rows = [(f"Tips ({c})", formatting.money(v, c)) for c, v in summary["tips"].items()]
    rows += [(f"Tips in {u}", formatting.sats(v, u)) for u, v in summary["tips_sat"].items()]
    rows.append(("Discounts given (sales)", str(summary["discounts"])))
    rows += [(f"Discounts ({c})", formatting.money(v, c)) for c, v in summary["discounted"].items()]
    rows.append(("Refunds", str(summary["refunds"])))
    rows += [(f"Refunded ({c})", formatting.money(v, c)) for c, v in summary["refunded"].items()]
    return rows


def vat_rows(summary: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """The sales' stored VAT by currency and rate: (rate, net, VAT, gross)."""
    return [
        (
            f"{line['rate']} % ({line['currency']})",
            formatting.money(line["net"], line["currency"]),
            formatting.money(line["vat"], line["currency"]),
            formatting.money(line["gross"], line["currency"]),
        )
        for line in summary["vat"]
    ]


def write_pdf(out: Path, summary: dict[str, Any], series: Series, shop: str = "") -> int:
    """Write the report; returns the number of pages. The file is replaced whole."""
    period = dict(summary["period"])
    period["last"] = (date.fromisoformat(period["to"]) - timedelta(days=1)).isoformat()
    pages = 0
    with (
        replaced(out) as tmp,
        matplotlib.rc_context({"pdf.fonttype": 42}),
        PdfPages(tmp) as pdf,
    ):
        pages += 1
        first = _page(shop, period, pages)
        first.text(0.06, 0.92, "Figures, compared with the period before", fontsize=14)
        _table(
            first,
            (0.06, 0.45, 0.88, 0.44),
            "",
            ("Figure", "Value", "Change"),
            figure_rows(summary),
        )
        bars = first.add_axes((0.1, 0.08, 0.85, 0.3))
        bars.bar(range(len(series.buckets)), [b.sat for b in series.buckets], color=OKABE_BLUE)
        bars.set_title(f"Sales in sat per {series.size}", loc="left", fontsize=11)
        bars.tick_params(labelsize=7)
        pdf.savefig(first)
        pages += 1
        second = _page(shop, period, pages)
        mint_rows = [
            (
                formatting.short_mint(m["mint"]),
                str(m["payments"]),
                formatting.sats(m["credited"], m["unit"]),
            )
            for m in summary["by_mint"]
        ]
        method_rows = [
            (m["method"], str(m["payments"]), formatting.sats(m["credited"], m["unit"]))
            for m in summary["by_method"]
        ]
        refused_rows = [(code, str(n)) for code, n in summary["refused"].items()]
        _table(
            second,
            (0.06, 0.66, 0.88, 0.26),
            "By mint",
            ("Mint", "Payments", "Amount"),
            mint_rows,
        )
        _table(
            second,
            (0.06, 0.38, 0.88, 0.24),
            "By method",
            ("Method", "Payments", "Amount"),
            method_rows,
        )
        _table(
            second,
            (0.06, 0.08, 0.88, 0.26),
            "Refused, by reason",
            ("Reason", "Payments"),
            refused_rows,
        )
        pdf.savefig(second)
        pages += 1
        third = _page(shop, period, pages)
        _table(
            third,
            (0.06, 0.52, 0.88, 0.40),
            "Tips, discounts and refunds (apart from the sales)",
            ("Figure", "Value"),
            apart_rows(summary),
        )
        _table(
            third,
            (0.06, 0.08, 0.88, 0.40),
            "VAT by rate (as the sales stored it)",
            ("Rate", "Net", "VAT", "Gross"),
            vat_rows(summary),
        )
        pdf.savefig(third)
        buckets = [b for b in series.buckets if b.sales or b.attempts]
        for start in range(0, len(buckets), ROWS_PER_PAGE):
            pages += 1
            page = _page(shop, period, pages)
            rows = [
                (
                    b.start.strftime("%Y-%m-%d %H:%M"),
                    str(b.sales),
                    formatting.sats(b.sat),
                    str(b.attempts),
                    str(b.settled),
                    formatting.sats(b.fees),
                )
                for b in buckets[start : start + ROWS_PER_PAGE]
            ]
            _table(
                page,
                (0.06, 0.06, 0.88, 0.86),
                f"Per {series.size}",
                ("From", "Sales", "Amount", "Payments", "Went through", "Fees"),
                rows,
            )
            pdf.savefig(page)
        pdf.infodict()["Title"] = f"{shop} report {period['from']} to {period['last']}".strip()
        pdf.infodict()["CreationDate"] = datetime.now().astimezone()
    return pages
