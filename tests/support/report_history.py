"""A generated shop history for the report tests, and its figures counted by hand.

Several mints, units, currencies, methods, refusals and fees, from 2026-03-22 on,
across the spring daylight-saving change in Europe/Berlin. :func:`expected` is plain
Python over the generated rows, never the report module's own SQL.
"""

from __future__ import annotations

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
    return sales, payments


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
            b["sat"] += s["due"] - s["fee_advance"]
            b["fee_advance"] += s["fee_advance"]
            wall = datetime.fromtimestamp(s["paid_at"], BERLIN)
            heat[wall.weekday()][wall.hour] += 1
            heat_sat[wall.weekday()][wall.hour] += s["due"] - s["fee_advance"]
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
        "gross_sat": {"sat": sum(s["due"] - s["fee_advance"] for s in paid)} if paid else {},
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
    }
