"""Staff accounts from the command line: once they exist, commands run as someone.

The first account is the owner's and needs no PIN; after that every command names
who runs it (``--as``) with a PIN in ``POS_PIN``, and is refused when that role
cannot do it. What they do records their name (the audit log, the sale).
"""

from __future__ import annotations

from tests.support.cli import Cli


def test_commands_run_as_a_staff_member_with_the_rights_of_their_role(tmp_path):
    shop = Cli(tmp_path / "shop")
    shop.setup("init")
    assert shop.ok("sale", "list") == []  # no accounts yet: nobody is asked

    refused = shop.run("staff", "add", "carl", "--role", "cashier", env={"POS_NEW_PIN": "1234"})
    assert refused.error_code == "staff.first_owner"
    shop.ok("staff", "add", "olga", "--role", "owner", env={"POS_NEW_PIN": "246810"})

    anyone = shop.run("sale", "list")
    assert anyone.rc != 0 and anyone.error_code == "staff.required"
    assert "--as NAME" in anyone.json["error"]["message"]
    owner = {"POS_PIN": "246810"}
    shop.ok("staff", "add", "carl", "--role", "cashier", "--as", "olga",
            env={**owner, "POS_NEW_PIN": "1357"})  # fmt: skip
    assert [
        (m["name"], m["role"]) for m in shop.ok("staff", "list", "--as", "olga", env=owner)
    ] == [
        ("olga", "owner"),
        ("carl", "cashier"),
    ]

    carl = {"POS_PIN": "1357"}
    sale = shop.ok("sale", "new", "--amount", "21", "--currency", "sat", "--as", "carl", env=carl)
    assert shop.ok("sale", "show", sale["sale_id"], "--as", "carl", env=carl)["staff"] == "carl"
    forbidden = shop.run("config", "set", "shop.name", "Mine", "--as", "carl", env=carl)
    assert forbidden.error_code == "staff.forbidden"
    assert forbidden.json["error"]["message"] == "This needs an owner; carl is a cashier."
    wrong = shop.run("sale", "list", "--as", "carl", env={"POS_PIN": "0000"})
    assert wrong.error_code == "staff.bad_pin"
    no_pin = shop.run("sale", "list", "--as", "carl")
    assert no_pin.error_code == "staff.pin_required"

    trail = shop.ok("audit", "list", "--as", "olga", env=owner)
    assert ("staff.added", "carl", "olga") in [
        (e["action"], e["subject"], e["actor"]) for e in trail
    ]
    assert ("staff.pin_failed", "carl", "system") in [
        (e["action"], e["subject"], e["actor"]) for e in trail
    ]
    assert shop.ok("audit", "verify", "--as", "olga", env=owner)["ok"] is True


def test_the_owner_changes_roles_and_unlocks_from_the_command_line(tmp_path):
    shop = Cli(tmp_path / "shop")
    shop.setup("init")
    shop.ok("staff", "add", "olga", "--role", "owner", env={"POS_NEW_PIN": "246810"})
    owner = {"POS_PIN": "246810"}
    shop.ok("config", "set", "staff.pin_lock_after", "2", "--as", "olga", env=owner)
    shop.ok("staff", "add", "carl", "--role", "cashier", "--as", "olga",
            env={**owner, "POS_NEW_PIN": "1357"})  # fmt: skip
    demoted = shop.run("staff", "role", "olga", "--role", "manager", "--as", "olga", env=owner)
    assert demoted.error_code == "staff.last_owner"
    carl = {"POS_PIN": "1357"}
    denied = shop.run("staff", "unlock", "carl", "--as", "carl", env=carl)
    assert denied.error_code == "staff.forbidden"  # staff commands are the owner's
    for _ in range(2):
        assert shop.run("sale", "list", "--as", "carl", env={"POS_PIN": "0000"}).rc != 0
    assert shop.run("sale", "list", "--as", "carl", env=carl).error_code == "staff.locked"
    unlocked = shop.ok("staff", "unlock", "carl", "--as", "olga", env=owner)
    assert unlocked["locked_until"] is None
    assert shop.ok("sale", "list", "--as", "carl", env=carl) == []
    moved = shop.ok("staff", "role", "carl", "--role", "manager", "--as", "olga", env=owner)
    assert moved["role"] == "manager"
