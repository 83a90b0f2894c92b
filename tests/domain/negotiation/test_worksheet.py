"""The negotiation worksheet: targets, cost structure and rounds."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain.negotiation.worksheet import (
    CostPart,
    NegotiationRound,
    PricePosition,
    Room,
    Targets,
    Trend,
    estimate_cost_structure,
    position_of,
    review_rounds,
    round_problems,
    target_problems,
)

D = Decimal
TARGETS = Targets(D("2.50"), D("2.70"), D("3.00"), "CNY")


# --- targets --------------------------------------------------------------------------------
def test_targets_must_rise_from_target_to_walk_away() -> None:
    assert target_problems(TARGETS) == []
    assert target_problems(Targets(D(3), D(3), D(3), "CNY")) == []  # equal is allowed
    assert target_problems(Targets(D("2.80"), D("2.70"), D(3), "CNY")) == [
        "The target price must not be above the acceptable price."
    ]
    assert target_problems(Targets(D("2.50"), D("3.10"), D(3), "CNY")) == [
        "The acceptable price must not be above the walk-away price."
    ]
    assert "must be above 0" in target_problems(Targets(D(0), D(1), D(2), "CNY"))[0]
    as_float = Targets(2.5, D(3), D(3), "CNY")  # type: ignore[arg-type]
    assert "exact number" in target_problems(as_float)[0]


@pytest.mark.parametrize(
    ("price", "position"),
    [
        ("2.40", PricePosition.AT_TARGET),
        ("2.50", PricePosition.AT_TARGET),
        ("2.51", PricePosition.ACCEPTABLE),
        ("2.70", PricePosition.ACCEPTABLE),
        ("2.71", PricePosition.STRETCH),
        ("3.00", PricePosition.STRETCH),
        ("3.01", PricePosition.BEYOND_WALK_AWAY),
    ],
)
def test_a_price_position_is_judged_to_the_better_side(price: str, position: PricePosition) -> None:
    assert position_of(D(price), TARGETS) is position


# --- cost structure -------------------------------------------------------------------------
def test_the_default_split_is_inside_every_typical_range_and_sums_to_the_price() -> None:
    estimate = estimate_cost_structure(D("2.80"), "CNY")
    assert [s.amount for s in estimate.shares] == [D("1.40"), D("0.56"), D("0.42"), D("0.42")]
    assert sum(s.amount for s in estimate.shares) == D("2.80")
    assert estimate.notes == ()
    assert estimate.share(CostPart.PROFIT).part.room is Room.HIGH
    assert estimate.summary == (
        "Most room in profit ¥0.42 (negotiable); some in labour ¥0.56 (efficiency) and "
        "overhead ¥0.42 (volume discounts); little in raw material ¥1.40 (market driven)."
    )


def test_the_domain_ranges_and_rooms() -> None:
    assert CostPart.RAW_MATERIAL.typical == (D(40), D(60))
    assert CostPart.RAW_MATERIAL.room is Room.LOW
    assert CostPart.LABOUR.typical == (D(15), D(25)) and CostPart.LABOUR.room is Room.MEDIUM
    assert CostPart.OVERHEAD.typical == (D(10), D(20)) and CostPart.OVERHEAD.room is Room.MEDIUM
    assert CostPart.PROFIT.typical == (D(10), D(25)) and CostPart.PROFIT.room is Room.HIGH
    assert CostPart.OVERHEAD.label_zh == "制造费用"


def test_user_shares_split_by_largest_remainder() -> None:
    shares = {
        CostPart.RAW_MATERIAL: D(45),
        CostPart.LABOUR: D(25),
        CostPart.OVERHEAD: D(17),
        CostPart.PROFIT: D(13),
    }
    estimate = estimate_cost_structure(D("3.33"), "CNY", shares)
    # exact 1.4985, 0.8325, 0.5661, 0.4329: the two spare fen go to raw material and overhead
    assert [s.amount for s in estimate.shares] == [D("1.50"), D("0.83"), D("0.57"), D("0.43")]


def test_a_tiny_price_keeps_its_decimals_and_out_of_range_shares_are_noted() -> None:
    shares = {
        CostPart.RAW_MATERIAL: D(70),
        CostPart.LABOUR: D(10),
        CostPart.OVERHEAD: D(10),
        CostPart.PROFIT: D(10),
    }
    estimate = estimate_cost_structure(D("0.035"), "CNY", shares)
    assert sum(s.amount for s in estimate.shares) == D("0.035")
    assert estimate.shares[0].amount == D("0.025")  # 0.0245 + the spare thousandth
    assert estimate.notes == (
        "Raw material at 70 % is outside the typical 40-60 %.",
        "Labour at 10 % is outside the typical 15-25 %.",
    )
    assert "0.025 CNY" in estimate.summary


def test_shares_must_add_up_to_100() -> None:
    bad = {part: D(20) for part in CostPart}
    with pytest.raises(ValueError, match="add up to exactly 100 %; they add up to 80 %"):
        estimate_cost_structure(D("2.80"), "CNY", bad)
    with pytest.raises(ValueError, match=r"Give a share for: Labour, Overhead, Profit\."):
        estimate_cost_structure(D("2.80"), "CNY", {CostPart.RAW_MATERIAL: D(100)})
    with pytest.raises(ValueError, match="The quoted price must be above 0"):
        estimate_cost_structure(D(0), "CNY")
    negative = {**bad, CostPart.PROFIT: D(-20), CostPart.RAW_MATERIAL: D(80)}
    with pytest.raises(ValueError, match="profit share must be above 0"):
        estimate_cost_structure(D("2.80"), "CNY", negative)


# --- rounds ---------------------------------------------------------------------------------
def rounds(*offers: tuple[str, str | None]) -> list[NegotiationRound]:
    return [
        NegotiationRound(date(2026, 11, day), D(ours), None if theirs is None else D(theirs))
        for day, (ours, theirs) in enumerate(offers, start=1)
    ]


def test_gaps_warnings_and_a_converging_negotiation() -> None:
    review = review_rounds(rounds(("2.40", "3.20"), ("2.60", "3.00"), ("3.00", "3.05")), TARGETS)
    assert [r.gap for r in review.rounds] == [D("0.80"), D("0.40"), D("0.05")]
    assert review.rounds[0].gap_pct == D("33.3")
    assert review.rounds[0].counter_position is PricePosition.BEYOND_WALK_AWAY
    assert review.trend is Trend.CONVERGING
    assert review.warnings == ()  # exactly the walk-away price is not past it


def test_an_offer_past_the_walk_away_price_is_warned_about() -> None:
    review = review_rounds(rounds(("2.40", "3.20"), ("3.01", "3.10")), TARGETS)
    assert review.warnings == ("Round 2: our offer ¥3.01 is above the walk-away price ¥3.00.",)
    assert review.rounds[1].warning == review.warnings[0]


@pytest.mark.parametrize(
    ("offers", "trend"),
    [
        ((("2.40", "3.20"), ("2.50", "3.30")), Trend.STALLED),
        ((("2.40", "3.20"), ("2.40", "3.30")), Trend.DIVERGING),
        ((("2.40", "3.20"), ("2.70", "2.70")), Trend.MET),
        ((("2.40", "2.30"),), Trend.MET),
        ((("2.40", "3.20"),), Trend.UNKNOWN),
        ((("2.40", None),), Trend.UNKNOWN),
        ((("2.40", "3.20"), ("2.50", None)), Trend.UNKNOWN),
        ((("2.40", "3.20"), ("2.50", None), ("2.60", "3.00")), Trend.CONVERGING),
    ],
)
def test_the_trend_from_the_last_two_gaps(offers: tuple, trend: Trend) -> None:
    assert review_rounds(rounds(*offers), TARGETS).trend is trend


def test_rounds_must_be_in_date_order_with_real_offers() -> None:
    late = [
        NegotiationRound(date(2026, 11, 5), D("2.40"), D("3.20")),
        NegotiationRound(date(2026, 11, 5), D("2.50"), D("3.10")),  # same day: fine
        NegotiationRound(date(2026, 11, 4), D("2.60"), D("3.00")),
    ]
    assert round_problems(late) == ["Round 3 (2026-11-04) is dated before round 2."]
    with pytest.raises(ValueError, match="dated before round 2"):
        review_rounds(late, TARGETS)
    bad = [NegotiationRound(date(2026, 11, 5), D(0), D("-1"))]
    assert round_problems(bad) == [
        "Round 1: our offer must be above 0.",
        "Round 1: their counter must be above 0.",
    ]
    assert review_rounds([], TARGETS).trend is Trend.UNKNOWN
