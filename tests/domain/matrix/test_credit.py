from decimal import Decimal

import pytest

from app.domain.matrix.credit import (
    CreditInputs,
    CreditRating,
    Trend,
    rating_for_points,
    suggest_rating,
)
from app.domain.matrix.credit_decision import (
    CreditDecision,
    CreditOverride,
    RatingSource,
    decide_rating,
)
from app.domain.suppliers.choices import Membership, RedFlagKind

D = Decimal

BEST = CreditInputs(
    volume_trend=Trend.RISING,
    review_score=D("4.8"),
    disputes_last_12_months=0,
    repeat_purchase_rate=D(35),
    membership_years=6,
    buyer_protection=True,
    membership=Membership.SOURCE_FACTORY,
)


def points(inputs: CreditInputs) -> dict[str, int]:
    return {f.name: f.points for f in suggest_rating(inputs).factors}


def test_ratings_carry_domain_md_meaning_and_risk() -> None:
    assert [r.value for r in CreditRating][:5] == ["AAA", "AA", "A", "B", "C"]
    assert (CreditRating.AAA.meaning, CreditRating.AAA.risk) == ("excellent", "very low risk")
    assert (CreditRating.AA.meaning, CreditRating.AA.risk) == ("good", "low risk")
    assert (CreditRating.A.meaning, CreditRating.A.risk) == ("average", "manageable risk")
    assert (CreditRating.B.meaning, CreditRating.B.risk) == ("poor", "caution")
    assert (CreditRating.C.meaning, CreditRating.C.risk) == ("very poor", "do not cooperate")
    assert CreditRating.AAA.rank < CreditRating.C.rank < CreditRating.UNKNOWN.rank


def test_all_good_inputs_give_aaa_with_every_factor_explained() -> None:
    assessment = suggest_rating(BEST)
    assert assessment.suggested is CreditRating.AAA
    assert assessment.percent == D("100.0")
    assert len(assessment.factors) == 7
    assert assessment.caps == () and assessment.unknown == ()
    text = assessment.explanation
    assert text.startswith("Suggested rating AAA: excellent.\nPoints 15 of 15 (100.0 %).")
    assert "Review score: 4.8 of 5 -> 2/2" in text
    assert "Membership level: Source factory -> 3/3" in text


@pytest.mark.parametrize(
    ("trend", "expected"), [(Trend.RISING, 2), (Trend.STABLE, 1), (Trend.FALLING, 0)]
)
def test_trend_points(trend: Trend, expected: int) -> None:
    assert points(CreditInputs(volume_trend=trend))["Trading-volume trend"] == expected


@pytest.mark.parametrize(
    ("score", "expected"),
    [("5", 2), ("4.5", 2), ("4.49", 1), ("4.0", 1), ("3.99", 0), ("0", 0)],
)
def test_review_score_boundaries(score: str, expected: int) -> None:
    assert points(CreditInputs(review_score=D(score)))["Review score"] == expected


@pytest.mark.parametrize(("count", "expected"), [(0, 2), (1, 1), (2, 1), (3, 0), (10, 0)])
def test_dispute_boundaries(count: int, expected: int) -> None:
    assert points(CreditInputs(disputes_last_12_months=count))["Disputes"] == expected


@pytest.mark.parametrize(
    ("rate", "expected"), [("100", 2), ("30", 2), ("29.9", 1), ("15", 1), ("14.9", 0), ("0", 0)]
)
def test_repeat_purchase_boundaries(rate: str, expected: int) -> None:
    assert points(CreditInputs(repeat_purchase_rate=D(rate)))["Repeat-purchase rate"] == expected


# domain.md: 3-5+ years is a good sign, so 3 years earns full points (it earned 1 before).
@pytest.mark.parametrize(
    ("years", "expected"), [(10, 2), (5, 2), (4, 2), (3, 2), (2, 1), (1, 1), (0, 0)]
)
def test_membership_years_boundaries(years: int, expected: int) -> None:
    assert points(CreditInputs(membership_years=years))["Years of membership"] == expected


def test_under_a_year_reads_as_under_a_year() -> None:
    factor = suggest_rating(CreditInputs(membership_years=0)).factors[0]
    assert factor.text == "Years of membership: < 1 year -> 0/2 (3 or more 2, 1-2 1, under 1 0)"


# domain.md: source factory very low risk > strong merchant low > basic medium > none.
@pytest.mark.parametrize(
    ("level", "expected"),
    [
        (Membership.SOURCE_FACTORY, 3),
        (Membership.STRONG, 2),
        (Membership.BASIC, 1),
        (Membership.NONE, 0),
    ],
)
def test_membership_level_points(level: Membership, expected: int) -> None:
    assert points(CreditInputs(membership=level))["Membership level"] == expected


def test_a_source_factory_outranks_a_strong_merchant_all_else_equal() -> None:
    strong = suggest_rating(CreditInputs(**{**_fields(BEST), "membership": Membership.STRONG}))
    source = suggest_rating(BEST)
    assert strong.percent is not None and source.percent is not None
    assert source.percent > strong.percent  # 15 of 15 against 14 of 15


def test_buyer_protection_points() -> None:
    assert points(CreditInputs(buyer_protection=True))["Buyer protection"] == 2
    assert points(CreditInputs(buyer_protection=False))["Buyer protection"] == 0


def test_unknown_buyer_protection_is_left_out_never_counted_as_no() -> None:
    strong = {**_fields(BEST), "membership": Membership.STRONG}
    unknown = CreditInputs(**{**strong, "buyer_protection": None})
    assessment = suggest_rating(unknown)
    assert assessment.suggested is CreditRating.AAA  # 12 of 13 = 92.3 %
    assert "Buyer protection" in assessment.unknown
    assert "Buyer protection" not in points(unknown)
    without = CreditInputs(**{**strong, "buyer_protection": False})
    assert suggest_rating(without).suggested is CreditRating.AA  # 12 of 15 = 80 %: a real "no"


@pytest.mark.parametrize(
    ("earned", "possible", "rating"),
    [
        (20, 20, CreditRating.AAA),
        (17, 20, CreditRating.AAA),  # exactly 85 %
        (16, 20, CreditRating.AA),  # 80 %
        (12, 14, CreditRating.AAA),  # 85.7 %
        (11, 14, CreditRating.AA),  # 78.6 %
        (7, 10, CreditRating.AA),  # exactly 70 %
        (6, 10, CreditRating.A),  # 60 %
        (3, 6, CreditRating.A),  # exactly 50 %
        (2, 6, CreditRating.B),  # 33.3 %
        (3, 10, CreditRating.B),  # exactly 30 %
        (2, 10, CreditRating.C),  # 20 %
        (0, 6, CreditRating.C),
    ],
)
def test_rating_cutoffs_on_both_sides(earned: int, possible: int, rating: CreditRating) -> None:
    assert rating_for_points(earned, possible) is rating


@pytest.mark.parametrize(("earned", "possible"), [(-1, 6), (7, 6), (0, 0)])
def test_impossible_points_are_refused(earned: int, possible: int) -> None:
    with pytest.raises(ValueError):
        rating_for_points(earned, possible)


def test_missing_inputs_are_left_out_not_counted_as_zero() -> None:
    three_good = CreditInputs(
        volume_trend=Trend.RISING, review_score=D(5), disputes_last_12_months=0
    )
    assessment = suggest_rating(three_good)
    assert assessment.suggested is CreditRating.AAA
    assert assessment.percent == D("100.0")
    assert len(assessment.unknown) == 4
    assert "Not known, left out: Repeat-purchase rate" in assessment.explanation


def test_fewer_than_three_known_inputs_give_no_suggestion() -> None:
    two = CreditInputs(volume_trend=Trend.RISING, review_score=D(5))
    assessment = suggest_rating(two)
    assert assessment.suggested is CreditRating.UNKNOWN
    assert assessment.percent is None
    assert "Only 2 of 7 inputs known; at least 3 are needed" in assessment.explanation
    assert suggest_rating(CreditInputs()).suggested is CreditRating.UNKNOWN


def test_no_membership_is_disqualifying_whatever_else() -> None:
    assessment = suggest_rating(
        CreditInputs(
            volume_trend=Trend.RISING,
            review_score=D(5),
            disputes_last_12_months=0,
            repeat_purchase_rate=D(50),
            buyer_protection=True,
            membership=Membership.NONE,
        )
    )
    assert assessment.suggested is CreditRating.C
    assert "Cap: no 1688 membership is disqualifying: C." in assessment.explanation
    # even when too little else is known
    assert suggest_rating(CreditInputs(membership=Membership.NONE)).suggested is CreditRating.C


def test_an_ordinary_open_red_flag_caps_at_b() -> None:
    flagged = CreditInputs(**{**_fields(BEST), "red_flags": (RedFlagKind.PRICE_TOO_LOW,)})
    assessment = suggest_rating(flagged)
    assert assessment.suggested is CreditRating.B
    assert assessment.percent == D("100.0")
    assert "1 open red flag(s) on record: at most B." in assessment.caps


@pytest.mark.parametrize(
    ("kind", "label"),
    [
        (RedFlagKind.NO_MEMBERSHIP, "No membership badge or under 1 year"),
        (RedFlagKind.PERSONAL_ACCOUNT, "Asks for payment to a personal account"),
        (RedFlagKind.FALSE_DETAILS, "False company details"),
    ],
)
def test_a_disqualifying_red_flag_rates_c_with_the_reason(kind: RedFlagKind, label: str) -> None:
    assessment = suggest_rating(CreditInputs(**{**_fields(BEST), "red_flags": (kind,)}))
    assert assessment.suggested is CreditRating.C
    assert f"Cap: red flag '{label}' is disqualifying: C." in assessment.explanation
    assert kind.disqualifying


def test_pushing_payment_off_the_platform_is_a_red_flag_but_not_a_disqualifier() -> None:
    kinds = (RedFlagKind.OFF_PLATFORM_PAYMENT,)
    assert not RedFlagKind.OFF_PLATFORM_PAYMENT.disqualifying
    assert suggest_rating(CreditInputs(**{**_fields(BEST), "red_flags": kinds})).suggested is (
        CreditRating.B
    )


def test_under_a_year_of_membership_is_disqualifying_a_year_is_not() -> None:
    new = suggest_rating(CreditInputs(**{**_fields(BEST), "membership_years": 0}))
    assert new.suggested is CreditRating.C
    assert "membership under 1 year is disqualifying: C." in new.caps
    one_year = CreditInputs(**{**_fields(BEST), "membership_years": 1})
    assert suggest_rating(one_year).suggested is CreditRating.AAA  # 14 of 15: no cap at 1 year


def test_a_cap_never_raises_a_rating() -> None:
    poor = CreditInputs(
        volume_trend=Trend.FALLING,
        review_score=D(3),
        disputes_last_12_months=5,
        red_flags=(RedFlagKind.EVASIVE, RedFlagKind.PRESSURE),
    )
    assert suggest_rating(poor).suggested is CreditRating.C


def test_a_mixed_supplier() -> None:
    mixed = CreditInputs(
        volume_trend=Trend.STABLE,  # 1
        review_score=D("4.2"),  # 1
        disputes_last_12_months=1,  # 1
        repeat_purchase_rate=D(20),  # 1
        membership_years=2,  # 1
        buyer_protection=False,  # 0
        membership=Membership.BASIC,  # 1 of 3
    )
    assessment = suggest_rating(mixed)
    assert assessment.percent == D("40.0")  # 6 of 15
    assert assessment.suggested is CreditRating.B


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("review_score", D("5.1"), "between 0 and 5"),
        ("review_score", D(-1), "between 0 and 5"),
        ("repeat_purchase_rate", D("100.1"), "between 0 and 100"),
        ("disputes_last_12_months", -1, "cannot be negative"),
        ("membership_years", -1, "cannot be negative"),
    ],
)
def test_impossible_inputs_are_refused(field: str, value: object, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        CreditInputs(**{field: value})  # type: ignore[arg-type]


def test_without_override_the_suggestion_is_effective() -> None:
    decision = decide_rating(BEST)
    assert decision.effective is CreditRating.AAA
    assert decision.suggested is CreditRating.AAA
    assert decision.source is RatingSource.SUGGESTED
    assert decision.override is None
    assert decision.explanation == decision.assessment.explanation


def test_a_manual_rating_wins_and_both_stay_visible() -> None:
    override = CreditOverride(CreditRating.B, "  Late with two orders in October  ")
    decision = decide_rating(BEST, override)
    assert decision.effective is CreditRating.B
    assert decision.suggested is CreditRating.AAA
    assert decision.source is RatingSource.MANUAL
    assert decision.explanation.startswith(
        "Manual rating B (reason: Late with two orders in October); the rule suggests AAA.\n"
    )
    assert isinstance(decision, CreditDecision)


def test_a_manual_rating_can_fill_an_unknown_suggestion() -> None:
    decision = decide_rating(CreditInputs(), CreditOverride(CreditRating.A, "Known agent"))
    assert decision.suggested is CreditRating.UNKNOWN
    assert decision.effective is CreditRating.A


def test_an_override_needs_a_reason_and_a_real_rating() -> None:
    with pytest.raises(ValueError, match="reason"):
        CreditOverride(CreditRating.AA, "   ")
    with pytest.raises(ValueError, match="AAA, AA, A, B, C"):
        CreditOverride(CreditRating.UNKNOWN, "no idea")


def _fields(inputs: CreditInputs) -> dict[str, object]:
    return {name: getattr(inputs, name) for name in CreditInputs.__slots__}
