"""Each agent's packing rules (issue 12: carton tare, packing and repack factors) stored with the
agent, read back exactly, used for the boxes of that agent's lines only; and the default agent
a new parcel starts with (issue 15), a data setting."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from app.domain.consolidation.agent_fees import AgentFees
from app.domain.consolidation.boxes import PackingRules, packing_problems
from app.domain.consolidation.planner import LinePlan, ShipmentPlan, Way, WayCost
from app.errors import NotFound, ValidationError
from app.services.consolidation.cards import StoredDocumentError
from app.services.suppliers.service import SupplierService
from app.store.db import Database
from tests.db_rows import query
from tests.services.consolidation.fixtures import World, make_world

D = Decimal
HEAVY = PackingRules(carton_tare_kg=D(2), packing_factor=D("1.25"), repack_factor=D("0.75"))


def _packing(path: Path, agent_id: int) -> list[tuple]:
    sql = "SELECT carton_tare_kg, packing_factor, repack_factor FROM agents WHERE id = {}"
    return query(path, sql.format(int(agent_id)))


@pytest.fixture
def world(database: Database, supplier_service: SupplierService) -> World:
    return make_world(database, supplier_service)


def _two_parcels(world: World) -> list[int]:
    """6.4 kg 45×35×25 and 2 kg 30×20×10 at Superbuy."""
    order = world.add_order()
    return [
        world.add_parcel(order_ids=(order,)),
        world.add_parcel(
            code="SF1402938475612",
            weight_kg=D(2),
            length_cm=D(30),
            width_cm=D(20),
            height_cm=D(10),
            order_ids=(order,),
        ),
    ]


def _one_box(plan: LinePlan) -> WayCost:
    together = plan.one_box
    assert isinstance(together, WayCost)
    assert together.split.boxes[0].box.consolidated
    return together


def _ways(plan: LinePlan) -> tuple:
    """Every way's boxes and cost (the cheapest mark may move to another agent's line)."""
    return (plan.consolidated, plan.repacked, plan.separate, plan.one_box)


def _by_line(plan: ShipmentPlan) -> dict[str, LinePlan]:
    return {line.line.name: line for line in plan.lines}


# --- stored and read back ----------------------------------------------------------------------
def test_a_new_agent_packs_by_the_defaults_and_stores_nothing(world: World, db_path: Path) -> None:
    assert world.service.agent(world.superbuy).packing == PackingRules()
    assert _packing(db_path, world.superbuy) == [(None, None, None)]


def test_packing_rules_round_trip_through_the_database(world: World, db_path: Path) -> None:
    fees = world.service.agent(world.cssbuy).fees
    world.service.save_agent(fees, agent_id=world.cssbuy, packing=HEAVY)
    assert _packing(db_path, world.cssbuy) == [("2", "1.25", "0.75")]
    assert world.service.agent(world.cssbuy).packing == HEAVY
    assert world.service.agent(world.superbuy).packing == PackingRules()  # only that agent
    # Saving the fees without packing rules keeps the stored ones.
    world.service.save_agent(fees, agent_id=world.cssbuy, note="sturdy cartons")
    assert world.service.agent(world.cssbuy).packing == HEAVY
    added = world.service.save_agent(AgentFees(name="Wegobuy"), packing=HEAVY).created[0]
    assert _packing(db_path, added) == [("2", "1.25", "0.75")]


def test_rules_that_are_not_packing_rules_are_refused_and_nothing_written(
    world: World, db_path: Path
) -> None:
    fees = world.service.agent(world.cssbuy).fees
    with pytest.raises(ValidationError) as refused:
        world.service.save_agent(fees, agent_id=world.cssbuy, packing=D(2), note="x")  # type: ignore[arg-type]
    assert refused.value.field_errors == {"packing": "Give the agent's packing rules."}
    assert _packing(db_path, world.cssbuy) == [(None, None, None)]
    assert world.service.agent(world.cssbuy).note == ""


def test_each_wrong_rule_is_named_by_its_field() -> None:
    assert packing_problems(D("-0.1"), D("0.9"), D("1.2")) == {
        "carton_tare_kg": "The carton weight must be 0 or more, not -0.1.",
        "packing_factor": "The packing factor must be 1 or more, not 0.9.",
        "repack_factor": "The repack factor must be 1 or less, not 1.2.",
    }
    assert set(packing_problems(D(0), D(1), D(0))) == {"repack_factor"}
    assert packing_problems(D(0), D(1), D(1)) == {}
    with pytest.raises(ValueError, match="The packing factor must be 1 or more"):
        PackingRules(packing_factor=D("0.5"))


def test_a_damaged_stored_rule_is_reported_not_half_read(world: World, database) -> None:
    with database.transaction() as session:
        session.execute(text("UPDATE agents SET packing_factor = '0.5' WHERE name = 'CSSBuy'"))
    with pytest.raises(StoredDocumentError, match="packing rules of CSSBuy are damaged"):
        world.service.agents()


# --- planning ----------------------------------------------------------------------------------
def test_a_heavier_tare_raises_the_chargeable_weight_on_that_agents_lines_only(
    world: World,
) -> None:
    parcels = _two_parcels(world)
    before = _by_line(world.service.plan(parcels))
    fees = world.service.agent(world.superbuy).fees
    world.service.save_agent(fees, agent_id=world.superbuy, packing=HEAVY)
    after = _by_line(world.service.plan(parcels))
    for name in ("DHL 快递 Express", "EMS"):  # Superbuy's lines: 1.5 kg more carton
        assert _one_box(after[name]).actual_kg == _one_box(before[name]).actual_kg + D("1.5")
    # EMS counts actual weight only (no side over 60 cm): 6.4 + 2 + 0.5 → 9; + 2 → 10.5.
    assert _one_box(before["EMS"]).chargeable_kg == D("9.0")
    assert _one_box(after["EMS"]).chargeable_kg == D("10.5")
    assert _one_box(after["EMS"]).total.amount > _one_box(before["EMS"]).total.amount
    for name in ("空运特货专线 Air special", "海运拼箱 Sea LCL"):  # CSSBuy's: as they were
        assert _ways(after[name]) == _ways(before[name])


def test_a_shipment_is_made_with_its_agents_packing(world: World) -> None:
    parcels = _two_parcels(world)
    fees = world.service.agent(world.superbuy).fees
    world.service.save_agent(fees, agent_id=world.superbuy, packing=HEAVY)
    change = world.service.create_shipment("heavy", parcels, world.ems, Way.ONE_BOX)
    shipment = world.service.shipment(change.created[0])
    assert shipment.actual_kg == D("10.4")  # 6.4 + 2 + the 2 kg carton
    assert shipment.chargeable_kg == D("10.5")


# --- the default agent -------------------------------------------------------------------------
def test_the_default_agent_is_stored_in_the_database(world: World, db_path: Path) -> None:
    assert world.service.default_agent_id() is None
    world.service.set_default_agent(world.cssbuy)
    assert world.service.default_agent_id() == world.cssbuy
    assert query(
        db_path, "SELECT value FROM app_settings WHERE key = 'consolidation.default_agent_id'"
    ) == [(str(world.cssbuy),)]
    world.service.set_default_agent(None)
    assert world.service.default_agent_id() is None


def test_a_deleted_default_agent_reads_as_none(world: World) -> None:
    world.service.set_default_agent(world.cssbuy)
    world.service.delete_agent(world.cssbuy)
    assert world.service.default_agent_id() is None
    with pytest.raises(NotFound):
        world.service.set_default_agent(world.cssbuy)
