"""A Consolidation tab over a real database: the three suppliers of `filled_db`, two products,
two agents with the four example lines, one order of Hengda's and two parcels carrying it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.consolidation.agent_fees import AgentFees
from app.domain.consolidation.orders import OrderStatus
from app.domain.samples.sample import Product
from app.services.consolidation.records import Order, OrderItem, ParcelInput
from app.services.consolidation.templates import AIR_SPECIAL, EMS, EXPRESS, SEA_LCL
from app.services.workbench import Workbench
from app.ui.consolidation.tab import ConsolidationTab
from tests.conftest import TODAY

D = Decimal


@dataclass
class World:
    workbench: Workbench
    hengda: int
    tote: int
    stand: int
    superbuy: int
    cssbuy: int
    order: int
    parcels: list[int]

    @property
    def service(self):
        return self.workbench.consolidation

    def add_parcel(self, label: str, kg: str, sides: tuple[int, int, int], **changes) -> int:
        values: dict[str, object] = {
            "label": label,
            "agent_id": self.superbuy,
            "arrived_on": TODAY - timedelta(days=5),
            "order_ids": (self.order,),
        }
        values.update(changes)
        parcel = ParcelInput(D(kg), *(D(side) for side in sides), **values)  # type: ignore[arg-type]
        return self.service.save_parcel(parcel).created[0]


@pytest.fixture
def world(filled_db: Path) -> World:
    workbench = Workbench(filled_db, today=lambda: TODAY)
    samples = workbench.samples
    tote = samples.save_product(Product(name="Canvas tote bag", name_zh="帆布托特包")).products[0]
    stand = samples.save_product(Product(name="Phone stand", name_zh="手机支架")).products[0]
    service = workbench.consolidation
    superbuy = service.save_agent(
        AgentFees(
            name="Superbuy",
            consolidation_per_box=D(10),
            repack_per_parcel=D(5),
            free_storage_days=90,
        )
    ).created[0]
    cssbuy = service.save_agent(AgentFees(name="CSSBuy", handling_per_parcel=D(2))).created[0]
    for agent, card in (
        (superbuy, EXPRESS),
        (superbuy, EMS),
        (cssbuy, AIR_SPECIAL),
        (cssbuy, SEA_LCL),
    ):
        service.save_line(agent, card)
    hengda = workbench.suppliers.find_id("义乌市恒达工艺品厂")
    order = service.save_order(
        Order(
            supplier_id=hengda,
            order_number="3421658712345678901",
            status=OrderStatus.DELIVERED,
            items=(
                OrderItem(tote, 100, D("9.80"), hs_code="4202.22"),
                OrderItem(stand, 50, D("12.80")),
            ),
            ordered_on=TODAY - timedelta(days=12),
        )
    ).created[0]
    found = World(workbench, hengda, tote, stand, superbuy, cssbuy, order, [])
    found.parcels = [
        found.add_parcel("tote bags", "6.4", (45, 35, 25), code="YT7538192046371"),
        found.add_parcel("phone stands", "3.2", (30, 25, 20), code="YT7538192046372"),
    ]
    return found


@pytest.fixture
def tab(qtbot, world: World) -> ConsolidationTab:
    widget = ConsolidationTab(world.workbench)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    widget.activateWindow()
    qtbot.waitActive(widget)
    qtbot.waitUntil(lambda: widget.parcels.model.rowCount() == 2)
    return widget
