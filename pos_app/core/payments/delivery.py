"""Payments a wallet delivers to a sale's payment request over the network (NUT-18 ``post``).

Each sale's request carries a random id of its own (:func:`new_request_id`). While the
local API serves at an address customers' wallets reach, the request also names
``{base}/api/v1/payment-requests/{id}`` as a ``post`` transport (:func:`post_transports`).
A wallet posts the NUT-18 payload there without any key: the id is its only right to
pay that one sale, so it is unguessable. The payload is checked against the request the
customer saw (its id; its mints, when it names any, in the checkout), made a token with
the project's own encoder, and taken by the same checkout as a scanned token.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core.cashu.requests import PaymentPayload, Transport, decode_creqa
from pos_app.core.cashu.tokens import serialize_token_v4
from pos_app.core.errors import ValidationError
from pos_app.core.store.schema import Sale

SOURCE = "nut18-post"  # the received token's source (scan, paste, file, api, cli...)
REQUEST_ID_BYTES = 12  # 96 bits: no rate of guessing finds one of a till's open sales
PATH = "/api/v1/payment-requests/"


def new_request_id() -> str:
    """A new request id: 16 URL-safe characters, random."""
    return secrets.token_urlsafe(REQUEST_ID_BYTES)


def post_transports(base_url: str | None, request_id: str) -> tuple[Transport, ...]:
    """The request's transports: the API's payment route when it serves (else none: in-band)."""
    if not base_url:
        return ()
    return (Transport(type="post", target=f"{base_url.rstrip('/')}{PATH}{request_id}"),)


@dataclass(frozen=True, slots=True)
class Delivered:
    """A payload posted to a request, as the checkout takes it."""

    sale_id: str
    token: str  # the payload's proofs as a ``cashuB`` token
    mints: tuple[str, ...]  # the mints the request named (empty: the policy decides)


def delivered(session: Session, request_id: str, payload: PaymentPayload) -> Delivered:
    """The sale a payload posted to ``request_id`` pays, and the token it makes.

    Raises:
        ValidationError: ``payment_request.not_found`` (no sale has this request id: the
            answer says no more), ``payload.wrong_request`` (the payload names another
            request), ``token.invalid`` (proofs no token can carry).
    """
    sale = session.scalar(select(Sale).where(Sale.request_id == request_id))
    if sale is None:
        raise ValidationError(
            "payment_request.not_found", "There is no such payment request.", request_id[:40]
        )
    if payload.id is not None and payload.id != request_id:
        # A wallet confused about which request it pays: its money stays with it.
        raise ValidationError(
            "payload.wrong_request",
            "This payment names another payment request; nothing was taken.",
            f"payload id {payload.id[:40]!r}",
        )
    asked = decode_creqa(sale.payment_request)  # the request as the customer saw it
    return Delivered(sale.id, serialize_token_v4(payload.to_token()), asked.mints)
