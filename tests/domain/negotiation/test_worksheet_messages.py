"""The worksheet's cost-structure sentences as messages (issue 15): str() is the English as
before, the parts are terms (English and Chinese labels), the amounts fields already formatted,
and every part is marked and translated."""

from __future__ import annotations

from decimal import Decimal

from app.domain.kit.message import AND, Listing, Message, Term
from app.domain.negotiation.worksheet import CostPart, estimate_cost_structure
from tests.domain.kit.marked import assert_translatable

D = Decimal
SHARES = {
    CostPart.RAW_MATERIAL: D(35),
    CostPart.LABOUR: D(20),
    CostPart.OVERHEAD: D(15),
    CostPart.PROFIT: D(30),
}


def test_the_room_summary_reads_as_before_and_is_a_message() -> None:
    estimate = estimate_cost_structure(D("2.80"), "CNY")
    said = estimate.summary_said
    assert (
        str(said)
        == estimate.summary
        == (
            "Most room in profit ¥0.42 (negotiable); some in labour ¥0.56 (efficiency) and "
            "overhead ¥0.42 (volume discounts); little in raw material ¥1.40 (market driven)."
        )
    )
    medium = said.values()["medium"]
    assert isinstance(medium, Listing) and medium.separator == AND
    labour = medium.items[0]
    assert isinstance(labour, Message)
    assert labour.values()["part"] == Term("labour", "人工")
    assert labour.values()["amount"] == "¥0.56"
    assert_translatable(said)


def test_a_price_with_more_decimals_keeps_its_amounts_exact() -> None:
    estimate = estimate_cost_structure(D("0.125"), "CNY")
    assert estimate.summary.startswith("Most room in profit 0.019 CNY (negotiable)")


def test_a_share_outside_its_range_is_a_note_message() -> None:
    estimate = estimate_cost_structure(D("2.80"), "CNY", SHARES)
    assert estimate.notes == (
        "Raw material at 35 % is outside the typical 40-60 %.",
        "Profit at 30 % is outside the typical 10-25 %.",
    )
    for note in estimate.notes_said:
        assert_translatable(note)
    assert estimate.notes_said[0].values()["part"] == Term("Raw material", "原材料")


def test_the_levers_read_as_before() -> None:
    assert [part.lever for part in CostPart] == [
        "market driven",
        "efficiency",
        "volume discounts",
        "negotiable",
    ]
    for part in CostPart:
        assert_translatable(part.lever_said)
