"""The shop's Lightning address (LNURL-pay): where melted tokens are paid.

Accepted forms of the address:

- ``name@host`` (LUD-16) → ``https://host/.well-known/lnurlp/name``;
- an LNURL-pay URL (LUD-06), or ``lnurlp://`` (LUD-17);
- a bech32 ``lnurl1...`` string (LUD-01), optionally behind ``lightning:``.

Plain ``http://`` is allowed for loopback hosts only (the test servers).

Before the app lets a mint pay an invoice, :meth:`LightningAddress.invoice`
decodes it and checks that it is for exactly the requested amount and commits
to the address's metadata (LUD-06 ``description_hash``): a mismatch means the
money would go somewhere else, so it is a security error. A payment is proven
by a preimage that hashes to the payment hash; when the mint gives none (or
FakeWallet's placeholder of 32 zero bytes), :meth:`LightningAddress.verify`
asks the address's LUD-21 ``verify`` URL.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import math
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx

from pos_app.core.cashu.bech32m import Variant
from pos_app.core.cashu.bech32m import decode as bech32_decode
from pos_app.core.config import is_loopback_host
from pos_app.core.errors import NetworkError, ProtocolError, SecurityError, ValidationError
from pos_app.core.urltext import has_blank_or_control

log = logging.getLogger(__name__)


class _Bolt11:
    """The ``bolt11`` package, imported with the first invoice to check.

    With bitstring it costs some 30 ms of every start (the command line's too), and
    most runs never see an invoice.
    """

    @staticmethod
    def decode(invoice: str) -> Any:
        import bolt11 as package

        return package.decode(invoice)


bolt11 = _Bolt11()

DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=5.0)
MAX_BODY_BYTES = 1_000_000
NETWORKS = ("bc", "tb", "bcrt", "tbs")
ZERO_PREIMAGE = "00" * 32
_HEX64 = re.compile(r"[0-9a-f]{64}")
_NAME = re.compile(r"[a-z0-9\-_.+]+", re.ASCII)
_HOST = re.compile(r"(?:[a-z0-9\-.]+|\[[0-9a-f:.]+\])(?::[0-9]{1,5})?", re.ASCII)

_INVALID_MESSAGE = (
    "The Lightning address is not valid. Use name@example.com or an LNURL; check it in Settings."
)
_BAD_RESPONSE_MESSAGE = (
    "The Lightning address service gave an answer the app cannot use. Try again later "
    "or check the Lightning address in Settings."
)
_UNREACHABLE_MESSAGE = (
    "The Lightning address service cannot be reached. Check the internet connection and try again."
)


# -- errors -------------------------------------------------------------------------------------


def _invalid(detail: str) -> ValidationError:
    return ValidationError("lightning.address_invalid", _INVALID_MESSAGE, detail)


def _bad_response(detail: str, message: str = _BAD_RESPONSE_MESSAGE, **data: Any) -> ProtocolError:
    return ProtocolError("lightning.bad_response", message, detail, data=data)


def _unreachable(detail: str, **data: Any) -> NetworkError:
    return NetworkError("lightning.unreachable", _UNREACHABLE_MESSAGE, detail, data=data)


def _mismatch(message: str, detail: str, **data: Any) -> SecurityError:
    return SecurityError("lightning.invoice_mismatch", message, detail, data=data)


# -- preimages ----------------------------------------------------------------------------------


def is_missing_preimage(preimage: str | None) -> bool:
    """True for "no proof": None, empty, or 32 zero bytes.

    FakeWallet (and some real backends) report 32 zero bytes for a payment whose
    preimage they do not know; that is a placeholder, not evidence.
    """
    return not preimage or preimage.strip().lower() == ZERO_PREIMAGE


def check_preimage(preimage_hex: str | None, payment_hash_hex: str | None) -> bool:
    """True when ``sha256(preimage) == payment_hash``; False for anything else, never raises.

    This is the hash check only. A 32-zero-byte preimage therefore proves
    nothing for a normal invoice (its hash is not sha256 of zeros) and proves
    the test-only invoices whose hash is exactly that; callers use
    :func:`is_missing_preimage` to decide whether to ask LUD-21 instead.
    """
    if not preimage_hex or not payment_hash_hex:
        return False
    try:
        preimage = bytes.fromhex(preimage_hex.strip())
        payment_hash = bytes.fromhex(payment_hash_hex.strip())
    except (ValueError, AttributeError):
        return False
    if len(preimage) != 32 or len(payment_hash) != 32:
        return False
    return hmac.compare_digest(hashlib.sha256(preimage).digest(), payment_hash)


# -- address forms ------------------------------------------------------------------------------


def check_url(url: str, what: str = "address") -> str:
    """``url`` if it is https, or http on a loopback host.

    Raises:
        ValidationError: ``lightning.address_invalid`` otherwise.
    """
    if has_blank_or_control(url):
        raise _invalid(f"{what} {url[:200]!r} contains spaces or control characters")
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises for a port out of range, which httpx would crash on
    except ValueError as exc:
        raise _invalid(f"{what} {url[:200]!r}: {exc}") from None
    if parts.scheme not in ("http", "https") or not host:
        raise _invalid(f"{what} {url[:200]!r} is not an https URL")
    if parts.scheme == "http" and not is_loopback_host(host):
        raise _invalid(f"{what} {url[:200]!r}: plain http is allowed for localhost only")
    if parts.username or parts.password:
        raise _invalid(f"{what} {url[:200]!r} carries credentials")
    return url


def resolve_address(address: str) -> str:
    """The LNURL-pay URL of a Lightning address in any accepted form.

    Raises:
        ValidationError: ``lightning.address_invalid`` for anything else.
    """
    if not isinstance(address, str):
        raise _invalid(f"expected text, got {type(address).__name__}")
    text = address.strip()
    if text.lower().startswith("lightning:"):
        text = text[len("lightning:") :]
    if not text:
        raise _invalid("empty address")
    lowered = text.lower()
    if lowered.startswith("lnurl1"):
        return _decode_lnurl(text)
    if lowered.startswith("lnurlp://"):
        rest = text[len("lnurlp://") :]
        return check_url(f"{_scheme_for(rest)}://{rest}")
    if "://" in text:
        return check_url(text)
    if text.count("@") == 1:
        name, host = lowered.split("@")
        if not _NAME.fullmatch(name) or not _HOST.fullmatch(host):
            raise _invalid(f"{text[:200]!r} is not name@host")
        return check_url(f"{_scheme_for(host)}://{host}/.well-known/lnurlp/{name}")
    raise _invalid(f"{text[:200]!r} is not a Lightning address or LNURL")


def _scheme_for(authority: str) -> str:
    """The scheme for a host: http on loopback (the test servers), https anywhere else."""
    try:
        host = urlsplit("//" + authority).hostname or ""
    except ValueError:  # a bracketed host that is no IP: check_url refuses it by name
        return "https"
    return "http" if is_loopback_host(host) else "https"


def _decode_lnurl(text: str) -> str:
    try:
        hrp, payload = bech32_decode(text, Variant.BECH32)
    except ValidationError as exc:
        raise _invalid(f"lnurl: {exc.detail}") from None
    if hrp != "lnurl":
        raise _invalid(f"bech32 prefix {hrp!r} is not lnurl")
    try:
        url = payload.decode("utf-8")
    except UnicodeDecodeError:
        raise _invalid("lnurl does not contain text") from None
    return check_url(url, "lnurl")


def _with_query(url: str, params: Mapping[str, str]) -> str:
    """Append ``params`` to ``url``'s query, keeping what is there (LUD-06 ``?`` or ``&``)."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True) + list(params.items())
    return urlunsplit(parts._replace(query=urlencode(query)))


# -- data ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PayParams:
    """An LNURL-pay service's answer (LUD-06), amounts in millisatoshi.

    Attributes:
        callback: where to ask for an invoice.
        min_sendable: smallest amount, msat.
        max_sendable: largest amount, msat.
        metadata: the raw metadata string; invoices commit to its sha256.
        comment_allowed: longest comment accepted (LUD-12), 0 for none.
        description: the ``text/plain`` entry of the metadata, for display.
    """

    callback: str
    min_sendable: int
    max_sendable: int
    metadata: str
    comment_allowed: int = 0
    description: str = ""

    @property
    def min_sat(self) -> int:
        """Smallest whole-sat amount accepted."""
        return -(-self.min_sendable // 1000)

    @property
    def max_sat(self) -> int:
        """Largest whole-sat amount accepted."""
        return self.max_sendable // 1000

    @property
    def metadata_hash(self) -> str:
        """sha256 of the metadata string, hex: the invoice's expected description_hash."""
        return hashlib.sha256(self.metadata.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Invoice:
    """A checked BOLT11 invoice from the Lightning address.

    Attributes:
        bolt11: the payment request, as received.
        payment_hash: hex.
        amount_sat: what was requested (the invoice is for exactly this many msat * 1000).
        verify_url: LUD-21 URL, or None when the service offers none.
        description_hash: hex, equal to sha256(metadata).
        network: ``bc``, ``tb``, ``bcrt`` or ``tbs``.
        expires_at: unix time after which the invoice cannot be paid.
        payee: the node public key (hex) that signed it.
    """

    bolt11: str
    payment_hash: str
    amount_sat: int
    verify_url: str | None
    description_hash: str
    network: str = "bc"
    expires_at: int = 0
    payee: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form for the melt journal."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Invoice:
        """Inverse of :meth:`to_dict`.

        Raises:
            ValidationError: ``lightning.invoice_invalid`` for a damaged record.
        """
        try:
            return cls(**{k: data[k] for k in data if k in cls.__dataclass_fields__})
        except TypeError as exc:
            raise ValidationError(
                "lightning.invoice_invalid", "The stored Lightning invoice is damaged.", str(exc)
            ) from None


@dataclass(frozen=True, slots=True)
class VerifyResult:
    """A LUD-21 answer.

    Attributes:
        settled: what the service says.
        preimage: hex, or None (a 32-zero-byte placeholder that proves nothing is reported
            as None).
        proven: the preimage hashes to the invoice's payment hash.
    """

    settled: bool
    preimage: str | None
    proven: bool

    @property
    def paid(self) -> bool:
        """Settled by the service's word or proven by the preimage."""
        return self.settled or self.proven


# -- service ------------------------------------------------------------------------------------


class LightningAddress:
    """Asks the shop's LNURL-pay service for checked invoices.

    Args:
        http: shared client; a new one is made (and closed by :meth:`aclose`) when None.
        address: ``name@host``, an LNURL-pay URL or ``lnurl1...``.
        trust_env: for an owned client, let httpx read proxy variables (tests pass False).
        timeout: per-request timeout.
        clock: time source for the expiry check.
        network: when set (``bc``, ``tb``, ``bcrt``, ``tbs``), an invoice for another
            network is refused; None accepts any and records it on the :class:`Invoice`.

    Raises:
        ValidationError: ``lightning.address_invalid`` for an unusable address.
    """

    def __init__(
        self,
        http: httpx.AsyncClient | None,
        address: str,
        *,
        trust_env: bool = True,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
        clock: Callable[[], float] = time.time,
        network: str | None = None,
    ) -> None:
        self.address = address.strip() if isinstance(address, str) else address
        self.url = resolve_address(address)
        if network is not None and network not in NETWORKS:
            raise ValueError(f"unknown network {network!r}")
        self.network = network
        self.timeout = timeout
        self.clock = clock
        self._own_http = http is None
        self._http = http or httpx.AsyncClient(timeout=timeout, trust_env=trust_env)

    async def aclose(self) -> None:
        """Close the HTTP client if this object made it."""
        if self._own_http:
            await self._http.aclose()

    async def params(self) -> PayParams:
        """Fetch and check the service's pay parameters.

        Raises:
            NetworkError: ``lightning.unreachable`` (connection, timeout, HTTP 5xx).
            ProtocolError: ``lightning.bad_response`` (not a payRequest, malformed fields).
            ValidationError: ``lightning.address_invalid`` for a callback that is not https.
        """
        data = await self._get_json(self.url)
        return _parse_params(data)

    async def invoice(
        self, amount_sat: int, comment: str | None = None, *, params: PayParams | None = None
    ) -> Invoice:
        """Ask for an invoice of exactly ``amount_sat`` and check it before anyone pays it.

        A comment is sent only when the service accepts comments (LUD-12), cut to
        the length it allows.

        Args:
            amount_sat: whole sats (the callback receives ``amount_sat * 1000`` msat).
            comment: optional payer comment.
            params: pay parameters already fetched (fetched here when None).

        Raises:
            ValidationError: ``lightning.amount_out_of_range`` outside min/maxSendable.
            SecurityError: ``lightning.invoice_mismatch`` when the invoice's amount,
                description hash or network differs from what was asked.
            ProtocolError: ``lightning.bad_response`` for an undecodable or expired invoice.
            NetworkError: ``lightning.unreachable``.
        """
        if isinstance(amount_sat, bool) or not isinstance(amount_sat, int) or amount_sat <= 0:
            raise ValidationError(
                "lightning.amount_out_of_range",
                "The amount to send over Lightning must be a positive number of sat.",
                f"amount {amount_sat!r}",
            )
        params = params or await self.params()
        msat = amount_sat * 1000
        if not params.min_sendable <= msat <= params.max_sendable:
            raise ValidationError(
                "lightning.amount_out_of_range",
                f"The Lightning address accepts between {params.min_sat} and {params.max_sat} "
                f"sat; this payment is {amount_sat} sat.",
                f"amount {msat} msat, range {params.min_sendable}..{params.max_sendable} msat",
                data={
                    "amount_sat": amount_sat,
                    "min_sat": params.min_sat,
                    "max_sat": params.max_sat,
                },
            )
        query = {"amount": str(msat)}
        if comment and params.comment_allowed > 0:
            query["comment"] = comment[: params.comment_allowed]
        data = await self._get_json(_with_query(params.callback, query))
        pr = data.get("pr")
        if not isinstance(pr, str) or not pr:
            raise _bad_response(f"callback answer has no pr: {_short(data)}")
        verify = data.get("verify")
        verify_url: str | None = None
        if isinstance(verify, str) and verify:
            try:
                verify_url = check_url(verify, "verify URL")
            except ValidationError as exc:
                log.warning("ignoring unusable LUD-21 verify URL: %s", exc.detail)
        return self._check_invoice(pr, amount_sat, params, verify_url)

    def _check_invoice(
        self, pr: str, amount_sat: int, params: PayParams, verify_url: str | None
    ) -> Invoice:
        try:
            decoded = bolt11.decode(pr)
            payment_hash = decoded.payment_hash
        except Exception as exc:  # third-party decoder on remote input: any failure is "bad"
            raise _bad_response(f"undecodable invoice: {type(exc).__name__}: {exc}") from None
        if not isinstance(payment_hash, str) or not _HEX64.fullmatch(payment_hash):
            raise _bad_response(f"invoice payment hash {payment_hash!r}")
        requested = amount_sat * 1000
        got = int(decoded.amount_msat) if decoded.amount_msat is not None else None
        if got != requested:
            shown = "no amount" if got is None else f"{got / 1000:g} sat"
            raise _mismatch(
                f"The Lightning address sent an invoice for {shown} instead of {amount_sat} sat. "
                "Nothing was paid; check the Lightning address in Settings.",
                f"invoice amount_msat {got}, requested {requested}",
                requested_msat=requested,
                invoice_msat=got,
            )
        expected_hash = params.metadata_hash
        if (decoded.description_hash or "").lower() != expected_hash:
            raise _mismatch(
                "The Lightning address sent an invoice that does not match its own "
                "description, so it may pay someone else. Nothing was paid; check the "
                "Lightning address in Settings.",
                f"description_hash {decoded.description_hash!r}, sha256(metadata) {expected_hash}",
                expected_description_hash=expected_hash,
                invoice_description_hash=decoded.description_hash,
            )
        if self.network is not None and decoded.currency != self.network:
            raise _mismatch(
                f"The Lightning address sent an invoice for another network "
                f"({decoded.currency}). Nothing was paid.",
                f"invoice network {decoded.currency!r}, expected {self.network!r}",
                expected_network=self.network,
                invoice_network=decoded.currency,
            )
        expires_at = int(decoded.date) + int(decoded.expiry)
        if expires_at <= self.clock():
            raise _bad_response(
                f"invoice expired at {expires_at}",
                "The Lightning address sent an invoice that has already expired. Try again.",
                expires_at=expires_at,
            )
        return Invoice(
            bolt11=pr,
            payment_hash=payment_hash,
            amount_sat=amount_sat,
            verify_url=verify_url,
            description_hash=expected_hash,
            network=decoded.currency,
            expires_at=expires_at,
            payee=decoded.payee,
        )

    async def verify(self, invoice: Invoice) -> VerifyResult:
        """Ask the LUD-21 verify URL whether ``invoice`` was paid.

        Raises:
            ProtocolError: ``lightning.verify_unsupported`` when the invoice has no
                verify URL; ``lightning.bad_response`` for a malformed answer.
            SecurityError: ``lightning.invoice_mismatch`` when the answer is about
                another invoice; ``lightning.preimage_mismatch`` when it reports a
                preimage that does not hash to the payment hash.
            NetworkError: ``lightning.unreachable``.
        """
        if not invoice.verify_url:
            raise ProtocolError(
                "lightning.verify_unsupported",
                "The Lightning address cannot confirm payments; check the Lightning wallet.",
                f"no verify URL for {invoice.payment_hash}",
            )
        data = await self._get_json(invoice.verify_url)
        settled = data.get("settled")
        if not isinstance(settled, bool):
            raise _bad_response(f"verify answer without a settled flag: {_short(data)}")
        pr = data.get("pr")
        if isinstance(pr, str) and pr and pr.strip().lower() != invoice.bolt11.strip().lower():
            raise _mismatch(
                "The Lightning address answered about another invoice. Check the Lightning wallet.",
                f"verify pr differs for {invoice.payment_hash}",
            )
        preimage = data.get("preimage")
        if preimage is not None and not isinstance(preimage, str):
            raise _bad_response(f"verify preimage {preimage!r}")
        if not preimage:
            return VerifyResult(settled, None, False)
        preimage = preimage.strip().lower()
        if check_preimage(preimage, invoice.payment_hash):
            return VerifyResult(settled, preimage, True)
        if is_missing_preimage(preimage):  # a backend's placeholder: no evidence either way
            return VerifyResult(settled, None, False)
        raise SecurityError(
            "lightning.preimage_mismatch",
            "The Lightning address reported a payment proof that is not valid. "
            "Check the Lightning wallet before handing over goods.",
            f"sha256({preimage}) != {invoice.payment_hash}",
            data={"payment_hash": invoice.payment_hash},
        )

    async def _get_json(self, url: str) -> dict[str, Any]:
        try:
            async with self._http.stream("GET", url, timeout=self.timeout) as response:
                status = response.status_code
                body = bytearray()
                async for chunk in response.aiter_bytes():
                    body += chunk
                    if len(body) > MAX_BODY_BYTES:
                        raise _bad_response(f"{_host(url)}: answer larger than {MAX_BODY_BYTES}")
        except httpx.TimeoutException:
            raise _unreachable(f"{_host(url)}: timed out", url=url) from None
        except (httpx.HTTPError, OSError) as exc:
            raise _unreachable(f"{_host(url)}: {type(exc).__name__}: {exc}", url=url) from None
        try:
            data = json.loads(bytes(body))
        except (ValueError, RecursionError):
            data = None
        if status >= 500:
            raise _unreachable(f"{_host(url)}: HTTP {status}", url=url, status=status)
        reason = _lnurl_error(data)
        if reason is not None:
            shown = " ".join(reason.split())[:120]
            raise _bad_response(
                f"{_host(url)}: HTTP {status}: ERROR {reason[:500]!r}",
                f"The Lightning address service refused: {shown}",
                status=status,
                reason=reason[:500],
            )
        if status != 200:
            raise _bad_response(f"{_host(url)}: HTTP {status}", status=status)
        if not isinstance(data, dict):
            raise _bad_response(f"{_host(url)}: answer is not a JSON object")
        return data


async def pay_params(address: str, *, trust_env: bool = True) -> PayParams:
    """The pay parameters ``address`` answers with: a one-off check (setup, Settings).

    Raises:
        As :class:`LightningAddress` and :meth:`LightningAddress.params`.
    """
    service = LightningAddress(None, address, trust_env=trust_env)
    try:
        return await service.params()
    finally:
        await service.aclose()


def _lnurl_error(data: Any) -> str | None:
    if isinstance(data, dict) and str(data.get("status", "")).upper() == "ERROR":
        reason = data.get("reason")
        return reason if isinstance(reason, str) and reason else "no reason given"
    return None


def _parse_params(data: Mapping[str, Any]) -> PayParams:
    if data.get("tag") != "payRequest":
        raise _bad_response(f"tag {data.get('tag')!r} is not payRequest")
    callback = data.get("callback")
    if not isinstance(callback, str) or not callback:
        raise _bad_response("payRequest without a callback")
    check_url(callback, "callback")
    low = _msat(data.get("minSendable"), "minSendable")
    high = _msat(data.get("maxSendable"), "maxSendable")
    if low < 1 or high < low:
        raise _bad_response(f"sendable range {low}..{high} msat")
    metadata = data.get("metadata")
    if not isinstance(metadata, str):
        raise _bad_response("payRequest metadata is not a string")
    comment_allowed = data.get("commentAllowed", 0)
    if (
        isinstance(comment_allowed, bool)
        or not isinstance(comment_allowed, int | float | None)
        or (isinstance(comment_allowed, float) and not math.isfinite(comment_allowed))
    ):
        raise _bad_response(f"commentAllowed {comment_allowed!r}")
    return PayParams(
        callback=callback,
        min_sendable=low,
        max_sendable=high,
        metadata=metadata,
        comment_allowed=max(0, int(comment_allowed or 0)),
        description=_description(metadata),
    )


def _msat(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _bad_response(f"{name} {value!r} is not a number")
    if isinstance(value, float) and not value.is_integer():
        raise _bad_response(f"{name} {value!r} is not whole msat")
    return int(value)


def _description(metadata: str) -> str:
    """The ``text/plain`` entry of LUD-06 metadata; empty when absent or unparsable."""
    try:
        entries = json.loads(metadata)
    except (ValueError, RecursionError):
        return ""
    if isinstance(entries, list):
        for entry in entries:
            if isinstance(entry, list) and len(entry) == 2 and entry[0] == "text/plain":
                return str(entry[1])
    return ""


def _host(url: str) -> str:
    try:
        return urlsplit(url).netloc or url[:80]
    except ValueError:
        return url[:80]


def _short(data: Any) -> str:
    return repr(data)[:200]


__all__ = [
    "Invoice",
    "LightningAddress",
    "PayParams",
    "VerifyResult",
    "check_preimage",
    "check_url",
    "is_missing_preimage",
    "resolve_address",
]
