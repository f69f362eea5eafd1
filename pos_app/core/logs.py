"""Structured JSON logs with a correlation id per sale and operation, rotated in the data directory.

The correlation id travels in a context variable, so every line logged while a
sale is handled carries it, across awaits. Every handler the app installs
(file and stderr) redacts tokens, secret fields and seed words from messages
and tracebacks (:mod:`pos_app.core.redaction`) as a last line of defence; the
code never logs proofs, secrets or seeds in the first place (a test scans the
suite's logs for proof secrets).
"""

from __future__ import annotations

import contextlib
import contextvars
import json
import logging
import logging.handlers
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

from pos_app.core.redaction import redact_text

correlation_id: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "correlation_id", default=None
)

LOG_FILE = "pos-app.log"
MAX_BYTES = 5 * 1024 * 1024
BACKUPS = 5


def new_correlation_id() -> str:
    """A fresh id for a sale or an operation."""
    return uuid.uuid4().hex[:16]


@contextlib.contextmanager
def correlated(cid: str | None) -> Iterator[str | None]:
    """Set the correlation id for the lines logged inside the block."""
    token = correlation_id.set(cid)
    try:
        yield cid
    finally:
        correlation_id.reset(token)


def redact(text: str) -> str:
    """Replace tokens, secret fields and seed words with short markers."""
    return redact_text(text)


class RedactFilter(logging.Filter):
    """Redacts the message, its arguments and the traceback before any formatter sees them."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record in place; never drops a record."""
        if record.args:
            record.msg = record.getMessage()
            record.args = None
        if not isinstance(record.msg, str):
            record.msg = str(record.msg)
        record.msg = redact(record.msg)
        # Formatters reuse ``exc_text`` when it is set: setting it redacted here
        # covers every handler, whichever formatter it has.
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, correlation id, exception."""

    def format(self, record: logging.LogRecord) -> str:
        """The record as one JSON line."""
        entry = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        cid = getattr(record, "correlation_id", None) or correlation_id.get()
        if cid:
            entry["cid"] = cid
        for key in ("code", "operation_id", "sale_id", "mint"):
            value = getattr(record, key, None)
            if value is not None:
                entry[key] = value
        if record.exc_info or record.exc_text:
            entry["exc"] = redact(record.exc_text or self.formatException(record.exc_info))
        if record.stack_info:
            entry["stack"] = redact(record.stack_info)
        return json.dumps(entry, ensure_ascii=False)


def setup_logging(
    data_dir: Path | None, *, level: int = logging.INFO, stderr_level: int | None = None
) -> Path | None:
    """Send the app's logs to ``<data_dir>/logs/pos-app.log`` (rotated), and warnings to stderr.

    Returns:
        The log file path, or None when no data directory is writable.
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_pos_app", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    path = None
    if data_dir is not None:
        try:
            logs = Path(data_dir) / "logs"
            logs.mkdir(parents=True, exist_ok=True)
            path = logs / LOG_FILE
            file_handler = logging.handlers.RotatingFileHandler(
                path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
            )
            file_handler.setFormatter(JsonFormatter())
            file_handler.addFilter(RedactFilter())
            file_handler._pos_app = True  # type: ignore[attr-defined]
            root.addHandler(file_handler)
        except OSError:
            path = None
    if stderr_level is not None:
        console = logging.StreamHandler()
        console.setLevel(stderr_level)
        console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        console.addFilter(RedactFilter())
        console._pos_app = True  # type: ignore[attr-defined]
        root.addHandler(console)
    quiet_libraries()
    return path


def quiet_libraries() -> None:
    """Libraries log only warnings: httpx would log every URL (with quote ids, hashes)."""
    for noisy in ("httpx", "httpcore", "alembic", "sqlalchemy"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
