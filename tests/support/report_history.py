"""A generated shop history for the report tests, and its figures counted by hand.

Several mints, units, currencies, methods, refusals and fees, from 2026-03-22 on,
across the spring daylight-saving change in Europe/Berlin. :func:`expected` is plain
Python over the generated rows, never the report module's own SQL.
"""

from __future__ import annotations

import json
import random
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from pos_app.core.reports.periods import Period

BERLIN = ZoneInfo("Europe/Berlin")
MINTS = ("https://a.example", "https://b.example", "http://127.0.0.1:3338")
REASONS = ("token.already_spent", "mint.untrusted", "fee.too_high", None)
PAYMENT_STATES = ("settled",) * 6 + ("rejected", "needs_review", "recovering", "failed")


def local_ts(day: date, hour: int, minute: int = 0) -> int:
    return int(datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN).timestamp())


def history(seed: int = 7, days: int = 12) -> tuple[list[dict], list[dict]]:
    """Sales and payments from 2026-03-22 on (the clocks go forward on the 29th)."""
    rng = random.Random(seed)
    sales, payments = [], []
    first = date(2026, 3, 22)
    for n in range(400):
        day = first + timedelta(days=rng.randrange(days))
        created = local_ts(day, rng.choice([0, 1, 3, 9, 12, 18, 23]), rng.randrange(60))
        currency = rng.choice(["EUR", "EUR", "sat", "USD"])
        cents = rng.randrange(1, 50_000)
        amount = str(cents) if currency == "sat" else f"{cents // 100}.{cents % 100:02d}"
        rate = None if currency == "sat" else str(rng.choice([95000, 87654.32, 100000.5]))
        fee_advance = rng.choice([0, 0, 1, 2, 10])
        due = (cents if currency == "sat" else max(1, cents * 10)) + fee_advance
        state = rng.choice(["paid", "paid", "paid", "open", "expired", "cancelled"])
        paid_at = created + rng.randrange(5, 4000) if state == "paid" else None
        sale_id = f"{n:08d}-0000-0000-0000-000000000000"
        sales.append(
            dict(
                id=sale_id,
                state=state,
                currency=currency,
                amount=amount,
                unit="sat",
                due=due,
                fee_advance=fee_advance,
                paid=due if state == "paid" else 0,
                rate=rate,
                payment_request="creqA",
                payment_request_bech32="creqb",
                expires_at=created + 600,
                paid_at=paid_at,
                created_at=created,
                updated_at=created,
            )
        )
        for k in range(rng.choice([0, 1, 1, 1, 2, 3])):
            pstate = rng.choice(PAYMENT_STATES)
            offline = pstate == "settled" and rng.random() < 0.1
            amount_p = rng.randrange(1, due + 5)
            payments.append(
                dict(
                    id=f"{n:08d}-pay-{k}",
                    sale_id=sale_id,
                    state=pstate,
                    method=rng.choice(["swap", "swap", "melt"]),
                    mint_url=rng.choice(MINTS),
                    unit="sat",
                    amount=amount_p,
                    credited=amount_p if pstate == "settled" else 0,
                    mint_fee=rng.choice([0, 0, 1, 2]),
                    lightning_fee=rng.choice([0, 3]),
                    offline=offline,
                    error_code=rng.choice(REASONS) if pstate == "rejected" else None,
                    created_at=created + k * 30 + rng.randrange(30),
                    updated_at=created,
                )
            )
    _baskets(sales, random.Random(seed * 7919 + 1))
    return sales, payments


RATES = ("19", "7", "0")
BASKET_KEYS = (
    "subtotal",
    "total",
    "vat_breakdown",
    "vat_rounding",
    "prices_include_vat",
    "tip_amount",
    "discount_kind",
    "discount_value",
    "discount_amount",
    "line_discounts",
    "discount_reason",
)


def _minor(text: str, currency: str) -> int:
    return int(Decimal(text) * (1 if currency == "sat" else 100))


def _text(minor: int, currency: str) -> str:
    return str(minor) if currency == "sat" else str(Decimal(minor) / 100)


def _vat_in(gross: int, rate: str) -> int:
    """VAT in a gross amount, in minor units, half up (as the basket rounds)."""
    r = Decimal(rate)
    return int((Decimal(gross) * r / (100 + r)).quantize(Decimal(1), rounding="ROUND_HALF_UP"))


def _baskets(sales: list[dict], rng: random.Random) -> None:
    """Make some sales basket sales: a VAT breakdown over two rates, a discount, a tip.

    The amount stays the total (the sum of the breakdown's gross); the tip is added to
    ``due`` (at the history's 10 sat per cent) and kept in ``tip_sat``, as a sale stores it.
    """
    for s in sales:
        s.update(dict.fromkeys(BASKET_KEYS), tip_sat=0)  # every row the same keys
        if rng.random() < 0.5:
            continue
        currency = s["currency"]
        total = _minor(s["amount"], currency)
        first = rng.randrange(0, total + 1)
        rates = rng.sample(RATES, 2)
        breakdown = []
        for rate, gross in sorted(zip(rates, (first, total - first), strict=True)):
            if gross:
                vat = _vat_in(gross, rate)
                breakdown.append(
                    {
                        "rate": rate,
                        "net": _text(gross - vat, currency),
                        "vat": _text(vat, currency),
                        "gross": _text(gross, currency),
                    }
                )
        s.update(
            subtotal=s["amount"],
            total=s["amount"],
            vat_breakdown=json.dumps(breakdown),
            vat_rounding="line",
            prices_include_vat=True,
            tip_amount="0",
            tip_sat=0,
        )
        if rng.random() < 0.4:
            off = rng.randrange(1, 2000)
            s.update(
                discount_kind="amount",
                discount_value=_text(off, currency),
                discount_amount=_text(off, currency),
                discount_reason="regular",
                subtotal=_text(total + off, currency),
            )
        if rng.random() < 0.5:
            tip = rng.randrange(1, 800)
            tip_sat = tip if currency == "sat" else tip * 10
            s.update(tip_amount=_text(tip, currency), tip_sat=tip_sat, due=s["due"] + tip_sat)
            if s["state"] == "paid":
                s["paid"] = s["due"]
        if rng.random() < 0.3:  # discounts on lines, before any sale discount
            lines_off = rng.randrange(1, 900)
            s.update(
                line_discounts=_text(lines_off, currency),
                subtotal=_text(_minor(s["subtotal"], currency) + lines_off, currency),
            )


def sale_off(s: dict) -> Decimal:
    """A sale's discounts: the sale discount and the lines' own."""
    return Decimal(s.get("discount_amount") or 0) + Decimal(s.get("line_discounts") or 0)


def sale_sat(s: dict) -> int:
    """What a sale counts in sat: its due without the fee advance and without the tip."""
    return s["due"] - s["fee_advance"] - s.get("tip_sat", 0)


def bucket_start(ts: int, size: str) -> datetime:
    """The local wall time a bucket of ``size`` holding Unix time ``ts`` starts at."""
    wall = datetime.fromtimestamp(ts, BERLIN).replace(tzinfo=None, minute=0, second=0)
    if size == "hour":
        return wall
    day = wall.replace(hour=0)
    if size == "day":
        return day
    if size == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def empty_bucket() -> dict:
    return {
        "sales": 0,
        "sat": 0,
        "fee_advance": 0,
        "fees": 0,
        "mint_fees": 0,
        "lightning_fees": 0,
        "attempts": 0,
        "settled": 0,
        "by_mint": {},
    }


def hand_buckets(sales: list[dict], payments: list[dict], period: Period, size: str):
    """Bucket figures and the weekday x hour maps (count, sat) by plain Python over wall times."""
    out: dict[datetime, dict] = defaultdict(empty_bucket)
    heat = [[0] * 24 for _ in range(7)]
    heat_sat = [[0] * 24 for _ in range(7)]
    for s in sales:
        if s["state"] == "paid" and within(s["paid_at"], period):
            b = out[bucket_start(s["paid_at"], size)]
            b["sales"] += 1
            b["sat"] += sale_sat(s)
            b["fee_advance"] += s["fee_advance"]
            wall = datetime.fromtimestamp(s["paid_at"], BERLIN)
            heat[wall.weekday()][wall.hour] += 1
            heat_sat[wall.weekday()][wall.hour] += sale_sat(s)
    for p in payments:
        if within(p["created_at"], period):
            b = out[bucket_start(p["created_at"], size)]
            b["attempts"] += 1
            if p["state"] == "settled":
                b["settled"] += 1
                b["mint_fees"] += p["mint_fee"]
                b["lightning_fees"] += p["lightning_fee"]
                b["fees"] += p["mint_fee"] + p["lightning_fee"]
                key = (p["mint_url"], p["unit"])
                b["by_mint"][key] = b["by_mint"].get(key, 0) + p["credited"]
    return out, heat, heat_sat


def sales_paid_in(sales: list[dict], since: int, until: int) -> set[str]:
    """Ids of the sales paid from ``since`` (included) to ``until`` (excluded)."""
    return {
        s["id"]
        for s in sales
        if s["state"] == "paid" and s["paid_at"] is not None and since <= s["paid_at"] < until
    }


def sales_paid_at_hour(sales: list[dict], period: Period, weekday: int, hour: int) -> set[str]:
    """Ids of the sales paid in ``period`` on local ``weekday`` (0 = Monday) at ``hour``."""
    out = set()
    for s in sales:
        if s["state"] == "paid" and within(s["paid_at"], period):
            wall = datetime.fromtimestamp(s["paid_at"], BERLIN)
            if (wall.weekday(), wall.hour) == (weekday, hour):
                out.add(s["id"])
    return out


def within(ts: int | None, period: Period) -> bool:
    if ts is None:
        return False
    day = datetime.fromtimestamp(ts, period.zone).date()
    return period.first <= day < period.end


def expected(sales: list[dict], payments: list[dict], period: Period) -> dict:
    paid = [s for s in sales if s["state"] == "paid" and within(s["paid_at"], period)]
    gross: dict[str, Decimal] = defaultdict(Decimal)
    for s in paid:
        gross[s["currency"]] += Decimal(s["amount"])
    offered = [p for p in payments if within(p["created_at"], period)]
    settled = [p for p in offered if p["state"] == "settled"]
    by_mint: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0])
    by_method: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0])
    for p in settled:
        method = "offline" if p["offline"] else p["method"]
        for table, key in ((by_mint, (p["mint_url"], "sat")), (by_method, (method, "sat"))):
            table[key][0] += 1
            table[key][1] += p["amount"]
            table[key][2] += p["credited"]
    return {
        "sales": len(paid),
        "gross": {c: str(v.quantize(Decimal("0.01"))) for c, v in gross.items()},
        "gross_sat": {"sat": sum(sale_sat(s) for s in paid)} if paid else {},
        "fee_advance": {"sat": sum(s["fee_advance"] for s in paid)} if paid else {},
        "mint_fees": {"sat": sum(p["mint_fee"] for p in settled)} if settled else {},
        "lightning_fees": {"sat": sum(p["lightning_fee"] for p in settled)} if settled else {},
        "by_mint": [
            {"mint": m, "unit": u, "payments": n, "amount": a, "credited": c}
            for (m, u), (n, a, c) in sorted(by_mint.items())
        ],
        "by_method": [
            {"method": m, "unit": u, "payments": n, "amount": a, "credited": c}
            for (m, u), (n, a, c) in sorted(by_method.items())
        ],
        "refused": dict(
            sorted(
                Counter(
                    p["error_code"] or "unknown" for p in offered if p["state"] == "rejected"
                ).items()
            )
        ),
        "needs_review": sum(p["state"] == "needs_review" for p in offered),
        "attempts": len(offered),
        "settled": len(settled),
        **basket_expected(paid),
    }


def _money(table: dict[str, Decimal]) -> dict[str, str]:
    return {c: str(v.quantize(Decimal("0.01"))) for c, v in sorted(table.items()) if v}


def basket_expected(paid: list[dict]) -> dict:
    """Tips, discounts and VAT by rate of the paid sales, by plain Python over the rows."""
    tips: dict[str, Decimal] = defaultdict(Decimal)
    off: dict[str, Decimal] = defaultdict(Decimal)
    vat: dict[tuple[str, str], list] = defaultdict(lambda: [0, Decimal(0), Decimal(0), Decimal(0)])
    for s in paid:
        tips[s["currency"]] += Decimal(s.get("tip_amount") or 0)
        off[s["currency"]] += sale_off(s)
        for line in json.loads(s.get("vat_breakdown") or "[]"):
            total = vat[(s["currency"], line["rate"])]
            total[0] += 1
            for i, key in enumerate(("net", "vat", "gross"), start=1):
                total[i] += Decimal(line[key])
    tip_sat = sum(s.get("tip_sat", 0) for s in paid)
    return {
        "tips": _money(tips),
        "tips_sat": {"sat": tip_sat} if tip_sat else {},
        "discounts": sum(sale_off(s) > 0 for s in paid),
        "discounted": _money(off),
        "vat": [
            {
                "currency": currency,
                "rate": rate,
                "sales": n,
                "net": str(net.quantize(Decimal("0.01"))),
                "vat": str(tax.quantize(Decimal("0.01"))),
                "gross": str(gross.quantize(Decimal("0.01"))),
            }
            for (currency, rate), (n, net, tax, gross) in sorted(
                vat.items(), key=lambda kv: (kv[0][0], Decimal(kv[0][1]))
            )
        ],
    }
