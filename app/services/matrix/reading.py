"""Fast whole-matrix reads: plain driver SQL and cached conversions, for 100,000-row loads.

SQLAlchemy's per-column type processing costs more than the query itself at this size (about
4 of 5.7 s for 450,000 capacity facts), so the matrix read takes the raw text and converts
each distinct value once. Writes still go through MatrixService.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from app.domain.matrix.capacity import Dimension, FactSource

_ID_CHUNK = 500  # ids per IN (...) list: well under SQLite's variable limit
# Oldest first within each supplier and dimension, so the last row seen is the current fact:
# an undated fact counts as older than any dated one, and on the same day the later entry wins.
_FACTS_SQL = (
    "SELECT supplier_id, dimension, value, source, observed_on FROM capacity_facts{where} "
    "ORDER BY supplier_id, dimension, observed_on IS NOT NULL, observed_on, id"
)


class FactValue(NamedTuple):
    """What the matrix shows of a capacity fact."""

    value: Decimal
    source: FactSource
    observed_on: date | None


def current_fact_values(
    connection: Any, wanted: Sequence[int] | None
) -> dict[int, dict[Dimension, FactValue]]:
    """The current fact of each dimension per supplier (all suppliers, or the wanted ids)."""
    dimensions = {d.value: d for d in Dimension}
    sources = {s.value: s for s in FactSource}
    numbers: dict[str, Decimal] = {}
    dates: dict[str | None, date | None] = {None: None}
    result: dict[int, dict[Dimension, FactValue]] = {}
    for where, params in _chunks(wanted):
        rows = connection.exec_driver_sql(_FACTS_SQL.format(where=where), params)
        for supplier_id, dimension, value, source, observed_on in rows:
            number = numbers.get(value)
            if number is None:
                number = numbers[value] = Decimal(value)
            if observed_on not in dates:
                dates[observed_on] = date.fromisoformat(observed_on)
            per_supplier = result.get(supplier_id)
            if per_supplier is None:
                per_supplier = result[supplier_id] = {}
            per_supplier[dimensions[dimension]] = FactValue(
                number, sources[source], dates[observed_on]
            )
    return result


def _chunks(wanted: Sequence[int] | None) -> list[tuple[str, tuple[int, ...]]]:
    if wanted is None:
        return [("", ())]
    return [
        (f" WHERE supplier_id IN ({','.join('?' * len(chunk))})", tuple(chunk))
        for chunk in (wanted[i : i + _ID_CHUNK] for i in range(0, len(wanted), _ID_CHUNK))
    ]
