"""Why a PostgreSQL server gave no connection, in words a shop can act on.

Every way a till reaches the shop's database meets the same failures: the setup
wizard's connection test (``core/shop_storage``), ``pos-app init --storage`` and
``pos-app storage``, and each start of a till on the shop's database
(:meth:`pos_app.core.store.db.Database.postgresql`). They all say them through
:func:`connect_error`, so the command line, the app at start and the wizard agree.

A till that opened can lose the server later: stopped, restarting, out of reach (a new
connection refused or timed out), its connection ended by an admin
(``pg_terminate_backend``). Its transactions then say so through
:func:`lost_connection` (called by :meth:`pos_app.core.store.db.Database.transact`,
the one way in).
"""

from __future__ import annotations

from urllib.parse import quote, quote_plus

from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, OperationalError

from pos_app.core.errors import NetworkError, PosError, StorageError
from pos_app.core.store.storage import ENV_PG_PASSWORD

# What the server or the driver says, and what it means for the person at the till.
_UNREACHABLE = (
    "connection refused",
    "could not translate host name",
    "name or service not known",
    "timeout expired",
    "no route to host",
    "network is unreachable",
    "could not connect",
)
_TLS = ("ssl", "certificate", "tls")
# The server ended the session (shut down or pg_terminate_backend: 57P01, crashed: 57P02) or
# takes no connections now (starting or stopping: 57P03); class 08: "connection exception".
_GONE_SQLSTATES = frozenset({"57P01", "57P02", "57P03"})
UNREACHABLE_CODE = "storage.pg_unreachable"


def where(url: URL) -> str:
    """``host:port/database`` of ``url``, to show (never the user's password)."""
    return f"{url.host}:{url.port or 5432}/{url.database}"


def connect_error(exc: DBAPIError, url: URL) -> PosError:
    """The error to raise for ``exc``, a failed connect to the server at ``url``.

    The driver's text goes into the detail for the log, with the password of ``url``
    taken out (the server never repeats it, but a driver or a typo in the address
    might). Raise the result ``from None``: the driver's exception, unredacted, must
    not travel along as its cause.

    Args:
        exc: what SQLAlchemy raised while connecting.
        url: the address connected to, with its password.

    Returns:
        StorageError: ``storage.pg_auth`` (user or password refused),
        ``storage.pg_no_password`` (the server wants one), ``storage.pg_no_database``,
        ``storage.pg_tls`` (the secure connection failed), ``storage.pg_refused`` (the
        server refuses this computer or user), ``storage.pg_failed`` (anything else);
        NetworkError: ``storage.pg_unreachable`` when no server answers at the address,
        or the server is stopping or starting.
    """
    orig = exc.orig
    said = str(orig) if orig is not None else str(exc)
    said = _redact(said, url.password)
    sqlstate = getattr(orig, "sqlstate", None)
    low = said.lower()
    detail = f"{where(url)}: {said.strip()}"
    if sqlstate == "28P01" or "password authentication failed" in low:
        return StorageError(
            "storage.pg_auth",
            "The server refused the user name or the password. Check both.",
            detail,
        )
    if "no password supplied" in low:
        return StorageError(
            "storage.pg_no_password",
            f"The server asks for a password and was given none: type it in the setup, or "
            f"set {ENV_PG_PASSWORD}.",
            detail,
        )
    if sqlstate == "3D000" or ("database" in low and "does not exist" in low):
        return StorageError(
            "storage.pg_no_database",
            "The server has no database of that name. Check the name, or ask for the "
            "database to be made.",
            detail,
        )
    # pg_hba.conf's refusal names the encryption ("SSL encryption"): it goes first.
    if sqlstate == "28000" or "pg_hba.conf" in low:
        return StorageError(
            "storage.pg_refused",
            "The server refuses this computer or this user. Ask for it to be let in (pg_hba.conf).",
            detail,
        )
    if _server_gone(sqlstate):
        return NetworkError(
            UNREACHABLE_CODE,
            "The database server is stopping or starting: try again in a moment.",
            detail,
        )
    if any(word in low for word in _TLS):
        return StorageError(
            "storage.pg_tls",
            "The secure connection failed: the server does not offer TLS, or its "
            "certificate does not match the CA file or the server's name.",
            detail,
        )
    if any(words in low for words in _UNREACHABLE):
        return NetworkError(
            UNREACHABLE_CODE,
            "No database server answers at that address. Check the server's name, the "
            "port, and that the server runs.",
            detail,
        )
    return StorageError("storage.pg_failed", "The database server could not be reached.", detail)


def lost_connection(exc: DBAPIError, url: URL, *, committing: bool) -> PosError | None:
    """The error to raise for ``exc`` when a transaction lost the server; None when it did not.

    Lost: the connection broke under the transaction, the server ended it or is going
    down, or no new connection could be made (the pool replaces a connection that died
    while idle, and that connect failed). A password changed meanwhile is said as at
    the start (``storage.pg_auth``...). Raise the result ``from None`` (see
    :func:`connect_error`).

    Args:
        exc: what SQLAlchemy raised in the transaction.
        url: the address of the shop's database, with its password.
        committing: the COMMIT was under way: whether it was saved is not known, and the
            detail says so (the transaction must not simply run again).

    Returns:
        NetworkError ``storage.pg_unreachable`` (or a refusal of :func:`connect_error`);
        None for any other failure (a constraint, a conflict, a bug), which is not ours.
    """
    sqlstate = getattr(exc.orig, "sqlstate", None)
    if exc.connection_invalidated or _server_gone(sqlstate):
        said = _redact(str(exc.orig if exc.orig is not None else exc), url.password)
        detail = f"{where(url)}: {said.strip()}"
    elif sqlstate is None and isinstance(exc, OperationalError):  # the driver's: no connection
        refused = connect_error(exc, url)
        if refused.code != UNREACHABLE_CODE:
            return refused
        detail = refused.detail
    else:
        return None
    return server_lost(detail, committing=committing)


def server_lost(detail: str, *, committing: bool = False) -> NetworkError:
    """``storage.pg_unreachable`` for a till that lost its server (see :func:`lost_connection`).

    Args:
        detail: where, and what the driver said (the password already taken out).
        committing: the COMMIT was under way (the detail then says its outcome is unknown).
    """
    if committing:
        detail += " (lost during the COMMIT: whether it was saved is not known)"
    return NetworkError(
        UNREACHABLE_CODE,
        "The shop's database server does not answer. Check the network and that the server "
        "runs, then try again. A payment the mint has already taken is kept: it is completed "
        "when the server is back.",
        detail,
    )


def store_lost(exc: BaseException) -> bool:
    """Whether ``exc`` says the shop's database server was lost, not a mint or a token.

    Code that reads a mint's failure into a payment's state (recovering, rejected) lets
    this one pass: what was written before it is the journal's to finish, and the server
    may not even have it (a lost COMMIT).
    """
    return isinstance(exc, PosError) and exc.code == UNREACHABLE_CODE


def _server_gone(sqlstate: str | None) -> bool:
    return sqlstate is not None and (sqlstate.startswith("08") or sqlstate in _GONE_SQLSTATES)


def _redact(text: str, password: str | None) -> str:
    """``text`` without ``password``, as typed or as written in an address (%-quoted)."""
    if not password:
        return text
    for form in {password, quote(password, safe=""), quote_plus(password)}:
        text = text.replace(form, "***")
    return text
