"""The shop's amount limits for online payments (offline acceptance has its own caps).

Checked when a sale is made, before anything is shown to the customer: a sale above
``limits.sale_max_sat``, or one that would take the day's settled online payments
above ``limits.day_max_sat``, is refused with the numbers; a sale above
``limits.confirm_above_sat`` made by a cashier needs a manager (the till asks a
manager's PIN in place and makes the sale as them). 0 turns a limit off. Days are
UTC days, as for the offline caps.

A cashier's and a manager's sales can have a lower ceiling of their own
(``limits.cashier_sale_max_sat``, ``limits.manager_sale_max_sat``; 0: the shop's
limit). The shop's limit stays the ceiling for everyone, so a role's value can only
tighten it: one typo in a role's setting can never let a sale through that the shop
refuses. The owner and the app itself (no one signed in) have the shop's limit.

A role also has a total per day (``limits.cashier_day_max_sat``,
``limits.manager_day_max_sat``; 0: only the shop's total): the settled online payments
of the day's sales made by everyone who holds that role now (a sale records who made it,
``Sale.staff``), so a cashier moved to manager takes their day's sales along.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos_app.core.errors import ValidationError
from pos_app.core.store.actor import acting
from pos_app.core.store.schema import Payment, Sale, StaffMember


def check(session: Session, due: int, values: dict[str, Any], now: int) -> None:
    """Refuse a sale of ``due`` sat that breaks a limit.

    Raises:
        ValidationError: ``limit.sale_max``, ``limit.role_sale_max``, ``limit.day_max``,
            ``limit.needs_manager``.
    """
    role = _role(session)
    sale_max = int(values.get("limits.sale_max_sat") or 0)
    if sale_max and due > sale_max:
        raise ValidationError(
            "limit.sale_max",
            f"This sale of {due} sat is above the shop's limit of {sale_max} sat per sale.",
            f"{due} > {sale_max}",
            data={"due": due, "limit": sale_max},
        )
    if role in ("cashier", "manager"):
        role_max = int(values.get(f"limits.{role}_sale_max_sat") or 0)
        if role_max and due > role_max:
            raise ValidationError(
                "limit.role_sale_max",
                f"This sale of {due} sat is above the limit of {role_max} sat per sale "
                f"for {_a(role)} ({acting()}).",
                f"{due} > {role_max} ({role})",
                data={"due": due, "limit": role_max, "role": role},
            )
    day_start = now - now % 86400
    if role in ("cashier", "manager"):
        role_day = int(values.get(f"limits.{role}_day_max_sat") or 0)
        if role_day:
            staff = select(StaffMember.name).where(StaffMember.role == role)
            taken = _taken_today(session, day_start, Sale.staff.in_(staff))
            if taken + due > role_day:
                raise ValidationError(
                    "limit.role_day_max",
                    f"Today's online payments of {role}s' sales would reach {taken + due} sat, "
                    f"above their limit of {role_day} sat per day ({taken} sat taken so far).",
                    f"{taken} + {due} > {role_day} ({role})",
                    data={"due": due, "taken": taken, "limit": role_day, "role": role},
                )
    day_max = int(values.get("limits.day_max_sat") or 0)
    if day_max:
        taken = _taken_today(session, day_start)
        if taken + due > day_max:
            raise ValidationError(
                "limit.day_max",
                f"Today's online payments would reach {taken + due} sat, above the shop's "
                f"limit of {day_max} sat per day ({taken} sat taken so far).",
                f"{taken} + {due} > {day_max}",
                data={"due": due, "taken": taken, "limit": day_max},
            )
    confirm = int(values.get("limits.confirm_above_sat") or 0)
    if confirm and due > confirm and role == "cashier":
        raise ValidationError(
            "limit.needs_manager",
            f"A sale above {confirm} sat needs a manager: this one is {due} sat.",
            f"{due} > {confirm}",
            data={"due": due, "limit": confirm},
        )


def _taken_today(session: Session, day_start: int, *where: Any) -> int:
    """Settled online payments since ``day_start``, of the sales matching ``where``."""
    query = select(func.coalesce(func.sum(Payment.credited), 0)).where(
        Payment.state == "settled",
        Payment.offline.is_(False),
        Payment.created_at >= day_start,
    )
    if where:
        query = query.join(Sale, Sale.id == Payment.sale_id).where(*where)
    return int(session.scalar(query) or 0)


def manager_approves(session: Session, override: bool) -> bool:
    """Whether a step that needs a manager may go ahead.

    With staff accounts: only when a manager or the owner acts (an ``override`` flag is not
    enough: a cashier could pass it). Without them (a one-person shop): the ``override``.
    """
    if not session.scalar(select(func.count()).select_from(StaffMember)):
        return override
    if acting() is None:
        return True  # the app itself (``serve`` runs as the owner)
    return _role(session) in ("manager", "owner")


def _role(session: Session) -> str | None:
    """The role of the staff member acting now (None: no staff, or the app itself)."""
    name = acting()
    if name is None:
        return None
    return session.scalar(select(StaffMember.role).where(StaffMember.name == name))


def _a(role: str) -> str:
    return "a cashier" if role == "cashier" else "a manager"
