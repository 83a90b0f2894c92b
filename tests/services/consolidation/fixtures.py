"""Shared set-up for the consolidation service tests: suppliers, products, two agents with the
example lines, and helpers that make realistic orders and parcels."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.domain.consolidation.agent_fees import AgentFees
from app.domain.consolidation.orders import OrderStatus
from app.domain.kit.money import Money
from app.domain.samples.sample import Product
from app.services.consolidation.records import Order, OrderItem, ParcelInput
from app.services.consolidation.service import ConsolidationService
from app.services.consolidation.templates import AIR_SPECIAL, EMS, EXPRESS, SEA_LCL
from app.services.samples.service import SampleService
from app.services.suppliers.service import SupplierService
from app.store.db import Database
from tests.conftest import TODAY
from tests.factories import hengda, minimal

D = Decimal
SUPERBUY = AgentFees(
    name="Superbuy", consolidation_per_box=D(10), repack_per_parcel=D(5), free_storage_days=90
)
CSSBUY = AgentFees(name="CSSBuy", handling_per_parcel=D(2), free_storage_days=180)


@dataclass
class World:
    service: ConsolidationService
    hengda: int
    yiwu: int
    tote: int  # product ids
    stand: int
    superbuy: int  # agent ids
    cssbuy: int
    express: int  # line ids
    ems: int
    air: int
    sea: int

    def order(self, **changes: object) -> Order:
        """Hengda's order of 100 tote bags at ¥9.80 and 50 stands at ¥12.80, paid."""
        values: dict[str, object] = {
            "supplier_id": self.hengda,
            "order_number": "3421658712345678901",
            "status": OrderStatus.PENDING_SHIPMENT,
            "items": (
                OrderItem(self.tote, 100, D("9.80"), hs_code="4202.22"),
                OrderItem(self.stand, 50, D("12.80")),
            ),
            "domestic_shipping": Money(D("12.00"), "CNY"),
            "ordered_on": date(2026, 11, 20),
            "paid_on": date(2026, 11, 20),
        }
        values.update(changes)
        return Order(**values)  # type: ignore[arg-type]

    def add_order(self, **changes: object) -> int:
        return self.service.save_order(self.order(**changes)).created[0]

    def parcel(self, **changes: object) -> ParcelInput:
        values: dict[str, object] = {
            "weight_kg": D("6.4"),
            "length_cm": D(35),
            "width_cm": D(45),
            "height_cm": D(25),
            "code": "YT7538192046371",
            "label": "帆布包 tote bags",
            "agent_id": self.superbuy,
            "arrived_on": date(2026, 11, 25),
        }
        values.update(changes)
        return ParcelInput(**values)  # type: ignore[arg-type]

    def add_parcel(self, **changes: object) -> int:
        return self.service.save_parcel(self.parcel(**changes)).created[0]


def make_world(database: Database, suppliers: SupplierService) -> World:
    service = ConsolidationService(database, today=lambda: TODAY)
    samples = SampleService(database, today=lambda: TODAY)
    hengda_id = suppliers.save(hengda()).created[0]
    yiwu_id = suppliers.save(minimal("义乌市甲乙塑料制品厂", "Yiwu Jiayi Plastics")).created[0]
    tote = samples.save_product(Product(name="Canvas tote bag", name_zh="帆布托特包")).products[0]
    stand = samples.save_product(Product(name="Phone stand", name_zh="手机支架")).products[0]
    superbuy = service.save_agent(SUPERBUY).created[0]
    cssbuy = service.save_agent(CSSBUY).created[0]
    lines = [
        service.save_line(agent, card).created[0]
        for agent, card in (
            (superbuy, EXPRESS),
            (superbuy, EMS),
            (cssbuy, AIR_SPECIAL),
            (cssbuy, SEA_LCL),
        )
    ]
    return World(service, hengda_id, yiwu_id, tote, stand, superbuy, cssbuy, *lines)


class Imported:
    """Stands in for the photo store's ImportedPhoto."""

    def __init__(self, photo_hash: str, original_name: str = "IMG_0001.jpg") -> None:
        self.hash = photo_hash
        self.original_name = original_name


def photo_hash(number: int) -> str:
    return f"{number:064x}"
