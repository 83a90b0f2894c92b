"""The box model: a parcel alone, a consolidated box, a repacked box (every rule)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.consolidation.boxes import PackingRules, make_box
from app.domain.consolidation.parcels import Parcel
from tests.domain.consolidation.cards import parcel

D = Decimal
RULES = PackingRules(carton_tare_kg=D("0.5"), packing_factor=D("1.1"), repack_factor=D("0.8"))


def test_a_parcel_alone_keeps_its_own_size_and_weight() -> None:
    alone = make_box([parcel(1, "3.2", (50, 40, 30))], RULES)
    assert alone.actual_kg == D("3.2") and alone.dimensions.sides == (50, 40, 30)
    assert not alone.consolidated and not alone.new_carton


def test_a_consolidated_box_adds_tare_and_packs_with_gaps() -> None:
    both = make_box([parcel(1, "4", (40, 30, 20)), parcel(2, "3", (40, 30, 20))], RULES)
    assert both.actual_kg == D("7.5")
    # volume 1.1 × 48,000 = 52,800; L 40; W = ceil(sqrt(1,320)) = 37; H = ceil(52,800 / 1,480)
    assert both.dimensions.sides == (40, 37, 36)
    assert both.consolidated and both.new_carton


def test_a_bulky_box_grows_past_its_longest_parcel_as_a_cube() -> None:
    cubes = make_box([parcel(i, "1", (20, 20, 20)) for i in range(8)], RULES)
    assert cubes.dimensions.sides == (42, 41, 41)  # 70,400 cm³: cube root 41.3


def test_a_long_parcel_sets_the_length_and_floors_hold_the_other_sides() -> None:
    mixed = make_box([parcel(1, "1", (100, 5, 5)), parcel(2, "1", (30, 30, 30))], RULES)
    # 1.1 × 29,500 = 32,450: W = ceil(sqrt(324.5)) = 19 < 30, so W = 30; H = ceil(10.8) = 11 < 30
    assert mixed.dimensions.sides == (100, 30, 30)


def test_repack_shrinks_the_volume_but_a_long_item_stays_long() -> None:
    repacked = make_box([parcel(1, "2", (60, 40, 20))], RULES, repack=True)
    assert repacked.dimensions.sides == (60, 26, 25)  # 38,400 cm³ in a 60 cm box
    assert repacked.actual_kg == D("2.5") and repacked.repacked and repacked.new_carton
    rod = make_box([parcel(1, "1", (100, 5, 5))], RULES, repack=True)
    assert rod.dimensions.length == 100


def test_packing_rules_are_checked() -> None:
    with pytest.raises(ValueError, match="The packing factor must be 1 or more"):
        PackingRules(packing_factor=D("0.9"))
    with pytest.raises(ValueError, match="The repack factor must be 1 or less"):
        PackingRules(repack_factor=D("1.2"))
    with pytest.raises(ValueError, match="The carton weight must be 0 or more"):
        PackingRules(carton_tare_kg=D(-1))
    with pytest.raises(ValueError, match="at least one parcel"):
        make_box([], RULES)


side = st.integers(1, 1200).map(lambda n: D(n) / 10)
parcels = st.lists(
    st.builds(
        lambda i, kg, a, b, c: parcel(i, str(kg), (a, b, c)),
        st.integers(0, 10**6),
        st.integers(1, 300).map(lambda n: D(n) / 10),
        side,
        side,
        side,
    ),
    min_size=2,
    max_size=8,
)


@settings(max_examples=200, deadline=None)
@given(parcels, st.booleans())
def test_the_estimate_never_understates_and_every_parcel_fits_side_by_side(
    chosen: list[Parcel], repack: bool
) -> None:
    made = make_box(chosen, RULES, repack)
    total = sum((p.dimensions.volume_cm3 for p in chosen), D(0))
    factor = RULES.repack_factor if repack else RULES.packing_factor
    assert made.dimensions.volume_cm3 >= total * factor
    assert made.actual_kg == sum((p.actual_kg for p in chosen), D(0)) + RULES.carton_tare_kg
    assert made.dimensions.length >= max(p.dimensions.length for p in chosen)
    if not repack:
        assert made.dimensions.width >= max(p.dimensions.width for p in chosen)
        assert made.dimensions.height >= max(p.dimensions.height for p in chosen)
