"""The NUT-18 ``post`` transport: a customer's wallet pays a sale's payment request, keyless.

``POST /api/v1/payment-requests/{request_id}`` takes the payload NUT-18 defines
(``{"id"?, "memo"?, "mint", "unit", "proofs": [...]}``). No API key: the request id,
random and shown only in that sale's QR, is the right to pay that one sale, and only
that. Each address may post :attr:`Guard.payers` payments a minute (stricter than the
keyed routes). The payload goes through the till's own checkout
(:meth:`SalesService.pay_request`), so the till's screen turns to Paid as with a scan.
"""

# No ``from __future__ import annotations``: FastAPI reads the route's annotations.
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Path, Request

from pos_app.api.limits import Guard, Refusal, client_of
from pos_app.app import App
from pos_app.core.cashu.requests import PaymentPayload
from pos_app.core.errors import PosError, ValidationError
from pos_app.core.payments.delivery import PATH
from pos_app.core.staff import acting_as

PAYER = "nut18:post"  # the audit's subject for these calls (":" is in no key's name)
MAX_PAYLOAD_BYTES = 256 * 1024  # some hundreds of proofs; a larger body is no payment
PROOF_SCHEMA = {
    "type": "object",
    "required": ["amount", "id", "secret", "C"],
    "properties": {
        "amount": {"type": "integer", "minimum": 1},
        "id": {"type": "string", "description": "keyset id (hex)"},
        "secret": {"type": "string"},
        "C": {"type": "string", "description": "the mint's signature (hex point)"},
        "witness": {"description": "NUT-10 witness (text or object)"},
        "dleq": {"type": "object"},
    },
}
PAYLOAD_BODY = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["mint", "unit", "proofs"],
                "properties": {
                    "id": {"type": "string", "description": "the request's id (i)"},
                    "memo": {"type": "string"},
                    "mint": {"type": "string", "examples": ["https://mint.example"]},
                    "unit": {"type": "string", "examples": ["sat"]},
                    "proofs": {"type": "array", "minItems": 1, "items": PROOF_SCHEMA},
                },
            }
        }
    },
}


async def read_capped(request: Request, limit: int = MAX_PAYLOAD_BYTES) -> bytes:
    """The body, refused (``payload.too_large``) once it passes ``limit`` bytes.

    Read here, not by FastAPI: a caller without a key must not make the till hold
    whatever it sends.
    """
    too_large = ValidationError(
        "payload.too_large",
        f"The payment is larger than {limit // 1024} KB: send fewer, larger proofs.",
    )
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise too_large
    return bytes(body)


def add_payment_requests(
    api: FastAPI, core: App, guard: Guard, too_many: Callable[[Refusal], PosError]
) -> None:
    """Serve the payment-request route on ``api`` (``too_many``: a refusal as the 429 error)."""

    async def payer(request: Request) -> None:
        request.state.api_key = PAYER  # the subject of the call's audit entry
        refusal = guard.payer(client_of(request))
        if refusal is not None:
            raise too_many(refusal)

    @api.post(
        f"{PATH}{{request_id}}",
        tags=["payments"],
        openapi_extra={"requestBody": PAYLOAD_BODY},
    )
    async def pay_request(
        request: Request,
        request_id: Annotated[str, Path(min_length=1, max_length=64)],
        _payer: Annotated[None, Depends(payer)],
    ) -> dict[str, Any]:
        """Pay a sale's payment request with a NUT-18 payload (the request's ``post`` transport).

        No key: the request id in the path is the right to pay that sale. The proofs go
        through the till's checkout as a scanned token would: a short amount pays part
        (``partially_paid``), more gives change (``change_token``); a unit other than
        the request's, or a mint it does not name, is refused and nothing is taken. A
        paid, cancelled or expired sale answers 409; an unknown request 404. Each
        address may post 30 payments a minute.
        """
        payload = PaymentPayload.from_json(await read_capped(request))
        with acting_as(f"api:{PAYER}"):
            result = await core.sales.pay_request(request_id, payload)
        # Not the sale or the payment record: the caller holds only this request.
        return {
            "state": result.state,
            "payment": result.payment.get("state"),
            "paid": result.paid,
            "due": result.due,
            "remaining": result.remaining,
            "change_token": result.change_token,
        }
