"""Demo content: a realistic, deterministic set of suppliers, and cheap synthetic ones for benchmarks.

`create_demo` is the entry point (`python -m app demo`): it runs `fill_demo` on a database built
beside the target and moves it into place only when complete (demo/staging.py), so a demo is
there whole or not at all. Each area adds its own demo module and one step to `fill_demo`:
suppliers, then capacity and credit (demo/matrix.py), then factory audits (demo/audits.py), then
products and samples (demo/samples.py), then quotes and negotiations (demo/negotiation.py),
then orders, parcels and shipments (demo/consolidation.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from pathlib import Path

from app.demo.audits import fill_demo_audits
from app.demo.consolidation import fill_demo_consolidation
from app.demo.matrix import fill_demo_matrix
from app.demo.negotiation import fill_demo_negotiation
from app.demo.samples import fill_demo_samples
from app.demo.staging import build_beside
from app.demo.suppliers import demo_suppliers
from app.demo.synthetic import synthetic_suppliers
from app.errors import WorkbenchError
from app.services.audits.service import AuditService
from app.services.changes import Change
from app.services.consolidation.service import ConsolidationService
from app.services.matrix.service import MatrixService
from app.services.negotiation.service import NegotiationService
from app.services.samples.service import SampleService
from app.services.suppliers.service import SupplierService
from app.store.db import Database
from app.store.photos.store import PhotoStore

__all__ = [
    "create_demo",
    "demo_suppliers",
    "fill_demo",
    "fill_demo_audits",
    "fill_demo_consolidation",
    "fill_demo_matrix",
    "fill_demo_negotiation",
    "fill_demo_samples",
    "synthetic_suppliers",
]


def create_demo(path: Path, today: Callable[[], date] = date.today) -> Change:
    """Make the demo database at `path`, all or nothing: a missing file is created, an empty
    database replaced; one that holds anything is refused. Returns the created suppliers."""

    def fill(partial: Path) -> Change:
        database = Database(partial)
        try:
            return fill_demo(SupplierService(database, today=today))
        finally:
            database.close()

    return build_beside(path, fill)


def fill_demo(
    service: SupplierService,
    matrix: MatrixService | None = None,
    audits: AuditService | None = None,
    samples: SampleService | None = None,
    photos: PhotoStore | None = None,
) -> Change:
    """Fill a new, empty database with the demo; refuse if it already holds any supplier.
    Each step commits on its own: `create_demo` is the all-or-nothing way.

    The matrix, audit and sample services default to ones over the same database and day, and
    the sample photos go to the photo store beside the database, so callers that only have the
    supplier service (the CLI) get the whole demo. Returns the created suppliers.
    """
    if service.count():
        raise WorkbenchError(
            f"{service.database.path} already holds suppliers: "
            "the demo only fills a new, empty database. Choose a new file."
        )
    today = service.today()
    suppliers = demo_suppliers(today)
    change = service.insert_many(suppliers)
    stored = [
        dataclasses.replace(supplier, id=supplier_id)
        for supplier, supplier_id in zip(suppliers, change.created, strict=True)
    ]
    if matrix is None:
        matrix = MatrixService(service.database, today=service.today)
    fill_demo_matrix(matrix, stored, today)
    if audits is None:
        audits = AuditService(service.database, today=service.today)
    fill_demo_audits(audits, stored, today)
    if samples is None:
        samples = SampleService(service.database, today=service.today)
    if photos is None:
        photos = PhotoStore(service.database.path)
    fill_demo_samples(samples, stored, today, photos)
    fill_demo_negotiation(NegotiationService(service.database, today=service.today), stored, today)
    fill_demo_consolidation(
        ConsolidationService(service.database, today=service.today), stored, today
    )
    return change
