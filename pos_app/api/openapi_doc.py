"""The API's OpenAPI document, made honest: each operation's key scope, security and errors.

FastAPI describes the routes' parameters and bodies; what it cannot see is added here
from the routes themselves, so a route added later is described the same way: the scope
its key check asks for (``x-scope``, and the bearer ``security``), the errors it can
answer in the API's JSON shape, and ``deprecated`` for a route on its way out.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

from pos_app.api.deprecation import DEPRECATED

SCHEME = "apiKey"
ANY_KEY = "any"  # the x-scope of a route that any valid key may call
ERROR_REF = {"$ref": "#/components/schemas/Error"}
ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["category", "code", "message"],
            "properties": {
                "category": {"type": "string", "examples": ["validation"]},
                "code": {"type": "string", "examples": ["sale.unknown"]},
                "message": {"type": "string"},
            },
        }
    },
}
LIMIT_HEADERS = {
    name: {"schema": {"type": "integer"}, "description": what}
    for name, what in (
        ("Retry-After", "seconds until a call would be allowed"),
        ("RateLimit-Limit", "calls allowed in the window"),
        ("RateLimit-Remaining", "calls left in the window (0)"),
        ("RateLimit-Reset", "seconds until the window has room"),
    )
}
ERRORS = {
    400: "invalid input, a refused token or a bad setting",
    401: "no key, or an unknown, revoked or expired one",
    403: "the key lacks the route's scope, or the address is refused (api.allow/api.block)",
    404: "no such sale, export or receiver",
    409: "the sale is paid, cancelled or expired, or the same request is still running",
    422: "a malformed request",
    429: "too many calls (from this key or address), or the address is blocked",
    500: "a bug in the till (it is in the till's log)",
    502: "a mint answered with an error",
    503: "a mint or the network cannot be reached, or the database is busy",
}


def _nullable(kind: str) -> dict[str, Any]:
    return {"type": [kind, "null"]}


INT, TEXT = {"type": "integer"}, {"type": "string"}
PAYMENT_SCHEMA = {
    "type": "object",
    "required": ["id", "state", "amount", "credited", "created_at"],
    "properties": {
        "id": TEXT,
        "state": TEXT,
        "method": _nullable("string"),
        "mint": _nullable("string"),
        "amount": INT,
        "credited": INT,
        "fee": INT,
        "offline": {"type": ["boolean", "null"]},
        "error_code": _nullable("string"),
        "created_at": INT,
    },
}
# What every sale answer holds (the CLI's ``sale show`` JSON); v1 may add fields.
SALE_SCHEMA = {
    "type": "object",
    "required": [
        "sale_id",
        "state",
        "amount",
        "currency",
        "due",
        "unit",
        "paid",
        "remaining",
        "created_at",
        "expires_at",
        "paid_at",
        "payment_request",
        "refund_owed",
        "refund_state",
        "refundable",
    ],
    "properties": {
        "sale_id": TEXT,
        "state": {"enum": ["open", "partially_paid", "paid", "cancelled", "expired"]},
        "amount": {"type": "string", "description": "in the sale's currency, decimal text"},
        "currency": TEXT,
        "due": {"type": "integer", "description": "in the token unit (sat)"},
        "unit": TEXT,
        "paid": INT,
        "remaining": INT,
        "rate": {"type": ["string", "null"], "description": "price of one BTC, decimal text"},
        "memo": _nullable("string"),
        "order_id": _nullable("string"),
        "staff": _nullable("string"),
        "created_at": INT,
        "expires_at": INT,
        "paid_at": _nullable("integer"),
        "payment_request": {"type": "string", "description": "NUT-18 (creqA...)"},
        "change_token": {
            "type": ["string", "null"],
            "description": "ecash owed to the customer: only for keys with wallet:export",
        },
        "refund_owed": INT,
        "refund_state": {"enum": ["refunded", "partially_refunded", None]},
        "refundable": INT,
        "payments": {"type": "array", "items": {"$ref": "#/components/schemas/Payment"}},
    },
}
EXPORT_SCHEMA = {
    "type": "object",
    "required": ["id", "created_at", "mint", "unit", "amount", "state", "claimed_amount"],
    "properties": {
        "id": INT,
        "created_at": INT,
        "mint": TEXT,
        "unit": TEXT,
        "amount": INT,
        "state": {"enum": ["pending", "partially_claimed", "claimed", "reclaimed"]},
        "purpose": TEXT,
        "claimed_amount": INT,
        "checked_at": _nullable("integer"),
        "staff": _nullable("string"),
    },
    "not": {"required": ["token"]},  # the token is never in the history
}
SALE_REF = {"$ref": "#/components/schemas/Sale"}
EXPORT_REF = {"$ref": "#/components/schemas/Export"}
PAYMENT_REF = {"$ref": "#/components/schemas/Payment"}
SAT_BY_UNIT = {"type": "object", "additionalProperties": INT, "description": "per token unit"}
OBJECTS = {"type": "array", "items": {"type": "object"}}


def _object(required: dict[str, Any], **optional: Any) -> dict[str, Any]:
    """An answer object: these fields always (v1 may add more)."""
    return {"type": "object", "required": list(required), "properties": required | optional}


WEBHOOK_FIELDS = {
    "id": INT,
    "url": TEXT,
    "events": {"type": "array", "items": TEXT},
    "format": {"enum": ["standard", "numo"]},
    "state": TEXT,
    "pending": INT,
    "failed": INT,
    "delivered": INT,
}
WEBHOOK_SCHEMA = _object(WEBHOOK_FIELDS, created_at=TEXT)
WEBHOOK_SCHEMA["not"] = {"required": ["secret"]}  # a listed receiver never shows its secret
PERIOD_SCHEMA = _object({"name": TEXT, "from": TEXT, "to": TEXT, "start": INT, "end": INT})
FIGURES = {"sales": INT, "gross": {"type": "object"}, "gross_sat": SAT_BY_UNIT}
# The success answer of these routes (by endpoint name), where FastAPI only sees a dict.
ANSWERS = {
    "create_sale": SALE_REF,
    "get_sale": SALE_REF,
    "wait_sale": SALE_REF,
    "cancel_sale": SALE_REF,
    "list_sales": {
        "type": "object",
        "required": ["sales", "limit", "offset"],
        "properties": {"sales": {"type": "array", "items": SALE_REF}, "limit": INT, "offset": INT},
    },
    "get_export": EXPORT_REF,
    "list_exports": {"type": "array", "items": EXPORT_REF},
    "health": _object({"version": TEXT, "training": {"type": "boolean"}, "mints": OBJECTS}),
    "pay_sale": _object(
        {
            "sale_id": TEXT,
            "state": TEXT,
            "paid": INT,
            "due": INT,
            "remaining": INT,
            "change_token": _nullable("string"),
            "payment": PAYMENT_REF,
            "message": TEXT,
        }
    ),
    "pay_request": _object(
        {
            "state": TEXT,
            "payment": _nullable("string"),
            "paid": INT,
            "due": INT,
            "remaining": INT,
            "change_token": _nullable("string"),
        }
    ),
    "balance": _object({"balances": OBJECTS, "total": SAT_BY_UNIT}),
    "export_ecash": _object({"token": TEXT, "amount": INT, "mint": TEXT, "unit": TEXT, "fee": INT}),
    "report_summary": _object(
        FIGURES | {"period": PERIOD_SCHEMA, "previous": {"type": "object"}, "change_pct": {}}
    ),
    "report_x": _object(
        {"kind": TEXT, "number": INT, "period": PERIOD_SCHEMA, "figures": _object(FIGURES)}
    ),
    "list_webhooks": {"type": "array", "items": WEBHOOK_SCHEMA},
    "add_webhook": _object(WEBHOOK_FIELDS | {"secret": TEXT}),
    "remove_webhook": _object({"removed": {"type": "boolean"}, "id": INT}),
}
PUBLIC_ERRORS = tuple(s for s in ERRORS if s != 401)  # a route without a key check


def _checks(dependant: Dependant) -> Iterator[Any]:
    for sub in dependant.dependencies:
        if hasattr(sub.call, "api_scope"):
            yield sub.call
        yield from _checks(sub)


def scope_of(route: APIRoute) -> str | None:
    """The scope the route's key check asks for: :data:`ANY_KEY`, a scope, or None (public)."""
    for check in _checks(route.dependant):
        return check.api_scope or ANY_KEY
    return None


def _error(status: int) -> dict[str, Any]:
    answer: dict[str, Any] = {
        "description": ERRORS[status],
        "content": {"application/json": {"schema": ERROR_REF}},
    }
    if status == 429:
        answer["headers"] = LIMIT_HEADERS
    if status == 401:
        answer["headers"] = {"WWW-Authenticate": {"schema": {"type": "string"}}}
    return answer


def _operation(op: dict[str, Any], route: APIRoute, method: str) -> None:
    scope = scope_of(route)
    params = [
        p
        for p in op.get("parameters", ())
        if not (p.get("in") == "header" and p.get("name", "").lower() == "authorization")
    ]  # the key is the security scheme, not a parameter
    if params:
        op["parameters"] = params
    else:
        op.pop("parameters", None)
    responses = op.setdefault("responses", {})
    statuses: tuple[int, ...] = tuple(ERRORS) if scope is not None else PUBLIC_ERRORS
    if scope is None:
        op["security"] = []
    else:
        op["security"] = [{SCHEME: []}]
        op["x-scope"] = scope
        needs = "any valid key" if scope == ANY_KEY else f"a key with the `{scope}` scope"
        op["description"] = f"{op.get('description', '').rstrip()}\n\nNeeds {needs}.".lstrip()
    for status in statuses:
        # FastAPI's own 422 describes its error list, not the API's answer: replaced.
        if status == 422 or str(status) not in responses:
            responses[str(status)] = _error(status)
    op["responses"] = responses = dict(sorted(responses.items()))
    answer = ANSWERS.get(getattr(route.endpoint, "__name__", ""))
    for status, spec in responses.items():
        if (
            answer is not None
            and status.startswith("2")
            and "application/json" in spec.get("content", {})
        ):
            spec["content"]["application/json"]["schema"] = answer
    if (method, route.path) in DEPRECATED:
        op["deprecated"] = True


def describe(api: FastAPI) -> dict[str, Any]:
    """The OpenAPI document of ``api`` (made once, then kept on ``api.openapi_schema``)."""
    if api.openapi_schema:
        return api.openapi_schema
    doc = get_openapi(
        title=api.title,
        version=api.version,
        description=api.description,
        routes=api.routes,
    )
    components = doc.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    schemas.update(Error=ERROR_SCHEMA, Sale=SALE_SCHEMA, Payment=PAYMENT_SCHEMA)
    schemas["Export"] = EXPORT_SCHEMA
    for unused in ("HTTPValidationError", "ValidationError"):
        schemas.pop(unused, None)
    components["securitySchemes"] = {
        SCHEME: {
            "type": "http",
            "scheme": "bearer",
            "description": "An API key (pos_...) made in Settings, API or with "
            "`pos-app api keys create`.",
        }
    }
    for route in api.routes:
        if not isinstance(route, APIRoute) or not route.include_in_schema:
            continue
        for method in route.methods:
            op = doc["paths"].get(route.path_format, {}).get(method.lower())
            if op is not None:
                _operation(op, route, method)
    api.openapi_schema = doc
    return doc
