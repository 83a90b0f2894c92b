"""Messages of the rules: English by str(), the parts the interface translates kept apart, and
every template app/domain marks has a Chinese translation with the same fields."""

from __future__ import annotations

from app.domain.kit.message import AND, COMMA, KIT, QT_TRANSLATE_NOOP, Listing, Message, Term
from tests.domain.kit.marked import marked, placeholders, translated


def test_str_fills_the_english_template_with_the_fields_in_english() -> None:
    limit = Message("ctx", "Longest side")
    said = Message(
        "ctx", "{limit} {value} cm is over {maximum} cm", limit=limit, value="130", maximum=120
    )
    assert str(said) == "Longest side 130 cm is over 120 cm"
    assert said.context == "ctx" and said.template == "{limit} {value} cm is over {maximum} cm"
    assert said.values() == {"limit": limit, "value": "130", "maximum": 120}


def test_fields_may_be_named_context_or_template() -> None:
    said = Message("ctx", "{context}/{template}", context="a", template="b")
    assert (said.context, said.template, str(said)) == ("ctx", "{context}/{template}", "a/b")


def test_a_term_reads_as_its_english_label_and_keeps_its_chinese() -> None:
    battery = Term("Battery (带电)", "带电")
    assert str(Message("ctx", "{tag} refused", tag=battery)) == "Battery (带电) refused"
    assert battery.label_zh == "带电"


def test_a_listing_joins_its_items_with_its_separator() -> None:
    tags = Listing((Term("Battery (带电)", "带电"), Term("Magnet (带磁)", "带磁")))
    assert tags.separator == COMMA and str(tags) == "Battery (带电), Magnet (带磁)"
    assert str(Listing(("CNY", "EUR", "USD"), AND)) == "CNY and EUR and USD"
    assert str(Listing(())) == ""


def test_messages_are_values() -> None:
    one = Message("ctx", "{n} pcs", n="1,000")
    assert one == Message("ctx", "{n} pcs", n="1,000") and hash(one) == hash(
        Message("ctx", "{n} pcs", n="1,000")
    )
    assert one != Message("ctx", "{n} pcs", n="999")
    assert len({one, Message("ctx", "{n} pcs", n="1,000")}) == 1
    assert Message("ctx", "{a}{b}", a="1", b="2") == Message("ctx", "{a}{b}", b="2", a="1")


def test_the_marker_is_a_no_op_that_lupdate_reads() -> None:
    assert QT_TRANSLATE_NOOP("ctx", "Weight") == "Weight"
    assert (KIT, ", ") in marked() and (KIT, " and ") in marked()
    assert ("domain.consolidation", "Longest side") in marked()


def test_every_marked_template_is_translated_with_the_same_fields() -> None:
    catalogue = translated()
    for context, template in sorted(marked()):
        chinese = catalogue.get(context, {}).get(template)
        assert chinese, f"untranslated: {context}: {template}"
        assert placeholders(chinese) == placeholders(template), template
    # and the file holds nothing the domain does not mark (no stale translations)
    assert {(c, t) for c, texts in catalogue.items() for t in texts} == set(marked())
