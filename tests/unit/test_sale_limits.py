"""The shop's amount limits: per sale, per day of online payments, and a manager above a line."""

from __future__ import annotations

import asyncio

import pytest

from pos_app.core.errors import PosError
from pos_app.core.staff import acting_as
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, open_shop


@pytest.fixture(autouse=True)
def _db_key(monkeypatch):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)


def run_shop(tmp_path, scenario, settings):
    mint = FakeMint()

    async def main():
        app = open_shop(tmp_path / "shop", mint)
        try:
            await app.mints.add(mint.url)
            await app.db.run(lambda s: app.config.set_many(s, settings))
            return await scenario(app, mint)
        finally:
            await app.aclose()

    return asyncio.run(main())


async def refused(coro) -> PosError:
    with pytest.raises(PosError) as err:
        await coro
    return err.value


def test_a_sale_above_the_limit_is_refused_with_the_numbers(tmp_path):
    async def scenario(app, _mint):
        ok = await app.sales.new_sale("1000", "sat")
        err = await refused(app.sales.new_sale("1001", "sat"))
        return ok, err, await app.sales.list()

    ok, err, listed = run_shop(tmp_path, scenario, {"limits.sale_max_sat": 1000})
    assert ok["due"] == 1000
    assert err.code == "limit.sale_max"
    assert (
        err.user_message == "This sale of 1001 sat is above the shop's limit of 1000 sat per sale."
    )
    assert len(listed) == 1  # the refused one was never made


def test_the_day_counts_settled_online_payments(tmp_path):
    async def scenario(app, mint):
        first = await app.sales.new_sale("600", "sat")
        await app.sales.pay(first["sale_id"], mint.token(600))
        allowed = await app.sales.new_sale("400", "sat")  # 600 + 400: at the limit
        err = await refused(app.sales.new_sale("401", "sat"))
        return allowed, err

    allowed, err = run_shop(tmp_path, scenario, {"limits.day_max_sat": 1000})
    assert allowed["due"] == 400
    assert err.code == "limit.day_max" and err.data == {"due": 401, "taken": 600, "limit": 1000}
    assert "600 sat taken so far" in err.user_message


def test_a_cashiers_sale_above_the_line_needs_a_manager(tmp_path):
    async def scenario(app, _mint):
        await app.staff.add("olga", "owner", "246810")
        await app.staff.add("carl", "cashier", "1357")
        await app.staff.add("mona", "manager", "4321")
        with acting_as("carl"):
            small = await app.sales.new_sale("500", "sat")
            err = await refused(app.sales.new_sale("501", "sat"))
        with acting_as("mona"):
            big = await app.sales.new_sale("501", "sat")
        unsigned = await app.sales.new_sale("501", "sat")  # the app itself (serve, no one)
        return small, err, big, unsigned

    small, err, big, unsigned = run_shop(tmp_path, scenario, {"limits.confirm_above_sat": 500})
    assert small["due"] == 500 and small["staff"] == "carl"
    assert err.code == "limit.needs_manager"
    assert err.user_message == "A sale above 500 sat needs a manager: this one is 501 sat."
    assert big["staff"] == "mona" and unsigned["staff"] is None


def test_no_limits_by_default(tmp_path):
    async def scenario(app, _mint):
        return await app.sales.new_sale("100000000", "sat")

    assert run_shop(tmp_path, scenario, {})["due"] == 100_000_000


def test_a_big_discount_needs_a_manager_acting_once_there_are_staff_accounts(tmp_path):
    async def scenario(app, _mint):
        async def discounted(**kwargs):
            return await app.sales.new_sale("100", "sat", discount="50%", **kwargs)

        alone = await refused(discounted())  # a one-person shop: the override is the OK
        allowed = await discounted(manager_override=True)
        await app.staff.add("olga", "owner", "246810")
        await app.staff.add("carl", "cashier", "1357")
        await app.staff.add("mona", "manager", "4321")
        with acting_as("carl"):
            cashier = await refused(discounted(manager_override=True))  # a flag is not a PIN
        with acting_as("mona"):
            manager = await discounted()
        return alone, allowed, cashier, manager

    alone, allowed, cashier, manager = run_shop(
        tmp_path, scenario, {"discount.manager_limit_pct": 20}
    )
    assert alone.code == cashier.code == "discount.needs_manager"
    assert allowed["due"] == 50 and manager["due"] == 50 and manager["staff"] == "mona"


def test_each_role_has_its_own_ceiling_under_the_shops(tmp_path):
    limits = {"cashier": 1000, "manager": 5000, "owner": 10_000}

    async def scenario(app, _mint):
        await app.staff.add("olga", "owner", "246810")
        await app.staff.add("carl", "cashier", "1357")
        await app.staff.add("mona", "manager", "4321")
        seen = {}
        for name, role in (("carl", "cashier"), ("mona", "manager"), ("olga", "owner")):
            top = limits[role]
            with acting_as(name):
                under = await app.sales.new_sale(str(top - 1), "sat")
                exact = await app.sales.new_sale(str(top), "sat")
                over = await refused(app.sales.new_sale(str(top + 1), "sat"))
            seen[role] = (under["due"], exact["due"], over)
        # a role's value above the shop's does not lift the shop's limit
        await app.db.run(lambda s: app.config.set(s, "limits.manager_sale_max_sat", 20_000))
        with acting_as("mona"):
            capped = await refused(app.sales.new_sale("10001", "sat"))
        # 0: the role has the shop's limit
        await app.db.run(lambda s: app.config.set(s, "limits.cashier_sale_max_sat", 0))
        with acting_as("carl"):
            shops = await app.sales.new_sale("10000", "sat")
        unsigned = await app.sales.new_sale("10000", "sat")  # the app itself: the shop's limit
        return seen, capped, shops, unsigned

    seen, capped, shops, unsigned = run_shop(
        tmp_path,
        scenario,
        {
            "limits.sale_max_sat": 10_000,
            "limits.cashier_sale_max_sat": 1000,
            "limits.manager_sale_max_sat": 5000,
        },
    )
    for role in ("cashier", "manager"):
        under, exact, over = seen[role]
        top = limits[role]
        assert (under, exact) == (top - 1, top)
        assert over.code == "limit.role_sale_max"
        assert over.data == {"due": top + 1, "limit": top, "role": role}
    assert seen["cashier"][2].user_message == (
        "This sale of 1001 sat is above the limit of 1000 sat per sale for a cashier (carl)."
    )
    assert seen["manager"][2].user_message == (
        "This sale of 5001 sat is above the limit of 5000 sat per sale for a manager (mona)."
    )
    under, exact, over = seen["owner"]
    assert (under, exact) == (9999, 10_000)
    assert over.code == "limit.sale_max" and over.data == {"due": 10_001, "limit": 10_000}
    assert capped.code == "limit.sale_max" and capped.data["limit"] == 10_000
    assert shops["due"] == 10_000 and shops["staff"] == "carl"
    assert unsigned["due"] == 10_000 and unsigned["staff"] is None


def test_each_role_has_its_own_total_per_day(tmp_path):
    async def scenario(app, mint):
        await app.staff.add("olga", "owner", "246810")
        await app.staff.add("carl", "cashier", "1357")
        await app.staff.add("cora", "cashier", "2468")
        await app.staff.add("mona", "manager", "4321")

        async def paid(name, amount):
            with acting_as(name):
                sale = await app.sales.new_sale(str(amount), "sat")
                await app.sales.pay(sale["sale_id"], mint.token(amount))

        await paid("carl", 600)
        await paid("mona", 2000)  # a manager's sales are not the cashiers'
        await paid("olga", 5000)  # nor the owner's
        with acting_as("cora"):  # both cashiers share the cashiers' day
            at_limit = await app.sales.new_sale("400", "sat")
            over = await refused(app.sales.new_sale("401", "sat"))
        with acting_as("mona"):
            manager = await app.sales.new_sale("401", "sat")
        unsigned = await app.sales.new_sale("401", "sat")  # the app itself: the shop's day
        # a cashier made manager takes the day's sales along
        await app.staff.set_role("carl", "manager")
        with acting_as("cora"):
            freed = await app.sales.new_sale("1000", "sat")
        with acting_as("mona"):
            manager_over = await refused(app.sales.new_sale("1401", "sat"))
        return at_limit, over, manager, unsigned, freed, manager_over

    at_limit, over, manager, unsigned, freed, manager_over = run_shop(
        tmp_path,
        scenario,
        {"limits.cashier_day_max_sat": 1000, "limits.manager_day_max_sat": 4000},
    )
    assert at_limit["due"] == 400  # 600 + 400: exactly the limit
    assert over.code == "limit.role_day_max"
    assert over.data == {"due": 401, "taken": 600, "limit": 1000, "role": "cashier"}
    assert over.user_message == (
        "Today's online payments of cashiers' sales would reach 1001 sat, above their limit "
        "of 1000 sat per day (600 sat taken so far)."
    )
    assert manager["due"] == 401 and unsigned["due"] == 401
    assert freed["due"] == 1000  # carl's 600 now count for the managers
    assert manager_over.data == {"due": 1401, "taken": 2600, "limit": 4000, "role": "manager"}
