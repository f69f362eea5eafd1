"""What a refund of some lines of a basket sale gives back, in sat.

The rule (the customer gets back what they paid for those goods, at the sale's locked rate):

- The goods' sat is what the sale asked for its total: ``due - fee_advance - tip_sat``
  (the sat of the total at the locked rate; the fee advance and the tip are not goods).
- That sat is shared among the sale's lines in proportion to their gross (after the
  line's share of the sale discount), in whole sat, by largest remainder
  (:func:`pos_app.core.payments.basket.share`, ties to the earlier line). The shares are
  computed once over the whole basket, whatever was refunded before, so refunding every
  line, in any number of refunds, gives exactly the goods' sat, never more.
- A line of a whole quantity ``n`` can be refunded unit by unit: its share is split in
  ``n`` units, the first ``share mod n`` units one sat more; the k units after the r
  already refunded get the units ``r .. r+k-1``. So the units of a line add up to its share.
  A line of a fractional quantity (0.5 kg) is refunded whole only.
- The tip (``tip_sat``) is given back only when asked (``include_tip``), once. A refund of
  the whole sale (no lines) gives back all that is still refundable, tip and fee advance
  included.
- A line refund never gives more than the sale can still give back
  (:func:`refund_records.refundable`): a refund of an amount made before counts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos_app.core.errors import ValidationError
from pos_app.core.payments.basket import share
from pos_app.core.payments.refund_records import COUNTED
from pos_app.core.store.schema import Refund, RefundLine, Sale, SaleLine

Selection = Iterable[int] | Mapping[int, Any] | None


@dataclass(frozen=True, slots=True)
class LinePart:
    """Part of a line a refund gives back."""

    position: int
    name: str
    quantity: Decimal
    amount: int


def goods_sat(sale: Sale) -> int:
    """The sat the sale asked for its total (no tip, no fee advance)."""
    return max(0, int(sale.due) - int(sale.fee_advance or 0) - int(sale.tip_sat or 0))


def line_shares(goods: int, grosses: list[Decimal]) -> list[int]:
    """``goods`` sat shared by the lines' gross, in whole sat, adding up to ``goods``."""
    weights = [max(Decimal(0), g) for g in grosses]
    return [int(x) for x in share(Decimal(goods), weights, Decimal(1))]


def units_sat(line_sat: int, units: int, done: int, take: int) -> int:
    """The sat of units ``done .. done+take-1`` of a line of ``units`` worth ``line_sat``."""
    base, extra = divmod(line_sat, units)
    return take * base + max(0, min(done + take, extra) - min(done, extra))


def refunded_quantities(session: Session, sale_id: str) -> dict[int, Decimal]:
    """How much of each line the sale's counted refunds gave (or are giving) back."""
    rows = session.execute(
        select(RefundLine.position, RefundLine.quantity)
        .join(Refund, Refund.id == RefundLine.refund_id)
        .where(RefundLine.sale_id == sale_id, Refund.state.in_(COUNTED))
    )
    out: dict[int, Decimal] = {}
    for position, quantity in rows:
        out[position] = out.get(position, Decimal(0)) + Decimal(quantity)
    return out


def tip_refunded(session: Session, sale_id: str) -> bool:
    """Whether a counted refund gave the tip back (a line refund that asked for it)."""
    return bool(
        session.scalar(
            select(func.count())
            .select_from(RefundLine)
            .join(Refund, Refund.id == RefundLine.refund_id)
            .where(
                RefundLine.sale_id == sale_id,
                RefundLine.position == TIP_POSITION,
                Refund.state.in_(COUNTED),
            )
        )
    )


# The tip given back by a line refund is recorded as a line of position 0 (lines start at 1).
TIP_POSITION = 0


def sale_lines(session: Session, sale_id: str) -> list[SaleLine]:
    """The sale's basket lines in order."""
    return list(
        session.scalars(
            select(SaleLine).where(SaleLine.sale_id == sale_id).order_by(SaleLine.position)
        )
    )


def options(session: Session, sale: Sale) -> list[dict[str, Any]]:
    """Each line of the sale with what is left to refund of it (``left`` quantity, its sat)."""
    lines = sale_lines(session, sale.id)
    shares = line_shares(goods_sat(sale), [Decimal(x.gross) for x in lines])
    done = refunded_quantities(session, sale.id)
    out = []
    for line, sat in zip(lines, shares, strict=True):
        quantity = Decimal(line.quantity)
        gone = done.get(line.position, Decimal(0))
        left = max(Decimal(0), quantity - gone)
        out.append(
            {
                "position": line.position,
                "name": line.name,
                "quantity": line.quantity,
                "gross": line.gross,
                "sat": sat,
                "refunded_quantity": str(gone),
                "left_quantity": str(left),
                "left_sat": _part_sat(sat, quantity, gone, left),
                "whole_units": _whole(quantity),
            }
        )
    return out


def _whole(quantity: Decimal) -> bool:
    return quantity == quantity.to_integral_value()


def _part_sat(line_sat: int, quantity: Decimal, done: Decimal, take: Decimal) -> int:
    if take <= 0:
        return 0
    if not _whole(quantity):
        return line_sat  # refunded whole only
    return units_sat(line_sat, int(quantity), int(done), int(take))


def plan(
    session: Session, sale: Sale, selection: Selection, include_tip: bool
) -> tuple[int, list[LinePart]]:
    """The sat and the line parts of refunding ``selection`` (positions, or position: quantity).

    Raises:
        ValidationError: ``refund.no_lines``, ``refund.lines_unpaid``, ``refund.unknown_line``,
            ``refund.bad_quantity``, ``refund.line_refunded``, ``refund.tip_refunded``,
            ``refund.nothing``.
    """
    lines = {x.position: x for x in sale_lines(session, sale.id)}
    if not lines:
        raise ValidationError(
            "refund.no_lines",
            "This sale was typed as one amount: it has no lines to refund. Give back an amount.",
            sale.id,
        )
    if sale.state != "paid":
        raise ValidationError(
            "refund.lines_unpaid",
            "Only a paid sale is refunded by line; give this one's money back as an amount.",
            f"{sale.id} state={sale.state}",
        )
    wanted = _wanted(selection or {}, lines)
    ordered = sorted(lines.values(), key=lambda x: x.position)
    shares = dict(
        zip(
            (x.position for x in ordered),
            line_shares(goods_sat(sale), [Decimal(x.gross) for x in ordered]),
            strict=True,
        )
    )
    done = refunded_quantities(session, sale.id)
    parts: list[LinePart] = []
    for position, asked in sorted(wanted.items()):
        line = lines[position]
        quantity = Decimal(line.quantity)
        gone = done.get(position, Decimal(0))
        left = quantity - gone
        take = left if asked is None else asked
        if left <= 0:
            raise ValidationError(
                "refund.line_refunded",
                f"Line {position} ({line.name}) was refunded already.",
                f"{sale.id} line={position}",
                data={"position": position},
            )
        if take > left:
            raise ValidationError(
                "refund.bad_quantity",
                f"At most {quantity_text(left)} of line {position} ({line.name}) "
                "can still be refunded.",
                f"{sale.id} line={position} asked={take} left={left}",
                data={"position": position, "left": str(left)},
            )
        if take != left and not _whole(quantity):
            raise ValidationError(
                "refund.bad_quantity",
                f"Line {position} ({line.name}) has a fractional quantity: refund it whole.",
                f"{sale.id} line={position} asked={take} quantity={quantity}",
                data={"position": position},
            )
        parts.append(
            LinePart(position, line.name, take, _part_sat(shares[position], quantity, gone, take))
        )
    tip = int(sale.tip_sat or 0)
    if include_tip:
        if tip <= 0 or tip_refunded(session, sale.id):
            raise ValidationError(
                "refund.tip_refunded",
                "This sale has no tip left to give back.",
                f"{sale.id} tip_sat={tip}",
            )
        parts.append(LinePart(TIP_POSITION, "tip", Decimal(1), tip))
    amount = sum(p.amount for p in parts)
    if not parts or amount <= 0:
        raise ValidationError(
            "refund.nothing",
            "Choose the lines to give back: these come to nothing.",
            f"{sale.id} lines={sorted(wanted)}",
        )
    return amount, parts


def quantity_text(value: Decimal) -> str:
    """``2``, ``0.5``: a quantity without trailing zeros."""
    return format(value.normalize(), "f")


def _wanted(selection: Selection, lines: Mapping[int, SaleLine]) -> dict[int, Decimal | None]:
    """Positions asked for, with a quantity or None for all that is left of the line."""
    items = selection.items() if isinstance(selection, Mapping) else ((p, None) for p in selection)
    out: dict[int, Decimal | None] = {}
    for raw_position, raw_quantity in items:
        try:
            position = int(raw_position)
        except (TypeError, ValueError):
            position = -1
        if isinstance(raw_position, bool) or position not in lines:
            raise ValidationError(
                "refund.unknown_line",
                f"The sale has no line {raw_position} (its lines are "
                f"{', '.join(str(p) for p in sorted(lines))}).",
                str(raw_position),
            )
        quantity = None if raw_quantity is None else _quantity(raw_quantity, position)
        if position in out:
            raise ValidationError(
                "refund.unknown_line", f"Line {position} is named twice.", str(position)
            )
        out[position] = quantity
    return out


def _quantity(raw: Any, position: int) -> Decimal:
    try:
        value = Decimal(str(raw).strip())
    except (InvalidOperation, ValueError):
        value = Decimal(-1)
    if isinstance(raw, bool) or not value.is_finite() or value <= 0:
        raise ValidationError(
            "refund.bad_quantity",
            f"The quantity to refund of line {position} must be more than zero.",
            str(raw),
        )
    return value


def parts_dict(parts: list[LinePart]) -> list[dict[str, Any]]:
    """JSON form of a refund's lines (position 0 is the tip)."""
    return [
        {
            "position": p.position,
            "name": p.name,
            "quantity": quantity_text(p.quantity),
            "amount": p.amount,
        }
        for p in parts
    ]
