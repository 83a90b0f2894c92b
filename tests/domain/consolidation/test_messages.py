"""The consolidation rules' refusals and the plan's note as messages: str() is the English the
exports and the CLI print (unchanged), and the parts the interface translates are kept apart
(the parcel, the limit, the restricted goods as terms), each marked and translated."""

from __future__ import annotations

from decimal import Decimal

from app.domain.consolidation.agent_fees import AgentFees
from app.domain.consolidation.boxes import PackingRules
from app.domain.consolidation.parcels import Parcel, RestrictedTag, tag_terms
from app.domain.consolidation.planner import LineOption, plan_shipment
from app.domain.consolidation.rate_card import BoxLimits
from app.domain.consolidation.split import LineRefusal, best_split, price_split
from app.domain.kit.message import AND, COMMA, Listing, Message, Term
from app.domain.kit.money import Money
from tests.domain.consolidation.cards import AGENT, FREE_AGENT, air, ems, parcel
from tests.domain.kit.marked import assert_translatable

D = Decimal
CONTEXT = "domain.consolidation"
NO_TARE = PackingRules(carton_tare_kg=D(0), packing_factor=D(1))


def refused(found: object) -> LineRefusal:
    assert isinstance(found, LineRefusal)
    assert_translatable(found.reason_message)
    assert str(found.reason_message) == found.message
    return found


def test_a_limit_refusal_names_the_parcel_and_the_limit_apart() -> None:
    rod = parcel(2, "3", (125, 20, 10), label="窗帘杆 curtain rod")
    found = refused(best_split([parcel(1, "2", (40, 30, 20)), rod], air(), AGENT))
    assert found.message == (
        "Parcel '窗帘杆 curtain rod': Longest side 125 cm is over this line's 120 cm"
    )
    said = found.reason_message
    assert (said.context, said.template) == (CONTEXT, "{parcel}: {reason}")
    fields = said.values()
    assert fields["parcel"] == Message(CONTEXT, "Parcel '{label}'", label="窗帘杆 curtain rod")
    reason = fields["reason"]
    assert isinstance(reason, Message)
    assert reason.values() == {
        "limit": Message(CONTEXT, "Longest side"),
        "value": "125",
        "unit": "cm",
        "maximum": "120",
    }


def test_restricted_goods_are_terms_with_their_chinese_labels() -> None:
    stands = parcel(
        1, "1", (20, 10, 5), RestrictedTag.MAGNET, RestrictedTag.BATTERY, label="无线充支架"
    )
    found = refused(best_split([stands], air(), AGENT))
    assert found.message == (
        "Parcel '无线充支架': Battery (带电), Magnet (带磁) not accepted on this line"
    )
    reason = found.reason_message.values()["reason"]
    assert isinstance(reason, Message)
    assert reason.template == "{tags} not accepted on this line"
    assert reason.values()["tags"] == Listing(
        (Term("Battery (带电)", "带电"), Term("Magnet (带磁)", "带磁")), COMMA
    )
    assert tag_terms([RestrictedTag.LIQUID]).items == (Term("Liquid (液体)", "液体"),)


def test_a_refused_box_lists_its_parcels_and_an_unlabelled_parcel_goes_by_number() -> None:
    light = air(limits=BoxLimits(max_kg=D(10)))
    chosen = [parcel(1, "6", (10, 10, 10)), parcel(2, "6", (10, 10, 10))]
    found = refused(price_split([chosen], light, FREE_AGENT, NO_TARE))
    assert (
        found.message
        == "The box of parcel 'P1', parcel 'P2': Weight 12 kg is over this line's 10 kg"
    )
    numbered = Parcel(12, " ", D(1), chosen[0].dimensions)
    assert numbered.title_message == Message(CONTEXT, "Parcel #{id}", id="12")
    assert (numbered.title, numbered.name) == ("Parcel #12", "parcel #12")
    assert_translatable(numbered.name_message)


def test_fees_in_another_currency_and_an_uninsured_parcel_are_messages_too() -> None:
    currency = refused(best_split([parcel(1, "1", (10, 10, 10))], air(), AgentFees(currency="USD")))
    assert currency.message == (
        "Priced in CNY but the agent's fees are in USD: enter both in one currency"
    )
    assert currency.reason_message.values() == {"line_currency": "CNY", "agent_currency": "USD"}
    insurer = AgentFees(insurance_percent=D(3))
    socks = parcel(3, "1", (10, 10, 10), label="Socks")
    priced_in_usd = Parcel(4, "Cups", D(1), socks.dimensions, declared_value=Money(D(5), "USD"))
    for chosen, english in (
        ([socks], "Parcel 'Socks' has no declared value: enter one to insure the shipment"),
        ([priced_in_usd], "Parcel 'Cups''s declared value is in USD but the agent insures in CNY"),
    ):
        line = plan_shipment(chosen, [LineOption(air(), insurer)], insure=True).lines[0]
        said = line.refusal_message
        assert said is not None and str(said) == line.refusal == english
        assert_translatable(said)


def test_the_plan_says_why_lines_are_not_compared_and_says_nothing_otherwise() -> None:
    usd = LineOption(air(name="USD air", currency="USD"), AgentFees(currency="USD"))
    eur = LineOption(ems(currency="EUR"), AgentFees(currency="EUR"))
    plan = plan_shipment([parcel(1, "1", (10, 10, 10))], [LineOption(air(), AGENT), usd, eur])
    note = plan.note_message
    assert note is not None and str(note) == plan.note
    assert (
        plan.note == "Lines priced in CNY and EUR and USD: not compared without an exchange rate."
    )
    assert note.values() == {"currencies": Listing(("CNY", "EUR", "USD"), AND)}
    assert_translatable(note)
    single = plan_shipment([parcel(1, "1", (10, 10, 10))], [LineOption(air(), AGENT)])
    assert single.note_message is None and single.note == ""
    accepted = single.lines[0]
    assert accepted.refusal_message is None and accepted.refusal == ""
