"""Demo content: a realistic, deterministic set of suppliers, and cheap synthetic ones for benchmarks.

`fill_demo` is the entry point (`python -m app demo`). Each area adds its own demo module and one
step to `fill_demo`: suppliers, then capacity and credit (demo/matrix.py), then factory audits
(demo/audits.py), then products and samples (demo/samples.py); negotiations and consolidations
later.
"""

from __future__ import annotations

import dataclasses

from app.demo.audits import fill_demo_audits
from app.demo.matrix import fill_demo_matrix
from app.demo.samples import fill_demo_samples
from app.demo.suppliers import demo_suppliers
from app.demo.synthetic import synthetic_suppliers
from app.errors import WorkbenchError
from app.services.audits.service import AuditService
from app.services.changes import Change
from app.services.matrix.service import MatrixService
from app.services.samples.service import SampleService
from app.services.suppliers.service import SupplierService
from app.store.photos.store import PhotoStore

__all__ = [
    "demo_suppliers",
    "fill_demo",
    "fill_demo_audits",
    "fill_demo_matrix",
    "fill_demo_samples",
    "synthetic_suppliers",
]


def fill_demo(
    service: SupplierService,
    matrix: MatrixService | None = None,
    audits: AuditService | None = None,
    samples: SampleService | None = None,
    photos: PhotoStore | None = None,
) -> Change:
    """Fill a new, empty database with the demo; refuse if it already holds any supplier.

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
    return change
