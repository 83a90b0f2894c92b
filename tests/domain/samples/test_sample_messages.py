"""The sample comparison's notes as messages (issue 15): `note` is the English as before, the
currencies and the measure are fields, every template marked and translated."""

from __future__ import annotations

from decimal import Decimal

from app.domain.kit.message import AND, Listing, Term
from app.domain.kit.money import Money
from app.domain.samples.sample import Product, Sample, compare_samples
from tests.domain.kit.marked import assert_translatable

D = Decimal


def test_mixed_currencies_read_as_before() -> None:
    table = compare_samples(
        Product(name="Phone stand", length_cm=D(12)),
        [
            Sample(price=Money(D("15"), "USD"), shipping=Money(D("20"), "CNY")),
            Sample(price=Money(D("90"), "CNY"), shipping=Money(D("9"), "CNY")),
        ],
    )
    price = table.row("price")
    assert price.note == "In CNY and USD: not compared without an exchange rate."
    assert price.note_said is not None
    assert price.note_said.values() == {"currencies": Listing(("CNY", "USD"), AND)}
    assert_translatable(price.note_said)
    mixed, plain = table.row("total").cells
    assert mixed.note == "Price in USD and shipping in CNY: no total without an exchange rate."
    assert mixed.note_said is not None and plain.note_said is None and plain.note == ""
    assert_translatable(mixed.note_said)
    assert table.row("shipping").note == "" and table.row("shipping").note_said is None


def test_a_measure_without_a_target_reads_as_before() -> None:
    table = compare_samples(Product(name="x"), [Sample(weight_kg=D(3))])
    row = table.row("weight_kg")
    assert row.note == "The spec has no target weight: deviations cannot be worked out."
    assert row.note_said is not None and row.note_said.values()["measure"] == Term("weight", "重量")
    for key in ("length_cm", "width_cm", "height_cm", "weight_kg"):
        said = table.row(key).note_said
        assert said is not None
        assert_translatable(said)
