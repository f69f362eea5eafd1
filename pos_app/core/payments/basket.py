"""The basket: sale lines, VAT, a discount on the sale and a tip, as pure arithmetic.

No database, no network: :func:`compute` turns lines and the shop's VAT rules into
exact figures in the currency's minor units (Decimal, ``ROUND_HALF_UP``).

The model:

- Each line's amount is ``quantity x unit_price`` rounded to minor units, in the
  basis the prices were entered in (gross when ``prices_include``, else net).
- A line may have its own discount (``Line.discount``, with a reason): a percent of
  the line's amount, rounded, or an amount, at most the line's amount. It comes first:
  the line's ``line_discount`` is taken off its amount.
- Then a discount on the sale (a percent of what the lines come to after their own
  discounts, rounded, or an amount, at most that) is shared among the lines in
  proportion to what remains of each, in whole minor units (largest remainder; ties go
  to the earlier line). Each line keeps its share (``discount``). VAT is charged on what
  the customer pays: the line's amount less both.
- The manager limit looks at both together: ``discount_pct`` is the line discounts plus
  the sale discount, as a percent of the subtotal.
- Rounding ``line``: each line's VAT is rounded, the breakdown by rate is the sum of
  its lines. Rounding ``total``: the VAT of each rate is computed once on the sum of
  that rate's lines; the lines still show their own rounded VAT for display, and the
  breakdown is what counts (the total is the breakdown's gross).
- From a gross amount ``a`` at rate ``r``: ``vat = round(a*r/(100+r))``, ``net = a -
  vat``. From a net amount: ``vat = round(a*r/100)``, ``gross = a + vat``.
- The tip is separate: a percent of the total (rounded) or an amount. It never
  enters the total; the payment request asks for total + tip.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from pos_app.core.errors import ValidationError

ROUNDINGS = ("line", "total")
MAX_QUANTITY = Decimal(10000)


def exponent(currency: str) -> int:
    """Minor-unit digits: 0 for sat, 2 for the fiat currencies the till takes."""
    return 0 if currency == "sat" else 2


def quantum(currency: str) -> Decimal:
    """The smallest amount of ``currency`` (``0.01``, ``1``)."""
    return Decimal(1).scaleb(-exponent(currency))


def money(value: Decimal, currency: str) -> Decimal:
    """``value`` rounded half up to the currency's minor unit."""
    return value.quantize(quantum(currency), rounding=ROUND_HALF_UP)


def from_sat(sat: Decimal, btc_price: Decimal, currency: str) -> Decimal:
    """A price in sat in ``currency`` at ``btc_price`` (one bitcoin in it), rounded."""
    return money(sat * btc_price / Decimal(100_000_000), currency)


def text(value: Decimal, currency: str) -> str:
    """Money as fixed-point text (``"4.50"``, ``"120"``)."""
    return str(money(value, currency))


@dataclass(frozen=True, slots=True)
class Line:
    """One basket line as entered: an item of the catalogue or a custom amount."""

    name: str
    quantity: Decimal
    unit_price: Decimal
    vat_rate: Decimal
    kind: str = "item"
    sku: str | None = None
    item_id: int | None = None
    discount: Adjustment | None = None  # this line's own discount (before the sale's)


@dataclass(frozen=True, slots=True)
class Adjustment:
    """A discount or a tip: ``percent`` of a base, or a fixed ``amount``."""

    kind: str  # "percent" | "amount"
    value: Decimal
    reason: str = ""


@dataclass(frozen=True, slots=True)
class LineResult:
    """A line's figures after the discount, in the sale's currency."""

    position: int
    line: Line
    amount: Decimal  # quantity x unit price, rounded, in the entry basis
    discount: Decimal  # this line's share of the sale discount
    net: Decimal
    vat: Decimal
    gross: Decimal
    line_discount: Decimal = Decimal(0)  # the line's own discount (Line.discount)


@dataclass(frozen=True, slots=True)
class RateResult:
    """One VAT rate's line of the breakdown."""

    rate: Decimal
    net: Decimal
    vat: Decimal
    gross: Decimal


@dataclass(frozen=True, slots=True)
class BasketResult:
    """Everything :func:`compute` works out for a basket."""

    currency: str
    prices_include: bool
    rounding: str
    lines: tuple[LineResult, ...]
    subtotal: Decimal  # sum of line amounts before the discount, in the entry basis
    discount: Decimal
    discount_kind: str | None
    discount_value: Decimal | None
    discount_reason: str
    # The line discounts and the sale discount together, as a percent of the subtotal
    # (for the manager limit).
    discount_pct: Decimal
    breakdown: tuple[RateResult, ...] = field(default=())
    total: Decimal = Decimal(0)
    tip: Decimal = Decimal(0)
    line_discounts: Decimal = Decimal(0)  # the lines' own discounts, summed

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready figures (decimal strings), the shapes ``sale_dict`` stores."""
        c = self.currency
        return {
            "currency": c,
            "prices_include_vat": self.prices_include,
            "vat_rounding": self.rounding,
            "lines": [
                {
                    "position": r.position,
                    "kind": r.line.kind,
                    "item_id": r.line.item_id,
                    "sku": r.line.sku,
                    "name": r.line.name,
                    "quantity": rate_text(r.line.quantity),
                    "unit_price": str(r.line.unit_price),
                    "vat_rate": rate_text(r.line.vat_rate),
                    "discount": text(r.discount, c),
                    "net": text(r.net, c),
                    "vat": text(r.vat, c),
                    "gross": text(r.gross, c),
                    "line_discount": None
                    if r.line.discount is None
                    else {
                        "kind": r.line.discount.kind,
                        "value": rate_text(r.line.discount.value),
                        "amount": text(r.line_discount, c),
                        "reason": r.line.discount.reason,
                    },
                }
                for r in self.lines
            ],
            "subtotal": text(self.subtotal, c),
            "line_discounts": text(self.line_discounts, c),
            "discount": None
            if self.discount_kind is None
            else {
                "kind": self.discount_kind,
                "value": rate_text(self.discount_value or Decimal(0)),
                "amount": text(self.discount, c),
                "reason": self.discount_reason,
            },
            "vat": [
                {
                    "rate": rate_text(b.rate),
                    "net": text(b.net, c),
                    "vat": text(b.vat, c),
                    "gross": text(b.gross, c),
                }
                for b in self.breakdown
            ],
            "total": text(self.total, c),
        }


def rate_text(value: Decimal) -> str:
    """A rate or quantity without trailing zeros (``"19"``, ``"7.5"``, ``"1.25"``)."""
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")


def _bad(code: str, message: str, detail: str = "") -> ValidationError:
    return ValidationError(code, message, detail)


def parse_decimal(raw: Any, code: str, what: str) -> Decimal:
    """A finite Decimal from text (a comma counts as the decimal mark), or ``code``."""
    try:
        value = Decimal(str(raw).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        raise _bad(code, f"The {what} is not a number.", str(raw)) from None
    if not value.is_finite():
        raise _bad(code, f"The {what} is not a number.", str(raw))
    return value


def parse_rate(raw: Any) -> Decimal:
    """A VAT rate in percent, 0 to 100 with at most 2 decimals.

    Raises:
        ValidationError: ``vat.invalid_rate``.
    """
    value = parse_decimal(raw, "vat.invalid_rate", "VAT rate")
    if value < 0 or value > 100 or value != value.quantize(Decimal("0.01")):
        raise _bad(
            "vat.invalid_rate",
            "A VAT rate is a percent from 0 to 100, at most 2 decimals.",
            str(raw),
        )
    return value


def parse_quantity(raw: Any) -> Decimal:
    """A line quantity: more than zero, at most 3 decimals, at most 10000.

    Raises:
        ValidationError: ``basket.bad_quantity``.
    """
    value = parse_decimal(raw, "basket.bad_quantity", "quantity")
    if value <= 0 or value > MAX_QUANTITY or value != value.quantize(Decimal("0.001")):
        raise _bad(
            "basket.bad_quantity",
            "A quantity is more than zero, at most 10000, with at most 3 decimals.",
            str(raw),
        )
    return value


def parse_adjustment(raw: str, currency: str, what: str, reason: str = "") -> Adjustment:
    """``"10%"`` (a percent, 0-100) or ``"2.50"`` (an amount in ``currency``).

    Raises:
        ValidationError: ``discount.invalid`` or ``tip.invalid``.
    """
    code = f"{what}.invalid"
    s = str(raw).strip()
    if s.endswith("%"):
        value = parse_decimal(s[:-1], code, what)
        if value < 0 or value > 100 or value != value.quantize(Decimal("0.01")):
            raise _bad(code, f"A {what} in percent is from 0 to 100.", s)
        return Adjustment("percent", value, reason)
    value = parse_decimal(s, code, what)
    if value < 0 or value != money(value, currency):
        raise _bad(
            code,
            f"A {what} amount is not negative and has at most {exponent(currency)} decimals.",
            s,
        )
    return Adjustment("amount", value, reason)


def share(total: Decimal, weights: Sequence[Decimal], unit: Decimal) -> list[Decimal]:
    """``total`` (a whole number of ``unit``) split in proportion to ``weights``.

    Largest remainder: every share is a whole number of ``unit``, they add up to
    ``total`` exactly, the leftover units go to the largest remainders, ties to the
    earlier weight.
    """
    whole = sum(weights, Decimal(0))
    if total == 0 or whole == 0:
        return [Decimal(0)] * len(weights)
    units = int(total / unit)
    exact = [Decimal(units) * w / whole for w in weights]
    floors = [int(e) for e in exact]  # weights are >= 0, so int() is floor
    left = units - sum(floors)
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += 1
    return [Decimal(f) * unit for f in floors]


def _vat_of(amount: Decimal, rate: Decimal, prices_include: bool, currency: str) -> Decimal:
    if prices_include:
        return money(amount * rate / (100 + rate), currency)
    return money(amount * rate / 100, currency)


def _off(discount: Adjustment | None, base: Decimal, currency: str, where: str) -> Decimal:
    """What ``discount`` takes off ``base`` (a percent of it, rounded, or an amount).

    Raises:
        ValidationError: ``discount.too_large`` when it is more than ``base``.
    """
    if discount is None:
        return Decimal(0)
    if discount.kind == "percent":
        off = money(base * discount.value / 100, currency)
    else:
        off = money(discount.value, currency)
    if off > base:
        raise _bad(
            "discount.too_large",
            f"The discount is more than the {where} is worth.",
            f"{off} > {base}",
        )
    return off


def compute(
    lines: Iterable[Line],
    currency: str,
    *,
    prices_include: bool = True,
    rounding: str = "line",
    discount: Adjustment | None = None,
    tip: Adjustment | None = None,
) -> BasketResult:
    """The figures of a basket (see the module's text for the rules).

    Raises:
        ValidationError: ``basket.empty``, ``basket.bad_quantity``, ``basket.bad_price``,
            ``vat.invalid_rate``, ``discount.too_large`` (the sale's, or a line's own),
            ``config.invalid`` (rounding).
    """
    lines = list(lines)
    if not lines:
        raise _bad("basket.empty", "The basket has no lines.")
    if rounding not in ROUNDINGS:
        raise ValidationError("config.invalid", "VAT rounding is per line or per total.", rounding)
    unit = quantum(currency)
    amounts = []
    for line in lines:
        parse_quantity(line.quantity)
        parse_rate(line.vat_rate)
        if not line.unit_price.is_finite() or line.unit_price < 0:
            raise _bad(
                "basket.bad_price", "A price is a number, zero or more.", str(line.unit_price)
            )
        amounts.append(money(line.quantity * line.unit_price, currency))
    subtotal = sum(amounts, Decimal(0))
    own = [
        _off(line.discount, amount, currency, f"line {i + 1}")
        for i, (line, amount) in enumerate(zip(lines, amounts, strict=True))
    ]
    after = [a - o for a, o in zip(amounts, own, strict=True)]
    rest = sum(after, Decimal(0))
    off = _off(discount, rest, currency, "basket")
    pct = Decimal(0) if subtotal == 0 else (off + sum(own, Decimal(0))) * 100 / subtotal
    shares = share(off, after, unit)
    paid = [a - s for a, s in zip(after, shares, strict=True)]

    results = []
    for i, (line, amount, part, a) in enumerate(zip(lines, amounts, shares, paid, strict=True)):
        vat = _vat_of(a, line.vat_rate, prices_include, currency)
        net, gross = (a - vat, a) if prices_include else (a, a + vat)
        results.append(LineResult(i + 1, line, amount, part, net, vat, gross, own[i]))

    rates = sorted({r.line.vat_rate for r in results})
    breakdown = []
    for rate in rates:
        group = [r for r in results if r.line.vat_rate == rate]
        if rounding == "line":
            net = sum((r.net for r in group), Decimal(0))
            vat = sum((r.vat for r in group), Decimal(0))
            gross = sum((r.gross for r in group), Decimal(0))
        else:
            base = sum(
                (p for r, p in zip(results, paid, strict=True) if r.line.vat_rate == rate),
                Decimal(0),
            )
            vat = _vat_of(base, rate, prices_include, currency)
            net, gross = (base - vat, base) if prices_include else (base, base + vat)
        breakdown.append(RateResult(rate, net, vat, gross))
    total = sum((b.gross for b in breakdown), Decimal(0))

    tip_amount = Decimal(0)
    if tip is not None:
        tip_amount = (
            money(total * tip.value / 100, currency)
            if tip.kind == "percent"
            else money(tip.value, currency)
        )
    return BasketResult(
        currency=currency,
        prices_include=prices_include,
        rounding=rounding,
        lines=tuple(results),
        subtotal=subtotal,
        discount=off,
        discount_kind=None if discount is None else discount.kind,
        discount_value=None if discount is None else discount.value,
        discount_reason="" if discount is None else discount.reason,
        discount_pct=pct,
        breakdown=tuple(breakdown),
        total=total,
        tip=tip_amount,
        line_discounts=sum(own, Decimal(0)),
    )
