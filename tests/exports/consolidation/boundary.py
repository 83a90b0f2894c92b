"""Plans whose shown line sends exactly the boxes a test chooses (each parcel alone, so each
box is that parcel's weight and size), on rate cards with every chargeable-weight rule."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from app.domain.consolidation.allocation import AllocationBasis
from app.domain.consolidation.parcels import Dimensions, Parcel
from app.domain.consolidation.planner import (
    AgentFeeBreakdown,
    LineOption,
    LinePlan,
    ShipmentPlan,
    Way,
    WayCost,
)
from app.domain.consolidation.rate_card import (
    FirstAdditional,
    PerRevenueTon,
    RateCard,
    RoundingBand,
    VolumeTrigger,
)
from app.domain.consolidation.split import Split, price_split
from app.domain.consolidation.units import zero_money
from app.exports.consolidation.data import ConsolidationExport, LineName, ParcelEntry
from tests.domain.consolidation.cards import FREE_AGENT
from tests.exports.consolidation.fixtures import TODAY, item

D = Decimal
PRICE = FirstAdditional(D("0.5"), D(60), D("0.5"), D(20))
Sides = tuple[str, str, str]


def card(name: str, **changes: object) -> RateCard:
    fields: dict[str, object] = {"name": name, "pricing": PRICE}
    fields.update(changes)
    return RateCard(**fields)  # type: ignore[arg-type]


# (card, boxes as (actual kg, sides)); each box sits on a boundary of one of the card's rules.
CASES: dict[str, tuple[RateCard, tuple[tuple[str, Sides], ...]]] = {
    "ems_over_60": (
        card("EMS over 60 cm", divisor=D(8000), volume_trigger=VolumeTrigger(D(60))),
        (
            ("3", ("60", "40", "40")),  # longest exactly 60: volume does not count -> 3
            ("3", ("60.1", "40", "40")),  # just over: 12.02 -> 12.5
            ("2.5", ("20", "20", "20")),  # exactly on a step -> 2.5
            ("10", ("80", "50", "20")),  # volumetric 10 = actual 10 -> 10
            ("10.001", ("10", "10", "10")),  # a gram over a step -> 10.5
            ("1", ("61", "61", "43")),  # 160,003 / 8000 = 20.000375 -> 20.5
        ),
    ),
    "at_least_60": (
        card("Trigger at 60 cm", volume_trigger=VolumeTrigger(D(60), inclusive=True)),
        (
            ("3", ("60", "40", "40")),  # exactly 60 counts here: 16 -> 16
            ("3", ("59.9", "40", "40")),  # under: 3
            ("16", ("40", "60", "40")),  # volumetric = actual = 16
        ),
    ),
    "half_volumetric": (
        card("分泡 0.5", half_volumetric_ratio=D("0.5")),
        (
            ("4", ("50", "40", "30")),  # 4 + 0.5 × (10 - 4) = 7 -> 7
            ("3.3", ("33", "33", "33")),  # 3.3 + 0.5 × (5.9895 - 3.3) = 4.64475 -> 5
            ("12", ("50", "40", "30")),  # volumetric under actual: 12
            ("10", ("50", "40", "30")),  # equal: 10
            ("2", ("50", "40", "36")),  # 2 + 0.5 × (12 - 2) = 7 -> 7 (on a step)
        ),
    ),
    "dhl": (
        card(
            "DHL",
            divisor=D(5000),
            round_sides_to_cm=True,
            minimum_chargeable_kg=D(1),
            rounding=(RoundingBand(D("20.5"), D("0.5")), RoundingBand(None, D(1))),
        ),
        (
            ("0.2", ("10", "10", "0.4")),  # side 0.4 -> 1 cm; 0.2 kg -> the minimum 1
            ("20.5", ("10", "10", "10")),  # exactly the band's top: step 0.5 -> 20.5
            ("20.51", ("10", "10", "10")),  # over it: step 1 -> 21
            ("1", ("60.5", "40.4", "30.5")),  # 61 × 40 × 31 / 5000 = 15.128 -> 15.5
            ("5", ("50", "49.5", "40")),  # 50 × 50 × 40 / 5000 = 20 -> 20 (on a step)
            ("20", ("50", "50", "40")),  # volumetric = actual = 20
            ("2", ("100", "50", "41")),  # 41 by volume, second band -> 41
            ("2", ("100.4", "50.49", "40.6")),  # 100 × 50 × 41: 41
        ),
    ),
    "decimal_sides": (
        card("Plain /6000"),
        (  # exactly on a step, where binary floating point lands a hair off it
            ("1", ("74.4", "50", "25")),  # 15.5 (as a double 15.500000000000002)
            ("1", ("81.6", "50", "25")),  # 17 (16.999999999999996)
            ("1", ("40.8", "50", "25")),  # 8.5 (8.499999999999998)
            ("1", ("33.3", "22.2", "11.1")),  # 1.367631 -> 1.5
        ),
    ),
    "actual_only": (
        card(
            "Actual weight only",
            divisor=None,
            minimum_chargeable_kg=D("0.5"),
            rounding=(RoundingBand(None, D("0.1")),),
        ),
        (
            ("3.3", ("150", "100", "100")),  # 3.3 (binary floating point says 3.3000000001)
            ("0.3", ("10", "10", "10")),  # the minimum 0.5
            ("1.25", ("10", "10", "10")),  # 1.3
        ),
    ),
    "sea_by_volume": (
        card("Sea by volume", pricing=PerRevenueTon(D(1500), wm_step=D("0.01"))),
        (("60", ("120", "100", "100")), ("20", ("80", "60", "50.5"))),  # 1.4424 m³ -> 1.45
    ),
    "sea_on_a_step": (
        card("Sea on a step", pricing=PerRevenueTon(D(1500), wm_step=D("0.01"))),
        (("60", ("123", "100", "100")),),  # 1.23 m³ exactly -> 1.23
    ),
    "sea_by_weight": (
        card("Sea by weight", pricing=PerRevenueTon(D(1500), kg_per_m3=D(500))),
        (("400", ("100", "80", "50")), ("350.5", ("100", "80", "50"))),  # 750.5 / 500 = 1.501
    ),
    "sea_minimum": (
        card("Sea minimum", pricing=PerRevenueTon(D(1500))),
        (("30", ("50", "40", "30")),),  # 0.06 m³, 0.03 t: the minimum 1 W/M -> 1000 kg
    ),
}


def single_box_plan(line: RateCard, boxes: Sequence[tuple[str, Sides]]) -> ConsolidationExport:
    """An export whose only line sends each (kg, sides) as a box of its own."""
    parcels = [
        Parcel(n, f"Box-{n}", D(kg), Dimensions(*(D(s) for s in sides)))
        for n, (kg, sides) in enumerate(boxes, start=1)
    ]
    split = price_split([[p] for p in parcels], line, FREE_AGENT)
    assert isinstance(split, Split), split
    zero = zero_money(line.currency)
    way = WayCost(Way.CONSOLIDATED, split, AgentFeeBreakdown(zero, zero, zero, zero, zero))
    plan_line = LinePlan(LineOption(line, FREE_AGENT), way, None, way, way, cheapest=True)
    entries = tuple(
        ParcelEntry(p, "测试供应商", (f"ORDER-{p.id}",), (item("测试 · Test", 1, "1", "0000"),))
        for p in parcels
    )
    return ConsolidationExport(
        title=line.name,
        parcels=entries,
        plan=ShipmentPlan(tuple(parcels), (plan_line,)),
        names=(LineName(line.name, "Agent"),),
        allocation=(),
        allocation_basis=AllocationBasis.CHARGEABLE_WEIGHT,
        today=TODAY,
    )
