"""Landed cost: one rounded line per component, summing exactly to the total."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.negotiation.cost_settings import FeeBasis, LandedCostSettings, settings_problems
from app.domain.negotiation.destinations import (
    EU,
    NO_DESTINATION,
    UK,
    US,
    DutyBasis,
    destination,
)
from app.domain.negotiation.fx import ExchangeRate
from app.domain.negotiation.landed_cost import Component, LandedCost, landed_cost
from app.domain.negotiation.quotes import PriceBreak, PricedQuote, Quote, price_quote

D = Decimal
SPRING = date(2026, 3, 1)
RATES = tuple(
    ExchangeRate(code, D(rate), date(2026, 1, 1))
    for code, rate in (("CNY", "7.80"), ("USD", "1.08"), ("GBP", "0.85"))
)


def priced(
    price: str, quantity: int = 1, currency: str = "CNY", shipping: str = "0"
) -> PricedQuote:
    quote = Quote(
        1,
        "Lamp",
        currency=currency,
        breaks=(PriceBreak(1, D(price)),),
        domestic_shipping=D(shipping),
    )
    result = price_quote(quote, quantity)
    assert isinstance(result, PricedQuote)
    return result


def cost(
    item: PricedQuote, home: str = "EUR", on: date = SPRING, rates: tuple = RATES, **changes: object
) -> LandedCost:
    chosen = LandedCostSettings(**changes)  # type: ignore[arg-type]
    return landed_cost(item, chosen, rates, home, on)


def amounts(result: LandedCost) -> dict[Component, Decimal]:
    return {line.component: line.amount for line in result.lines}


def test_zoll_de_example_duty_on_cif_vat_on_cif_plus_duty_plus_inland() -> None:
    # zoll.de: goods 10,000 + freight to Rotterdam 1,200 -> duty 2 % = 224.00 -> VAT base
    # 11,200 + 224 + 300 inland = 11,724 -> VAT 19 % = 2,227.56.
    result = cost(
        priced("78.00", 1000),  # ¥78,000 at 1 EUR = 7.80 CNY: €10,000.00
        freight=D("1200.00"),
        duty_pct=D(2),
        vat_pct=D(19),
        post_border_transport=D("300.00"),
        destination=EU,
    )
    assert result.amount(Component.GOODS) == D("10000.00")
    assert result.customs_value == D("11200.00")
    assert result.amount(Component.DUTY) == D("224.00")
    assert result.vat_base == D("11724.00")
    assert result.amount(Component.VAT) == D("2227.56")
    assert result.total == D("13951.56")
    assert result.per_unit == D("13.95156")
    assert result.relief == ""


def test_reclaimable_vat_is_shown_but_not_counted() -> None:
    result = cost(
        priced("78.00", 1000),
        freight=D("1200.00"),
        duty_pct=D(2),
        vat_pct=D(19),
        post_border_transport=D("300.00"),
        vat_reclaimable=True,
    )
    vat = result.line(Component.VAT)
    assert (vat.amount, vat.counted) == (D("2227.56"), False)
    assert "Reclaimable" in vat.note
    assert result.total == D("11724.00")


def test_every_component_in_order_with_the_agent_fee_out_of_the_customs_value() -> None:
    result = cost(
        priced("78.00", 1000, shipping="78.00"),
        agent_fee_pct=D(5),
        payment_fee_pct=D(3),
        freight=D("1200.00"),
        insurance_pct=D("0.5"),
        insurance_cover_pct=D(110),
        duty_pct=D(2),
        vat_pct=D(19),
    )
    assert [line.component for line in result.lines] == list(Component)
    assert amounts(result) == {
        Component.GOODS: D("10000.00"),
        Component.DOMESTIC_SHIPPING: D("10.00"),
        Component.AGENT_FEE: D("500.00"),  # ¥3,900.00 in CNY, then converted
        Component.PAYMENT_FEE: D("315.30"),  # 3 % of 10,510.00 paid to the agent
        Component.FREIGHT: D("1200.00"),
        Component.INSURANCE: D("61.66"),  # 0.5 % of 110 % of 11,210.00 = 61.655
        Component.DUTY: D("225.43"),  # 2 % of 11,271.66: no agent fee in it
        Component.POST_BORDER: D("0.00"),
        Component.VAT: D("2184.45"),  # 19 % of 11,497.09 = 2,184.4471
    }
    assert result.customs_value == D("11271.66")
    assert result.total == sum(amounts(result).values())
    assert result.line(Component.INSURANCE).basis == D("12331.000")
    assert Component.DUTY.label == "Import duty"
    assert Component.VAT.label_zh == "进口增值税"


def test_the_agent_fee_is_computed_in_cny_then_converted() -> None:
    # 5 % of ¥100.60 = ¥5.03 -> €0.64; 5 % of the converted €12.90 would be €0.65.
    result = cost(priced("100.60"), agent_fee_pct=D(5))
    assert result.amount(Component.AGENT_FEE) == D("0.64")


@pytest.mark.parametrize(
    ("goods", "fee"),
    [
        ("100.00", "0.64"),  # 5 % = ¥5.00: exactly the minimum
        ("80.00", "0.64"),  # 5 % = ¥4.00: the ¥5.00 minimum
        ("120.00", "0.77"),  # 5 % = ¥6.00 = €0.769
        ("99.90", "0.64"),  # 5 % = ¥4.995 -> ¥5.00 (rounded, at the minimum)
    ],
)
def test_the_agent_minimum_is_in_cny_and_inclusive(goods: str, fee: str) -> None:
    result = cost(priced(goods), agent_fee_pct=D(5), agent_fee_min=D(5))
    assert result.amount(Component.AGENT_FEE) == D(fee)
    assert result.line(Component.AGENT_FEE).note == "5 % of goods, in CNY, at least ¥5.00."


def test_the_agent_fee_basis_may_include_domestic_shipping() -> None:
    item = priced("100.00", shipping="20.00")
    assert cost(item, agent_fee_pct=D(5)).amount(Component.AGENT_FEE) == D("0.64")
    both = cost(item, agent_fee_pct=D(5), agent_fee_basis=FeeBasis.GOODS_AND_DOMESTIC)
    assert both.amount(Component.AGENT_FEE) == D("0.77")  # ¥6.00


def test_a_quote_in_another_currency_pays_the_agent_in_cny() -> None:
    # $100 -> ¥722.22 (100 x 7.80 / 1.08) -> 5 % = ¥36.11 -> €4.63
    result = cost(priced("100.00", currency="USD"), agent_fee_pct=D(5))
    assert result.amount(Component.AGENT_FEE) == D("4.63")
    assert result.amount(Component.GOODS) == D("92.59")


def test_fob_basis_leaves_freight_and_insurance_out_and_vat_is_on_customs_plus_duty() -> None:
    rates = (ExchangeRate("CNY", D("7.20"), date(2026, 1, 1)),)
    result = cost(
        priced("72.00", 1000, shipping="720.00"),
        home="USD",
        rates=rates,
        freight=D("1200.00"),
        insurance_pct=D(1),
        duty_pct=D(25),
        duty_basis=DutyBasis.FOB,
        vat_pct=D(10),
        post_border_transport=D("50.00"),
    )
    assert result.customs_value == D("10100.00")
    assert result.amount(Component.DUTY) == D("2525.00")
    assert result.vat_base == D("12625.00")  # no transport after the border on FOB
    assert result.amount(Component.VAT) == D("1262.50")
    assert result.amount(Component.INSURANCE) == D("113.00")  # still a cost
    assert result.total == D("10000.00") + D("100.00") + D("1200.00") + D("113.00") + D(
        "2525.00"
    ) + D("50.00") + D("1262.50")


# --- low-value relief by date and destination -----------------------------------------------
def eu(goods: str, on: date, **changes: Any) -> LandedCost:
    values: dict[str, Any] = {"duty_pct": D(10), "vat_pct": D(20), "destination": EU}
    values.update(changes)
    return cost(priced(goods, currency="EUR"), on=on, **values)


def test_eu_no_duty_at_or_under_150_euro_but_vat_from_the_first_euro() -> None:
    at = eu("150.00", date(2026, 6, 30))
    assert at.amount(Component.DUTY) == D("0.00")
    assert at.amount(Component.VAT) == D("30.00")
    assert at.relief == "No duty: goods €150.00 at or under €150.00 (EU relief)."
    over = eu("150.01", date(2026, 6, 30))
    assert over.amount(Component.DUTY) == D("15.00")
    assert over.relief == ""


def test_eu_flat_duty_per_item_category_from_2026_07_01_until_2028_07_01() -> None:
    assert eu("150.00", date(2026, 7, 1)).amount(Component.DUTY) == D("3.00")
    two = eu("100.00", date(2028, 6, 30), item_categories=2)
    assert two.amount(Component.DUTY) == D("6.00")
    assert two.relief == "Goods €100.00 at or under €150.00: flat duty €3.00 x 2 item categories."
    assert eu("150.01", date(2026, 7, 1)).amount(Component.DUTY) == D("15.00")
    after = eu("100.00", date(2028, 7, 1))
    assert after.amount(Component.DUTY) == D("10.00")
    assert "check the current EU rule" in after.line(Component.DUTY).note


def test_eu_vat_relief_up_to_22_euro_before_2021_07_01() -> None:
    before = eu("22.00", date(2021, 6, 30))
    assert before.amount(Component.VAT) == D("0.00")
    assert before.relief.endswith("No import VAT.")
    assert eu("22.01", date(2021, 6, 30)).amount(Component.VAT) == D("4.40")
    assert eu("22.00", date(2021, 7, 1)).amount(Component.VAT) == D("4.40")


def test_the_flat_duty_is_in_euro_and_converted_to_home() -> None:
    rates = (ExchangeRate("EUR", D("1.17"), date(2026, 1, 1)),)
    result = cost(
        priced("100.00", currency="GBP"),
        home="GBP",
        rates=rates,
        on=date(2026, 8, 1),
        duty_pct=D(10),
        destination=EU,
    )
    assert result.amount(Component.DUTY) == D("2.56")  # €3 / 1.17


def test_uk_threshold_is_in_pounds() -> None:
    # €158.82 x 0.85 = £134.997 -> £135.00: relieved; €158.83 -> £135.01: duty.
    at = cost(priced("158.82", currency="EUR"), duty_pct=D(10), destination=UK)
    assert at.amount(Component.DUTY) == D("0.00")
    assert "£135.00 at or under £135.00" in at.relief
    over = cost(priced("158.83", currency="EUR"), duty_pct=D(10), destination=UK)
    assert over.amount(Component.DUTY) == D("15.88")


def test_us_de_minimis_ended_for_china_on_2025_05_02() -> None:
    def us(goods: str, on: date) -> Decimal:
        result = cost(
            priced(goods, currency="USD"),
            home="USD",
            on=on,
            duty_pct=D(25),
            duty_basis=DutyBasis.FOB,
            destination=US,
        )
        return result.amount(Component.DUTY)

    assert us("800.00", date(2025, 5, 1)) == D("0.00")
    assert us("800.01", date(2025, 5, 1)) == D("200.00")
    assert us("700.00", date(2025, 5, 2)) == D("175.00")
    assert us("150.00", date(2016, 3, 9)) == D("0.00")  # $200 before 2016-03-10
    assert us("250.00", date(2016, 3, 9)) == D("62.50")


def test_a_consignment_value_replaces_the_orders_own_goods() -> None:
    result = eu("100.00", date(2026, 6, 30), consignment_value=D("200.00"))
    assert result.amount(Component.DUTY) == D("10.00")
    assert eu("300.00", date(2026, 6, 30), consignment_value=D(50)).amount(Component.DUTY) == 0


def test_destinations_are_dated_data() -> None:
    assert destination("EU") is EU
    assert destination("none") is NO_DESTINATION
    assert NO_DESTINATION.rule_on(SPRING) is None
    assert EU.rule_on(date(2026, 6, 30)) is not EU.rule_on(date(2026, 7, 1))
    assert US.duty_basis is DutyBasis.FOB and EU.currency == "EUR" and UK.currency == "GBP"
    with pytest.raises(ValueError, match="choose EU, UK, US or none"):
        destination("CA")


# --- refusals -------------------------------------------------------------------------------
def test_a_missing_rate_or_unknown_shipping_is_refused_with_what_to_do() -> None:
    with pytest.raises(ValueError, match=r"No exchange rate for CNY: enter 1 EUR = x CNY\."):
        cost(priced("10.00"), rates=())
    with pytest.raises(ValueError, match="No exchange rate for GBP"):
        cost(priced("10.00", currency="EUR"), rates=(), destination=UK)
    quote = Quote(1, "Lamp", breaks=(PriceBreak(1, D(1)),))
    unknown = price_quote(quote, 1)
    assert isinstance(unknown, PricedQuote)
    with pytest.raises(ValueError, match="domestic shipping of this quote is unknown"):
        cost(unknown)


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"agent_fee_pct": D(-1)}, "The agent fee % must be 0 or more"),
        ({"payment_fee_pct": D(101)}, "The payment fee % must be 100 or less"),
        ({"duty_pct": D(1001)}, "The duty % must be 1000 or less"),
        ({"vat_pct": 19.0}, "The VAT % must be an exact number"),
        ({"insurance_cover_pct": D(90)}, "The insurance cover % must be 100 or more"),
        ({"freight": D("-1")}, "Freight must be 0 or more"),
        ({"freight": D("1.005")}, "Freight has more than 2 decimals for EUR"),
        ({"agent_fee_min": D("5.001")}, "minimum fee has more than 2 decimals for CNY"),
        ({"post_border_transport": None}, "Enter transport after the border"),
        ({"duty_basis": "CIF"}, "Choose the duty basis"),
        ({"item_categories": 0}, "at least 1 item category"),
        ({"agent_currency": "rmb"}, "not a currency code for the agent"),
    ],
)
def test_broken_settings_are_named_for_the_user(changes: dict[str, Any], words: str) -> None:
    broken = replace(LandedCostSettings(), **changes)
    problems = settings_problems(broken, "EUR")
    assert any(words in p for p in problems), problems
    with pytest.raises(ValueError, match=re.escape(words)):
        cost(priced("10.00"), **changes)
    assert settings_problems(LandedCostSettings(), "eur")[0].startswith("'eur' is not a currency")


# --- properties -----------------------------------------------------------------------------
percent = st.decimals(0, 100, places=2)


@settings(max_examples=200, deadline=None)
@given(
    price=st.decimals(D("0.01"), D(500), places=4),
    quantity=st.integers(1, 5_000),
    shipping=st.decimals(0, 200, places=2),
    agent=percent,
    minimum=st.decimals(0, 50, places=2),
    basis=st.sampled_from(FeeBasis),
    payment=percent,
    freight=st.decimals(0, 5_000, places=2),
    insurance=percent,
    cover=st.sampled_from([D(100), D(110)]),
    duty=st.decimals(0, 200, places=2),
    duty_basis=st.sampled_from(DutyBasis),
    vat=percent,
    reclaimable=st.booleans(),
    after=st.decimals(0, 500, places=2),
    place=st.sampled_from([EU, UK, US, NO_DESTINATION]),
    on=st.dates(date(2015, 1, 1), date(2030, 12, 31)),
    home=st.sampled_from(["EUR", "USD", "GBP"]),
)
def test_the_parts_always_sum_exactly_to_the_total(
    price: Decimal,
    quantity: int,
    shipping: Decimal,
    agent: Decimal,
    minimum: Decimal,
    basis: FeeBasis,
    payment: Decimal,
    freight: Decimal,
    insurance: Decimal,
    cover: Decimal,
    duty: Decimal,
    duty_basis: DutyBasis,
    vat: Decimal,
    reclaimable: bool,
    after: Decimal,
    place: object,
    on: date,
    home: str,
) -> None:
    rates = (
        ExchangeRate("CNY", D("7.80"), date(2000, 1, 1)),
        ExchangeRate("USD", D("1.08"), date(2000, 1, 1)),
        ExchangeRate("GBP", D("0.85"), date(2000, 1, 1)),
        ExchangeRate("EUR", D("0.93"), date(2000, 1, 1)),
    )
    result = landed_cost(
        priced(str(price), quantity, shipping=str(shipping)),
        LandedCostSettings(
            agent_fee_pct=agent,
            agent_fee_min=minimum,
            agent_fee_basis=basis,
            payment_fee_pct=payment,
            freight=freight,
            insurance_pct=insurance,
            insurance_cover_pct=cover,
            duty_pct=duty,
            duty_basis=duty_basis,
            vat_pct=vat,
            vat_reclaimable=reclaimable,
            post_border_transport=after,
            destination=place,  # type: ignore[arg-type]
        ),
        rates,
        home,
        on,
    )
    counted = sum((line.amount for line in result.lines if line.counted), D(0))
    assert counted == result.total
    for line in result.lines:
        assert type(line.amount) is Decimal
        assert line.amount == line.amount.quantize(D("0.01"))
        assert line.amount >= 0
    assert type(result.per_unit) is Decimal
    assert abs(result.per_unit * quantity - result.total) < D("1e-25")
