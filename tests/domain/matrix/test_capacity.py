from decimal import Decimal

import pytest

from app.domain.matrix.capacity import (
    CAPACITY_BANDS,
    Dimension,
    Grade,
    grade_capacity,
    grade_legend,
)

E, G, A, W = Grade.EXCELLENT, Grade.GOOD, Grade.AVERAGE, Grade.WEAK
D = Decimal

BOUNDARIES = [
    # monthly capacity: > 100,000 excellent; 50,000-100,000 good; 10,000-49,999 average
    (Dimension.MONTHLY_CAPACITY, 0, W),
    (Dimension.MONTHLY_CAPACITY, 9_999, W),
    (Dimension.MONTHLY_CAPACITY, D("9999.99"), W),
    (Dimension.MONTHLY_CAPACITY, 10_000, A),
    (Dimension.MONTHLY_CAPACITY, 49_999, A),
    (Dimension.MONTHLY_CAPACITY, 50_000, G),
    (Dimension.MONTHLY_CAPACITY, 100_000, G),
    (Dimension.MONTHLY_CAPACITY, 100_001, E),
    (Dimension.MONTHLY_CAPACITY, D("100000.5"), E),
    # production lines: > 5 excellent; 3-5 good; 1-2 average; 0 weak
    (Dimension.PRODUCTION_LINES, 0, W),
    (Dimension.PRODUCTION_LINES, 1, A),
    (Dimension.PRODUCTION_LINES, 2, A),
    (Dimension.PRODUCTION_LINES, 3, G),
    (Dimension.PRODUCTION_LINES, 5, G),
    (Dimension.PRODUCTION_LINES, 6, E),
    # employees: > 100 excellent; 50-100 good; 20-49 average; < 20 weak
    (Dimension.EMPLOYEES, 19, W),
    (Dimension.EMPLOYEES, 20, A),
    (Dimension.EMPLOYEES, 49, A),
    (Dimension.EMPLOYEES, 50, G),
    (Dimension.EMPLOYEES, 100, G),
    (Dimension.EMPLOYEES, 101, E),
    # factory area: > 5,000 excellent; 2,000-5,000 good; 500-<2,000 average; < 500 weak
    (Dimension.FACTORY_AREA, D("499.9"), W),
    (Dimension.FACTORY_AREA, 500, A),
    (Dimension.FACTORY_AREA, D("1999.99"), A),
    (Dimension.FACTORY_AREA, 2000, G),
    (Dimension.FACTORY_AREA, 5000, G),
    (Dimension.FACTORY_AREA, D("5000.01"), E),
    # response time (lower is better): < 1 h excellent; 1-4 h good; > 4-24 h average; > 24 weak
    (Dimension.RESPONSE_TIME, 0, E),
    (Dimension.RESPONSE_TIME, D("0.99"), E),
    (Dimension.RESPONSE_TIME, 1, G),
    (Dimension.RESPONSE_TIME, 4, G),
    (Dimension.RESPONSE_TIME, D("4.01"), A),
    (Dimension.RESPONSE_TIME, 24, A),
    (Dimension.RESPONSE_TIME, D("24.01"), W),
    (Dimension.RESPONSE_TIME, 72, W),
]


@pytest.mark.parametrize(("dimension", "value", "grade"), BOUNDARIES)
def test_every_boundary_on_both_sides(dimension: Dimension, value: object, grade: Grade) -> None:
    assert grade_capacity(dimension, value).grade is grade  # type: ignore[arg-type]


def test_floats_grade_like_decimals() -> None:
    assert grade_capacity(Dimension.RESPONSE_TIME, 0.5).grade is E
    assert grade_capacity(Dimension.RESPONSE_TIME, 4.5).grade is A
    assert grade_capacity(Dimension.FACTORY_AREA, 5000.0).grade is G


@pytest.mark.parametrize("dimension", list(Dimension))
def test_a_missing_value_is_unknown_never_weak(dimension: Dimension) -> None:
    result = grade_capacity(dimension, None)
    assert result.grade is Grade.UNKNOWN
    assert "unknown" in result.rule_text


@pytest.mark.parametrize("dimension", list(Dimension))
def test_negative_values_are_refused(dimension: Dimension) -> None:
    with pytest.raises(ValueError, match="zero or more"):
        grade_capacity(dimension, -1)


@pytest.mark.parametrize("value", [float("nan"), Decimal("NaN")])
def test_not_a_number_is_refused(value: object) -> None:
    with pytest.raises(ValueError):
        grade_capacity(Dimension.EMPLOYEES, value)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["100", True])
def test_non_numbers_are_refused(value: object) -> None:
    with pytest.raises(TypeError):
        grade_capacity(Dimension.EMPLOYEES, value)  # type: ignore[arg-type]


def test_the_rule_text_names_the_value_the_grade_and_the_range() -> None:
    text = grade_capacity(Dimension.MONTHLY_CAPACITY, 100_000).rule_text
    assert text == (
        "Monthly capacity 100,000 pieces: good "
        "(rule: good is at least 50,000 and at most 100,000 pieces)."
    )
    text = grade_capacity(Dimension.RESPONSE_TIME, D("4.5")).rule_text
    assert text == "Response time 4.5 h: average (rule: average is over 4 and at most 24 h)."
    assert "1,999.50 m²" in grade_capacity(Dimension.FACTORY_AREA, D("1999.50")).rule_text


def test_the_legend_lists_every_grade_best_first() -> None:
    for dimension in Dimension:
        legend = grade_legend(dimension)
        assert [grade for grade, _ in legend] == [E, G, A, W]
    assert grade_legend(Dimension.EMPLOYEES)[1] == (G, "at least 50 and at most 100 people")
    assert grade_legend(Dimension.RESPONSE_TIME)[3] == (W, "over 24 h")


@pytest.mark.parametrize("dimension", list(Dimension))
def test_each_value_falls_in_exactly_one_band(dimension: Dimension) -> None:
    bounds = {
        bound
        for band in CAPACITY_BANDS[dimension]
        for bound in (band.above, band.at_least, band.below, band.at_most)
        if bound is not None
    }
    step = Decimal("0.001")
    probes = {Decimal(0)} | {b + d for b in bounds for d in (-step, Decimal(0), step)}
    for value in sorted(p for p in probes if p >= 0):
        holders = [b.grade for b in CAPACITY_BANDS[dimension] if b.contains(value)]
        assert len(holders) == 1, (dimension, value, holders)


# --- issue 13: the documented boundary rule is what the code does --------------------------


def test_the_module_docstring_states_the_boundaries_the_code_grades() -> None:
    """capacity.py said shared boundaries take the lower grade; 50,000 pieces is good (higher)."""
    import app.domain.matrix.capacity as capacity

    assert grade_capacity(Dimension.MONTHLY_CAPACITY, 50_000).grade is G  # not average
    assert grade_capacity(Dimension.MONTHLY_CAPACITY, 100_000).grade is G  # not excellent
    doc = " ".join((capacity.__doc__ or "").split())
    assert "exactly 100,000 pieces is good (not excellent: the lower grade)" in doc
    assert "exactly 50,000 is good (not average: the higher grade)" in doc
    assert "lower-named grade" not in doc


def test_the_boundary_rule_in_words_is_computed_from_the_bands() -> None:
    from app.domain.matrix.capacity import boundary_examples, boundary_rule

    for dimension in Dimension:
        for bound, grade in boundary_examples(dimension):
            assert grade_capacity(dimension, bound).grade is grade
    text = boundary_rule()
    assert "100,000 pieces is good, 50,000 pieces is good, 10,000 pieces is average" in text
    assert "1 line is average" in text and "1 h is good, 4 h is good, 24 h is average" in text


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [(1, "lines", "1 line"), (4, "lines", "4 lines"), (D("1.5"), "h", "1.5 h"), (2, "h", "2 h"),
     (1, "people", "1 person"), (D("2200"), "m²", "2,200 m²")],
)  # fmt: skip
def test_units_agree_with_their_number(value: object, unit: str, text: str) -> None:
    from app.domain.matrix.capacity import unit_text

    assert unit_text(value, unit) == text  # type: ignore[arg-type]


def test_one_line_reads_as_one_line_in_the_rule_text() -> None:
    assert grade_capacity(Dimension.PRODUCTION_LINES, 1).rule_text.startswith(
        "Production lines 1 line: average"
    )


@pytest.mark.parametrize("dimension", list(Dimension))
def test_a_trading_companys_production_is_not_applicable_never_weak(dimension: Dimension) -> None:
    from app.domain.matrix.capacity import grade_for_supplier

    trading = grade_for_supplier(dimension, 0, trading_company=True)
    factory = grade_for_supplier(dimension, 0, trading_company=False)
    assert factory.grade is grade_capacity(dimension, 0).grade
    if dimension is Dimension.RESPONSE_TIME:  # a trader answers messages like anyone
        assert trading.grade is E
    else:
        assert trading.grade is Grade.NOT_APPLICABLE
        assert trading.grade.value == "n/a (trading company)"
        assert "no production of its own" in trading.rule_text
        unknown = grade_for_supplier(dimension, None, trading_company=True)
        assert unknown.grade is Grade.NOT_APPLICABLE
