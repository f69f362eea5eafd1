"""A local LNURL-pay (LUD-06/16/21) server on 127.0.0.1 that issues real signed BOLT11 invoices.

Invoices are built with the ``bolt11`` package and signed with a node key
(coincurve); each one is decoded again before it is served. The server knows
every preimage, so it can prove payments through its LUD-21 ``verify`` URL.

Endpoints (``<name>`` is any user name unless :attr:`LnurlServer.accept_any_name` is off):

- ``GET /.well-known/lnurlp/<name>`` and ``GET /lnurlp/<name>``: pay parameters;
- ``GET /lnurlp/<name>/callback?amount=<msat>[&comment=]``: ``{pr, routes, verify}``;
- ``GET /lnurlp/verify/<payment_hash>``: ``{status, settled, preimage, pr}``;
- ``GET /_test/invoices``: every issued invoice with its preimage (JSON);
- ``POST /_test/paid/<payment_hash>``: mark an invoice paid.

Behaviour, resolved per request as query parameter > per-user setting > server default
(query parameters on the pay URL are carried into the callback URL):

- ``hash``: ``random`` (default; a fresh secret preimage), ``zero`` (preimage of 32
  zero bytes, so the payment hash is sha256 of them: FakeWallet's placeholder
  preimage proves it), ``zero_once`` (``zero`` the first time for a ``scope``, then
  ``random``: nutshell refuses a second melt of one payment hash, error 20006, so a
  test gives each mint its own scope, e.g. the mint URL).
- ``fault``: None, or one of :data:`FAULTS`.
- ``settle``: ``auto`` marks invoices paid when issued; otherwise the test calls
  :meth:`LnurlServer.mark_paid`.
- ``invoice_offset_msat`` (per user or default only): the invoice is for the amount asked
  plus this many msat (negative: less), to test both sides of the amount check.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import bolt11
from bolt11 import Bolt11, MilliSatoshi, TagChar, Tags
from coincurve import PrivateKey

from pos_app.core.cashu.bech32m import Variant
from pos_app.core.cashu.bech32m import encode as bech32_encode
from tests.support.rateserver import Handler, LoopbackServer

ZERO_PREIMAGE = bytes(32)
ZERO_PAYMENT_HASH = hashlib.sha256(ZERO_PREIMAGE).hexdigest()
HASH_MODES = ("random", "zero", "zero_once")
FAULTS = (
    "params_500",  # pay parameters answer HTTP 500
    "params_404",  # unknown user: 404 with an LNURL error
    "params_error",  # {"status": "ERROR"} instead of pay parameters
    "params_bad_json",  # an unparsable body
    "params_wrong_tag",  # tag withdrawRequest
    "params_http_callback",  # callback on plain http to a public host
    "params_hang",  # pay parameters never answered
    "unreachable_callback",  # callback URL points at a closed port
    "callback_500",  # invoice request answers HTTP 500
    "callback_error",  # {"status": "ERROR", "reason": ...}
    "callback_hang",  # invoice request never answered
    "bad_invoice",  # pr is not a BOLT11 invoice
    "wrong_amount",  # invoice for 1 sat more than asked
    "no_amount",  # invoice without an amount
    "wrong_description_hash",  # invoice commits to other metadata
    "description",  # invoice with a plain description instead of the hash
    "expired",  # invoice already expired
    "no_verify",  # no LUD-21 verify URL
    "verify_500",  # verify answers HTTP 500
    "verify_wrong_preimage",  # verify claims settled with a preimage that does not match
    "verify_zero_preimage",  # verify claims settled with 32 zero bytes as preimage
    "verify_other_pr",  # verify answers about another invoice
)


@dataclass
class UserSettings:
    """Per-user overrides; None means "use the server default"."""

    min_sendable: int | None = None
    max_sendable: int | None = None
    comment_allowed: int | None = None
    metadata: str | None = None
    hash: str | None = None
    fault: str | None = None
    settle: str | None = None
    invoice_offset_msat: int | None = None


@dataclass
class IssuedInvoice:
    """One invoice the server handed out, with the secrets a test asserts on."""

    name: str
    bolt11: str
    payment_hash: str
    preimage: str
    amount_msat: int
    description_hash: str
    metadata: str
    comment: str | None
    hash_mode: str
    fault: str | None
    scope: str
    verify_url: str | None
    created_at: float
    settled: bool = False
    verify_requests: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON form (as served by ``/_test/invoices``)."""
        return asdict(self)


def dead_port() -> int:
    """A loopback port with nothing listening (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LnurlServer(LoopbackServer):
    """LNURL-pay service for tests; see the module doc for endpoints and behaviours.

    Args:
        network: invoice network prefix (``bc``, ``tb``, ``bcrt``, ``tbs``).
        node_key: hex private key that signs invoices (random when None).
        min_sendable: default smallest amount, msat.
        max_sendable: default largest amount, msat.
        comment_allowed: default LUD-12 comment length.
        hash: default hash mode.
        fault: default fault (None: behave).
        settle: ``auto`` or ``manual``.
        expiry: invoice expiry in seconds.
        hang_seconds: how long ``*_hang`` faults hold the request (or until stop).
    """

    def __init__(
        self,
        *,
        network: str = "bc",
        node_key: str | None = None,
        min_sendable: int = 1_000,
        max_sendable: int = 100_000_000_000,
        comment_allowed: int = 0,
        hash: str = "random",
        fault: str | None = None,
        settle: str = "manual",
        expiry: int = 3600,
        hang_seconds: float = 30.0,
        port: int = 0,
    ) -> None:
        super().__init__(port)
        self.network = network
        self.node_key = PrivateKey(bytes.fromhex(node_key)) if node_key else PrivateKey()
        self.node_id = self.node_key.public_key.format(compressed=True).hex()
        self.defaults = UserSettings(
            min_sendable, max_sendable, comment_allowed, None, hash, fault, settle, 0
        )
        self.users: dict[str, UserSettings] = {}
        self.accept_any_name = True
        self.expiry = expiry
        self.hang_seconds = hang_seconds
        self.counts: Counter[str] = Counter()
        self._issued: list[IssuedInvoice] = []
        self._zero_scopes: set[str] = set()

    # -- test API ------------------------------------------------------------------------

    def address(self, name: str = "shop") -> str:
        """The LUD-16 address ``name@127.0.0.1:port``."""
        return f"{name}@127.0.0.1:{self.port}"

    def pay_url(self, name: str = "shop", *, well_known: bool = False, **query: str) -> str:
        """An LNURL-pay URL (LUD-06 form ``/lnurlp/<name>``); query sets the behaviour."""
        path = f"/.well-known/lnurlp/{name}" if well_known else f"/lnurlp/{name}"
        return self.base_url + path + (f"?{urlencode(query)}" if query else "")

    def lnurl(self, name: str = "shop", **query: str) -> str:
        """The pay URL as an upper-case bech32 ``LNURL1...`` string (LUD-01)."""
        return bech32_encode("lnurl", self.pay_url(name, **query).encode(), Variant.BECH32).upper()

    def configure(self, name: str, **settings: Any) -> None:
        """Set per-user overrides (fields of :class:`UserSettings`)."""
        for key in ("hash", "fault"):
            self._check_choice(key, settings.get(key))
        with self.lock:
            user = self.users.setdefault(name, UserSettings())
            for key, value in settings.items():
                if not hasattr(user, key):
                    raise TypeError(f"unknown setting {key!r}")
                setattr(user, key, value)

    def set_default(self, **settings: Any) -> None:
        """Change server-wide defaults (fields of :class:`UserSettings`)."""
        for key in ("hash", "fault"):
            self._check_choice(key, settings.get(key))
        with self.lock:
            for key, value in settings.items():
                if not hasattr(self.defaults, key):
                    raise TypeError(f"unknown setting {key!r}")
                setattr(self.defaults, key, value)

    def invoices(self) -> list[IssuedInvoice]:
        """Copies of every issued invoice, oldest first."""
        with self.lock:
            return [IssuedInvoice(**asdict(i)) for i in self._issued]

    def issued(self, payment_hash: str) -> IssuedInvoice:
        """A copy of the invoice with ``payment_hash`` (KeyError when unknown)."""
        with self.lock:
            return IssuedInvoice(**asdict(self._find(payment_hash)))

    def mark_paid(self, payment_hash: str) -> None:
        """Record the payment (as the recipient's node would on receiving it)."""
        with self.lock:
            self._find(payment_hash).settled = True

    def reset_zero(self, scope: str | None = None) -> None:
        """Allow ``zero_once`` again for ``scope`` (all scopes when None)."""
        with self.lock:
            if scope is None:
                self._zero_scopes.clear()
            else:
                self._zero_scopes.discard(scope)

    def metadata_for(self, name: str) -> str:
        """The metadata string served for ``name`` (invoices commit to its sha256)."""
        with self.lock:
            return self._setting(name, "metadata", {}) or self._default_metadata(name)

    def make_invoice(
        self,
        amount_msat: int | None,
        payment_hash: str,
        *,
        description_hash: str | None = None,
        description: str | None = None,
        date: int | None = None,
        expiry: int | None = None,
        network: str | None = None,
    ) -> str:
        """Encode and sign a BOLT11 invoice with the node key, checked by a decode round trip."""
        tags = Tags()
        tags.add(TagChar.payment_hash, payment_hash)
        tags.add(TagChar.payment_secret, os.urandom(32).hex())
        if description is not None:
            tags.add(TagChar.description, description)
        else:
            tags.add(TagChar.description_hash, description_hash or "00" * 32)
        tags.add(TagChar.expire_time, expiry or self.expiry)
        tags.add(TagChar.min_final_cltv_expiry, 18)
        invoice = Bolt11(
            currency=network or self.network,
            date=int(time.time()) if date is None else date,
            tags=tags,
            amount_msat=MilliSatoshi(amount_msat) if amount_msat else None,
        )
        pr = bolt11.encode(invoice, self.node_key.secret.hex())
        back = bolt11.decode(pr)
        if (
            back.payment_hash != payment_hash
            or back.payee != self.node_id
            or (back.amount_msat or None) != (amount_msat or None)
            or back.description_hash != (None if description is not None else description_hash)
        ):
            raise AssertionError(f"bolt11 round trip changed the invoice: {back.data}")
        return pr

    # -- HTTP ----------------------------------------------------------------------------

    def handle(self, request: Handler) -> None:
        """Route one request."""
        parts = urlsplit(request.path)
        query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        segments = [s for s in parts.path.split("/") if s]
        with self.lock:
            self.counts[self._kind(segments)] += 1
        try:
            if request.command == "POST" and segments[:2] == ["_test", "paid"]:
                self.mark_paid(segments[2])
                request.send_json(200, {"status": "OK"})
            elif segments == ["_test", "invoices"]:
                request.send_json(200, [i.to_dict() for i in self.invoices()])
            elif segments[:2] == ["lnurlp", "verify"] and len(segments) == 3:
                self._verify(request, segments[2])
            elif len(segments) == 3 and segments[0] == "lnurlp" and segments[2] == "callback":
                self._callback(request, segments[1], query)
            elif segments[:2] == [".well-known", "lnurlp"] and len(segments) == 3:
                self._params(request, segments[2], query)
            elif segments[0:1] == ["lnurlp"] and len(segments) == 2:
                self._params(request, segments[1], query)
            else:
                request.send_json(404, {"status": "ERROR", "reason": "Not found"})
        except KeyError:
            request.send_json(404, {"status": "ERROR", "reason": "Unknown payment"})
        except ValueError as exc:  # an unknown hash/fault in the query
            request.send_json(400, {"status": "ERROR", "reason": str(exc)})

    @staticmethod
    def _kind(segments: list[str]) -> str:
        if segments[:2] == ["lnurlp", "verify"]:
            return "verify"
        if segments[-1:] == ["callback"]:
            return "callback"
        if segments[:1] == ["_test"]:
            return "test"
        return "params"

    def _params(self, request: Handler, name: str, query: dict[str, str]) -> None:
        with self.lock:
            known = self.accept_any_name or name in self.users
            fault = self._setting(name, "fault", query)
            low = self._setting(name, "min_sendable", query)
            high = self._setting(name, "max_sendable", query)
            comment_allowed = self._setting(name, "comment_allowed", query)
        metadata = self.metadata_for(name)
        if not known or fault == "params_404":
            request.send_json(404, {"status": "ERROR", "reason": f"Unknown user {name}"})
            return
        if fault == "params_hang":
            self.hang(self.hang_seconds)
            request.close_connection = True
            return
        if fault == "params_500":
            request.send_json(500, {"error": "internal"})
            return
        if fault == "params_error":
            request.send_json(200, {"status": "ERROR", "reason": "Service paused"})
            return
        if fault == "params_bad_json":
            request.send_bytes(200, b'{"tag": "payRequest",')
            return
        carried = {k: query[k] for k in ("hash", "fault", "scope", "settle") if k in query}
        if fault == "unreachable_callback":
            callback = f"http://127.0.0.1:{dead_port()}/lnurlp/{name}/callback"
        elif fault == "params_http_callback":
            callback = f"http://example.com/lnurlp/{name}/callback"
        else:
            callback = f"{self.base_url}/lnurlp/{name}/callback"
        if carried:
            callback += "?" + urlencode(carried)
        request.send_json(
            200,
            {
                "tag": "withdrawRequest" if fault == "params_wrong_tag" else "payRequest",
                "callback": callback,
                "minSendable": low,
                "maxSendable": high,
                "metadata": metadata,
                "commentAllowed": comment_allowed,
            },
        )

    def _callback(self, request: Handler, name: str, query: dict[str, str]) -> None:
        with self.lock:
            fault = self._setting(name, "fault", query)
            hash_mode = self._setting(name, "hash", query)
            settle = self._setting(name, "settle", query)
            low = self._setting(name, "min_sendable", query)
            high = self._setting(name, "max_sendable", query)
            offset = self._setting(name, "invoice_offset_msat", query)
        metadata = self.metadata_for(name)
        if fault == "callback_hang":
            self.hang(self.hang_seconds)
            request.close_connection = True
            return
        if fault == "callback_500":
            request.send_json(500, {"error": "internal"})
            return
        if fault == "callback_error":
            request.send_json(200, {"status": "ERROR", "reason": "Cannot create invoice"})
            return
        amount_text = query.get("amount", "")
        if not amount_text.isdigit() or not low <= int(amount_text) <= high:
            request.send_json(400, {"status": "ERROR", "reason": "Amount out of range"})
            return
        amount = int(amount_text)
        scope = query.get("scope", "default")
        with self.lock:
            if hash_mode == "zero_once":
                hash_mode = "random" if scope in self._zero_scopes else "zero"
            if hash_mode == "zero":
                self._zero_scopes.add(scope)
        preimage = ZERO_PREIMAGE if hash_mode == "zero" else os.urandom(32)
        payment_hash = hashlib.sha256(preimage).hexdigest()
        description_hash = hashlib.sha256(metadata.encode()).hexdigest()
        if fault == "wrong_description_hash":
            description_hash = hashlib.sha256(b"someone else's metadata").hexdigest()
        invoice_amount: int | None = amount + offset
        if fault == "wrong_amount":
            invoice_amount = amount + 1000
        elif fault == "no_amount":
            invoice_amount = None
        if fault == "bad_invoice":
            pr = "lnbc1notaninvoice"
        else:
            pr = self.make_invoice(
                invoice_amount,
                payment_hash,
                description_hash=None if fault == "description" else description_hash,
                description="payment" if fault == "description" else None,
                date=int(time.time()) - 7200 if fault == "expired" else None,
                expiry=600 if fault == "expired" else None,
            )
        verify_url = (
            None if fault == "no_verify" else f"{self.base_url}/lnurlp/verify/{payment_hash}"
        )
        record = IssuedInvoice(
            name=name,
            bolt11=pr,
            payment_hash=payment_hash,
            preimage=preimage.hex(),
            amount_msat=amount,
            description_hash=description_hash,
            metadata=metadata,
            comment=query.get("comment"),
            hash_mode=hash_mode,
            fault=fault,
            scope=scope,
            verify_url=verify_url,
            created_at=time.time(),
            settled=settle == "auto",
        )
        with self.lock:
            self._issued.append(record)
        body: dict[str, Any] = {"pr": pr, "routes": []}
        if verify_url:
            body["verify"] = verify_url
        request.send_json(200, body)

    def _verify(self, request: Handler, payment_hash: str) -> None:
        with self.lock:
            record = self._find(payment_hash)
            record.verify_requests += 1
            settled, preimage, pr, fault = (
                record.settled,
                record.preimage,
                record.bolt11,
                record.fault,
            )
        if fault == "verify_500":
            request.send_json(500, {"error": "internal"})
            return
        if fault == "verify_wrong_preimage":
            settled, preimage = True, os.urandom(32).hex()
        elif fault == "verify_zero_preimage":
            settled, preimage = True, ZERO_PREIMAGE.hex()
        if fault == "verify_other_pr":
            pr = self.make_invoice(1000, os.urandom(32).hex(), description_hash="00" * 32)
        request.send_json(
            200,
            {
                "status": "OK",
                "settled": settled,
                "preimage": preimage if settled else None,
                "pr": pr,
            },
        )

    # -- internals (call with the lock held) ---------------------------------------------

    def _find(self, payment_hash: str) -> IssuedInvoice:
        # zero-hash invoices share one payment hash: the newest one is meant.
        for record in reversed(self._issued):
            if record.payment_hash == payment_hash:
                return record
        raise KeyError(payment_hash)

    def _setting(self, name: str, key: str, query: dict[str, str]) -> Any:
        if key in query and key in ("hash", "fault", "settle"):
            value: Any = query[key] or None
            self._check_choice(key, value)
            return value
        user = self.users.get(name)
        if user is not None and getattr(user, key) is not None:
            return getattr(user, key)
        return getattr(self.defaults, key)

    def _default_metadata(self, name: str) -> str:
        return json.dumps(
            [["text/plain", f"Payment to {name}"], ["text/identifier", self.address(name)]]
        )

    @staticmethod
    def _check_choice(key: str, value: Any) -> None:
        if key == "hash" and value is not None and value not in HASH_MODES:
            raise ValueError(f"unknown hash mode {value!r}")
        if key == "fault" and value is not None and value not in FAULTS:
            raise ValueError(f"unknown fault {value!r}")
