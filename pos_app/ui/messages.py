"""The one message catalogue: what an error code means, in the shop's words, on every screen.

The core's :class:`~pos_app.core.errors.PosError` carries a stable ``code`` and a
``user_message``. Every face shows the same two parts for a code: a short title
(readable from a step away; also the one-line reason in Activity's lists) and one
or two sentences, what happened and what to do (under the title on the Sell page,
as the tooltip in Activity, as the body of a notification). Codes not listed here
fall back to the core's own ``user_message``; messages that carry numbers (fee
caps, offline limits, units) are kept as the core wrote them, because the numbers
are the point.

Faces: :func:`explain` / :func:`explain_error` (Sell), :func:`reason` (Activity's
lists, sale details), :func:`notification_text` (notification center and tray).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from pos_app.core.errors import PosError

_CONTEXT = "messages"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


@dataclass(frozen=True, slots=True)
class Advice:
    """A refusal or notice in the cashier's words.

    Attributes:
        title: two to four words, shown large.
        text: what happened and what to do next.
        code: the error code it explains ("" for a state that is not an error).
    """

    title: str
    text: str
    code: str = ""


# Codes whose text is ours: (title, text). Looked up first by full code.
_BY_CODE: dict[str, tuple[str, str]] = {
    "token.already_spent": (
        QT_TRANSLATE_NOOP("messages", "Already spent"),
        QT_TRANSLATE_NOOP(
            "messages",
            "This token was already used, here or elsewhere. Ask the customer to send a new one.",
        ),
    ),
    "token.in_use": (
        QT_TRANSLATE_NOOP("messages", "Token in use"),
        QT_TRANSLATE_NOOP(
            "messages",
            "This token is being redeemed right now. Wait a moment; if the sale does not "
            "turn paid, ask the customer for a new token.",
        ),
    ),
    "token.pending": (
        QT_TRANSLATE_NOOP("messages", "Token in use"),
        QT_TRANSLATE_NOOP(
            "messages",
            "The mint is still settling this token. Wait a moment; if the sale does not "
            "turn paid, ask the customer for a new token.",
        ),
    ),
    "token.invalid": (
        QT_TRANSLATE_NOOP("messages", "Not a valid token"),
        QT_TRANSLATE_NOOP(
            "messages",
            "This code is not a valid ecash token. Ask the customer to show the token again "
            "or to send a new one.",
        ),
    ),
    "token.empty": (
        QT_TRANSLATE_NOOP("messages", "Empty token"),
        QT_TRANSLATE_NOOP(
            "messages", "This token holds no coins. Ask the customer to send a new one."
        ),
    ),
    "ur.invalid": (
        QT_TRANSLATE_NOOP("messages", "Not a valid token"),
        QT_TRANSLATE_NOOP(
            "messages",
            "The animated code could not be read as a token. Ask the customer to show it again.",
        ),
    ),
    "token.multi_mint": (
        QT_TRANSLATE_NOOP("messages", "Several mints"),
        QT_TRANSLATE_NOOP(
            "messages",
            "This token mixes coins from several mints. Ask the customer to send one token "
            "per mint.",
        ),
    ),
    "token.dleq_invalid": (
        QT_TRANSLATE_NOOP("messages", "Failed authenticity check"),
        QT_TRANSLATE_NOOP(
            "messages",
            "This token failed its authenticity check, so it may be forged. Do not accept it; "
            "ask the customer for a new token.",
        ),
    ),
    "security.dleq_invalid": (
        QT_TRANSLATE_NOOP("messages", "Failed authenticity check"),
        QT_TRANSLATE_NOOP(
            "messages",
            "The mint's answer failed its authenticity check. The token is kept; tell the owner.",
        ),
    ),
    "token.locked": (
        QT_TRANSLATE_NOOP("messages", "Locked token"),
        QT_TRANSLATE_NOOP(
            "messages",
            "This token is locked to someone else's key. Ask the customer for an unlocked token.",
        ),
    ),
    "p2pk.not_locked_to_shop": (
        QT_TRANSLATE_NOOP("messages", "Locked token"),
        QT_TRANSLATE_NOOP(
            "messages",
            "This token is locked to someone else's key. Ask the customer for an unlocked token "
            "or one locked to this shop.",
        ),
    ),
    "mint.untrusted": (
        QT_TRANSLATE_NOOP("messages", "Mint not accepted"),
        QT_TRANSLATE_NOOP(
            "messages",
            "This token is from a mint the shop does not accept. Ask the customer to pay with "
            "ecash from one of the shop's mints.",
        ),
    ),
    "sale.expired": (
        QT_TRANSLATE_NOOP("messages", "Sale expired"),
        QT_TRANSLATE_NOOP(
            "messages", "The price lock of this sale ran out. Start a new sale for the same amount."
        ),
    ),
    "sale.cancelled": (
        QT_TRANSLATE_NOOP("messages", "Sale cancelled"),
        QT_TRANSLATE_NOOP("messages", "This sale was cancelled. Start a new sale."),
    ),
    "sale.already_paid": (
        QT_TRANSLATE_NOOP("messages", "Already paid"),
        QT_TRANSLATE_NOOP(
            "messages", "This sale is already paid; nothing more is due. Do not take another token."
        ),
    ),
    "mint.recovering": (
        QT_TRANSLATE_NOOP("messages", "Not confirmed: mint offline"),
        QT_TRANSLATE_NOOP(
            "messages",
            "The mint is offline, so this token is not confirmed yet; it is kept and retried "
            "automatically. Until the mint confirms it, the goods are at the shop's risk: the "
            "customer could still spend the token elsewhere.",
        ),
    ),
    "mint.all_offline": (
        QT_TRANSLATE_NOOP("messages", "Mints offline"),
        QT_TRANSLATE_NOOP(
            "messages",
            "Every mint the shop trusts is offline: a payment cannot be confirmed now. Wait "
            "until a mint answers, or show the request anyway: a token taken meanwhile is kept "
            "and redeemed when its mint is back.",
        ),
    ),
    "convert.not_minted": (
        QT_TRANSLATE_NOOP("messages", "Not confirmed yet"),
        QT_TRANSLATE_NOOP(
            "messages",
            "The customer's token was paid over to the shop's mint, which has not confirmed "
            "it yet. The app keeps checking; the sale is marked paid when the shop's mint "
            "confirms.",
        ),
    ),
    "convert.not_paid": (
        QT_TRANSLATE_NOOP("messages", "Not converted"),
        QT_TRANSLATE_NOOP(
            "messages",
            "The customer's mint did not pay the shop's mint; nothing was spent. Ask for a "
            "token from one of the shop's mints.",
        ),
    ),
    "mint.unreachable": (
        QT_TRANSLATE_NOOP("messages", "Mint unreachable"),
        QT_TRANSLATE_NOOP(
            "messages",
            "The mint could not be reached. The token is kept; the app tries again by itself.",
        ),
    ),
    # The shop's database server was lost while the till ran (core/store/pg_errors.py).
    "storage.pg_unreachable": (
        QT_TRANSLATE_NOOP("messages", "Database offline"),
        QT_TRANSLATE_NOOP(
            "messages",
            "The shop's database server does not answer. Check the network and that the server "
            "runs, then try again. A payment the mint has already taken is kept: it is "
            "completed when the server is back.",
        ),
    ),
    "mint.timeout": (
        QT_TRANSLATE_NOOP("messages", "Mint unreachable"),
        QT_TRANSLATE_NOOP(
            "messages",
            "The mint did not answer in time. The token is kept; the app tries again by itself.",
        ),
    ),
    "mint.server_error": (
        QT_TRANSLATE_NOOP("messages", "Mint error"),
        QT_TRANSLATE_NOOP(
            "messages",
            "The mint had an internal error. The token is kept; the app tries again by itself.",
        ),
    ),
    "mint.rate_limited": (
        QT_TRANSLATE_NOOP("messages", "Mint busy"),
        QT_TRANSLATE_NOOP(
            "messages",
            "The mint asked the app to slow down. The token is kept; the app tries again soon.",
        ),
    ),
    "mint.bad_response": (
        QT_TRANSLATE_NOOP("messages", "Mint error"),
        QT_TRANSLATE_NOOP(
            "messages",
            "The mint sent an answer the app does not understand. The token is kept; if this "
            "goes on, tell the mint's operator.",
        ),
    ),
    "mint.quote_pending": (
        QT_TRANSLATE_NOOP("messages", "Payment in progress"),
        QT_TRANSLATE_NOOP(
            "messages",
            "The Lightning payment is still in progress. The sale is marked paid when it "
            "goes through.",
        ),
    ),
    "wallet.busy": (
        QT_TRANSLATE_NOOP("messages", "Wallet busy"),
        QT_TRANSLATE_NOOP(
            "messages", "The wallet is busy with another payment. Try again in a moment."
        ),
    ),
    "lightning.not_configured": (
        QT_TRANSLATE_NOOP("messages", "Cannot convert"),
        QT_TRANSLATE_NOOP(
            "messages",
            "This token would have to be converted to Lightning, but the shop has no Lightning "
            "address. Ask for ecash from one of the shop's mints.",
        ),
    ),
    "lightning.unproven": (
        QT_TRANSLATE_NOOP("messages", "Payout not proven"),
        QT_TRANSLATE_NOOP(
            "messages",
            "The token was converted, but the Lightning payment could not be proven. The owner "
            "must review it; the token is kept.",
        ),
    ),
    "lightning.preimage_mismatch": (
        QT_TRANSLATE_NOOP("messages", "Payout not proven"),
        QT_TRANSLATE_NOOP(
            "messages",
            "The Lightning payment could not be proven. The owner must review it; the "
            "token is kept.",
        ),
    ),
    "rate.unavailable": (
        QT_TRANSLATE_NOOP("messages", "No exchange rate"),
        QT_TRANSLATE_NOOP(
            "messages",
            "No exchange rate is available, so the price cannot be turned into sats. Check the "
            "internet connection, or set a fixed rate in Settings.",
        ),
    ),
    "config.currency_without_rate": (
        QT_TRANSLATE_NOOP("messages", "No exchange rate"),
        QT_TRANSLATE_NOOP(
            "messages",
            "A shop currency other than sat needs an exchange rate, or no sale can be priced. "
            "Add a rate source or set a fixed rate, then save again.",
        ),
    ),
    "config.import_bad_passphrase": (
        QT_TRANSLATE_NOOP("messages", "Wrong passphrase"),
        QT_TRANSLATE_NOOP(
            "messages",
            "The passphrase does not open this settings file. Type the one given when it was "
            "exported; nothing was changed.",
        ),
    ),
    "config.import_damaged": (
        QT_TRANSLATE_NOOP("messages", "Settings file damaged"),
        QT_TRANSLATE_NOOP(
            "messages",
            "The settings file is damaged or was changed after it was exported, so none of it "
            "is used. Export it again on the other till.",
        ),
    ),
    "export.claimed": (
        QT_TRANSLATE_NOOP("messages", "Already claimed"),
        QT_TRANSLATE_NOOP(
            "messages",
            "The recipient redeemed this export: the ecash is theirs and nothing is left to "
            "show or take back.",
        ),
    ),
    "export.reclaimed": (
        QT_TRANSLATE_NOOP("messages", "Already taken back"),
        QT_TRANSLATE_NOOP(
            "messages",
            "This export is back in the wallet; its old token is no longer valid.",
        ),
    ),
    "export.reclaim_open": (
        QT_TRANSLATE_NOOP("messages", "Being taken back"),
        QT_TRANSLATE_NOOP(
            "messages",
            "This export is being taken back already. The wallet finishes it as soon as the "
            "mint answers.",
        ),
    ),
    "export.not_ours": (
        QT_TRANSLATE_NOOP("messages", "Customer's token"),
        QT_TRANSLATE_NOOP(
            "messages",
            "This token was given to a customer as change or a refund. It is theirs and "
            "cannot be taken back.",
        ),
    ),
    "report.z_nothing": (
        QT_TRANSLATE_NOOP("messages", "Nothing to close"),
        QT_TRANSLATE_NOOP(
            "messages",
            "There is nothing to close yet: no sale, payment or wallet change so far.",
        ),
    ),
    "report.z_unknown": (
        QT_TRANSLATE_NOOP("messages", "No such Z report"),
        QT_TRANSLATE_NOOP("messages", "There is no Z report with this number."),
    ),
    "export.locked": (
        QT_TRANSLATE_NOOP("messages", "Locked to the recipient"),
        QT_TRANSLATE_NOOP(
            "messages",
            "This export is locked to the recipient's key: only they can redeem it.",
        ),
    ),
}

# Codes that say the same thing under another family's name.
_BY_CODE["mint.dleq_invalid"] = _BY_CODE["security.dleq_invalid"]
_BY_CODE["security.preimage_mismatch"] = _BY_CODE["lightning.preimage_mismatch"]
_BY_CODE["melt.pending"] = _BY_CODE["mint.quote_pending"]
# A payload posted to a request from a mint the request did not name (NUT-18 post).
_BY_CODE["mint.not_requested"] = _BY_CODE["mint.untrusted"]

# Codes whose core message carries the facts (numbers, units, limits): keep it, add a title.
_KEEP_MESSAGE: dict[str, str] = {
    "fee.too_high": QT_TRANSLATE_NOOP("messages", "Fee too high"),
    "unit.mismatch": QT_TRANSLATE_NOOP("messages", "Wrong unit"),
    "offline.cap_exceeded": QT_TRANSLATE_NOOP("messages", "Over the offline limit"),
    "limit.sale_max": QT_TRANSLATE_NOOP("messages", "Above the sale limit"),
    "limit.role_sale_max": QT_TRANSLATE_NOOP("messages", "Above the sale limit"),
    "limit.day_max": QT_TRANSLATE_NOOP("messages", "Above today's limit"),
    "limit.role_day_max": QT_TRANSLATE_NOOP("messages", "Above today's limit"),
    "limit.needs_manager": QT_TRANSLATE_NOOP("messages", "Needs a manager"),
    "staff.cancelled": QT_TRANSLATE_NOOP("messages", "Not allowed"),
    "amount.invalid": QT_TRANSLATE_NOOP("messages", "Check the amount"),
    "amount.unrepresentable": QT_TRANSLATE_NOOP("messages", "Check the amount"),
    "mint.unreachable": QT_TRANSLATE_NOOP("messages", "Mint unreachable"),
    "mint.timeout": QT_TRANSLATE_NOOP("messages", "Mint unreachable"),
    "lightning.invoice_mismatch": QT_TRANSLATE_NOOP("messages", "Lightning refused"),
    "lightning.amount_out_of_range": QT_TRANSLATE_NOOP("messages", "Lightning refused"),
}

# Families: (title, text) for every code under the prefix not listed above.
_BY_PREFIX: dict[str, tuple[str, str]] = {
    "p2pk.": (
        QT_TRANSLATE_NOOP("messages", "Locked token"),
        QT_TRANSLATE_NOOP(
            "messages",
            "This token is locked in a way the shop cannot redeem. Ask the customer for a "
            "plain token.",
        ),
    ),
    "offline.": (
        QT_TRANSLATE_NOOP("messages", "Mint offline"),
        QT_TRANSLATE_NOOP(
            "messages",
            "The mint is offline and this token cannot be accepted without it. Ask for a token "
            "locked to the shop, or try again when the mint is back.",
        ),
    ),
    "lightning.": (
        QT_TRANSLATE_NOOP("messages", "Lightning problem"),
        QT_TRANSLATE_NOOP(
            "messages",
            "The token could not be converted to Lightning now. Ask for ecash from one of the "
            "shop's mints, or try again in a moment.",
        ),
    ),
    "keyset.": (
        QT_TRANSLATE_NOOP("messages", "Unknown coins"),
        QT_TRANSLATE_NOOP(
            "messages",
            "The mint does not know the keys of this token. Ask the customer for a new token.",
        ),
    ),
    "mint.keyset_": (
        QT_TRANSLATE_NOOP("messages", "Old coins"),
        QT_TRANSLATE_NOOP(
            "messages", "The mint no longer accepts these coins. Ask the customer for a new token."
        ),
    ),
}

# Messages the core writes with numbers in them also stay as written for these prefixes.
_KEEP_PREFIX_MESSAGE = ("offline.", "p2pk.locktime")


def explain(code: str, user_message: str = "", data: Mapping[str, Any] | None = None) -> Advice:
    """The cashier's words for an error code.

    Args:
        code: the stable dotted code (``token.already_spent``).
        user_message: the core's message, used when the code has no text here and kept
            whole where it carries numbers (``fee.too_high``).
        data: the error's structured facts (``mint.untrusted`` names the mint).

    Returns:
        A title and a text; never empty.
    """
    data = data or {}
    if code in _KEEP_MESSAGE and user_message:
        return Advice(_tr(_KEEP_MESSAGE[code]), user_message, code)
    if code in _BY_CODE:
        title, text = _BY_CODE[code]
        text = _tr(text)
        if code == "mint.untrusted" and data.get("mint"):
            text += " " + QCoreApplication.translate("messages", "(Token from {mint}.)").format(
                mint=data["mint"]
            )
        return Advice(_tr(title), text, code)
    for prefix, (title, text) in _BY_PREFIX.items():
        if code.startswith(prefix):
            keep = user_message and code.startswith(_KEEP_PREFIX_MESSAGE)
            return Advice(_tr(title), user_message if keep else _tr(text), code)
    return Advice(
        QCoreApplication.translate("messages", "Not accepted"),
        user_message or QCoreApplication.translate("messages", "The token was not accepted."),
        code,
    )


def explain_error(err: PosError) -> Advice:
    """:func:`explain` for a raised error."""
    return explain(err.code, err.user_message, err.data)


def recovering_advice(code: str | None = None) -> Advice:
    """A payment left for the recovery service, by the payment's ``error_code``.

    ``melt.pending`` is a Lightning payment still in flight, ``convert.not_minted`` a
    converted token the shop's mint has not confirmed; anything else is a mint that
    failed mid-payment, with the token kept.
    """
    title, text = _BY_CODE["mint.recovering"]
    text = _tr(text)
    if code in ("melt.pending", "convert.not_minted"):
        return explain(code)
    more = QCoreApplication.translate("messages", "The sale is marked paid when it goes through.")
    return Advice(_tr(title), f"{text} {more}", "mint.recovering")


def known(code: str | None) -> bool:
    """True when the catalogue has words of its own for ``code``."""
    if not code:
        return False
    return code in _BY_CODE or code in _KEEP_MESSAGE or any(code.startswith(p) for p in _BY_PREFIX)


def reason(code: str | None, message: str | None = None) -> str:
    """The one-line reason for lists (Activity, sale details, the attention panel).

    The catalogue's title for a known code, so a list row reads like the Sell page's
    heading; otherwise the core's message, or the bare code.
    """
    if known(code):
        return explain(code or "", message or "").title
    return message or code or "—"


def reason_detail(code: str | None, message: str | None = None) -> str:
    """The full sentence behind :func:`reason` (a list's tooltip)."""
    if known(code) and (message or _has_text(code or "")):
        return explain(code or "", message or "").text
    return message or code or ""


def _has_text(code: str) -> bool:
    """True when the catalogue has a sentence of its own for ``code`` (not only a title)."""
    return code in _BY_CODE or any(code.startswith(p) for p in _BY_PREFIX)


# Notification titles the core writes; translated here so the center and the tray
# speak the app's language.
_NOTIFICATION_TITLES = {
    "Mint offline": QT_TRANSLATE_NOOP("messages", "Mint offline"),
    "Mint key changed": QT_TRANSLATE_NOOP("messages", "Mint key changed"),
    "Keyset expiring": QT_TRANSLATE_NOOP("messages", "Old coins expiring"),
    "An operation needs review": QT_TRANSLATE_NOOP("messages", "Needs attention"),
    "Payment needs review": QT_TRANSLATE_NOOP("messages", "Payment needs review"),
    "Change not given": QT_TRANSLATE_NOOP("messages", "Change not given"),
    "Offline payment failed": QT_TRANSLATE_NOOP("messages", "Offline payment failed"),
    "Scheduled export waiting": QT_TRANSLATE_NOOP("messages", "Scheduled export waiting"),
    "Scheduled export done": QT_TRANSLATE_NOOP("messages", "Scheduled export done"),
    "Scheduled export failed": QT_TRANSLATE_NOOP("messages", "Scheduled export failed"),
    "Withdrawn": QT_TRANSLATE_NOOP("messages", "Withdrawn to Lightning"),
    "Withdrawal not paid": QT_TRANSLATE_NOOP("messages", "Withdrawal not paid"),
    "Withdrawal not proven": QT_TRANSLATE_NOOP("messages", "Withdrawal not proven"),
    "Old coins not renewed": QT_TRANSLATE_NOOP("messages", "Old coins not renewed"),
    "Staff account locked": QT_TRANSLATE_NOOP("messages", "Staff account locked"),
    "Mint signed wrongly": QT_TRANSLATE_NOOP("messages", "Mint signed wrongly"),
    "Mint sent bad change": QT_TRANSLATE_NOOP("messages", "Mint sent bad change"),
    "Webhook disabled": QT_TRANSLATE_NOOP("messages", "Webhook disabled"),
    "Webhook not delivered": QT_TRANSLATE_NOOP("messages", "Webhook not delivered"),
    "Webhook paused": QT_TRANSLATE_NOOP("messages", "Webhook paused"),
}

# Bodies of notifications that share a kind with others (``security``), by title.
_NOTIFICATION_BODIES_BY_TITLE = {
    "Staff account locked": QT_TRANSLATE_NOOP(
        "messages",
        "{name} typed {failures} wrong PINs in a row and is locked for {minutes} minutes.",
    ),
    "Mint signed wrongly": QT_TRANSLATE_NOOP(
        "messages",
        "A mint answered with signatures that failed their checks; nothing was credited and "
        "the token is being checked again.",
    ),
    "Mint sent bad change": QT_TRANSLATE_NOOP(
        "messages",
        "{url} paid a Lightning invoice but signed its change wrongly; the change was not "
        "kept. Check this mint with its operator.",
    ),
}


# Bodies of notifications that carry their facts in their data, by kind.
_NOTIFICATION_BODIES = {
    "mint_offline": QT_TRANSLATE_NOOP("messages", "{url} has not answered for {minutes} minutes."),
    "security": QT_TRANSLATE_NOOP(
        "messages",
        "The public key of {url} changed. This can mean the mint was replaced; check with its "
        "operator before accepting more of its tokens.",
    ),
    "keyset_expiry": QT_TRANSLATE_NOOP(
        "messages",
        "Old coins of {url} expire in {days} days. Swap them or pay them out soon.",
    ),
    "export_schedule_waiting": QT_TRANSLATE_NOOP(
        "messages",
        "The folder {folder} is not there (is the USB drive plugged in?). Nothing was "
        "exported; the app tries again every {minutes} minutes.",
    ),
    "export_schedule_done": QT_TRANSLATE_NOOP(
        "messages", "{files} token file(s), {total}, saved to {folder}."
    ),
    "withdraw_done": QT_TRANSLATE_NOOP(
        "messages", "{amount} sat from {url} were paid to the Lightning address (fee {fee} sat)."
    ),
    "withdraw_unproven": QT_TRANSLATE_NOOP(
        "messages",
        "{amount} sat from {url} were paid out, but the payment could not be proven. Check the "
        "Lightning wallet.",
    ),
    "withdraw_fee_cap": QT_TRANSLATE_NOOP(
        "messages",
        "A withdrawal of {amount} sat from {url} was not paid: its fees of up to {fee} sat are "
        "more than {cap}% of it. Nothing was spent.",
    ),
    "withdraw_below_minimum": QT_TRANSLATE_NOOP(
        "messages",
        "Automatic withdrawals wait: the threshold of {threshold} sat is below the {minimum} sat "
        "the Lightning address accepts. Raise it in Settings.",
    ),
    "webhook_disabled": QT_TRANSLATE_NOOP(
        "messages",
        "{url} answered that it no longer exists (410 Gone): webhooks to it are stopped. "
        "Remove it, or resume it once the receiver is back.",
    ),
    "webhook_failed": QT_TRANSLATE_NOOP(
        "messages",
        "An event ({event}) could not be delivered to {url} after {attempts} attempts. "
        "Redeliver it from the delivery history once the receiver works.",
    ),
    "webhook_paused": QT_TRANSLATE_NOOP(
        "messages",
        "Deliveries to {url} have failed for 24 hours. The event being retried keeps trying; "
        "the ones after it wait until you resume the endpoint.",
    ),
    "sweep_fee_cap": QT_TRANSLATE_NOOP(
        "messages",
        "Coins worth {amount} {unit} at {url} are on old keys. Renewing them costs {fee} {unit}, "
        "above the limit of {cap}; they were left as they are.",
    ),
}


def notification_text(
    title: str, body: str, data: Mapping[str, Any] | None, kind: str = ""
) -> tuple[str, str]:
    """A notification's title and body as the center, the tray and the banner show it.

    When the notification names an error code (``data["code"]``) the body is the
    catalogue's sentence for it, as on the Sell page, followed by the sale it is about;
    notifications that carry their facts (``mint_offline``: url, minutes) are worded
    from them; any other keeps the core's body.
    """
    data = data if isinstance(data, Mapping) else {}
    shown_title = _tr(_NOTIFICATION_TITLES.get(title, title))
    code = data.get("code")
    template = _NOTIFICATION_BODIES_BY_TITLE.get(title) or _NOTIFICATION_BODIES.get(kind)
    if not known(code):
        if template:
            try:
                return shown_title, _tr(template).format(**data)
            except (KeyError, IndexError, ValueError):
                pass  # an older notification without its facts: the core's words
        return shown_title, body
    # The body is the notification's own text, not the error's: the catalogue's sentence
    # replaces it unless the code's facts live only in the core's words (fee caps...).
    advice = explain(str(code)) if _has_text(str(code)) else explain(str(code), body)
    text = f"{advice.title}: {advice.text}"
    if data.get("sale_id"):
        text += " " + QCoreApplication.translate("messages", "(Sale {id}.)").format(
            id=str(data["sale_id"])[:8]
        )
    return shown_title, text


def error_line(err: PosError) -> str:
    """A raised error on one line (the window's banner): title and sentence when known."""
    if known(err.code):
        advice = explain_error(err)
        return f"{advice.title}: {advice.text}"
    return err.user_message
