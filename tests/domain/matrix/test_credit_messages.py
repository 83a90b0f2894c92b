"""The credit rating's explanation as messages (issue 15): str() / `explanation` is the English
as before, line by line; the inputs' names, values and reasons, the caps and the unknown inputs
are messages and terms the interface says in its language, each marked and translated."""

from __future__ import annotations

from decimal import Decimal

from app.domain.kit.message import Term
from app.domain.matrix.credit import CreditInputs, CreditRating, Trend, suggest_rating
from app.domain.matrix.credit_decision import CreditOverride, decide_rating
from app.domain.suppliers.choices import Membership, RedFlagKind
from app.domain.suppliers.membership import years_text
from tests.domain.kit.marked import assert_translatable

D = Decimal
FULL = CreditInputs(
    volume_trend=Trend.RISING,
    review_score=D("4.2"),
    disputes_last_12_months=1,
    repeat_purchase_rate=D("31.5"),
    membership_years=7,
    buyer_protection=False,
    membership=Membership.STRONG,
    red_flags=(RedFlagKind.EVASIVE,),
)


def test_the_explanation_reads_as_before() -> None:
    decision = decide_rating(FULL, CreditOverride(CreditRating.A, "  slow answers "))
    assert decision.explanation.split("\n") == [
        "Manual rating A (reason: slow answers); the rule suggests B.",
        "Suggested rating B: poor.",
        "Points 10 of 15 (66.7 %).",
        "Trading-volume trend: rising -> 2/2 (rising 2, stable 1, falling 0)",
        "Review score: 4.2 of 5 -> 1/2 (4.5 or more 2, 4.0-4.49 1, under 4.0 0)",
        "Disputes: 1 in 12 months -> 1/2 (none 2, 1-2 1, 3 or more 0)",
        "Repeat-purchase rate: 31.5 % -> 2/2 (30 % or more 2, 15-29.9 % 1, under 15 % 0)",
        "Years of membership: 7 years -> 2/2 (3 or more 2, 1-2 1, under 1 0)",
        "Buyer protection: no -> 0/2 (yes 2, no 0)",
        "Membership level: Strong merchant -> 2/3 "
        "(source factory 3, strong merchant 2, basic 1, none 0)",
        "Cap: 1 open red flag(s) on record: at most B.",
    ]
    assert decision.explanation == "\n".join(str(line) for line in decision.explanation_said)
    for line in decision.explanation_said:
        assert_translatable(line)


def test_too_few_inputs_caps_and_unknowns_read_as_before() -> None:
    inputs = CreditInputs(
        membership_years=0, buyer_protection=True, red_flags=(RedFlagKind.FALSE_DETAILS,)
    )
    assessment = suggest_rating(inputs)
    assert assessment.explanation.split("\n") == [
        "Suggested rating C: very poor.",
        "Years of membership: < 1 year -> 0/2 (3 or more 2, 1-2 1, under 1 0)",
        "Buyer protection: yes, deposit kept -> 2/2 (yes 2, no 0)",
        "Cap: membership under 1 year is disqualifying: C.",
        "Cap: red flag 'False company details' is disqualifying: C.",
        "Not known, left out: Trading-volume trend, Review score, Disputes, "
        "Repeat-purchase rate, Membership level.",
    ]
    assert assessment.caps == (
        "membership under 1 year is disqualifying: C.",
        "red flag 'False company details' is disqualifying: C.",
    )
    assert assessment.caps_said[1].values()["flag"] == Term("False company details", "公司信息虚假")
    for line in assessment.explanation_said:
        assert_translatable(line)
    unknown = suggest_rating(CreditInputs(membership=Membership.NONE))
    assert unknown.explanation.split("\n")[:1] == ["Suggested rating C: very poor."]
    assert "Cap: no 1688 membership is disqualifying: C." in unknown.explanation
    not_rated = suggest_rating(CreditInputs(volume_trend=Trend.FALLING))
    assert not_rated.explanation.split("\n")[:2] == [
        "Suggested rating unknown: not rated.",
        "Only 1 of 7 inputs known; at least 3 are needed for a suggestion.",
    ]
    for line in not_rated.explanation_said:
        assert_translatable(line)


def test_the_years_read_as_the_suppliers_years_text() -> None:
    for years in (0, 1, 2, 12):
        (factor,) = suggest_rating(CreditInputs(membership_years=years)).factors
        assert factor.value == years_text(years)
        assert factor.name == "Years of membership"
        assert_translatable(factor.said)
