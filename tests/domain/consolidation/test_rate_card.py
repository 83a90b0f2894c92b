"""A rate card is data that cannot be built broken; its problems read as user sentences."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.consolidation.parcels import RestrictedTag
from app.domain.consolidation.rate_card import (
    BoxLimits,
    Bracket,
    BracketTable,
    FirstAdditional,
    PerKg,
    PerKgBand,
    PerRevenueTon,
    RateCard,
    RateCardError,
    RoundingBand,
    VolumeTrigger,
)

D = Decimal
PRICE = FirstAdditional(D("0.5"), D(60), D("0.5"), D(20))


def test_a_usable_card_keeps_its_settings() -> None:
    card = RateCard("DHL", PRICE, divisor=D(5000), round_sides_to_cm=True)
    assert card.currency == "CNY" and card.divisor == 5000 and not card.is_sea
    assert RateCard("Sea", PerRevenueTon(D(800)), divisor=None).is_sea


def test_every_problem_of_a_card_is_listed_in_user_words() -> None:
    with pytest.raises(RateCardError) as caught:
        RateCard(
            " ",
            FirstAdditional(D(0), D(-1), D("0.5"), D(20)),
            currency="yuan",
            divisor=None,
            volume_trigger=VolumeTrigger(D(60)),
            half_volumetric_ratio=D("1.5"),
            rounding=(RoundingBand(D(20), D("0.5")), RoundingBand(D(10), D(0))),
            minimum_chargeable_kg=D(-1),
            fuel_surcharge_percent=D(120),
            limits=BoxLimits(max_kg=D(0)),
            transit_days_min=10,
            transit_days_max=5,
        )
    problems = caught.value.problems
    expected = [
        "Give the line a name.",
        "The currency must be a three-letter code such as CNY, not 'yuan'.",
        "A volume trigger needs a volumetric divisor.",
        "The half-volumetric (分泡) ratio must be 1 or less, not 1.5.",
        "Half-volumetric (分泡) billing needs a volumetric divisor.",
        "A weight rounding step must be more than 0, not 0.",
        "Weight rounding bands must end with a band for any heavier weight (no upper limit).",
        "The minimum chargeable weight must be 0 or more, not -1.",
        "The fuel surcharge must be 100 % or less, not 120 %.",
        "The maximum weight per box must be more than 0, not 0.",
        "The first weight (首重) must be more than 0, not 0.",
        "The first weight price must be 0 or more, not -1.",
        "The longest transit (5 days) is shorter than the shortest (10 days).",
    ]
    assert list(problems) == expected
    assert isinstance(caught.value, ValueError)


def test_floats_are_refused_not_guessed() -> None:
    with pytest.raises(RateCardError, match="The volumetric divisor must be an exact number"):
        RateCard("X", PRICE, divisor=6000.0)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("pricing", "message"),
    [
        (PerKg(()), "Give at least one price per kg."),
        (
            PerKg((PerKgBand(D(20), D(10)), PerKgBand(D(10), D(8)), PerKgBand(None, D(7)))),
            "Price bands must rise",
        ),
        (PerKg((PerKgBand(D(20), D(10)),)), "Price bands must end with a band"),
        (BracketTable(()), "Give at least one row of the price table."),
        (
            BracketTable((Bracket(D(2), D(50)), Bracket(D(1), D(60)))),
            "The price table's weights must rise",
        ),
        (PerRevenueTon(D(900), kg_per_m3=D(0)), "The kg per m³ of a revenue ton must be more"),
        (PerRevenueTon(D(900), wm_step=D(0)), "The W/M step must be more than 0"),
        ("per kg", "Choose how the line prices a box"),
    ],
)
def test_price_shapes_are_checked(pricing: object, message: str) -> None:
    with pytest.raises(RateCardError, match=message):
        RateCard("X", pricing)  # type: ignore[arg-type]


def test_only_the_last_rounding_band_may_be_open() -> None:
    with pytest.raises(RateCardError, match="only the last band may have no upper limit"):
        RateCard("X", PRICE, rounding=(RoundingBand(None, D(1)), RoundingBand(None, D(1))))


def test_volume_trigger_reads_as_the_agent_writes_it() -> None:
    assert str(VolumeTrigger(D(60))) == "a side over 60 cm"
    assert str(VolumeTrigger(D(40), inclusive=True)) == "a side of 40 cm or more"
    assert VolumeTrigger(D(60)).met(D("60.1")) and not VolumeTrigger(D(60)).met(D(60))
    assert VolumeTrigger(D(60), inclusive=True).met(D(60))


def test_accepted_tags_may_be_given_as_text_but_must_be_known() -> None:
    card = RateCard("X", PRICE, accepted_tags={"battery"})  # type: ignore[arg-type]
    assert card.accepted_tags == frozenset({RestrictedTag.BATTERY})
    with pytest.raises(RateCardError, match="Accepted restricted goods must be"):
        RateCard("X", PRICE, accepted_tags={"explosives"})  # type: ignore[arg-type]
