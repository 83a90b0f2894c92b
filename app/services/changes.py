"""What a write changed, so each view refreshes only what it shows (see STYLE.md).

Every service write returns a Change; the window hands it to every tab, and each tab looks at
its `topic` (and the ids) to decide what, if anything, to re-read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from app.domain.suppliers.supplier import Supplier

# (table name, its rows as column dicts) in dependency order: parents before children.
DependentRows = tuple[tuple[str, tuple[dict[str, Any], ...]], ...]


class Topic(StrEnum):
    """What kind of record a change is about; the ids of a Change are ids of that kind."""

    SUPPLIERS = "suppliers"  # supplier records (ids: suppliers)
    MATRIX = "matrix"  # capacity facts, credit inputs, evaluations (ids: suppliers)
    AUDITS = "audits"  # factory audits and the capacity seen there (ids: suppliers)
    SAMPLES = "samples"  # products, samples, their photos (ids: samples)
    NEGOTIATION = "negotiation"  # quotes, worksheets, rates (ids: quotes)
    CONSOLIDATION = "consolidation"  # orders, parcels, lines, shipments (ids: their own)
    SETTINGS = "settings"  # data-wide settings: currency, rates, destination (no ids)


@dataclass(frozen=True)
class Change:
    created: tuple[int, ...] = ()
    updated: tuple[int, ...] = ()
    deleted: tuple[int, ...] = ()
    # The deleted records, whole, so the action can be undone.
    removed: tuple[Supplier, ...] = field(default=(), repr=False)
    # Rows of other tables (matrix data...) the delete cascaded away with them, for the same undo.
    dependents: DependentRows = field(default=(), repr=False)
    topic: Topic = Topic.SUPPLIERS

    @property
    def touched(self) -> tuple[int, ...]:
        return self.created + self.updated

    @property
    def supplier_ids(self) -> tuple[int, ...]:
        """The suppliers whose shown data this change may alter (none for other topics)."""
        if self.topic in (Topic.SUPPLIERS, Topic.MATRIX, Topic.AUDITS):
            return self.created + self.updated + self.deleted
        return ()
