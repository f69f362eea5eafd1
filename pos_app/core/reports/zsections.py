"""An X or Z report as titled tables and notes: what the PDF, the CSV and the page show.

One rendering for every face, so the printed Z report, its CSV and the screen agree
line by line. Amounts of the drawer are signed: what left the wallet is negative.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pos_app.core import formatting

# The drawer's lines in the order of the count: opening, ins, outs, expected, held.
DRAWER_LINES = (
    ("opening", "Opening balance"),
    ("received", "Received from customers"),
    ("restored", "Restored from the seed"),
    ("reclaimed", "Reclaimed exports"),
    ("exported", "Exported (files, change, refunds)"),
    ("withdrawn", "Withdrawn to Lightning"),
    ("fees", "Fees paid by the wallet"),
    ("spent_elsewhere", "Spent elsewhere (found by a check)"),
    ("other", "Other changes"),
    ("expected", "Expected"),
    ("held", "Held by the wallet now"),
    ("pending", "of which in pending operations"),
    ("difference", "Difference (held - expected)"),
)

# Drawer lines printed only when they are not zero.
RARE = ("restored", "reclaimed", "spent_elsewhere", "other")


@dataclass(frozen=True, slots=True)
class Section:
    """A titled table."""

    title: str
    header: tuple[str, ...]
    rows: list[tuple[str, ...]]


def title(report: dict[str, Any]) -> str:
    """``Z report 12`` or ``X report (since Z 11)``."""
    if report["kind"] == "Z":
        return f"Z report {report['number']}"
    previous = report.get("previous")
    return f"X report (since Z {previous['number']})" if previous else "X report"


def _local(text: str) -> str:
    return datetime.fromisoformat(text).strftime("%Y-%m-%d %H:%M:%S")


def _signed(amount: int, unit: str) -> str:
    text = formatting.sats(abs(amount), unit)
    return f"- {text}" if amount < 0 else text


def sections(report: dict[str, Any]) -> list[Section]:
    """The report's tables, in print order."""
    f = report["figures"]
    period = report["period"]
    head = [
        ("Till", report["till"]),
        ("Shop", report["shop"] or "-"),
        ("From", _local(period["from"])),
        ("To", _local(period["to"])),
        ("Time zone", period["zone"]),
    ]
    if report["kind"] == "Z":
        head.append(("Digest", report.get("digest", "")[:16]))
    sales = [("Sales", str(f["sales"]))]
    sales += [(f"Gross ({c})", formatting.money(v, c)) for c, v in f["gross"].items()]
    sales += [
        (f"Gross in {u}", formatting.sats(v, u))
        for u, v in f["gross_sat"].items()
        if f["gross"].get(u) is None  # a sale priced in sat already shows it
    ]
    sales += [
        (f"Average ticket ({c})", formatting.money(v, c)) for c, v in f["average_ticket"].items()
    ]
    for key, name in (("cancelled", "Cancelled"), ("expired", "Expired"), ("failed", "Failed")):
        sales.append((f"{name} unpaid", str(report["ended_unpaid"].get(key, 0))))
    sales += [
        ("Payments that went through", f"{f['settled']} of {f['attempts']}"),
        ("Refused payments", str(sum(f["refused"].values()))),
        ("Needs review", str(f["needs_review"])),
    ]
    fees = []
    for key, name in (
        ("fee_advance", "Fee advance collected"),
        ("mint_fees", "Mint fees"),
        ("lightning_fees", "Lightning fees"),
    ):
        fees += [(name, formatting.sats(v, u)) for u, v in f[key].items()]
    out = [
        Section(title(report), ("", ""), head),
        Section("Sales", ("Figure", "Value"), sales),
        Section(
            "By method",
            ("Method", "Payments", "Amount"),
            [
                (m["method"], str(m["payments"]), formatting.sats(m["credited"], m["unit"]))
                for m in f["by_method"]
            ],
        ),
        Section(
            "By mint",
            ("Mint", "Payments", "Amount"),
            [
                (
                    formatting.short_mint(m["mint"]),
                    str(m["payments"]),
                    formatting.sats(m["credited"], m["unit"]),
                )
                for m in f["by_mint"]
            ],
        ),
        Section("Fees", ("Fee", "Amount"), fees),
        Section(
            "Refused, by reason",
            ("Reason", "Payments"),
            [(code, str(n)) for code, n in f["refused"].items()],
        ),
        Section(
            "Rates used",
            ("Currency", "Sales", "Lowest", "Highest", "Source"),
            [
                (
                    r["currency"],
                    str(r["sales"]),
                    formatting.money(r["lowest"], r["currency"]),
                    formatting.money(r["highest"], r["currency"]),
                    ", ".join(r["sources"]) or "-",
                )
                for r in report["rates"]
            ],
        ),
    ]
    for line in report["drawer"]:
        unit = line["unit"]
        out.append(
            Section(
                f"Ecash drawer: {formatting.short_mint(line['mint'])} ({unit})",
                ("Line", "Amount"),
                [
                    (name, _signed(line[key], unit))
                    for key, name in DRAWER_LINES
                    if line[key] or key not in RARE
                ],
            )
        )
    out.append(
        Section(
            "Checked at the mints (NUT-07)",
            ("Mint", "Unspent", "Pending", "Spent"),
            [
                (
                    formatting.short_mint(c["mint"]),
                    formatting.sats(c.get("unspent", 0), c["unit"]),
                    formatting.sats(c.get("pending", 0), c["unit"]),
                    formatting.sats(c.get("spent", 0), c["unit"]),
                )
                if c["reachable"]
                else (formatting.short_mint(c["mint"]), "not reachable", "", "")
                for c in report["mint_check"]
            ],
        )
    )
    out.append(
        Section(
            "Exported in this period",
            ("Mint", "Purpose", "Tokens", "Amount", "Claimed"),
            [
                (
                    formatting.short_mint(e["mint"]),
                    e["purpose"],
                    str(e["tokens"]),
                    formatting.sats(e["amount"], e["unit"]),
                    formatting.sats(e["claimed"], e["unit"]),
                )
                for e in report["exports"]
            ],
        )
    )
    return out


def notes(report: dict[str, Any]) -> list[str]:
    """Plain sentences that explain what the drawer count cannot show as a number."""
    out = []
    for line in report["drawer"]:
        where = f"{formatting.short_mint(line['mint'])} ({line['unit']})"
        diff, unit = line["difference"], line["unit"]
        if diff:
            more = "more" if diff > 0 else "less"
            out.append(
                f"{where}: the wallet holds {formatting.sats(abs(diff), unit)} {more} than its "
                "ledger expects. Something changed the wallet's coins outside the app's "
                "operations: keep this report and contact support."
            )
        if line["pending"]:
            out.append(
                f"{where}: {formatting.sats(line['pending'], unit)} are held by operations that "
                "have not finished (a payment to Lightning or an export in flight); recovery "
                "finishes them."
            )
    for check in report["mint_check"]:
        where = f"{formatting.short_mint(check['mint'])} ({check['unit']})"
        if not check["reachable"]:
            out.append(f"{where}: the mint did not answer; the drawer was not confirmed there.")
        elif check.get("spent"):
            out.append(
                f"{where}: the mint says {formatting.sats(check['spent'], check['unit'])} the "
                "wallet holds are already spent. Run Check in Wallet to correct the balance."
            )
    for export in report["exports"]:
        open_amount = export["amount"] - export["claimed"]
        if open_amount > 0:
            out.append(
                f"{formatting.short_mint(export['mint'])}: "
                f"{formatting.sats(open_amount, export['unit'])} of the tokens exported "
                f"({export['purpose']}) were not claimed when last checked."
            )
    if report["open_operations"]:
        out.append(f"{report['open_operations']} operation(s) were still open at the close.")
    return out
