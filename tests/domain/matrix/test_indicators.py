"""Performance sub-indicators: every conversion boundary on both sides, criterion means, texts."""

from decimal import Decimal

import pytest

from app.domain.matrix.capacity import Dimension, Grade, grade_capacity
from app.domain.matrix.indicators import (
    RESPONSE_SUB_SCORES,
    Indicator,
    Kind,
    criterion_scores,
    explain_criterion,
    indicators_of,
    raw_value_problem,
    sub_score,
)
from app.domain.matrix.scoring import Criterion, Scores

D = Decimal
I = Indicator  # noqa: E741

SUB_SCORES = [
    # pass rate, on-time rate, quantity accuracy: the rate itself, 0-100
    (I.PASS_RATE, D(0), D(0)),
    (I.PASS_RATE, D("98.5"), D("98.5")),
    (I.PASS_RATE, D(100), D(100)),
    (I.ON_TIME_RATE, D("0.1"), D("0.1")),
    (I.ON_TIME_RATE, D("99.9"), D("99.9")),
    (I.QUANTITY_ACCURACY, 100, D(100)),
    (I.QUANTITY_ACCURACY, D("97.25"), D("97.25")),
    # complaint rate: 100 - 10 x rate, 0 from 10 % up
    (I.COMPLAINT_RATE, D(0), D(100)),
    (I.COMPLAINT_RATE, D("0.1"), D(99)),
    (I.COMPLAINT_RATE, D("2.5"), D(75)),
    (I.COMPLAINT_RATE, D("9.9"), D(1)),
    (I.COMPLAINT_RATE, D(10), D(0)),
    (I.COMPLAINT_RATE, D("10.1"), D(0)),
    (I.COMPLAINT_RATE, D(100), D(0)),
    # ratings 1-5: (r - 1) x 25, fractions allowed
    (I.IMPROVEMENT, D(1), D(0)),
    (I.IMPROVEMENT, D(2), D(25)),
    (I.IMPROVEMENT, D("3.5"), D("62.5")),
    (I.PROBLEM_SOLVING, D(4), D(75)),
    (I.PROBLEM_SOLVING, D(5), D(100)),
    (I.PRICE_COMPETITIVENESS, D(3), D(50)),
    (I.PRICE_COMPETITIVENESS, D("1.1"), D("2.5")),
    # response speed: the capacity response-time bands (exactly 1 h and 4 h are good)
    (I.RESPONSE_SPEED, D(0), D(100)),
    (I.RESPONSE_SPEED, D("0.99"), D(100)),
    (I.RESPONSE_SPEED, D(1), D(80)),
    (I.RESPONSE_SPEED, D(4), D(80)),
    (I.RESPONSE_SPEED, D("4.01"), D(50)),
    (I.RESPONSE_SPEED, D(24), D(50)),
    (I.RESPONSE_SPEED, D("24.01"), D(20)),
    (I.RESPONSE_SPEED, D(500), D(20)),
    # cost reduction: 50 + 10 x %, within 0-100
    (I.COST_REDUCTION, D(0), D(50)),
    (I.COST_REDUCTION, D("2.5"), D(75)),
    (I.COST_REDUCTION, D("4.9"), D(99)),
    (I.COST_REDUCTION, D(5), D(100)),
    (I.COST_REDUCTION, D("5.1"), D(100)),
    (I.COST_REDUCTION, D(100), D(100)),
    (I.COST_REDUCTION, D(-2), D(30)),
    (I.COST_REDUCTION, D("-4.9"), D(1)),
    (I.COST_REDUCTION, D(-5), D(0)),
    (I.COST_REDUCTION, D("-5.1"), D(0)),
    (I.COST_REDUCTION, D(-250), D(0)),  # a price may rise by any amount
]


@pytest.mark.parametrize(("indicator", "raw", "expected"), SUB_SCORES)
def test_every_conversion_boundary_on_both_sides(
    indicator: Indicator, raw: Decimal, expected: Decimal
) -> None:
    result = sub_score(indicator, raw)
    assert isinstance(result, Decimal)
    assert result == expected


def test_every_indicator_and_grade_is_covered_by_the_boundary_table() -> None:
    assert {indicator for indicator, _, _ in SUB_SCORES} == set(Indicator)
    # n/a is for a trading company's production: its response time is always graded.
    assert set(RESPONSE_SUB_SCORES) == set(Grade) - {Grade.UNKNOWN, Grade.NOT_APPLICABLE}


@pytest.mark.parametrize("hours", [D(0), D("0.5"), D(1), D(4), D("4.5"), D(24), D(25)])
def test_response_speed_follows_the_capacity_grade(hours: Decimal) -> None:
    grade = grade_capacity(Dimension.RESPONSE_TIME, hours).grade
    assert sub_score(I.RESPONSE_SPEED, hours) == RESPONSE_SUB_SCORES[grade]


OUT_OF_RANGE = [
    (I.PASS_RATE, D("-0.1"), "Pass rate must be from 0 to 100 %, not -0.1 %."),
    (I.PASS_RATE, D("100.1"), "Pass rate must be from 0 to 100 %, not 100.1 %."),
    (I.COMPLAINT_RATE, D(-1), "Complaint rate must be from 0 to 100 %, not -1 %."),
    (I.COMPLAINT_RATE, D(101), "Complaint rate must be from 0 to 100 %, not 101 %."),
    (I.ON_TIME_RATE, D(-1), "On-time rate must be from 0 to 100 %, not -1 %."),
    (I.QUANTITY_ACCURACY, D("100.01"), "Quantity accuracy must be from 0 to 100 %"),
    (I.IMPROVEMENT, D("0.99"), "Improvement must be from 1 to 5, not 0.99."),
    (I.IMPROVEMENT, D("5.01"), "Improvement must be from 1 to 5, not 5.01."),
    (I.PROBLEM_SOLVING, D(0), "Problem solving must be from 1 to 5, not 0."),
    (I.PRICE_COMPETITIVENESS, D(6), "Price competitiveness must be from 1 to 5, not 6."),
    (I.RESPONSE_SPEED, D("-0.01"), "Response speed must be 0 h or more, not -0.01 h."),
    (I.COST_REDUCTION, D("100.1"), "Cost reduction must be 100 % or less, not 100.1 %."),
]


@pytest.mark.parametrize(("indicator", "raw", "message"), OUT_OF_RANGE)
def test_out_of_range_values_are_refused_with_a_sentence(
    indicator: Indicator, raw: Decimal, message: str
) -> None:
    problem = raw_value_problem(indicator, raw)
    assert problem is not None and problem.startswith(message)
    with pytest.raises(ValueError, match="must be"):
        sub_score(indicator, raw)
    with pytest.raises(ValueError, match="must be"):
        criterion_scores({indicator: raw})


@pytest.mark.parametrize("raw", [D("NaN"), D("Infinity"), D("-Infinity")])
def test_non_finite_values_are_refused(raw: Decimal) -> None:
    with pytest.raises(ValueError, match="finite"):
        sub_score(I.COST_REDUCTION, raw)


@pytest.mark.parametrize("raw", [98.5, "98.5", True, None])
def test_only_exact_numbers_are_accepted(raw: object) -> None:
    with pytest.raises(TypeError, match="Pass rate must be an exact number"):
        sub_score(I.PASS_RATE, raw)  # type: ignore[arg-type]
    assert "float (inexact)" in (raw_value_problem(I.PASS_RATE, 0.5) or "")


def test_the_nine_indicators_and_their_criteria() -> None:
    assert [i.value for i in Indicator] == [
        "pass_rate",
        "complaint_rate",
        "improvement",
        "on_time_rate",
        "quantity_accuracy",
        "response_speed",
        "problem_solving",
        "price_competitiveness",
        "cost_reduction",
    ]
    assert indicators_of(Criterion.QUALITY) == (I.PASS_RATE, I.COMPLAINT_RATE, I.IMPROVEMENT)
    assert indicators_of(Criterion.DELIVERY) == (I.ON_TIME_RATE, I.QUANTITY_ACCURACY)
    assert indicators_of(Criterion.SERVICE) == (I.RESPONSE_SPEED, I.PROBLEM_SOLVING)
    assert indicators_of(Criterion.COST) == (I.PRICE_COMPETITIVENESS, I.COST_REDUCTION)
    for criterion in Criterion:  # the same words as the criterion's own description
        labels = ", ".join(i.label.lower() for i in indicators_of(criterion))
        assert labels == criterion.covers
    assert {i.kind for i in Indicator} == set(Kind)
    assert (I.RESPONSE_SPEED.unit, I.IMPROVEMENT.unit, I.PASS_RATE.unit) == ("h", "of 5", "%")
    assert (I.COST_REDUCTION.minimum, I.COST_REDUCTION.maximum) == (None, D(100))
    assert all(i.rule and i.meaning for i in Indicator)


def test_criterion_scores_are_the_mean_of_the_present_sub_scores() -> None:
    raw = {
        I.PASS_RATE: D("98.5"),  # 98.5
        I.COMPLAINT_RATE: D(2),  # 80 -> Quality (98.5 + 80) / 2 = 89.25 -> 89.3
        I.ON_TIME_RATE: D("97.4"),
        I.QUANTITY_ACCURACY: D("99.1"),  # Delivery 98.25 -> 98.3 (half-up)
        I.PROBLEM_SOLVING: D(4),  # Service 75.0
    }
    assert criterion_scores(raw) == Scores(D("89.3"), D("98.3"), D("75.0"), None)


def test_means_round_half_up_to_one_decimal() -> None:
    def quality(*raw: tuple[Indicator, str]) -> Decimal | None:
        return criterion_scores({indicator: D(value) for indicator, value in raw}).quality

    # (100 + 99 + 0) / 3 = 66.33.. -> 66.3; (100 + 25) / 2 = 62.5 stays
    assert quality((I.PASS_RATE, "100"), (I.COMPLAINT_RATE, "0.1"), (I.IMPROVEMENT, "1")) == D(
        "66.3"
    )
    assert quality((I.PASS_RATE, "100"), (I.IMPROVEMENT, "2")) == D("62.5")
    assert quality((I.PASS_RATE, "0.05"), (I.IMPROVEMENT, "1")) == D("0.0")  # 0.025 -> 0.0
    assert quality((I.PASS_RATE, "0.1"), (I.IMPROVEMENT, "1")) == D("0.1")  # 0.05 -> 0.1
    assert quality((I.PASS_RATE, "89.9"), (I.COMPLAINT_RATE, "0")) == D("95.0")  # 94.95 -> 95.0


def test_a_criterion_without_sub_indicators_is_unknown_never_zero() -> None:
    assert criterion_scores({}) == Scores()
    only_cost = criterion_scores({I.COST_REDUCTION: D(-10)})
    assert only_cost == Scores(None, None, None, D("0.0"))


def test_codes_work_as_keys() -> None:
    assert criterion_scores({"pass_rate": D(90)}).quality == D("90.0")  # type: ignore[dict-item]


def test_explain_criterion_lists_each_value_sub_score_and_rule() -> None:
    raw = {I.PASS_RATE: D("98.50"), I.COMPLAINT_RATE: D(2), I.ON_TIME_RATE: D(90)}
    assert explain_criterion(Criterion.QUALITY, raw) == (
        "Quality 89.3 = mean of 2 sub-scores, rounded to 0.1:\n"
        "Pass rate 98.5 % -> 98.5 (rule: the rate itself)\n"
        "Complaint rate 2 % -> 80 (rule: 100 - 10 x rate; 10 % or more is 0)\n"
        "Not recorded, left out: improvement."
    )
    service = explain_criterion(Criterion.SERVICE, {I.RESPONSE_SPEED: D(4)})
    assert service.startswith("Service 80.0 = its one sub-score:\nResponse speed 4 h -> 80 (")
    assert "problem solving" in service
    rated = explain_criterion(Criterion.COST, {I.PRICE_COMPETITIVENESS: D(4)})
    assert "Price competitiveness 4 of 5 -> 75 (rule: (rating - 1) x 25" in rated
    assert "no sub-indicator" in explain_criterion(Criterion.DELIVERY, {I.PASS_RATE: D(1)})


def test_a_none_value_counts_as_not_recorded() -> None:
    raw = {I.PASS_RATE: D(90), I.COMPLAINT_RATE: None, I.ON_TIME_RATE: None}
    assert criterion_scores(raw) == Scores(quality=D("90.0"))
    assert "left out: complaint rate, improvement" in explain_criterion(Criterion.QUALITY, raw)
    assert "no sub-indicator" in explain_criterion(Criterion.DELIVERY, raw)
