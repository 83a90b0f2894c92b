"""What a write changed, so each view refreshes only what it shows (see STYLE.md)."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.supplier import Supplier


@dataclass(frozen=True)
class Change:
    created: tuple[int, ...] = ()
    updated: tuple[int, ...] = ()
    deleted: tuple[int, ...] = ()
    # The deleted records, whole, so the action can be undone.
    removed: tuple[Supplier, ...] = field(default=(), repr=False)

    @property
    def touched(self) -> tuple[int, ...]:
        return self.created + self.updated
