"""An X or Z report as titled tables and notes: what the PDF, the CSV and the page show.

One rendering for every face, so the printed Z report, its CSV and the screen agree
line by line. Amounts of the drawer are signed: what left the wallet is negative.

Every text is an English template marked for translation (context ``Reports``);
``tr`` turns a template into the shop's language (the GUI passes Qt's translator,
the command line prints English), then the template is filled in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pos_app.core import formatting
from pos_app.core.config import QT_TRANSLATE_NOOP

Translate = Callable[[str], str]


def english(text: str) -> str:
    """The template as written (no translation)."""
    return text


# The drawer's lines in the order of the count: opening, ins, outs, expected, held.
DRAWER_LINES = (
    ("opening", QT_TRANSLATE_NOOP("Reports", "Opening balance")),
    ("received", QT_TRANSLATE_NOOP("Reports", "Received from customers")),
    ("restored", QT_TRANSLATE_NOOP("Reports", "Restored from the seed")),
    ("reclaimed", QT_TRANSLATE_NOOP("Reports", "Reclaimed exports")),
    ("exported", QT_TRANSLATE_NOOP("Reports", "Exported (files, change, refunds)")),
    ("withdrawn", QT_TRANSLATE_NOOP("Reports", "Withdrawn to Lightning")),
    ("fees", QT_TRANSLATE_NOOP("Reports", "Fees paid by the wallet")),
    ("spent_elsewhere", QT_TRANSLATE_NOOP("Reports", "Spent elsewhere (found by a check)")),
    ("other", QT_TRANSLATE_NOOP("Reports", "Other changes")),
    ("expected", QT_TRANSLATE_NOOP("Reports", "Expected")),
    ("held", QT_TRANSLATE_NOOP("Reports", "Held by the wallet now")),
    ("pending", QT_TRANSLATE_NOOP("Reports", "of which in pending operations")),
    ("difference", QT_TRANSLATE_NOOP("Reports", "Difference (held - expected)")),
)

NOTES = QT_TRANSLATE_NOOP("Reports", "Notes")

# Drawer lines printed only when they are not zero.
RARE = ("restored", "reclaimed", "spent_elsewhere", "other")


@dataclass(frozen=True, slots=True)
class Section:
    """A titled table."""

    title: str
    header: tuple[str, ...]
    rows: list[tuple[str, ...]]


def title(report: dict[str, Any], tr: Translate = english) -> str:
    """``Z report 12`` or ``X report (since Z 11)``; a training till's says so first.

    The shop's report on a shared store is ``Shop Z report 3``: it has numbers of its own.
    """
    shop = report.get("scope") == "shop"
    if report["kind"] == "Z":
        text = tr(
            QT_TRANSLATE_NOOP("Reports", "Shop Z report {number}")
            if shop
            else QT_TRANSLATE_NOOP("Reports", "Z report {number}")
        ).format(number=report["number"])
    elif report.get("previous"):
        text = tr(
            QT_TRANSLATE_NOOP("Reports", "Shop X report (since shop Z {number})")
            if shop
            else QT_TRANSLATE_NOOP("Reports", "X report (since Z {number})")
        ).format(number=report["previous"]["number"])
    else:
        text = tr(
            QT_TRANSLATE_NOOP("Reports", "Shop X report")
            if shop
            else QT_TRANSLATE_NOOP("Reports", "X report")
        )
    if report.get("training"):
        return tr(QT_TRANSLATE_NOOP("Reports", "TRAINING - not a real report: {title}")).format(
            title=text
        )
    return text


def _local(text: str) -> str:
    return datetime.fromisoformat(text).strftime("%Y-%m-%d %H:%M:%S")


def _signed(amount: int, unit: str) -> str:
    text = formatting.sats(abs(amount), unit)
    return f"- {text}" if amount < 0 else text


def _head(report: dict[str, Any], tr: Translate) -> Section:
    period = report["period"]
    rows = [
        (tr(QT_TRANSLATE_NOOP("Reports", "Till")), report["till"]),
        (tr(QT_TRANSLATE_NOOP("Reports", "Shop")), report["shop"] or "-"),
    ]
    if report.get("scope"):  # a shared store's: whose sales it counts
        rows.append(
            (
                tr(QT_TRANSLATE_NOOP("Reports", "Counts")),
                tr(QT_TRANSLATE_NOOP("Reports", "every till's sales and the ecash drawer"))
                if report["scope"] == "shop"
                else tr(QT_TRANSLATE_NOOP("Reports", "this till's sales")),
            )
        )
    rows += [
        (tr(QT_TRANSLATE_NOOP("Reports", "From")), _local(period["from"])),
        (tr(QT_TRANSLATE_NOOP("Reports", "To")), _local(period["to"])),
        (tr(QT_TRANSLATE_NOOP("Reports", "Time zone")), period["zone"]),
    ]
    if report["kind"] == "Z":
        rows.append((tr(QT_TRANSLATE_NOOP("Reports", "Digest")), report.get("digest", "")[:16]))
    audit = report.get("audit")
    if audit:  # the audit log's head: a later `audit verify` must reach it unchanged
        rows.append(
            (tr(QT_TRANSLATE_NOOP("Reports", "Audit log")), f"#{audit['id']} {audit['chain'][:16]}")
        )
    return Section(title(report, tr), ("", ""), rows)


def _sales(report: dict[str, Any], tr: Translate) -> Section:
    f = report["figures"]
    rows = [(tr(QT_TRANSLATE_NOOP("Reports", "Sales")), str(f["sales"]))]
    gross = tr(QT_TRANSLATE_NOOP("Reports", "Gross ({currency})"))
    rows += [(gross.format(currency=c), formatting.money(v, c)) for c, v in f["gross"].items()]
    in_unit = tr(QT_TRANSLATE_NOOP("Reports", "Gross in {unit}"))
    rows += [
        (in_unit.format(unit=u), formatting.sats(v, u))
        for u, v in f["gross_sat"].items()
        if f["gross"].get(u) is None  # a sale priced in sat already shows it
    ]
    average = tr(QT_TRANSLATE_NOOP("Reports", "Average ticket ({currency})"))
    rows += [
        (average.format(currency=c), formatting.money(v, c)) for c, v in f["average_ticket"].items()
    ]
    rows += _basket(f, tr)
    # Refunds given in the period, apart from the sales (older reports have none).
    if f.get("refunds"):
        rows.append((tr(QT_TRANSLATE_NOOP("Reports", "Refunds")), str(f["refunds"])))
        refunded = tr(QT_TRANSLATE_NOOP("Reports", "Refunded ({currency})"))
        rows += [
            (refunded.format(currency=c), formatting.money(v, c))
            for c, v in f.get("refunded", {}).items()
        ]
        refunded_sat = tr(QT_TRANSLATE_NOOP("Reports", "Refunded in {unit}"))
        rows += [
            (refunded_sat.format(unit=u), formatting.sats(v, u))
            for u, v in f.get("refunded_sat", {}).items()
            if u not in f.get("refunded", {})  # refunds of sales priced in sat show it
        ]
        net = tr(QT_TRANSLATE_NOOP("Reports", "Net after refunds ({currency})"))
        rows += [(net.format(currency=c), formatting.money(v, c)) for c, v in f["net"].items()]
    ended = report["ended_unpaid"]
    rows += [
        (tr(QT_TRANSLATE_NOOP("Reports", "Cancelled unpaid")), str(ended.get("cancelled", 0))),
        (tr(QT_TRANSLATE_NOOP("Reports", "Expired unpaid")), str(ended.get("expired", 0))),
        (tr(QT_TRANSLATE_NOOP("Reports", "Failed unpaid")), str(ended.get("failed", 0))),
        (
            tr(QT_TRANSLATE_NOOP("Reports", "Payments that went through")),
            tr(QT_TRANSLATE_NOOP("Reports", "{settled} of {attempts}")).format(
                settled=f["settled"], attempts=f["attempts"]
            ),
        ),
        (tr(QT_TRANSLATE_NOOP("Reports", "Refused payments")), str(sum(f["refused"].values()))),
        (tr(QT_TRANSLATE_NOOP("Reports", "Needs review")), str(f["needs_review"])),
    ]
    return Section(
        tr(QT_TRANSLATE_NOOP("Reports", "Sales")),
        (tr(QT_TRANSLATE_NOOP("Reports", "Figure")), tr(QT_TRANSLATE_NOOP("Reports", "Value"))),
        rows,
    )


def _basket(f: dict[str, Any], tr: Translate) -> list[tuple[str, str]]:
    """Tips and discounts, apart from the sales (which never hold the tip).

    Reports closed before the basket have neither: nothing is printed for them.
    """
    rows = []
    tips = tr(QT_TRANSLATE_NOOP("Reports", "Tips ({currency})"))
    rows += [
        (tips.format(currency=c), formatting.money(v, c)) for c, v in f.get("tips", {}).items()
    ]
    tips_sat = tr(QT_TRANSLATE_NOOP("Reports", "Tips in {unit}"))
    rows += [
        (tips_sat.format(unit=u), formatting.sats(v, u))
        for u, v in f.get("tips_sat", {}).items()
        if u not in f.get("tips", {})
    ]
    if f.get("discounts"):
        rows.append((tr(QT_TRANSLATE_NOOP("Reports", "Discounts given")), str(f["discounts"])))
        off = tr(QT_TRANSLATE_NOOP("Reports", "Discounts ({currency})"))
        rows += [
            (off.format(currency=c), formatting.money(v, c))
            for c, v in f.get("discounted", {}).items()
        ]
    return rows


def _vat(f: dict[str, Any], tr: Translate) -> Section:
    """The sales' stored VAT breakdowns summed per currency and rate."""
    rate = tr(QT_TRANSLATE_NOOP("Reports", "{rate} % ({currency})"))
    return Section(
        tr(QT_TRANSLATE_NOOP("Reports", "VAT by rate")),
        (
            tr(QT_TRANSLATE_NOOP("Reports", "Rate")),
            tr(QT_TRANSLATE_NOOP("Reports", "Net")),
            tr(QT_TRANSLATE_NOOP("Reports", "VAT")),
            tr(QT_TRANSLATE_NOOP("Reports", "Gross")),
        ),
        [
            (
                rate.format(rate=formatting.decimal_text(line["rate"]), currency=line["currency"]),
                formatting.money(line["net"], line["currency"]),
                formatting.money(line["vat"], line["currency"]),
                formatting.money(line["gross"], line["currency"]),
            )
            for line in f["vat"]
        ],
    )


def sections(report: dict[str, Any], tr: Translate = english) -> list[Section]:
    """The report's tables, in print order."""
    f = report["figures"]
    payments, amount = (
        tr(QT_TRANSLATE_NOOP("Reports", "Payments")),
        tr(QT_TRANSLATE_NOOP("Reports", "Amount")),
    )
    mint_word = tr(QT_TRANSLATE_NOOP("Reports", "Mint"))
    fees = []
    for key, name in (
        ("fee_advance", QT_TRANSLATE_NOOP("Reports", "Fee advance collected")),
        ("mint_fees", QT_TRANSLATE_NOOP("Reports", "Mint fees")),
        ("lightning_fees", QT_TRANSLATE_NOOP("Reports", "Lightning fees")),
    ):
        fees += [(tr(name), formatting.sats(v, u)) for u, v in f[key].items()]
    out = [
        _head(report, tr),
        _sales(report, tr),
        *([_vat(f, tr)] if "vat" in f else []),  # reports closed before the basket: none
        Section(
            tr(QT_TRANSLATE_NOOP("Reports", "By method")),
            (tr(QT_TRANSLATE_NOOP("Reports", "Method")), payments, amount),
            [
                (m["method"], str(m["payments"]), formatting.sats(m["credited"], m["unit"]))
                for m in f["by_method"]
            ],
        ),
        Section(
            tr(QT_TRANSLATE_NOOP("Reports", "By mint")),
            (mint_word, payments, amount),
            [
                (
                    formatting.short_mint(m["mint"]),
                    str(m["payments"]),
                    formatting.sats(m["credited"], m["unit"]),
                )
                for m in f["by_mint"]
            ],
        ),
        Section(
            tr(QT_TRANSLATE_NOOP("Reports", "Fees")),
            (tr(QT_TRANSLATE_NOOP("Reports", "Fee")), amount),
            fees,
        ),
        Section(
            tr(QT_TRANSLATE_NOOP("Reports", "Refused, by reason")),
            (tr(QT_TRANSLATE_NOOP("Reports", "Reason")), payments),
            [(code, str(n)) for code, n in f["refused"].items()],
        ),
        Section(
            tr(QT_TRANSLATE_NOOP("Reports", "Rates used")),
            (
                tr(QT_TRANSLATE_NOOP("Reports", "Currency")),
                tr(QT_TRANSLATE_NOOP("Reports", "Sales")),
                tr(QT_TRANSLATE_NOOP("Reports", "Lowest")),
                tr(QT_TRANSLATE_NOOP("Reports", "Highest")),
                tr(QT_TRANSLATE_NOOP("Reports", "Source")),
            ),
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
    if report.get("scope") == "till":  # the drawer, its check and the exports are the shop's
        return out
    if report.get("tills") is not None:
        out.append(_tills(report, tr))
    drawer = tr(QT_TRANSLATE_NOOP("Reports", "Ecash drawer: {mint} ({unit})"))
    for line in report["drawer"]:
        unit = line["unit"]
        out.append(
            Section(
                drawer.format(mint=formatting.short_mint(line["mint"]), unit=unit),
                (tr(QT_TRANSLATE_NOOP("Reports", "Line")), amount),
                [
                    (tr(name), _signed(line[key], unit))
                    for key, name in DRAWER_LINES
                    if line[key] or key not in RARE
                ],
            )
        )
    out.append(_checks(report, tr, mint_word))
    out.append(_exported(report, tr, mint_word, amount))
    return out


def _tills(report: dict[str, Any], tr: Translate) -> Section:
    """The shop report's line per till (they add up to its sales)."""
    rows = []
    for line in report["tills"]:
        gross = [formatting.money(v, c) for c, v in line["gross"].items()]
        gross += [
            formatting.sats(v, u) for u, v in line["gross_sat"].items() if u not in line["gross"]
        ]
        refunded = [formatting.money(v, c) for c, v in line["refunded"].items()]
        last = line["last_z"]
        rows.append(
            (
                line["till"] or tr(QT_TRANSLATE_NOOP("Reports", "(before the shop had tills)")),
                str(line["sales"]),
                ", ".join(gross) or "-",
                f"{line['refunds']} ({', '.join(refunded)})" if line["refunds"] else "0",
                tr(QT_TRANSLATE_NOOP("Reports", "Z {number}")).format(number=last["number"])
                if last
                else "-",
            )
        )
    return Section(
        tr(QT_TRANSLATE_NOOP("Reports", "By till")),
        (
            tr(QT_TRANSLATE_NOOP("Reports", "Till")),
            tr(QT_TRANSLATE_NOOP("Reports", "Sales")),
            tr(QT_TRANSLATE_NOOP("Reports", "Gross")),
            tr(QT_TRANSLATE_NOOP("Reports", "Refunds")),
            tr(QT_TRANSLATE_NOOP("Reports", "Last Z")),
        ),
        rows,
    )


def _checks(report: dict[str, Any], tr: Translate, mint_word: str) -> Section:
    unreachable = tr(QT_TRANSLATE_NOOP("Reports", "not reachable"))
    return Section(
        tr(QT_TRANSLATE_NOOP("Reports", "Checked at the mints (NUT-07)")),
        (
            mint_word,
            tr(QT_TRANSLATE_NOOP("Reports", "Unspent")),
            tr(QT_TRANSLATE_NOOP("Reports", "Pending")),
            tr(QT_TRANSLATE_NOOP("Reports", "Spent")),
        ),
        [
            (
                formatting.short_mint(c["mint"]),
                formatting.sats(c.get("unspent", 0), c["unit"]),
                formatting.sats(c.get("pending", 0), c["unit"]),
                formatting.sats(c.get("spent", 0), c["unit"]),
            )
            if c["reachable"]
            else (formatting.short_mint(c["mint"]), unreachable, "", "")
            for c in report["mint_check"]
        ],
    )


def _exported(report: dict[str, Any], tr: Translate, mint_word: str, amount: str) -> Section:
    return Section(
        tr(QT_TRANSLATE_NOOP("Reports", "Exported in this period")),
        (
            mint_word,
            tr(QT_TRANSLATE_NOOP("Reports", "Purpose")),
            tr(QT_TRANSLATE_NOOP("Reports", "Tokens")),
            amount,
            tr(QT_TRANSLATE_NOOP("Reports", "Claimed")),
        ),
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


def notes(report: dict[str, Any], tr: Translate = english) -> list[str]:
    """Plain sentences that explain what the drawer count cannot show as a number."""
    out = []
    if report.get("scope") == "till":
        out.append(
            tr(
                QT_TRANSLATE_NOOP(
                    "Reports",
                    "The ecash drawer is the whole shop's wallet: the shop's report counts it.",
                )
            )
        )
    for line in report.get("tills") or []:
        if line["open"]:
            out.append(
                tr(
                    QT_TRANSLATE_NOOP(
                        "Reports",
                        "{till}: has sales or payments that no Z report of its own closed yet.",
                    )
                ).format(till=line["till"])
            )
    for line in report["drawer"]:
        where = f"{formatting.short_mint(line['mint'])} ({line['unit']})"
        diff, unit = line["difference"], line["unit"]
        if diff:
            text = (
                QT_TRANSLATE_NOOP(
                    "Reports",
                    "{where}: the wallet holds {amount} more than its ledger expects. Something "
                    "changed the wallet's coins outside the app's operations: keep this report "
                    "and contact support.",
                )
                if diff > 0
                else QT_TRANSLATE_NOOP(
                    "Reports",
                    "{where}: the wallet holds {amount} less than its ledger expects. Something "
                    "changed the wallet's coins outside the app's operations: keep this report "
                    "and contact support.",
                )
            )
            out.append(tr(text).format(where=where, amount=formatting.sats(abs(diff), unit)))
        if line["pending"]:
            out.append(
                tr(
                    QT_TRANSLATE_NOOP(
                        "Reports",
                        "{where}: {amount} are held by operations that have not finished (a "
                        "payment to Lightning or an export in flight); recovery finishes them.",
                    )
                ).format(where=where, amount=formatting.sats(line["pending"], unit))
            )
    for check in report["mint_check"]:
        where = f"{formatting.short_mint(check['mint'])} ({check['unit']})"
        if not check["reachable"]:
            out.append(
                tr(
                    QT_TRANSLATE_NOOP(
                        "Reports",
                        "{where}: the mint did not answer; the drawer was not confirmed there.",
                    )
                ).format(where=where)
            )
        elif check.get("spent"):
            out.append(
                tr(
                    QT_TRANSLATE_NOOP(
                        "Reports",
                        "{where}: the mint says {amount} the wallet holds are already spent. "
                        "Run Check in Wallet to correct the balance.",
                    )
                ).format(where=where, amount=formatting.sats(check["spent"], check["unit"]))
            )
    for export in report["exports"]:
        open_amount = export["amount"] - export["claimed"]
        if open_amount > 0:
            out.append(
                tr(
                    QT_TRANSLATE_NOOP(
                        "Reports",
                        "{mint}: {amount} of the tokens exported ({purpose}) were not claimed "
                        "when last checked.",
                    )
                ).format(
                    mint=formatting.short_mint(export["mint"]),
                    amount=formatting.sats(open_amount, export["unit"]),
                    purpose=export["purpose"],
                )
            )
    if report["open_operations"]:
        out.append(
            tr(
                QT_TRANSLATE_NOOP("Reports", "{count} operation(s) were still open at the close.")
            ).format(count=report["open_operations"])
        )
    return out


def as_text(report: dict[str, Any], tr: Translate = english, width: int = 64) -> str:
    """The report as plain text (a terminal, a receipt printer): labels left, numbers right."""
    lines: list[str] = []
    for section in sections(report, tr):
        lines += ["", section.title, "-" * min(width, max(len(section.title), 8))]
        rows = section.rows if section.rows else [("-",) + ("",) * (len(section.header) - 1)]
        header = [section.header] if any(section.header) and len(section.header) > 2 else []
        for row in [*header, *rows]:
            right = "  ".join(f"{cell:>12}" for cell in row[1:]).rstrip()
            room = max(width - len(right) - 1, 8)
            label = row[0] if len(row[0]) <= room else row[0][: room - 1] + "…"
            lines.append(f"{label:<{room}} {right}".rstrip())
    said = notes(report, tr)
    if said:
        lines += ["", tr(NOTES), "-" * 8, *(f"- {note}" for note in said)]
    return "\n".join(lines).lstrip("\n")
