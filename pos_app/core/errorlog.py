"""The errors table: every failure shown to a cashier or the owner, with its correlation id."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core.errors import PosError
from pos_app.core.logs import correlation_id as current_correlation
from pos_app.core.redaction import redact_text
from pos_app.core.store import schema
from pos_app.core.store.schema import ErrorRecord


def record_error(
    session: Session,
    exc: PosError,
    *,
    correlation_id: str | None = None,
    sale_id: str | None = None,
    operation_id: str | None = None,
    source: str = "core",
) -> None:
    """Add an error row in the caller's transaction.

    The correlation id defaults to the one of the running context (a sale, an
    operation), so a refusal is found again from its sale. The texts are
    redacted: a detail quoting a peer or a library must not carry a secret in.
    """
    cid = correlation_id or current_correlation.get()
    if sale_id is None and cid is not None:
        sale_id = session.scalar(select(schema.Sale.id).where(schema.Sale.correlation_id == cid))
    session.add(
        ErrorRecord(
            category=str(exc.category),
            code=exc.code,
            message=redact_text(exc.user_message)[:2000],
            detail=redact_text(exc.detail or "")[:2000],
            correlation_id=cid,
            sale_id=sale_id,
            operation_id=operation_id,
            source=source,
        )
    )


def recent_errors(
    session: Session, limit: int = 100, sale_id: str | None = None
) -> list[dict[str, Any]]:
    """The newest error rows (for the support bundle and the Activity page)."""
    query = select(ErrorRecord).order_by(ErrorRecord.id.desc()).limit(limit)
    if sale_id is not None:
        query = query.where(ErrorRecord.sale_id == sale_id)
    return [
        {
            "at": e.at,
            "category": e.category,
            "code": e.code,
            "message": e.message,
            "detail": e.detail,
            "correlation_id": e.correlation_id,
            "sale_id": e.sale_id,
            "operation_id": e.operation_id,
            "source": e.source,
        }
        for e in session.scalars(query)
    ]
