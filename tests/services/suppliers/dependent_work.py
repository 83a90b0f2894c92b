"""Work of other tabs that hangs off a supplier, stored through the services for tests: samples
with their photos, and factory audits."""

from __future__ import annotations

from datetime import date

from app.domain.samples.sample import Product, Sample
from app.services.workbench import Workbench
from tests.services.samples.fixtures import Imported, photo_hash


def add_work(
    workbench: Workbench, supplier_id: int, samples: int, photos: int, audits: int
) -> None:
    """Samples of a new product from the supplier (`photos` on each), and its audits."""
    product = Product(name=f"Trolley case, supplier {supplier_id}")
    product_id = workbench.samples.save_product(product).products[0]
    for number in range(samples):
        sample = Sample(product_id=product_id, supplier_id=supplier_id, variant=f"colour {number}")
        sample_id = workbench.samples.save_sample(sample).created[0]
        pictures = [
            Imported(photo_hash(1000 * supplier_id + 10 * number + p)) for p in range(photos)
        ]
        workbench.samples.add_photos(sample_id, pictures)
    for day in range(audits):
        workbench.audits.start_audit(supplier_id, None, date(2026, 10, 1 + day))
