"""URLs in the settings: a space or control character is refused, not dropped by the parser."""

from __future__ import annotations

import pytest

from pos_app.core.config import OPTIONS
from pos_app.core.errors import ConfigError

# urlsplit drops tabs and line breaks before parsing, so these parse as https URLs while
# the text kept (and later requested) is none.
BROKEN = [
    "h\rttps://pay.example/lnurlp/shop",
    "https://pay.example/ln\turlp",
    "https://pay .example/",
]


@pytest.mark.parametrize("url", BROKEN)
def test_a_lightning_address_url_with_a_blank_or_control_character_is_refused(url):
    with pytest.raises(ConfigError) as refused:
        OPTIONS["lightning.address"].parse(url)
    assert refused.value.data["key"] == "lightning.address"


@pytest.mark.parametrize("url", BROKEN)
def test_a_rate_source_with_a_blank_or_control_character_is_refused(url):
    with pytest.raises(ConfigError) as refused:
        OPTIONS["rate.sources"].parse([{"url": url, "path": "data.rates.EUR"}])
    assert refused.value.data["key"] == "rate.sources"


def test_the_same_addresses_written_plainly_are_kept():
    url = "https://pay.example/lnurlp/shop"
    assert OPTIONS["lightning.address"].parse(url) == url
    source = {"url": "https://pay.example/", "path": "data.rates.EUR"}
    assert OPTIONS["rate.sources"].parse([source]) == [source]
