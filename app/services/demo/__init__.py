"""Demo content: a realistic, deterministic set of suppliers, and cheap synthetic ones for benchmarks.

`fill_demo` is the entry point (`python -m app demo`). Later areas (capacity and credit, samples,
negotiations, consolidations) add their own demo module and one step each to `fill_demo`.
"""

from __future__ import annotations

from app.errors import WorkbenchError
from app.services.changes import Change
from app.services.demo.suppliers import demo_suppliers
from app.services.demo.synthetic import synthetic_suppliers
from app.services.suppliers import SupplierService

__all__ = ["demo_suppliers", "fill_demo", "synthetic_suppliers"]


def fill_demo(service: SupplierService) -> Change:
    """Fill a new, empty database with the demo; refuse if it already holds any supplier."""
    if service.count():
        raise WorkbenchError(
            f"{service.database.path} already holds suppliers: "
            "the demo only fills a new, empty database. Choose a new file."
        )
    return service.insert_many(demo_suppliers(service.today()))
