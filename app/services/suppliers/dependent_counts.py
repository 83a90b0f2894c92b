"""How much other work hangs off each supplier: the rows of other tabs a delete takes with it
(ON DELETE CASCADE), counted so the confirmation can say "and its 3 samples, 12 photos"."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields

from sqlalchemy import Column, Connection, Select, func, select

from app.services.dependents import IN_CHUNK
from app.services.sql import table_of
from app.store.models.audits import AuditRow
from app.store.models.consolidation import PurchaseOrderRow
from app.store.models.matrix import CapacityFactRow, CreditInputRow, EvaluationRow
from app.store.models.negotiation import QuoteRow, WorksheetRow
from app.store.models.samples import SamplePhotoRow, SampleRow


@dataclass(frozen=True)
class DependentCounts:
    """Rows of other tables that belong to one supplier (or, added up, to several). The field
    order is the order a confirmation lists them in: the user's own work first."""

    samples: int = 0
    photos: int = 0  # the samples' photos
    audits: int = 0
    quotes: int = 0
    worksheets: int = 0  # negotiation worksheets
    orders: int = 0  # purchase orders (Consolidation)
    capacity_facts: int = 0
    evaluations: int = 0
    credit_ratings: int = 0  # the buyer's credit inputs, at most one per supplier

    def __add__(self, other: DependentCounts) -> DependentCounts:
        return DependentCounts(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)}
        )

    def nonzero(self) -> list[tuple[str, int]]:
        """(kind, count) of every kind there is at least one of, in the listing order."""
        return [(f.name, getattr(self, f.name)) for f in fields(self) if getattr(self, f.name)]


def _direct(model: type, kind: str) -> tuple[str, Column, Select]:
    """A table with a supplier_id column: its rows per supplier."""
    table = table_of(model)
    owner = table.c.supplier_id
    return kind, owner, select(owner, func.count()).group_by(owner)


def _queries() -> Iterator[tuple[str, Column, Select]]:
    yield _direct(SampleRow, "samples")
    samples, photos = table_of(SampleRow), table_of(SamplePhotoRow)
    owner = samples.c.supplier_id
    yield (
        "photos",
        owner,
        select(owner, func.count())
        .select_from(photos.join(samples, photos.c.sample_id == samples.c.id))
        .group_by(owner),
    )
    yield _direct(AuditRow, "audits")
    yield _direct(QuoteRow, "quotes")
    yield _direct(WorksheetRow, "worksheets")
    yield _direct(PurchaseOrderRow, "orders")
    yield _direct(CapacityFactRow, "capacity_facts")
    yield _direct(EvaluationRow, "evaluations")
    yield _direct(CreditInputRow, "credit_ratings")


def count_dependents(
    connection: Connection, supplier_ids: Iterable[int]
) -> dict[int, DependentCounts]:
    """{supplier id: its counts} for every id given (all zero for a supplier with nothing)."""
    ids = list(dict.fromkeys(supplier_ids))
    found: dict[int, dict[str, int]] = {supplier_id: {} for supplier_id in ids}
    for kind, owner, query in _queries():
        for start in range(0, len(ids), IN_CHUNK):
            chunk = ids[start : start + IN_CHUNK]
            for supplier_id, count in connection.execute(query.where(owner.in_(chunk))):
                found[supplier_id][kind] = count
    return {supplier_id: DependentCounts(**counts) for supplier_id, counts in found.items()}
