"""The items catalogue: add, list, update, remove, CSV import (all or nothing) and export."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core.config import Config
from pos_app.core.errors import ValidationError
from pos_app.core.payments.basket import (
    Adjustment,
    Line,
    money,
    parse_decimal,
    parse_quantity,
    parse_rate,
    rate_text,
)
from pos_app.core.store.schema import Item, now
from pos_app.core.wallet import journal
from pos_app.core.wallet.context import WalletContext

CSV_FIELDS = ("sku", "name", "price", "unit", "vat_rate", "category", "colour", "active")
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
SKU = re.compile(r"[A-Za-z0-9._/-]{1,64}")


def item_dict(item: Item) -> dict[str, Any]:
    """JSON form of an item (``items list``, ``items add``)."""
    return {
        "id": item.id,
        "sku": item.sku,
        "name": item.name,
        "price": item.price,
        "unit": item.unit,
        "vat_rate": item.vat_rate,
        "category": item.category,
        "colour": item.colour,
        "active": item.active,
        "created_at": item.created_at,
        "updated_at": item.updated_at,
    }


def _subject(item: Item) -> str:
    """How the audit log names an item: its SKU, else its id (an item may have no SKU)."""
    return item.sku or f"#{item.id}"


def _bad(code: str, message: str, detail: str = "", **data: Any) -> ValidationError:
    return ValidationError(code, message, detail, data=data or None)


def check_fields(fields: dict[str, Any], currency: str) -> dict[str, Any]:
    """Checked and normalised item fields (only those given).

    Raises:
        ValidationError: ``item.invalid`` (``data["field"]`` names the field) or
            ``vat.invalid_rate``.
    """
    out: dict[str, Any] = {}
    if "name" in fields:
        name = str(fields["name"] or "").strip()
        if not name or len(name) > 200:
            raise _bad(
                "item.invalid", "An item needs a name of 1 to 200 characters.", name, field="name"
            )
        out["name"] = name
    if "unit" in fields:
        unit = str(fields["unit"] or currency).strip() or currency
        if unit not in (currency, "sat"):
            raise _bad(
                "item.invalid",
                f"An item's price is in the shop currency ({currency}) or in sat.",
                unit,
                field="unit",
            )
        out["unit"] = unit
    if "price" in fields:
        unit = out.get("unit", fields.get("unit") or currency)
        try:
            price = parse_decimal(fields["price"], "item.invalid", "price")
        except ValidationError as exc:
            raise _bad("item.invalid", exc.user_message, exc.detail, field="price") from None
        if price < 0 or price != money(price, unit):
            raise _bad(
                "item.invalid",
                "A price is zero or more, in whole sat or at most 2 decimals.",
                str(fields["price"]),
                field="price",
            )
        out["price"] = str(money(price, unit))
    if "vat_rate" in fields:
        raw = fields["vat_rate"]
        out["vat_rate"] = None if raw in (None, "") else rate_text(parse_rate(raw))
    if "sku" in fields:
        sku = str(fields["sku"] or "").strip() or None
        if sku is not None and not SKU.fullmatch(sku):
            raise _bad(
                "item.invalid",
                "A SKU is 1 to 64 letters, digits or . _ / - (no spaces, no colon).",
                sku,
                field="sku",
            )
        out["sku"] = sku
    if "category" in fields:
        category = str(fields["category"] or "").strip() or None
        if category is not None and len(category) > 100:
            raise _bad(
                "item.invalid", "A category is at most 100 characters.", category, field="category"
            )
        out["category"] = category
    if "colour" in fields:
        colour = str(fields["colour"] or "").strip() or None
        if colour is not None and not COLOUR.fullmatch(colour):
            raise _bad("item.invalid", "A colour is written #RRGGBB.", colour, field="colour")
        out["colour"] = colour
    if "active" in fields:
        active = fields["active"]
        if isinstance(active, str):
            lowered = active.strip().lower()
            if lowered not in ("", "1", "0", "true", "false", "yes", "no"):
                raise _bad("item.invalid", "active is true or false.", active, field="active")
            active = lowered in ("", "1", "true", "yes")
        out["active"] = bool(active)
    return out


@dataclass(frozen=True, slots=True)
class LineSpec:
    """A line asked for: an item by SKU or id, or a custom amount (neither, ``price`` set)."""

    sku: str | None
    quantity: Decimal = Decimal(1)
    price: Decimal | None = None
    name: str | None = None
    discount: Adjustment | None = None  # the line's own discount (basket module's rules)
    item_id: int | None = None  # the item by id (a quick key's item may have no SKU)


def parse_item_arg(text: str) -> LineSpec:
    """``SKU`` or ``SKU:QTY`` from the command line.

    Raises:
        ValidationError: ``basket.bad_quantity``, ``item.invalid``.
    """
    sku, _, qty = str(text).partition(":")
    sku = sku.strip()
    if not SKU.fullmatch(sku):
        raise _bad("item.invalid", "An item is given as SKU or SKU:QUANTITY.", text, field="sku")
    return LineSpec(sku, parse_quantity(qty) if qty else Decimal(1))


def parse_line_discount_arg(text: str) -> tuple[int, str, str]:
    """``LINE:10%``, ``LINE:2.50`` or either with ``:REASON`` from the command line.

    ``LINE`` counts the basket's lines from 1 (the items in order, then the custom
    amount). The percent or amount is checked against the sale's currency later.

    Raises:
        ValidationError: ``discount.invalid``.
    """
    number, _, rest = str(text).partition(":")
    value, _, reason = rest.partition(":")
    if not number.strip().isdigit() or int(number) < 1 or not value.strip():
        raise _bad(
            "discount.invalid",
            "A line discount is given as LINE:10% or LINE:AMOUNT, then :REASON if you like "
            "(LINE counts the lines from 1).",
            text,
        )
    return int(number), value.strip(), reason.strip()


def resolve(
    session: Session,
    specs: list[LineSpec],
    currency: str,
    default_rate: Decimal,
    sat_price: Callable[[Decimal], Decimal] | None,
) -> list[Line]:
    """The basket lines for ``specs``, with each item's price in the sale's ``currency``.

    ``sat_price`` turns a price in sat into ``currency`` (None when the sale is in sat).

    Raises:
        ValidationError: ``item.unknown_sku`` (inactive items are unknown),
            ``basket.unit_mismatch`` (an item priced in fiat in a sat sale).
    """
    lines = []
    for asked in specs:
        spec = LineSpec(
            asked.sku,
            parse_quantity(asked.quantity),
            asked.price,
            asked.name,
            asked.discount,
            asked.item_id,
        )
        if spec.sku is None and spec.item_id is None:
            lines.append(
                Line(
                    spec.name or "Amount",
                    spec.quantity,
                    spec.price or Decimal(0),
                    default_rate,
                    "custom",
                    discount=spec.discount,
                )
            )
            continue
        which = Item.id == spec.item_id if spec.item_id is not None else Item.sku == spec.sku
        item = session.scalars(select(Item).where(which, Item.active.is_(True))).first()
        if item is None:
            if spec.item_id is not None:
                raise _bad(
                    "item.unknown_sku",
                    "This item is no longer on sale: it was removed or taken off sale.",
                    f"#{spec.item_id}",
                    sku=spec.sku,
                )
            raise _bad(
                "item.unknown_sku", f"No item has the SKU {spec.sku}.", spec.sku, sku=spec.sku
            )
        price = Decimal(item.price)
        if item.unit != currency:
            if item.unit == "sat" and sat_price is not None:
                price = sat_price(price)
            else:
                raise _bad(
                    "basket.unit_mismatch",
                    f"{item.name} is priced in {item.unit}; this sale is in {currency}.",
                    spec.sku,
                    sku=spec.sku,
                )
        rate = Decimal(item.vat_rate) if item.vat_rate is not None else default_rate
        lines.append(
            Line(item.name, spec.quantity, price, rate, "item", item.sku, item.id, spec.discount)
        )
    return lines


class ItemsService:
    """The catalogue (``App.items``)."""

    def __init__(self, ctx: WalletContext, config: Config) -> None:
        self.ctx = ctx
        self.config = config

    def _currency(self, session: Session) -> str:
        return self.config.get(session, "currency")

    async def add(self, **fields: Any) -> dict[str, Any]:
        """Add an item; ``name`` and ``price`` are needed, ``unit`` defaults to the shop currency.

        Raises:
            ValidationError: ``item.invalid``, ``vat.invalid_rate``, ``item.duplicate_sku``.
        """

        def write(session: Session) -> dict[str, Any]:
            currency = self._currency(session)
            given = {"unit": currency, **{k: v for k, v in fields.items() if v is not None}}
            for need in ("name", "price"):
                given.setdefault(need, "")
            values = check_fields(given, currency)
            self._sku_free(session, values.get("sku"), None)
            ts = now()
            item = Item(active=values.pop("active", True), created_at=ts, updated_at=ts, **values)
            session.add(item)
            session.flush()
            journal.audit(
                session,
                "item.added",
                _subject(item),
                {"name": item.name, "price": item.price, "unit": item.unit},
            )
            return item_dict(item)

        return await self.ctx.db.run(write)

    def _sku_free(self, session: Session, sku: str | None, own_id: int | None) -> None:
        if sku is None:
            return
        other = session.scalars(select(Item).where(Item.sku == sku)).first()
        if other is not None and other.id != own_id:
            raise _bad("item.duplicate_sku", f"Another item has the SKU {sku}.", sku, sku=sku)

    def _find(self, session: Session, ref: str | int) -> Item:
        # An int is an id, never a SKU: the app names the row it shows (a SKU "5" and the
        # item with id 5 are not the same item).
        if isinstance(ref, int):
            found = session.get(Item, ref)
            if found is None:
                raise _bad("item.not_found", f"No item {ref}.", str(ref))
            return found
        item = session.scalars(select(Item).where(Item.sku == ref)).first()
        if item is None and str(ref).isdigit():
            item = session.get(Item, int(ref))
        if item is None:
            raise _bad("item.not_found", f"No item {ref}.", str(ref))
        return item

    async def list(self, *, include_inactive: bool = True) -> list[dict[str, Any]]:
        """Items by category, then name."""

        def read(session: Session) -> list[dict[str, Any]]:
            query = select(Item).order_by(Item.category, Item.name, Item.id)
            if not include_inactive:
                query = query.where(Item.active.is_(True))
            return [item_dict(i) for i in session.scalars(query)]

        return await self.ctx.db.run(read)

    async def update(self, ref: str | int, **fields: Any) -> dict[str, Any]:
        """Change the fields given of the item with SKU or id ``ref`` (an int: the id only).

        Raises:
            ValidationError: ``item.not_found`` and those of :meth:`add`.
        """

        def write(session: Session) -> dict[str, Any]:
            item = self._find(session, ref)
            given = {k: v for k, v in fields.items() if v is not None}
            if "price" in given and "unit" not in given:
                given["unit"] = item.unit
            values = check_fields(given, self._currency(session))
            self._sku_free(session, values.get("sku"), item.id)
            subject = _subject(item)
            changed = {
                key: {"from": getattr(item, key), "to": value}
                for key, value in values.items()
                if getattr(item, key) != value
            }
            for key, value in values.items():
                setattr(item, key, value)
            item.updated_at = now()
            if changed:  # saving an unchanged form is not a change worth a line
                journal.audit(session, "item.updated", subject, changed)
            return item_dict(item)

        return await self.ctx.db.run(write)

    async def remove(self, ref: str | int) -> dict[str, Any]:
        """Delete an item; sales that sold it keep their lines (name, SKU, prices).

        Raises:
            ValidationError: ``item.not_found``.
        """

        def write(session: Session) -> dict[str, Any]:
            item = self._find(session, ref)
            out = item_dict(item)
            session.delete(item)
            journal.audit(session, "item.removed", _subject(item), {"name": item.name})
            return out

        return await self.ctx.db.run(write)

    async def import_csv(self, text: str) -> dict[str, Any]:
        """Add or update (by SKU) the items of a CSV; one bad row and nothing is written.

        Header: :data:`CSV_FIELDS`, name and price needed. Every row is checked first.

        Raises:
            ValidationError: ``items.import_invalid`` with ``data["rows"]`` = ``[{row, field,
                code, message}]`` (row 2 is the first after the header).
        """
        reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
        header = [h.strip() for h in reader.fieldnames or []]
        missing = [f for f in ("name", "price") if f not in header]
        unknown = [h for h in header if h not in CSV_FIELDS]
        if missing or unknown:
            raise _bad(
                "items.import_invalid",
                f"The CSV header needs name and price and knows only {', '.join(CSV_FIELDS)}.",
                ",".join(header),
                rows=[],
                missing=missing,
                unknown=unknown,
            )

        def write(session: Session) -> dict[str, Any]:
            currency = self._currency(session)
            errors: list[dict[str, Any]] = []
            rows: list[dict[str, Any]] = []
            seen: dict[str, int] = {}
            for number, raw in enumerate(reader, start=2):
                row = {k.strip(): (v or "").strip() for k, v in raw.items() if k is not None}
                if None in raw:
                    errors.append(
                        {
                            "row": number,
                            "field": None,
                            "code": "item.invalid",
                            "message": "Too many columns.",
                        }
                    )
                    continue
                row.setdefault("unit", currency)
                try:
                    values = check_fields(row, currency)
                except ValidationError as exc:
                    field = (
                        (exc.data or {}).get("field") if exc.code == "item.invalid" else "vat_rate"
                    )
                    errors.append(
                        {
                            "row": number,
                            "field": field,
                            "code": exc.code,
                            "message": exc.user_message,
                        }
                    )
                    continue
                sku = values.get("sku")
                if sku is not None and sku in seen:
                    errors.append(
                        {
                            "row": number,
                            "field": "sku",
                            "code": "item.duplicate_sku",
                            "message": f"The SKU {sku} is also on row {seen[sku]}.",
                        }
                    )
                    continue
                if sku is not None:
                    seen[sku] = number
                rows.append(values)
            if errors:
                raise _bad(
                    "items.import_invalid",
                    f"{len(errors)} row(s) of the CSV are not valid; nothing was imported.",
                    "; ".join(f"row {e['row']}: {e['message']}" for e in errors[:5]),
                    rows=errors,
                )
            added = updated = 0
            ts = now()
            for values in rows:
                sku = values.get("sku")
                item = (
                    None
                    if sku is None
                    else session.scalars(select(Item).where(Item.sku == sku)).first()
                )
                if item is None:
                    session.add(
                        Item(
                            active=values.pop("active", True),
                            created_at=ts,
                            updated_at=ts,
                            **values,
                        )
                    )
                    added += 1
                else:
                    for key, value in values.items():
                        setattr(item, key, value)
                    item.updated_at = ts
                    updated += 1
            journal.audit(session, "item.imported", None, {"added": added, "updated": updated})
            return {"added": added, "updated": updated}

        return await self.ctx.db.run(write)

    async def export_csv(self) -> str:
        """The catalogue as CSV text, in the columns :meth:`import_csv` reads."""
        items = await self.list()
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
        writer.writeheader()
        for item in items:
            writer.writerow(
                {k: ("" if item[k] is None else item[k]) for k in CSV_FIELDS}
                | {"active": "true" if item["active"] else "false"}
            )
        return out.getvalue()
