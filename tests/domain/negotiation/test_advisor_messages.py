"""The quantity advisor's sentences as messages: str() is the English sentence (unchanged), the
quantities and the saving are fields already formatted, and the templates are translated."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from app.domain.kit.message import Message
from app.domain.negotiation.advisor import quantity_advice
from app.domain.negotiation.quotes import PriceBreak, Quote
from tests.domain.kit.marked import assert_translatable

D = Decimal
QUOTE = Quote(
    1,
    "Phone stand",
    breaks=(PriceBreak(2, D("3.20")), PriceBreak(100, D("2.80")), PriceBreak(5000, D("2.50"))),
    domestic_shipping=D("12.00"),
)


def test_a_saving_with_a_buy_up_point_is_one_sentence_with_its_figures() -> None:
    advice = quantity_advice(QUOTE, 1, 6000)
    first, second = advice.savings
    said = first.sentence_message
    assert (
        str(said)
        == first.sentence
        == (
            "Ordering 100 instead of 99 costs ¥36.80 less; "
            "from 88 pieces up, ordering 100 costs no more."
        )
    )
    assert said == Message(
        "domain.negotiation",
        "Ordering {to_qty} instead of {from_qty} costs {saving} less; "
        "from {buy_up_from} pieces up, ordering {to_qty} costs no more.",
        to_qty="100",
        from_qty="99",
        saving="¥36.80",
        buy_up_from="88",
    )
    assert second.sentence_message.values()["from_qty"] == "4,999"  # grouped as before
    assert second.sentence.startswith("Ordering 5,000 instead of 4,999 costs ¥1,497.20 less")
    for saving in advice.savings:
        assert_translatable(saving.sentence_message)


def test_a_saving_without_a_buy_up_point_is_the_short_sentence() -> None:
    advice = quantity_advice(replace(QUOTE, order_multiple=12), 1, 200)
    (saving,) = (s for s in advice.savings if s.to_qty == 108)
    said = saving.sentence_message
    assert str(said) == saving.sentence == "Ordering 108 instead of 96 costs ¥4.80 less."
    assert said.template == "Ordering {to_qty} instead of {from_qty} costs {saving} less."
    assert said.values() == {"to_qty": "108", "from_qty": "96", "saving": "¥4.80"}
    assert_translatable(said)
