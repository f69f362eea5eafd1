"""The columns of the sales list: their sort keys (:data:`SORT_KEYS` of the listing) and headers."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP


@dataclass(frozen=True, slots=True)
class Column:
    """A column of the list: its key, header, and whether its values are numbers."""

    key: str
    header: str
    numeric: bool = False


COLUMNS = (
    Column("time", QT_TRANSLATE_NOOP("SalesModel", "Time")),
    Column("sale", QT_TRANSLATE_NOOP("SalesModel", "Sale")),
    Column("state", QT_TRANSLATE_NOOP("SalesModel", "State")),
    Column("amount", QT_TRANSLATE_NOOP("SalesModel", "Amount"), numeric=True),
    Column("sats", QT_TRANSLATE_NOOP("SalesModel", "Due in sat"), numeric=True),
    Column("paid", QT_TRANSLATE_NOOP("SalesModel", "Paid"), numeric=True),
    Column("mint", QT_TRANSLATE_NOOP("SalesModel", "Mint")),
    Column("memo", QT_TRANSLATE_NOOP("SalesModel", "Memo")),
)
# The listing's SORT_KEYS, in order: every header click sorts in SQL.
COLUMN_KEYS = tuple(c.key for c in COLUMNS)
