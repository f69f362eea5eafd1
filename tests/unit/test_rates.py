"""Exchange rates against a local rate server, conversions and amount parsing."""

from __future__ import annotations

import asyncio
from decimal import Decimal
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos_app.core.errors import Category, ConfigError, NetworkError, ValidationError
from pos_app.core.payments.rates import (
    UNAVAILABLE_MESSAGE,
    Rate,
    RateService,
    extract_path,
    fiat_to_sat,
    parse_amount,
    parse_price,
    sat_to_fiat,
)
from tests.support.rateserver import RateServer

# Long enough for a loopback answer on two busy cores (0.5 s was not, for the LNURL
# tests' server); the one source that never answers is waited for this long.
TIMEOUT = httpx.Timeout(2.0)


class Clock:
    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


async def with_service(
    sources: list[dict[str, str]],
    body: Any,
    *,
    fixed: Any = 0,
    max_age: float = 60,
    clock: Clock | None = None,
    **kwargs: Any,
) -> Any:
    async with httpx.AsyncClient(trust_env=False) as http:
        service = RateService(
            http, sources, fixed, max_age, clock or Clock(), timeout=TIMEOUT, **kwargs
        )
        return await body(service)


def eur(server: RateServer, path: str = "/eur", price: Any = "61234.56") -> dict[str, str]:
    return {"url": server.set(path, {"data": {"rates": {"EUR": price}}}), "path": "data.rates.EUR"}


# -- path extraction and price parsing ----------------------------------------------------------


def test_extract_path_dicts_lists_and_root() -> None:
    doc = {"data": {"rates": {"EUR": 5}}, "list": [{"price": 7}, {"price": 8}]}
    assert extract_path(doc, "data.rates.EUR") == 5
    assert extract_path(doc, "list.1.price") == 8
    assert extract_path([{"price": 3}], "0.price") == 3
    assert extract_path(42, "") == 42


@pytest.mark.parametrize("path", ["data.rates.USD", "list.2.price", "list.x", "data.rates.EUR.x"])
def test_extract_path_missing_raises_value_error(path: str) -> None:
    doc = {"data": {"rates": {"EUR": 5}}, "list": [{"price": 7}, {"price": 8}]}
    with pytest.raises(ValueError):
        extract_path(doc, path)


def test_parse_price_accepts_numbers_and_numeric_strings() -> None:
    assert parse_price(61234) == Decimal(61234)
    assert parse_price(Decimal("61234.56")) == Decimal("61234.56")
    assert parse_price(" 61234.56 ") == Decimal("61234.56")
    assert parse_price("6.1e4") == Decimal("61000")
    assert parse_price(61234.5) == Decimal("61234.5")


@pytest.mark.parametrize(
    "value",
    [0, -5, "0", "-61000", "NaN", "Infinity", "abc", "", True, None, [1], {"p": 1}, "1e20", 1e20,
     Decimal("NaN"), float("inf"), "0.5", "61_000", "61,000"],
)  # fmt: skip
def test_parse_price_rejects_bad_values(value: Any) -> None:
    with pytest.raises(ValueError):
        parse_price(value)


# -- service: cache, failover, fallbacks --------------------------------------------------------


def test_fetches_and_returns_exact_decimal(rate_server: RateServer) -> None:
    source = {"url": rate_server.set("/p", b'{"price": 61234.56}'), "path": "price"}

    async def body(service: RateService) -> Rate:
        return await service.rate("EUR")

    rate = asyncio.run(with_service([source], body))
    assert rate.btc_price == Decimal("61234.56")
    assert rate.currency == "EUR"
    assert rate.source == source["url"]
    assert rate.fetched_at == 1_000_000.0


def test_cache_hit_within_max_age_makes_no_request(rate_server: RateServer) -> None:
    clock = Clock()
    source = eur(rate_server)

    async def body(service: RateService) -> tuple[Rate, Rate]:
        first = await service.rate("EUR")
        clock.now += 59
        return first, await service.rate("eur")

    first, second = asyncio.run(with_service([source], body, clock=clock))
    assert first is second
    assert rate_server.count("/eur") == 1


def test_refresh_after_max_age(rate_server: RateServer) -> None:
    clock = Clock()
    source = eur(rate_server)

    async def body(service: RateService) -> tuple[Rate, Rate]:
        first = await service.rate("EUR")
        eur(rate_server, price=70000)
        clock.now += 60
        return first, await service.rate("EUR")

    first, second = asyncio.run(with_service([source], body, clock=clock))
    assert rate_server.count("/eur") == 2
    assert first.btc_price == Decimal("61234.56")
    assert second.btc_price == Decimal(70000)
    assert second.fetched_at == clock.now


@pytest.mark.parametrize("mode", ["500", "invalid_json", "hang", "wrong_shape", "404"])
def test_failover_to_second_source(rate_server: RateServer, mode: str) -> None:
    broken = {"url": rate_server.fail("/broken", mode), "path": "data.rates.EUR"}
    good = eur(rate_server, "/good")

    async def body(service: RateService) -> Rate:
        return await service.rate("EUR")

    rate = asyncio.run(with_service([broken, good], body))
    assert rate.source == good["url"]
    assert rate.btc_price == Decimal("61234.56")
    assert rate_server.count("/broken") == 1
    assert rate_server.count("/good") == 1


@pytest.mark.parametrize("price", ["0", -1, "NaN", "1e20", True, "oops"])
def test_failover_on_implausible_values(rate_server: RateServer, price: Any) -> None:
    bad = eur(rate_server, "/bad", price=price)
    good = eur(rate_server, "/good", price="50000")

    async def body(service: RateService) -> Rate:
        return await service.rate("EUR")

    assert asyncio.run(with_service([bad, good], body)).btc_price == Decimal(50000)


def test_failover_on_unreachable_source(rate_server: RateServer) -> None:
    with RateServer() as dead:
        url = dead.url("/gone")
    good = eur(rate_server)

    async def body(service: RateService) -> Rate:
        return await service.rate("EUR")

    assert asyncio.run(with_service([{"url": url, "path": ""}, good], body)).source == good["url"]


def test_fallback_to_fixed_rate(rate_server: RateServer) -> None:
    broken = {"url": rate_server.fail("/broken", "500"), "path": "x"}

    async def body(service: RateService) -> Rate:
        return await service.rate("EUR")

    rate = asyncio.run(with_service([broken], body, fixed=55000.5, shop_currency="EUR"))
    assert rate.source == "fixed"
    assert rate.btc_price == Decimal("55000.5")
    assert rate_server.count("/broken") == 1


def test_fixed_rate_only_for_shop_currency(rate_server: RateServer) -> None:
    async def body(service: RateService) -> Rate:
        return await service.rate("USD")

    with pytest.raises(NetworkError) as info:
        asyncio.run(with_service([], body, fixed=55000, shop_currency="EUR"))
    assert info.value.code == "rate.unavailable"


def test_stale_cache_refused_beyond_max_age(rate_server: RateServer) -> None:
    clock = Clock()
    source = eur(rate_server)

    async def body(service: RateService) -> None:
        await service.rate("EUR")
        rate_server.fail("/eur", "500")
        clock.now += 61
        assert service.cached("EUR") is None
        await service.rate("EUR")

    with pytest.raises(NetworkError) as info:
        asyncio.run(with_service([source], body, clock=clock))
    assert info.value.code == "rate.unavailable"
    assert rate_server.count("/eur") == 2


def test_stale_cache_beyond_max_age_falls_to_fixed(rate_server: RateServer) -> None:
    clock = Clock()
    source = eur(rate_server)

    async def body(service: RateService) -> Rate:
        await service.rate("EUR")
        rate_server.fail("/eur", "500")
        clock.now += 61
        return await service.rate("EUR")

    rate = asyncio.run(
        with_service([source], body, clock=clock, fixed="40000", shop_currency="EUR")
    )
    assert (rate.source, rate.btc_price) == ("fixed", Decimal(40000))


def test_failed_early_refresh_uses_cache_within_max_age(rate_server: RateServer) -> None:
    clock = Clock()
    source = eur(rate_server)

    async def body(service: RateService) -> tuple[Rate, Rate]:
        first = await service.rate("EUR")
        rate_server.fail("/eur", "500")
        clock.now += 45  # past refresh_after, within max_age
        return first, await service.rate("EUR")

    first, second = asyncio.run(with_service([source], body, clock=clock, refresh_after=30))
    assert second is first
    assert rate_server.count("/eur") == 2


def test_rate_unavailable_error(rate_server: RateServer) -> None:
    broken = {"url": rate_server.fail("/broken", "invalid_json"), "path": "x"}

    async def body(service: RateService) -> Rate:
        return await service.rate("EUR")

    with pytest.raises(NetworkError) as info:
        asyncio.run(with_service([broken], body))
    error = info.value
    assert error.code == "rate.unavailable"
    assert error.category is Category.NETWORK
    assert error.user_message == UNAVAILABLE_MESSAGE
    assert "/broken" in error.detail
    assert "not valid JSON" in error.detail
    assert error.data == {"currency": "EUR"}


def test_no_sources_and_no_fixed_is_unavailable() -> None:
    async def body(service: RateService) -> Rate:
        return await service.rate("EUR")

    with pytest.raises(NetworkError, match="No exchange rate"):
        asyncio.run(with_service([], body))


def test_currency_placeholder_and_tagged_sources(rate_server: RateServer) -> None:
    rate_server.set("/price/usd", {"bitcoin": {"usd": 66000}})
    rate_server.set("/price/eur", {"bitcoin": {"eur": 61000}})
    template = {"url": rate_server.url("/price/{currency}"), "path": "bitcoin.{currency}"}
    tagged = {
        "url": rate_server.set("/chf", [{"price": "59000.10"}]),
        "path": "0.price",
        "currency": "chf",
    }

    async def body(service: RateService) -> tuple[Rate, Rate]:
        eur_rate = await service.rate("EUR")
        chf_rate = await service.rate("CHF")
        with pytest.raises(NetworkError):
            await service.rate("USD")  # the untagged template serves the shop currency only
        return eur_rate, chf_rate

    eur_rate, chf_rate = asyncio.run(with_service([template, tagged], body, shop_currency="EUR"))
    assert eur_rate.btc_price == Decimal(61000)
    assert eur_rate.source == rate_server.url("/price/eur")
    assert chf_rate.btc_price == Decimal("59000.10")
    assert rate_server.count("/price/usd") == 0
    assert rate_server.count("/chf") == 1


def test_sat_needs_no_source() -> None:
    async def body(service: RateService) -> Rate:
        return await service.rate("sats")

    rate = asyncio.run(with_service([], body))
    assert (rate.currency, rate.btc_price, rate.source) == ("sat", Decimal(100_000_000), "unit")


def test_concurrent_callers_share_one_fetch(rate_server: RateServer) -> None:
    path = "/slow"
    rate_server.set(path, {"p": 61000}, delay=0.3)
    source = {"url": rate_server.url(path), "path": "p"}

    async def body(service: RateService) -> list[Rate]:
        return await asyncio.gather(*(service.rate("EUR") for _ in range(25)))

    rates = asyncio.run(with_service([source], body))
    assert rate_server.count(path) == 1
    assert {r.btc_price for r in rates} == {Decimal(61000)}


def test_cancelled_caller_does_not_cancel_shared_fetch(rate_server: RateServer) -> None:
    rate_server.set("/slow", {"p": 61000}, delay=0.3)
    source = {"url": rate_server.url("/slow"), "path": "p"}

    async def body(service: RateService) -> Rate:
        impatient = asyncio.create_task(service.rate("EUR"))
        patient = asyncio.create_task(service.rate("EUR"))
        await asyncio.sleep(0.05)
        impatient.cancel()
        return await patient

    assert asyncio.run(with_service([source], body)).btc_price == Decimal(61000)
    assert rate_server.count("/slow") == 1


def test_owned_client_is_closed() -> None:
    async def body() -> None:
        service = RateService(None, [], 50000, 60, trust_env=False)
        assert (await service.rate("EUR")).source == "fixed"
        await service.aclose()
        assert service._http.is_closed

    asyncio.run(body())


@pytest.mark.parametrize(
    "sources", [[{"path": "x"}], [{"url": 5, "path": "x"}], [{"url": "u", "path": 3}], ["x"]]
)
def test_malformed_sources_are_config_errors(sources: list[Any]) -> None:
    with pytest.raises(ConfigError) as info:
        RateService(httpx.AsyncClient(trust_env=False), sources, 0, 60)
    assert info.value.code == "rate.source_invalid"


@pytest.mark.parametrize("fixed", [-1, "abc", "1e30"])
def test_bad_fixed_rate_is_config_error(fixed: Any) -> None:
    with pytest.raises(ConfigError) as info:
        RateService(httpx.AsyncClient(trust_env=False), [], fixed, 60)
    assert info.value.code == "rate.fixed_invalid"


def test_rate_round_trips_through_dict() -> None:
    rate = Rate("EUR", Decimal("61234.56"), "https://x", 12.5)
    assert Rate.from_dict(rate.to_dict()) == rate
    with pytest.raises(ValidationError) as info:
        Rate.from_dict({"currency": "EUR", "btc_price": "-3", "source": "x", "fetched_at": 1})
    assert info.value.code == "rate.invalid"


# -- conversions ----------------------------------------------------------------------------------


def rate_of(price: str, currency: str = "EUR") -> Rate:
    return Rate(currency, Decimal(price), "test", 0.0)


def test_fiat_to_sat_known_values() -> None:
    assert fiat_to_sat(Decimal("1.00"), rate_of("50000")) == 2000
    assert fiat_to_sat(Decimal("0.01"), rate_of("61234.56")) == 17  # 16.33 rounds up
    assert fiat_to_sat(Decimal("4.50"), rate_of("61234.56")) == 7349  # 7348.78...
    assert fiat_to_sat(Decimal("0"), rate_of("61234.56")) == 0
    assert fiat_to_sat(Decimal("1"), rate_of("100000000")) == 1  # exact, not rounded up
    assert fiat_to_sat(Decimal("2100"), rate_of("1", "sat")) == 2100


def test_sat_to_fiat_known_values() -> None:
    assert sat_to_fiat(2000, rate_of("50000")) == Decimal("1.00")
    assert sat_to_fiat(17, rate_of("61234.56")) == Decimal("0.01")
    assert sat_to_fiat(7349, rate_of("61234.56")) == Decimal("4.50")
    assert sat_to_fiat(1, rate_of("500000")) == Decimal("0.01")  # 0.005 rounds half up
    assert sat_to_fiat(1, rate_of("499999")) == Decimal("0.00")
    assert str(sat_to_fiat(0, rate_of("61234.56"))) == "0.00"
    assert sat_to_fiat(2100, rate_of("1", "sat")) == Decimal(2100)


@pytest.mark.parametrize("bad", [Decimal("-1"), Decimal("NaN"), Decimal("Infinity")])
def test_fiat_to_sat_rejects_bad_amounts(bad: Decimal) -> None:
    with pytest.raises(ValidationError) as info:
        fiat_to_sat(bad, rate_of("50000"))
    assert info.value.code == "amount.invalid"


@pytest.mark.parametrize("bad", [-1, 1.5, True, "3"])
def test_sat_to_fiat_rejects_bad_amounts(bad: Any) -> None:
    with pytest.raises(ValidationError) as info:
        sat_to_fiat(bad, rate_of("50000"))
    assert info.value.code == "amount.invalid"


prices = st.decimals(
    min_value=Decimal("1"), max_value=Decimal("1e12"), places=4, allow_nan=False
).filter(lambda d: d > 0)
fiat_amounts = st.decimals(
    min_value=Decimal("0"), max_value=Decimal("1000000"), places=2, allow_nan=False
)


@settings(max_examples=500, deadline=None)
@given(amount=fiat_amounts, price=prices)
def test_fiat_to_sat_never_undercharges(amount: Decimal, price: Decimal) -> None:
    rate = Rate("EUR", price, "test", 0.0)
    sat = fiat_to_sat(amount, rate)
    assert sat_to_fiat(sat, rate) >= amount
    # and it is the smallest such whole sat: one less would undercharge in exact terms
    assert sat == 0 or Decimal(sat - 1) * price < amount * 100_000_000


# -- amount parsing -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("4.50", "4.50"), ("4,50", "4.50"), ("4.5", "4.5"), ("4", "4"), (" 12.00 ", "12.00"),
     (".5", "0.5"), (",75", "0.75"), ("4.", "4"), ("0.01", "0.01"),
     ("007.10", "7.10"), ("\u00a04.50\t", "4.50")],
)  # fmt: skip
def test_parse_amount_fiat(text: str, expected: str) -> None:
    assert parse_amount(text, "EUR") == Decimal(expected)


@pytest.mark.parametrize(
    "text",
    ["", " ", "-4.50", "+4.50", "4.505", "4,505", "abc", "4.50€", "€4.50", "1,234.50", "1.2.3",
     "0", "0.00", "4 50", "1 234,50", "NaN", "Infinity", "1e3", "٣", "4..5", ".", ",", "1" * 13],
)  # fmt: skip
def test_parse_amount_fiat_rejects(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_amount(text, "EUR")
    assert info.value.code == "amount.invalid"
    assert info.value.user_message


def test_parse_amount_sat() -> None:
    assert parse_amount("2100", "sat") == Decimal(2100)
    assert parse_amount(" 21 ", "SATS") == Decimal(21)
    for text in ["21.5", "21,0", "-21", "2.1e3", "", "abc", "0", str(21_000_001 * 10**8)]:
        with pytest.raises(ValidationError) as info:
            parse_amount(text, "sat")
        assert info.value.code == "amount.invalid"


def test_parse_amount_rejects_non_text() -> None:
    with pytest.raises(ValidationError):
        parse_amount(4.5, "EUR")  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_parse_amount_never_crashes(text: str) -> None:
    for currency in ("EUR", "sat"):
        try:
            value = parse_amount(text, currency)
        except ValidationError as exc:
            assert exc.code == "amount.invalid"
        else:
            assert value > 0


@settings(max_examples=300, deadline=None)
@given(fiat_amounts.filter(lambda d: d > 0))
def test_parse_amount_round_trips_formatted_fiat(amount: Decimal) -> None:
    text = f"{amount:.2f}"
    assert parse_amount(text, "EUR") == amount
    assert parse_amount(text.replace(".", ","), "EUR") == amount
