"""``sale new --line-discount``: a line's own discount before the sale's, stored with the line.

In-process command line (no mint: the sale is only started). Expected figures are worked
out by hand in the comments.
"""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout

import pytest

from pos_app import cli
from pos_app.core.errors import ValidationError
from pos_app.core.payments.items import parse_line_discount_arg

KEY = "ef" * 32


@pytest.fixture
def shop(tmp_path, monkeypatch):
    monkeypatch.setenv("POS_DB_KEY", KEY)
    data = tmp_path / "shop"

    def run(*args):
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            rc = cli.main(["--json", "--data-dir", str(data), *args])
        return rc, json.loads(out.getvalue() or "null")

    assert run("init")[0] == 0
    for key, value in (
        ("rate.fixed", "100000"),  # 1 EUR = 1000 sat
        ("currency", "EUR"),
        ("vat.rates", "19, 7"),
        ("discount.manager_limit_pct", "15"),
    ):
        assert run("config", "set", key, value)[0] == 0
    assert run("items", "add", "--name", "Coffee", "--price", "3.50", "--sku", "COF")[0] == 0
    rc, _ = run("items", "add", "--name", "Cake", "--price", "2.99", "--sku", "CAKE", "--vat", "7")
    assert rc == 0
    return run


def test_a_line_discount_comes_first_and_is_stored_with_its_line(shop):
    basket = ("sale", "new", "--item", "COF:2", "--item", "CAKE")
    both = ("--line-discount", "1:10%:loyalty", "--discount", "0.99")
    # 0.70 off the coffee and 0.99 off the rest: 1.69 of 9.99 = 16.9 %, above 15 %
    rc, err = shop(*basket, *both)
    assert rc == 1 and err["error"]["code"] == "discount.needs_manager"
    rc, sale = shop(*basket, *both, "--discount-reason", "coupon", "--manager-override")
    assert rc == 0
    # Coffee 7.00 - 0.70 = 6.30; 9.29 remain; 0.99 shared 0.67 / 0.32 (largest remainder)
    assert [(x["sku"], x["line_discount"], x["discount"], x["gross"]) for x in sale["lines"]] == [
        (
            "COF",
            {"kind": "percent", "value": "10", "amount": "0.70", "reason": "loyalty"},
            "0.67",
            "5.63",
        ),
        ("CAKE", None, "0.32", "2.67"),
    ]
    assert (sale["subtotal"], sale["line_discounts"], sale["total"]) == ("9.99", "0.70", "8.30")
    assert sale["discount"]["amount"] == "0.99" and sale["due"] == 8300
    # VAT on what is paid: 5.63 at 19 % (0.90), 2.67 at 7 % (0.17)
    assert sale["vat"] == [
        {"rate": "7", "net": "2.50", "vat": "0.17", "gross": "2.67"},
        {"rate": "19", "net": "4.73", "vat": "0.90", "gross": "5.63"},
    ]
    rc, shown = shop("sale", "show", sale["sale_id"])
    assert rc == 0 and shown["lines"] == sale["lines"] and shown["line_discounts"] == "0.70"


def test_the_custom_amount_is_the_last_line(shop):
    rc, sale = shop(
        "sale", "new", "--item", "CAKE", "--amount", "2.00", "--line-discount", "2:0.50:dented"
    )
    assert rc == 0
    assert [x["line_discount"] for x in sale["lines"]] == [
        None,
        {"kind": "amount", "value": "0.5", "amount": "0.50", "reason": "dented"},
    ]
    assert (sale["total"], sale["line_discounts"], sale["discount"]) == ("4.49", "0.50", None)


def test_the_manager_limit_at_its_boundary(shop):
    # One line of 10.00: 15 % off is at the limit. The limit looks at what is taken off:
    # 15.01 % is 1.501, 1.50 taken (still 15 %); 15.1 % takes 1.51, above it.
    at = shop("sale", "new", "--amount", "10", "--line-discount", "1:15%")
    assert at[0] == 0 and at[1]["total"] == "8.50"
    rounded = shop("sale", "new", "--amount", "10", "--line-discount", "1:15.01%")
    assert rounded[0] == 0 and rounded[1]["total"] == "8.50"
    over = shop("sale", "new", "--amount", "10", "--line-discount", "1:15.1%")
    assert over[0] == 1 and over[1]["error"]["code"] == "discount.needs_manager"
    # 1.50 of 10.00 as an amount is 15 % too; 1.51 is above.
    assert shop("sale", "new", "--amount", "10", "--line-discount", "1:1.50")[0] == 0
    rc, err = shop("sale", "new", "--amount", "10", "--line-discount", "1:1.51")
    assert rc == 1 and err["error"]["code"] == "discount.needs_manager"


@pytest.mark.parametrize(
    ("given", "code"),
    [
        (["--line-discount", "3:10%"], "discount.invalid"),  # two lines only
        (["--line-discount", "0:10%"], "discount.invalid"),
        (["--line-discount", "x:10%"], "discount.invalid"),
        (["--line-discount", "1"], "discount.invalid"),
        (["--line-discount", "1:abc"], "discount.invalid"),
        (["--line-discount", "1:101%"], "discount.invalid"),
        (["--line-discount", "1:1.001"], "discount.invalid"),
        (["--line-discount", "1:10%", "--line-discount", "1:5%"], "discount.invalid"),
        (["--line-discount", "1:7.01", "--manager-override"], "discount.too_large"),
    ],
)
def test_bad_line_discounts_are_refused_and_start_no_sale(shop, given, code):
    rc, err = shop("sale", "new", "--item", "COF:2", "--item", "CAKE", *given)
    assert rc == 1 and err["error"]["code"] == code
    assert shop("sale", "list")[1] == []


def test_a_whole_line_may_be_given_away(shop):
    rc, sale = shop(
        "sale", "new", "--item", "COF:2", "--item", "CAKE", "--line-discount", "1:7.00",
        "--manager-override",
    )  # fmt: skip
    assert rc == 0 and sale["total"] == "2.99" and sale["lines"][0]["gross"] == "0.00"


def test_the_argument_form():
    assert parse_line_discount_arg("2:10%") == (2, "10%", "")
    assert parse_line_discount_arg("1:2.50:damaged box") == (1, "2.50", "damaged box")
    assert parse_line_discount_arg("1:2.50:a:b") == (1, "2.50", "a:b")
    for bad in ("", ":10%", "1:", "-1:5%", "one:5%"):
        with pytest.raises(ValidationError) as err:
            parse_line_discount_arg(bad)
        assert err.value.code == "discount.invalid"
