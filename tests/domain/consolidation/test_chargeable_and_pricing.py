"""Chargeable weight, a box's cost on each price shape, refusals, and sea W/M (every rule)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.consolidation.chargeable import revenue_tons, weigh
from app.domain.consolidation.parcels import Dimensions, RestrictedTag
from app.domain.consolidation.pricing import (
    BoxQuote,
    Refusal,
    quote_box,
    quote_sea,
    sea_charge,
    sea_quote_from_totals,
    tag_refusal,
)
from app.domain.consolidation.rate_card import (
    BoxLimits,
    Bracket,
    BracketTable,
    FirstAdditional,
    PerKg,
    PerKgBand,
    PerRevenueTon,
    RateCard,
    RoundingBand,
    VolumeTrigger,
)
from app.domain.kit.money import Money
from tests.domain.consolidation.cards import air, parcel

D = Decimal
SMALL = Dimensions(D(10), D(10), D(10))
PRICE = FirstAdditional(D("0.5"), D(60), D("0.5"), D(20))


def card(**changes: object) -> RateCard:
    fields: dict[str, object] = {"name": "Line", "pricing": PRICE}
    fields.update(changes)
    return RateCard(**fields)  # type: ignore[arg-type]


def box(l: int | str, w: int | str, h: int | str) -> Dimensions:  # noqa: E741
    return Dimensions(D(str(l)), D(str(w)), D(str(h)))


def test_decimal_weights_never_pick_up_binary_dust() -> None:
    tenth = card(rounding=(RoundingBand(None, D("0.1")),))
    assert weigh(D("1.1") + D("2.2"), SMALL, tenth).chargeable_kg == D("3.3")  # float: 3.4


def test_volumetric_is_exact_and_only_the_result_is_rounded() -> None:
    cube = weigh(D(1), box(33, 33, 33), card(divisor=D(5000)))
    assert cube.volumetric_kg == D("7.1874")
    assert cube.volume_counts and cube.base_kg == D("7.1874")
    assert cube.chargeable_kg == D("7.5")
    assert weigh(D(12), box(50, 40, 30), card()).chargeable_kg == 12  # actual beats 10 kg


def test_the_volume_trigger_is_the_longest_side_over_or_at_least_n() -> None:
    over = card(divisor=D(8000), volume_trigger=VolumeTrigger(D(60)))
    at_60 = weigh(D(2), box(60, 50, 40), over)
    assert not at_60.volume_counts and at_60.chargeable_kg == 2
    at_61 = weigh(D(2), box(61, 50, 40), over)
    assert at_61.volume_counts and at_61.chargeable_kg == D("15.5")  # 122000 / 8000 = 15.25
    inclusive = card(divisor=D(6000), volume_trigger=VolumeTrigger(D(60), inclusive=True))
    assert weigh(D(2), box(60, 50, 40), inclusive).chargeable_kg == 20


def test_half_volumetric_bills_part_of_the_difference() -> None:
    fen_pao = card(divisor=D(6000), half_volumetric_ratio=D("0.5"))
    weighing = weigh(D(10), box(60, 50, 40), fen_pao)  # volumetric 20
    assert (weighing.volumetric_kg, weighing.chargeable_kg) == (20, 15)
    assert weigh(D(25), box(60, 50, 40), fen_pao).chargeable_kg == 25  # actual is larger


def test_minimum_then_step_at_least_one_step() -> None:
    assert weigh(D("0.01"), SMALL, card(divisor=None)).chargeable_kg == D("0.5")
    assert weigh(D("0.2"), SMALL, card(minimum_chargeable_kg=D(1))).chargeable_kg == 1
    no_volume = weigh(D(3), box(100, 100, 100), card(divisor=None))
    assert no_volume.volumetric_kg is None and no_volume.chargeable_kg == 3


def test_the_step_band_is_chosen_on_the_unrounded_weight() -> None:
    bands = card(
        divisor=None, rounding=(RoundingBand(D("20.5"), D("0.5")), RoundingBand(None, D(1)))
    )
    assert weigh(D("20.3"), SMALL, bands).chargeable_kg == D("20.5")
    assert weigh(D("20.5"), SMALL, bands).chargeable_kg == D("20.5")
    assert weigh(D("20.51"), SMALL, bands).chargeable_kg == 21


def test_dhl_rounds_sides_before_the_volume_and_the_limits() -> None:
    dhl = card(divisor=D(5000), round_sides_to_cm=True, limits=BoxLimits(max_longest_cm=D(120)))
    rounded = weigh(D(1), box("30.4", "30.4", "30.4"), dhl)
    assert rounded.volumetric_kg == D("5.4") and rounded.chargeable_kg == D("5.5")
    assert weigh(D(1), box("30.4", "30.4", "30.4"), card(divisor=D(5000))).chargeable_kg == 6
    assert isinstance(quote_box(D(1), box("120.4", 10, 10), dhl), BoxQuote)


def test_first_weight_plus_each_started_step() -> None:
    first = card(divisor=None)
    assert quote_box(D("0.5"), SMALL, first).freight == Money(D("60.00"))  # type: ignore[union-attr]
    assert quote_box(D("0.6"), SMALL, first).freight == Money(D("80.00"))  # type: ignore[union-attr]
    assert quote_box(D("2.3"), SMALL, first).freight == Money(D("140.00"))  # type: ignore[union-attr]
    kilo_steps = card(divisor=None, pricing=FirstAdditional(D(1), D(50), D(1), D(15)))
    assert quote_box(D("2.5"), SMALL, kilo_steps).freight == Money(D("80.00"))  # type: ignore[union-attr]


def test_per_kg_bands_on_the_rounded_weight_make_heavier_cheaper() -> None:
    express = card(
        divisor=None,
        rounding=(RoundingBand(D("20.5"), D("0.5")), RoundingBand(None, D(1))),
        pricing=PerKg((PerKgBand(D("20.5"), D(10)), PerKgBand(None, D(8)))),
    )
    at_20_5 = quote_box(D("20.5"), SMALL, express)
    at_20_51 = quote_box(D("20.51"), SMALL, express)
    assert isinstance(at_20_5, BoxQuote) and isinstance(at_20_51, BoxQuote)
    assert at_20_5.freight == Money(D("205.00"))
    assert at_20_51.freight == Money(D("168.00"))  # 21 kg × 8
    with_base = card(divisor=None, pricing=PerKg((PerKgBand(None, D(90)),), base_price=D(12)))
    assert quote_box(D("1.2"), SMALL, with_base).freight == Money(D("147.00"))  # type: ignore[union-attr]


def test_bracket_table_and_its_top() -> None:
    table = card(
        divisor=None,
        pricing=BracketTable(
            (Bracket(D("0.5"), D(30)), Bracket(D(1), D(45)), Bracket(D(2), D(70)))
        ),
    )
    assert quote_box(D("1.2"), SMALL, table).freight == Money(D("70.00"))  # type: ignore[union-attr]
    assert quote_box(D(1), SMALL, table).freight == Money(D("45.00"))  # type: ignore[union-attr]
    refused = quote_box(D("2.1"), SMALL, table)
    assert isinstance(refused, Refusal)
    assert refused.message == "Chargeable weight 2.5 kg is over this line's 2 kg"


def test_money_parts_round_half_up_and_sum_to_the_total() -> None:
    surcharged = card(
        divisor=None,
        pricing=PerKg((PerKgBand(None, D("3.333")),)),
        fuel_surcharge_percent=D(25),
        per_box_fee=D("2.005"),
    )
    quote = quote_box(D("1.5"), SMALL, surcharged)
    assert isinstance(quote, BoxQuote)
    assert quote.freight == Money(D("5.00"))  # 4.9995 half up
    assert quote.fuel_surcharge == Money(D("1.25"))
    assert quote.box_fee == Money(D("2.01"))  # half up, not half even
    assert quote.total == Money(D("8.26"))
    tiny = card(
        divisor=None, pricing=PerKg((PerKgBand(None, D("0.2")),)), fuel_surcharge_percent=D(25)
    )
    assert quote_box(D("0.5"), SMALL, tiny).fuel_surcharge == Money(D("0.03"))  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("kg", "sides", "message"),
    [
        ("31", (10, 10, 10), "Weight 31 kg is over this line's 30 kg"),
        ("1", (130, 10, 10), "Longest side 130 cm is over this line's 120 cm"),
        ("1", (100, 60, 50), "Length + girth 320 cm is over this line's 300 cm"),
        ("1", (110, 60, 35), "Sum of sides 205 cm is over this line's 200 cm"),
    ],
)
def test_a_refused_box_says_which_limit_with_the_value_and_the_limit(
    kg: str, sides: tuple[int, int, int], message: str
) -> None:
    limited = air(
        limits=BoxLimits(
            max_kg=D(30),
            max_longest_cm=D(120),
            max_length_plus_girth_cm=D(300),
            max_sum_of_sides_cm=D(200),
        )
    )
    refused = quote_box(D(kg), box(*sides), limited)
    assert isinstance(refused, Refusal) and refused.message == message


def test_limits_are_inclusive() -> None:
    assert isinstance(quote_box(D(30), box(120, 10, 10), air()), BoxQuote)


def test_restricted_goods_are_named_when_refused() -> None:
    bank = parcel(1, "1", (10, 10, 10), RestrictedTag.BATTERY, RestrictedTag.MAGNET)
    refusal = tag_refusal(bank, air(accepted_tags={RestrictedTag.MAGNET}))
    assert refusal is not None
    assert refusal.message == "Battery (带电) not accepted on this line"
    assert tag_refusal(bank, air(accepted_tags=set(RestrictedTag))) is None


def test_sea_charges_the_larger_of_cubic_metres_and_tonnes_with_a_minimum() -> None:
    sea = card(pricing=PerRevenueTon(D(900)))
    assert revenue_tons(D(2_500_000), D(800), sea).revenue_tons == D("2.5")
    assert revenue_tons(D(1_000_000), D(1800), sea).revenue_tons == D("1.8")
    assert revenue_tons(D(300_000), D(100), sea).revenue_tons == 1  # minimum 1 W/M
    light = card(pricing=PerRevenueTon(D(900), kg_per_m3=D(500), minimum_wm=D("0.5")))
    assert revenue_tons(D(500_000), D(400), light).revenue_tons == D("0.8")
    stepped = card(pricing=PerRevenueTon(D(900), wm_step=D("0.01")))
    assert revenue_tons(D(1_234_000), D(10), stepped).revenue_tons == D("1.24")
    quote = quote_sea([(D(400), box(100, 100, 100)), (D(500), box(100, 100, 50))], sea)
    assert not isinstance(quote, Refusal)
    assert quote.tons.revenue_tons == D("1.5") and quote.freight == Money(D("1350.00"))
    assert quote.tons.chargeable_kg == 1500 and quote.tons.volumetric_kg == 1500
    with pytest.raises(ValueError, match="use quote_sea"):
        quote_box(D(1), SMALL, sea)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 10**8).map(lambda n: D(n) / 100),
    st.integers(1, 10**6).map(lambda n: D(n) / 10),
    st.integers(1, 40),
    st.sampled_from([D(1000), D(500), D(800)]),
    st.sampled_from([None, D("0.01"), D("0.001")]),
    st.integers(0, 30),
)
def test_the_searches_sea_charge_is_the_quotes_total(
    volume: Decimal, kg: Decimal, boxes: int, ratio: Decimal, step: Decimal | None, fuel: int
) -> None:
    sea = card(
        pricing=PerRevenueTon(D("987.65"), kg_per_m3=ratio, wm_step=step),
        fuel_surcharge_percent=D(fuel),
        per_box_fee=D("12.345"),
    )
    quote = sea_quote_from_totals(volume, kg, boxes, sea)
    assert sea_charge(volume, kg, boxes, sea) == quote.total.amount
