"""Exchange rates (price of one bitcoin in a fiat currency) and money conversions.

:class:`RateService` asks the configured sources in order, caches the first good
answer per currency for ``max_age_seconds``, and falls back to the owner's fixed
rate. Concurrent callers for one currency share one in-flight fetch.

Money never passes through ``float``: JSON numbers are parsed as
:class:`~decimal.Decimal` and conversions use exact fractions. Converting a fiat
price to sats rounds *up* to a whole sat, so the shop never undercharges.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import re
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

import httpx

from pos_app.core.errors import ConfigError, NetworkError, ValidationError

log = logging.getLogger(__name__)

SAT = "sat"
SATS_PER_BTC = 100_000_000
DEFAULT_TIMEOUT = httpx.Timeout(5.0, connect=3.0)
MAX_BODY_BYTES = 1_000_000
# Plausibility bounds for one bitcoin in any fiat currency (from the strongest, KWD, to the
# weakest, IRR/VND); a value outside them is a broken source, not a market move.
MIN_BTC_PRICE = Decimal("1")
MAX_BTC_PRICE = Decimal("1e13")
FIAT_DECIMALS = 2
MAX_FIAT_INTEGER_DIGITS = 12
MAX_SAT = 21_000_000 * SATS_PER_BTC

UNAVAILABLE_MESSAGE = (
    "No exchange rate is available. Check the internet connection or set a fixed rate in Settings."
)


def normalize_currency(currency: str) -> str:
    """``sat`` for sat/sats (any case), otherwise the upper-case code."""
    text = str(currency).strip()
    return SAT if text.lower() in ("sat", "sats") else text.upper()


@dataclass(frozen=True, slots=True)
class Rate:
    """The price of one bitcoin in ``currency``.

    Attributes:
        currency: upper-case ISO code, or ``sat`` (then ``btc_price`` is 100,000,000).
        btc_price: price of one bitcoin, exact decimal.
        source: the URL it came from, ``fixed`` (the owner's setting) or ``unit`` (sat).
        fetched_at: clock time when it was obtained.
    """

    currency: str
    btc_price: Decimal
    source: str
    fetched_at: float

    def age(self, now: float) -> float:
        """Seconds since the rate was obtained."""
        return now - self.fetched_at

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form (the price as a decimal string) for storing a sale's locked rate."""
        return {
            "currency": self.currency,
            "btc_price": str(self.btc_price),
            "source": self.source,
            "fetched_at": self.fetched_at,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Rate:
        """Inverse of :meth:`to_dict`.

        Raises:
            ValidationError: ``rate.invalid`` for a missing field or a bad price.
        """
        try:
            price = parse_price(data["btc_price"])
            return cls(
                normalize_currency(data["currency"]),
                price,
                str(data["source"]),
                float(data["fetched_at"]),
            )
        except (KeyError, TypeError, ValueError, OverflowError) as exc:
            raise ValidationError(
                "rate.invalid", "The stored exchange rate is damaged.", repr(exc)
            ) from None


def unit_rate(now: float) -> Rate:
    """The identity rate for a shop that prices in sat."""
    return Rate(SAT, Decimal(SATS_PER_BTC), "unit", now)


@dataclass(frozen=True, slots=True)
class RateSource:
    """One configured source: ``url`` (may contain ``{currency}``), ``path``, optional tag."""

    url: str
    path: str = ""
    currency: str | None = None

    def applies_to(self, currency: str, shop_currency: str | None) -> bool:
        """Tagged sources serve their currency; untagged ones serve the shop currency."""
        if self.currency is not None:
            return self.currency == currency
        return shop_currency is None or shop_currency == currency

    def url_for(self, currency: str) -> str:
        """The URL with ``{currency}`` replaced by the lower-case code."""
        return self.url.replace("{currency}", currency.lower())

    def path_for(self, currency: str) -> str:
        """The path with ``{currency}`` replaced by the lower-case code."""
        return self.path.replace("{currency}", currency.lower())


def parse_sources(sources: Iterable[Mapping[str, Any] | RateSource]) -> list[RateSource]:
    """Turn the ``rate.sources`` setting into :class:`RateSource` objects.

    Raises:
        ConfigError: ``rate.source_invalid`` for an entry without a text url/path.
    """
    out: list[RateSource] = []
    for item in sources or ():
        if isinstance(item, RateSource):
            out.append(item)
            continue
        url = item.get("url") if isinstance(item, Mapping) else None
        path = item.get("path", "") if isinstance(item, Mapping) else None
        tag = item.get("currency") if isinstance(item, Mapping) else None
        if (
            not isinstance(url, str)
            or not isinstance(path, str)
            or not (tag is None or isinstance(tag, str))
        ):
            raise ConfigError(
                "rate.source_invalid",
                "An exchange rate source is not valid; check it in Settings.",
                repr(item)[:200],
            )
        out.append(RateSource(url, path, normalize_currency(tag) if tag else None))
    return out


# -- value extraction -----------------------------------------------------------------------

_PRICE_TEXT = re.compile(r"[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]{1,3})?|\.[0-9]+", re.ASCII)


def extract_path(document: Any, path: str) -> Any:
    """Follow dotted ``path`` (dict keys, or list indexes as digits) into ``document``.

    An empty path returns the document itself.

    Raises:
        ValueError: a key or index is missing (the message says which).
    """
    node = document
    if not path:
        return node
    for part in path.split("."):
        if isinstance(node, list):
            if not part.isdigit() or not part.isascii() or int(part) >= len(node):
                raise ValueError(f"no index {part!r} in a list of {len(node)}")
            node = node[int(part)]
        elif isinstance(node, dict):
            if part not in node:
                raise ValueError(f"no key {part!r}")
            node = node[part]
        else:
            raise ValueError(f"cannot look up {part!r} in a {type(node).__name__}")
    return node


def parse_price(value: Any) -> Decimal:
    """A plausible bitcoin price from a JSON number or a numeric string.

    Raises:
        ValueError: not a number, not finite, not positive, or outside the bounds.
    """
    if isinstance(value, bool):
        raise ValueError("a boolean is not a price")
    if isinstance(value, int):
        price = Decimal(value)
    elif isinstance(value, Decimal):
        price = value
    elif isinstance(value, float):
        price = Decimal(repr(value))
    elif isinstance(value, str):
        text = value.strip()
        if not _PRICE_TEXT.fullmatch(text):
            raise ValueError(f"{value[:40]!r} is not a number")
        price = Decimal(text)
    else:
        raise ValueError(f"a {type(value).__name__} is not a price")
    if not price.is_finite():
        raise ValueError(f"{price} is not a finite number")
    if price <= 0:
        raise ValueError(f"{price} is not positive")
    if not MIN_BTC_PRICE <= price <= MAX_BTC_PRICE:
        raise ValueError(f"{price} is outside the plausible range")
    return price


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _loads(body: bytes) -> Any:
    # Decimal for fractions keeps money exact; NaN/Infinity are not JSON and are refused.
    return json.loads(body, parse_float=Decimal, parse_constant=_reject_constant)


# -- service ----------------------------------------------------------------------------------


class RateService:
    """Fetches, caches and falls back for exchange rates.

    Args:
        http: shared client; a new one is made (and closed by :meth:`aclose`) when None.
        sources: the ``rate.sources`` setting (dicts with url, path, optional currency)
            or :class:`RateSource` objects, in the order to try.
        fixed: the ``rate.fixed`` setting, price of one bitcoin in the shop currency
            (0 or None: no fixed rate).
        max_age_seconds: a fetched rate is served from cache while younger than this,
            and never used once older.
        clock: time source (tests pass a fake).
        shop_currency: the currency untagged sources and the fixed rate apply to;
            None applies them to every currency asked for.
        refresh_after: age after which a fetch is attempted (default: max_age_seconds).
            With a smaller value, a failed refresh falls back to the cached rate while
            it is still younger than max_age_seconds.
        trust_env: for an owned client, let httpx read proxy variables (tests pass False).
        timeout: per-request timeout.

    Raises:
        ConfigError: ``rate.source_invalid`` for a malformed source entry.
    """

    def __init__(
        self,
        http: httpx.AsyncClient | None,
        sources: Iterable[Mapping[str, Any] | RateSource],
        fixed: Decimal | float | int | str | None,
        max_age_seconds: float,
        clock: Callable[[], float] = time.time,
        *,
        shop_currency: str | None = None,
        refresh_after: float | None = None,
        trust_env: bool = True,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
    ) -> None:
        self.sources = parse_sources(sources)
        self.fixed = self._parse_fixed(fixed)
        self.max_age = float(max_age_seconds)
        self.refresh_after = (
            self.max_age if refresh_after is None else min(self.max_age, refresh_after)
        )
        self.clock = clock
        self.shop_currency = normalize_currency(shop_currency) if shop_currency else None
        self.timeout = timeout
        self._own_http = http is None
        self._http = http or httpx.AsyncClient(timeout=timeout, trust_env=trust_env)
        self._cache: dict[str, Rate] = {}
        self._inflight: dict[str, asyncio.Task[Rate | None]] = {}
        self._last_errors: dict[str, str] = {}

    @staticmethod
    def _parse_fixed(fixed: Decimal | float | int | str | None) -> Decimal | None:
        if fixed is None or fixed == 0:
            return None
        try:
            value = parse_price(str(fixed) if isinstance(fixed, float) else fixed)
        except ValueError as exc:
            raise ConfigError(
                "rate.fixed_invalid",
                "The fixed exchange rate is not a plausible price of one bitcoin.",
                str(exc),
            ) from None
        return value

    async def aclose(self) -> None:
        """Close the HTTP client if this service made it."""
        for task in self._inflight.values():
            task.cancel()
        if self._own_http:
            await self._http.aclose()

    def cached(self, currency: str) -> Rate | None:
        """The cached rate for ``currency`` if still younger than max_age, else None."""
        rate = self._cache.get(normalize_currency(currency))
        if rate is not None and 0 <= rate.age(self.clock()) < self.max_age:
            return rate
        return None

    async def rate(self, currency: str) -> Rate:
        """The current price of one bitcoin in ``currency``.

        Order: fresh cache, the sources (first good answer wins and is cached), a
        cached rate still younger than max_age, the fixed rate.

        Raises:
            NetworkError: ``rate.unavailable`` when none of these gives a rate.
        """
        code = normalize_currency(currency)
        now = self.clock()
        if code == SAT:
            return unit_rate(now)
        cached = self._cache.get(code)
        if cached is not None and 0 <= cached.age(now) < self.refresh_after:
            return cached
        task = self._inflight.get(code)
        if task is None:
            task = asyncio.get_running_loop().create_task(self._fetch(code))
            self._inflight[code] = task
            task.add_done_callback(lambda _t, c=code: self._inflight.pop(c, None))
        # shield: one caller giving up must not cancel the fetch the others wait for.
        fetched = await asyncio.shield(task)
        if fetched is not None:
            return fetched
        fallback = self.cached(code)
        if fallback is not None:
            log.warning("rate sources failed; using cached %s rate from %s", code, fallback.source)
            return fallback
        if self.fixed is not None and (self.shop_currency in (None, code)):
            log.warning("rate sources failed; using the fixed %s rate", code)
            return Rate(code, self.fixed, "fixed", self.clock())
        raise NetworkError(
            "rate.unavailable",
            UNAVAILABLE_MESSAGE,
            self._last_errors.get(code, "no source configured"),
            data={"currency": code},
        )

    async def _fetch(self, currency: str) -> Rate | None:
        errors: list[str] = []
        for source in self.sources:
            if not source.applies_to(currency, self.shop_currency):
                continue
            url = source.url_for(currency)
            try:
                price = parse_price(extract_path(await self._get(url), source.path_for(currency)))
            except (_SourceFailed, ValueError) as exc:
                errors.append(f"{url}: {exc}")
            else:
                rate = Rate(currency, price, url, self.clock())
                self._cache[currency] = rate
                return rate
        detail = "; ".join(errors) or f"no source for {currency}"
        if errors:
            log.warning("exchange rate sources failed for %s: %s", currency, detail)
        self._last_errors[currency] = detail
        return None

    async def _get(self, url: str) -> Any:
        try:
            async with self._http.stream("GET", url, timeout=self.timeout) as response:
                if response.status_code != 200:
                    raise _SourceFailed(f"HTTP {response.status_code}")
                body = bytearray()
                async for chunk in response.aiter_bytes():
                    body += chunk
                    if len(body) > MAX_BODY_BYTES:
                        raise _SourceFailed("answer too large")
        except httpx.TimeoutException:
            raise _SourceFailed("timed out") from None
        except (httpx.HTTPError, OSError) as exc:
            raise _SourceFailed(f"unreachable ({type(exc).__name__})") from None
        try:
            return _loads(bytes(body))
        except (ValueError, RecursionError):
            raise _SourceFailed("answer is not valid JSON") from None


class _SourceFailed(Exception):
    """One source did not give a usable answer (kept internal; callers see rate.unavailable)."""


# -- conversions ------------------------------------------------------------------------------


def _amount_error(detail: str, message: str = "This amount is not valid.") -> ValidationError:
    return ValidationError("amount.invalid", message, detail)


def fiat_to_sat(amount: Decimal, rate: Rate) -> int:
    """Sats due for ``amount`` of ``rate.currency``, rounded UP to a whole sat.

    Rounding up means the shop never receives less than the price it typed:
    ``sat_to_fiat(fiat_to_sat(x, r), r) >= x``. For a sat rate the amount is
    already in sat (a fraction is rounded up too).

    Raises:
        ValidationError: ``amount.invalid`` for a negative or non-finite amount.
    """
    if not isinstance(amount, Decimal):
        amount = Decimal(str(amount))
    if not amount.is_finite() or amount < 0:
        raise _amount_error(f"cannot convert {amount}")
    if rate.currency == SAT:
        return math.ceil(Fraction(amount))
    return math.ceil(Fraction(amount) * SATS_PER_BTC / Fraction(rate.btc_price))


def sat_to_fiat(sat: int, rate: Rate) -> Decimal:
    """The value of ``sat`` in ``rate.currency``, quantized to 2 decimals (half up).

    For a sat rate the result is ``Decimal(sat)`` (whole sats, no decimals).

    Raises:
        ValidationError: ``amount.invalid`` for a negative or non-integer sat amount.
    """
    if isinstance(sat, bool) or not isinstance(sat, int) or sat < 0:
        raise _amount_error(f"cannot convert {sat!r} sat")
    if rate.currency == SAT:
        return Decimal(sat)
    scale = 10**FIAT_DECIMALS
    exact = Fraction(sat) * Fraction(rate.btc_price) / SATS_PER_BTC
    cents = math.floor(exact * scale + Fraction(1, 2))  # half up; exact is never negative
    return (Decimal(cents) / scale).quantize(Decimal(1).scaleb(-FIAT_DECIMALS))


_FIAT_TEXT = re.compile(r"([0-9]+)(?:[.,]([0-9]*))?|[.,]([0-9]+)", re.ASCII)
_SAT_TEXT = re.compile(r"[0-9]+", re.ASCII)


def parse_amount(text: str, currency: str) -> Decimal:
    """The cashier's amount text as a Decimal in ``currency``.

    Fiat accepts ``4.50``, ``4,50``, ``4.5``, ``4``, ``.5``; at most 2 decimals,
    no sign, no thousands separators, no inner spaces. ``sat`` accepts whole
    numbers only. Surrounding spaces are ignored. Zero is refused: a sale needs an amount.

    Raises:
        ValidationError: ``amount.invalid`` with a message the cashier can act on.
    """
    if not isinstance(text, str):
        raise _amount_error(f"expected text, got {type(text).__name__}")
    cleaned = text.strip()  # never inner spaces: "4 50" must not become 450
    code = normalize_currency(currency)
    shown = text.strip()[:40]
    if code == SAT:
        if not _SAT_TEXT.fullmatch(cleaned):
            raise _amount_error(
                f"{shown!r} in sat", "Type the amount in sat as a whole number, such as 2100."
            )
        value = int(cleaned)
        if value > MAX_SAT:
            raise _amount_error(f"{value} sat", "This amount is too large.")
        result = Decimal(value)
    else:
        match = _FIAT_TEXT.fullmatch(cleaned)
        if match is None:
            raise _amount_error(
                f"{shown!r} in {code}", f"Type the amount in {code} as a number, such as 4.50."
            )
        whole, frac = (match.group(1), match.group(2)) if match.group(1) else ("0", match.group(3))
        frac = frac or ""
        if len(frac) > FIAT_DECIMALS:
            raise _amount_error(
                f"{shown!r} has {len(frac)} decimals",
                f"Use at most {FIAT_DECIMALS} decimals for {code}.",
            )
        if len(whole.lstrip("0")) > MAX_FIAT_INTEGER_DIGITS:
            raise _amount_error(f"{shown!r} in {code}", "This amount is too large.")
        try:
            result = Decimal(f"{whole}.{frac}" if frac else whole)
        except InvalidOperation:  # pragma: no cover - the pattern already guarantees digits
            raise _amount_error(f"{shown!r} in {code}") from None
    if result == 0:
        raise _amount_error(f"{shown!r} is zero", "The amount must be more than zero.")
    return result
