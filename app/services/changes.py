"""What a write changed, so each view refreshes only what it shows (see STYLE.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.domain.suppliers.supplier import Supplier

# (table name, its rows as column dicts) in dependency order: parents before children.
DependentRows = tuple[tuple[str, tuple[dict[str, Any], ...]], ...]


@dataclass(frozen=True)
class Change:
    created: tuple[int, ...] = ()
    updated: tuple[int, ...] = ()
    deleted: tuple[int, ...] = ()
    # The deleted records, whole, so the action can be undone.
    removed: tuple[Supplier, ...] = field(default=(), repr=False)
    # Rows of other tables (matrix data...) the delete cascaded away with them, for the same undo.
    dependents: DependentRows = field(default=(), repr=False)

    @property
    def touched(self) -> tuple[int, ...]:
        return self.created + self.updated
