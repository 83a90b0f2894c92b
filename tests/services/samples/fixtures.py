"""Shared set-up for the sample service tests: a product, suppliers and a realistic sample."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.domain.kit.money import Money
from app.domain.samples.sample import (
    Criterion,
    CriterionKind,
    PassFail,
    Product,
    Sample,
    SampleStatus,
)
from app.services.samples.service import SampleService
from app.services.suppliers.service import SupplierService
from tests.factories import hengda, minimal

D = Decimal
HINGE = "Hinge holds 10 kg"
STAND = Product(
    name="Phone stand",
    name_zh="手机支架",
    category="phone accessories",
    length_cm=D("12.0"),
    width_cm=D("8.5"),
    height_cm=D("2.5"),
    weight_kg=D("0.150"),
    material="aluminium alloy",
    colour="space grey",
    notes="Foldable; must hold a 7-inch tablet.",
    criteria=(Criterion(HINGE, CriterionKind.PASS_FAIL), Criterion("Logo print")),
)


@dataclass
class World:
    """A stored product and two suppliers."""

    samples: SampleService
    product_id: int
    hengda: int
    yiwu: int

    def sample(self, **changes: object) -> Sample:
        """A received, scored sample of the product from Hengda, changed as given."""
        values: dict[str, object] = {
            "product_id": self.product_id,
            "supplier_id": self.hengda,
            "variant": "黑色 black",
            "price": Money(D("15.50"), "CNY"),
            "shipping": Money(D("8.00"), "CNY"),
            "requested_on": date(2026, 11, 1),
            "shipped_on": date(2026, 11, 3),
            "received_on": date(2026, 11, 9),
            "tracking_number": "SF1234567890",
            "status": SampleStatus.RECEIVED,
            "length_cm": D("12.30"),
            "weight_kg": D("0.160"),
            "scores": {"appearance": 4, "function": 5, HINGE: PassFail.PASS},
            "defects": "Small scratch on the base.",
            "verdict": "Good; ask for a darker grey.",
        }
        values.update(changes)
        return Sample(**values)  # type: ignore[arg-type]

    def add(self, **changes: object) -> int:
        return self.samples.save_sample(self.sample(**changes)).created[0]


def make_world(samples: SampleService, suppliers: SupplierService) -> World:
    hengda_id = suppliers.save(hengda()).created[0]
    yiwu_id = suppliers.save(minimal("义乌市甲乙塑料制品厂", "Yiwu Jiayi Plastics")).created[0]
    product_id = samples.save_product(STAND).products[0]
    return World(samples, product_id, hengda_id, yiwu_id)


class Imported:
    """Stands in for app.store.photos.store.ImportedPhoto where the file itself does not matter."""

    def __init__(self, photo_hash: str, original_name: str = "IMG_0001.jpg") -> None:
        self.hash = photo_hash
        self.original_name = original_name


def photo_hash(number: int) -> str:
    return f"{number:064x}"
