"""One edit applied to many suppliers at once: a status, a membership level, tags to add; and
what each supplier held in those fields before, so the whole edit can be taken back."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from app.domain.suppliers.choices import Membership, Status
from app.domain.suppliers.supplier import Supplier


@dataclass(frozen=True)
class BulkEdit:
    """What to set on every chosen supplier; None (and no tags) leaves each one's own value."""

    status: Status | None = None
    membership: Membership | None = None
    add_tags: tuple[str, ...] = ()

    def is_empty(self) -> bool:
        return self.status is None and self.membership is None and not self.tags_to_add()

    def tags_to_add(self) -> tuple[str, ...]:
        """The tags trimmed, without empty ones or repeats, in the order given."""
        return tuple(dict.fromkeys(tag.strip() for tag in self.add_tags if tag.strip()))

    def applied_to(self, supplier: Supplier) -> Supplier:
        """A copy of `supplier` with this edit made; a tag it already has is not added again."""
        held = {tag.casefold() for tag in supplier.tags}
        new_tags = [tag for tag in self.tags_to_add() if tag.casefold() not in held]
        return dataclasses.replace(
            supplier,
            status=supplier.status if self.status is None else self.status,
            membership=supplier.membership if self.membership is None else self.membership,
            tags=[*supplier.tags, *new_tags],
        )


@dataclass(frozen=True)
class BulkFields:
    """The fields a bulk edit may change, as one supplier held them before it (for undo)."""

    supplier_id: int
    status: Status
    membership: Membership | None
    tags: tuple[str, ...]

    @classmethod
    def of(cls, supplier: Supplier) -> BulkFields:
        if supplier.id is None:
            raise ValueError("Only a stored supplier has fields to restore.")
        return cls(supplier.id, supplier.status, supplier.membership, tuple(supplier.tags))

    def restored_to(self, supplier: Supplier) -> Supplier:
        """A copy of `supplier` with these fields put back (its other fields as they are now)."""
        return dataclasses.replace(
            supplier, status=self.status, membership=self.membership, tags=list(self.tags)
        )


def changes_anything(edit: BulkEdit, supplier: Supplier) -> bool:
    """Whether the edit alters this supplier at all (one already so is left untouched)."""
    edited = edit.applied_to(supplier)
    return (edited.status, edited.membership, edited.tags) != (
        supplier.status,
        supplier.membership,
        supplier.tags,
    )
