"""Staff accounts: roles, PINs hashed, wrong PINs throttled and locked, who acted recorded."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from pos_app.core.config import Config
from pos_app.core.errors import PosError
from pos_app.core.events import EventBus, Notification
from pos_app.core.staff import LOCK_AFTER, LOCK_SECONDS, StaffService, acting_as, wait_after
from pos_app.core.store.db import DB_FILE, Database
from pos_app.core.store.schema import AuditEntry, StaffMember
from pos_app.core.wallet import journal

KEY = bytes(range(32))


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def shop(tmp_path):
    db = Database(tmp_path / DB_FILE, KEY, create=True)
    db.migrate()
    bus, clock, told = EventBus(), Clock(), []
    bus.subscribe(Notification, told.append)
    yield StaffService(db, bus, clock), db, clock, told
    db.close()


def refused(coro) -> PosError:
    with pytest.raises(PosError) as err:
        asyncio.run(coro)
    return err.value


def audit(db):
    return db.transact(
        lambda s: [(a.action, a.subject, a.actor) for a in s.scalars(select(AuditEntry))]
    )


def test_the_first_account_is_the_owners_and_pins_are_hashed(shop):
    staff, db, _clock, _told = shop
    assert asyncio.run(staff.any()) is False
    assert refused(staff.add("carl", "cashier", "1234")).code == "staff.first_owner"
    asyncio.run(staff.add("olga", "owner", "123456"))
    asyncio.run(staff.add("carl", "cashier", "1234"))
    assert asyncio.run(staff.any()) is True
    assert [(m.name, m.role) for m in asyncio.run(staff.list())] == [
        ("olga", "owner"),
        ("carl", "cashier"),
    ]
    stored = db.transact(lambda s: {r.name: r.pin_hash for r in s.scalars(select(StaffMember))})
    assert all(h.startswith("$argon2id$") and "1234" not in h for h in stored.values())
    for bad in ("123", "123456789", "12a4", ""):
        assert refused(staff.add("dora", "manager", bad)).code == "staff.pin_invalid"
    assert refused(staff.add("carl", "manager", "9999")).code == "staff.exists"
    assert refused(staff.add("system", "manager", "9999")).code == "staff.name_invalid"
    assert refused(staff.add("dora", "boss", "9999")).code == "staff.role_invalid"
    assert refused(staff.remove("olga")).code == "staff.last_owner"
    assert ("staff.added", "olga", "system") in audit(db)


def test_roles_reach_what_they_may_do(shop):
    staff, _db, _clock, _told = shop
    asyncio.run(staff.add("olga", "owner", "123456"))
    asyncio.run(staff.add("carl", "cashier", "1234"))
    asyncio.run(staff.add("mona", "manager", "4321"))
    assert asyncio.run(staff.verify("carl", "1234")).role == "cashier"
    assert asyncio.run(staff.verify("mona", "4321", needs="manager")).role == "manager"
    assert asyncio.run(staff.verify("olga", "123456", needs="owner")).role == "owner"
    err = refused(staff.verify("carl", "1234", needs="manager"))
    assert (
        err.code == "staff.forbidden" and "needs a manager; carl is a cashier" in err.user_message
    )
    assert refused(staff.verify("mona", "4321", needs="owner")).code == "staff.forbidden"


def test_wrong_pins_wait_longer_then_lock_and_tell_the_owner(shop):
    staff, db, clock, told = shop
    asyncio.run(staff.add("olga", "owner", "123456"))
    asyncio.run(staff.add("carl", "cashier", "1234"))
    assert [wait_after(n) for n in range(1, 10)] == [0, 1, 2, 4, 8, 16, 32, 60, 60]
    assert refused(staff.verify("carl", "0000")).code == "staff.bad_pin"
    clock.now += 1  # a first typo costs nothing but a second
    assert refused(staff.verify("carl", "0000")).code == "staff.bad_pin"
    err = refused(staff.verify("carl", "1234"))  # right PIN, but too soon
    assert err.code == "staff.wait" and err.data == {"seconds": 1}
    clock.now += 1
    assert asyncio.run(staff.verify("carl", "1234")).name == "carl"  # waited: accepted, reset
    for n in range(1, LOCK_AFTER + 1):
        assert refused(staff.verify("carl", "9999")).code == "staff.bad_pin"
        clock.now += wait_after(n)
    err = refused(staff.verify("carl", "1234"))
    assert err.code == "staff.locked" and "15 min" in err.user_message
    assert [n.title for n in told] == ["Staff account locked"]
    clock.now += LOCK_SECONDS
    assert asyncio.run(staff.verify("carl", "1234")).name == "carl"
    actions = [a for a, subject, _ in audit(db) if subject == "carl"]
    assert actions.count("staff.pin_failed") == 2 + LOCK_AFTER - 1
    assert actions.count("staff.locked") == 1 and actions.count("staff.pin_ok") == 1
    # an unknown name is refused like a wrong PIN, and audited
    assert refused(staff.verify("nobody", "1234")).code == "staff.unknown"
    assert ("staff.pin_failed", "nobody", "system") in audit(db)


def test_a_new_pin_unlocks(shop):
    staff, _db, clock, _told = shop
    asyncio.run(staff.add("olga", "owner", "123456"))
    for n in range(1, LOCK_AFTER + 1):
        refused(staff.verify("olga", "000000"))
        clock.now += wait_after(n)
    assert refused(staff.verify("olga", "123456")).code == "staff.locked"
    asyncio.run(staff.set_pin("olga", "654321"))
    assert asyncio.run(staff.verify("olga", "654321")).name == "olga"


def test_who_acts_is_written_on_the_audit_entries_made_meanwhile(shop):
    _staff, db, _clock, _told = shop

    async def write():
        await db.run(lambda s: journal.audit(s, "by.app"))
        with acting_as("carl"):
            await db.run(lambda s: journal.audit(s, "by.carl"))
        await db.run(lambda s: journal.audit(s, "by.app.again"))

    asyncio.run(write())
    assert [(a, who) for a, _s, who in audit(db)] == [
        ("by.app", "system"),
        ("by.carl", "carl"),
        ("by.app.again", "system"),
    ]


def test_the_lock_follows_the_shops_settings_on_both_sides_of_n(shop):
    staff, db, clock, told = shop
    db.transact(
        lambda s: Config().set_many(s, {"staff.pin_lock_after": 3, "staff.pin_lock_minutes": 2})
    )
    asyncio.run(staff.add("olga", "owner", "123456"))
    asyncio.run(staff.add("carl", "cashier", "1234"))
    for n in range(1, 3):  # N - 1 wrong PINs: waits, but no lock and nobody told
        assert refused(staff.verify("carl", "0000")).code == "staff.bad_pin"
        clock.now += wait_after(n)
    assert told == []
    assert asyncio.run(staff.verify("carl", "1234")).name == "carl"  # and the count restarts
    for n in range(1, 4):  # N wrong PINs: locked for the set time, the owner told
        assert refused(staff.verify("carl", "0000")).code == "staff.bad_pin"
        clock.now += wait_after(n)
    err = refused(staff.verify("carl", "1234"))
    assert err.code == "staff.locked" and "after 3 wrong PINs" in err.user_message
    assert [(n.title, n.data) for n in told] == [
        ("Staff account locked", {"name": "carl", "failures": 3, "minutes": 2})
    ]
    assert "3 wrong PINs" in told[0].body and "2 minutes" in told[0].body
    clock.now += 2 * 60 - wait_after(3) - 1
    assert refused(staff.verify("carl", "1234")).code == "staff.locked"  # a second early
    clock.now += 1
    assert asyncio.run(staff.verify("carl", "1234")).name == "carl"


def test_the_owner_unlocks_an_account_at_once_and_it_is_audited(shop):
    staff, db, clock, _told = shop
    asyncio.run(staff.add("olga", "owner", "123456"))
    asyncio.run(staff.add("carl", "cashier", "1234"))
    for n in range(1, LOCK_AFTER + 1):
        refused(staff.verify("carl", "0000"))
        clock.now += wait_after(n)
    locked = {m.name: m.locked_until for m in asyncio.run(staff.list())}
    assert locked["carl"] == int(clock.now) - wait_after(LOCK_AFTER) + LOCK_SECONDS
    with acting_as("olga"):
        assert asyncio.run(staff.unlock("carl")).locked_until is None
    assert asyncio.run(staff.verify("carl", "1234")).name == "carl"  # no wait left either
    assert ("staff.unlocked", "carl", "olga") in audit(db)
    assert refused(staff.unlock("nobody")).code == "staff.unknown"


def test_roles_change_but_the_last_owner_stays_owner(shop):
    staff, db, _clock, _told = shop
    asyncio.run(staff.add("olga", "owner", "123456"))
    asyncio.run(staff.add("mona", "manager", "4321"))
    assert refused(staff.set_role("olga", "manager")).code == "staff.last_owner"
    assert refused(staff.set_role("mona", "boss")).code == "staff.role_invalid"
    assert asyncio.run(staff.set_role("mona", "owner")).role == "owner"
    assert asyncio.run(staff.set_role("olga", "cashier")).role == "cashier"  # two owners: may
    assert refused(staff.set_role("mona", "manager")).code == "staff.last_owner"
    assert refused(staff.remove("mona")).code == "staff.last_owner"
    asyncio.run(staff.remove("olga"))
    assert [(m.name, m.role) for m in asyncio.run(staff.list())] == [("mona", "owner")]
    changes = db.transact(
        lambda s: [
            (a.subject, a.details_json)
            for a in s.scalars(select(AuditEntry).where(AuditEntry.action == "staff.role_changed"))
        ]
    )
    assert [name for name, _ in changes] == ["mona", "olga"]
    assert '"to": "cashier"' in changes[1][1] or '"to":"cashier"' in changes[1][1]


def test_the_last_sign_in_comes_from_the_audit_log(shop):
    staff, _db, clock, _told = shop
    asyncio.run(staff.add("olga", "owner", "123456"))
    asyncio.run(staff.add("carl", "cashier", "1234"))
    assert {m.name: m.last_sign_in for m in asyncio.run(staff.list())} == {
        "olga": None,
        "carl": None,
    }
    asyncio.run(staff.signed_in("carl"))
    clock.now += 60
    asyncio.run(staff.signed_in("carl"))
    last = {m.name: m.last_sign_in for m in asyncio.run(staff.list())}
    assert last["olga"] is None and last["carl"] is not None
