"""Agents and their lines: every fee and every card setting stored and read back exactly (JSON of
Decimal strings with a version), names unique, a line in its agent's currency, and deletes."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.consolidation.agent_fees import AgentFees, AgentFeesError, ServiceTier
from app.domain.consolidation.parcels import RestrictedTag
from app.domain.consolidation.planner import Way
from app.domain.consolidation.rate_card import (
    BoxLimits,
    Bracket,
    BracketTable,
    PerRevenueTon,
    RateCard,
    RateCardError,
    RoundingBand,
    VolumeTrigger,
)
from app.errors import NotFound, ValidationError
from app.services.consolidation.cards import (
    StoredDocumentError,
    card_from_json,
    card_json,
    fees_from_json,
    fees_json,
)
from app.services.consolidation.templates import AIR_SPECIAL, EMS, EXPRESS, SEA_LCL
from app.services.suppliers.service import SupplierService
from tests.db_rows import query
from tests.services.consolidation.fixtures import CSSBUY, SUPERBUY, World, make_world

D = Decimal
# Every setting a card has, none at its default: the JSON must keep each one.
EVERY_SETTING = RateCard(
    name="DHL 特快 (every setting)",
    pricing=BracketTable(
        (Bracket(D("0.5"), D("98.5")), Bracket(D(2), D(160)), Bracket(D(30), D(900)))
    ),
    currency="USD",
    divisor=D(7000),
    volume_trigger=VolumeTrigger(D(40), inclusive=True),
    half_volumetric_ratio=D("0.5"),
    round_sides_to_cm=True,
    rounding=(RoundingBand(D("20.5"), D("0.5")), RoundingBand(None, D(1))),
    minimum_chargeable_kg=D("0.5"),
    per_box_fee=D("12.5"),
    fuel_surcharge_percent=D("18.75"),
    limits=BoxLimits(D(30), D(120), D(300), D(200)),
    accepted_tags=frozenset({RestrictedTag.BRAND, RestrictedTag.POWDER}),
    transit_days_min=3,
    transit_days_max=6,
    rules_as_of=date(2026, 11, 2),
)


@pytest.fixture
def world(database, supplier_service: SupplierService) -> World:
    return make_world(database, supplier_service)


@pytest.mark.parametrize("card", [EVERY_SETTING, EXPRESS, EMS, AIR_SPECIAL, SEA_LCL])
def test_every_card_setting_survives_the_json_document(card: RateCard) -> None:
    document = json.loads(card_json(card))
    assert document["card_version"] == 1
    assert card_from_json(card_json(card)) == card
    assert isinstance(document["divisor"], str | None)  # Decimals as strings, never floats


def test_a_sea_card_keeps_its_w_m_settings() -> None:
    card = replace(SEA_LCL, pricing=PerRevenueTon(D(980), D(500), D("1.5"), D("0.01")))
    assert card_from_json(card_json(card)) == card


def test_every_fee_survives_the_json_document() -> None:
    fees = AgentFees(
        name="CSSBuy",
        currency="CNY",
        service_tiers=(ServiceTier(D(3000), D(10)), ServiceTier(None, D("5.5"))),
        service_minimum=D(5),
        handling_per_parcel=D(2),
        consolidation_per_box=D(10),
        repack_per_parcel=D(3),
        insurance_percent=D("2.5"),
        insurance_minimum=D(10),
        free_storage_days=120,
        storage_fee_per_month=D(8),
    )
    assert json.loads(fees_json(fees))["fees_version"] == 1
    assert fees_from_json(fees_json(fees), "CSSBuy") == fees


def test_a_document_of_another_version_is_refused_not_guessed() -> None:
    newer = json.loads(card_json(EMS)) | {"card_version": 2}
    with pytest.raises(StoredDocumentError, match=r"version 2.*newer version"):
        card_from_json(json.dumps(newer))
    with pytest.raises(StoredDocumentError, match="not readable JSON"):
        card_from_json("{")


def test_agents_are_listed_with_their_fees_and_counts(world: World) -> None:
    world.add_parcel()
    agents = {agent.name: agent for agent in world.service.agents()}
    assert list(agents) == ["CSSBuy", "Superbuy"]
    assert agents["Superbuy"].fees == SUPERBUY
    assert (agents["Superbuy"].line_count, agents["Superbuy"].parcel_count) == (2, 1)
    assert world.service.agent(world.cssbuy).fees == CSSBUY


def test_an_agent_is_renamed_and_its_name_is_unique(world: World) -> None:
    world.service.save_agent(SUPERBUY, " Superbuy 集运 ", agent_id=world.superbuy)
    assert world.service.agent(world.superbuy).name == "Superbuy 集运"
    assert world.service.agent(world.superbuy).fees.name == "Superbuy 集运"
    with pytest.raises(ValidationError, match="already an agent called cssbuy"):
        world.service.save_agent(SUPERBUY, "cssbuy")
    with pytest.raises(ValidationError, match="Give the agent a name"):
        world.service.save_agent(AgentFees(), "  ")


def test_wrong_fees_cannot_even_be_built_and_say_why() -> None:
    with pytest.raises(AgentFeesError) as refused:
        AgentFees(insurance_percent=D(120), free_storage_days=-1)
    assert "100 % or less" in str(refused.value) and "Free storage days" in str(refused.value)


def test_lines_are_listed_in_the_planners_order_with_their_cards(world: World) -> None:
    lines = world.service.lines()
    assert [(line.agent_name, line.name) for line in lines] == [
        ("CSSBuy", "海运拼箱 Sea LCL"),
        ("CSSBuy", "空运特货专线 Air special"),
        ("Superbuy", "DHL 快递 Express"),
        ("Superbuy", "EMS"),
    ]
    assert world.service.line(world.ems).card == EMS
    assert [line.id for line in world.service.lines(world.superbuy)] == [world.express, world.ems]


def test_a_line_stores_its_listing_columns_and_the_whole_card(world: World, db_path: Path) -> None:
    line_id = world.service.save_line(
        world.superbuy, replace(EVERY_SETTING, currency="CNY")
    ).created[0]
    [(name, currency, low, high, card)] = query(
        db_path,
        f"SELECT name, currency, transit_days_min, transit_days_max, card FROM shipping_lines "
        f"WHERE id = {line_id}",
    )
    assert (name, currency, low, high) == ("DHL 特快 (every setting)", "CNY", 3, 6)
    assert card_from_json(card) == replace(EVERY_SETTING, currency="CNY")


def test_a_line_name_is_unique_within_its_agent(world: World) -> None:
    with pytest.raises(ValidationError, match="Superbuy already has a line called ems"):
        world.service.save_line(world.superbuy, replace(EMS, name="ems"))
    world.service.save_line(world.cssbuy, EMS)  # another agent may have one
    world.service.save_line(world.superbuy, replace(EMS, transit_days_max=25), line_id=world.ems)
    assert world.service.line(world.ems).card.transit_days_max == 25


def test_a_line_is_priced_in_its_agents_currency(world: World) -> None:
    with pytest.raises(ValidationError, match="Superbuy charges its fees in CNY"):
        world.service.save_line(world.superbuy, replace(EMS, name="EMS USD", currency="USD"))
    with pytest.raises(ValidationError, match="lines are priced in CNY"):
        world.service.save_agent(replace(SUPERBUY, currency="USD"), agent_id=world.superbuy)


def test_a_wrong_card_cannot_be_built_and_lists_every_problem() -> None:
    with pytest.raises(RateCardError) as refused:
        replace(
            EMS,
            divisor=D(0),
            rounding=(RoundingBand(D(10), D("0.5")),),
            fuel_surcharge_percent=D(150),
        )
    assert len(refused.value.problems) == 3
    assert "The volumetric divisor must be more than 0" in refused.value.problems[0]


def test_deleting_a_line_keeps_its_shipments(world: World, db_path: Path) -> None:
    parcel_id = world.add_parcel()
    shipment_id = world.service.create_shipment(
        "Dec", [parcel_id], world.ems, Way.CONSOLIDATED
    ).created[0]
    change = world.service.delete_line(world.ems)
    assert change.shipments == (shipment_id,)
    shipment = world.service.shipment(shipment_id)
    assert (shipment.line_id, shipment.line_name, shipment.card) == (None, "EMS", EMS)
    with pytest.raises(NotFound):
        world.service.line(world.ems)


def test_deleting_an_agent_takes_its_lines_and_keeps_its_parcels(
    world: World, db_path: Path
) -> None:
    parcel_id = world.add_parcel()
    change = world.service.delete_agent(world.superbuy)
    assert set(change.lines) == {world.express, world.ems} and change.parcels == (parcel_id,)
    assert query(db_path, "SELECT count(*) FROM shipping_lines") == [(2,)]
    row = world.service.parcel(parcel_id)
    assert row.agent_id is None and row.storage is not None
    assert row.storage.days_left == 180 - 4  # domain.md's 180 days without an agent
