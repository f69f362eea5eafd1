"""Webhook signatures, checked by the ``standardwebhooks`` package; the retry schedule; URLs."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import time
from email.utils import formatdate

import pytest
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from pos_app.core.errors import ValidationError
from pos_app.core.webhooks import backoff, signing, urls
from pos_app.core.webhooks.catalog import parse_events, wants

BODY = json.dumps({"version": 1, "type": "sale.paid", "data": {"paid": 21}}).encode()


def test_a_new_secret_is_whsec_and_32_random_bytes():
    one, two = signing.new_secret(), signing.new_secret()
    assert one.startswith("whsec_") and one != two
    assert len(base64.b64decode(one.removeprefix("whsec_"))) == 32


def test_the_receiver_library_accepts_our_signature():
    secret = signing.new_secret()
    now = int(time.time())
    headers = signing.headers([secret], "evt_1", now, BODY)
    assert headers["webhook-id"] == "evt_1"
    assert headers["webhook-timestamp"] == str(now)
    assert Webhook(secret).verify(BODY, headers) == json.loads(BODY)


def test_a_tampered_body_a_stale_timestamp_and_another_secret_are_refused():
    secret = signing.new_secret()
    now = int(time.time())
    headers = signing.headers([secret], "evt_1", now, BODY)
    with pytest.raises(WebhookVerificationError):
        Webhook(secret).verify(BODY.replace(b"21", b"22"), headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(signing.new_secret()).verify(BODY, headers)
    # The library's tolerance is 5 minutes: a replay ten minutes later is refused...
    old = signing.headers([secret], "evt_1", now - 600, BODY)
    with pytest.raises(WebhookVerificationError):
        Webhook(secret).verify(BODY, old)
    # ...and one a little over a minute old is still accepted.
    assert Webhook(secret).verify(BODY, signing.headers([secret], "evt_1", now - 70, BODY))


def test_the_signed_content_is_id_timestamp_and_body():
    secret = signing.new_secret()
    key = base64.b64decode(secret.removeprefix("whsec_"))
    expected = hmac.new(key, b"evt_9.1700000000." + BODY, hashlib.sha256).digest()
    assert signing.sign(secret, "evt_9", 1700000000, BODY) == "v1," + base64.b64encode(
        expected
    ).decode("ascii")


def test_during_a_rotation_both_secrets_verify():
    new, old = signing.new_secret(), signing.new_secret()
    headers = signing.headers([new, old], "evt_2", int(time.time()), BODY)
    assert len(headers["webhook-signature"].split(" ")) == 2
    assert Webhook(new).verify(BODY, headers)
    assert Webhook(old).verify(BODY, headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(signing.new_secret()).verify(BODY, headers)


def test_the_btcpay_signature_is_the_hex_hmac_of_the_body_with_the_secret_text():
    secret = signing.new_secret()
    headers = signing.headers([secret], "evt_3", 1, BODY, btcpay=True)
    digest = hmac.new(secret.encode(), BODY, hashlib.sha256).hexdigest()
    assert headers["BTCPay-Sig"] == f"sha256={digest}"
    assert "BTCPay-Sig" not in signing.headers([secret], "evt_3", 1, BODY)


# -- the retry schedule -------------------------------------------------------------------


def test_the_schedule_is_standard_webhooks_with_ten_attempts():
    assert backoff.SCHEDULE == (0, 5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400)
    middle = [backoff.next_delay(n, rand=lambda: 0.5) for n in range(10)]
    assert middle == [float(s) for s in backoff.SCHEDULE]
    assert backoff.next_delay(10) is None
    assert round(sum(backoff.SCHEDULE) / 3600, 1) == 75.6  # "about 75 h"


def test_jitter_stays_within_ten_percent():
    assert backoff.next_delay(2, rand=lambda: 0.0) == pytest.approx(270.0)
    assert backoff.next_delay(2, rand=lambda: 1.0) == pytest.approx(330.0)
    # The last wait is capped at a day even with jitter upwards.
    assert backoff.next_delay(9, rand=lambda: 1.0) == backoff.CAP


def test_retry_after_lengthens_a_wait_but_never_beyond_a_day():
    assert backoff.next_delay(1, retry_after=60, rand=lambda: 0.5) == 60
    assert backoff.next_delay(3, retry_after=60, rand=lambda: 0.5) == 1800
    assert backoff.next_delay(1, retry_after=10 * 86400, rand=lambda: 0.5) == backoff.CAP


def test_retry_after_as_seconds_or_as_a_date():
    now = 1_800_000_000.0
    assert backoff.parse_retry_after("120", now) == 120
    assert backoff.parse_retry_after(formatdate(now + 90, usegmt=True), now) == pytest.approx(90)
    assert backoff.parse_retry_after(formatdate(now - 90, usegmt=True), now) == 0
    # A date "-0000" (no zone) is read as UTC, like the GMT ones.
    naive = formatdate(now + 60, usegmt=True).replace("GMT", "-0000")
    assert backoff.parse_retry_after(naive, now) == pytest.approx(60)
    assert backoff.parse_retry_after("soon", now) is None
    assert backoff.parse_retry_after(None, now) is None


# -- events and addresses -----------------------------------------------------------------


def test_event_lists_are_checked():
    assert parse_events(None) == ["*"]
    assert parse_events("sale.paid, sale.created,sale.paid") == ["sale.created", "sale.paid"]
    with pytest.raises(ValidationError) as err:
        parse_events("sale.paid,sale.payed")
    assert err.value.code == "webhook.unknown_event" and "sale.payed" in err.value.user_message
    assert wants('["*"]', "standard", "mint.offline")
    assert not wants('["sale.paid"]', "standard", "mint.offline")
    assert wants('["*"]', "numo", "sale.paid")
    assert not wants('["*"]', "numo", "sale.created")


SCHEME = "only http:// and https:// addresses can receive webhooks"
CREDENTIALS = "put no user name or password in the address"


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("ftp://example.com/hook", SCHEME),
        ("file:///etc/passwd", SCHEME),
        ("https://", SCHEME),
        ("https://user:pw@example.com/hook", CREDENTIALS),
        ("https://user@example.com/hook", CREDENTIALS),
        ("https://:pw@example.com/hook", CREDENTIALS),
        ("http://metadata.google.internal/computeMetadata", "it is a cloud metadata service"),
        ("http://example.com:99999/", "it is not a valid address"),
        # urlsplit would drop the line break and read the metadata host's http URL
        ("h\nttp://169.254.169.254/latest", "it contains spaces or control characters"),
        ("https://example.com/a hook", "it contains spaces or control characters"),
    ],
)
def test_addresses_refused_by_their_form(url, why):
    with pytest.raises(ValidationError) as err:
        urls.check_url(url)
    assert err.value.code == "webhook.url_refused"
    assert err.value.user_message == f"This webhook address is refused: {why}."
    assert err.value.detail == url


@pytest.mark.parametrize(
    ("address", "private_ok", "refused"),
    [
        ("169.254.169.254", True, True),  # cloud metadata
        ("fe80::1", True, True),  # link-local
        ("::ffff:169.254.169.254", True, True),  # metadata behind an IPv4-mapped address
        ("0.0.0.0", True, True),
        ("127.0.0.1", True, False),
        ("192.168.1.20", True, False),  # the shop's own LAN receiver
        ("127.0.0.1", False, True),
        ("10.0.0.5", False, True),
        ("93.184.216.34", False, False),
    ],
)
def test_addresses_refused_by_where_they_lead(address, private_ok, refused):
    if refused:
        with pytest.raises(ValidationError):
            urls.check_address("https://x/", address, private_ok)
    else:
        urls.check_address("https://x/", address, private_ok)


def test_a_name_is_checked_by_what_it_resolves_to():
    asyncio.run(urls.check_resolved("http://localhost:1/hook", True))
    with pytest.raises(ValidationError) as err:
        asyncio.run(urls.check_resolved("http://localhost:1/hook", False))
    assert err.value.code == "webhook.url_refused"
    assert err.value.detail == "http://localhost:1/hook"


def test_times_in_bodies_are_iso_utc_to_the_second():
    assert backoff.iso(1_800_000_000.9) == "2027-01-15T08:00:00Z"
    assert backoff.iso(0) == "1970-01-01T00:00:00Z"


@pytest.fixture
def far_east(monkeypatch):
    """The computer's clock in Tokyo: what is written as UTC must not follow it."""
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_utc_whatever_the_computers_time_zone(far_east):
    assert backoff.iso(0) == "1970-01-01T00:00:00Z"
    now = 1_800_000_000.0
    naive = formatdate(now + 60, usegmt=True).replace("GMT", "-0000")
    assert backoff.parse_retry_after(naive, now) == pytest.approx(60)


def test_an_address_gives_its_host_and_port():
    assert urls.check_url("https://Shop.Example/hook") == ("shop.example", 443)
    assert urls.check_url("http://shop.example/hook") == ("shop.example", 80)
    assert urls.check_url("http://192.168.1.20:8080/hook") == ("192.168.1.20", 8080)


@pytest.mark.parametrize(
    ("url", "address", "private_ok", "why"),
    [
        ("https://x/", "169.254.169.254", True, "it is a cloud metadata service"),
        ("https://x/", "fe80::1%eth0", True, "it is a link-local or reserved address"),
        (
            "http://lan/",
            "10.0.0.5",
            False,
            "it is a private or local address (allowed by the setting webhooks.allow_private)",
        ),
    ],
)
def test_a_refusal_says_why_and_names_the_address(url, address, private_ok, why):
    with pytest.raises(ValidationError) as err:
        urls.check_address(url, address, private_ok)
    assert err.value.user_message == f"This webhook address is refused: {why}."
    assert err.value.detail == url


def test_a_malformed_or_unknown_address_is_refused_with_its_reason():
    with pytest.raises(ValidationError) as err:
        urls.check_url("http://example.com:99999/")
    assert err.value.user_message == "This webhook address is refused: it is not a valid address."
    assert err.value.detail == "http://example.com:99999/"
    with pytest.raises(ValidationError) as err:
        asyncio.run(urls.check_resolved("http://no-such-host.invalid/hook", True))
    assert err.value.code == "webhook.unresolvable"
    assert err.value.user_message == "The webhook address's host name is not known."
    assert err.value.detail == "no-such-host.invalid"


def test_an_edited_endpoint_keeps_its_secret_and_is_checked_like_a_new_one(tmp_path, monkeypatch):
    import asyncio

    from pos_app.core.errors import PosError
    from pos_app.core.store.schema import WebhookEndpoint
    from tests.support.fakemint import FakeMint
    from tests.support.fakeshop import DB_KEY, open_shop

    monkeypatch.setenv("POS_DB_KEY", DB_KEY)

    async def main():
        app = open_shop(tmp_path / "shop", FakeMint())
        try:
            added = await app.webhooks.add("https://a.example/hook", "sale.paid")
            edited = await app.webhooks.edit(added["id"], events="sale.paid,sale.cancelled")
            moved = await app.webhooks.edit(added["id"], url="https://b.example/h", fmt="numo")
            refused = []
            for change in ({"url": "ftp://b.example"}, {"fmt": "xml"}, {"events": "sale.eaten"}):
                try:
                    await app.webhooks.edit(added["id"], **change)
                except PosError as exc:
                    refused.append(exc.code)
            secret = app.db.transact(lambda s: s.get(WebhookEndpoint, added["id"]).secret)
            return added, edited, moved, refused, secret, await app.webhooks.list()
        finally:
            await app.aclose()

    added, edited, moved, refused, secret, listed = asyncio.run(main())
    assert edited["events"] == ["sale.paid", "sale.cancelled"] and edited["url"] == added["url"]
    assert (moved["url"], moved["format"], moved["events"]) == (
        "https://b.example/h",
        "numo",
        ["sale.paid", "sale.cancelled"],
    )
    assert refused[1:] == ["webhook.unknown_format", "webhook.unknown_event"]
    assert refused[0].startswith("webhook.")
    assert secret == added["secret"]  # the receiver keeps verifying with the same secret
    assert [e["url"] for e in listed] == ["https://b.example/h"]
