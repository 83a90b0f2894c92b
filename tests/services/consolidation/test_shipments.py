"""Planning through the service, shipments with their estimate and actual charge, the charge
allocated back to the order items (to the cent), freight per unit, and the export data."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.consolidation.allocation import AllocationBasis
from app.domain.consolidation.estimate import Settlement
from app.domain.consolidation.parcels import RestrictedTag
from app.domain.consolidation.planner import Way, WayCost, plan_shipment
from app.domain.kit.money import Money
from app.errors import NotFound, ValidationError, WorkbenchError
from app.services.consolidation.allocation import parcel_chargeable_kg
from app.services.consolidation.export_data import WAITING_TITLE
from app.services.consolidation.records import OrderItem, ShipmentStatus
from app.services.consolidation.templates import EMS
from app.services.suppliers.service import SupplierService
from tests.conftest import TODAY
from tests.db_rows import query
from tests.services.consolidation.fixtures import World, make_world

D = Decimal
CNY = "CNY"


@pytest.fixture
def world(database, supplier_service: SupplierService) -> World:
    return make_world(database, supplier_service)


def _two_parcels(world: World) -> tuple[int, int, int, int]:
    """Order 1 (100 totes ¥9.80, 50 stands ¥12.80) in parcel A, 6.4 kg 45×35×25; order 2
    (10 totes) in parcel B, 2 kg 30×20×10. Returns (order 1, order 2, A, B)."""
    first = world.add_order()
    second = world.add_order(
        order_number="3421658712345678902", items=(OrderItem(world.tote, 10, D("9.80")),)
    )
    a = world.add_parcel(order_ids=(first,))
    b = world.add_parcel(
        code="SF1402938475612",
        weight_kg=D(2),
        length_cm=D(30),
        width_cm=D(20),
        height_cm=D(10),
        order_ids=(second,),
    )
    return first, second, a, b


def _ship(world: World, parcel_ids: list[int], way: Way = Way.CONSOLIDATED) -> int:
    """A shipment called 'x' of these parcels on EMS."""
    return world.service.create_shipment("x", parcel_ids, world.ems, way).created[0]


# --- planning -----------------------------------------------------------------------------------
def test_the_planner_prices_the_parcels_on_every_line_of_every_agent(world: World) -> None:
    *_, a, b = _two_parcels(world)
    view = world.service.plan_view([a, b])
    assert [line.id for line in view.lines] == [world.sea, world.air, world.express, world.ems]
    assert [p.line for p in view.plan.lines] == [line.card for line in view.lines]
    assert all(plan.accepted for plan in view.plan.lines)
    assert len(view.plan.cheapest) == 1 and view.plan.fastest[0].line.name == "DHL 快递 Express"
    assert world.service.plan([a, b]) == view.plan
    # The same as the domain planner over the stored parcels and lines.
    parcels = [row.parcel for row in world.service.parcels()]
    options = [p.option for p in view.plan.lines]
    assert plan_shipment(parcels, options) == view.plan


def test_a_refusing_line_names_the_parcel_and_the_reason(world: World) -> None:
    battery = world.add_parcel(tags=frozenset({RestrictedTag.BATTERY}))
    long = world.add_parcel(code="SF9", length_cm=D(125), width_cm=D(40), height_cm=D(30))
    plan = world.service.plan([battery, long])
    reasons = {p.line.name: p.refusal for p in plan.lines}
    assert reasons["EMS"] == "Parcel '帆布包 tote bags': Battery (带电) not accepted on this line"
    assert reasons["空运特货专线 Air special"] == (
        "Parcel '帆布包 tote bags': Longest side 125 cm is over this line's 120 cm"
    )
    assert reasons["海运拼箱 Sea LCL"] == ""


def test_repacking_is_compared_only_when_asked_and_storage_counts_to_the_ship_date(
    world: World,
) -> None:
    old = world.add_parcel(arrived_on=TODAY - timedelta(days=100))  # Superbuy: 90 free days
    assert all(p.repacked is None for p in world.service.plan([old], repack=False).lines)
    plan = world.service.plan([old], ship_on=TODAY)
    express = next(p for p in plan.lines if p.line.name == "EMS")
    assert isinstance(express.best, WayCost)
    # Superbuy charges no storage fee per month in the fixture: the fee is 0, but counted.
    assert express.best.fees.storage == Money(D("0.00"), CNY)


def test_insuring_needs_every_parcels_declared_value(world: World) -> None:
    parcel = world.add_parcel()
    plan = world.service.plan([parcel], insure=True)
    assert "has no declared value" in plan.lines[0].refusal


def test_planning_unknown_or_repeated_parcels_is_refused(world: World) -> None:
    parcel = world.add_parcel()
    with pytest.raises(NotFound):
        world.service.plan([parcel, 999])
    with pytest.raises(ValidationError, match="each parcel once"):
        world.service.plan([parcel, parcel])
    with pytest.raises(ValueError, match="at least one parcel"):
        world.service.plan([])


# --- shipments ----------------------------------------------------------------------------------
def test_a_shipment_takes_the_plans_total_as_its_estimate(world: World, db_path: Path) -> None:
    *_, a, b = _two_parcels(world)
    view = world.service.plan_view([a, b])
    index = next(i for i, line in enumerate(view.lines) if line.id == world.ems)
    best = view.plan.lines[index].best
    assert isinstance(best, WayCost)
    change = world.service.create_shipment("十二月 EMS", [a, b], world.ems, best.way)
    shipment = world.service.shipment(change.created[0])
    assert change.parcels == (a, b) and change.shipments == (shipment.id,)
    assert shipment.estimate == best.total and shipment.actual is None
    assert (shipment.line_name, shipment.agent_name, shipment.card) == ("EMS", "Superbuy", EMS)
    assert shipment.status is ShipmentStatus.PLANNED and shipment.planned_on == TODAY
    assert shipment.parcel_ids == (a, b) and shipment.boxes == len(best.split.boxes)
    assert shipment.chargeable_kg == best.chargeable_kg
    assert "kg chargeable" in shipment.summary
    assert query(db_path, "SELECT shipment_id FROM parcels") == [(shipment.id,), (shipment.id,)]
    with pytest.raises(ValidationError, match="already in a shipment"):
        world.service.create_shipment("again", [a], world.ems, Way.CONSOLIDATED)
    with pytest.raises(ValidationError, match="already a shipment called"):
        world.service.create_shipment("十二月 EMS", [a], world.ems, Way.CONSOLIDATED)
    with pytest.raises(ValidationError, match="at least one parcel"):
        world.service.create_shipment("empty", [], world.ems, Way.CONSOLIDATED)


def test_a_way_the_line_refuses_cannot_become_a_shipment(world: World, db_path: Path) -> None:
    battery = world.add_parcel(tags=frozenset({RestrictedTag.BATTERY}))
    with pytest.raises(ValidationError, match=r"EMS: Parcel .* Battery"):
        world.service.create_shipment("x", [battery], world.ems, Way.CONSOLIDATED)
    assert query(db_path, "SELECT count(*) FROM shipments") == [(0,)]


def test_the_agents_deposit_may_replace_the_estimate(world: World) -> None:
    parcel = world.add_parcel()
    deposit = Money(D("300.00"), CNY)
    shipment_id = world.service.create_shipment(
        "x", [parcel], world.ems, Way.CONSOLIDATED, "my summary", estimate=deposit
    ).created[0]
    shipment = world.service.shipment(shipment_id)
    assert shipment.estimate == deposit and shipment.summary == "my summary"
    with pytest.raises(ValidationError, match="charges in CNY"):
        world.service.create_shipment(
            "y", [world.add_parcel(code="SF1")], world.ems, Way.CONSOLIDATED,
            estimate=Money(D(40), "USD"),
        )  # fmt: skip


def test_statuses_move_forward_stamping_their_dates(world: World) -> None:
    shipment_id = world.service.create_shipment(
        "x", [world.add_parcel()], world.ems, Way.CONSOLIDATED
    ).created[0]
    world.service.set_shipment_status(shipment_id, ShipmentStatus.PAID, on=date(2026, 11, 28))
    world.service.set_shipment_status(shipment_id, ShipmentStatus.SHIPPED)
    shipment = world.service.shipment(shipment_id)
    assert (shipment.paid_on, shipment.shipped_on) == (date(2026, 11, 28), TODAY)
    assert shipment.status is ShipmentStatus.SHIPPED
    with pytest.raises(ValidationError, match="does not go back from shipped to planned"):
        world.service.set_shipment_status(shipment_id, ShipmentStatus.PLANNED)
    with pytest.raises(ValidationError, match="after today"):
        world.service.set_shipment_status(
            shipment_id, ShipmentStatus.DELIVERED, on=date(2027, 1, 1)
        )
    # A shipped parcel has left the warehouse: no storage status any more.
    assert world.service.parcels()[0].storage is None


def test_estimate_against_actual_per_line_over_time(world: World) -> None:
    first = world.service.create_shipment(
        "Nov", [world.add_parcel()], world.ems, Way.CONSOLIDATED, estimate=Money(D(200), CNY)
    ).created[0]
    second = world.service.create_shipment(
        "Dec", [world.add_parcel(code="SF1")], world.ems, Way.CONSOLIDATED,
        estimate=Money(D(200), CNY),
    ).created[0]  # fmt: skip
    world.service.set_shipment_status(first, ShipmentStatus.SHIPPED, on=date(2026, 11, 10))
    world.service.record_actual_charge(first, Money(D("215.00"), CNY))
    world.service.set_shipment_status(second, ShipmentStatus.SHIPPED, on=date(2026, 11, 20))
    world.service.record_actual_charge(second, Money(D("190.00"), CNY))
    history = world.service.estimate_history(world.ems)
    assert [(r.shipment_name, r.on) for r in history] == [
        ("Nov", date(2026, 11, 10)),
        ("Dec", date(2026, 11, 20)),
    ]
    assert [(r.check.difference.amount, r.check.percent, r.check.settlement) for r in history] == [
        (D("15.00"), D("7.5"), Settlement.EXTRA_CHARGE),
        (D("-10.00"), D("-5.0"), Settlement.REFUND),
    ]
    assert world.service.estimate_history(world.express) == []
    with pytest.raises(ValidationError, match="one currency"):
        world.service.record_actual_charge(first, Money(D(30), "USD"))
    world.service.record_actual_charge(first, None)
    assert world.service.shipment(first).check is None


def test_deleting_a_shipment_puts_its_parcels_back_to_waiting(world: World) -> None:
    parcel = world.add_parcel()
    shipment_id = _ship(world, [parcel])
    assert world.service.parcels(waiting_only=True) == []
    assert world.service.delete_shipment(shipment_id).parcels == (parcel,)
    assert [row.id for row in world.service.parcels(waiting_only=True)] == [parcel]


def test_a_shipment_is_found_by_name_or_id(world: World) -> None:
    shipment_id = world.service.create_shipment(
        "十二月 EMS", [world.add_parcel()], world.ems, Way.CONSOLIDATED
    ).created[0]
    assert world.service.find_shipment_id(" 十二月 EMS ") == shipment_id
    assert world.service.find_shipment_id(str(shipment_id)) == shipment_id
    with pytest.raises(NotFound, match="No shipment is called 'Jan'"):
        world.service.find_shipment_id("Jan")


# --- allocation ---------------------------------------------------------------------------------
def _shipped(world: World, actual: str) -> tuple[int, int, int]:
    first, second, a, b = _two_parcels(world)
    shipment_id = world.service.create_shipment("x", [a, b], world.ems, Way.SEPARATE).created[0]
    world.service.record_actual_charge(shipment_id, Money(D(actual), CNY))
    return shipment_id, first, second


def test_the_charge_is_shared_by_chargeable_weight_to_the_cent(world: World) -> None:
    shipment_id, first, second = _shipped(world, "333.33")
    items = world.service.allocation(shipment_id)
    # Parcel A weighs 6.5 kg chargeable on EMS (6.4 rounded up), shared 980 : 640 by value;
    # parcel B 2 kg, all its one item's.
    assert [(i.order_id, i.product_id, i.basis_value) for i in items] == [
        (first, world.tote, D("3.932099")),
        (first, world.stand, D("2.567901")),
        (second, world.tote, D("2.000000")),
    ]
    assert sum(i.share.amount for i in items) == D("333.33")
    exact = [D("333.33") * i.basis_value / D("8.5") for i in items]
    assert all(abs(i.share.amount - e) < D("0.01") for i, e in zip(items, exact, strict=True))
    tote = items[0]
    assert tote.per_unit == Money((tote.share.amount / 100).quantize(D("0.000001")), CNY)
    assert tote.product_name == "帆布托特包 · Canvas tote bag"


@pytest.mark.parametrize(
    ("basis", "bases"),
    [
        (AllocationBasis.QUANTITY, [D(100), D(50), D(10)]),
        (AllocationBasis.VALUE, [D("980.000000"), D("640.000000"), D("98.000000")]),
        (AllocationBasis.EQUAL, [D(1), D(1), D(1)]),
    ],
)
def test_other_bases_share_the_same_total(
    world: World, basis: AllocationBasis, bases: list
) -> None:
    shipment_id, *_ = _shipped(world, "100.00")
    result = world.service.allocation_result(shipment_id, basis)
    assert [i.basis_value for i in result.items] == bases
    assert sum(i.share.amount for i in result.items) == D("100.00")
    assert result.total == Money(D("100.00"), CNY) and result.basis is basis


def test_by_volume_each_parcel_shares_its_own_volume(world: World) -> None:
    shipment_id, *_ = _shipped(world, "100.00")
    items = world.service.allocation(shipment_id, AllocationBasis.VOLUME)
    a_volume = D(45 * 35 * 25)
    assert items[0].basis_value + items[1].basis_value == a_volume
    assert items[2].basis_value == D(30 * 20 * 10)


def test_value_basis_in_several_currencies_is_refused(world: World) -> None:
    order = world.add_order(
        items=(OrderItem(world.tote, 1, D(1)), OrderItem(world.stand, 1, D(1), "USD"))
    )
    parcel = world.add_parcel(order_ids=(order,))
    shipment_id = _ship(world, [parcel])
    with pytest.raises(ValidationError, match="CNY and USD"):
        world.service.allocation(shipment_id, AllocationBasis.VALUE)
    assert len(world.service.allocation(shipment_id)) == 2  # by weight: fine


def test_a_parcel_carrying_no_order_leaves_its_part_to_the_others(world: World) -> None:
    order = world.add_order()
    carried = world.add_parcel(order_ids=(order,))
    unknown = world.add_parcel(code="SF1")
    shipment_id = world.service.create_shipment(
        "x", [carried, unknown], world.ems, Way.SEPARATE
    ).created[0]
    result = world.service.allocation_result(shipment_id)
    assert result.unassigned_parcels == (unknown,)
    assert sum(i.share.amount for i in result.items) == result.total.amount


def test_no_items_gives_an_empty_allocation_that_says_why(world: World) -> None:
    shipment_id = world.service.create_shipment(
        "x", [world.add_parcel()], world.ems, Way.CONSOLIDATED
    ).created[0]
    result = world.service.allocation_result(shipment_id)
    assert result.items == () and "no order items" in result.note


def test_freight_per_unit_comes_from_the_latest_shipment_carrying_the_product(
    world: World,
) -> None:
    assert world.service.freight_per_unit(world.tote) is None
    shipment_id, *_ = _shipped(world, "333.33")
    world.service.set_shipment_status(shipment_id, ShipmentStatus.SHIPPED, on=date(2026, 11, 1))
    items = world.service.allocation(shipment_id)
    totes = [i for i in items if i.product_id == world.tote]
    expected = sum(i.share.amount for i in totes) / 110
    assert world.service.freight_per_unit(world.tote) == Money(
        expected.quantize(D("0.000001")), CNY
    )
    later_order = world.add_order(order_number="", items=(OrderItem(world.tote, 40, D("9.80")),))
    later = world.add_parcel(code="SF77", order_ids=(later_order,))
    newest = world.service.create_shipment("later", [later], world.ems, Way.CONSOLIDATED).created[0]
    world.service.set_shipment_status(newest, ShipmentStatus.SHIPPED, on=date(2026, 11, 20))
    charge = world.service.shipment(newest).charge.amount
    assert world.service.freight_per_unit(world.tote) == Money(
        (charge / 40).quantize(D("0.000001")), CNY
    )


def test_a_sea_parcel_weighs_its_volume_at_the_lines_kg_per_m3(world: World) -> None:
    sea = world.service.line(world.sea).card
    parcel = world.service.parcel(world.add_parcel()).parcel  # 0.039375 m³ → 39.375 kg
    assert parcel_chargeable_kg(parcel, sea) == D("39.375")


# --- export data --------------------------------------------------------------------------------
def test_export_data_of_the_waiting_parcels_allocates_the_cheapest_lines_total(
    world: World,
) -> None:
    *_, a, b = _two_parcels(world)
    data = world.service.export_data()
    assert data.title == WAITING_TITLE and data.today == TODAY
    assert [entry.parcel.id for entry in data.parcels] == [a, b]
    entry = data.parcels[0]
    assert entry.supplier_name == "义乌市恒达工艺品厂"
    assert entry.order_numbers == ("3421658712345678901",)
    assert [(i.product_name, i.quantity, i.unit_value, i.hs_code) for i in entry.items] == [
        ("帆布托特包 · Canvas tote bag", 100, Money(D("9.80"), CNY), "4202.22"),
        ("手机支架 · Phone stand", 50, Money(D("12.80"), CNY), ""),
    ]
    assert [(n.line, n.agent) for n in data.names] == [
        (p.line.name, p.option.agent.name) for p in data.plan.lines
    ]
    cheapest = data.plan.cheapest[0].best
    assert cheapest is not None
    assert sum(e.share.amount for e in data.allocation) == cheapest.total.amount
    assert data.allocation[0].item == "帆布托特包 · Canvas tote bag (3421658712345678901)"
    assert data.allocation_basis is AllocationBasis.CHARGEABLE_WEIGHT


def test_export_data_of_a_shipment_allocates_its_own_charge(world: World) -> None:
    shipment_id, *_ = _shipped(world, "333.33")
    data = world.service.export_data(shipment_id)
    assert data.title == "x" and len(data.parcels) == 2
    assert sum(e.share.amount for e in data.allocation) == D("333.33")
    with pytest.raises(WorkbenchError, match="No parcels are waiting"):
        world.service.export_data()
    with pytest.raises(WorkbenchError, match="no longer exists"):
        world.service.export_data(999)
