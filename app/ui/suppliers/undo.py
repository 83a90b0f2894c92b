"""What Ctrl+Z on the Suppliers tab takes back: its last delete or bulk edit, as one step."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from app.domain.suppliers.bulk_edit import BulkFields
from app.services.changes import Change
from app.services.suppliers.service import SupplierService


@dataclass(frozen=True)
class UndoStep:
    text: str  # the Edit menu's item, e.g. "Undo delete"
    run: Callable[[], Change]  # the write that takes it back
    done: str  # the status message afterwards, with {count}
    rewrites: frozenset[int] = frozenset()  # stored suppliers it writes over (the editor's?)


def undo_delete_step(suppliers: SupplierService, deleted: Change) -> UndoStep:
    """The suppliers of a delete back, with every row of other tabs it took with them."""
    removed, dependents = deleted.removed, deleted.dependents
    return UndoStep(
        QCoreApplication.translate("SuppliersTab", "&Undo delete"),
        lambda: suppliers.restore(removed, dependents),
        QCoreApplication.translate("SuppliersTab", "Restored {count} supplier(s)"),
    )


def undo_bulk_edit_step(suppliers: SupplierService, before: Sequence[BulkFields]) -> UndoStep:
    """The status, membership and tags of every supplier a bulk edit changed, as they were."""
    return UndoStep(
        QCoreApplication.translate("SuppliersTab", "&Undo bulk edit"),
        lambda: suppliers.undo_bulk_edit(before),
        QCoreApplication.translate("SuppliersTab", "Bulk edit undone on {count} supplier(s)"),
        frozenset(fields.supplier_id for fields in before),
    )
