"""The plan across lines: ways compared, refusals, agent fees, cheapest and fastest marks."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain.consolidation.agent_fees import AgentFees
from app.domain.consolidation.parcels import Parcel
from app.domain.consolidation.planner import LineOption, Way, WayCost, plan_shipment
from app.domain.consolidation.rate_card import PerRevenueTon
from app.domain.consolidation.split import LineRefusal
from app.domain.kit.money import Money
from tests.domain.consolidation.cards import AGENT, FREE_AGENT, air, ems, parcel

D = Decimal
FOUR = [parcel(i, "3", (50, 40, 30)) for i in range(4)]


def cny(amount: str) -> Money:
    return Money(D(amount), "CNY")


def way(result: object) -> WayCost:
    assert isinstance(result, WayCost)
    return result


def test_consolidating_can_lose_on_ems_and_the_split_finds_the_middle_way() -> None:
    plan = plan_shipment(FOUR, [LineOption(ems(), FREE_AGENT)])
    line = plan.lines[0]
    one_box, alone = way(line.one_box), way(line.separate)
    # One box is 65 × 64 × 64 cm: over 60 cm, so 33.5 kg by volume; alone each is 3 kg.
    assert one_box.split.chargeable_kg == D("33.5") and one_box.total == cny("2080.00")
    assert alone.split.chargeable_kg == 12 and alone.total == cny("1000.00")
    # Three parcels stay under 60 cm (59 × 58 × 58): 9.5 kg + one alone at 3 kg.
    split = way(line.consolidated)
    assert split.total == cny("890.00") and split.boxes == 2 and split.split.proven_optimal
    # Repacked, all four fit under 60 cm (58 cm cube): the line's best.
    repacked = way(line.repacked)
    assert repacked.total == cny("820.00") and repacked.boxes == 1
    assert line.best is repacked and line.best.way is Way.REPACKED
    assert line.saving_over_separate == cny("180.00")


def test_weights_and_costs_of_a_way_add_up() -> None:
    plan = plan_shipment(FOUR, [LineOption(air(per_box_fee=D(10)), AGENT)], compare_repack=False)
    line = plan.lines[0]
    assert line.repacked is None
    split = way(line.consolidated)
    assert split.actual_kg == sum((b.box.actual_kg for b in split.split.boxes), D(0))
    assert split.volumetric_kg == sum(
        (b.quote.weighing.volumetric_kg for b in split.split.boxes if b.quote), D(0)
    )
    assert split.chargeable_kg >= split.actual_kg and split.currency == "CNY"
    assert split.fees.handling == cny("8.00")  # 4 parcels × 2
    consolidated_boxes = sum(1 for b in split.split.boxes if b.box.consolidated)
    assert split.fees.consolidation == cny(str(5 * consolidated_boxes))
    assert split.total.amount == split.freight.amount + split.fees.total.amount
    assert split.freight.amount == (
        split.split.freight.amount + split.split.fuel_surcharge.amount + split.split.box_fees.amount
    )


def test_cheapest_and_fastest_are_marked_ties_all() -> None:
    options = [
        LineOption(air(name="Air A"), FREE_AGENT),
        LineOption(air(name="Air B"), FREE_AGENT),
        LineOption(ems(transit_days_max=None, transit_days_min=5), FREE_AGENT),
        LineOption(air(name="Slow", transit_days_min=None, transit_days_max=None), FREE_AGENT),
    ]
    plan = plan_shipment([parcel(1, "1", (20, 20, 20))], options)
    assert [p.line.name for p in plan.cheapest] == ["Air A", "Air B", "Slow"]  # 60 CNY each
    assert [p.line.name for p in plan.fastest] == ["EMS"]  # 5 days (its only figure)
    assert plan.note == ""


def test_a_refused_line_says_which_parcel_and_which_limit_and_is_never_marked() -> None:
    rod = parcel(9, "2", (130, 8, 8), label="Curtain rod")
    plan = plan_shipment([FOUR[0], rod], [LineOption(air(), AGENT), LineOption(ems(), AGENT)])
    refused, taken = plan.lines
    assert not refused.accepted and not refused.cheapest and not refused.fastest
    assert refused.refusal == "Parcel 'Curtain rod': Longest side 130 cm is over this line's 120 cm"
    assert taken.accepted and taken.refusal == "" and taken.cheapest and taken.fastest


def test_lines_in_several_currencies_are_not_ranked_on_cost() -> None:
    usd = LineOption(air(name="USD air", currency="USD"), AgentFees(currency="USD"))
    plan = plan_shipment(FOUR[:1], [LineOption(air(), AGENT), usd])
    assert plan.cheapest == ()
    assert plan.note == "Lines priced in CNY and USD: not compared without an exchange rate."
    assert len(plan.fastest) == 2


def test_insurance_needs_a_declared_value_in_the_agents_currency() -> None:
    insurer = AgentFees(insurance_percent=D(3), insurance_minimum=D(5))
    valued = [
        Parcel(1, "A", D(1), FOUR[0].dimensions, declared_value=cny("400")),
        Parcel(2, "B", D(1), FOUR[0].dimensions, declared_value=cny("100")),
    ]
    line = plan_shipment(valued, [LineOption(air(), insurer)], insure=True).lines[0]
    assert way(line.consolidated).fees.insurance == cny("15.00")  # 3 % of 500
    missing = [*valued, parcel(3, "1", (10, 10, 10), label="Socks")]
    refused = plan_shipment(missing, [LineOption(air(), insurer)], insure=True).lines[0]
    assert isinstance(refused.consolidated, LineRefusal)
    assert (
        refused.refusal == "Parcel 'Socks' has no declared value: enter one to insure the shipment"
    )


def test_storage_accrued_by_the_shipping_date_is_an_agent_fee() -> None:
    keeper = AgentFees(free_storage_days=30, storage_fee_per_month=D(4))
    old = Parcel(1, "Old", D(1), FOUR[0].dimensions, arrived_on=date(2026, 1, 1))
    line = plan_shipment([old], [LineOption(air(), keeper)], ship_on=date(2026, 3, 15)).lines[0]
    assert way(line.consolidated).fees.storage == cny("8.00")  # 73 days: 43 over, 2 months


def test_sea_lines_are_planned_on_the_consignment() -> None:
    sea = air(name="Sea", pricing=PerRevenueTon(D(900)), divisor=None, transit_days_max=40)
    line = plan_shipment(FOUR, [LineOption(sea, FREE_AGENT)]).lines[0]
    best = line.best
    assert best is not None and best.split.sea is not None
    assert best.total == cny("900.00")  # under 1 W/M: the minimum
    assert best.split.chargeable_kg == 1000


def test_an_empty_selection_is_refused() -> None:
    with pytest.raises(ValueError, match="Choose at least one parcel"):
        plan_shipment([], [LineOption(air(), AGENT)])
