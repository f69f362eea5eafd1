"""A lying mint never settles a sale and never loses a token: melts, swaps, identity.

A real nutshell mint sits behind :class:`MintProxy`; the shop knows only the
proxy's URL. Each test makes the proxy lie in one way and checks the sale, the
payment, the journal operation, the wallet balance and the inputs' states at
the real mint; then, where the truth can still be found, that recovery finds it.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager

import pytest
from sqlalchemy import select

from pos_app.app import App
from pos_app.core.cashu import crypto
from pos_app.core.cashu.tokens import parse_token
from pos_app.core.errors import MintError, PosError
from pos_app.core.events import Notification
from pos_app.core.mint import client as mint_client
from pos_app.core.store.schema import AuditEntry, Export, Operation, Payment
from tests.support import mintproxy as lies
from tests.support.funding import open_client
from tests.support.mintproxy import MintProxy
from tests.support.tokens import token_async

pytestmark = pytest.mark.mint

MELT = "/v1/melt/bolt11"
QUOTE_STATE = "/v1/melt/quote/bolt11/[^/]+"
SWAP = "/v1/swap"


@pytest.fixture
def proxy(mint) -> Iterator[MintProxy]:
    with MintProxy(mint.url, hang_seconds=10) as server:
        yield server


@pytest.fixture(autouse=True)
def db_key(monkeypatch) -> None:
    monkeypatch.setenv("POS_DB_KEY", os.urandom(32).hex())


@asynccontextmanager
async def shop(tmp_path, mint_url: str, **settings: str) -> AsyncIterator[App]:
    app, _ = App.init(tmp_path / "shop", trust_env=False)
    try:
        await app.mints.add(mint_url)
        for key, value in settings.items():
            await app.db.run(lambda s, k=key, v=value: app.config.set(s, k.replace("__", "."), v))
        yield app
    finally:
        await app.aclose()


async def states_at(real_url: str, text: str) -> set[str]:
    """NUT-07 states of a token's proofs, asked of the real mint (not through the proxy)."""
    ys = [crypto.y_of_secret(p.secret) for p in parse_token(text).proofs]
    async with open_client(real_url) as client:
        return {s.state for s in await client.checkstate(ys)}


async def only_op(app: App, kind: str) -> Operation:
    return await app.db.run(
        lambda s: s.scalars(select(Operation).where(Operation.kind == kind)).one()
    )


async def payment_of(app: App, sale_id: str) -> Payment:
    return await app.db.run(
        lambda s: s.scalars(select(Payment).where(Payment.sale_id == sale_id)).one()
    )


async def audits(app: App, action: str) -> list[AuditEntry]:
    return await app.db.run(
        lambda s: list(s.scalars(select(AuditEntry).where(AuditEntry.action == action)))
    )


async def balance(app: App) -> int:
    return sum((await app.wallet.balance())["total"].values())


async def sale_and_token(app: App, mint_url: str, amount: int) -> tuple[str, str]:
    sale = await app.sales.new_sale(str(amount), "sat")
    return sale["sale_id"], await token_async(mint_url, amount)


# -- melts ------------------------------------------------------------------------------------


def melt_shop(tmp_path, proxy, lnurl_server, **settings: str):
    lnurl_server.configure("shop", hash="random", settle="auto")
    return shop(
        tmp_path,
        proxy.url,
        mode="auto_convert",
        lightning__address=lnurl_server.address("shop"),
        **settings,
    )


@pytest.mark.parametrize("state", ["UNPAID", "EXPIRED"])
def test_melt_unpaid_with_inputs_unspent_is_refused_and_the_token_kept(
    tmp_path, mint, proxy, lnurl_server, state
):
    """HTTP 200 ``UNPAID`` (or a state this app does not know), inputs unspent: refused."""

    async def scenario() -> None:
        async with melt_shop(tmp_path, proxy, lnurl_server) as app:
            sale_id, tok = await sale_and_token(app, proxy.url, 100)
            proxy.lie("POST", MELT, "answer", body=lies.melt_unpaid_without_forwarding(97, state))
            with pytest.raises(MintError) as refused:
                await app.sales.pay(sale_id, tok)
            assert refused.value.code == "mint.lightning_failed"
            shown = await app.sales.show(sale_id)
            assert (shown["state"], shown["paid"]) == ("open", 0)
            payment = await payment_of(app, sale_id)
            assert (payment.state, payment.error_code) == ("rejected", "mint.lightning_failed")
            assert (await only_op(app, "melt")).state == "failed"
            assert await states_at(mint.url, tok) == {"UNSPENT"}  # the customer's coins
            proxy.honest()
            # Nothing was lost: the very same token still pays (swapped into the wallet).
            assert (await app.wallet.receive(tok)).amount == 100

    asyncio.run(scenario())


def test_melt_unpaid_with_inputs_pending_waits_for_recovery(tmp_path, mint, proxy, lnurl_server):
    """``UNPAID`` while the inputs look PENDING: not refused, not settled; recovery decides."""

    async def scenario() -> None:
        async with melt_shop(tmp_path, proxy, lnurl_server) as app:
            sale_id, tok = await sale_and_token(app, proxy.url, 100)
            proxy.lie("POST", MELT, "answer", body=lies.melt_unpaid_without_forwarding(97))
            proxy.lie("POST", "/v1/checkstate", "rewrite", rewrite=lies.proof_states("PENDING"))
            res = await app.sales.pay(sale_id, tok)
            assert (res.state, res.paid, res.payment["state"]) == ("open", 0, "recovering")
            op = await only_op(app, "melt")
            assert (await app.wallet.recovery.run(op.id)).action == "waiting"
            # The truth: the mint never saw the melt. Recovery closes it; the token is intact.
            proxy.honest()
            outcome = await app.wallet.recovery.run(op.id)
            assert (outcome.state, outcome.action) == ("failed", "released")
            assert (await payment_of(app, sale_id)).state == "failed"
            assert (await app.sales.show(sale_id))["paid"] == 0
            assert await states_at(mint.url, tok) == {"UNSPENT"}

    asyncio.run(scenario())


@pytest.mark.parametrize("state", ["UNPAID", "PENDING"])
def test_melt_paid_but_reported_unpaid_or_pending_forever_goes_to_review(
    tmp_path, mint, proxy, lnurl_server, state
):
    """The mint spent the inputs but keeps saying UNPAID/PENDING: recovery, then review."""

    async def scenario() -> None:
        async with melt_shop(tmp_path, proxy, lnurl_server, retry__max_attempts="2") as app:
            sale_id, tok = await sale_and_token(app, proxy.url, 100)
            proxy.lie("POST", MELT, "rewrite", rewrite=lies.melt_state(state))
            proxy.lie("GET", QUOTE_STATE, "rewrite", rewrite=lies.melt_state(state))
            res = await app.sales.pay(sale_id, tok)
            assert (res.state, res.paid, res.payment["state"]) == ("open", 0, "recovering")
            assert await states_at(mint.url, tok) == {"SPENT"}
            op = await only_op(app, "melt")
            recovery = app.wallet.recovery
            assert (await recovery.run(op.id)).action == "waiting"
            last = await recovery.run(op.id)
            assert last.state == "needs_review"
            assert (await payment_of(app, sale_id)).state == "needs_review"
            assert (await app.sales.show(sale_id))["paid"] == 0
            # The mint tells the truth again: the owner's retry settles the sale once.
            proxy.honest()
            assert (await recovery.run(op.id, manual=True)).state == "recovered"
            shown = await app.sales.show(sale_id)
            assert (shown["state"], shown["paid"]) == ("paid", 100)
            assert (await payment_of(app, sale_id)).proof_status == "verified"
            assert (await recovery.run(op.id, manual=True)).action == "none"
            assert (await app.sales.show(sale_id))["paid"] == 100

    asyncio.run(scenario())


@pytest.mark.parametrize(
    ("lie", "at_once"),
    [
        pytest.param({"action": "drop"}, False, id="connection-dropped-after-forwarding"),
        pytest.param({"action": "invalid_json"}, False, id="invalid-json"),
        pytest.param(
            {"action": "rewrite", "rewrite": lambda _q, _s, _a: (500, {"detail": "oops"})},
            False,
            id="500-after-forwarding",
        ),
        # A refusal in words makes the wallet ask the quote at once: PAID, so it settles.
        pytest.param(
            {
                "action": "rewrite",
                "rewrite": lambda _q, _s, _a: (400, {"detail": "no", "code": 20000}),
            },
            True,
            id="error-body-after-forwarding",
        ),
    ],
)
def test_melt_answer_lost_or_garbled_is_settled_only_by_the_quote_state(
    tmp_path, mint, proxy, lnurl_server, lie, at_once
):
    async def scenario() -> None:
        async with melt_shop(tmp_path, proxy, lnurl_server) as app:
            sale_id, tok = await sale_and_token(app, proxy.url, 100)
            proxy.lie("POST", MELT, times=1, **lie)
            res = await app.sales.pay(sale_id, tok)
            assert await states_at(mint.url, tok) == {"SPENT"}
            if not at_once:
                assert (res.state, res.paid, res.payment["state"]) == ("open", 0, "recovering")
                assert res.payment["error_code"].startswith("mint.")
                outcome = await app.wallet.recovery.run((await only_op(app, "melt")).id)
                assert outcome.state == "recovered"
            shown = await app.sales.show(sale_id)
            assert (shown["state"], shown["paid"]) == ("paid", 100)
            assert (await payment_of(app, sale_id)).proof_status == "verified"

    asyncio.run(scenario())


def test_melt_error_body_without_forwarding_is_refused_and_the_token_kept(
    tmp_path, mint, proxy, lnurl_server
):
    async def scenario() -> None:
        async with melt_shop(tmp_path, proxy, lnurl_server) as app:
            sale_id, tok = await sale_and_token(app, proxy.url, 100)
            proxy.lie(
                "POST", MELT, "answer", status=400, body={"detail": "payment failed", "code": 20000}
            )
            with pytest.raises(PosError):
                await app.sales.pay(sale_id, tok)
            assert (await payment_of(app, sale_id)).state == "rejected"
            assert (await app.sales.show(sale_id))["paid"] == 0
            assert (await only_op(app, "melt")).state == "failed"
            assert await states_at(mint.url, tok) == {"UNSPENT"}

    asyncio.run(scenario())


def test_melt_body_that_never_ends_times_out_into_recovery(
    tmp_path, mint, proxy, lnurl_server, monkeypatch
):
    monkeypatch.setattr(mint_client, "MELT_DEADLINE", 2.0)

    async def scenario() -> None:
        async with melt_shop(tmp_path, proxy, lnurl_server) as app:
            sale_id, tok = await sale_and_token(app, proxy.url, 100)
            proxy.lie("POST", MELT, "endless", times=1)
            res = await app.sales.pay(sale_id, tok)
            assert (res.paid, res.payment["state"]) == (0, "recovering")
            assert res.payment["error_code"] == "mint.timeout"
            outcome = await app.wallet.recovery.run((await only_op(app, "melt")).id)
            assert outcome.state == "recovered"
            assert (await app.sales.show(sale_id))["state"] == "paid"

    asyncio.run(scenario())


def test_paid_melt_with_badly_signed_change_settles_but_credits_no_change(
    tmp_path, mint, proxy, lnurl_server
):
    """The invoice was paid (the sale is), but change the mint did not sign right is not kept."""

    def bad_change(_request, status, answer):
        return status, {**answer, "change": lies.bad_dleq(answer["change"], [])}

    async def scenario() -> None:
        async with melt_shop(tmp_path, proxy, lnurl_server) as app:
            sale_id, tok = await sale_and_token(app, proxy.url, 100)
            proxy.lie("POST", MELT, "rewrite", rewrite=bad_change)
            seen: list[Notification] = []
            app.bus.subscribe(Notification, seen.append)
            res = await app.sales.pay(sale_id, tok)
            assert (res.state, res.paid) == ("paid", 100)
            assert [n.title for n in seen if n.level == "critical"] == ["Mint sent bad change"]
            assert await balance(app) == 0
            [entry] = await audits(app, "security.bad_signatures")
            assert "mint.dleq_invalid" in entry.details_json
            assert (await only_op(app, "melt")).state == "done"

    asyncio.run(scenario())


# -- swaps ------------------------------------------------------------------------------------


SWAP_LIES = [
    pytest.param(lies.drop_last, "mint.bad_response", id="fewer-signatures"),
    pytest.param(lies.extra_copy, "mint.bad_response", id="more-signatures"),
    pytest.param(lies.swapped_amounts, "mint.bad_response", id="amounts-differ"),
    pytest.param(lies.bad_dleq, "mint.dleq_invalid", id="bad-dleq"),
    pytest.param(lies.no_dleq, "mint.dleq_missing", id="no-dleq"),
    pytest.param(lies.other_keyset("00" + "ab" * 7), "mint.wrong_keyset", id="foreign-keyset"),
]


@pytest.mark.parametrize(("change", "code"), SWAP_LIES)
def test_badly_signed_swap_credits_nothing_and_recovery_restores(
    tmp_path, mint, proxy, change, code
):
    async def scenario() -> None:
        async with shop(tmp_path, proxy.url) as app:
            sale_id, tok = await sale_and_token(app, proxy.url, 7)  # outputs 1, 2, 4
            proxy.lie("POST", SWAP, "rewrite", rewrite=lies.signatures(change), times=1)
            seen: list[Notification] = []
            app.bus.subscribe(Notification, seen.append)
            res = await app.sales.pay(sale_id, tok)
            warned = [n.title for n in seen if n.level == "critical"]
            assert warned == ([] if code == "mint.bad_response" else ["Mint signed wrongly"])
            assert (res.state, res.paid) == ("open", 0)
            assert (res.payment["state"], res.payment["error_code"]) == ("recovering", code)
            assert await balance(app) == 0
            op = await only_op(app, "receive")
            assert (op.state, op.last_error_code) == ("pending", code)
            [entry] = await audits(app, "security.bad_signatures")
            assert '"SPENT"' in entry.details_json  # the NUT-07 check of the inputs
            # The mint signed our outputs after all: restore fetches and checks them again.
            outcome = await app.wallet.recovery.run(op.id)
            assert (outcome.state, outcome.action) == ("recovered", "restored")
            assert await balance(app) == 7
            shown = await app.sales.show(sale_id)
            assert (shown["state"], shown["paid"]) == ("paid", 7)

    asyncio.run(scenario())


def test_badly_signed_export_swap_credits_nothing_and_recovery_restores(tmp_path, mint, proxy):
    async def scenario() -> None:
        async with shop(tmp_path, proxy.url) as app:
            await app.wallet.receive(await token_async(proxy.url, 64))
            proxy.lie("POST", SWAP, "rewrite", rewrite=lies.signatures(lies.bad_dleq), times=1)
            with pytest.raises(PosError) as refused:
                await app.wallet.send(proxy.url, "sat", 10)
            assert refused.value.code == "mint.dleq_invalid"
            op = await only_op(app, "send")
            assert (op.state, op.last_error_code) == ("pending", "mint.dleq_invalid")
            assert await balance(app) == 0  # the 64 is held by the open send
            outcome = await app.wallet.recovery.run(op.id)
            assert (outcome.state, outcome.action) == ("recovered", "restored")
            assert await balance(app) == 54
            exports = await app.db.run(lambda s: list(s.scalars(select(Export))))
            assert [e.amount for e in exports] == [10]

    asyncio.run(scenario())


def test_a_mint_that_keeps_lying_on_restore_ends_in_review_with_nothing_credited(
    tmp_path, mint, proxy
):
    async def scenario() -> None:
        async with shop(tmp_path, proxy.url, retry__max_attempts="2") as app:
            sale_id, tok = await sale_and_token(app, proxy.url, 5)
            proxy.lie("POST", SWAP, "rewrite", rewrite=lies.signatures(lies.bad_dleq))
            proxy.lie("POST", "/v1/restore", "rewrite", rewrite=lies.signatures(lies.bad_dleq))
            res = await app.sales.pay(sale_id, tok)
            assert res.payment["error_code"] == "mint.dleq_invalid"
            op = await only_op(app, "receive")
            first = await app.wallet.recovery.run(op.id)
            assert (first.state, first.error_code) == ("pending", "mint.dleq_invalid")
            assert (await app.wallet.recovery.run(op.id)).state == "needs_review"
            assert await balance(app) == 0
            assert (await payment_of(app, sale_id)).state == "needs_review"
            assert (await app.sales.show(sale_id))["paid"] == 0

    asyncio.run(scenario())


@pytest.mark.parametrize(
    "lie",
    [
        pytest.param(
            {"action": "answer", "status": 500, "body": {"detail": "boom"}}, id="500-unforwarded"
        ),
        pytest.param({"action": "answer", "body": {"signatures": []}}, id="empty-unforwarded"),
        pytest.param({"action": "answer", "body": {"no": "signatures"}}, id="garbage-unforwarded"),
    ],
)
def test_swap_the_mint_never_did_is_resent_by_recovery(tmp_path, mint, proxy, lie):
    async def scenario() -> None:
        async with shop(tmp_path, proxy.url) as app:
            sale_id, tok = await sale_and_token(app, proxy.url, 12)
            proxy.lie("POST", SWAP, times=1, **lie)
            res = await app.sales.pay(sale_id, tok)
            assert (res.paid, res.payment["state"]) == (0, "recovering")
            assert await states_at(mint.url, tok) == {"UNSPENT"}
            assert await balance(app) == 0
            outcome = await app.wallet.recovery.run((await only_op(app, "receive")).id)
            assert (outcome.state, outcome.action) == ("recovered", "resent")
            assert await balance(app) == 12
            assert (await app.sales.show(sale_id))["state"] == "paid"

    asyncio.run(scenario())


def test_swap_body_that_never_ends_is_recovered(tmp_path, mint, proxy, monkeypatch):
    monkeypatch.setattr(mint_client, "REQUEST_DEADLINE", 3.0)

    async def scenario() -> None:
        async with shop(tmp_path, proxy.url) as app:
            sale_id, tok = await sale_and_token(app, proxy.url, 9)
            proxy.lie("POST", SWAP, "endless", times=1)
            res = await app.sales.pay(sale_id, tok)
            assert (res.paid, res.payment["error_code"]) == (0, "mint.timeout")
            assert await balance(app) == 0
            outcome = await app.wallet.recovery.run((await only_op(app, "receive")).id)
            assert (outcome.state, outcome.action) == ("recovered", "restored")
            assert await balance(app) == 9
            assert (await app.sales.show(sale_id))["paid"] == 9

    asyncio.run(scenario())


def test_swap_forwarded_after_the_wallet_gave_up_is_restored(tmp_path, mint, proxy, monkeypatch):
    """The proxy holds the swap past the wallet's deadline, then the mint does it anyway."""
    monkeypatch.setattr(mint_client, "REQUEST_DEADLINE", 3.0)

    async def scenario() -> None:
        async with shop(tmp_path, proxy.url) as app:
            sale_id, tok = await sale_and_token(app, proxy.url, 6)
            proxy.lie("POST", SWAP, "delay", delay=5.0, times=1)
            res = await app.sales.pay(sale_id, tok)
            assert (res.paid, res.payment["error_code"]) == (0, "mint.timeout")
            for _ in range(150):  # the late swap lands at the mint
                if await states_at(mint.url, tok) == {"SPENT"}:
                    break
                await asyncio.sleep(0.1)
            assert await states_at(mint.url, tok) == {"SPENT"}
            outcome = await app.wallet.recovery.run((await only_op(app, "receive")).id)
            assert (outcome.state, outcome.action) == ("recovered", "restored")
            assert await balance(app) == 6
            assert (await app.sales.show(sale_id))["paid"] == 6

    asyncio.run(scenario())


# -- the mint's identity ------------------------------------------------------------------------


def test_changed_mint_public_key_raises_a_critical_warning(tmp_path, proxy):
    async def scenario() -> None:
        async with shop(tmp_path, proxy.url) as app:
            seen: list[Notification] = []
            app.bus.subscribe(Notification, seen.append)
            await app.services.health.check_all()
            assert not [n for n in seen if n.level == "critical"]
            other = "02" + "11" * 32
            proxy.lie("GET", "/v1/info", "rewrite", rewrite=lies.info_pubkey(other))
            await app.services.health.check_all()
            assert [n.title for n in seen if n.level == "critical"] == ["Mint key changed"]

    asyncio.run(scenario())


def test_keysets_claiming_another_mints_ids_are_refused(tmp_path, proxy, stranger_mint):
    async def scenario() -> None:
        async with shop(tmp_path, stranger_mint.url) as app:
            async with open_client(stranger_mint.url) as client:
                theirs = [k.id for k in await client.keysets()]
                their_keys = [k for k in await client.active_keys()]
            proxy.lie("GET", "/v1/keysets", "rewrite", rewrite=lies.keyset_ids(theirs))
            proxy.lie(
                "GET",
                "/v1/keys/[0-9a-f]+",
                "answer",
                body={
                    "keysets": [
                        {
                            "id": k.id,
                            "unit": k.unit,
                            "active": k.active,
                            "keys": {str(a): v for a, v in k.keys.items()},
                        }
                        for k in their_keys
                    ]
                },
            )
            with pytest.raises(PosError) as refused:
                await app.mints.add(proxy.url)
            assert refused.value.code == "keyset.foreign"
            listed = await app.db.run(app.mints.list)
            assert [m["url"] for m in listed] == [stranger_mint.url]

    asyncio.run(scenario())


def test_a_slow_check_from_before_an_outage_does_not_hide_it(tmp_path, proxy):
    """Two checks of one mint overlap: the one that saw it offline is the one kept.

    A sale-start check begins while the mint answers, slowly; the mint goes down and a
    second check sees it offline. The first answer arrives last: it must not store
    "online" over the newer "offline" (the offline banner would stay hidden).
    """

    async def scenario() -> None:
        async with shop(tmp_path, proxy.url) as app:
            health = app.services.health
            for path in ("/v1/info", "/v1/keysets"):
                proxy.lie("GET", path, "delay", delay=1.5, times=1)
            before = asyncio.ensure_future(health.check_all())
            await asyncio.sleep(0.3)  # its requests are at the (slow) mint now
            for path in ("/v1/info", "/v1/keysets"):
                proxy.lie("GET", path, "answer", status=503, body={"detail": "down"})
            after = await health.check_all()
            first = await before
            assert [r.status for r in first] == ["online"]
            assert [r.status for r in after] == ["offline"]
            assert [m["status"] for m in await health.trusted_status()] == ["offline"]

    asyncio.run(scenario())
