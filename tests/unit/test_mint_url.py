"""A mint's address as the wallet keeps it (``normalize_url``), and the ones it refuses."""

from __future__ import annotations

import pytest

from pos_app.core.errors import ValidationError
from pos_app.core.mint.client import normalize_url


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("https://Mint.Example/", "https://mint.example"),
        ("  HTTPS://mint.example:3338/cashu/  ", "https://mint.example:3338/cashu"),
        ("http://127.0.0.1:3338", "http://127.0.0.1:3338"),
    ],
)
def test_an_address_is_kept_in_one_form(given, kept):
    assert normalize_url(given) == kept


@pytest.mark.parametrize(
    "given",
    [
        "",
        "mint.example",
        "ftp://mint.example",
        "https://user:pw@mint.example",
        "https://mint.example/?x=1",
        # urlsplit drops the line break and the tab, and keeps the space in the host
        "h\rttps://mint.example",
        "https://mint.exa\tmple",
        "https://mint .example",
        "https://mint.example/a b",
    ],
)
def test_an_address_no_request_can_use_is_refused(given):
    with pytest.raises(ValidationError) as refused:
        normalize_url(given)
    assert refused.value.code == "mint.invalid_url"
