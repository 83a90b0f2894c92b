"""The minimum-cost split: exact against brute force, better than greedy, refusals named."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TypeVar

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.consolidation.agent_fees import AgentFees
from app.domain.consolidation.boxes import PackingRules
from app.domain.consolidation.parcels import Parcel, RestrictedTag
from app.domain.consolidation.rate_card import (
    BoxLimits,
    Bracket,
    BracketTable,
    FirstAdditional,
    PerKg,
    PerKgBand,
    PerRevenueTon,
    RateCard,
    VolumeTrigger,
)
from app.domain.consolidation.search import Shapes
from app.domain.consolidation.split import (
    DEFAULT_PACKING,
    LineRefusal,
    Split,
    best_split,
    price_split,
    separate,
)
from tests.domain.consolidation.cards import AGENT, FREE_AGENT, air, ems, parcel

D = Decimal
T = TypeVar("T")
NO_TARE = PackingRules(carton_tare_kg=D(0), packing_factor=D(1))


def partitions(items: list[T]) -> Iterator[list[list[T]]]:
    """Every set partition of `items` (Bell(n) of them)."""
    if not items:
        yield []
        return
    first, rest = items[0], items[1:]
    for smaller in partitions(rest):
        for i in range(len(smaller)):
            yield [*smaller[:i], [first, *smaller[i]], *smaller[i + 1 :]]
        yield [[first], *smaller]


def brute_force_minimum(
    parcels: list[Parcel], card: RateCard, agent: AgentFees, rules: PackingRules, repack: bool
) -> Decimal | None:
    totals = [
        split.total.amount
        for groups in partitions(parcels)
        if isinstance(split := price_split(groups, card, agent, rules, repack), Split)
    ]
    return min(totals) if totals else None


def first_fit(parcels: list[Parcel], card: RateCard, rules: PackingRules) -> list[list[Parcel]]:
    """Greedy first-fit: each parcel into the first box it fits in, in the given order."""
    boxes: list[list[Parcel]] = []
    for p in parcels:
        for group in boxes:
            if isinstance(price_split([[*group, p]], card, FREE_AGENT, rules), Split):
                group.append(p)
                break
        else:
            boxes.append([p])
    return boxes


# --- brute force on every small case ----------------------------------------------------------
side = st.one_of(st.integers(5, 70).map(D), st.integers(50, 700).map(lambda n: D(n) / 10))
parcel_strategy = st.builds(
    lambda kg, a, b, c: (kg, (a, b, c)),
    st.integers(1, 120).map(lambda n: D(n) / 10),
    side,
    side,
    side,
)


@st.composite
def weight_cards(draw: st.DrawFn) -> RateCard:
    kind = draw(st.sampled_from(["first", "per_kg", "table"]))
    if kind == "first":
        pricing: object = FirstAdditional(
            draw(st.sampled_from([D("0.5"), D(1)])),
            D(draw(st.integers(20, 150))),
            D("0.5"),
            D(draw(st.integers(5, 40))),
        )
    elif kind == "per_kg":
        pricing = PerKg(
            (
                PerKgBand(D(5), D(draw(st.integers(20, 60)))),
                PerKgBand(None, D(draw(st.integers(10, 60)))),
            ),
            base_price=D(draw(st.integers(0, 30))),
        )
    else:
        pricing = BracketTable(
            (
                Bracket(D(2), D(40)),
                Bracket(D(5), D(70)),
                Bracket(D(10), D(110)),
                Bracket(D(30), D(250)),
            )
        )
    divisor = draw(st.sampled_from([None, D(5000), D(6000), D(8000)]))
    trigger = None
    half = None
    if divisor is not None:
        trigger = draw(st.sampled_from([None, VolumeTrigger(D(60)), VolumeTrigger(D(40), True)]))
        half = draw(st.sampled_from([None, D("0.5")]))
    return RateCard(
        "Random",
        pricing,  # type: ignore[arg-type]
        divisor=divisor,
        volume_trigger=trigger,
        half_volumetric_ratio=half,
        round_sides_to_cm=draw(st.booleans()),
        per_box_fee=D(draw(st.integers(0, 30))),
        fuel_surcharge_percent=D(draw(st.integers(0, 25))),
        limits=BoxLimits(
            max_kg=draw(st.sampled_from([None, D(10), D(20), D(30)])),
            max_longest_cm=draw(st.sampled_from([None, D(80), D(120)])),
            max_length_plus_girth_cm=draw(st.sampled_from([None, D(250)])),
        ),
    )


@st.composite
def sea_cards(draw: st.DrawFn) -> RateCard:
    return RateCard(
        "Sea",
        PerRevenueTon(
            D(draw(st.integers(300, 1500))),
            kg_per_m3=draw(st.sampled_from([D(1000), D(500), D(50)])),
            minimum_wm=draw(st.sampled_from([D(0), D("0.05"), D(1)])),
            wm_step=draw(st.sampled_from([None, D("0.01")])),
        ),
        per_box_fee=D(draw(st.integers(0, 80))),
        fuel_surcharge_percent=D(draw(st.integers(0, 10))),
        limits=BoxLimits(max_kg=draw(st.sampled_from([None, D(15), D(30)]))),
    )


agents = st.builds(
    lambda c, r: AgentFees(consolidation_per_box=D(c), repack_per_parcel=D(r)),
    st.integers(0, 10),
    st.integers(0, 5),
)
rules = st.builds(
    PackingRules,
    st.sampled_from([D(0), D("0.5"), D(1)]),
    st.sampled_from([D(1), D("1.1"), D("1.25")]),
    st.sampled_from([D("0.7"), D("0.8"), D(1)]),
)


def as_parcels(raw: list[tuple[Decimal, tuple[Decimal, Decimal, Decimal]]]) -> list[Parcel]:
    return [parcel(i, str(kg), sides) for i, (kg, sides) in enumerate(raw)]


def check_against_brute_force(
    raw: list, card: RateCard, agent: AgentFees, packing: PackingRules, repack: bool
) -> None:
    chosen = as_parcels(raw)
    found = best_split(chosen, card, agent, packing, repack)
    expected = brute_force_minimum(chosen, card, agent, packing, repack)
    if isinstance(found, LineRefusal):
        assert expected is None
        return
    assert found.proven_optimal
    assert found.total.amount == expected
    assert sorted(p.id for b in found.boxes for p in b.box.parcels) == list(range(len(chosen)))
    heuristic = best_split(chosen, card, agent, packing, repack, exact_limit=0)
    assert isinstance(heuristic, Split) and not heuristic.proven_optimal
    alone = separate(chosen, card, agent, packing, repack)
    assert isinstance(alone, Split)
    assert expected <= heuristic.total.amount <= alone.total.amount


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(parcel_strategy, min_size=1, max_size=7), weight_cards(), agents, rules, st.booleans()
)
def test_the_exact_split_costs_the_brute_force_minimum(
    raw: list, card: RateCard, agent: AgentFees, packing: PackingRules, repack: bool
) -> None:
    check_against_brute_force(raw, card, agent, packing, repack)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(parcel_strategy, min_size=1, max_size=7), sea_cards(), agents, rules, st.booleans())
def test_the_exact_sea_split_costs_the_brute_force_minimum(
    raw: list, card: RateCard, agent: AgentFees, packing: PackingRules, repack: bool
) -> None:
    check_against_brute_force(raw, card, agent, packing, repack)


# --- named cases ------------------------------------------------------------------------------
def weight_only_line(**changes: object) -> RateCard:
    fields: dict[str, object] = {
        "name": "10 kg line",
        "pricing": FirstAdditional(D("0.5"), D(10), D("0.5"), D(10)),
        "divisor": None,
        "per_box_fee": D(50),
        "limits": BoxLimits(max_kg=D(10)),
    }
    fields.update(changes)
    return RateCard(**fields)  # type: ignore[arg-type]


def test_greedy_first_fit_is_beaten_by_the_optimiser() -> None:
    line = weight_only_line()
    chosen = [parcel(i, kg, (20, 20, 10)) for i, kg in enumerate(["5", "4", "6", "5"])]
    greedy = price_split(first_fit(chosen, line, NO_TARE), line, FREE_AGENT, NO_TARE)
    best = best_split(chosen, line, FREE_AGENT, NO_TARE)
    assert isinstance(greedy, Split) and isinstance(best, Split)
    assert len(greedy.boxes) == 3  # {5, 4}, {6}, {5}
    assert greedy.total.amount == 550  # 400 freight + 3 × 50
    assert best.total.amount == 500 and best.proven_optimal
    assert sorted(sorted(p.actual_kg for p in b.box.parcels) for b in best.boxes) == [
        [4, 6],
        [5, 5],
    ]


def test_a_parcel_no_box_can_take_refuses_the_line_by_name() -> None:
    chosen = [parcel(1, "2", (40, 30, 20)), parcel(2, "3", (130, 20, 10), label="Curtain rod")]
    refused = best_split(chosen, air(), AGENT)
    assert isinstance(refused, LineRefusal)
    assert refused.parcel is chosen[1]
    assert refused.message == "Parcel 'Curtain rod': Longest side 130 cm is over this line's 120 cm"


def test_restricted_goods_refuse_the_line_by_parcel_and_tag() -> None:
    bank = parcel(1, "1", (20, 10, 5), RestrictedTag.BATTERY, label="Power bank")
    refused = best_split([bank], air(), AGENT)
    assert isinstance(refused, LineRefusal)
    assert refused.message == "Parcel 'Power bank': Battery (带电) not accepted on this line"
    taken = best_split([bank], air(accepted_tags={RestrictedTag.BATTERY}), AGENT)
    assert isinstance(taken, Split)


def test_fees_in_another_currency_refuse_the_line() -> None:
    refused = best_split([parcel(1, "1", (10, 10, 10))], air(), AgentFees(currency="USD"))
    assert isinstance(refused, LineRefusal)
    assert refused.message.startswith("Priced in CNY but the agent's fees are in USD")


def test_a_given_split_names_the_parcels_of_a_refused_box() -> None:
    line = weight_only_line()
    chosen = [parcel(1, "6", (10, 10, 10)), parcel(2, "6", (10, 10, 10))]
    refused = price_split([chosen], line, FREE_AGENT, NO_TARE)
    assert isinstance(refused, LineRefusal)
    assert (
        refused.message
        == "The box of parcel 'P1', parcel 'P2': Weight 12 kg is over this line's 10 kg"
    )


def test_equal_costs_prefer_fewer_boxes() -> None:
    line = weight_only_line(per_box_fee=D(0), limits=BoxLimits())
    chosen = [parcel(i, "1", (10, 10, 10)) for i in range(4)]
    best = best_split(chosen, line, FREE_AGENT, NO_TARE)
    assert isinstance(best, Split) and len(best.boxes) == 1


def test_the_agents_box_fees_count_in_the_split() -> None:
    line = weight_only_line(per_box_fee=D(0), limits=BoxLimits())
    chosen = [parcel(i, "1", (10, 10, 10)) for i in range(3)]
    dear = AgentFees(consolidation_per_box=D(1))  # freight is linear: consolidating only costs
    best = best_split(chosen, line, dear, NO_TARE)
    assert isinstance(best, Split) and len(best.boxes) == 3
    repacked = best_split(chosen, line, AgentFees(repack_per_parcel=D("2.5")), NO_TARE, repack=True)
    assert isinstance(repacked, Split) and repacked.agent_box_fees.amount == D("7.50")


def test_proven_optimal_up_to_the_exact_limit_only() -> None:
    chosen = [parcel(i, str(1 + i % 5), (20 + i, 20, 10)) for i in range(13)]
    heuristic = best_split(chosen, air(), AGENT)
    assert isinstance(heuristic, Split) and not heuristic.proven_optimal
    exact = best_split(chosen[:12], air(), AGENT)
    assert isinstance(exact, Split) and exact.proven_optimal


def test_forty_parcels_get_a_valid_split_no_dearer_than_alone() -> None:
    chosen = [
        parcel(
            i, str(D(1 + (i * 7) % 50) / 10), (15 + (i * 13) % 50, 10 + (i * 5) % 30, 5 + i % 20)
        )
        for i in range(40)
    ]
    for line in (air(per_box_fee=D(15)), air(pricing=PerRevenueTon(D(900)), divisor=None)):
        found = best_split(chosen, line, AGENT)
        assert isinstance(found, Split) and not found.proven_optimal
        assert sorted(p.id for b in found.boxes for p in b.box.parcels) == list(range(40))
        assert all(b.box.actual_kg <= 30 for b in found.boxes)
        alone = separate(chosen, line, AGENT)
        assert isinstance(alone, Split) and found.total.amount <= alone.total.amount


def test_the_heuristic_sees_the_tare_a_first_merge_pays_alone() -> None:
    # Best fit alone keeps every small parcel apart (each first merge pays the 1 kg carton and
    # the consolidation fee); the fewest-boxes start puts all six in one box, the optimum.
    line = RateCard(
        "Per kg",
        PerKg((PerKgBand(D(5), D(60)), PerKgBand(None, D(60))), base_price=D(13)),
        divisor=None,
        per_box_fee=D(30),
        fuel_surcharge_percent=D(25),
        limits=BoxLimits(max_kg=D(30), max_longest_cm=D(120), max_length_plus_girth_cm=D(250)),
    )
    chosen = [parcel(i, "0.1", (5, 5, 5)) for i in range(5)] + [parcel(5, "4.6", (55, 33, 20))]
    agent = AgentFees(consolidation_per_box=D(10))
    packing = PackingRules(D(1), D("1.25"), D(1))
    exact = best_split(chosen, line, agent, packing)
    fast = best_split(chosen, line, agent, packing, exact_limit=0)
    assert isinstance(exact, Split) and isinstance(fast, Split)
    assert exact.total.amount == fast.total.amount == D("543.75")
    assert len(fast.boxes) == 1 and not fast.proven_optimal


def test_shared_box_shapes_do_not_change_the_result() -> None:
    chosen = [parcel(i, str(1 + i % 4), (20 + 3 * i, 15 + i, 10)) for i in range(9)]
    shapes = Shapes(chosen, DEFAULT_PACKING)
    for line in (air(per_box_fee=D(12)), ems()):
        alone = best_split(chosen, line, AGENT)
        shared = best_split(chosen, line, AGENT, shapes=shapes)
        assert isinstance(alone, Split) and isinstance(shared, Split)
        assert alone.total == shared.total and len(alone.boxes) == len(shared.boxes)
