"""Quote pricing: all-units breaks, MOQ, order multiple, shop minimum, rounding and validity."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.negotiation.quotes import (
    PriceBreak,
    PricedQuote,
    Quote,
    TradeTerm,
    Unpriceable,
    UnpriceableReason,
    Validity,
    days_left,
    price_quote,
    quote_problems,
    round_to_multiple,
    validity_on,
)

D = Decimal
BREAKS = (PriceBreak(2, D("3.20")), PriceBreak(100, D("2.80")), PriceBreak(500, D("2.50")))
QUOTE = Quote(supplier_id=1, product="Phone stand", breaks=BREAKS, domestic_shipping=D("12.00"))


def priced(quote: Quote, quantity: int, **extra: object) -> PricedQuote:
    result = price_quote(quote, quantity, **extra)  # type: ignore[arg-type]
    assert isinstance(result, PricedQuote), result
    return result


def refused(quote: Quote, quantity: int, **extra: object) -> Unpriceable:
    result = price_quote(quote, quantity, **extra)  # type: ignore[arg-type]
    assert isinstance(result, Unpriceable), result
    return result


# --- breaks ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("quantity", "price"),
    [(2, "3.20"), (99, "3.20"), (100, "2.80"), (101, "2.80"), (499, "2.80"), (500, "2.50")],
)
def test_the_break_minimum_is_inclusive_and_one_below_is_not(quantity: int, price: str) -> None:
    result = priced(QUOTE, quantity)
    assert result.unit_price == D(price)
    assert result.price_break.unit_price == D(price)


def test_all_units_the_whole_quantity_takes_the_break_price() -> None:
    result = priced(QUOTE, 100)
    assert result.goods_total == D("280.00")
    assert result.ordered_qty == 100
    assert result.domestic_shipping == D("12.00")
    assert result.total == D("292.00")
    for value in (result.unit_price, result.goods_total, result.domestic_shipping, result.total):
        assert type(value) is Decimal


def test_beyond_the_last_break_its_price_goes_on() -> None:
    assert priced(QUOTE, 1_000_000).unit_price == D("2.50")


# --- MOQ ------------------------------------------------------------------------------------
def test_below_the_first_break_is_not_priced_at_it() -> None:
    result = refused(QUOTE, 1)
    assert result.reason is UnpriceableReason.BELOW_MOQ
    assert result.message == "Below the MOQ of 2 pieces: order at least 2."
    assert result.least_qty == 2


def test_an_moq_below_the_first_break_prices_at_the_first_break_from_the_moq() -> None:
    quote = Quote(1, "Cup", breaks=(PriceBreak(100, D("3.00")), PriceBreak(500, D("2.50"))), moq=50)
    assert priced(quote, 50).unit_price == D("3.00")
    assert priced(quote, 99).unit_price == D("3.00")
    assert priced(quote, 100).unit_price == D("3.00")
    assert priced(quote, 500).unit_price == D("2.50")
    below = refused(quote, 49)
    assert "Below the MOQ of 50 pieces" in below.message


def test_an_moq_above_the_first_break_refuses_below_it() -> None:
    quote = replace(QUOTE, moq=150)
    assert "Below the MOQ of 150 pieces" in refused(quote, 149).message
    assert priced(quote, 150).unit_price == D("2.80")


def test_quantity_rounds_up_to_the_order_multiple_before_the_break_is_chosen() -> None:
    quote = replace(QUOTE, order_multiple=12)
    assert priced(quote, 95).ordered_qty == 96
    assert priced(quote, 96).ordered_qty == 96
    assert priced(quote, 97).ordered_qty == 108
    result = priced(quote, 99)  # 108 is past the 100 break
    assert (result.ordered_qty, result.unit_price, result.goods_total) == (
        108,
        D("2.80"),
        D("302.40"),
    )
    assert round_to_multiple(1, 1) == 1
    assert round_to_multiple(13, 12) == 24


def test_the_moq_is_checked_on_the_rounded_quantity() -> None:
    quote = replace(QUOTE, moq=100, order_multiple=12)
    result = refused(quote, 95)
    assert result.ordered_qty == 96
    assert result.least_qty == 108
    assert "95 rounds up to 96, a multiple of 12" in result.message
    assert "order at least 108" in result.message
    assert priced(quote, 97).ordered_qty == 108


# --- seller-level minimum -------------------------------------------------------------------
FLAT = Quote(
    1, "Sock", breaks=(PriceBreak(1, D("3.00")),), seller_min_amount=D(300), seller_min_qty=30
)


def test_the_shop_minimum_by_amount_exactly_is_met() -> None:
    only_amount = replace(FLAT, seller_min_qty=None)
    assert priced(only_amount, 100).goods_total == D("300.00")
    result = refused(only_amount, 99)
    assert result.reason is UnpriceableReason.SELLER_MINIMUM
    assert result.message == (
        "Below the shop's minimum order of ¥300.00: this order is ¥297.00 and 99 pieces."
    )


def test_the_shop_minimum_by_pieces_exactly_is_met() -> None:
    assert priced(FLAT, 30).goods_total == D("90.00")  # ¥90 is far below ¥300: pieces count
    result = refused(FLAT, 29)
    assert "¥300.00 or 30 pieces" in result.message
    only_pieces = replace(FLAT, seller_min_amount=None)
    assert priced(only_pieces, 30).ordered_qty == 30
    assert refused(only_pieces, 29).reason is UnpriceableReason.SELLER_MINIMUM


def test_the_rest_of_a_mixed_batch_counts_toward_the_shop_minimum() -> None:
    assert priced(FLAT, 29, other_amount=D("213.00")).goods_total == D("87.00")
    assert refused(FLAT, 29, other_amount=D("212.99")).reason is UnpriceableReason.SELLER_MINIMUM
    assert priced(FLAT, 29, other_pieces=1).ordered_qty == 29


# --- rounding -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("currency", "price", "quantity", "total"),
    [
        ("CNY", "2.345", 1, "2.35"),  # half-even would give 2.34
        ("CNY", "0.0125", 2, "0.03"),  # half-even would give 0.02
        ("CNY", "0.0125", 1, "0.01"),
        ("CNY", "0.0333", 3, "0.10"),
        ("JPY", "10.5", 1, "11"),  # no minor unit; half-even would give 10
    ],
)
def test_the_goods_total_is_rounded_once_half_up(
    currency: str, price: str, quantity: int, total: str
) -> None:
    quote = Quote(1, "Bead", currency=currency, breaks=(PriceBreak(1, D(price)),))
    result = priced(quote, quantity)
    assert result.goods_total == D(total)
    assert str(result.goods_total) == total


# --- shipping -------------------------------------------------------------------------------
def test_included_shipping_is_zero_and_unknown_shipping_is_none() -> None:
    included = replace(QUOTE, domestic_shipping=None, shipping_included=True)
    assert priced(included, 100).domestic_shipping == D(0)
    assert priced(included, 100).total == D("280.00")
    unknown = replace(QUOTE, domestic_shipping=None)
    assert priced(unknown, 100).domestic_shipping is None
    assert priced(unknown, 100).total is None


# --- validity -------------------------------------------------------------------------------
FLOAT_BREAK = PriceBreak(2, 3.2)  # type: ignore[arg-type]
DATED = replace(QUOTE, valid_from=date(2026, 12, 1), valid_until=date(2026, 12, 10))


@pytest.mark.parametrize(
    ("on", "status"),
    [
        (date(2026, 11, 30), Validity.NOT_YET_VALID),
        (date(2026, 12, 1), Validity.VALID),  # 9 days left
        (date(2026, 12, 2), Validity.VALID),  # 8 days left
        (date(2026, 12, 3), Validity.EXPIRING),  # 7 days left: inclusive
        (date(2026, 12, 10), Validity.EXPIRING),  # the until day itself is valid
        (date(2026, 12, 11), Validity.EXPIRED),
    ],
)
def test_validity_on_a_date(on: date, status: Validity) -> None:
    assert validity_on(DATED, on) is status


def test_validity_warning_days_are_editable_and_open_quotes_are_valid() -> None:
    assert validity_on(DATED, date(2026, 12, 3), warn_days=6) is Validity.VALID
    assert validity_on(DATED, date(2026, 12, 10), warn_days=0) is Validity.EXPIRING
    assert validity_on(QUOTE, date(2030, 1, 1)) is Validity.VALID
    assert days_left(DATED, date(2026, 12, 11)) == -1
    assert days_left(QUOTE, date(2026, 12, 11)) is None
    assert Validity.EXPIRING.label == "Expiring soon"
    assert Validity.EXPIRED.label_zh == "已过期"


def test_an_expired_quote_still_prices() -> None:
    assert validity_on(DATED, date(2027, 1, 1)) is Validity.EXPIRED
    assert priced(DATED, 100).unit_price == D("2.80")


# --- validation -----------------------------------------------------------------------------
def test_a_complete_quote_has_no_problems() -> None:
    full = replace(
        DATED,
        moq=50,
        order_multiple=10,
        seller_min_amount=D("300.00"),
        seller_min_qty=30,
        lead_time_days=15,
        payment_terms="30 % deposit",
        trade_term=TradeTerm.FOB,
        note="Black only",
    )
    assert quote_problems(full) == []
    assert TradeTerm.FOB.label_zh == "离岸价"


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"breaks": ()}, "Enter at least one price break"),
        ({"breaks": (PriceBreak(100, D(3)), PriceBreak(2, D(4)))}, "2 comes after 100"),
        ({"breaks": (PriceBreak(2, D(3)), PriceBreak(2, D(2)))}, "must go up in quantity"),
        ({"breaks": (PriceBreak(2, D(0)),)}, "unit price of price break 1 must be above 0"),
        ({"breaks": (FLOAT_BREAK,)}, "must be an exact number, not a float"),
        ({"breaks": (PriceBreak(2, D("3.20001")),)}, "more than 4 decimals"),
        ({"breaks": (PriceBreak(0, D(3)),)}, "quantity of price break 1 must be between 1"),
        ({"moq": 0}, "The MOQ must be between 1"),
        ({"order_multiple": 0}, "The order multiple must be between 1"),
        ({"seller_min_qty": 0}, "minimum pieces must be between 1"),
        ({"seller_min_amount": D("-1")}, "minimum amount must be 0 or more"),
        ({"domestic_shipping": D("1.234")}, "Domestic shipping has more than 2 decimals for CNY"),
        ({"shipping_included": True}, "Shipping is included: leave domestic shipping empty or 0"),
        ({"valid_until": date(2026, 11, 1)}, "cannot end (2026-11-01) before it starts"),
        ({"currency": "rmb"}, "'rmb' is not a currency code"),
        ({"supplier_id": None}, "Choose the supplier"),
        ({"product": " "}, "Enter the product"),
        ({"trade_term": "FOB"}, "is not a trade term"),
        ({"lead_time_days": -1}, "The lead time (days) must be between 0"),
    ],
)
def test_every_broken_rule_is_named_for_the_user(changes: dict[str, object], words: str) -> None:
    problems = quote_problems(replace(DATED, **changes))  # type: ignore[arg-type]
    assert any(words in p for p in problems), problems
    for problem in problems:
        assert "unit_price" not in problem and "min_qty" not in problem


def test_pricing_a_broken_quote_or_quantity_raises_a_readable_error() -> None:
    with pytest.raises(ValueError, match="Enter at least one price break"):
        price_quote(replace(QUOTE, breaks=()), 10)
    with pytest.raises(ValueError, match="The quantity must be between 1"):
        price_quote(QUOTE, 0)
    with pytest.raises(ValueError, match="The quantity must be a whole number"):
        price_quote(QUOTE, 10.0)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="whole number"):
        price_quote(QUOTE, True)


# --- properties -----------------------------------------------------------------------------
@st.composite
def falling_quotes(draw: st.DrawFn) -> Quote:
    minimums = sorted(draw(st.sets(st.integers(1, 2_000), min_size=1, max_size=6)))
    cents = sorted(
        draw(st.sets(st.integers(1, 100_000), min_size=len(minimums), max_size=len(minimums))),
        reverse=True,
    )
    breaks = tuple(PriceBreak(m, D(c).scaleb(-2)) for m, c in zip(minimums, cents, strict=True))
    moq = draw(st.one_of(st.none(), st.integers(1, 3_000)))
    multiple = draw(st.integers(1, 24))
    return Quote(1, "Widget", breaks=breaks, moq=moq, order_multiple=multiple)


@given(falling_quotes(), st.integers(1, 5_000), st.integers(0, 5_000))
def test_a_larger_quantity_never_picks_a_dearer_break(quote: Quote, small: int, more: int) -> None:
    first, second = price_quote(quote, small), price_quote(quote, small + more)
    if isinstance(first, PricedQuote):
        assert isinstance(second, PricedQuote)  # no shop minimum: priceable stays priceable
        assert second.unit_price <= first.unit_price
        assert second.ordered_qty >= first.ordered_qty


@given(falling_quotes(), st.integers(1, 5_000))
def test_pricing_is_exact_decimal(quote: Quote, quantity: int) -> None:
    result = price_quote(quote, quantity)
    assert result.ordered_qty % quote.order_multiple == 0
    assert result.quantity <= result.ordered_qty < quantity + quote.order_multiple
    if isinstance(result, PricedQuote):
        assert result.ordered_qty >= quote.effective_moq
        assert type(result.goods_total) is Decimal
        exact = result.unit_price * result.ordered_qty
        assert abs(result.goods_total - exact) <= D("0.005")
        applicable = [b for b in quote.breaks if b.min_qty <= result.ordered_qty]
        assert result.price_break == (applicable[-1] if applicable else quote.breaks[0])
    else:
        assert result.ordered_qty < quote.effective_moq
