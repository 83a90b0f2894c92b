"""The consolidation demo: two agents with four lines, orders at every status, a dozen parcels with
something to show (magnets, a battery, one too long for some lines, one near the end of its free
storage), a planned and a shipped shipment with estimate and actual; deterministic."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from app.demo import fill_demo
from app.demo.consolidation import AIR_SHIPMENT, SEA_SHIPMENT
from app.domain.consolidation.estimate import Settlement
from app.domain.consolidation.orders import OrderStatus
from app.domain.consolidation.parcels import RestrictedTag
from app.domain.consolidation.rate_card import FirstAdditional, PerKg, PerRevenueTon, VolumeTrigger
from app.services.consolidation.records import ShipmentStatus
from app.services.consolidation.service import ConsolidationService
from app.services.samples.service import SampleService
from app.services.suppliers.service import SupplierService
from app.store.db import Database
from app.store.opening import open_database_file
from tests.conftest import TODAY
from tests.db_rows import query

D = Decimal
DETERMINISTIC = {
    "agents": "id, name, currency, fees",
    "shipping_lines": "id, agent_id, name, card",
    "purchase_orders": "id, supplier_id, order_number, status, ordered_on, paid_on, shipped_on",
    "order_items": "*",
    "parcels": "id, code, agent_id, shipment_id, weight_kg, length_cm, arrived_on, tags",
    "shipments": "id, name, line_id, way, status, shipped_on, estimate_minor, actual_minor",
}


@dataclass
class Demo:
    path: Path
    service: ConsolidationService
    products: dict[str, int]


def _filled(path: Path, today: date) -> tuple[Database, Demo]:
    open_database_file(path)
    database = Database(path)
    fill_demo(SupplierService(database, today=lambda: today))  # as the CLI calls it
    service = ConsolidationService(database, today=lambda: today)
    products = {p.name_zh: p.id for p in SampleService(database).products()}
    return database, Demo(path, service, products)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    database, filled = _filled(tmp_path_factory.mktemp("demo") / "demo.sqlite3", TODAY)
    yield filled
    database.close()


def test_two_agents_with_the_four_kinds_of_line(demo: Demo) -> None:
    agents = {agent.name: agent for agent in demo.service.agents()}
    assert set(agents) == {"Superbuy", "CSSBuy"}
    assert agents["Superbuy"].fees.free_storage_days == 90
    assert agents["Superbuy"].packing.carton_tare_kg == D("0.5")  # each agent's own carton
    assert agents["CSSBuy"].packing.carton_tare_kg == D("0.8")
    lines = {line.name: line.card for line in demo.service.lines()}
    assert len(lines) == 4
    express = lines["DHL 快递 Express"]
    assert express.divisor == 5000 and isinstance(express.pricing, PerKg)
    assert [(b.up_to_kg, b.step_kg) for b in express.rounding] == [(D("20.5"), D("0.5")), (None, 1)]
    ems = lines["EMS"]
    assert isinstance(ems.pricing, FirstAdditional)
    assert ems.volume_trigger == VolumeTrigger(D(60)) and ems.divisor == 8000
    assert lines["空运特货专线 Air special"].per_box_fee == 20
    assert lines["空运特货专线 Air special"].divisor == 6000
    sea = lines["海运拼箱 Sea LCL"].pricing
    assert isinstance(sea, PerRevenueTon) and (sea.kg_per_m3, sea.minimum_wm) == (1000, 1)


def test_orders_at_many_statuses_with_the_agreed_price_where_one_was_made(demo: Demo) -> None:
    orders = demo.service.orders()
    assert len(orders) >= 10
    assert {row.order.status for row in orders} >= set(OrderStatus) - {
        OrderStatus.IN_TRANSIT,
        OrderStatus.CANCELLED,
    }
    stand = demo.products["磁吸手机支架"]
    agreed = demo.service.items_from_agreed_quote(stand)
    assert agreed is not None
    newest = next(row for row in orders if row.order.status is OrderStatus.PENDING_SHIPMENT)
    assert newest.order.items[0].unit_price == agreed.unit_price
    assert newest.order.supplier_id == agreed.supplier_id


def test_a_dozen_parcels_with_something_to_show(demo: Demo) -> None:
    parcels = demo.service.parcels()
    assert len(parcels) == 12
    assert all(row.orders for row in parcels)
    assert any(RestrictedTag.BATTERY in row.parcel.tags for row in parcels)
    assert sum(RestrictedTag.MAGNET in row.parcel.tags for row in parcels) >= 3
    warned = [row for row in parcels if row.storage is not None and row.storage.warning]
    assert [row.storage.days_left for row in warned] == [10]  # type: ignore[union-attr]
    long = next(row for row in parcels if row.parcel.dimensions.length == 125)
    plan = demo.service.plan([long.id])
    refused = {p.line.name for p in plan.lines if not p.accepted}
    assert refused == {"DHL 快递 Express", "空运特货专线 Air special"}
    suppliers = {name for row in parcels for name in row.supplier_names}
    assert len(suppliers) >= 6


def test_a_shipped_and_a_planned_shipment(demo: Demo) -> None:
    shipments = {s.name: s for s in demo.service.shipments()}
    sea, air = shipments[SEA_SHIPMENT], shipments[AIR_SHIPMENT]
    assert sea.status is ShipmentStatus.SHIPPED and sea.shipped_on == TODAY - timedelta(days=20)
    assert sea.planned_on == TODAY - timedelta(days=25) and len(sea.parcel_ids) == 4
    assert sea.check is not None and sea.check.settlement is Settlement.EXTRA_CHARGE
    assert sea.check.difference.amount == D(110)
    assert air.status is ShipmentStatus.PLANNED and air.actual is None and len(air.parcel_ids) == 2
    history = demo.service.estimate_history()
    assert [r.shipment_name for r in history] == [SEA_SHIPMENT]
    items = demo.service.allocation(sea.id)
    assert sum(i.share.amount for i in items) == sea.actual.amount  # type: ignore[union-attr]
    assert demo.service.freight_per_unit(demo.products["帆布托特包"]) is not None
    assert len(demo.service.parcels(waiting_only=True)) == 6


def test_the_export_data_of_the_waiting_parcels_has_a_cheapest_line(demo: Demo) -> None:
    data = demo.service.export_data()
    assert len(data.parcels) == 6 and len(data.names) == 4
    assert data.allocation  # the sea line takes them all


def test_the_demo_is_deterministic(demo: Demo, tmp_path: Path) -> None:
    """The same day gives the same rows (but for when they were written)."""
    database, again = _filled(tmp_path / "again.sqlite3", TODAY)
    try:
        for table, columns in DETERMINISTIC.items():
            sql = f"SELECT {columns} FROM {table} ORDER BY id"
            assert query(demo.path, sql) == query(again.path, sql), table
    finally:
        database.close()
