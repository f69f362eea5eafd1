"""The items catalogue's CSV files for Settings -> Items: read, written, a refusal explained.

The files are read and written off the GUI thread; the rows are the core's
(:meth:`pos_app.core.payments.items.ItemsService.import_csv`, all rows or none, and
``export_csv``). The texts keep the panel's translation context.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from pos_app.core.errors import PosError, ValidationError
from pos_app.core.payments.items import CSV_FIELDS, ItemsService
from pos_app.ui.tasks import in_thread

SHOWN_ERRORS = 8  # rows of a refused import listed; the rest are counted


async def import_file(items: ItemsService, path: Path) -> dict[str, Any]:
    """Add or update the items of the CSV at ``path`` (``{"added", "updated"}``).

    Raises:
        ValidationError: ``input.invalid`` (the file cannot be read or is not UTF-8) and
            the core's ``items.import_invalid``.
    """
    try:
        text = await in_thread(path.read_text, encoding="utf-8")
    except OSError as exc:
        raise ValidationError(
            "input.invalid",
            QCoreApplication.translate("ItemsPanel", "The file cannot be read: {reason}").format(
                reason=exc.strerror
            ),
            str(exc),
        ) from exc
    except UnicodeDecodeError as exc:
        raise ValidationError(
            "input.invalid",
            QCoreApplication.translate(
                "ItemsPanel", "The file is not UTF-8 text: save it as CSV UTF-8 and try again."
            ),
            str(exc),
        ) from exc
    return await items.import_csv(text)


async def export_file(items: ItemsService, path: Path) -> tuple[Path, int]:
    """Write the catalogue to ``path``; the path and how many items were written.

    Raises:
        ValidationError: ``input.invalid`` (the file cannot be written).
    """
    text = await items.export_csv()
    try:
        await in_thread(path.write_text, text, encoding="utf-8")
    except OSError as exc:
        raise ValidationError(
            "input.invalid",
            QCoreApplication.translate("ItemsPanel", "The file cannot be written: {reason}").format(
                reason=exc.strerror
            ),
            str(exc),
        ) from exc
    return path, max(0, text.count("\n") - 1)


def refusal_lines(err: PosError) -> list[str]:
    """Why an import was refused: the header, or each bad row by its line in the file."""
    data = err.data or {}
    rows = data.get("rows") or []
    if err.code != "items.import_invalid":
        return [err.user_message]
    if not rows:  # the header is wrong
        lines = [
            QCoreApplication.translate(
                "ItemsPanel",
                "The first line must name the columns: name and price, and any of {all}.",
            ).format(all=", ".join(f for f in CSV_FIELDS if f not in ("name", "price")))
        ]
        if data.get("unknown"):
            lines.append(
                QCoreApplication.translate("ItemsPanel", "Unknown columns: {names}.").format(
                    names=", ".join(data["unknown"])
                )
            )
        return lines
    # Row 2 is the first after the header: the line number a spreadsheet or editor shows.
    lines = [
        QCoreApplication.translate(
            "ItemsPanel", "{n} row(s) are not valid; nothing was imported."
        ).format(n=len(rows))
    ]
    for row in rows[:SHOWN_ERRORS]:
        where = QCoreApplication.translate("ItemsPanel", "Line {line}").format(line=row["row"])
        if row.get("field"):
            where += f" ({row['field']})"
        lines.append(f"{where}: {row['message']}")
    if len(rows) > SHOWN_ERRORS:
        lines.append(
            QCoreApplication.translate("ItemsPanel", "…and {n} more.").format(
                n=len(rows) - SHOWN_ERRORS
            )
        )
    return lines
