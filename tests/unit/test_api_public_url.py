"""``api.public_url``: the address customers' wallets reach the API at, checked when set."""

from __future__ import annotations

import pytest

from pos_app.core.config import OPTIONS
from pos_app.core.errors import ConfigError


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("", ""),
        ("  ", ""),
        ("https://192.168.1.20:8787", "https://192.168.1.20:8787"),
        ("https://192.168.1.20:8787/", "https://192.168.1.20:8787"),
        ("https://192.168.1.20:8787/api/v1", "https://192.168.1.20:8787"),  # as api status says
        ("http://[fe80::1]:8787", "http://[fe80::1]:8787"),
        ("https://shop.example/till/", "https://shop.example/till"),  # behind a proxy
    ],
)
def test_an_address_is_kept_as_the_base_of_the_routes(given, stored):
    assert OPTIONS["api.public_url"].parse(given) == stored


@pytest.mark.parametrize(
    "given",
    [
        "192.168.1.20:8787",  # no scheme: a wallet could not post to it
        "ftp://till.example",
        "https://",
        "https://till.example:87x7",
        "https://till.example/?pay=1",
        "https://till.example/#pay",
        "https://user:secret@till.example",
        "https://till .example",
        "https://till.example/\x00",
    ],
)
def test_an_address_a_wallet_cannot_post_to_is_refused(given):
    with pytest.raises(ConfigError) as refused:
        OPTIONS["api.public_url"].parse(given)
    assert refused.value.code == "config.invalid"
    assert refused.value.data["key"] == "api.public_url"
