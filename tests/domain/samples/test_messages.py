"""Every message the product and sample rules can give is for the user (issue 14): fed each
invalid value, field by field, none names an internal field (`weight_kg`, `supplier_id`...) or
a piece of code."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import fields, replace
from datetime import date, datetime
from decimal import Decimal

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
from app.domain.samples.validation import product_problems, sample_problems

D = Decimal
TODAY = date(2026, 11, 29)
HINGE = "Hinge holds 10 kg"
CRITERIA = (*BUILT_IN_CRITERIA, Criterion(HINGE, CriterionKind.PASS_FAIL))
# snake_case identifiers (weight_kg, supplier_id, length_cm, name_zh), and code: a call such as
# Criterion(name...) or Money(amount=...), an enum's <PassFail.PASS: ...>, datetime.date(...).
INTERNAL = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b|\w\(\w|<\w+\.|\bdatetime\.")
GOOD_SAMPLE = Sample(
    product_id=1,
    supplier_id=2,
    price=Money(D("15.50")),
    shipping=Money(D("8.00")),
    requested_on=date(2026, 11, 1),
    shipped_on=date(2026, 11, 3),
    received_on=date(2026, 11, 9),
    status=SampleStatus.RECEIVED,
)
# Wrong values of every kind; each field gets each of them (and some their own, below).
BAD_VALUES: tuple[object, ...] = (
    None,
    "",
    "   ",
    "x" * 40_001,
    "bogus",
    3,
    -1,
    0,
    1.5,
    True,
    D(0),
    D(-2),
    D("NaN"),
    D("Infinity"),
    D("0.0001"),
    D("1" * 41),
    D(10**6),
    date(2099, 1, 1),
    datetime(2026, 11, 1, 9),
    date(2000, 1, 1),
    Money(D("-1")),
    Money(D("1.001")),
    Money(D("1.5"), "JPY"),
    Money(D(1), "cny"),
    Money(1.5, "USD"),  # type: ignore[arg-type]
    {"appearance": 9},
    {"appearance": PassFail.PASS},
    {HINGE: 3},
    {"Colour fastness": 3},
    ["appearance"],
    (Criterion(" "),),
    (Criterion("x" * 61),),
    (Criterion("Appearance"),),
    (Criterion("Logo"), Criterion(" logo ")),
    (Criterion("Logo", kind="stars"),),  # type: ignore[arg-type]
    ("Logo",),
    (3,),
    object(),
)
SPECIAL_SAMPLES = (
    replace(GOOD_SAMPLE, free=True),  # a free sample with a price
    replace(GOOD_SAMPLE, golden=True),  # golden but not approved
    replace(GOOD_SAMPLE, shipped_on=date(2026, 10, 1)),  # shipped before requested
    replace(GOOD_SAMPLE, received_on=date(2026, 11, 2)),  # received before shipped
    replace(GOOD_SAMPLE, shipped_on=None, received_on=date(2026, 10, 1)),
    Sample(),  # nothing chosen
)


def product_messages() -> Iterator[tuple[str, str, str]]:
    for field in fields(Product):
        if field.name == "id":
            continue
        for value in BAD_VALUES:
            product = replace(Product(name="Mug"), **{field.name: value})
            for key, message in product_problems(product).items():
                yield field.name, key, message
    yield "name", "name", product_problems(Product())["name"]


def sample_messages() -> Iterator[tuple[str, str, str]]:
    for field in fields(Sample):
        if field.name == "id":
            continue
        for value in BAD_VALUES:
            sample = replace(GOOD_SAMPLE, **{field.name: value})
            for key, message in sample_problems(sample, CRITERIA, TODAY).items():
                yield field.name, key, message
    for sample in SPECIAL_SAMPLES:
        for key, message in sample_problems(sample, CRITERIA, TODAY).items():
            yield "-", key, message


def test_every_field_of_product_and_sample_is_walked_and_refused_somewhere() -> None:
    walked_products = {key.split("[")[0] for _field, key, _message in product_messages()}
    walked_samples = {key.split(".")[0] for _field, key, _message in sample_messages()}
    assert {f.name for f in fields(Product)} - {"id"} <= walked_products
    assert {f.name for f in fields(Sample)} - {"id"} <= walked_samples


def test_no_validation_message_names_an_internal_field() -> None:
    messages = {message for _f, _k, message in (*product_messages(), *sample_messages())}
    assert len(messages) > 60  # every rule, not a handful
    leaking = sorted(m for m in messages if INTERNAL.search(m))
    assert leaking == []


def test_the_pattern_catches_what_the_issue_saw() -> None:
    for text in (
        "'x' is not a number: weight_kg.",
        "supplier_id is required",
        "The length_cm must be above 0",
        "Give each criterion as Criterion(name, kind).",
    ):
        assert INTERNAL.search(text), text
    for text in ("The measured weight must be above 0, not -1.", "Choose the supplier.", "1-5"):
        assert not INTERNAL.search(text), text
