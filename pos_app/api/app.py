"""The local REST API, v1: a third face on the core's services (never its own path to the data).

Every route needs an API key with the route's scope (:mod:`pos_app.core.apikeys`), acts
as ``api:<key name>`` (written on the sales it makes and on the audit log), and answers
errors as ``{"error": {"category", "code", "message"}}`` with the CLI's codes. The
OpenAPI document is at ``/api/v1/openapi.json``.
"""

# No ``from __future__ import annotations``: FastAPI reads the routes' annotations, which
# name this module's closures (the key checks), when the routes are declared.
import functools
import hashlib
import logging
import math
import re
from collections.abc import AsyncIterator, Callable
from datetime import date, timedelta
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Header, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, StreamingResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from pos_app import __version__
from pos_app.api import docs_page
from pos_app.api.deprecation import DeprecationHeaders
from pos_app.api.limits import AddressRules, Guard, Refusal, client_of
from pos_app.api.openapi_doc import describe
from pos_app.api.payment_requests import add_payment_requests
from pos_app.api.sale_events import SaleStreams
from pos_app.app import App
from pos_app.core.apikeys import KeyRecord
from pos_app.core.errors import Category, PosError
from pos_app.core.logs import correlated, new_correlation_id
from pos_app.core.reports.periods import NAMED
from pos_app.core.staff import acting_as

log = logging.getLogger(__name__)

PREFIX = "/api/v1"
MAX_WAIT_SECONDS = 120  # a long-poll answers within this, whatever the client asks
NOT_FOUND = ("sale.unknown", "export.unknown")  # and every code ending in .not_found
CONFLICT = (
    "sale.expired",
    "sale.cancelled",
    "sale.already_paid",
    "sale.refunded",
    "api.idempotency_in_progress",
)
OWED_TOKENS = ("change_token", "refund_token")  # sale fields that hold the customer's ecash
UNPROCESSABLE = ("api.idempotency_mismatch",)
HTTP_ERRORS = {
    400: ("request.unreadable", "The request body could not be read: send JSON."),
    404: ("route.unknown", "There is no such route: see /api/v1/docs."),
    405: ("request.method", "This route does not take that method: see /api/v1/docs."),
}
EVENT_STREAM = {
    "text/event-stream": {
        "schema": {
            "type": "object",
            "properties": {
                "event": {"enum": ["sale", "error", "end"]},
                "data": {"type": "string", "description": "the sale's JSON, or the end's"},
                "id": {"type": "string"},
            },
        }
    }
}
CSV = {"text/csv": {"schema": {"type": "string"}}}
MAX_INT = 2**63 - 1  # the database's integers: a larger id or offset is refused, not a 500
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2999, 12, 31)  # report periods stay in range
TOO_MANY = ("api.rate_limited", "api.blocked", "api.too_many_streams")
DEFAULT_PER_KEY = 600  # calls a minute (the api.rate_limit_per_minute setting's default)
ADDRESS_REFUSED = Refusal(
    "api.address_refused",
    "The till's API does not answer this address (Settings, API: only for / never for).",
    0.0,
    0,
)
STATUS = {
    Category.VALIDATION: 400,
    Category.CONFIG: 400,
    Category.PROTOCOL: 400,
    Category.SECURITY: 403,
    Category.MINT: 502,
    Category.NETWORK: 503,
    Category.STORAGE: 503,
    Category.INTERNAL: 500,
}


def status_of(err: PosError) -> int:
    """The HTTP status of a core error: by its category, a few codes more precisely."""
    if err.code == "api.unauthorized":
        return 401
    if err.code in NOT_FOUND or err.code.endswith(".not_found"):
        return 404
    if err.code in CONFLICT:
        return 409
    if err.code in UNPROCESSABLE:
        return 422
    return STATUS.get(err.category, 500)


CORRELATION_HEADER = "X-Correlation-Id"
CORRELATION_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")


def correlation_of(request: Request) -> str:
    """The call's correlation id: the client's own ``X-Correlation-Id`` if plain, else new.

    A plain one has at most 64 letters, digits and ``._:-``. The id is logged with every
    line the call writes, kept in its audit entry and sent back in the answer.
    """
    given = request.headers.get(CORRELATION_HEADER, "")
    return given if CORRELATION_ID.fullmatch(given) else new_correlation_id()


def error_body(category: str, code: str, message: str) -> dict[str, Any]:
    """The JSON of every refusal."""
    return {"error": {"category": category, "code": code, "message": message}}


class NewSale(BaseModel):
    """A sale to create: its amount in the shop's currency (or sat), and a memo."""

    amount: str = Field(..., examples=["21", "4.50"], max_length=32)
    currency: str | None = Field(None, examples=["sat", "EUR"], max_length=8)
    memo: str | None = Field(None, max_length=200)
    order_id: str | None = Field(
        None,
        max_length=100,
        description="the external order this sale is for (your shop's order number): in "
        "the sale, its webhook events and the list's order_id filter",
        examples=["1001"],
    )


class NewWebhook(BaseModel):
    """A webhook receiver: its URL, the events it wants (comma-separated, default all)."""

    url: str = Field(..., max_length=500, examples=["https://shop.example/hooks/till"])
    events: str | None = Field(None, max_length=1000, examples=["sale.paid,sale.refunded"])
    format: Literal["standard", "numo"] = "standard"
    btcpay_sig: bool = False


class NewExport(BaseModel):
    """Ecash to hand out as a token: an amount, from a mint (default: the first that has it)."""

    amount: int = Field(..., gt=0, le=10**12)
    unit: str = Field("sat", max_length=12)
    mint: str | None = Field(None, max_length=500)
    memo: str | None = Field(None, max_length=200)


class TokenIn(BaseModel):
    """A Cashu token offered for a sale (``cashuA…``/``cashuB…``)."""

    token: str = Field(..., min_length=8, max_length=200_000)


def sale_for(key: KeyRecord, sale: dict[str, Any]) -> dict[str, Any]:
    """``sale`` as ``key`` may see it: the ecash owed to its customer only with ``wallet:export``.

    The change and refund tokens are money: a key that only reads sales (a kitchen screen)
    must not be able to take the customer's change.
    """
    if key.allows("wallet:export"):
        return sale
    return sale | {field: None for field in OWED_TOKENS if sale.get(field)}


def too_many(refusal: Refusal) -> PosError:
    """A limit's refusal as the error the API answers with 429."""
    return PosError(
        refusal.code,
        refusal.message,
        category=Category.SECURITY,
        data={"retry_after": math.ceil(refusal.retry_after), "limit": refusal.limit},
    )


def make_api(core: App, guard: Guard | None = None, rules: AddressRules | None = None) -> FastAPI:
    """The API over ``core`` (an opened :class:`~pos_app.app.App`).

    ``guard``: the rate limits and blocks (default: the settings' defaults);
    ``rules``: the owner's allow and block lists (default: every address).
    """
    guard = guard or Guard(DEFAULT_PER_KEY, DEFAULT_PER_KEY * 2)
    rules = rules or AddressRules()
    api = FastAPI(
        title="pos-app local API",
        version=f"1 (app {__version__})",
        openapi_url=f"{PREFIX}/openapi.json",
        docs_url=None,  # the human docs are drawn here (docs_page), never from a CDN
        redoc_url=None,
    )

    @api.middleware("http")
    async def audited(request: Request, call_next: Any) -> Any:
        client = client_of(request)
        cid = correlation_of(request)
        refusal = None if rules.admits(client) else ADDRESS_REFUSED
        if refusal is None:
            refusal = guard.client(client)
            # An owner may have lifted the block (Settings, the command line).
            blocked = refusal is not None and refusal.code == "api.blocked"
            if blocked and not await core.api_keys.blocks.active(client):
                guard.lift(client)
                refusal = guard.client(client)
        if refusal is ADDRESS_REFUSED:
            body = error_body("security", refusal.code, refusal.message)
            response = JSONResponse(body, status_code=403)
        elif refusal is not None:
            response = limited(too_many(refusal))
        else:
            try:
                with correlated(cid):  # the route runs in a copy of this context
                    response = await call_next(request)
            except Exception:  # a bug: logged with its traceback, answered in our shape
                log.exception("API %s %s failed", request.method, request.url.path[:200])
                body = error_body(
                    "internal", "internal.error", "The till failed to answer; it is in its log."
                )
                response = JSONResponse(body, status_code=500)
        route = request.scope.get("route")
        core.api_keys.record_call(
            getattr(request.state, "api_key", None),
            request.method,
            getattr(route, "path", request.url.path[:200]),
            response.status_code,
            client,
            key_id=getattr(request.state, "api_key_id", None),
            correlation_id=cid,
        )
        response.headers[CORRELATION_HEADER] = cid
        return response

    def limited(err: PosError) -> JSONResponse:
        wait = str(err.data["retry_after"])
        headers = {"Retry-After": wait, "RateLimit-Limit": str(err.data["limit"])}
        headers |= {"RateLimit-Remaining": "0", "RateLimit-Reset": wait}
        body = error_body(str(err.category), err.code, err.user_message)
        return JSONResponse(body, status_code=429, headers=headers)

    @api.exception_handler(PosError)
    async def pos_error(_request: Request, err: PosError) -> JSONResponse:
        if err.code in TOO_MANY:
            return limited(err)
        body = error_body(str(err.category), err.code, err.user_message)
        headers = {"WWW-Authenticate": "Bearer"} if err.code == "api.unauthorized" else None
        return JSONResponse(body, status_code=status_of(err), headers=headers)

    @api.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, err: StarletteHTTPException) -> JSONResponse:
        # Starlette's own refusals (a body that is not JSON, no such route, a wrong method)
        # in the API's shape, not as {"detail": ...}.
        code, message = HTTP_ERRORS.get(err.status_code, ("request.refused", str(err.detail)))
        body = error_body("validation", code, message)
        return JSONResponse(body, status_code=err.status_code, headers=err.headers)

    @api.exception_handler(RequestValidationError)
    async def bad_request(_request: Request, err: RequestValidationError) -> JSONResponse:
        first = err.errors()[0] if err.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        message = f"{where}: {first.get('msg', 'invalid')}" if where else "The request is invalid."
        return JSONResponse(error_body("validation", "request.invalid", message), 422)

    def key_with(scope: str | None) -> Callable[..., AsyncIterator[KeyRecord]]:
        async def check(
            request: Request, authorization: Annotated[str | None, Header()] = None
        ) -> AsyncIterator[KeyRecord]:
            token = None
            if authorization and authorization.lower().startswith("bearer "):
                token = authorization[7:].strip()
            try:
                record = await core.api_keys.check(token, scope)
            except PosError as err:
                if err.code == "api.unauthorized" and guard.failed(client_of(request)):
                    await core.api_keys.record_block(
                        client_of(request), guard.block_seconds, guard.failures.limit
                    )
                raise
            request.state.api_key = record.name  # for the call's audit entry
            request.state.api_key_id = record.id
            refusal = guard.key(record.name)
            if refusal is not None:
                raise too_many(refusal)
            # The request acts as the key: the sales and audit entries it makes say so.
            with acting_as(f"api:{record.name}"):
                yield record

        check.api_scope = scope  # type: ignore[attr-defined]  # read by the OpenAPI document
        return check

    @functools.cache  # drawn once: the routes do not change while the app runs
    def docs_html() -> str:
        return docs_page.render(api.openapi(), f"{PREFIX}/openapi.json")

    @api.get(f"{PREFIX}/docs", include_in_schema=False, response_class=HTMLResponse)
    async def docs() -> HTMLResponse:
        """The human documentation, drawn from the OpenAPI document (no key: it holds no data)."""
        return HTMLResponse(docs_html())

    @api.get(f"{PREFIX}/health", tags=["app"])
    async def health(_key: Annotated[Any, Depends(key_with(None))]) -> dict[str, Any]:
        """The app's own state: version, training mode, and its trusted mints' health."""
        mints = await core.services.health.trusted_status()
        return {"version": __version__, "training": core.training, "mints": mints}

    @api.post(f"{PREFIX}/sales", status_code=201, tags=["sales"])
    async def create_sale(
        sale: NewSale,
        response: Response,
        key: Annotated[KeyRecord, Depends(key_with("sales:write"))],
        idempotency_key: Annotated[str | None, Header(max_length=200)] = None,
    ) -> dict[str, Any]:
        """Create a sale: its rate locked and its payment requests (NUT-18) made.

        With an ``Idempotency-Key`` header, a retry of the same request within a day gets
        the same sale (status 200, ``Idempotent-Replayed: true``), never a second one.
        """

        async def make() -> str:
            made = await core.sales.new_sale(
                sale.amount, sale.currency, sale.memo, order_id=sale.order_id
            )
            return str(made["sale_id"])

        if idempotency_key is None:
            return sale_for(key, await core.sales.show(await make()))
        fingerprint = hashlib.sha256(sale.model_dump_json().encode()).hexdigest()
        sale_id, replayed = await core.api_keys.once(key.id, idempotency_key, fingerprint, make)
        if replayed:
            response.status_code = 200
            response.headers["Idempotent-Replayed"] = "true"
        return sale_for(key, await core.sales.show(sale_id))

    @api.get(f"{PREFIX}/sales", tags=["sales"])
    async def list_sales(
        *,
        key: Annotated[KeyRecord, Depends(key_with("sales:read"))],
        state: Annotated[str | None, Query(max_length=32)] = None,
        since: Annotated[int | None, Query(ge=0, le=MAX_INT)] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        offset: Annotated[int, Query(ge=0, le=MAX_INT)] = 0,
        order_id: Annotated[str | None, Query(max_length=100)] = None,
    ) -> dict[str, Any]:
        """Sales, newest first (``order_id``: those made for that external order)."""
        sales = await core.sales.list(state, since, limit, offset, order_id=order_id)
        return {"sales": [sale_for(key, s) for s in sales], "limit": limit, "offset": offset}

    @api.get(f"{PREFIX}/sales/{{sale_id}}", tags=["sales"])
    async def get_sale(
        sale_id: str, key: Annotated[KeyRecord, Depends(key_with("sales:read"))]
    ) -> dict[str, Any]:
        """One sale with its payments.

        ``change_token`` and ``refund_token`` (ecash owed to the customer) are given only
        to keys with the ``wallet:export`` scope; other keys see null.
        """
        return sale_for(key, await core.sales.show(sale_id))

    @api.get(f"{PREFIX}/sales/{{sale_id}}/wait", tags=["sales"])
    async def wait_sale(
        sale_id: str,
        key: Annotated[KeyRecord, Depends(key_with("sales:read"))],
        state: Annotated[str | None, Query(max_length=32)] = None,
        timeout: Annotated[float, Query(ge=0, le=MAX_WAIT_SECONDS)] = 30,
    ) -> dict[str, Any]:
        """Long-poll: the sale once its state changes from ``state`` (default: as it is now).

        After ``timeout`` seconds the sale comes back unchanged. A kiosk waits here for "paid".
        """
        return sale_for(key, await core.sales.wait_change(sale_id, state, timeout))

    streams = SaleStreams(core.sales)

    @api.get(
        f"{PREFIX}/sales/{{sale_id}}/events",
        tags=["sales"],
        response_class=StreamingResponse,
        responses={200: {"description": "server-sent events", "content": EVENT_STREAM}},
    )
    async def sale_events(
        sale_id: str,
        key: Annotated[KeyRecord, Depends(key_with("sales:read"))],
        timeout: Annotated[float, Query(ge=0, le=MAX_WAIT_SECONDS)] = 60,
    ) -> StreamingResponse:
        """Server-sent events: the sale now, then each time its state or paid amount changes.

        Each ``sale`` event carries the sale's JSON. The stream ends with an ``end`` event
        once the sale is paid, cancelled or expired, or after ``timeout`` seconds; a
        comment every 15 s keeps proxies from closing a quiet stream.
        """
        streams.check_room()
        first = await core.sales.show(sale_id)  # an unknown sale is a 404, not a stream
        return StreamingResponse(
            streams.stream(sale_id, first, timeout, lambda sale: sale_for(key, sale)),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
        )

    @api.post(f"{PREFIX}/sales/{{sale_id}}/cancel", tags=["sales"])
    async def cancel_sale(
        sale_id: str, key: Annotated[KeyRecord, Depends(key_with("sales:write"))]
    ) -> dict[str, Any]:
        """Cancel an unpaid sale."""
        return sale_for(key, await core.sales.cancel(sale_id))

    @api.post(f"{PREFIX}/sales/{{sale_id}}/payments", tags=["payments"])
    async def pay_sale(
        sale_id: str, body: TokenIn, _key: Annotated[Any, Depends(key_with("payments:write"))]
    ) -> dict[str, Any]:
        """Offer a token for the sale: the same checkout as the camera and the paste field."""
        result = await core.sales.pay(sale_id, body.token, source="api")
        return result.to_dict()

    @api.get(f"{PREFIX}/reports/summary", tags=["reports"])
    async def report_summary(
        _key: Annotated[Any, Depends(key_with("reports:read"))],
        period: Annotated[Literal[NAMED], Query()] = "today",  # type: ignore[valid-type]
        tz: Annotated[str | None, Query(max_length=60)] = None,
    ) -> dict[str, Any]:
        """A period's figures (sales, fees, mints, methods, refusals) against the one before."""
        return await core.reports.summary(await core.reports.period_async(period, zone=tz))

    @api.get(f"{PREFIX}/reports/x", tags=["reports"])
    async def report_x(
        _key: Annotated[Any, Depends(key_with("reports:read"))],
        tz: Annotated[str | None, Query(max_length=60)] = None,
        scope: Annotated[Literal["till", "shop"], Query()] = "till",
    ) -> dict[str, Any]:
        """The X report: what the next Z report would say now (nothing is closed).

        On a shop's shared database ``scope=till`` is this till's sales, ``shop`` every
        till's with the ecash drawer; a single till's one report is both.
        """
        return await core.reports.x_report(tz, check=False, scope=scope)

    @api.get(
        f"{PREFIX}/reports/payments.csv",
        tags=["reports"],
        response_class=StreamingResponse,
        responses={200: {"description": "the period's payments as CSV", "content": CSV}},
    )
    async def report_csv(
        _key: Annotated[Any, Depends(key_with("reports:read"))],
        period: Annotated[Literal[NAMED], Query()] = "today",  # type: ignore[valid-type]
        first: Annotated[date | None, Query(alias="from", ge=FIRST_DAY, le=LAST_DAY)] = None,
        last: Annotated[date | None, Query(alias="to", ge=FIRST_DAY, le=LAST_DAY)] = None,
        tz: Annotated[str | None, Query(max_length=60)] = None,
    ) -> StreamingResponse:
        """The period's payments, one row each: the CSV the app and ``pos-app report csv`` write.

        ``from`` and ``to`` (days, both included) replace ``period``. UTF-8 with a byte
        order mark, RFC 4180 quoting, CRLF line ends; sent as it is read, never as a file.
        """
        chosen = await core.reports.period_async(period, first=first, last=last, zone=tz)
        last_day = chosen.end - timedelta(days=1)
        name = f"payments-{chosen.first.isoformat()}-{last_day.isoformat()}.csv"
        return StreamingResponse(
            core.reports.csv_chunks(chosen),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    @api.get(f"{PREFIX}/webhooks", tags=["webhooks"])
    async def list_webhooks(
        _key: Annotated[Any, Depends(key_with("webhooks:admin"))],
    ) -> list[dict[str, Any]]:
        """Every webhook receiver (never its secret)."""
        return await core.webhooks.list()

    @api.post(f"{PREFIX}/webhooks", status_code=201, tags=["webhooks"])
    async def add_webhook(
        hook: NewWebhook, _key: Annotated[Any, Depends(key_with("webhooks:admin"))]
    ) -> dict[str, Any]:
        """A new receiver; the answer holds its signing secret, shown this once."""
        return await core.webhooks.add(
            hook.url, hook.events, hook.format, btcpay_sig=hook.btcpay_sig
        )

    @api.delete(f"{PREFIX}/webhooks/{{endpoint_id}}", tags=["webhooks"])
    async def remove_webhook(
        endpoint_id: Annotated[int, Path(ge=1, le=MAX_INT)],
        _key: Annotated[Any, Depends(key_with("webhooks:admin"))],
    ) -> dict[str, Any]:
        """Remove a receiver with its queue and history."""
        return await core.webhooks.remove(endpoint_id)

    @api.post(f"{PREFIX}/wallet/exports", status_code=201, tags=["wallet"])
    async def export_ecash(
        export: NewExport, _key: Annotated[Any, Depends(key_with("wallet:export"))]
    ) -> dict[str, Any]:
        """Take ecash out of the wallet as a token (in the answer, and in the export history).

        The money leaves the till: only keys with the ``wallet:export`` scope may.
        """
        sent = await core.wallet.send(export.mint, export.unit, export.amount, memo=export.memo)
        return sent.to_dict()

    @api.get(f"{PREFIX}/wallet/exports", tags=["wallet"])
    async def list_exports(
        _key: Annotated[Any, Depends(key_with("wallet:read"))],
        status: Annotated[str | None, Query(max_length=32)] = None,
        since: Annotated[int | None, Query(ge=0, le=MAX_INT)] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
    ) -> list[dict[str, Any]]:
        """Tokens handed out, newest first, with whether they were claimed (never the tokens)."""
        found = await core.exports.list(status=status, since=since, limit=limit)
        return [e.to_dict() for e in found]

    @api.get(f"{PREFIX}/wallet/exports/{{export_id}}", tags=["wallet"])
    async def get_export(
        export_id: Annotated[int, Path(ge=1, le=MAX_INT)],
        _key: Annotated[Any, Depends(key_with("wallet:read"))],
    ) -> dict[str, Any]:
        """One export: whether its token was claimed, as of the last check (never the token)."""
        return (await core.exports.get(export_id)).to_dict()

    @api.get(f"{PREFIX}/wallet/balance", tags=["wallet"])
    async def balance(_key: Annotated[Any, Depends(key_with("wallet:read"))]) -> dict[str, Any]:
        """What the wallet holds, per mint and unit."""
        return await core.wallet.balance()

    # The NUT-18 post transport: customers' wallets pay a sale's request, without a key.
    add_payment_requests(api, core, guard, too_many)

    api.openapi = lambda: describe(api)  # type: ignore[method-assign]
    api.add_middleware(DeprecationHeaders)
    return api
