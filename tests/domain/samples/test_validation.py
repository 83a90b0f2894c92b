"""Every rule a product or a sample must meet, each refusal named by its field."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

import pytest

from app.domain.kit.money import Money
from app.domain.samples.sample import (
    BUILT_IN_CRITERIA,
    Criterion,
    CriterionKind,
    PassFail,
    Product,
    Sample,
    SampleStatus,
)
from app.domain.samples.validation import money_problem, product_problems, sample_problems

D = Decimal
TODAY = date(2026, 11, 29)
CRITERIA = (*BUILT_IN_CRITERIA, Criterion("Hinge holds 10 kg", CriterionKind.PASS_FAIL))
GOOD = Sample(
    product_id=1,
    supplier_id=2,
    variant="黑色 black",
    price=Money(D("15.50"), "CNY"),
    shipping=Money(D("8.00"), "CNY"),
    requested_on=date(2026, 11, 1),
    shipped_on=date(2026, 11, 3),
    received_on=date(2026, 11, 9),
    tracking_number="SF1234567890",
    status=SampleStatus.EVALUATED,
    length_cm=D("12.3"),
    weight_kg=D("0.16"),
    scores={"appearance": 4, "Hinge holds 10 kg": PassFail.PASS},
)


def problems(**changes: object) -> dict[str, str]:
    return sample_problems(replace(GOOD, **changes), CRITERIA, TODAY)


# --- products -----------------------------------------------------------------------------------
def test_a_full_product_passes() -> None:
    product = Product(
        name="Phone stand",
        name_zh="手机支架",
        category="phone accessories",
        length_cm=D(12),
        width_cm=D("8.5"),
        height_cm=D("2.5"),
        weight_kg=D("0.150"),
        material="aluminium",
        colour="black",
        criteria=(Criterion("Hinge holds 10 kg", CriterionKind.PASS_FAIL), Criterion("Logo")),
    )
    assert product_problems(product) == {}
    assert product_problems(Product(name_zh="手机支架")) == {}


def test_a_product_needs_a_name() -> None:
    assert product_problems(Product(name="  ", name_zh="")) == {
        "name": "Enter an English or a Chinese name."
    }


@pytest.mark.parametrize("field", ["length_cm", "width_cm", "height_cm", "weight_kg"])
@pytest.mark.parametrize(
    ("value", "message"),
    [
        (D(0), "must be above 0"),
        (D("-1"), "must be above 0"),
        (1.5, "a float (inexact)"),
        (D("NaN"), "finite"),
        (True, "exact number"),
        (D("1" * 41), "too many digits"),
    ],
)
def test_spec_values_are_exact_and_above_zero(field: str, value: object, message: str) -> None:
    errors = product_problems(Product(name="x", **{field: value}))
    assert list(errors) == [field] and message in errors[field]


def test_long_texts_are_refused() -> None:
    errors = product_problems(Product(name="x" * 301, notes="n" * 40_001, colour=3))  # type: ignore[arg-type]
    assert set(errors) == {"name", "notes", "colour"}


@pytest.mark.parametrize(
    ("criteria", "message"),
    [
        ((Criterion(" "),), "Name the criterion."),
        ((Criterion("x" * 61),), "under 60 characters"),
        ((Criterion("Appearance"),), "built-in criterion"),
        ((Criterion("packaging"),), "built-in criterion"),
        ((Criterion("Appearance (colour, size, workmanship)"),), "built-in criterion"),
        ((Criterion("Logo"), Criterion(" logo ")), "listed twice"),
        ((Criterion("Logo", kind="stars"),), "1-5 or pass/fail"),  # type: ignore[arg-type]
        (("Logo",), "a name and a kind"),
    ],
)
def test_user_criteria_rules(criteria: tuple, message: str) -> None:
    errors = product_problems(Product(name="x", criteria=criteria))
    assert len(errors) == 1
    assert message in next(iter(errors.values()))


# --- samples --------------------------------------------------------------------------------------
def test_a_full_sample_passes() -> None:
    assert sample_problems(GOOD, CRITERIA, TODAY) == {}
    assert sample_problems(Sample(product_id=1, supplier_id=1), CRITERIA, TODAY) == {}


def test_product_and_supplier_are_required() -> None:
    assert problems(product_id=None, supplier_id=True) == {
        "product_id": "Choose the product.",
        "supplier_id": "Choose the supplier.",
    }


@pytest.mark.parametrize(
    ("money", "message"),
    [
        (Money(D("-0.01"), "CNY"), "cannot be negative"),
        (Money(D("1.234"), "CNY"), "more than 2 decimals for CNY"),
        (Money(D("1.5"), "JPY"), "more than 0 decimals for JPY"),
        (Money(D("1.00"), "cny"), "not a currency code"),
        (Money(D("1.00"), "RMB1"), "not a currency code"),
        (Money(1.5, "USD"), "a float (inexact)"),  # type: ignore[arg-type]
        (Money(D("Infinity"), "USD"), "finite"),
        (D("15"), "an amount with its currency"),
    ],
)
@pytest.mark.parametrize("field", ["price", "shipping"])
def test_money_rules(field: str, money: object, message: str) -> None:
    errors = problems(**{field: money})
    assert list(errors) == [field] and message in errors[field]


def test_money_that_is_fine() -> None:
    for money in (None, Money(D(0), "CNY"), Money(D("1500"), "JPY"), Money(D("12.5"), "USD")):
        assert money_problem(money, "Price") is None


def test_a_free_sample_has_no_price_above_zero() -> None:
    assert problems(free=True) == {
        "price": "A free sample has no price: set it to 0 or untick 'free'."
    }
    assert problems(free=True, price=Money(D(0), "CNY")) == {}
    assert problems(free=True, price=None) == {}
    assert list(problems(free="yes")) == ["free"]


def test_dates_are_in_order_requested_shipped_received() -> None:
    assert problems(shipped_on=date(2026, 10, 30)) == {
        "shipped_on": "The sample cannot be shipped (2026-10-30) before it was requested "
        "(2026-11-01)."
    }
    assert problems(received_on=date(2026, 11, 2)) == {
        "received_on": "The sample cannot be received (2026-11-02) before it was shipped "
        "(2026-11-03)."
    }
    # Without a shipping date, received is still checked against requested.
    assert list(problems(shipped_on=None, received_on=date(2026, 10, 1))) == ["received_on"]
    # The same day is in order; any of them may be left empty.
    same = date(2026, 11, 5)
    assert problems(requested_on=same, shipped_on=same, received_on=same) == {}
    assert problems(requested_on=None, shipped_on=None) == {}


def test_no_date_is_in_the_future_or_not_a_date() -> None:
    assert problems(received_on=date(2026, 11, 30)) == {
        "received_on": "2026-11-30 is in the future."
    }
    assert problems(received_on=TODAY) == {}
    errors = problems(requested_on=datetime(2026, 11, 1, 9), shipped_on="2026-11-03")
    assert set(errors) == {"requested_on", "shipped_on"}


@pytest.mark.parametrize("field", ["length_cm", "width_cm", "height_cm", "weight_kg"])
def test_measured_values_are_positive_and_exact(field: str) -> None:
    assert "above 0" in problems(**{field: D(0)})[field]
    assert "above 0" in problems(**{field: -3})[field]
    assert "float" in problems(**{field: 0.5})[field]
    assert problems(**{field: D("0.001")}) == {}


@pytest.mark.parametrize(
    ("scores", "key", "message"),
    [
        ({"appearance": 0}, "scores.appearance", "scored 1 to 5"),
        ({"appearance": 6}, "scores.appearance", "scored 1 to 5"),
        ({"appearance": D("4.5")}, "scores.appearance", "scored 1 to 5"),
        ({"appearance": True}, "scores.appearance", "scored 1 to 5"),
        ({"appearance": PassFail.PASS}, "scores.appearance", "scored 1 to 5"),
        ({"Hinge holds 10 kg": 5}, "scores.Hinge holds 10 kg", "is pass or fail"),
        ({"Hinge holds 10 kg": "pass"}, "scores.Hinge holds 10 kg", "is pass or fail"),
        ({"Colour fastness": 3}, "scores.Colour fastness", "no criterion 'Colour fastness'"),
    ],
)
def test_scores_fit_their_criterion(scores: dict, key: str, message: str) -> None:
    errors = problems(scores=scores)
    assert list(errors) == [key] and message in errors[key]


def test_scores_at_the_ends_of_the_range_pass() -> None:
    assert (
        problems(scores={"appearance": 1, "function": 5, "Hinge holds 10 kg": PassFail.FAIL}) == {}
    )
    assert list(problems(scores=[("appearance", 3)])) == ["scores"]


def test_a_golden_sample_must_be_approved() -> None:
    assert problems(golden=True) == {
        "golden": "The golden sample is the approved reference: approve it first."
    }
    assert problems(golden=True, status=SampleStatus.APPROVED) == {}
    assert list(problems(status="arrived")) == ["status"]


def test_sample_texts_have_limits() -> None:
    errors = problems(variant="v" * 301, tracking_number="t" * 101, defects=None, verdict="ok")
    assert set(errors) == {"variant", "tracking_number", "defects"}


@pytest.mark.parametrize("value", [Decimal("1E-50"), Decimal("0.0001"), Decimal("100001")])
def test_measurements_too_fine_or_too_large_are_refused(value: Decimal) -> None:
    from app.domain.samples.sample import Product
    from app.domain.samples.validation import product_problems

    assert "length_cm" in product_problems(Product(name="Mug", length_cm=value))


def test_a_thousandth_is_fine_and_compares() -> None:
    from app.domain.samples.sample import Product, Sample, compare_samples
    from app.domain.samples.validation import product_problems

    product = Product(name="Mug", length_cm=Decimal("0.001"))
    assert product_problems(product) == {}
    samples = [Sample(length_cm=Decimal("0.002"), id=1), Sample(length_cm=Decimal(12), id=2)]
    table = compare_samples(product, samples)
    assert table.row("length_cm").cells[0].best
